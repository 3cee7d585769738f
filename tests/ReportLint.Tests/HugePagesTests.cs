using System.Text;
using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// Which memory the native binary prepares for huge pages at start-up: only the collector's memory around a fresh object,
/// never a guard page or a file, and nothing at all when the object is not where the collector's memory should be.
/// </summary>
public sealed class HugePagesTests
{
    private const ulong Mb = 1UL << 20;

    // A layout seen at the start of the native binary (addresses from a real run, where an earlier, stricter version of
    // the planner prepared nothing): a malloc arena, a hole, a few small mappings, then the collector's heap reservation,
    // whose regions are 2 MB apart and each made usable from its first page; a thread's stack (guard page, then 8 MB)
    // follows the reservation. "dd" marks mappings left out of core dumps, as the collector leaves what it reserved.
    private const string RealLayout = """
        00400000-00f78000 r-xp 00000000 08:01 1234 /usr/local/bin/reportlint
        7fad4c382000-7fad4c384000 rw-p 00000000 00:00 0
        7fad4c384000-7fad64000000 ---p 00000000 00:00 0 dd
        7fad64000000-7fad64021000 rw-p 00000000 00:00 0
        7fad64021000-7fad68000000 ---p 00000000 00:00 0
        7fad68550000-7fad68552000 rw-p 00000000 00:00 0
        7fad68552000-7fad68560000 ---p 00000000 00:00 0
        7fad6856c000-7fad6865a000 rw-p 00000000 00:00 0
        7fad6865a000-7fad68800000 ---p 00000000 00:00 0 dd
        7fad68800000-7fad68821000 rw-p 00000000 00:00 0
        7fad68821000-7fad69800000 ---p 00000000 00:00 0 dd
        7fad69800000-7fad69801000 rw-p 00000000 00:00 0
        7fad69801000-7fad69a00000 ---p 00000000 00:00 0 dd
        7fad69a00000-7fad69a01000 rw-p 00000000 00:00 0
        7fad69a01000-7fad69c00000 ---p 00000000 00:00 0 dd
        7fad69c00000-7fad69c11000 rw-p 00000000 00:00 0
        7fad69c11000-7fad69e00000 ---p 00000000 00:00 0 dd
        7fad69e00000-7fad69e01000 rw-p 00000000 00:00 0
        7fad69e01000-7fb92d88c000 ---p 00000000 00:00 0 dd
        7fb92d88c000-7fb92d88d000 ---p 00000000 00:00 0
        7fb92d88d000-7fb92e08d000 rw-p 00000000 00:00 0
        7fd3f8000000-7fd3f8100000 r--p 00000000 08:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6
        7ffc9b500000-7ffc9b521000 rw-p 00000000 00:00 0 [stack]
        """;

    private const ulong Probe = 0x7fad69c0d8f0, ProbeRegion = 0x7fad69c00000;

    /// <summary><paramref name="layout"/> (maps lines, "dd" at the end of those left out of core dumps) as /proc/self/smaps prints it.</summary>
    private static string Smaps(string layout)
    {
        var text = new StringBuilder();
        foreach (var raw in layout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool dd = raw.EndsWith(" dd", StringComparison.Ordinal);
            var line = dd ? raw[..^3] : raw;
            var parts = line.Split(' ', 6);
            var range = parts[0].Split('-');
            ulong kb = (Convert.ToUInt64(range[1], 16) - Convert.ToUInt64(range[0], 16)) / 1024;
            string path = parts.Length > 5 ? parts[5] : "";
            text.Append($"{parts[0]} {parts[1]} {parts[2]} {parts[3]} {parts[4]}{(path.Length > 0 ? "                          " + path : " ")}\n");
            text.Append($"Size:           {kb,8} kB\nKernelPageSize:        4 kB\nRss:                   0 kB\nTHPeligible:           0\n");
            var flags = new List<string>();
            if (parts[1][0] == 'r') flags.Add("rd");
            if (parts[1][1] == 'w') flags.Add("wr");
            if (parts[1][2] == 'x') flags.Add("ex");
            flags.AddRange(["mr", "mw", "me"]);
            if (dd) flags.Add("dd");
            flags.Add("ac");
            text.Append($"VmFlags: {string.Join(' ', flags)} \n");
        }
        return text.ToString();
    }

