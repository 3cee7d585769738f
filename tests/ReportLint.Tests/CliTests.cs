using System.Text.Json;
using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

public sealed class CliTests
{
    internal static (int Exit, string Out, string Err) Run(params string[] args) => RunWithInput(null, args);

    internal static (int Exit, string Out, string Err) RunWithInput(string? input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ReportLintCli.Run(args, stdout, stderr, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input ?? "")));
        ValidateSarif(args, exit, stdout.ToString(), null);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every SARIF the test suite produces, on standard output or in an --output file, is checked against the schema.</summary>
    internal static void ValidateSarif(string[] args, int exit, string stdout, string? workingDirectory)
    {
        int format = Array.FindIndex(args, a => a is "--format" or "-f");
        if (exit == ReportLintCli.UsageError || format < 0 || format + 1 >= args.Length || args[format + 1] != "sarif") return;
        int output = Array.FindIndex(args, a => a is "--output" or "-o");
        Integrations.SarifSchema.AssertValid(output >= 0 && output + 1 < args.Length
            ? File.ReadAllText(Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), args[output + 1]))
            : stdout);
    }

    [Fact]
    public void Seed_report_fails_with_the_recomputed_cagr_on_line_2()
    {
        var (exit, output, _) = Run("lint", TestPaths.Seeds, "--no-color");
        exit.Should().Be(1);
        var line = output.Split('\n').First(l => l.Contains("RL101"));
        line.Should().Contain("internet-micro-drama-report.txt:2:");
        line.Should().Contain("3.52").And.Contain("14.1");
        line.Should().Contain("error");
    }

    [Fact]
    public void Json_output_has_the_documented_shape()
    {
        var (exit, output, _) = Run("lint", TestPaths.SeedReport, "--format", "json");
        exit.Should().Be(1);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "RL101");
        finding.GetProperty("ruleName").GetString().Should().Be("cagr-mismatch");
        finding.GetProperty("severity").GetString().Should().Be("error");
        finding.GetProperty("path").GetString().Should().Be(TestPaths.SeedReport);
        finding.GetProperty("line").GetInt32().Should().Be(2);
        finding.GetProperty("column").GetInt32().Should().BePositive();
        finding.GetProperty("endLine").GetInt32().Should().Be(2);
        finding.GetProperty("endColumn").GetInt32().Should().BeGreaterThan(finding.GetProperty("column").GetInt32());
        finding.GetProperty("message").GetString().Should().Contain("3.52");
        finding.GetProperty("fixes").GetArrayLength().Should().BeGreaterThan(0);
        var summary = root.GetProperty("summary");
        summary.GetProperty("errors").GetInt32().Should().BeGreaterThan(0);
        summary.GetProperty("files").GetInt32().Should().Be(1);
    }

    [Fact]
    public void A_consistent_report_exits_zero()
    {
        var (exit, output, err) = RunWithInput(
            "The global pet food market was valued at USD 1.45 billion in 2025 and is expected to reach USD 3.52 billion by 2032, growing at a CAGR of 13.5% from 2025 to 2032.\n",
            "lint", "-");
        err.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().Contain("No problems found");
    }

    [Fact]
    public void Lint_is_the_default_command()
    {
        var (exit, output, _) = Run(TestPaths.Seeds, "--no-color");
        exit.Should().Be(1);
        output.Should().Contain("RL101");
        Run("rules").Out.Should().Contain("cagr-mismatch");
    }

    [Fact]
    public void A_missing_file_exits_two_with_one_line()
    {
        var (exit, output, err) = Run("lint", "does-not-exist.md");
        exit.Should().Be(2);
        output.Should().BeEmpty();
        err.TrimEnd().Split('\n').Should().HaveCount(1);
        err.Should().Contain("does-not-exist.md");
    }

    [Fact]
    public void An_unknown_option_exits_two_with_one_line()
    {
        var (exit, _, err) = Run("lint", "--frobnicate", TestPaths.SeedReport);
        exit.Should().Be(2);
        err.TrimEnd().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public void An_unknown_format_exits_two()
    {
        var (exit, _, err) = Run("lint", TestPaths.SeedReport, "--format", "yaml");
        exit.Should().Be(2);
        err.Should().Contain("yaml");
    }

    [Fact]
    public void Stats_report_coverage()
    {
        var (_, output, _) = Run("lint", TestPaths.SeedReport, "--stats", "--no-color");
        output.Should().MatchRegex(@"stats: \d+ numeric statements, \d+ checked");
    }

    [Fact]
    public void Rules_lists_every_rule_and_explain_accepts_id_or_name()
    {
        var (exit, output, _) = Run("rules");
        exit.Should().Be(0);
        output.Should().Contain("RL101").And.Contain("cagr-mismatch");
        Run("explain", "RL101").Out.Should().Contain("tolerance");
        Run("explain", "cagr-mismatch").Exit.Should().Be(0);
        Run("explain", "RL999").Exit.Should().Be(2);
    }

    [Fact]
    public void Output_file_is_written_and_inputs_are_not_touched()
    {
        string dir = Directory.CreateTempSubdirectory("reportlint-").FullName;
        string input = Path.Combine(dir, "draft.txt");
        File.Copy(TestPaths.SeedReport, input);
        var before = File.ReadAllBytes(input);
        string output = Path.Combine(dir, "out.json");
        var (exit, stdout, _) = Run("lint", input, "--format", "json", "--output", output);
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("findings").GetArrayLength().Should().BeGreaterThan(0);
        File.ReadAllBytes(input).Should().Equal(before);
        Directory.GetFiles(dir).Should().HaveCount(2, "no temporary file is left behind");
        Run("lint", input, "--output", input).Exit.Should().Be(2);
        File.ReadAllBytes(input).Should().Equal(before);
    }
}
