namespace ReportLint.Core.Documents;

/// <summary>Pipe-separated rows as they appear in pasted text and in GFM tables.</summary>
internal static class PipeRows
{
    public static int CountPipes(ReadOnlySpan<char> line)
    {
        int n = 0;
        for (int i = 0; i < line.Length; i++)
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) n++;
        return n;
    }

    public static bool IsPipeRow(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length == 0) return false;
        int pipes = CountPipes(t);
        if (pipes >= 2 || pipes == 1 && (t[0] == '|' || t[^1] == '|')) return true;
        // "Base year: 2024 | Forecast period: 2025–2033": two fields side by side.
        int bar = t.IndexOf('|');
        return pipes == 1 && t[..bar].Contains(':') && t[(bar + 1)..].Contains(':');
    }

    /// <summary>A GFM delimiter row: |---|:---:|</summary>
    public static bool IsDelimiterRow(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.IndexOf('-') < 0) return false;
        foreach (char c in t)
            if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return t.Contains('|') || t.StartsWith("---");
    }

    /// <summary>Splits a row into cells; one leading and one trailing pipe are the row's frame, not empty cells.</summary>
    public static List<TableCell> SplitCells(string lineText, int lineStart)
    {
        var cells = new List<TableCell>();
        int start = 0, end = lineText.Length;
        while (start < end && char.IsWhiteSpace(lineText[start])) start++;
        while (end > start && char.IsWhiteSpace(lineText[end - 1])) end--;
        if (start < end && lineText[start] == '|') start++;
        if (end > start && lineText[end - 1] == '|' && (end - 2 < 0 || lineText[end - 2] != '\\')) end--;
        int cellStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i == end || lineText[i] == '|' && (i == 0 || lineText[i - 1] != '\\'))
            {
                int s = cellStart, e = i;
                while (s < e && char.IsWhiteSpace(lineText[s])) s++;
                while (e > s && char.IsWhiteSpace(lineText[e - 1])) e--;
                cells.Add(new TableCell(new TextSpan(lineStart + s, lineStart + e), lineText[s..e]));
                cellStart = i + 1;
            }
        }
        return cells;
    }
}