    private static List<HugePages.Mapping> Parse(string smaps) => HugePages.ParseSmaps(Encoding.ASCII.GetBytes(smaps));

    private static HugePages.Plan? Plan(string layout, ulong probe = Probe) => HugePages.PlanFor(Parse(Smaps(layout)), probe);

    [Fact]
    public void Smaps_mappings_are_read_with_their_permissions_whether_they_are_anonymous_and_whether_they_are_dumped()
    {
        var maps = Parse(Smaps(RealLayout));
        maps.Should().HaveCount(23);
        maps[0].Should().Be(new HugePages.Mapping(0x400000, 0xf78000, true, false, true, false, false));
        maps[1].Should().Be(new HugePages.Mapping(0x7fad4c382000, 0x7fad4c384000, true, true, false, true, false));
        maps[2].Should().Be(new HugePages.Mapping(0x7fad4c384000, 0x7fad64000000, false, false, false, true, true));
        maps[^1].Anonymous.Should().BeFalse("the main thread's stack is named [stack]");
        maps.Should().BeInAscendingOrder(m => m.Start);
    }

    [Fact]
    public void A_mapping_listed_again_by_a_later_read_replaces_the_earlier_view()
    {
        // Seen in a real run: the collector committed 64 KB more of the object's region between two reads of the listing.
        var plan = Plan(RealLayout.Replace(
            "7fad69c00000-7fad69c11000 rw-p 00000000 00:00 0\n",
            "7fad69c00000-7fad69c11000 rw-p 00000000 00:00 0\n7fad69c00000-7fad69c21000 rw-p 00000000 00:00 0\n").Replace(
            "7fad69c11000-7fad69e00000 ---p", "7fad69c21000-7fad69e00000 ---p"));
        plan.Should().NotBeNull();
        plan!.End.Should().Be(ProbeRegion + 2 * Mb + 64 * Mb);
        var maps = Parse(Smaps(RealLayout.Replace("7fad69c00000-7fad69c11000 rw-p 00000000 00:00 0\n",
            "7fad69c00000-7fad69c11000 rw-p 00000000 00:00 0\n7fad69c00000-7fad69c08000 rw-p 00000000 00:00 0\n")));
        maps.Should().ContainSingle(m => m.Start == ProbeRegion).Which.End.Should().Be(0x7fad69c08000UL);
        maps.Zip(maps.Skip(1)).Should().OnlyContain(pair => pair.First.End <= pair.Second.Start);
    }

    [Fact]
    public void The_span_runs_from_two_regions_below_the_fresh_object_to_64_MB_above_its_region()
    {
        var plan = Plan(RealLayout);
        plan.Should().NotBeNull();
        plan!.Start.Should().Be(ProbeRegion - 4 * Mb);
        plan.End.Should().Be(ProbeRegion + 2 * Mb + 64 * Mb);
        plan.RegionsInUse.Should().Equal(0x7fad69800000, 0x7fad69a00000, 0x7fad69c00000, 0x7fad69e00000);
    }

    [Fact]
    public void A_region_whose_first_page_is_not_committed_is_not_in_use()
    {
        var plan = Plan(RealLayout.Replace("7fad69a00000-7fad69a01000 rw-p", "7fad69a00000-7fad69a01000 ---p").Replace(
            "7fad69a00000-7fad69a01000 ---p 00000000 00:00 0\n", "7fad69a00000-7fad69a01000 ---p 00000000 00:00 0 dd\n"));
        plan!.RegionsInUse.Should().Equal(0x7fad69800000, 0x7fad69c00000, 0x7fad69e00000);
    }

