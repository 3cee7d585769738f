using System.Text.RegularExpressions;
using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Claims;

/// <summary>Reads a document's statements into typed claims: market values, growth rates, shares and periods.</summary>
public static partial class ClaimExtractor
{
    /// <summary>A model with no claims, for a document whose figures could not be read.</summary>
    public static ClaimsModel Empty(ReportDocument document, KnowledgeBase knowledge) =>
        new(document, []) { Knowledge = knowledge, Outline = new ReportOutline() };

    public static ClaimsModel Extract(ReportDocument document, KnowledgeBase knowledge)
    {
        var gazetteer = knowledge.Gazetteer;
        var statements = StatementBuilder.Build(document);
        var model = new ClaimsModel(document, statements) { Knowledge = knowledge, Outline = ReportOutline.Build(document) };
        model.MarketName = FindMarketName(statements);
        model.SegmentNames = FindSegmentNames(document, statements);
        ReadPeriods(model);
        var resolver = new SubjectResolver(gazetteer, model.SegmentNames);

        Subject? previous = null;
        Block? previousBlock = null;
        foreach (var statement in statements)
        {
            if (statement.Block != previousBlock) previous = null;
            previousBlock = statement.Block;
            if (statement.Kind == StatementKind.TableRow) continue;
            // The places and segments the statement names, looked for only when a figure or a superlative needs them.
            SubjectResolver.Mentions? mentions = null;
            var figures = statement.FigureSpan;
            HashSet<Figure>? usedYears = null;
            Subject? last = null;
            for (int i = 0; i < figures.Length; i++)
            {
                switch (figures[i])
                {
                    case MoneyFigure money:
                    {
                        var subject = resolver.SubjectAt(statement, mentions ??= resolver.Find(statement), money.Span.Start, previous);
                        var year = YearOf(statement, i, usedYears ??= new HashSet<Figure>());
                        if (year is { } y) model.Values.Add(new ValueClaim(subject, money, y.Year, statement, y.Span));
                        last = subject;
                        break;
                    }
                    case PercentFigure { IsPoints: false } percent:
                    {
                        var subject = resolver.SubjectAt(statement, mentions ??= resolver.Find(statement), percent.Span.Start, previous);
                        if (IsGrowthRate(statement, i))
                            model.Rates.Add(new RateClaim(subject, percent, IsDeclining(statement, percent), WindowOf(model, statement, i), statement));
                        else if (IsShare(statement, i))
                            model.Shares.Add(new ShareClaim(subject, percent, NearbyYear(statement, i), statement));
                        last = subject;
                        break;
                    }
                }
            }
            if (last is not null) previous = last;
            if (model.Outline.IsBody(statement.Block) && Superlatives.MayHold(statement))
                model.Superlatives.AddRange(Superlatives.Find(statement, resolver, mentions ?? resolver.Find(statement), SectionDimension(statement.Block)));
        }
        DataTables.Read(model, resolver);
        GrowthLinker.Link(model);
        return model;
    }

    private static string? SectionDimension(Block block) =>
        block.Kind == BlockKind.Heading ? Superlatives.DimensionIn(block.Text) : block.Section is { } h ? Superlatives.DimensionIn(h.Text) : null;

    // ---- values and years -------------------------------------------------------------------------------------

