namespace ReportLint.Cli;

/// <summary>Writes output through a temporary file and a rename, so an interrupted run leaves no half-written report.</summary>
public static class AtomicFile
{
    public static void Write(string path, string content) => Write(path, temp => File.WriteAllText(temp, content));

    public static void Write(string path, byte[] content) => Write(path, temp => File.WriteAllBytes(temp, content));

    private static void Write(string path, Action<string> writeTemp)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir)) throw new UsageException($"cannot write {path}: folder {dir} does not exist");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception) { /* best effort */ }
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }
}
