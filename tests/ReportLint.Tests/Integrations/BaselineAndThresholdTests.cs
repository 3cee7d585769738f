using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace ReportLint.Tests.Integrations;

public sealed class BaselineAndThresholdTests
{
    private const string NewMismatch = "The segment was USD 2.00 billion in 2025 and will reach USD 5.00 billion by 2032, a CAGR of 13.5% from 2025 to 2032.\n";

    private static List<(int Line, string Rule)> Findings(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("line").GetInt32(), f.GetProperty("ruleId").GetString()!)).ToList();

    [Fact]
    public void A_baseline_hides_old_findings_even_after_lines_are_inserted_above_and_shows_new_ones()
    {
        string dir = ConfigurationTests.SeedFolder();
        var (exit, _, err) = ReportLintProcess.Run(dir, "lint", "draft.txt", "--write-baseline", "reportlint-baseline.json");
        exit.Should().Be(0, err);
        err.Should().Contain("recorded 1 finding");
        using (var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "reportlint-baseline.json"))))
        {
            var entry = baseline.RootElement.GetProperty("findings").EnumerateArray().Should().ContainSingle().Subject;
            entry.GetProperty("path").GetString().Should().Be("draft.txt");
            entry.GetProperty("ruleId").GetString().Should().Be("RL101");
            entry.GetProperty("lineHash").GetString().Should().MatchRegex("^[0-9a-f]+:1$");
        }

        string draft = Path.Combine(dir, "draft.txt");
        File.WriteAllText(draft, "Editor's note\nThis draft was revised.\nTwo more lines of text.\n\n" + File.ReadAllText(draft) + "\n" + NewMismatch);
        var (exitAll, all, _) = ReportLintProcess.Run(dir, "lint", "draft.txt", "--format", "json");
        exitAll.Should().Be(1);
        Findings(all).Should().HaveCount(2).And.Contain((6, "RL101"), "the old finding moved down four lines");

        var (exitNew, fresh, _) = ReportLintProcess.Run(dir, "lint", "draft.txt", "--format", "json", "--baseline", "reportlint-baseline.json");
        exitNew.Should().Be(1);
        Findings(fresh).Should().ContainSingle().Which.Line.Should().BeGreaterThan(6, "only the new mismatch at the end is reported");
    }

    [Fact]
    public void Baseline_paths_are_relative_to_the_baseline_so_it_works_from_any_folder()
    {
        string dir = ConfigurationTests.SeedFolder();
        Directory.CreateDirectory(Path.Combine(dir, "ci"));
        ReportLintProcess.Run(dir, "lint", "draft.txt", "--write-baseline", "ci/baseline.json").Exit.Should().Be(0);
        File.ReadAllText(Path.Combine(dir, "ci", "baseline.json")).Should().Contain("\"../draft.txt\"");
        var (exit, output, _) = ReportLintProcess.Run(Path.Combine(dir, "ci"), "lint", "../draft.txt", "--baseline", "baseline.json");
        exit.Should().Be(0, output);
        output.Should().Contain("No problems found");
    }

    [Fact]
    public void Sarif_marks_baselined_results_as_external_suppressions_when_asked()
    {
        string dir = ConfigurationTests.SeedFolder();
        ReportLintProcess.Run(dir, "lint", "draft.txt", "--write-baseline", "baseline.json").Exit.Should().Be(0);
        var (_, output, _) = ReportLintProcess.Run(dir, "lint", "draft.txt", "--baseline", "baseline.json", "--format", "sarif", "--include-suppressed");
        using var sarif = JsonDocument.Parse(output);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Should().ContainSingle().Subject;
        result.GetProperty("suppressions")[0].GetProperty("kind").GetString().Should().Be("external");
    }

    [Theory]
    [InlineData("{\"version\": 1, \"findings\": [", "invalid baseline")]
    [InlineData("{\"version\": 7, \"tool\": \"x\", \"findings\": []}", "format version")]
    public void A_broken_baseline_is_a_usage_error(string content, string problem)
    {
        string dir = ConfigurationTests.SeedFolder();
        File.WriteAllText(Path.Combine(dir, "baseline.json"), content);
        var (exit, _, err) = ReportLintProcess.Run(dir, "lint", "draft.txt", "--baseline", "baseline.json");
        exit.Should().Be(2);
        err.Should().Contain(problem).And.Contain("baseline.json");
        ReportLintProcess.Run(dir, "lint", "draft.txt", "--baseline", "missing.json").Exit.Should().Be(2);
        ReportLintProcess.Run(dir, "lint", "draft.txt", "--baseline", "baseline.json", "--write-baseline", "b2.json").Exit.Should().Be(2);
    }

    [Fact]
    public void Max_warnings_fails_a_run_with_too_many_warnings()
    {
        string dir = ConfigurationTests.SeedFolder("rules:\n  RL101: warning\n");
        ReportLintProcess.Run(dir, "lint", ".").Exit.Should().Be(0, "warnings alone do not fail a run");
        var (exit, _, err) = ReportLintProcess.Run(dir, "lint", ".", "--max-warnings", "0");
        exit.Should().Be(1);
        err.Should().Contain("1 warning, more than --max-warnings 0");
        ReportLintProcess.Run(dir, "lint", ".", "--max-warnings", "1").Exit.Should().Be(0);
        ReportLintProcess.Run(dir, "lint", ".", "--max-warnings", "-1").Exit.Should().Be(2);
    }

    [Fact]
    public void Exit_zero_reports_but_never_fails_on_findings()
    {
        var (exit, output, _) = CliTests.Run("lint", TestPaths.SeedReport, "--exit-zero", "--no-color");
        exit.Should().Be(0);
        output.Should().Contain("RL101");
        CliTests.Run("lint", "no-such-file.md", "--exit-zero").Exit.Should().Be(2, "usage and input errors still exit 2");
    }
}
