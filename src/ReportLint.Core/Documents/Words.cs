namespace ReportLint.Core.Documents;

/// <summary>The word tokens of a text, as the lexicons and the duplicate check compare them: lower-cased runs of letters and digits.</summary>
public static class Words
{
    /// <summary>Past this many distinct words a thread's table starts afresh, so memory stays bounded on any input.</summary>
    private const int MaxInterned = 100_000;
    private const int MaxInternedLength = 64;

    // Reports reuse a small vocabulary: each thread keeps one lower-cased string per distinct word, numbered, so tokenising a
    // word it has seen allocates nothing, equal tokens are the same string (cheap to look up), and equal words have equal ids.
    [ThreadStatic] private static Dictionary<string, int>? t_ids;
    // The table looked up by span, made once per table: making it checks the comparer's type, which cost 0.7 % of a run per word.
    [ThreadStatic] private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> t_lookup;
    [ThreadStatic] private static List<string>? t_words;
    [ThreadStatic] private static int t_generation;
    private static int s_generations;

    /// <summary>
    /// This thread's table of words, numbered across all threads and renumbered whenever the table starts afresh (after
    /// which its ids mean other words): ids compare only within one generation.
    /// </summary>
    internal static int Generation
    {
        get
        {
            if (t_ids is null) StartTable();
            return t_generation;
        }
    }

    private static void StartTable()
    {
        t_ids = new Dictionary<string, int>(StringComparer.Ordinal);
        t_lookup = t_ids.GetAlternateLookup<ReadOnlySpan<char>>();
        t_words = new List<string>();
        t_generation = Interlocked.Increment(ref s_generations);
    }

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

    /// <summary>The tokens of a block's text with their spans in the document, made once per block and shared by every rule that reads its words.</summary>
    public static BlockWords Of(Block block) => block.Words ??= BlockWords.Read(block.Text, block.Span.Start);

    /// <summary>
    /// The tokens of <paramref name="text"/>, a stretch of <paramref name="block"/> at <paramref name="span"/> (a sentence,
    /// a field's value): a view into the block's tokens when the text is the block's own at that span and no word runs
    /// across the span's edges, else tokenised afresh. Either way, the tokens <see cref="TokenList"/> gives for the text.
    /// </summary>
    public static WordRun In(Block block, TextSpan span, string text)
    {
        int local = span.Start - block.Span.Start;
        if (local >= 0 && span.End <= block.Span.End && text.Length == span.Length && block.Text.AsSpan(local, span.Length).SequenceEqual(text))
        {
            var words = Of(block);
            int from = words.FirstEndingAfter(span.Start), to = words.FirstEndingAfter(span.End);
            // A word cut by the span's start, or running past its end, is not a whole token of the text: tokenise it afresh.
            bool cutAtStart = from < words.Count && words.Starts[from] < span.Start;
            bool cutAtEnd = to < words.Count && words.Starts[to] < span.End;
            if (!cutAtStart && !cutAtEnd) return new WordRun(words, from, to - from);
        }
        return BlockWords.Read(text, span.Start).All;
    }

    /// <summary>The id of <paramref name="word"/> (in lower case already) in this thread's table, numbering it if new; -1 for a word too long to number.</summary>
    internal static int IdOf(string word)
    {
        Lower(word, 0, word.Length, out int id);
        return id;
    }

    private static readonly System.Buffers.SearchValues<char> LowerAscii = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary><paramref name="text"/>[start, start + length) in lower case, shared with earlier identical words on this thread.</summary>
    private static string Lower(string text, int start, int length) => Lower(text, start, length, out _);

