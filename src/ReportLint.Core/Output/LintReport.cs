using ReportLint.Core.Claims;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Output;

/// <summary>One linted file as the formatters see it: its findings, coverage and any problem reading it.</summary>
public sealed record FileReport(string Path, IReadOnlyList<Finding> Findings, Coverage? Coverage, IReadOnlyList<string> Notifications, string? Error = null)
{
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
    public IEnumerable<Finding> Findings => Files.SelectMany(f => f.Findings).Where(f => f.Suppression is null);
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
    public int Notes => Findings.Count(f => f.Severity == Severity.Note);
    public int FilesWithFindings => Files.Count(f => f.Findings.Any(x => x.Suppression is null));
}

public interface IFormatter
{
    void Write(LintReport report, TextWriter writer);
}
