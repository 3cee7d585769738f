using ReportLint.Core.Configuration;
using ReportLint.Core.Engine;

namespace ReportLint.Cli;

/// <summary>`reportlint init`: writes a commented starter configuration (or, with --schema, prints its JSON schema).</summary>
public static class InitCommand
{
    public static int Run(string folder, bool force, bool schema, TextWriter stdout)
    {
        if (schema)
        {
            stdout.Write(ConfigSchema.Generate(BuiltInRules.Descriptors));
            return ReportLintCli.Clean;
        }
        if (!Directory.Exists(folder)) throw new UsageException($"no such folder: {folder}");
        string path = Path.Combine(folder, ReportLintConfig.FileName);
        if (File.Exists(path) && !force) throw new UsageException($"{path} already exists (use --force to overwrite it)");
        AtomicFile.Write(path, StarterConfig.Write(BuiltInRules.Descriptors));
        stdout.WriteLine($"wrote {path}: every setting is commented out; see 'reportlint rules' and 'reportlint explain RULE'");
        return ReportLintCli.Clean;
    }
}
