using ReportLint.Core.Documents;

namespace ReportLint.Core.Knowledge;

/// <summary>One industry's vocabulary (rules/domains/&lt;id&gt;.yaml): weighted words and phrases, and the footer category labels publishers use for it.</summary>
public sealed record IndustryLexicon(string Id, string Name, IReadOnlyList<string> Categories, int Index)
{
    public override string ToString() => Name;
}

/// <summary>rules/domains/*.yaml as read: the industries in file-name order, and every entry with the index of its industry.</summary>
public sealed record IndustryLexiconsData(IReadOnlyList<IndustryLexicon> Industries, IReadOnlyList<(int Industry, string Entry, int Weight)> Entries)
{
    /// <summary>The entries' trie, when built in advance: the compiled-in data carries it, so a run builds nothing. Null: build
    /// it from <see cref="Entries"/> on load.</summary>
    public LexiconTable? Table { get; init; }
}

/// <summary>A lexicon word or phrase found in text: where, its normalised form, and its weight in each industry that lists it.</summary>
public sealed record LexiconHit(TextSpan Span, string Key, (IndustryLexicon Industry, int Weight)[] Weights)
{
    /// <summary>The index of <see cref="Key"/> among its lexicons' keys (below <see cref="IndustryLexicons.KeyCount"/>): equal keys, equal indices.</summary>
    internal int KeyIndex { get; init; }

    public int WeightIn(IndustryLexicon industry)
    {
        foreach (var (i, w) in Weights)
            if (i.Index == industry.Index) return w;
        return 0;
    }
}

/// <summary>How strongly a piece of text speaks each industry's vocabulary.</summary>
public sealed class IndustryProfile
{
    private readonly double[] _scores;

    internal IndustryProfile(IReadOnlyList<IndustryLexicon> industries, IReadOnlyList<LexiconHit> hits, double[] scores)
    {
        Industries = industries;
        _hits = hits as List<LexiconHit> ?? [.. hits];
        _scores = scores;
    }

