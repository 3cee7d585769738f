using System.Globalization;
using System.Text;

namespace ReportLint.Core.Documents;

/// <summary>The labels Word and browsers print before list items: 1, a, A, i, I.</summary>
internal static class ListLabels
{
    /// <summary>A, B, … Z, AA, BB, … as Word and browsers count letters.</summary>
    public static string Letters(int n) => n <= 0 ? n.ToString(CultureInfo.InvariantCulture) : new string((char)('A' + (n - 1) % 26), (n - 1) / 26 + 1);

    public static string Roman(int n)
    {
        if (n <= 0 || n >= 4000) return n.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var (value, digits) in Numerals)
            while (n >= value) { sb.Append(digits); n -= value; }
        return sb.ToString();
    }

    private static readonly (int, string)[] Numerals =
        [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
}
