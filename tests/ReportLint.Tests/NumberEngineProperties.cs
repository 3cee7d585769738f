using System.Globalization;
using CsCheck;
using FluentAssertions;
using ReportLint.Core.Extraction;
using ReportLint.Core.Rules.Arithmetic;
using Xunit;

namespace ReportLint.Tests;

/// <summary>Property-based tests of the number engine: parsing round-trips, interval arithmetic, CAGR consistency.</summary>
public sealed class NumberEngineProperties
{
    private static readonly Gen<(long Units, int Decimals)> PrintedGen =
        Gen.Select(Gen.Long[0, 9_999_999_999L], Gen.Int[0, 4]);

    private static string Print(long units, int decimals, bool separators)
    {
        decimal value = units / (decimal)Math.Pow(10, decimals);
        string format = (separators ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Parsing_a_printed_number_gives_back_its_value_and_decimals()
    {
        Gen.Select(PrintedGen, Gen.Bool).Sample(t =>
        {
            var ((units, decimals), separators) = t;
            string text = Print(units, decimals, separators);
            PrintedNumber.TryParse(text, out var n).Should().BeTrue(text);
            n!.Decimals.Should().Be(decimals, text);
            n.Value.Should().Be(units / (decimal)Math.Pow(10, decimals), text);
        });
    }

    [Fact]
    public void Scanner_finds_every_printed_percentage_whole()
    {
        Gen.Select(PrintedGen, Pick("%", " %", " percent", " per cent")).Sample(t =>
        {
            var ((units, decimals), suffix) = t;
            string number = Print(units % 100000, decimals, false);
            string text = $"The rate was {number}{suffix} last year.";
            var figure = FigureScanner.Scan(text).OfType<PercentFigure>().Single();
            figure.Number.Decimals.Should().Be(decimals);
            figure.Raw.Should().Be(number + suffix);
            figure.IsPoints.Should().BeFalse();
        });
    }

    [Fact]
    public void Scanner_reads_money_with_any_currency_and_scale_spelling()
    {
        var currencies = Pick(("USD ", ""), ("US$ ", ""), ("$", ""), ("€", ""), ("EUR ", ""), ("£", ""), ("INR ", ""), ("", " USD"));
        var scales = Pick((" billion", 1e9), (" Bn", 1e9), (" bn", 1e9), ("B", 1e9), (" million", 1e6), (" Mn", 1e6), ("M", 1e6), (" trillion", 1e12), (" thousand", 1e3));
        Gen.Select(PrintedGen, currencies, scales).Sample(t =>
        {
            var ((units, decimals), (prefix, suffix), (scale, multiplier)) = t;
            if (prefix.Length == 0 && scale is "B" or "M") return; // "5B USD" is not a way anyone writes money
            string number = Print(units % 10_000_000, decimals, true);
            string text = $"It was valued at {prefix}{number}{scale}{suffix} in 2025.";
            var money = FigureScanner.Scan(text).OfType<MoneyFigure>().Single();
            money.Value.Should().BeApproximately((double)(units % 10_000_000) / Math.Pow(10, decimals) * multiplier, 1e-6 * multiplier, text);
            money.Currency.Should().NotBeNull(text);
            money.Amount.Decimals.Should().Be(decimals, text);
        });
    }

    [Fact]
    public void Interval_sums_and_products_contain_every_sum_and_product_of_members()
    {
        var interval = Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[0, 1e3]).Select(t => new Interval(t.Item1, t.Item1 + t.Item2));
        Gen.Select(interval, interval, Gen.Double[0, 1], Gen.Double[0, 1]).Sample(t =>
        {
            var (a, b, p, q) = t;
            double x = a.Low + p * a.Width, y = b.Low + q * b.Width;
            (a + b).Contains(x + y).Should().BeTrue();
            (a - b).Contains(x - y).Should().BeTrue();
            (a * b).Contains(x * y).Should().BeTrue();
        });
    }

    [Fact]
    public void A_growth_statement_rounded_honestly_always_holds()
    {
        // Compute an exact end value, print all three numbers rounded at some precision: the rule must accept them.
        Gen.Select(Gen.Double[0.05, 5000], Gen.Double[-30, 60], Gen.Int[1, 15], Gen.Int[0, 3], Gen.Int[0, 3]).Sample(t =>
        {
            var (start, ratePercent, years, valueDecimals, rateDecimals) = t;
            double end = start * Math.Pow(1 + ratePercent / 100, years);
            var s = Printed(start, valueDecimals);
            var r = Printed(ratePercent, rateDecimals);
            var e = Printed(end, valueDecimals);
            if (s.Value <= 0 || e.Value <= 0) return;
            CagrMismatchRule.Holds(s.Interval, r.Interval * 0.01, years, e.Interval).Should().BeTrue($"{s} at {r}% for {years} years gives {end}, printed {e}");
        });
    }

    [Fact]
    public void An_end_value_outside_what_rounding_allows_never_holds()
    {
        Gen.Select(Gen.Double[0.5, 5000], Gen.Double[0, 40], Gen.Int[1, 12], Gen.Double[1.02, 3]).Sample(t =>
        {
            var (start, ratePercent, years, factor) = t;
            var s = Printed(start, 2);
            var r = Printed(ratePercent, 1);
            double highest = s.Interval.High * Math.Pow(1 + r.Interval.High / 100, years);
            var e = Printed(highest * factor, 2);
            if (e.Interval.Low <= highest * (1 + 1e-9)) return;
            CagrMismatchRule.Holds(s.Interval, r.Interval * 0.01, years, e.Interval).Should().BeFalse();
        });
    }

    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static PrintedNumber Printed(double value, int decimals)
    {
        string text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);
        PrintedNumber.TryParse(text, out var n).Should().BeTrue();
        return n!;
    }
}
