using ReportLint.Core.Documents;

namespace ReportLint.Core.Output;

/// <summary>
/// What a report that shows the document needs of one linted file (the HTML report): the text as it was linted, a label
/// per line saying where that line is in the file, and the growth statements to chart. Computed by the engine, printed by
/// the formatter.
/// </summary>
public sealed record DocumentView(string Format, string Text, IReadOnlyList<DocumentLine> Lines, IReadOnlyList<GrowthChart> Growth);

/// <summary>
/// One line of the linted text: its 1-based number, its span, and how a person finds it: <see cref="Label"/> is the line
/// number findings use (of the text, or of the HTML source the line starts on), <see cref="Origin"/> the Word paragraph or
/// table row it is ("¶ 12", "T1 R6"), and <see cref="Title"/> the long form of either.
/// </summary>
public sealed record DocumentLine(int Number, TextSpan Span, string Label, string? Title, string? Origin = null);

/// <summary>A year and a value in the chart's unit.</summary>
public readonly record struct ChartPoint(int Year, double Value);

/// <summary>
/// A growth statement as a chart shows it: the stated start and end values, the path the stated CAGR implies from the start
/// (start × (1 + r)^t for each year), where that path ends, and the gap to the stated end value; and, for comparison, the
/// path the stated start and end values imply. Values are in <see cref="Unit"/> (the end value's currency and scale).
/// </summary>
public sealed record GrowthChart(
    string Subject,
    string Unit,
    ChartPoint Start,
    string StartText,
    ChartPoint End,
    string EndText,
    string RateText,
    IReadOnlyList<ChartPoint> ImpliedPath,
    IReadOnlyList<ChartPoint> StatedPath,
    string ImpliedEndText,
    string GapText,
    string ImpliedRateText,
    bool Holds,
    IReadOnlyList<int> Lines,
    TextSpan Span)
{
    public ChartPoint ImpliedEnd => ImpliedPath[^1];
}
