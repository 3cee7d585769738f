using System.Globalization;
using System.Text;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Output;

/// <summary>
/// A review report as one self-contained HTML page (inline CSS, inline SVG, a few lines of inline script, no external
/// request of any kind): a summary table of the files, then each document as it was linted with every finding highlighted
/// at its span and its message and suggested fixes beside it, a chart for every growth statement, and filters by severity
/// and rule. The filters are checkboxes (keyboard-usable); without script they stay hidden and everything is shown.
/// </summary>
public sealed class HtmlFormatter : IFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        var findings = report.Findings.ToList();
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
         .Append("<meta name=\"generator\" content=\"ReportLint ").Append(E(report.ToolVersion)).Append("\">\n")
         .Append("<title>ReportLint report: ").Append(E(TextFormatter.Summary(report))).Append("</title>\n")
         .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
         .Append("<a class=\"skip\" href=\"#main\">Skip to the findings</a>\n")
         .Append("<header class=\"top\"><h1>ReportLint report</h1><p>").Append(E(TextFormatter.Summary(report)))
         .Append(" <span class=\"muted\">ReportLint ").Append(E(report.ToolVersion)).Append("</span></p></header>\n")
         .Append("<main id=\"main\">\n");
        Summary(w, report);
        Filters(w, findings);
        for (int i = 0; i < report.Files.Count; i++) File(w, report.Files[i], $"f{i + 1}");
        w.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        writer.Write(w.ToString());
    }

    private static IEnumerable<Finding> Shown(FileReport file) => file.Findings.Where(f => f.Suppression is null);

    private static void Summary(StringBuilder w, LintReport report)
    {
        w.Append("<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n")
         .Append("<caption>Findings per file</caption>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Format</th>")
         .Append("<th scope=\"col\" class=\"num\">Errors</th><th scope=\"col\" class=\"num\">Warnings</th><th scope=\"col\" class=\"num\">Notes</th>")
         .Append("<th scope=\"col\">Rules</th><th scope=\"col\" class=\"num\">Growth charts</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < report.Files.Count; i++)
        {
            var file = report.Files[i];
            var shown = Shown(file).ToList();
            w.Append("<tr><th scope=\"row\"><a href=\"#f").Append(i + 1).Append("\">").Append(E(file.Path)).Append("</a></th><td>")
             .Append(E(file.View?.Format ?? "")).Append("</td>");
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Note })
                w.Append("<td class=\"num\">").Append(shown.Count(f => f.Severity == severity)).Append("</td>");
            w.Append("<td>");
            if (file.Error is not null) w.Append("<span class=\"sev-error-text\">").Append(E(file.Error)).Append("</span>");
            else w.Append(E(string.Join(", ", shown.GroupBy(f => f.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"))));
            w.Append("</td><td class=\"num\">").Append(file.View?.Growth.Count ?? 0).Append("</td></tr>\n");
        }
        w.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Filters(StringBuilder w, List<Finding> findings)
    {
        if (findings.Count == 0) return;
        w.Append("<form id=\"filters\" class=\"filters\" hidden aria-labelledby=\"filters-h\">\n<h2 id=\"filters-h\">Show findings</h2>\n")
         .Append("<fieldset><legend>Severity</legend>\n");
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Note })
        {
            int n = findings.Count(f => f.Severity == severity);
            if (n == 0) continue;
            w.Append("<label><input type=\"checkbox\" name=\"severity\" value=\"").Append(severity.Name()).Append("\" checked> <span class=\"badge sev-")
             .Append(severity.Name()).Append("\">").Append(severity.Name()).Append("</span> ").Append(n).Append("</label>\n");
        }
        w.Append("</fieldset>\n<fieldset><legend>Rule</legend>\n");
        foreach (var rule in findings.GroupBy(f => f.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            w.Append("<label><input type=\"checkbox\" name=\"rule\" value=\"").Append(E(rule.Key)).Append("\" checked> ").Append(E(rule.Key)).Append(' ')
             .Append(E(rule.First().Rule.Name)).Append(" <span class=\"muted\">(").Append(rule.Count()).Append(")</span></label>\n");
        w.Append("</fieldset>\n<p id=\"filter-status\" role=\"status\" aria-live=\"polite\">Showing all ").Append(findings.Count)
         .Append(findings.Count == 1 ? " finding" : " findings").Append(".</p>\n</form>\n");
    }

    private static void File(StringBuilder w, FileReport file, string id)
    {
        var findings = Shown(file).ToList();
        w.Append("<section class=\"file\" id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-h\">\n<h2 id=\"").Append(id)
         .Append("-h\">").Append(E(file.Path)).Append("</h2>\n<p class=\"muted\">");
        if (file.View is { } v) w.Append(E(v.Format)).Append(" · ").Append(v.Lines.Count).Append(v.Lines.Count == 1 ? " line · " : " lines · ");
        w.Append(findings.Count == 0 ? "no findings" : findings.Count == 1 ? "1 finding" : findings.Count + " findings").Append("</p>\n");
        if (file.Error is not null) w.Append("<p class=\"problem\" role=\"alert\">Not linted: ").Append(E(file.Error)).Append("</p>\n");
        foreach (var note in file.Notifications) w.Append("<p class=\"problem\">").Append(E(note)).Append("</p>\n");
        w.Append("<div class=\"overview\">");
        RuleTable(w, findings);

        var ids = new Dictionary<Finding, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < findings.Count; i++) ids[findings[i]] = i + 1;
        if (file.View is not { } view)
        {
            w.Append("</div>\n");
            if (findings.Count > 0)
            {
                w.Append("<div class=\"notes-only\">\n");
                foreach (var f in findings) Card(w, f, id, ids[f], null);
                w.Append("</div>\n");
            }
            w.Append("</section>\n");
            return;
        }
        if (view.Growth.Count > 0)
        {
            w.Append("<section class=\"charts\" aria-labelledby=\"").Append(id).Append("-g\"><h3 id=\"").Append(id).Append("-g\">Growth statements</h3>\n");
            for (int i = 0; i < view.Growth.Count; i++) Chart(w, view.Growth[i], $"{id}-c{i + 1}", id, view);
            w.Append("</section>\n");
        }
        w.Append("</div>\n<h3 id=\"").Append(id).Append("-d\">Document</h3>\n<div class=\"doc\" aria-labelledby=\"").Append(id).Append("-d\">\n");
        DocumentText(w, view, findings, ids, id);
        w.Append("</div>\n</section>\n");
    }

    private static void RuleTable(StringBuilder w, List<Finding> findings)
    {
        if (findings.Count == 0) return;
        w.Append("<table class=\"rules\"><caption>Findings by rule</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Name</th>")
         .Append("<th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Findings</th></tr></thead><tbody>\n");
        foreach (var g in findings.GroupBy(f => (f.Rule.Id, f.Severity)).OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenByDescending(g => g.Key.Severity))
            w.Append("<tr><td>").Append(E(g.Key.Id)).Append("</td><td>").Append(E(g.First().Rule.Name)).Append("</td><td><span class=\"badge sev-")
             .Append(g.Key.Severity.Name()).Append("\">").Append(g.Key.Severity.Name()).Append("</span></td><td class=\"num\">").Append(g.Count()).Append("</td></tr>\n");
        w.Append("</tbody></table>\n");
    }

    /// <summary>
    /// The linted text, one row per line, with each finding's span marked. Overlapping and multi-line spans are cut at every
    /// boundary: the piece where a finding starts is its one highlight (<c>mark.hl</c>), the rest continue it (<c>mark.hl-cont</c>).
    /// </summary>
    private static void DocumentText(StringBuilder w, DocumentView view, List<Finding> findings, Dictionary<Finding, int> ids, string fileId)
    {
        string text = view.Text;
        var byLine = findings.GroupBy(f => LineIndex(view, f.Location.Span.Start)).ToDictionary(g => g.Key, g => g.ToList());
        for (int li = 0; li < view.Lines.Count; li++)
        {
            var line = view.Lines[li];
            int nextStart = li + 1 < view.Lines.Count ? view.Lines[li + 1].Span.Start : text.Length + 1;
            var starting = byLine.TryGetValue(li, out var list) ? list : [];
            var active = findings.Where(f => Math.Max(f.Location.Span.Start, 0) < line.Span.End && f.Location.Span.End > line.Span.Start || starting.Contains(f)).ToList();
            w.Append("<div class=\"row").Append(starting.Count > 0 ? " has-findings" : "").Append("\" id=\"").Append(fileId).Append("-L").Append(line.Number).Append("\">")
             .Append("<a class=\"ln\" href=\"#").Append(fileId).Append("-L").Append(line.Number).Append('"');
            if (line.Title is not null) w.Append(" title=\"").Append(E(line.Title)).Append('"');
            w.Append(" aria-label=\"").Append(E(line.Title ?? "line " + line.Number)).Append("\">").Append(E(line.Label));
            if (line.Origin is not null) w.Append("<span class=\"og\">").Append(E(line.Origin)).Append("</span>");
            w.Append("</a><div class=\"tx\">");

            var cuts = new SortedSet<int> { line.Span.Start, line.Span.End };
            foreach (var f in active)
            {
                cuts.Add(Math.Clamp(f.Location.Span.Start, line.Span.Start, line.Span.End));
                cuts.Add(Math.Clamp(f.Location.Span.End, line.Span.Start, line.Span.End));
            }
            var points = cuts.ToList();
            for (int k = 0; k + 1 < points.Count; k++)
            {
                int s = points[k], e = points[k + 1];
                var covering = active.Where(f => f.Location.Span.Start <= s && f.Location.Span.End >= e && !f.Location.Span.IsEmpty)
                    .OrderBy(f => f.Location.Span.Start).ThenByDescending(f => f.Location.Span.End).ToList();
                EmptyMarks(w, active.Where(f => f.Location.Span.IsEmpty && f.Location.Span.Start == s && s < line.Span.End), ids, fileId);
                foreach (var f in covering) OpenMark(w, f, ids[f], fileId, head: f.Location.Span.Start == s);
                w.Append(E(text.Substring(s, e - s)));
                for (int c = 0; c < covering.Count; c++) w.Append("</mark>");
            }
            // A finding that starts past the line's text (at its line break, or past the end) still gets its highlight.
            EmptyMarks(w, starting.Where(f => f.Location.Span.Start >= line.Span.End), ids, fileId);
            if (line.Span.IsEmpty) w.Append("\u200B");
            w.Append("</div>");
            if (starting.Count > 0)
            {
                w.Append("<div class=\"notes\">");
                foreach (var f in starting) Card(w, f, fileId, ids[f], view);
                w.Append("</div>");
            }
            w.Append("</div>\n");
        }
    }

    private static void EmptyMarks(StringBuilder w, IEnumerable<Finding> findings, Dictionary<Finding, int> ids, string fileId)
    {
        foreach (var f in findings)
        {
            OpenMark(w, f, ids[f], fileId, head: true);
            w.Append("</mark>");
        }
    }

    private static int LineIndex(DocumentView view, int offset)
    {
        int lo = 0, hi = view.Lines.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (view.Lines[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private static void OpenMark(StringBuilder w, Finding f, int n, string fileId, bool head)
    {
        string sev = f.Severity.Name();
        w.Append("<mark class=\"").Append(head ? "hl" : "hl-cont").Append(" sev-").Append(sev).Append('"');
        if (head) w.Append(" id=\"").Append(fileId).Append("-m").Append(n).Append('"');
        w.Append(" data-finding=\"").Append(fileId).Append("-n").Append(n).Append("\" data-rule=\"").Append(E(f.Rule.Id)).Append("\" data-severity=\"").Append(sev)
         .Append("\" title=\"").Append(E($"{f.Rule.Id} {sev}: {f.Message}")).Append("\">");
    }

    private static void Card(StringBuilder w, Finding f, string fileId, int n, DocumentView? view)
    {
        string sev = f.Severity.Name();
        string cardId = $"{fileId}-n{n}";
        var loc = f.Location;
        w.Append("<article class=\"finding sev-").Append(sev).Append("\" id=\"").Append(cardId).Append("\" data-rule=\"").Append(E(f.Rule.Id))
         .Append("\" data-severity=\"").Append(sev).Append("\" aria-labelledby=\"").Append(cardId).Append("-h\">")
         .Append("<h4 id=\"").Append(cardId).Append("-h\"><span class=\"badge sev-").Append(sev).Append("\">").Append(sev).Append("</span> ");
        if (view is not null) w.Append("<a href=\"#").Append(fileId).Append("-m").Append(n).Append("\">");
        w.Append(E(f.Rule.Id)).Append(' ').Append(E(f.Rule.Name));
        if (view is not null) w.Append("</a>");
        w.Append(" <span class=\"where\">").Append(E(Where(loc))).Append("</span></h4>")
         .Append("<p class=\"msg\">").Append(E(f.Message)).Append("</p>");
        if (f.Fixes.Count > 0)
        {
            w.Append("<ul class=\"fixes\" aria-label=\"Suggested fixes\">");
            foreach (var fix in f.Fixes)
            {
                w.Append("<li><span class=\"fix-label\">Fix:</span> ").Append(E(fix.Description));
                foreach (var edit in fix.Edits.Where(e => e.Location.Snippet.Length > 0 && e.Location.Snippet.Length <= 80))
                    w.Append(" <span class=\"edit\"><del>").Append(E(edit.Location.Snippet)).Append("</del> → <ins>").Append(E(edit.NewText)).Append("</ins></span>");
                w.Append("</li>");
            }
            w.Append("</ul>");
        }
        if (f.Related.Count > 0)
        {
            w.Append("<details class=\"related\"><summary>").Append(f.Related.Count).Append(f.Related.Count == 1 ? " related place" : " related places").Append("</summary><ul>");
            foreach (var r in f.Related)
            {
                w.Append("<li>");
                if (view is not null && r.Location.Path == loc.Path)
                    w.Append("<a href=\"#").Append(fileId).Append("-L").Append(view.Lines[LineIndex(view, r.Location.Span.Start)].Number).Append("\">")
                     .Append(E(Where(r.Location))).Append("</a>");
                else w.Append(E(r.Location.Path + ":" + Where(r.Location)));
                w.Append(": ").Append(E(r.Message)).Append("</li>");
            }
            w.Append("</ul></details>");
        }
        w.Append("</article>");
    }

    private static string Where(SourceLocation loc) =>
        $"line {loc.Line}, column {loc.Column}" + (loc.Origin is { } o ? $" · {o.Description}" : "");

    /// <summary>
    /// An inline SVG: the stated start and end values (filled dots), the path the stated CAGR implies from the start (a line
    /// through every year), where that path ends (a hollow dot) and the gap between that and the stated end value.
    /// </summary>
    private static void Chart(StringBuilder w, GrowthChart c, string id, string fileId, DocumentView view)
    {
        const double width = 520, height = 280, left = 62, right = 118, top = 22, bottom = 44;
        double plotW = width - left - right, plotH = height - top - bottom;
        double lo = new[] { c.Start.Value, c.End.Value, c.ImpliedEnd.Value }.Min(), hi = new[] { c.Start.Value, c.End.Value, c.ImpliedEnd.Value }.Max();
        var (yMin, yMax, yStep) = NiceRange(lo - (hi - lo) * 0.12, hi + (hi - lo) * 0.12);
        int years = Math.Max(1, c.End.Year - c.Start.Year);
        double X(double year) => left + (year - c.Start.Year) / years * plotW;
        double Y(double value) => top + (yMax - value) / (yMax - yMin) * plotH;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string status = c.Holds ? "holds" : "gap";
        string endColor = c.Holds ? "#1b6e35" : "#a4161a";

        string desc = c.Holds
            ? $"At {c.RateText} a year, {c.StartText} in {c.Start.Year} grows to {c.ImpliedEndText} by {c.End.Year}, which agrees with the stated {c.EndText}."
            : $"At {c.RateText} a year, {c.StartText} in {c.Start.Year} grows to {c.ImpliedEndText} by {c.End.Year}, but the report states {c.EndText} ({c.GapText}); the stated values imply {c.ImpliedRateText} a year.";
        w.Append("<figure class=\"chart ").Append(status).Append("\" id=\"").Append(id).Append("\">")
         .Append("<svg class=\"growth-chart\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height)).Append("\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height))
         .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-s\" data-start=\"").Append(F3(c.Start.Value)).Append("\" data-end=\"")
         .Append(F3(c.End.Value)).Append("\" data-implied-end=\"").Append(F3(c.ImpliedEnd.Value)).Append("\" data-rate=\"").Append(E(c.RateText)).Append("\">")
         .Append("<title id=\"").Append(id).Append("-t\">").Append(E($"{c.Subject}: {c.StartText} ({c.Start.Year}) to {c.EndText} ({c.End.Year}) at {c.RateText}")).Append("</title>")
         .Append("<desc id=\"").Append(id).Append("-s\">").Append(E(desc)).Append("</desc>");

        // Axes, grid and tick labels.
        w.Append("<g class=\"axis\">");
        for (double v = yMin; v <= yMax + yStep / 1000; v += yStep)
            w.Append("<line x1=\"").Append(F(left)).Append("\" x2=\"").Append(F(left + plotW)).Append("\" y1=\"").Append(F(Y(v))).Append("\" y2=\"").Append(F(Y(v)))
             .Append("\" class=\"grid\"/><text x=\"").Append(F(left - 6)).Append("\" y=\"").Append(F(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(E(Tick(v, yStep))).Append("</text>");
        int yearStep = years <= 10 ? 1 : (int)Math.Ceiling(years / 8.0);
        for (int y = c.Start.Year; y <= c.End.Year; y += yearStep)
            w.Append("<text x=\"").Append(F(X(y))).Append("\" y=\"").Append(F(top + plotH + 16)).Append("\" text-anchor=\"middle\">").Append(y).Append("</text>");
        if ((c.End.Year - c.Start.Year) % yearStep != 0)
            w.Append("<text x=\"").Append(F(X(c.End.Year))).Append("\" y=\"").Append(F(top + plotH + 16)).Append("\" text-anchor=\"middle\">").Append(c.End.Year).Append("</text>");
        w.Append("<line x1=\"").Append(F(left)).Append("\" x2=\"").Append(F(left)).Append("\" y1=\"").Append(F(top)).Append("\" y2=\"").Append(F(top + plotH)).Append("\" class=\"frame\"/>")
         .Append("<line x1=\"").Append(F(left)).Append("\" x2=\"").Append(F(left + plotW)).Append("\" y1=\"").Append(F(top + plotH)).Append("\" y2=\"").Append(F(top + plotH)).Append("\" class=\"frame\"/>")
         .Append("<text x=\"").Append(F(left + plotW / 2)).Append("\" y=\"").Append(F(height - 6)).Append("\" text-anchor=\"middle\" class=\"label\">year</text>")
         .Append("<text x=\"14\" y=\"").Append(F(top + plotH / 2)).Append("\" text-anchor=\"middle\" class=\"label\" transform=\"rotate(-90 14 ").Append(F(top + plotH / 2)).Append(")\">")
         .Append(E(c.Unit.Length > 0 ? c.Unit : "value")).Append("</text></g>");

        // The path the stated values imply (for comparison), the path the stated CAGR implies, the stated points, the gap.
        double xe = X(c.End.Year), ys = Y(c.End.Value), yi = Y(c.ImpliedEnd.Value);
        if (!c.Holds)
            w.Append("<polyline class=\"stated-path\" points=\"").Append(string.Join(' ', c.StatedPath.Select(p => F(X(p.Year)) + "," + F(Y(p.Value))))).Append("\"/>");
        w.Append("<polyline class=\"implied\" points=\"").Append(string.Join(' ', c.ImpliedPath.Select(p => F(X(p.Year)) + "," + F(Y(p.Value))))).Append("\"/>");
        // Labels beside the end points, kept apart however close the points are: the higher point's label above, the lower's below.
        double upper = Math.Min(ys, yi), lower = Math.Max(ys, yi), middle = (upper + lower) / 2;
        double upperLabel = Math.Min(upper - 6, middle - 11), lowerLabel = Math.Max(lower + 14, middle + 19);
        bool statedAbove = ys <= yi;
        if (!c.Holds)
        {
            w.Append("<line class=\"gap\" x1=\"").Append(F(xe)).Append("\" x2=\"").Append(F(xe)).Append("\" y1=\"").Append(F(yi)).Append("\" y2=\"").Append(F(ys)).Append("\"/>")
             .Append("<text class=\"gap-label\" x=\"").Append(F(xe + 10)).Append("\" y=\"").Append(F(middle + 4)).Append("\">gap ").Append(E(c.GapText)).Append("</text>");
        }
        w.Append("<circle class=\"implied-end\" cx=\"").Append(F(xe)).Append("\" cy=\"").Append(F(yi)).Append("\" r=\"5\"/>")
         .Append("<text x=\"").Append(F(xe + 10)).Append("\" y=\"").Append(F(statedAbove ? lowerLabel : upperLabel)).Append("\" class=\"implied-label\">").Append(E(c.RateText)).Append(" → ").Append(E(c.ImpliedEndText)).Append("</text>")
         .Append("<circle class=\"stated\" cx=\"").Append(F(X(c.Start.Year))).Append("\" cy=\"").Append(F(Y(c.Start.Value))).Append("\" r=\"5\"/>")
         .Append("<text x=\"").Append(F(X(c.Start.Year) + 8)).Append("\" y=\"").Append(F(Y(c.Start.Value) - 8)).Append("\">").Append(E($"{F3(c.Start.Value)} ({c.Start.Year})")).Append("</text>")
         .Append("<circle class=\"stated-end\" fill=\"").Append(endColor).Append("\" cx=\"").Append(F(xe)).Append("\" cy=\"").Append(F(ys)).Append("\" r=\"5\"/>")
         .Append("<text x=\"").Append(F(xe + 10)).Append("\" y=\"").Append(F(statedAbove ? upperLabel : lowerLabel)).Append("\" fill=\"").Append(endColor).Append("\">stated ").Append(E(F3(c.End.Value))).Append("</text>")
         .Append("</svg><figcaption><strong>").Append(E(c.Subject)).Append("</strong>: ").Append(E(desc)).Append(" <span class=\"muted\">Stated on ");
        var links = c.Lines.Select(n => view.Lines.FirstOrDefault(l => l.Number == n)).Where(l => l is not null)
            .Select(l => $"<a href=\"#{fileId}-L{l!.Number}\">{E(l.Title ?? "line " + l.Number)}</a>");
        w.Append(string.Join(", ", links)).Append(".</span> <span class=\"legend\"><span class=\"key implied-key\"></span> path at ").Append(E(c.RateText))
         .Append(" a year <span class=\"key implied-end-key\"></span> where it ends <span class=\"key stated-key\"></span> stated values");
        if (!c.Holds) w.Append(" <span class=\"key stated-path-key\"></span> path they imply (").Append(E(c.ImpliedRateText)).Append(')');
        w.Append("</span></figcaption></figure>\n");
    }

    private static string F3(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Tick(double v, double step) =>
        v.ToString(step >= 1 ? "0" : step >= 0.1 ? "0.0" : step >= 0.01 ? "0.00" : "0.000", CultureInfo.InvariantCulture);

    /// <summary>Axis bounds on round numbers (1, 2, 2.5 or 5 × a power of ten), about five ticks.</summary>
    private static (double Min, double Max, double Step) NiceRange(double lo, double hi)
    {
        if (hi <= lo) { hi = lo + Math.Max(Math.Abs(lo) * 0.1, 1); }
        double raw = (hi - lo) / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        double min = Math.Floor(lo / step) * step, max = Math.Ceiling(hi / step) * step;
        if (min < 0 && lo >= 0) min = 0;
        return (min, max, step);
    }

    private static string E(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private const string Css = """
:root { --fg: #1a1a1a; --muted: #555; --bg: #fff; --line: #d0d4da; --error: #a4161a; --warning: #7a4d00; --note: #1d4f91;
  --error-bg: #fde2e1; --warning-bg: #fff0c2; --note-bg: #dcebff; --focus: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
a { color: #0b4f9c; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5em; }
.skip:focus { left: .5em; }
header.top { padding: 1em 1.5em .5em; border-bottom: 1px solid var(--line); background: #f6f7f9; }
header.top h1 { margin: 0 0 .2em; font-size: 1.5em; }
header.top p { margin: 0; }
main { padding: 0 1.5em 2em; max-width: 110em; }
h2 { font-size: 1.25em; margin: 1.2em 0 .5em; }
h3 { font-size: 1.05em; margin: 1em 0 .4em; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .4em 0 1em; }
caption { text-align: left; font-weight: 600; padding-bottom: .3em; }
th, td { border: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #f0f2f5; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .45em; font-size: .8em; font-weight: 700; color: #fff; text-transform: uppercase; letter-spacing: .03em; }
.badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); } .badge.sev-note { background: var(--note); }
.sev-error-text { color: var(--error); }
.filters { display: flex; flex-wrap: wrap; gap: .5em 1.5em; align-items: flex-start; padding: .6em 1em; border: 1px solid var(--line); border-radius: 6px; background: #fafbfc; }
.filters h2 { width: 100%; margin: 0; font-size: 1em; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2em 1em; }
.filters legend { font-weight: 600; padding: 0; margin-bottom: .2em; }
.filters label { cursor: pointer; white-space: nowrap; }
.filters p { width: 100%; margin: .2em 0 0; color: var(--muted); }
section.file { border-top: 2px solid var(--line); margin-top: 1.5em; }
.overview { display: flex; flex-wrap: wrap; gap: 0 2.5em; align-items: flex-start; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
.charts h3 { width: 100%; }
figure.chart { margin: 0; padding: .6em; border: 1px solid var(--line); border-radius: 6px; max-width: 540px; background: #fff; }
figure.chart figcaption { font-size: .9em; }
svg.growth-chart { max-width: 100%; height: auto; font-size: 11px; }
svg.growth-chart text { fill: #333; }
svg.growth-chart .label { fill: var(--muted); }
svg.growth-chart .grid { stroke: #e3e6ea; }
svg.growth-chart .frame { stroke: #888; }
svg.growth-chart .implied { fill: none; stroke: #1d4f91; stroke-width: 2; }
svg.growth-chart .implied-end { fill: #fff; stroke: #1d4f91; stroke-width: 2; }
svg.growth-chart .implied-label { fill: #1d4f91; }
svg.growth-chart .stated { fill: #1a1a1a; }
svg.growth-chart .stated-path { fill: none; stroke: #6b6f76; stroke-width: 1.5; stroke-dasharray: 5 4; }
svg.growth-chart .gap { stroke: var(--error); stroke-width: 2; stroke-dasharray: 3 2; }
svg.growth-chart .gap-label { fill: var(--error); font-weight: 700; }
.legend { display: block; margin-top: .3em; color: var(--muted); }
.key { display: inline-block; width: 1.6em; height: .7em; vertical-align: middle; margin-left: .6em; }
.implied-key { border-top: 2px solid #1d4f91; height: 0; }
.stated-key { width: .7em; border-radius: 50%; background: #1a1a1a; }
.implied-end-key { width: .7em; border-radius: 50%; border: 2px solid #1d4f91; }
.stated-path-key { border-top: 2px dashed #6b6f76; height: 0; }
.doc { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.row { display: grid; grid-template-columns: 4.5em minmax(0, 1fr) minmax(0, 27em); border-bottom: 1px solid #eef0f3; }
.row:last-child { border-bottom: 0; }
.row.has-findings { background: #fcfcfd; }
.ln { color: var(--muted); text-align: right; padding: .15em .6em .15em 0; text-decoration: none; font-variant-numeric: tabular-nums; font-size: .85em; user-select: none; border-right: 1px solid #eef0f3; }
.ln:hover { text-decoration: underline; }
.ln .og { display: block; font-size: .85em; white-space: nowrap; }
.tx { padding: .15em .7em; white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
.notes { grid-column: 3; padding: .3em .5em; border-left: 1px solid #eef0f3; }
mark { color: inherit; border-radius: 2px; }
mark.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px 0 var(--error); }
mark.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px 0 var(--warning); }
mark.sev-note { background: var(--note-bg); box-shadow: inset 0 -2px 0 var(--note); }
mark.off { background: none; box-shadow: none; }
mark.hl:empty::before { content: "‸"; font-weight: 700; }
mark:target { outline: 3px solid var(--focus); }
article.finding { border-left: 4px solid var(--line); background: #fff; padding: .35em .6em; margin: 0 0 .5em; border-radius: 0 4px 4px 0; box-shadow: 0 0 0 1px #eceef1; }
article.finding.sev-error { border-left-color: var(--error); } article.finding.sev-warning { border-left-color: var(--warning); } article.finding.sev-note { border-left-color: var(--note); }
article.finding:target { box-shadow: 0 0 0 3px var(--focus); }
article.finding h4 { margin: 0; font-size: .92em; }
article.finding .where { font-weight: 400; color: var(--muted); font-size: .9em; }
article.finding .msg { margin: .25em 0; }
ul.fixes { margin: .2em 0; padding-left: 1.1em; }
.fix-label { font-weight: 600; color: #1b6e35; }
.edit del { color: var(--error); } .edit ins { color: #1b6e35; text-decoration: none; font-weight: 600; }
details.related summary { cursor: pointer; color: var(--muted); }
details.related ul { margin: .2em 0; padding-left: 1.1em; font-size: .9em; }
.problem { color: var(--error); }
.notes-only { max-width: 60em; }
@media (max-width: 900px) {
  .row { grid-template-columns: 3.5em minmax(0, 1fr); }
  .notes { grid-column: 2; border-left: 0; }
}
""";

    private const string Script = """
(function () {
  var form = document.getElementById('filters');
  var marks = document.querySelectorAll('mark.hl');
  document.body.setAttribute('data-highlights', String(marks.length));
  if (!form) { document.body.setAttribute('data-ready', 'true'); return; }
  form.hidden = false;
  var status = document.getElementById('filter-status');
  function chosen(name) {
    var set = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { if (i.checked) set[i.value] = true; });
    return set;
  }
  function apply() {
    var sev = chosen('severity'), rule = chosen('rule'), shown = 0, total = 0;
    document.querySelectorAll('article.finding').forEach(function (a) {
      var on = !!sev[a.dataset.severity] && !!rule[a.dataset.rule];
      a.hidden = !on; total++; if (on) shown++;
    });
    document.querySelectorAll('mark[data-finding]').forEach(function (m) {
      m.classList.toggle('off', !(sev[m.dataset.severity] && rule[m.dataset.rule]));
    });
    status.textContent = shown === total ? 'Showing all ' + total + (total === 1 ? ' finding.' : ' findings.') : 'Showing ' + shown + ' of ' + total + ' findings.';
  }
  form.addEventListener('change', apply);
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
""";
}
