namespace ReportLint.Core.Documents;

/// <summary>
/// Reads pasted, unmarked text: short title-like lines are headings, "Key: value" lines are fields,
/// pipe-separated lines are table rows, numbered or bulleted lines are list items, the rest paragraphs
/// (hard-wrapped lines are joined while a line does not end a sentence).
/// </summary>
public static class PlainTextReader
{
    public static ReportDocument Read(string path, string text)
    {
        var source = new SourceText(text);
        // Comments are directives and notes, not prose: blank them before reading lines.
        var comments = HtmlComments.Find(text, new TextSpan(0, text.Length)).ToList();
        string prose = HtmlComments.Mask(text, comments);
        var builder = new DocumentBuilder(source, prose);
        builder.AddComments(comments);
        var pendingRows = new List<(TableRow, TextSpan, string)>();
        bool pendingDelimiter = false;
        int paragraphStart = -1, paragraphEnd = -1;

        void FlushParagraph()
        {
            if (paragraphStart < 0) return;
            builder.AddBlock(BlockKind.Paragraph, new TextSpan(paragraphStart, paragraphEnd));
            paragraphStart = -1;
        }
        void FlushTable()
        {
            if (pendingRows.Count == 0) return;
            builder.AddTable(pendingRows.ToList(), pendingDelimiter);
            pendingRows.Clear();
            pendingDelimiter = false;
        }

        for (int line = 1; line <= source.LineCount; line++)
        {
            var span = source.GetLineSpan(line);
            string lineText = prose.Substring(span.Start, span.Length);
            var trimmed = lineText.AsSpan().Trim();
            if (trimmed.Length == 0)
            {
                FlushParagraph();
                FlushTable();
                continue;
            }
            if (PipeRows.IsPipeRow(trimmed) || pendingRows.Count > 0 && PipeRows.CountPipes(trimmed) == 1)
            {
                FlushParagraph();
                if (PipeRows.IsDelimiterRow(trimmed))
                {
                    if (pendingRows.Count == 1 && !pendingDelimiter)
                    {
                        var (header, hs, ht) = pendingRows[0];
                        pendingRows[0] = (new TableRow(header.Span, header.Cells, isHeader: true), hs, ht);
                        pendingDelimiter = true;
                    }
                    continue;
                }
                var cells = PipeRows.SplitCells(lineText, span.Start);
                pendingRows.Add((new TableRow(span, cells, isHeader: false), span, lineText));
                continue;
            }
            FlushTable();

            // A paragraph whose last line ended a sentence is complete; what follows may be a heading.
            if (paragraphStart >= 0 && prose[paragraphEnd - 1] is '.' or '!' or '?' or ':' or '"' or '”') FlushParagraph();
            int indent = lineText.Length - lineText.TrimStart().Length;
            var content = new TextSpan(span.Start + indent, span.Start + indent + trimmed.Length);
            if (TextClassifier.ListMarkerLength(trimmed) > 0)
            {
                FlushParagraph();
                builder.AddBlock(BlockKind.ListItem, content);
            }
            else if (paragraphStart < 0 && (TextClassifier.LooksLikeHeading(trimmed) || line == 1 && TextClassifier.LooksLikeTitle(trimmed)))
            {
                builder.AddBlock(BlockKind.Heading, content, headingLevel: line == 1 ? 1 : 2);
            }
            else
            {
                if (paragraphStart < 0) paragraphStart = content.Start;
                paragraphEnd = content.End;
            }
        }
        FlushParagraph();
        FlushTable();
        return builder.Build(path, DocumentFormat.PlainText);
    }
}
