using System.Text.Json;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using Xunit;

namespace ReportLint.Tests.Integrations;

public sealed class SuppressionTests
{
    private const string Mismatch = "The market was USD 1.45 billion in 2025 and will reach USD 3.65 billion by 2032, a CAGR of 13.5% from 2025 to 2032.";
    private const string Share = "Romance accounted for 112% of revenue in 2025.";

    private static List<Finding> Reported(DocumentResult r) => r.Findings.Where(f => f.Suppression is null).ToList();
    private static DocumentResult Md(string text, LintSettings? settings = null) => new Linter().Lint(DocumentReader.Parse("draft.md", text, DocumentFormat.Markdown), settings);
    private static DocumentResult Txt(string text, LintSettings? settings = null) => new Linter().Lint(DocumentReader.Parse("draft.txt", text, DocumentFormat.PlainText), settings);

    [Fact]
    public void The_unsuppressed_text_has_both_findings_on_one_line()
    {
        Reported(Md($"{Mismatch} {Share}\n")).Select(f => (f.Rule.Id, f.Location.Line)).Should().BeEquivalentTo([("RL101", 1), ("RL105", 1)]);
    }

    [Fact]
    public void Disable_next_line_silences_exactly_the_rule_it_names()
    {
        var result = Md($"# Draft\n\n<!-- reportlint-disable-next-line RL105 -- the client's own figure -->\n{Mismatch} {Share}\n");
        Reported(result).Select(f => f.Rule.Id).Should().Equal("RL101");
        var silenced = result.Findings.Single(f => f.Suppression is not null);
        silenced.Rule.Id.Should().Be("RL105");
        silenced.Suppression.Should().Be(new FindingSuppression(SuppressionKind.InSource, "the client's own figure"));
    }

    [Fact]
    public void Rules_can_be_named_and_listed()
    {
        Reported(Md($"<!-- reportlint-disable-next-line cagr-mismatch, implausible-figure -->\n{Mismatch} {Share}\n")).Should().BeEmpty();
        Reported(Md($"<!-- reportlint-disable-next-line -->\n{Mismatch} {Share}\n")).Should().BeEmpty("no rule named means every rule");
    }

    [Fact]
    public void Disable_and_enable_bound_a_region()
    {
        var result = Md($"<!-- reportlint-disable RL101 -- quoted from the 2023 edition -->\n\n{Mismatch}\n\n<!-- reportlint-enable RL101 -->\n\n{Mismatch.Replace("1.45", "2.00").Replace("3.65", "5.00")}\n");
        // The second statement also contradicts the first (RL201); only RL101 is under test here.
        Reported(result).Where(f => f.Rule.Id == "RL101").Select(f => (f.Rule.Id, f.Location.Line)).Should().Equal(("RL101", 7));
    }

    [Fact]
    public void Disable_file_covers_the_whole_file()
    {
        Reported(Md($"{Mismatch}\n\n<!-- reportlint-disable-file RL101 -->\n")).Should().BeEmpty();
    }

    [Fact]
    public void An_inline_comment_at_the_end_of_a_markdown_line_counts()
    {
        Reported(Md($"{Mismatch} <!-- reportlint-disable-line RL101 -->\n")).Should().BeEmpty();
    }

    [Fact]
    public void Plain_text_takes_the_same_comments_on_their_own_line_or_at_the_end_of_one()
    {
        Reported(Txt($"Market Size\n<!-- reportlint-disable-next-line RL101 -- agreed with the editor -->\n{Mismatch}\n")).Should().BeEmpty();
        Reported(Txt($"Market Size\n{Mismatch} <!-- reportlint-disable-line RL101 -->\n")).Should().BeEmpty();
        Reported(Txt($"Market Size\n{Mismatch} <!-- reportlint-disable-line RL105 -->\n")).Select(f => f.Rule.Id).Should().Equal("RL101", "RL001");
    }

    [Fact]
    public void Comments_are_not_prose_in_plain_text()
    {
        var result = Txt($"Market Size\n<!-- note: the market was USD 1.45 billion in 2025 and USD 9 billion by 2032, a CAGR of 13.5% from 2025 to 2032 -->\nNothing else.\n");
        result.Findings.Should().BeEmpty();
        result.Document.Comments.Should().HaveCount(1);
    }

    [Fact]
    public void A_suppression_that_suppressed_nothing_is_reported_with_a_fix()
    {
        var result = Md("# Draft\n\n<!-- reportlint-disable-next-line RL101 -->\nThe market is large.\n");
        var unused = Reported(result).Should().ContainSingle().Subject;
        unused.Rule.Id.Should().Be("RL001");
        unused.Rule.Name.Should().Be("unused-suppression");
        unused.Severity.Should().Be(Severity.Warning);
        unused.Location.Line.Should().Be(3);
        unused.Message.Should().Contain("RL101");
        unused.Fixes.Single().Edits.Single().NewText.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_rules_and_stray_enables_are_reported()
    {
        var result = Md($"<!-- reportlint-disable-next-line RL999 -->\n{Mismatch}\n\n<!-- reportlint-enable RL105 -->\n");
        Reported(result).Select(f => (f.Rule.Id, f.Location.Line)).Should().BeEquivalentTo([("RL001", 1), ("RL101", 2), ("RL001", 4)]);
        Reported(result).First().Message.Should().Contain("RL999");
    }

    [Fact]
    public void Directives_for_rules_turned_off_are_not_reported_and_RL001_can_be_turned_off()
    {
        var settings = new LintSettings();
        settings.DisabledRules.Add("RL101");
        Reported(Md("<!-- reportlint-disable-next-line RL101 -->\nThe market is large.\n", settings)).Should().BeEmpty();
        var quiet = new LintSettings();
        quiet.DisabledRules.Add("RL001");
        Reported(Md("<!-- reportlint-disable-next-line RL101 -->\nThe market is large.\n", quiet)).Should().BeEmpty();
    }

    [Fact]
    public void Other_comments_are_left_alone()
    {
        Md($"<!-- TODO: check with the analyst -->\n{Mismatch}\n").Findings.Select(f => f.Rule.Id).Should().Equal("RL101");
        SuppressionDirective.Parse(" reportlint-disabled RL101 ", default).Should().BeNull();
        SuppressionDirective.Parse(" reportlint-disable RL101 RL105 -- a reason -- with dashes ", default)
            .Should().BeEquivalentTo(new { Kind = DirectiveKind.Disable, Rules = new[] { "RL101", "RL105" }, Reason = "a reason -- with dashes" });
    }

    [Fact]
    public void Sarif_leaves_suppressed_results_out_unless_asked()
    {
        string draft = $"<!-- reportlint-disable-next-line RL101 -- quoted from the client -->\n{Mismatch}\n";
        var (exit, output, _) = CliTests.RunWithInput(draft, "lint", "-", "--stdin-filename", "draft.md", "--format", "sarif");
        exit.Should().Be(0);
        using (var sarif = JsonDocument.Parse(output))
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().Be(0);

        (exit, output, _) = CliTests.RunWithInput(draft, "lint", "-", "--stdin-filename", "draft.md", "--format", "sarif", "--include-suppressed");
        exit.Should().Be(0);
        using (var sarif = JsonDocument.Parse(output))
        {
            var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Should().ContainSingle().Subject;
            var suppression = result.GetProperty("suppressions")[0];
            suppression.GetProperty("kind").GetString().Should().Be("inSource");
            suppression.GetProperty("justification").GetString().Should().Be("quoted from the client");
        }
    }
}
