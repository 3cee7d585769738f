namespace ReportLint.Core.Documents;

public enum DocumentFormat { PlainText, Markdown, Word, Html }

public enum BlockKind { Heading, Paragraph, ListItem, TableRow, Comment }

/// <summary>
/// One structural unit of a report: a heading, a paragraph, a list item or a table row.
/// <see cref="Text"/> is the block's source with markup blanked out (same length as <see cref="Span"/>),
/// so an offset found in it maps straight back to the source.
/// </summary>
public sealed class Block
{
    public Block(BlockKind kind, TextSpan span, string text)
    {
        Kind = kind;
        Span = span;
        Text = text;
    }

    public BlockKind Kind { get; }
    public TextSpan Span { get; }
    public string Text { get; }
    public int HeadingLevel { get; init; }
    /// <summary>The nearest heading above this block, if any.</summary>
    public Block? Section { get; internal set; }
    /// <summary>For table rows: the table and the row's cells.</summary>
    public Table? Table { get; internal set; }
    public TableRow? Row { get; internal set; }
    public int Index { get; internal set; }
    /// <summary>The block's word tokens, made on first use (<see cref="Documents.Words.Of"/>).</summary>
    internal BlockWords? Words { get; set; }

    public string TextOf(TextSpan span) => Text.Substring(span.Start - Span.Start, span.Length);
    public override string ToString() => $"{Kind} {Span}: {Text}";
}

public sealed class TableCell
{
    public TableCell(TextSpan span, string text)
    {
        Span = span;
        Text = text;
    }

    /// <summary>The cell's content without its surrounding pipes and padding.</summary>
    public TextSpan Span { get; }
    public string Text { get; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
    public override string ToString() => Text;
}

public sealed class TableRow
{
    public TableRow(TextSpan span, IReadOnlyList<TableCell> cells, bool isHeader)
    {
        Span = span;
        Cells = cells;
        IsHeader = isHeader;
    }

    public TextSpan Span { get; }
    public IReadOnlyList<TableCell> Cells { get; }
    public bool IsHeader { get; }
    public bool HasTrailingEmptyCells => Cells.Count > 0 && Cells[^1].IsEmpty;
    public int NonEmptyCellCount => Cells.Count(c => !c.IsEmpty);
}

public sealed class Table
{
    public Table(IReadOnlyList<TableRow> rows, bool hasDelimiterRow)
    {
        Rows = rows;
        HasDelimiterRow = hasDelimiterRow;
    }

    public IReadOnlyList<TableRow> Rows { get; }
    /// <summary>True for GFM tables, whose header is set off by a |---| row.</summary>
    public bool HasDelimiterRow { get; }
    public TableRow? Header => Rows.Count > 0 && Rows[0].IsHeader ? Rows[0] : null;
    /// <summary>
    /// The row that names the columns: the GFM header, or in pasted text a first row that reads like one
    /// ("Report Coverage | Details"), possibly under a stray title row. Null when no row does.
    /// </summary>
    public TableRow? ColumnHeader { get; internal set; }
    public TextSpan Span => new(Rows[0].Span.Start, Rows[^1].Span.End);
}

/// <summary>A labelled value: "Base Year | 2024", "Growth Drivers: …", a scope-table row.</summary>
public sealed class Field
{
    public Field(TextSpan keySpan, string key, TextSpan valueSpan, string value, Block block)
    {
        KeySpan = keySpan;
        Key = key;
        ValueSpan = valueSpan;
        Value = value;
        Block = block;
    }

    public TextSpan KeySpan { get; }
    public string Key { get; }
    public TextSpan ValueSpan { get; }
    public string Value { get; }
    public Block Block { get; }
    public TextSpan Span => TextSpan.Union(KeySpan, ValueSpan);
    public bool InTable => Block.Kind == BlockKind.TableRow;

    /// <summary>The key without trailing colon and surrounding space, in lower case (made once: rules ask for it per statement).</summary>
    public string NormalizedKey => _normalizedKey ??= Key.Trim().TrimEnd(':').Trim().ToLowerInvariant();
    private string? _normalizedKey;
    public override string ToString() => $"{Key} => {Value}";
}

/// <summary>
/// A report draft after reading: its text, its blocks in document order, its tables and fields.
/// One model serves Markdown, plain text, Word and HTML.
/// </summary>
public sealed class ReportDocument
{
    public ReportDocument(string path, DocumentFormat format, SourceText source, IReadOnlyList<Block> blocks,
        IReadOnlyList<Table> tables, IReadOnlyList<Field> fields)
    {
        Path = path;
        Format = format;
        Source = source;
        _blocks = blocks as List<Block> ?? [.. blocks];
        Tables = tables;
        Fields = fields;
        Block? section = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            blocks[i].Index = i;
            if (blocks[i].Kind == BlockKind.Heading) section = blocks[i];
            else blocks[i].Section = section;
        }
    }

    public string Path { get; }
    public DocumentFormat Format { get; }
    public SourceText Source { get; }
    public string Text => Source.Text;
    public IReadOnlyList<Block> Blocks => _blocks;
    /// <summary>The blocks for the loops that read every one: no enumerator and no call through the interface per block.</summary>
    internal ReadOnlySpan<Block> BlockSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_blocks);
    private readonly List<Block> _blocks;
    public IReadOnlyList<Table> Tables { get; }
    public IReadOnlyList<Field> Fields { get; }
    /// <summary>The document's HTML comments (<c>&lt;!-- … --&gt;</c>), in order: notes and reportlint directives.</summary>
    public IReadOnlyList<TextSpan> Comments { get; init; } = [];
    /// <summary>True when the file began with a UTF-8 byte order mark (not part of <see cref="Text"/>).</summary>
    public bool HasUtf8ByteOrderMark { get; internal set; }
    /// <summary>
    /// For text extracted from another file (Word, HTML): where each offset came from. Null when the text is the file itself.
    /// </summary>
    public SourceMap? Map { get; internal set; }

    /// <summary>The 1-based line and column a person finds the offset at: in the original file when there is one (HTML), else in the text.</summary>
    public LinePosition PositionOf(int offset) =>
        Map?.Original is { } original ? original.GetPosition(Map.SourceOffset(offset)) : Source.GetPosition(offset);

    /// <summary>Like <see cref="PositionOf"/> for the exclusive end of a span.</summary>
    public LinePosition EndPositionOf(TextSpan span) =>
        Map?.Original is { } original ? original.GetPosition(Map.SourceEndOffset(span.Start, span.End)) : Source.GetPosition(Math.Max(span.Start, span.End));

    /// <summary>Problems met while reading (e.g. invalid UTF-8), reported as notes.</summary>
    public List<ReadWarning> Warnings { get; } = new();

    /// <summary>The first heading, or the first line: what the report says it is about.</summary>
    public string Title
    {
        get
        {
            var heading = Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.HeadingLevel <= 1)
                          ?? Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading);
            return heading?.Text.Trim().TrimStart('#').Trim() ?? string.Empty;
        }
    }

    public Block? BlockAt(int offset)
    {
        int lo = 0, hi = Blocks.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var b = Blocks[mid];
            if (offset < b.Span.Start) hi = mid - 1;
            else if (offset >= b.Span.End) lo = mid + 1;
            else return b;
        }
        return null;
    }
}

public sealed record ReadWarning(string Message, int Offset);
