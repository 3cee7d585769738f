using ReportLint.Core.Documents;

namespace ReportLint.Core.Knowledge;

/// <summary>
/// Finds whole-word occurrences of many phrases at once, longest match first, in time linear in the text
/// (a trie walked from each word start). Case-insensitive entries are stored lower-cased; case-sensitive
/// ones (abbreviations like "US") are kept apart and only match exactly.
/// </summary>
public sealed class PhraseMatcher<T>
{
    /// <summary>
    /// A trie in flat arrays, built from the sorted phrases in one pass: no object per node, so a matcher of thousands of
    /// phrases builds in well under a millisecond and costs the garbage collector almost nothing.
    /// </summary>
    private sealed class Trie
    {
        // Node n's edges are EdgeChar/EdgeTarget[EdgeStart[n] .. EdgeStart[n] + EdgeCount[n]), sorted by character;
        // ValueIndex[n] is its phrase's value in Values, or -1.
        private readonly char[] _edgeChar;
        private readonly int[] _edgeTarget, _edgeStart, _edgeCount, _valueIndex;
        private readonly T[] _values;

        public Trie(List<(string Key, T Value)> entries)
        {
            // Sorted by key, ties in insertion order, so the first phrase listed wins as it always has.
            var order = Enumerable.Range(0, entries.Count).ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(entries[a].Key, entries[b].Key) is var c and not 0 ? c : a.CompareTo(b));
            var sorted = new (string Key, T Value)[order.Length];
            for (int i = 0; i < order.Length; i++) sorted[i] = entries[order[i]];
            // One node per distinct prefix: each key adds the characters it does not share with the key before it. The
            // arrays are allocated once at their final size (this runs at every start, where memory first touched is dear).
            int nodes = 1, values = 0;
            for (int i = 0; i < sorted.Length; i++)
            {
                int shared = i == 0 ? 0 : CommonPrefix(sorted[i - 1].Key, sorted[i].Key);
                nodes += sorted[i].Key.Length - shared;
                if (i == 0 || shared < sorted[i].Key.Length || sorted[i - 1].Key.Length != sorted[i].Key.Length) values++;
            }
            _edgeChar = new char[nodes - 1];
            _edgeTarget = new int[nodes - 1];
            _edgeStart = new int[nodes];
            _edgeCount = new int[nodes];
            _valueIndex = new int[nodes];
            _values = new T[values];
            var builder = new Builder(this, sorted);
            builder.Build(builder.NewNode(), 0, sorted.Length, 0);
            // The root's children along ASCII characters, from its edges (each character labels one edge at most).
            Array.Fill(_root, -1);
            for (int e = _edgeStart[0], end = e + _edgeCount[0]; e < end; e++)
                if (_edgeChar[e] < RootTable) _root[_edgeChar[e]] = _edgeTarget[e];
        }

        // The root's children by character, for ASCII: every word start looks there first, and most go no further.
        private const int RootTable = 128;
        private readonly int[] _root = new int[RootTable];

        private static int CommonPrefix(string a, string b)
        {
            int n = 0, max = Math.Min(a.Length, b.Length);
            while (n < max && a[n] == b[n]) n++;
            return n;
        }

        public bool HasValue(int node) => _valueIndex[node] >= 0;
        public T Value(int node) => _values[_valueIndex[node]];

        /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
        public int Next(int node, char c) => node == 0 && c < RootTable ? _root[c] : Search(node, c);

        private int Search(int node, char c)
        {
            int lo = _edgeStart[node], hi = lo + _edgeCount[node] - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                char m = _edgeChar[mid];
                if (m == c) return _edgeTarget[mid];
                if (m < c) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }

        private sealed class Builder(Trie trie, (string Key, T Value)[] sorted)
        {
            private int _nodes, _edges, _values;

            public int NewNode()
            {
                trie._valueIndex[_nodes] = -1;
                return _nodes++;
            }

            /// <summary>The end of the run of entries from <paramref name="i"/> that share the character at <paramref name="depth"/>.</summary>
            private int GroupEnd(int i, int hi, int depth)
            {
                int j = i + 1;
                while (j < hi && sorted[j].Key[depth] == sorted[i].Key[depth]) j++;
                return j;
            }

