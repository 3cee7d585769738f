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
/// What this does: it finds the collector's region from the address of a fresh object and <c>/proc/self/smaps</c>, then
/// makes up to 70 MB of it around that object readable and writable ahead of time (the collector's own later "commit" of
/// the same pages is then a no-op; nothing is touched, so nothing is used until the collector writes to it), marks it
/// for huge pages, and collapses the 2 MB regions the collector already uses into huge pages.
/// </para>
/// <para>
/// What it may touch: anonymous, non-executable memory only, in one unbroken stretch around the object. Inaccessible
/// memory is made accessible only where it carries the "do not dump" flag (<c>dd</c>), which the collector puts on all of
/// its reservation and takes off what it commits: a thread stack's guard page, or any other inaccessible memory, does not
/// carry it, and the span stops short of anything else. Accessible memory in the span only becomes eligible for huge
/// pages. Anything unexpected (no transparent huge pages, another layout, an older kernel) leaves the process as it
/// was; <c>REPORTLINT_HUGE_PAGES=0</c> turns it off.
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

    /// <summary>One mapping of <c>/proc/self/smaps</c>: its range, permissions, whether it maps no file, and whether it is left out of core dumps (<c>dd</c>).</summary>
    internal readonly record struct Mapping(ulong Start, ulong End, bool Readable, bool Writable, bool Executable, bool Anonymous, bool NotDumped);

    /// <summary>The span to prepare, and the bases of the 2 MB regions in it that the collector already uses (they may hold 4 KB pages to collapse).</summary>
    internal sealed record Plan(ulong Start, ulong End, IReadOnlyList<ulong> RegionsInUse);

    public static void Prefer()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("REPORTLINT_HUGE_PAGES") == "0") return;
        try
        {
            string mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            if (!mode.Contains("[madvise]", StringComparison.Ordinal) && !mode.Contains("[always]", StringComparison.Ordinal)) return;
            ulong probe = AddressOfFreshObject();
            var plan = PlanFor(ParseSmaps(ReadSmaps()), probe);
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

    /// <summary>
    /// The bytes of <c>/proc/self/smaps</c>, read in as few calls as possible: the kernel writes the listing afresh for each
    /// read, and memory the collector commits between two reads would appear twice (see <see cref="ParseSmaps"/>).
    /// </summary>
    private static ReadOnlySpan<byte> ReadSmaps()
    {
        using var stream = new FileStream("/proc/self/smaps", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        // About 45 KB for the native binary's 150 mappings; under 85 KB, so the buffer is an ordinary small object.
        var buffer = new byte[64 * 1024];
        int length = 0, read;
        while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// The mappings listed in <c>/proc/self/smaps</c> text, in address order. A listing read in several calls may show a
    /// mapping again, as it was when the later call was made: the later view replaces the earlier one.
    /// </summary>
    internal static List<Mapping> ParseSmaps(ReadOnlySpan<byte> text)
    {
        var mappings = new List<Mapping>();
        while (!text.IsEmpty)
        {
            int newline = text.IndexOf((byte)'\n');
            var line = newline < 0 ? text : text[..newline];
            text = newline < 0 ? default : text[(newline + 1)..];
            if (line.IsEmpty) continue;
            // A mapping's first line starts with its address in lower-case hexadecimal; the lines about it that follow
            // start with a capitalised key ("Rss:", "VmFlags:").
            if (char.IsAsciiHexDigitLower((char)line[0]) || char.IsAsciiDigit((char)line[0]))
            {
                var mapping = ParseRange(line);
                while (mappings.Count > 0 && mappings[^1].End > mapping.Start)
                {
                    if (mappings[^1].Start >= mapping.Start) mappings.RemoveAt(mappings.Count - 1);
                    else mappings[^1] = mappings[^1] with { End = mapping.Start };
                }
                mappings.Add(mapping);
            }
            else if (line.StartsWith("VmFlags:"u8) && mappings.Count > 0)
            {
                var flags = line["VmFlags:".Length..].Trim((byte)' ');
                bool notDumped = false;
                foreach (var flag in flags.Split((byte)' ')) notDumped |= flags[flag].SequenceEqual("dd"u8);
                mappings[^1] = mappings[^1] with { NotDumped = notDumped };
            }
        }
        return mappings;
    }

    /// <summary>"7fc82c200000-7fc82c211000 rw-p 00000000 00:00 0        [optional path]"</summary>
    private static Mapping ParseRange(ReadOnlySpan<byte> line)
    {
        var rest = line;
        int dash = rest.IndexOf((byte)'-'), space = rest.IndexOf((byte)' ');
        if (dash < 0 || space < dash) throw Malformed(line);
        ulong start = ulong.Parse(rest[..dash], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        ulong end = ulong.Parse(rest[(dash + 1)..space], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        rest = rest[(space + 1)..].TrimStart((byte)' ');
        if (rest.Length < 4 || end < start) throw Malformed(line);
        var permissions = rest[..4];
        // Then offset, device and inode; an anonymous mapping has no path after them.
        for (int field = 0; field < 4 && !rest.IsEmpty; field++)
        {
            int next = rest.IndexOf((byte)' ');
            rest = next < 0 ? default : rest[(next + 1)..].TrimStart((byte)' ');
        }
        return new Mapping(start, end, permissions[0] == 'r', permissions[1] == 'w', permissions[2] == 'x', rest.Trim((byte)' ').IsEmpty, false);
    }

    private static FormatException Malformed(ReadOnlySpan<byte> line) =>
        new($"Unexpected line in /proc/self/smaps: {System.Text.Encoding.ASCII.GetString(line)}");

    /// <summary>
    /// What to prepare around <paramref name="probe"/>, the address of a fresh object: from two regions below its region
    /// to 64 MB above it, cut short on either side where the stretch of mappings stops being the collector's (see
    /// <see cref="MayPrepare"/>) or has a hole; nothing when the object's whole 2 MB region is not in such memory.
    /// </summary>
    internal static Plan? PlanFor(IReadOnlyList<Mapping> mappings, ulong probe)
    {
        int at = -1;
        for (int i = 0; i < mappings.Count && at < 0; i++)
            if (mappings[i].Start <= probe && probe < mappings[i].End) at = i;
        if (at < 0 || !MayPrepare(mappings[at])) return null;

        ulong region = probe & ~(PageSize - 1);
        ulong below = RegionsBelow * PageSize;
        ulong start = region >= below ? region - below : 0, end = region + PageSize + Ahead;
        if (end < region) return null;
        // The unbroken stretch of preparable mappings around the object, as far as the span reaches.
        int first = at, last = at;
        while (first > 0 && mappings[first].Start > start && mappings[first - 1].End == mappings[first].Start && MayPrepare(mappings[first - 1])) first--;
        while (last + 1 < mappings.Count && mappings[last].End < end && mappings[last + 1].Start == mappings[last].End && MayPrepare(mappings[last + 1])) last++;
        // Whole huge pages only, inside the stretch.
        start = Math.Max(start, AlignUp(mappings[first].Start));
        end = Math.Min(end, mappings[last].End & ~(PageSize - 1));
        // The object's own region must be in it: otherwise this is not the collector's memory as expected.
        if (start > region || end < region + PageSize) return null;

        // The collector makes a region's first page usable when it takes the region: a mapping that starts exactly at a
        // region's base and is writable marks a region in use.
        var inUse = new List<ulong>();
        for (int i = first; i <= last; i++)
        {
            var m = mappings[i];
            if (m.Start >= start && m.Start < end && m.Start % PageSize == 0 && m.Writable) inUse.Add(m.Start);
        }
        return new Plan(start, end, inUse);

        static ulong AlignUp(ulong address) => address % PageSize == 0 ? address : (address | (PageSize - 1)) + 1;
    }

    /// <summary>
    /// Anonymous, non-executable memory that is either accessible already (it only becomes eligible for huge pages) or
    /// inaccessible and left out of core dumps, as the collector leaves what it reserved and has not committed. A thread
    /// stack's guard page is inaccessible without that flag, so it is never made accessible.
    /// </summary>
    private static bool MayPrepare(Mapping m) =>
        m.Anonymous && !m.Executable && (m.Readable && m.Writable || !m.Readable && !m.Writable && m.NotDumped);

    private const int ProtRead = 1, ProtWrite = 2;
    private const int MadvHugePage = 14, MadvDoDump = 17, MadvCollapse = 25;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);
}
