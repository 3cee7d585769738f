using ReportLint.Core.Documents;

namespace ReportLint.Core.Claims;

public enum LeadKind { Largest, FastestGrowing }

/// <summary>"Romance contributes the highest share", "Fastest-Growing Region: Latin America": a segment or place called the leader.</summary>
public sealed class SuperlativeClaim
{
    public SuperlativeClaim(Subject subject, LeadKind kind, string? dimension, string cue, TextSpan span, Statement statement)
    {
        Subject = subject;
        Kind = kind;
        Dimension = dimension;
        Cue = cue;
        Span = span;
        Statement = statement;
    }

    public Subject Subject { get; }
    public LeadKind Kind { get; }
    /// <summary>The breakdown the claim is about ("Genre", "Region"), when it can be told; claims without one are never compared.</summary>
    public string? Dimension { get; }
    public string Cue { get; }
    public TextSpan Span { get; }
    public Statement Statement { get; }
    public override string ToString() => $"{Subject} {Kind} by {Dimension}";
}

/// <summary>Finds superlative claims about segments and places in statements.</summary>
internal static class Superlatives
{
    private static readonly string[] LargestCues =
    [
        "highest share", "largest share", "biggest share", "major share", "majority share", "lion's share", "dominant share",
        "highest revenue share", "largest revenue share", "largest market", "largest segment", "largest region", "largest sub-segment",
        "dominant region", "dominating region", "dominant segment", "dominant platform", "dominant genre", "dominant position",
        "leading segment", "leading region", "leading position", "dominated the market", "dominates the market", "dominate the market",
        "leads the market", "led the market", "accounted for the largest", "held the largest", "holds the largest", "largest contributor",
        "largest revenue", "largest category", "largest application", "largest end-use", "largest end use",
    ];

    private static readonly string[] FastestCues =
    [
        "fastest-growing", "fastest growing", "fastest growth", "highest cagr", "highest growth rate", "grow at the fastest", "fastest rate",
        "fastest pace", "fastest cagr",
    ];

    /// <summary>Headings are terse: "Unflavoured Varieties Lead", "Sensors Dominate Recurring Revenue", "Romance Dominance".</summary>
    private static readonly string[] HeadingLargestCues =
        [" leads", " lead ", " dominates", " dominate", " dominance", "biggest slice", "biggest share", "greatest", "largest", " commands", " captures the"];

    /// <summary>An appositive after the figures: "…, the leading crop type", "…, the single biggest application".</summary>
    private static readonly string[] AppositiveLargestCues = [", the leading ", ", the single biggest ", ", the biggest ", ", the largest ", ", the principal ", ", the dominant "];

    private static readonly string[] NotAboutSegments = ["players", "companies", "company", "vendors", "brands", "manufacturers", "providers", "firms"];

    /// <summary>Every cue of every list: ASCII text that contains none of them, ignoring case, holds no superlative.</summary>
    private static readonly System.Buffers.SearchValues<string> AnyCue =
        AnyOfSearch.IgnoringCase([.. LargestCues, .. FastestCues, .. HeadingLargestCues, .. AppositiveLargestCues]);

    /// <summary>
    /// False when the statement holds no superlative cue. Most statements hold none: one vectorised search rules them out.
    /// For ASCII text, ignoring case is lower-casing (other text is searched as always, since a character such as the
    /// Kelvin sign lower-cases to ASCII).
    /// </summary>
    public static bool MayHold(Statement statement) => !statement.IsAscii || statement.Chars.ContainsAny(AnyCue);

