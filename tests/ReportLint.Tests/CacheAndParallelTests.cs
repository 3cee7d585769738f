using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

/// <summary>`lint --cache` and parallel linting: the output is the same as a fresh, sequential run's.</summary>
public sealed class CacheAndParallelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reportlint-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A folder of seed copies, each a little different, named so that scheduling could reorder them.</summary>
    private string Corpus(int count)
    {
        string folder = Path.Combine(_dir, "reports");
        Directory.CreateDirectory(folder);
        string seed = File.ReadAllText(TestPaths.SeedReport);
        for (int i = 0; i < count; i++)
            File.WriteAllText(Path.Combine(folder, $"r{(i * 7919) % count:D3}.txt"), seed.Replace("USD 3.65 billion", $"USD {3.50 + i / 100.0:F2} billion"));
        return folder;
    }

    [Fact]
    public void Parallel_output_is_sorted_by_path_and_the_same_every_run()
    {
        string folder = Corpus(24);
        var first = CliTests.Run("lint", folder, "--format", "json");
        var second = CliTests.Run("lint", folder, "--format", "json");
        first.Exit.Should().Be(1);
        second.Out.Should().Be(first.Out);
        var paths = first.Out.Split('\n').Where(l => l.Contains("\"path\"")).Select(l => l.Trim()).Distinct().ToList();
        paths.Should().BeInAscendingOrder(StringComparer.Ordinal);
        paths.Should().HaveCount(24);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("text")]
    public void A_cached_run_prints_what_a_fresh_run_prints(string format)
    {
        string folder = Corpus(5);
        string cache = Path.Combine(_dir, "cache.json");
        var fresh = CliTests.Run("lint", folder, "--format", format, "--no-color");
        var filling = CliTests.Run("lint", folder, "--format", format, "--no-color", "--cache-location", cache);
        File.Exists(cache).Should().BeTrue();
        var cached = CliTests.Run("lint", folder, "--format", format, "--no-color", "--cache-location", cache);
        filling.Out.Should().Be(fresh.Out);
        cached.Out.Should().Be(fresh.Out);
        cached.Exit.Should().Be(fresh.Exit);
        cached.Err.Should().BeEmpty();
    }

    [Fact]
    public void A_changed_file_or_configuration_is_linted_afresh()
    {
        string folder = Corpus(2);
        string cache = Path.Combine(_dir, "cache.json");
        CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        string file = Directory.GetFiles(folder).Order(StringComparer.Ordinal).First();
        File.WriteAllText(file, File.ReadAllText(file).Replace("13.5%", "14.1%").Replace("13.50%", "14.10%"));
        var afterEdit = CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        afterEdit.Out.Should().Be(CliTests.Run("lint", folder, "--no-color").Out);

        File.WriteAllText(Path.Combine(folder, ".reportlint.yaml"), "rules:\n  RL101: off\n");
        var afterConfig = CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        afterConfig.Out.Should().NotContain("RL101");
    }

    [Fact]
    public void A_baseline_still_applies_to_cached_findings()
    {
        string folder = Corpus(2);
        string cache = Path.Combine(_dir, "cache.json");
        string baseline = Path.Combine(_dir, "baseline.json");
        CliTests.Run("lint", folder, "--cache-location", cache, "--write-baseline", baseline);
        var cached = CliTests.Run("lint", folder, "--cache-location", cache, "--baseline", baseline, "--no-color");
        cached.Exit.Should().Be(0);
        cached.Out.Should().NotContain("RL101");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\": 99, \"tool\": \"x\", \"entries\": {}}")]
    [InlineData("{\"format\": 1, \"tool\": \"0.0.0-other\", \"entries\": {}}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"format\": 2, \"tool\": \"0.0.0-other\", \"shards\": [{}]}")]
    [InlineData("{\"format\": 2, \"tool\": \"x\", \"shards\": [1]}")]
    [InlineData("{\"format\": 3, \"tool\": \"0.0.0-other\", \"shardBytes\": [2], \"shards\": [{}]}")]
    public void A_corrupt_or_foreign_cache_is_ignored_with_a_note(string content)
    {
        string cache = Path.Combine(_dir, "cache.json");
        File.WriteAllText(cache, content);
        var run = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        run.Exit.Should().Be(1);
        run.Out.Should().Contain("RL101");
        run.Err.Should().Contain("ignoring the cache");
        var again = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        again.Err.Should().BeEmpty();
        again.Out.Should().Be(run.Out);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(100_000_000)]
    public void A_cache_whose_header_gives_wrong_shard_lengths_is_ignored_with_a_note(int error)
    {
        string cache = Path.Combine(_dir, "cache.json");
        var first = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        string text = File.ReadAllText(cache);
        var lengths = System.Text.RegularExpressions.Regex.Match(text, "\"shardBytes\":\\[(\\d+)\\]");
        lengths.Success.Should().BeTrue("one file's results make one shard");
        int length = int.Parse(lengths.Groups[1].Value);
        File.WriteAllText(cache, text.Replace(lengths.Value, $"\"shardBytes\":[{length + error}]"));
        var run = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        run.Err.Should().Contain("ignoring the cache");
        run.Out.Should().Be(first.Out);
    }

    [Fact]
    public void A_cache_damaged_inside_one_shard_is_ignored_with_a_note()
    {
        string cache = Path.Combine(_dir, "cache.json");
        var first = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        string text = File.ReadAllText(cache);
        text.Should().Contain("\"findings\":[");
        File.WriteAllText(cache, text.Replace("\"findings\":[", "\"findings\":{"));
        var run = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        run.Err.Should().Contain("ignoring the cache").And.Contain("cannot be read");
        run.Out.Should().Be(first.Out);
    }
}
