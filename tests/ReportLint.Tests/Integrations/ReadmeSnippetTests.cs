using System.Text.Json;
using FluentAssertions;
using ReportLint.Core.Configuration;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Tests.Integrations;

/// <summary>
/// The README's integration snippets, read out of README.md (each is the fenced block after a
/// <c>&lt;!-- snippet: NAME --&gt;</c> line) and used as a reader would use them. The pre-commit and .NET tool
/// snippets run in tests/e2e/pre-commit.sh.
/// </summary>
public sealed class ReadmeSnippetTests
{
    internal static string Snippet(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "README.md"));
        int marker = Array.IndexOf(lines, $"<!-- snippet: {name} -->");
        marker.Should().BeGreaterThanOrEqualTo(0, $"README.md should have a '{name}' snippet");
        int open = Array.FindIndex(lines, marker + 1, l => l.StartsWith("```"));
        int close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```"));
        return string.Join('\n', lines[(open + 1)..close]) + "\n";
    }

    /// <summary>The arguments of a `reportlint …` command line, without a trailing comment.</summary>
    private static string[] Arguments(string commandLine)
    {
        string command = commandLine.Split('#')[0].Trim();
        command.Should().StartWith("reportlint ");
        return command["reportlint ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A folder with the seed report as drafts/, as the snippets assume.</summary>
    private static string DraftsFolder()
    {
        string dir = ReportLintProcess.TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "drafts"));
        File.WriteAllText(Path.Combine(dir, "drafts", "micro-drama.txt"), TestPaths.CagrOnlyDraft);
        return dir;
    }

    private static IEnumerable<string> Commands(string snippet) => snippet.Split('\n').Where(l => l.StartsWith("reportlint "));

    [Fact]
    public void The_sarif_command_writes_valid_sarif()
    {
        string dir = DraftsFolder();
        var (exit, _, err) = ReportLintProcess.Run(dir, Arguments(Commands(Snippet("sarif-command")).Single()));
        exit.Should().Be(1, err);
        File.Exists(Path.Combine(dir, "reportlint.sarif")).Should().BeTrue();
    }

    [Fact]
    public void The_workflow_lints_into_the_file_it_uploads()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Snippet("github-workflow")));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        ((YamlScalarNode)((YamlMappingNode)root["permissions"])["security-events"]).Value.Should().Be("write");
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["reportlint"])["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string Get(YamlMappingNode step, string key) => step.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
        var upload = steps.Single(s => Get(s, "uses").StartsWith("github/codeql-action/upload-sarif@"));
        string sarifFile = ((YamlScalarNode)((YamlMappingNode)upload["with"])["sarif_file"]).Value!;
        var lint = steps.Single(s => Get(s, "run").StartsWith("reportlint "));
        var args = Arguments(Get(lint, "run"));
        args.Should().ContainInConsecutiveOrder("--format", "sarif").And.ContainInConsecutiveOrder("--output", sarifFile);
        steps.Select(s => Get(s, "run")).Should().Contain(r => r.Contains("dotnet tool install"), "the workflow installs the tool it runs");

        string dir = DraftsFolder();
        ReportLintProcess.Run(dir, args).Exit.Should().Be(1);
        File.Exists(Path.Combine(dir, sarifFile)).Should().BeTrue();
    }

    [Fact]
    public void The_annotations_step_prints_workflow_commands()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Snippet("github-annotations")));
        string run = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)yaml.Documents[0].RootNode).Children[0])["run"]).Value!;
        var (exit, output, _) = ReportLintProcess.Run(DraftsFolder(), Arguments(run));
        exit.Should().Be(1);
        output.Should().StartWith("::error file=drafts/micro-drama.txt,line=2,");
    }

    [Fact]
    public void The_sample_configuration_loads_matches_the_schema_and_does_what_its_comments_say()
    {
        string yaml = Snippet("config");
        ConfigurationTests.AssertMatchesSchema(yaml);
        var config = ReportLintConfig.Parse("README.md", yaml, ".", BuiltInRules.Descriptors);
        config.Settings.DisabledRules.Should().Contain("RL105");
        config.Settings.Rules["RL001"].Severity.Should().Be(Core.Findings.Severity.Note);
        config.Ignore.Should().Contain("archive/**");
        config.Industry.Should().NotBeNullOrEmpty();

        string dir = DraftsFolder();
        File.WriteAllText(Path.Combine(dir, ".reportlint.yaml"), yaml);
        Directory.CreateDirectory(Path.Combine(dir, "archive"));
        File.WriteAllText(Path.Combine(dir, "archive", "old.txt"), TestPaths.CagrOnlyDraft);
        var (exit, output, err) = ReportLintProcess.Run(dir, "lint", ".", "--format", "json");
        exit.Should().Be(0, err + " (the seed's 3.7 % gap is under the 5 % tolerance: a warning)");
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("summary").GetProperty("files").GetInt32().Should().Be(1, "archive/** is ignored");
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("severity").GetString()))
            .Should().Equal(("RL101", "warning"));
    }

    [Fact]
    public void The_suppression_example_silences_what_it_names_and_nothing_is_left_unused()
    {
        string markdown = Snippet("suppressions");
        var unsuppressed = new Linter().Lint(DocumentReader.Parse("draft.md", string.Join('\n', markdown.Split('\n').Select(l => l.Contains("<!--") ? l[..l.IndexOf("<!--")] : l)), DocumentFormat.Markdown));
        unsuppressed.Findings.Select(f => f.Rule.Id).Should().BeEquivalentTo(["RL101", "RL105", "RL101"], "without its comments the example has three findings");

        var result = new Linter().Lint(DocumentReader.Parse("draft.md", markdown, DocumentFormat.Markdown));
        result.Findings.Where(f => f.Suppression is null).Should().BeEmpty();
        result.Findings.Should().HaveCount(3).And.OnlyContain(f => f.Suppression != null && f.Suppression.Justification.Length > 0);
    }

    [Fact]
    public void The_baseline_commands_record_then_hide_todays_findings()
    {
        string dir = DraftsFolder();
        var commands = Commands(Snippet("baseline")).ToList();
        commands.Should().HaveCount(2);
        ReportLintProcess.Run(dir, Arguments(commands[0])).Exit.Should().Be(0);
        var (exit, output, _) = ReportLintProcess.Run(dir, Arguments(commands[1]));
        exit.Should().Be(0);
        output.Should().Contain("No problems found");
    }

    [Fact]
    public void The_threshold_commands_exit_as_documented()
    {
        string dir = DraftsFolder();
        File.WriteAllText(Path.Combine(dir, ".reportlint.yaml"), "rules:\n  RL101: warning\n");
        var commands = Commands(Snippet("thresholds")).ToList();
        commands.Should().HaveCount(2);
        ReportLintProcess.Run(dir, Arguments(commands[0])).Exit.Should().Be(1, "one warning is more than --max-warnings 0");
        File.Delete(Path.Combine(dir, ".reportlint.yaml"));
        ReportLintProcess.Run(dir, Arguments(commands[1])).Exit.Should().Be(0, "the seed's error does not fail --exit-zero");
    }

    [Fact]
    public void The_pre_commit_snippet_uses_the_hook_this_repository_defines()
    {
        var config = new YamlStream();
        config.Load(new StringReader(Snippet("pre-commit-config")));
        var hook = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)config.Documents[0].RootNode)["repos"]).Children[0])["hooks"]).Children[0];
        string id = ((YamlScalarNode)hook["id"]).Value!;

        var manifest = new YamlStream();
        manifest.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".pre-commit-hooks.yaml"))));
        var defined = (YamlMappingNode)((YamlSequenceNode)manifest.Documents[0].RootNode).Children.Single();
        string Get(string key) => ((YamlScalarNode)defined[key]).Value!;
        Get("id").Should().Be(id);
        Get("language").Should().Be("dotnet");
        Get("entry").Should().StartWith("reportlint");
        Get("require_serial").Should().Be("true");
        ((YamlSequenceNode)defined["types_or"]).Children.Select(c => ((YamlScalarNode)c).Value).Should().Equal("markdown", "plain-text");
    }
}
