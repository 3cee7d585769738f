namespace ReportLint.Core.Documents;

/// <summary>The word tokens of a text, as the lexicons and the duplicate check compare them: lower-cased runs of letters and digits.</summary>
public static class Words
{
    /// <summary>Past this many distinct words a thread's table starts afresh, so memory stays bounded on any input.</summary>
    private const int MaxInterned = 100_000;
    private const int MaxInternedLength = 64;

    // Reports reuse a small vocabulary: each thread keeps one lower-cased string per distinct word, so tokenising a word it has
    // seen allocates nothing (and equal tokens are the same string, which makes later dictionary lookups cheap).
    [ThreadStatic] private static Dictionary<string, string>? t_words;

    public static IEnumerable<(int Start, int End, string Token)> Tokenize(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            yield return (start, i, Lower(text, start, i - start));
        }
    }

    /// <summary>The tokens alone, into a list (no iterator): what most callers need.</summary>
    public static List<string> TokenList(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            tokens.Add(Lower(text, start, i - start));
        }
        return tokens;
    }

    /// <summary><paramref name="text"/>[start, start + length) in lower case, shared with earlier identical words on this thread.</summary>
    private static string Lower(string text, int start, int length)
    {
        var word = text.AsSpan(start, length);
        if (length > MaxInternedLength) return word.ToString().ToLowerInvariant();
        Span<char> lower = stackalloc char[length];
        word.ToLowerInvariant(lower);
        var table = t_words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(lower, out var known)) return known;
        if (table.Count >= MaxInterned) table.Clear();
        var s = new string(lower);
        table[s] = s;
        return s;
    }
}
