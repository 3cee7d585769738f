namespace ReportLint.Core.Documents;

/// <summary>Collects blocks, tables and fields while a reader walks its input; shared by all readers.</summary>
internal sealed class DocumentBuilder
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Block> _blocks = new();
    private readonly List<TextSpan> _comments = new();
    private readonly List<Table> _tables = new();
    private readonly List<Field> _fields = new();

    /// <param name="maskedText">The source with what is not prose (comments) blanked out, if the reader did that.</param>
    public DocumentBuilder(SourceText source, string? maskedText = null)
    {
        _source = source;
        _text = maskedText ?? source.Text;
    }

    public SourceText Source => _source;

    public Block AddBlock(BlockKind kind, TextSpan span, string? maskedText = null, int headingLevel = 0)
    {
        var block = new Block(kind, span, maskedText ?? _text.Substring(span.Start, span.Length)) { HeadingLevel = headingLevel };
        _blocks.Add(block);
        if (kind is BlockKind.Paragraph or BlockKind.ListItem or BlockKind.Heading)
            AddLineFields(block);
        return block;
    }

    /// <summary>"Key: value" at the start of each line of a block (after any list marker).</summary>
    private void AddLineFields(Block block)
    {
        string text = block.Text;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            int lead = 0;
            while (lead < line.Length && char.IsWhiteSpace(line[lead])) lead++;
            lead += TextClassifier.ListMarkerLength(line[lead..]);
            var content = line[lead..];
            int colon = TextClassifier.FieldColon(content);
            if (colon > 0)
            {
                int keyStart = block.Span.Start + lineStart + lead;
                var key = content[..colon].TrimEnd();
                var value = content[(colon + 1)..];
                int valueLead = value.Length - value.TrimStart().Length;
                var trimmedValue = value.Trim();
                int valueStart = keyStart + colon + 1 + valueLead;
                _fields.Add(new Field(new TextSpan(keyStart, keyStart + key.Length + 1), key.ToString() + ":",
                    new TextSpan(valueStart, valueStart + trimmedValue.Length), trimmedValue.ToString(), block));
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
    }

    public void AddTable(IReadOnlyList<(TableRow Row, TextSpan LineSpan, string Text)> rows, bool hasDelimiterRow)
    {
        if (rows.Count == 0) return;
        var table = new Table(rows.Select(r => r.Row).ToList(), hasDelimiterRow);
        table.ColumnHeader = table.Header ?? PastedHeader(table);
        _tables.Add(table);
        var rowBlocks = new List<Block>();
        foreach (var (row, span, text) in rows)
        {
            var block = new Block(BlockKind.TableRow, span, text) { Table = table, Row = row };
            _blocks.Add(block);
            rowBlocks.Add(block);
        }
        AddTableFields(table, rowBlocks);
    }

    private static readonly string[] KeyValueHeaderWords =
        ["detail", "attribute", "coverage", "scope", "parameter", "particular", "metric", "specification", "description", "value", "highlight", "feature"];

    /// <summary>"Report Coverage | Details" as the first row of pasted text (or the second, under a lone title row).</summary>
    private static TableRow? PastedHeader(Table table)
    {
        foreach (var row in table.Rows.Take(2))
        {
            if (row.NonEmptyCellCount >= 2 && row.Cells.All(c => c.IsEmpty || !c.Text.Any(char.IsDigit) && !c.Text.TrimEnd().EndsWith(':'))
                && row.Cells.Any(c => KeyValueHeaderWords.Any(w => c.Text.Contains(w, StringComparison.OrdinalIgnoreCase))))
                return row;
            if (row.NonEmptyCellCount > 1) break;
        }
        return null;
    }

    /// <summary>
    /// Scope tables hold key–value pairs, several to a row ("Base Year | 2024 | Market Size in 2025: | USD 1.45 billion |").
    /// A cell ending with a colon is a key; a cell holding "Key : value" is a field of its own; in a table whose header
    /// reads like "Report Attribute | Details", cells pair up left to right.
    /// </summary>
    private void AddTableFields(Table table, List<Block> rowBlocks)
    {
        bool headerSaysKeyValue = table.Rows.Any(r => r.IsHeader && r.Cells.Any(c =>
            KeyValueHeaderWords.Any(w => c.Text.Contains(w, StringComparison.OrdinalIgnoreCase))));
        int colonKeys = table.Rows.Sum(r => r.Cells.Count(c => c.Text.TrimEnd().EndsWith(':')));
        bool keyValueTable = headerSaysKeyValue || colonKeys > 0 && !table.HasDelimiterRow
                             || colonKeys * 2 >= table.Rows.Count && table.Rows.Count > 0;
        if (!keyValueTable && !headerSaysKeyValue)
        {
            // First-row headers such as "Report Coverage | Details" in pasted text.
            var first = table.Rows[0];
            keyValueTable = first.Cells.Any(c => KeyValueHeaderWords.Any(w => c.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
                            && first.NonEmptyCellCount is 2 or 4;
        }
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            if (row.IsHeader) continue;
            var cells = row.Cells.Where(c => !c.IsEmpty).ToList();
            int i = 0;
            while (i < cells.Count)
            {
                var cell = cells[i];
                string t = cell.Text.TrimEnd();
                int colon = TextClassifier.FieldColon(cell.Text);
                bool hasNext = i + 1 < cells.Count;
                if (t.EndsWith(':') && hasNext && !cells[i + 1].Text.TrimEnd().EndsWith(':'))
                {
                    _fields.Add(new Field(cell.Span, cell.Text, cells[i + 1].Span, cells[i + 1].Text, rowBlocks[r]));
                    i += 2;
                }
                else if (colon > 0)
                {
                    AddCellField(cell, colon, rowBlocks[r]);
                    i++;
                }
                else if (keyValueTable && hasNext && IsKeyLike(cell.Text))
                {
                    _fields.Add(new Field(cell.Span, cell.Text, cells[i + 1].Span, cells[i + 1].Text, rowBlocks[r]));
                    i += 2;
                }
                else i++;
            }
        }
    }

    private void AddCellField(TableCell cell, int colon, Block block)
    {
        var key = cell.Text[..colon].TrimEnd();
        var value = cell.Text[(colon + 1)..];
        int valueLead = value.Length - value.TrimStart().Length;
        var trimmed = value.Trim();
        int valueStart = cell.Span.Start + colon + 1 + valueLead;
        _fields.Add(new Field(new TextSpan(cell.Span.Start, cell.Span.Start + colon + 1), key + ":",
            new TextSpan(valueStart, valueStart + trimmed.Length), trimmed, block));
    }

    private static bool IsKeyLike(string text)
    {
        var t = text.Trim();
        if (t.Length < 2) return false;
        char c = t[0];
        // "2032 Value Projection": a year followed by words is a label; "2024" or "USD 3.5 billion" is a value.
        if (char.IsDigit(c) && t.Length > 5 && t[..4].All(char.IsAsciiDigit) && t[4] == ' ' && char.IsLetter(t[5])) return true;
        if (char.IsDigit(c) || c is '$' or '€' or '£' or '¥' or '₹' or '-' or '+') return t.EndsWith(':');
        int letters = 0;
        foreach (char ch in t) if (char.IsLetter(ch)) letters++;
        return letters >= 2 && t.Count(ch => ch == ' ') < 10;
    }

    public void AddComments(IEnumerable<TextSpan> comments) => _comments.AddRange(comments);

    public ReportDocument Build(string path, DocumentFormat format)
    {
        _blocks.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        _fields.Sort((a, b) => a.KeySpan.Start.CompareTo(b.KeySpan.Start));
        _comments.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new ReportDocument(path, format, _source, _blocks, _tables, _fields) { Comments = _comments };
    }
}
