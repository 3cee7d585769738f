using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Core.Knowledge;

/// <summary>Thrown when a YAML file (built-in data, configuration or a rule pack) is not what it should be.</summary>
public sealed class DataFileException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}

/// <summary>
/// Reads YAML through YamlDotNet's node model (no reflection, so it works in the native binary),
/// with small typed accessors that report the file, line and problem when a value has the wrong shape.
/// </summary>
public sealed class YamlData
{
    private const int MaxAliases = 100;

    private YamlData(string name, YamlNode root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }
    public YamlNode Root { get; }

    public static YamlData Parse(string name, string text)
    {
        // YAML allows no NUL character, and YamlDotNet stops reading at one: what followed would be silently dropped.
        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            int line = 1 + text.AsSpan(0, nul).Count('\n');
            throw new DataFileException(name, line, nul - text.LastIndexOf('\n', Math.Max(0, nul - 1)), "a NUL character: this is not a text file");
        }
        try
        {
            RequireAnchorsBeforeAliases(name, text);
            var stream = new YamlStream();
            // Alias expansion is what makes "billion laughs" documents explode; cap the number of aliases.
            var parser = new Parser(new StringReader(text));
            stream.Load(parser);
            if (stream.Documents.Count == 0) return new YamlData(name, new YamlMappingNode());
            var root = stream.Documents[0].RootNode;
            int aliases = 0;
            CountAliases(name, root, ref aliases, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
            return new YamlData(name, root);
        }
        catch (YamlException e)
        {
            string problem = e.InnerException?.Message ?? e.Message;
            int cut = problem.IndexOf("): ", StringComparison.Ordinal);
            if (problem.StartsWith("(Line", StringComparison.Ordinal) && cut > 0) problem = problem[(cut + 3)..];
            throw new DataFileException(name, (int)e.Start.Line, (int)e.Start.Column, problem);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner can fail on malformed input with a plain exception rather than a YamlException (found by
            // fuzzing): still a problem with the file, never a crash; the parser knows no position then.
            throw new DataFileException(name, 1, 1, "not valid YAML: " + e.Message);
        }
    }

    /// <summary>
    /// YAML lets an alias (<c>*a</c>) refer only to an anchor (<c>&amp;a</c>) defined before it in its document. YamlDotNet's
    /// node model also takes forward references, and resolving two of them used as keys of one mapping recursed until the
    /// process died of a stack overflow (found by fuzzing the configuration): such a file is refused, at the alias, first.
    /// </summary>
    private static void RequireAnchorsBeforeAliases(string name, string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.DocumentStart:
                    anchors.Clear();
                    break;
                case YamlDotNet.Core.Events.AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                    throw new DataFileException(name, (int)alias.Start.Line, (int)alias.Start.Column,
                        $"the alias '*{alias.Value.Value}' comes before its anchor '&{alias.Value.Value}': an anchor must be defined before any alias to it");
                case YamlDotNet.Core.Events.NodeEvent { Anchor.IsEmpty: false } node:
                    anchors.Add(node.Anchor.Value);
                    break;
            }
        }
    }

    private static void CountAliases(string name, YamlNode node, ref int aliases, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node))
        {
            if (++aliases > MaxAliases)
                throw new DataFileException(name, (int)node.Start.Line, (int)node.Start.Column, $"more than {MaxAliases} aliases: refusing to expand (alias bomb?)");
            return;
        }
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children) { CountAliases(name, k, ref aliases, seen); CountAliases(name, v, ref aliases, seen); }
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) CountAliases(name, item, ref aliases, seen);
                break;
        }
    }

    /// <summary>The most a configuration or rule-pack file may hold: real ones are a few kilobytes, and a file of megabytes
    /// is a mistake (or an attack) that would otherwise be parsed in full before any problem could be reported.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads and parses a user's YAML file (configuration, rule pack), refusing one over <see cref="MaxFileBytes"/>.</summary>
    public static YamlData Load(string path, string? name = null)
    {
        name ??= path;
        string text;
        try
        {
            long length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
                throw new DataFileException(name, 1, 1, $"the file is {length:N0} bytes; configuration and rule-pack files are limited to {MaxFileBytes / (1 << 20)} MiB");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(name, 1, 1, "cannot read the file: " + e.Message);
        }
        return Parse(name, text);
    }

    public DataFileException Error(YamlNode node, string problem) =>
        new(Name, (int)node.Start.Line, (int)node.Start.Column, problem);

    public YamlMappingNode Map(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    public YamlSequenceNode Seq(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(node, $"{what} must be a single value");

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public string? OptionalString(YamlMappingNode map, string key) =>
        Get(map, key) is { } n ? Scalar(n, key) : null;

    public string RequiredString(YamlMappingNode map, string key, string owner) =>
        Get(map, key) is { } n ? Scalar(n, key) : throw Error(map, $"{owner} needs '{key}'");

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null) return [];
        if (node is YamlScalarNode s) return s.Value is { Length: > 0 } v ? [v] : [];
        return Seq(node, key).Children.Select(c => Scalar(c, key)).ToList();
    }

    public bool Bool(YamlMappingNode map, string key, bool fallback = false)
    {
        var s = OptionalString(map, key);
        if (s is null) return fallback;
        return s.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(Get(map, key)!, $"'{key}' must be true or false, not '{s}'"),
        };
    }

    /// <summary>
    /// Compiles a pattern from a data file with <see cref="RegexOptions.NonBacktracking"/>, so matching stays linear in the
    /// text whatever the pattern; constructs that engine refuses (backreferences, lookarounds) are reported with the file and line.
    /// </summary>
    public Regex SafeRegex(YamlNode node, string pattern, bool ignoreCase)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new Regex(pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Error(node, $"pattern '{pattern}' cannot be used: {e.Message}");
        }
    }

    /// <summary>
    /// A pattern from ReportLint's own, reviewed data (placeholders): the backtracking interpreter, which builds in
    /// microseconds where the non-backtracking engine takes tens of milliseconds a pattern, guarded by a match timeout.
    /// Patterns from users' rule packs always go through <see cref="SafeRegex"/>.
    /// </summary>
    public Regex TrustedRegex(YamlNode node, string pattern, bool ignoreCase)
    {
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new Regex(pattern, options, TimeSpan.FromMilliseconds(250));
        }
        catch (ArgumentException e)
        {
            throw Error(node, $"pattern '{pattern}' cannot be used: {e.Message}");
        }
    }

    public double Number(YamlNode node, string what) =>
        double.TryParse(Scalar(node, what), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Error(node, $"{what} must be a number");
}
