using System.Runtime.ExceptionServices;

namespace ReportLint.Cli;

/// <summary>Runs a loop's iterations on every core: this thread and one dedicated thread per other core.</summary>
internal static class Workers
{
    /// <summary>
    /// Calls <paramref name="body"/> once for each index below <paramref name="count"/>, each thread taking the next index
    /// as it finishes one (any order). Parallel.For did the same through the thread pool, whose loop hands its work from one
    /// pool thread to another every so often: over 1,000 reports on two cores that left a core idle for a few milliseconds
    /// at each handover. The first exception thrown stops the loop and is rethrown here as it was thrown.
    /// </summary>
    public static void For(int count, Action<int> body)
    {
        int next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                for (int i; (i = Interlocked.Increment(ref next)) < count;) body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                Volatile.Write(ref next, count);
            }
        }
        var others = new Thread[Math.Max(0, Math.Min(Environment.ProcessorCount, count) - 1)];
        for (int t = 0; t < others.Length; t++)
        {
            others[t] = new Thread(Work) { IsBackground = true, Name = "reportlint worker" };
            others[t].Start();
        }
        Work();
        foreach (var thread in others) thread.Join();
        failure?.Throw();
    }
}
