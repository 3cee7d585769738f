using ReportLint.Core.Claims;
using ReportLint.Core.Findings;
using ReportLint.Core.Rules;

namespace ReportLint.Core.Output;

/// <summary>One linted file as the formatters see it: its findings, coverage and any problem reading it.</summary>
public sealed record FileReport(string Path, IReadOnlyList<Finding> Findings, Coverage? Coverage, IReadOnlyList<string> Notifications, string? Error = null)
{
    /// <summary>The file's absolute path, or null for standard input.</summary>
    public string? FullPath { get; init; }
    /// <summary>The linted text and its growth charts, for formats that show the document (HTML); null when not asked for.</summary>
    public DocumentView? View { get; init; }
}

/// <summary>Everything a formatter prints: formatters compute nothing, they only print this.</summary>
public sealed class LintReport
{
    public LintReport(IReadOnlyList<FileReport> files, string toolVersion, bool includeStats = false)
    {
        Files = files;
        ToolVersion = toolVersion;
        IncludeStats = includeStats;
    }

    public IReadOnlyList<FileReport> Files { get; }
    public string ToolVersion { get; }
    public bool IncludeStats { get; }
    /// <summary>Every rule that can fire in this run (SARIF lists them all, findings point into this list).</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; init; } = [];
    /// <summary>The folder paths are shown relative to (SARIF's %SRCROOT%, GitHub's workspace).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>Also print suppressed findings, marked as such (SARIF <c>suppressions</c>).</summary>
    public bool IncludeSuppressed { get; init; }
    public IEnumerable<Finding> Findings => Files.SelectMany(f => f.Findings).Where(f => f.Suppression is null);
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
    public int Notes => Findings.Count(f => f.Severity == Severity.Note);
    /// <summary>
    /// A file's path relative to <see cref="WorkingDirectory"/> with '/' separators, as code-scanning tools expect it;
    /// the absolute path for a file outside it, and the given name for standard input.
    /// </summary>
    public string RelativePath(FileReport file)
    {
        if (file.FullPath is null) return file.Path.Replace('\\', '/');
        string relative = Path.GetRelativePath(WorkingDirectory, file.FullPath);
        return (IsOutside(relative) ? file.FullPath : relative).Replace('\\', '/');
    }

    public static bool IsOutside(string relativePath) =>
        Path.IsPathRooted(relativePath) || relativePath == ".." || relativePath.StartsWith("../", StringComparison.Ordinal) || relativePath.StartsWith("..\\", StringComparison.Ordinal);

    public int FilesWithFindings => Files.Count(f => f.Findings.Any(x => x.Suppression is null));
}

public interface IFormatter
{
    void Write(LintReport report, TextWriter writer);
}
