using System.Text.Json;
using ReportLint.Core.Findings;
using ReportLint.Core.Rules;

namespace ReportLint.Core.Output;

/// <summary>
/// SARIF 2.1.0 for code review (GitHub code scanning, Azure DevOps, IDE viewers): one run whose driver lists every
/// rule that can fire, one result per reported finding with its region, related places, GitHub's line-hash fingerprint
/// and suggested fixes, and the files that could not be read as tool notifications. Written with System.Text.Json
/// source generation, like the JSON format.
/// </summary>
public sealed class SarifFormatter : IFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";
    public const string InformationUri = "https://github.com/reportlint/reportlint";

    public void Write(LintReport report, TextWriter writer)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < report.Rules.Count; i++) ruleIndex.TryAdd(report.Rules[i].Id, i);

        var results = new List<SarifResult>();
        var notifications = new List<SarifNotification>();
        foreach (var file in report.Files)
        {
            var artifact = Artifact(report, file);
            if (file.Error is not null)
                notifications.Add(new SarifNotification("error", Text(file.Error), [new SarifLocation(new SarifPhysicalLocation(artifact, null))]));
            foreach (var note in file.Notifications)
                notifications.Add(new SarifNotification("warning", Text(note), [new SarifLocation(new SarifPhysicalLocation(artifact, null))]));
            foreach (var finding in file.Findings)
                if (finding.Suppression is null || report.IncludeSuppressed)
                    results.Add(ToResult(finding, artifact, ruleIndex));
        }

        var log = new SarifLog(SchemaUri, "2.1.0",
        [
            new SarifRun(
                new SarifTool(new SarifDriver("ReportLint", report.ToolVersion, report.ToolVersion, InformationUri, report.Rules.Select(ToRule).ToList())),
                [new SarifInvocation(report.Files.All(f => f.Error is null), notifications.Count > 0 ? notifications : null)],
                new Dictionary<string, SarifArtifactLocation>
                {
                    [SourceRoot] = new(new Uri(Path.TrimEndingDirectorySeparator(report.WorkingDirectory) + Path.DirectorySeparatorChar).AbsoluteUri, null),
                },
                results,
                "utf16CodeUnits"),
        ]);
        writer.Write(JsonSerializer.Serialize(log, Context.SarifLog));
        writer.WriteLine();
    }

    private static readonly SarifJsonContext Context = new(new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static SarifMessage Text(string text) => new(text);

    /// <summary>SARIF viewers show a message's first sentence as its title, and expect it to end like one.</summary>
    private static SarifMessage Sentence(string text)
    {
        text = text.TrimEnd();
        return new SarifMessage(text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".");
    }

    private static SarifRule ToRule(RuleDescriptor rule) => new(
        rule.Id,
        rule.Name,
        Sentence(rule.Summary),
        Sentence(rule.Description),
        new SarifMultiformatMessage(rule.HelpText, rule.HelpMarkdown),
        new SarifConfiguration(rule.DefaultSeverity.Name()),
        new SarifRuleProperties([rule.Family.Tag()]));

    /// <summary>Relative to the working directory (GitHub resolves it against the checkout); absolute outside it.</summary>
    private static SarifArtifactLocation Artifact(LintReport report, FileReport file)
    {
        string path = report.RelativePath(file);
        if (file.FullPath is not null && Path.IsPathRooted(path)) return new SarifArtifactLocation(new Uri(path).AbsoluteUri, null);
        return new SarifArtifactLocation(string.Join('/', path.Split('/').Select(Uri.EscapeDataString)), SourceRoot);
    }

    private static SarifRegion Region(SourceLocation l, bool withSnippet) =>
        new(l.Line, l.Column, l.EndLine, l.EndColumn, withSnippet && l.Snippet.Length > 0 ? new SarifArtifactContent(l.Snippet) : null);

    private static SarifResult ToResult(Finding f, SarifArtifactLocation artifact, Dictionary<string, int> ruleIndex) => new(
        f.Rule.Id,
        ruleIndex.TryGetValue(f.Rule.Id, out int index) ? index : null,
        f.Severity.Name(),
        // Word and HTML findings also say where they are in the author's terms ("paragraph 12").
        Sentence(f.Location.Origin is { } origin ? $"{f.Message} ({origin.Description})" : f.Message),
        [new SarifLocation(new SarifPhysicalLocation(artifact, Region(f.Location, withSnippet: true)))],
        f.Related.Count == 0 ? null : f.Related.Select((r, i) => new SarifLocation(new SarifPhysicalLocation(artifact, Region(r.Location, withSnippet: true)), i + 1, Sentence(r.Message))).ToList(),
        f.LineHash is null ? null : new Dictionary<string, string> { ["primaryLocationLineHash"] = f.LineHash },
        f.Fixes.Count == 0 ? null : f.Fixes.Select(x => new SarifFix(Sentence(x.Description),
            [new SarifArtifactChange(artifact, x.Edits.Select(e => new SarifReplacement(Region(e.Location, withSnippet: false), new SarifArtifactContent(e.NewText))).ToList())])).ToList(),
        f.Suppression is null ? null : [new SarifSuppression(f.Suppression.Kind == SuppressionKind.InSource ? "inSource" : "external", f.Suppression.Justification)],
        Properties(f));

    private static SortedDictionary<string, string>? Properties(Finding f)
    {
        if (f.Properties.Count == 0 && f.Location.Origin is null) return null;
        var properties = new SortedDictionary<string, string>(f.Properties, StringComparer.Ordinal);
        if (f.Location.Origin is { } o)
        {
            properties["origin"] = o.Description;
            if (o.Paragraph is { } p) properties["paragraph"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (o.Table is { } t) properties["table"] = t.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (o.Row is { } r) properties["row"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (o.Cell is { } c) properties["cell"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return properties;
    }
}
