using System.Diagnostics;

namespace ReportLint.Tests.Integrations;

/// <summary>
/// Runs the built <c>reportlint</c> as a user would, in a working directory of the test's choosing (paths in SARIF,
/// configuration discovery and baselines all depend on it, and the test process's own directory is shared).
/// </summary>
internal static class ReportLintProcess
{
    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public static (int Exit, string Out, string Err) RunWithInput(string workingDirectory, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reportlint.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("reportlint did not finish within 60 s: " + string.Join(' ', args));
        }
        var result = (process.ExitCode, stdout.Result, stderr.Result);
        CliTests.ValidateSarif(args, result.ExitCode, result.Item2, workingDirectory);
        return result;
    }

    /// <summary>A fresh folder for one test, removed by the OS's temp cleaning rather than by the test.</summary>
    public static string TempFolder() => Directory.CreateTempSubdirectory("reportlint-").FullName;
}
