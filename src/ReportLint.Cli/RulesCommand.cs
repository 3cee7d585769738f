using ReportLint.Core.Engine;
using ReportLint.Core.Findings;
using ReportLint.Core.Rules;

namespace ReportLint.Cli;

/// <summary>`reportlint rules` and `reportlint explain RULE`: the rule catalogue, from the rules' own descriptors.</summary>
public static class RulesCommand
{
    public static int List(TextWriter stdout)
    {
        stdout.WriteLine($"{"ID",-6} {"NAME",-22} {"FAMILY",-15} {"SEVERITY",-8} SUMMARY");
        foreach (var d in BuiltInRules.Descriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
            stdout.WriteLine($"{d.Id,-6} {d.Name,-22} {d.Family.Tag(),-15} {d.DefaultSeverity.Name(),-8} {d.Summary}");
        return ReportLintCli.Clean;
    }

    public static int Explain(string idOrName, TextWriter stdout)
    {
        var d = BuiltInRules.Find(idOrName) ?? throw new UsageException($"unknown rule '{idOrName}' (see 'reportlint rules')");
        stdout.WriteLine($"{d.Id} {d.Name} ({d.Family.Tag()}, default severity {d.DefaultSeverity.Name()})");
        stdout.WriteLine();
        stdout.WriteLine(d.HelpText);
        if (d.OptionList.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Options:");
            foreach (var o in d.OptionList) stdout.WriteLine($"  {o.Name} ({o.Kind.ToString().ToLowerInvariant()}, default {o.Default}): {o.Description}");
        }
        return ReportLintCli.Clean;
    }
}
