using System.Diagnostics;
using System.Diagnostics.Tracing;
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
        if (args.Length > 0 && args[0] == "allocations") return Allocations.Run(args[1..]);
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

/// <summary>
/// What a lint allocates, by type: the runtime's allocation ticks (one event per ~100 KB allocated, naming the type of the
/// object that crossed the mark), listened to in-process while every file is linted, after a warm-up pass. A sample, not
/// a count: types that allocate little may not appear. `allocations FILE-OR-FOLDER...`
/// </summary>
internal static class Allocations
{
    public static int Run(string[] args)
    {
        // --stage read|statements|claims|lint: only what that stage allocates (the documents are read beforehand for the
        // others); by default reading and linting together.
        string? stage = null;
        if (args.Length > 1 && args[0] == "--stage") (stage, args) = (args[1], args[2..]);
        var files = args.SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[a])
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToList();
        var knowledge = KnowledgeBase.BuiltIn;
        var linter = new Linter(null, knowledge);
        var documents = stage is null or "read" ? null : files.Select(f => DocumentReader.Read(f.Path, f.Bytes)).ToList();
        Action<int> Over(Action<ReportDocument> each) => i => each(documents![i]);
        Action<int> run = stage switch
        {
            null => i => linter.Lint(DocumentReader.Read(files[i].Path, files[i].Bytes)),
            "read" => i => DocumentReader.Read(files[i].Path, files[i].Bytes),
            "statements" => Over(d => StatementBuilder.Build(d)),
            "claims" => Over(d => ClaimExtractor.Extract(d, knowledge)),
            "lint" => Over(d => linter.Lint(d)),
            _ => throw new ArgumentException($"unknown stage '{stage}': read, statements, claims or lint"),
        };
        for (int i = 0; i < files.Count; i++) run(i);
        using var listener = new AllocationListener();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < files.Count; i++) run(i);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        listener.Dispose();
        long sampled = listener.ByType.Values.Sum();
        Console.WriteLine($"{files.Count} files, {allocated / 1024.0 / files.Count:F1} KB allocated per file{(stage is null ? "" : " by " + stage)}; by type (share of {listener.Ticks} allocation ticks):");
        foreach (var (type, bytes) in listener.ByType.OrderByDescending(t => t.Value).Take(40))
            Console.WriteLine($"{100.0 * bytes / sampled,6:F1} %  {type}");
        return 0;
    }

    private static string SizeClass(long bytes)
    {
        long bound = 64;
        while (bound < bytes) bound *= 4;
        return bound >= 1024 ? $"<= {bound / 1024} KB" : $"<= {bound} B";
    }

    private sealed class AllocationListener : EventListener
    {
        public readonly Dictionary<string, long> ByType = new();
        public int Ticks;

        protected override void OnEventSourceCreated(EventSource source)
        {
            // The GC keyword (0x1) at verbose level carries GCAllocationTick.
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            int name = e.PayloadNames!.IndexOf("TypeName"), amount = e.PayloadNames.IndexOf("AllocationAmount64");
            if (name < 0) return;
            string type = e.Payload[name] as string ?? "?";
            // Strings and arrays by size too, in powers of two: a whole report's text copied is not a word.
            int size = e.PayloadNames.IndexOf("ObjectSize");
            if (size >= 0 && (type == "System.String" || type.EndsWith("[]", StringComparison.Ordinal)))
                type += $" ({SizeClass(Convert.ToInt64(e.Payload[size]))})";
            long bytes = amount >= 0 ? Convert.ToInt64(e.Payload[amount]) : 100_000;
            lock (ByType)
            {
                ByType[type] = ByType.GetValueOrDefault(type) + bytes;
                Ticks++;
            }
        }
    }
}
