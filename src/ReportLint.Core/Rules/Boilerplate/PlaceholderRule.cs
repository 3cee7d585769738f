using ReportLint.Core.Documents;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Boilerplate;

/// <summary>RL303: template text nobody filled in ("USD XX billion", "[Company Name]", "{{market}}", "TBD").</summary>
public sealed class PlaceholderRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL303", "placeholder", RuleFamily.Boilerplate, Severity.Warning,
        "Unfilled template text: XX, $$, [Company Name], {{…}}, <insert …>, TBD, lorem ipsum, N/A where a figure is expected.",
        "Report drafts are built from templates, and a placeholder that survives into the draft ships as a visible hole: "
        + "\"valued at USD XX billion\", \"growing at a CAGR of $%\", \"[Company Name] leads the market\". The patterns are "
        + "data (rules/placeholders.yaml), most specific first; where two overlap, only the more specific is reported, "
        + "so each hole is named once, by what it stands for.",
        "The market is expected to reach USD XX billion by 2032, led by [Company Name].",
        "The market is expected to reach USD 3.52 billion by 2032, led by Tencent.");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var placeholders = context.Knowledge.Placeholders;
        var blocks = context.Document.Blocks.Where(b => b.Kind != BlockKind.Comment).ToList();
        var absent = placeholders.AbsentFrom(blocks);
        foreach (var block in blocks)
        {
            foreach (var match in placeholders.Find(block.Text, block.Span.Start, absent))
            {
                var finding = context.Report(match.Span, match.Message + ".");
                finding.Properties["placeholder"] = match.Pattern.Id;
            }
        }
    }
}
