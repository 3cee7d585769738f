namespace ReportLint.Core.Knowledge;

/// <summary>
/// The industry lexicons' word trie as flat arrays of numbers and strings, built once from the entries: by the build for
/// the lexicons shipped in rules/domains (written into BuiltInData.g.cs as literals, so a run allocates nothing to have
/// them), and at load time for lexicons read from YAML. Node 0 is the root. A word of the text is found in the vocabulary
/// through an open-addressing hash table; the root's child along it is <see cref="RootChild"/>, and deeper edges are
/// each node's range of (word, child) pairs sorted by word.
/// </summary>
public sealed class LexiconTable
{
    /// <summary>Every distinct word of the entries, in order of first appearance.</summary>
    public required string[] Vocabulary { get; init; }
    /// <summary>Open addressing on <see cref="Hash"/>, a power of two long: vocabulary index + 1, or 0 for an empty slot.</summary>
    public required int[] Slots { get; init; }
    /// <summary>Per vocabulary word: the root's child along it, or -1.</summary>
    public required int[] RootChild { get; init; }
    /// <summary>Per node: where its edges start in <see cref="EdgeWord"/>/<see cref="EdgeChild"/>, and how many.</summary>
    public required int[] EdgeStart { get; init; }
    public required int[] EdgeCount { get; init; }
    public required int[] EdgeWord { get; init; }
    public required int[] EdgeChild { get; init; }
    /// <summary>Per node: the index in <see cref="Keys"/> of the entry that ends there, or -1.</summary>
    public required int[] Key { get; init; }
    /// <summary>Entries' words joined by single spaces, one per node that ends an entry.</summary>
    public required string[] Keys { get; init; }
    /// <summary>Per node: its (industry, weight) pairs in <see cref="WeightIndustry"/>/<see cref="WeightValue"/>.</summary>
    public required int[] WeightStart { get; init; }
    public required int[] WeightCount { get; init; }
    public required int[] WeightIndustry { get; init; }
    public required int[] WeightValue { get; init; }
    /// <summary>The most words in one entry.</summary>
    public required int MaxWords { get; init; }

    public int NodeCount => Key.Length;

    /// <summary>FNV-1a over the UTF-16 code units: fixed, so a table written at build time is read the same way at run time.</summary>
    public static uint Hash(string word)
    {
        uint h = 2166136261;
        foreach (char c in word) h = (h ^ c) * 16777619;
        return h;
    }

    /// <summary>The vocabulary index of <paramref name="word"/>, or -1.</summary>
    public int WordIndex(string word)
    {
        int mask = Slots.Length - 1;
        for (int slot = (int)(Hash(word) & (uint)mask); ; slot = (slot + 1) & mask)
        {
            int entry = Slots[slot];
            if (entry == 0) return -1;
            if (string.Equals(Vocabulary[entry - 1], word, StringComparison.Ordinal)) return entry - 1;
        }
    }

    /// <summary>The child of <paramref name="node"/> along <paramref name="word"/>, or -1.</summary>
    public int Child(int node, string word) => ChildAt(node, WordIndex(word));

    /// <summary>The child of <paramref name="node"/> along the vocabulary word at <paramref name="index"/> (-1: no such word), or -1.</summary>
    public int ChildAt(int node, int index)
    {
        if (index < 0) return -1;
        if (node == 0) return RootChild[index];
        int lo = EdgeStart[node], hi = lo + EdgeCount[node] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int w = EdgeWord[mid];
            if (w == index) return EdgeChild[mid];
            if (w < index) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The table for lexicon entries as written (industry index, word or phrase, weight), each tokenised as the
    /// text it is matched against (<see cref="Documents.Words.TokenList"/>).</summary>
    public static LexiconTable Build(IEnumerable<(int Industry, string Entry, int Weight)> entries) =>
        Build(entries.Select(e => (e.Industry, (IReadOnlyList<string>)Documents.Words.TokenList(e.Entry), e.Weight)));

    /// <summary>
    /// The table for these entries, in order. An entry's words become a path from the root; where two entries end at one
    /// node, the first one's key stands, and an industry listed twice keeps its higher weight (in the place it was first listed).
    /// </summary>
    public static LexiconTable Build(IEnumerable<(int Industry, IReadOnlyList<string> Words, int Weight)> entries)
    {
        var vocabulary = new List<string>();
        var wordIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new List<Dictionary<int, int>?> { null };
        var keys = new List<string?> { null };
        var weights = new List<List<(int Industry, int Weight)>?> { null };
        var rootChild = new List<int>();
        int maxWords = 1;
        foreach (var (industry, words, weight) in entries)
        {
            if (words.Count == 0) continue;
            int node = 0;
            foreach (var word in words)
            {
                if (!wordIndex.TryGetValue(word, out int index))
                {
                    wordIndex[word] = index = vocabulary.Count;
                    vocabulary.Add(word);
                    rootChild.Add(-1);
                }
                int child = node == 0 ? rootChild[index] : edges[node]?.GetValueOrDefault(index, -1) ?? -1;
                if (child < 0)
                {
                    child = keys.Count;
                    keys.Add(null);
                    weights.Add(null);
                    edges.Add(null);
                    if (node == 0) rootChild[index] = child;
                    else (edges[node] ??= new Dictionary<int, int>())[index] = child;
                }
                node = child;
            }
            keys[node] ??= string.Join(' ', words);
            var list = weights[node] ??= [];
            int existing = list.FindIndex(w => w.Industry == industry);
            if (existing >= 0) list[existing] = (industry, Math.Max(weight, list[existing].Weight));
            else list.Add((industry, weight));
            maxWords = Math.Max(maxWords, words.Count);
        }

        int nodes = keys.Count;
        int[] edgeStart = new int[nodes], edgeCount = new int[nodes], key = new int[nodes], weightStart = new int[nodes], weightCount = new int[nodes];
        List<int> edgeWord = [], edgeChild = [], weightIndustry = [], weightValue = [];
        var keyList = new List<string>();
        for (int n = 0; n < nodes; n++)
        {
            edgeStart[n] = edgeWord.Count;
            foreach (var (word, child) in (edges[n] ?? []).OrderBy(e => e.Key))
            {
                edgeWord.Add(word);
                edgeChild.Add(child);
            }
            edgeCount[n] = edgeWord.Count - edgeStart[n];
            key[n] = keys[n] is null ? -1 : keyList.Count;
            if (keys[n] is { } k) keyList.Add(k);
            weightStart[n] = weightIndustry.Count;
            foreach (var (industry, weight) in weights[n] ?? [])
            {
                weightIndustry.Add(industry);
                weightValue.Add(weight);
            }
            weightCount[n] = weightIndustry.Count - weightStart[n];
        }

        int size = 16;
        while (size < vocabulary.Count * 2) size *= 2;
        var slots = new int[size];
        for (int i = 0; i < vocabulary.Count; i++)
        {
            int slot = (int)(Hash(vocabulary[i]) & (uint)(size - 1));
            while (slots[slot] != 0) slot = (slot + 1) & (size - 1);
            slots[slot] = i + 1;
        }

        return new LexiconTable
        {
            Vocabulary = [.. vocabulary], Slots = slots, RootChild = [.. rootChild],
            EdgeStart = edgeStart, EdgeCount = edgeCount, EdgeWord = [.. edgeWord], EdgeChild = [.. edgeChild],
            Key = key, Keys = [.. keyList],
            WeightStart = weightStart, WeightCount = weightCount, WeightIndustry = [.. weightIndustry], WeightValue = [.. weightValue],
            MaxWords = maxWords,
        };
    }
}
