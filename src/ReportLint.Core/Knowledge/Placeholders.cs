using System.Buffers;
using System.Text.RegularExpressions;
using ReportLint.Core.Documents;

namespace ReportLint.Core.Knowledge;

/// <summary>One kind of unfilled template text (rules/placeholders.yaml).</summary>
/// <param name="Requires">Strings one of which (ignoring case) is inside every match, or empty: text that contains none of
/// them is not searched. A vectorised search for "??" is far cheaper than running a regex whose match can begin at any "e".</param>
/// <param name="Prefilter">A cheaper pattern that matches inside every match of this one, or null: text where it finds
/// nothing is not searched. It begins with a rarer character than the pattern can ("x" rather than the "U" of "USD"), and
/// a lookbehind checks what must come before.</param>
public sealed record PlaceholderPattern(string Id, Regex Regex, string MessageTemplate, IReadOnlyList<string> Requires, Regex? Prefilter = null)
{
    public PlaceholderPattern(string id, Regex regex, string messageTemplate) : this(id, regex, messageTemplate, []) { }

    public string MessageFor(string match) => MessageTemplate.Replace("{match}", match, StringComparison.Ordinal);

    /// <summary>False when <paramref name="text"/> lacks every string the pattern requires, or its prefilter finds nothing there, so that it cannot match there.</summary>
    public bool CanMatchIn(string text)
    {
        if (Prefilter is not null && !PrefilterAllows(text)) return false;
        if (Requires.Count == 0) return true;
        foreach (var required in Requires)
            if (Placeholders.Contains(text, required)) return true;
        return false;
    }

