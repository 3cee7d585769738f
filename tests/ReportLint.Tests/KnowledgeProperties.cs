using CsCheck;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Knowledge;
using Xunit;

namespace ReportLint.Tests;

/// <summary>Knowledge lookups that were rewritten for speed still mean what their plain definitions say.</summary>
public class KnowledgeProperties
{
    /// <summary>The definition <see cref="SegmentDimensions.Key"/> is written against: strings, splits and joins.</summary>
    private static string PlainKey(SegmentDimensions dimensions, string name)
    {
        var t = name.Trim().TrimEnd(':', ',', '.').Trim();
        foreach (var p in dimensions.Prefixes)
            if (t.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase)) { t = t[(p.Length + 1)..]; break; }
        var chars = t.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_dimension_key_is_the_lower_cased_words_after_the_prefix()
    {
        var dimensions = SegmentDimensions.BuiltIn;
        string[] words = ["By", "by ", "Based on", "Segmentation by", "End-Use", "end use", "Platform/Channel", "Région", "  ", ":", ",", ".", "-", "/", "5G", "Ünit", "\t", "x"];
        var pieces = Gen.Int[0, words.Length - 1].Select(i => words[i]);
        var names = Gen.OneOf(pieces.Array[0, 8].Select(p => string.Join(" ", p)), pieces.Array[0, 8].Select(string.Concat), Gen.String);
        names.Sample(name => dimensions.Key(name).Should().Be(PlainKey(dimensions, name), $"the key of '{name}'"), iter: 20_000);
    }

    /// <summary>The definition <see cref="CompanyNames.Normalize"/> is written against: every legal suffix tried at the end
    /// of the name, longest first, until none is left; then a split, lower-casing and the filler words dropped.</summary>
    private static List<string> PlainNormalize(CompanyNamesData data, string name)
    {
        var suffixes = data.LegalSuffixes.OrderByDescending(s => s.Length).ToArray();
        var leading = new HashSet<string>(data.LeadingWords, StringComparer.OrdinalIgnoreCase);
        var trailing = new HashSet<string>(data.TrailingWords, StringComparer.OrdinalIgnoreCase);
        var t = name.Trim().TrimEnd(',', ';', '.').Trim();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var s in suffixes)
                if (t.Length > s.Length + 1 && t.EndsWith(s, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(t[t.Length - s.Length - 1]))
                {
                    t = t[..^s.Length].TrimEnd(' ', ',', '.').Trim();
                    changed = true;
                    break;
                }
        }
        var tokens = t.Split([' ', '-', '/', '(', ')', ',', '.', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant().TrimEnd('+')).Where(w => w.Length > 0).ToList();
        while (tokens.Count > 1 && leading.Contains(tokens[0])) tokens.RemoveAt(0);
        while (tokens.Count > 2 && trailing.Contains(tokens[^1])) tokens.RemoveAt(tokens.Count - 1);
        return tokens;
    }

    public static TheoryData<string> CompanyData => ["built-in", "non-ASCII suffixes"];

    [Theory]
    [MemberData(nameof(CompanyData))]
    public void A_normalised_company_name_is_its_words_without_legal_forms_and_fillers(string which)
    {
        var data = BuiltInData.Companies();
        // A publisher's own list may end suffixes outside ASCII ("Ş", "ı", "ſ"), which take the path that tries every suffix.
        if (which != "built-in") data = data with { LegalSuffixes = ["A.Ş.", "AŞ", "Kı", "Coſ", "S.p.A.", "Ltd"] };
        var companies = new CompanyNames(data);
        // Names built from the real suffixes and filler words, in any case, with the punctuation and characters that case
        // rules treat specially (dotless i, long s, Kelvin sign, sharp s), and arbitrary strings.
        string[] words = ["Tencent", "Disney+", "Hot-star", "ABC", "Net'flix", "(Holdings)", "ı", "ſ", "\u212A", "ß", "É", "İnc", "  ", ",", ".", ";", "&", "+", "/", "\t"];
        string[] all = [.. words, .. data.LegalSuffixes, .. data.LeadingWords, .. data.TrailingWords];
        var piece = Gen.Int[0, all.Length - 1].Select(i => all[i]);
        var cased = Gen.Select(piece, Gen.Int[0, 2], (p, c) => c == 0 ? p : c == 1 ? p.ToUpperInvariant() : p.ToLowerInvariant());
        var names = Gen.OneOf(cased.Array[0, 6].Select(p => string.Join(" ", p)), cased.Array[0, 6].Select(p => string.Join(", ", p)), cased.Array[0, 6].Select(string.Concat), Gen.String);
        names.Sample(name => companies.Normalize(name).Should().Equal(PlainNormalize(data, name), $"the words of '{name}'"), iter: 20_000);
        if (which != "built-in") return;
        companies.Normalize("Tencent Holdings Ltd.").Should().Equal("tencent");
        companies.Normalize("Samsung Electronics Co., Ltd.").Should().Equal("samsung", "electronics");
    }

