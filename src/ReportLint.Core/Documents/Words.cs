using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
namespace ReportLint.Core.Documents;

/// <summary>The word tokens of a text, as the lexicons and the duplicate check compare them: lower-cased runs of letters and digits.</summary>
public static class Words
{
    /// <summary>Past this many distinct words a thread's table starts afresh, so memory stays bounded on any input.</summary>
    private const int MaxInterned = 100_000;
    private const int MaxInternedLength = 64;

    // Reports reuse a small vocabulary: each thread keeps one lower-cased string per distinct word, numbered, so tokenising a
    // word it has seen allocates nothing, equal tokens are the same string (cheap to look up), and equal words have equal ids.
    [ThreadStatic] private static WordTable? t_table;
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
            if (t_table is null) StartTable();
            return t_generation;
        }
    }

    private static WordTable StartTable()
    {
        t_table = new WordTable();
        t_generation = Interlocked.Increment(ref s_generations);
        return t_table;
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
    public static WordRun In(Block block, TextSpan span, string text) => In(block, span, text.AsSpan(), text);

    /// <summary>As <see cref="In(Block, TextSpan, string)"/>, for a span of text (a statement's <see cref="Claims.Statement.Chars"/>): copied only when tokenised afresh.</summary>
    public static WordRun In(Block block, TextSpan span, ReadOnlySpan<char> text) => In(block, span, text, null);

    private static WordRun In(Block block, TextSpan span, ReadOnlySpan<char> text, string? asString)
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
        return BlockWords.Read(asString ?? text.ToString(), span.Start).All;
    }

    /// <summary>The id of <paramref name="word"/> (in lower case already) in this thread's table, numbering it if new; -1 for a word too long to number.</summary>
    internal static int IdOf(string word)
    {
        Lower(word, 0, word.Length, out int id);
        return id;
    }

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
        // A short ASCII word (most tokens) is first looked for in the table's cache of them, by the number its lower-cased
        // characters pack into.
        if (WordTable.TryPackShortAscii(word, out ulong packed))
        {
            var table = t_table ?? StartTable();
            id = table.FindShort(packed);
            if (id >= 0) return table[id];
            string interned = Intern(word, WordTable.HashAscii(word), ascii: true, out id);
            // Interning may have started a new table: the id is the current table's.
            t_table!.RememberShort(packed, id);
            return interned;
        }
        // ASCII (nearly every word) is lower-cased and hashed in one pass, without a copy; anything else is lower-cased by
        // the invariant culture first.
        if (WordTable.TryHashAscii(word, out int hash)) return Intern(word, hash, ascii: true, out id);
        Span<char> lower = stackalloc char[length];
        word.ToLowerInvariant(lower);
        return Intern(lower, WordTable.Hash(lower), ascii: false, out id);
    }

    /// <summary>This thread's table of words (see <see cref="Generation"/>).</summary>
    internal static WordTable Table => t_table ?? StartTable();

    /// <summary>
    /// As <see cref="Lower(string, int, int, out int)"/> for a word of ASCII letters and digits that <see cref="Table"/>'s
    /// cache of short words did not hold (or too long for it), given its last 8 characters lower-cased and packed a byte
    /// each as the scan made them (see <see cref="WordTable.TryPackShortAscii"/>; the whole word when it is no longer).
    /// Interning may start a new table: the caller reads <see cref="Table"/> again.
    /// </summary>
    internal static string LowerAscii(string text, int start, int length, ulong packed, out int id)
    {
        if (length > MaxInternedLength) return Lower(text, start, length, out id);
        var word = text.AsSpan(start, length);
        string interned = Intern(word, WordTable.HashAscii(word), ascii: true, out id);
        // The id is the current table's.
        if (length <= 8) t_table!.RememberShort(packed, id);
        else if (length <= 16) t_table!.RememberMedium(BlockWords.FirstEight(text, start), packed, length, id);
        return interned;
    }

    /// <summary>The shared string and id of a word given as <paramref name="word"/> (in lower case unless <paramref name="ascii"/>, which lower-cases ASCII letters as it compares).</summary>
    private static string Intern(ReadOnlySpan<char> word, int hash, bool ascii, out int id)
    {
        var table = t_table ?? StartTable();
        id = table.Find(word, hash, ascii);
        if (id >= 0) return table[id];
        // A full table starts afresh (a new generation): memory stays bounded on any input.
        if (table.Count >= MaxInterned) table = StartTable();
        string s = ascii ? LowerAsciiString(word) : new string(word);
        id = table.Add(s, hash);
        return s;
    }

    private static string LowerAsciiString(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[word.Length];
        System.Text.Ascii.ToLower(word, lower, out _);
        return new string(lower);
    }
}

