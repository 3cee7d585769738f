using FluentAssertions;
using ReportLint.Core.Extraction;
using Xunit;

namespace ReportLint.Tests;

public sealed class FigureScannerTests
{
    [Theory]
    [InlineData("USD34.6 million", "USD", 34.6e6, 1)]
    [InlineData("$1.45B", "USD", 1.45e9, 2)]
    [InlineData("US$ 6,762.2 Mn", "USD", 6762.2e6, 1)]
    [InlineData("USD 1,450 million", "USD", 1450e6, 0)]
    [InlineData("€2.1bn", "EUR", 2.1e9, 1)]
    [InlineData("EUR 2.1 billion", "EUR", 2.1e9, 1)]
    [InlineData("£850M", "GBP", 850e6, 0)]
    [InlineData("¥3.2 trillion", "JPY", 3.2e12, 1)]
    [InlineData("RMB 45 billion", "CNY", 45e9, 0)]
    [InlineData("INR 1,200 crore", "INR", 1200e7, 0)]
    [InlineData("₹50 lakh", "INR", 50e5, 0)]
    [InlineData("1.45 billion USD", "USD", 1.45e9, 2)]
    [InlineData("USD 12.4 Bn", "USD", 12.4e9, 1)]
    [InlineData("US$ 3500", "USD", 3500, 0)]
    [InlineData("$850 thousand", "USD", 850e3, 0)]
    [InlineData("USD 2.3 tn", "USD", 2.3e12, 1)]
    public void Reads_money_as_drafts_write_it(string text, string currency, double value, int decimals)
    {
        var money = FigureScanner.Scan($"valued at {text} in 2025").OfType<MoneyFigure>().Single();
        money.Currency.Should().Be(currency);
        money.Value.Should().BeApproximately(value, value * 1e-12);
        money.Amount.Decimals.Should().Be(decimals);
        money.Raw.Should().Be(text);
    }

    [Theory]
    [InlineData("13.5%", 13.5, 1, false)]
    [InlineData("13.50 %", 13.5, 2, false)]
    [InlineData("13.5 percent", 13.5, 1, false)]
    [InlineData("13.5 per cent", 13.5, 1, false)]
    [InlineData("-2.3%", -2.3, 1, false)]
    [InlineData("−2.3%", -2.3, 1, false)]
    [InlineData("4 percentage points", 4, 0, true)]
    [InlineData("4 pp", 4, 0, true)]
    [InlineData("1.5% points", 1.5, 1, true)]
    public void Reads_percentages_and_tells_points_apart(string text, double value, int decimals, bool points)
    {
        var p = FigureScanner.Scan($"a rate of {text} in 2025").OfType<PercentFigure>().Single();
        p.Value.Should().Be(value);
        p.Number.Decimals.Should().Be(decimals);
        p.IsPoints.Should().Be(points);
    }

    [Theory]
    [InlineData("2025-2032", 2025, 2032)]
    [InlineData("2025–2032", 2025, 2032)]
    [InlineData("2025 to 2032", 2025, 2032)]
    [InlineData("2025 To 2032", 2025, 2032)]
    [InlineData("(2025-2032)", 2025, 2032)]
    [InlineData("between 2025 and 2032", 2025, 2032)]
    [InlineData("from 2025 to 2032", 2025, 2032)]
    [InlineData("2025-32", 2025, 2032)]
    [InlineData("FY2025 to FY2032", 2025, 2032)]
    [InlineData("2025E-2032F", 2025, 2032)]
    public void Reads_periods(string text, int from, int to)
    {
        var p = FigureScanner.Scan($"over {text}, growth").OfType<PeriodFigure>().Single();
        p.From.Should().Be(from);
        p.To.Should().Be(to);
    }

    [Theory]
    [InlineData("approximately USD 2 billion", Hedge.Approximately)]
    [InlineData("about $2B", Hedge.Approximately)]
    [InlineData("nearly USD 1 trillion", Hedge.AtMost)]
    [InlineData("almost USD 1 trillion", Hedge.AtMost)]
    [InlineData("over USD 3 billion", Hedge.AtLeast)]
    [InlineData("more than USD 3 billion", Hedge.AtLeast)]
    [InlineData("exceeding USD 3 billion", Hedge.AtLeast)]
    [InlineData("USD 3 billion", Hedge.None)]
    public void Records_hedges(string text, Hedge hedge) =>
        FigureScanner.Scan($"it will reach {text} by 2030").OfType<MoneyFigure>().Single().Hedge.Should().Be(hedge);

    [Fact]
    public void A_hedged_round_number_gets_a_bounded_interval()
    {
        var nearly = FigureScanner.Scan("nearly USD 1 trillion").OfType<MoneyFigure>().Single();
        nearly.Interval.Contains(849e9).Should().BeFalse();
        nearly.Interval.Contains(0.97e12).Should().BeTrue();
        var bare = FigureScanner.Scan("USD 1 trillion").OfType<MoneyFigure>().Single();
        bare.Interval.Contains(0.6e12).Should().BeTrue("a bare '1 trillion' stands for 0.5–1.5 trillion");
    }

    [Theory]
    [InlineData("5G networks")]
    [InlineData("COVID-19 pandemic")]
    [InlineData("Q3 results")]
    [InlineData("4K streaming")]
    [InlineData("the 2nd largest")]
    public void Leaves_numbers_inside_words_alone(string text) =>
        FigureScanner.Scan(text).Where(f => f.Kind is FigureKind.Money or FigureKind.Percent).Should().BeEmpty();

    [Fact]
    public void Spans_point_at_the_exact_text()
    {
        const string text = "reach USD 3.65 billion by 2032, a CAGR of 13.5%";
        foreach (var f in FigureScanner.Scan(text, 100))
            text.Substring(f.Span.Start - 100, f.Span.Length).Should().Be(f.Raw);
    }

    [Fact]
    public void Unicode_digits_are_numbers()
    {
        var p = FigureScanner.Scan("CAGR of ١٣٫٥% and １２％").OfType<PercentFigure>().ToList();
        p.Should().NotBeEmpty();
    }

    [Fact]
    public void A_huge_number_is_not_a_crash()
    {
        string text = "USD " + new string('9', 5000) + " billion and " + string.Concat(Enumerable.Repeat("1,", 20000)) + "1";
        FigureScanner.Scan(text).Should().NotBeNull();
    }
}
