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

    /// <summary>Lints <paramref name="folder"/> afresh, then twice with a new cache (filling it, then reading it), with the same options.</summary>
    private ((int Exit, string Out, string Err) Fresh, (int Exit, string Out, string Err) Cached) FreshAndCached(string folder, params string[] options)
    {
        string cache = Path.Combine(_dir, Path.GetFileName(folder) + ".cache");
        var fresh = CliTests.Run(["lint", folder, .. options]);
        CliTests.Run(["lint", folder, .. options, "--cache-location", cache]);
        return (fresh, CliTests.Run(["lint", folder, .. options, "--cache-location", cache]));
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
        string cache = Path.Combine(_dir, "cache.bin");
        var fresh = CliTests.Run("lint", folder, "--format", format, "--no-color");
        var filling = CliTests.Run("lint", folder, "--format", format, "--no-color", "--cache-location", cache);
        File.Exists(cache).Should().BeTrue();
        var cached = CliTests.Run("lint", folder, "--format", format, "--no-color", "--cache-location", cache);
        filling.Out.Should().Be(fresh.Out);
        cached.Out.Should().Be(fresh.Out);
        cached.Exit.Should().Be(fresh.Exit);
        cached.Err.Should().BeEmpty();
    }

    /// <summary>
    /// Text output reads stored findings without their snippets, properties and line hashes (it prints none of them). A
    /// text run that saves the cache (one file changed) must still leave them all for a later SARIF or JSON run.
    /// </summary>
    [Theory]
    [InlineData("sarif", "\"snippet\"")]
    [InlineData("sarif", "\"partialFingerprints\"")]
    [InlineData("json", "\"properties\"")]
    public void A_text_run_through_the_cache_leaves_every_detail_for_a_later_run(string format, string detail)
    {
        string folder = Corpus(3);
        string cache = Path.Combine(_dir, "cache.bin");
        CliTests.Run("lint", folder, "--format", format, "--cache-location", cache);
        string changed = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Last();
        File.AppendAllText(changed, "\nA closing line.\n");
        var text = CliTests.Run("lint", folder, "--no-color", "--cache-location", cache);
        text.Out.Should().Be(CliTests.Run("lint", folder, "--no-color").Out);
        var detailed = CliTests.Run("lint", folder, "--format", format, "--cache-location", cache);
        var fresh = CliTests.Run("lint", folder, "--format", format);
        fresh.Out.Should().Contain(detail).And.Contain("\"properties\"");
        detailed.Out.Should().Be(fresh.Out);
    }

    /// <summary>
    /// A file whose size and modification time are what the cache stored, older than the cache file by more than its
    /// margin, is taken as unchanged without being read (as Git's index and ESLint's cache take it): here its content was
    /// swapped for other text of the same size and its time put back, so the stored findings come back. That is the
    /// stamp's contract, and what makes an unchanged file cost a stat instead of a read.
    /// </summary>
    [Fact]
    public void A_file_whose_stamp_is_unchanged_and_older_than_the_cache_is_not_read_again()
    {
        string folder = Corpus(1);
        string file = Directory.GetFiles(folder).Single();
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(file, old);
        string cache = Path.Combine(_dir, "cache.bin");
        var first = CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        first.Out.Should().Contain("RL101");
        string text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace("13.5%", "14.1%"));
        File.SetLastWriteTimeUtc(file, old);
        CliTests.Run("lint", folder, "--cache-location", cache, "--no-color").Out.Should().Be(first.Out);
        // Any other time, however close, and the file is read again.
        File.SetLastWriteTimeUtc(file, old.AddTicks(1));
        CliTests.Run("lint", folder, "--cache-location", cache, "--no-color").Out.Should().Be(CliTests.Run("lint", folder, "--no-color").Out).And.NotBe(first.Out);
    }

    /// <summary>A file written within the margin of the cache file's own time may change again without its time moving: it is always read and hashed.</summary>
    [Fact]
    public void A_file_as_recent_as_the_cache_is_read_again_though_its_stamp_is_unchanged()
    {
        string folder = Corpus(1);
        string file = Directory.GetFiles(folder).Single();
        string cache = Path.Combine(_dir, "cache.bin");
        var first = CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        var stamp = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(cache, stamp + ResultCache.StampMargin / 2);
        File.WriteAllText(file, File.ReadAllText(file).Replace("13.5%", "14.1%"));
        File.SetLastWriteTimeUtc(file, stamp);
        var second = CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        second.Out.Should().NotBe(first.Out).And.Be(CliTests.Run("lint", folder, "--no-color").Out);
    }

    /// <summary>A file touched without a change is answered from the cache by its content, and its new stamp is kept for the next run.</summary>
    [Fact]
    public void A_touched_file_is_answered_by_its_content_and_its_new_stamp_kept()
    {
        string folder = Corpus(1);
        string file = Directory.GetFiles(folder).Single();
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));
        string cache = Path.Combine(_dir, "cache.bin");
        var first = CliTests.Run("lint", folder, "--cache-location", cache, "--no-color");
        byte[] before = File.ReadAllBytes(cache);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        CliTests.Run("lint", folder, "--cache-location", cache, "--no-color").Out.Should().Be(first.Out);
        File.ReadAllBytes(cache).Should().NotEqual(before, "the new stamp is stored");
        byte[] after = File.ReadAllBytes(cache);
        CliTests.Run("lint", folder, "--cache-location", cache, "--no-color").Out.Should().Be(first.Out);
        File.ReadAllBytes(cache).Should().Equal(after, "an unchanged file leaves the cache as it was");
    }

    [Fact]
    public void A_changed_file_or_configuration_is_linted_afresh()
    {
        string folder = Corpus(2);
        string cache = Path.Combine(_dir, "cache.bin");
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
        string cache = Path.Combine(_dir, "cache.bin");
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
        string cache = Path.Combine(_dir, "cache.bin");
        File.WriteAllText(cache, content);
        var run = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        run.Exit.Should().Be(1);
        run.Out.Should().Contain("RL101");
        run.Err.Should().Contain("ignoring the cache");
        var again = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        again.Err.Should().BeEmpty();
        again.Out.Should().Be(run.Out);
    }

    /// <summary>Lints the seed once with a cache and returns the run's output and the cache file's bytes.</summary>
    private (string Out, byte[] Cache, string Path) SeedCache()
    {
        string cache = Path.Combine(_dir, "cache.bin");
        var first = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        var bytes = File.ReadAllBytes(cache);
        bytes.AsSpan().StartsWith("ReportLint results cache\n"u8).Should().BeTrue();
        return (first.Out, bytes, cache);
    }

    [Theory]
    [InlineData("format")]
    [InlineData("tool")]
    [InlineData("truncated")]
    [InlineData("trailing bytes")]
    [InlineData("entry count")]
    public void A_cache_with_a_damaged_or_foreign_header_is_ignored_with_a_note(string damage)
    {
        var (fresh, bytes, cache) = SeedCache();
        int afterMagic = "ReportLint results cache\n".Length;
        int toolLength = bytes[afterMagic + 1] - 1; // the format is one byte, then the tool's identity with its length plus one
        byte[] damaged = damage switch
        {
            "format" => [.. bytes[..afterMagic], 2 * 3, .. bytes[(afterMagic + 1)..]],
            "tool" => [.. bytes[..(afterMagic + 2)], (byte)'9', .. bytes[(afterMagic + 3)..]],
            "truncated" => bytes[..^1],
            "trailing bytes" => [.. bytes, 0],
            _ => [.. bytes[..(afterMagic + 2 + toolLength)], 2, .. bytes[(afterMagic + 3 + toolLength)..]],
        };
        File.WriteAllBytes(cache, damaged);
        var run = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        run.Err.Should().Contain("ignoring the cache").And.Contain(damage switch
        {
            "format" => "not a ReportLint cache of this format",
            "tool" => "written by ReportLint 9",
            _ => "cannot be read",
        });
        run.Out.Should().Be(fresh);
        var again = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        again.Err.Should().BeEmpty("the damaged cache was replaced");
        again.Out.Should().Be(fresh);
    }

    [Fact]
    public void A_file_whose_stored_results_are_damaged_is_linted_afresh_with_a_note()
    {
        var (fresh, bytes, cache) = SeedCache();
        // Inside the stored results (the message of the first finding, say), where only the checksum can tell.
        int at = bytes.AsSpan().IndexOf("CAGR"u8);
        at.Should().BePositive();
        bytes[at] = (byte)'X';
        File.WriteAllBytes(cache, bytes);
        var run = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        run.Err.Should().Contain("ignoring the stored results of 1 file(s)").And.Contain("cannot be read");
        run.Out.Should().Be(fresh).And.Contain("CAGR");
        var again = CliTests.Run("lint", TestPaths.SeedReport, "--cache-location", cache, "--no-color");
        again.Err.Should().BeEmpty("the file's results were stored afresh");
        again.Out.Should().Be(fresh);
    }

    [Theory]
    [InlineData("seed.docx")]
    [InlineData("seed.html")]
    public void A_cached_run_of_a_Word_or_HTML_draft_keeps_where_each_finding_is_in_the_author_s_terms(string name)
    {
        // Their findings carry an origin ("paragraph 2", a table cell), which the cache stores with each location.
        string folder = Path.Combine(_dir, "extracted");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TestPaths.BinaryFixtures, name), Path.Combine(folder, name));
        var (fresh, cached) = FreshAndCached(folder, "--format", "json");
        fresh.Out.Should().Contain("\"origin\"");
        cached.Err.Should().BeEmpty();
        cached.Out.Should().Be(fresh.Out);
    }

    [Theory]
    [InlineData("sarif", "--include-suppressed", "kept for the example")]
    [InlineData("sarif", "--include-suppressed", "\"fixes\"")]
    [InlineData("sarif", "--include-suppressed", "\"relatedLocations\"")]
    [InlineData("json", "--stats", "\"coverage\"")]
    [InlineData("json", "--stats", "\"properties\"")]
    public void A_cache_keeps_every_part_of_a_finding(string format, string option, string part)
    {
        // Suppressed findings and their reasons, fixes, related places, properties and coverage all come back as stored.
        string folder = Path.Combine(_dir, "kept");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.md"), "<!-- reportlint-disable RL101 -- kept for the example -->\n" + File.ReadAllText(TestPaths.SeedReport));
        var (fresh, cached) = FreshAndCached(folder, "--format", format, option);
        fresh.Out.Should().Contain(part);
        cached.Err.Should().BeEmpty();
        cached.Out.Should().Be(fresh.Out);
    }
}
