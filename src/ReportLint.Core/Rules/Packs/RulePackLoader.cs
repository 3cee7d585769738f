using System.Text.RegularExpressions;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Core.Rules.Packs;

/// <summary>
/// Loads rule packs: YAML files of checks users add without code, as Vale styles do. Each rule has an id, a message,
/// a severity and a kind — existence (flag these words or patterns), substitution (prefer X to Y, with the fix) or
/// required-field (the scope table must have these keys). Patterns run on the non-backtracking engine, so a pack cannot
/// make linting hang on hostile text. Built-in packs (rules/packs/*.yaml, embedded) load the same way.
/// </summary>
public static class RulePackLoader
{
    private static readonly string[] Kinds = ["existence", "substitution", "required-field"];
    private static readonly HashSet<string> CommonKeys = ["id", "kind", "message", "severity", "description", "ignoreCase", "enabled"];
    private static readonly Dictionary<string, HashSet<string>> KindKeys = new()
    {
        ["existence"] = ["tokens", "patterns"],
        ["substitution"] = ["swap"],
        ["required-field"] = ["fields"],
    };

    /// <summary>Every *.yaml in <paramref name="folder"/> (not its subfolders), in name order.</summary>
    public static IReadOnlyList<Rule> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new DataFileException(folder, 0, 0, "rule pack folder not found");
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal);
        return LoadAll(files.Select(f => YamlData.Load(f)));
    }

    /// <summary>The packs shipped inside ReportLint (rules/packs/*.yaml, compiled into <see cref="BuiltInData"/>).</summary>
    /// <remarks>
    /// Their patterns are ReportLint's own, reviewed and covered by tests, and most of their rules are off by default, so
    /// each rule compiles its non-backtracking pattern (tens of milliseconds) on first use rather than at start-up.
    /// </remarks>
    public static IReadOnlyList<Rule> BuiltIn() => _builtIn.Value;

    private static readonly Lazy<IReadOnlyList<Rule>> _builtIn = new(() => BuiltInData.RulePacks().Select(r => Build(r, compileLazily: true)).ToList());

    /// <summary>Rules as read from YAML: validated (ids unique, kinds and keys known, patterns compile), not yet built.</summary>
    public static IReadOnlyList<PackRuleData> Read(IEnumerable<YamlData> files)
    {
        var rules = new List<PackRuleData>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var data in files)
            foreach (var (rule, node) in Read(data))
            {
                if (ids.TryGetValue(rule.Id, out var where))
                    throw data.Error(node, $"rule id '{rule.Id}' is already defined ({where})");
                ids[rule.Id] = $"{data.Name}:{node.Start.Line}";
                rules.Add(rule);
            }
        return rules;
    }

    /// <param name="compileLazily">Compile patterns on first use (trusted, built-in packs); user packs compile, and so
    /// report a bad pattern with its file and line, while configuration loads.</param>
    public static IReadOnlyList<Rule> LoadAll(IEnumerable<YamlData> files, bool compileLazily = false) =>
        Read(files).Select(r => Build(r, compileLazily)).ToList();

    private static IEnumerable<(PackRuleData Rule, YamlNode Node)> Read(YamlData data)
    {
        var root = data.Map(data.Root, "a rule pack");
        var list = YamlData.Get(root, "rules") ?? throw data.Error(root, "a rule pack needs a 'rules' list");
        foreach (var node in data.Seq(list, "rules").Children)
            yield return (ReadRule(data, data.Map(node, "a rule")), node);
    }

    private static PackRuleData ReadRule(YamlData data, YamlMappingNode entry)
    {
        string id = data.RequiredString(entry, "id", "a rule");
        if (id.Length == 0 || id.Any(char.IsWhiteSpace)) throw data.Error(entry, $"rule id '{id}' must be one word, e.g. 'acme/no-best-in-class'");
        string kind = data.RequiredString(entry, "kind", $"rule '{id}'");
        if (!Kinds.Contains(kind)) throw data.Error(YamlData.Get(entry, "kind")!, $"rule '{id}' has unknown kind '{kind}' (use {string.Join(", ", Kinds)})");
        foreach (var key in entry.Children.Keys.Select(k => data.Scalar(k, "a key")))
            if (!CommonKeys.Contains(key) && !KindKeys[kind].Contains(key))
                throw data.Error(entry, $"rule '{id}': unknown key '{key}' for kind {kind} (allowed: {string.Join(", ", CommonKeys.Concat(KindKeys[kind]))})");
        string message = data.RequiredString(entry, "message", $"rule '{id}'");
        string severityText = data.RequiredString(entry, "severity", $"rule '{id}'");
        if (!SeverityNames.TryParse(severityText, out var severity))
            throw data.Error(YamlData.Get(entry, "severity")!, $"rule '{id}' has unknown severity '{severityText}' (use error, warning or note)");
        bool ignoreCase = data.Bool(entry, "ignoreCase", true);
        string description = data.OptionalString(entry, "description") ?? $"A {kind} check from the rule pack {Path.GetFileName(data.Name)}.";
        // "enabled: false" ships a rule that runs only when configuration turns it on (opinionated style checks).
        bool enabled = data.Bool(entry, "enabled", true);
        var rule = new PackRuleData(id, kind, message, severity, description, ignoreCase, enabled);

        switch (kind)
        {
            case "existence":
            {
                var alternatives = data.StringList(entry, "tokens").Select(WordPattern).Concat(data.StringList(entry, "patterns")).ToList();
                if (alternatives.Count == 0) throw data.Error(entry, $"rule '{id}' (existence) needs 'tokens' or 'patterns'");
                foreach (var p in data.StringList(entry, "patterns")) data.SafeRegex(YamlData.Get(entry, "patterns")!, p, ignoreCase);
                // Each pattern is checked here, with its file and line; their alternation is compiled when the rule is built.
                string combined = string.Join('|', alternatives.Select(a => $"(?:{a})"));
                return rule with { Pattern = combined };
            }
            case "substitution":
            {
                var swapNode = YamlData.Get(entry, "swap") ?? throw data.Error(entry, $"rule '{id}' (substitution) needs 'swap' (a mapping: use-this-instead: of-this)");
                var swap = new List<(string Key, string Replacement)>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (k, v) in data.Map(swapNode, "swap").Children)
                {
                    string key = SubstitutionRule.Key(data.Scalar(k, "a swap key")), value = data.Scalar(v, "a swap value");
                    if (seen.Add(key)) swap.Add((key, value));
                    else swap[swap.FindIndex(p => p.Key == key)] = (key, value);
                }
                if (swap.Count == 0) throw data.Error(swapNode, $"rule '{id}' has an empty 'swap'");
                string combined = string.Join('|', swap.Select(p => p.Key).OrderByDescending(k => k.Length).Select(WordPattern));
                return rule with { Pattern = combined, IgnoreCase = true, Swap = swap };
            }
            default:
            {
                var fieldsNode = YamlData.Get(entry, "fields") ?? throw data.Error(entry, $"rule '{id}' (required-field) needs 'fields'");
                var fields = data.Seq(fieldsNode, "fields").Children
                    .Select(n => n is YamlSequenceNode alts ? (IReadOnlyList<string>)alts.Children.Select(a => data.Scalar(a, "a field name")).ToList() : [data.Scalar(n, "a field name")])
                    .ToList();
                if (fields.Count == 0 || fields.Any(f => f.Count == 0)) throw data.Error(fieldsNode, $"rule '{id}' lists no field");
                return rule with { Fields = fields };
            }
        }
    }

    /// <summary>The rule a pack entry describes.</summary>
    public static Rule Build(PackRuleData rule, bool compileLazily = false)
    {
        var descriptor = new RuleDescriptor(rule.Id, rule.Id.Contains('/') ? rule.Id[(rule.Id.LastIndexOf('/') + 1)..] : rule.Id, RuleFamily.Custom, rule.Severity,
            rule.Message.Replace("{match}", "…").Replace("{replacement}", "…").Replace("{field}", "…"), rule.Description, "", "")
        {
            EnabledByDefault = rule.Enabled,
        };
        var pattern = new Lazy<Regex>(() => new Regex(rule.Pattern!, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant
            | (rule.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), TimeSpan.FromSeconds(1)));
        if (!compileLazily && rule.Pattern is not null) _ = pattern.Value;
        return rule.Kind switch
        {
            "existence" => new ExistenceRule(descriptor, rule.Message, pattern),
            "substitution" => new SubstitutionRule(descriptor, rule.Message, pattern, rule.Swap!.ToDictionary(p => p.Key, p => p.Replacement, StringComparer.Ordinal)),
            _ => new RequiredFieldRule(descriptor, rule.Message, rule.Fields!),
        };
    }

    /// <summary>A literal word or phrase as a whole-word pattern; spaces match any run of white space.</summary>
    private static string WordPattern(string phrase)
    {
        var words = phrase.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return @"\b" + string.Join(@"\s+", words) + @"\b";
    }
}

/// <summary>One rule of a rule pack as read from YAML: what <see cref="RulePackLoader.Build"/> turns into a rule.</summary>
/// <param name="Pattern">Existence and substitution: the combined pattern (non-backtracking).</param>
/// <param name="Swap">Substitution: normalised phrase → replacement, in file order.</param>
/// <param name="Fields">Required-field: each required field, as its accepted names.</param>
public sealed record PackRuleData(string Id, string Kind, string Message, Severity Severity, string Description, bool IgnoreCase, bool Enabled,
    string? Pattern = null, IReadOnlyList<(string Key, string Replacement)>? Swap = null, IReadOnlyList<IReadOnlyList<string>>? Fields = null);
