using FluentAssertions;
using ReportLint.Core.Findings;
using Xunit;

namespace ReportLint.Tests;

/// <summary>The vectors of github/codeql-action's own fingerprint tests: our hashes must be the ones its upload step computes.</summary>
public sealed class LineHashTests
{
    [Theory]
    [InlineData("", new[] { "c129715d7a2bc9a3:1" })]
    [InlineData(" a\nb\n  \t\tc\n d", new[] { "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1" })]
    [InlineData(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
        new[] { "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1" })]
    [InlineData(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", new[] { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1" })]
    [InlineData(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", new[] { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1" })]
    [InlineData(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", new[] { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1" })]
    [InlineData(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", new[] { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1" })]
    public void Matches_the_upload_actions_hashes(string text, string[] expected) =>
        LineHash.Compute(text).Should().Equal(expected);

    [Fact]
    public void Repeated_lines_are_numbered()
    {
        LineHash.Compute(string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 10))).Should().Equal(
            "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
            "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1");
    }

    [Fact]
    public void Lines_inserted_above_keep_a_lines_hash()
    {
        const string body = "Intro.\nThe market was USD 1.45 billion in 2025.\nEnd.\n";
        var before = LineHash.Compute(body);
        var after = LineHash.Compute("A new first paragraph.\n\nAnd another one.\n" + body);
        after[4].Should().Be(before[1]);
    }

    [Fact]
    public void Every_finding_gets_its_lines_hash()
    {
        var findings = Lint.Findings(File.ReadAllText(TestPaths.SeedReport));
        findings.Should().NotBeEmpty();
        var hashes = LineHash.Compute(File.ReadAllText(TestPaths.SeedReport));
        foreach (var f in findings) f.LineHash.Should().Be(hashes[f.Location.Line - 1]);
    }

    [Fact]
    public void Findings_on_repeated_lines_and_on_the_last_line_get_the_hashes_of_the_whole_file()
    {
        // Equal lines are numbered in order (":1", ":2"…), and the last line ends without a line break (the end-of-file marker).
        string text = "Intro.\n" + string.Concat(Enumerable.Repeat("Romance accounted for 112% of revenue in 2025.\n", 4)) + "Romance accounted for 113% of revenue in 2025.";
        var findings = Lint.Findings(text);
        findings.Select(f => f.Location.Line).Distinct().Should().HaveCount(5);
        var hashes = LineHash.Compute(text);
        foreach (var f in findings) f.LineHash.Should().Be(hashes[f.Location.Line - 1]);
    }

    [Fact]
    public void A_byte_order_mark_is_hashed_as_the_upload_action_reads_it()
    {
        // Node's UTF-8 stream keeps the BOM as U+FEFF, so the first line's hash includes it.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("Romance accounted for 112% of revenue in 2025.\n")];
        var result = new Core.Engine.Linter().Lint(Core.Documents.DocumentReader.Read("draft.txt", bytes));
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.LineHash.Should().Be(LineHash.Compute("\uFEFFRomance accounted for 112% of revenue in 2025.\n")[0])
            .And.NotBe(LineHash.Compute("Romance accounted for 112% of revenue in 2025.\n")[0]);
    }

    [Fact]
    public void A_linter_told_that_nothing_reads_line_hashes_leaves_them_out_and_finds_the_same()
    {
        var document = Core.Documents.DocumentReader.Read("seed.txt", File.ReadAllBytes(TestPaths.SeedReport));
        var hashed = new Core.Engine.Linter().Lint(document).Findings;
        var plain = new Core.Engine.Linter { LineHashes = false }.Lint(document).Findings;
        hashed.Should().OnlyContain(f => f.LineHash != null);
        plain.Should().OnlyContain(f => f.LineHash == null);
        plain.Select(f => f.ToString()).Should().Equal(hashed.Select(f => f.ToString()));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void A_baseline_written_with_any_output_format_records_line_hashes(string format)
    {
        string dir = Directory.CreateTempSubdirectory("reportlint-hash-").FullName;
        try
        {
            string baseline = Path.Combine(dir, "baseline.json");
            CliTests.Run("lint", TestPaths.SeedReport, "--format", format, "--write-baseline", baseline);
            File.ReadAllText(baseline).Should().MatchRegex("\"lineHash\": *\"[0-9a-f]+:[0-9]+\"");
            CliTests.Run("lint", TestPaths.SeedReport, "--format", format, "--baseline", baseline).Exit.Should().Be(0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
