using System.Globalization;
using ReportLint.Core.Claims;
using ReportLint.Core.Extraction;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules.Arithmetic;

/// <summary>RL103: regional or segment values for a year that add up to more than the market they are part of.</summary>
public sealed class PartsExceedTotalRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL103", "parts-exceed-total", RuleFamily.Arithmetic, Severity.Error,
        "Regional or segment values for one year add up to more than the stated market total.",
        "Adds the values stated for the regions (or for the segments of one breakdown) in the same year, each as the interval its "
        + "rounding allows, and compares the sum with the market total for that year. The parts exceed the total when even their "
        + "smallest possible sum is above the largest possible total. When a table gives every part and a total row, a sum clearly "
        + "below the total is reported too.",
        "The market was USD 10.0 billion in 2025; North America accounted for USD 4.2 billion, Europe USD 3.1 billion and Asia Pacific USD 3.5 billion.",
        "The market was USD 10.0 billion in 2025; North America accounted for USD 4.2 billion, Europe USD 3.1 billion and Asia Pacific USD 2.3 billion.");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var claims = context.Claims;
        var gazetteer = context.Knowledge.Gazetteer;
        var totals = claims.Values.Where(v => v.Subject.Kind == SubjectKind.Market && claims.IsTrustedSubject(v)).ToList();
        // Parts: top-level regions (never a country with its own region) or the segments of one block or table.
        var parts = claims.Values.Where(v => v.Subject.Kind is SubjectKind.Region or SubjectKind.Segment).ToList();
        var groups = parts.GroupBy(v => (v.Year, v.Figure.Currency, Kind: v.Subject.Kind,
            Scope: v.Subject.Kind == SubjectKind.Region ? "regions" : v.Statement.Block.Table is { } t ? "table" + claims.Document.Tables.ToList().IndexOf(t) : "section" + (v.Statement.Block.Section?.Index ?? -1)));
        foreach (var group in groups)
        {
            var members = group.GroupBy(v => v.Subject.Key).Select(g => g.First()).ToList();
            if (group.Key.Kind == SubjectKind.Region)
                members = members.Where(m => gazetteer.ByName.TryGetValue(m.Subject.Name, out var p) && p.Kind == PlaceKind.Region).ToList();
            if (members.Count < 2) continue;
            // The total of the same table when there is one ("Total" row), else the market size stated for that year.
            var candidates = totals.Where(t => t.Year == group.Key.Year && (t.Figure.Currency == group.Key.Currency || t.Figure.Currency is null || group.Key.Currency is null)).ToList();
            var total = candidates.FirstOrDefault(t => t.Statement.Block.Table is { } tt && tt == members[0].Statement.Block.Table) ?? candidates.FirstOrDefault();
            if (total is null) continue;
            var sum = members.Aggregate(new Interval(0, 0), (acc, v) => acc + v.Figure.Interval);
            bool exceeds = sum.Low > total.Figure.Interval.High;
            bool tableShort = group.Key.Scope.StartsWith("table") && total.Statement.Block.Table is not null
                              && total.Statement.Block.Table == members[0].Statement.Block.Table && sum.High < total.Figure.Interval.Low;
            if (!exceeds && !tableShort) continue;
            double scale = total.Figure.Scale.Multiplier;
            int d = Math.Max(total.Figure.Amount.Decimals, members.Max(m => m.Figure.Amount.Decimals));
            string unit = total.Figure.Scale.Name.Length > 0 ? " " + total.Figure.Scale.Name : "";
            string terms = string.Join(" + ", members.Select(m => $"{m.Subject.Name} {PrintedNumber.Format(m.Figure.Value / scale, m.Figure.Amount.Decimals)}"));
            string verdict = exceeds ? "more than" : "less than";
            var last = members.MaxBy(m => m.Figure.Span.Start)!;
            var finding = context.Report(last.Figure.Span, string.Create(CultureInfo.InvariantCulture,
                $"The {(group.Key.Kind == SubjectKind.Region ? "regional" : "segment")} values for {group.Key.Year} add up to {verdict} the market total: "
                + $"{terms} = {PrintedNumber.Format(sum.Mid / scale, d)}{unit}, but the market is {total.Figure.Display} (line {context.Locate(total.Figure.Span).Line})."));
            finding.Related.Add(new RelatedLocation(context.Locate(total.Figure.Span), "the market total"));
            foreach (var m in members.Where(m => m != last)) finding.Related.Add(new RelatedLocation(context.Locate(m.Figure.Span), m.Subject.Name));
        }
    }
}
