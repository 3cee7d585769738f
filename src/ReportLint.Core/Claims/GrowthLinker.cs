using ReportLint.Core.Documents;

namespace ReportLint.Core.Claims;

/// <summary>
/// Pairs each growth rate with the values it should connect: first within its own statement, then within its
/// paragraph, table or neighbouring blocks, and, for the market as a whole, anywhere in the report for the
/// window's years. Only values about the same subject are ever paired.
/// </summary>
internal static class GrowthLinker
{
    /// <summary>Values of a table beyond this many rows away from a rate are not its neighbours (a 100,000-row table stays linear).</summary>
    private const int MaxTableNeighbours = 256;

    public static void Link(ClaimsModel model)
    {
        // Indexes built once, so each rate looks only at its own statement, its neighbourhood and a per-year summary:
        // the work grows with the report, not with rates × values.
        var order = new Dictionary<ValueClaim, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < model.Values.Count; i++) order[model.Values[i]] = i;
        var bySubject = model.Values.GroupBy(v => v.Subject.Key).ToDictionary(g => g.Key, g => new SubjectValues(g.ToList(), model));

        foreach (var rate in model.Rates)
        {
            if (!bySubject.TryGetValue(rate.Subject.Key, out var values)) continue;
            var ownValues = values.InStatement(rate.Statement);
            var own = TryBuild(rate, ownValues);
            // A statement with its own start, end and rate is checkable even when it is unclear whose they are
            // ("The segment was USD 2.00 billion in 2025 and will reach …"); linking further needs a known subject.
            if (!rate.Subject.IsKnown)
            {
                if (own is null) continue;
                model.Growth.Add(own);
                foreach (var st in own.Statements) model.Checked.Add(st);
                continue;
            }
            List<ValueClaim>? neighbours = null;
            List<ValueClaim> Neighbours() => neighbours ??= values.Near(rate.Statement, order).Where(v => IsLinkable(v, model)).ToList();
            GrowthClaim? growth =
                own
                ?? TryBuild(rate, [.. Neighbours(), .. ownValues])
                ?? (rate.Subject.Kind == SubjectKind.Market && rate.Window is { From: not null, To: not null }
                    ? TryBuild(rate, values.Unambiguous(ownValues, order))
                    : null);
            if (growth is null) continue;
            if (rate.Window?.From is null)
            {
                // With no stated start year, any earlier value of the same subject nearby may be the one the rate runs from.
                var more = Neighbours().Where(v => v.Year < growth.End.Year && !growth.Starts.Any(s => s.Year == v.Year))
                    .GroupBy(v => v.Year).Select(g => g.First()).ToList();
                if (more.Count > 0) growth = new GrowthClaim(rate, growth.Starts.Concat(more).OrderBy(v => v.Year).ToList(), growth.End, growth.WindowSpans);
            }
            model.Growth.Add(growth);
            foreach (var st in growth.Statements) model.Checked.Add(st);
        }
    }

    /// <summary>One subject's values (in document order), indexed by statement, section and table, with a per-year summary of the linkable ones.</summary>
    private sealed class SubjectValues
    {
        private readonly Dictionary<Statement, List<ValueClaim>> _byStatement = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Block, List<ValueClaim>> _bySection = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Table, List<ValueClaim>> _byTable = new(ReferenceEqualityComparer.Instance);
        private readonly List<ValueClaim> _noSection = [];
        /// <summary>Linkable values by year: the first stated, and whether the report states other values for that year.</summary>
        private readonly Dictionary<int, (ValueClaim First, HashSet<double> Distinct)> _years = new();

        public SubjectValues(List<ValueClaim> values, ClaimsModel model)
        {
            foreach (var v in values)
            {
                var block = v.Statement.Block;
                Add(_byStatement, v.Statement, v);
                if (block.Section is { } section) Add(_bySection, section, v);
                else _noSection.Add(v);
                if (block.Table is { } table) Add(_byTable, table, v);
                if (IsLinkable(v, model))
                {
                    if (!_years.TryGetValue(v.Year, out var y)) _years[v.Year] = y = (v, new HashSet<double>());
                    y.Distinct.Add(Math.Round(v.Figure.Value, 6));
                }
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<ValueClaim>> index, TKey key, ValueClaim v) where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(v);
        }

        public List<ValueClaim> InStatement(Statement statement) => _byStatement.GetValueOrDefault(statement) ?? [];

        /// <summary>Values of other statements in the same block, table or section at most two blocks apart, in document order.</summary>
        public IEnumerable<ValueClaim> Near(Statement statement, Dictionary<ValueClaim, int> order)
        {
            var block = statement.Block;
            var found = new List<ValueClaim>();
            var section = block.Section is { } s ? _bySection.GetValueOrDefault(s) ?? [] : _noSection;
            int i = LowerBound(section, block.Index - 2);
            for (; i < section.Count && section[i].Statement.Block.Index <= block.Index + 2; i++) found.Add(section[i]);
            if (block.Table is { } table && _byTable.TryGetValue(table, out var rows))
            {
                int at = LowerBound(rows, block.Index);
                int from = Math.Max(0, at - MaxTableNeighbours), to = Math.Min(rows.Count, at + MaxTableNeighbours);
                for (int j = from; j < to; j++) found.Add(rows[j]);
            }
            return found.Where(v => v.Statement != statement).Distinct().OrderBy(v => order[v]);
        }

        /// <summary>The first index whose block index is at least <paramref name="blockIndex"/> (values are in document order).</summary>
        private static int LowerBound(List<ValueClaim> values, int blockIndex)
        {
            int lo = 0, hi = values.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (values[mid].Statement.Block.Index < blockIndex) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>
        /// One value per year from the linkable values and the rate's own statement's, dropping years for which the report
        /// states two different values (a contradiction, reported elsewhere).
        /// </summary>
        public List<ValueClaim> Unambiguous(List<ValueClaim> ownValues, Dictionary<ValueClaim, int> order)
        {
            var result = new List<ValueClaim>();
            var ownByYear = ownValues.GroupBy(v => v.Year).ToDictionary(g => g.Key, g => g.ToList());
            foreach (int year in _years.Keys.Union(ownByYear.Keys))
            {
                var distinct = new HashSet<double>();
                ValueClaim? first = null;
                if (_years.TryGetValue(year, out var y)) { distinct.UnionWith(y.Distinct); first = y.First; }
                foreach (var v in ownByYear.GetValueOrDefault(year) ?? [])
                {
                    distinct.Add(Math.Round(v.Figure.Value, 6));
                    if (first is null || order[v] < order[first]) first = v;
                }
                if (distinct.Count == 1) result.Add(first!);
            }
            return result;
        }
    }

    /// <summary>A value from another statement is only trusted as the market's when its statement says so.</summary>
    internal static bool IsLinkable(ValueClaim value, ClaimsModel model)
    {
        if (value.Subject.Kind != SubjectKind.Market) return true;
        var st = value.Statement;
        if (st.Kind is StatementKind.Field or StatementKind.TableRow) return true;
        // Decided once per statement: a long statement with many values is searched once, not once per value.
        lock (model.MarketStatements)
        {
            if (model.MarketStatements.TryGetValue(st, out bool known)) return known;
            return model.MarketStatements[st] = SaysMarket(st, model);
        }
    }

    private static bool SaysMarket(Statement st, ClaimsModel model)
    {
        var t = st.Chars;
        // Vectorised searches ignoring case: string.Contains ignoring case is a scalar loop under invariant globalisation.
        if (model.MarketNameSearch is { } name && t.ContainsAny(name)) return true;
        if (t.ContainsAny(AnyMarketWord)) return true;
        return t.StartsWith("It ", StringComparison.Ordinal);
    }

    /// <summary>Words that say a sentence is about the whole market ("Hospitals accounted for USD 2 billion" is not).</summary>
    private static readonly string[] MarketWords = ["market", "industry", "worldwide", "global", "sales", "revenue", "valued", "worth", "size", "spending", "valuation"];
    // After MarketWords: static fields are initialised in the order they are written.
    private static readonly System.Buffers.SearchValues<string> AnyMarketWord =
        System.Buffers.SearchValues.Create(MarketWords, StringComparison.OrdinalIgnoreCase);

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
