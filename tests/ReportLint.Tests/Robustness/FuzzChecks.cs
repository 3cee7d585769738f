using System.Text.Json;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Output;

namespace ReportLint.Tests.Robustness;

/// <summary>What must hold for any document whatever its content: spans inside it, positions consistent, output well-formed.</summary>
internal static class FuzzChecks
{
    private static readonly IReadOnlyList<Core.Rules.RuleDescriptor> Descriptors = new Linter().Descriptors;

    public static void AssertSpansInside(DocumentResult result)
    {
        var document = result.Document;
        foreach (var finding in result.Findings)
        {
            AssertInside(document, finding.Location, finding.Rule.Id);
            foreach (var related in finding.Related.Where(r => r.Location.Path == document.Path)) AssertInside(document, related.Location, finding.Rule.Id + " related");
            foreach (var edit in finding.Fixes.SelectMany(f => f.Edits)) AssertInside(document, edit.Location, finding.Rule.Id + " fix");
        }
    }

    private static void AssertInside(ReportDocument document, SourceLocation location, string what)
    {
        var span = location.Span;
        if (span.Start < 0 || span.End < span.Start || span.End > document.Text.Length)
            throw new InvalidOperationException($"{what}: span {span} outside a document of {document.Text.Length} characters");
        if (location.Line < 1 || location.Column < 1 || location.EndLine < location.Line || location.EndLine == location.Line && location.EndColumn < location.Column)
            throw new InvalidOperationException($"{what}: inconsistent position {location.Line}:{location.Column}-{location.EndLine}:{location.EndColumn}");
        if (document.Map?.Original is null)
        {
            // Unmapped text: line and column are exactly those of the span's start in the text.
            var position = document.Source.GetPosition(span.Start);
            if (position.Line != location.Line || position.Column != location.Column)
                throw new InvalidOperationException($"{what}: {location.Line}:{location.Column} but the span starts at {position.Line}:{position.Column}");
            if (location.EndLine > document.Source.LineCount)
                throw new InvalidOperationException($"{what}: ends on line {location.EndLine} of {document.Source.LineCount}");
        }
    }

    /// <summary>The JSON and SARIF formatters' output parses; with <paramref name="schema"/>, the SARIF validates against the 2.1.0 schema.</summary>
    public static void AssertOutputsParse(DocumentResult result, bool schema = false)
    {
        var file = new FileReport(result.Document.Path, result.Findings, result.Claims.Coverage, result.Notifications);
        var report = new LintReport([file], "0.0.0-fuzz", includeStats: true) { Rules = Descriptors };
        var json = new StringWriter();
        new JsonFormatter().Write(report, json);
        using (JsonDocument.Parse(json.ToString())) { }
        var sarif = new StringWriter();
        new SarifFormatter().Write(report, sarif);
        using (JsonDocument.Parse(sarif.ToString())) { }
        if (schema) Integrations.SarifSchema.AssertValid(sarif.ToString());
    }
}
