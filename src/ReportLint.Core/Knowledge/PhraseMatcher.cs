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
            var builder = new Builder(order.Select(i => entries[i]).ToList());
            _edgeChar = [.. builder.EdgeChar];
            _edgeTarget = [.. builder.EdgeTarget];
            _edgeStart = [.. builder.EdgeStart];
            _edgeCount = [.. builder.EdgeCount];
            _valueIndex = [.. builder.ValueIndex];
            _values = [.. builder.Values];
        }

        public bool HasValue(int node) => _valueIndex[node] >= 0;
        public T Value(int node) => _values[_valueIndex[node]];

        /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
        public int Next(int node, char c)
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

        private sealed class Builder
        {
            public readonly List<int> EdgeStart = [], EdgeCount = [], ValueIndex = [], EdgeTarget = [];
            public readonly List<char> EdgeChar = [];
            public readonly List<T> Values = [];
            private readonly List<(string Key, T Value)> _sorted;

            public Builder(List<(string Key, T Value)> sorted)
            {
                _sorted = sorted;
                Build(NewNode(), 0, sorted.Count, 0);
            }

            private int NewNode()
            {
                EdgeStart.Add(0);
                EdgeCount.Add(0);
                ValueIndex.Add(-1);
                return ValueIndex.Count - 1;
            }

            /// <summary>Fills <paramref name="node"/> from entries [lo, hi), which share their first <paramref name="depth"/> characters.</summary>
            private void Build(int node, int lo, int hi, int depth)
            {
                if (lo < hi && _sorted[lo].Key.Length == depth)
                {
                    Values.Add(_sorted[lo].Value);
                    ValueIndex[node] = Values.Count - 1;
                    while (lo < hi && _sorted[lo].Key.Length == depth) lo++;
                }
                var groups = new List<(int Lo, int Hi)>();
                for (int i = lo; i < hi;)
                {
                    int j = i + 1;
                    while (j < hi && _sorted[j].Key[depth] == _sorted[i].Key[depth]) j++;
                    groups.Add((i, j));
                    i = j;
                }
                EdgeStart[node] = EdgeChar.Count;
                EdgeCount[node] = groups.Count;
                int first = ValueIndex.Count;
                foreach (var (glo, _) in groups)
                {
                    EdgeChar.Add(_sorted[glo].Key[depth]);
                    EdgeTarget.Add(NewNode());
                }
                for (int g = 0; g < groups.Count; g++) Build(first + g, groups[g].Lo, groups[g].Hi, depth + 1);
            }
        }
    }

    private readonly Trie _folded;
    private readonly Trie _exact;
    private readonly int _maxLength;

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
    }

    private static string Normalize(string s) => s.Replace('’', '\'').Replace('–', '-');

    private static char Fold(char c) => c switch { '’' => '\'', '–' => '-', '\u00A0' => ' ', _ => c };

    public IEnumerable<(int Start, int End, T Value)> Find(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || i > 0 && char.IsLetterOrDigit(text[i - 1])) { i++; continue; }
            int bestEnd = -1;
            T? best = default;
            Walk(_folded, text, i, fold: true, ref bestEnd, ref best);
            Walk(_exact, text, i, fold: false, ref bestEnd, ref best);
            if (bestEnd > 0)
            {
                yield return (i, bestEnd, best!);
                i = bestEnd;
            }
            else i++;
        }
    }

    private void Walk(Trie trie, string text, int start, bool fold, ref int bestEnd, ref T? best)
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
