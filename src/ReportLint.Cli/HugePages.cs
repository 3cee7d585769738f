using System.Globalization;
using System.Runtime.InteropServices;

namespace ReportLint.Cli;

/// <summary>
/// Asks Linux to back the start of the garbage collector's heap with 2 MB pages (transparent huge pages), before any
/// real work allocates.
/// </summary>
/// <remarks>
/// <para>
/// Why: every first touch of a 4 KB page is a page fault, and on the VM the benchmarks run on one costs about 11 µs,
/// against 0.25 µs per 4 KB when a single fault maps a whole 2 MB page (a C program touching 64 MB both ways). A run over
/// 1,000 reports took 6,400 faults, most of them the collector's heap filling for the first time and its first
/// collections copying survivors into fresh pages.
/// </para>
/// <para>
/// Why the collector does not get huge pages by itself: it reserves its whole address range (gigabytes) inaccessible,
/// then makes it usable 64 KB at a time as it allocates. The kernel maps a 2 MB page only where one stretch of mapping
/// with the same settings covers the whole 2 MB at the moment of the fault, so every fault is a 4 KB one.
/// </para>
/// <para>
/// What this does: it finds the collector's region from the address of a fresh object and <c>/proc/self/maps</c>, then
/// makes 70 MB of it around that object readable and writable ahead of time (the collector's own later "commit" of the
/// same pages is then a no-op; nothing is touched, so nothing is used until the collector writes to it), marks it for
/// huge pages, and collapses the 2 MB regions the collector already uses into huge pages. It changes only anonymous
/// memory inside one long run of anonymous mappings (the collector's reservation), never memory that holds data, so the
/// worst a wrong guess can do is leave the pages as they were. Anything unexpected (no transparent huge pages, another
/// layout, an older kernel) leaves the process as it was. <c>REPORTLINT_HUGE_PAGES=0</c> turns it off.
/// </para>
/// </remarks>
internal static partial class HugePages
{
    /// <summary>The size of a huge page, and of the collector's regions (<c>GCRegionSize</c> in the project file).</summary>
    internal const ulong PageSize = 2UL << 20;

    /// <summary>Regions below the fresh object's that are prepared too: the collector's first older-generation regions sit there, and its first collections copy survivors into them.</summary>
    internal const int RegionsBelow = 2;

    /// <summary>How much of the heap above the fresh object's region is prepared: more than the first generation's 16 MB budget uses before and between the first collections.</summary>
    internal const ulong Ahead = 64UL << 20;

    /// <summary>How far the run of anonymous mappings must go on beyond the prepared span, so that it is the collector's reservation (gigabytes) and not a neighbour such as a thread's stack.</summary>
    internal const ulong MarginAbove = 1UL << 30, MarginBelow = 64UL << 20;

    /// <summary>One line of <c>/proc/self/maps</c>.</summary>
    internal readonly record struct Mapping(ulong Start, ulong End, bool Readable, bool Writable, bool Executable, bool Anonymous);

    /// <summary>The span to prepare, and the bases of the 2 MB regions in it that the collector already uses (they may hold 4 KB pages to collapse).</summary>
    internal sealed record Plan(ulong Start, ulong End, IReadOnlyList<ulong> RegionsInUse);

