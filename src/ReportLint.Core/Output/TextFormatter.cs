using System.Globalization;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Output;

/// <summary>
/// The terminal format: <c>path:line:col: severity RLxxx message</c>, then the related places and suggested fixes
/// indented beneath, and a summary line ("1 error and 2 warnings in 1 file").
/// </summary>
public sealed class TextFormatter(bool color) : IFormatter
{
    private const string Reset = "\u001b[0m";

    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var file in report.Files) WriteFile(file, report.IncludeStats, writer);
        writer.WriteLine(Summary(report));
    }

    /// <summary>
    /// One file's part of the output: its problem or notifications, its findings with their related places and fixes, and
    /// its statistics when <paramref name="includeStats"/>. Each file's part stands alone, so a run can print files one by
    /// one as they are linted and end with <see cref="Summary"/>.
    /// </summary>
    public void WriteFile(FileReport file, bool includeStats, TextWriter writer)
    {
        if (file.Error is not null) writer.WriteLine($"{file.Path}: {Paint("error", "\u001b[31m")} {file.Error}");
        foreach (var note in file.Notifications) writer.WriteLine($"{file.Path}: {Paint("note", "\u001b[36m")} {note}");
        foreach (var f in file.Findings)
        {
            if (f.Suppression is not null) continue;
            // Written piece by piece rather than as one interpolated line: a run over a cache prints tens of thousands.
            var loc = f.Location;
            WritePlace(writer, loc);
            writer.Write(' ');
            writer.Write(SeverityText(f.Severity));
            writer.Write(' ');
            writer.Write(Paint(f.Rule.Id, "\u001b[1m"));
            writer.Write(' ');
            f.WriteMessage(writer);
            writer.Write(' ');
            if (color) writer.Write("\u001b[2m");
            writer.Write('(');
            writer.Write(f.Rule.Name);
            writer.Write(')');
            if (color) writer.Write(Reset);
            writer.WriteLine(Origin(loc));
            foreach (var related in f.Related)
            {
                writer.Write("    ");
                writer.Write(Paint("related", "\u001b[2m"));
                writer.Write(' ');
                WritePlace(writer, related.Location);
                writer.Write(' ');
                related.WriteMessage(writer);
                writer.WriteLine(Origin(related.Location));
            }
            foreach (var fix in f.Fixes)
            {
                writer.Write("    ");
                writer.Write(Paint("fix", "\u001b[32m"));
                writer.Write(' ');
                fix.WriteDescription(writer);
                writer.WriteLine();
            }
        }
        if (includeStats && file.Coverage is { } c)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file.Path}: stats: {c.NumericStatements} numeric statements, {c.CheckedStatements} checked ({c.Ratio:P0}); "
                + $"figures: {c.Money} money, {c.Percentages} percentages, {c.Years} years/periods, {c.OtherNumbers} other numbers; "
                + $"claims: {c.ValueClaims} market values, {c.RateClaims} growth rates, {c.ShareClaims} shares; {c.GrowthChecks} growth checks"));
        }
    }

    /// <summary>"path:line:column:".</summary>
    private static void WritePlace(TextWriter writer, SourceLocation location)
    {
        Span<char> number = stackalloc char[11];
        writer.Write(location.Path);
        writer.Write(':');
        location.Line.TryFormat(number, out int n, provider: CultureInfo.InvariantCulture);
        writer.Write(number[..n]);
        writer.Write(':');
        location.Column.TryFormat(number, out n, provider: CultureInfo.InvariantCulture);
        writer.Write(number[..n]);
        writer.Write(':');
    }

    /// <summary>Where a Word finding is in the author's terms: " (paragraph 12)", " ('Growth Drivers' row of table 1, cell 2)".</summary>
    private static string Origin(SourceLocation location) => location.Origin is { } origin ? $" ({origin.Description})" : "";

    public static string Summary(LintReport report)
    {
        var parts = new List<string>();
        if (report.Errors > 0) parts.Add(Quantity(report.Errors, "error"));
        if (report.Warnings > 0) parts.Add(Quantity(report.Warnings, "warning"));
        if (report.Notes > 0) parts.Add(Quantity(report.Notes, "note"));
        string files = Quantity(report.Files.Count, "file");
        // "1 error, 2 warnings and 3 notes", written out: the last line of every run, where Humanizer's list formatting
        // spent half a millisecond resolving its culture's formatter.
        if (parts.Count == 0) return $"No problems found in {files}.";
        string counts = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        return $"{counts} in {Quantity(report.FilesWithFindings, "file")} ({files} checked).";
    }

    /// <summary>"1 error", "3 errors". The summary's nouns are all regular; Humanizer's ToQuantity would build its whole
    /// inflection vocabulary (about a hundred regexes, a quarter of a one-file run's start-up) to pluralise them.</summary>
    public static string Quantity(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");

    private string SeverityText(Severity s) => s switch
    {
        Severity.Error => Paint("error", "\u001b[31m"),
        Severity.Warning => Paint("warning", "\u001b[33m"),
        _ => Paint("note", "\u001b[36m"),
    };

    private string Paint(string text, string code) => color ? code + text + Reset : text;
}
