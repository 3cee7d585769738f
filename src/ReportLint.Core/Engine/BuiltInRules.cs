using ReportLint.Core.Findings;
using ReportLint.Core.Rules;
using ReportLint.Core.Rules.Arithmetic;

namespace ReportLint.Core.Engine;

/// <summary>The rules ReportLint ships with, listed explicitly (no reflection, so the native binary keeps them all).</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> Create() =>
    [
        new CagrMismatchRule(),
        new ImplausibleFigureRule(),
    ];

    private static IReadOnlyList<RuleDescriptor>? _descriptors;
    /// <summary>Rules the pipeline itself reports, outside any rule's check (unused suppression comments).</summary>
    public static IReadOnlyList<RuleDescriptor> PipelineRules { get; } = [Suppressions.UnusedSuppression];

    /// <summary>Every rule that can fire: the pipeline's own, then the given checks in catalogue order.</summary>
    public static IReadOnlyList<RuleDescriptor> DescriptorsOf(IEnumerable<Rule> rules) => [.. PipelineRules, .. rules.Select(r => r.Descriptor)];

    public static IReadOnlyList<RuleDescriptor> Descriptors => _descriptors ??= DescriptorsOf(Create());

    /// <summary>Finds a rule by id ("RL101", any case) or name ("cagr-mismatch").</summary>
    public static RuleDescriptor? Find(string idOrName, IEnumerable<RuleDescriptor>? among = null) =>
        (among ?? Descriptors).FirstOrDefault(d => d.IsNamed(idOrName));
}
