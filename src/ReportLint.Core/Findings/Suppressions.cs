using ReportLint.Core.Documents;
using ReportLint.Core.Rules;

namespace ReportLint.Core.Findings;

public enum DirectiveKind { Disable, Enable, DisableLine, DisableNextLine, DisableFile }

/// <summary>
/// One <c>&lt;!-- reportlint-… --&gt;</c> comment: what it does, the rules it names as written (none = every rule),
/// and the reason after <c>--</c>.
/// </summary>
public sealed record SuppressionDirective(DirectiveKind Kind, IReadOnlyList<string> Rules, string? Reason, TextSpan Span)
{
    private static readonly (string Word, DirectiveKind Kind)[] Words =
    [
        ("reportlint-disable-next-line", DirectiveKind.DisableNextLine),
        ("reportlint-disable-line", DirectiveKind.DisableLine),
        ("reportlint-disable-file", DirectiveKind.DisableFile),
        ("reportlint-disable", DirectiveKind.Disable),
        ("reportlint-enable", DirectiveKind.Enable),
    ];

    public string Word => Words.First(w => w.Kind == Kind).Word;

    /// <summary>Reads a comment's body ("reportlint-disable RL301, cagr-mismatch -- quoted from the client"), or null.</summary>
    public static SuppressionDirective? Parse(string body, TextSpan span)
    {
        var text = body.AsSpan().Trim();
        foreach (var (word, kind) in Words)
        {
            if (!text.StartsWith(word, StringComparison.Ordinal)) continue;
            var rest = text[word.Length..];
            if (rest.Length > 0 && !char.IsWhiteSpace(rest[0])) continue; // another word that starts alike
            string? reason = null;
            int dashes = IndexOfReasonMark(rest);
            if (dashes >= 0)
            {
                reason = rest[(dashes + 2)..].Trim().ToString();
                rest = rest[..dashes];
                if (reason.Length == 0) reason = null;
            }
            var rules = rest.ToString().Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new SuppressionDirective(kind, rules, reason, span);
        }
        return null;
    }

    /// <summary>"--" standing on its own (after white space), as in ESLint's "eslint-disable rule -- reason".</summary>
    private static int IndexOfReasonMark(ReadOnlySpan<char> s)
    {
        for (int i = 0; i + 1 < s.Length; i++)
            if (s[i] == '-' && s[i + 1] == '-' && (i == 0 || char.IsWhiteSpace(s[i - 1])) && (i + 2 == s.Length || char.IsWhiteSpace(s[i + 2])))
                return i;
        return -1;
    }
}

/// <summary>
/// The stage after the rules: applies the document's inline suppression comments to the findings, and reports the
/// comments that suppressed nothing or name no known rule (as ESLint's unused-directive check does), so stale
/// suppressions do not pile up and hide the next real problem.
/// <list type="bullet">
/// <item><c>&lt;!-- reportlint-disable RL301 -- reason --&gt;</c> … <c>&lt;!-- reportlint-enable RL301 --&gt;</c>: a region (to the end of the file if never enabled)</item>
/// <item><c>&lt;!-- reportlint-disable-next-line RL301 --&gt;</c>, <c>&lt;!-- reportlint-disable-line RL301 --&gt;</c>: one line</item>
/// <item><c>&lt;!-- reportlint-disable-file RL301 --&gt;</c>: the whole file</item>
/// </list>
/// Rules are named by id or name, separated by commas or spaces; naming none means every rule.
/// </summary>
public static class Suppressions
{
    public static readonly RuleDescriptor UnusedSuppression = new(
        "RL001", "unused-suppression", RuleFamily.Meta, Severity.Warning,
        "A reportlint suppression comment suppresses nothing, or names a rule that does not exist.",
        "Inline comments such as <!-- reportlint-disable-next-line RL101 -- reason --> silence findings. Once the text they "
        + "covered is fixed or moved, they silence nothing, and later hide a new problem in the same place without anyone "
        + "deciding so. ReportLint reports every disable comment that suppressed no finding, every enable comment that "
        + "re-enabled nothing, and every rule name it does not know (a typo suppresses nothing). Comments naming a rule "
        + "that the configuration turns off are not reported.",
        "<!-- reportlint-disable-next-line RL101 -- figures quoted from the client -->\nThe market was USD 1.45 billion in 2025 and will reach USD 3.52 billion by 2032, a CAGR of 13.5% from 2025 to 2032.",
        "The market was USD 1.45 billion in 2025 and will reach USD 3.52 billion by 2032, a CAGR of 13.5% from 2025 to 2032.");

    private const string AllRules = "*";

    /// <summary>The directives among a document's comments, in order.</summary>
    public static IReadOnlyList<SuppressionDirective> Directives(ReportDocument document) =>
        document.Comments
            .Select(c => SuppressionDirective.Parse(HtmlComments.Body(document.Text, c), c))
            .OfType<SuppressionDirective>()
            .ToList();

    /// <summary>A stretch of text where one rule (or every rule) is silenced, and the directive that silences it.</summary>
    private sealed class Scope(SuppressionDirective directive, string rule, int start, int end, int? line)
    {
        public SuppressionDirective Directive { get; } = directive;
        public string Rule { get; } = rule;
        public int Start { get; } = start;
        public int End { get; set; } = end;
        /// <summary>For line directives: the one line they cover.</summary>
        public int? Line { get; } = line;
        public bool Used { get; set; }