/// <summary>
/// One thread's words in lower case, numbered in order of first sight: an open-addressing hash table over the numbers,
/// looked up by a span whose ASCII letters it lower-cases as it compares (so a word needs no lower-cased copy to be found).
/// </summary>
internal sealed class WordTable
{
    // Two ints per slot: the id + 1 of the word there (0 for none) and its hash, side by side so that a probe reads one
    // cache line before it compares a word.
    private int[] _slots = new int[2 * 1024];
    private string[] _words = new string[1024];
    private int[] _hashes = new int[1024];
    private int _count;

    public int Count => _count;
    public string this[int id] => _words[id];

    /// <summary>The hash <see cref="Find"/> and <see cref="Add"/> take: of the word's characters in lower case (FNV-1a, then mixed so that its low bits depend on every character).</summary>
    public static int Hash(ReadOnlySpan<char> lower)
    {
        uint h = 2166136261;
        foreach (char c in lower) h = (h ^ c) * 16777619;
        return Mix(h);
    }

    // A direct-mapped cache in front of the table for words of up to 8 ASCII letters and digits, each packed into a number
    // a byte a character (in lower case; never 0, as no token character is): a word found here is neither hashed nor
    // compared with its string, two memory reads the table's size makes slow. A word another one displaced is looked up
    // in the table again.
    private const int ShortSlotsLog = 13;
    private readonly ulong[] _shortKeys = new ulong[1 << ShortSlotsLog];
    private readonly int[] _shortIds = new int[1 << ShortSlotsLog];

    /// <summary>The number <paramref name="word"/> packs into, in lower case, when it is up to 8 ASCII characters.</summary>
    public static bool TryPackShortAscii(ReadOnlySpan<char> word, out ulong packed)
    {
        packed = 0;
        if (word.Length > 8) return false;
        foreach (char c in word)
        {
            if (c >= 128) return false;
            packed = packed << 8 | (char.IsAsciiLetterUpper(c) ? (uint)(c | 0x20) : c);
        }
        return true;
    }

    private static int ShortSlot(ulong packed) => (int)((packed * 0x9E3779B97F4A7C15UL) >> (64 - ShortSlotsLog));

    /// <summary>The id of the short word packed into <paramref name="packed"/> if the cache holds it, else -1.</summary>
    public int FindShort(ulong packed)
    {
        int slot = ShortSlot(packed);
        return _shortKeys[slot] == packed ? _shortIds[slot] : -1;
    }

    public void RememberShort(ulong packed, int id)
    {
        int slot = ShortSlot(packed);
        _shortKeys[slot] = packed;
        _shortIds[slot] = id;
    }

    // The same for words of 9 to 16 ASCII letters and digits, keyed by their first and last 8 characters packed (which
    // overlap, and together with the length are the whole word: a key found is the word, with no string to compare).
    private const int MediumSlotsLog = 12;
    private readonly ulong[] _mediumKeys = new ulong[2 << MediumSlotsLog];
    private readonly int[] _mediumIds = new int[1 << MediumSlotsLog];

