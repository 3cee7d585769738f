using System.Text;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// The seed report saved as Word and as a web page (tests/tools/make_seed_variants.py) must read as the seed's own text and
/// yield the seed's findings, located where a person finds them: a paragraph or table cell in Word, a line and column of
/// the HTML source.
/// </summary>
public sealed class WordAndHtmlReaderTests
{
    private static readonly Lazy<DocumentResult> Txt = new(() => LintFile(TestPaths.SeedReport));
    private static readonly Lazy<DocumentResult> Docx = new(() => LintFile(Path.Combine(TestPaths.BinaryFixtures, "seed.docx")));
    private static readonly Lazy<DocumentResult> Html = new(() => LintFile(Path.Combine(TestPaths.BinaryFixtures, "seed.html")));

    private static DocumentResult LintFile(string path) => new Linter().Lint(DocumentReader.Read(Path.GetFileName(path), File.ReadAllBytes(path)));

    /// <summary>A finding as (rule, line of the linted text): for Word and HTML, the line of the extracted text.</summary>
    private static HashSet<(string Rule, int TextLine)> Findings(DocumentResult r) =>
        r.Findings.Select(f => (f.Rule.Id, r.Document.Source.GetPosition(f.Location.Span.Start).Line)).ToHashSet();

    private static string[] SeedLines => File.ReadAllText(TestPaths.SeedReport).Split('\n');

    [Fact]
    public void Word_and_html_seeds_yield_the_same_findings_as_the_text_seed()
    {
        var expected = Findings(Txt.Value);
        expected.Should().HaveCountGreaterThan(3);
        Findings(Docx.Value).Should().BeEquivalentTo(expected);
        Findings(Html.Value).Should().BeEquivalentTo(expected);
        foreach (var variant in new[] { Docx.Value, Html.Value })
        {
            variant.Document.Format.Should().NotBe(DocumentFormat.PlainText);
            var cagr = variant.Findings.Single(f => f.Rule.Id == "RL101");
            cagr.Message.Should().Be(Txt.Value.Findings.Single(f => f.Rule.Id == "RL101").Message);
            cagr.Properties.Should().BeEquivalentTo(Txt.Value.Findings.Single(f => f.Rule.Id == "RL101").Properties);
        }
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("html")]
    public void Extracted_text_reads_as_the_seed_line_for_line(string variant)
    {
        var document = (variant == "docx" ? Docx : Html).Value.Document;
        var lines = document.Text.TrimEnd('\n').Split('\n');
        var seed = SeedLines;
        lines.Should().HaveCount(seed.Length);
        for (int i = 0; i < seed.Length; i++)
        {
            if (seed[i].Contains('|'))
                Cells(lines[i]).Should().Equal(Cells(seed[i]), $"line {i + 1} is a table row");
            else lines[i].Should().Be(seed[i], $"line {i + 1}");
        }
    }

    private static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray() is var cells && cells.All(c => c.Length == 0) ? [] : cells.Reverse().SkipWhile(c => c.Length == 0).Reverse().ToArray();

    [Fact]
    public void Word_text_is_read_with_tracked_changes_accepted_and_comments_ignored()
    {
        var document = Docx.Value.Document;
        document.Text.Should().Contain("valued at USD 1.45 billion in 2025");
        foreach (var gone in new[] { "1.25", "9.90", "4.20", "8.88", "4.10", "3.10", "11.0%", "Draft note" })
            document.Text.Should().NotContain(gone);
        document.Blocks[0].Kind.Should().Be(BlockKind.Heading);
        document.Blocks.Count(b => b.Kind == BlockKind.ListItem).Should().Be(11, "the contents are a numbered list");
        document.Text.Should().Contain("\n1. RESEARCH OBJECTIVES AND ASSUMPTIONS\n").And.Contain("\n11. References and Research Methodology\n");
        document.Tables.Should().HaveCount(2);
        document.Fields.Select(f => (f.NormalizedKey, f.Value)).Should().Contain(("market size in 2025", "USD 1.45 billion"));
    }

