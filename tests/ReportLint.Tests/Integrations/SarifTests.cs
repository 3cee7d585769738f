using System.Text.Json;
using FluentAssertions;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using Xunit;

namespace ReportLint.Tests.Integrations;

public sealed class SarifTests
{
    /// <summary>The seed's SARIF, produced as a user would: `reportlint lint seeds --format sarif` in the repository root.</summary>
    private static readonly Lazy<JsonDocument> SeedSarif = new(() =>
    {
        var (exit, output, err) = ReportLintProcess.Run(TestPaths.RepoRoot, "lint", "seeds", "--format", "sarif");
        exit.Should().Be(1, err);
        return JsonDocument.Parse(output);
    });

    private static JsonElement Run0 => SeedSarif.Value.RootElement.GetProperty("runs")[0];

    [Fact]
    public void Seed_sarif_is_a_2_1_0_log_with_one_run()
    {
        var root = SeedSarif.Value.RootElement;
        root.GetProperty("$schema").GetString().Should().Be("https://json.schemastore.org/sarif-2.1.0.json");
        root.GetProperty("version").GetString().Should().Be("2.1.0");
        root.GetProperty("runs").GetArrayLength().Should().Be(1);
        Run0.GetProperty("columnKind").GetString().Should().Be("utf16CodeUnits");
        Run0.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Driver_describes_every_rule_that_can_fire()
    {
        var driver = Run0.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().Should().Be("ReportLint");
        driver.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        driver.GetProperty("informationUri").GetString().Should().StartWith("https://");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(new Linter().Descriptors.Select(d => d.Id));
        foreach (var (rule, descriptor) in rules.Zip(new Linter().Descriptors))
        {
            rule.GetProperty("name").GetString().Should().Be(descriptor.Name);
            rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace();
            rule.GetProperty("fullDescription").GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace();
            var help = rule.GetProperty("help");
            help.GetProperty("text").GetString().Should().Contain(descriptor.Description);
            if (descriptor.FailingExample.Length > 0)
            {
                help.GetProperty("text").GetString().Should().Contain(descriptor.FailingExample).And.Contain(descriptor.FixedExample);
                help.GetProperty("markdown").GetString().Should().Contain("**Fails**").And.Contain(descriptor.FixedExample);
            }
            rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be(descriptor.DefaultSeverity.Name());
            rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Contain(descriptor.Family.ToString().ToLowerInvariant());
        }
    }

    [Fact]
    public void Every_result_has_a_full_region_a_fingerprint_and_a_title_sentence()
    {
        var rules = Run0.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = Run0.GetProperty("results").EnumerateArray().ToList();
        results.Should().NotBeEmpty();
        foreach (var result in results)
        {
            string ruleId = result.GetProperty("ruleId").GetString()!;
            rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().Should().Be(ruleId);
            result.GetProperty("level").GetString().Should().BeOneOf("error", "warning", "note");
            string message = result.GetProperty("message").GetProperty("text").GetString()!;
            char.IsUpper(message[0]).Should().BeTrue("the message's first sentence is its title: " + message);
            message.Should().EndWith(".");
            result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString().Should().MatchRegex("^[0-9a-f]+:[0-9]+$");
            var location = result.GetProperty("locations").EnumerateArray().Should().ContainSingle().Subject.GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            artifact.GetProperty("uri").GetString().Should().Be("seeds/internet-micro-drama-report.txt");
            artifact.GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
            var region = location.GetProperty("region");
            foreach (var key in new[] { "startLine", "startColumn", "endLine", "endColumn" }) region.GetProperty(key).GetInt32().Should().BePositive();
            region.GetProperty("snippet").GetProperty("text").GetString().Should().NotBeEmpty();
        }
        Run0.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().Should().StartWith("file:///").And.EndWith("/");
    }

    [Fact]
    public void The_contradiction_points_at_its_other_side_and_offers_replacements()
    {
        var result = Run0.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "RL101");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        region.GetProperty("startLine").GetInt32().Should().Be(2);
        region.GetProperty("snippet").GetProperty("text").GetString().Should().Be("USD 3.65 billion");
        var related = result.GetProperty("relatedLocations")[0];
        related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(32);
        related.GetProperty("message").GetProperty("text").GetString().Should().NotBeNullOrEmpty();
        var replacement = result.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        replacement.GetProperty("insertedContent").GetProperty("text").GetString().Should().Be("3.52");
        replacement.GetProperty("deletedRegion").GetProperty("startLine").GetInt32().Should().Be(2);
    }

    [Fact]
    public void A_clean_run_still_has_a_results_array()
    {
        var (exit, output, _) = CliTests.RunWithInput("The market is large.\n", "lint", "-", "--format", "sarif");
        exit.Should().Be(0);
        using var sarif = JsonDocument.Parse(output);
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_tool_notification()
    {
        string dir = ReportLintProcess.TempFolder();
        File.WriteAllText(Path.Combine(dir, "draft.txt"), TestPaths.CagrOnlyDraft);
        File.CreateSymbolicLink(Path.Combine(dir, "gone.md"), Path.Combine(dir, "no-such-target.md"));
        var (exit, output, _) = ReportLintProcess.Run(dir, "lint", ".", "--format", "sarif");
        exit.Should().Be(1);
        using var sarif = JsonDocument.Parse(output);
        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeFalse();
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        notification.GetProperty("level").GetString().Should().Be("error");
        notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("gone.md");
    }

    [Fact]
    public void A_file_outside_the_working_directory_gets_an_absolute_uri()
    {
        var (_, output, _) = CliTests.Run("lint", TestPaths.SeedReport, "--format", "sarif");
        using var sarif = JsonDocument.Parse(output);
        var artifact = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        if (!Path.GetRelativePath(Directory.GetCurrentDirectory(), TestPaths.SeedReport).StartsWith(".."))
            return; // the test runner was started inside the repository: nothing to check here
        artifact.GetProperty("uri").GetString().Should().StartWith("file:///").And.EndWith("/seeds/internet-micro-drama-report.txt");
        artifact.TryGetProperty("uriBaseId", out _).Should().BeFalse();
    }

    [Fact]
    public void The_schema_check_catches_a_broken_log()
    {
        var act = () => SarifSchema.AssertValid("""{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"message":{"text":"x"},"locations":[{"physicalLocation":{"region":{"startLine":0}}}]}]}]}""");
        act.Should().Throw<Exception>().Which.Message.Should().Contain("required").And.Contain("startLine");
    }
}

public sealed class SarifForWordTests
{
    [Fact]
    public void Word_findings_name_their_paragraph_in_the_message_and_properties()
    {
        var (_, output, _) = CliTests.Run("lint", Path.Combine(TestPaths.RepoRoot, "tests", "ReportLint.Tests", "Fixtures-binary", "seed.docx"), "--format", "sarif");
        SarifSchema.AssertValid(output);
        using var sarif = System.Text.Json.JsonDocument.Parse(output);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "RL101");
        result.GetProperty("message").GetProperty("text").GetString().Should().Contain("(paragraph 2)");
        result.GetProperty("properties").GetProperty("paragraph").GetString().Should().Be("2");
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(2);
    }
}
