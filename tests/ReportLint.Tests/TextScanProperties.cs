using CsCheck;
using FluentAssertions;
using ReportLint.Core.Claims;
using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules.Boilerplate;
using Xunit;

namespace ReportLint.Tests;

/// <summary>Text scans rewritten for speed still mean what their plain definitions say: shared block tokens, clause breaks.</summary>
public class TextScanProperties
{
    private static List<(int Start, int End, string Token)> Plain(string text, int baseOffset) =>
        Words.Tokenize(text).Select(t => (baseOffset + t.Start, baseOffset + t.End, t.Token)).ToList();

    private static List<(int Start, int End, string Token)> Shared(WordRun run) =>
        Enumerable.Range(0, run.Count).Select(i => (run.StartOf(i), run.EndOf(i), run.Tokens[i])).ToList();

    [Fact]
    public void Any_stretch_of_a_block_has_the_tokens_of_its_own_text()
    {
        string[] pieces = ["Market", "size", "USD", "1.45", "billion", " ", "  ", ",", ".", "-", "(", "CAGR", "13.5%", "Région", "Ünit", "\n", "|", "ab", "x"];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 30].Select(string.Concat);
        Gen.Select(texts, Gen.Int[0, 500], Gen.Double[0, 1], Gen.Double[0, 1]).Sample((text, blockStart, a, b) =>
        {
            var block = new Block(BlockKind.Paragraph, new TextSpan(blockStart, blockStart + text.Length), text);
            int s = (int)(Math.Min(a, b) * text.Length), e = (int)(Math.Max(a, b) * text.Length);
            var span = new TextSpan(blockStart + s, blockStart + e);
            Shared(Words.In(block, span, text[s..e])).Should().Equal(Plain(text[s..e], span.Start), $"'{text[s..e]}' in '{text}'");
            Shared(Words.In(block, block.Span, text)).Should().Equal(Plain(text, blockStart));
        }, iter: 20_000);
    }

    /// <summary>
    /// A block's tokens are read in one pass that lower-cases, packs and hashes ASCII words as it scans them, and falls back
    /// to the general path for a word that goes on past ASCII: either way each token and its id are those of the word read
    /// alone, whatever its length (the short-word cache ends at 8 characters, the medium one at 16, interning at 64).
    /// </summary>
    [Fact]
    public void Block_tokens_and_ids_are_those_of_each_word_read_alone()
    {
        // Words of 9 to 16 characters are cached by their first and last 8 and their length: "aaaaaaaaa" and
        // "aaaaaaaaaa" differ in length alone.
        string[] pieces = ["Market", "MARKETS", "segmentation", "Abcdefgh", "abcdefghi", "aaaaaaaaa", "AAAAAAAAAA", "Pharmaceuticals",
            "abcdefghABCDEFGH", "abcdefghabcdefghq", "Région", "naïve", "CAFÉ", "x",
            new string('Q', 64), new string('q', 65) + "Z", "2032", "\u212Aelvin", " ", ", ", "-", "—", "\u00A0",
            // Short words and single characters, so that words fall at every position of the 64-character windows the
            // tokeniser classifies at once, next to characters past ASCII (letters, which continue a word, and others).
            "a", "Ab", "b2", "Z", "9", ".", "  ", "é", "\u0130", "ß", "\u2019", "\r\n", "@", "[", "`", "{", "\u007F", "\u0080"];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 60].Select(string.Concat);
        Gen.Select(texts, Gen.Int[0, 500]).Sample((text, baseOffset) =>
        {
            var words = BlockWords.Read(text, baseOffset);
            Shared(words.All).Should().Equal(Plain(text, baseOffset), $"'{text}'");
            for (int i = 0; i < words.Count; i++)
                words.Ids[i].Should().Be(words.Tokens[i].Length > 64 ? -1 : Words.IdOf(words.Tokens[i]), $"'{words.Tokens[i]}' in '{text}'");
        }, iter: 20_000);
    }

    /// <summary>
    /// Statements are cut from their block's text in place: the sentences are those of the plain definition, cutting at a
    /// full stop that ends a sentence (not after an abbreviation, an initial or inside a number), '!', '?' or a blank line,
    /// and a stretch longer than <see cref="SentenceSplitter.MaxSentenceLength"/> at the last space of its second half.
    /// </summary>
    [Fact]
    public void Sentences_are_cut_at_their_stops_and_long_ones_at_spaces()
    {
        string[] pieces = ["Market", "grew", " ", "  ", ". ", ".", "! ", "? ", "\n", "\n\n", "U.S.", " Inc. ", "1.45", " e.g. ", "J. ", "\"", ") ",
            "The", new string('x', 700), "\t", "\u00A0"];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 200].Select(string.Concat);
        texts.Sample(text =>
        {
            var sentences = new List<(int Start, int End)>();
            SentenceSplitter.Split(text, sentences);
            sentences.Should().Equal(PlainSentences(text), $"'{text}'");
        }, iter: 5_000);

        static List<(int Start, int End)> PlainSentences(string text)
        {
            const int max = SentenceSplitter.MaxSentenceLength;
            var stops = new List<(int, int)>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c is not ('.' or '!' or '?' or '\n')) continue;
                if (c == '\n' && !(i + 1 < text.Length && text[i + 1] == '\n')) continue;
                if (c == '.' && !SentenceSplitter.IsSentenceEnd(text, i)) continue;
                int end = i + 1;
                while (end < text.Length && text[end] is '"' or '”' or '’' or ')') end++;
                if (end < text.Length && !char.IsWhiteSpace(text[end])) continue;
                stops.Add(Trim(text, start, end));
                start = end;
            }
            stops.Add(Trim(text, start, text.Length));
            var sentences = new List<(int, int)>();
            foreach (var (s, e) in stops.Where(p => p.Item2 > p.Item1))
            {
                int from = s;
                while (e - from > max)
                {
                    int cut = text.LastIndexOf(' ', from + max, max / 2);
                    if (cut <= from) cut = from + max;
                    sentences.Add((from, cut));
                    from = cut;
                    while (from < e && char.IsWhiteSpace(text[from])) from++;
                }
                if (e > from) sentences.Add((from, e));
            }
            return sentences;
        }

        static (int, int) Trim(string text, int s, int e)
        {
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            return (s, e);
        }
    }

    /// <summary>
    /// A figure's hedge ("about", "up to", "more than") is looked for only among the phrases that end in the character
    /// before the figure: the answer is the plain one, trying every phrase in order, whatever the case and script of
    /// the words before it.
    /// </summary>
    [Fact]
    public void A_figures_hedge_is_the_first_phrase_in_order_that_ends_before_it()
    {
        string[] pieces = ["about", "ABOUT ", "up to ", "over", "more than", "Just Over ", "ſurpass", "abouı", "aboıt", "crosſ", " ", "\u00A0", "x", "1", "-", "approx."];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 6].Select(string.Concat);
        Gen.Select(texts, Gen.Int[0, 100]).Sample((prefix, cut) =>
        {
            string text = prefix + "USD 1.45 billion";
            int figureStart = prefix.Length;
            FigureScanner.HedgeBefore(text, figureStart).Should().Be(PlainHedge(text, figureStart), $"'{prefix}'");
        }, iter: 20_000);

        static Hedge PlainHedge(string text, int figureStart)
        {
            int e = figureStart;
            while (e > 0 && text[e - 1] is ' ' or '\u00A0') e--;
            var window = text.AsSpan(Math.Max(0, e - 16), e - Math.Max(0, e - 16));
            foreach (var (phrase, hedge) in FigureScanner.HedgePhrases)
                if (window.EndsWith(phrase, StringComparison.OrdinalIgnoreCase) && !(e - phrase.Length > 0 && char.IsLetter(text[e - phrase.Length - 1])))
                    return hedge;
            return Hedge.None;
        }
    }

    /// <summary>
    /// Finding the first token that ends after an offset gallops on from the previous answer: whatever order the offsets
    /// come in, the answer is the plain one.
    /// </summary>
    [Fact]
    public void The_first_token_ending_after_an_offset_does_not_depend_on_the_offsets_asked_before()
    {
        string[] pieces = ["market", " ", "  ", "a", ", ", "USD 1.45", "\n", "growth"];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 60].Select(string.Concat);
        Gen.Select(texts, Gen.Int[0, 100].Array[1, 20]).Sample((text, queries) =>
        {
            var words = BlockWords.Read(text, 0);
            foreach (int q in queries)
            {
                int offset = q * (text.Length + 2) / 100 - 1;
                int plain = 0;
                while (plain < words.Count && words.Ends[plain] <= offset) plain++;
                words.FirstEndingAfter(offset).Should().Be(plain, $"offset {offset} in '{text}'");
            }
        }, iter: 20_000);
    }

    /// <summary>
    /// The tokeniser's table of words hashes and compares ASCII words without lower-casing them first: whatever the case or
    /// script, a token is the word in lower case (invariant culture), and two words share an id exactly when their lower
    /// cases are equal.
    /// </summary>
    [Fact]
    public void Tokens_are_their_words_in_lower_case_and_share_ids_exactly_when_those_are_equal()
    {
        // Letters whose lower case is ASCII although they are not (the Kelvin sign is 'k'), and the reverse (İ).
        string letters = "aAbBkKzZ09\u212A\u0130i\u00C9\u00E9\u03A3\u03C3\u00DF";
        var words = Gen.Int[0, letters.Length - 1].Select(i => letters[i]).Array[1, 6].Select(cs => new string(cs));
        Gen.Select(words, words).Sample((a, b) =>
        {
            var (tokenA, tokenB) = (Words.TokenList(a).Single(), Words.TokenList(b).Single());
            tokenA.Should().Be(a.ToLowerInvariant());
            tokenB.Should().Be(b.ToLowerInvariant());
            (Words.IdOf(tokenA) == Words.IdOf(tokenB)).Should().Be(tokenA == tokenB, $"'{a}' and '{b}'");
            // Equal tokens are one shared string.
            if (tokenA == tokenB) ReferenceEquals(tokenA, tokenB).Should().BeTrue();
        }, iter: 20_000);
    }

    /// <summary>
    /// The off-topic analysis numbers content words through the tokeniser's word ids, which a thread renumbers whenever its
    /// table of words fills up. Filled to just short of that point, the table starts afresh while a report is read, so that
    /// the report's blocks carry ids of two numberings: every verdict must still be what a fresh table gives.
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(150)]
    [InlineData(600)]
    public void Off_topic_verdicts_do_not_depend_on_where_the_word_table_starts_afresh(int wordsBeforeRestart)
    {
        var knowledge = KnowledgeBase.BuiltIn;
        var reports = Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "reports", "off-topic"))
            .Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        reports.Should().HaveCountGreaterThan(5);
        List<string> Verdicts(string path)
        {
            var document = DocumentReader.Parse(path, File.ReadAllText(path), DocumentReader.FormatFor(path));
            var analysis = OffTopicAnalysis.Analyse(document, ClaimExtractor.Extract(document, knowledge), knowledge.Industries);
            return analysis.Verdicts.Select(v => $"{v.Span} {v.Foreign?.Id} {v.Score:R} {v.Overlap:R} {v.Shared:R} {v.Strength:R}").ToList();
        }
        foreach (var path in reports)
        {
            var fresh = Verdicts(path);
            fresh.Should().NotBeEmpty();
            int generation = Words.Generation;
            FillWordTableUntilRestart(wordsBeforeRestart);
            int filled = Words.Generation;
            Verdicts(path).Should().Equal(fresh, $"{Path.GetFileName(path)} read across a restart of the word table");
            Words.Generation.Should().NotBe(filled, "the table must start afresh while the report is read");
            Words.Generation.Should().NotBe(generation);
        }
    }

    /// <summary>Numbers new words until this thread's table starts afresh, then fills it to <paramref name="room"/> words short of the next restart.</summary>
    private static void FillWordTableUntilRestart(int room)
    {
        const int capacity = 100_000;
        int generation = Words.Generation, n = 0;
        while (Words.Generation == generation) Words.TokenList("filler" + n++ + "q");
        // The word that made the table start afresh is its first; fill all but room of the rest.
        for (int i = 1; i < capacity - room; i++) Words.TokenList("filler" + n++ + "q");
    }

    [Fact]
    public void A_text_that_is_not_the_blocks_own_at_the_span_is_read_on_its_own()
    {
        var block = new Block(BlockKind.Paragraph, new TextSpan(10, 30), "Growth in **Europe**");
        var run = Words.In(block, new TextSpan(20, 26), "Europa");
        Shared(run).Should().Equal((20, 26, "europa"));
    }

    [Fact]
    public void Names_looked_up_only_at_the_words_they_begin_with_are_the_names_a_scan_of_every_character_finds()
    {
        string longWord = new('q', 70);
        var matcher = new PhraseMatcher<string>(new (string, string, bool)[]
        {
            ("U.S.", "u.s.", false), ("US", "US", true), ("North America", "na", false), ("America", "america", false), ("Asia-Pacific", "apac", false),
            ("Asia Pacific", "apac2", false), ("C\u00F4te d'Ivoire", "ci", false), ("5G", "5g", false), ("'s Hertogenbosch", "apostrophe", false),
            (longWord + " Land", "long", false), ("K", "k", true), ("\u00C4sia", "umlaut", false),
        });
        string[] pieces = ["U.S.", "U.S.Army", "us", "US", "USD", "North", "north", " ", "  ", "America", "AMERICA", "Asia", "-", "\u2013", "Pacific", "C\u00F4te",
            "d\u2019Ivoire", "d'Ivoire", "5G", "5", "G", "'s", "Hertogenbosch", longWord, "Land", "K", "k", "\u00E4sia", ",", ".", "\u00A0", "(", "x"];
        void Check(string text, int blockStart, int s, int e)
        {
            var block = new Block(BlockKind.Paragraph, new TextSpan(blockStart, blockStart + text.Length), text);
            var span = new TextSpan(blockStart + s, blockStart + e);
            string stretch = text[s..e];
            matcher.Find(stretch, Words.In(block, span, stretch), span.Start).Should().Equal(matcher.Find(stretch), $"'{stretch}' in '{text}'");
            var gazetteer = Gazetteer.BuiltIn;
            gazetteer.Find(stretch, Words.In(block, span, stretch), span.Start).Should().Equal(gazetteer.Find(stretch, span.Start), $"'{stretch}' in '{text}'");
        }

        foreach (var text in new[] { $"{longWord} Land", "U.S.Army and the US, not us", "C\u00F4te d\u2019Ivoire", "North America and America", "5G in K and k" })
        {
            new PhraseMatcher<string>([]).Find(text, Words.In(new Block(BlockKind.Paragraph, new TextSpan(0, text.Length), text), new TextSpan(0, text.Length), text), 0).Should().BeEmpty();
            matcher.Find(text).Should().NotBeEmpty();
            Check(text, 0, 0, text.Length);
        }
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 16].Select(string.Concat);
        Gen.Select(texts, Gen.Int[0, 500], Gen.Double[0, 1], Gen.Double[0, 1]).Sample((text, blockStart, a, b) =>
            Check(text, blockStart, (int)(Math.Min(a, b) * text.Length), (int)(Math.Max(a, b) * text.Length)), iter: 20_000);
    }

    [Fact]
    public void Text_the_segmentation_pattern_matches_contains_one_of_the_words_it_is_searched_for()
    {
        string[] pieces = [" ", "\t", ",", "(", "By", "by", "BY", "based on", "Based on", "on the basis of", "On the basis of", "Segmentation by", "segmented by",
            "Platform", "Genre", "and", "&", "End-User", "region", "\u00A0", "\n", "bY"];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 10].Select(string.Concat);
        int matched = 0;
        texts.Sample(text =>
        {
            if (!ScopeFacts.ByDimension().IsMatch(text)) return;
            matched++;
            text.AsSpan().ContainsAny(ScopeFacts.ByDimensionWords).Should().BeTrue($"'{text}' matches");
        }, iter: 20_000);
        matched.Should().BeGreaterThan(100);
    }

    /// <summary>The definition the clause search was written against: the last occurrence of each break within the window.</summary>
    private static int PlainClauseStart(string text, int local)
    {
        int clauseStart = 0, window = Math.Min(local, SubjectResolver.ClauseWindow);
        foreach (var br in SubjectResolver.ClauseBreaks)
        {
            if (local == 0) break;
            int b = text.LastIndexOf(br, local - 1, window, StringComparison.OrdinalIgnoreCase);
            if (b >= 0 && b + br.Length <= local) clauseStart = Math.Max(clauseStart, b + br.Length);
        }
        return clauseStart;
    }

    [Fact]
    public void A_figures_clause_starts_after_the_last_break_before_it_within_the_window()
    {
        string[] pieces = [" while ", " WITH ", " with with ", ";", " than ", " followed by ", "USD 1.2 billion", " Europe", " x", new string('a', 150), "whilst", " ahead of ", " "];
        var texts = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 12].Select(string.Concat);
        Gen.Select(texts, Gen.Double[0, 1]).Sample((text, at) =>
        {
            int local = (int)(at * text.Length);
            SubjectResolver.ClauseStart(SubjectResolver.FindBreaks(text), local).Should().Be(PlainClauseStart(text, local), $"at {local} in '{text}'");
        }, iter: 20_000);
    }
}
