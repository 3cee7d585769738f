using ReportLint.Core.Documents;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Scope;

/// <summary>RL404: pipe tables that did not come out as tables: stray title rows, ragged rows, nameless columns, missing delimiter rows.</summary>
public sealed class MalformedTableRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL404", "malformed-table", RuleFamily.Scope, Severity.Warning,
        "A table row with the wrong number of cells, an empty header cell, or pipe-separated text that failed to become a table.",
        "Scope tables are pasted from web pages and spreadsheets, and the paste often goes wrong: a title lands in the "
        + "table as a row of its own with empty cells (\"Internet Micro Drama | |||\"), a row gains or loses a '|', a header "
        + "names only some of the columns, or Markdown pipe rows lack the |---| line that makes them a table, so they render "
        + "as one paragraph full of pipes. Each finding names the row, what is wrong with it, and, where it can, the edit "
        + "that repairs it. An empty top-left corner cell is accepted (it sits above row labels), and so is a key–value header "
        + "(\"Report Coverage | Details\") printed once over pairs that repeat across the row.",
        "Internet Micro Drama | |||\nReport Coverage | Details | ||\nBase Year | 2024 | Market Size in 2025: | USD 1.45 billion |",
        "Internet Micro Drama\nReport Coverage | Details | ||\nBase Year | 2024 | Market Size in 2025: | USD 1.45 billion |");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        foreach (var table in context.Document.Tables)
        {
            var flagged = new HashSet<TableRow>();
            CheckLoneText(context, table, flagged);
            CheckCellCounts(context, table, flagged);
            CheckHeader(context, table);
            CheckMarkdownDelimiter(context, table, flagged);
        }
    }

    /// <summary>A row whose only text is its first cell, the rest empty pipes: a title or caption pasted into the table.</summary>
    private static void CheckLoneText(RuleContext context, Table table, HashSet<TableRow> flagged)
    {
        bool othersHaveData = table.Rows.Any(r => r.NonEmptyCellCount >= 2);
        foreach (var row in table.Rows)
        {
            if (row.Cells.Count < 2 || row.NonEmptyCellCount != 1 || row.Cells[0].IsEmpty) continue;
            if (table.Rows.Count > 1 && !othersHaveData) continue;
            var cell = row.Cells[0];
            int empty = row.Cells.Count - 1;
            bool first = ReferenceEquals(row, table.Rows[0]);
            string what = table.Rows.Count == 1 ? "a line of text that failed to become a table"
                : first ? "a title that landed in the table instead of above it"
                : "a label with no value beside it";
            var finding = context.Report(row.Span,
                $"A pipe row holds only '{cell.Text}' and {empty} empty cell{(empty == 1 ? "" : "s")}: {what}. "
                + (first || table.Rows.Count == 1 ? "Take it out of the table as plain text." : "Fill in the row or remove it."));
            if (first || table.Rows.Count == 1)
                finding.Fixes.Add(new SuggestedFix($"Replace the row with the plain text '{cell.Text}'",
                    [new TextEdit(context.Locate(row.Span), cell.Text)]));
            flagged.Add(row);
        }
    }

    /// <summary>Rows with more or fewer cells than most rows of the table: a '|' too many or too few.</summary>
    private static void CheckCellCounts(RuleContext context, Table table, HashSet<TableRow> flagged)
    {
        var candidates = table.Rows.Where(r => !flagged.Contains(r)).ToList();
        if (candidates.Count < 3) return;
        var mode = candidates.GroupBy(r => r.Cells.Count).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
        if (mode.Count() * 2 <= candidates.Count) return; // no clear shape to compare against
        foreach (var row in candidates)
        {
            int n = row.Cells.Count;
            if (n == mode.Key) continue;
            string cause = n > mode.Key ? "a stray '|' has split a cell, or cells from another row were pasted in" : "a '|' is missing, so two cells have run together or the row is cut short";
            context.Report(row.Span, $"This row has {n} cell{(n == 1 ? "" : "s")} where the other rows of the table have {mode.Key}: {cause}.");
            flagged.Add(row);
        }
    }

    /// <summary>Header cells left empty above columns that hold data.</summary>
    private static void CheckHeader(RuleContext context, Table table)
    {
        if (table.ColumnHeader is not { } header) return;
        var body = table.Rows.Where(r => !ReferenceEquals(r, header)).ToList();
        var nameless = new List<int>();
        for (int k = 1; k < header.Cells.Count; k++)
            if (header.Cells[k].IsEmpty && body.Any(r => k < r.Cells.Count && !r.Cells[k].IsEmpty)) nameless.Add(k);
        if (nameless.Count == 0) return;
        // "Report Coverage | Details | ||" over rows of key–value pairs: the header names the pair once and the pair repeats
        // across the row, which is how scope tables are printed, not a defect.
        int named = header.Cells.TakeWhile(c => !c.IsEmpty).Count();
        bool pairsRepeat = named > 0 && header.NonEmptyCellCount == named && header.Cells.Count % named == 0
                           && context.Document.Fields.Any(f => f.Block.Table == table);
        if (pairsRepeat) return;
        var sample = body.Select(r => nameless[0] < r.Cells.Count ? r.Cells[nameless[0]] : null).FirstOrDefault(c => c is { IsEmpty: false });
        string columns = nameless.Count == 1 ? $"column {nameless[0] + 1}" : $"columns {string.Join(", ", nameless.Select(k => k + 1))}";
        context.Report(header.Span,
            $"The header row leaves {columns} of {header.Cells.Count} without a name, though the rows below fill {(nameless.Count == 1 ? "it" : "them")} (e.g. '{sample?.Text}'): "
            + "name the column, or the reader cannot tell what its values are.");
    }

    /// <summary>Markdown pipe rows with no |---| line: Markdown shows them as a paragraph, not a table.</summary>
    private static void CheckMarkdownDelimiter(RuleContext context, Table table, HashSet<TableRow> flagged)
    {
        if (context.Document.Format != DocumentFormat.Markdown || table.HasDelimiterRow || table.Rows.Count < 2) return;
        var rows = table.Rows.Where(r => !flagged.Contains(r)).ToList();
        if (rows.Count < 2 || rows.Any(r => r.NonEmptyCellCount < 2)) return;
        var first = rows[0];
        int columns = first.Cells.Count;
        var finding = context.Report(first.Span,
            $"These {table.Rows.Count} pipe rows have no delimiter line (|---|) under the first, so Markdown renders them as one paragraph of text with pipes, not as a table.");
        var lineEnd = new TextSpan(first.Span.End, first.Span.End);
        finding.Fixes.Add(new SuggestedFix("Add a delimiter line under the first row",
            [new TextEdit(context.Locate(lineEnd), "\n|" + string.Concat(Enumerable.Repeat("---|", columns)))]));
    }
}
