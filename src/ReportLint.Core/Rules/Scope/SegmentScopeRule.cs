using ReportLint.Core.Claims;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules.Scope;

/// <summary>RL402: segmentation dimensions that the scope omits, or that are listed but never analysed.</summary>
public sealed class SegmentScopeRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL402", "segment-scope", RuleFamily.Scope, Severity.Error,
        "\"Segments covered\" disagrees with the dimensions the report analyses, segments or lists in its contents.",
        "Collects the segmentation dimensions (By Genre, By Platform, By End User …) that the body analyses, that the segmentation "
        + "list names and that the table of contents names, and compares them with the scope table's \"Segments covered\". It reports "
        + "dimensions missing from the scope, and dimensions listed in the scope, the segmentation list or the contents that the body "
        + "never analyses. Geographic splits are checked by RL401.",
        "Segments covered: | By Genre: Romance, Thriller |   …while the body has \"By Platform: …\" and the contents list \"By End User\"",
        "Segments covered: | By Genre: Romance, Thriller; By Platform: Social Media, OTT |   …and every listed dimension is analysed");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var facts = context.Claims.Scope;
        var outline = context.Claims.Outline;
        var scope = facts.ScopeDimensions.Select(d => d.Value).ToHashSet();
        int Line(Mention<Dimension> m) => context.Locate(m.Span).Line;

        if (outline.SegmentsCovered is { } field && scope.Count > 0)
        {
            var fromBody = First(facts.BodyDimensions).Where(m => !scope.Contains(m.Value)).ToList();
            var fromLists = First(facts.SegmentationDimensions.Concat(facts.ContentsDimensions))
                .Where(m => !scope.Contains(m.Value) && fromBody.All(b => b.Value != m.Value)).ToList();
            if (fromBody.Count + fromLists.Count > 0)
            {
                string listed = ScopeText.Names(facts.ScopeDimensions.Select(d => "By " + d.Text).Distinct());
                var parts = new List<string>();
                if (fromBody.Count > 0) parts.Add("the report analyses " + ScopeText.WithLines(fromBody.Select(m => ("By " + m.Text, Line(m)))));
                if (fromLists.Count > 0) parts.Add((fromBody.Count > 0 ? "and its segmentation list or contents add " : "its segmentation list or contents add ")
                                                   + ScopeText.WithLines(fromLists.Select(m => ("By " + m.Text, Line(m)))));
                var finding = context.Report(field.ValueSpan, $"Segments covered lists {listed} only, but {string.Join(", ", parts)}.");
                foreach (var m in fromBody.Concat(fromLists)) finding.Related.Add(new RelatedLocation(context.Locate(m.Span), $"{m.Text} appears here"));
                finding.Fixes.Add(new SuggestedFix("Add the missing dimensions to Segments covered",
                    [new TextEdit(context.Locate(new Documents.TextSpan(field.ValueSpan.End, field.ValueSpan.End)),
                        string.Concat(fromBody.Concat(fromLists).Select(m => $"; By {m.Text}: …")))]));
            }
        }

        // Dimensions named in the scope, segmentation list or contents that the analysis never takes up.
        if (facts.BodyDimensions.Count == 0) return;
        // The body's text in lower case, made only when some listed dimension is not among the analysed ones.
        string? bodyText = null;
        var listedAnywhere = First(facts.SegmentationDimensions.Concat(facts.ContentsDimensions).Concat(facts.ScopeDimensions));
        foreach (var m in listedAnywhere)
        {
            if (facts.BodyDimensions.Any(b => b.Value == m.Value)) continue;
            bodyText ??= BodyText(context.Claims, outline);
            if (Mentioned(bodyText, m.Value, facts.ScopeSegments.GetValueOrDefault(m.Value), context.Knowledge.Dimensions)) continue;
            var places = new List<string>();
            var seg = facts.SegmentationDimensions.FirstOrDefault(x => x.Value == m.Value);
            var toc = facts.ContentsDimensions.FirstOrDefault(x => x.Value == m.Value);
            var sc = facts.ScopeDimensions.FirstOrDefault(x => x.Value == m.Value);
            if (sc is not null) places.Add($"the scope (line {Line(sc)})");
            if (seg is not null) places.Add($"the segmentation list (line {Line(seg)})");
            if (toc is not null) places.Add($"the contents (line {Line(toc)})");
            var finding = context.Report(m.Span, $"{m.Text} appears in {ScopeText.Names(places)} but nowhere in the analysis: add the {m.Text} analysis or remove it from the lists.");
            foreach (var other in new[] { sc, seg, toc }.Where(x => x is not null && x != m))
                finding.Related.Add(new RelatedLocation(context.Locate(other!.Span), $"{m.Text} is listed here too"));
        }
    }

    /// <summary>
    /// The body statements' text joined by line breaks, in lower case: copied from the statements' spans into one string,
    /// so that no statement is made a string of its own for it.
    /// </summary>
    private static string BodyText(ClaimsModel claims, ReportOutline outline)
    {
        int length = -1;
        foreach (var st in claims.StatementSpan)
            if (outline.IsBody(st.Block)) length += st.Chars.Length + 1;
        if (length <= 0) return string.Empty;
        return string.Create(length, (claims, outline), static (chars, state) =>
        {
            int at = 0;
            bool first = true;
            foreach (var st in state.claims.StatementSpan)
            {
                if (!state.outline.IsBody(st.Block)) continue;
                if (!first) chars[at++] = '\n';
                first = false;
                st.Chars.CopyTo(chars[at..]);
                at += st.Chars.Length;
            }
        }).ToLowerInvariant();
    }

    /// <summary>Each dimension's earliest mention (the first listed among equals), in document order (dimensions first
    /// mentioned at one place in the order they came). Plain loops: this runs for every report.</summary>
    private static List<Mention<Dimension>> First(IEnumerable<Mention<Dimension>> mentions)
    {
        var firsts = new List<Mention<Dimension>>();
        var at = new Dictionary<Dimension, int>();
        foreach (var m in mentions)
        {
            if (!at.TryGetValue(m.Value, out int i)) { at[m.Value] = firsts.Count; firsts.Add(m); }
            else if (m.Span.Start < firsts[i].Span.Start) firsts[i] = m;
        }
        // A stable insertion sort: the lists are short.
        for (int i = 1; i < firsts.Count; i++)
            for (int j = i; j > 0 && firsts[j - 1].Span.Start > firsts[j].Span.Start; j--)
                (firsts[j - 1], firsts[j]) = (firsts[j], firsts[j - 1]);
        return firsts;
    }

    /// <summary>The body talks about a dimension when it names it or one of the segments the scope lists under it.</summary>
    private static bool Mentioned(string bodyText, Dimension dimension, List<string>? segments, SegmentDimensions dims)
    {
        var words = new List<string> { dimension.Name.ToLowerInvariant(), dimension.Name.ToLowerInvariant().Replace(' ', '-') };
        if (segments is not null) words.AddRange(segments.Select(s => s.ToLowerInvariant()));
        return words.Any(w => w.Length >= 3 && ContainsWord(bodyText, w));
    }

    private static bool ContainsWord(string text, string word)
    {
        int from = 0;
        while (true)
        {
            int i = text.IndexOf(word, from, StringComparison.Ordinal);
            if (i < 0) return false;
            bool left = i == 0 || !char.IsLetter(text[i - 1]);
            int e = i + word.Length;
            bool right = e >= text.Length || !char.IsLetter(text[e]) || text[e] == 's' && (e + 1 >= text.Length || !char.IsLetter(text[e + 1]));
            if (left && right) return true;
            from = i + 1;
        }
    }
}
