using ReportLint.Core.Claims;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules.Scope;

/// <summary>RL403: companies discussed in the report that "Companies covered" leaves out.</summary>
public sealed class CompanyCoverageRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL403", "company-coverage", RuleFamily.Scope, Severity.Warning,
        "Companies named in the report are missing from \"Companies covered\".",
        "Finds the companies the body names after cues such as \"players like\", \"platforms such as\" or \"giants such as\", and "
        + "compares them with the scope table's \"Companies covered\", matching names as a reader would: \"Netflix, Inc.\" is Netflix, "
        + "\"Naver Corporation\" is Naver, \"Tencent Holdings Ltd.\" covers Tencent Video.",
        "Companies covered: | Netflix, Inc., Tencent Holdings Ltd. |   …while the body says \"platforms such as Netflix and Hulu\"",
        "Companies covered: | Netflix, Inc., Hulu LLC, Tencent Holdings Ltd. |");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var field = context.Claims.Outline.CompaniesCovered;
        if (field is null) return;
        var facts = context.Claims.Scope;
        if (facts.ListedCompanies.Count == 0) return;
        var names = context.Knowledge.Companies;
        // Each name normalised once: every mentioned name is compared with every listed one.
        var listed = facts.ListedCompanies.Select(names.Normalize).ToList();
        var missing = new List<Mention<string>>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var company in facts.BodyCompanies)
        {
            var name = names.Normalize(company.Value);
            // The first mention of each name not listed, in the order the body names them.
            if (!listed.Any(l => CompanyNames.Covers(l, name)) && reported.Add(string.Join(' ', name))) missing.Add(company);
        }
        if (missing.Count == 0) return;
        var finding = context.Report(field.ValueSpan,
            "Companies covered omits companies the report discusses: " + ScopeText.WithLines(missing.Select(m => (m.Value, context.Locate(m.Span).Line))) + ".");
        foreach (var m in missing) finding.Related.Add(new RelatedLocation(context.Locate(m.Span), $"{m.Value} is named here"));
        finding.Fixes.Add(new SuggestedFix("Add the missing companies to Companies covered",
            [new TextEdit(context.Locate(new Documents.TextSpan(field.ValueSpan.End, field.ValueSpan.End)), ", " + string.Join(", ", missing.Select(m => m.Value)))]));
    }
}
