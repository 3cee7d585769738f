using Microsoft.Extensions.Logging;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Output;

namespace ReportLint.Cli;

public sealed record LintCommandOptions(
    IReadOnlyList<string> Paths,
    string Format,
    string? Output,
    bool Stats,
    bool Verbose,
    bool NoColor,
    string? StdinName,
    bool IncludeSuppressed = false,
    string? Config = null,
    string? Baseline = null,
    string? WriteBaseline = null,
    int? MaxWarnings = null,
    bool ExitZero = false,
    bool Cache = false,
    string? CacheLocation = null);

/// <summary>`reportlint lint`: finds the inputs, runs the core on each, prints through the chosen formatter, sets the exit code.</summary>
public sealed class LintCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github", "html"];

    /// <summary>The package version ($(Version) at build time; --version adds the commit).</summary>
    public static string ToolVersion => BuildInfo.Version;

    public int Execute(LintCommandOptions options)
    {
        // The logging stack (a dependency-injection container and a console queue thread) costs milliseconds to set up:
        // only --verbose pays for it.
        using var loggerFactory = options.Verbose
            ? LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; })
                .AddFilter(_ => true)
                .SetMinimumLevel(LogLevel.Debug))
            : null;
        ILogger logger = loggerFactory?.CreateLogger("reportlint") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        if (options.Baseline is not null && options.WriteBaseline is not null)
            throw new UsageException("--baseline and --write-baseline do not go together: --write-baseline alone records today's findings afresh");
        if (options.MaxWarnings is < 0) throw new UsageException("--max-warnings takes a number of warnings, 0 or more");
        bool useCache = options.Cache || options.CacheLocation is not null;
        bool showDocuments = options.Format == "html";
        // The HTML report shows each document, which the cache does not keep: it always lints afresh. Otherwise the cache
        // file is read on another core from the start, while this one finds the inputs and their configuration.
        var opening = useCache && !showDocuments
            ? Task.Run(() =>
            {
                string cachePath = options.CacheLocation ?? ResultCache.DefaultFileName, tool = ResultCache.ToolIdentity(ToolVersion);
                return (Cache: ResultCache.Open(cachePath, tool, out var note), Note: note);
            })
            : null;
        // Without a cache every file needs the built-in knowledge: start building it while inputs and configuration are found.
        if (!useCache) Linter.WarmUp();
        // Line hashes are read by SARIF output and baselines, and kept in the cache for a later run that needs them.
        var linter = new Linter(logger: logger)
        {
            LineHashes = options.Format == "sarif" || options.Baseline is not null || options.WriteBaseline is not null || useCache,
        };
        var configs = new ConfigFinder(options.Config, linter.Descriptors);
        var baseline = options.Baseline is null ? null : LoadBaseline(options.Baseline);
        int ignoredCount = 0;
        var (inputs, skipped) = InputFinder.Find(options.Paths, options.StdinName, full =>
        {
            bool ignored = configs.IsIgnored(full);
            if (ignored) ignoredCount++;
            return ignored;
        });
        // Every configuration is checked before anything is linted.
        var configFor = inputs.ToDictionary(i => i, i => configs.For(i.FullPath ?? StdinFolder(options.StdinName)));
        if (options.Output is { } outPath)
        {
            string fullOut = Path.GetFullPath(outPath);
            if (inputs.Any(i => i.FullPath == fullOut)) throw new UsageException($"refusing to write the report over an input file: {outPath}");
        }
        logger.LogDebug("linting {Count} file(s), {Ignored} ignored by configuration", inputs.Count, ignoredCount);

        var files = new List<FileReport>();
        foreach (var (path, problem) in skipped) files.Add(new FileReport(path, [], null, [], problem));
        ResultCache? cache = null;
        var stamps = new FileStamp[inputs.Count];
        if (opening is not null)
        {
            // Reading the cache file and taking the inputs' stamps (size and modification time) are independent: the cache
            // is read (begun above) while the inputs are looked at; then a file whose stamp the cache holds is answered
            // without being read, and any other is hashed and answered from the cache if its content is there.
            Workers.For(inputs.Count, i => stamps[i] = StampIfCacheable(inputs[i]));
            (cache, var cacheNote) = opening.GetAwaiter().GetResult();
            // Text and GitHub output print neither snippets nor finding properties, and only SARIF and baselines read line
            // hashes: what this run does not read is left in the cache, undecoded.
            cache.Details = options.Format is not ("text" or "github");
            cache.LineHashes = options.Format == "sarif" || options.Baseline is not null || options.WriteBaseline is not null;
            if (cacheNote is not null) stderr.WriteLine("reportlint: note: " + cacheNote);
        }
        bool color = options.Output is null && !options.NoColor && !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out)
                     && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        // Console.Out flushes at every write: thousands of findings were thousands of system calls. Buffer them, in
        // buffers under the large-object threshold (85,000 bytes): allocating a large object with a whole cache's results
        // alive set off a full collection (47 ms on a run over 1,000 cached files).
        using var buffered = options.Output is null && ReferenceEquals(stdout, Console.Out)
            ? new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 14)
            : null;
        var outputBuffer = options.Output is null ? null : new StringWriter();
        TextWriter output = outputBuffer ?? buffered ?? stdout;
        // Text output is printed file by file as the run goes (see StreamedText); the other formats, and a run that records
        // a baseline, need every finding at the end.
        StreamedText? streamed = null;
        if (options.Format == "text" && options.WriteBaseline is null)
        {
            string? baselineFolder = baseline is null ? null : BaselineFolder(baseline.Name);
            streamed = new StreamedText(new TextFormatter(color), output, options.Stats, files, inputs.Count,
                baseline is null ? null : file => baseline.Suppress(BaselineKey(file, baselineFolder!), file.Findings));
        }
        // Files are linted on all cores; each result goes to its input's slot (here, or StreamedText's), so the output keeps
        // the inputs' order (sorted by path within each argument), the same as a sequential run's whatever the scheduling.
        var results = new FileReport[streamed is null ? inputs.Count : 0];
        void Lint(int i)
        {
            var input = inputs[i];
            var config = configFor[input];
            // Per file, so only when logging is on: the call itself builds its message state and arguments array.
            if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("{Path}: configuration {Config}", input.DisplayPath, config.Path ?? "(defaults)");
            var stamp = stamps[i];
            string? hash = cache is not null && stamp.IsKnown ? cache.HashByStamp(input.FullPath!, stamp) ?? HashIfCacheable(input) : null;
            var result = (hash is not null ? FromCache(linter, input, config, cache!, hash, stamp) : null)
                         ?? LintOne(linter, input, config, logger, showDocuments, cache, stamp);
            if (streamed is not null) streamed.Complete(i, result);
            else results[i] = result;
        }
        // One file (a pre-commit hook's usual case) is linted on this thread alone: no thread to start.
        Workers.For(inputs.Count, Lint);
        if (streamed is not null) files = streamed.Finish();
        else files.AddRange(results);
        if (cache?.DamageNote is { } damage) stderr.WriteLine("reportlint: note: " + damage);
        cache?.Save();
        int readable = files.Count(f => f.Error is null);
        if (inputs.Count == 0 && skipped.Count == 0 && ignoredCount == 0)
            throw new UsageException($"no lintable files ({string.Join(", ", DocumentReader.LintableExtensions.Select(e => "*" + e))}) found in " + string.Join(", ", options.Paths));
        if (readable == 0 && files.Count > 0)
            throw new UsageException(files.Count == 1 ? $"{files[0].Path}: {files[0].Error}" : $"none of the {files.Count} inputs could be read (first: {files[0].Path}: {files[0].Error})");

        if (options.WriteBaseline is { } baselinePath)
        {
            baseline = Core.Findings.Baseline.Record(baselinePath, BaselineKeys(files, baselinePath).SelectMany(x => x.File.Findings.Select(f => (x.Path, f))));
            AtomicFile.Write(baselinePath, baseline.ToJson(ToolVersion));
            stderr.WriteLine($"reportlint: recorded {baseline.Count} finding(s) in {baselinePath}");
        }
        if (baseline is not null && streamed is null)
            foreach (var (path, file) in BaselineKeys(files, baseline.Name))
                baseline.Suppress(path, file.Findings);

        var packRules = configFor.Values.SelectMany(c => c.Settings.PackRules).Select(r => r.Descriptor).DistinctBy(d => d.Id);
        var rules = linter.Descriptors.Concat(packRules).ToList();
        var report = streamed is null
            ? new LintReport(files, ToolVersion, options.Stats) { Rules = rules, IncludeSuppressed = options.IncludeSuppressed }
            // The files are printed already, and their findings let go: the summary is made from the counts kept of them.
            : new LintReport(files, ToolVersion, options.Stats) { Rules = rules, IncludeSuppressed = options.IncludeSuppressed, Counts = streamed.Counts };
        if (streamed is not null) output.WriteLine(TextFormatter.Summary(report));
        else
        {
            IFormatter formatter = options.Format switch
            {
                "json" => new JsonFormatter(),
                "sarif" => new SarifFormatter(),
                "github" => new GitHubFormatter(),
                "html" => new HtmlFormatter(),
                _ => new TextFormatter(color),
            };
            formatter.Write(report, output);
        }
        if (outputBuffer is not null) AtomicFile.Write(options.Output!, outputBuffer.ToString());
        buffered?.Flush();
        foreach (var file in files.Where(f => f.Error is not null))
            stderr.WriteLine($"reportlint: warning: {file.Path}: {ReportLintCli.OneLine(file.Error!)}");
        if (options.ExitZero) return ReportLintCli.Clean;
        if (report.Errors > 0) return ReportLintCli.HasErrors;
        if (report.Warnings > options.MaxWarnings)
        {
            stderr.WriteLine($"reportlint: {ReportLint.Core.Output.TextFormatter.Quantity(report.Warnings, "warning")}, more than --max-warnings {options.MaxWarnings} allows");
            return ReportLintCli.HasErrors;
        }
        return ReportLintCli.Clean;
    }

    private static string StdinFolder(string? stdinName) =>
        Path.GetDirectoryName(Path.GetFullPath(stdinName ?? "stdin")) ?? Directory.GetCurrentDirectory();

    private static Core.Findings.Baseline LoadBaseline(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"no such baseline file: {path} (record one with --write-baseline)");
        try
        {
            return Core.Findings.Baseline.Parse(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is DataFileException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"invalid baseline: {e.Message}");
        }
    }

    /// <summary>Each file's path as a baseline records it: relative to the baseline's folder, with '/'.</summary>
    private static IEnumerable<(string Path, FileReport File)> BaselineKeys(IEnumerable<FileReport> files, string baselinePath)
    {
        string folder = BaselineFolder(baselinePath);
        foreach (var file in files) yield return (BaselineKey(file, folder), file);
    }

    private static string BaselineFolder(string baselinePath) => Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;

    private static string BaselineKey(FileReport file, string baselineFolder) =>
        (file.FullPath is null ? file.Path : Path.GetRelativePath(baselineFolder, file.FullPath)).Replace('\\', '/');

    /// <summary>The stamp of a file the cache can answer for (not standard input, not one linted in sections), or unknown.</summary>
    private static FileStamp StampIfCacheable(LintInput input)
    {
        if (input.IsStandardInput || input.FullPath is null) return default;
        var stamp = FileStamp.Of(input.FullPath);
        return stamp.Length > SectionedLinting.Threshold ? default : stamp;
    }

    /// <summary>The content hash of a file the cache can answer for (not standard input, not one linted in sections), or null.</summary>
    private static string? HashIfCacheable(LintInput input)
    {
        if (input.IsStandardInput || input.FullPath is null) return null;
        try
        {
            using var handle = File.OpenHandle(input.FullPath);
            long length = RandomAccess.GetLength(handle);
            return length > SectionedLinting.Threshold ? null : ResultCache.HashFile(handle, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // linting the file will say what is wrong with it
        }
    }

    /// <summary>The cached result for a file whose content hash is known, or null (then it is read and linted).</summary>
    private static FileReport? FromCache(Linter linter, LintInput input, Core.Configuration.ReportLintConfig config, ResultCache cache, string contentHash, FileStamp stamp)
    {
        var settings = config.Settings;
        var descriptors = settings.PackRules.Count == 0 ? linter.Descriptors : linter.Descriptors.Concat(settings.PackRules.Select(r => r.Descriptor)).ToList();
        return cache.Find(input.FullPath!, input.DisplayPath, contentHash, stamp, cache.SettingsHash(config), descriptors) is { } cached
            ? cached with { FullPath = input.FullPath }
            : null;
    }

    /// <param name="showDocument">Keep the linted text and growth charts for a report that shows the document (HTML).</param>
    /// <remarks>With a cache, the bytes read here are hashed again even when the file was hashed before: the result is
    /// stored under the hash of the text it came from, should the file have changed in between.</remarks>
    /// <param name="stamp">The file's stamp, taken before it is read here, stored with its results (unknown when there is no cache).</param>
    private FileReport LintOne(Linter linter, LintInput input, Core.Configuration.ReportLintConfig config, ILogger logger, bool showDocument, ResultCache? cache, FileStamp stamp = default)
    {
        var settings = config.Settings;
        byte[] bytes;
        try
        {
            if (input.IsStandardInput)
            {
                using var ms = new MemoryStream();
                using var s = stdin();
                s.CopyTo(ms);
                bytes = ms.ToArray();
            }
            else
            {
                var format = DocumentReader.FormatFor(input.FullPath!);
                // One open file for the size and the bytes: a separate stat and File.ReadAllBytes cost a system call more per file.
                using var handle = File.OpenHandle(input.FullPath!);
                long length = RandomAccess.GetLength(handle);
                if (length > SectionedLinting.Threshold && SectionedLinting.AppliesTo(format, length, Head(input.FullPath!)))
                    return LintInSections(linter, input, settings, format);
                bytes = ReadAll(handle, length, input.FullPath!);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileReport(input.DisplayPath, [], null, [], "cannot read: " + e.Message) { FullPath = input.FullPath };
        }
        string? key = null, contentHash = null, settingsHash = null;
        if (cache is not null && input.FullPath is not null)
        {
            key = input.FullPath;
            contentHash = ResultCache.HashContent(bytes);
            settingsHash = cache.SettingsHash(config);
            var descriptors = settings.PackRules.Count == 0 ? linter.Descriptors : linter.Descriptors.Concat(settings.PackRules.Select(r => r.Descriptor)).ToList();
            if (cache.Find(key, input.DisplayPath, contentHash, stamp, settingsHash, descriptors) is { } cached)
                return cached with { FullPath = input.FullPath };
        }
        ReportDocument document;
        try
        {
            document = DocumentReader.Read(input.DisplayPath, bytes);
        }
        catch (DocumentReadException e)
        {
            return new FileReport(input.DisplayPath, [], null, ["skipped: " + e.Message]) { FullPath = input.FullPath };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader that fails on odd input costs this file, never the run: the other files are still linted and reported.
            return new FileReport(input.DisplayPath, [], null, [], $"cannot read: {e.GetType().Name}: {e.Message}") { FullPath = input.FullPath };
        }
        DocumentResult result;
        try
        {
            result = linter.Lint(document, settings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new FileReport(input.DisplayPath, [], null, [], $"could not be linted: {e.GetType().Name}: {e.Message}") { FullPath = input.FullPath };
        }
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("{Path}: {Findings} finding(s)", input.DisplayPath, result.Findings.Count);
        var report = new FileReport(input.DisplayPath, result.Findings, result.Claims.Coverage, result.Notifications)
        {
            FullPath = input.FullPath,
            View = showDocument ? DocumentViews.For(result) : null,
        };
        if (key is not null) cache!.Store(key, contentHash!, stamp, settingsHash!, report);
        return report;
    }

    /// <summary>
    /// The <paramref name="length"/> bytes of an open file (fewer if it shrank meanwhile). A length of 0, which special files
    /// (a pipe, /proc) report whatever they hold, and one past an array's size are left to <see cref="File.ReadAllBytes"/>.
    /// </summary>
    private static byte[] ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length, string path)
    {
        if (length == 0 || length > Array.MaxLength) return File.ReadAllBytes(path);
        var bytes = new byte[length];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) return bytes[..read];
            read += n;
        }
        return bytes;
    }

    /// <summary>The first bytes of a file (its byte-order mark, if any).</summary>
    private static byte[] Head(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[4];
        return head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
    }

    /// <summary>A very large text file, streamed and linted a section at a time (bounded memory; not cached, no document view).</summary>
    private static FileReport LintInSections(Linter linter, LintInput input, Core.Engine.LintSettings settings, DocumentFormat format)
    {
        try
        {
            using var stream = new FileStream(input.FullPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var result = SectionedLinting.Lint(linter, input.DisplayPath, stream, format, settings);
            return new FileReport(input.DisplayPath, result.Findings, result.Coverage, result.Notifications) { FullPath = input.FullPath };
        }
        catch (DocumentReadException e)
        {
            return new FileReport(input.DisplayPath, [], null, ["skipped: " + e.Message]) { FullPath = input.FullPath };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileReport(input.DisplayPath, [], null, [], "cannot read: " + e.Message) { FullPath = input.FullPath };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new FileReport(input.DisplayPath, [], null, [], $"could not be linted: {e.GetType().Name}: {e.Message}") { FullPath = input.FullPath };
        }
    }
}
