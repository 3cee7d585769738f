using CsCheck;
using FluentAssertions;
using ReportLint.Core.Documents;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// A text in which no pipe table can form is parsed without Markdig's pipe tables (faster: its '|' stay text). That
/// reading must be the one the full pipeline gives, block for block, and texts that hold a table must still get one.
/// </summary>
public class MarkdownPipelineProperties
{
    /// <summary>Everything a rule can read of a document's structure: blocks, tables, fields, comments and warnings.</summary>
    private static List<string> Describe(ReportDocument d) =>
    [
        .. d.Blocks.Select(b => $"{b.Kind} {b.Span} h{b.HeadingLevel} t{(b.Table is null ? -1 : d.Tables.ToList().IndexOf(b.Table))} "
                                + $"r{(b.Row is { } r ? $"{r.Span} {r.IsHeader} [{string.Join("|", r.Cells.Select(c => $"{c.Span}:{c.Text}"))}]" : "-")} s{b.Section?.Span}: {b.Text}"),
        .. d.Tables.Select(t => $"table {t.Span} {t.HasDelimiterRow} {t.Rows.Count} {t.ColumnHeader?.Span}"),
        .. d.Fields.Select(f => $"field {f.KeySpan} {f.Key} {f.ValueSpan} {f.Value} {f.Block.Span}"),
        .. d.Comments.Select(c => $"comment {c}"),
        .. d.Warnings.Select(w => $"warning {w}"),
    ];

    private static void SameEitherWay(string text)
    {
        var plain = MarkdownReader.Read("t.md", text, pipeTables: false);
        var full = MarkdownReader.Read("t.md", text, pipeTables: true);
        Describe(plain).Should().Equal(Describe(full), $"no pipe table can form in:\n{text}");
    }

    [Fact]
    public void Every_fixture_without_a_possible_table_reads_the_same_without_pipe_tables()
    {
        // Every report the tests and the seed hold, plain text read as Markdown too.
        var files = new[] { Path.Combine(TestPaths.RepoRoot, "tests"), TestPaths.Seeds }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        files.Should().HaveCountGreaterThan(20);
        int plain = 0;
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            if (MarkdownReader.MayHoldPipeTable(text)) continue;
            plain++;
            SameEitherWay(text);
        }
        plain.Should().BeGreaterThan(5, "most reports hold no Markdown table");
    }

    [Fact]
    public void Generated_markdown_without_a_possible_table_reads_the_same_without_pipe_tables()
    {
        // Lines built from pieces that exercise what the pipe-table parser touches: pipes next to emphasis, code spans,
        // links, HTML, escapes and entities; list markers, block quotes, headings, setext underlines and hyphens.
        string[] starts = ["", "", "", "- ", "* ", "1. ", "> ", "> > ", "# ", "  ", "    ", "\t", "| ", "-", "--", "---", ":"];
        string[] pieces =
        [
            "Market", " size", " USD 1.45 billion", " |", "|", " | ", "||", "*", "**", "_", "`", "` | `", "[link](u)", "![i](p)", "<b>", "</b>",
            "<!-- c -->", "\\|", "&amp;", " - ", "-", "--", ":", " :", "Bio-based", " 2025-2032", "~", "  ", "\\", ".", "Key : Value",
            "<http://a.b|c>", "&#124;", "&#45;", "===", "<a href='x|y'>", "*a|b*", "_x_|", "[a|b](c)", "[a](b|c)", "é-", "\u00A0-\u00A0",
            "\v", "\f", "\t-\t", "(-)", "—", "+", "#",
        ];
        var line = Gen.Select(Gen.Int[0, starts.Length - 1], Gen.Int[0, pieces.Length - 1].Array[0, 8])
            .Select((s, ps) => starts[s] + string.Concat(ps.Select(p => pieces[p])));
        var text = line.Array[1, 8].Select(lines => string.Join("\n", lines));
        text.Where(t => !MarkdownReader.MayHoldPipeTable(t)).Sample(SameEitherWay, iter: 50_000);
    }

    [Theory]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |\n")]
    [InlineData("a | b\n--|--\n1 | 2\n")]
    [InlineData("> | a | b |\n> |:-:|--:|\n> | 1 | 2 |\n")]
    [InlineData("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n")]
    [InlineData("Key | Value\n - | -\n")]
    [InlineData("> > Market_Market[link](u)[link](u)* | \n:[link](u) |--**")]
    public void A_text_with_a_table_is_parsed_with_pipe_tables(string text)
    {
        MarkdownReader.MayHoldPipeTable(text).Should().BeTrue();
        Describe(MarkdownReader.Read("t.md", text)).Should().Equal(Describe(MarkdownReader.Read("t.md", text, pipeTables: true)));
    }

    [Theory]
    [InlineData("Bio-based EV Charging | |||\nBase Year | 2024 | Market Size in 2025: | USD 37.37 billion |\n")]
    [InlineData("No dashes | here\n")]
    [InlineData("A 2025-2032 outlook | Bio-based | e-commerce\n")]
    [InlineData("A 2025-2032 outlook\n---\n")]
    public void A_text_without_a_separator_row_holds_no_possible_table(string text) =>
        MarkdownReader.MayHoldPipeTable(text).Should().BeFalse();
}
