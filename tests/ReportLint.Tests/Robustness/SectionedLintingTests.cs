using System.Text;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using Xunit;

namespace ReportLint.Tests.Robustness;

/// <summary>
/// Very large files are linted a section at a time (bounded memory). A finding that depends only on its own sentence must come
/// out at the same line, column and offset as when the whole file is linted at once, wherever the sections were cut.
/// </summary>
public class SectionedLintingTests
{
    private static readonly Linter Linter = new();

    /// <summary>A CAGR mismatch with its own figures (the same figures twice would be one finding with a related location).</summary>
    private static string Defect(int i) => $"The market was USD {1 + i % 900 / 1000.0:0.000} billion in 2025 and will reach USD 9.65 billion by 2032, a CAGR of 13.5%.";

    private static string Report(int paragraphs)
    {
        var b = new StringBuilder("# Widget Market Report\n\n");
        for (int i = 0; i < paragraphs; i++)
        {
            b.Append($"## Section {i}\n\n");
            b.Append(i % 3 == 0 ? Defect(i) : $"Paragraph {i} describes the widget market and its buyers in plain words.").Append("\n\n");
            if (i % 7 == 0) b.Append("```\nUSD 1 billion in 2020, USD 9 billion by 2021, a CAGR of 1%.\n\n```\n\n");
        }
        return b.ToString();
    }

    private static IEnumerable<(string Rule, int Line, int Column, int EndLine, int EndColumn, int Start)> Rl101(IEnumerable<ReportLint.Core.Findings.Finding> findings) =>
        findings.Where(f => f.Rule.Id == "RL101").Select(f => (f.Rule.Id, f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn, f.Location.Span.Start));

    [Theory]
    [InlineData(1500)]
    [InlineData(4096)]
    [InlineData(20000)]
    public void Sentence_level_findings_land_where_a_whole_file_lint_puts_them(int sectionBytes)
    {
        string text = Report(300);
        var whole = Linter.Lint(DocumentReader.Parse("big.md", text, DocumentFormat.Markdown));
        var sectioned = SectionedLinting.Lint(Linter, "big.md", new MemoryStream(Encoding.UTF8.GetBytes(text)), DocumentFormat.Markdown, sectionBytes: sectionBytes);

        sectioned.Sections.Should().BeGreaterThan(1);
        Rl101(whole.Findings).Should().HaveCount(100);
        Rl101(sectioned.Findings).Should().Equal(Rl101(whole.Findings));
        sectioned.Notifications[0].Should().Contain($"linted in {sectioned.Sections} sections");
    }

    [Fact]
    public void Code_fences_are_never_cut_so_figures_inside_them_stay_code()
    {
        string text = Report(300);
        var sectioned = SectionedLinting.Lint(Linter, "big.md", new MemoryStream(Encoding.UTF8.GetBytes(text)), DocumentFormat.Markdown, sectionBytes: 1500);
        var fenceLines = text.Split('\n').Select((l, i) => (l, i + 1)).Where(x => x.l.StartsWith("USD 1 billion in 2020", StringComparison.Ordinal)).Select(x => x.Item2).ToHashSet();
        sectioned.Findings.Should().NotContain(f => fenceLines.Contains(f.Location.Line));
    }

    [Fact]
    public void One_enormous_line_is_cut_at_spaces_and_columns_continue_across_the_cut()
    {
        string line = string.Concat(Enumerable.Range(0, 200).Select(i => Defect(i) + " "));
        var whole = Linter.Lint(DocumentReader.Parse("line.txt", line, DocumentFormat.PlainText));
        var sectioned = SectionedLinting.Lint(Linter, "line.txt", new MemoryStream(Encoding.UTF8.GetBytes(line)), DocumentFormat.PlainText, sectionBytes: 2000);

        sectioned.Sections.Should().BeGreaterThan(5);
        var found = Rl101(sectioned.Findings).ToList();
        found.Should().NotBeEmpty();
        found.Should().OnlyContain(f => f.Line == 1 && f.EndLine == 1 && f.Column >= 1 && f.Start < line.Length);
        // Each finding points at the text the whole-file lint would report there: the 2032 value.
        found.Should().OnlyContain(f => line.Substring(f.Start, 16) == "USD 9.65 billion" && f.Column == f.Start + 1);
        found.Should().BeSubsetOf(Rl101(whole.Findings));
    }

    [Fact]
    public void Multibyte_text_is_never_cut_inside_a_character()
    {
        string line = string.Concat(Enumerable.Repeat("Überprüfung€—日本語", 3000));
        var sectioned = SectionedLinting.Lint(Linter, "u.txt", new MemoryStream(Encoding.UTF8.GetBytes(line)), DocumentFormat.PlainText, sectionBytes: 1000);
        sectioned.Sections.Should().BeGreaterThan(10);
        sectioned.Notifications.Should().NotContain(n => n.Contains("invalid", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Only_large_UTF8_text_is_sectioned_UTF16_is_read_whole()
    {
        long big = SectionedLinting.Threshold + 1;
        SectionedLinting.AppliesTo(DocumentFormat.Markdown, big, "# T"u8).Should().BeTrue();
        SectionedLinting.AppliesTo(DocumentFormat.PlainText, big, [0xEF, 0xBB, 0xBF, 0x41]).Should().BeTrue();
        SectionedLinting.AppliesTo(DocumentFormat.PlainText, big, [0xFF, 0xFE, 0x41, 0x00]).Should().BeFalse("UTF-16 line ends are two bytes");
        SectionedLinting.AppliesTo(DocumentFormat.PlainText, big, [0xFE, 0xFF, 0x00, 0x41]).Should().BeFalse();
        SectionedLinting.AppliesTo(DocumentFormat.Markdown, SectionedLinting.Threshold, "# T"u8).Should().BeFalse();
        SectionedLinting.AppliesTo(DocumentFormat.Html, big, "<p>"u8).Should().BeFalse();
    }
}
