using System.Text.Json;
using FluentAssertions;
using Json.Schema;
using ReportLint.Core.Configuration;
using ReportLint.Core.Engine;
using ReportLint.Core.Knowledge;
using Xunit;

namespace ReportLint.Tests.Integrations;

public sealed class ConfigurationTests
{
    private static string SchemaPath => Path.Combine(TestPaths.RepoRoot, "schemas", "reportlint.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    /// <summary>A temporary folder holding a copy of the seed report and, if given, a .reportlint.yaml.</summary>
    internal static string SeedFolder(string? config = null)
    {
        string dir = ReportLintProcess.TempFolder();
        File.WriteAllText(Path.Combine(dir, "draft.txt"), TestPaths.CagrOnlyDraft);
        if (config is not null) File.WriteAllText(Path.Combine(dir, ".reportlint.yaml"), config);
        return dir;
    }

    private static List<(string Rule, string Severity)> Findings(string output) =>
        JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!)).ToList();

    internal static void AssertMatchesSchema(string yaml)
    {
        var schema = Schema.Value;
        var json = YamlJson.Convert(yaml);
        var result = schema.Evaluate(JsonDocument.Parse(json?.ToJsonString() ?? "null").RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Without_configuration_the_seed_has_its_error()
    {
        var (exit, output, _) = ReportLintProcess.Run(SeedFolder(), "lint", ".", "--format", "json");
        exit.Should().Be(1);
        Findings(output).Should().Equal(("RL101", "error"));
    }

    [Fact]
    public void A_config_file_turns_a_rule_off()
    {
        var (exit, output, _) = ReportLintProcess.Run(SeedFolder("rules:\n  RL101: off\n"), "lint", ".", "--format", "json");
        exit.Should().Be(0);
        Findings(output).Should().BeEmpty();
    }

    [Fact]
    public void A_config_file_changes_a_severity_by_rule_name()
    {
        var (exit, output, _) = ReportLintProcess.Run(SeedFolder("rules:\n  cagr-mismatch: warning\n"), "lint", ".", "--format", "json");
        exit.Should().Be(0);
        Findings(output).Should().Equal(("RL101", "warning"));
    }

    [Fact]
    public void A_config_file_changes_a_tolerance()
    {
        // The seed's stated end value is 3.7 % above the recomputed one: an error at the default 1 %, a warning at 5 %.
        var (exit, output, _) = ReportLintProcess.Run(SeedFolder("rules:\n  RL101:\n    tolerance: 0.05\n"), "lint", ".", "--format", "json");
        exit.Should().Be(0);
        Findings(output).Should().Equal(("RL101", "warning"));
    }

    [Fact]
    public void The_nearest_config_wins_and_config_overrides_discovery()
    {
        string dir = SeedFolder("rules:\n  RL101: warning\n");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "draft.txt"), TestPaths.CagrOnlyDraft);
        File.WriteAllText(Path.Combine(dir, "sub", ".reportlint.yaml"), "rules:\n  RL101: off\n");
        var (_, output, _) = ReportLintProcess.Run(dir, "lint", ".", "--format", "json");
        var paths = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        paths.Should().Equal("./draft.txt");

        File.WriteAllText(Path.Combine(dir, "strict.yaml"), "rules:\n  RL101: error\n");
        var (exit, strict, _) = ReportLintProcess.Run(dir, "lint", ".", "--format", "json", "--config", "strict.yaml");
        exit.Should().Be(1);
        Findings(strict).Should().Equal(("RL101", "error"), ("RL101", "error"));
    }

    [Fact]
    public void Ignore_globs_skip_files_and_a_run_with_every_input_ignored_is_clean()
    {
        string dir = SeedFolder("ignore:\n  - \"archive/**\"\n");
        Directory.CreateDirectory(Path.Combine(dir, "archive", "2023"));
        File.WriteAllText(Path.Combine(dir, "archive", "2023", "old.txt"), TestPaths.CagrOnlyDraft);
        var (_, output, _) = ReportLintProcess.Run(dir, "lint", ".", "--format", "json");
        JsonDocument.Parse(output).RootElement.GetProperty("summary").GetProperty("files").GetInt32().Should().Be(1);

        var (exit, _, err) = ReportLintProcess.Run(dir, "lint", "archive/2023/old.txt");
        exit.Should().Be(0, "a hook passing only ignored files must not fail: " + err);
    }

    [Theory]
    [InlineData("rules:\n  RL999: off\n", 2, "unknown rule 'RL999'")]
    [InlineData("rules:\n  RL101:\n    tolerence: 0.02\n", 3, "has no option 'tolerence'")]
    [InlineData("rules:\n  RL101:\n    tolerance: 2\n", 3, "must be between 0 and 1")]
    [InlineData("rules:\n  RL101:\n    tolerance: lots\n", 3, "must be a number")]
    [InlineData("rules:\n  RL105: loud\n", 2, "'loud' is not a severity")]
    [InlineData("rules:\n  RL101: off\n  cagr-mismatch: error\n", 3, "configured twice")]
    [InlineData("rule:\n  RL101: off\n", 1, "unknown setting 'rule'")]
    [InlineData("rulePacks:\n  - no-such-folder\n", 2, "does not exist")]
    [InlineData("rules: [RL101\n", 2, "")]
    // Two aliases used as keys before their anchors: YamlDotNet recursed resolving them until the process overflowed its stack.
    [InlineData("rules:\n  *a : off\n  *b : off\nx: &a RL101\ny: &b RL102\n", 2, "the alias '*a' comes before its anchor '&a'")]
    public void An_invalid_file_stops_the_run_naming_file_line_and_problem(string yaml, int line, string problem)
    {
        var (exit, output, err) = ReportLintProcess.Run(SeedFolder(yaml), "lint", ".");
        exit.Should().Be(2);
        output.Should().BeEmpty();
        err.TrimEnd().Split('\n').Should().ContainSingle();
        err.Should().Contain($".reportlint.yaml:{line}:");
        if (problem.Length > 0) err.Should().Contain(problem);
    }

    [Fact]
    public void Packs_resolve_to_absolute_folders_and_industry_reaches_the_settings()
    {
        string dir = ReportLintProcess.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "packs", "house"));
        var config = ReportLintConfig.Parse("x.yaml", "rulePacks: [packs/house]\nindustry: pharmaceuticals\n", dir, BuiltInRules.Descriptors);
        config.RulePacks.Should().Equal(Path.Combine(dir, "packs", "house"));
        config.Settings.Industry.Should().Be("pharmaceuticals");
        Path.IsPathRooted(config.RulePacks[0]).Should().BeTrue();
    }

    [Fact]
    public void Options_are_checked_against_any_descriptor_generically()
    {
        var rule = new Core.Rules.RuleDescriptor("RL301", "boilerplate-reuse", Core.Rules.RuleFamily.Boilerplate, Core.Findings.Severity.Warning,
            "s", "d", "f", "p", [new Core.Rules.RuleOption("sensitivity", Core.Rules.OptionKind.Number, "0.8", "How alike.", 0, 1),
                                  new Core.Rules.RuleOption("mode", Core.Rules.OptionKind.Text, "fast", "How.", Allowed: ["fast", "thorough"])]);
        var config = ReportLintConfig.Parse("x.yaml", "rules:\n  RL301:\n    sensitivity: 0.9\n    mode: thorough\n", ".", [rule]);
        config.Settings.For(rule).Number(rule.OptionList[0]).Should().Be(0.9);
        var act = () => ReportLintConfig.Parse("x.yaml", "rules:\n  boilerplate-reuse:\n    mode: slow\n", ".", [rule]);
        act.Should().Throw<DataFileException>().Which.Message.Should().Be("x.yaml:3:11: option 'mode' of RL301 boilerplate-reuse must be one of fast, thorough, not 'slow'");
    }

    [Fact]
    public void Init_writes_a_commented_starter_that_loads_matches_the_schema_and_changes_nothing()
    {
        string dir = SeedFolder();
        var (exit, _, err) = ReportLintProcess.Run(dir, "init");
        exit.Should().Be(0, err);
        string starter = File.ReadAllText(Path.Combine(dir, ".reportlint.yaml"));
        starter.Should().Contain("RL101").And.Contain("tolerance").And.Contain("ignore:").And.Contain("rulePacks:").And.Contain("industry");
        AssertMatchesSchema(starter);
        var config = ReportLintConfig.Parse("starter", starter, dir, BuiltInRules.Descriptors);
        config.Settings.Rules.Should().BeEmpty();
        config.Settings.DisabledRules.Should().BeEmpty();
        ReportLintProcess.Run(dir, "lint", ".").Exit.Should().Be(1);
        ReportLintProcess.Run(dir, "init").Exit.Should().Be(2, "an existing file is not overwritten without --force");
    }

    [Fact]
    public void Uncommented_starter_settings_are_valid_too()
    {
        string starter = StarterConfig.Write(BuiltInRules.Descriptors);
        string uncommented = string.Join('\n', starter.Split('\n')
            .Where(l => !l.Contains("rule-packs/"))
            .Select(l => l.StartsWith("  # ") && !l.StartsWith("  # RL") && !l.Contains("): ") || l.StartsWith("  # RL") && l.Contains(':') && !l.Contains(" (") ? "  " + l[4..] : l)
            .Select(l => l.StartsWith("# industry") ? l[2..] : l));
        AssertMatchesSchema(uncommented);
        var config = ReportLintConfig.Parse("starter", uncommented, ".", BuiltInRules.Descriptors);
        config.Settings.Rules.Should().ContainKey("RL101");
        config.Ignore.Should().Equal("archive/**");
    }

    [Fact]
    public void The_shipped_schema_is_the_one_the_rules_generate()
    {
        File.ReadAllText(SchemaPath).ReplaceLineEndings("\n").Should().Be(ConfigSchema.Generate(BuiltInRules.Descriptors),
            "schemas/reportlint.schema.json must be regenerated after rules change: reportlint init --schema > schemas/reportlint.schema.json");
    }
}