    [Fact]
    public void The_span_stops_short_of_a_thread_stacks_guard_page_at_the_end_of_a_short_reservation()
    {
        // The reservation ends 20 MB above the object's region, as under a container's memory limit, and a thread's stack
        // follows it: the guard page must stay inaccessible, so the span ends at the last whole 2 MB before it.
        var plan = Plan(RealLayout
            .Replace("7fad69e01000-7fb92d88c000 ---p", "7fad69e01000-7fad6b0ff000 ---p")
            .Replace("7fb92d88c000-7fb92d88d000 ---p", "7fad6b0ff000-7fad6b100000 ---p")
            .Replace("7fb92d88d000-7fb92e08d000 rw-p", "7fad6b100000-7fad6b900000 rw-p"));
        plan!.End.Should().Be(0x7fad6b000000);
        plan.Start.Should().Be(ProbeRegion - 4 * Mb);
    }

    [Fact]
    public void Inaccessible_memory_that_the_collector_did_not_reserve_ends_the_span()
    {
        // The region two below the object's is not the collector's: inaccessible without the "dd" flag, as a guard page is.
        var plan = Plan(RealLayout.Replace("7fad69801000-7fad69a00000 ---p 00000000 00:00 0 dd", "7fad69801000-7fad69a00000 ---p 00000000 00:00 0"));
        plan!.Start.Should().Be(0x7fad69a00000);
        plan.RegionsInUse.Should().Equal(0x7fad69a00000, 0x7fad69c00000, 0x7fad69e00000);
    }

    [Fact]
    public void A_hole_or_a_file_mapping_ends_the_span()
    {
        var holeBelow = Plan(RealLayout.Replace("7fad69800000-7fad69801000 rw-p", "7fad69800000-7fad69800800 rw-p"));
        holeBelow!.Start.Should().Be(0x7fad69a00000, "the stretch starts again after the hole, at the next whole 2 MB");

        var fileAbove = Plan(RealLayout.Replace(
            "7fad69e01000-7fb92d88c000 ---p 00000000 00:00 0 dd",
            "7fad69e01000-7fad6a300000 ---p 00000000 00:00 0 dd\n7fad6a300000-7fb92d88c000 r--p 00000000 08:01 7 /data/big.bin"));
        fileAbove!.End.Should().Be(0x7fad6a200000);
    }

    [Fact]
    public void Executable_memory_is_never_prepared()
    {
        var plan = Plan(RealLayout.Replace("7fad69801000-7fad69a00000 ---p 00000000 00:00 0 dd", "7fad69801000-7fad69a00000 r-xp 00000000 00:00 0"));
        plan!.Start.Should().Be(0x7fad69a00000);
    }

    [Fact]
    public void Nothing_is_planned_for_an_address_outside_every_mapping_inside_a_file_or_in_memory_that_may_not_be_prepared()
    {
        Plan(RealLayout, 0x7fd3f2000000).Should().BeNull("no mapping holds it");
        Plan(RealLayout, 0x500000).Should().BeNull("it is in the executable's file");
        Plan(RealLayout, 0x7fad64010000).Should().BeNull("the malloc arena's reserve above its first piece lacks the collector's flag, so the object's region cannot be prepared whole");
    }

    [Fact]
    public void Malformed_smaps_text_is_a_format_error_which_start_up_ignores()
    {
        var act = () => Parse("0 not a mapping\n");
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void This_processs_own_smaps_parse_and_contain_a_fresh_object_in_writable_anonymous_memory()
    {
        if (!OperatingSystem.IsLinux()) return;
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(new byte[1], System.Runtime.InteropServices.GCHandleType.Pinned);
        ulong address = (ulong)handle.AddrOfPinnedObject();
        handle.Free();
        var maps = HugePages.ParseSmaps(File.ReadAllBytes("/proc/self/smaps"));
        maps.Should().Contain(m => m.Start <= address && address < m.End && m.Anonymous && m.Writable);
        maps.Should().BeInAscendingOrder(m => m.Start);
        maps.Should().Contain(m => m.NotDumped, "the collector leaves its reservation out of core dumps");
    }
}