    private static readonly HashSet<string> YearConnectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "by", "for", "the", "year", "of", "at", "end", "as", "through", "until", "till", "during", "fy", "calendar",
        "fiscal", "cy", "e", "estimated", "est", "projected", "forecast", "expected", "and", "value", "size", "market",
        "revenue", "revenues", "sales", "share", "total", "global", "globally", "worldwide", "or", "of", "gross", "value",
    };

    /// <summary>The year a money figure is stated for: "USD 1.45 billion in 2025", "In 2025, … USD 1.45 billion", a field key "Market Size in 2025:".</summary>
    private static (int Year, TextSpan Span)? YearOf(Statement statement, int index, HashSet<Figure> used)
    {
        var figures = statement.FigureSpan;
        var money = figures[index];
        if (statement.Field is { } field && field.ValueSpan.Contains(money.Span))
        {
            foreach (var f in figures)
                if (f is YearFigure { InPeriod: false } ky && field.KeySpan.Contains(ky.Span)) return (ky.Year, ky.Span);
        }
        if (index + 1 < figures.Length && figures[index + 1] is YearFigure { InPeriod: false } after && !used.Contains(after))
        {
            var between = statement.Between(money.Span.End, after.Span.Start);
            if (IsConnector(between, 5)) { used.Add(after); return (after.Year, after.Span); }
        }
        // "USD 1.92 billion, or 39.5% of global revenue, in 2025": an aside with a share between the value and its year.
        if (index + 2 < figures.Length && figures[index + 1] is PercentFigure aside && figures[index + 2] is YearFigure { InPeriod: false } later
            && !used.Contains(later) && statement.Between(money.Span.End, aside.Span.Start).Trim() is "," or ", or" or "(" or "or"
            && IsConnector(statement.Between(aside.Span.End, later.Span.Start), 7))
        {
            used.Add(later);
            return (later.Year, later.Span);
        }
        if (index > 0 && figures[index - 1] is YearFigure { InPeriod: false } before && !used.Contains(before))
        {
            var between = statement.Between(before.Span.End, money.Span.Start);
            if (between.Length <= 70 && !between.Contains(" from ", StringComparison.OrdinalIgnoreCase)
                && !between.Contains("since", StringComparison.OrdinalIgnoreCase))
            {
                used.Add(before);
                return (before.Year, before.Span);
            }
        }
        return null;
    }

    private static bool IsConnector(string between, int maxWords)
    {
        int words = 0;
        foreach (var part in between.Split([' ', '(', ')', ',', ':', '|', '-', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!YearConnectors.Contains(part.TrimEnd('.'))) return false;
            if (++words > maxWords) return false;
        }
        return true;
    }

    private static int? NearbyYear(Statement statement, int index)
    {
        var figures = statement.FigureSpan;
        if (index + 1 < figures.Length && figures[index + 1] is YearFigure { InPeriod: false } after
            && IsNearYear(statement.Between(figures[index].Span.End, after.Span.Start))) return after.Year;
        if (index > 0 && figures[index - 1] is YearFigure { InPeriod: false } before
            && statement.Between(before.Span.End, figures[index].Span.Start).Length < 60) return before.Year;
        if (statement.Field is { } field)
            foreach (var f in figures)
                if (f is YearFigure ky && field.KeySpan.Contains(ky.Span)) return ky.Year;
        return null;
    }

    /// <summary>"26.8% of the market in 2025", "41% of gross order value in 2025": a short stretch without another clause.</summary>
    private static bool IsNearYear(string between) =>
        between.Length <= 45 && between.IndexOfAny([';', '.', '%']) < 0
        && !between.Contains(" while ", StringComparison.Ordinal) && !between.Contains(" and ", StringComparison.Ordinal);

    // ---- growth rates -----------------------------------------------------------------------------------------

    private static readonly string[] RateCuesBefore =
    [
        "cagr", "compound annual growth", "compounded annual growth", "annual growth rate", "annualized growth", "annualised growth",
        "annual rate", "growth rate", "growing at", "grow at", "grew at", "expanding at", "expand at", "increase at", "increasing at",
        "rising at", "rise at", "advancing at", "progressing at", "registering", "register a", "exhibiting", "exhibit a", "witnessing",
        "declining at", "decline at", "contracting at", "contract at", "shrinking at", "shrink at", "decreasing at", "decrease at",
        "falling at", "growth of", "growing by", "grow by",
    ];

    private static readonly string[] RateCuesAfter = ["cagr", "compound annual", "compounded annual", "annual growth", "per annum", "annually", "a year", "per year", "each year"];
    private static readonly string[] NotMultiYear = ["year-over-year", "year-on-year", "year over year", "year on year", "yoy", "y-o-y", "quarter", "month", "share", "margin", "penetration", "of the market", "of total", "of revenue"];

    private static bool IsGrowthRate(Statement statement, int index)
    {
        var figure = statement.Figures[index];
        if (statement.Field is { } field && field.ValueSpan.Contains(figure.Span))
        {
            string key = field.NormalizedKey;
            if (key.Contains("cagr") || key.Contains("growth rate") || key.Contains("compound annual")) return true;
        }
        string text = statement.Text;
        int local = figure.Span.Start - statement.Span.Start;
        int localEnd = figure.Span.End - statement.Span.Start;
        string after = text.Substring(localEnd, Math.Min(28, text.Length - localEnd)).ToLowerInvariant();
        foreach (var cue in NotMultiYear)
            if (after.TrimStart().StartsWith(cue, StringComparison.Ordinal) || after.Contains(cue) && cue is "share" or "year-over-year" or "yoy" or "year-on-year")
                return false;
        foreach (var cue in RateCuesAfter)
        {
            int at = after.IndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && at <= 6) return true;
        }
        // A cue in the clause before, with no other percentage between it and the figure.
        int from = PreviousPercentEnd(statement, index);
        // Figures can overlap ("CNY 44,581,145,463 %" is money and a percentage): the window never starts past the figure.
        int windowStart = Math.Min(local, Math.Max(from, local - 110));
        string before = text[windowStart..local].ToLowerInvariant();
        if (before.Contains("share") && !before.Contains("cagr")) return false;
        foreach (var cue in RateCuesBefore)
            if (before.Contains(cue, StringComparison.Ordinal))
                return cue is not ("growth of" or "growing by" or "grow by") || before.Contains("annual") || after.Contains("annual");
        return false;
    }

    private static int PreviousPercentEnd(Statement statement, int index)
    {
        for (int i = index - 1; i >= 0; i--)
            if (statement.Figures[i] is PercentFigure or MoneyFigure)
                return statement.Figures[i].Span.End - statement.Span.Start;
        return 0;
    }

    private static readonly string[] DeclineWords = ["declin", "contract", "shrink", "decreas", "fall at", "falling", "drop", "negative", "erode", "dwindl"];

    private static bool IsDeclining(Statement statement, PercentFigure figure)
    {
        if (figure.Value < 0) return false;
        int local = figure.Span.Start - statement.Span.Start;
        string before = statement.Text[Math.Max(0, local - 45)..local].ToLowerInvariant();
        return DeclineWords.Any(w => before.Contains(w, StringComparison.Ordinal));
    }

    private static readonly string[] ForecastPeriodWords = ["forecast period", "forecast timeline", "forecasted period", "projection period", "projected period", "assessment period", "review period", "study period", "forecast horizon", "outlook period", "forecast years"];
    private static readonly System.Buffers.SearchValues<string> PeriodWords =
        System.Buffers.SearchValues.Create([.. ForecastPeriodWords, "base year"], StringComparison.OrdinalIgnoreCase);
    /// <summary>Each of <see cref="ForecastPeriodWords"/> alone, then "base year", as searches ignoring case.</summary>
    private static readonly System.Buffers.SearchValues<string>[] EachPeriodWord =
        [.. ForecastPeriodWords.Append("base year").Select(w => System.Buffers.SearchValues.Create([w], StringComparison.OrdinalIgnoreCase))];

    /// <summary>The years a rate applies to: a period near it, "the forecast period", "the next seven years", "through 2031".</summary>
    private static ForecastWindow? WindowOf(ClaimsModel model, Statement statement, int index)
    {
        var figures = statement.FigureSpan;
        var rate = figures[index];
        if (statement.Field is { } field)
        {
            foreach (var f in figures)
                if (f is PeriodFigure kp && field.KeySpan.Contains(kp.Span)) return new ForecastWindow(kp.From, kp.To, null, "stated", kp.Span);
        }
        // A period right after the rate ("13.5% from 2025 to 2032", "7.2% during 2024–2032").
        for (int i = index + 1; i < figures.Length; i++)
        {
            var f = figures[i];
            if (f is MoneyFigure or PercentFigure) break;
            if (f is PeriodFigure p && p.Span.Start - rate.Span.End <= 60) return new ForecastWindow(p.From, p.To, null, "stated", p.Span);
        }
        // A period between the cue and the rate ("CAGR 2024–2032: 7.2%", "a 2025-2032 CAGR of 13.5%").
        for (int i = index - 1; i >= 0; i--)
        {
            var f = figures[i];
            if (f is MoneyFigure or PercentFigure) break;
            if (f is PeriodFigure p && rate.Span.Start - p.Span.End <= 40) return new ForecastWindow(p.From, p.To, null, "stated", p.Span);
        }
        int localEnd = rate.Span.End - statement.Span.Start;
        string after = statement.Text[localEnd..Math.Min(statement.Text.Length, localEnd + 90)].ToLowerInvariant();
        foreach (var w in ForecastPeriodWords)
        {
            if (!after.Contains(w, StringComparison.Ordinal) && !(statement.Field?.NormalizedKey.Contains(w) ?? false)) continue;
            if (model.Periods.Forecast is { } fp) return new ForecastWindow(fp.From, fp.To, null, "the forecast period", fp.Span);
            break;
        }
        var next = NextYears().Match(after);
        if (next.Success && NumberWords.Parse(next.Groups[1].Value) is { } years)
            return new ForecastWindow(null, null, years, "next " + years + " years", null);
        for (int i = index + 1; i < figures.Length; i++)
        {
            if (figures[i] is MoneyFigure or PercentFigure) break;
            if (figures[i] is YearFigure { Preposition: "through" or "till" or "until" } y && y.Span.Start - rate.Span.End <= 50)
                return new ForecastWindow(null, y.Year, null, "through " + y.Year, y.Span);
        }
        return null;
    }

    [GeneratedRegex(@"(?:next|coming|following)\s+([a-z]+|\d{1,2})\s+years", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NextYears();

    // ---- shares -----------------------------------------------------------------------------------------------

    private static readonly string[] ShareCues = ["share", "accounted for", "account for", "accounts for", "accounting for", "held", "holds", "hold ", "captured", "captures", "contribut", "represent", "comprised", "constitut", "of the market", "of total", "of revenue", "of the global", "of global", "of overall"];

    private static bool IsShare(Statement statement, int index)
    {
        var figure = statement.Figures[index];
        if (statement.Field is { } field && field.ValueSpan.Contains(figure.Span) && field.NormalizedKey.Contains("share")) return true;
        int local = figure.Span.Start - statement.Span.Start, localEnd = figure.Span.End - statement.Span.Start;
        string around = statement.Text[Math.Max(PreviousPercentEnd(statement, index), local - 60)..Math.Min(statement.Text.Length, localEnd + 30)].ToLowerInvariant();
        return ShareCues.Any(c => around.Contains(c, StringComparison.Ordinal));
    }

    // ---- periods ----------------------------------------------------------------------------------------------

    private static void ReadPeriods(ClaimsModel model)
    {
        var periods = model.Periods;
        PeriodFigure? keyForecast = null;
        // Scope fields first ("Forecast Period: | 2025 To 2032 |"), then prose ("over the forecast period (2025-2032)").
        var statements = model.StatementSpan;
        for (int pass = 0; pass < 2; pass++)
        for (int n = 0; n < statements.Length; n++)
        {
            var st = statements[n];
            if ((st.Field is not null) != (pass == 0)) continue;
            if (st.Field is not null)
            {
                ReadPeriodField(st, periods, ref keyForecast);
                continue;
            }
            // A prose statement gives a period only through a period or year among its figures: without one, its words do not matter.
            if (!HasPeriodOrYear(st.FigureSpan)) continue;
            // Most statements name no period at all: one vectorised search, ignoring case, rules them out (exactly so for
            // ASCII text, where ignoring case is lower-casing; other text is lower-cased as always).
            bool ascii = st.IsAscii;
            if (ascii && !st.Chars.ContainsAny(PeriodWords)) continue;
            // The text searched: as it stands, ignoring case, when ASCII; otherwise lower-cased and searched as is.
            // (Each word is one vectorised search ignoring case, which on lower-cased text is the same as searching it as is:
            // string.IndexOf ignoring case is a scalar loop with invariant globalisation.)
            var searched = ascii ? st.Chars : st.Text.ToLowerInvariant().AsSpan();
            for (int k = 0; k < ForecastPeriodWords.Length; k++)
            {
                string w = ForecastPeriodWords[k];
                int at = searched.IndexOfAny(EachPeriodWord[k]);
                if (at < 0) continue;
                if (PeriodNear(st, at, at + w.Length) is { } p) { periods.Forecast ??= p; break; }
            }
            int bi = searched.IndexOfAny(EachPeriodWord[^1]);
            if (bi >= 0 && periods.BaseYear is null && YearNear(st, bi) is { } y) { periods.BaseYear = y.Year; periods.BaseYearSpan = y.Span; }
        }
        periods.Forecast ??= keyForecast;
    }

    /// <summary>A scope field's period: "Base Year: 2024", "Historical Data: 2019-2023", "Forecast Period: 2025-2032".</summary>
    private static void ReadPeriodField(Statement st, ReportPeriods periods, ref PeriodFigure? keyForecast)
    {
        var field = st.Field!;
        string key = field.NormalizedKey;
        var valueFigures = st.Figures.Where(f => field.ValueSpan.Contains(f.Span)).ToList();
        if (key.Contains("base year") && periods.BaseYear is null && valueFigures.OfType<YearFigure>().FirstOrDefault() is { } by)
        {
            periods.BaseYear = by.Year;
            periods.BaseYearSpan = by.Span;
        }
        else if (key.Contains("historical") && periods.Historical is null && valueFigures.OfType<PeriodFigure>().FirstOrDefault() is { } hp)
            periods.Historical = hp;
        else if (ForecastPeriodWords.Any(key.Contains) || key.Contains("forecast period"))
        {
            if (valueFigures.OfType<PeriodFigure>().FirstOrDefault() is { } fp && valueFigures.All(f => f is not PercentFigure)) periods.Forecast ??= fp;
            else keyForecast ??= st.Figures.OfType<PeriodFigure>().FirstOrDefault(p => field.KeySpan.Contains(p.Span));
        }
    }

    /// <summary>The first period figure that starts within 12 characters after a period word at [<paramref name="at"/>, <paramref name="end"/>) or ends within 4 before it.</summary>
    private static PeriodFigure? PeriodNear(Statement st, int at, int end)
    {
        foreach (var figure in st.FigureSpan)
        {
            if (figure is not PeriodFigure p) continue;
            int start = p.Span.Start - st.Span.Start, stop = p.Span.End - st.Span.Start;
            if (start >= end && start - end <= 12 || stop <= at && at - stop <= 4) return p;
        }
        return null;
    }

    /// <summary>The first year, not part of a period, within 25 characters of "base year" at <paramref name="at"/>.</summary>
    private static YearFigure? YearNear(Statement st, int at)
    {
        foreach (var figure in st.FigureSpan)
            if (figure is YearFigure { InPeriod: false } y && Math.Abs(y.Span.Start - st.Span.Start - at) <= 25) return y;
        return null;
    }

    private static bool HasPeriodOrYear(ReadOnlySpan<Figure> figures)
    {
        foreach (var figure in figures)
            if (figure is PeriodFigure or YearFigure) return true;
        return false;
    }

    // ---- names ------------------------------------------------------------------------------------------------

    [GeneratedRegex(@"\b(?:[Tt]he\s+)?(?:[Gg]lobal\s+)?((?:[A-Z0-9][\w&/+.'-]*\s+){1,6})[Mm]arket\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MarketNamePattern();

    private static string? FindMarketName(IReadOnlyList<Statement> statements)
    {
        foreach (var st in statements.Take(40))
        {
            // Every match ends in "market" or "Market": a statement without "arket" is neither searched nor made a string.
            if (!st.Chars.Contains("arket", StringComparison.Ordinal)) continue;
            try
            {
                var m = MarketNamePattern().Match(st.Text);
                if (!m.Success) continue;
                var name = m.Groups[1].Value.Trim();
                if (name.Length >= 3 && !name.Equals("The", StringComparison.Ordinal) && name.Any(char.IsLetter) && !name.StartsWith("FY", StringComparison.Ordinal)) return name;
            }
            catch (RegexMatchTimeoutException) { }
        }
        return null;
    }

    private static IReadOnlyList<string> FindSegmentNames(ReportDocument document, IReadOnlyList<Statement> statements)
    {
        var names = new List<string>();
        foreach (var field in document.Fields)
        {
            string key = field.NormalizedKey;
            if (!(key.Contains("segments") || key.Contains("segmentation") || key.Contains("segment covered"))) continue;
            foreach (var part in field.Value.Split([',', ';', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var p = part;
                int colon = p.IndexOf(':');
                if (colon >= 0) p = p[(colon + 1)..].Trim();
                if (p.StartsWith("and ", StringComparison.OrdinalIgnoreCase)) p = p[4..];
                if (p.Length >= 3 && !p.StartsWith("other", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("By ", StringComparison.Ordinal)) names.Add(p);
            }
        }
        foreach (var st in statements)
        {
            // The pattern is anchored at the start: a statement that does not begin so cannot match (and a failed match
            // still costs a Match and the engine's set-up, for every statement).
            if (!st.Chars.StartsWith("In terms of ", StringComparison.Ordinal)) continue;
            var m = InTermsOf().Match(st.Text);
            if (m.Success) names.Add(m.Groups[1].Value.Trim());
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    [GeneratedRegex(@"^In terms of [^,]{1,60}, ((?:[A-Z][\w&+-]*\s?){1,4}) (?:contributes|accounts|holds|dominates|leads|captures|represents|commands)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex InTermsOf();
}

/// <summary>Number words in "over the next seven years".</summary>
internal static class NumberWords
{
    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"];

    public static int? Parse(string word)
    {
        if (int.TryParse(word, out int n)) return n;
        int i = Array.IndexOf(Words, word.ToLowerInvariant());
        return i >= 0 ? i : null;
    }
}
