using System.Buffers;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace ReportLint.Core.Documents;

/// <summary>
/// Reads Markdown with Markdig (pipe tables, precise source spans). Inline markup is blanked out of each
/// block's text so that offsets stay those of the source; code is not linted.
/// </summary>
public static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// The same without pipe tables, for a text none can form in (see <see cref="MayHoldPipeTable"/>): Markdig's pipe-table
    /// parser otherwise turns every '|' of the text into a delimiter, and back into text once no table forms.
    /// </summary>
    private static readonly MarkdownPipeline PlainPipeline = BuildPlainPipeline(out Ordinary);

    /// <summary>
    /// The plain pipeline skips Markdig's inline pass for a paragraph of literal text (see <see cref="HoldsOnlyLiteralText"/>):
    /// most report paragraphs hold no markup, and the pass copies each paragraph whole and makes an object per line and run.
    /// </summary>
    private static MarkdownPipeline BuildPlainPipeline(out SearchValues<char> ordinary)
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation();
        // The ASCII that cannot start markup: not a character any inline parser of this pipeline starts at (but the line
        // breaks, which a literal paragraph's mask keeps), nor the four HoldsOnlyLiteralText reads in context, nor whitespace
        // other than spaces (Markdig strips tabs and the like at a line's ends, so that a literal's span stops short of
        // them, and expands a tab into a copy of its line), nor NUL, which Markdig replaces.
        var chars = new HashSet<char>(['&', '*', '_', '!', '\t', '\v', '\f', '\0']);
        foreach (var parser in builder.InlineParsers)
            if (parser.OpeningCharacters is { } starts) chars.UnionWith(starts);
        chars.ExceptWith(['\n', '\r', ' ']);
        ordinary = SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !chars.Contains(c))]);
        builder.BlockParsers.Find<ParagraphBlockParser>()!.Closed += (_, block) =>
        {
            if (block is ParagraphBlock paragraph && t_parsing is { } text && HoldsOnlyLiteralText(paragraph.Lines, text))
                paragraph.ProcessInlines = false;
        };
        return builder.Build();
    }

    /// <summary>The Markdig document the plain pipeline makes of <paramref name="text"/> (tests: which paragraphs skipped the inline pass).</summary>
    internal static MarkdownDocument ParsePlain(string text)
    {
        t_parsing = text;
        try { return Markdown.Parse(text, PlainPipeline); }
        finally { t_parsing = null; }
    }

    /// <summary>The ASCII characters <see cref="HoldsOnlyLiteralText"/> passes over: see <see cref="BuildPlainPipeline"/>.</summary>
    private static readonly SearchValues<char> Ordinary;

    /// <summary>The text being parsed on this thread, for the paragraph check: a paragraph's lines must be slices of it.</summary>
    [ThreadStatic] private static string? t_parsing;

    /// <summary>
    /// Whether Markdig's inline pass would read <paramref name="lines"/> as literal text and line breaks only, so that the
    /// paragraph's mask is its lines' characters as they stand in <paramref name="text"/>. No character any inline parser
    /// starts at, except: '!' (an image needs a '[' after it, and '[' is such a character); '&amp;' not followed by a
    /// letter, digit or '#' (no entity); and at most one run of '*' and one of '_' (emphasis pairs two runs).
    /// </summary>
    internal static bool HoldsOnlyLiteralText(StringLineGroup lines, string text)
    {
        bool star = false, underscore = false;
        var all = lines.Lines;
        for (int l = 0; l < lines.Count; l++)
        {
            var slice = all[l].Slice;
            // A tab expanded into a new string, or a text Markdig copied: the positions would not be the source's.
            if (!ReferenceEquals(slice.Text, text)) return false;
            var line = slice.AsSpan();
            for (int at = line.IndexOfAnyExcept(Ordinary); at >= 0;)
            {
                char c = line[at];
                int next = at + 1;
                switch (c)
                {
                    case > '\u007F':
                        // Past ASCII, whitespace (a no-break space, say) is stripped at a line's ends like a tab.
                        if (char.IsWhiteSpace(c)) return false;
                        break;
                    case '&':
                        if (next < line.Length && (char.IsAsciiLetterOrDigit(line[next]) || line[next] == '#')) return false;
                        break;
                    case '*' or '_':
                        ref bool seen = ref c == '*' ? ref star : ref underscore;
                        // A second run, on this line or another, may pair with the first: Markdig reads the paragraph.
                        if (seen) return false;
                        seen = true;
                        while (next < line.Length && line[next] == c) next++;
                        break;
                    case '!':
                        break;
                    default:
                        return false;
                }
                int rest = line[next..].IndexOfAnyExcept(Ordinary);
                at = rest < 0 ? -1 : next + rest;
            }
        }
        return true;
    }

    /// <summary>Nesting beyond this (block quotes, list indentation) is read as plain text: no real report nests so deep,
    /// and Markdig's cost grows with depth.</summary>
    public const int MaxNesting = 64;

    /// <summary>Builds both pipelines and parses a small table and a paragraph, so that Markdig's type initialisers have run
    /// before a report needs them (a start-up warm-up, on another core).</summary>
    public static void Prepare()
    {
        _ = Markdown.Parse("# Title\n\nText *em*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", Pipeline);
        _ = Markdown.Parse("# Title\n\nText *em* | more.\n", PlainPipeline);
    }

    /// <summary>
    /// Whether a pipe table could form in <paramref name="text"/>. Markdig forms one only where a literal run of text next
    /// to a pipe or another inline delimiter reads as a column's header separator (<c>\s*:?\s*-+\s*:?\s*</c>, as
    /// <c>TableHelper.ParseColumnHeader</c> reads it), and its pipe-table block parser takes only lines of '-', ':', '|'
    /// and spaces. Both need a '|' in the text and a run of dashes, colons and blanks that no letter or digit touches:
    /// a letter or digit would be part of the same literal (only inline markup characters end one), as in "Bio-based"
    /// or "2025-2032". Without such a run, parsing without pipe tables gives the same blocks and the same literal text,
    /// except around code spans: the pipe-table parser splits "`a | b`" at its pipe even where no table forms, so a text
    /// with a backtick is always read with pipe tables.
    /// </summary>
    internal static bool MayHoldPipeTable(string text)
    {
        var all = text.AsSpan();
        if (!all.Contains('|')) return false;
        if (all.Contains('`')) return true;
        for (int from = 0; ;)
        {
            int dash = all[from..].IndexOf('-');
            if (dash < 0) return false;
            dash += from;
            int start = dash, end = dash + 1;
            while (start > 0 && IsSeparatorChar(all[start - 1])) start--;
            while (end < all.Length && IsSeparatorChar(all[end])) end++;
            if (MayEndLiteral(all, start - 1) && MayEndLiteral(all, end)) return true;
            from = end;
        }

        static bool IsSeparatorChar(char c) => c is '-' or ':' or ' ' or '\t' or '\v' or '\f';
        // Any character but a letter or digit might be markup that ends a literal (conservatively: most are not).
        static bool MayEndLiteral(ReadOnlySpan<char> all, int at) => at < 0 || at >= all.Length || !char.IsLetterOrDigit(all[at]);
    }

    public static ReportDocument Read(string path, string text) => Read(path, text, pipeTables: null);

    /// <param name="pipeTables">Whether to parse with pipe tables; null to leave them out when no table can form (tests compare both).</param>
    internal static ReportDocument Read(string path, string text, bool? pipeTables)
    {
        if (NestingDepth(text) > MaxNesting) return AsPlainText(path, text, $"Markdown nested more than {MaxNesting} levels deep: read as plain text");
        MarkdownDocument document;
        try
        {
            t_parsing = text;
            document = Markdown.Parse(text, pipeTables ?? MayHoldPipeTable(text) ? Pipeline : PlainPipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
        {
            // Markdig's own depth limit (inline nesting, say) that the pre-scan did not foresee: the same fallback.
            return AsPlainText(path, text, "Markdown nested more than the parser allows: read as plain text");
        }
        finally
        {
            t_parsing = null;
        }
        var source = new SourceText(text);
        var builder = new DocumentBuilder(source);
        Visit(document);
        return builder.Build(path, DocumentFormat.Markdown);

        // Every block in document order (depth first, as Markdig's Descendants() lists them), without descending into
        // inlines: Descendants() walks those too, through a stack it grows for every report.
        void Visit(ContainerBlock container)
        {
            foreach (var block in container)
            {
                Add(block);
                if (block is ContainerBlock children) Visit(children);
            }
        }

        void Add(Markdig.Syntax.Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    AddLeaf(builder, source, heading, BlockKind.Heading, heading.Level);
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is not Markdig.Extensions.Tables.TableCell:
                    if (IsPipeParagraph(source, paragraph)) AddPipeParagraph(builder, source, paragraph);
                    else
                        AddLeaf(builder, source, paragraph,
                            paragraph.Parent is ListItemBlock item && item.IndexOf(paragraph) == 0 ? BlockKind.ListItem : BlockKind.Paragraph, 0);
                    break;
                case HtmlBlock html:
                    var span = ToSpan(html.Span, source);
                    var raw = source.Slice(span).TrimStart();
                    if (raw.StartsWith("<!--", StringComparison.Ordinal))
                    {
                        builder.AddBlock(BlockKind.Comment, span);
                        builder.AddComments(HtmlComments.Find(text, span));
                    }
                    else if (!IsHtmlTag(FirstTag(raw)))
                        builder.AddBlock(BlockKind.Paragraph, span); // "<insert chart here>" on a line of its own is text, not HTML
                    break;
                case MdTable table:
                    AddTable(builder, source, table);
                    break;
            }
        }
    }

    /// <summary>The deepest block-quote or list nesting of any line, estimated from its leading '>' and indentation.</summary>
    private static ReportDocument AsPlainText(string path, string text, string note)
    {
        var plain = PlainTextReader.Read(path, text);
        plain.Warnings.Add(new ReadWarning(note, 0));
        return plain;
    }

    private static int NestingDepth(string text)
    {
        int max = 0, depth = 0, column = 0;
        bool leading = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') { leading = true; depth = 0; column = 0; continue; }
            if (!leading)
            {
                // Past a line's markers: jump to the line's end.
                int nl = text.AsSpan(i).IndexOf('\n');
                if (nl < 0) break;
                i += nl - 1;
                continue;
            }
            // Block quotes and list markers each open a level, and they can all stand on one line ("> - 1. - item").
            if (c is '>' or '-' or '*' or '+' or '.' or ')') depth++;
            else if (c == ' ') { column++; if (column % 2 == 0) depth++; }
            else if (c == '\t') depth += 2;
            else if (!char.IsAsciiDigit(c)) leading = false;
            if (depth > max) max = depth;
        }
        return max;
    }

    private static TextSpan ToSpan(SourceSpan span, SourceText source) =>
        new(Math.Clamp(span.Start, 0, source.Length), Math.Clamp(span.End + 1, 0, source.Length));

    private static void AddLeaf(DocumentBuilder builder, SourceText source, LeafBlock leaf, BlockKind kind, int level)
    {
        var span = ToSpan(leaf.Span, source);
        if (span.IsEmpty) return;
        builder.AddBlock(kind, span,
            leaf is ParagraphBlock { ProcessInlines: false } literal ? MaskLines(source, span, literal.Lines) : MaskInlines(builder, source, span, leaf.Inline),
            level);
    }

    /// <summary>A paragraph of literal text (its inline pass skipped): its lines' characters, with spaces for the rest (the
    /// markers of the blocks it stands in, indentation) and the line breaks kept, as <see cref="MaskInlines"/> gives it.</summary>
    private static string MaskLines(SourceText source, TextSpan span, StringLineGroup lines) =>
        string.Create(span.Length, (source.Text, span, lines), static (chars, state) =>
        {
            var (text, span, lines) = state;
            MaskBreaks(chars, text.AsSpan(span.Start, span.Length));
            var all = lines.Lines;
            for (int l = 0; l < lines.Count; l++)
            {
                var slice = all[l].Slice;
                int s = Math.Max(slice.Start, span.Start), e = Math.Min(slice.End + 1, span.End);
                if (e > s) text.AsSpan(s, e - s).CopyTo(chars[(s - span.Start)..]);
            }
        });

    /// <summary>Spaces, with the line breaks of <paramref name="own"/> kept.</summary>
    private static void MaskBreaks(Span<char> chars, ReadOnlySpan<char> own)
    {
        chars.Fill(' ');
        for (int i = own.IndexOfAny('\n', '\r'); i >= 0;)
        {
            chars[i] = own[i];
            int next = own[(i + 1)..].IndexOfAny('\n', '\r');
            i = next < 0 ? -1 : i + 1 + next;
        }
    }

    /// <summary>Keeps only the characters of literal text (and code spans); markup becomes spaces. Inline comments are recorded.</summary>
    private static string MaskInlines(DocumentBuilder builder, SourceText source, TextSpan span, ContainerInline? inline) =>
        // Written straight into the new string: no buffer to copy from.
        string.Create(span.Length, (builder, source, span, inline), static (chars, state) =>
        {
            var (builder, source, span, inline) = state;
            var text = source.Text;
            MaskBreaks(chars, text.AsSpan(span.Start, span.Length));
            if (inline is null) return;
            // Every inline in document order (parent before children), walked through the tree's links: no iterator, and no
            // recursion however deeply emphasis nests.
            var child = inline.FirstChild;
            while (child is not null)
            {
                if (child is HtmlInline { Tag: var tag } comment && tag.StartsWith("<!--", StringComparison.Ordinal))
                    builder.AddComments(HtmlComments.Find(text, ToSpan(comment.Span, source)));
                if (child is LiteralInline or CodeInline or HtmlEntityInline || child is HtmlInline html && !IsHtmlTag(html.Tag))
                {
                    int s = Math.Max(child.Span.Start, span.Start), e = Math.Min(child.Span.End + 1, span.End);
                    if (e > s) text.AsSpan(s, e - s).CopyTo(chars[(s - span.Start)..]);
                    if (child is CodeInline && e - s >= 2)
                    {
                        // The backticks themselves are markup.
                        for (int i = s; i < e && text[i] == '`'; i++) chars[i - span.Start] = ' ';
                        for (int i = e - 1; i >= s && text[i] == '`'; i--) chars[i - span.Start] = ' ';
                    }
                }
                if (child is ContainerInline { FirstChild: { } first })
                {
                    child = first;
                    continue;
                }
                while (child is not null && child != inline && child.NextSibling is null) child = child.Parent;
                child = child is null || child == inline ? null : child.NextSibling;
            }
        });

    private static readonly HashSet<string> HtmlTagNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "div", "em", "font", "i", "img", "ins", "kbd",
        "mark", "p", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "table", "tr", "td", "th",
        "thead", "tbody", "ul", "ol", "li", "center", "details", "summary", "hr", "figure", "figcaption", "picture", "source", "video", "audio",
    };

    /// <summary>
    /// Inline HTML is markup only when it is HTML: "&lt;insert chart&gt;" or "&lt;Company Name&gt;" parse as tags but are
    /// text the author typed (and a browser would silently drop), so they stay visible to the rules.
    /// </summary>
    private static bool IsHtmlTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.StartsWith("<!--", StringComparison.Ordinal)) return true;
        int i = 1;
        if (i < tag.Length && tag[i] == '/') i++;
        int start = i;
        while (i < tag.Length && char.IsAsciiLetterOrDigit(tag[i])) i++;
        return i > start && HtmlTagNames.Contains(tag[start..i]);
    }

    private static string FirstTag(string text)
    {
        int end = text.IndexOfAny([' ', '>', '\n', '\r']);
        return end > 0 ? text[..end] : text;
    }

    /// <summary>The 1-based lines a block covers (Markdig clears a leaf's Lines once its inlines are parsed).</summary>
    private static (int First, int Last) LinesOf(SourceText source, LeafBlock block)
    {
        var span = ToSpan(block.Span, source);
        return (source.GetPosition(span.Start).Line, source.GetPosition(Math.Max(span.Start, span.End - 1)).Line);
    }

    private static bool IsPipeParagraph(SourceText source, ParagraphBlock paragraph)
    {
        var (first, last) = LinesOf(source, paragraph);
        for (int line = first; line <= last; line++)
            if (!PipeRows.IsPipeRow(source.GetLineText(line)) && !PipeRows.IsDelimiterRow(source.GetLineText(line))) return false;
        return true;
    }

    /// <summary>Pipe rows that Markdig left as a paragraph (no delimiter row, or ragged): still a table to the reader.</summary>
    private static void AddPipeParagraph(DocumentBuilder builder, SourceText source, ParagraphBlock paragraph)
    {
        var rows = new List<(TableRow, TextSpan, string)>();
        var (first, last) = LinesOf(source, paragraph);
        for (int line = first; line <= last; line++)
        {
            var span = source.GetLineSpan(line);
            string text = source.Slice(span);
            if (PipeRows.IsDelimiterRow(text)) continue;
            rows.Add((new TableRow(span, PipeRows.SplitCells(text, span.Start), isHeader: false), span, text));
        }
        builder.AddTable(rows, hasDelimiterRow: false);
    }

    private static void AddTable(DocumentBuilder builder, SourceText source, MdTable table)
    {
        var rows = new List<(TableRow, TextSpan, string)>();
        foreach (var rowBlock in table.OfType<MdTableRow>())
        {
            var span = source.GetLineSpan(rowBlock.Line + 1);
            string text = source.Slice(span);
            rows.Add((new TableRow(span, PipeRows.SplitCells(text, span.Start), rowBlock.IsHeader), span, MaskEmphasis(text)));
        }
        builder.AddTable(rows, hasDelimiterRow: true);
    }

    private static string MaskEmphasis(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (chars[i] is '*' or '`' || chars[i] == '_' && (i + 1 < chars.Length && chars[i + 1] == '_' || i > 0 && chars[i - 1] == '_'))
                chars[i] = ' ';
        return new string(chars);
    }
}