    private static int MediumSlot(ulong first, ulong last, int length) =>
        (int)(((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length) >> (64 - MediumSlotsLog));

    /// <summary>The id of the word of <paramref name="length"/> (9 to 16) packed as <paramref name="first"/> and <paramref name="last"/> 8 characters if the cache holds it, else -1.</summary>
    public int FindMedium(ulong first, ulong last, int length)
    {
        int slot = MediumSlot(first, last, length);
        int entry = _mediumIds[slot];
        // The entry is (id + 1) * 32 + length: 0 for an empty slot.
        return (entry & 31) == length && _mediumKeys[2 * slot] == first && _mediumKeys[2 * slot + 1] == last ? (entry >> 5) - 1 : -1;
    }

    public void RememberMedium(ulong first, ulong last, int length, int id)
    {
        int slot = MediumSlot(first, last, length);
        _mediumKeys[2 * slot] = first;
        _mediumKeys[2 * slot + 1] = last;
        _mediumIds[slot] = (id + 1) << 5 | length;
    }

    /// <summary>The <see cref="Hash"/> of an all-ASCII <paramref name="word"/> in lower case.</summary>
    public static int HashAscii(ReadOnlySpan<char> word)
    {
        TryHashAscii(word, out int hash);
        return hash;
    }

    /// <summary>The <see cref="Hash"/> of <paramref name="word"/> in lower case when it is all ASCII; false (no hash) otherwise.</summary>
    public static bool TryHashAscii(ReadOnlySpan<char> word, out int hash)
    {
        uint h = 2166136261;
        foreach (char c in word)
        {
            if (c >= 128) { hash = 0; return false; }
            h = (h ^ (char.IsAsciiLetterUpper(c) ? (uint)(c | 0x20) : c)) * 16777619;
        }
        hash = Mix(h);
        return true;
    }

    // FNV-1a's multiplications carry only upward: its low bits, which pick the slot, would depend on the characters' low bits alone.
    private static int Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        return (int)h;
    }

