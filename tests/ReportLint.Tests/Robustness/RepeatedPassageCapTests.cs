using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using Xunit;

namespace ReportLint.Tests.Robustness;

/// <summary>A paragraph pasted hundreds of times is one finding of bounded size: the first places named, the count given.</summary>
public class RepeatedPassageCapTests
{
    private const string Para = "Vendors expanded capacity and partnerships while buyers compared products on price, service and reliability across regions.";

    [Fact]
    public void A_block_repeated_150_times_is_one_finding_naming_the_first_places_and_counting_the_rest()
    {
        string text = "# Sensor Market\n\n" + string.Concat(Enumerable.Repeat(Para + "\n\n", 150));
        var finding = new Linter().Lint(DocumentReader.Parse("r.md", text, DocumentFormat.Markdown)).Findings.Single(f => f.Rule.Id == "RL304");

        finding.Properties["repeats"].Should().Be("149");
        finding.Message.Should().Contain("149 more times").And.Contain("and 129 more");
        finding.Related.Should().HaveCount(100);
        finding.Fixes.Should().BeEmpty("deleting 149 places is not a fix to offer in one click");
    }

    [Fact]
    public void A_few_repeats_are_all_listed_with_a_fix_that_deletes_them()
    {
        string text = "# Sensor Market\n\n" + string.Concat(Enumerable.Repeat(Para + "\n\n", 4));
        var finding = new Linter().Lint(DocumentReader.Parse("r.md", text, DocumentFormat.Markdown)).Findings.Single(f => f.Rule.Id == "RL304");

        finding.Message.Should().Contain("at lines 5, 7 and 9");
        finding.Related.Should().HaveCount(3);
        finding.Fixes.Single().Edits.Should().HaveCount(3);
    }

    private static List<(int Line, string Rule)> Found(ReportDocument document) =>
        new Linter().Lint(document).Findings.Select(f => (f.Location.Line, f.Rule.Id)).ToList();

    [Fact]
    public void Passages_with_words_too_long_to_number_are_still_compared_word_for_word()
    {
        string Passage(char letter, string end) =>
            $"Vendors expanded {new string(letter, 70)} capacity and partnerships while buyers compared products on price, service and reliability across all of the {end}.";
        string Report(string a, string b) => "# Sensor Market\n\n" + a + "\n\n" + b + "\n";

        Found(DocumentReader.Parse("r.md", Report(Passage('q', "regions"), Passage('q', "markets")), DocumentFormat.Markdown))
            .Should().Equal([(3, "RL304")], "one word in twenty-two differs");
        Found(DocumentReader.Parse("r.md", Report(Passage('q', "regions"), Passage('w', "regions")), DocumentFormat.Markdown))
            .Should().BeEmpty("the long words differ, and with them three of the twenty three-word runs");
    }

    [Fact]
    public async Task A_document_read_on_one_thread_and_linted_on_another_gives_the_same_findings()
    {
        string text = "# Sensor Market\n\n" + Para + "\n\n" + Para.Replace("partnerships", "alliances") + " Sales grew.\n\n" + Para + "\n";
        var fresh = Found(DocumentReader.Parse("r.md", text, DocumentFormat.Markdown));
        var document = DocumentReader.Parse("r.md", text, DocumentFormat.Markdown);
        var elsewhere = await Task.Run(() => Found(document));
        fresh.Should().Contain((3, "RL304"));
        elsewhere.Should().Equal(fresh);
        Found(document).Should().Equal(fresh, "the blocks' words, numbered on another thread, are renumbered here");
    }
}
