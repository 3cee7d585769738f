using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;

namespace ReportLint.Core.Claims;

/// <summary>
/// Reads data tables, where a column header states the year and unit once for the whole column
/// ("| Region | 2025 (USD billion) | 2032 (USD billion) | CAGR 2025–2032 |") and the first cell names the subject.
/// </summary>
internal static class DataTables
{
    private sealed record Column(int? Year, PeriodFigure? Period, string? Currency, Scale? Scale, bool IsRate, bool IsShare);

    public static void Read(ClaimsModel model, SubjectResolver resolver)
    {
        var rowStatements = model.Statements.Where(s => s.Kind == StatementKind.TableRow).GroupBy(s => s.Block.Table!);
        foreach (var group in rowStatements)
        {
            var table = group.Key;
            var rows = group.ToList();
            var headerStatement = table.Header is { } h ? rows.FirstOrDefault(r => r.Block.Row == h) : rows.FirstOrDefault();
            if (headerStatement is null) continue;
            var header = headerStatement.Block.Row!;
            // A unit stated above the table ("Revenue (USD billion)") applies to every column that states none.
            var (tableCurrency, tableScale) = UnitIn(PrecedingText(model.Document, headerStatement.Block));
            var (headerCurrency, headerScale) = UnitIn(headerStatement.Text);
            var columns = header.Cells.Select(c =>
            {
                var figures = FigureScanner.Scan(c.Text, c.Span.Start);
                var (cur, scale) = UnitIn(c.Text);
                string lower = c.Text.ToLowerInvariant();
                return new Column(
                    figures.OfType<YearFigure>().FirstOrDefault(y => !y.InPeriod)?.Year,
                    figures.OfType<PeriodFigure>().FirstOrDefault(),
                    cur ?? headerCurrency ?? tableCurrency, scale ?? headerScale ?? tableScale,
                    lower.Contains("cagr") || lower.Contains("growth"),
                    lower.Contains("share") || lower.Contains('%') && !lower.Contains("cagr"));
            }).ToList();
            if (!columns.Any(c => c.Year is not null || c.IsRate || c.IsShare)) continue;
            foreach (var row in rows)
            {
                if (row == headerStatement) continue;
                var cells = row.Block.Row!.Cells;
                if (cells.Count == 0) continue;
                var subject = SubjectOf(cells[0].Text, resolver, row);
                for (int c = 1; c < Math.Min(cells.Count, columns.Count); c++)
                {
                    var col = columns[c];
                    var figure = row.Figures.FirstOrDefault(f => cells[c].Span.Contains(f.Span) && f.Kind != FigureKind.Year);
                    if (figure is null) continue;
                    if (col.IsRate)
                    {
                        var pf = figure as PercentFigure ?? (figure is NumberFigure nf ? new PercentFigure(nf.Span, nf.Raw, nf.Number, false, nf.Hedge) : null);
                        if (pf is null) continue;
                        var window = col.Period is { } p ? new ForecastWindow(p.From, p.To, null, "stated", p.Span)
                            : model.Periods.Forecast is { } fp ? new ForecastWindow(fp.From, fp.To, null, "the forecast period", fp.Span) : null;
                        model.Rates.Add(new RateClaim(subject, pf, false, window, row));
                    }
                    else if (col.IsShare)
                    {
                        var pf = figure as PercentFigure ?? (figure is NumberFigure nf ? new PercentFigure(nf.Span, nf.Raw, nf.Number, false, nf.Hedge) : null);
                        if (pf is not null) model.Shares.Add(new ShareClaim(subject, pf, col.Year, row));
                    }
                    else if (col.Year is { } year)
                    {
                        var money = figure as MoneyFigure
                                    ?? (figure is NumberFigure nf && (col.Currency is not null || col.Scale is not null)
                                        ? new MoneyFigure(nf.Span, nf.Raw, nf.Number, col.Scale ?? Scale.Unit, col.Currency, nf.Hedge) : null);
                        if (money is not null) model.Values.Add(new ValueClaim(subject, money, year, row, null));
                    }
                }
            }
        }
    }

    private static Subject SubjectOf(string cell, SubjectResolver resolver, Statement row)
    {
        string t = cell.Trim().Trim('*').Trim();
        string lower = t.ToLowerInvariant();
        if (lower is "global" or "total" or "world" or "overall" or "worldwide" or "market" or "total market" or "global market" || lower.StartsWith("total"))
            return Subject.Market;
        var mentions = resolver.Find(row);
        var first = mentions.Items.FirstOrDefault(m => m.Offset >= row.Block.Row!.Cells[0].Span.Start && m.Offset < row.Block.Row.Cells[0].Span.End);
        if (first.Subject is not null) return first.Subject;
        return t.Length > 0 ? new Subject(SubjectKind.Segment, t) : Subject.Unknown;
    }

    private static string PrecedingText(ReportDocument document, Block headerBlock)
    {
        int i = headerBlock.Index - 1;
        return i >= 0 && document.Blocks[i].Kind is BlockKind.Heading or BlockKind.Paragraph ? document.Blocks[i].Text : string.Empty;
    }

    /// <summary>A currency and scale named in a header: "(USD billion)", "US$ Mn", "Revenue (EUR, million)".</summary>
    internal static (string? Currency, Scale? Scale) UnitIn(string text)
    {
        string? currency = null;
        Scale? scale = null;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '$' or '€' or '£' or '¥' or '₹') currency ??= c switch { '€' => "EUR", '£' => "GBP", '¥' => "JPY", '₹' => "INR", _ => "USD" };
            if (!char.IsLetter(c)) { i++; continue; }
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            var word = text.AsSpan(s, i - s);
            if (Currencies.FromCode(word) is { } code) currency ??= code;
            else if (Scale.Parse(word) is { } sc && (word.Length > 1 || currency is not null)) scale ??= sc;
        }
        return (currency, scale);
    }
}
