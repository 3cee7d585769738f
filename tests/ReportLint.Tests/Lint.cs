using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;

namespace ReportLint.Tests;

/// <summary>Small helpers to lint text in tests.</summary>
internal static class Lint
{
    private static readonly Linter Linter = new();

    public static DocumentResult Text(string text, DocumentFormat format = DocumentFormat.PlainText, string path = "test.txt") =>
        Linter.Lint(DocumentReader.Parse(path, text, format));

    public static IReadOnlyList<Finding> Findings(string text, DocumentFormat format = DocumentFormat.PlainText) => Text(text, format).Findings;
}
