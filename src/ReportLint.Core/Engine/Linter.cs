using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules;

namespace ReportLint.Core.Engine;

/// <summary>Which rules run and how: severities, options, rules turned off.</summary>
public sealed class LintSettings
{
    public static readonly LintSettings Default = new();

    /// <summary>Per rule id: its settings. A rule not listed runs with its defaults.</summary>
    public Dictionary<string, RuleSettings> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> DisabledRules { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Opt-in rules turned on by configuration.</summary>
    public HashSet<string> EnabledRules { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Rules from the rule packs a configuration names, run after the linter's own.</summary>
    public List<Rule> PackRules { get; } = new();

    /// <summary>The report's industry as the author pinned it in configuration (a domain name such as "pharmaceuticals"), or null to infer it.</summary>
    public string? Industry { get; set; }

    public RuleSettings For(RuleDescriptor rule) => Rules.TryGetValue(rule.Id, out var s) ? s : RuleSettings.Default;

    public bool IsEnabled(RuleDescriptor rule) =>
        !DisabledRules.Contains(rule.Id) && (rule.EnabledByDefault || EnabledRules.Contains(rule.Id) || Rules.ContainsKey(rule.Id));
}

/// <summary>The result of linting one document.</summary>
public sealed class DocumentResult
{
    public DocumentResult(ReportDocument document, ClaimsModel claims, IReadOnlyList<Finding> findings, IReadOnlyList<string> notifications)
    {
        Document = document;
        Claims = claims;
        Findings = findings;
        Notifications = notifications;
    }

    public ReportDocument Document { get; }
    public ClaimsModel Claims { get; }
    public IReadOnlyList<Finding> Findings { get; }
    /// <summary>Problems of the tool itself on this document (a rule that failed), never silently dropped.</summary>
    public IReadOnlyList<string> Notifications { get; }
}

/// <summary>
/// The pipeline: document → figures → claims → rules → suppressions → findings. Rules run in catalogue order (those that
/// read the industry lexicons last), and findings come out in source order whatever the order they were found in; a rule
/// that throws is reported as a tool notification and the others still run.
/// </summary>
public sealed class Linter
{
    private readonly IReadOnlyList<Rule> _rules;
    private readonly List<Rule> _runOrder;
    private readonly KnowledgeBase? _explicitKnowledge;
    private readonly ILogger _logger;

    /// <param name="rules">The rules to run; the built-in ones when null.</param>
    /// <param name="extraRules">Rules to run as well, such as those of user rule packs (<see cref="Rules.Packs.RulePackLoader.LoadFolder"/>).</param>
    public Linter(IEnumerable<Rule>? rules = null, KnowledgeBase? knowledge = null, ILogger? logger = null, IEnumerable<Rule>? extraRules = null)
    {
        _rules = (rules ?? BuiltInRules.Create()).Concat(extraRules ?? []).ToList();
        // Stable: catalogue order otherwise. Findings are sorted afterwards, so the order rules run in is not seen.
        _runOrder = _rules.OrderBy(r => r.ReadsIndustryLexicons).ToList();
        var clash = _rules.GroupBy(r => r.Descriptor.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new ArgumentException($"two rules have the id '{clash.Key}'", nameof(extraRules));
        _explicitKnowledge = knowledge;
        _logger = logger ?? NullLogger.Instance;
    }

    public IReadOnlyList<Rule> Rules => _rules;

    /// <summary>
    /// Whether each finding gets its <see cref="Finding.LineHash"/> (on by default). Only SARIF output and baselines read
    /// line hashes, and hashing every line of every file was about a twentieth of a run: a caller that will do neither
    /// turns it off.
    /// </summary>
    public bool LineHashes { get; init; } = true;

    /// <summary>
    /// Starts preparing what linting any file needs (the Markdown parser, then the built-in knowledge: gazetteer,
    /// segmentation vocabulary, company names, placeholders, lexicons) on a background thread and returns at once, so that
    /// a one-file run finds its configuration and reads its file meanwhile on a second core. Nothing waits on that thread:
    /// whoever needs a piece first takes it from its <see cref="Lazy{T}"/>, built or being built. A plain thread, not the
    /// pool: starting the pool's workers costs a one-file run more than the thread saves it.
    /// </summary>
    public static void WarmUp() =>
        new Thread(static () =>
        {
            MarkdownReader.Prepare();
            _ = KnowledgeBase.BuiltIn;
            _ = Knowledge.IndustryLexicons.BuiltIn;
        }) { IsBackground = true, Name = "reportlint warm-up" }.Start();

    /// <summary>The knowledge given, or the built-in one, loaded on first use (a run whose files all come from the cache never loads it).</summary>
    private KnowledgeBase _knowledge => _explicitKnowledge ?? KnowledgeBase.BuiltIn;

    /// <summary>Every rule that can fire in a run of this linter, in catalogue order.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors => LazyInitializer.EnsureInitialized(ref _descriptors, () => BuiltInRules.DescriptorsOf(_rules));
    private IReadOnlyList<RuleDescriptor>? _descriptors;

    public DocumentResult Lint(ReportDocument document, LintSettings? settings = null)
    {
        settings ??= LintSettings.Default;
        var notifications = new List<string>();
        ClaimsModel claims;
        try
        {
            claims = ClaimExtractor.Extract(document, _knowledge);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never lose the whole run to one odd document: the rules that read text still run on an empty claims model.
            notifications.Add($"figures could not be read from this file ({e.GetType().Name}: {e.Message}); arithmetic and scope checks were skipped");
            claims = ClaimExtractor.Empty(document, _knowledge);
        }
        // Per document, so only when logging is on: the call boxes its numbers into an arguments array.
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("{Path}: {Statements} statements, {Values} values, {Rates} rates, {Growth} growth checks",
                document.Path, claims.Statements.Count, claims.Values.Count, claims.Rates.Count, claims.Growth.Count);
        var findings = new List<Finding>();
        foreach (var rule in settings.PackRules.Count == 0 ? _runOrder : _runOrder.Concat(settings.PackRules))
        {
            var descriptor = rule.Descriptor;
            if (!settings.IsEnabled(descriptor)) continue;
            try
            {
                rule.Check(new RuleContext(document, claims, _knowledge, descriptor, settings.For(descriptor), findings) { Industry = settings.Industry });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                notifications.Add($"rule {descriptor.Id} {descriptor.Name} failed on this file and was skipped: {e.GetType().Name}: {e.Message}");
                _logger.LogWarning("{Rule} failed on {Path}: {Error}", descriptor.Id, document.Path, e);
            }
        }
        var known = settings.PackRules.Count == 0 ? Descriptors : Descriptors.Concat(settings.PackRules.Select(r => r.Descriptor)).ToList();
        findings.AddRange(Suppressions.Apply(document, findings, known, settings.IsEnabled, settings.For(Suppressions.UnusedSuppression).Severity));
        // A stable sort: findings that tie (one rule, one place) keep the order their rule reported them in.
        findings = findings.Order(FindingOrder).ToList();
        foreach (var warning in document.Warnings) notifications.Add(warning.Message);
        if (LineHashes) LineHash.Assign(document, findings);
        return new DocumentResult(document, claims, findings, notifications);
    }

    private static readonly IComparer<Finding> FindingOrder = Comparer<Finding>.Create(CompareFindings);

    public static int CompareFindings(Finding a, Finding b)
    {
        int c = a.Location.Line.CompareTo(b.Location.Line);
        if (c != 0) return c;
        c = a.Location.Column.CompareTo(b.Location.Column);
        return c != 0 ? c : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
    }
}
