using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// Which memory the native binary prepares for huge pages at start-up: only the collector's reservation around a fresh
/// object, and nothing at all when the layout is not the one expected.
/// </summary>
public sealed class HugePagesTests
{
    private const ulong Mb = 1UL << 20;

    // The layout seen at the start of the native binary (addresses from a real run): the collector's bookkeeping
    // reservation, then its heap reservation, whose regions are 2 MB apart and each made usable from its first page.
    private const string RealLayout = """
        00400000-00f78000 r-xp 00000000 08:01 1234                               /usr/local/bin/reportlint
        7fc812581000-7fc812584000 rw-p 00000000 00:00 0 
        7fc812584000-7fc813146000 ---p 00000000 00:00 0 
        7fc813146000-7fc813147000 rw-p 00000000 00:00 0 
        7fc813147000-7fc81314c000 ---p 00000000 00:00 0 
        7fc81314c000-7fc81314e000 rw-p 00000000 00:00 0 
        7fc81314e000-7fc82ae00000 ---p 00000000 00:00 0 
        7fc82ae00000-7fc82ae21000 rw-p 00000000 00:00 0 
        7fc82ae21000-7fc82be00000 ---p 00000000 00:00 0 
        7fc82be00000-7fc82be01000 rw-p 00000000 00:00 0 
        7fc82be01000-7fc82c000000 ---p 00000000 00:00 0 
        7fc82c000000-7fc82c001000 rw-p 00000000 00:00 0 
        7fc82c001000-7fc82c200000 ---p 00000000 00:00 0 
        7fc82c200000-7fc82c211000 rw-p 00000000 00:00 0 
        7fc82c211000-7fc82c400000 ---p 00000000 00:00 0 
        7fc82c400000-7fc82c401000 rw-p 00000000 00:00 0 
        7fc82c401000-7fd3f0000000 ---p 00000000 00:00 0 
        7fd3f4000000-7fd3f4021000 rw-p 00000000 00:00 0 
        7fd3f8000000-7fd3f8100000 r--p 00000000 08:01 99                         /usr/lib/x86_64-linux-gnu/libc.so.6
        7ffc9b500000-7ffc9b521000 rw-p 00000000 00:00 0                          [stack]
        """;

    private const ulong Probe = 0x7fc82c20a218;

    [Fact]
    public void Maps_lines_are_read_with_their_permissions_and_whether_they_are_anonymous()
    {
        var maps = HugePages.ParseMaps(RealLayout);
        maps.Should().HaveCount(20);
        maps[0].Should().Be(new HugePages.Mapping(0x400000, 0xf78000, true, false, true, false));
        maps[1].Should().Be(new HugePages.Mapping(0x7fc812581000, 0x7fc812584000, true, true, false, true));
        maps[2].Should().Be(new HugePages.Mapping(0x7fc812584000, 0x7fc813146000, false, false, false, true));
        maps[^1].Anonymous.Should().BeFalse("the main thread's stack is named [stack]");
    }

    [Fact]
    public void The_span_runs_from_two_regions_below_the_fresh_object_to_64_MB_above_its_region()
    {
        var plan = HugePages.PlanFor(HugePages.ParseMaps(RealLayout), Probe);
        plan.Should().NotBeNull();
        plan!.Start.Should().Be(0x7fc82be00000);
        plan.End.Should().Be(0x7fc82c400000 + 64 * Mb);
        plan.RegionsInUse.Should().Equal(0x7fc82be00000, 0x7fc82c000000, 0x7fc82c200000, 0x7fc82c400000);
    }

    [Fact]
    public void A_mapping_that_starts_inside_a_region_does_not_mark_it_in_use()
    {
        var maps = HugePages.ParseMaps(RealLayout.Replace("7fc82c000000-7fc82c001000 rw-p", "7fc82c000000-7fc82c001000 ---p"));
        HugePages.PlanFor(maps, Probe)!.RegionsInUse.Should().Equal(0x7fc82be00000, 0x7fc82c200000, 0x7fc82c400000);
    }

    [Fact]
    public void A_short_reservation_is_left_alone_because_what_follows_it_might_be_a_threads_stack()
    {
        // Heap reservation ending 200 MB above the object, as under a container's memory limit.
        var maps = HugePages.ParseMaps(RealLayout.Replace("7fc82c401000-7fd3f0000000", "7fc82c401000-7fc838000000"));
        HugePages.PlanFor(maps, Probe).Should().BeNull();
    }

    [Fact]
    public void A_file_mapping_inside_the_run_ends_it()
    {
        var maps = HugePages.ParseMaps(RealLayout.Replace(
            "7fc82c401000-7fd3f0000000 ---p 00000000 00:00 0 ",
            "7fc82c401000-7fc830000000 ---p 00000000 00:00 0 \n7fc830000000-7fd3f0000000 r--p 00000000 08:01 7 /data/big.bin"));
        HugePages.PlanFor(maps, Probe).Should().BeNull();
    }

    [Fact]
    public void Executable_memory_ends_the_run()
    {
        var maps = HugePages.ParseMaps(RealLayout.Replace("7fc81314e000-7fc82ae00000 ---p", "7fc81314e000-7fc82ae00000 r-xp"));
        HugePages.PlanFor(maps, Probe).Should().BeNull("the run below the span is then 16 MB, not 64 MB");
    }

    [Fact]
    public void Nothing_is_planned_for_an_address_outside_every_mapping_or_inside_a_file()
    {
        var maps = HugePages.ParseMaps(RealLayout);
        HugePages.PlanFor(maps, 0x7fd3f2000000).Should().BeNull();
        HugePages.PlanFor(maps, 0x500000).Should().BeNull();
    }

    [Fact]
    public void Malformed_maps_text_is_a_format_error_which_start_up_ignores()
    {
        var act = () => HugePages.ParseMaps("not a mapping\n");
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void This_processs_own_maps_parse_and_contain_a_fresh_object()
    {
        if (!OperatingSystem.IsLinux()) return;
        var maps = HugePages.ParseMaps(File.ReadAllText("/proc/self/maps"));
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(new byte[1], System.Runtime.InteropServices.GCHandleType.Pinned);
        ulong address = (ulong)handle.AddrOfPinnedObject();
        handle.Free();
        maps.Should().Contain(m => m.Start <= address && address < m.End && m.Anonymous && m.Writable);
        maps.Should().BeInAscendingOrder(m => m.Start);
    }
}
