namespace ReportLint.Core.Documents;

/// <summary>
/// A value per word the tokeniser has numbered, remembered for one generation of its numbering (see
/// <see cref="BlockWords.Generation"/>): what a rule works out once per distinct word instead of once per token. A value
/// reads as <c>default</c> until set, so users store theirs offset ("+ 1", "+ 2") to tell "not worked out yet" apart. Not
/// thread-safe: each user keeps one per thread.
/// </summary>
internal sealed class WordIdMemo<T> where T : struct
{
    private T[] _values = new T[1024];
    private int _generation = int.MinValue;

    /// <summary>Readies the memo for ids of <paramref name="generation"/>: values of another generation are forgotten.</summary>
    public void Use(int generation)
    {
        if (generation == _generation) return;
        Array.Clear(_values);
        _generation = generation;
    }

    /// <summary>The value for word <paramref name="id"/> (at least 0), to read or set.</summary>
    public ref T this[int id] => ref id < _values.Length ? ref _values[id] : ref Grow(id);

    private ref T Grow(int id)
    {
        Array.Resize(ref _values, Math.Max(id + 1, _values.Length * 2));
        return ref _values[id];
    }
}
