using ReportLint.Core.Findings;
using ReportLint.Core.Rules;
using ReportLint.Core.Rules.Arithmetic;
using ReportLint.Core.Rules.Boilerplate;
using ReportLint.Core.Rules.Contradictions;
using ReportLint.Core.Rules.Packs;
using ReportLint.Core.Rules.Scope;

namespace ReportLint.Core.Engine;

/// <summary>
/// The rules ReportLint ships with, listed explicitly (no reflection, so the native binary keeps them all), followed by
/// the rules of the built-in rule packs (rules/packs/*.yaml).
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> Create() =>
    [
        new CagrMismatchRule(),
        new GrowthDirectionRule(),
        new PartsExceedTotalRule(),
        new ShareSumRule(),
        new ImplausibleFigureRule(),
        new ConflictingFigureRule(),
        new PeriodConflictRule(),
        new SuperlativeConflictRule(),
        new OffTopicPassageRule(),
        new PlaceholderRule(),
        new DuplicatePassageRule(),
        new GeographyScopeRule(),
        new SegmentScopeRule(),
        new CompanyCoverageRule(),
        new MalformedTableRule(),
        .. RulePackLoader.BuiltIn(),
    ];

    private static IReadOnlyList<RuleDescriptor>? _descriptors;
    /// <summary>Rules the pipeline itself reports, outside any rule's check (unused suppression comments).</summary>
    public static IReadOnlyList<RuleDescriptor> PipelineRules { get; } = [Suppressions.UnusedSuppression];

    /// <summary>Every rule that can fire: the pipeline's own, then the given checks in catalogue order.</summary>
    public static IReadOnlyList<RuleDescriptor> DescriptorsOf(IEnumerable<Rule> rules) => [.. PipelineRules, .. rules.Select(r => r.Descriptor)];

    public static IReadOnlyList<RuleDescriptor> Descriptors => LazyInitializer.EnsureInitialized(ref _descriptors, () => DescriptorsOf(Create()));

    /// <summary>Finds a rule by id ("RL101", any case) or name ("cagr-mismatch").</summary>
    public static RuleDescriptor? Find(string idOrName, IEnumerable<RuleDescriptor>? among = null) =>
        (among ?? Descriptors).FirstOrDefault(d => d.IsNamed(idOrName));
}
