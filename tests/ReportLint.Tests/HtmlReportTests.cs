using System.Text.RegularExpressions;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Output;
using Xunit;

namespace ReportLint.Tests;

/// <summary>The HTML review report: self-contained, one highlight per finding wherever its span falls, a chart per growth statement.</summary>
public sealed partial class HtmlReportTests
{
    internal static string Render(params (string Path, DocumentResult Result)[] files)
    {
        var reports = files.Select(f => new FileReport(f.Path, f.Result.Findings, f.Result.Claims.Coverage, f.Result.Notifications) { View = DocumentViews.For(f.Result) }).ToList();
        var writer = new StringWriter();
        new HtmlFormatter().Write(new LintReport(reports, "0.0.0-test"), writer);
        return writer.ToString();
    }

    private static DocumentResult Seed() => new Linter().Lint(DocumentReader.Read("seed.txt", File.ReadAllBytes(TestPaths.SeedReport)));

    [GeneratedRegex("""<mark class="hl """)]
    private static partial Regex Highlight();

    [Fact]
    public void The_seed_report_highlights_every_finding_once_and_charts_its_cagr_claim()
    {
        var seed = Seed();
        string html = Render(("seed.txt", seed));
        Highlight().Count(html).Should().Be(seed.Findings.Count);
        Regex.Matches(html, "<article class=\"finding ").Count.Should().Be(seed.Findings.Count);
        html.Should().Contain("class=\"growth-chart\"").And.Contain("data-start=\"1.45\"").And.Contain("data-end=\"3.65\"").And.Contain("data-implied-end=\"3.518\"");
        html.Should().Contain("gap +3.7 %").And.Contain("imply 14.1 % a year").And.Contain("Change the 2032 value to 3.52");
        Regex.Matches(html, "<figure class=\"chart").Count.Should().Be(1, "the scope table restates the same growth statement");
    }

    [Fact]
    public void The_page_needs_nothing_from_the_network()
    {
        string html = Render(("seed.txt", Seed()));
        html.Should().NotContainAny("http://", "https://", "<link", "@import", "url(", " src=", "//cdn");
        html.Should().Contain("Content-Security-Policy").And.Contain("default-src 'none'");
    }

    [Fact]
    public void Overlapping_multi_line_and_empty_spans_each_get_exactly_one_highlight()
    {
        const string text = "Line one has <b>USD 1 billion</b> & more.\nSecond line.\n";
        var result = Lint.Text(text);
        var rule = BuiltInRules.Descriptors.First();
        var doc = result.Document;
        var findings = new List<Finding>
        {
            new(rule, Severity.Error, "outer", SourceLocation.From(doc, new TextSpan(5, 30))),
            new(rule, Severity.Warning, "crossing", SourceLocation.From(doc, new TextSpan(20, 47))),
            new(rule, Severity.Note, "empty", SourceLocation.From(doc, new TextSpan(8, 8))),
            new(rule, Severity.Note, "at the line break", SourceLocation.From(doc, new TextSpan(41, 42))),
        };
        var view = DocumentViews.For(result);
        var writer = new StringWriter();
        new HtmlFormatter().Write(new LintReport([new FileReport("t.txt", findings, null, []) { View = view }], "0"), writer);
        string html = writer.ToString();
        Highlight().Count(html).Should().Be(4);
        Regex.Replace(html, "<mark[^>]*>|</mark>", "").Should().Contain("Line one has &lt;b&gt;USD 1 billion&lt;/b&gt; &amp; more.");
        html.Should().NotContain("<b>USD");
        html.Should().Contain("Line <mark class=\"hl sev-error\" id=\"f1-m1\"", "the outer span starts at 'one'");
        html.Should().MatchRegex("one</mark><mark class=\"hl sev-note\" id=\"f1-m3\"[^>]*></mark>", "the empty span is marked where it is");
        html.Should().Contain("hl-cont", "the crossing span continues past the outer one and onto the next line");
        // Marks nest properly: every <mark> is closed inside the row it opened in.
        foreach (Match row in Regex.Matches(html, "<div class=\"tx\">(.*?)</div>"))
            Regex.Matches(row.Groups[1].Value, "<mark").Count.Should().Be(Regex.Matches(row.Groups[1].Value, "</mark>").Count);
    }

    [Fact]
    public void Word_lines_are_labelled_with_their_paragraph_and_table_row()
    {
        var docx = new Linter().Lint(DocumentReader.Read("seed.docx", File.ReadAllBytes(Path.Combine(TestPaths.BinaryFixtures, "seed.docx"))));
        string html = Render(("seed.docx", docx));
        html.Should().Contain(">2<span class=\"og\">¶ 2</span></a>").And.Contain(">33<span class=\"og\">T1 R6</span></a>")
            .And.Contain("title=\"line 33: &#39;Geographies covered&#39; row of table 1\"");
        html.Should().Contain("line 2, column 112 · paragraph 2");
        Highlight().Count(html).Should().Be(docx.Findings.Count);
    }

    [Fact]
    public void A_consistent_statement_is_charted_without_a_gap_and_a_shrinking_market_slopes_down()
    {
        var ok = Lint.Text("The pet food market was valued at USD 1.45 billion in 2025 and is expected to reach USD 3.52 billion by 2032, growing at a CAGR of 13.5% from 2025 to 2032.\n");
        var chart = DocumentViews.For(ok).Growth.Should().ContainSingle().Subject;
        chart.Holds.Should().BeTrue();
        chart.ImpliedPath.Select(p => p.Year).Should().Equal(Enumerable.Range(2025, 8));
        string html = Render(("ok.txt", ok));
        html.Should().Contain("<figure class=\"chart holds\"").And.Contain("which agrees with the stated USD 3.52 billion").And.NotContain("class=\"gap\"");

        var down = Lint.Text("The market was valued at USD 2.00 billion in 2025 and is expected to shrink to USD 1.50 billion by 2030, declining at a CAGR of 5.6% from 2025 to 2030.\n");
        var shrinking = DocumentViews.For(down).Growth.Should().ContainSingle().Subject;
        shrinking.ImpliedPath.Select(p => p.Value).Should().BeInDescendingOrder();
        Render(("down.txt", down)).Should().Contain("class=\"growth-chart\"");
    }

    [Fact]
    public void The_cli_writes_one_html_file()
    {
        string dir = Directory.CreateTempSubdirectory("reportlint-html-").FullName;
        try
        {
            string output = Path.Combine(dir, "report.html");
            var (exit, stdout, _) = CliTests.Run("lint", TestPaths.Seeds, "--format", "html", "--output", output);
            exit.Should().Be(1);
            stdout.Should().BeEmpty();
            Directory.GetFiles(dir).Should().ContainSingle();
            var (_, json, _) = CliTests.Run("lint", TestPaths.Seeds, "--format", "json");
            int findings = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("findings").GetArrayLength();
            Highlight().Count(File.ReadAllText(output)).Should().Be(findings, "every finding is highlighted once");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
