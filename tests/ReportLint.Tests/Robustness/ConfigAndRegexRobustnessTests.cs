using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules.Packs;
using Xunit;

namespace ReportLint.Tests.Robustness;

/// <summary>Hostile configuration (exit 2 naming file, line and problem; never a partial run) and hostile patterns (never a hang).</summary>
public sealed class ConfigAndRegexRobustnessTests
{
    private static (int Exit, string Out, string Err) LintWithConfig(string yaml)
    {
        string dir = Directory.CreateTempSubdirectory("reportlint-cfg-").FullName;
        File.WriteAllText(Path.Combine(dir, "draft.txt"), TestPaths.CagrOnlyDraft);
        File.WriteAllText(Path.Combine(dir, "config.yaml"), yaml);
        return CliTests.Run("lint", Path.Combine(dir, "draft.txt"), "--config", Path.Combine(dir, "config.yaml"));
    }

    [Theory]
    [InlineData("rules:\n  RL101: [off\n", 0, "")]                                          // invalid YAML
    [InlineData("rules: off\n", 1, "must be a mapping")]                                  // wrong type
    [InlineData("rules:\n  RL101:\n    tolerance: [1, 2]\n", 3, "")]                      // wrong type of option
    [InlineData("rules:\n  RL4242: warning\n", 2, "unknown rule 'RL4242'")]               // unknown rule id
    [InlineData("rules:\n  RL101: off\nindustry: [a, b]\n", 3, "")]                          // wrong type after a valid rule
    [InlineData("rules:\n  RL101:\u0000 off\n", 2, "NUL")]                                 // a NUL byte: YamlDotNet would stop there
    public void A_bad_configuration_exits_two_naming_file_line_and_problem(string yaml, int line, string problem)
    {
        var (exit, output, err) = LintWithConfig(yaml);
        exit.Should().Be(2, err);
        output.Should().BeEmpty("never a partial run with rules silently off");
        err.TrimEnd().Split('\n').Should().ContainSingle();
        err.Should().Contain("config.yaml:" + (line > 0 ? line + ":" : "")).And.NotContain("   at ");
        if (problem.Length > 0) err.Should().Contain(problem);
    }

    [Fact]
    public void An_alias_bomb_is_refused_quickly()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        yaml.Append("rules:\n  RL101: off\n");
        var watch = Stopwatch.StartNew();
        var (exit, _, err) = LintWithConfig(yaml.ToString());
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        exit.Should().Be(2);
        err.Should().Contain("config.yaml:").And.Contain("alias");
    }

    [Fact]
    public void A_ten_megabyte_configuration_is_refused_with_its_size()
    {
        var yaml = new StringBuilder("rules:\n  RL101: off\nignore:\n");
        while (yaml.Length < 10 << 20) yaml.Append("  - 'archive/some/long/folder/name/that/repeats/**/*.md'\n");
        var (exit, output, err) = LintWithConfig(yaml.ToString());
        exit.Should().Be(2);
        output.Should().BeEmpty();
        err.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("config.yaml:1:1").And.Contain("limited to 1 MiB");
    }

    [Fact]
    public void Every_built_in_pattern_is_non_backtracking_or_has_a_match_timeout()
    {
        var generated = typeof(Linter).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters)
            .Select(m => (Name: m.DeclaringType!.Name + "." + m.Name, Regex: (Regex)m.Invoke(null, null)!))
            .ToList();
        var placeholders = Placeholders.BuiltIn.Patterns.Select(p => (Name: "placeholder " + p.Id, p.Regex));
        var all = generated.Concat(placeholders).ToList();
        all.Should().NotBeEmpty();
        foreach (var (name, regex) in all)
            (regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout)
                .Should().BeTrue($"{name} ({regex}) must not be able to hang on hostile text");
    }

    [Fact]
    public void A_user_pattern_that_is_catastrophic_on_purpose_does_not_hang_the_run()
    {
        const string pack = "rules:\n  - id: evil/redos\n    kind: existence\n    severity: warning\n    message: 'evil {match}'\n    patterns: ['(a+)+$', '(x+x+)+y', '(\\w|\\d|[a-z0-9])*!', '(.*a){20}']\n";
        var rules = RulePackLoader.LoadAll([YamlData.Parse("evil.yaml", pack)]);
        rules.Should().ContainSingle().Which.Should().BeOfType<ExistenceRule>();
        string hostile = string.Concat(Enumerable.Repeat(new string('a', 5_000) + new string('x', 5_000) + " ", 20)) + "\n";
        var watch = Stopwatch.StartNew();
        var result = new Linter(extraRules: rules).Lint(DocumentReader.Parse("draft.txt", hostile, DocumentFormat.PlainText));
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        result.Notifications.Should().NotContain(n => n.Contains("failed"));
    }
}