    public IReadOnlyList<IndustryLexicon> Industries { get; }
    public IReadOnlyList<LexiconHit> Hits => _hits;
    /// <summary>The hits for the loops over every passage's: no call through the interface per hit.</summary>
    internal ReadOnlySpan<LexiconHit> HitSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_hits);
    private readonly List<LexiconHit> _hits;
    public double this[IndustryLexicon industry] => _scores[industry.Index];
    /// <summary>The scores by industry index.</summary>
    public ReadOnlySpan<double> Scores => _scores;
    public double Total => _scores.Sum();

    /// <summary>Industries by descending score (ties by file order), those with no score left out.</summary>
    public IEnumerable<(IndustryLexicon Industry, double Score)> Ranked =>
        Industries.Where(i => _scores[i.Index] > 0).OrderByDescending(i => _scores[i.Index]).ThenBy(i => i.Index).Select(i => (i, _scores[i.Index]));

    /// <summary>The highest-scoring industry (the first in file order among equals), or null when none scores.</summary>
    public IndustryLexicon? Top => TopOf(Industries, _scores);

    /// <summary>The highest-scoring industry of <paramref name="scores"/> (by industry index; the first in file order among equals), or null when none scores.</summary>
    public static IndustryLexicon? TopOf(IReadOnlyList<IndustryLexicon> industries, ReadOnlySpan<double> scores)
    {
        IndustryLexicon? top = null;
        for (int n = 0; n < industries.Count; n++) top = Higher(industries[n], top, scores);
        return top;
    }

    /// <summary>As <see cref="TopOf(IReadOnlyList{IndustryLexicon}, ReadOnlySpan{double})"/>, over an array: no call per industry.</summary>
    public static IndustryLexicon? TopOf(IndustryLexicon[] industries, ReadOnlySpan<double> scores)
    {
        IndustryLexicon? top = null;
        foreach (var industry in industries) top = Higher(industry, top, scores);
        return top;
    }

    /// <summary><paramref name="industry"/> when it scores and beats <paramref name="top"/> (the earlier wins a tie), else <paramref name="top"/>.</summary>
    private static IndustryLexicon? Higher(IndustryLexicon industry, IndustryLexicon? top, ReadOnlySpan<double> scores) =>
        scores[industry.Index] > 0 && (top is null || scores[industry.Index] > scores[top.Index]) ? industry : top;

    /// <summary>The distinct words behind an industry's score, strongest first.</summary>
    public IReadOnlyList<string> EvidenceFor(IndustryLexicon industry, int max = 3)
    {
        // Each distinct word with its first weight, in order of first appearance; then a stable sort, strongest first.
        var words = new List<(string Key, int Weight)>();
        for (int h = 0; h < Hits.Count; h++)
        {
            int weight = Hits[h].WeightIn(industry);
            if (weight > 0 && !words.Exists(w => w.Key == Hits[h].Key)) words.Add((Hits[h].Key, weight));
        }
        for (int i = 1; i < words.Count; i++)
            for (int j = i; j > 0 && words[j - 1].Weight < words[j].Weight; j--)
                (words[j - 1], words[j]) = (words[j], words[j - 1]);
        var evidence = new List<string>(Math.Min(max, words.Count));
        for (int i = 0; i < words.Count && evidence.Count < max; i++) evidence.Add(words[i].Key);
        return evidence;
    }

    /// <summary>True for the one profile of text with no lexicon words, shared by every such passage: it is never added to.</summary>
    internal bool IsShared { get; init; }

    /// <summary>Adds weight to one industry: how an author's pinned industry outweighs what the text suggests.</summary>
    internal void Boost(IndustryLexicon industry, double amount)
    {
        ThrowIfShared();
        _scores[industry.Index] += amount;
    }

    /// <summary>Adds another profile into this one, scaled (the document profile is a weighted sum of its parts).</summary>
    internal void Add(IndustryProfile other, double scale)
    {
        ThrowIfShared();
        for (int i = 0; i < _scores.Length; i++) _scores[i] += other._scores[i] * scale;
    }

    private void ThrowIfShared()
    {
        if (IsShared) throw new InvalidOperationException("The shared empty profile cannot be changed; start from IndustryLexicons.Empty().");
    }
}

/// <summary>
/// The industry lexicons of rules/domains/*.yaml, matched together: text and phrases are tokenised alike (lower case,
/// split on anything that is not a letter or digit), phrases match before words, longest first, and a word inside a
/// matched phrase does not count again. Matching walks a token trie from each token, so it is linear in the text.
/// </summary>
public sealed class IndustryLexicons
{
    private readonly LexiconTable _table;
    // Each node's weights as hits carry them, made on first use (a race only makes the same array twice).
    private readonly (IndustryLexicon, int)[]?[] _weights;
    private readonly Dictionary<string, IndustryLexicon> _byCategory = new(StringComparer.Ordinal);

    public IndustryLexicons(IReadOnlyList<IndustryLexicon> industries, LexiconTable table)
    {
        Industries = industries;
        _table = table;
        _weights = new (IndustryLexicon, int)[]?[table.NodeCount];
        foreach (var industry in industries)
            foreach (var label in industry.Categories.Append(industry.Name))
                _byCategory.TryAdd(CategoryKey(label), industry);
    }

    public IndustryLexicons(IndustryLexiconsData data)
        : this(data.Industries, data.Table ?? LexiconTable.Build(data.Entries)) { }

    private (IndustryLexicon, int)[] WeightsAt(int node)
    {
        if (_weights[node] is { } known) return known;
        var weights = new (IndustryLexicon, int)[_table.WeightCount[node]];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (Industries[_table.WeightIndustry[_table.WeightStart[node] + i]], _table.WeightValue[_table.WeightStart[node] + i]);
        return _weights[node] = weights;
    }

    public IReadOnlyList<IndustryLexicon> Industries { get; }