    public static void Prefer()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("REPORTLINT_HUGE_PAGES") == "0") return;
        try
        {
            string mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            if (!mode.Contains("[madvise]", StringComparison.Ordinal) && !mode.Contains("[always]", StringComparison.Ordinal)) return;
            var plan = PlanFor(ParseMaps(File.ReadAllText("/proc/self/maps")), AddressOfFreshObject());
            if (plan is null) return;
            nint start = (nint)plan.Start;
            nuint length = (nuint)(plan.End - plan.Start);
            // The collector marks its reservation "not in core dumps" and each commit "in core dumps": give the span its
            // committed state in both respects now, so the collector's later calls do not split it into 64 KB pieces.
            if (mprotect(start, length, ProtRead | ProtWrite) != 0) return;
            madvise(start, length, MadvDoDump);
            if (madvise(start, length, MadvHugePage) != 0) return;
            // Collapsing needs Linux 6.1; before it, those few regions keep their 4 KB pages.
            foreach (ulong region in plan.RegionsInUse) madvise((nint)region, (nuint)PageSize, MadvCollapse);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException
                                       or DllNotFoundException or EntryPointNotFoundException)
        {
            // Only a speed-up: without it the run is the same, just slower to start.
        }
    }

    /// <summary>Where a just-allocated object lives: in the collector's current allocation region.</summary>
    private static unsafe ulong AddressOfFreshObject()
    {
        var probe = new byte[1];
        fixed (byte* pointer = probe) return (ulong)pointer;
    }

    /// <summary>The mappings listed in <c>/proc/self/maps</c> text, in address order.</summary>
    internal static List<Mapping> ParseMaps(string text)
    {
        var mappings = new List<Mapping>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            // "7fc82c200000-7fc82c211000 rw-p 00000000 00:00 0        [optional path]"
            var rest = line.TrimStart();
            if (rest.IsEmpty) continue;
            int dash = rest.IndexOf('-'), space = rest.IndexOf(' ');
            if (dash < 0 || space < dash) throw new FormatException($"Unexpected line in /proc/self/maps: {line}");
            ulong start = ulong.Parse(rest[..dash], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            ulong end = ulong.Parse(rest[(dash + 1)..space], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            rest = rest[(space + 1)..].TrimStart();
            if (rest.Length < 4) throw new FormatException($"Unexpected line in /proc/self/maps: {line}");
            var permissions = rest[..4];
            // Then offset, device and inode; an anonymous mapping has no path after them.
            for (int field = 0; field < 4 && !rest.IsEmpty; field++)
            {
                int next = rest.IndexOf(' ');
                rest = next < 0 ? default : rest[(next + 1)..].TrimStart();
            }
            mappings.Add(new Mapping(start, end, permissions[0] == 'r', permissions[1] == 'w', permissions[2] == 'x', rest.Trim().IsEmpty));
        }
        return mappings;
    }

    /// <summary>
    /// What to prepare around <paramref name="probe"/>, the address of a fresh object: nothing unless the object lies in a
    /// run of adjacent anonymous, non-executable mappings that reaches well beyond the span on both sides.
    /// </summary>
    internal static Plan? PlanFor(IReadOnlyList<Mapping> mappings, ulong probe)
    {
        int at = -1;
        for (int i = 0; i < mappings.Count && at < 0; i++)
            if (mappings[i].Start <= probe && probe < mappings[i].End) at = i;
        if (at < 0 || !Plain(mappings[at])) return null;
        int first = at, last = at;
        while (first > 0 && mappings[first - 1].End == mappings[first].Start && Plain(mappings[first - 1])) first--;
        while (last + 1 < mappings.Count && mappings[last + 1].Start == mappings[last].End && Plain(mappings[last + 1])) last++;

        ulong region = probe & ~(PageSize - 1);
        ulong below = RegionsBelow * PageSize;
        if (region < below) return null;
        ulong start = region - below, end = region + PageSize + Ahead;
        if (end < region) return null;
        ulong runStart = mappings[first].Start, runEnd = mappings[last].End;
        if (start < runStart || start - runStart < MarginBelow || end > runEnd || runEnd - end < MarginAbove) return null;

        // The collector makes a region's first page usable when it takes the region: a mapping that starts exactly at a
        // region's base and is writable marks a region in use.
        var inUse = new List<ulong>();
        for (int i = first; i <= last; i++)
        {
            var m = mappings[i];
            if (m.Start >= start && m.Start < end && m.Start % PageSize == 0 && m.Writable) inUse.Add(m.Start);
        }
        return new Plan(start, end, inUse);

        static bool Plain(Mapping m) => m.Anonymous && !m.Executable;
    }

    private const int ProtRead = 1, ProtWrite = 2;
    private const int MadvHugePage = 14, MadvDoDump = 17, MadvCollapse = 25;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);
}
