using System.Text;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;
using Xunit;

namespace ReportLint.Tests;

public sealed class DocumentReaderTests
{
    private const string Seedish = "Market Size and Trends\nThe market is valued at USD 1.45 billion in 2025.\nBase Year | 2024 | Market Size in 2025: | USD 1.45 billion |\n";

    [Fact]
    public void A_pipe_row_holds_two_key_value_pairs()
    {
        var doc = DocumentReader.Parse("a.txt", Seedish, DocumentFormat.PlainText);
        doc.Fields.Select(f => (f.NormalizedKey, f.Value)).Should().Contain([("base year", "2024"), ("market size in 2025", "USD 1.45 billion")]);
        doc.Blocks[0].Kind.Should().Be(BlockKind.Heading);
        doc.Blocks[1].Kind.Should().Be(BlockKind.Paragraph);
        doc.Tables.Should().ContainSingle().Which.Rows[0].Cells.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    public void Encodings_with_and_without_bom_read_the_same(string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf8" => Encoding.UTF8.GetBytes(Seedish),
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Seedish)],
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Seedish)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Seedish)],
        };
        var doc = DocumentReader.Read("a.txt", bytes);
        doc.Text.Should().Be(Seedish);
        doc.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Crlf_line_endings_keep_lines_and_columns()
    {
        string crlf = Seedish.Replace("\n", "\r\n");
        var lf = Lint.Text(Seedish.Replace("USD 1.45 billion |", "USD 1.54 billion |"));
        var cr = Lint.Text(crlf.Replace("USD 1.45 billion |", "USD 1.54 billion |"));
        cr.Findings.Select(f => (f.Rule.Id, f.Location.Line, f.Location.Column, f.Location.EndColumn))
            .Should().Equal(lf.Findings.Select(f => (f.Rule.Id, f.Location.Line, f.Location.Column, f.Location.EndColumn)));
        cr.Findings.Should().NotBeEmpty();
    }

    [Fact]
    public void Invalid_utf8_is_decoded_with_a_warning_naming_the_byte_offset()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Market "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" text\n")];
        var doc = DocumentReader.Read("a.txt", bytes);
        doc.Text.Should().Contain("\uFFFD");
        doc.Warnings.Should().ContainSingle().Which.Message.Should().Contain("byte 7");
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        var act = () => DocumentReader.Read("a.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        act.Should().Throw<DocumentReadException>().WithMessage("*binary*");
    }

    [Fact]
    public void Markdown_spans_point_into_the_source_and_markup_is_blanked()
    {
        const string md = "# Title\n\nThe market reached **USD 3.65 billion** by 2032, a [CAGR](https://x.example/2031) of 13.5% from 2025 to 2032.\n\n| Report Attribute | Details |\n|---|---|\n| Base year | 2024 |\n";
        var doc = DocumentReader.Parse("a.md", md, DocumentFormat.Markdown);
        var paragraph = doc.Blocks.Single(b => b.Kind == BlockKind.Paragraph);
        md.Substring(paragraph.Span.Start, paragraph.Span.Length).Replace("**", "  ").Should().StartWith(paragraph.Text[..30]);
        paragraph.Text.Should().NotContain("https").And.NotContain("**");
        paragraph.Text.Length.Should().Be(paragraph.Span.Length);
        doc.Fields.Should().ContainSingle(f => f.NormalizedKey == "base year" && f.Value == "2024");
        var position = doc.Source.GetPosition(md.IndexOf("USD 3.65", StringComparison.Ordinal));
        position.Should().Be(new LinePosition(3, 22));
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        const string text = "Emoji 😀 first.\nThe market is valued at USD 1.45 billion in 2025 and is expected to reach USD 3.65 billion by 2032, growing at a CAGR of 13.5% from 2025 to 2032. 😀\n";
        var f = Lint.Text(text).Findings.Single(x => x.Rule.Id == "RL101");
        f.Location.Line.Should().Be(2);
        f.Location.Column.Should().Be(text.Split('\n')[1].IndexOf("USD 3.65", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void A_location_snippet_is_the_text_it_spans()
    {
        var f = Lint.Text(Seedish.Replace("in 2025.", "in 2025 and will reach USD 3.65 billion by 2032 at a CAGR of 13.5% from 2025 to 2032.")).Findings.Single();
        f.Location.Snippet.Should().Be("USD 3.65 billion");
        f.Severity.Should().Be(Severity.Error);
    }
}
