using ReportLint.Core.Documents;

namespace ReportLint.Core.Extraction;

/// <summary>How a figure was qualified in the text ("about", "nearly", "over").</summary>
public enum Hedge
{
    None,
    /// <summary>approximately, about, around, roughly: within ±5 %.</summary>
    Approximately,
    /// <summary>nearly, almost, close to, up to, just under: at most the number, within 5 % below it.</summary>
    AtMost,
    /// <summary>over, more than, exceeding, above, surpassing, at least: at least the number, within 10 % above it.</summary>
    AtLeast,
    /// <summary>less than, under, below: under the number, within 10 %.</summary>
    Below,
}

public static class Hedges
{
    /// <summary>
    /// A hedge narrows a number to the part of its rounding interval that the hedge allows:
    /// "nearly USD 1 trillion" is [0.95, 1.0] trillion, not the [0.5, 1.5] that "1 trillion" alone would print as.
    /// </summary>
    public static Interval Apply(Interval rounding, double value, Hedge hedge)
    {
        double m = Math.Abs(value);
        Interval band = hedge switch
        {
            Hedge.Approximately => new(value - 0.05 * m, value + 0.05 * m),
            Hedge.AtMost => new(value - 0.05 * m, value),
            Hedge.AtLeast => new(value, value + 0.10 * m),
            Hedge.Below => new(value - 0.10 * m, value),
            _ => rounding,
        };
        var narrowed = rounding.Intersect(band);
        return narrowed.IsEmpty ? band : narrowed;
    }

    /// <summary>
    /// What a hedged figure can be when comparing two statements of it: "over USD 1 billion" is true of any value above
    /// one billion, so it only contradicts a smaller one. (The CAGR check uses the bounded band of <see cref="Apply"/>.)
    /// </summary>
    public static Interval Loose(Interval rounding, double value, Hedge hedge)
    {
        double m = Math.Abs(value);
        return hedge switch
        {
            Hedge.Approximately => rounding.Hull(new Interval(value - 0.05 * m, value + 0.05 * m)),
            Hedge.AtMost or Hedge.Below => new Interval(double.NegativeInfinity, rounding.High),
            Hedge.AtLeast => new Interval(rounding.Low, double.PositiveInfinity),
            _ => rounding,
        };
    }

    public static string Describe(Hedge hedge) => hedge switch
    {
        Hedge.Approximately => "approximately",
        Hedge.AtMost => "at most",
        Hedge.AtLeast => "at least",
        Hedge.Below => "under",
        _ => "",
    };
}

public enum FigureKind { Money, Percent, PercentagePoints, Year, Period, Number }

/// <summary>A number found in the text, with what it measures and exactly where it is.</summary>
public abstract class Figure
{
    protected Figure(TextSpan span, string raw)
    {
        Span = span;
        Raw = raw;
    }

    public TextSpan Span { get; }
    public string Raw { get; }
    public abstract FigureKind Kind { get; }
    public override string ToString() => $"{Kind} '{Raw}' {Span}";
}

public sealed class Scale
{
    private Scale(string name, double multiplier) { Name = name; Multiplier = multiplier; }
    public string Name { get; }
    public double Multiplier { get; }

    public static readonly Scale Unit = new("", 1);
    public static readonly Scale Thousand = new("thousand", 1e3);
    public static readonly Scale Lakh = new("lakh", 1e5);
    public static readonly Scale Million = new("million", 1e6);
    public static readonly Scale Crore = new("crore", 1e7);
    public static readonly Scale Billion = new("billion", 1e9);
    public static readonly Scale Trillion = new("trillion", 1e12);

    public static Scale? Parse(ReadOnlySpan<char> word) => word switch
    {
        "thousand" or "Thousand" or "k" or "K" or "thousands" or "Thousands" => Thousand,
        "million" or "Million" or "MILLION" or "millions" or "Millions" or "mn" or "Mn" or "MN" or "mln" or "Mln" or "m" or "M" or "MM" or "Mio" => Million,
        "billion" or "Billion" or "BILLION" or "billions" or "Billions" or "bn" or "Bn" or "BN" or "bln" or "b" or "B" => Billion,
        "trillion" or "Trillion" or "TRILLION" or "trillions" or "tn" or "Tn" or "TN" or "T" => Trillion,
        "crore" or "Crore" or "crores" or "Crores" or "cr" or "Cr" => Crore,
        "lakh" or "Lakh" or "lakhs" or "Lakhs" or "lac" or "lacs" => Lakh,
        _ => null,
    };

    /// <summary>Scale words that are only units when glued to a number or after a currency: "$1.45B", "USD 3 M".</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) => word.Length <= 2 && word is not ("bn" or "Bn" or "BN" or "mn" or "Mn" or "MN" or "tn" or "Tn" or "cr" or "Cr");

