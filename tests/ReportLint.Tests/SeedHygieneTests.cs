using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using Xunit;

namespace ReportLint.Tests;

/// <summary>What the boilerplate and table rules must find in the seed report, line by line, and nothing else.</summary>
public sealed class SeedHygieneTests
{
    private static readonly string[] HygieneRules = ["RL301", "RL303", "RL304", "RL404"];

    private static DocumentResult LintSeed() =>
        new Linter().Lint(DocumentReader.Parse(TestPaths.SeedReport, File.ReadAllText(TestPaths.SeedReport), DocumentFormat.PlainText));

    [Fact]
    public void Seed_findings_are_exactly_the_expected_lines()
    {
        var found = LintSeed().Findings.Where(f => HygieneRules.Contains(f.Rule.Id))
            .Select(f => (f.Location.Line, f.Rule.Id)).OrderBy(x => x).ToList();
        found.Should().Equal(
            (28, "RL404"),   // "Internet Micro Drama | |||": a title that landed in the scope table
            (36, "RL301"),   // Growth Drivers: gastrointestinal disorders
            (37, "RL301"),   // Restraints: tube misplacement
            (58, "RL304"),   // the first of five "Price : US$ 3500 | Date : Jul 2025" blocks
            (59, "RL301"),   // Category : Medical Devices
            (61, "RL301"),   // Category : Medical Devices
            (63, "RL301"),   // Category : Manufacturing and Construction
            (67, "RL301"));  // Category : Manufacturing and Construction (line 65, "Services", names no industry)
    }

    [Fact]
    public void Off_topic_findings_name_both_industries_and_the_evidence()
    {
        var drivers = LintSeed().Findings.Single(f => f.Rule.Id == "RL301" && f.Location.Line == 36);
        drivers.Message.Should().Contain("Healthcare / Medical devices").And.Contain("gastrointestinal").And.Contain("in a Media & Entertainment report");
        drivers.Location.Snippet.Should().Be("Increasing prevalence of gastrointestinal disorders");
        var footer = LintSeed().Findings.Single(f => f.Rule.Id == "RL301" && f.Location.Line == 63);
        footer.Message.Should().Contain("Manufacturing and Construction").And.Contain("Construction & Manufacturing");
    }

    [Fact]
    public void Repeated_price_blocks_are_one_finding_with_the_other_places_related()
    {
        var duplicate = LintSeed().Findings.Single(f => f.Rule.Id == "RL304");
        duplicate.Related.Select(r => r.Location.Line).Should().Equal(60, 62, 64, 66);
        duplicate.Message.Should().Contain("4 more times");
    }

    [Fact]
    public void The_stray_title_row_is_explained_and_has_a_fix()
    {
        var table = LintSeed().Findings.Single(f => f.Rule.Id == "RL404");
        table.Message.Should().Contain("'Internet Micro Drama'").And.Contain("title");
        table.Fixes.Should().ContainSingle().Which.Edits.Single().NewText.Should().Be("Internet Micro Drama");
    }
}
