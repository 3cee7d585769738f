using System.Globalization;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules;

public enum RuleFamily { Arithmetic, Contradictions, Boilerplate, Scope, Custom, Meta }

public static class RuleFamilies
{
    public static string Tag(this RuleFamily f) => f switch
    {
        RuleFamily.Arithmetic => "arithmetic",
        RuleFamily.Contradictions => "contradictions",
        RuleFamily.Boilerplate => "boilerplate",
        RuleFamily.Scope => "scope",
        RuleFamily.Meta => "meta",
        _ => "custom",
    };
}

public enum OptionKind { Number, Text, Boolean }

/// <summary>An option a rule accepts in configuration, with its type, range and default, so configuration is checked before linting.</summary>
public sealed record RuleOption(string Name, OptionKind Kind, string Default, string Description, double? Min = null, double? Max = null, IReadOnlyList<string>? Allowed = null);

/// <summary>
/// The single source of a rule's metadata (as a Roslyn DiagnosticDescriptor is): it feeds `rules`, `explain`,
/// text, JSON and SARIF output alike.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    RuleFamily Family,
    Severity DefaultSeverity,
    string Summary,
    string Description,
    string FailingExample,
    string FixedExample,
    IReadOnlyList<RuleOption>? Options = null)
{
    public IReadOnlyList<RuleOption> OptionList => Options ?? [];

    /// <summary>False for opt-in rules, which run only when configuration names them.</summary>
    public bool EnabledByDefault { get; init; } = true;

    /// <summary>True when <paramref name="idOrName"/> is this rule's id (any case) or name.</summary>
    public bool IsNamed(string idOrName) =>
        Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase);
    public string HelpUri => $"https://github.com/reportlint/reportlint/blob/main/docs/rules/{Id}.md";

    public string HelpText =>
        $"{Summary}\n\n{Description}" + (FailingExample.Length == 0 ? "" : $"\n\nFails:\n  {FailingExample}\n\nPasses:\n  {FixedExample}");

    public string HelpMarkdown =>
        $"**{Id} {Name}**: {Summary}\n\n{Description}\n"
        + (FailingExample.Length == 0 ? "" : $"\n**Fails**\n\n```text\n{FailingExample}\n```\n\n**Passes**\n\n```text\n{FixedExample}\n```\n")
        + (OptionList.Count == 0 ? "" : "\n**Options**\n\n" + string.Join("\n", OptionList.Select(o => $"- `{o.Name}` ({o.Kind.ToString().ToLowerInvariant()}, default `{o.Default}`): {o.Description}")) + "\n");
}

/// <summary>Per-run settings of one rule: its severity and option values.</summary>
public sealed class RuleSettings
{
    public static readonly RuleSettings Default = new(null, new Dictionary<string, string>());

    public RuleSettings(Severity? severity, IReadOnlyDictionary<string, string> options)
    {
        Severity = severity;
        Options = options;
    }

    public Severity? Severity { get; }
    public IReadOnlyDictionary<string, string> Options { get; }

    public double Number(RuleOption option) =>
        double.Parse(Options.TryGetValue(option.Name, out var v) ? v : option.Default, CultureInfo.InvariantCulture);

    public string Text(RuleOption option) => Options.TryGetValue(option.Name, out var v) ? v : option.Default;
}

/// <summary>What a rule sees: the document, what was understood of it, its settings, and a way to report.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;

    internal RuleContext(ReportDocument document, ClaimsModel claims, KnowledgeBase knowledge, RuleDescriptor rule, RuleSettings settings, List<Finding> findings)
    {
        Document = document;
        Claims = claims;
        Knowledge = knowledge;
        Rule = rule;
        Settings = settings;
        _findings = findings;
    }

    public ReportDocument Document { get; }
    public ClaimsModel Claims { get; }
    public KnowledgeBase Knowledge { get; }
    public RuleDescriptor Rule { get; }
    public RuleSettings Settings { get; }
    /// <summary>The report's industry when the author pinned it in configuration (an id or a name from rules/domains/).</summary>
    public string? Industry { get; init; }

    public SourceLocation Locate(TextSpan span) => SourceLocation.From(Document, span);

    public Finding Report(TextSpan span, string message, Severity? severity = null)
    {
        var finding = new Finding(Rule, Settings.Severity ?? severity ?? Rule.DefaultSeverity, message, Locate(span));
        _findings.Add(finding);
        return finding;
    }
}

/// <summary>A check over the claims of one document. Rules never parse text: they ask the claims model.</summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }
    public abstract void Check(RuleContext context);

    /// <summary>
    /// Whether the rule reads the industry lexicons, the slowest knowledge to build. The linter runs such rules after the
    /// others, so that on a one-file run the other rules overlap the lexicons being built on a second core.
    /// </summary>
    public virtual bool ReadsIndustryLexicons => false;
}
