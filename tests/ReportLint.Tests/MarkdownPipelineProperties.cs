using CsCheck;
using Markdig;
using Markdig.Syntax;
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

    /// <summary>Whether the plain pipeline read every paragraph of <paramref name="text"/> as literal text, skipping Markdig's inline pass.</summary>
    private static (int Literal, int All) LiteralParagraphs(string text)
    {
        var paragraphs = MarkdownReader.ParsePlain(text).Descendants<ParagraphBlock>().ToList();
        return (paragraphs.Count(p => !p.ProcessInlines), paragraphs.Count);
    }

    [Fact]
    public void A_paragraph_of_literal_text_skips_the_inline_pass_and_reads_as_it_would_with_it()
    {
        // Pieces without a pipe (so that the full pipeline's reading is the reference) around the characters the check
        // reads in context: single and paired emphasis runs, '&' before entities and not, '!' before '[' and not; and
        // everything that must send a paragraph to Markdig: code, links, HTML, escapes, tabs, no-break spaces.
        string[] starts = ["", "", "", "- ", "* ", "1. ", "> ", "> > ", "# ", "  ", "    ", "\t", "-\t", ">\t", "1.\t", " \t", "-", ":", "=="];
        string[] pieces =
        [
            "Market", " size", " USD 1.45 billion", " in 2025.", "*", "**", "***", "_", "__", " * ", "a*b", "snake_case", "&", " & ", "&amp;",
            "&#45;", "&x", "&;", "!", "! ", "![i](p)", "[a](b)", "[", "]", "`", "`code`", "<b>", "<!-- c -->", "\\", "\\*", "~", "  ",
            "\u00A0", "\u2003", "—", "é", "\v", "\f", "\t", "Key : Value", "  \n", "\r\n", "---", "===",
        ];
        var line = Gen.Select(Gen.Int[0, starts.Length - 1], Gen.Int[0, pieces.Length - 1].Array[0, 8])
            .Select((s, ps) => starts[s] + string.Concat(ps.Select(p => pieces[p])));
        var text = line.Array[1, 8].Select(lines => string.Join("\n", lines)).Where(t => !MarkdownReader.MayHoldPipeTable(t));
        int literal = 0, all = 0;
        text.Sample(t =>
        {
            SameEitherWay(t);
            var (l, a) = LiteralParagraphs(t);
            Interlocked.Add(ref literal, l);
            Interlocked.Add(ref all, a);
        }, iter: 50_000);
        // Both readings were exercised: the check is not vacuous either way.
        literal.Should().BeGreaterThan(all / 10);
        (all - literal).Should().BeGreaterThan(all / 10);
    }

    [Theory]
    [InlineData("Plain text on one line.")]
    [InlineData("Plain text\ncontinued on a second line\r\nand a third.")]
    [InlineData("Restraints & Challenges: risk! *Browse 32 tables, 5 of 10, snake_case and 50 % — done.")]
    [InlineData("> - A quoted list item\n> continued.")]
    public void Literal_paragraphs_skip_the_inline_pass(string text) =>
        LiteralParagraphs(text).Should().Be((1, 1));

    [Theory]
    [InlineData("Some *emphasis* here.")]
    [InlineData("Some _emphasis_ here.")]
    [InlineData("A star *\nand another * on the next line.")]
    [InlineData("An entity &amp; here.")]
    [InlineData("A number &#45; here.")]
    [InlineData("A [link](https://example.com).")]
    [InlineData("An image ![alt](p.png).")]
    [InlineData("Some `code`.")]
    [InlineData("Some <b>HTML</b>.")]
    [InlineData("An escaped \\* star.")]
    [InlineData("A hard break\\\nhere.")]
    [InlineData("A\ttab.")]
    [InlineData("A no-break space\u00A0\nat a line's end.")]
    public void Paragraphs_with_possible_markup_go_through_the_inline_pass(string text) =>
        LiteralParagraphs(text).Should().Be((0, 1));
}
