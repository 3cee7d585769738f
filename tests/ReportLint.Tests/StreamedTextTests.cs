using FluentAssertions;
using ReportLint.Cli;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Output;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// Text output printed file by file as files finish linting, in whatever order and on whatever threads they finish: it must
/// print exactly what the formatter prints for the whole report at the end, and nothing at all when no file is readable.
/// </summary>
public sealed class StreamedTextTests
{
    /// <summary>Reports with findings (the seed, rule fixtures), a file the reader skipped, and unreadable ones, in path order.</summary>
    private static List<FileReport> Reports()
    {
        var linter = new Linter();
        var paths = Directory.GetFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(30)
            .Prepend(TestPaths.SeedReport).ToList();
        var reports = paths.Select(p =>
        {
            var result = linter.Lint(DocumentReader.Read(p, File.ReadAllBytes(p)));
            return new FileReport(p, result.Findings, result.Claims.Coverage, result.Notifications) { FullPath = p };
        }).ToList();
        reports.Insert(3, new FileReport("gone.md", [], null, [], "cannot read: no such file"));
        reports.Insert(7, new FileReport("scan.pdf", [], null, ["skipped: not a text document"]));
        reports.Should().Contain(r => r.Findings.Count > 0);
        return reports;
    }

    private static string Whole(IReadOnlyList<FileReport> reports, bool stats)
    {
        var writer = new StringWriter();
        new TextFormatter(color: false).Write(new LintReport(reports, "test", stats), writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Files_finished_in_any_order_print_as_the_whole_report_does(int seed, bool stats)
    {
        var reports = Reports();
        string expected = Whole(reports, stats);
        var skipped = reports.Take(2).ToList();
        var inputs = reports.Skip(2).ToList();
        var writer = new StringWriter();
        var streamed = new StreamedText(new TextFormatter(color: false), writer, stats, skipped, inputs.Count, prepare: null);

        // Finished in a shuffled order, from two threads at once.
        var order = Enumerable.Range(0, inputs.Count).ToArray();
        new Random(seed).Shuffle(order);
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            Thread.SpinWait(Random.Shared.Next(10_000));
            streamed.Complete(i, inputs[i]);
        });
        var files = streamed.Finish();

        var report = new LintReport(files, "test", stats) { Counts = streamed.Counts };
        writer.WriteLine(TextFormatter.Summary(report));
        writer.ToString().Should().Be(expected);
        streamed.Counts.Should().Be(new LintReport(reports, "test").Counts);
        files.Select(f => f.Path).Should().Equal(reports.Select(r => r.Path));
        files.Should().OnlyContain(f => f.Findings.Count == 0, "printed findings are let go");
    }

    [Fact]
    public void Nothing_is_printed_while_only_unreadable_files_have_finished()
    {
        var writer = new StringWriter();
        var streamed = new StreamedText(new TextFormatter(color: false), writer, includeStats: false,
            [new FileReport("a.md", [], null, [], "cannot read: denied")], inputs: 2, prepare: null);
        streamed.Complete(1, new FileReport("c.md", [], null, [], "cannot read: denied"));
        streamed.Complete(0, new FileReport("b.md", [], null, [], "cannot read: gone"));
        streamed.Finish().Should().HaveCount(3);
        writer.ToString().Should().BeEmpty("a run in which no file is readable ends in one usage error, not in a report");
    }

    [Fact]
    public void Unreadable_files_print_once_a_readable_one_has_finished()
    {
        var writer = new StringWriter();
        var streamed = new StreamedText(new TextFormatter(color: false), writer, includeStats: false, [], inputs: 3, prepare: null);
        streamed.Complete(0, new FileReport("a.md", [], null, [], "cannot read: denied"));
        writer.ToString().Should().BeEmpty();
        streamed.Complete(2, new FileReport("c.md", [], null, []));
        writer.ToString().Should().BeEmpty("b.md has not finished");
        streamed.Complete(1, new FileReport("b.md", [], null, [], "cannot read: gone"));
        writer.ToString().Should().Be("a.md: error cannot read: denied" + Environment.NewLine + "b.md: error cannot read: gone" + Environment.NewLine);
        streamed.Finish();
    }

    [Fact]
    public void Each_file_is_prepared_before_it_is_printed_and_counted()
    {
        var reports = Reports().Where(r => r.Error is null).ToList();
        var writer = new StringWriter();
        var prepared = new List<string>();
        var streamed = new StreamedText(new TextFormatter(color: false), writer, includeStats: false, [], reports.Count, file =>
        {
            prepared.Add(file.Path);
            // As a baseline does: suppressed findings are neither printed nor counted.
            foreach (var f in file.Findings) f.Suppression ??= new FindingSuppression(SuppressionKind.Baseline, "test");
        });
        for (int i = reports.Count - 1; i >= 0; i--) streamed.Complete(i, reports[i]);
        streamed.Finish();
        prepared.Should().Equal(reports.Select(r => r.Path));
        streamed.Counts.Should().Be(default(FindingCounts));
        writer.ToString().Should().NotContain(" RL");
    }
}
