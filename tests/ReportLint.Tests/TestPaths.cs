namespace ReportLint.Tests;

internal static class TestPaths
{
    private static string? _root;

    /// <summary>The repository root (the folder holding ReportLint.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            if (_root is not null) return _root;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportLint.sln"))) dir = dir.Parent;
            return _root = dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root");
        }
    }

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    /// <summary>
    /// The seed's first two lines: a draft whose only finding is the RL101 mismatch, for tests about how findings travel
    /// (configuration, baselines, thresholds) rather than about what the rules find.
    /// </summary>
    public static string CagrOnlyDraft => string.Join('\n', File.ReadLines(SeedReport).Take(2)) + '\n';
    public static string SeedReport => Path.Combine(Seeds, "internet-micro-drama-report.txt");
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "ReportLint.Tests", "Fixtures");
    /// <summary>The seed as Word and HTML (written by tests/tools/make_seed_variants.py): not scanned by the fixture tests.</summary>
    public static string BinaryFixtures => Path.Combine(RepoRoot, "tests", "ReportLint.Tests", "Fixtures-binary");
    public static string Data => Path.Combine(RepoRoot, "tests", "ReportLint.Tests", "Data");
    public static string Shared => Path.Combine(RepoRoot, "..", "shared");
}
