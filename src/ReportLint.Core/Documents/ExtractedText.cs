using System.Text;

namespace ReportLint.Core.Documents;

/// <summary>
/// Writes the text of a document that is not itself text (Word, HTML) in the shape the rest of the pipeline knows: one line per
/// paragraph, heading or list item, and one line per table row with its cells separated by pipes
/// (<c>Base Year | 2024 | Market Size in 2025: | USD 1.45 billion |</c>), so that the table and field heuristics shared with
/// plain text apply unchanged. It remembers, for every character written, the source character it stands for (when the
/// reader gives one) and, per paragraph, row and cell, the place in the author's terms.
/// </summary>
internal sealed class ExtractedText
{
    private readonly StringBuilder _text = new();
    private readonly List<SourceMap.Segment> _segments = new();
    private readonly List<(TextSpan, SourceOrigin)> _origins = new();
    private readonly List<(BlockKind Kind, int Level, TextSpan Span)> _blocks = new();
    private readonly List<List<PendingRow>> _tables = new();
    private int _contentStart;

    private List<PendingRow>? _table;
    private PendingRow? _row;
    private int _cellStart = -1;

    private sealed class PendingRow(int start, int tableNumber, int rowNumber)
    {
        public int Start { get; } = start;
        public int TableNumber { get; } = tableNumber;
        public int RowNumber { get; } = rowNumber;
        public List<(TextSpan Span, int Number)> Cells { get; } = new();
        public TextSpan Span { get; set; }
        public bool IsHeader { get; set; }
    }

    public int Length => _text.Length;
    public bool InCell => _cellStart >= 0;
    public int TableCount => _tables.Count;

    /// <summary>True when the current block or cell has no text yet (leading white space is dropped).</summary>
    public bool AtContentStart => _text.Length == _contentStart;

    /// <summary>The last character written to the current block or cell, or '\0'.</summary>
    public char LastChar => _text.Length > _contentStart ? _text[^1] : '\0';

    /// <summary>Writes one character standing for <paramref name="sourceLength"/> source characters at <paramref name="sourceIndex"/> (-1: none).</summary>
    public void Append(char c, int sourceIndex = -1, int sourceLength = 1)
    {
        if (c is '\n' or '\r' && InCell) c = ' '; // a row stays one line
        if (char.IsWhiteSpace(c) && AtContentStart) return;
        AddSegment(_text.Length, 1, sourceIndex, sourceLength);
        _text.Append(c);
    }

    /// <summary>Writes text the reader made up (a list marker, a tab): it stands for no source character.</summary>
    public void Append(string s)
    {
        foreach (char c in s) Append(c);
    }

    /// <summary>Writes a decoded entity: every character it decodes to stands for the whole entity.</summary>
    public void AppendDecoded(string s, int sourceIndex, int sourceLength)
    {
        if (s.Length == 1) { Append(s[0], sourceIndex, sourceLength); return; }
        int start = _text.Length;
        Append(s);
        if (_text.Length - start == s.Length) AddSegment(start, s.Length, sourceIndex, sourceLength);
    }