    /// <summary>Lexicon matching as its definition states it: at each word, the longest run of words that is an entry.</summary>
    private static List<string> PlainLexiconHits(IndustryLexiconsData data, string text)
    {
        var entries = new Dictionary<string, List<(int Industry, int Weight)>>(StringComparer.Ordinal);
        int longest = 1;
        foreach (var (industry, entry, weight) in data.Entries)
        {
            var words = Words.TokenList(entry);
            if (words.Count == 0) continue;
            longest = Math.Max(longest, words.Count);
            var list = entries.TryGetValue(string.Join(' ', words), out var l) ? l : entries[string.Join(' ', words)] = [];
            int existing = list.FindIndex(w => w.Industry == industry);
            if (existing >= 0) list[existing] = (industry, Math.Max(weight, list[existing].Weight));
            else list.Add((industry, weight));
        }
        var tokens = Words.Tokenize(text).ToList();
        var hits = new List<string>();
        for (int i = 0; i < tokens.Count;)
        {
            int n = Math.Min(longest, tokens.Count - i);
            while (n > 0 && !entries.ContainsKey(string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Token)))) n--;
            if (n == 0) { i++; continue; }
            string key = string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Token));
            hits.Add($"{tokens[i].Start}-{tokens[i + n - 1].End} {key} {string.Join(",", entries[key].Select(w => $"{w.Industry}:{w.Weight}"))}");
            i += n;
        }
        return hits;
    }

    [Fact]
    public void The_compiled_lexicon_table_finds_the_longest_entry_at_each_word()
    {
        var rules = Path.Combine(TestPaths.RepoRoot, "rules", "domains");
        var data = IndustryLexicons.Read(Directory.GetFiles(rules, "*.yaml").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).Select(f => YamlData.Load(f)));
        var compiled = IndustryLexicons.BuiltIn;
        string Hits(string text) => string.Join("\n", compiled.Find(text).Select(h => $"{h.Span.Start}-{h.Span.End} {h.Key} {string.Join(",", h.Weights.Select(w => $"{w.Industry.Index}:{w.Weight}"))}"));

        var texts = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "ReportLint.Tests", "Fixtures"), "*.md", SearchOption.AllDirectories)
            .Append(TestPaths.SeedReport).Select(File.ReadAllText).ToList();
        texts.Should().HaveCountGreaterThan(5);
        foreach (var text in texts) Hits(text).Should().Be(string.Join("\n", PlainLexiconHits(data, text)));

        // Runs of lexicon words, where phrases overlap and nest.
        var pieces = data.Entries.Select(e => e.Entry).Concat(data.Entries.SelectMany(e => Words.TokenList(e.Entry))).Distinct().Order(StringComparer.Ordinal).ToArray();
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 40].Select(w => string.Join(" ", w)).Sample(text =>
            Hits(text).Should().Be(string.Join("\n", PlainLexiconHits(data, text))), iter: 2_000);
    }

    /// <summary>
    /// The words a finding names as evidence for an industry: each distinct word once, with its weight where it first
    /// appears, strongest first and, among equals, in order of appearance, at most <c>max</c> of them; words that do not
    /// weigh for the industry left out. Checked against that definition written with LINQ.
    /// </summary>
    [Fact]
    public void Evidence_for_an_industry_is_its_distinct_words_strongest_first_in_order_of_appearance()
    {
        var lexicons = IndustryLexicons.BuiltIn;
        var (a, b) = (lexicons.Industries[0], lexicons.Industries[1]);
        string[] keys = ["alpha", "beta", "gamma", "delta", "omega"];
        var hit = Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, 5], Gen.Int[0, 5]).Select((k, wa, wb) =>
            new LexiconHit(new TextSpan(0, 1), keys[k], [.. new[] { (a, wa), (b, wb) }.Where(w => w.Item2 > 0)]));
        Gen.Select(hit.Array[0, 12], Gen.Int[1, 4]).Sample((hits, max) =>
        {
            var profile = new IndustryProfile(lexicons.Industries, hits, new double[lexicons.Industries.Count]);
            var plain = hits.Select(h => (h.Key, Weight: h.WeightIn(a))).Where(h => h.Weight > 0)
                .GroupBy(h => h.Key).Select(g => (g.Key, g.First().Weight))
                .OrderByDescending(h => h.Weight).Select(h => h.Key).Take(max).ToList();
            profile.EvidenceFor(a, max).Should().Equal(plain);
        }, iter: 5_000);
    }
}
