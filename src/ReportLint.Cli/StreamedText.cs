using ReportLint.Core.Output;

namespace ReportLint.Cli;

/// <summary>
/// Text output printed file by file while the run goes on, in the inputs' order: a file's findings are written as soon as
/// it and every file before it are linted, by whichever worker finishes the last of them, and are then let go, so that
/// what a run keeps is a count per file rather than every finding until the end (over 1,000 reports, keeping them cost a
/// tenth of the run in collections and in the final, single-threaded print). The output is the same as the formatter's
/// <see cref="TextFormatter.Write"/> over the whole report.
/// </summary>
internal sealed class StreamedText
{
    private readonly TextFormatter _formatter;
    private readonly TextWriter _writer;
    private readonly bool _includeStats;
    private readonly Action<FileReport>? _prepare;
    // The files in output order: those skipped before linting first, then one slot per input, filled as each is linted.
    private readonly FileReport?[] _slots;
    private readonly int _offset;
    private readonly object _gate = new();
    // Guarded by _gate: the next slot to print, how far the slots have been seen to be unreadable, and whether a readable
    // file has been seen (until then nothing is printed).
    private int _next;
    private int _unreadableUpTo;
    private bool _readableSeen;
    // 1 when a file has finished since the printer last looked.
    private int _pending;
    private FindingCounts _counts;

    /// <param name="skipped">Files reported before any is linted (unreadable paths), printed first.</param>
    /// <param name="inputs">How many files will be linted.</param>
    /// <param name="prepare">Run on each file just before it is printed (applying a baseline).</param>
    public StreamedText(TextFormatter formatter, TextWriter writer, bool includeStats, IReadOnlyList<FileReport> skipped, int inputs, Action<FileReport>? prepare)
    {
        _formatter = formatter;
        _writer = writer;
        _includeStats = includeStats;
        _prepare = prepare;
        _offset = skipped.Count;
        _slots = new FileReport?[skipped.Count + inputs];
        for (int i = 0; i < skipped.Count; i++) _slots[i] = skipped[i];
    }

    /// <summary>The unsuppressed findings printed so far, by severity.</summary>
    public FindingCounts Counts => _counts;

    /// <summary>Input <paramref name="input"/> is linted: prints it, and any files after it that were waiting for it.</summary>
    public void Complete(int input, FileReport report)
    {
        Volatile.Write(ref _slots[_offset + input], report);
        Volatile.Write(ref _pending, 1);
        // A worker that finds another printing leaves its file to it: the printer looks again, before it stops, whether a
        // file finished while it printed.
        while (Volatile.Read(ref _pending) == 1 && Monitor.TryEnter(_gate))
        {
            try
            {
                Interlocked.Exchange(ref _pending, 0);
                PrintReady();
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }

    /// <summary>Every file is linted: prints what is left (nothing at all when no file could be read) and returns the files, without their findings.</summary>
    public List<FileReport> Finish()
    {
        lock (_gate) PrintReady();
        var files = new List<FileReport>(_slots.Length);
        foreach (var slot in _slots) files.Add(slot ?? throw new InvalidOperationException("a file was never linted"));
        return files;
    }

    private void PrintReady()
    {
        while (_next < _slots.Length && Volatile.Read(ref _slots[_next]) is { } file)
        {
            // Nothing is printed until some file proves readable: a run in which none is ends in one usage error instead.
            if (!_readableSeen && !(_readableSeen = ReadableAhead())) return;
            _prepare?.Invoke(file);
            _formatter.WriteFile(file, _includeStats, _writer);
            _counts += FindingCounts.Of(file);
            _slots[_next++] = file with { Findings = [], Coverage = null };
        }
    }

    /// <summary>Whether a readable file has been linted among those waiting to be printed (each looked at once, however often asked).</summary>
    private bool ReadableAhead()
    {
        _unreadableUpTo = Math.Max(_unreadableUpTo, _next);
        while (_unreadableUpTo < _slots.Length && Volatile.Read(ref _slots[_unreadableUpTo]) is { } file)
        {
            if (file.Error is null) return true;
            _unreadableUpTo++;
        }
        return false;
    }
}
