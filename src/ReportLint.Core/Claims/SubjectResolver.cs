using System.Buffers;
using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Claims;

/// <summary>
/// Decides what a figure is about. The subject of a figure is the first region, country or segment named in its
/// clause before it ("North America accounted for USD 0.52 billion"); "global", "overall" or no such name means the
/// market as a whole. A statement that names no place or segment at all is "clean": only clean statements are linked
/// to figures in other statements, so a regional figure is never checked against the market's rate.
/// </summary>
internal sealed class SubjectResolver
{
    private readonly Gazetteer _gazetteer;
    private readonly PhraseMatcher<string> _segments;

    public SubjectResolver(Gazetteer gazetteer, IEnumerable<string> segmentNames)
    {
        _gazetteer = gazetteer;
        _segments = new PhraseMatcher<string>(segmentNames.Where(s => s.Length >= 3).Select(s => (s, s, false)));
    }

    public sealed record Mentions(List<(int Offset, Subject Subject)> Items)
    {
        public bool Any => Items.Count > 0;

        /// <summary>Where each clause break in the statement starts and ends (local offsets), found on first use.</summary>
        internal List<(int Start, int End)>? Breaks;
    }

    /// <summary>Where the clause that holds <paramref name="local"/> starts: after the last clause break that ends by it, 0 when none does.</summary>
    internal static int ClauseStart(List<(int Start, int End)> breaks, int local)
    {
        // A clause break further back than a few hundred characters does not matter: look only that far.
        int windowStart = local - Math.Min(local, ClauseWindow), clauseStart = 0;
        foreach (var (start, end) in breaks)
            if (start >= windowStart && end <= local) clauseStart = Math.Max(clauseStart, end);
        return clauseStart;
    }

    internal const int ClauseWindow = 400;