    /// <summary>False when the prefilter finds nothing in <paramref name="text"/>; true when it finds something, when there is
    /// none, and when it runs out of time (then the pattern itself decides).</summary>
    internal bool PrefilterAllows(string text)
    {
        try
        {
            return Prefilter is null || Prefilter.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}

/// <summary>One entry of rules/placeholders.yaml as written.</summary>
public sealed record PlaceholderSpec(string Id, string Pattern, bool IgnoreCase, string Message, IReadOnlyList<string> Requires, string? Prefilter = null);

public readonly record struct PlaceholderMatch(PlaceholderPattern Pattern, TextSpan Span, string Text)
{
    public string Message => Pattern.MessageFor(Text);
}

/// <summary>
/// Unfilled template patterns, most specific first. They are ReportLint's own reviewed patterns (tested against
/// hostile input in PlaceholderPatternTests), run by the backtracking interpreter with a match timeout: a pattern that
/// times out on some text is skipped for that text rather than stalling the run.
/// </summary>
public sealed class Placeholders
{
    public Placeholders(IReadOnlyList<PlaceholderPattern> patterns)
    {
        Patterns = patterns;
        _patterns = [.. patterns];
        // Patterns share required strings ("x", "["): each is looked for once per text.
        _required = patterns.SelectMany(p => p.Requires).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _search = _required.Select(r => r.Length > 1 ? SearchValues.Create([r], StringComparison.OrdinalIgnoreCase) : null).ToArray();
        _requiredBy = patterns.Select(p => p.Requires.Select(r => Array.FindIndex(_required, q => q.Equals(r, StringComparison.OrdinalIgnoreCase))).ToArray()).ToArray();
        // Required strings that begin with an ASCII symbol ("#", "[", "{{", "??") are looked for together, in one pass that
        // stops at those symbols only: they are rare in prose, and most are in no report at all, so that separate searches
        // each read the whole text. Those that begin with a letter ("here", "x") stay separate searches: letters are
        // everywhere, and a pass stopping at each would cost more than it saves.
        _bySymbol = new int[128][];
        _symbolLed = new bool[_required.Length];
        var symbols = new List<char>();
        for (int r = 0; r < _required.Length; r++)
        {
            char first = _required[r][0];
            if (first >= 128 || char.IsAsciiLetterOrDigit(first) || _required[r].Any(c => c >= 128 || char.IsAsciiLetter(c))) continue;
            if (_bySymbol[first] is null) symbols.Add(first);
            _bySymbol[first] = [.. _bySymbol[first] ?? [], r];
            _symbolLed[r] = true;
        }
        _symbols = SearchValues.Create(symbols.ToArray());
        // Required strings of ASCII letters and digits alone ("lorem", "tbd", "here"): each occurrence lies inside one word
        // token, so the tokens a report's blocks already have tell which are present (see AbsentFrom(blocks)).
        _wordOnly = [.. Enumerable.Range(0, _required.Length).Where(r => _required[r].All(char.IsAsciiLetterOrDigit)).Take(64)];
        _wordOnlyLower = [.. _wordOnly.Select(r => _required[r].ToLowerInvariant())];
        _isWordOnly = new bool[_required.Length];
        foreach (int r in _wordOnly) _isWordOnly[r] = true;
    }

    // The required strings made of ASCII letters and digits alone (at most 64), lower-cased, and which they are.
    private readonly int[] _wordOnly;
    private readonly string[] _wordOnlyLower;
    private readonly bool[] _isWordOnly;

    // Per ASCII symbol: the required strings that begin with it (those with no letters, whose case does not matter), or null.
    private readonly int[]?[] _bySymbol;
    private readonly bool[] _symbolLed;
    private readonly SearchValues<char> _symbols;

    private readonly string[] _required;
    private readonly int[][] _requiredBy;
    // A vectorised search per required string of two or more characters (string.Contains ignoring case is a scalar loop here).
    private readonly SearchValues<string>?[] _search;

    public IReadOnlyList<PlaceholderPattern> Patterns { get; }
    // The same as an array, for the loop over every pattern in every block.
    private readonly PlaceholderPattern[] _patterns;

    /// <summary>Whether <paramref name="text"/> contains <paramref name="value"/>, ignoring case; a single character is looked for as a character.</summary>
    internal static bool Contains(ReadOnlySpan<char> text, string value)
    {
        if (value.Length != 1) return text.Contains(value, StringComparison.OrdinalIgnoreCase);
        char lower = char.ToLowerInvariant(value[0]), upper = char.ToUpperInvariant(value[0]);
        return lower == upper ? text.Contains(lower) : text.IndexOfAny(lower, upper) >= 0;
    }

    /// <summary>
    /// Which of the patterns' required strings none of <paramref name="texts"/> holds (2 for those, 0 for the rest), for
    /// <see cref="Find(string, int, ReadOnlySpan{byte})"/> to skip in each of them. A report's blocks are searched together,
    /// a chunk of them at a time: nearly every required string is in no block, and one search over 64 KB costs far less
    /// than one call per block of a few hundred characters.
    /// </summary>
    public byte[] AbsentFrom(IEnumerable<string> texts)
    {
        var absent = new byte[_required.Length];
        absent.AsSpan().Fill(2);
        MarkPresent(texts, absent, _required.Length, null);
        return absent;
    }

    /// <summary>
    /// As <see cref="AbsentFrom(IEnumerable{string})"/> for the texts of <paramref name="blocks"/>, with the required strings
    /// of ASCII letters and digits found through the blocks' word tokens: an occurrence of such a string, ignoring case, is
    /// a run of ASCII letters and digits inside one maximal run of letters and digits, which is one token, lower-cased
    /// character by character. (A block holding one of <see cref="AsciiLookalikes"/> is searched as text.) Each distinct
    /// word is checked once per thread, by its id: a report's words then cost a read each, where each string cost a search
    /// of the whole report.
    /// </summary>
    public byte[] AbsentFrom(IReadOnlyList<Block> blocks)
    {
        var absent = new byte[_required.Length];
        absent.AsSpan().Fill(2);
        int left = _required.Length;
        List<string>? otherTexts = null;
        ulong found = 0;
        foreach (var block in blocks)
        {
            if (block.Text.AsSpan().ContainsAny(AsciiLookalikes))
            {
                (otherTexts ??= new()).Add(block.Text);
                continue;
            }
            var words = Words.Of(block);
            found |= WordOnlyIn(words.Tokens, words.Ids, words.Generation);
        }
        for (int w = 0; w < _wordOnly.Length; w++)
            if ((found >> w & 1) != 0)
            {
                absent[_wordOnly[w]] = 0;
                left--;
            }
        // The others in every block's text; the word-only strings still absent in the texts past ASCII.
        left = MarkPresent(blocks.Select(b => b.Text), absent, left, _isWordOnly, skip: true);
        if (otherTexts is not null) MarkPresent(otherTexts, absent, left, _isWordOnly, skip: false);
        return absent;
    }

    /// <summary>
    /// The characters past ASCII that a search ignoring case may take for an ASCII letter (the dotted and dotless i, the long
    /// s, the Kelvin sign) while their lower-cased token does not hold that letter: a block with one is searched as text.
    /// </summary>
    private static readonly SearchValues<char> AsciiLookalikes = SearchValues.Create("\u0130\u0131\u017F\u212A");

    /// <summary>Which word-only required strings (a bit each, in <c>_wordOnly</c> order) the tokens contain.</summary>
    private ulong WordOnlyIn(string[] tokens, int[] ids, int generation)
    {
        var known = generation >= 0 ? WordOnlyById.For(this, generation) : null;
        ulong found = 0;
        for (int i = 0; i < tokens.Length; i++)
            found |= known is not null && ids[i] >= 0 ? known.Of(tokens[i], ids[i]) : WordOnlyOf(tokens[i]);
        return found;
    }

    private ulong WordOnlyOf(string token)
    {
        ulong mask = 0;
        for (int w = 0; w < _wordOnlyLower.Length; w++)
            if (token.Contains(_wordOnlyLower[w], StringComparison.Ordinal)) mask |= 1UL << w;
        return mask;
    }

    /// <summary>Per thread and set of patterns, for the words the tokeniser has numbered: each word's word-only strings, + 1 (0: not looked at yet).</summary>
    private sealed class WordOnlyById(Placeholders owner)
    {
        private readonly WordIdMemo<ulong> _masks = new();

        [ThreadStatic] private static WordOnlyById? t_known;

        public static WordOnlyById For(Placeholders owner, int generation)
        {
            var known = t_known is { } kept && ReferenceEquals(kept._owner, owner) ? kept : t_known = new WordOnlyById(owner);
            known._masks.Use(generation);
            return known;
        }

        private readonly Placeholders _owner = owner;

        public ulong Of(string token, int id)
        {
            ref ulong mask = ref _masks[id];
            // The mask + 1 wraps to 0 only for a word holding all 64 strings, which is then looked at again each time.
            if (mask == 0) mask = _owner.WordOnlyOf(token) + 1;
            return mask - 1;
        }
    }

    /// <summary>
    /// Marks the required strings <paramref name="texts"/> hold (of those <paramref name="only"/> selects, or leaves out when
    /// <paramref name="skip"/>; all when it is null), searching the texts together, a chunk at a time; returns how many are
    /// still absent.
    /// </summary>
    private int MarkPresent(IEnumerable<string> texts, byte[] absent, int left, bool[]? only, bool skip = false)
    {
        var chunk = t_chunk ??= new char[ChunkLength];
        int used = 0;
        foreach (var text in texts)
        {
            if (left == 0) break;
            if (text.Length >= chunk.Length)
            {
                left = MarkPresent(text, absent, left, only, skip);
                continue;
            }
            if (used + text.Length + 1 > chunk.Length)
            {
                left = MarkPresent(chunk.AsSpan(0, used), absent, left, only, skip);
                used = 0;
            }
            // A line break between texts: no required string spans one, so none is found across two texts.
            text.CopyTo(chunk.AsSpan(used));
            used += text.Length;
            chunk[used++] = '\n';
        }
        if (used > 0 && left > 0) left = MarkPresent(chunk.AsSpan(0, used), absent, left, only, skip);
        return left;
    }

    private const int ChunkLength = 1 << 15;
    [ThreadStatic] private static char[]? t_chunk;

    /// <summary>Clears <paramref name="absent"/> for each required string <paramref name="text"/> holds; returns how many are still absent.</summary>
    private int MarkPresent(ReadOnlySpan<char> text, byte[] absent, int left, bool[]? only, bool skip)
    {
        // Whether required string r is looked for in this pass.
        bool Wanted(int r) => absent[r] == 2 && (only is null || only[r] != skip);
        // The symbol-led strings still absent, in one pass over the symbols that begin them.
        int symbolsLeft = 0;
        for (int r = 0; r < _required.Length; r++)
            if (_symbolLed[r] && Wanted(r)) symbolsLeft++;
        for (int i = 0; symbolsLeft > 0;)
        {
            int at = text[i..].IndexOfAny(_symbols);
            if (at < 0) break;
            at += i;
            foreach (int r in _bySymbol[text[at]]!)
                if (Wanted(r) && text[at..].StartsWith(_required[r], StringComparison.Ordinal))
                {
                    absent[r] = 0;
                    left--;
                    symbolsLeft--;
                }
            i = at + 1;
        }
        for (int r = 0; r < _required.Length; r++)
            if (!_symbolLed[r] && Wanted(r) && Holds(text, r))
            {
                absent[r] = 0;
                left--;
            }
        return left;
    }

    private bool Holds(ReadOnlySpan<char> text, int r) => _search[r] is { } search ? text.ContainsAny(search) : Contains(text, _required[r]);

    /// <summary>Placeholders in <paramref name="text"/>; where matches overlap, only the earliest-listed pattern's is kept.</summary>
    public IReadOnlyList<PlaceholderMatch> Find(string text, int baseOffset = 0) => Find(text, baseOffset, default);

    /// <summary>As <see cref="Find(string, int)"/>, skipping the required strings <paramref name="absent"/> (from <see cref="AbsentFrom"/>) says the text lacks.</summary>
    public IReadOnlyList<PlaceholderMatch> Find(string text, int baseOffset, ReadOnlySpan<byte> absent)
    {
        var kept = new List<PlaceholderMatch>();
        // Per required string: 0 not looked for yet, 1 present, 2 absent.
        Span<byte> present = _required.Length <= 256 ? stackalloc byte[_required.Length] : new byte[_required.Length];
        if (absent.Length == present.Length) absent.CopyTo(present);
        else present.Clear();
        for (int p = 0; p < _patterns.Length; p++)
        {
            var pattern = _patterns[p];
            if (!CanMatch(text, _requiredBy[p], present)) continue;
            if (!pattern.PrefilterAllows(text)) continue;
            IEnumerable<Match> matches;
            try { matches = pattern.Regex.Matches(text).ToList(); }
            catch (RegexMatchTimeoutException) { continue; }
            foreach (var m in matches)
            {
                if (m.Length == 0) continue;
                var span = new TextSpan(baseOffset + m.Index, baseOffset + m.Index + m.Length);
                if (kept.Any(k => k.Span.Overlaps(span))) continue;
                kept.Add(new PlaceholderMatch(pattern, span, m.Value));
            }
        }
        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }

    private bool CanMatch(string text, int[] required, Span<byte> present)
    {
        if (required.Length == 0) return true;
        foreach (int r in required)
        {
            if (present[r] == 0) present[r] = Holds(text, r) ? (byte)1 : (byte)2;
            if (present[r] == 1) return true;
        }
        return false;
    }

    // Lazy<T>: thread-safe, so files linted in parallel share one instance. The built-in patterns are compiled into the
    // assembly as source-generated regexes (BuiltInData.g.cs): no construction cost, and several times the interpreter's speed.
    private static readonly Lazy<Placeholders> _builtIn = new(() => new Placeholders(BuiltInData.Placeholders()));
    public static Placeholders BuiltIn => _builtIn.Value;

    /// <summary>Compiles the patterns of <paramref name="data"/> (interpreted, with a match timeout).</summary>
    public static Placeholders Load(YamlData data) =>
        new(Read(data).Select(s => new PlaceholderPattern(s.Id, new Regex(s.Pattern, Options(s.IgnoreCase), MatchTimeout), s.Message, s.Requires,
            s.Prefilter is null ? null : new Regex(s.Prefilter, Options(s.IgnoreCase), MatchTimeout))).ToList());

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public static RegexOptions Options(bool ignoreCase) => RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);

    /// <summary>The entries of placeholders.yaml, each pattern checked to compile (an error names the file and line).</summary>
    public static IReadOnlyList<PlaceholderSpec> Read(YamlData data)
    {
        var root = data.Map(data.Root, "placeholders.yaml");
        var list = YamlData.Get(root, "placeholders") ?? throw data.Error(root, "placeholders.yaml needs a 'placeholders' list");
        var patterns = new List<PlaceholderSpec>();
        foreach (var node in data.Seq(list, "placeholders").Children)
        {
            var entry = data.Map(node, "a placeholder");
            string id = data.RequiredString(entry, "id", "a placeholder");
            if (patterns.Any(p => p.Id == id)) throw data.Error(entry, $"placeholder id '{id}' is used twice");
            var patternNode = YamlData.Get(entry, "pattern") ?? throw data.Error(entry, $"placeholder '{id}' needs 'pattern'");
            string pattern = data.Scalar(patternNode, "pattern");
            bool ignoreCase = !data.Bool(entry, "caseSensitive");
            data.TrustedRegex(patternNode, pattern, ignoreCase);
            var requires = data.StringList(entry, "requires");
            if (requires.Any(string.IsNullOrEmpty)) throw data.Error(entry, $"placeholder '{id}': 'requires' lists an empty string, which every text contains");
            string? prefilter = null;
            if (YamlData.Get(entry, "prefilter") is { } prefilterNode)
            {
                prefilter = data.Scalar(prefilterNode, "prefilter");
                if (prefilter.Length == 0) throw data.Error(entry, $"placeholder '{id}': 'prefilter' is empty, which every text matches");
                data.TrustedRegex(prefilterNode, prefilter, ignoreCase);
            }
            patterns.Add(new PlaceholderSpec(id, pattern, ignoreCase, data.RequiredString(entry, "message", $"placeholder '{id}'"), requires, prefilter));
        }
        return patterns;
    }
}
