using FluentAssertions;
using ReportLint.Core.Output;
using Xunit;

namespace ReportLint.Tests.Integrations;

public sealed class GitHubAnnotationTests
{
    [Fact]
    public void The_seed_becomes_an_error_annotation_on_its_line()
    {
        var (exit, output, _) = ReportLintProcess.Run(TestPaths.RepoRoot, "lint", "seeds", "--format", "github");
        exit.Should().Be(1);
        output.Split('\n')[0].Should().StartWith(
            "::error file=seeds/internet-micro-drama-report.txt,line=2,endLine=2,col=112,endColumn=128,title=RL101 cagr-mismatch::CAGR 13.5%25 does not take USD 1.45 billion (2025)");
    }

    [Fact]
    public void Values_are_escaped_as_the_actions_toolkit_escapes_them()
    {
        GitHubFormatter.EscapeData("50% of\r\nrevenue: a, b").Should().Be("50%25 of%0D%0Arevenue: a, b");
        GitHubFormatter.EscapeProperty("dir,with:odd%name").Should().Be("dir%2Cwith%3Aodd%25name");
        GitHubFormatter.Command("warning", [("file", "a,b.md"), ("line", "3")], "x: y").Should().Be("::warning file=a%2Cb.md,line=3::x: y");
    }

    [Fact]
    public void The_most_severe_come_first()
    {
        const string draft = "Streaming grew at a CAGR of 250% from 2025 to 2032.\n\nRomance accounted for 112% of revenue in 2025.\n";
        var (exit, output, _) = CliTests.RunWithInput(draft, "lint", "-", "--stdin-filename", "draft.txt", "--format", "github");
        exit.Should().Be(1);
        var commands = output.Split('\n').Where(l => l.StartsWith("::")).ToList();
        commands.Should().HaveCount(2);
        commands[0].Should().StartWith("::error file=draft.txt,line=3,");
        commands[1].Should().StartWith("::warning file=draft.txt,line=1,");
    }
}
