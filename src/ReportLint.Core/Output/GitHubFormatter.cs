using System.Globalization;
using System.Text;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Output;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error file=…,line=…,endLine=…,col=…,endColumn=…,title=RL101 cagr-mismatch::message</c>
/// per finding, which the runner turns into annotations on the pull request. GitHub shows only the first few
/// annotations of each kind, so the most severe come first. Values are escaped as @actions/core escapes them.
/// </summary>
public sealed class GitHubFormatter : IFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        var lines = new List<(Severity Severity, int File, int Line, int Column, string Command)>();
        for (int i = 0; i < report.Files.Count; i++)
        {
            var file = report.Files[i];
            string path = report.RelativePath(file);
            if (file.Error is not null) lines.Add((Severity.Error, i, 0, 0, Command("error", [("file", path)], file.Error)));
            foreach (var note in file.Notifications) lines.Add((Severity.Warning, i, 0, 0, Command("warning", [("file", path)], note)));
            foreach (var f in file.Findings.Where(f => f.Suppression is null))
            {
                var l = f.Location;
                var properties = new List<(string, string)> { ("file", path), ("line", Number(l.Line)), ("endLine", Number(l.EndLine)) };
                // The runner refuses columns on an annotation that spans lines.
                if (l.Line == l.EndLine) properties.AddRange([("col", Number(l.Column)), ("endColumn", Number(l.EndColumn))]);
                properties.Add(("title", $"{f.Rule.Id} {f.Rule.Name}"));
                lines.Add((f.Severity, i, l.Line, l.Column, Command(Level(f.Severity), properties, f.Message)));
            }
        }
        foreach (var line in lines.OrderByDescending(l => l.Severity).ThenBy(l => l.File).ThenBy(l => l.Line).ThenBy(l => l.Column))
            writer.WriteLine(line.Command);
        writer.WriteLine(TextFormatter.Summary(report));
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Command(string name, IEnumerable<(string Key, string Value)> properties, string message)
    {
        var sb = new StringBuilder("::").Append(name);
        char separator = ' ';
        foreach (var (key, value) in properties)
        {
            sb.Append(separator).Append(key).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }
        return sb.Append("::").Append(EscapeData(message)).ToString();
    }

    public static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
