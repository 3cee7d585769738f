using System.Runtime.InteropServices;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Boilerplate;

/// <summary>RL304: the same paragraph, sentence or field block more than once in one report.</summary>
public sealed class DuplicatePassageRule : Rule
{
    public static readonly RuleOption MinWords = new("minWords", OptionKind.Number, "10",
        "Shortest sentence or paragraph, in words, that counts as a passage (field blocks of two or more fields always count).", 3, 200);

    public static readonly RuleOption Similarity = new("similarity", OptionKind.Number, "0.8",
        "How alike two long passages (20 words or more) must be to count as near-verbatim repeats: the share of their three-word runs they have in common.", 0.5, 1);

    public static readonly RuleDescriptor Rule = new(
        "RL304", "duplicate-passage", RuleFamily.Boilerplate, Severity.Warning,
        "A paragraph, sentence or field block repeated verbatim or near-verbatim in the same report.",
        "Drafts assembled from templates and earlier reports repeat themselves: a footer block pasted once per related "
        + "report, a paragraph copied into two sections, a sentence carried over with one word changed. Passages are "
        + "compared word for word, ignoring case, spacing and punctuation; long ones also match when most of their "
        + "three-word runs are the same. Each group is reported once, at its first place, with the other places as "
        + "related locations; a repeated paragraph is not reported again sentence by sentence.",
        "| Price : US$ 3500 | Date : Jul 2025 |\n| Category : Medical Devices | Pages : 190 |\n| Price : US$ 3500 | Date : Jul 2025 |",
        "| Price : US$ 3500 | Date : Jul 2025 |\n| Category : Media & Entertainment | Pages : 190 |",
        [MinWords, Similarity]);

    public override RuleDescriptor Descriptor => Rule;

    private enum UnitKind { Paragraph, Sentence, FieldBlock }

    private sealed class Unit(UnitKind kind, TextSpan span, WordRun words, Block block)
    {
        public UnitKind Kind { get; } = kind;
        public TextSpan Span { get; } = span;
        public Block Block { get; } = block;
        public WordRun Words { get; } = words;
        /// <summary>The unit's words as numbers, equal for equal words: the tokeniser's ids, or the document's own when those cannot be compared.</summary>
        public ReadOnlyMemory<int> Ids = words.Ids;
        /// <summary>The unit's distinct three-word runs as sorted numbers, made when the unit is first compared.</summary>
        public ulong[] SortedRuns => _sortedRuns ??= Shingles(Ids.Span);
        private ulong[]? _sortedRuns;
    }

    private const int NearMinWords = 20;
    /// <summary>A three-word run found in more passages than this ("the market is") does not propose pairs to compare; rarer runs do.</summary>
    private const int MaxPostings = 32;

    public override void Check(RuleContext context)
    {
        int minWords = (int)context.Settings.Number(MinWords);
        double similarity = context.Settings.Number(Similarity);
        var document = context.Document;
        var reported = new ReportedSpans();

        // Largest units first, so a repeated paragraph is not reported again as repeated sentences.
        // Units are made only for passages long enough to be compared. (Plain loops: this runs for every block and
        // sentence of every report, where LINQ chains cost more than the tests they make.)
        var paragraphs = new List<Unit>();
        var rows = new List<Unit>();
        Dictionary<Block, int>? fieldCount = null;
        foreach (var b in document.BlockSpan)
        {
            if (b.Kind is BlockKind.Paragraph or BlockKind.ListItem)
            {
                if (Words.Of(b).Count >= minWords) paragraphs.Add(new Unit(UnitKind.Paragraph, b.Span, Words.Of(b).All, b));
            }
            else if (b.Kind == BlockKind.TableRow && b.Row is { IsHeader: false } row && !ReferenceEquals(row, b.Table?.ColumnHeader))
            {
                int count = Words.Of(b).Count;
                if (count < 4) continue;
                fieldCount ??= FieldsPerBlock(document);
                if (fieldCount.GetValueOrDefault(b) >= 2 || count >= minWords) rows.Add(new Unit(UnitKind.FieldBlock, b.Span, Words.Of(b).All, b));
            }
        }
        var sentences = new List<Unit>();
        foreach (var statement in context.Claims.StatementSpan)
            if (statement is { Kind: StatementKind.Sentence } s && s.Words.Count >= minWords)
                sentences.Add(new Unit(UnitKind.Sentence, s.Span, s.Words, s.Block));
        NumberWords([.. paragraphs, .. rows, .. sentences]);

        foreach (var units in new[] { paragraphs, rows, sentences })
        {
            var fresh = new List<Unit>(units.Count);
            foreach (var unit in units)
                if (!reported.Covers(unit.Span)) fresh.Add(unit);
            var groups = Group(fresh, similarity);
            foreach (var group in groups) Report(context, group);
            reported.AddRange(groups.SelectMany(g => g.Select(m => m.Unit.Span)));
        }
    }

