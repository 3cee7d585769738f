using System.IO.Compression;
using System.Text;
using FluentAssertions;
using ReportLint.Core.Documents;
using Xunit;

namespace ReportLint.Tests;

/// <summary>Word structures beyond the seed's: bullets, nested and restarted numbering, header rows, merged cells, content controls, breaks.</summary>
public sealed class WordReaderTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// A minimal .docx package around a body (and optional numbering and styles parts), built with the zip classes alone:
    /// Transitional or Strict OOXML, with any further relationships of the main part.
    /// </summary>
    internal static byte[] Docx(string body, string? numbering = null, string? styles = null, bool strict = false, string moreRelationships = "")
    {
        string ns = strict ? "http://purl.oclc.org/ooxml/wordprocessingml/main" : W;
        string types = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(xml));
            }
            string overrides = (numbering is null ? "" : "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>")
                               + (styles is null ? "" : "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>");
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" + overrides + "</Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{types}officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + (numbering is null ? "" : $"<Relationship Id=\"rId1\" Type=\"{types}numbering\" Target=\"numbering.xml\"/>")
                + (styles is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{types}styles\" Target=\"styles.xml\"/>")
                + moreRelationships + "</Relationships>");
            Part("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{ns}\"><w:body>{body}</w:body></w:document>");
            if (numbering is not null) Part("word/numbering.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"{ns}\">{numbering}</w:numbering>");
            if (styles is not null) Part("word/styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"{ns}\">{styles}</w:styles>");
        }
        return ms.ToArray();
    }

    private static string P(string text, string pPr = "") => $"<w:p>{(pPr.Length > 0 ? $"<w:pPr>{pPr}</w:pPr>" : "")}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";
    private static string Num(int numId, int level) => $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr>";
    private static string Cell(string content, string tcPr = "") => $"<w:tc>{(tcPr.Length > 0 ? $"<w:tcPr>{tcPr}</w:tcPr>" : "")}{content}</w:tc>";

    private const string Numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.%2)\"/></w:lvl></w:abstractNum>"
        + "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uF0B7\"/></w:lvl></w:abstractNum>"
        + "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
        + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"4\"/></w:lvlOverride></w:num>";

    [Fact]
    public void Lists_are_labelled_as_word_numbers_them()
    {
        string body = P("Scope", Num(1, 0)) + P("Regions", Num(1, 1)) + P("Segments", Num(1, 1)) + P("Method", Num(1, 0)) + P("Sources", Num(1, 1))
                      + P("A bullet", Num(2, 0)) + P("Fourth", Num(3, 0)) + P("Fifth", Num(3, 0));
        var doc = WordReader.Read("l.docx", Docx(body, Numbering));
        doc.Text.Should().Be("1. Scope\n1.a) Regions\n1.b) Segments\n2. Method\n2.a) Sources\n• A bullet\nIV. Fourth\nV. Fifth\n");
        doc.Blocks.Should().OnlyContain(b => b.Kind == BlockKind.ListItem);
    }

    [Fact]
    public void Headings_come_from_styles_or_outline_levels_and_breaks_stay_inside_their_paragraph()
    {
        const string styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
                              + "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:name w:val=\"Report Section\"/><w:basedOn w:val=\"Heading1\"/></w:style>";
        string body = P("Overview", "<w:pStyle w:val=\"MyHeading\"/>") + P("Drivers", "<w:outlineLvl w:val=\"2\"/>")
                      + "<w:p><w:r><w:t>Base year: 2024</w:t><w:br/><w:t>Forecast</w:t><w:tab/><w:t>2025</w:t><w:noBreakHyphen/><w:t>2032</w:t></w:r></w:p>"
                      + "<w:sdt><w:sdtContent>" + P("Inside a content control.") + "</w:sdtContent></w:sdt>"
                      + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
        var doc = WordReader.Read("h.docx", Docx(body, styles: styles));
        doc.Text.Should().Be("Overview\nDrivers\nBase year: 2024\nForecast\t2025-2032\nInside a content control.\n7\n");
        doc.Blocks.Select(b => (b.Kind, b.HeadingLevel)).Should().Equal((BlockKind.Heading, 1), (BlockKind.Heading, 3), (BlockKind.Paragraph, 0), (BlockKind.Paragraph, 0), (BlockKind.Paragraph, 0));
        doc.Fields.Should().Contain(f => f.NormalizedKey == "base year" && f.Value == "2024");
        var where = SourceLocationAt(doc, "2025");
        where.Origin.Should().Be(new SourceOrigin("paragraph 3", Paragraph: 3));
        where.Line.Should().Be(4, "a line break inside a paragraph is a line of the extracted text");
    }

    [Fact]
    public void Tables_keep_header_rows_merged_cells_and_cell_numbers()
    {
        string header = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + Cell(P("Region")) + Cell(P("2025")) + Cell(P("2032")) + "</w:tr>";
        string row1 = "<w:tr>" + Cell(P("Asia"), "<w:vMerge w:val=\"restart\"/>") + Cell(P("USD 1.0 billion")) + Cell(P("USD 2.0 billion")) + "</w:tr>";
        string row2 = "<w:tr>" + Cell("<w:p/>", "<w:vMerge/>") + Cell(P("USD 0.5 billion") + P("(revised)"), "<w:gridSpan w:val=\"2\"/>") + "</w:tr>";
        var doc = WordReader.Read("t.docx", Docx(P("Intro.") + $"<w:tbl>{header}{row1}{row2}</w:tbl>" + P("After.")));
        doc.Text.Should().Be("Intro.\nRegion | 2025 | 2032 |\nAsia | USD 1.0 billion | USD 2.0 billion |\n | USD 0.5 billion (revised) |  |\nAfter.\n");
        var table = doc.Tables.Single();
        table.Rows[0].IsHeader.Should().BeTrue();
        table.Rows[2].Cells.Select(c => c.Text).Should().Equal("", "USD 0.5 billion (revised)", "");
        SourceLocationAt(doc, "USD 2.0").Origin!.Description.Should().Be("'Asia' row of table 1, cell 3");
        SourceLocationAt(doc, "(revised)").Origin.Should().Be(new SourceOrigin("'USD 0.5 billion (revised)' row of table 1, cell 2", Table: 1, Row: 3, Cell: 2));
        SourceLocationAt(doc, "After").Origin!.Paragraph.Should().Be(2, "table rows are not paragraphs");
    }

    [Fact]
    public void Strict_ooxml_reads_as_transitional_does()
    {
        const string styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>";
        string body = P("Scope", "<w:pStyle w:val=\"Heading1\"/>") + P("Regions", Num(1, 0)) + P("Segments", Num(1, 0));
        var strict = WordReader.Read("s.docx", Docx(body, Numbering, styles, strict: true));
        strict.Text.Should().Be("Scope\n1. Regions\n2. Segments\n");
        strict.Blocks.Select(b => b.Kind).Should().Equal(BlockKind.Heading, BlockKind.ListItem, BlockKind.ListItem);
        WordReader.Read("t.docx", Docx(body, Numbering, styles)).Text.Should().Be(strict.Text);
    }

    [Fact]
    public void A_hyperlink_whose_address_is_not_a_uri_leaves_the_document_readable()
    {
        // Word writes such addresses; System.IO.Packaging alone refuses the whole relationship part over them.
        const string links = "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://[not a host\" TargetMode=\"External\"/>"
                             + "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"\" TargetMode=\"External\"/>";
        string body = "<w:p><w:hyperlink r:id=\"rId7\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:r><w:t>See the source</w:t></w:r></w:hyperlink></w:p>";
        var doc = WordReader.Read("l.docx", Docx(body, Numbering, moreRelationships: links));
        doc.Text.Should().Be("See the source\n");
    }

    [Theory]
    [InlineData("<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document><junk>", "*multiple root elements*")]
    [InlineData("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>", "*undeclared entity 'nbsp'*")]
    [InlineData("<w:p><w:r><w:t>x</w:t></w:r></w:p>", "*Specified part does not exist*", "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/missing.png\"/>")]
    public void A_broken_package_is_refused_with_the_reason(string body, string reason, string moreRelationships = "")
    {
        var read = () => WordReader.Read("b.docx", Docx(body, Numbering, moreRelationships: moreRelationships));
        read.Should().Throw<DocumentReadException>().WithMessage("not a readable Word document: " + reason);
    }

    [Fact]
    public void Content_nested_past_any_real_document_is_refused_without_exhausting_the_stack()
    {
        string body = string.Concat(Enumerable.Repeat("<w:customXml>", 100_000)) + P("deep") + string.Concat(Enumerable.Repeat("</w:customXml>", 100_000));
        var read = () => WordReader.Read("d.docx", Docx(body));
        read.Should().Throw<DocumentReadException>().WithMessage("*nested more than 3,000 deep*");
        WordReader.Read("d.docx", Docx(string.Concat(Enumerable.Repeat("<w:customXml>", 500)) + P("deep") + string.Concat(Enumerable.Repeat("</w:customXml>", 500))))
            .Text.Should().Be("deep\n");
    }

    private static ReportLint.Core.Findings.SourceLocation SourceLocationAt(ReportDocument doc, string text)
    {
        int at = doc.Text.IndexOf(text, StringComparison.Ordinal);
        return ReportLint.Core.Findings.SourceLocation.From(doc, new TextSpan(at, at + text.Length));
    }
}
