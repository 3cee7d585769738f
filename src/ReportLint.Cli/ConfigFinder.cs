using Microsoft.Extensions.FileSystemGlobbing;
using ReportLint.Core.Configuration;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules;

namespace ReportLint.Cli;

/// <summary>
/// Finds the configuration for each linted file: the one given with --config, or else the .reportlint.yaml nearest
/// above the file (nearest wins; files are not merged), or the defaults. Each file is read and checked once; a bad
/// one stops the run as a usage error naming its file, line and problem. Thread-safe: lookups share one lock.
/// </summary>
public sealed class ConfigFinder
{
    private readonly IReadOnlyList<RuleDescriptor> _rules;
    private readonly ReportLintConfig? _explicit;
    private readonly Dictionary<string, ReportLintConfig> _byFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<ReportLintConfig, Matcher?> _ignore = new(ReferenceEqualityComparer.Instance);

    public ConfigFinder(string? configPath, IReadOnlyList<RuleDescriptor> rules)
    {
        _rules = rules;
        if (configPath is null) return;
        if (!File.Exists(configPath)) throw new UsageException($"no such configuration file: {configPath}");
        _explicit = Load(configPath);
    }

    /// <summary>The configuration for a file (its absolute path), or for standard input (null: the working directory's).</summary>
    public ReportLintConfig For(string? fullPath)
    {
        if (_explicit is not null) return _explicit;
        lock (_byFolder) return ForFolder(fullPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(fullPath)!);
    }

    /// <summary>True when the file's configuration lists it under 'ignore'.</summary>
    public bool IsIgnored(string fullPath)
    {
        var config = For(fullPath);
        Matcher? matcher;
        lock (_ignore)
        {
            if (!_ignore.TryGetValue(config, out matcher))
            {
                if (config.Ignore.Count > 0)
                {
                    matcher = new Matcher(StringComparison.Ordinal);
                    matcher.AddIncludePatterns(config.Ignore);
                }
                _ignore[config] = matcher;
            }
        }
        if (matcher is null) return false;
        string relative = Path.GetRelativePath(config.Folder, fullPath);
        return !Core.Output.LintReport.IsOutside(relative) && matcher.Match(config.Folder, fullPath).HasMatches;
    }

    private ReportLintConfig ForFolder(string folder)
    {
        if (_byFolder.TryGetValue(folder, out var cached)) return cached;
        ReportLintConfig config;
        var found = ReportLintConfig.FileNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        if (found is not null) config = Load(found);
        else if (Path.GetDirectoryName(folder) is { } parent) config = ForFolder(parent);
        else config = ReportLintConfig.Defaults(folder);
        return _byFolder[folder] = config;
    }

    private ReportLintConfig Load(string path)
    {
        try
        {
            // Named as the user would write it: relative to the working directory when inside it.
            string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            return ReportLintConfig.Load(Core.Output.LintReport.IsOutside(relative) ? path : relative, _rules);
        }
        catch (DataFileException e)
        {
            throw new UsageException($"invalid configuration: {e.Message}");
        }
    }
}
