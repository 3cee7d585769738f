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
        foreach (var block in document.Blocks)
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
        string text = block.TextOf(new TextSpan(Math.Max(span.Start, block.Span.Start), Math.Min(span.End, block.Span.End)));
        var figures = FigureScanner.Scan(text, span.Start);
        return new Statement(StatementKind.Field, span, text, block, figures, field);
    }

    private static void AddSentences(List<Statement> statements, Block block, int from, int to)
    {
        if (to <= from) return;
        // Most blocks hold no field: their sentences are cut from the block's own text, not from a copy of it.
        string text = from == block.Span.Start && to == block.Span.End ? block.Text : block.Text.Substring(from - block.Span.Start, to - from);
        foreach (var (s, e) in SentenceSplitter.Split(text))
        {
            var sentence = text[s..e];
            statements.Add(new Statement(StatementKind.Sentence, new TextSpan(from + s, from + e), sentence, block,
                FigureScanner.Scan(sentence, from + s)));
        }
    }
}
