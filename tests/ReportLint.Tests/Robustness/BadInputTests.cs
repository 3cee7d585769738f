using System.Diagnostics;
using System.Text;
using FluentAssertions;
using ReportLint.Core.Documents;
using Xunit;

namespace ReportLint.Tests.Robustness;

/// <summary>
/// The list of hostile and broken inputs, one case each, through the CLI in-process: every case ends with exit 0,
/// 1 or 2, at most one line per problem on standard error, and never a stack trace; a file that cannot be read costs
/// that file only, and exit 2 means nothing at all could be linted.
/// </summary>
public sealed class BadInputTests
{
    private const string Good = "The global pet food market was valued at USD 1.45 billion in 2025 and is expected to reach USD 3.52 billion by 2032, growing at a CAGR of 13.5% from 2025 to 2032.\n";

    private static string Folder() => Directory.CreateTempSubdirectory("reportlint-bad-").FullName;

    private static void NoStackTrace(string err)
    {
        err.Should().NotContain("   at ").And.NotContain("Exception:").And.NotContain("--->");
    }

    private static void OneLine(string err, string mentions)
    {
        NoStackTrace(err);
        err.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain(mentions);
    }

    [Fact]
    public void A_path_that_does_not_exist_exits_two_with_one_line_even_beside_a_good_file()
    {
        string dir = Folder();
        File.WriteAllText(Path.Combine(dir, "good.txt"), Good);
        var (exit, output, err) = CliTests.Run("lint", Path.Combine(dir, "good.txt"), Path.Combine(dir, "missing.txt"));
        exit.Should().Be(2);
        output.Should().BeEmpty();
        OneLine(err, "missing.txt");
    }

    [Fact]
    public void A_symlink_loop_is_walked_once()
    {
        string dir = Folder();
        Directory.CreateDirectory(Path.Combine(dir, "a"));
        File.WriteAllText(Path.Combine(dir, "a", "draft.txt"), Good);
        Directory.CreateSymbolicLink(Path.Combine(dir, "a", "loop"), dir);
        Directory.CreateSymbolicLink(Path.Combine(dir, "self"), Path.Combine(dir, "self")); // a link to itself: cannot be resolved
        var (exit, output, err) = CliTests.Run("lint", dir, "--format", "json");
        exit.Should().Be(0, err);
        NoStackTrace(err);
        output.Should().Contain("\"files\": 1");
    }