    public static IEnumerable<SuperlativeClaim> Find(Statement statement, SubjectResolver resolver, SubjectResolver.Mentions mentions, string? sectionDimension)
    {
        if (!MayHold(statement)) yield break;
        string lower = statement.Text.ToLowerInvariant();
        var sets = new List<(string[] Cues, LeadKind Kind)> { (LargestCues, LeadKind.Largest), (FastestCues, LeadKind.FastestGrowing) };
        if (statement.Block.Kind == BlockKind.Heading) sets.Insert(0, (HeadingLargestCues, LeadKind.Largest));
        else sets.Insert(0, (AppositiveLargestCues, LeadKind.Largest));
        var seenKinds = new HashSet<LeadKind>();
        foreach (var (cues, kind) in sets)
        {
            if (seenKinds.Contains(kind)) continue;
            foreach (var cue in cues)
            {
                int at = lower.IndexOf(cue, StringComparison.Ordinal);
                if (at < 0) continue;
                bool appositive = cue.StartsWith(", ", StringComparison.Ordinal);
                string after = lower[(at + cue.Length)..];
                if (NotAboutSegments.Any(n => after.TrimStart().StartsWith(n, StringComparison.Ordinal))) break;
                var subject = SubjectNear(statement, mentions, at, appositive);
                if (subject is null) break;
                seenKinds.Add(kind);
                string? dimension = subject.Kind switch
                {
                    SubjectKind.Region => "Region",
                    // "China is the largest market in Asia Pacific": a ranking within a region, not across countries.
                    SubjectKind.Country => mentions.Items.Any(m => m.Subject.Kind == SubjectKind.Region) || lower.Contains("region") ? null : "Country",
                    SubjectKind.Segment => DimensionIn(statement.Text) ?? sectionDimension,
                    _ => null,
                };
                yield return new SuperlativeClaim(subject, kind, dimension, cue, new TextSpan(statement.Span.Start + at, statement.Span.Start + at + cue.Length), statement);
                break;
            }
        }
    }

    /// <summary>The named segment or place nearest the cue in its clause, preferring one before it; for a field, the value.</summary>
    private static Subject? SubjectNear(Statement statement, SubjectResolver.Mentions mentions, int localCue, bool appositive = false)
    {
        int cue = statement.Span.Start + localCue;
        var items = mentions.Items.Where(m => m.Subject.Kind is SubjectKind.Region or SubjectKind.Country or SubjectKind.Segment).ToList();
        if (statement.Field is { } field)
        {
            var inValue = items.FirstOrDefault(m => field.ValueSpan.Contains(m.Offset));
            if (inValue.Subject is not null) return inValue.Subject;
        }
        // The name must head the clause that holds the cue: "Romance contributes the highest share", or the
        // sentence-opening "In Asia Pacific, the market is … the dominating region".
        foreach (var (offset, subject) in items.Where(m => m.Offset < cue))
        {
            var between = statement.Between(offset, cue);
            // "Hybrid corn accounted for 41% of sales, the leading crop type": the name heads the clause the comma closes.
            if (appositive && !between.Contains(';') && between.Count(c => c == ',') <= 1 && between.Length <= 160) return subject;
            bool sameClause = !between.Contains(',') && !between.Contains(';') && between.Length <= 80;
            bool opening = offset - statement.Span.Start <= 3 && statement.Text.StartsWith("In ", StringComparison.Ordinal) && !between.Contains(';');
            if (sameClause || opening) return subject;
        }
        if (appositive) return null;
        var after = items.FirstOrDefault(m => m.Offset > cue && m.Offset - cue < 60);
        return after.Subject;
    }

    /// <summary>"In terms of By Genre, …", "By Platform: …" name the breakdown.</summary>
    internal static string? DimensionIn(string text)
    {
        int i = text.IndexOf("By ", StringComparison.Ordinal);
        if (i < 0) return null;
        int s = i + 3, e = s;
        while (e < text.Length && (char.IsLetter(text[e]) || text[e] is ' ' or '-' or '&') && e - s < 40)
        {
            if (text[e] == ' ' && e + 1 < text.Length && !char.IsUpper(text[e + 1])) break;
            e++;
        }
        var name = text[s..e].Trim();
        return name.Length >= 3 ? name : null;
    }
}
