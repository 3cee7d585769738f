using System.Text.RegularExpressions;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// markdownlint-style fixtures: each expected finding is marked on its line with a trailing
/// <c>&lt;!-- expect: RL101 --&gt;</c> (Markdown) or <c>{RL101}</c> (plain text). Markers are blanked before
/// linting, and the test asserts the exact set of (line, rule) pairs, so a false positive fails as loudly as a miss.
/// Markers naming rules that are not built in yet are ignored until the rule lands.
/// </summary>
public sealed partial class FixtureTests
{
    [GeneratedRegex(@"<!--\s*expect:\s*([A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)\s*-->|\{([A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Marker();

    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md") || f.EndsWith(".txt"))
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.Fixtures, file));
        return data;
    }

    internal static (string Text, HashSet<(int Line, string Rule)> Expected) ReadFixture(string path)
    {
        var expected = new HashSet<(int, string)>();
        var lines = File.ReadAllText(path).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            bool cr = line.EndsWith('\r');
            string body = cr ? line[..^1] : line;
            int lineNumber = i + 1;
            string stripped = Marker().Replace(body, m =>
            {
                string ids = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                foreach (var id in ids.Split(',', StringSplitOptions.TrimEntries)) expected.Add((lineNumber, id));
                return "";
            });
            lines[i] = (stripped.Length != body.Length ? stripped.TrimEnd() : body) + (cr ? "\r" : "");
        }
        return (string.Join('\n', lines), expected);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Fixture_reports_exactly_the_marked_findings(string relativePath)
    {
        string path = Path.Combine(TestPaths.Fixtures, relativePath);
        var (text, expected) = ReadFixture(path);
        var builtIn = BuiltInRules.Descriptors.Select(d => d.Id).ToHashSet();
        expected.RemoveWhere(e => !builtIn.Contains(e.Rule));

        var result = new Linter().Lint(DocumentReader.Parse(relativePath, text, DocumentReader.FormatFor(path)));
        var actual = result.Findings.Select(f => (f.Location.Line, f.Rule.Id)).ToHashSet();

        var missing = expected.Except(actual).OrderBy(x => x).ToList();
        var unexpected = result.Findings.Where(f => !expected.Contains((f.Location.Line, f.Rule.Id))).Select(f => f.ToString()).ToList();
        missing.Should().BeEmpty("every marked finding must be reported");
        unexpected.Should().BeEmpty("nothing unmarked may be reported");
        result.Notifications.Where(n => n.Contains("failed")).Should().BeEmpty();
    }
}
