using ReportLint.Core.Claims;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Arithmetic;

/// <summary>RL102: words that say growth next to figures that say decline, or the reverse.</summary>
public sealed class GrowthDirectionRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL102", "growth-direction", RuleFamily.Arithmetic, Severity.Error,
        "The wording says the market grows while its figures say it shrinks, or the reverse.",
        "Checks each growth statement's verb against its figures: \"growing\", \"expanding\", \"climb\", \"reach\" with a negative "
        + "rate or an end value below the start, and \"shrink\", \"contract\", \"fall to\", \"decline\" with an end value above the start.",
        "The market is expected to grow from USD 3.2 billion in 2025 to USD 2.7 billion by 2032, at a CAGR of -2.4%.",
        "The market is expected to decline from USD 3.2 billion in 2025 to USD 2.7 billion by 2032, at a CAGR of -2.4%.");

    public override RuleDescriptor Descriptor => Rule;

    private static readonly string[] GrowthWords = ["growing", "grow ", "grows", "grew", "expanding", "expand", "climb", "rising", "rise ", "rises", "increase", "increasing", "surge", "soar", "reach"];
    private static readonly string[] DeclineWords = ["declin", "shrink", "contract", "fall to", "falls to", "fall from", "falling", "drop to", "drops to", "decreas", "dwindl"];

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<Statement>();
        foreach (var rate in context.Claims.Rates)
        {
            // "growing at a CAGR of -2.4%": a minus sign under a word of growth.
            if (rate.Figure.Value < 0 && WordBefore(rate.Statement, rate.Figure.Span.Start, GrowthWords) is { } word && reported.Add(rate.Statement))
                context.Report(rate.Figure.Span, $"\"{word.Trim()}\" describes a negative CAGR of {rate.Figure.Raw.Trim()}: a market that shrinks does not grow; say \"decline\" or check the sign.");
        }
        foreach (var growth in context.Claims.Growth)
        {
            var end = growth.End;
            var start = growth.Starts.OrderBy(s => Math.Abs(end.Year - s.Year)).First();
            bool falls = end.Figure.Interval.High < start.Figure.Interval.Low;
            bool rises = end.Figure.Interval.Low > start.Figure.Interval.High;
            // Only the words can be wrong when the rate and the values agree with each other; otherwise RL101 reports the arithmetic.
            if (!(falls && growth.Rate.SignedValue < 0 || rises && growth.Rate.SignedValue > 0)) continue;
            var statement = end.Statement;
            if (reported.Contains(statement) || reported.Contains(growth.Rate.Statement)) continue;
            var wrong = falls ? WordBefore(statement, end.Figure.Span.Start, GrowthWords) ?? WordBefore(growth.Rate.Statement, growth.Rate.Figure.Span.Start, GrowthWords)
                              : WordBefore(statement, end.Figure.Span.Start, DeclineWords) ?? WordBefore(growth.Rate.Statement, growth.Rate.Figure.Span.Start, DeclineWords);
            if (wrong is null) continue;
            // Growth words with falling values need an explicit contradiction: "reach" is neutral when a decline word is also there.
            if (falls && (WordBefore(statement, end.Figure.Span.Start, DeclineWords) is not null || growth.Rate.Declining)) continue;
            reported.Add(statement);
            string direction = falls ? "falls" : "rises";
            var finding = context.Report(end.Figure.Span,
                $"\"{wrong.Trim()}\" contradicts the figures: the value {direction} from {start.Figure.Display} ({start.Year}) to {end.Figure.Display} ({end.Year}).");
            finding.Related.Add(new RelatedLocation(context.Locate(start.Figure.Span), "start value"));
        }
    }

    /// <summary>The direction word closest before a figure in the same clause, if any.</summary>
    private static string? WordBefore(Statement statement, int offset, string[] words)
    {
        int local = Math.Clamp(offset - statement.Span.Start, 0, statement.Text.Length);
        string before = statement.Text[Math.Max(0, local - 90)..local].ToLowerInvariant();
        int cut = Math.Max(before.LastIndexOf(';'), Math.Max(before.LastIndexOf(" while ", StringComparison.Ordinal), before.LastIndexOf(" whereas ", StringComparison.Ordinal)));
        if (cut >= 0) before = before[(cut + 1)..];
        string? best = null;
        int bestAt = -1;
        foreach (var w in words)
        {
            int at = before.LastIndexOf(w, StringComparison.Ordinal);
            if (at > bestAt && (at == 0 || !char.IsLetter(before[at - 1]))) { bestAt = at; best = w; }
        }
        return best;
    }
}
