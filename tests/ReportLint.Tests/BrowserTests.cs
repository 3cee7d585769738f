using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace ReportLint.Tests;

/// <summary>
/// Opens the HTML report of the seed in headless Chromium (Debian's chromium package; .ci/run installs it), with every
/// network request refused, and checks what a reader would see: the script ran, every finding is highlighted, the CAGR chart
/// is drawn. Leaves the report and a screenshot under the test output (browser/).
/// </summary>
public sealed partial class BrowserTests(ITestOutputHelper output)
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private static string FindChromium()
    {
        if (Environment.GetEnvironmentVariable("REPORTLINT_CHROMIUM") is { Length: > 0 } configured) return configured;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in Candidates)
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        throw new InvalidOperationException(
            "The browser test needs headless Chromium and found none on PATH (tried " + string.Join(", ", Candidates) + "). "
            + "Install it with 'apt-get install chromium' (.ci/run does), or set REPORTLINT_CHROMIUM to the browser's path.");
    }

    /// <summary>Runs Chromium headless on a local file with the network shut off; returns what it printed.</summary>
    private string RunChromium(string page, params string[] arguments)
    {
        string profile = Directory.CreateTempSubdirectory("reportlint-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(FindChromium())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                         // Any request for anything but the file itself fails: the page must need none.
                         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", .. arguments, new Uri(page).AbsoluteUri])
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within 120 s");
            }
            process.WaitForExit();
            output.WriteLine($"chromium {string.Join(' ', arguments)}: exit {process.ExitCode}");
            if (process.ExitCode != 0) output.WriteLine(stderr.Result);
            process.ExitCode.Should().Be(0, "Chromium should render the page ({0})", stderr.Result.Split('\n').LastOrDefault(l => l.Length > 0));
            return stdout.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { /* Chromium may still hold a lock file */ }
        }
    }

    [GeneratedRegex("""<mark class="hl """)]
    private static partial Regex Highlight();

    [Fact]
    public void The_seed_report_renders_its_findings_and_cagr_chart_in_chromium()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "browser");
        Directory.CreateDirectory(dir);
        string report = Path.Combine(dir, "seed-report.html");
        var (exit, _, err) = CliTests.Run("lint", TestPaths.Seeds, "--format", "html", "--output", report);
        exit.Should().Be(1, err);
        var (_, json, _) = CliTests.Run("lint", TestPaths.Seeds, "--format", "json");
        int findings = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("findings").GetArrayLength();
        findings.Should().BePositive();

        string dom = RunChromium(report, "--dump-dom");
        dom.Should().Contain("data-ready=\"true\"", "the page's script ran to the end");
        dom.Should().Contain($"data-highlights=\"{findings}\"");
        Highlight().Count(dom).Should().Be(findings, "every finding is highlighted at its span");
        Regex.Count(dom, "<article class=\"finding ").Should().Be(findings);
        dom.Should().MatchRegex("""<svg class="growth-chart"[^>]*data-start="1.45" data-end="3.65"[^>]*data-rate="13.5%""");
        dom.Should().MatchRegex("""<form id="filters" class="filters" aria-labelledby""", "the script shows the filters (they stay hidden without it)");
        dom.Should().Contain("Showing all " + findings + " findings.");

        string screenshot = Path.Combine(dir, "seed-report.png");
        File.Delete(screenshot);
        RunChromium(report, "--window-size=1280,1400", "--screenshot=" + screenshot);
        var png = File.ReadAllBytes(screenshot);
        png.Take(8).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        int width = png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19];
        width.Should().Be(1280);
        png.Length.Should().BeGreaterThan(20_000, "a rendered page, not a blank one");
        output.WriteLine($"{findings} findings highlighted; screenshot {screenshot} ({png.Length} bytes)");
    }
}
