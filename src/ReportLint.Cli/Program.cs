namespace ReportLint.Cli;

public static class Program
{
    public static int Main(string[] args) => ReportLintCli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput);
}
