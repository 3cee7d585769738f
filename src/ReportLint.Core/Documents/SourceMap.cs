namespace ReportLint.Core.Documents;

/// <summary>
/// Where a place in the linted text is in the author's own terms, for formats whose text is extracted from the file
/// rather than being the file: "paragraph 12", "'Growth Drivers' row of table 2, cell 2". The numbers are 1-based and
/// count what a person sees (paragraphs with text outside tables, tables in document order, rows and cells as accepted).
/// </summary>
public sealed record SourceOrigin(string Description, int? Paragraph = null, int? Table = null, int? Row = null, int? Cell = null)
{
    public override string ToString() => Description;
}

/// <summary>
/// Maps offsets of an extracted text (Word, HTML) back to the file it came from: to line/column positions in the original
/// source where there is one (HTML), and to a <see cref="SourceOrigin"/> (paragraph, table row, cell) where the format has
/// such units. Offsets of characters the reader added (list markers, cell separators, line breaks) map to the nearest
/// source character before them.
/// </summary>
public sealed class SourceMap
{
    private readonly Segment[] _segments;
    private readonly (TextSpan Span, SourceOrigin Origin)[] _origins;
    private readonly SourceText? _original;

    /// <summary>A run of extracted text that stands for a run of the source: 1:1, or one decoded character for an entity.</summary>
    internal readonly record struct Segment(int Start, int Length, int SourceStart, int SourceLength);

    internal SourceMap(SourceText? original, IEnumerable<Segment> segments, IEnumerable<(TextSpan, SourceOrigin)> origins)
    {
        _original = original;
        _segments = segments.OrderBy(s => s.Start).ToArray();
        // Outer spans first, so that a lookup can keep the innermost (a cell inside its row).
        _origins = origins.OrderBy(o => o.Item1.Start).ThenByDescending(o => o.Item1.End).ToArray();
    }

    /// <summary>The file as written (the HTML source), when positions should be reported in it rather than in the extracted text.</summary>
    public SourceText? Original => _original;

    /// <summary>The source offset of the extracted character at <paramref name="offset"/>.</summary>
    public int SourceOffset(int offset)
    {
        int i = SegmentBefore(offset);
        if (i < 0) return _segments.Length > 0 ? _segments[0].SourceStart : 0;
        var s = _segments[i];
        if (offset < s.Start + s.Length) return s.Length == s.SourceLength ? s.SourceStart + (offset - s.Start) : s.SourceStart;
        return s.SourceStart + s.SourceLength;
    }

    /// <summary>The source offset just past the extracted text that ends (exclusively) at <paramref name="end"/>.</summary>
    public int SourceEndOffset(int start, int end)
    {
        if (end <= start) return SourceOffset(start);
        int i = SegmentBefore(end - 1);
        if (i < 0) return SourceOffset(start);
        var s = _segments[i];
        if (end - 1 < s.Start + s.Length)
            return s.Length == s.SourceLength ? s.SourceStart + (end - s.Start) : s.SourceStart + s.SourceLength;
        return s.SourceStart + s.SourceLength;
    }

    private int SegmentBefore(int offset)
    {
        int lo = 0, hi = _segments.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_segments[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>The innermost origin (a cell rather than its row) that contains the offset, or null.</summary>
    public SourceOrigin? OriginOf(int offset)
    {
        SourceOrigin? best = null;
        int bestLength = int.MaxValue;
        // Binary search for the last origin starting at or before the offset, then look back over the few that may contain it.
        int lo = 0, hi = _origins.Length - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_origins[mid].Span.Start <= offset) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (int i = last; i >= 0 && i > last - 64; i--)
        {
            var (span, origin) = _origins[i];
            bool contains = span.Contains(offset) || span.IsEmpty && span.Start == offset;
            if (contains && span.Length < bestLength)
            {
                best = origin;
                bestLength = span.Length;
            }
        }
        return best;
    }

    /// <summary>All origins in text order (outer before inner), e.g. for labelling lines.</summary>
    public IEnumerable<(TextSpan Span, SourceOrigin Origin)> Origins => _origins;
}
