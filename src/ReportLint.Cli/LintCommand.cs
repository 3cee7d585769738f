using System.Reflection;
using Microsoft.Extensions.Logging;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Output;

namespace ReportLint.Cli;

public sealed record LintCommandOptions(
    IReadOnlyList<string> Paths,
    string Format,
    string? Output,
    bool Stats,
    bool Verbose,
    bool NoColor,
    string? StdinName);

/// <summary>`reportlint lint`: finds the inputs, runs the core on each, prints through the chosen formatter, sets the exit code.</summary>
public sealed class LintCommand(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
{
    public static readonly string[] Formats = ["text", "json", "html"];

    public static string ToolVersion =>
        typeof(Linter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public int Execute(LintCommandOptions options)
    {
        using var loggerFactory = LoggerFactory.Create(b =>
        {
            if (options.Verbose)
                b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                 .AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; })
                 .AddFilter(_ => true)
                 .SetMinimumLevel(LogLevel.Debug);
            else b.SetMinimumLevel(LogLevel.None);
        });
        var logger = loggerFactory.CreateLogger("reportlint");
        var (inputs, skipped) = InputFinder.Find(options.Paths, options.StdinName);
        if (options.Output is { } outPath)
        {
            string fullOut = Path.GetFullPath(outPath);
            if (inputs.Any(i => i.FullPath == fullOut)) throw new UsageException($"refusing to write the report over an input file: {outPath}");
        }
        logger.LogDebug("linting {Count} file(s)", inputs.Count);

        var linter = new Linter(logger: logger);
        var files = new List<FileReport>();
        foreach (var (path, problem) in skipped) files.Add(new FileReport(path, [], null, [], problem));
        bool showDocuments = options.Format == "html";
        foreach (var input in inputs) files.Add(LintOne(linter, input, logger, showDocuments));
        int readable = files.Count(f => f.Error is null);
        if (inputs.Count == 0 && skipped.Count == 0) throw new UsageException($"no lintable files ({string.Join(", ", DocumentReader.LintableExtensions.Select(e => "*" + e))}) found in " + string.Join(", ", options.Paths));
        if (readable == 0)
            throw new UsageException(files.Count == 1 ? $"{files[0].Path}: {files[0].Error}" : $"none of the {files.Count} inputs could be read (first: {files[0].Path}: {files[0].Error})");

        var report = new LintReport(files, ToolVersion, options.Stats);
        bool color = options.Output is null && !options.NoColor && !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out)
                     && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        IFormatter formatter = options.Format switch
        {
            "json" => new JsonFormatter(),
            "html" => new HtmlFormatter(),
            _ => new TextFormatter(color),
        };
        if (options.Output is { } target)
        {
            var buffer = new StringWriter();
            formatter.Write(report, buffer);
            AtomicFile.Write(target, buffer.ToString());
        }
        else formatter.Write(report, stdout);
        foreach (var file in files.Where(f => f.Error is not null))
            stderr.WriteLine($"reportlint: warning: {file.Path}: {file.Error}");
        return report.Errors > 0 ? ReportLintCli.HasErrors : ReportLintCli.Clean;
    }

    /// <param name="showDocument">Keep the linted text and growth charts for a report that shows the document (HTML).</param>
    private FileReport LintOne(Linter linter, LintInput input, ILogger logger, bool showDocument)
    {
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
            else bytes = File.ReadAllBytes(input.FullPath!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileReport(input.DisplayPath, [], null, [], "cannot read: " + e.Message);
        }
        ReportDocument document;
        try
        {
            document = DocumentReader.Read(input.DisplayPath, bytes);
        }
        catch (DocumentReadException e)
        {
            return new FileReport(input.DisplayPath, [], null, ["skipped: " + e.Message]);
        }
        var result = linter.Lint(document);
        logger.LogDebug("{Path}: {Findings} finding(s)", input.DisplayPath, result.Findings.Count);
        return new FileReport(input.DisplayPath, result.Findings, result.Claims.Coverage, result.Notifications)
        {
            View = showDocument ? DocumentViews.For(result) : null,
        };
    }
}
