using System.Globalization;

namespace ReportLint.Core.Extraction;

/// <summary>
/// A number as printed: its value, how many decimals it shows (trailing zeros count: "13.50" has two)
/// and so the interval it stands for, [v − ½·10^−d, v + ½·10^−d].
/// </summary>
public sealed record PrintedNumber(decimal Value, int Decimals, string Raw)
{
    public decimal HalfUnit => 0.5m * Pow10(-Decimals);

    public Interval Interval => new((double)(Value - HalfUnit), (double)(Value + HalfUnit));

    /// <summary>Significant digits as printed (1.45 → 3, 2 → 1, 1,450 → 4).</summary>
    public int SignificantDigits
    {
        get
        {
            int n = 0;
            bool leading = true;
            foreach (char c in Raw)
            {
                if (!char.IsDigit(c)) continue;
                int d = (int)char.GetNumericValue(c);
                if (leading && d == 0) continue;
                leading = false;
                n++;
            }
            return Math.Max(n, 1);
        }
    }

    public PrintedNumber Negate() => this with { Value = -Value, Raw = "-" + Raw.TrimStart('-', '−') };

    private static decimal Pow10(int exponent) =>
        exponent is >= -MaxScale and <= MaxScale ? Powers[exponent + MaxScale] : ComputePow10(exponent);

    // Decimal division is slow, and every interval of a figure asks for its half unit: the powers a decimal can hold,
    // computed once by the same loop (so each is the very value the loop gives).
    private const int MaxScale = 28;
    private static readonly decimal[] Powers = [.. Enumerable.Range(-MaxScale, 2 * MaxScale + 1).Select(ComputePow10)];

    private static decimal ComputePow10(int exponent)
    {
        decimal r = 1;
        if (exponent >= 0) for (int i = 0; i < exponent; i++) r *= 10;
        else for (int i = 0; i < -exponent; i++) r /= 10;
        return r;
    }

    /// <summary>Parses ASCII or any Unicode decimal digits, with ',' thousands separators and '.' decimals.</summary>
    public static bool TryParse(ReadOnlySpan<char> raw, out PrintedNumber? number)
    {
        number = null;
        Span<char> buffer = stackalloc char[Math.Min(raw.Length + 1, 64)];
        int len = 0, decimals = -1, digits = 0;
        bool negative = false;
        foreach (char c in raw)
        {
            if (char.IsDigit(c))
            {
                if (len >= buffer.Length - 1) return false;
                buffer[len++] = (char)('0' + (int)char.GetNumericValue(c));
                digits++;
                if (decimals >= 0) decimals++;
            }
            else if (c is '.' or '٫' && decimals < 0) { buffer[len++] = '.'; decimals = 0; }
            else if (c is ',' or ' ' or '\u00A0' or '\u202F' or '_') continue;
            else if ((c is '-' or '−') && len == 0) negative = true;
            else return false;
        }
        if (digits == 0 || digits > 27) return false;
        if (!decimal.TryParse(buffer[..len], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        number = new PrintedNumber(negative ? -value : value, Math.Max(decimals, 0), raw.ToString());
        return true;
    }

    /// <summary>Formats a value with the given number of decimals, invariant culture.</summary>
    public static string Format(double value, int decimals) =>
        value.ToString("F" + Math.Clamp(decimals, 0, 10), CultureInfo.InvariantCulture);

    public override string ToString() => Raw;
}