    private static Dictionary<Block, int> FieldsPerBlock(ReportDocument document)
    {
        var counts = new Dictionary<Block, int>();
        foreach (var field in document.Fields) CollectionsMarshal.GetValueRefOrAddDefault(counts, field.Block, out _)++;
        return counts;
    }

    /// <summary>
    /// The spans already reported, answering "is this span inside one of them?" in logarithmic time (a list scanned for
    /// every unit made a long report with many repeats quadratic): sorted by start, with the furthest end so far.
    /// </summary>
    private sealed class ReportedSpans
    {
        private readonly List<TextSpan> _spans = new();
        private int[] _starts = [];
        private int[] _maxEnd = [];

        public void AddRange(IEnumerable<TextSpan> spans)
        {
            _spans.AddRange(spans);
            _spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            _starts = _spans.Select(s => s.Start).ToArray();
            _maxEnd = new int[_spans.Count];
            for (int i = 0; i < _spans.Count; i++) _maxEnd[i] = Math.Max(i > 0 ? _maxEnd[i - 1] : int.MinValue, _spans[i].End);
        }

        /// <summary>True when some reported span contains <paramref name="span"/> (starts at or before it and ends at or after it).</summary>
        public bool Covers(TextSpan span)
        {
            int i = Array.BinarySearch(_starts, span.Start);
            if (i < 0) i = ~i - 1;
            else while (i + 1 < _starts.Length && _starts[i + 1] == span.Start) i++;
            return i >= 0 && _maxEnd[i] >= span.End;
        }
    }

