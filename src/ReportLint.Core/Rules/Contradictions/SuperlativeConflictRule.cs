using ReportLint.Core.Claims;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Contradictions;

/// <summary>RL203: two leaders of the same breakdown, or a leader the stated shares contradict.</summary>
public sealed class SuperlativeConflictRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL203", "superlative-conflict", RuleFamily.Contradictions, Severity.Error,
        "Two different segments of one breakdown are each called the largest (or fastest-growing), or the figures contradict the leader named.",
        "Collects every \"largest\", \"highest share\", \"dominant\" and \"fastest-growing\" claim about a segment or region, with the "
        + "breakdown it belongs to (By Genre, By Platform, regions). Two different leaders of the same breakdown conflict; leaders of "
        + "different breakdowns do not (Romance can lead genres while Social Media leads platforms). A leader whose stated share is "
        + "below another segment's share of the same breakdown is also reported.",
        "By Genre: Romance contributes the highest share … By Genre: Comedy holds the largest share of the market.",
        "By Genre: Romance contributes the highest share … By Platform: Social Media holds the largest share of the market.");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var claims = context.Claims;
        foreach (var group in claims.Superlatives.Where(s => s.Dimension is not null).GroupBy(s => (Dim: s.Dimension!.ToLowerInvariant(), s.Kind)))
        {
            var first = group.First();
            var seen = new HashSet<string> { first.Subject.Key };
            foreach (var other in group.Skip(1))
            {
                if (!seen.Add(other.Subject.Key)) continue;
                string what = other.Kind == LeadKind.Largest ? "the largest" : "the fastest-growing";
                var finding = context.Report(other.Span,
                    $"{other.Subject.Name} is called {what} {Noun(other)} here, but line {context.Locate(first.Span).Line} gives that place to {first.Subject.Name}.");
                finding.Related.Add(new RelatedLocation(context.Locate(first.Span), $"{first.Subject.Name} is called {what} here"));
            }
        }
        // A named leader whose share is below another's in the same breakdown and year.
        foreach (var lead in claims.Superlatives.Where(s => s.Kind == LeadKind.Largest && s.Dimension is not null))
        {
            var own = claims.Shares.Where(s => s.Subject.Key == lead.Subject.Key).ToList();
            if (own.Count == 0) continue;
            foreach (var mine in own)
            {
                var rival = claims.Shares.Where(s => s.Subject.Key != lead.Subject.Key && s.Subject.Kind == lead.Subject.Kind && s.Year == mine.Year
                                                     && SameBreakdown(claims, s, lead) && s.Figure.Interval.Low > mine.Figure.Interval.High)
                    .MaxBy(s => s.Figure.Value);
                if (rival is null) continue;
                var finding = context.Report(lead.Span,
                    $"{lead.Subject.Name} is called the largest, but its share ({mine.Figure.Raw.Trim()}) is below {rival.Subject.Name}'s ({rival.Figure.Raw.Trim()}).");
                finding.Related.Add(new RelatedLocation(context.Locate(mine.Figure.Span), $"{lead.Subject.Name}'s share"));
                finding.Related.Add(new RelatedLocation(context.Locate(rival.Figure.Span), $"{rival.Subject.Name}'s share"));
                break;
            }
        }
    }

    private static bool SameBreakdown(ClaimsModel claims, ShareClaim share, SuperlativeClaim lead)
    {
        if (lead.Subject.Kind is SubjectKind.Region or SubjectKind.Country) return true;
        var dim = claims.Superlatives.FirstOrDefault(s => s.Subject.Key == share.Subject.Key)?.Dimension;
        var segments = claims.Scope.ScopeSegments.FirstOrDefault(kv => kv.Key.Name.Equals(lead.Dimension, StringComparison.OrdinalIgnoreCase)).Value;
        return dim is not null && dim.Equals(lead.Dimension, StringComparison.OrdinalIgnoreCase)
               || segments is not null && segments.Any(s => s.Equals(share.Subject.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Noun(SuperlativeClaim s) => s.Subject.Kind switch
    {
        SubjectKind.Region => "region",
        SubjectKind.Country => "country",
        _ => $"segment by {s.Dimension}",
    };
}
