using System.Text.Json;
using System.Text.Json.Serialization;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Findings;

/// <summary>One accepted finding: where (path relative to the baseline's folder), which rule, and its line's fingerprint.</summary>
public sealed record BaselineEntry(string Path, string RuleId, string LineHash, string Message);

public sealed record BaselineDocument(int Version, string Tool, IReadOnlyList<BaselineEntry> Findings);

/// <summary>
/// Today's findings, recorded so that a team adopting ReportLint on old drafts sees only what is new. Findings are
/// matched by path, rule and <see cref="LineHash"/> (the fingerprint SARIF uploads use), not by line number, so text
/// inserted above a finding does not bring it back; each recorded entry hides at most one finding.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;
    private readonly Dictionary<(string Path, string RuleId, string LineHash), int> _remaining;

    private Baseline(string name, IReadOnlyList<BaselineEntry> entries)
    {
        Name = name;
        Entries = entries;
        _remaining = entries.GroupBy(e => (e.Path, e.RuleId, e.LineHash)).ToDictionary(g => g.Key, g => g.Count());
    }

    public string Name { get; }
    public IReadOnlyList<BaselineEntry> Entries { get; }
    public int Count => Entries.Count;

    /// <summary>A baseline of today's reported findings, each with its path relative to the baseline's folder.</summary>
    public static Baseline Record(string name, IEnumerable<(string Path, Finding Finding)> findings) => new(name, findings
        .Where(x => x.Finding.Suppression is null && x.Finding.LineHash is not null)
        .Select(x => new BaselineEntry(x.Path, x.Finding.Rule.Id, x.Finding.LineHash!, x.Finding.Message))
        .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.LineHash, StringComparer.Ordinal)
        .ToList());

    public string ToJson(string toolVersion) =>
        JsonSerializer.Serialize(new BaselineDocument(FormatVersion, "reportlint " + toolVersion, Entries), Context.BaselineDocument) + "\n";

    public static Baseline Parse(string name, string json)
    {
        BaselineDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, Context.BaselineDocument);
        }
        catch (JsonException e)
        {
            throw new DataFileException(name, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "not a ReportLint baseline: " + e.Message);
        }
        if (document?.Findings is null || document.Version != FormatVersion)
            throw new DataFileException(name, 1, 1, $"not a ReportLint baseline of format version {FormatVersion}");
        if (document.Findings.Any(e => e is null || e.Path is null || e.RuleId is null || e.LineHash is null))
            throw new DataFileException(name, 1, 1, "every baseline finding needs path, ruleId and lineHash");
        return new Baseline(name, document.Findings);
    }

    /// <summary>Marks the findings of one file that the baseline records as suppressed; returns how many.</summary>
    public int Suppress(string path, IEnumerable<Finding> findings)
    {
        int suppressed = 0;
        foreach (var finding in findings)
        {
            if (finding.Suppression is not null || finding.LineHash is null) continue;
            var key = (path, finding.Rule.Id, finding.LineHash);
            if (!_remaining.TryGetValue(key, out int left) || left == 0) continue;
            _remaining[key] = left - 1;
            finding.Suppression = new FindingSuppression(SuppressionKind.Baseline, $"recorded in the baseline {Name}");
            suppressed++;
        }
        return suppressed;
    }

    private static readonly BaselineJsonContext Context = new(new JsonSerializerOptions(BaselineJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BaselineDocument))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
