using System.Globalization;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Core.Configuration;

/// <summary>
/// A <c>.reportlint.yaml</c>: per-rule severities and options, files to ignore, extra rule-pack folders and the
/// report's industry. Everything is checked against the rules' own descriptors before any file is linted, and a
/// problem is reported with the file, line and column (<see cref="DataFileException"/>), as ESLint checks its
/// rules' option schemas first.
/// </summary>
public sealed class ReportLintConfig
{
    public const string FileName = ".reportlint.yaml";
    public static readonly string[] FileNames = [FileName, ".reportlint.yml"];
    public static readonly string[] Keys = ["rules", "ignore", "rulePacks", "industry"];
    public const string Off = "off";

    private ReportLintConfig(string? path, string folder, LintSettings settings, IReadOnlyList<string> ignore, IReadOnlyList<string> rulePacks)
    {
        Path = path;
        Folder = folder;
        Settings = settings;
        Ignore = ignore;
        RulePacks = rulePacks;
    }

    /// <summary>The file this came from, or null for the defaults.</summary>
    public string? Path { get; }
    /// <summary>The folder that ignore globs and rule-pack folders are relative to.</summary>
    public string Folder { get; }
    public LintSettings Settings { get; }
    /// <summary>Globs of files not to lint, relative to <see cref="Folder"/>.</summary>
    public IReadOnlyList<string> Ignore { get; }
    /// <summary>Extra rule-pack folders, resolved to absolute paths.</summary>
    public IReadOnlyList<string> RulePacks { get; }
    public string? Industry => Settings.Industry;

    public static ReportLintConfig Defaults(string folder) => new(null, folder, new LintSettings(), [], []);

    /// <summary>Reads and checks a configuration file; relative paths in it are taken from its folder.</summary>
    public static ReportLintConfig Load(string path, IReadOnlyList<RuleDescriptor> rules) =>
        From(YamlData.Load(path), System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, rules);

    public static ReportLintConfig Parse(string name, string text, string folder, IReadOnlyList<RuleDescriptor> rules) =>
        From(YamlData.Parse(name, text), folder, rules);

