using System.Text;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules.Boilerplate;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Tests.Evaluation;

/// <summary>
/// Measures RL301 the way it will be judged: pasted foreign passages found (and named), clean reports silent.
/// Two measurements: the labelled off-topic fixtures (EXPECTED.tsv) with the clean and cross-industry fixtures, and a
/// held-out-style run that pastes each passage of Data/off-topic-heldout.yaml into every other industry's clean report,
/// as a body sentence, as an added "Opportunities" field, or in place of the "Restraints" value.
/// Run alone with: dotnet test --filter "FullyQualifiedName~OffTopicEvaluation" --logger "console;verbosity=detailed"
/// </summary>
public sealed class OffTopicEvaluation(ITestOutputHelper output)
{
    private static readonly Linter OffTopicOnly = new([new OffTopicPassageRule()]);

    private static string Reports => Path.Combine(TestPaths.Fixtures, "reports");

    private static List<(int Line, string Industry)> Flags(string path, string text) =>
        OffTopicOnly.Lint(DocumentReader.Parse(path, text, DocumentReader.FormatFor(path))).Findings
            .Select(f => (f.Location.Line, f.Properties["industry"])).ToList();

    [Fact]
    public void Labelled_fixtures_meet_the_targets()
    {
        var expected = File.ReadAllLines(Path.Combine(Reports, "off-topic", "EXPECTED.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Select(c => (File: c[0], Line: int.Parse(c[1]), Industry: c[2])).ToList();
        int found = 0, named = 0;
        var report = new StringBuilder();
        foreach (var group in expected.GroupBy(e => e.File))
        {
            string path = Path.Combine(Reports, "off-topic", group.Key);
            var flags = Flags(path, FixtureTests.ReadFixture(path).Text);
            foreach (var e in group)
            {
                var at = flags.Where(f => f.Line == e.Line).ToList();
                if (at.Count > 0) found++;
                if (at.Any(f => f.Industry == e.Industry)) named++;
                else report.AppendLine($"  missed or misnamed: {e.File}:{e.Line} ({e.Industry}) got [{string.Join(", ", at.Select(a => a.Industry))}]");
            }
        }
        var cleanFiles = Directory.EnumerateFiles(Path.Combine(Reports, "clean")).Concat(Directory.EnumerateFiles(Path.Combine(Reports, "cross-industry"))).Order().ToList();
        int silent = 0;
        foreach (var file in cleanFiles)
        {
            var flags = Flags(file, FixtureTests.ReadFixture(file).Text);
            if (flags.Count == 0) silent++;
            else report.AppendLine($"  not silent: {Path.GetFileName(file)} at lines {string.Join(", ", flags.Select(f => f.Line))}");
        }
        output.WriteLine($"labelled fixtures: pasted passages found {found}/{expected.Count} ({(double)found / expected.Count:P1}), "
                         + $"with the right industry {named}/{expected.Count}; clean and cross-industry reports silent {silent}/{cleanFiles.Count} ({(double)silent / cleanFiles.Count:P1})");
        output.WriteLine(report.ToString());
        ((double)found / expected.Count).Should().BeGreaterThanOrEqualTo(0.9);
        ((double)silent / cleanFiles.Count).Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Held_out_style_pastes_meet_the_targets()
    {
        var passages = LoadPassages();
        var cleanReports = Directory.EnumerateFiles(Path.Combine(Reports, "clean"))
            .Where(f => passages.ContainsKey(Path.GetFileNameWithoutExtension(f))).Order().ToList();
        int trials = 0, found = 0, named = 0, noisy = 0;
        var misses = new Dictionary<string, int>();
        var log = new StringBuilder();
        foreach (var report in cleanReports)
        {
            string home = Path.GetFileNameWithoutExtension(report);
            var clean = FixtureTests.ReadFixture(report).Text;
            foreach (var (foreign, list) in passages.Where(p => p.Key != home))
            {
                foreach (var (kind, passage) in list)
                {
                    var (text, line) = Paste(report, clean, kind, passage, trials);
                    var flags = Flags(report, text);
                    trials++;
                    var at = flags.Where(f => f.Line == line).ToList();
                    if (at.Count > 0) found++;
                    if (at.Any(f => f.Industry == foreign)) named++;
                    else
                    {
                        misses[$"{foreign} into {home}"] = misses.GetValueOrDefault($"{foreign} into {home}") + 1;
                        log.AppendLine($"  missed: {foreign} {kind} into {home}: {passage} → [{string.Join(", ", at.Select(a => a.Industry))}]");
                    }
                    if (flags.Any(f => f.Line != line)) noisy++;
                }
            }
        }
        output.WriteLine($"held-out-style pastes: {trials} trials, found {found} ({(double)found / trials:P1}), "
                         + $"with the right industry {named} ({(double)named / trials:P1}); trials with a finding elsewhere in the report: {noisy}");
        output.WriteLine(log.ToString());
        ((double)found / trials).Should().BeGreaterThanOrEqualTo(0.9);
        ((double)noisy / trials).Should().BeLessThanOrEqualTo(0.05);
    }

    /// <summary>Pastes a passage into a report; returns the new text and the 1-based line the passage is on.</summary>
    private static (string Text, int Line) Paste(string path, string text, string kind, string passage, int seed)
    {
        var lines = text.Split('\n').ToList();
        bool markdown = path.EndsWith(".md", StringComparison.Ordinal);
        int restraints = lines.FindIndex(l => l.TrimStart('|', ' ').StartsWith("Restraints", StringComparison.Ordinal));
        switch (kind)
        {
            case "field" when seed % 2 == 0 && restraints >= 0:
                lines.Insert(restraints + 1, markdown ? $"| Opportunities | {passage} |" : $"Opportunities: | {passage} | | |");
                return (string.Join('\n', lines), restraints + 2);
            case "field" when restraints >= 0:
                lines[restraints] = markdown ? $"| Restraints & Challenges | {passage} |" : $"Restraints & Challenges: | {passage} | | |";
                return (string.Join('\n', lines), restraints + 1);
            default:
                // After one of the long body paragraphs, chosen by the trial number.
                var paragraphs = Enumerable.Range(0, lines.Count).Where(i => lines[i].Length > 200 && !lines[i].Contains('|')).ToList();
                int after = paragraphs[seed % paragraphs.Count];
                if (markdown) { lines.Insert(after + 1, ""); lines.Insert(after + 2, passage); return (string.Join('\n', lines), after + 3); }
                lines.Insert(after + 1, passage);
                return (string.Join('\n', lines), after + 2);
        }
    }

    private static Dictionary<string, List<(string Kind, string Text)>> LoadPassages()
    {
        var data = YamlData.Parse("off-topic-heldout.yaml", File.ReadAllText(Path.Combine(TestPaths.Data, "off-topic-heldout.yaml")));
        var root = (YamlMappingNode)((YamlMappingNode)data.Root).Children[new YamlScalarNode("passages")];
        var result = new Dictionary<string, List<(string, string)>>();
        foreach (var (key, value) in root.Children)
        {
            var entry = (YamlMappingNode)value;
            var list = new List<(string, string)>();
            foreach (var kind in new[] { "sentences", "fields" })
                if (entry.Children.TryGetValue(new YamlScalarNode(kind), out var node))
                    list.AddRange(((YamlSequenceNode)node).Children.Select(c => (kind == "fields" ? "field" : "sentence", ((YamlScalarNode)c).Value!)));
            result[((YamlScalarNode)key).Value!] = list;
        }
        return result;
    }
}
