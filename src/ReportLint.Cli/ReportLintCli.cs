using System.CommandLine;
using System.CommandLine.Parsing;
using ReportLint.Core.Engine;

namespace ReportLint.Cli;

/// <summary>
/// The command line: parses arguments, then hands over to a command. Exit codes are a contract:
/// 0 no error-level findings, 1 error-level findings, 2 usage or input error (one line on stderr, never a stack trace).
/// </summary>
public static class ReportLintCli
{
    public const int Clean = 0, HasErrors = 1, UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var root = BuildCommands(stdout, stderr, stdin, withHelpAndVersion: args.Any(AsksForRootOptions));
        // "reportlint drafts/" means "reportlint lint drafts/", as with other linters (and a pre-commit entry of plain "reportlint").
        if (args.Length > 0 && (args[0] == "-" || !args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0])))
            args = ["lint", .. args];
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"reportlint: error: {OneLine(e.Message)}");
            return UsageError;
        }
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"reportlint: error: {parse.Errors[0].Message} (see 'reportlint --help')");
            return UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"reportlint: error: {OneLine(e.Message)}");
            return UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"reportlint: error: {e.GetType().Name}: {OneLine(e.Message)}");
            return UsageError;
        }
    }

    /// <summary>
    /// Whether an argument needs System.CommandLine's root command: its --help and --version options and its [directives].
    /// Building those reads the help option's description through a ResourceManager, about 4 ms of a one-file run's 30,
    /// so a plain lint builds the same commands without them.
    /// </summary>
    private static bool AsksForRootOptions(string arg) =>
        arg is "-h" or "/h" or "--help" or "-?" or "/?" or "--version" || arg.StartsWith('[');

    /// <summary>A message as one line of standard error: an exception's message may span lines, the contract allows one.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Command BuildCommands(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, bool withHelpAndVersion)
    {
        const string about = "ReportLint: a linter for market-research report drafts (CAGR arithmetic, contradictions, boilerplate, scope coverage).";
        Command root = withHelpAndVersion ? new RootCommand(about) : new Command("reportlint", about);

        var paths = new Argument<string[]>("paths") { Description = "Files, folders (searched for *.md, *.markdown, *.txt, *.docx, *.html, *.htm), globs, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, sarif (SARIF 2.1.0 for code scanning), github (GitHub Actions annotations), or html (one self-contained page showing each document with its findings and growth charts).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(LintCommand.Formats);
        var output = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "Write the report to this file (atomically) instead of standard output." };
        var stats = new Option<bool>("--stats") { Description = "Report extraction coverage: numeric statements seen and how many could be checked." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log diagnostics to standard error." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output." };
        var stdinName = new Option<string?>("--stdin-filename") { HelpName = "NAME", Description = "Name (and so format, by extension) for text read from standard input." };
        var includeSuppressed = new Option<bool>("--include-suppressed") { Description = "SARIF: also record suppressed findings (inline comments, baseline), under 'suppressions'." };
        var config = new Option<string?>("--config", "-c") { HelpName = "FILE", Description = "Use this configuration file for every input, instead of the .reportlint.yaml nearest to each." };
        var baseline = new Option<string?>("--baseline") { HelpName = "FILE", Description = "Report only findings that this baseline file does not record." };
        var writeBaseline = new Option<string?>("--write-baseline") { HelpName = "FILE", Description = "Record today's findings in this baseline file (then nothing is reported as new)." };
        var maxWarnings = new Option<int?>("--max-warnings") { HelpName = "N", Description = "Exit 1 when there are more than this many warnings." };
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when there are findings (usage and input errors still exit 2)." };

        var cache = new Option<bool>("--cache") { Description = "Reuse the findings of files unchanged since the last run (same content, configuration and ReportLint build), kept in .reportlint-cache." };
        var cacheLocation = new Option<string?>("--cache-location") { HelpName = "FILE", Description = "Keep the cache in this file instead of .reportlint-cache (implies --cache)." };

        var lint = new Command("lint", "Lint report drafts and print the findings.") { paths, format, output, stats, verbose, noColor, stdinName, includeSuppressed, config, baseline, writeBaseline, maxWarnings, exitZero, cache, cacheLocation };
        lint.SetAction(parse => new LintCommand(stdout, stderr, stdin).Execute(new LintCommandOptions(
            parse.GetValue(paths) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(stats),
            parse.GetValue(verbose),
            parse.GetValue(noColor),
            parse.GetValue(stdinName),
            parse.GetValue(includeSuppressed),
            parse.GetValue(config),
            parse.GetValue(baseline),
            parse.GetValue(writeBaseline),
            parse.GetValue(maxWarnings),
            parse.GetValue(exitZero),
            parse.GetValue(cache),
            parse.GetValue(cacheLocation))));
        root.Subcommands.Add(lint);

        var folder = new Argument<string>("folder") { Description = "Where to write .reportlint.yaml (default: the current folder).", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing .reportlint.yaml." };
        var schema = new Option<bool>("--schema") { Description = "Print the JSON schema of the configuration file instead (schemas/reportlint.schema.json)." };
        var init = new Command("init", "Write a commented starter .reportlint.yaml.") { folder, force, schema };
        init.SetAction(parse => InitCommand.Run(parse.GetValue(folder)!, parse.GetValue(force), parse.GetValue(schema), stdout));
        root.Subcommands.Add(init);

        var rules = new Command("rules", "List every rule with its id, name, family, default severity and summary.");
        rules.SetAction(_ => RulesCommand.List(stdout));
        root.Subcommands.Add(rules);

        var ruleArg = new Argument<string>("rule") { Description = "A rule id (RL101) or name (cagr-mismatch)." };
        var explain = new Command("explain", "Explain a rule: what it checks, why, a failing and a fixed example, and its options.") { ruleArg };
        explain.SetAction(parse => RulesCommand.Explain(parse.GetValue(ruleArg)!, stdout));
        root.Subcommands.Add(explain);

        var fileArg = new Argument<string>("file") { Description = "A report draft." };
        var inspect = new Command("inspect", "Show what ReportLint understood of a report: periods, values, rates, shares and the growth checks formed.") { fileArg };
        inspect.SetAction(parse => InspectCommand.Run(parse.GetValue(fileArg)!, stdout));
        root.Subcommands.Add(inspect);
        return root;
    }
}
