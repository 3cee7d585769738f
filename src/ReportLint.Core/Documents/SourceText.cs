namespace ReportLint.Core.Documents;

/// <summary>A 1-based line and column; columns count UTF-16 code units, as editors and SARIF do.</summary>
public readonly record struct LinePosition(int Line, int Column);

/// <summary>A half-open range of character offsets into a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;
    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    public static TextSpan Union(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>
/// The decoded text of a document and the index of its line starts, so that every
/// offset can be reported as a line and column.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            // Jump to the next line break (vectorised), not character by character.
            int next = text.AsSpan(i).IndexOfAny('\n', '\r');
            if (next < 0) break;
            i += next;
            char c = text[i];
            if (c == '\n') starts.Add(i + 1);
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    public string Text { get; }
    public int Length => Text.Length;
    public int LineCount => _lineStarts.Length;

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];

    /// <summary>Offset just past the last character of the line, excluding its line break.</summary>
    public int GetLineEnd(int line)
    {
        int index = Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        int end = index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Text.Length;
        while (end > _lineStarts[index] && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return end;
    }

    public TextSpan GetLineSpan(int line) => new(GetLineStart(line), GetLineEnd(line));

    public string GetLineText(int line) => Text[GetLineStart(line)..GetLineEnd(line)];

    public string Slice(TextSpan span) => Text.Substring(span.Start, Math.Max(0, Math.Min(span.End, Text.Length) - span.Start));

    public int OffsetOf(LinePosition position) => GetLineStart(position.Line) + position.Column - 1;
}
