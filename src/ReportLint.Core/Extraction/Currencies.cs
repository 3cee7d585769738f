namespace ReportLint.Core.Extraction;

/// <summary>Currency symbols and codes as report drafts write them, normalised to a code.</summary>
public static class Currencies
{
    public static string? FromCode(ReadOnlySpan<char> word) => word switch
    {
        "USD" or "usd" or "Usd" => "USD",
        "EUR" or "eur" or "Euro" or "euro" or "euros" or "Euros" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" or "RMB" => "CNY",
        "INR" or "Rs" or "INR." => "INR",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "SGD" => "SGD",
        "CHF" => "CHF",
        "KRW" => "KRW",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "ZAR" => "ZAR",
        "AED" => "AED",
        "SAR" => "SAR",
        "HKD" => "HKD",
        "NZD" => "NZD",
        "dollars" or "Dollars" => "USD",
        _ => null,
    };

    /// <summary>A currency symbol or code ending right before <paramref name="i"/> (allowing one space): "US$ ", "USD ", "€", "Rs. ".</summary>
    public static (string? Code, int Start) Before(ReadOnlySpan<char> text, int i)
    {
        int e = i;
        if (e > 0 && text[e - 1] is ' ' or '\u00A0') e--;
        if (e <= 0) return (null, i);
        char c = text[e - 1];
        switch (c)
        {
            case '€': return ("EUR", e - 1);
            case '£': return ("GBP", e - 1);
            case '¥': return ("JPY", e - 1);
            case '₹': return ("INR", e - 1);
            case '₩': return ("KRW", e - 1);
            case '$':
            {
                int s = e - 1;
                int ls = s;
                while (ls > 0 && char.IsLetter(text[ls - 1]) && s - ls < 3) ls--;
                var prefix = text.Slice(ls, s - ls);
                if (ls > 0 && char.IsLetterOrDigit(text[ls - 1])) prefix = default;
                string code = prefix switch
                {
                    "US" or "U.S." => "USD",
                    "A" or "AU" => "AUD",
                    "C" or "CA" => "CAD",
                    "R" => "BRL",
                    "S" => "SGD",
                    "HK" => "HKD",
                    "NZ" => "NZD",
                    "MX" => "MXN",
                    _ => "USD",
                };
                // "US $ 5" with a space between US and $.
                if (prefix.IsEmpty && s >= 3 && text[s - 1] == ' ' && text.Slice(s - 3, 2) is "US") return ("USD", s - 3);
                return (code, prefix.IsEmpty || code == "USD" && prefix is not ("US" or "U.S.") ? s : ls);
            }
            case '.':
                if (e >= 3 && text.Slice(e - 3, 3) is "Rs." && (e == 3 || !char.IsLetter(text[e - 4]))) return ("INR", e - 3);
                return (null, i);
        }
        if (!char.IsLetter(c)) return (null, i);
        int start = e - 1;
        while (start > 0 && char.IsLetter(text[start - 1]) && e - start < 8) start--;
        if (start > 0 && char.IsLetterOrDigit(text[start - 1])) return (null, i);
        var word = text.Slice(start, e - start);
        if (word is "dollars" or "Dollars" or "euros" or "Euros" or "euro" or "Euro") return (null, i); // these follow numbers
        return FromCode(word) is { } found ? (found, start) : (null, i);
    }
}
