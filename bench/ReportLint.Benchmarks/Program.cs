using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Knowledge;

namespace ReportLint.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "stages") return Stages.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

/// <summary>The seed report, the input every micro-benchmark reads.</summary>
internal static class Inputs
{
    public static byte[] Seed { get; } = File.ReadAllBytes(FindSeed());

    private static string FindSeed()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "seeds", "internet-micro-drama-report.txt");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("seeds/internet-micro-drama-report.txt not found above " + AppContext.BaseDirectory);
    }
}

[MemoryDiagnoser]
public class DocumentReading
{
    private readonly byte[] _text = Inputs.Seed;

    [Benchmark] public ReportDocument ReadPlainText() => DocumentReader.Read("seed.txt", _text);
    [Benchmark] public ReportDocument ReadMarkdown() => DocumentReader.Read("seed.md", _text);
}

[MemoryDiagnoser]
public class FigureExtraction
{
    private ReportDocument _document = null!;

    [GlobalSetup] public void Setup() { _document = DocumentReader.Read("seed.md", Inputs.Seed); _ = KnowledgeBase.BuiltIn.Industries; }

    [Benchmark] public ClaimsModel ExtractClaims() => ClaimExtractor.Extract(_document, KnowledgeBase.BuiltIn);
}

[MemoryDiagnoser]
public class RulePass
{
    private readonly Linter _linter = new();
    private ReportDocument _document = null!;

    [GlobalSetup] public void Setup() { _document = DocumentReader.Read("seed.md", Inputs.Seed); _linter.Lint(_document); }

    /// <summary>The whole pipeline after reading: claims, every default rule, suppressions, line hashes.</summary>
    [Benchmark] public int LintSeed() => _linter.Lint(_document).Findings.Count;
}

[MemoryDiagnoser]
public class KnowledgeLoading
{
    // What start-up pays: building the matchers from the compiled-in data (BuiltInData.g.cs), no YAML involved.
    [Benchmark] public Gazetteer Gazetteer() => new(BuiltInData.Geography());
    [Benchmark] public IndustryLexicons Industries() => new(BuiltInData.Industries());
    [Benchmark] public Placeholders Placeholders() => new(BuiltInData.Placeholders());
}

/// <summary>
/// A profiler-free look at where the time goes: each stage and each rule timed on its own, with the managed memory it
/// allocates, summed over the files given (after one warm-up pass over all of them) and printed per file.
/// `stages FILE-OR-FOLDER...`
/// </summary>
internal static class Stages
{
    private static readonly Dictionary<string, (double Ms, long Bytes)> Totals = new();
    private static readonly List<string> Order = new();

    public static int Run(string[] args)
    {
        var total = Stopwatch.StartNew();
        var knowledge = KnowledgeBase.BuiltIn;
        _ = knowledge.Industries;
        Console.WriteLine($"{"knowledge",-34} {total.Elapsed.TotalMilliseconds,9:F1} ms");
        var files = args.SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[a])
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToList();
        var linter = new Linter(null, knowledge);
        foreach (var (path, bytes) in files) linter.Lint(DocumentReader.Read(path, bytes)); // warm up (JIT) before timing
        var rules = BuiltInRules.Create();
        foreach (var (path, bytes) in files)
        {
            var document = Time("read", () => DocumentReader.Read(path, bytes));
            Time("statements", () => StatementBuilder.Build(document));
            var claims = Time("claims", () => ClaimExtractor.Extract(document, knowledge));
            foreach (var rule in rules)
            {
                var findings = new List<ReportLint.Core.Findings.Finding>();
                Time($"rule {rule.Descriptor.Id} {rule.Descriptor.Name}", () =>
                {
                    rule.Check(new ReportLint.Core.Rules.RuleContext(document, claims, knowledge, rule.Descriptor, ReportLint.Core.Rules.RuleSettings.Default, findings));
                    return findings.Count;
                });
            }
            Time("whole lint", () => linter.Lint(document));
        }
        double kb = files.Sum(f => f.Bytes.Length) / 1024.0 / files.Count;
        Console.WriteLine($"{files.Count} files of {kb:F1} KB on average; per file:");
        foreach (var what in Order)
        {
            var (ms, bytes) = Totals[what];
            Console.WriteLine($"{what,-34} {ms / files.Count,9:F3} ms {bytes / 1024.0 / files.Count,9:F1} KB allocated");
        }
        return 0;
    }

    private static T Time<T>(string what, Func<T> f)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var result = f();
        double ms = sw.Elapsed.TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (!Totals.TryGetValue(what, out var t)) Order.Add(what);
        Totals[what] = (t.Ms + ms, t.Bytes + allocated);
        return result;
    }
}
