using System.Globalization;
using ReportLint.Core.Claims;
using ReportLint.Core.Extraction;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Contradictions;

/// <summary>RL201: the same quantity stated twice with values that cannot both be true.</summary>
public sealed class ConflictingFigureRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL201", "conflicting-figure", RuleFamily.Contradictions, Severity.Error,
        "The same figure is stated twice with values that disagree.",
        "Compares every restatement of the same quantity: the market size (or a region's or segment's) for a year, the CAGR for "
        + "a window, a segment's share for a year. Two statements conflict when the intervals their printed precision allows do not "
        + "overlap: \"13.5%\" and \"13.50%\" agree, \"USD 1.45 billion\" and \"USD 1,450 million\" agree, \"USD 1.45 billion\" and "
        + "\"USD 1.54 billion\" do not. Hedged figures (\"over USD 1 billion\") only conflict with values on the wrong side.",
        "Summary: USD 1.45 billion in 2025 … Scope table: Market Size in 2025: | USD 1.54 billion |",
        "Summary: USD 1.45 billion in 2025 … Scope table: Market Size in 2025: | USD 1.45 billion |");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var claims = context.Claims;
        var values = claims.Values.Where(v => v.Subject.IsKnown && claims.IsTrustedSubject(v))
            .GroupBy(v => (v.Subject.Key, v.Year, v.Figure.Currency ?? ""));
        foreach (var group in values)
        {
            var list = group.ToList();
            Compare(context, list, v => v.Figure.LooseInterval, v => v.Figure, (a, b) =>
                $"{Owner(a.Subject)} size for {a.Year} is stated as {b.Figure.Display} here but {a.Figure.Display} on line {context.Locate(a.Figure.Span).Line}: "
                + $"{Range(b.Figure.LooseInterval, b.Figure)} and {Range(a.Figure.LooseInterval, a.Figure)} do not overlap.",
                (a, b) => (MoneyNumber(b.Figure), a.Figure.Amount.Raw, a.Figure.Scale == b.Figure.Scale));
        }
        var rates = claims.Rates.Where(r => r.Subject.IsKnown && r.Window is { From: not null, To: not null })
            .GroupBy(r => (r.Subject.Key, r.Window!.From, r.Window.To));
        foreach (var group in rates)
        {
            Compare(context, group.ToList(), r => SignedLoose(r), r => r.Figure, (a, b) =>
                $"{Owner(a.Subject)} CAGR for {a.Window} is stated as {b.Figure.Raw.Trim()} here but {a.Figure.Raw.Trim()} on line {context.Locate(a.Figure.Span).Line}.",
                (a, b) => (PercentNumber(b.Figure), a.Figure.Number.Raw.TrimStart('-', '−'), true));
        }
        // A share is only the same quantity within the same breakdown: "Turbines … 48.2% of the market" under "By Turbine
        // Capacity" and "Turbines accounted for 39.4%" under "By Component" are shares of different things.
        var shares = claims.Shares.Where(s => s.Subject.Kind is not (SubjectKind.Market or SubjectKind.Unknown))
            .GroupBy(s => (s.Subject.Key, s.Year, Breakdown: claims.BreakdownOf(s.Statement)));
        foreach (var group in shares)
        {
            Compare(context, group.ToList(), s => s.Figure.LooseInterval, s => s.Figure, (a, b) =>
                $"{a.Subject.Name}'s share{(a.Year is { } y ? " in " + y : "")} is stated as {b.Figure.Raw.Trim()} here but {a.Figure.Raw.Trim()} on line {context.Locate(a.Figure.Span).Line}.",
                (a, b) => (PercentNumber(b.Figure), a.Figure.Number.Raw, true));
        }
    }

    private static Interval SignedLoose(RateClaim r) => r.Declining && r.Figure.Value > 0 ? r.Figure.LooseInterval * -1 : r.Figure.LooseInterval;

    private static Documents.TextSpan MoneyNumber(MoneyFigure f) => Arithmetic.CagrMismatchRule.NumberSpan(f, f.Amount);
    private static Documents.TextSpan PercentNumber(PercentFigure f) => Arithmetic.CagrMismatchRule.NumberSpan(f, f.Number, unsigned: true);

    private static string Owner(Subject s) => s.Kind == SubjectKind.Market ? "The market" : s.Name + "'s";

    private static string Range(Interval i, MoneyFigure f)
    {
        double scale = f.Scale.Multiplier;
        int d = f.Amount.Decimals + 1;
        string unit = f.Scale.Name.Length > 0 ? " " + f.Scale.Name : "";
        if (double.IsInfinity(i.High)) return $"at least {PrintedNumber.Format(i.Low / scale, d)}{unit}";
        if (double.IsInfinity(i.Low)) return $"at most {PrintedNumber.Format(i.High / scale, d)}{unit}";
        return string.Create(CultureInfo.InvariantCulture, $"{PrintedNumber.Format(i.Low / scale, d)}–{PrintedNumber.Format(i.High / scale, d)}{unit}");
    }

    /// <summary>Reports each statement that contradicts the first statement of the same quantity (once per distinct value).</summary>
    private static void Compare<T>(RuleContext context, List<T> list, Func<T, Interval> interval, Func<T, Figure> figure,
        Func<T, T, string> message, Func<T, T, (Documents.TextSpan Span, string NewText, bool Ok)> fix)
    {
        if (list.Count < 2) return;
        var reference = list[0];
        var reported = new HashSet<string>();
        foreach (var other in list.Skip(1))
        {
            if (interval(reference).Overlaps(interval(other))) continue;
            if (!reported.Add(figure(other).Raw.Trim())) continue;
            var finding = context.Report(figure(other).Span, message(reference, other));
            finding.Related.Add(new RelatedLocation(context.Locate(figure(reference).Span), "first stated here"));
            var (span, newText, ok) = fix(reference, other);
            if (ok) finding.Fixes.Add(new SuggestedFix($"Use the value stated first ({figure(reference).Raw.Trim()})", [new TextEdit(context.Locate(span), newText)]));
        }
    }
}
