using Humanizer;

namespace ReportLint.Core.Rules.Scope;

/// <summary>Wording shared by the scope rules: "Asia Pacific (line 13), Latin America (line 15) and China (line 17)".</summary>
internal static class ScopeText
{
    public static string WithLines(IEnumerable<(string Name, int Line)> items) =>
        items.Select(i => $"{i.Name} (line {i.Line})").Humanize("and");

    public static string Names(IEnumerable<string> names) => names.Humanize("and");
}
