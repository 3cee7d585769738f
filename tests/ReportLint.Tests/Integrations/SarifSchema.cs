using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;

namespace ReportLint.Tests.Integrations;

/// <summary>
/// Validates SARIF against the official SARIF 2.1.0 schema, which sits in shared/schemas beside the repository
/// (found by walking up from the repository root, so no machine path is written down).
/// </summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static string FilePath
    {
        get
        {
            for (var dir = new DirectoryInfo(TestPaths.RepoRoot); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "schemas", "sarif-2.1.0.json");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("shared/schemas/sarif-2.1.0.json not found beside the repository or above it");
        }
    }

    /// <summary>
    /// The schema is written for draft-04, which JsonSchema.Net does not implement. It uses no keyword whose meaning
    /// changed after draft-04 (no exclusiveMinimum/Maximum, no dependencies), so evaluating it as draft-07 checks the
    /// same constraints; only the dialect marker is swapped (and draft-04's "id" dropped: nothing refers to it).
    /// </summary>
    private static JsonSchema Load()
    {
        var node = JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString());
    }

    public static void AssertValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        result.IsValid.Should().BeTrue("the SARIF must follow the 2.1.0 schema:\n" + string.Join("\n", errors.Take(20)));
    }
}
