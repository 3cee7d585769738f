using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;

namespace ReportLint.Cli;

/// <summary>
/// `reportlint inspect FILE`: prints what ReportLint understood of a report (periods, market values, growth rates,
/// shares, and which growth checks were formed), so an author can see why a statement was or was not checked.
/// </summary>
public static class InspectCommand
{
    public static int Run(string path, TextWriter stdout)
    {
        if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
        ReportDocument document;
        try { document = DocumentReader.Read(path, File.ReadAllBytes(path)); }
        catch (DocumentReadException e) { throw new UsageException($"{path}: {e.Message}"); }
        var result = new Linter().Lint(document);
        var claims = result.Claims;
        string Line(int offset) => document.Source.GetPosition(offset).Line.ToString();
        stdout.WriteLine($"{path}: {document.Format}, {document.Blocks.Count} blocks, {document.Tables.Count} tables, {document.Fields.Count} fields, {claims.Statements.Count} statements");
        stdout.WriteLine($"market: {claims.MarketName ?? "(not stated)"}; base year {claims.Periods.BaseYear?.ToString() ?? "-"}; historical {claims.Periods.Historical?.Raw ?? "-"}; forecast {claims.Periods.Forecast?.Raw ?? "-"}");
        if (claims.SegmentNames.Count > 0) stdout.WriteLine("segments: " + string.Join(", ", claims.SegmentNames));
        foreach (var v in claims.Values) stdout.WriteLine($"  line {Line(v.Figure.Span.Start)}: value  {v.Subject.Kind} '{v.Subject.Name}' {v.Figure.Raw} in {v.Year}");
        foreach (var r in claims.Rates) stdout.WriteLine($"  line {Line(r.Figure.Span.Start)}: rate   {r.Subject.Kind} '{r.Subject.Name}' {r.SignedValue}% window {r.Window?.ToString() ?? "-"}");
        foreach (var s in claims.Shares) stdout.WriteLine($"  line {Line(s.Figure.Span.Start)}: share  {s.Subject.Kind} '{s.Subject.Name}' {s.Figure.Raw}{(s.Year is { } y ? " in " + y : "")}");
        foreach (var g in claims.Growth)
            stdout.WriteLine($"  growth check: {g.Subject.Name}: {string.Join(" | ", g.Starts.Select(s => $"{s.Figure.Raw} ({s.Year})"))} -> {g.End.Figure.Raw} ({g.End.Year}) at {g.Rate.Figure.Raw}");
        var c = claims.Coverage;
        stdout.WriteLine($"coverage: {c.CheckedStatements} of {c.NumericStatements} numeric statements checked");
        return ReportLintCli.Clean;
    }
}
