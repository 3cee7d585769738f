using System.Text.Json.Serialization;

namespace ReportLint.Core.Output;

// The part of SARIF 2.1.0 that ReportLint writes, as records for System.Text.Json source generation.
// Null members are left out, so every property present is one the schema defines.

public sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, IReadOnlyList<SarifRun> Runs);

public sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    Dictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind);

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(string Name, string Version, string SemanticVersion, string InformationUri, IReadOnlyList<SarifRule> Rules);

public sealed record SarifRule(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMultiformatMessage Help,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

public sealed record SarifMessage(string Text);
public sealed record SarifMultiformatMessage(string Text, string Markdown);
public sealed record SarifConfiguration(string Level);
public sealed record SarifRuleProperties(IReadOnlyList<string> Tags);

public sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

public sealed record SarifNotification(string Level, SarifMessage Message, IReadOnlyList<SarifLocation>? Locations);

public sealed record SarifResult(
    string RuleId,
    int? RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyList<SarifLocation>? RelatedLocations,
    Dictionary<string, string>? PartialFingerprints,
    IReadOnlyList<SarifFix>? Fixes,
    IReadOnlyList<SarifSuppression>? Suppressions,
    SortedDictionary<string, string>? Properties);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, int? Id = null, SarifMessage? Message = null);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

public sealed record SarifArtifactLocation(string Uri, string? UriBaseId);

public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn, SarifArtifactContent? Snippet);

public sealed record SarifArtifactContent(string Text);

public sealed record SarifFix(SarifMessage Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

public sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

public sealed record SarifReplacement(SarifRegion DeletedRegion, SarifArtifactContent InsertedContent);

public sealed record SarifSuppression(string Kind, string? Justification);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
