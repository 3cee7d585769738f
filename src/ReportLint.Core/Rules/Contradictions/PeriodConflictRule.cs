using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Contradictions;

/// <summary>RL202: base year, historical period, forecast period, projection labels and contents years that do not fit together.</summary>
public sealed class PeriodConflictRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL202", "period-conflict", RuleFamily.Contradictions, Severity.Error,
        "The report's base year, historical period, forecast period and the spans it quotes elsewhere do not fit together.",
        "The historical period must end before the base year and the forecast must start after it. Spans quoted in headings, "
        + "the table of contents, the segmentation list, table headers and scope labels (\"Forecast Period 2025 To 2032 CAGR\", "
        + "\"2032 Value Projection\") must match the forecast period, or run from the start of the historical data to its end.",
        "Base Year | 2024 | … Forecast Period: | 2025 To 2032 | … 2033 Value Projection: | USD 3.65 billion |",
        "Base Year | 2024 | … Forecast Period: | 2025 To 2032 | … 2032 Value Projection: | USD 3.52 billion |");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var claims = context.Claims;
        var periods = claims.Periods;
        var forecast = periods.Forecast;
        int? baseYear = periods.BaseYear;

        if (periods.Historical is { } history && baseYear is { } by1 && history.To >= by1)
            Report(context, history.Span, $"The historical period {history.Raw} runs to {history.To}, but the base year is {by1}: historical data should end before the base year.",
                periods.BaseYearSpan, "base year");
        int? labelFrom = null;
        if (forecast is not null && baseYear is { } by2 && forecast.From <= by2)
        {
            Report(context, forecast.Span, $"The forecast period {forecast.Raw} starts in {forecast.From}, but the base year is {by2}: the forecast should start after the base year.",
                periods.BaseYearSpan, "base year");
            // When the stated forecast period is the odd one out, the spans the rest of the report agrees on are the
            // reference for the labels, so one wrong cell does not make every correct heading a finding too.
            labelFrom = claims.Statements.Where(st => IsLabel(st, claims.Outline)).SelectMany(st => st.Figures.OfType<PeriodFigure>())
                .Where(p => p.To == forecast.To && p.From > by2).GroupBy(p => p.From).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();
        }
        if (forecast is null) return;

        var reported = new HashSet<string>();
        foreach (var st in claims.StatementSpan)
        {
            if (!IsLabel(st, claims.Outline)) continue;
            foreach (var p in st.Figures.OfType<PeriodFigure>())
            {
                if (p == forecast || p.Span == forecast.Span || Fits(p, periods, labelFrom ?? forecast.From)) continue;
                if (periods.Historical is { } h && p.Span == h.Span) continue;
                if (!reported.Add(p.Raw + "@" + st.Block.Index)) continue;
                Report(context, p.Span, $"{Where(st, claims.Outline)} quotes {p.Raw}, but the forecast period is {forecast.Raw}.", forecast.Span, "forecast period");
            }
            // "2033 Value Projection:" — a projection label for a year the forecast does not reach.
            if (st.Field is { } field && IsProjectionKey(field.NormalizedKey))
            {
                foreach (var y in st.Figures.OfType<YearFigure>().Where(y => field.KeySpan.Contains(y.Span) && !y.InPeriod))
                    if (y.Year != forecast.To)
                        Report(context, y.Span, $"\"{field.Key.Trim().TrimEnd(':')}\" projects to {y.Year}, but the forecast period {forecast.Raw} ends in {forecast.To}.", forecast.Span, "forecast period");
            }
        }
    }

    /// <summary>Headings, contents and segmentation entries, table headers and scope-table labels: where a report restates its periods.</summary>
    private static bool IsLabel(Statement st, ReportOutline outline)
    {
        var block = st.Block;
        if (block.Kind == BlockKind.Heading) return true;
        if (outline.Contents.Contains(block) || outline.Segmentation.Contains(block)) return true;
        if (block.Row is { IsHeader: true }) return true;
        return st.Field is { } f && outline.Scope.Contains(block) && IsForecastKey(f.NormalizedKey);
    }

    private static bool IsForecastKey(string key) => key.Contains("forecast") || key.Contains("cagr") || key.Contains("projection") || key.Contains("growth rate");
    private static bool IsProjectionKey(string key) => key.Contains("projection") || key.Contains("forecast value") || key.Contains("revenue forecast") || key.Contains("projected");

    /// <summary>The forecast period itself, the forecast from the base year, the whole span from the first historical year, or the historical period.</summary>
    private static bool Fits(PeriodFigure p, ReportPeriods periods, int forecastFrom)
    {
        var f = periods.Forecast!;
        if (p.To == f.To && (p.From == forecastFrom || p.From == f.From || p.From == periods.BaseYear || p.From == forecastFrom - 1 || p.From == periods.Historical?.From)) return true;
        if (periods.Historical is { } h && (p.From == h.From && p.To == h.To)) return true;
        // A span wholly in the past is a history, not a claim about the forecast.
        if (periods.BaseYear is { } b && p.To <= b) return true;
        return false;
    }

    private static string Where(Statement st, ReportOutline outline) =>
        outline.Contents.Contains(st.Block) ? "The contents entry" :
        outline.Segmentation.Contains(st.Block) ? "The segmentation entry" :
        st.Block.Row is { IsHeader: true } ? "The table header" :
        st.Field is { } f ? $"\"{f.Key.Trim().TrimEnd(':')}\"" : "The heading";

    private static void Report(RuleContext context, TextSpan span, string message, TextSpan? related, string relatedWhat)
    {
        var finding = context.Report(span, message);
        if (related is { } r) finding.Related.Add(new RelatedLocation(context.Locate(r), $"the {relatedWhat} is stated here"));
    }
}
