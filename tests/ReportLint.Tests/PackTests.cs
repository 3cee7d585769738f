using System.Text.RegularExpressions;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules;
using ReportLint.Core.Rules.Packs;
using Xunit;

namespace ReportLint.Tests;

/// <summary>Custom rule packs: loading, each kind of rule, errors that name file and line, safety on hostile text.</summary>
public sealed partial class PackTests : IDisposable
{
    private static string Packs => Path.Combine(TestPaths.RepoRoot, "tests", "ReportLint.Tests", "Packs");
    private readonly string _temp = Directory.CreateTempSubdirectory("reportlint-packs-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static IReadOnlyList<Finding> LintWith(IReadOnlyList<Rule> pack, string path)
    {
        var linter = new Linter(extraRules: pack);
        return linter.Lint(DocumentReader.Parse(path, File.ReadAllText(path), DocumentReader.FormatFor(path))).Findings;
    }

    [Fact]
    public void A_pack_in_a_folder_adds_rules_that_fire_with_their_severity_and_message()
    {
        var pack = RulePackLoader.LoadFolder(Path.Combine(Packs, "acme"));
        pack.Select(r => r.Descriptor.Id).Should().Equal("acme/no-best-in-class", "acme/percent", "acme/scope-fields");
        pack.Should().OnlyContain(r => r.Descriptor.Family == RuleFamily.Custom);

        var findings = LintWith(pack, Path.Combine(Packs, "samples", "acme-draft.md"));
        var existence = findings.Where(f => f.Rule.Id == "acme/no-best-in-class").ToList();
        existence.Select(f => f.Location.Snippet).Should().Equal("best-in-class", "number one player");
        existence.Should().OnlyContain(f => f.Severity == Severity.Error);
        existence[0].Message.Should().Be("Acme style: do not call anyone 'best-in-class'");
        existence[0].Location.Line.Should().Be(3);
    }

    [Fact]
    public void Substitutions_offer_the_preferred_word_as_a_fix()
    {
        var findings = LintWith(RulePackLoader.LoadFolder(Path.Combine(Packs, "acme")), Path.Combine(Packs, "samples", "acme-draft.md"))
            .Where(f => f.Rule.Id == "acme/percent").ToList();
        findings.Select(f => f.Message).Should().Equal("Acme style: write 'percent', not 'per cent'");
        findings.Single().Severity.Should().Be(Severity.Warning);
        findings.Single().Fixes.Single().Edits.Single().NewText.Should().Be("percent");
        // "programmes" is not "programme": whole words only.
    }

    [Fact]
    public void Required_fields_name_the_missing_scope_key()
    {
        var findings = LintWith(RulePackLoader.LoadFolder(Path.Combine(Packs, "acme")), Path.Combine(Packs, "samples", "acme-draft.md"))
            .Where(f => f.Rule.Id == "acme/scope-fields").ToList();
        findings.Select(f => f.Message).Should().Equal("The scope table has no 'Companies covered' entry; Acme reports always state it");
        findings.Single().Location.Line.Should().Be(9);
    }

    [Fact]
    public void Built_in_packs_load_like_user_packs_and_are_part_of_the_built_in_rules()
    {
        var builtIn = RulePackLoader.BuiltIn();
        builtIn.Should().NotBeEmpty();
        BuiltInRules.Descriptors.Select(d => d.Id).Should().Contain(builtIn.Select(r => r.Descriptor.Id));
        const string draft = "Vendors utilise cloud tools in order to cut costs; the suite is best-in-class.";
        Lint.Findings(draft).Should().BeEmpty("the built-in style rules are opinions, off until configuration turns them on");
        var settings = new LintSettings();
        settings.EnabledRules.UnionWith(["style/plain-words", "style/hype"]);
        var findings = new Linter().Lint(ReportLint.Core.Documents.DocumentReader.Parse("a.txt", draft, ReportLint.Core.Documents.DocumentFormat.PlainText), settings).Findings;
        findings.Select(f => f.Rule.Id).Should().Contain(["style/plain-words", "style/hype"]);
        findings.First(f => f.Rule.Id == "style/plain-words").Fixes.Single().Edits.Single().NewText.Should().Be("use");
    }

    private void Write(string name, string yaml) => File.WriteAllText(Path.Combine(_temp, name), yaml);

    [Theory]
    [InlineData("rules:\n  - id: a/x\n    kind: frobnicate\n    severity: note\n    message: m\n", 3, "unknown kind 'frobnicate'")]
    [InlineData("rules:\n  - id: a/x\n    kind: existence\n    severity: note\n    message: m\n    patterns: ['(a)\\1']\n", 6, "cannot be used")]
    [InlineData("rules:\n  - id: a/x\n    kind: existence\n    severity: loud\n    message: m\n    tokens: [x]\n", 4, "unknown severity 'loud'")]
    [InlineData("rules:\n  - id: a/x\n    kind: existence\n    severity: note\n    message: m\n    tokens: [x]\n  - id: a/x\n    kind: existence\n    severity: note\n    message: m\n    tokens: [y]\n", 7, "already defined")]
    [InlineData("rules:\n  - id: a/x\n    kind: substitution\n    severity: note\n    message: m\n    tokens: [x]\n", 2, "unknown key 'tokens'")]
    public void Invalid_packs_fail_naming_file_line_and_problem(string yaml, int line, string problem)
    {
        Write("bad.yaml", yaml);
        var act = () => RulePackLoader.LoadFolder(_temp);
        var error = act.Should().Throw<DataFileException>().Which;
        error.File.Should().EndWith("bad.yaml");
        error.Line.Should().Be(line);
        error.Problem.Should().Contain(problem);
    }

    [Fact]
    public void A_pattern_that_would_backtrack_catastrophically_stays_linear()
    {
        Write("slow.yaml", "rules:\n  - id: a/slow\n    kind: existence\n    severity: note\n    message: m\n    patterns: ['(a+)+b', '(x|x)*y']\n");
        var pack = RulePackLoader.LoadFolder(_temp);
        var text = new string('a', 50_000) + "\n\n" + new string('x', 50_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        new Linter(rules: pack).Lint(DocumentReader.Parse("hostile.txt", text, DocumentFormat.PlainText)).Findings.Should().BeEmpty();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [GeneratedRegex(@"## Custom rule packs.*?```yaml\n(.*?)```", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReadmeExample();

    [Fact]
    public void The_README_example_pack_works_as_documented()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var example = ReadmeExample().Match(readme);
        example.Success.Should().BeTrue("README.md has a 'Custom rule packs' section with a yaml example");
        Write("house-style.yaml", example.Groups[1].Value);
        var pack = RulePackLoader.LoadFolder(_temp);
        var findings = new Linter(extraRules: pack).Lint(DocumentReader.Parse("draft.txt",
            "Smart Thermostat Market\nOur client is a world-leading vendor whose sales rose 5 per cent in 2024.\n", DocumentFormat.PlainText)).Findings;
        findings.Should().Contain(f => f.Rule.Id == "house/no-world-leading" && f.Severity == Severity.Warning && f.Message.Contains("world-leading"));
        findings.Should().Contain(f => f.Rule.Id == "house/percent" && f.Fixes.Count == 1);
    }
}
