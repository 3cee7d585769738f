using ReportLint.Core.Extraction;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Arithmetic;

/// <summary>RL105: figures that cannot be right whatever else the report says.</summary>
public sealed class ImplausibleFigureRule : Rule
{
    public static readonly RuleOption MaxRate = new("maxRate", OptionKind.Number, "100",
        "Largest plausible compound annual growth rate, in percent a year (either sign).", 1, 10000);

    public static readonly RuleDescriptor Rule = new(
        "RL105", "implausible-figure", RuleFamily.Arithmetic, Severity.Error,
        "A figure is impossible or implausible on its own.",
        "Flags a market share above 100 %, a negative market size, a compound annual growth rate beyond ±100 % a year "
        + "(configurable), and a year outside 1900–2100 where the text uses it as a year.",
        "Romance accounted for 112% of revenue in 2025.",
        "Romance accounted for 41.2% of revenue in 2025.",
        [MaxRate]);

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var claims = context.Claims;
        foreach (var share in claims.Shares)
            if (share.Figure.Value > 100)
                context.Report(share.Figure.Span, $"A share of {share.Figure.Raw.Trim()} is more than the whole: shares cannot exceed 100 %.");
        foreach (var value in claims.Values)
            if (value.Figure.Value < 0)
                context.Report(value.Figure.Span, $"A market size cannot be negative: {value.Figure.Display} in {value.Year}.");
        double maxRate = context.Settings.Number(MaxRate);
        foreach (var rate in claims.Rates)
            if (Math.Abs(rate.SignedValue) > maxRate)
                context.Report(rate.Figure.Span, $"A CAGR of {rate.Figure.Raw.Trim()} a year is implausible (beyond ±{maxRate:0.##} % a year): check for a total change written as an annual rate.", Severity.Warning);
        // Over spans of every statement's figures (a LINQ chain over all figures dispatched through interfaces at each step).
        foreach (var statement in claims.StatementSpan)
            foreach (var figure in statement.FigureSpan)
                if (figure is YearFigure { Year: < 1900 or > 2100 } year)
                    context.Report(year.Span, $"The year {year.Raw} is outside 1900–2100: probably a typo.");
    }
}
