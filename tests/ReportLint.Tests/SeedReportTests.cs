using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using Xunit;

namespace ReportLint.Tests;

/// <summary>What the seed report (seeds/internet-micro-drama-report.txt) was written to show, rule by rule.</summary>
public sealed class SeedReportTests
{
    private static readonly Lazy<IReadOnlyList<Finding>> Findings = new(() =>
        new Linter().Lint(DocumentReader.Read("seed.txt", File.ReadAllBytes(TestPaths.SeedReport))).Findings);

    private static IEnumerable<Finding> Of(string rule) => Findings.Value.Where(f => f.Rule.Id == rule);

    [Fact]
    public void Cagr_mismatch_on_line_2_with_the_recomputation_and_the_table_as_a_restatement()
    {
        var f = Of("RL101").Should().ContainSingle().Subject;
        f.Location.Line.Should().Be(2);
        f.Message.Should().Contain("1.45 × 1.135^7 = 3.52").And.Contain("stated 3.65").And.Contain("+3.7 %").And.Contain("implied CAGR 14.1 %");
        f.Severity.Should().Be(Severity.Error);
        f.Related.Should().Contain(r => r.Location.Line == 32);
        f.Fixes.Select(x => x.Edits[0].NewText).Should().BeEquivalentTo(["3.52", "14.1"]);
    }

    [Fact]
    public void Geographies_covered_misses_the_regions_and_countries_the_body_analyses()
    {
        var f = Of("RL401").Where(x => x.Severity == Severity.Error).Should().ContainSingle().Subject;
        f.Location.Line.Should().Be(33);
        foreach (var place in new[] { "Asia Pacific", "Latin America", "China", "South Korea", "Brazil", "Mexico" })
            f.Message.Should().Contain(place);
        f.Message.Should().NotContain("United States").And.NotContain("Europe (line");
    }

    [Fact]
    public void Segments_covered_misses_platform_revenue_model_and_end_user_which_is_never_analysed()
    {
        var findings = Of("RL402").ToList();
        findings.Select(f => f.Location.Line).Should().BeEquivalentTo([34, 42]);
        var scope = findings.Single(f => f.Location.Line == 34);
        scope.Message.Should().Contain("Platform").And.Contain("Revenue Model").And.Contain("End User");
        findings.Single(f => f.Location.Line == 42).Message.Should().Contain("End User").And.Contain("nowhere in the analysis");
    }

    [Fact]
    public void Companies_covered_misses_the_companies_named_in_the_body()
    {
        var f = Of("RL403").Should().ContainSingle().Subject;
        f.Location.Line.Should().Be(35);
        foreach (var company in new[] { "Bilibili", "Hulu", "Globo Play", "Claro Video", "Blim TV", "LINE TV", "Webnovel" })
            f.Message.Should().Contain(company);
        foreach (var covered in new[] { "Netflix", "Tencent", "Naver", "Kakao", "iQIYI", "Viu" })
            f.Message.Should().NotContain(covered + " (line");
    }

    [Fact]
    public void Agreeing_restatements_and_leaders_of_different_breakdowns_are_not_conflicts()
    {
        Of("RL201").Should().BeEmpty("13.5% and 13.50% agree, and the table restates 1.45 and 3.65 exactly");
        Of("RL203").Should().BeEmpty("the three 'highest share' claims are about genre, platform and revenue model");
        Of("RL202").Should().BeEmpty();
        Of("RL102").Should().BeEmpty();
    }
}
