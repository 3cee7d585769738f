using ReportLint.Core.Documents;

namespace ReportLint.Core.Claims;

/// <summary>
/// Pairs each growth rate with the values it should connect: first within its own statement, then within its
/// paragraph, table or neighbouring blocks, and, for the market as a whole, anywhere in the report for the
/// window's years. Only values about the same subject are ever paired.
/// </summary>
internal static class GrowthLinker
{
    public static void Link(ClaimsModel model)
    {
        foreach (var rate in model.Rates)
        {
            var sameSubject = model.Values.Where(v => v.Subject.Key == rate.Subject.Key).ToList();
            var own = TryBuild(rate, sameSubject.Where(v => v.Statement == rate.Statement).ToList());
            // A statement with its own start, end and rate is checkable even when it is unclear whose they are
            // ("The segment was USD 2.00 billion in 2025 and will reach …"); linking further needs a known subject.
            if (!rate.Subject.IsKnown)
            {
                if (own is null) continue;
                model.Growth.Add(own);
                foreach (var st in own.Statements) model.Checked.Add(st);
                continue;
            }
            GrowthClaim? growth =
                own
                ?? TryBuild(rate, sameSubject.Where(v => v.Statement != rate.Statement && IsNeighbour(v.Statement, rate.Statement) && IsLinkable(v, model)).Concat(sameSubject.Where(v => v.Statement == rate.Statement)).ToList())
                ?? (rate.Subject.Kind == SubjectKind.Market && rate.Window is { From: not null, To: not null }
                    ? TryBuild(rate, Unambiguous(sameSubject.Where(v => IsLinkable(v, model) || v.Statement == rate.Statement)).ToList())
                    : null);
            if (growth is null) continue;
            if (rate.Window?.From is null)
            {
                // With no stated start year, any earlier value of the same subject nearby may be the one the rate runs from.
                var more = sameSubject.Where(v => v.Year < growth.End.Year && !growth.Starts.Any(s => s.Year == v.Year)
                                                  && IsNeighbour(v.Statement, rate.Statement) && IsLinkable(v, model))
                    .GroupBy(v => v.Year).Select(g => g.First()).ToList();
                if (more.Count > 0) growth = new GrowthClaim(rate, growth.Starts.Concat(more).OrderBy(v => v.Year).ToList(), growth.End, growth.WindowSpans);
            }
            model.Growth.Add(growth);
            foreach (var st in growth.Statements) model.Checked.Add(st);
        }
    }

    /// <summary>The same block, table or section, at most two blocks apart.</summary>
    private static bool IsNeighbour(Statement a, Statement b)
    {
        if (a.Block == b.Block) return true;
        if (a.Block.Table is not null && a.Block.Table == b.Block.Table) return true;
        return a.Block.Section == b.Block.Section && Math.Abs(a.Block.Index - b.Block.Index) <= 2;
    }

    /// <summary>A value from another statement is only trusted as the market's when its statement says so.</summary>
    internal static bool IsLinkable(ValueClaim value, ClaimsModel model)
    {
        if (value.Subject.Kind != SubjectKind.Market) return true;
        var st = value.Statement;
        if (st.Kind is StatementKind.Field or StatementKind.TableRow) return true;
        string t = st.Text;
        if (model.MarketName is { } name && t.Contains(name, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var word in MarketWords)
            if (t.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return t.StartsWith("It ", StringComparison.Ordinal);
    }

    /// <summary>Words that say a sentence is about the whole market ("Hospitals accounted for USD 2 billion" is not).</summary>
    private static readonly string[] MarketWords = ["market", "industry", "worldwide", "global", "sales", "revenue", "valued", "worth", "size", "spending", "valuation"];

    /// <summary>Drops years for which the report states two different values (a contradiction, reported elsewhere).</summary>
    private static IEnumerable<ValueClaim> Unambiguous(IEnumerable<ValueClaim> values) =>
        values.GroupBy(v => v.Year)
            .Where(g => g.Select(v => Math.Round(v.Figure.Value, 6)).Distinct().Count() == 1)
            .Select(g => g.First());

    private static GrowthClaim? TryBuild(RateClaim rate, List<ValueClaim> values)
    {
        if (values.Count < 2) return null;
        // One value per year: the first stated.
        var byYear = values.GroupBy(v => v.Year).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        if (byYear.Count < 2) return null;
        var window = rate.Window;
        ValueClaim? end;
        List<ValueClaim> starts;
        var spans = new List<int>();
        if (window is { From: { } from, To: { } to })
        {
            end = byYear.FirstOrDefault(v => v.Year == to);
            if (end is null) return null;
            var start = byYear.FirstOrDefault(v => v.Year == from) ?? byYear.LastOrDefault(v => v.Year == from - 1);
            if (start is null) return null;
            starts = [start];
            spans.Add(to - from);
        }
        else
        {
            end = window is { To: { } t } ? byYear.FirstOrDefault(v => v.Year == t) : byYear[^1];
            if (end is null) return null;
            starts = byYear.Where(v => v.Year < end.Year).ToList();
            if (window?.Length is { } length) spans.Add(length);
        }
        if (starts.Count == 0) return null;
        return new GrowthClaim(rate, starts, end, spans);
    }
}