    /// <summary>Every clause break in <paramref name="text"/>, any case, overlapping ones included.</summary>
    internal static List<(int Start, int End)> FindBreaks(string text)
    {
        var breaks = new List<(int, int)>();
        // One vectorised search finds where any break starts; each break is then tried there.
        for (int at = text.AsSpan().IndexOfAny(AnyClauseBreak); at >= 0;)
        {
            foreach (var br in ClauseBreaks)
                if (text.AsSpan(at).StartsWith(br, StringComparison.OrdinalIgnoreCase)) breaks.Add((at, at + br.Length));
            int next = text.AsSpan(at + 1).IndexOfAny(AnyClauseBreak);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return breaks;
    }


    public Mentions Find(Statement statement)
    {
        var items = new List<(int, Subject)>();
        var text = statement.Chars;
        // A field's key names what its value is about; a scope table's "Geographies covered" lists places but is about none.
        if (statement.Field is { } field && IsListingKey(field.NormalizedKey)) return new Mentions(items);
        // Both name lists are looked up only at the words their names begin with.
        var words = statement.Words;
        var places = _gazetteer.Find(statement);
        for (int i = 0; i < places.Count; i++)
        {
            var m = places[i];
            var kind = m.Place.Kind == PlaceKind.Country ? SubjectKind.Country : SubjectKind.Region;
            items.Add((m.Span.Start, new Subject(kind, m.Place.Name)));
        }
        var segments = _segments.Find(text, words, statement.Span.Start);
        for (int i = 0; i < segments.Count; i++) items.Add((statement.Span.Start + segments[i].Start, new Subject(SubjectKind.Segment, segments[i].Value)));
        if (text.ContainsAny(SegmentWord))
            foreach (var (start, name) in SegmentPhrases(statement.Text)) items.Add((statement.Span.Start + start, new Subject(SubjectKind.Segment, name)));
        items.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new Mentions(items);
    }

    private static bool IsListingKey(string key) =>
        key.Contains("covered") || key.Contains("geograph") || key.Contains("region") && key.Contains("scope") || key.Contains("segments");

    /// <summary>"the software segment", "Hospitals segment": the words right before "segment".</summary>
    private static IEnumerable<(int, string)> SegmentPhrases(string text)
    {
        int from = 0;
        while (true)
        {
            int i = text.AsSpan(from).IndexOfAny(SegmentWord);
            if (i < 0) yield break;
            i += from;
            from = i + 7;
            if (i > 0 && char.IsLetter(text[i - 1])) continue;
            if (from < text.Length && char.IsLetter(text[from]) && text[from] != 's') continue;
            // Walk back over up to three capitalised or lower-case words, stopping at determiners.
            int end = i;
            while (end > 0 && text[end - 1] == ' ') end--;
            int start = end, words = 0;
            while (start > 0 && words < 3)
            {
                int ws = start;
                while (ws > 0 && (char.IsLetterOrDigit(text[ws - 1]) || text[ws - 1] is '-' or '&' or '\'')) ws--;
                if (ws == start) break;
                var word = text.AsSpan(ws, start - ws);
                if (IsStopWord(word)) break;
                start = ws;
                words++;
                while (start > 0 && text[start - 1] == ' ') start--;
                if (start > 0 && text[start - 1] != ' ' && !char.IsLetter(text[start - 1])) break;
            }
            while (start < end && text[start] == ' ') start++;
            if (end > start) yield return (start, text[start..end]);
        }
    }

    private static bool IsStopWord(ReadOnlySpan<char> w) =>
        w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase)
        || w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase)
        || w.Equals("each", StringComparison.OrdinalIgnoreCase) || w.Equals("every", StringComparison.OrdinalIgnoreCase)
        || w.Equals("which", StringComparison.OrdinalIgnoreCase) || w.Equals("its", StringComparison.OrdinalIgnoreCase)
        || w.Equals("largest", StringComparison.OrdinalIgnoreCase) || w.Equals("fastest-growing", StringComparison.OrdinalIgnoreCase)
        || w.Equals("of", StringComparison.OrdinalIgnoreCase) || w.Equals("in", StringComparison.OrdinalIgnoreCase)
        || w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("by", StringComparison.OrdinalIgnoreCase)
        || w.Equals("for", StringComparison.OrdinalIgnoreCase) || w.Equals("market", StringComparison.OrdinalIgnoreCase)
        || w.Equals("another", StringComparison.OrdinalIgnoreCase) || w.Equals("one", StringComparison.OrdinalIgnoreCase)
        || w.Equals("same", StringComparison.OrdinalIgnoreCase) || w.Equals("leading", StringComparison.OrdinalIgnoreCase)
        || w.Equals("dominant", StringComparison.OrdinalIgnoreCase) || w.Equals("second", StringComparison.OrdinalIgnoreCase);

    internal static readonly string[] ClauseBreaks = [";", " while ", " whereas ", " whilst ", " with ", " followed by ", " compared ", " against ", " versus ", " ahead of ", " behind ", " than "];
    // After ClauseBreaks: static fields are initialised in the order they are written.
    private static readonly SearchValues<string> AnyClauseBreak = SearchValues.Create(ClauseBreaks, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> SegmentWord = SearchValues.Create(["segment"], StringComparison.OrdinalIgnoreCase);
    private static readonly string[] WholeMarketWords = ["global", "worldwide", "overall", "total", "entire", "whole"];
    private static readonly string[] Pronouns = ["it ", "this segment", "the segment", "this region", "the region", "the country", "this country", "its "];

    private static int FindBreakStart(string text, int clauseStart)
    {
        foreach (var br in ClauseBreaks)
            if (clauseStart - br.Length >= 0 && text.AsSpan(clauseStart - br.Length, br.Length).Equals(br, StringComparison.OrdinalIgnoreCase))
                return clauseStart - br.Length;
        return Math.Max(0, clauseStart - 1);
    }

    /// <summary>The subject of the figure at <paramref name="offset"/> in <paramref name="statement"/>.</summary>
    public Subject SubjectAt(Statement statement, Mentions mentions, int offset, Subject? previous)
    {
        string text = statement.Text;
        int local = Math.Clamp(offset - statement.Span.Start, 0, text.Length);
        int clauseStart = ClauseStart(mentions.Breaks ??= FindBreaks(text), local);
        // In a list of figures ("North America accounted for USD 4.2 billion, Europe for USD 3.1 billion"), a name after the
        // previous figure belongs to this one.
        int previousFigureEnd = -1;
        var figures = statement.FigureSpan;
        for (int i = 0; i < figures.Length; i++)
            if (figures[i] is { Kind: FigureKind.Money or FigureKind.Percent } f && f.Span.End <= offset)
                previousFigureEnd = Math.Max(previousFigureEnd, f.Span.End - statement.Span.Start);
        if (previousFigureEnd > clauseStart)
            foreach (var (at, subject) in mentions.Items)
            {
                int l = at - statement.Span.Start;
                if (l >= previousFigureEnd && l < local) return subject;
            }
        foreach (var (at, subject) in mentions.Items)
        {
            int l = at - statement.Span.Start;
            if (l < clauseStart || l >= local) continue;
            // "the global market, led by North America" is still the global market.
            var lead = text.AsSpan(clauseStart, l - clauseStart);
            foreach (var w in WholeMarketWords)
                if (lead.Contains(w, StringComparison.OrdinalIgnoreCase) && lead.Contains("market", StringComparison.OrdinalIgnoreCase))
                    return Subject.Market;
            return subject;
        }
        var section = SectionSubject(statement.Block);
        var head = text.AsSpan(clauseStart, local - clauseStart).TrimStart();
        foreach (var p in Pronouns)
            if (head.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                return previous is { Kind: not SubjectKind.Market } ? previous
                    : section ?? (p.StartsWith("it") || p.StartsWith("its") ? previous ?? Subject.Market : Subject.Unknown);
        // "…, with a CAGR of 7%": no name of its own, so the figure belongs to the clause before.
        if (clauseStart > 0) return SubjectAt(statement, mentions, statement.Span.Start + FindBreakStart(text, clauseStart), previous);
        // Under a heading that names a region or segment ("### North America"), an unnamed figure is that section's,
        // unless the sentence says it is the whole market's.
        if (section is not null)
        {
            var clause = text.AsSpan(0, local);
            foreach (var w in WholeMarketWords)
                if (clause.Contains(w, StringComparison.OrdinalIgnoreCase)) return Subject.Market;
            return section;
        }
        return Subject.Market;
    }

    private readonly Dictionary<Block, Subject?> _sections = new();

    /// <summary>The region, country or segment a section heading names, when it names exactly one.</summary>
    internal Subject? SectionSubject(Block block)
    {
        var heading = block.Kind == BlockKind.Heading ? null : block.Section;
        if (heading is null) return null;
        if (_sections.TryGetValue(heading, out var cached)) return cached;
        Subject? found = null;
        string text = heading.Text.Trim().TrimStart('#').Trim();
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8)
        {
            var subjects = new List<Subject>();
            foreach (var m in _gazetteer.Find(text))
                subjects.Add(new Subject(m.Place.Kind == PlaceKind.Country ? SubjectKind.Country : SubjectKind.Region, m.Place.Name));
            foreach (var (_, _, name) in _segments.Find(text)) subjects.Add(new Subject(SubjectKind.Segment, name));
            foreach (var (_, name) in SegmentPhrases(text)) subjects.Add(new Subject(SubjectKind.Segment, name));
            var distinct = subjects.DistinctBy(x => x.Key).ToList();
            if (distinct.Count == 1) found = distinct[0];
        }
        _sections[heading] = found;
        return found;
    }
}
