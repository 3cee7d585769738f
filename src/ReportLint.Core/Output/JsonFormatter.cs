using System.Text.Json;
using System.Text.Json.Serialization;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Output;

/// <summary>
/// Machine-readable findings: <c>{"version", "findings": [...], "summary": {...}}</c>, serialised with
/// System.Text.Json source generation (no reflection, so it works in the native binary).
/// </summary>
public sealed class JsonFormatter : IFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        var document = new JsonReport(
            report.ToolVersion,
            report.Findings.Select(ToJson).ToList(),
            new JsonSummary(report.Files.Count, report.FilesWithFindings, report.Errors, report.Warnings, report.Notes),
            report.Files.Where(f => f.Error is not null || f.Notifications.Count > 0)
                .SelectMany(f => (f.Error is null ? f.Notifications : f.Notifications.Prepend(f.Error)).Select(n => new JsonNotification(f.Path, n))).ToList(),
            report.IncludeStats
                ? report.Files.Where(f => f.Coverage is not null).Select(f => new JsonStats(f.Path, f.Coverage!.NumericStatements, f.Coverage.CheckedStatements,
                    Math.Round(f.Coverage.Ratio, 4), f.Coverage.Money, f.Coverage.Percentages, f.Coverage.Years, f.Coverage.OtherNumbers,
                    f.Coverage.ValueClaims, f.Coverage.RateClaims, f.Coverage.ShareClaims, f.Coverage.GrowthChecks)).ToList()
                : null);
        writer.Write(JsonSerializer.Serialize(document, Context.JsonReport));
        writer.WriteLine();
    }

    // Readable JSON: "×" and "+" stay as they are (the output is UTF-8, not embedded in HTML).
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static JsonFinding ToJson(Finding f) => new(
        f.Path, f.Rule.Id, f.Rule.Name, f.Severity.Name(), f.Message,
        f.Location.Line, f.Location.Column, f.Location.EndLine, f.Location.EndColumn,
        f.Fixes.Select(x => new JsonFix(x.Description, x.Edits.Select(e => new JsonEdit(e.Location.Line, e.Location.Column, e.Location.EndLine, e.Location.EndColumn, e.NewText)).ToList())).ToList(),
        f.Related.Select(r => new JsonRelated(r.Location.Path, r.Location.Line, r.Location.Column, r.Message, ToJson(r.Location.Origin))).ToList(),
        f.Properties.Count > 0 ? new SortedDictionary<string, string>(f.Properties, StringComparer.Ordinal) : null,
        ToJson(f.Location.Origin));

    private static JsonOrigin? ToJson(SourceOrigin? o) => o is null ? null : new(o.Description, o.Paragraph, o.Table, o.Row, o.Cell);
}

public sealed record JsonReport(
    string Version,
    IReadOnlyList<JsonFinding> Findings,
    JsonSummary Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonNotification>? Notifications,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonStats>? Stats);

public sealed record JsonFinding(
    string Path, string RuleId, string RuleName, string Severity, string Message,
    int Line, int Column, int EndLine, int EndColumn,
    IReadOnlyList<JsonFix> Fixes,
    IReadOnlyList<JsonRelated> Related,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SortedDictionary<string, string>? Properties,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonOrigin? Origin);

public sealed record JsonFix(string Description, IReadOnlyList<JsonEdit> Edits);
public sealed record JsonEdit(int Line, int Column, int EndLine, int EndColumn, string NewText);
public sealed record JsonRelated(string Path, int Line, int Column, string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonOrigin? Origin);

/// <summary>Where a finding is in a Word document's own terms: its paragraph, or its table, row and cell (1-based).</summary>
public sealed record JsonOrigin(
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Paragraph,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Table,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Cell);
public sealed record JsonSummary(int Files, int FilesWithFindings, int Errors, int Warnings, int Notes);
public sealed record JsonNotification(string Path, string Message);
public sealed record JsonStats(string Path, int NumericStatements, int CheckedStatements, double Coverage, int Money, int Percentages, int Years, int OtherNumbers,
    int ValueClaims, int RateClaims, int ShareClaims, int GrowthChecks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
