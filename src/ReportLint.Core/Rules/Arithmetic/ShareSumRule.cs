using System.Globalization;
using ReportLint.Core.Claims;
using ReportLint.Core.Extraction;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules.Arithmetic;

/// <summary>RL104: shares of one breakdown that add up to more than 100 %, or, when every part is given, to less.</summary>
public sealed class ShareSumRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL104", "share-sum", RuleFamily.Arithmetic, Severity.Error,
        "The shares of one breakdown add up to more than 100 %, or a complete breakdown does not reach 100 %.",
        "Adds the percentage shares stated for the parts of one breakdown (the regions, or the segments of one dimension) in one "
        + "year, each as the interval its rounding allows. More than 100 % beyond rounding is reported; so is a total below 100 % "
        + "when every segment the scope lists for that dimension has a share.",
        "North America held 41.5% of revenue in 2025, Europe 32.0%, Asia Pacific 24.8% and the rest of the world 6.1%.",
        "North America held 41.5% of revenue in 2025, Europe 29.0%, Asia Pacific 23.4% and the rest of the world 6.1%.");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var claims = context.Claims;
        var gazetteer = context.Knowledge.Gazetteer;
        var shares = claims.Shares.Where(s => s.Subject.Kind is SubjectKind.Region or SubjectKind.Segment && s.Figure.Value is > 0 and <= 100).ToList();
        // Regions: the top-level regions of the report, per year.
        var regional = shares.Where(s => s.Subject.Kind == SubjectKind.Region && gazetteer.ByName.TryGetValue(s.Subject.Name, out var p) && p.Kind == PlaceKind.Region);
        foreach (var g in regional.GroupBy(s => s.Year)) Check(context, g.GroupBy(s => s.Subject.Key).Select(x => x.First()).ToList(), "regions", null);
        // Segments: one dimension at a time, as the scope lists them.
        foreach (var (dimension, names) in claims.Scope.ScopeSegments)
        {
            var members = shares.Where(s => s.Subject.Kind == SubjectKind.Segment && names.Any(n => n.Equals(s.Subject.Name, StringComparison.OrdinalIgnoreCase)));
            foreach (var g in members.GroupBy(s => s.Year))
            {
                var list = g.GroupBy(s => s.Subject.Key).Select(x => x.First()).ToList();
                bool complete = names.All(n => list.Any(s => s.Subject.Name.Equals(n, StringComparison.OrdinalIgnoreCase)));
                Check(context, list, "segments by " + dimension.Name, complete ? names.Count : null);
            }
        }
    }

    private static void Check(RuleContext context, List<ShareClaim> members, string what, int? completeCount)
    {
        if (members.Count < 2) return;
        var sum = members.Aggregate(new Interval(0, 0), (acc, s) => acc + s.Figure.Interval);
        bool over = sum.Low > 100;
        bool under = completeCount is not null && sum.High < 100;
        if (!over && !under) return;
        int d = members.Max(m => m.Figure.Number.Decimals);
        string terms = string.Join(" + ", members.Select(m => $"{m.Subject.Name} {m.Figure.Number.Raw}"));
        var year = members[0].Year is { } y ? $" in {y}" : "";
        var last = members.MaxBy(m => m.Figure.Span.Start)!;
        string message = over
            ? $"The shares of the {what}{year} add up to more than 100 %: {terms} = {PrintedNumber.Format(sum.Mid, d)} %."
            : $"Every one of the {what} has a share{year}, but together they reach only {PrintedNumber.Format(sum.Mid, d)} % ({terms}).";
        var finding = context.Report(last.Figure.Span, string.Create(CultureInfo.InvariantCulture, $"{message}"));
        foreach (var m in members.Where(m => m != last)) finding.Related.Add(new RelatedLocation(context.Locate(m.Figure.Span), $"{m.Subject.Name}'s share"));
    }
}