    private static ReportLintConfig From(YamlData yaml, string folder, IReadOnlyList<RuleDescriptor> rules)
    {
        string name = yaml.Name;
        var settings = new LintSettings();
        var ignore = new List<string>();
        var packs = new List<string>();
        if (IsEmpty(yaml.Root)) return new ReportLintConfig(name, folder, settings, ignore, packs);
        var root = yaml.Map(yaml.Root, "the configuration");
        // Rule packs first: the rules they add can be configured in the same file.
        if (YamlData.Get(root, "rulePacks") is { } packList)
        {
            foreach (var item in List(yaml, packList, "'rulePacks'"))
            {
                string pack = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, NonEmpty(yaml, item, "a rule-pack folder")));
                if (!Directory.Exists(pack)) throw yaml.Error(item, $"rule-pack folder '{yaml.Scalar(item, "a rule-pack folder")}' does not exist (looked for {pack})");
                packs.Add(pack);
                foreach (var rule in Rules.Packs.RulePackLoader.LoadFolder(pack))
                {
                    if (rules.Any(r => r.Id.Equals(rule.Descriptor.Id, StringComparison.OrdinalIgnoreCase)) || settings.PackRules.Any(r => r.Descriptor.Id == rule.Descriptor.Id))
                        throw yaml.Error(item, $"rule pack '{pack}' defines '{rule.Descriptor.Id}', which another rule already uses");
                    settings.PackRules.Add(rule);
                }
            }
            rules = rules.Concat(settings.PackRules.Select(r => r.Descriptor)).ToList();
        }
        foreach (var (keyNode, value) in root.Children)
        {
            string key = yaml.Scalar(keyNode, "a setting's name");
            switch (key)
            {
                case "rules":
                    if (!IsEmpty(value)) ReadRules(yaml, yaml.Map(value, "'rules'"), rules, settings);
                    break;
                case "ignore":
                    foreach (var item in List(yaml, value, "'ignore'")) ignore.Add(NonEmpty(yaml, item, "an ignore glob"));
                    break;
                case "rulePacks":
                    break; // read above
                case "industry":
                    settings.Industry = NonEmpty(yaml, value, "'industry'");
                    if (Knowledge.IndustryLexicons.BuiltIn.Named(settings.Industry) is null)
                        throw yaml.Error(value, $"unknown industry '{settings.Industry}' (one of: {string.Join(", ", Knowledge.IndustryLexicons.BuiltIn.Industries.Select(i => i.Id))})");
                    break;
                default:
                    throw yaml.Error(keyNode, $"unknown setting '{key}' (expected {string.Join(", ", Keys)})");
            }
        }
        return new ReportLintConfig(name, folder, settings, ignore, packs);
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Value: null or "" } s && s.Style != YamlDotNet.Core.ScalarStyle.DoubleQuoted && s.Style != YamlDotNet.Core.ScalarStyle.SingleQuoted;

    private static IEnumerable<YamlNode> List(YamlData yaml, YamlNode node, string what) =>
        IsEmpty(node) ? [] : node is YamlScalarNode ? [node] : yaml.Seq(node, what).Children;

    private static string NonEmpty(YamlData yaml, YamlNode node, string what)
    {
        string value = yaml.Scalar(node, what).Trim();
        return value.Length > 0 ? value : throw yaml.Error(node, $"{what} must not be empty");
    }

    private static void ReadRules(YamlData yaml, YamlMappingNode map, IReadOnlyList<RuleDescriptor> rules, LintSettings settings)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            string written = yaml.Scalar(keyNode, "a rule id or name");
            var rule = rules.FirstOrDefault(r => r.IsNamed(written))
                       ?? throw yaml.Error(keyNode, $"unknown rule '{written}' (see 'reportlint rules' for ids and names)");
            if (seen.TryGetValue(rule.Id, out var earlier))
                throw yaml.Error(keyNode, $"rule {rule.Id} {rule.Name} is configured twice (as '{earlier}' and '{written}')");
            seen[rule.Id] = written;

            Severity? severity = null;
            bool off = false;
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            if (value is YamlScalarNode)
            {
                if (IsEmpty(value)) throw yaml.Error(value, $"rule {rule.Id} needs a severity (off, note, warning, error) or a mapping of options");
                (off, severity) = ReadSeverity(yaml, value, rule);
            }
            else
            {
                foreach (var (optionKey, optionValue) in yaml.Map(value, $"the settings of rule {rule.Id}").Children)
                {
                    string name = yaml.Scalar(optionKey, "an option name");
                    if (name == "severity")
                    {
                        (off, severity) = ReadSeverity(yaml, optionValue, rule);
                        continue;
                    }
                    var option = rule.OptionList.FirstOrDefault(o => o.Name == name)
                                 ?? throw yaml.Error(optionKey, $"rule {rule.Id} {rule.Name} has no option '{name}' "
                                                                + (rule.OptionList.Count == 0 ? "(it takes only 'severity')" : $"(its options: severity, {string.Join(", ", rule.OptionList.Select(o => o.Name))})"));
                    options[option.Name] = ReadOption(yaml, optionValue, rule, option);
                }
            }
            if (off) settings.DisabledRules.Add(rule.Id);
            else settings.Rules[rule.Id] = new RuleSettings(severity, options);
        }
    }

    private static (bool Off, Severity? Severity) ReadSeverity(YamlData yaml, YamlNode node, RuleDescriptor rule)
    {
        string text = yaml.Scalar(node, $"the severity of {rule.Id}").Trim();
        if (text.Equals(Off, StringComparison.OrdinalIgnoreCase)) return (true, null);
        return SeverityNames.TryParse(text, out var severity)
            ? (false, severity)
            : throw yaml.Error(node, $"'{text}' is not a severity for {rule.Id}: use off, note, warning or error");
    }

    public static string Range(RuleOption option) => (option.Min, option.Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"at least {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"at most {max}"),
        _ => "a number",
    };

    /// <summary>Checks a value against the option's kind and range, and returns it in the form RuleSettings reads.</summary>
    private static string ReadOption(YamlData yaml, YamlNode node, RuleDescriptor rule, RuleOption option)
    {
        string text = yaml.Scalar(node, $"option '{option.Name}' of {rule.Id}").Trim();
        string where = $"option '{option.Name}' of {rule.Id} {rule.Name}";
        switch (option.Kind)
        {
            case OptionKind.Number:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
                    throw yaml.Error(node, $"{where} must be a number, not '{text}'");
                if (number < option.Min || number > option.Max)
                    throw yaml.Error(node, $"{where} must be {Range(option)}, not {text}");
                return number.ToString("R", CultureInfo.InvariantCulture);
            case OptionKind.Boolean:
                return text.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" => "true",
                    "false" or "no" or "off" => "false",
                    _ => throw yaml.Error(node, $"{where} must be true or false, not '{text}'"),
                };
            default:
                if (option.Allowed is { Count: > 0 } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                    throw yaml.Error(node, $"{where} must be one of {string.Join(", ", allowed)}, not '{text}'");
                return text;
        }
    }
}