    /// <summary>The id of <paramref name="word"/>, or -1; with <paramref name="ascii"/>, its ASCII capitals compare as small letters.</summary>
    public int Find(ReadOnlySpan<char> word, int hash, bool ascii)
    {
        var slots = _slots;
        int mask = (slots.Length >> 1) - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int entry = slots[2 * slot];
            if (entry == 0) return -1;
            if (slots[2 * slot + 1] == hash && Same(_words[entry - 1], word, ascii)) return entry - 1;
        }
    }

    private static bool Same(string known, ReadOnlySpan<char> word, bool ascii)
    {
        if (known.Length != word.Length) return false;
        if (!ascii) return word.SequenceEqual(known);
        return System.Text.Ascii.EqualsIgnoreCase(word, known);
    }

    /// <summary>Numbers <paramref name="word"/> (in lower case, not yet in the table) and returns its id.</summary>
    public int Add(string word, int hash)
    {
        int id = _count++;
        if (id == _words.Length)
        {
            Array.Resize(ref _words, 2 * id);
            Array.Resize(ref _hashes, 2 * id);
        }
        _words[id] = word;
        _hashes[id] = hash;
        // At most half full, so that probes stay short.
        if (_count * 2 > _slots.Length >> 1) Grow();
        else Place(id);
        return id;
    }

    private void Place(int id)
    {
        int mask = (_slots.Length >> 1) - 1, hash = _hashes[id], slot = hash & mask;
        while (_slots[2 * slot] != 0) slot = (slot + 1) & mask;
        _slots[2 * slot] = id + 1;
        _slots[2 * slot + 1] = hash;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (int id = 0; id < _count; id++) Place(id);
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
        // One set of growing arrays per thread, copied out at their final size: no regrowth per block.
        var scratch = t_scratch ??= new Scratch();
        int count = 0, i = 0, n = text.Length;
        var asciiTokenChars = AsciiTokenChars;
        var table = Words.Table;
        // Where whole words of ASCII letters and digits can be read 64 characters at a time: a window of the text, with a
        // bit per character for the letters and digits and one for the characters past ASCII. A word is then found by
        // counting bits, with no branch per character (the branch at each word's end was mispredicted at every word).
        ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        int window = -1;
        ulong letters = 0, other = 0;
        while (i < n)
        {
            int start;
            string token;
            int id;
            if (Vector128.IsHardwareAccelerated && n - i >= 64)
            {
                if (window < 0 || i >= window + 64) Classify(ref chars, window = i, out letters, out other);
                int at = i - window;
                ulong ahead = (letters | other) >> at;
                if (ahead == 0)
                {
                    // Nothing but ASCII separators to the window's end.
                    i = window + 64;
                    continue;
                }
                at += BitOperations.TrailingZeroCount(ahead);
                // A word of ASCII letters and digits here (or none, where a character past ASCII comes first).
                int length = BitOperations.TrailingZeroCount(~(letters >> at));
                if (at + length == 64)
                {
                    // The word may go on past the window: a new window from its start, unless it began this one (a word of
                    // 64 characters or more), which is read the other way.
                    i = window + at;
                    if (at == 0 || n - i < 64) goto OneAtATime;
                    Classify(ref chars, window = i, out letters, out other);
                    continue;
                }
                start = window + at;
                // A character past ASCII (a word may go on through it, as in "naïve"), and a word within the text's first 8
                // characters (with no 8 characters to load): both the other way, character by character.
                if ((other >> (at + length) & 1) != 0 || start + length < 8)
                {
                    i = start;
                    goto OneAtATime;
                }
                i = start + length;
                // Its last 8 characters (or all of it), lower-cased and packed a byte each, first character highest, as the
                // loop below packs them.
                ulong packed = PackedEight(ref chars, i - 8);
                if (length < 8) packed &= ulong.MaxValue >> (64 - 8 * length);
                if (length <= 8 && (id = table.FindShort(packed)) >= 0) token = table[id];
                else if (length is > 8 and <= 16 && (id = table.FindMedium(PackedEight(ref chars, start), packed, length)) >= 0) token = table[id];
                else
                {
                    token = Words.LowerAscii(text, start, length, packed, out id);
                    table = Words.Table;
                }
                goto Add;
            }
        OneAtATime:
            char c = text[i];
            start = i;
            if (c < 128)
            {
                byte lower = asciiTokenChars[c];
                if (lower == 0) { i++; continue; }
                // An ASCII word is scanned, lower-cased and packed in one pass: a short one (most words) is found in the
                // table's cache without reading its characters again, one of 9 to 16 characters by reading its first 8
                // again. Only a word the caches miss is hashed.
                ulong packed = 0;
                while (true)
                {
                    packed = packed << 8 | lower;
                    if (++i == n || (c = text[i]) >= 128 || (lower = asciiTokenChars[c]) == 0) break;
                }
                if (i < n && c >= 128 && char.IsLetterOrDigit(c))
                {
                    // The word goes on past ASCII: read it whole, the general way.
                    while (i < n && char.IsLetterOrDigit(text[i])) i++;
                    token = Words.Lower(text, start, i - start, out id);
                    table = Words.Table;
                }
                else if (i - start <= 8 && (id = table.FindShort(packed)) >= 0) token = table[id];
                else if (i - start is > 8 and <= 16 && (id = table.FindMedium(FirstEight(text, start), packed, i - start)) >= 0) token = table[id];
                else
                {
                    token = Words.LowerAscii(text, start, i - start, packed, out id);
                    table = Words.Table;
                }
            }
            else
            {
                if (!char.IsLetterOrDigit(c)) { i++; continue; }
                while (i < n && char.IsLetterOrDigit(text[i])) i++;
                token = Words.Lower(text, start, i - start, out id);
                table = Words.Table;
            }
        Add:
            if (count == scratch.Tokens.Length) scratch.Grow();
            scratch.Tokens[count] = token;
            scratch.Ids[count] = id;
            scratch.Starts[count] = baseOffset + start;
            scratch.Ends[count] = baseOffset + i;
            count++;
        }
        var words = new BlockWords(scratch.Tokens.AsSpan(0, count).ToArray(), scratch.Ids.AsSpan(0, count).ToArray(),
            scratch.Starts.AsSpan(0, count).ToArray(), scratch.Ends.AsSpan(0, count).ToArray(),
            Words.Generation == generation ? generation : -1);
        // Long words are not interned: the scratch must not keep them alive, nor keep a giant block's arrays.
        if (scratch.Tokens.Length > MaxKeptScratch) t_scratch = null;
        else Array.Clear(scratch.Tokens, 0, count);
        return words;
    }

    /// <summary>
    /// For the 64 characters at <paramref name="from"/>: a bit per ASCII letter or digit in <paramref name="letters"/>, and
    /// one per character past ASCII in <paramref name="other"/> (bit k for character from + k). Sixteen characters at a
    /// time, as bytes (a byte's top bit is what the processor gathers into a mask in one instruction).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify(ref ushort chars, int from, out ulong letters, out ulong other)
    {
        letters = 0;
        other = 0;
        for (int k = 0; k < 64; k += 16)
        {
            var low = Vector128.LoadUnsafe(ref chars, (nuint)(from + k));
            var high = Vector128.LoadUnsafe(ref chars, (nuint)(from + k + 8));
            // 0xFF for each ASCII character; the others' bytes (cut to their low 8 bits) are then left out of the letters.
            var ascii = Vector128.Narrow(
                Vector128.Equals(low >>> 7, Vector128<ushort>.Zero), Vector128.Equals(high >>> 7, Vector128<ushort>.Zero));
            var bytes = Vector128.Narrow(low, high);
            // Lower-cased by setting 0x20 (digits have it already).
            var letter = Vector128.LessThan((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26));
            var digit = Vector128.LessThan(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)10));
            letters |= (ulong)((letter | digit) & ascii).ExtractMostSignificantBits() << k;
            other |= (ulong)(~ascii).ExtractMostSignificantBits() << k;
        }
    }

    /// <summary>The 8 characters at <paramref name="from"/> (ASCII letters and digits), lower-cased and packed a byte each, first highest: <see cref="FirstEight"/>.</summary>
    private static ulong PackedEight(ref ushort chars, int from)
    {
        var v = Vector128.LoadUnsafe(ref chars, (nuint)from) | Vector128.Create((ushort)0x20);
        return BinaryPrimitives.ReverseEndianness(Vector128.Narrow(v, v).AsUInt64().ToScalar());
    }

    /// <summary>The first 8 characters at <paramref name="start"/> (ASCII letters and digits), lower-cased and packed a byte each.</summary>
    internal static ulong FirstEight(string text, int start)
    {
        ulong packed = 0;
        var asciiTokenChars = AsciiTokenChars;
        for (int k = start; k < start + 8; k++) packed = packed << 8 | asciiTokenChars[text[k]];
        return packed;
    }

    /// <summary>Per ASCII character: its lower-case form if it belongs in a token (a letter or digit), else 0.</summary>
    internal static ReadOnlySpan<byte> AsciiTokenChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];

    private const int MaxKeptScratch = 1 << 16;

    private sealed class Scratch
    {
        public string[] Tokens = new string[256];
        public int[] Ids = new int[256], Starts = new int[256], Ends = new int[256];

        public void Grow()
        {
            int size = Tokens.Length * 2;
            Array.Resize(ref Tokens, size);
            Array.Resize(ref Ids, size);
            Array.Resize(ref Starts, size);
            Array.Resize(ref Ends, size);
        }
    }

    [ThreadStatic] private static Scratch? t_scratch;

    /// <summary>The index of the first token that ends after <paramref name="offset"/>, or <see cref="Count"/>.</summary>
    internal int FirstEndingAfter(int offset)
    {
        // A block's sentences ask in document order: the search gallops forward from the last answer, so that each costs
        // steps in the distance to the next one rather than in the block's length. (A stale hint only costs steps.)
        var ends = Ends;
        int n = ends.Length, hint = Math.Min(_hint, n), lo, hi;
        if (hint > 0 && ends[hint - 1] > offset)
        {
            lo = 0;
            hi = hint - 1;
        }
        else
        {
            // Every token before lo ends at or before the offset; widen hi until the token there ends after it.
            lo = hint;
            hi = hint;
            for (int step = 1; hi < n && ends[hi] <= offset; step <<= 1)
            {
                lo = hi + 1;
                hi = Math.Min(n, hi + step);
            }
        }
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) lo = mid + 1;
            else hi = mid;
        }
        _hint = lo;
        return lo;
    }

    private int _hint;
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
