using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;

namespace ReportLint.Core.Claims;

public enum StatementKind { Sentence, Field, TableRow }

/// <summary>
/// The unit claims are read from: one sentence of prose, one key–value field, or one row of a data table.
/// Its figures are in document order, with absolute spans.
/// </summary>
public sealed class Statement
{
    public Statement(StatementKind kind, TextSpan span, string text, Block block, IReadOnlyList<Figure> figures, Field? field = null)
        : this(kind, span, text, 0, text.Length, block, figures, field) { }

    /// <summary>A statement whose text is <paramref name="source"/>[<paramref name="start"/>, +<paramref name="length"/>) (its block's text, say), copied only if asked for as a string.</summary>
    internal Statement(StatementKind kind, TextSpan span, string source, int start, int length, Block block, IReadOnlyList<Figure> figures, Field? field = null)
    {
        Kind = kind;
        Span = span;
        _source = source;
        _start = start;
        _length = length;
        if (start == 0 && length == source.Length) _text = source;
        Block = block;
        _figures = figures as List<Figure> ?? [.. figures];
        Field = field;
    }

    private readonly string _source;
    private readonly int _start, _length;
    private string? _text;

    public StatementKind Kind { get; }
    public TextSpan Span { get; }
    /// <summary>The statement's text (markup blanked), aligned with <see cref="Span"/>. Most statements are slices of their block's text, made a string of their own on first use: read <see cref="Chars"/> where a span will do.</summary>
    public string Text => _text ??= _source.Substring(_start, _length);
    /// <summary>The statement's text as a span of the text it was cut from: no copy.</summary>
    public ReadOnlySpan<char> Chars => _source.AsSpan(_start, _length);
    public Block Block { get; }
    public Field? Field { get; }
    public IReadOnlyList<Figure> Figures => _figures;
    /// <summary>The figures for the loops that read every statement's: no call through the interface per figure.</summary>
    internal ReadOnlySpan<Figure> FigureSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_figures);
    private readonly List<Figure> _figures;
    public int Index { get; internal set; }
    /// <summary>Whether <see cref="Text"/> is all ASCII (where ignoring case is lower-casing), found once: several checks ask.</summary>
    internal bool IsAscii => _isAscii ??= System.Text.Ascii.IsValid(Chars);
    private bool? _isAscii;
    /// <summary>The statement's word tokens (see <see cref="Documents.Words.In"/>), made on first use and shared by every rule that reads them.</summary>
    public WordRun Words => _words ??= Documents.Words.In(Block, Span, Chars);
    private WordRun? _words;
    /// <summary>The places the statement names, as the gazetteer that found them gave them (see <see cref="Knowledge.Gazetteer.Find(Statement)"/>).</summary>
    internal (Knowledge.Gazetteer Gazetteer, IReadOnlyList<Knowledge.PlaceMention> Mentions)? Places { get; set; }

    /// <summary>Text of the statement between two absolute offsets.</summary>
    public string Between(int start, int end)
    {
        int s = Math.Clamp(start - Span.Start, 0, _length), e = Math.Clamp(end - Span.Start, 0, _length);
        return e > s ? Chars[s..e].ToString() : string.Empty;
    }

    public bool HasNumbers => Figures.Any(f => f.Kind is FigureKind.Money or FigureKind.Percent or FigureKind.Number or FigureKind.PercentagePoints);
    public override string ToString() => $"{Kind} {Span}: {Text}";
}

/// <summary>Splits prose into sentences without breaking "1.45", "U.S.", "Inc." or "e.g.".</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "ltd", "corp", "co", "plc", "llc", "e.g", "i.e", "etc", "vs", "approx", "no", "mr", "mrs", "ms", "dr", "st", "jr",
        "u.s", "u.k", "u.s.a", "rs", "fig", "figs", "est", "avg", "mn", "bn", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "dept", "govt", "intl", "ave", "al", "cf", "ca", "nos", "vol", "p", "pp", "s.a", "n.v",
    };

    private static readonly System.Buffers.SearchValues<char> SentenceStops = System.Buffers.SearchValues.Create(".!?\n");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Longest stretch read as one sentence. Real sentences are far shorter; a megabyte without a full stop (a pasted
    /// table, a runaway line) is cut at a space near this length so that per-sentence work stays bounded.
    /// </summary>
    public const int MaxSentenceLength = 2000;

    /// <summary>Adds the sentences of <paramref name="text"/> to <paramref name="into"/> as (start, end) offsets, in order.</summary>
    public static void Split(ReadOnlySpan<char> text, List<(int Start, int End)> into)
    {
        int start = 0;
        int n = text.Length;
        // Only a full stop, '!', '?' or a blank line can end a sentence (a ';' never does: clauses stay in their
        // sentence): one vectorised search jumps from one candidate to the next.
        for (int i = 0; i < n; i++)
        {
            int next = text[i..].IndexOfAny(SentenceStops);
            if (next < 0) break;
            i += next;
            char c = text[i];
            bool hardBreak = c == '\n' && i + 1 < n && text[i + 1] == '\n';
            if (c == '\n' && !hardBreak) continue;
            if (c == '.' && !IsSentenceEnd(text, i)) continue;
            int end = i + 1;
            while (end < n && text[end] is '"' or '”' or '’' or ')') end++;
            if (end < n && !char.IsWhiteSpace(text[end])) continue;
            AddCut(text, start, end, into);
            start = end;
        }
        AddCut(text, start, n, into);
    }

    /// <summary>Adds text[s, e) trimmed, if anything is left, cut at spaces into pieces of at most <see cref="MaxSentenceLength"/>.</summary>
    private static void AddCut(ReadOnlySpan<char> text, int s, int e, List<(int Start, int End)> into)
    {
        (s, e) = Trim(text, s, e);
        if (e <= s) return;
        if (e - s <= MaxSentenceLength) { into.Add((s, e)); return; }
        int from = s;
        while (e - from > MaxSentenceLength)
        {
            int cut = text.Slice(from + MaxSentenceLength / 2 + 1, MaxSentenceLength / 2).LastIndexOf(' ');
            cut = cut < 0 ? from + MaxSentenceLength : from + MaxSentenceLength / 2 + 1 + cut;
            into.Add((from, cut));
            from = cut;
            while (from < e && char.IsWhiteSpace(text[from])) from++;
        }
        if (e > from) into.Add((from, e));
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> ends a sentence: not one after an abbreviation or an initial, nor inside a number.</summary>
    internal static bool IsSentenceEnd(ReadOnlySpan<char> text, int dot)
    {
        // The next non-space character must start a sentence.
        int j = dot + 1;
        while (j < text.Length && text[j] is '"' or '”' or '’' or ')') j++;
        if (j < text.Length && !char.IsWhiteSpace(text[j])) return false;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        if (j < text.Length && !(char.IsUpper(text[j]) || char.IsDigit(text[j]) || text[j] is '"' or '“' or '(' or '[' or '*' or '-' or '•')) return false;
        // The word before the dot must not be an abbreviation or a single capital ("J. Smith").
        int s = dot;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '.')) s--;
        var word = text.Slice(s, dot - s);
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        if (AbbreviationLookup.Contains(word)) return false;
        return true;
    }

    private static (int, int) Trim(ReadOnlySpan<char> text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return (s, e);
    }
}
