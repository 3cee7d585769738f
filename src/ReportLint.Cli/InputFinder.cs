using Microsoft.Extensions.FileSystemGlobbing;
using ReportLint.Core.Documents;

namespace ReportLint.Cli;

/// <summary>One thing to lint: a file on disk, or standard input.</summary>
public sealed record LintInput(string DisplayPath, string? FullPath)
{
    public bool IsStandardInput => FullPath is null;
}

/// <summary>
/// Turns command-line operands into files: a file as given, a folder recursively (its *.md, *.markdown, *.txt, *.docx, *.html, *.htm),
/// a glob ("reports/**/*.md"), or "-" for standard input. Paths are shown as the user wrote them.
/// </summary>
public static class InputFinder
{
    public static (List<LintInput> Inputs, List<(string Path, string Problem)> Skipped) Find(IReadOnlyList<string> operands, string? stdinName, Func<string, bool>? ignored = null)
    {
        var inputs = new List<LintInput>();
        var skipped = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string display, string full)
        {
            if (ignored?.Invoke(full) == true) return;
            if (seen.Add(full)) inputs.Add(new LintInput(display, full));
        }

        foreach (var operand in operands)
        {
            if (operand == "-")
            {
                inputs.Add(new LintInput(stdinName ?? "<stdin>", null));
                continue;
            }
            if (File.Exists(operand))
            {
                Add(operand, Path.GetFullPath(operand));
                continue;
            }
            if (Directory.Exists(operand))
            {
                foreach (var (display, full) in Walk(operand, skipped)) Add(display, full);
                continue;
            }
            if (operand.IndexOfAny(['*', '?', '[']) >= 0)
            {
                var matches = Glob(operand).ToList();
                if (matches.Count == 0) throw new UsageException($"no files match '{operand}'");
                foreach (var (display, full) in matches) Add(display, full);
                continue;
            }
            throw new UsageException($"no such file or folder: {operand}");
        }
        return (inputs, skipped);
    }

    /// <summary>Folder recursion that survives unreadable folders and symlink loops.</summary>
    private static IEnumerable<(string Display, string Full)> Walk(string root, List<(string, string)> skipped)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(root);
        var results = new List<(string, string)>();
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            string real;
            try
            {
                var info = new DirectoryInfo(dir);
                real = info.LinkTarget is not null ? (info.ResolveLinkTarget(true)?.FullName ?? info.FullName) : info.FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add((dir, "cannot follow this link: " + e.Message));
                continue;
            }
            if (!visited.Add(real)) continue; // a symlink loop or a second path to the same folder
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add((dir, "cannot read this folder: " + e.Message));
                continue;
            }
            foreach (var file in files.Order(StringComparer.Ordinal))
                if (DocumentReader.LintableExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                    results.Add((file, Path.GetFullPath(file)));
            foreach (var sub in dirs.OrderDescending(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(sub);
                if (name.StartsWith('.') || name is "node_modules" or "bin" or "obj") continue;
                stack.Push(sub);
            }
        }
        return results.OrderBy(r => r.Item1, StringComparer.Ordinal);
    }

    private static IEnumerable<(string, string)> Glob(string pattern)
    {
        // Split the pattern into the fixed folder it starts from and the wildcard part.
        var parts = pattern.Replace('\\', '/').Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?', '[']) >= 0);
        string baseDir = firstWild <= 0 ? (pattern.StartsWith('/') ? "/" : ".") : string.Join('/', parts[..firstWild]);
        if (baseDir.Length == 0) baseDir = "/";
        string rest = string.Join('/', parts[Math.Max(firstWild, 0)..]);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        if (!Directory.Exists(baseDir)) yield break;
        foreach (var relative in matcher.GetResultsInFullPath(baseDir).Order(StringComparer.Ordinal))
        {
            string display = baseDir == "." ? Path.GetRelativePath(".", relative) : Path.Combine(baseDir, Path.GetRelativePath(baseDir, relative));
            yield return (display, Path.GetFullPath(relative));
        }
    }
}
