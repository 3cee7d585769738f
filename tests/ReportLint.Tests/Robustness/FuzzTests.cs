using System.Diagnostics;
using System.Text;
using CsCheck;
using ReportLint.Core.Configuration;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Knowledge;
using Xunit;
using Xunit.Abstractions;

namespace ReportLint.Tests.Robustness;

/// <summary>
/// Fuzzing with CsCheck: report-like text built from fragments, random Markdown structure, random configuration YAML and
/// byte-level mutations of the seed and the fixtures. For every input: no exception but <see cref="DocumentReadException"/>
/// (documents) or <see cref="DataFileException"/> (configuration) escapes, every finding's span lies inside its document
/// with consistent line and column, and the JSON and SARIF output parses (a sample of the SARIF is schema-validated).
/// The iteration counts are fixed (over 100,000 inputs in all, each small); set REPORTLINT_FUZZ_SEED to the seed CsCheck
/// prints on a failure to replay it, and REPORTLINT_FUZZ_SCALE (e.g. 0.1 or 10) for a shorter or longer run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly Linter Linter = new();
    private static readonly string? Seed = Environment.GetEnvironmentVariable("REPORTLINT_FUZZ_SEED") is { Length: > 0 } s ? s : null;
    private static readonly double Scale = double.TryParse(Environment.GetEnvironmentVariable("REPORTLINT_FUZZ_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var f) ? f : 1;

    private static long Iterations(long n) => Math.Max(1, (long)(n * Scale));

    // ---- generators ----------------------------------------------------------------------------------------------

    private static readonly string[] Digits =
    [
        "0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "০১২৩৪৫৬৭৮৯", "๐๑๒๓๔๕๖๗๘๙",
    ];

    /// <summary>A number as drafts print them, or misprint them: separators, decimals, signs, other digit scripts, huge.</summary>
    private static readonly Gen<string> Number =
        Gen.OneOf(
            Gen.Double[-1e6, 1e7].Select(d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Long[0, 99_999_999_999].Select(l => l.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Select(Gen.Int[0, 9_999], Gen.Int[0, 99]).Select((a, b) => $"{a}.{b}"),
            Gen.Select(Gen.Int[0, Digits.Length - 1], Gen.Int[1, 6], Gen.Int[0, 999_999]).Select((script, len, v) =>
                string.Concat(v.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(len, '0').Select(c => char.IsSurrogate(Digits[script][0]) ? Digits[script].Substring((c - '0') * 2, 2) : Digits[script][c - '0'].ToString()))),
            Gen.Int[1, 400].Select(n => new string('9', n)),
            Gen.Int[1, 60].Select(n => string.Join(",", Enumerable.Repeat("1", n))),
            Gen.OneOf<string>("0", "-0", "1e308", "NaN", "∞", "1.2.3", "1,,000", ".5", "5.", "1 000 000", "1'000", "1.000,50", "½", "2⁵", "(3.2)", "−4.5", "+7"));

    private static readonly Gen<string> Year = Gen.OneOf(Gen.Int[1990, 2040].Select(y => y.ToString()), Gen.Int[0, 99_999].Select(y => y.ToString()), Gen.OneOf<string>("FY2025", "2025E", "2032F", "'25", "H1 2024", "Q3 2031", "٢٠٢٥", "２０３２"));

    private static readonly Gen<string> Word = Gen.OneOf<string>(
        "The", "global", "market", "was valued at", "is expected to reach", "growing at a CAGR of", "from", "to", "by", "in", "between",
        "billion", "million", "trillion", "bn", "mn", "thousand", "USD", "US$", "$", "€", "EUR", "£", "¥", "₹", "INR", "Rs.", "CNY",
        "%", "percent", "per cent", "CAGR", "share", "accounted for", "of the market", "largest", "fastest-growing", "dominates",
        "North America", "Asia Pacific", "Europe", "Latin America", "Middle East & Africa", "China", "U.S.", "Germany", "Japan",
        "By Product", "By Application", "By End User", "By Region", "Segment", "Insights", "Analysis", "Companies covered",
        "Base Year", "Forecast Period", "Historical Data", "Market Size in 2025:", "Geographies covered:", "Segments covered:",
        "[Insert figure]", "XX%", "TBD", "Lorem ipsum", "<Company Name>", "{{market}}", "Acme Corp.", "Globex Inc.", "Initech",
        "السوق", "بقيمة", "מיליארד", "\u202E", "\u202C", "\u2067", "\u2069", "\u200F", "\u200E", "\u200B", "\uFEFF", "\u00A0", "\u2028", "\u2029",
        "\t", "\r", "\u0001", "\u001B[31m", "\u007F", "\uFFFD", "\uD800", "\uDC00", "😀", "e\u0301", "ﬁ", "İ", "ß",
        "<!-- reportlint-disable -->", "<!-- reportlint-enable -->", "<!-- reportlint-disable-next-line RL101 -->", "<!-- reportlint-disable-line -->",
        "<!-- reportlint-disable RL101, RL999 -- reason -->", "<!-- reportlint-disable-file -->", "<!--", "-->", "<!-- note -->",
        "|", "||", "| --- |", ":", "::", ".", "..", "...", "!", "?", ";", ",", "(", ")", "[", "]", "*", "**", "_", "`", "```", "~~~", "#", "##", ">", "-", "+", "1.", "a)", "•", "\\",
        "<p>", "</p>", "<td>", "<tr>", "<table>", "<li>", "<ol start=3>", "<h2>", "<main>", "<script>", "&amp;", "&#x41;", "&nbsp;", "<br>", "<div hidden>");

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (6, Word),
        (3, Number),
        (2, Year),
        (1, Gen.Select(Number, Gen.OneOf<string>("%", " %", " percent")).Select(t => t.Item1 + t.Item2)),
        (1, Gen.Select(Gen.OneOf<string>("USD ", "$", "€", "EUR "), Number, Gen.OneOf<string>(" billion", " million", "bn", "")).Select(t => t.Item1 + t.Item2 + t.Item3)),
        (1, Gen.Select(Year, Gen.OneOf<string>("-", "–", " to ", "—", "/"), Year).Select(t => t.Item1 + t.Item2 + t.Item3)),
        (1, Gen.Char.Select(c => c.ToString())));

    private static readonly Gen<string> Separator = Gen.Frequency((12, Gen.Const(" ")), (3, Gen.Const("\n")), (1, Gen.Const("\n\n")), (1, Gen.Const(" | ")), (1, Gen.Const("\r\n")), (1, Gen.Const("")));

    /// <summary>Report-like text: fragments joined by spaces, line breaks and pipes.</summary>
    private static readonly Gen<string> ReportText =
        Gen.Select(Fragment, Separator).Array[1, 60].Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    private static readonly Gen<string> LinePrefix = Gen.OneOf<string>("", "", "", "# ", "## ", "###### ", "> ", "> > ", "- ", "* ", "1. ", "  - ", "    ", "| ", "|", "```", "---", "===", "<!-- ", "  1) ", "\t");

    /// <summary>Markdown structure: lines with block prefixes (headings, quotes, lists, tables, fences) around report text.</summary>
    private static readonly Gen<string> MarkdownText =
        Gen.Select(LinePrefix, ReportText.Select(t => t.Length > 200 ? t[..200] : t), Gen.Bool).Array[1, 25]
            .Select(lines => string.Concat(lines.Select(l => l.Item1 + l.Item2.Replace("\n", " ") + (l.Item3 ? " |" : "") + "\n")));

    private static readonly Gen<string> YamlToken = Gen.OneOf<string>(
        "rules:", "ignore:", "rulePacks:", "industry:", "RL101:", "RL102:", "cagr-mismatch:", "RL999:", "RL304:", "tolerance:", "severity:",
        "minLines:", "off", "error", "warning", "note", "loud", "0.02", "2", "-1", "lots", "true", "no", "~", "null", "\"\"", "''",
        "[", "]", "{", "}", ",", "-", "- ", "? ", ":", ": ", "&a", "*a", "&b [*a, *a, *a]", "*b", "!!str", "!!binary", "!!map", "!<tag:x>", "%YAML 1.2", "---", "...",
        "|", ">", "#", "\"unterminated", "'x'", "'**/*.md'", "archive/**", "pharmaceuticals", "\t", "\u0000", "\uFEFF", "😀", "key: value", "  ", "    ", "\n", "\n", "\n");

    /// <summary>Configuration-like YAML: sensible documents most of the time, token soup the rest.</summary>
    private static readonly Gen<string> ConfigYaml = Gen.Frequency(
        (2, YamlToken.Array[1, 40].Select(t => string.Join(" ", t))),
        (3, Gen.Select(Gen.OneOf<string>("RL101", "RL102", "RL103", "RL201", "RL301", "RL304", "RL401", "RL999", "cagr-mismatch", "unused-suppression", "rl101", ""),
                       Gen.OneOf<string>("off", "error", "warning", "note", "on", "{ severity: warning }", "{ tolerance: 0.05 }", "{ tolerance: 7 }", "{ tolerance: x }", "{ bogus: 1 }", "[1, 2]", "", "\n    severity: error\n    tolerance: 0.1"),
                       Gen.OneOf<string>("", "ignore:\n  - 'drafts/**'\n", "ignore: 'x'\n", "ignore: 3\n", "industry: pharmaceuticals\n", "industry: [a]\n", "rulePacks: []\n", "rulePacks:\n  - nope\n", "unknown: 1\n", "rules: 5\n"))
                  .Array[1, 6].Select(rs => "rules:\n" + string.Concat(rs.Select(r => $"  {r.Item1}: {r.Item2}\n")) + string.Concat(rs.Select(r => r.Item3)))));

    // ---- properties ----------------------------------------------------------------------------------------------

    private static readonly string[] Extensions = ["draft.txt", "draft.md", "draft.html"];

    private void Run<T>(string name, Gen<T> gen, long iterations, Action<T> check)
    {
        long tried = 0;
        var watch = Stopwatch.StartNew();
        gen.Sample(x =>
        {
            check(x);
            Interlocked.Increment(ref tried);
        }, seed: Seed, iter: Iterations(iterations));
        string line = $"fuzz {name}: {tried:N0} inputs in {watch.Elapsed.TotalSeconds:0.0} s, no exception escaped";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static void LintAndCheck(string path, byte[] bytes, bool schema = false)
    {
        ReportDocument document;
        try { document = DocumentReader.Read(path, bytes); }
        catch (DocumentReadException) { return; }
        var result = Linter.Lint(document);
        foreach (var n in result.Notifications)
            if (n.Contains("failed on this file", StringComparison.Ordinal) || n.Contains("could not be read", StringComparison.Ordinal))
                throw new InvalidOperationException("a rule or the extractor failed: " + n);
        FuzzChecks.AssertSpansInside(result);
        FuzzChecks.AssertOutputsParse(result, schema);
    }

    [Fact]
    public void Report_like_text_in_every_format()
    {
        Run("report text", Gen.Select(ReportText, Gen.Int[0, Extensions.Length - 1], Gen.Int[0, 199]), 45_000,
            t => LintAndCheck(Extensions[t.Item2], Encoding.UTF8.GetBytes(t.Item1), schema: t.Item3 == 0));
    }

    [Fact]
    public void Random_markdown_structure()
    {
        Run("markdown", Gen.Select(MarkdownText, Gen.Int[0, 199]), 30_000,
            t => LintAndCheck("draft.md", Encoding.UTF8.GetBytes(t.Item1), schema: t.Item2 == 0));
    }

    [Fact]
    public void Random_configuration_either_loads_or_names_file_line_and_problem()
    {
        var rules = Linter.Descriptors;
        string folder = Directory.CreateTempSubdirectory("reportlint-fuzz-").FullName;
        Run("configuration", ConfigYaml, 20_000, yaml =>
        {
            try { ReportLintConfig.Parse(".reportlint.yaml", yaml, folder, rules); }
            catch (DataFileException e) when (e.Line >= 0 && e.Problem.Length > 0) { }
        });
    }

    private static readonly Lazy<(string Name, byte[] Bytes)[]> Corpus = new(() =>
    {
        var files = new List<string> { TestPaths.SeedReport };
        files.AddRange(Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt") || f.EndsWith(".md") || f.EndsWith(".html")));
        files.AddRange(Directory.EnumerateFiles(TestPaths.BinaryFixtures));
        return files.Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();
    });

    private static readonly byte[][] Interesting =
    [
        [0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [(byte)'\n'], [(byte)'|'], [(byte)'<'], [(byte)'>'],
        "<!-- reportlint-disable -->"u8.ToArray(), " USD 9.99 billion "u8.ToArray(), " CAGR of 99.9% "u8.ToArray(), "\n# "u8.ToArray(), "\n> "u8.ToArray(), "</w:t>"u8.ToArray(),
    ];

    /// <summary>Byte-level mutations of the seed and fixtures (Word and HTML included): flips, inserts, deletions, duplications, splices.</summary>
    private static Gen<(string Name, byte[] Bytes)> Mutated(int maxBytes) =>
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 255]).Array[1, 8], Gen.Bool)
            .Select((pick, edits, truncate) =>
            {
                var corpus = Corpus.Value;
                var (name, original) = corpus[pick % corpus.Length];
                var bytes = new List<byte>(original);
                // Keep inputs small so that 100,000 of them fit the time budget: a window of the file, not all of it (a .docx stays whole: its zip directory is at the end).
                if (truncate && bytes.Count > maxBytes && !name.EndsWith(".docx"))
                {
                    int start = pick % (bytes.Count - maxBytes);
                    bytes = bytes.GetRange(start, maxBytes);
                }
                foreach (var (kind, a, b, value) in edits)
                {
                    if (bytes.Count == 0) { bytes.Add((byte)value); continue; }
                    int at = a % bytes.Count, len = Math.Min(1 + b % 64, bytes.Count - at);
                    switch (kind)
                    {
                        case 0: bytes[at] = (byte)value; break;
                        case 1: bytes[at] ^= (byte)(1 << (value % 8)); break;
                        case 2: bytes.InsertRange(at, Interesting[value % Interesting.Length]); break;
                        case 3: bytes.RemoveRange(at, len); break;
                        case 4: bytes.InsertRange(b % bytes.Count, bytes.GetRange(at, len)); break;
                        default: bytes.InsertRange(at, Enumerable.Repeat(bytes[at], 1 + value % 32)); break;
                    }
                }
                return (name, bytes.ToArray());
            });

    [Fact]
    public void Mutations_of_the_seed_and_fixtures()
    {
        Run("mutated fixtures", Mutated(1_500), 8_000, m => LintAndCheck(m.Name, m.Bytes));
    }
}
