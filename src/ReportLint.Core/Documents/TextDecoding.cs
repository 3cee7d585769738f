using System.Text;
using System.Text.Unicode;

namespace ReportLint.Core.Documents;

/// <summary>Thrown for input that cannot be linted as text at all (e.g. a binary file).</summary>
public sealed class DocumentReadException(string message) : Exception(message);

/// <summary>
/// Turns the bytes of a draft into text: UTF-8 with or without BOM, UTF-16/32 with BOM.
/// Invalid UTF-8 is decoded with replacement characters and reported, never rejected;
/// binary content (NUL bytes outside UTF-16) is refused.
/// </summary>
public static class TextDecoding
{
    public static (string Text, ReadWarning? Warning) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8(bytes[3..], 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return (new UTF32Encoding(false, false).GetString(bytes[4..]), null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode.GetString(bytes[2..]), null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), null);
        if (bytes.IndexOf((byte)0) >= 0)
            throw new DocumentReadException("binary content (NUL bytes), not a text document");
        return DecodeUtf8(bytes, 0);
    }

    private static (string, ReadWarning?) DecodeUtf8(ReadOnlySpan<byte> bytes, int bomLength)
    {
        if (Utf8.IsValid(bytes)) return (Encoding.UTF8.GetString(bytes), null);
        // Find the first invalid sequence to name its byte offset in the warning.
        var probe = new char[Math.Min(bytes.Length, 1 << 16) * 2 + 4];
        int offset = 0;
        var rest = bytes;
        while (rest.Length > 0)
        {
            var chunk = rest[..Math.Min(rest.Length, 1 << 16)];
            var status = Utf8.ToUtf16(chunk, probe, out int read, out _, replaceInvalidSequences: false, isFinalBlock: chunk.Length == rest.Length);
            if (status == System.Buffers.OperationStatus.InvalidData) { offset += read; break; }
            if (read == 0) break;
            offset += read;
            rest = rest[read..];
        }
        string text = new UTF8Encoding(false, false).GetString(bytes);
        return (text, new ReadWarning($"invalid UTF-8 at byte {offset + bomLength}; decoded with replacement characters", 0));
    }
}