    public override string ToString() => Name;
}

/// <summary>An amount of money: "USD 1.45 billion", "$1.45B", "US$ 6,762.2 Mn", "€2.1bn".</summary>
public sealed class MoneyFigure : Figure
{
    public MoneyFigure(TextSpan span, string raw, PrintedNumber amount, Scale scale, string? currency, Hedge hedge)
        : base(span, raw)
    {
        Amount = amount;
        Scale = scale;
        Currency = currency;
        Hedge = hedge;
    }

    public PrintedNumber Amount { get; }
    public Scale Scale { get; }
    /// <summary>ISO-like code (USD, EUR, …), or null when the text gives a scale but no currency.</summary>
    public string? Currency { get; }
    public Hedge Hedge { get; }
    public override FigureKind Kind => FigureKind.Money;

    /// <summary>The value in currency units, as stated.</summary>
    public double Value => (double)Amount.Value * Scale.Multiplier;

    /// <summary>What the printed figure stands for, in currency units: its rounding interval narrowed by its hedge.</summary>
    public Interval Interval => Hedges.Apply(Amount.Interval * Scale.Multiplier, Value, Hedge);

    /// <summary>Every value the statement is compatible with (one-sided for "over"/"nearly").</summary>
    public Interval LooseInterval => Hedges.Loose(Amount.Interval * Scale.Multiplier, Value, Hedge);

    /// <summary>The amount as a reader should see it: the printed text, completed with the unit a table column stated ("USD 10.0 billion").</summary>
    public string Display => Raw.Any(char.IsLetter) || Raw.Any(c => c is '$' or '€' or '£' or '¥' or '₹')
        ? Raw.Trim()
        : $"{(Currency is null ? "" : Currency + " ")}{Raw.Trim()}{(Scale.Name.Length > 0 ? " " + Scale.Name : "")}";
}

/// <summary>A percentage ("13.5%", "13.50 %", "13.5 percent") or a change in percentage points.</summary>
public sealed class PercentFigure : Figure
{
    public PercentFigure(TextSpan span, string raw, PrintedNumber number, bool isPoints, Hedge hedge) : base(span, raw)
    {
        Number = number;
        IsPoints = isPoints;
        Hedge = hedge;
    }

    public PrintedNumber Number { get; }
    public bool IsPoints { get; }
    public Hedge Hedge { get; }
    public override FigureKind Kind => IsPoints ? FigureKind.PercentagePoints : FigureKind.Percent;

    /// <summary>The value in percent (13.5 for "13.5%").</summary>
    public double Value => (double)Number.Value;

    /// <summary>The interval in percent, narrowed by any hedge.</summary>
    public Interval Interval => Hedges.Apply(Number.Interval, Value, Hedge);

    /// <summary>Every value the statement is compatible with (one-sided for "over"/"nearly").</summary>
    public Interval LooseInterval => Hedges.Loose(Number.Interval, Value, Hedge);
}

/// <summary>A year: "2025", "FY2025", "2030F", "2025E".</summary>
public sealed class YearFigure : Figure
{
    public YearFigure(TextSpan span, string raw, int year, string? preposition) : base(span, raw)
    {
        Year = year;
        Preposition = preposition;
    }

    public int Year { get; }
    /// <summary>The word before the year, lower case ("in", "by", "through", "from"), if any.</summary>
    public string? Preposition { get; }
    /// <summary>True when the year is the end or start of a period figure.</summary>
    public bool InPeriod { get; internal set; }
    public override FigureKind Kind => FigureKind.Year;
}

/// <summary>A span of years: "2025-2032", "2025 To 2032", "from 2025 to 2032", "between 2025 and 2032".</summary>
public sealed class PeriodFigure : Figure
{
    public PeriodFigure(TextSpan span, string raw, int from, int to) : base(span, raw)
    {
        From = from;
        To = to;
    }

    public int From { get; }
    public int To { get; }
    public int Years => To - From;
    public override FigureKind Kind => FigureKind.Period;
    public override string ToString() => $"Period {From}–{To} {Span}";
}

/// <summary>Any other number ("190 pages", "32 tables"): counted for coverage, not checked.</summary>
public sealed class NumberFigure : Figure
{
    public NumberFigure(TextSpan span, string raw, PrintedNumber number, Scale scale, Hedge hedge) : base(span, raw)
    {
        Number = number;
        Scale = scale;
        Hedge = hedge;
    }

    public PrintedNumber Number { get; }
    public Scale Scale { get; }
    public Hedge Hedge { get; }
    public override FigureKind Kind => FigureKind.Number;
}