        public bool Covers(Finding f) =>
            (Rule == AllRules || Rule == f.Rule.Id)
            && (Line is { } l ? f.Location.Line == l : f.Location.Span.Start >= Start && f.Location.Span.Start < End);
    }

    /// <summary>
    /// Marks the findings that a directive covers as suppressed, and returns the RL001 findings for directives that
    /// covered nothing (none when RL001 is turned off).
    /// </summary>
    public static IReadOnlyList<Finding> Apply(ReportDocument document, IReadOnlyList<Finding> findings, IReadOnlyList<RuleDescriptor> rules,
        Func<RuleDescriptor, bool> isEnabled, Severity? unusedSeverity = null)
    {
        var directives = Directives(document);
        if (directives.Count == 0) return [];
        var problems = new List<(SuppressionDirective Directive, string Message, bool Removable)>();
        var scopes = new List<Scope>();
        var enables = new List<(SuppressionDirective Directive, string Rule, bool Closed)>();
        var open = new Dictionary<string, Scope>(StringComparer.Ordinal);
        var source = document.Source;

        foreach (var directive in directives)
        {
            var named = new List<string>();
            foreach (var written in directive.Rules)
            {
                var rule = rules.FirstOrDefault(d => d.IsNamed(written));
                if (rule is null) problems.Add((directive, $"Unknown rule '{written}' in a {directive.Word} comment: it suppresses nothing.", false));
                else if (isEnabled(rule)) named.Add(rule.Id);
                // A rule turned off in the configuration cannot fire here, so its directives are neither applied nor reported.
            }
            if (directive.Rules.Count == 0) named.Add(AllRules);
            int commentLine = source.GetPosition(directive.Span.Start).Line;
            int endLine = source.GetPosition(Math.Max(directive.Span.Start, directive.Span.End - 1)).Line;
            foreach (var rule in named)
            {
                switch (directive.Kind)
                {
                    case DirectiveKind.Disable:
                        if (!open.ContainsKey(rule)) open[rule] = Add(new Scope(directive, rule, directive.Span.End, source.Length, null));
                        break;
                    case DirectiveKind.Enable:
                        bool closed = false;
                        foreach (var key in open.Keys.Where(k => rule == AllRules || k == rule).ToList())
                        {
                            open[key].End = directive.Span.Start;
                            open.Remove(key);
                            closed = true;
                        }
                        enables.Add((directive, rule, closed));
                        break;
                    case DirectiveKind.DisableLine:
                        Add(new Scope(directive, rule, 0, 0, commentLine));
                        break;
                    case DirectiveKind.DisableNextLine:
                        Add(new Scope(directive, rule, 0, 0, endLine + 1));
                        break;
                    case DirectiveKind.DisableFile:
                        Add(new Scope(directive, rule, 0, source.Length, null));
                        break;
                }
            }
        }

        foreach (var finding in findings)
        {
            foreach (var scope in scopes.Where(s => s.Covers(finding)))
            {
                scope.Used = true;
                finding.Suppression ??= new FindingSuppression(SuppressionKind.InSource,
                    scope.Directive.Reason ?? $"{scope.Directive.Word} comment on line {source.GetPosition(scope.Directive.Span.Start).Line}");
            }
        }

        if (!isEnabled(UnusedSuppression)) return [];
        foreach (var group in scopes.Where(s => !s.Used).GroupBy(s => s.Directive))
        {
            var directive = group.Key;
            bool whole = scopes.Where(s => s.Directive == directive).All(s => !s.Used) && directive.Rules.All(r => rules.Any(d => d.IsNamed(r)));
            string what = group.Any(s => s.Rule == AllRules) ? "no finding" : "no " + string.Join(" or ", group.Select(s => s.Rule)) + " finding";
            string where = directive.Kind switch
            {
                DirectiveKind.DisableLine => " on its line",
                DirectiveKind.DisableNextLine => " on the next line",
                DirectiveKind.DisableFile => " in this file",
                _ => " after it",
            };
            problems.Add((directive, $"Unused {directive.Word} comment: {what}{where} to suppress.", whole));
        }
        foreach (var (directive, rule, _) in enables.Where(e => !e.Closed))
            problems.Add((directive, $"Unused {directive.Word} comment: {(rule == AllRules ? "no rule" : rule)} was disabled before it.", true));

        var reported = new List<Finding>();
        foreach (var (directive, message, removable) in problems.OrderBy(p => p.Directive.Span.Start))
        {
            var finding = new Finding(UnusedSuppression, unusedSeverity ?? UnusedSuppression.DefaultSeverity, message, SourceLocation.From(document, directive.Span));
            if (removable && !reported.Any(r => r.Location.Span == directive.Span && r.Fixes.Count > 0))
                finding.Fixes.Add(new SuggestedFix("Remove the comment", [new TextEdit(SourceLocation.From(document, directive.Span), "")]));
            reported.Add(finding);
        }
        return reported;

        Scope Add(Scope scope)
        {
            scopes.Add(scope);
            return scope;
        }
    }
}
