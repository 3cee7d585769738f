using System.Text;
using ReportLint.Core.Findings;
using ReportLint.Core.Rules;

namespace ReportLint.Core.Configuration;

/// <summary>
/// The commented <c>.reportlint.yaml</c> that <c>reportlint init</c> writes: every rule with its default severity
/// and options, commented out, so the file changes nothing until the author edits it.
/// </summary>
public static class StarterConfig
{
    public const string SchemaUrl = "https://raw.githubusercontent.com/reportlint/reportlint/main/schemas/reportlint.schema.json";

    public static string Write(IReadOnlyList<RuleDescriptor> rules)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# yaml-language-server: $schema={SchemaUrl}");
        sb.AppendLine("# ReportLint configuration. ReportLint uses the .reportlint.yaml nearest above each linted file");
        sb.AppendLine("# (or the file given with --config). Every setting below is commented out: uncomment what you need.");
        sb.AppendLine();
        sb.AppendLine("# Per rule, by id or name: off, note, warning or error, or a mapping with 'severity' and the rule's options.");
        sb.AppendLine("rules:");
        foreach (var rule in rules)
        {
            sb.AppendLine($"  # {rule.Id} {rule.Name} ({rule.Family.Tag()}): {rule.Summary}");
            if (rule.OptionList.Count == 0)
            {
                sb.AppendLine($"  # {rule.Id}: {rule.DefaultSeverity.Name()}");
                continue;
            }
            sb.AppendLine($"  # {rule.Id}:");
            sb.AppendLine($"  #   severity: {rule.DefaultSeverity.Name()}");
            foreach (var option in rule.OptionList)
                sb.AppendLine($"  #   {option.Name}: {option.Default}  # {option.Description}");
        }
        sb.AppendLine();
        sb.AppendLine("# Files not to lint: globs relative to this file's folder (\"**\" spans folders).");
        sb.AppendLine("ignore:");
        sb.AppendLine("  # - \"archive/**\"");
        sb.AppendLine();
        sb.AppendLine("# Folders of extra rule packs, relative to this file's folder.");
        sb.AppendLine("rulePacks:");
        sb.AppendLine("  # - rule-packs/house-style");
        sb.AppendLine();
        sb.AppendLine("# The report's industry, to pin it rather than let ReportLint infer it from the text.");
        sb.AppendLine("# industry: pharmaceuticals");
        return sb.ToString();
    }
}