    [Fact]
    public void A_folder_without_read_permission_is_skipped_with_a_note_and_the_rest_is_linted()
    {
        string dir = Folder();
        File.WriteAllText(Path.Combine(dir, "good.txt"), Good);
        string locked = Path.Combine(dir, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "hidden.txt"), Good);
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            bool enforced = !CanList(locked); // root reads through permissions: then the folder is simply linted
            var (exit, output, err) = CliTests.Run("lint", dir, "--format", "json");
            exit.Should().Be(0, err);
            NoStackTrace(err);
            if (enforced) output.Should().Contain("cannot read this folder");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanList(string dir)
    {
        try { Directory.GetFiles(dir); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    [Fact]
    public void A_file_that_vanishes_between_listing_and_reading_costs_that_file_only()
    {
        // A dangling link is listed by the folder walk and then cannot be opened: the same as a file deleted in between.
        string dir = Folder();
        File.WriteAllText(Path.Combine(dir, "good.txt"), Good);
        File.CreateSymbolicLink(Path.Combine(dir, "gone.txt"), Path.Combine(dir, "deleted-meanwhile.txt"));
        var (exit, output, err) = CliTests.Run("lint", dir, "--no-color");
        exit.Should().Be(0);
        output.Should().Contain("gone.txt");
        OneLine(err, "gone.txt");

        // When nothing at all could be read, the run is an input error: exit 2, one line.
        string alone = Folder();
        File.CreateSymbolicLink(Path.Combine(alone, "gone.txt"), Path.Combine(alone, "deleted-meanwhile.txt"));
        var (exit2, output2, err2) = CliTests.Run("lint", alone);
        exit2.Should().Be(2);
        output2.Should().BeEmpty();
        OneLine(err2, "gone.txt");
    }

    [Theory]
    [InlineData("no-such-folder/out.sarif")]
    [InlineData(".")]
    public void An_output_path_that_cannot_be_written_exits_two_with_one_line_and_leaves_nothing(string output)
    {
        string dir = Folder();
        File.WriteAllText(Path.Combine(dir, "good.txt"), Good);
        string target = Path.Combine(dir, output);
        var (exit, stdout, err) = CliTests.Run("lint", Path.Combine(dir, "good.txt"), "--format", "sarif", "--output", target);
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        OneLine(err, "cannot write");
        Directory.GetFiles(dir).Select(Path.GetFileName).Should().Equal("good.txt");
    }

    [Fact]
    public void A_binary_file_named_txt_is_skipped_with_a_note_and_never_parsed()
    {
        string dir = Folder();
        File.WriteAllBytes(Path.Combine(dir, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes("USD 1 billion CAGR 99%")]);
        var (exit, output, err) = CliTests.Run("lint", dir, "--format", "json");
        exit.Should().Be(0, err);
        err.Should().BeEmpty();
        output.Should().Contain("binary content").And.Contain("\"findings\": []");
    }

    [Fact]
    public void Invalid_utf8_is_linted_with_a_warning_naming_the_byte_offset()
    {
        string dir = Folder();
        File.WriteAllBytes(Path.Combine(dir, "draft.txt"), [.. Encoding.UTF8.GetBytes("Market "), 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes(" " + Good)]);
        var (exit, output, err) = CliTests.Run("lint", dir, "--no-color");
        exit.Should().Be(0, err);
        output.Should().Contain("invalid UTF-8 at byte 7");
    }

    [Theory]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    [InlineData("utf32le")]
    [InlineData("empty")]
    [InlineData("whitespace")]
    [InlineData("bom-only")]
    public void Unusual_but_valid_text_files_lint_cleanly(string kind)
    {
        byte[] bytes = kind switch
        {
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Good)],
            "utf16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Good)],
            "utf32le" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Good)],
            "empty" => [],
            "whitespace" => Encoding.UTF8.GetBytes(" \t\n\r\n   \u00A0\u2003\n\n\t"),
            _ => [0xEF, 0xBB, 0xBF],
        };
        foreach (string ext in new[] { ".txt", ".md", ".html" })
        {
            string dir = Folder();
            File.WriteAllBytes(Path.Combine(dir, "draft" + ext), bytes);
            var (exit, _, err) = CliTests.Run("lint", dir, "--format", "sarif");
            exit.Should().Be(0, $"{kind}{ext}: {err}");
            err.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("PK\u0003\u0004 truncated zip header")]
    [InlineData("")]
    public void A_docx_that_is_not_a_word_package_is_skipped_with_a_note(string content)
    {
        string dir = Folder();
        File.WriteAllText(Path.Combine(dir, "draft.docx"), content);
        File.WriteAllText(Path.Combine(dir, "good.txt"), Good);
        var (exit, output, err) = CliTests.Run("lint", dir, "--format", "json");
        exit.Should().Be(0, err);
        NoStackTrace(err);
        output.Should().Contain("draft.docx").And.Contain("\"files\": 2");
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_skipped_with_a_note()
    {
        string dir = Folder();
        string zip = Path.Combine(dir, "draft.docx");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var w = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open());
            w.Write("<Types><junk");
        }
        var (exit, output, err) = CliTests.Run("lint", zip, "--no-color");
        exit.Should().Be(0, err);
        NoStackTrace(err);
        output.Should().Contain("draft.docx");
    }

    [Theory]
    [InlineData("<html><body><p>USD 1.45 billion in 2025 <table><tr><td>CAGR<td>13.5%</table></p></div></span>")]
    [InlineData("<<<<>>>><p <p <p>></ / <!-- <!-- --> --!> <![CDATA[ x ]]> &#xFFFFFFFF; &#0; &bogus; &#x110000;")]
    [InlineData("<script>while(true){}</script><style>*{}</style><main><main><article>x</main>")]
    [InlineData("<table><tr><td colspan=999999999 rowspan=-5>1</td></tr><tr><td rowspan=999999999>2")]
    [InlineData("<ol start=-2147483648><li value=2147483647>a<li>b<li>c</ol><ol start=99999999999999999999><li>x")]
    public void Html_with_junk_is_read_without_an_exception(string html)
    {
        var document = DocumentReader.Read("junk.html", Encoding.UTF8.GetBytes(html));
        var result = new Core.Engine.Linter().Lint(document);
        result.Notifications.Should().NotContain(n => n.Contains("failed"));
        FuzzChecks.AssertSpansInside(result);
    }

    [Theory]
    [InlineData("> ", 10_000)]
    [InlineData("- ", 10_000)]
    [InlineData("1. ", 10_000)]
    [InlineData("> - ", 5_000)]
    [InlineData("  ", 10_000)]
    public void Deep_markdown_nesting_is_read_as_plain_text_with_a_note_in_bounded_time(string marker, int depth)
    {
        // One line nested `depth` levels deep ("> > > … level", "- - - … item"), or for indentation a list whose every item
        // is indented one step further (each line's indent grows: 10,000 levels is 100 MB, so that one is in tests/e2e).
        string md = marker == "  "
            ? string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- item\n")) + string.Concat(Enumerable.Repeat("> ", depth)) + "x\n"
            : string.Concat(Enumerable.Repeat(marker, depth)) + "level\n";
        md += Good;
        var watch = Stopwatch.StartNew();
        var document = DocumentReader.Read("deep.md", Encoding.UTF8.GetBytes(md));
        var result = new Core.Engine.Linter().Lint(document);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        result.Notifications.Should().Contain(n => n.Contains("nested more than"));
        result.Findings.Should().BeEmpty("the consistent sentence after the nesting is still read, and holds");
        FuzzChecks.AssertSpansInside(result);
    }

    [Theory]
    [InlineData("digits")]
    [InlineData("ones")]
    [InlineData("unicode-digits")]
    [InlineData("rtl")]
    [InlineData("table")]
    [InlineData("long-line")]
    public void Odd_shapes_finish_in_bounded_time_with_spans_inside_the_document(string shape)
    {
        string text = shape switch
        {
            "digits" => "The market was valued at USD " + new string('9', 5_000) + " billion in 2025, a CAGR of 1" + new string('0', 5_000) + "% from 2025 to 2032.\n" + Good,
            "ones" => "Revenue " + string.Join(",", Enumerable.Repeat("1", 50_000)) + " billion.\n" + string.Join(",", Enumerable.Repeat("1", 50_000)) + "\n" + Good,
            // Arabic-Indic, Extended Arabic-Indic, Devanagari, full-width, mathematical bold digits.
            "unicode-digits" => "USD ١٫٤٥ billion in ٢٠٢٥, USD ۳.۶۵ billion in ۲۰۳۲, CAGR १३.५% 2025–2032, USD １．４５ billion (２０２５), ＵＳＤ ３.６５ billion by ２０３２ at 𝟏𝟑.𝟓%.\n" + Good,
            "rtl" => "\u202Eالسوق بلغت USD 1.45 billion في 2025 \u202C وتصل إلى USD 3.65 billion بحلول 2032، بمعدل CAGR 13.5% من 2025 إلى 2032.\nשוק של USD 1.45 billion ב-2025 \u2067USD 3.65 billion\u2069 עד 2032 CAGR 13.5%.\n" + Good,
            "table" => "| Year | Revenue |\n|---|---|\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"| {2000 + i % 40} | USD {i}.5 billion |\n")) + Good,
            _ => string.Concat(Enumerable.Repeat("The market grew at a CAGR of 13.5% to USD 3.65 billion by 2032 ", 2_000)) + "\n" + Good,
        };
        foreach (var ext in new[] { "draft.txt", "draft.md" })
        {
            var watch = Stopwatch.StartNew();
            var document = DocumentReader.Read(ext, Encoding.UTF8.GetBytes(text));
            var result = new Core.Engine.Linter().Lint(document);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), $"{shape} as {ext}");
            result.Notifications.Should().NotContain(n => n.Contains("failed") || n.Contains("could not"), $"{shape} as {ext}");
            FuzzChecks.AssertSpansInside(result);
        }
    }
}