            /// <summary>Fills <paramref name="node"/> from entries [lo, hi), which share their first <paramref name="depth"/> characters.</summary>
            /// <remarks>Two passes over the children (edges first, so a node's edges are contiguous, then each subtree) and no
            /// allocation per node: a gazetteer has tens of thousands of nodes.</remarks>
            public void Build(int node, int lo, int hi, int depth)
            {
                if (lo < hi && sorted[lo].Key.Length == depth)
                {
                    trie._values[_values] = sorted[lo].Value;
                    trie._valueIndex[node] = _values++;
                    while (lo < hi && sorted[lo].Key.Length == depth) lo++;
                }
                trie._edgeStart[node] = _edges;
                int first = _nodes, children = 0;
                for (int i = lo; i < hi; i = GroupEnd(i, hi, depth), children++)
                {
                    trie._edgeChar[_edges] = sorted[i].Key[depth];
                    trie._edgeTarget[_edges++] = NewNode();
                }
                trie._edgeCount[node] = children;
                for (int i = lo, g = 0; i < hi; g++)
                {
                    int end = GroupEnd(i, hi, depth);
                    Build(first + g, i, end, depth + 1);
                    i = end;
                }
            }
        }
    }

    private readonly Trie _folded;
    private readonly Trie _exact;
    private readonly int _maxLength;
    /// <summary>Each phrase's first word (its leading letters and digits) in lower case: a match can only start at a word that is one of them.</summary>
    private readonly string[] _firstWords;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value, bool CaseSensitive)> entries)
    {
        var folded = new List<(string, T)>();
        var exact = new List<(string, T)>();
        foreach (var (phrase, value, caseSensitive) in entries)
        {
            var p = Normalize(phrase.Trim());
            if (p.Length == 0) continue;
            if (caseSensitive) exact.Add((p, value));
            else folded.Add((p.ToLowerInvariant(), value));
            _maxLength = Math.Max(_maxLength, p.Length);
        }
        _folded = new Trie(folded);
        _exact = new Trie(exact);
        // Built per report for its segment names, so without a query chain: one set, in the entries' order.
        var firstWords = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in (List<(string, T)>[])[folded, exact])
            foreach (var (phrase, _) in list)
                if (FirstWord(phrase) is { Length: > 0 } word && seen.Add(word)) firstWords.Add(word);
        _firstWords = [.. firstWords];
    }

    private static string FirstWord(string phrase)
    {
        int n = 0;
        while (n < phrase.Length && char.IsLetterOrDigit(phrase[n])) n++;
        return phrase[..n].ToLowerInvariant();
    }

    // The ids of the first words on this thread, for the matcher and word-table generation they were taken for.
    [ThreadStatic] private static (PhraseMatcher<T> Matcher, int Generation, WordIdSet Ids)? t_firstWordIds;

    /// <summary>The word ids of <see cref="_firstWords"/> in this thread's table of generation <paramref name="generation"/>, or null when the table moved on.</summary>
    private WordIdSet? FirstWordIds(int generation)
    {
        if (t_firstWordIds is { } cached && ReferenceEquals(cached.Matcher, this) && cached.Generation == generation) return cached.Ids;
        var ids = new List<int>();
        foreach (var word in _firstWords)
            if (Words.IdOf(word) is var id and >= 0) ids.Add(id);
        // Numbering the words may have filled the table, which then started afresh with other ids.
        if (Words.Generation != generation) return null;
        var set = new WordIdSet(ids);
        t_firstWordIds = (this, generation, set);
        return set;
    }

    /// <summary>
    /// As <see cref="Find(string)"/>, with the text's <paramref name="words"/> (as <see cref="Words.In"/> gives them; the text
    /// starts at <paramref name="textStart"/> in the document): only words that begin some phrase are walked from. Most
    /// texts name nothing, and for them nothing is allocated.
    /// </summary>
    public IReadOnlyList<(int Start, int End, T Value)> Find(string text, WordRun words, int textStart) => Find(text.AsSpan(), words, textStart);

    /// <summary>As <see cref="Find(string, WordRun, int)"/>, on a span (a statement's <see cref="Claims.Statement.Chars"/>). The list is always a <see cref="List{T}"/>, shared and empty when nothing is found.</summary>
    public IReadOnlyList<(int Start, int End, T Value)> Find(ReadOnlySpan<char> text, WordRun words, int textStart)
    {
        var firstWords = words.Generation >= 0 && words.Generation == Words.Generation ? FirstWordIds(words.Generation) : null;
        if (firstWords is null) return FindEverywhere(text);
        List<(int Start, int End, T Value)>? found = null;
        var ids = words.Ids.Span;
        int next = 0;
        for (int k = 0; k < words.Count; k++)
        {
            int i = words.StartOf(k) - textStart;
            // A word inside the last match, or one no phrase begins with (a word too long to number is walked from).
            if (i < next || ids[k] >= 0 && !firstWords.Contains(ids[k])) continue;
            if (Longest(text, i) is { } match)
            {
                (found ??= new()).Add(match);
                next = match.End;
            }
        }
        return found ?? NoMatches;
    }

    // What Find gives a text that names nothing: one empty list, never added to.
    private static readonly List<(int Start, int End, T Value)> NoMatches = [];

    /// <summary>Every phrase in <paramref name="text"/>, trying every word start (a shared empty list when there is none).</summary>
    private List<(int Start, int End, T Value)> FindEverywhere(ReadOnlySpan<char> text)
    {
        List<(int Start, int End, T Value)>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || i > 0 && char.IsLetterOrDigit(text[i - 1])) { i++; continue; }
            if (Longest(text, i) is { } match)
            {
                (found ??= new()).Add(match);
                i = match.End;
            }
            else i++;
        }
        return found ?? NoMatches;
    }

    private static string Normalize(string s) => s.Replace('’', '\'').Replace('–', '-');

    private static char Fold(char c) => c switch { '’' => '\'', '–' => '-', '\u00A0' => ' ', _ => c };

    /// <summary>Every phrase in <paramref name="text"/>, longest first at each word start, trying every word start.</summary>
    public IReadOnlyList<(int Start, int End, T Value)> Find(string text) => FindEverywhere(text);

    /// <summary>The longest phrase of either trie that starts at <paramref name="start"/>, or null.</summary>
    private (int Start, int End, T Value)? Longest(ReadOnlySpan<char> text, int start)
    {
        int bestEnd = -1;
        T? best = default;
        Walk(_folded, text, start, fold: true, ref bestEnd, ref best);
        Walk(_exact, text, start, fold: false, ref bestEnd, ref best);
        return bestEnd > 0 ? (start, bestEnd, best!) : null;
    }

    private void Walk(Trie trie, ReadOnlySpan<char> text, int start, bool fold, ref int bestEnd, ref T? best)
    {
        int node = 0;
        int limit = Math.Min(text.Length, start + _maxLength);
        for (int j = start; j < limit; j++)
        {
            char c = Fold(text[j]);
            if (fold) c = char.ToLowerInvariant(c);
            node = trie.Next(node, c);
            if (node < 0) break;
            int end = j + 1;
            // "U.S." ends with a dot; otherwise the match must end at a word boundary.
            if (trie.HasValue(node) && end > bestEnd
                && (end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[j])))
            {
                bestEnd = end;
                best = trie.Value(node);
            }
        }
    }
}

/// <summary>
/// A set of word ids (small, dense numbers from <see cref="Words"/>) as one bit per id: a membership test per token is a
/// shift and a mask, not a hash lookup.
/// </summary>
internal sealed class WordIdSet
{
    private readonly ulong[] _bits;

    public WordIdSet(IEnumerable<int> ids)
    {
        int max = -1;
        foreach (int id in ids) max = Math.Max(max, id);
        _bits = new ulong[(max >> 6) + 1];
        foreach (int id in ids) _bits[id >> 6] |= 1UL << (id & 63);
    }

    public bool Contains(int id)
    {
        int word = id >> 6;
        return (uint)word < (uint)_bits.Length && (_bits[word] & (1UL << (id & 63))) != 0;
    }
}
