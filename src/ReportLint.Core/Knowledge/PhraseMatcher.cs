namespace ReportLint.Core.Knowledge;

/// <summary>
/// Finds whole-word occurrences of many phrases at once, longest match first, in time linear in the text
/// (a trie walked from each word start). Case-insensitive entries are stored lower-cased; case-sensitive
/// ones (abbreviations like "US") are kept apart and only match exactly.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Next;
        public T? Value;
        public bool HasValue;
    }

    private readonly Node _folded = new();
    private readonly Node _exact = new();
    private readonly int _maxLength;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value, bool CaseSensitive)> entries)
    {
        foreach (var (phrase, value, caseSensitive) in entries)
        {
            var p = Normalize(phrase.Trim());
            if (p.Length == 0) continue;
            var node = caseSensitive ? _exact : _folded;
            foreach (char c in caseSensitive ? p : p.ToLowerInvariant())
            {
                node.Next ??= new Dictionary<char, Node>();
                if (!node.Next.TryGetValue(c, out var child)) node.Next[c] = child = new Node();
                node = child;
            }
            if (!node.HasValue) { node.Value = value; node.HasValue = true; }
            _maxLength = Math.Max(_maxLength, p.Length);
        }
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

    private void Walk(Node root, string text, int start, bool fold, ref int bestEnd, ref T? best)
    {
        var node = root;
        int limit = Math.Min(text.Length, start + _maxLength);
        for (int j = start; j < limit; j++)
        {
            char c = Fold(text[j]);
            if (fold) c = char.ToLowerInvariant(c);
            if (node.Next is null || !node.Next.TryGetValue(c, out var child)) break;
            node = child;
            int end = j + 1;
            // "U.S." ends with a dot; otherwise the match must end at a word boundary.
            bool boundary = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[j]);
            if (node.HasValue && boundary && end > bestEnd)
            {
                bestEnd = end;
                best = node.Value;
            }
        }
    }
}
