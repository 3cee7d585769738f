using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ReportLint.Cli;

/// <summary>
/// The encoding of the results cache: unsigned LEB128 integers (negative ones zigzagged), strings as their UTF-8 length
/// plus one (0 for null) followed by the bytes. Nothing is named: the layout is fixed by <c>ResultCache.FormatVersion</c>.
/// </summary>
internal sealed class CacheWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 12);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Bytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void UInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        int n = 0;
        for (; value >= 0x80; value >>= 7) span[n++] = (byte)(value | 0x80);
        span[n++] = (byte)value;
        _buffer.Advance(n);
    }

    public void Int(int value) => UInt((uint)((value << 1) ^ (value >> 31)));

    public void NullableInt(int? value) => UInt(value is { } v ? (ulong)(uint)((v << 1) ^ (v >> 31)) + 1 : 0);

    public void UInt64Fixed(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void String(string? value)
    {
        if (value is null)
        {
            UInt(0);
            return;
        }
        int length = Encoding.UTF8.GetByteCount(value);
        UInt((ulong)length + 1);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }
}

/// <summary>Reads what <see cref="CacheWriter"/> wrote; anything out of range throws <see cref="InvalidDataException"/>.</summary>
internal ref struct CacheReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public readonly bool AtEnd => _at == _data.Length;
    public readonly int Position => _at;

    public byte Byte()
    {
        if (_at >= _data.Length) throw Damaged("ends early");
        return _data[_at++];
    }

    public ulong UInt()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Damaged("has a number that never ends");
    }

    public int Int()
    {
        ulong raw = UInt();
        if (raw > uint.MaxValue) throw Damaged("has a number out of range");
        uint u = (uint)raw;
        return (int)(u >> 1) ^ -(int)(u & 1);
    }

    public int? NullableInt()
    {
        ulong raw = UInt();
        if (raw == 0) return null;
        if (raw - 1 > uint.MaxValue) throw Damaged("has a number out of range");
        uint u = (uint)(raw - 1);
        return (int)(u >> 1) ^ -(int)(u & 1);
    }

    /// <summary>A count of items that follow, each at least one byte long: never more than the bytes left.</summary>
    public int Count()
    {
        ulong count = UInt();
        if (count > (ulong)(_data.Length - _at)) throw Damaged("counts more items than it holds");
        return (int)count;
    }

    public ulong UInt64Fixed() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _data.Length - _at) throw Damaged("ends early");
        var span = _data.Slice(_at, length);
        _at += length;
        return span;
    }

    /// <summary>A string that must not be null.</summary>
    public string String() => NullableString() ?? throw Damaged("lacks a text it needs");

    /// <summary>The UTF-8 bytes of a string that must not be null, not decoded.</summary>
    public ReadOnlySpan<byte> StringBytes()
    {
        ulong raw = UInt();
        if (raw == 0) throw Damaged("lacks a text it needs");
        if (raw - 1 > int.MaxValue) throw Damaged("has a text out of range");
        return Take((int)(raw - 1));
    }

    /// <summary>Where the UTF-8 bytes of a string that must not be null are (offset and length in the data), not decoded.</summary>
    public Range StringExtent()
    {
        int length = StringBytes().Length;
        return new Range(_at - length, _at);
    }

    /// <summary>Steps over a string (null or not) without decoding it.</summary>
    public void SkipString()
    {
        ulong raw = UInt();
        if (raw == 0) return;
        if (raw - 1 > int.MaxValue) throw Damaged("has a text out of range");
        Take((int)(raw - 1));
    }

    public string? NullableString()
    {
        ulong raw = UInt();
        if (raw == 0) return null;
        if (raw - 1 > int.MaxValue) throw Damaged("has a text out of range");
        return Encoding.UTF8.GetString(Take((int)(raw - 1)));
    }

    private readonly InvalidDataException Damaged(string what) => new($"it {what} at byte {_at}");
}
