using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;

namespace ReportLint.Core.Claims;

public enum SubjectKind { Market, Region, Country, Segment, Unknown }

/// <summary>What a figure is about: the report's market as a whole, a region or country, or a segment.</summary>
public sealed record Subject(SubjectKind Kind, string Name)
{
    public static readonly Subject Market = new(SubjectKind.Market, "the market");
    public static readonly Subject Unknown = new(SubjectKind.Unknown, "(unclear)");
    public string Key => Kind == SubjectKind.Market ? "" : Kind + ":" + Name.ToLowerInvariant();
    public bool IsKnown => Kind != SubjectKind.Unknown;
    public override string ToString() => Name;
}

/// <summary>A stated market size: "USD 1.45 billion in 2025" (for the market, a region or a segment).</summary>
public sealed class ValueClaim
{
    public ValueClaim(Subject subject, MoneyFigure figure, int year, Statement statement, TextSpan? yearSpan)
    {
        Subject = subject;
        Figure = figure;
        Year = year;
        Statement = statement;
        YearSpan = yearSpan;
    }

    public Subject Subject { get; }
    public MoneyFigure Figure { get; }
    public int Year { get; }
    public Statement Statement { get; }
    public TextSpan? YearSpan { get; }
    public Interval Interval => Figure.Interval;
    public override string ToString() => $"{Subject}: {Figure.Raw} in {Year}";
}

/// <summary>The years a growth rate is said to apply to, and where that came from.</summary>
public sealed record ForecastWindow(int? From, int? To, int? Length, string Source, TextSpan? Span)
{
    public int? Years => Length ?? (From is { } f && To is { } t ? t - f : null);
    public override string ToString() => From is { } f && To is { } t ? $"{f}–{t}" : Length is { } l ? $"{l} years" : To is { } e ? $"through {e}" : "?";
}

/// <summary>A compound annual growth rate: "a CAGR of 13.5% from 2025 to 2032".</summary>
public sealed class RateClaim
{
    public RateClaim(Subject subject, PercentFigure figure, bool declining, ForecastWindow? window, Statement statement)
    {
        Subject = subject;
        Figure = figure;
        Declining = declining;
        Window = window;
        Statement = statement;
    }

    public Subject Subject { get; }
    public PercentFigure Figure { get; }
    /// <summary>The text says the market shrinks ("declining at a CAGR of 3.1%"), so the rate is negative.</summary>
    public bool Declining { get; }
    public ForecastWindow? Window { get; }
    public Statement Statement { get; }

    /// <summary>The signed rate in percent, as an interval from its printed precision and hedge.</summary>
    public Interval Percent => Declining && Figure.Value > 0 ? Figure.Interval * -1 : Figure.Interval;
    public double SignedValue => Declining && Figure.Value > 0 ? -Figure.Value : Figure.Value;
    public override string ToString() => $"{Subject}: {Figure.Raw} CAGR {Window}";
}

/// <summary>A share of the market held by a segment or region: "Romance accounted for 38.2% of revenue".</summary>
public sealed class ShareClaim
{
    public ShareClaim(Subject subject, PercentFigure figure, int? year, Statement statement)
    {
        Subject = subject;
        Figure = figure;
        Year = year;
        Statement = statement;
    }

    public Subject Subject { get; }
    public PercentFigure Figure { get; }
    public int? Year { get; }
    public Statement Statement { get; }
    public override string ToString() => $"{Subject}: {Figure.Raw} share";
}

/// <summary>
/// A growth statement ready to check: a rate, the value it should lead to, and the value(s) it may start from,
/// with the spans of years to try (the value years and the stated window, when they differ).
/// </summary>
public sealed class GrowthClaim
{
    public GrowthClaim(RateClaim rate, IReadOnlyList<ValueClaim> starts, ValueClaim end, IReadOnlyList<int> windowSpans)
    {
        Rate = rate;
        Starts = starts;
        End = end;
        WindowSpans = windowSpans;
    }

    public RateClaim Rate { get; }
    public IReadOnlyList<ValueClaim> Starts { get; }
    public ValueClaim End { get; }
    /// <summary>Spans stated by the window ("2025–2032", "the next seven years"), tried besides the value years.</summary>
    public IReadOnlyList<int> WindowSpans { get; }
    public Subject Subject => Rate.Subject;

    public IEnumerable<int> SpansFor(ValueClaim start) =>
        new[] { End.Year - start.Year }.Concat(WindowSpans).Where(n => n > 0).Distinct();

    public IEnumerable<Statement> Statements => Starts.Select(s => s.Statement).Append(End.Statement).Append(Rate.Statement).Distinct();
}

/// <summary>The periods a report declares: base year, historical data, forecast period.</summary>
public sealed class ReportPeriods
{
    public int? BaseYear { get; internal set; }
    public TextSpan? BaseYearSpan { get; internal set; }
    public PeriodFigure? Historical { get; internal set; }
    public PeriodFigure? Forecast { get; internal set; }
}
