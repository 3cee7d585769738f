using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace ReportLint.Cli;

/// <summary>
/// A file's bytes mapped read-only into memory, for the results cache: the kernel maps the pages it already holds instead
/// of copying them into a fresh array, every page of which was a page fault (a cached run over 1,000 reports read a
/// 2 MB cache: 500 faults on the path every other file waited on).
/// </summary>
/// <remarks>
/// A mapping stays for the life of the process: stored findings are read from it until the output is written, and its
/// slices must never outlive it. The cache is replaced by writing a new file and renaming it over the old one
/// (<see cref="AtomicFile"/>), which leaves a mapping of the old one intact; Windows refuses to replace a mapped file,
/// so there the file is read into an array as before, as it is when it is empty or past 2 GB. Truncating the file in
/// place while a run reads it would end that run (as with Git's index, which is read the same way).
/// </remarks>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    // Kept for the process's life: a mapping unmapped while a slice of it is read would crash the run.
    private static readonly List<MappedFile> s_open = new();

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, int length)
    {
        _file = file;
        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + view.PointerOffset;
    }

    /// <summary>The bytes of the file at <paramref name="path"/>: mapped where that is safe, else read.</summary>
    public static ReadOnlyMemory<byte> Load(string path)
    {
        if (OperatingSystem.IsWindows()) return File.ReadAllBytes(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        long length = stream.Length;
        if (length == 0 || length > int.MaxValue) return File.ReadAllBytes(path);
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var mapped = new MappedFile(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length);
        lock (s_open) s_open.Add(mapped);
        return mapped.Memory;
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin() { }

    protected override void Dispose(bool disposing)
    {
        // Never called while the process runs (see s_open); the handles close when it ends.
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