    private void AddSegment(int start, int length, int sourceIndex, int sourceLength)
    {
        if (sourceIndex < 0) return;
        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            bool oneToOne = last.Length == last.SourceLength && length == sourceLength;
            if (oneToOne && last.Start + last.Length == start && last.SourceStart + last.SourceLength == sourceIndex)
            {
                _segments[^1] = last with { Length = last.Length + length, SourceLength = last.SourceLength + sourceLength };
                return;
            }
        }
        _segments.Add(new SourceMap.Segment(start, length, sourceIndex, sourceLength));
    }

    private void TrimEnd()
    {
        int end = _text.Length;
        while (end > _contentStart && char.IsWhiteSpace(_text[end - 1])) end--;
        Truncate(end);
    }

    private void Truncate(int end)
    {
        if (end >= _text.Length) return;
        _text.Length = end;
        _segments.RemoveAll(s => s.Start >= end);
        if (_segments.Count > 0 && _segments[^1] is var last && last.Start + last.Length > end)
        {
            if (last.Length == last.SourceLength)
                _segments[^1] = last with { Length = end - last.Start, SourceLength = end - last.Start };
            else _segments.RemoveAt(_segments.Count - 1);
        }
    }

    /// <summary>Ends a paragraph, heading or list item; an empty one leaves no trace. Returns false when it was empty.</summary>
    public bool EndBlock(BlockKind kind, int headingLevel = 0, SourceOrigin? origin = null)
    {
        TrimEnd();
        if (AtContentStart) return false;
        var span = new TextSpan(_contentStart, _text.Length);
        _blocks.Add((kind, headingLevel, span));
        if (origin is not null) _origins.Add((span, origin));
        _text.Append('\n');
        _contentStart = _text.Length;
        return true;
    }

    /// <summary>Drops what was written since the current block began.</summary>
    public void DiscardBlock() => Truncate(_contentStart);

    public void BeginTable()
    {
        if (_table is not null) return;
        _table = new List<PendingRow>();
    }

    public void EndTable()
    {
        if (_table is null) return;
        if (_table.Count > 0) _tables.Add(_table);
        _table = null;
    }

    public void BeginRow()
    {
        BeginTable();
        _row = new PendingRow(_text.Length, _tables.Count + 1, _table!.Count + 1);
        _contentStart = _text.Length;
    }

    public void BeginCell()
    {
        if (_row is null) BeginRow();
        _cellStart = _text.Length;
        _contentStart = _text.Length;
    }

    /// <summary>Ends a cell; a cell spanning several grid columns is followed by empty cells so rows keep their columns.</summary>
    public void EndCell(int columnSpan = 1)
    {
        if (_row is null || _cellStart < 0) return;
        TrimEnd();
        int number = _row.Cells.Count == 0 ? 1 : _row.Cells[^1].Number + 1;
        for (int i = 0; i < Math.Max(1, columnSpan); i++)
        {
            int start = i == 0 ? _cellStart : _text.Length;
            _row.Cells.Add((new TextSpan(start, _text.Length), number));
            _text.Append(" |");
            _text.Append(' ');
        }
        _cellStart = -1;
        _contentStart = _text.Length;
    }

    /// <summary>Ends a row; a row whose cells are all empty is dropped.</summary>
    public void EndRow(bool isHeader = false)
    {
        if (_row is null || _table is null) return;
        if (_cellStart >= 0) EndCell();
        var row = _row;
        _row = null;
        if (row.Cells.All(c => c.Span.IsEmpty))
        {
            _contentStart = row.Start;
            Truncate(row.Start);
            return;
        }
        _contentStart = row.Start;
        TrimEnd();
        row.Span = new TextSpan(row.Start, _text.Length);
        row.IsHeader = isHeader;
        _table.Add(row);
        _text.Append('\n');
        _contentStart = _text.Length;
    }

    public ReportDocument Build(string path, DocumentFormat format, SourceText? original)
    {
        EndTable();
        var source = new SourceText(_text.ToString());
        var builder = new DocumentBuilder(source);
        foreach (var (kind, level, span) in _blocks)
            builder.AddBlock(kind, span, headingLevel: level);
        foreach (var table in _tables)
        {
            var rows = new List<(TableRow, TextSpan, string)>();
            foreach (var row in table)
            {
                var cells = row.Cells.Select(c => new TableCell(c.Span, source.Slice(c.Span))).ToList();
                rows.Add((new TableRow(row.Span, cells, row.IsHeader), row.Span, source.Slice(row.Span)));
                string label = RowLabel(cells);
                string rowName = label.Length > 0 ? $"'{label}' row of table {row.TableNumber}" : $"row {row.RowNumber} of table {row.TableNumber}";
                _origins.Add((row.Span, new SourceOrigin(rowName, Table: row.TableNumber, Row: row.RowNumber)));
                foreach (var (span, number) in row.Cells)
                    _origins.Add((span, new SourceOrigin($"{rowName}, cell {number}", Table: row.TableNumber, Row: row.RowNumber, Cell: number)));
            }
            builder.AddTable(rows, hasDelimiterRow: false);
        }
        var document = builder.Build(path, format);
        document.Map = new SourceMap(original, _segments, _origins);
        return document;
    }

    /// <summary>What a person calls a row: its first non-empty cell, without a trailing colon, shortened.</summary>
    private static string RowLabel(IReadOnlyList<TableCell> cells)
    {
        var first = cells.FirstOrDefault(c => !c.IsEmpty)?.Text.Trim().TrimEnd(':').Trim() ?? "";
        return first.Length <= 40 ? first : first[..39].TrimEnd() + "…";
    }
}
