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
    public int Errors => Counts.Errors;
    public int Warnings => Counts.Warnings;
    public int Notes => Counts.Notes;
    public int FilesWithFindings => Counts.FilesWithFindings;

    /// <summary>
    /// The unsuppressed findings by severity, and the files that have any: counted from <see cref="Files"/> on first use
    /// (the report does not change), or given by a run that printed each file's findings as it went and kept only their counts.
    /// </summary>
    public FindingCounts Counts
    {
        get => _counts ??= Files.Aggregate(default(FindingCounts), (sum, file) => sum + FindingCounts.Of(file));
        init => _counts = value;
    }
    private FindingCounts? _counts;

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
}

/// <summary>A report's or a file's unsuppressed findings by severity, and how many files have any.</summary>
public readonly record struct FindingCounts(int Errors, int Warnings, int Notes, int FilesWithFindings)
{
    public static FindingCounts Of(FileReport file)
    {
        int errors = 0, warnings = 0, notes = 0;
        foreach (var f in file.Findings)
        {
            if (f.Suppression is not null) continue;
            switch (f.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                case Severity.Note: notes++; break;
            }
        }
        return new(errors, warnings, notes, errors + warnings + notes > 0 ? 1 : 0);
    }

    public static FindingCounts operator +(FindingCounts a, FindingCounts b) =>
        new(a.Errors + b.Errors, a.Warnings + b.Warnings, a.Notes + b.Notes, a.FilesWithFindings + b.FilesWithFindings);
}

public interface IFormatter
{
    void Write(LintReport report, TextWriter writer);
}