    /// <summary>How many distinct words and phrases the lexicons hold (see <see cref="LexiconHit.KeyIndex"/>).</summary>
    internal int KeyCount => _table.Keys.Length;

    public IndustryLexicon? ById(string id) => Industries.FirstOrDefault(i => i.Id == id);

    /// <summary>An industry by id ("media-entertainment") or name ("Media & Entertainment"), any case.</summary>
    public IndustryLexicon? Named(string idOrName) =>
        Industries.FirstOrDefault(i => i.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || i.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The industry a footer label ("Medical Devices", "Manufacturing and Construction") names, or null when no lexicon claims it ("Services").</summary>
    public IndustryLexicon? ForCategory(string label) => _byCategory.GetValueOrDefault(CategoryKey(label));

    /// <summary>Labels compare as sets of words: "&amp;" is "and", and "Manufacturing and Construction" is "Construction &amp; Manufacturing".</summary>
    private static string CategoryKey(string label) =>
        string.Join(' ', Words.Tokenize(label).Select(t => t.Token).Where(t => t != "and").Order(StringComparer.Ordinal));

    /// <summary>Every lexicon word and phrase in <paramref name="text"/>, phrases first and longest first.</summary>
    public IReadOnlyList<LexiconHit> Find(string text, int baseOffset = 0) => Find(BlockWords.Read(text, baseOffset).All);

    /// <summary>Every lexicon word and phrase in a run of tokens (<see cref="Words.In"/>), phrases first and longest first.</summary>
    public IReadOnlyList<LexiconHit> Find(WordRun run) => FindHits(run) is { } hits ? hits : [];

    /// <summary>As <see cref="Find(WordRun)"/>, null when there is none: profiles then read one type of list, and every passage without hits shares one profile.</summary>
    private List<LexiconHit>? FindHits(WordRun run)
    {
        var tokens = run.Tokens;
        var ids = run.Ids.Span;
        // Most passages hold no lexicon word: their list is made only when one is found.
        List<LexiconHit>? hits = null;
        var known = run.Generation >= 0 ? WordsById.For(run.Generation, _table) : null;
        int[] key = _table.Key;
        int maxWords = _table.MaxWords, i = 0;
        while (i < tokens.Length)
        {
            // Most tokens begin no entry: one read tells, once the token's word is known.
            int node = known is null || ids[i] < 0 ? RootChildOf(tokens[i]) : known.RootChild(tokens[i], ids[i]);
            if (node < 0) { i++; continue; }
            int best = key[node] >= 0 ? node : -1, bestEnd = i;
            for (int j = i + 1; j < tokens.Length && j - i < maxWords; j++)
            {
                node = _table.ChildAt(node, known is null || ids[j] < 0 ? _table.WordIndex(tokens[j]) : known.Index(tokens[j], ids[j]));
                if (node < 0) break;
                if (key[node] >= 0) { best = node; bestEnd = j; }
            }
            if (best < 0) { i++; continue; }
            (hits ??= new()).Add(new LexiconHit(new TextSpan(run.StartOf(i), run.EndOf(bestEnd)), _table.Keys[_table.Key[best]], WeightsAt(best)) { KeyIndex = _table.Key[best] });
            i = bestEnd + 1;
        }
        return hits;
    }

    private int RootChildOf(string word)
    {
        int index = _table.WordIndex(word);
        return index < 0 ? -1 : _table.RootChild[index];
    }

    /// <summary>
    /// Per thread and table, for the words the tokeniser has numbered: each word's vocabulary index and the root's child
    /// along it, + 2 (0: not looked up yet; 1: none). A word seen before costs an array read, not a hash, and a token that
    /// begins no entry (most tokens) one read.
    /// </summary>
    private sealed class WordsById(LexiconTable table)
    {
        private readonly WordIdMemo<int> _index = new(), _root = new();

        [ThreadStatic] private static WordsById? t_known;

        public static WordsById For(int generation, LexiconTable table)
        {
            var known = t_known is { } kept && ReferenceEquals(kept._table, table) ? kept : t_known = new WordsById(table);
            known._index.Use(generation);
            known._root.Use(generation);
            return known;
        }

        private readonly LexiconTable _table = table;

        public int Index(string word, int id)
        {
            ref int index = ref _index[id];
            if (index == 0) index = _table.WordIndex(word) + 2;
            return index - 2;
        }

        public int RootChild(string word, int id)
        {
            ref int root = ref _root[id];
            if (root == 0)
            {
                int index = Index(word, id);
                root = (index < 0 ? -1 : _table.RootChild[index]) + 2;
            }
            return root - 2;
        }
    }

    public IndustryProfile Profile(string text, int baseOffset = 0) => Profile(Find(text, baseOffset));

    public IndustryProfile Profile(WordRun run) => FindHits(run) is { } hits ? ProfileOf(hits) : NoHits;

    public IndustryProfile Profile(IReadOnlyList<LexiconHit> hits) => hits.Count == 0 ? NoHits : ProfileOf(hits as List<LexiconHit> ?? [.. hits]);

    private IndustryProfile ProfileOf(List<LexiconHit> hits)
    {
        var scores = new double[Industries.Count];
        // Over a span of the list: a foreach over the interface would allocate an enumerator per statement.
        foreach (var hit in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits))
            foreach (var (industry, weight) in hit.Weights)
                scores[industry.Index] += weight;
        return new IndustryProfile(Industries, hits, scores);
    }