    [Fact]
    public void Word_findings_name_their_paragraph_and_table_cell()
    {
        var findings = Docx.Value.Findings;
        var cagr = findings.Single(f => f.Rule.Id == "RL101");
        cagr.Location.Origin.Should().Be(new SourceOrigin("paragraph 2", Paragraph: 2));
        cagr.Location.Line.Should().Be(2);
        cagr.Related.Single().Location.Origin!.Description.Should().Be("'Forecast Period 2025 To 2032 CAGR' row of table 1, cell 4");
        var geography = findings.Single(f => f.Rule.Id == "RL401" && f.Severity == Severity.Error);
        geography.Location.Origin.Should().Be(new SourceOrigin("'Geographies covered' row of table 1, cell 2", Table: 1, Row: 6, Cell: 2));
        var endUser = findings.Single(f => f.Rule.Id == "RL402" && f.Location.Line == 42);
        endUser.Location.Origin!.Paragraph.Should().BePositive();
    }

    [Fact]
    public void Html_text_leaves_out_scripts_styles_navigation_footer_comments_and_hidden_elements()
    {
        var text = Html.Value.Document.Text;
        foreach (var gone in new[] { "9.99", "7.77", "5.00", "2.00", "2.22", "3.10", "Home", "reviewer", "dataLayer", "Example Research" })
            text.Should().NotContain(gone);
        text.Should().Contain("Restraints & Challenges:").And.Contain("light-hearted romantic comedies to dramatic love stories—that capture");
    }

    [Fact]
    public void Html_findings_point_at_the_figure_in_the_html_source()
    {
        var html = File.ReadAllText(Path.Combine(TestPaths.BinaryFixtures, "seed.html")).Split('\n');
        foreach (var f in Html.Value.Findings.SelectMany(f => f.Related.Select(r => r.Location).Prepend(f.Location)))
        {
            string firstWord = f.Snippet.Split(' ', '\n')[0];
            html[f.Line - 1][(f.Column - 1)..].Should().StartWith(firstWord, $"{f} should point at '{f.Snippet}'");
        }
        var cagr = Html.Value.Findings.Single(f => f.Rule.Id == "RL101").Location;
        html[cagr.Line - 1][(cagr.Column - 1)..(cagr.EndColumn - 1)].Should().Be("USD 3.65 billion");
    }

    [Fact]
    public void Html_entities_breaks_lists_and_tables_map_back_to_their_source()
    {
        const string page = "<!doctype html><body>\n<h2>Scope &amp; Method</h2>\n<p>Forecast  2025&ndash;2032,\n  <em>USD&nbsp;1.45</em> billion<br>Next line</p>\n"
                            + "<ol start=\"3\"><li>Third</li><li><p>Fourth</p></li></ol>\n<ul><li>Bullet</li></ul>\n"
                            + "<table><thead><tr><th>Key</th><th>Value</th></tr></thead><tr><td>Base Year:</td><td>2024</td></tr><tr><td colspan=\"2\">Note</td></tr></table>\n</body>";
        var doc = DocumentReader.Parse("p.html", page, DocumentFormat.Html);
        doc.Text.Should().Be("Scope & Method\nForecast 2025–2032, USD\u00A01.45 billion\nNext line\n3. Third\n4. Fourth\n• Bullet\nKey | Value |\nBase Year: | 2024 |\nNote |  |\n");
        doc.Blocks.Select(b => b.Kind).Should().Equal(BlockKind.Heading, BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.ListItem,
            BlockKind.TableRow, BlockKind.TableRow, BlockKind.TableRow);
        doc.Tables.Single().Rows[0].IsHeader.Should().BeTrue();
        doc.Fields.Should().Contain(f => f.NormalizedKey == "base year" && f.Value == "2024");

        var source = new SourceText(page);
        LinePosition At(string extracted) => doc.PositionOf(doc.Text.IndexOf(extracted, StringComparison.Ordinal));
        At("Method").Should().Be(source.GetPosition(page.IndexOf("Method", StringComparison.Ordinal)));
        At("2032").Should().Be(source.GetPosition(page.IndexOf("2032", StringComparison.Ordinal)));
        At("–").Should().Be(source.GetPosition(page.IndexOf("&ndash;", StringComparison.Ordinal)));
        At("1.45").Should().Be(source.GetPosition(page.IndexOf("1.45", StringComparison.Ordinal)));
        At("Fourth").Should().Be(source.GetPosition(page.IndexOf("Fourth", StringComparison.Ordinal)));
        At("2024").Should().Be(source.GetPosition(page.IndexOf("2024", StringComparison.Ordinal)));
        var span = new TextSpan(doc.Text.IndexOf("2025", StringComparison.Ordinal), doc.Text.IndexOf(",", StringComparison.Ordinal));
        doc.EndPositionOf(span).Should().Be(source.GetPosition(page.IndexOf("2032,", StringComparison.Ordinal) + 4));
    }