    /// <summary>As <see cref="Lower(string, int, int)"/>, with the word's id on this thread (-1 for a word too long to keep).</summary>
    internal static string Lower(string text, int start, int length, out int id)
    {
        var word = text.AsSpan(start, length);
        if (length > MaxInternedLength)
        {
            id = -1;
            return word.ToString().ToLowerInvariant();
        }
        if (t_ids is null) StartTable();
        var table = t_ids!;
        var words = t_words!;
        var lookup = t_lookup;
        // Most words are lower-case ASCII already: look them up as they stand.
        // (Through SearchValues: under the JIT of .NET 10.0.12, ContainsAnyExceptInRange allocated 96 bytes a call, measured.)
        if (!word.ContainsAnyExcept(LowerAscii) && lookup.TryGetValue(word, out id)) return words[id];
        Span<char> lower = stackalloc char[length];
        // ASCII (nearly every word) is lower-cased by the vectorised ASCII routine; anything else by the invariant culture.
        if (System.Text.Ascii.ToLower(word, lower, out _) != System.Buffers.OperationStatus.Done) word.ToLowerInvariant(lower);
        if (lookup.TryGetValue(lower, out id)) return words[id];
        if (table.Count >= MaxInterned)
        {
            table.Clear();
            words.Clear();
            t_generation = Interlocked.Increment(ref s_generations);
        }
        var s = new string(lower);
        id = words.Count;
        table[s] = id;
        words.Add(s);
        return s;
    }
}

/// <summary>The word tokens of one text (a block's, usually) in order, with their start and end offsets in the document.</summary>
public sealed class BlockWords
{
    private BlockWords(string[] tokens, int[] ids, int[] starts, int[] ends, int generation)
    {
        Tokens = tokens;
        Ids = ids;
        Starts = starts;
        Ends = ends;
        Generation = generation;
    }

    public string[] Tokens { get; }
    /// <summary>Each token's word id on the thread that read it (-1 for a word too long to number); equal words, equal ids.</summary>
    public int[] Ids { get; }
    public int[] Starts { get; }
    public int[] Ends { get; }
    /// <summary>The <see cref="Words.Generation"/> the ids belong to (unique to one thread's table), or -1 when the table started afresh while reading.</summary>
    public int Generation { get; }
    public int Count => Tokens.Length;
    /// <summary>All the tokens, as a run.</summary>
    public WordRun All => new(this, 0, Count);

    internal static BlockWords Read(string text, int baseOffset)
    {
        int generation = Words.Generation;
        // One set of growing lists per thread, copied out at their final size: no regrowth per block.
        var (tokens, ids, starts, ends) = t_scratch ??= (new List<string>(), new List<int>(), new List<int>(), new List<int>());
        tokens.Clear();
        ids.Clear();
        starts.Clear();
        ends.Clear();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            tokens.Add(Words.Lower(text, start, i - start, out int id));
            ids.Add(id);
            starts.Add(baseOffset + start);
            ends.Add(baseOffset + i);
        }
        var words = new BlockWords([.. tokens], [.. ids], [.. starts], [.. ends], Words.Generation == generation ? generation : -1);
        tokens.Clear();
        return words;
    }

    [ThreadStatic] private static (List<string>, List<int>, List<int>, List<int>)? t_scratch;

    /// <summary>The index of the first token that ends after <paramref name="offset"/>, or <see cref="Count"/>.</summary>
    internal int FirstEndingAfter(int offset)
    {
        int lo = 0, hi = Ends.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Ends[mid] <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>A run of consecutive tokens of a <see cref="BlockWords"/>: the words of a sentence or a field's value.</summary>
public readonly struct WordRun
{
    private readonly BlockWords _words;
    private readonly int _from;

    internal WordRun(BlockWords words, int from, int count)
    {
        _words = words;
        _from = from;
        Count = count;
    }

    public int Count { get; }
    public ReadOnlySpan<string> Tokens => _words.Tokens.AsSpan(_from, Count);
    public ReadOnlyMemory<string> Memory => _words.Tokens.AsMemory(_from, Count);
    /// <summary>The tokens' word ids (see <see cref="BlockWords.Ids"/>), of generation <see cref="Generation"/>.</summary>
    public ReadOnlyMemory<int> Ids => _words.Ids.AsMemory(_from, Count);
    public int Generation => _words.Generation;
    /// <summary>Where token <paramref name="i"/> of the run starts and ends in the document.</summary>
    public int StartOf(int i) => _words.Starts[_from + i];
    public int EndOf(int i) => _words.Ends[_from + i];
}