    // The profile Profile gives every text without lexicon words (made on first use; a race only makes it twice). Its hits
    // are an empty list, as every other profile's are a list: the loops over a report's profiles then meet one type.
    private IndustryProfile NoHits => _noHits ??= new IndustryProfile(Industries, new List<LexiconHit>(), new double[Industries.Count]) { IsShared = true };
    private IndustryProfile? _noHits;

    /// <summary>An empty profile to sum others into.</summary>
    public IndustryProfile Empty() => new(Industries, [], new double[Industries.Count]);

    // Lazy<T>: thread-safe, so files linted in parallel share one instance; the lexicons are compiled in (BuiltInData.g.cs).
    private static readonly Lazy<IndustryLexicons> _builtIn = new(() => new IndustryLexicons(BuiltInData.Industries()));
    public static IndustryLexicons BuiltIn => _builtIn.Value;

    public static IndustryLexicons Load(IEnumerable<YamlData> files) => new(Read(files));

    public static IndustryLexiconsData Read(IEnumerable<YamlData> files)
    {
        var industries = new List<IndustryLexicon>();
        var entries = new List<(int, string, int)>();
        foreach (var data in files)
        {
            var root = data.Map(data.Root, "an industry lexicon");
            var industry = new IndustryLexicon(data.RequiredString(root, "id", "an industry lexicon"), data.RequiredString(root, "name", "an industry lexicon"),
                data.StringList(root, "categories"), industries.Count);
            if (industries.Any(i => i.Id == industry.Id)) throw data.Error(root, $"industry id '{industry.Id}' is used twice");
            industries.Add(industry);
            foreach (var key in new[] { "terms", "phrases" })
            {
                if (YamlData.Get(root, key) is not { } node) continue;
                foreach (var (k, v) in data.Map(node, key).Children)
                {
                    string entry = data.Scalar(k, key);
                    double weight = data.Number(v, $"the weight of '{entry}'");
                    if (weight is < 1 or > 5 || weight != Math.Floor(weight)) throw data.Error(v, $"the weight of '{entry}' must be a whole number from 1 to 5");
                    int tokens = Words.Tokenize(entry).Count();
                    if (key == "terms" && tokens != 1) throw data.Error(k, $"term '{entry}' must be a single word (put it under phrases)");
                    if (key == "phrases" && tokens < 2) throw data.Error(k, $"phrase '{entry}' must have two or more words (put it under terms)");
                    entries.Add((industry.Index, entry, (int)weight));
                }
            }
        }
        return new IndustryLexiconsData(industries, entries);
    }
}
