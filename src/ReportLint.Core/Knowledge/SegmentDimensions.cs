namespace ReportLint.Core.Knowledge;

/// <summary>A way reports split a market: "By Genre", "By End User".</summary>
public sealed record Dimension(string Name, bool Geographic)
{
    public override string ToString() => Name;
}

/// <summary>rules/segment-dimensions.yaml as read: prefixes, dimensions, and each alias with the index of its dimension.</summary>
public sealed record SegmentDimensionsData(IReadOnlyList<string> Prefixes, IReadOnlyList<Dimension> Dimensions, IReadOnlyList<(string Alias, int Dimension)> Aliases);

/// <summary>
/// Segmentation vocabulary (rules/segment-dimensions.yaml): dimension names and their synonyms, so that "By End-Use",
/// "End User Insights" and "Segmentation by End Users" are one dimension.
/// </summary>
public sealed class SegmentDimensions
{
    private readonly Dictionary<string, Dimension> _byKey;

    public SegmentDimensions(IReadOnlyList<string> prefixes, IEnumerable<(string Alias, Dimension Dimension)> aliases)
    {
        Prefixes = prefixes.OrderByDescending(p => p.Length).ToList();
        _byKey = new Dictionary<string, Dimension>(StringComparer.Ordinal);
        foreach (var (alias, dim) in aliases) _byKey.TryAdd(Key(alias), dim);
    }

    public SegmentDimensions(SegmentDimensionsData data) : this(data.Prefixes, data.Aliases.Select(a => (a.Alias, data.Dimensions[a.Dimension]))) { }

    /// <summary>"By", "Based on", "Segmentation by": words that introduce a dimension name.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    /// <summary>Lower case, prefix removed, "-", "/" and runs of spaces treated alike.</summary>
    public string Key(string name)
    {
        var t = name.AsSpan().Trim().TrimEnd(":,.").Trim();
        foreach (var p in Prefixes ?? [])
            if (t.Length > p.Length && t[p.Length] == ' ' && t[..p.Length].Equals(p, StringComparison.OrdinalIgnoreCase)) { t = t[(p.Length + 1)..]; break; }
        // Letters and digits, lower-cased; every run of anything else becomes one space, none at either end.
        Span<char> key = t.Length <= 256 ? stackalloc char[t.Length] : new char[t.Length];
        int n = 0;
        bool gap = false;
        foreach (char c in t)
        {
            if (!char.IsLetterOrDigit(c)) { gap = true; continue; }
            if (gap && n > 0) key[n++] = ' ';
            gap = false;
            key[n++] = char.ToLowerInvariant(c);
        }
        return new string(key[..n]);
    }

    /// <summary>The known dimension for a name, or a new one named as written (reports invent dimensions freely).</summary>
    public Dimension Resolve(string name)
    {
        string key = Key(name);
        if (_byKey.TryGetValue(key, out var d)) return d;
        // Plural and singular forms ("Platforms").
        if (key.EndsWith('s') && _byKey.TryGetValue(key[..^1], out d)) return d;
        var title = string.Join(' ', key.Split(' ').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
        return new Dimension(title, false);
    }

    public bool IsKnown(string name) => _byKey.ContainsKey(Key(name));

    // Lazy<T>: thread-safe, so files linted in parallel share one instance; the data is compiled in (BuiltInData.g.cs).
    private static readonly Lazy<SegmentDimensions> _builtIn = new(() => new SegmentDimensions(BuiltInData.SegmentDimensions()));
    public static SegmentDimensions BuiltIn => _builtIn.Value;

    public static SegmentDimensions Load(YamlData data) => new(Read(data));

    public static SegmentDimensionsData Read(YamlData data)
    {
        var root = data.Map(data.Root, "segment dimensions");
        var prefixes = data.StringList(root, "prefixes");
        var dimensions = new List<Dimension>();
        var aliases = new List<(string, int)>();
        if (YamlData.Get(root, "dimensions") is { } dims)
        {
            foreach (var node in data.Seq(dims, "dimensions").Children)
            {
                var entry = data.Map(node, "dimension");
                var dim = new Dimension(data.RequiredString(entry, "name", "a dimension"), data.Bool(entry, "geographic"));
                dimensions.Add(dim);
                aliases.Add((dim.Name, dimensions.Count - 1));
                foreach (var a in data.StringList(entry, "aliases")) aliases.Add((a, dimensions.Count - 1));
            }
        }
        return new SegmentDimensionsData(prefixes, dimensions, aliases);
    }
}
