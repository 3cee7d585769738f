using System.Globalization;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Arithmetic;

/// <summary>
/// RL101: a start value, an end value and a CAGR that cannot all be true. Each printed number stands for the
/// interval its last digit allows; the claim holds if some start and rate inside their intervals reach the
/// end value's interval over the span of years (the value years, or the stated window).
/// </summary>
public sealed class CagrMismatchRule : Rule
{
    public static readonly RuleOption Tolerance = new("tolerance", OptionKind.Number, "0.01",
        "Relative gap to the end value above which a mismatch is an error rather than a warning (0.01 = 1 %).", 0, 1);

    public static readonly RuleDescriptor Rule = new(
        "RL101", "cagr-mismatch", RuleFamily.Arithmetic, Severity.Error,
        "The start value, end value and CAGR of a growth statement do not agree.",
        "For every market size, forecast and growth rate stated for the same subject, ReportLint recomputes start × (1 + CAGR)^years "
        + "with each number taken as the interval its printed precision allows (\"13.5%\" is 13.45–13.55 %). When no start and rate "
        + "inside their intervals reach the stated end value, it reports the expected value, the implied rate and the gap, and a likely "
        + "cause when one fits (an off-by-one span, a million/billion slip, a rate that belongs to another pair of years). "
        + "Gaps above the tolerance (1 % of the end value by default) are errors; smaller ones are warnings.",
        "The market was USD 1.45 billion in 2025 and will reach USD 3.65 billion by 2032, a CAGR of 13.5% from 2025 to 2032.",
        "The market was USD 1.45 billion in 2025 and will reach USD 3.52 billion by 2032, a CAGR of 13.5% from 2025 to 2032.",
        [Tolerance]);

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        double tolerance = context.Settings.Number(Tolerance);
        var reported = new Dictionary<string, Finding>();
        Dictionary<string, List<ValueClaim>>? bySubject = null;
        foreach (var growth in context.Claims.Growth)
        {
            var starts = growth.Starts.Where(s => s.Figure.Value > 0 && CurrencyMatches(s, growth.End)).ToList();
            if (starts.Count == 0 || growth.End.Figure.Value <= 0 || growth.Rate.Percent.Low <= -100) continue;
            var rate = growth.Rate.Percent * 0.01;
            if (starts.Any(s => growth.SpansFor(s).Any(n => Holds(s.Interval, rate, n, growth.End.Interval)))) continue;

            // Explain with the closest start and span.
            var (start, years) = starts.SelectMany(s => growth.SpansFor(s).Select(n => (s, n)))
                .MinBy(p => Math.Abs(Math.Log(growth.End.Figure.Value / (p.s.Figure.Value * Math.Pow(1 + growth.Rate.SignedValue / 100, p.n)))));
            if (start is null) continue;

            string key = string.Create(CultureInfo.InvariantCulture, $"{growth.Subject.Key}|{start.Figure.Value:R}|{growth.End.Figure.Value:R}|{growth.Rate.SignedValue:R}|{start.Year}|{growth.End.Year}");
            if (reported.TryGetValue(key, out var earlier))
            {
                earlier.Related.Add(new RelatedLocation(context.Locate(growth.End.Figure.Span), "the same figures, restated here"));
                continue;
            }
            bySubject ??= context.Claims.Values.Where(v => v.Figure.Value > 0).GroupBy(v => v.Subject.Key)
                .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Figure.Span.Start).ToList());
            reported[key] = ReportMismatch(context, growth, start, years, rate, tolerance, Nearby(bySubject.GetValueOrDefault(growth.Subject.Key) ?? [], growth.End.Figure.Span.Start));
        }
    }

    private static bool CurrencyMatches(ValueClaim a, ValueClaim b) =>
        a.Figure.Currency is null || b.Figure.Currency is null || a.Figure.Currency == b.Figure.Currency;

    internal static bool Holds(Interval start, Interval rate, int years, Interval end) =>
        Interval.Compound(start, rate, years).Overlaps(end);

    /// <summary>How many values of the same subject, nearest the claim, the search for "a rate from another pair" weighs.</summary>
    private const int NearbyValues = 48;

    /// <summary>
    /// The values (of one subject, in document order) nearest <paramref name="position"/>, in document order: the pairs a
    /// misplaced rate plausibly belongs to. Bounded, so a report with thousands of values and mismatches stays linear.
    /// </summary>
    private static List<ValueClaim> Nearby(List<ValueClaim> values, int position)
    {
        if (values.Count <= NearbyValues) return values;
        int lo = 0, hi = values.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (values[mid].Figure.Span.Start < position) lo = mid + 1;
            else hi = mid;
        }
        int left = lo - 1, right = lo;
        while (right - left - 1 < NearbyValues)
        {
            bool takeLeft = left >= 0 && (right >= values.Count || position - values[left].Figure.Span.Start <= values[right].Figure.Span.Start - position);
            if (takeLeft) left--;
            else right++;
        }
        return values.GetRange(left + 1, right - left - 1);
    }

    private static Finding ReportMismatch(RuleContext context, GrowthClaim growth, ValueClaim start, int years, Interval rate, double tolerance, List<ValueClaim> nearby)
    {
        var end = growth.End;
        var rateClaim = growth.Rate;
        double r = rateClaim.SignedValue / 100;
        double expected = start.Figure.Value * Math.Pow(1 + r, years);
        double stated = end.Figure.Value;
        double gap = stated / expected - 1;
        double implied = Math.Pow(stated / start.Figure.Value, 1.0 / years) - 1;
        int rateDecimals = rateClaim.Figure.Number.Decimals;
        double endScale = end.Figure.Scale.Multiplier;
        int endDecimals = end.Figure.Amount.Decimals;
        string statedText = PrintedNumber.Format(stated / endScale, endDecimals);
        int shownDecimals = endDecimals;
        while (shownDecimals < endDecimals + 2 && PrintedNumber.Format(expected / endScale, shownDecimals) == statedText) shownDecimals++;
        string expectedText = PrintedNumber.Format(expected / endScale, shownDecimals);
        string impliedText = PrintedNumber.Format(implied * 100, rateDecimals);
        if (impliedText == PrintedNumber.Format(rateClaim.SignedValue, rateDecimals)) impliedText = PrintedNumber.Format(implied * 100, rateDecimals + 1);
        string factor = PrintedNumber.Format(1 + r, rateDecimals + 2);
        bool sameScale = start.Figure.Scale == end.Figure.Scale;
        string startNumber = start.Figure.Amount.Raw + (sameScale ? "" : " " + start.Figure.Scale.Name);
        string endUnit = sameScale ? "" : " " + end.Figure.Scale.Name;
        string subject = growth.Subject.Kind == SubjectKind.Market ? "" : growth.Subject.Name + ": ";

        var reach = Interval.Compound(start.Interval, rate, years);
        double distance = reach.DistanceTo(end.Interval) / Math.Abs(stated);
        var severity = distance > tolerance ? Severity.Error : Severity.Warning;

        string message = string.Create(CultureInfo.InvariantCulture,
            $"{subject}CAGR {rateClaim.Figure.Raw.Trim()} does not take {start.Figure.Display} ({start.Year}) to {end.Figure.Display} ({end.Year}): "
            + $"{startNumber} × {factor}^{years} = {expectedText}{endUnit}, stated {statedText}{endUnit} ({gap * 100:+0.0;-0.0} %); implied CAGR {impliedText} %.");
        var diagnoses = Diagnose(growth, start, years, rate, implied, rateDecimals, nearby).ToList();
        if (diagnoses.Count > 0) message += " " + string.Join(" ", diagnoses);

        var finding = context.Report(end.Figure.Span, message, severity);
        finding.Properties["expected"] = PrintedNumber.Format(expected / endScale, Math.Max(endDecimals, 2));
        finding.Properties["stated"] = statedText;
        finding.Properties["gapPercent"] = PrintedNumber.Format(gap * 100, 2);
        finding.Properties["impliedRate"] = PrintedNumber.Format(implied * 100, rateDecimals + 1);
        finding.Properties["years"] = years.ToString(CultureInfo.InvariantCulture);
        if (!start.Statement.Span.Overlaps(end.Statement.Span) || start.Statement != end.Statement)
            finding.Related.Add(new RelatedLocation(context.Locate(start.Figure.Span), $"start value {start.Figure.Display} ({start.Year})"));
        if (rateClaim.Statement != end.Statement)
            finding.Related.Add(new RelatedLocation(context.Locate(rateClaim.Figure.Span), $"growth rate {rateClaim.Figure.Raw.Trim()}"));

        string fixedEnd = PrintedNumber.Format(expected / endScale, endDecimals);
        if (fixedEnd != statedText)
            finding.Fixes.Add(new SuggestedFix($"Change the {end.Year} value to {fixedEnd}{endUnit} (keeps the CAGR)",
                [new TextEdit(context.Locate(NumberSpan(end.Figure, end.Figure.Amount)), fixedEnd)]));
        string fixedRate = PrintedNumber.Format(Math.Abs(implied * 100), rateDecimals);
        if (fixedRate != PrintedNumber.Format(Math.Abs(rateClaim.SignedValue), rateDecimals))
            finding.Fixes.Add(new SuggestedFix($"Change the CAGR to {PrintedNumber.Format(implied * 100, rateDecimals)} % (keeps both values)",
                [new TextEdit(context.Locate(NumberSpan(rateClaim.Figure, rateClaim.Figure.Number, unsigned: rateClaim.Declining)), rateClaim.Declining ? fixedRate : PrintedNumber.Format(implied * 100, rateDecimals))]));
        return finding;
    }

    /// <summary>Likely causes, each tested with the same interval rule: a span off by one, a scale word, a rate from another pair.</summary>
    private static IEnumerable<string> Diagnose(GrowthClaim growth, ValueClaim start, int years, Interval rate, double implied, int rateDecimals, List<ValueClaim> sameSubject)
    {
        var end = growth.End;
        foreach (int n in new[] { years - 1, years + 1 })
        {
            if (n > 0 && Holds(start.Interval, rate, n, end.Interval))
            {
                yield return $"The figures hold over {n} years ({start.Year}→{start.Year + n}), not {years}: check the base year or the forecast year.";
                yield break;
            }
        }
        foreach (var (factor, fromScale, toScale) in ScaleSlips(end.Figure.Scale))
        {
            if (Holds(start.Interval, rate, years, end.Interval * factor))
            {
                yield return $"The figures hold if {end.Figure.Display} were {end.Figure.Display.Replace(fromScale, toScale, StringComparison.OrdinalIgnoreCase)}: check the scale word.";
                yield break;
            }
        }
        foreach (var (factor, fromScale, toScale) in ScaleSlips(start.Figure.Scale))
        {
            if (Holds(start.Interval * factor, rate, years, end.Interval))
            {
                yield return $"The figures hold if {start.Figure.Display} were {start.Figure.Display.Replace(fromScale, toScale, StringComparison.OrdinalIgnoreCase)}: check the scale word.";
                yield break;
            }
        }
        // The rate may belong to another pair of values in the report (of those near the claim).
        foreach (var a in sameSubject)
        foreach (var b in sameSubject)
        {
            if (b.Year <= a.Year || a == start && b == end) continue;
            if (a.Year == start.Year && b.Year == end.Year) continue;
            if (Holds(a.Interval, rate, b.Year - a.Year, b.Interval))
            {
                yield return $"{growth.Rate.Figure.Raw.Trim()} is the {a.Year}→{b.Year} rate ({a.Figure.Raw.Trim()} → {b.Figure.Raw.Trim()}), not {start.Year}→{end.Year}.";
                yield break;
            }
        }
        double stated = growth.Rate.SignedValue;
        double scale = Math.Pow(10, rateDecimals);
        if (Math.Truncate(implied * 100 * scale) / scale == stated && Math.Round(implied * 100, rateDecimals) != stated)
            yield return $"The rate looks truncated rather than rounded: {PrintedNumber.Format(implied * 100, rateDecimals + 2)} % rounds to {PrintedNumber.Format(implied * 100, rateDecimals)} %.";
    }

    private static IEnumerable<(double Factor, string From, string To)> ScaleSlips(Scale scale)
    {
        if (scale == Scale.Million) { yield return (1000, "million", "billion"); yield return (1000, "Mn", "Bn"); }
        if (scale == Scale.Billion) { yield return (0.001, "billion", "million"); yield return (1000, "billion", "trillion"); }
        if (scale == Scale.Thousand) yield return (1000, "thousand", "million");
        if (scale == Scale.Trillion) yield return (0.001, "trillion", "billion");
    }

    /// <summary>The span of just the digits of a figure's number ("3.65" inside "USD 3.65 billion").</summary>
    internal static TextSpan NumberSpan(Figure figure, PrintedNumber number, bool unsigned = false)
    {
        string digits = number.Raw.TrimStart('-', '−');
        int at = figure.Raw.IndexOf(digits, StringComparison.Ordinal);
        if (at < 0) return figure.Span;
        int start = figure.Span.Start + at;
        if (!unsigned && number.Value < 0 && at > 0 && figure.Raw[at - 1] is '-' or '−') start--;
        return new TextSpan(start, figure.Span.Start + at + digits.Length);
    }
}
