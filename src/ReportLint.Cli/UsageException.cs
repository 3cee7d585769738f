namespace ReportLint.Cli;

/// <summary>A problem with how the tool was called or with its input as a whole: one line on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
