using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

/// <summary>The loop that lints files on every core: each index once, and a failure surfaces as itself.</summary>
public sealed class WorkersTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    public void Every_index_runs_exactly_once(int count)
    {
        var runs = new int[count];
        Workers.For(count, i => Interlocked.Increment(ref runs[i]));
        runs.Should().Equal(Enumerable.Repeat(1, count));
    }

    [Fact]
    public void One_index_runs_on_the_calling_thread()
    {
        int caller = Environment.CurrentManagedThreadId, ran = -1;
        Workers.For(1, _ => ran = Environment.CurrentManagedThreadId);
        ran.Should().Be(caller);
    }

    [Fact]
    public void The_first_failure_is_rethrown_as_it_was_thrown_and_stops_the_loop()
    {
        int started = 0;
        var act = () => Workers.For(100_000, i =>
        {
            Interlocked.Increment(ref started);
            if (i == 10) throw new UsageException("no such file");
        });
        act.Should().Throw<UsageException>().WithMessage("no such file");
        started.Should().BeLessThan(100_000);
    }
}
