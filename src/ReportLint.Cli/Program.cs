namespace ReportLint.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Before anything allocates much: see HugePages for why and what it touches.
        HugePages.Prefer();
        return ReportLintCli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput);
    }
}
