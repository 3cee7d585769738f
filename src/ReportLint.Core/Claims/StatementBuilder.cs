using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;

namespace ReportLint.Core.Claims;

/// <summary>Cuts a document into statements: a field per key–value pair, a sentence per sentence, a row per data-table row.</summary>
internal static class StatementBuilder
{
    public static List<Statement> Build(ReportDocument document)
    {
        var statements = new List<Statement>();
        var fieldsByBlock = document.Fields.GroupBy(f => f.Block).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var block in document.BlockSpan)
        {
            if (block.Kind == BlockKind.Comment) continue;
            fieldsByBlock.TryGetValue(block, out var fields);
            if (block.Kind == BlockKind.TableRow)
            {
                if (fields is { Count: > 0 })
                    foreach (var field in fields) statements.Add(FieldStatement(block, field));
                else
                    statements.Add(new Statement(StatementKind.TableRow, block.Span, block.Text, block, FigureScanner.Scan(block.Text, block.Span.Start)));
                continue;
            }
            // Prose: fields own their lines; the rest splits into sentences.
            int cursor = block.Span.Start;
            foreach (var field in (IEnumerable<Field>?)fields ?? [])
            {
                AddSentences(statements, block, cursor, field.KeySpan.Start);
                statements.Add(FieldStatement(block, field));
                cursor = Math.Max(cursor, LineEndAfter(block, field.ValueSpan.End));
            }
            AddSentences(statements, block, cursor, block.Span.End);
        }
        for (int i = 0; i < statements.Count; i++) statements[i].Index = i;
        return statements;
    }

    private static int LineEndAfter(Block block, int offset)
    {
        int nl = block.Text.IndexOf('\n', Math.Clamp(offset - block.Span.Start, 0, block.Text.Length));
        return nl < 0 ? block.Span.End : block.Span.Start + nl;
    }

    private static Statement FieldStatement(Block block, Field field)
    {
        var span = field.Span;
        int start = Math.Max(span.Start, block.Span.Start) - block.Span.Start, end = Math.Min(span.End, block.Span.End) - block.Span.Start;
        int length = Math.Max(0, end - start);
        var figures = FigureScanner.Scan(block.Text.AsSpan(start, length), span.Start);
        return new Statement(StatementKind.Field, span, block.Text, start, length, block, figures, field);
    }

    private static void AddSentences(List<Statement> statements, Block block, int from, int to)
    {
        if (to <= from) return;
        // Sentences are slices of the block's own text: no copy of the stretch or of a sentence is made.
        int offset = from - block.Span.Start;
        var text = block.Text.AsSpan(offset, to - from);
        var sentences = t_sentences ??= new List<(int, int)>();
        sentences.Clear();
        SentenceSplitter.Split(text, sentences);
        foreach (var (s, e) in sentences)
            statements.Add(new Statement(StatementKind.Sentence, new TextSpan(from + s, from + e), block.Text, offset + s, e - s, block,
                FigureScanner.Scan(text[s..e], from + s)));
        if (sentences.Capacity > 4096) t_sentences = null; // a giant block's list is not kept for the thread's next one
    }

    [ThreadStatic] private static List<(int, int)>? t_sentences;
}
