using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Engine;

/// <summary>What linting a very large file in sections found, put back together in the file's own lines and offsets.</summary>
public sealed record SectionedResult(IReadOnlyList<Finding> Findings, Coverage Coverage, IReadOnlyList<string> Notifications, int Sections);

/// <summary>
/// Lints Markdown and plain-text files larger than <see cref="Threshold"/> a section at a time, streaming from disk, so memory
/// stays bounded (a few hundred MiB whatever the file's size) and time grows linearly. A section is about
/// <see cref="SectionBytes"/> long and ends at a blank line outside a code fence where there is one, else at a line end,
/// else (one enormous line) at a space. Findings are moved back to the file's lines, columns and offsets. The price: the
/// cross-checks (a figure stated twice, scope against body, repeated passages) hold within a section, not across them,
/// and an inline suppression comment applies within its section.
/// </summary>
public static class SectionedLinting
{
    public const long Threshold = 16L << 20;
    public const int SectionBytes = 4 << 20;

    /// <summary>
    /// True when a file of this format and size, starting with <paramref name="head"/>, is linted in sections: UTF-8 (or
    /// ASCII) text only. UTF-16 and UTF-32 files, whose line ends are not single bytes, are read whole.
    /// </summary>
    public static bool AppliesTo(DocumentFormat format, long length, ReadOnlySpan<byte> head) =>
        length > Threshold && format is DocumentFormat.Markdown or DocumentFormat.PlainText
        && !head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        && !head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    public static SectionedResult Lint(Linter linter, string path, Stream stream, DocumentFormat format, LintSettings? settings = null, int sectionBytes = SectionBytes)
    {
        var findings = new List<Finding>();
        var notifications = new List<string>();
        var coverage = new Coverage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var buffer = new byte[sectionBytes * 2];
        int filled = 0, sections = 0;
        bool eof = false, inFence = false;
        // Where the next section starts in the file: its line (0-based), the column on that line (non-zero only after a
        // cut inside a line), and its offset in characters and bytes.
        int lineBase = 0, columnBase = 0;
        long charBase = 0, byteBase = 0;
        // Sections are linted a batch at a time, one per core: memory holds a batch, whatever the file's size.
        int batchSize = Math.Max(1, Environment.ProcessorCount);
        var batch = new List<byte[]>(batchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < batchSize)
            {
                // Read past the section's length (or to the end), so the byte after a cut is always known.
                while (!eof && filled <= sectionBytes)
                {
                    int n = stream.Read(buffer, filled, buffer.Length - filled);
                    if (n == 0) eof = true;
                    else filled += n;
                }
                if (filled == 0) break;
                int cut = eof ? filled : Cut(buffer, filled, sectionBytes, ref inFence);
                batch.Add(buffer.AsSpan(0, cut).ToArray());
                buffer.AsSpan(cut, filled - cut).CopyTo(buffer);
                filled -= cut;
            }
            if (batch.Count == 0) break;

            var results = new Section[batch.Count];
            int first = sections;
            Parallel.For(0, batch.Count, i => results[i] = LintSection(linter, path, batch[i], format, settings, first + i));
            foreach (var section in results)
            {
                sections++;
                foreach (var f in section.Findings) findings.Add(Shift(f, lineBase, columnBase, charBase));
                foreach (var note in section.Notifications)
                    notifications.Add(sections == 1 ? note : $"{note} (in the section from line {lineBase + 1}, byte {byteBase:N0})");
                if (section.Coverage is { } c) coverage = Add(coverage, c);
                columnBase = section.Newlines == 0 ? columnBase + section.Length : section.Length - section.LastNewline - 1;
                lineBase += section.Newlines;
                charBase += section.Length;
                byteBase += section.Bytes;
            }
        }
        if (sections > 1)
            notifications.Insert(0, $"a large file ({byteBase / (1 << 20):N0} MiB): linted in {sections} sections of about {Math.Max(1, sectionBytes >> 20)} MiB, so figures, scope and repeats are cross-checked within each section, not across them");
        return new SectionedResult(findings, coverage, notifications, sections);
    }

    /// <summary>One section's findings (in its own lines and offsets) and the shape of its text, which places the next section.</summary>
    private sealed record Section(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notifications, Coverage? Coverage, int Length, int Newlines, int LastNewline, int Bytes);

    private static Section LintSection(Linter linter, string path, byte[] bytes, DocumentFormat format, LintSettings? settings, int index)
    {
        ReportDocument document;
        var notes = new List<string>();
        try
        {
            document = DocumentReader.Read(path, bytes, format);
        }
        catch (DocumentReadException e) when (index > 0)
        {
            // The first section decides whether the file is text at all (a binary file is skipped whole); later junk costs only its section.
            notes.Add($"{bytes.Length:N0} bytes were not linted: {e.Message}");
            string text = System.Text.Encoding.UTF8.GetString(bytes);
            return new Section([], notes, null, text.Length, text.AsSpan().Count('\n'), text.LastIndexOf('\n'), bytes.Length);
        }
        var result = linter.Lint(document, settings);
        notes.AddRange(result.Notifications);
        string source = document.Source.Text;
        return new Section(result.Findings, notes, result.Claims.Coverage, source.Length, source.AsSpan().Count('\n'), source.LastIndexOf('\n'), bytes.Length);
    }

    /// <summary>
    /// Where to end the section in buffer[0, filled): after the last blank line outside a code fence in the second half of a
    /// section's length; else after the last line end; else after the last space; else at a UTF-8 character boundary.
    /// </summary>
    private static int Cut(byte[] buffer, int filled, int sectionBytes, ref bool inFence)
    {
        int limit = Math.Min(filled, sectionBytes);
        int lastBlank = -1, lastNewline = -1;
        bool fence = inFence;
        for (int lineStart = 0; lineStart < limit;)
        {
            int end = Array.IndexOf(buffer, (byte)'\n', lineStart, limit - lineStart);
            if (end < 0) break;
            var line = buffer.AsSpan(lineStart, end - lineStart).TrimStart((byte)' ');
            if (line.StartsWith("```"u8) || line.StartsWith("~~~"u8)) fence = !fence;
            else if (!fence && line.TrimEnd((byte)'\r').IsEmpty && end + 1 >= limit / 2) lastBlank = end + 1;
            lastNewline = end + 1;
            lineStart = end + 1;
        }
        if (lastBlank > 0) { inFence = false; return lastBlank; }
        if (lastNewline > 0)
        {
            // No blank line outside a fence: recount the fence state up to the line end chosen.
            inFence = FenceStateAt(buffer, lastNewline, inFence);
            return lastNewline;
        }
        int space = buffer.AsSpan(0, limit).LastIndexOfAny((byte)' ', (byte)'\t');
        if (space > 0) return space + 1;
        int at = limit;
        while (at > 1 && (buffer[at] & 0xC0) == 0x80) at--;
        return at;
    }

    private static bool FenceStateAt(byte[] buffer, int end, bool fence)
    {
        for (int lineStart = 0; lineStart < end;)
        {
            int e = Array.IndexOf(buffer, (byte)'\n', lineStart, end - lineStart);
            if (e < 0) break;
            var line = buffer.AsSpan(lineStart, e - lineStart).TrimStart((byte)' ');
            if (line.StartsWith("```"u8) || line.StartsWith("~~~"u8)) fence = !fence;
            lineStart = e + 1;
        }
        return fence;
    }

    private static Coverage Add(Coverage a, Coverage b) => new(a.Money + b.Money, a.Percentages + b.Percentages, a.Years + b.Years,
        a.OtherNumbers + b.OtherNumbers, a.NumericStatements + b.NumericStatements, a.CheckedStatements + b.CheckedStatements,
        a.ValueClaims + b.ValueClaims, a.RateClaims + b.RateClaims, a.ShareClaims + b.ShareClaims, a.GrowthChecks + b.GrowthChecks);

    /// <summary>A finding of a section as a finding of the whole file.</summary>
    internal static Finding Shift(Finding f, int lineBase, int columnBase, long charBase)
    {
        if (lineBase == 0 && columnBase == 0 && charBase == 0) return f;
        SourceLocation Move(SourceLocation l) => l with
        {
            Span = new TextSpan((int)Math.Min(int.MaxValue, l.Span.Start + charBase), (int)Math.Min(int.MaxValue, l.Span.End + charBase)),
            Line = l.Line + lineBase,
            Column = l.Line == 1 ? l.Column + columnBase : l.Column,
            EndLine = l.EndLine + lineBase,
            EndColumn = l.EndLine == 1 ? l.EndColumn + columnBase : l.EndColumn,
        };
        var moved = new Finding(f.Rule, f.Severity, f.Message, Move(f.Location)) { Suppression = f.Suppression, LineHash = f.LineHash };
        foreach (var r in f.Related) moved.Related.Add(r with { Location = Move(r.Location) });
        foreach (var fix in f.Fixes) moved.Fixes.Add(fix with { Edits = fix.Edits.Select(e => e with { Location = Move(e.Location) }).ToList() });
        foreach (var (k, v) in f.Properties) moved.Properties[k] = v;
        return moved;
    }
}
