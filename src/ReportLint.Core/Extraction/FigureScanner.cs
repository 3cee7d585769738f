using ReportLint.Core.Documents;

namespace ReportLint.Core.Extraction;

/// <summary>
/// Finds money, percentages, years, periods and plain numbers in a piece of text with one left-to-right pass
/// (no regular expressions, so the cost is linear whatever the input). Offsets are made absolute with
/// <c>baseOffset</c>.
/// </summary>
public static class FigureScanner
{
    public static List<Figure> Scan(string text, int baseOffset = 0) => Scan(text.AsSpan(), baseOffset);

    /// <summary>As <see cref="Scan(string, int)"/>, on a slice of a larger text (a statement within its block): no copy of it is made.</summary>
    public static List<Figure> Scan(ReadOnlySpan<char> text, int baseOffset)
    {
        var figures = new List<Figure>();
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            // Jump to the next ASCII digit or non-ASCII character (which may be another script's digit).
            int skip = text.Slice(i).IndexOfAnyExcept(AsciiNonDigits);
            if (skip < 0) break;
            i += skip;
            if (!char.IsDigit(text[i])) { i++; continue; }
            int next = ScanAt(text, i, baseOffset, figures);
            i = Math.Max(next, i + 1);
        }
        FindPeriods(text, baseOffset, figures);
        return figures;
    }

    /// <summary>Every ASCII character but the digits.</summary>
    private static readonly System.Buffers.SearchValues<char> AsciiNonDigits =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 128).Where(c => c is < '0' or > '9').Select(c => (char)c).ToArray());

    private static int ScanAt(ReadOnlySpan<char> text, int i, int baseOffset, List<Figure> figures)
    {
        int n = text.Length;
        int start = i;
        string? currency = null;
        bool fiscal = false;

        // A number glued to letters on its left is part of a word ("COVID-19" aside, "Q3", "H1", "5G" handled on the right),
        // unless the letters are a currency code ("USD34.6") or a fiscal-year prefix ("FY2025").
        if (i > 0 && char.IsLetter(text[i - 1]))
        {
            int ls = i - 1;
            while (ls > 0 && char.IsLetter(text[ls - 1])) ls--;
            var word = text.Slice(ls, i - ls);
            bool standalone = ls == 0 || !char.IsLetterOrDigit(text[ls - 1]);
            if (standalone && word is "FY" or "fy") { fiscal = true; start = ls; }
            else if (standalone && Currencies.FromCode(word) is { } code) { currency = code; start = ls; }
            else return SkipWord(text, i);
        }
        if (i > 0 && (text[i - 1] == '.' || text[i - 1] == ',') && i > 1 && char.IsDigit(text[i - 2]))
            return SkipWord(text, i); // the tail of a number we refused ("1,1,1")

        int end = ReadNumber(text, i);
        if (end < 0) return SkipWord(text, i);
        var raw = text.Slice(i, end - i);
        if (!PrintedNumber.TryParse(raw, out var number) || number is null) return end;
        bool hasSeparators = raw.Contains(',') ;
        bool hasDecimals = number.Decimals > 0;

        // Negative sign attached to the number or to the currency before it.
        int leftEdge = start;
        if (currency is null)
        {
            var (code, currencyStart) = Currencies.Before(text, start);
            if (code is not null) { currency = code; leftEdge = currencyStart; }
        }
        bool negative = false;
        int signPos = (currency is not null ? leftEdge : start) - 1;
        if (signPos >= 0 && text[signPos] is '-' or '−' && (signPos == 0 || !char.IsLetterOrDigit(text[signPos - 1])))
        {
            negative = true;
            leftEdge = signPos;
        }
        if (negative) number = number.Negate();

        // What follows: a glued suffix, then percent, percentage points or a scale word.
        int j = end;
        Scale? scale = null;
        string? yearSuffix = null;
        if (j < n && char.IsLetter(text[j]))
        {
            int we = j;
            while (we < n && char.IsLetter(text[we])) we++;
            var suffix = text.Slice(j, we - j);
            var glued = Scale.Parse(suffix);
            if (glued is not null && (currency is not null || !Scale.IsAbbreviation(suffix))) { scale = glued; j = we; }
            else if (suffix is "F" or "E" or "P" or "f" or "e" or "A" && !hasDecimals && !hasSeparators && raw.Length == 4) { yearSuffix = suffix.ToString(); j = we; }
            else return we; // 5G, 3D, 2nd, 4K without a currency: not a figure
        }

        int k = SkipSpaces(text, j);
        if (scale is null && k < n)
        {
            if (text[k] is '%' or '％' or '٪')
            {
                int after = k + 1;
                int k2 = SkipSpaces(text, after);
                bool points = StartsWithWord(text, k2, "points") || StartsWithWord(text, k2, "pts");
                if (points) after = WordEnd(text, k2);
                Add(figures, new PercentFigure(Abs(leftEdge, after, baseOffset), text[leftEdge..after].ToString(), number, points, HedgeBefore(text, leftEdge)));
                return after;
            }
            if (StartsWithWord(text, k, "percentage"))
            {
                int k2 = SkipSpaces(text, WordEnd(text, k));
                int after = StartsWithWord(text, k2, "points") || StartsWithWord(text, k2, "point") ? WordEnd(text, k2) : WordEnd(text, k);
                Add(figures, new PercentFigure(Abs(leftEdge, after, baseOffset), text[leftEdge..after].ToString(), number, true, HedgeBefore(text, leftEdge)));
                return after;
            }
            if (StartsWithWord(text, k, "pp") || StartsWithWord(text, k, "ppt") || StartsWithWord(text, k, "ppts") || StartsWithWord(text, k, "bps"))
            {
                int after = WordEnd(text, k);
                Add(figures, new PercentFigure(Abs(leftEdge, after, baseOffset), text[leftEdge..after].ToString(), number, true, HedgeBefore(text, leftEdge)));
                return after;
            }
            if (StartsWithWord(text, k, "percent") || StartsWithWord(text, k, "pct") || StartsWithWord(text, k, "per") && StartsWithWord(text, SkipSpaces(text, k + 3), "cent"))
            {
                int after = StartsWithWord(text, k, "per") && !StartsWithWord(text, k, "percent") ? WordEnd(text, SkipSpaces(text, k + 3)) : WordEnd(text, k);
                Add(figures, new PercentFigure(Abs(leftEdge, after, baseOffset), text[leftEdge..after].ToString(), number, false, HedgeBefore(text, leftEdge)));
                return after;
            }
            if (char.IsLetter(text[k]) && k - j <= 2)
            {
                int we = WordEnd(text, k);
                var word = text.Slice(k, we - k);
                var spaced = Scale.Parse(word);
                if (spaced is not null && (currency is not null || !Scale.IsAbbreviation(word))) { scale = spaced; j = we; }
                else if (currency is null && Currencies.FromCode(word) is { } after)
                {
                    currency = after;
                    j = we;
                    int k3 = SkipSpaces(text, j);
                    if (k3 < n && char.IsLetter(text[k3]))
                    {
                        int we3 = WordEnd(text, k3);
                        if (Scale.Parse(text.Slice(k3, we3 - k3)) is { } s3) { scale = s3; j = we3; }
                    }
                }
            }
        }
        if (scale is not null && currency is null)
        {
            // "1.45 billion USD"
            int k4 = SkipSpaces(text, j);
            if (k4 < n && char.IsLetter(text[k4]))
            {
                int we4 = WordEnd(text, k4);
                if (Currencies.FromCode(text.Slice(k4, we4 - k4)) is { } code4) { currency = code4; j = we4; }
            }
        }

        var span = Abs(leftEdge, j, baseOffset);
        string figureRaw = text[leftEdge..j].ToString();
        if (currency is not null)
        {
            Add(figures, new MoneyFigure(span, figureRaw, number, scale ?? Scale.Unit, currency, HedgeBefore(text, leftEdge)));
            return j;
        }
        if (scale is not null)
        {
            // "2 billion users" counts something else; "1.45 billion in 2025" is an amount whose currency the text leaves out.
            int k5 = SkipSpaces(text, j);
            bool countNoun = k5 < n && char.IsLetter(text[k5]) && !IsLinkWord(text.Slice(k5, WordEnd(text, k5) - k5));
            if (countNoun) Add(figures, new NumberFigure(span, figureRaw, number, scale, HedgeBefore(text, leftEdge)));
            else Add(figures, new MoneyFigure(span, figureRaw, number, scale, null, HedgeBefore(text, leftEdge)));
            return j;
        }
        if (!hasDecimals && !hasSeparators && !negative && raw.Length == 4)
        {
            string? preposition = WordBefore(text, start);
            int year = (int)number.Value;
            bool yearContext = fiscal || yearSuffix is not null || preposition is "in" or "by" or "from" or "to" or "through" or "till" or "until" or "since" or "during" or "between" or "year" or "fy";
            if (year is >= 1900 and <= 2100 || yearContext && year is >= 1000 and <= 9999)
            {
                Add(figures, new YearFigure(Abs(start, j, baseOffset), text[start..j].ToString(), year, preposition));
                return j;
            }
        }
        Add(figures, new NumberFigure(Abs(leftEdge, j, baseOffset), text[leftEdge..j].ToString(), number, Scale.Unit, HedgeBefore(text, leftEdge)));
        return j;
    }

    private static void Add(List<Figure> figures, Figure figure) => figures.Add(figure);

    private static TextSpan Abs(int start, int end, int baseOffset) => new(baseOffset + start, baseOffset + end);

    /// <summary>Reads digits with ',' thousands groups and one '.' decimal part; returns the end, or -1 if malformed.</summary>
    private static int ReadNumber(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        int j = i;
        while (j < n && char.IsDigit(text[j])) j++;
        int leading = j - i;
        // Thousands groups: exactly three digits after each comma, and the first group at most three long.
        while (leading <= 3 && j + 3 < n + 0 && j < n && text[j] == ',' && j + 3 < n + 1
               && IsDigits(text, j + 1, 3) && (j + 4 >= n || !char.IsDigit(text[j + 4])))
            j += 4;
        if (j + 1 < n && text[j] is '.' or '٫' && char.IsDigit(text[j + 1]))
        {
            j++;
            while (j < n && char.IsDigit(text[j])) j++;
        }
        return j;
    }

    private static bool IsDigits(ReadOnlySpan<char> text, int from, int count)
    {
        if (from + count > text.Length) return false;
        for (int k = from; k < from + count; k++) if (!char.IsDigit(text[k])) return false;
        return true;
    }

    private static int SkipWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or ',') && !(text[i] is '.' or ',' && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1])))) i++;
        return i;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        int limit = Math.Min(text.Length, i + 3);
        while (i < limit && text[i] is ' ' or '\u00A0' or '\u202F' or '\t') i++;
        return i;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsLetter(text[i])) i++;
        return i;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, int i, string word)
    {
        if (i + word.Length > text.Length) return false;
        if (!text.Slice(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        return i + word.Length == text.Length || !char.IsLetter(text[i + word.Length]);
    }

    private static bool IsLinkWord(ReadOnlySpan<char> w) =>
        w.Equals("in", StringComparison.OrdinalIgnoreCase) || w is "by" or "and" or "or" or "to" or "at" or "for" or "from" or "of"
            or "during" or "over" or "with" or "as" or "is" or "was" or "were" or "will" or "until" or "through" or "till" or "between"
            or "the" or "a" or "an" or "on" or "this" or "that" or "which" or "while" or "compared" or "versus" or "vs" or "against"
            or "last" or "next" or "this" or "globally" or "worldwide" or "annually" or "per" or "revenue" or "revenues" or "market"
            or "value" or "worth" or "valuation" or "sales" or "spending" or "spend" or "investment" or "investments" or "funding"
            or "expected" or "projected" or "estimated" or "forecast" or "mark" or "threshold";

    /// <summary>The word just before position <paramref name="i"/>, lower case, skipping spaces and an opening bracket.</summary>
    internal static string? WordBefore(ReadOnlySpan<char> text, int i)
    {
        int e = i - 1;
        while (e >= 0 && (text[e] is ' ' or '(' or '\u00A0' or '\t')) e--;
        if (e < 0 || !char.IsLetter(text[e])) return null;
        int s = e;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        return text.Slice(s, e - s + 1).ToString().ToLowerInvariant();
    }

    internal static readonly (string Phrase, Hedge Hedge)[] HedgePhrases =
    [
        ("approximately", Hedge.Approximately), ("approx.", Hedge.Approximately), ("approx", Hedge.Approximately),
        ("about", Hedge.Approximately), ("around", Hedge.Approximately), ("roughly", Hedge.Approximately), ("circa", Hedge.Approximately),
        ("nearly", Hedge.AtMost), ("almost", Hedge.AtMost), ("close to", Hedge.AtMost), ("just under", Hedge.AtMost), ("up to", Hedge.AtMost),
        ("just shy of", Hedge.AtMost),
        ("just over", Hedge.AtLeast), ("over", Hedge.AtLeast), ("more than", Hedge.AtLeast), ("exceeding", Hedge.AtLeast), ("exceed", Hedge.AtLeast),
        ("exceeds", Hedge.AtLeast), ("in excess of", Hedge.AtLeast), ("above", Hedge.AtLeast), ("surpass", Hedge.AtLeast),
        ("surpassing", Hedge.AtLeast), ("surpasses", Hedge.AtLeast), ("at least", Hedge.AtLeast), ("upwards of", Hedge.AtLeast),
        ("cross", Hedge.AtLeast), ("crossing", Hedge.AtLeast), ("top", Hedge.AtLeast),
        ("less than", Hedge.Below), ("under", Hedge.Below), ("below", Hedge.Below), ("fewer than", Hedge.Below),
    ];

    /// <summary>Per ASCII character (lower case): the hedge phrases that end in it, in the order of <see cref="HedgePhrases"/>.</summary>
    private static readonly (string Phrase, Hedge Hedge)[][] HedgePhrasesByLastChar =
        [.. Enumerable.Range(0, 128).Select(c => HedgePhrases.Where(h => char.ToLowerInvariant(h.Phrase[^1]) == c).ToArray())];

    /// <summary>The hedge word ending right before a figure, if any ("nearly USD 1 trillion").</summary>
    internal static Hedge HedgeBefore(ReadOnlySpan<char> text, int figureStart)
    {
        int e = figureStart;
        while (e > 0 && text[e - 1] is ' ' or '\u00A0') e--;
        int s = Math.Max(0, e - 16);
        var window = text.Slice(s, e - s);
        if (window.IsEmpty) return Hedge.None;
        // Only the phrases that end in the window's last character, when it is ASCII (otherwise every phrase is tried,
        // the plain way, whatever ignoring case makes of it).
        char last = window[^1];
        var phrases = last < 128 ? HedgePhrasesByLastChar[char.ToLowerInvariant(last)] : HedgePhrases;
        foreach (var (phrase, hedge) in phrases)
        {
            if (!window.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)) continue;
            int p = e - phrase.Length;
            if (p > 0 && char.IsLetter(text[p - 1])) continue;
            return hedge;
        }
        return Hedge.None;
    }

    /// <summary>Joins two years into a period when only a dash or "to"/"through"/"and" stands between them.</summary>
    private static void FindPeriods(ReadOnlySpan<char> text, int baseOffset, List<Figure> figures)
    {
        List<Figure>? periods = null;
        for (int f = 0; f < figures.Count; f++)
        {
            if (figures[f] is not YearFigure a) continue;
            int aEnd = a.Span.End - baseOffset;
            // "2025-32": a two-digit end year.
            if (aEnd + 2 < text.Length && text[aEnd] is '-' or '–' or '—' or '/' && IsDigits(text, aEnd + 1, 2)
                && (aEnd + 3 >= text.Length || !char.IsDigit(text[aEnd + 3]))
                && f + 1 < figures.Count && figures[f + 1] is NumberFigure { Raw.Length: 2 } tail && tail.Span.Start - baseOffset == aEnd + 1)
            {
                // Any script's digits ("２０２５–３２"): int.Parse takes only ASCII ones.
                int to = a.Year / 100 * 100 + (int)char.GetNumericValue(text[aEnd + 1]) * 10 + (int)char.GetNumericValue(text[aEnd + 2]);
                if (to > a.Year)
                {
                    a.InPeriod = true;
                    figures.RemoveAt(f + 1);
                    (periods ??= new()).Add(new PeriodFigure(new TextSpan(a.Span.Start, baseOffset + aEnd + 3), text[(a.Span.Start - baseOffset)..(aEnd + 3)].ToString(), a.Year, to));
                    continue;
                }
            }
            if (f + 1 >= figures.Count || figures[f + 1] is not YearFigure b) continue;
            var between = text.Slice(aEnd, b.Span.Start - baseOffset - aEnd).Trim();
            bool joined = between is "-" or "–" or "—" or "to" or "To" or "TO" or "through" or "till" or "until" or "−" or "~"
                          || between is "and" && a.Preposition == "between";
            if (!joined || b.Year <= a.Year) continue;
            a.InPeriod = true;
            b.InPeriod = true;
            (periods ??= new()).Add(new PeriodFigure(TextSpan.Union(a.Span, b.Span), text[(a.Span.Start - baseOffset)..(b.Span.End - baseOffset)].ToString(), a.Year, b.Year));
            f++;
        }
        if (periods is null) return;
        figures.AddRange(periods);
        figures.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : y.Span.Length.CompareTo(x.Span.Length));
    }
}