    [Fact]
    public void Text_the_parser_moves_is_placed_at_its_element_and_what_follows_still_aligns()
    {
        const string page = "<body><table><tr><td>USD 1 billion</td></tr>stray text<tr><td>2032</td></tr></table><p>After the table.</p></body>";
        var doc = DocumentReader.Parse("p.html", page, DocumentFormat.Html);
        doc.Text.Should().Be("stray text\nUSD 1 billion |\n2032 |\nAfter the table.\n");
        var source = new SourceText(page);
        doc.PositionOf(0).Should().Be(source.GetPosition(page.IndexOf("<body>", StringComparison.Ordinal)), "foster-parented text is reported at its element");
        doc.PositionOf(doc.Text.IndexOf("2032", StringComparison.Ordinal)).Should().Be(source.GetPosition(page.IndexOf("2032", StringComparison.Ordinal)));
        doc.PositionOf(doc.Text.IndexOf("After", StringComparison.Ordinal)).Should().Be(source.GetPosition(page.IndexOf("After", StringComparison.Ordinal)));
    }

    [Fact]
    public void Html_without_main_reads_the_body_but_not_its_navigation()
    {
        var doc = DocumentReader.Parse("p.html", "<html><body><nav>Menu USD 1 billion</nav><p>Body text.</p></body></html>", DocumentFormat.Html);
        doc.Text.Should().Be("Body text.\n");
    }

    [Fact]
    public void A_file_that_is_not_a_word_package_is_refused_with_a_reason()
    {
        var read = () => DocumentReader.Read("broken.docx", Encoding.UTF8.GetBytes("not a zip"));
        read.Should().Throw<DocumentReadException>().WithMessage("*Word*");
    }

    [Fact]
    public void Folders_contribute_word_and_html_files_and_outputs_name_the_paragraph()
    {
        var (exit, output, _) = CliTests.Run("lint", TestPaths.BinaryFixtures, "--no-color");
        exit.Should().Be(1);
        output.Should().Contain("2 files checked");
        output.Split('\n').Single(l => l.Contains("seed.docx:2:") && l.Contains("RL101")).Should().EndWith("(cagr-mismatch) (paragraph 2)");
        output.Should().Contain("seed.html:");

        var (_, json, _) = CliTests.Run("lint", Path.Combine(TestPaths.BinaryFixtures, "seed.docx"), "--format", "json");
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var finding = parsed.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "RL101");
        finding.GetProperty("origin").GetProperty("paragraph").GetInt32().Should().Be(2);
        finding.GetProperty("origin").GetProperty("description").GetString().Should().Be("paragraph 2");
        finding.GetProperty("related")[0].GetProperty("origin").GetProperty("table").GetInt32().Should().Be(1);
    }
}
