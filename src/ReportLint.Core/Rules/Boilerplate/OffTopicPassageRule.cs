using System.Globalization;
using System.Runtime.InteropServices;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules.Boilerplate;

/// <summary>RL301: a sentence, field value or related-report entry from another industry's report.</summary>
public sealed class OffTopicPassageRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL301", "off-topic-passage", RuleFamily.Boilerplate, Severity.Warning,
        "A sentence, field value or related-report entry whose industry clearly differs from the report's.",
        "Report factories recycle text, and a driver, a trend sentence or a footer entry from another report slips in: "
        + "\"Growth Drivers: Increasing prevalence of gastrointestinal disorders\" in a micro-drama report. The report's "
        + "industry is inferred from its title, headings and body with the industry lexicons (rules/domains/*.yaml, "
        + "weighted words and phrases). A passage is flagged when two signals agree: its own vocabulary points clearly to "
        + "an industry the rest of the report does not speak, and it shares almost none of that vocabulary with the rest "
        + "of the report. Reports that span two industries (telehealth apps, EV batteries) speak both, so neither is "
        + "foreign to them. A footer \"Category : …\" naming another industry is flagged too; a category no lexicon "
        + "claims (\"Services\") is left alone.",
        "Growth Drivers: | Increasing prevalence of gastrointestinal disorders |   (in an Internet Micro Drama report)",
        "Growth Drivers: | Rising smartphone viewing of short-form drama |");

    public override RuleDescriptor Descriptor => Rule;

    public override bool ReadsIndustryLexicons => true;

    public override void Check(RuleContext context)
    {
        var pinned = context.Industry is { } name ? context.Knowledge.Industries.Named(name) : null;
        foreach (var verdict in OffTopicAnalysis.Analyse(context.Document, context.Claims, context.Knowledge.Industries, pinned).Verdicts)
        {
            if (!verdict.IsOffTopic) continue;
            var finding = context.Report(verdict.Span, verdict.Message);
            finding.Properties["industry"] = verdict.Foreign!.Id;
            finding.Properties["reportIndustry"] = verdict.Home.Id;
            finding.Properties["score"] = verdict.Score.ToString("0.##", CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>One passage weighed against the report it stands in.</summary>
public sealed record OffTopicVerdict(
    Statement Statement, TextSpan Span, string What, IndustryLexicon Home, IndustryLexicon? Foreign,
    double Strength, double Affinity, double HomeInPassage, double Shared, double Overlap, double Score, IReadOnlyList<string> Evidence, string? Category)
{
    public bool IsOffTopic => Foreign is not null && Score >= OffTopicAnalysis.Threshold;

    public string Message =>
        Category is not null
            ? $"{What} '{Category}' names {Foreign!.Name} in a {Home.Name} report: a related-report entry from another industry's footer. Remove it or replace it with a related {Home.Name} report."
            : $"{What} reads as {Foreign!.Name} ({string.Join(", ", Evidence)}) in a {Home.Name} report, and shares almost none of that vocabulary with the rest of the report: probably pasted from another report. Replace it with text about this market.";
}

public sealed record OffTopicAnalysisResult(IndustryProfile Document, IndustryLexicon? Home, IReadOnlyList<OffTopicVerdict> Verdicts);

/// <summary>
/// Infers a report's industry and weighs each passage against it. Two signals must agree: the passage's industry profile
/// (strong in an industry the report barely speaks, weak in the report's own), and how little of the passage's industry
/// vocabulary appears anywhere else in the report.
/// </summary>
public static class OffTopicAnalysis
{
    /// <summary>Score at which a passage is reported.</summary>
    public const double Threshold = 1.0;

    private const double TitleWeight = 3, HeadingWeight = 2;
    /// <summary>Industry points a passage needs before it can be called anything (one strong word and a weaker one).</summary>
    private const double MinStrength = 5;
    /// <summary>A report needs this much industry vocabulary before it has an industry to be off.</summary>
    private const double MinDocumentMass = 30;
    /// <summary>An industry the rest of the report speaks at this fraction of its main industry's level is not foreign to it.</summary>
    private const double MaxAffinity = 0.3;

    private static readonly string[] StructuralKeys =
        ["compan", "geograph", "region", "countr", "segment", "coverage", "base year", "historical", "forecast", "size", "value", "cagr",
         "pages", "price", "date", "report", "published", "format", "author", "unit", "currency", "key players"];

    /// <summary>Analyses every passage; <paramref name="pinned"/> is the industry the author set in configuration, which then outweighs the text.</summary>
    public static OffTopicAnalysisResult Analyse(ReportDocument document, ClaimsModel claims, IndustryLexicons lexicons, IndustryLexicon? pinned = null)
    {
        var parts = new List<(Statement Statement, IndustryProfile Profile, double Weight, string? Category, WordRun Words)>(claims.Statements.Count);
        var total = lexicons.Empty();
        string title = document.Title;
        foreach (var statement in claims.StatementSpan)
        {
            string? category = CategoryOf(statement);
            // A field's value, or the whole statement: the passage that is weighed.
            var words = statement.Field is { } f && category is null ? Words.In(statement.Block, f.ValueSpan, f.Value) : statement.Words;
            var profile = lexicons.Profile(words);
            double weight = statement.Block.Kind == BlockKind.Heading
                ? (title.Length > 0 && statement.Block.Text.Contains(title, StringComparison.Ordinal) ? TitleWeight : HeadingWeight)
                : 1;
            if (category is null) total.Add(profile, weight);
            parts.Add((statement, profile, weight, category, words));
        }
        // Plain text has no marked title: its first line stands in for it.
        if (document.Format == DocumentFormat.PlainText && !claims.Statements.Any(s => s.Block.Kind == BlockKind.Heading) && claims.Statements.Count > 0)
            total.Add(parts[0].Profile, TitleWeight - 1);

        if (pinned is not null) total.Boost(pinned, Math.Max(total.Total, MinDocumentMass) * 4);
        var home = total.Top;
        var verdicts = new List<OffTopicVerdict>();
        if (home is null || total[home] < MinDocumentMass) return new OffTopicAnalysisResult(total, null, verdicts);

        // Which lexicon words the report uses, and how often, to tell a passing mention from a theme: counted by the words'
        // indices in the lexicons, in an array kept per thread and zeroed for each report (a string-keyed dictionary hashed
        // each word twice; zeroing the array costs less than one hash per hit).
        var wordCounts = t_wordCounts is { } kept && kept.Length == lexicons.KeyCount ? kept : t_wordCounts = new int[lexicons.KeyCount];
        Array.Clear(wordCounts);
        foreach (var p in parts)
        {
            if (p.Category is not null) continue;
            foreach (var hit in p.Profile.HitSpan) wordCounts[hit.KeyIndex]++;
        }

        // The report's content words, numbered per thread, and how often each occurs in the report.
        var contentWords = ContentWordTable.ForReport();
        var passage = t_passage ??= new List<int>();
        foreach (var block in document.BlockSpan)
        {
            if (block.Kind == BlockKind.Comment) continue;
            contentWords.Count(Words.Of(block).All);
        }

        passage.Clear();
        contentWords.Read(BlockWords.Read(title + " " + claims.MarketName, 0).All, passage);
        var subject = passage.Where(w => !TitleWords.Contains(contentWords.WordOf(w))).Distinct().ToArray();

        // The report without the passage: one buffer, refilled for each passage. The industries as an array: these loops run
        // for every passage, and each read through the list's interface was a call.
        var rest = new double[lexicons.Industries.Count];
        IndustryLexicon[] industries = [.. lexicons.Industries];
        var totalScores = total.Scores;
        foreach (var (statement, profile, weight, category, words) in parts)
        {
            if (statement.Block.Kind == BlockKind.Comment || statement.Block.Kind == BlockKind.Heading && category is null) continue;
            if (category is null && statement.Field is { } field && IsStructural(field)) continue;
            var scores = profile.Scores;
            for (int i = 0; i < rest.Length; i++) rest[i] = category is null ? totalScores[i] + scores[i] * -weight : totalScores[i];
            var restHome = IndustryProfile.TopOf(industries, rest) ?? home;
            double restTop = rest[restHome.Index];
            if (restTop <= 0) continue;

            if (category is not null)
            {
                var named = lexicons.ForCategory(category);
                if (named is null) continue;
                double aff = rest[named.Index] / restTop;
                double catScore = aff < 0.25 ? 1 + (0.25 - aff) * 4 : 0;
                verdicts.Add(new OffTopicVerdict(statement, statement.Field!.ValueSpan, "The footer category", restHome, named, 0, aff, 0, 0, 0, catScore, [], category));
                continue;
            }

            // The passage's strongest industry (the first in file order among equals) that the rest of the report barely speaks.
            IndustryLexicon? F = null;
            foreach (var industry in industries)
                if (scores[industry.Index] > 0 && rest[industry.Index] / restTop < 0.5 && (F is null || scores[industry.Index] > scores[F.Index])) F = industry;
            if (F is null) continue;
            double strength = profile[F];
            double affinity = rest[F.Index] / restTop;
            // The passage's own pull toward the industries the report does speak.
            double homeIn = 0;
            foreach (var industry in industries)
                if (industry.Index != F.Index && scores[industry.Index] > 0) homeIn = Math.Max(homeIn, scores[industry.Index] * Math.Min(1, rest[industry.Index] / restTop * 2));
            // Of the passage's evidence for F, how much the rest of the report also uses.
            double evidence = 0, shared = 0;
            foreach (var hit in profile.HitSpan)
            {
                int w = hit.WeightIn(F);
                if (w == 0) continue;
                evidence += w;
                if (wordCounts[hit.KeyIndex] > 1) shared += w;
            }
            double sharedRatio = evidence > 0 ? shared / evidence : 1;
            double overlap = 0, score = 0;
            // Below the strength a verdict needs, the score is 0 whatever the rest says: skip reading the passage again.
            if (strength >= MinStrength)
            {
                var content = passage;
                content.Clear();
                contentWords.Read(words, content);
                overlap = contentWords.Overlap(content);
                // Naming the report's own subject ("epoxies" in an epoxy report) is the surest sign of being on topic.
                bool namesSubject = content.Any(w => Array.IndexOf(subject, w) >= 0);
                score = (strength / MinStrength) * Math.Max(0, 1 - affinity / MaxAffinity) * (1 - sharedRatio) * Math.Max(0, 1 - homeIn / strength)
                        * (1 - overlap) * (namesSubject ? 0.3 : 1);
            }
            var span = statement.Field is { } fv ? fv.ValueSpan : statement.Span;
            // The evidence is named only in a finding's message.
            var evidenceWords = score >= Threshold ? profile.EvidenceFor(F) : [];
            verdicts.Add(new OffTopicVerdict(statement, span, Describe(statement), restHome, F, strength, affinity, homeIn, sharedRatio, overlap, score, evidenceWords, null));
        }
        if (passage.Capacity > MaxKept) t_passage = null;
        return new OffTopicAnalysisResult(total, home, verdicts);
    }

    // Per thread, emptied for each use: the report's lexicon-word counts, and a passage's content words.
    [ThreadStatic] private static int[]? t_wordCounts;
    [ThreadStatic] private static List<int>? t_passage;

    /// <summary>Past this many entries a table is not kept for the thread's next report (a giant report's would stay in memory).</summary>
    private const int MaxKept = 50_000;

    /// <summary>Scope-table keys whose values list names and numbers (companies, regions, segments, years), not prose about the market.</summary>
    private static bool IsStructural(Field field)
    {
        // Reports reuse a few keys ("Base Year", "Key Players"): each is weighed once per thread.
        var known = t_structural ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (known.TryGetValue(field.Key, out bool structural)) return structural;
        var key = " " + string.Join(' ', Words.TokenList(field.Key));
        structural = key.StartsWith(" by ", StringComparison.Ordinal) || SpacedStructuralKeys.Any(k => key.Contains(k, StringComparison.Ordinal));
        if (known.Count >= MaxKept) known.Clear();
        known[field.Key] = structural;
        return structural;
    }

    [ThreadStatic] private static Dictionary<string, bool>? t_structural;

    /// <summary>Each structural key as it must start a word: " compan", " region".</summary>
    private static readonly string[] SpacedStructuralKeys = StructuralKeys.Select(k => " " + k).ToArray();

    /// <summary>The content word <paramref name="token"/> stands for, or null: no function words, no market-research boilerplate, plurals folded.</summary>
    private static string? ContentWordOf(string token) =>
        token.Length < 4 || char.IsDigit(token[0]) || CommonWords.Contains(token) ? null : Singular(token);

    /// <summary>
    /// The content words of this thread's reports, numbered, with each report's counts of them. Each token maps to its
    /// content word once per thread: through the token's word id (an array read) when it has one, else by its text.
    /// </summary>
    private sealed class ContentWordTable
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<string> _words = new();
        // Token text to content word number (-1: not a content word), for tokens read without a word id.
        private readonly Dictionary<string, int> _byToken = new(StringComparer.Ordinal);
        // Word id (of one generation of the tokeniser's numbering) to content word number + 2 (0: not looked up, 1: none).
        private readonly WordIdMemo<int> _byWordId = new();
        private int[] _own = new int[256];

        /// <summary>How often each content word occurs in the report being analysed, by number.</summary>
        public int[] Counts { get; private set; } = new int[256];

        [ThreadStatic] private static ContentWordTable? t_table;

        /// <summary>This thread's table with every count at zero; a new one after a giant report.</summary>
        public static ContentWordTable ForReport()
        {
            var table = t_table;
            if (table is null || table._numbers.Count > MaxKept || table._byToken.Count > MaxKept) return t_table = new ContentWordTable();
            Array.Clear(table.Counts);
            return table;
        }

        public string WordOf(int number) => _words[number];

        /// <summary>Adds the numbers of the content words of <paramref name="run"/>, in order, to <paramref name="into"/>.</summary>
        public void Read(WordRun run, List<int> into) => Read(run, into, count: false);

        /// <summary>Counts the content words of <paramref name="run"/> into <see cref="Counts"/>.</summary>
        public void Count(WordRun run) => Read(run, null, count: true);

        private void Read(WordRun run, List<int>? into, bool count)
        {
            var tokens = run.Tokens;
            var ids = run.Ids.Span;
            bool byId = run.Generation >= 0;
            if (byId) _byWordId.Use(run.Generation);
            for (int i = 0; i < tokens.Length; i++)
            {
                int number;
                if (byId && ids[i] >= 0)
                {
                    int id = ids[i];
                    ref int known = ref _byWordId[id];
                    if (known == 0) known = NumberOfToken(tokens[i]) + 2;
                    number = known - 2;
                }
                else number = NumberOfToken(tokens[i]);
                if (number < 0) continue;
                if (count) Counts[number]++;
                else into!.Add(number);
            }
        }

        private int NumberOfToken(string token)
        {
            ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(_byToken, token, out bool known);
            if (!known) number = ContentWordOf(token) is { } word ? NumberOf(word) : -1;
            return number;
        }

        private int NumberOf(string word)
        {
            ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, word, out bool known);
            if (known) return number;
            number = _words.Count;
            _words.Add(word);
            if (number >= Counts.Length)
            {
                var counts = Counts;
                Array.Resize(ref counts, Counts.Length * 2);
                Counts = counts;
                Array.Resize(ref _own, counts.Length);
            }
            return number;
        }

        /// <summary>How much of a passage's own vocabulary the rest of the report uses: the mean, over its content words, of how often each recurs elsewhere (two or more times counts fully).</summary>
        public double Overlap(List<int> words)
        {
            if (words.Count == 0) return 1;
            var own = _own;
            foreach (int w in words) own[w]++;
            // The mean over distinct words, summed in order of first appearance (as Distinct().Average() would); each
            // word's own count is zeroed once it is summed, which marks it counted and leaves the array empty again.
            double sum = 0;
            int distinct = 0;
            foreach (int w in words)
            {
                if (own[w] == 0) continue;
                sum += Math.Min(1, (Counts[w] - own[w]) / 2.0);
                own[w] = 0;
                distinct++;
            }
            return sum / distinct;
        }
    }

    private static string Singular(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4 ? w[..^3] + "y"
        : w.EndsWith("ses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 4 ? w[..^1]
        : w;

    private static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal)
    {
        "outlook", "statistic", "insight", "forecast", "trend", "analysi", "analysis", "report", "study", "research", "overview", "opportunity", "scope",
    };

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "about", "above", "across", "after", "again", "against", "along", "also", "although", "among", "another", "because", "been", "before",
        "being", "below", "between", "both", "could", "does", "doing", "down", "during", "each", "either", "even", "every", "from", "further",
        "have", "having", "here", "into", "itself", "just", "least", "less", "like", "made", "make", "makes", "many", "more", "most", "much",
        "must", "need", "needs", "only", "other", "others", "over", "same", "several", "should", "since", "some", "such", "than", "that", "their",
        "them", "then", "there", "these", "they", "this", "those", "through", "thus", "toward", "towards", "under", "until", "upon", "very",
        "well", "were", "what", "when", "where", "whether", "which", "while", "will", "with", "within", "without", "would", "your", "first",
        "market", "markets", "growth", "growing", "grow", "grows", "demand", "revenue", "revenues", "player", "players", "segment", "segments",
        "region", "regions", "regional", "forecast", "adoption", "innovation", "innovations", "technology", "technologies", "platform", "platforms",
        "solution", "solutions", "digital", "service", "services", "product", "products", "consumer", "consumers", "company", "companies",
        "investment", "investments", "strategic", "cagr", "global", "industry", "industries", "driver", "drivers", "trend", "trends", "rising",
        "increasing", "increase", "increased", "expanding", "expand", "expansion", "higher", "lower", "large", "larger", "largest", "leading", "major",
        "share", "shares", "value", "size", "period", "year", "years", "billion", "million", "usd", "percent", "new", "key", "high", "rapid",
        "rapidly", "strong", "greater", "use", "used", "using", "uses", "based", "level", "levels", "rate", "rates", "cost", "costs", "price",
        "prices", "across", "including", "include", "includes", "remain", "remains", "continue", "continues", "support", "supports", "help",
        "helps", "helping", "offer", "offers", "provide", "provides", "provider", "providers", "customer", "customers", "user", "users", "wider",
        "widespread", "launch", "launched", "launching", "accelerating", "adding", "driving", "driven", "shift", "shifting", "moving", "reach",
        "reached", "number", "range", "part", "time", "times", "term", "terms", "average", "total", "overall", "available", "availability",
        "north", "america", "europe", "asia", "pacific", "latin", "middle", "east", "africa", "country", "countries", "government", "governments",
        "public", "private", "sector", "sectors", "national", "local", "report", "analysis", "opportunity", "opportunities", "challenge",
        "challenges", "restraint", "restraints", "risk", "risks", "development", "developments", "developing", "developed", "recent", "recently",
        "emerging", "established", "mature", "maturity", "application", "applications", "type", "types", "end", "system", "systems", "ability",
        "potential", "significant", "significantly", "further", "still", "remain", "making", "make", "allowing", "allow", "allows", "enable",
        "enables", "enabling", "improve", "improves", "improving", "improved", "reduce", "reduces", "reducing", "reduced", "among", "younger",
        "older", "people", "business", "businesses", "model", "models", "quality", "demand", "supply", "chain", "chains", "production", "produce",
        "producer", "producers", "manufacturer", "manufacturers", "sales", "sell", "selling", "buyer", "buyers", "brand", "brands",
    };

    /// <summary>The label of a footer "Category : Medical Devices" field, or null.</summary>
    private static string? CategoryOf(Statement statement)
    {
        if (statement.Field is not { } field) return null;
        var key = field.NormalizedKey;
        return key == "category" || key.EndsWith(" category", StringComparison.Ordinal) || key == "categories" ? field.Value.Trim() : null;
    }

    private static string Describe(Statement statement)
    {
        if (statement.Field is { } field)
        {
            string key = field.Key.Trim().TrimEnd(':').Trim();
            return $"The '{key}' entry";
        }
        return statement.Block.Kind == BlockKind.ListItem ? "This list item" : "This sentence";
    }
}
