using System.Globalization;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;
using ReportLint.Core.Output;
using ReportLint.Core.Rules.Arithmetic;

namespace ReportLint.Core.Engine;

/// <summary>Builds what a document-showing report prints of a linted file: lines with their labels, and growth charts.</summary>
public static class DocumentViews
{
    public static DocumentView For(DocumentResult result)
    {
        var document = result.Document;
        var lines = new List<DocumentLine>(document.Source.LineCount);
        for (int n = 1; n <= document.Source.LineCount; n++)
        {
            var span = document.Source.GetLineSpan(n);
            if (n == document.Source.LineCount && span.IsEmpty && n > 1) break; // the empty line after a final newline
            lines.Add(LineOf(document, span, n));
        }
        return new DocumentView(FormatName(document.Format), document.Text, lines, Charts(result.Claims));
    }

    private static string FormatName(DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => "Markdown",
        DocumentFormat.Word => "Word",
        DocumentFormat.Html => "HTML",
        _ => "plain text",
    };

    /// <summary>Text and Word: the line itself (Word adds its paragraph or table row); HTML: the source line it starts on.</summary>
    private static DocumentLine LineOf(ReportDocument document, TextSpan span, int number)
    {
        string label = number.ToString(CultureInfo.InvariantCulture);
        if (document.Map is not { } map) return new DocumentLine(number, span, label, null);
        if (map.Original is not null)
        {
            int sourceLine = document.PositionOf(span.Start).Line;
            return new DocumentLine(number, span, sourceLine.ToString(CultureInfo.InvariantCulture), $"line {sourceLine} of the HTML source");
        }
        if (map.OriginOf(span.Start) is not { } origin) return new DocumentLine(number, span, label, null);
        string shortForm = origin.Paragraph is { } p ? $"¶ {p}" : origin.Table is { } t ? $"T{t} R{origin.Row}" : "";
        string title = origin.Cell is null ? origin.Description : origin.Description[..origin.Description.LastIndexOf(", cell", StringComparison.Ordinal)];
        return new DocumentLine(number, span, label, $"line {number}: {title}", shortForm);
    }

    /// <summary>One chart per distinct growth statement (a restatement of the same figures adds its line to the first).</summary>
    public static IReadOnlyList<GrowthChart> Charts(ClaimsModel claims)
    {
        var charts = new List<GrowthChart>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var growth in claims.Growth)
        {
            var end = growth.End;
            var starts = growth.Starts.Where(s => s.Figure.Value > 0 && (s.Figure.Currency is null || end.Figure.Currency is null || s.Figure.Currency == end.Figure.Currency)).ToList();
            if (starts.Count == 0 || end.Figure.Value <= 0 || growth.Rate.SignedValue <= -100) continue;
            double r = growth.Rate.SignedValue / 100;
            var (start, years) = starts.SelectMany(s => growth.SpansFor(s).Select(n => (s, n)))
                .MinBy(p => Math.Abs(Math.Log(end.Figure.Value / (p.s.Figure.Value * Math.Pow(1 + r, p.n)))));
            if (start is null || years <= 0 || years > 100) continue;
            int line = claims.Document.Source.GetPosition(end.Figure.Span.Start).Line;

            string key = string.Create(CultureInfo.InvariantCulture, $"{growth.Subject.Key}|{start.Figure.Value:R}|{start.Year}|{end.Figure.Value:R}|{end.Year}|{r:R}|{years}");
            if (byKey.TryGetValue(key, out int index))
            {
                if (!charts[index].Lines.Contains(line)) charts[index] = charts[index] with { Lines = [.. charts[index].Lines, line] };
                continue;
            }
            double unit = end.Figure.Scale.Multiplier;
            int firstYear = end.Year - years;
            var path = Enumerable.Range(0, years + 1).Select(t => new ChartPoint(firstYear + t, start.Figure.Value * Math.Pow(1 + r, t) / unit)).ToList();
            double stated = end.Figure.Value / unit;
            double implied = Math.Pow(end.Figure.Value / start.Figure.Value, 1.0 / years) - 1;
            var statedPath = Enumerable.Range(0, years + 1).Select(t => new ChartPoint(firstYear + t, start.Figure.Value * Math.Pow(1 + implied, t) / unit)).ToList();
            int decimals = end.Figure.Amount.Decimals;
            int rateDecimals = growth.Rate.Figure.Number.Decimals;
            // As RL101 words it: the implied rate at the stated rate's precision, one more digit where they would read the same.
            string impliedRate = PrintedNumber.Format(implied * 100, rateDecimals);
            if (impliedRate == PrintedNumber.Format(growth.Rate.SignedValue, rateDecimals)) impliedRate = PrintedNumber.Format(implied * 100, rateDecimals + 1);
            bool holds = starts.Any(s => growth.SpansFor(s).Any(n => CagrMismatchRule.Holds(s.Interval, growth.Rate.Percent * 0.01, n, end.Interval)));
            byKey[key] = charts.Count;
            charts.Add(new GrowthChart(
                growth.Subject.Kind == SubjectKind.Market ? claims.MarketName ?? "the market" : growth.Subject.Name,
                $"{end.Figure.Currency ?? ""} {end.Figure.Scale.Name}".Trim(),
                new ChartPoint(firstYear, start.Figure.Value / unit), start.Figure.Display,
                new ChartPoint(end.Year, stated), end.Figure.Display,
                growth.Rate.Figure.Raw.Trim(),
                path,
                statedPath,
                PrintedNumber.Format(path[^1].Value, Math.Max(decimals, 2)),
                ((stated / path[^1].Value - 1) * 100).ToString("+0.0' %';-0.0' %';'0.0 %'", CultureInfo.InvariantCulture),
                impliedRate + " %",
                holds,
                [line],
                end.Figure.Span));
        }
        return charts;
    }
}