    /// <summary>
    /// The tokeniser numbers words per thread, and its ids compare when every unit's come from one generation of its table
    /// and no word was too long to number: nearly always. Otherwise the units' words are numbered here, per document.
    /// </summary>
    private static void NumberWords(List<Unit> units)
    {
        int generation = units.Count > 0 ? units[0].Words.Generation : 0;
        if (generation >= 0 && units.All(u => u.Words.Generation == generation && !u.Ids.Span.Contains(-1))) return;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var numbered = new int[unit.Words.Count];
            for (int i = 0; i < numbered.Length; i++)
            {
                string word = unit.Words.Tokens[i];
                if (!ids.TryGetValue(word, out numbered[i])) ids[word] = numbered[i] = ids.Count;
            }
            unit.Ids = numbered;
        }
    }

    /// <summary>Word sequences compared as sequences: equal when they have the same words in the same order.</summary>
    private sealed class SameWords : IEqualityComparer<ReadOnlyMemory<int>>
    {
        public static readonly SameWords Instance = new();
        public bool Equals(ReadOnlyMemory<int> a, ReadOnlyMemory<int> b) => a.Span.SequenceEqual(b.Span);
        public int GetHashCode(ReadOnlyMemory<int> ids)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ids.Span));
            return h.ToHashCode();
        }
    }

    /// <summary>
    /// Groups of two or more alike units, in document order; each member with its likeness to the first. Identical word
    /// sequences group by hashing; near-verbatim long ones are compared only when they share a three-word run that is not
    /// everywhere (an inverted index), so the work grows with the text, not with the square of its passages.
    /// </summary>
    private static List<List<(Unit Unit, double Likeness)>> Group(List<Unit> units, double similarity)
    {
        var parent = Enumerable.Range(0, units.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }

        // Identical word sequences, found by a 64-bit hash of each and confirmed word by word. Two different sequences
        // with one hash (never seen) fall back to a table keyed by the words themselves.
        var firstWith = new Dictionary<ulong, int>(units.Count);
        Dictionary<ReadOnlyMemory<int>, int>? collided = null;
        for (int i = 0; i < units.Count; i++)
        {
            var ids = units[i].Ids;
            ref int first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstWith, SequenceHash(ids.Span), out bool seen);
            if (!seen) first = i;
            else if (ids.Span.SequenceEqual(units[first].Ids.Span)) Union(first, i);
            else
            {
                collided ??= new Dictionary<ReadOnlyMemory<int>, int>(SameWords.Instance);
                if (collided.TryGetValue(ids, out int other)) Union(other, i);
                else collided[ids] = i;
            }
        }

        // Only long units with another long unit of a comparable length (see Comparable) can be near-alike: the others'
        // runs are not tabled. A giant paragraph, or a report's one long paragraph beside short ones, has nothing to be near.
        // Every (run, unit) pair of the rest, chained per run: a hash table from each run to its latest pair, and from each
        // pair to the one before it. A unit's pairs are added together, so they sit side by side in the chain.
        var tabled = Partnered(units, similarity);
        int total = 0, longUnits = 0;
        for (int i = 0; i < units.Count; i++)
            if (tabled[i])
            {
                total += units[i].Ids.Length - 2;
                longUnits++;
            }
        if (longUnits < 2) total = 0;
        var latest = RunTable.For(total);
        var (before, owners) = Postings(total);
        var repeated = t_repeated ??= new List<int>();
        repeated.Clear();
        var signatures = Signatures(total == 0 ? 0 : units.Count);
        for (int i = 0, n = 0; i < units.Count; i++)
        {
            var ids = units[i].Ids.Span;
            if (!tabled[i] || total == 0) continue;
            var signature = signatures.Slice(SignatureWords * i, SignatureWords);
            for (int k = 2; k < ids.Length; k++, n++)
            {
                // One hash of the run places it both in the table and in the signature.
                ulong run = Run(ids, k), hash = run * 0x9E3779B97F4A7C15UL;
                AddToSignature(signature, hash);
                int previous = latest.Exchange(run, hash, n, out int slot);
                // A run seen for the second time: the only runs that can propose pairs, and few.
                if (previous >= 0 && before[previous] < 0) repeated.Add(slot);
                before[n] = previous;
                owners[n] = i;
            }
        }
        var compared = new HashSet<long>();
        Span<int> sharing = stackalloc int[MaxPostings];
        foreach (int slot in repeated)
        {
            int last = latest.LatestAt(slot);
            // The distinct units that have this run, unless it is in too many to say anything.
            int count = 0;
            for (int p = last; p >= 0 && count <= MaxPostings; p = before[p])
                if (count == 0 || sharing[count - 1] != owners[p])
                {
                    if (count == MaxPostings) { count++; break; }
                    sharing[count++] = owners[p];
                }
            if (count is < 2 or > MaxPostings) continue;
            for (int x = 0; x < count; x++)
                for (int y = x + 1; y < count; y++)
                {
                    int i = Math.Min(sharing[x], sharing[y]), j = Math.Max(sharing[x], sharing[y]);
                    if (!compared.Add((long)i << 32 | (uint)j) || Find(i) == Find(j)) continue;
                    int a = units[i].Ids.Length, b = units[j].Ids.Length;
                    if (!Comparable(a, b, similarity)) continue;
                    if (!MayBeAlike(signatures, i, j, a - 2, b - 2, similarity)) continue;
                    if (Jaccard(units[i].SortedRuns, units[j].SortedRuns) >= similarity) Union(i, j);
                }
        }
        // A giant report's list is not kept for the rest of the thread's life.
        if (repeated.Count > MaxKeptRuns) t_repeated = null;

        // Nearly always nothing is alike: then no unit was joined to another (a join points the later unit at the earlier).
        bool joined = false;
        for (int i = 0; i < units.Count && !joined; i++) joined = Find(i) != i;
        if (!joined) return [];
        return Enumerable.Range(0, units.Count).GroupBy(Find).Where(g => g.Count() > 1)
            .Select(g =>
            {
                var first = units[g.Key];
                return g.Select(i => (units[i], SameWords.Instance.Equals(units[i].Ids, first.Ids) ? 1.0
                    : Jaccard(first.SortedRuns, units[i].SortedRuns))).ToList();
            })
            .OrderBy(g => g[0].Item1.Span.Start).ToList();
    }

    /// <summary>Whether passages of <paramref name="a"/> and <paramref name="b"/> words can share <paramref name="similarity"/> of their three-word runs: the shorter has at least that share of the longer's length.</summary>
    private static bool Comparable(int a, int b, double similarity) => Math.Min(a, b) >= similarity * Math.Max(a, b);

    /// <summary>
    /// For each unit, whether it is long enough to be compared as a near-verbatim repeat and has another such unit of a
    /// comparable length: the nearest lengths above and below its own (in order of length) are the ones to try.
    /// </summary>
    private static bool[] Partnered(List<Unit> units, double similarity)
    {
        var partnered = new bool[units.Count];
        var byLength = new List<int>(units.Count);
        for (int i = 0; i < units.Count; i++)
            if (units[i].Ids.Length >= NearMinWords) byLength.Add(i);
        if (byLength.Count < 2) return partnered;
        byLength.Sort((x, y) => units[x].Ids.Length.CompareTo(units[y].Ids.Length));
        for (int p = 0; p + 1 < byLength.Count; p++)
            if (Comparable(units[byLength[p]].Ids.Length, units[byLength[p + 1]].Ids.Length, similarity))
                partnered[byLength[p]] = partnered[byLength[p + 1]] = true;
        return partnered;
    }

    /// <summary>A hash of a word sequence, its length included (a multiply and a rotation a word).</summary>
    private static ulong SequenceHash(ReadOnlySpan<int> ids)
    {
        ulong h = (ulong)ids.Length * 0x9E3779B97F4A7C15UL;
        foreach (int id in ids) h = System.Numerics.BitOperations.RotateLeft((h ^ (uint)id) * 0xBF58476D1CE4E5B9UL, 29);
        return h;
    }

    /// <summary>
    /// Each long unit's signature: a 256-bit set of its three-word runs' hashes. Comparing two signatures costs a few
    /// instructions; sorting two units' runs to compare them costs a sort and an array each, and nearly every pair that
    /// shares a run is not alike.
    /// </summary>
    private const int SignatureWords = 4;

    [ThreadStatic] private static ulong[]? t_signatures;

    private static Span<ulong> Signatures(int units)
    {
        int length = SignatureWords * units;
        if (length > MaxKeptRuns) return new ulong[length];
        if (t_signatures is null || t_signatures.Length < length) t_signatures = new ulong[Math.Max(length, 256)];
        var signatures = t_signatures.AsSpan(0, length);
        signatures.Clear();
        return signatures;
    }

    private static void AddToSignature(Span<ulong> signature, ulong hash)
    {
        // The hash's top two bits pick the word, the next six the bit.
        signature[(int)(hash >> 62)] |= 1UL << (int)((hash >> 56) & 63);
    }

    /// <summary>
    /// False when units <paramref name="i"/> and <paramref name="j"/> (with that many three-word runs, repeats included)
    /// cannot share <paramref name="similarity"/> of their runs; true when they may. Exact, never a guess: if they are that
    /// alike, the runs of one missing from the other number at most the other's runs × (1 − s) / s, and every signature
    /// bit one has and the other lacks comes from such a run.
    /// </summary>
    private static bool MayBeAlike(ReadOnlySpan<ulong> signatures, int i, int j, int runsI, int runsJ, double similarity)
    {
        var a = signatures.Slice(SignatureWords * i, SignatureWords);
        var b = signatures.Slice(SignatureWords * j, SignatureWords);
        int onlyA = 0, onlyB = 0;
        for (int w = 0; w < SignatureWords; w++)
        {
            onlyA += System.Numerics.BitOperations.PopCount(a[w] & ~b[w]);
            onlyB += System.Numerics.BitOperations.PopCount(b[w] & ~a[w]);
        }
        double slack = (1 - similarity) / similarity;
        return onlyA <= runsJ * slack + 1e-9 && onlyB <= runsI * slack + 1e-9;
    }

    /// <summary>The three-word run that ends at word <paramref name="k"/>, packed into a number from the words' ids (exact below two million distinct words).</summary>
    private static ulong Run(ReadOnlySpan<int> ids, int k) =>
        ((ulong)ids[k - 2] & 0x1FFFFF) << 42 | ((ulong)ids[k - 1] & 0x1FFFFF) << 21 | (ulong)ids[k] & 0x1FFFFF;

    [ThreadStatic] private static int[]? t_before, t_owners;
    [ThreadStatic] private static List<int>? t_repeated;

    /// <summary>
    /// From each three-word run to its latest (run, unit) pair: an open-addressing table, at most half full, kept per
    /// thread unless a giant report needs a larger one. A <see cref="Dictionary{TKey, TValue}"/> took a third of this
    /// rule's time hashing and probing; here a probe is a multiply, a shift and one read.
    /// </summary>
    private sealed class RunTable
    {
        private ulong[] _keys = [];
        private int[] _latest = []; // the pair's index + 1; 0 for an empty slot
        private int _shift;

        /// <summary>The slots in use for the current report: a power of two, at least twice its runs.</summary>
        public int Slots { get; private set; }

        [ThreadStatic] private static RunTable? t_kept;

        /// <summary>An empty table for <paramref name="runs"/> runs.</summary>
        public static RunTable For(int runs)
        {
            var table = runs > MaxKeptRuns ? new RunTable() : t_kept ??= new RunTable();
            int log = runs == 0 ? 0 : Math.Max(8, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(2 * runs - 1)));
            if (table._latest.Length < 1 << log)
            {
                table._keys = new ulong[1 << log];
                table._latest = new int[1 << log];
            }
            // Only the slots this report uses are cleared and probed: a small report after a large one stays cheap.
            table.Slots = 1 << log;
            table._shift = 64 - log;
            Array.Clear(table._latest, 0, table.Slots);
            return table;
        }

        /// <summary>Records pair <paramref name="pair"/> as <paramref name="run"/>'s latest (<paramref name="hash"/> is its multiplicative hash), in <paramref name="slot"/>; returns the one before it, or -1.</summary>
        public int Exchange(ulong run, ulong hash, int pair, out int slot)
        {
            int mask = Slots - 1;
            for (slot = (int)(hash >> _shift); ; slot = (slot + 1) & mask)
            {
                int entry = _latest[slot];
                if (entry == 0)
                {
                    _keys[slot] = run;
                    _latest[slot] = pair + 1;
                    return -1;
                }
                if (_keys[slot] == run)
                {
                    _latest[slot] = pair + 1;
                    return entry - 1;
                }
            }
        }

        /// <summary>The latest pair of the run in <paramref name="slot"/>, or -1 for an empty slot.</summary>
        public int LatestAt(int slot) => _latest[slot] - 1;
    }

    /// <summary>Arrays for <paramref name="count"/> (run, unit) pairs, kept per thread unless a giant report needs more.</summary>
    private static (int[] Before, int[] Owners) Postings(int count)
    {
        if (count > MaxKeptRuns) return (new int[count], new int[count]);
        if (t_before is null || t_before.Length < count)
        {
            t_before = new int[Math.Max(count, 1024)];
            t_owners = new int[t_before.Length];
        }
        return (t_before, t_owners!);
    }

    /// <summary>Distinct three-word runs (see <see cref="Run"/>), sorted.</summary>
    private static ulong[] Shingles(ReadOnlySpan<int> ids)
    {
        if (ids.Length < 3) return [];
        // Built in a buffer kept per thread (not for a giant passage, whose buffer is not kept); only the distinct runs are copied out.
        int count = ids.Length - 2;
        var buffer = count > MaxKeptRuns ? new ulong[count] : t_runs is { } kept && kept.Length >= count ? kept : t_runs = new ulong[Math.Max(count, 256)];
        var runs = buffer.AsSpan(0, count);
        for (int i = 2; i < ids.Length; i++) runs[i - 2] = Run(ids, i);
        runs.Sort();
        int n = 0;
        for (int i = 0; i < runs.Length; i++)
            if (n == 0 || runs[i] != runs[n - 1]) runs[n++] = runs[i];
        return runs[..n].ToArray();
    }

    [ThreadStatic] private static ulong[]? t_runs;
    private const int MaxKeptRuns = 1 << 16;

    /// <summary>Shared runs over all runs of the two sorted sets.</summary>
    private static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }

    private static void Report(RuleContext context, List<(Unit Unit, double Likeness)> group)
    {
        var first = group[0].Unit;
        var others = group.Skip(1).ToList();
        string what = first.Kind switch
        {
            UnitKind.Paragraph => first.Block.Kind == BlockKind.ListItem ? "list item" : "paragraph",
            UnitKind.FieldBlock => "field block",
            _ => "sentence",
        };
        bool allVerbatim = others.All(o => o.Likeness >= 1);
        // A block pasted thousands of times is reported once, naming the first places: a list of every line would be
        // unreadable, and the finding's size would grow with the file.
        var lines = others.Take(MaxListed).Select(o => context.Locate(o.Unit.Span).Line).ToList();
        string snippet = Snippet(context.Document.Source.Slice(first.Span));
        string where = others.Count > MaxListed ? $"lines {string.Join(", ", lines)} and {others.Count - MaxListed} more"
            : lines.Count == 1 ? $"line {lines[0]}" : $"lines {string.Join(", ", lines.Take(lines.Count - 1))} and {lines[^1]}";
        string how = allVerbatim ? "verbatim" : "verbatim or near-verbatim";
        var finding = context.Report(first.Span,
            $"This {what} ('{snippet}') is repeated {how} {(others.Count == 1 ? "once more" : $"{others.Count} more times")}, at {where}: "
            + (first.Kind == UnitKind.FieldBlock ? "template boilerplate pasted once per entry; keep the block where it belongs and remove the copies." : "a passage pasted twice; keep one."));
        foreach (var (unit, likeness) in others.Take(MaxRelated))
            finding.Related.Add(new RelatedLocation(context.Locate(unit.Span),
                likeness >= 1 ? "the same text again" : $"nearly the same text again ({likeness:P0} of its three-word runs shared)"));
        finding.Properties["repeats"] = others.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (first.Kind != UnitKind.FieldBlock && allVerbatim && others.Count <= MaxRelated)
            finding.Fixes.Add(new SuggestedFix(others.Count == 1 ? "Delete the repeat" : $"Delete the {others.Count} repeats",
                others.Select(o => new TextEdit(context.Locate(o.Unit.Span), "")).ToList()));
    }

    /// <summary>Places named in the message, and places given as related locations (and so the most repeats a fix deletes).</summary>
    private const int MaxListed = 20, MaxRelated = 100;

    private static string Snippet(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 60 ? oneLine : oneLine[..57].TrimEnd() + "…";
    }
}
