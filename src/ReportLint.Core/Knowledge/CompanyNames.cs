namespace ReportLint.Core.Knowledge;

/// <summary>rules/companies.yaml as read.</summary>
public sealed record CompanyNamesData(IReadOnlyList<string> LegalSuffixes, IReadOnlyList<string> TrailingWords, IReadOnlyList<string> LeadingWords,
    IReadOnlyList<string> Cues, IReadOnlyList<string> ListTerminators);

/// <summary>
/// How to read company names the way a reader does (rules/companies.yaml): "Netflix, Inc." is Netflix,
/// "Tencent Holdings Ltd." is Tencent; and the phrases that introduce company names in prose ("players like").
/// </summary>
public sealed class CompanyNames
{
    private readonly string[] _suffixes;
    // Per upper-case ASCII character: the suffixes a name ending in it can end with (see SuffixesThatCanEnd).
    private readonly string[][] _suffixesEndingIn;
    private readonly HashSet<string> _trailing;
    private readonly HashSet<string> _leading;

    public CompanyNames(IEnumerable<string> legalSuffixes, IEnumerable<string> trailingWords, IEnumerable<string> leadingWords,
        IEnumerable<string> cues, IEnumerable<string> listTerminators)
    {
        _suffixes = legalSuffixes.OrderByDescending(s => s.Length).ToArray();
        // One pass, longest first, so that each list keeps that order.
        var endingIn = new List<string>[128];
        for (int c = 0; c < endingIn.Length; c++) endingIn[c] = new();
        foreach (var s in _suffixes.Where(s => s.Length > 0))
            if (char.IsAscii(s[^1])) endingIn[char.ToUpperInvariant(s[^1])].Add(s);
            else foreach (var list in endingIn) list.Add(s);
        _suffixesEndingIn = [.. endingIn.Select(l => l.ToArray())];
        _trailing = new HashSet<string>(trailingWords, StringComparer.OrdinalIgnoreCase);
        _leading = new HashSet<string>(leadingWords, StringComparer.OrdinalIgnoreCase);
        CueArray = [.. cues.OrderByDescending(c => c.Length)];
        _suffixSet = new HashSet<string>(_suffixes, StringComparer.OrdinalIgnoreCase);
        _suffixUndotted = new HashSet<string>(_suffixes.Select(s => s.TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        AnyCue = Documents.AnyOfSearch.IgnoringCase(Cues);
        ListTerminators = listTerminators.OrderByDescending(t => t.Length).ToList();
    }

    public CompanyNames(CompanyNamesData data) : this(data.LegalSuffixes, data.TrailingWords, data.LeadingWords, data.Cues, data.ListTerminators) { }

    public IReadOnlyList<string> Cues => CueArray;
    /// <summary><see cref="Cues"/> as an array, for the loop over every cue in every statement that holds one.</summary>
    internal string[] CueArray { get; }
    /// <summary>All <see cref="Cues"/> at once, ignoring case: a vectorised search that rules out text naming no company.</summary>
    public System.Buffers.SearchValues<string> AnyCue { get; }
    private readonly HashSet<string> _suffixSet, _suffixUndotted;
    public IReadOnlyList<string> ListTerminators { get; }

    /// <summary>True when the text is only a legal form ("Inc.", "Ltd.") — the tail of "Netflix, Inc." split at its comma.</summary>
    public bool IsLegalSuffix(string text)
    {
        var t = text.Trim();
        return _suffixSet.Contains(t) || _suffixUndotted.Contains(t.TrimEnd('.'));
    }

    /// <summary>Lower-case name tokens with legal forms and filler words removed: "Tencent Holdings Ltd." → [tencent].</summary>
    public IReadOnlyList<string> Normalize(string name)
    {
        var t = name.AsSpan().Trim().TrimEnd(",;.").Trim();
        for (bool changed = true; changed && t.Length > 0;)
        {
            changed = false;
            foreach (var s in SuffixesThatCanEnd(t[^1]))
            {
                if (t.Length > s.Length + 1 && t.EndsWith(s, StringComparison.OrdinalIgnoreCase)
                    && !char.IsLetterOrDigit(t[t.Length - s.Length - 1]))
                {
                    t = t[..^s.Length].TrimEnd(" ,.").Trim();
                    changed = true;
                    break;
                }
            }
        }
        var tokens = new List<string>();
        Span<char> buffer = stackalloc char[256];
        foreach (var range in t.SplitAny(NameSeparators))
        {
            var word = t[range];
            if (word.IsEmpty) continue;
            // Lower-cased before its trailing '+' go, as a string would be.
            char[]? rented = word.Length > buffer.Length ? System.Buffers.ArrayPool<char>.Shared.Rent(word.Length) : null;
            var lower = (rented ?? buffer)[..word.ToLowerInvariant(rented ?? buffer)].TrimEnd('+');
            if (!lower.IsEmpty) tokens.Add(new string(lower));
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
        while (tokens.Count > 1 && _leading.Contains(tokens[0])) tokens.RemoveAt(0);
        while (tokens.Count > 2 && _trailing.Contains(tokens[^1])) tokens.RemoveAt(tokens.Count - 1);
        return tokens;
    }

    private static readonly System.Buffers.SearchValues<char> NameSeparators = System.Buffers.SearchValues.Create(" -/(),.'");

    /// <summary>
    /// The legal suffixes, longest first, that a name ending in <paramref name="last"/> can end with ignoring case: for an
    /// ASCII character, those ending in it (either case), plus any ending outside ASCII, kept in every list rather than
    /// reasoned about; for any other character, all of them. The rest cannot match, and comparing each name with every
    /// suffix was most of the time normalising took.
    /// </summary>
    private string[] SuffixesThatCanEnd(char last) => char.IsAscii(last) ? _suffixesEndingIn[char.ToUpperInvariant(last)] : _suffixes;

    /// <summary>A name as read in prose is covered by a listed name when both start with the same name word ("Tencent Video" / "Tencent Holdings").</summary>
    public bool Covers(string listed, string mentioned) => Covers(Normalize(listed), Normalize(mentioned));

    /// <summary>As <see cref="Covers(string, string)"/>, for names already <see cref="Normalize"/>d: a report naming many
    /// companies compares each listed name with each mentioned one, and normalising both every time made that the
    /// slowest part of linting a long report.</summary>
    public static bool Covers(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        if (a[0] == b[0]) return true;
        // "Amazon Prime Video" listed, "Prime Video" mentioned; "Disney+ Hotstar" listed, "Hotstar" mentioned.
        string aj = string.Join(' ', a), bj = string.Join(' ', b);
        return aj.Contains(bj, StringComparison.Ordinal) && bj.Length >= 4 || bj.Contains(aj, StringComparison.Ordinal) && aj.Length >= 4;
    }

    /// <summary>Splits a "Companies covered" list, keeping "Netflix, Inc." together.</summary>
    public IReadOnlyList<string> SplitList(string value)
    {
        var parts = value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        foreach (var part in parts)
        {
            if (names.Count > 0 && IsLegalSuffix(part)) names[^1] += ", " + part;
            else if (part.StartsWith("and ", StringComparison.OrdinalIgnoreCase)) names.Add(part[4..].Trim());
            else names.Add(part);
        }
        return names.Where(n => n.Length > 1 && !ListTerminators.Any(t => n.Equals(t, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    // Lazy<T>: thread-safe, so files linted in parallel share one instance; the data is compiled in (BuiltInData.g.cs).
    private static readonly Lazy<CompanyNames> _builtIn = new(() => new CompanyNames(BuiltInData.Companies()));
    public static CompanyNames BuiltIn => _builtIn.Value;

    public static CompanyNames Load(YamlData data) => new(Read(data));

    public static CompanyNamesData Read(YamlData data)
    {
        var root = data.Map(data.Root, "companies");
        return new CompanyNamesData(data.StringList(root, "legalSuffixes"), data.StringList(root, "trailingWords"), data.StringList(root, "leadingWords"),
            data.StringList(root, "cues"), data.StringList(root, "listTerminators"));
    }
}
