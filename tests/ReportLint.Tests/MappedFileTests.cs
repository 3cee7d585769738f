using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

/// <summary>The results cache's file as it is read: its bytes, which stay the same when a later save replaces the file.</summary>
public sealed class MappedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reportlint-mapped-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(100_003)]
    public void Loads_the_files_bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        string path = Path.Combine(_dir, "cache");
        File.WriteAllBytes(path, bytes);
        MappedFile.Load(path).ToArray().Should().Equal(bytes);
    }

    [Fact]
    public void Bytes_loaded_stay_the_same_when_the_file_is_replaced_as_a_save_replaces_it()
    {
        string path = Path.Combine(_dir, "cache");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var loaded = MappedFile.Load(path);
        AtomicFile.Write(path, new byte[] { 9, 9 });
        loaded.ToArray().Should().Equal(1, 2, 3, 4);
        MappedFile.Load(path).ToArray().Should().Equal(9, 9);
        File.ReadAllBytes(path).Should().Equal(9, 9);
    }
}
