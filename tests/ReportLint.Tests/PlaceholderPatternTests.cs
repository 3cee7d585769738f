using CsCheck;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Knowledge;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Tests;

/// <summary>Every pattern of rules/placeholders.yaml against its examples in rules/placeholders-examples.yaml.</summary>
public sealed class PlaceholderPatternTests
{
    private static YamlMappingNode Examples()
    {
        var data = YamlData.Parse("placeholders-examples.yaml", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "rules", "placeholders-examples.yaml")));
        return (YamlMappingNode)((YamlMappingNode)data.Root).Children[new YamlScalarNode("examples")];
    }

    private static IEnumerable<string> List(YamlMappingNode entry, string key) =>
        entry.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!) : [];

    public static TheoryData<string> PatternIds()
    {
        var data = new TheoryData<string>();
        foreach (var p in Placeholders.BuiltIn.Patterns) data.Add(p.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void Pattern_matches_its_examples_and_none_of_its_counter_examples(string id)
    {
        var pattern = Placeholders.BuiltIn.Patterns.Single(p => p.Id == id);
        Examples().Children.TryGetValue(new YamlScalarNode(id), out var node).Should().BeTrue($"'{id}' needs examples");
        var entry = (YamlMappingNode)node!;
        var shouldMatch = List(entry, "shouldMatch").ToList();
        shouldMatch.Should().NotBeEmpty();
        foreach (var text in shouldMatch)
            pattern.Regex.IsMatch(text).Should().BeTrue($"'{id}' should match \"{text}\"");
        foreach (var text in List(entry, "shouldNotMatch"))
            pattern.Regex.IsMatch(text).Should().BeFalse($"'{id}' should not match \"{text}\"");
    }

    [Fact]
    public void Every_example_names_a_pattern()
    {
        var ids = Placeholders.BuiltIn.Patterns.Select(p => p.Id).ToHashSet();
        Examples().Children.Keys.Select(k => ((YamlScalarNode)k).Value).Should().OnlyContain(k => ids.Contains(k!));
    }

    [Fact]
    public void A_currency_placeholder_is_reported_once_by_its_most_specific_pattern()
    {
        var found = Placeholders.BuiltIn.Find("The market will reach USD XX billion by 2032.");
        found.Should().ContainSingle().Which.Pattern.Id.Should().Be("currency-x-amount");
    }

    /// <summary>
    /// A pattern's <c>requires</c> strings and its prefilter let text without them go unsearched, so they must be inside
    /// every match it can make: checked on its examples, the seed, the fixtures, and random runs of pieces of the examples
    /// (which match often).
    /// </summary>
    [Fact]
    public void Every_match_contains_one_of_the_strings_its_pattern_requires_and_a_match_of_its_prefilter()
    {
        var restricted = Placeholders.BuiltIn.Patterns.Where(p => p.Requires.Count > 0 || p.Prefilter is not null).ToList();
        restricted.Should().Contain(p => p.Prefilter != null);
        var examples = Examples().Children.Values.Cast<YamlMappingNode>().SelectMany(e => List(e, "shouldMatch").Concat(List(e, "shouldNotMatch"))).ToList();
        var pieces = examples.Concat(examples.SelectMany(e => e.Split(' ')))
            .Concat([" ", "  ", "\n", "x", "X", "?", "_", "$", "%", ":", "|", ".", ",", "5", "2025", "the market"])
            // Characters that case-insensitive matching may equate with ASCII letters (long s, Kelvin sign, dotted and dotless i).
            .Concat(["\u017F", "\u212A", "\u0130", "\u0131", "con\u017Fectetur adipi\u017Fcing elit", "lorem ip\u017Fum", "In\u017Fert chart here", "\u017Fize: N/A", "[In\u017Fert \u212Aey]", "TB\u0130", "\u0130n\u017Fert chart here"])
            // Every character \s matches, since some patterns require "a space of any kind, then x".
            .Concat(Enumerable.Range(0, 0x3001).Select(c => (char)c).Where(c => System.Text.RegularExpressions.Regex.IsMatch(c.ToString(), @"^\s$")).Select(c => c.ToString()))
            .Distinct().ToArray();
        var matches = restricted.ToDictionary(p => p.Id, _ => 0);

        void Check(string text)
        {
            foreach (var pattern in restricted)
                foreach (System.Text.RegularExpressions.Match m in pattern.Regex.Matches(text))
                {
                    if (m.Length == 0) continue;
                    matches[pattern.Id]++;
                    if (pattern.Requires.Count > 0)
                        pattern.Requires.Should().Contain(r => m.Value.Contains(r, StringComparison.OrdinalIgnoreCase),
                            $"'{pattern.Id}' matched \"{m.Value}\" in \"{text}\", which contains none of the strings it requires");
                    if (pattern.Prefilter is { } prefilter)
                        prefilter.IsMatch(m.Value).Should().BeTrue($"'{pattern.Id}' matched \"{m.Value}\" in \"{text}\", where its prefilter finds nothing");
                }
        }

        foreach (var text in examples) Check(text);
        foreach (var space in pieces.Where(p => p.Length == 1 && char.IsWhiteSpace(p[0])))
            foreach (var text in new[] { $"USD{space}XX billion", $"Rs.{space}{space}xx", $"€{space}X.X bn", $"see Figure{space}X", $"Table{space}{space}XX.X",
                         $"Market size:{space}N{space}/{space}A", $"Value |{space}{space}NA", $"insert chart{space}here", $"CAGR of $${space}%" })
                Check(text);
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories).Append(TestPaths.SeedReport))
            Check(File.ReadAllText(file));
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 8].Select(string.Concat).Sample(Check, iter: 20_000);

        matches.Should().OnlyContain(kv => kv.Value >= 10, "each restricted pattern must match often enough here for the check to mean something");
    }

    [Fact]
    public void Text_without_a_required_string_is_not_searched_and_text_with_one_is()
    {
        var pattern = Placeholders.BuiltIn.Patterns.Single(p => p.Id == "question-amount");
        pattern.CanMatchIn("The market will reach USD 5 billion.").Should().BeFalse();
        pattern.CanMatchIn("The market will reach USD ?? billion.").Should().BeTrue();
        Placeholders.BuiltIn.Find("The market will reach USD ?? billion.").Should().ContainSingle().Which.Pattern.Id.Should().Be("question-amount");
    }

    [Fact]
    public void Text_where_a_prefilter_finds_nothing_is_not_searched()
    {
        var pattern = Placeholders.BuiltIn.Patterns.Single(p => p.Id == "currency-x-amount");
        pattern.Prefilter.Should().NotBeNull();
        // An "x" inside words, after letters no currency ends with: the pattern's every "U", "E" and "R" would have been tried.
        pattern.CanMatchIn("Exports of USD 5 billion next year exceed expectations.").Should().BeFalse();
        pattern.CanMatchIn("The market will reach USD XX billion.").Should().BeTrue();
        pattern.CanMatchIn("The market will reach \u20AC\u00A0X.X bn.").Should().BeTrue();
    }

    [Fact]
    public void A_prefilter_that_every_text_matches_or_that_does_not_compile_is_refused()
    {
        string Yaml(string prefilter) => $"placeholders:\n  - id: p\n    pattern: 'a'\n    prefilter: '{prefilter}'\n    message: m\n";
        var empty = () => Placeholders.Load(YamlData.Parse("placeholders.yaml", Yaml("")));
        empty.Should().Throw<Exception>().WithMessage("*prefilter*empty*");
        var broken = () => Placeholders.Load(YamlData.Parse("placeholders.yaml", Yaml("(a")));
        broken.Should().Throw<Exception>().WithMessage("*(a*");
        Placeholders.Load(YamlData.Parse("placeholders.yaml", Yaml("a"))).Patterns.Single().Prefilter!.ToString().Should().Be("a");
    }

    [Fact]
    public void Patterns_stay_fast_on_hostile_input()
    {
        string hostile = string.Concat(Enumerable.Repeat("[insert X X X {{ <<a ${ USD $$ ?? __ ", 5000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Placeholders.BuiltIn.Find(hostile);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The placeholder rule first looks for every pattern's required strings in all of a report's blocks at once, and
    /// skips per block those no block holds: each block's matches are still exactly those of the block searched alone,
    /// whatever the blocks' sizes (some longer than the chunk they are searched in) and wherever the placeholders fall.
    /// </summary>
    [Fact]
    public void Blocks_searched_after_a_search_of_all_of_them_have_the_matches_of_each_searched_alone()
    {
        var examples = Examples().Children.Values.OfType<YamlMappingNode>().SelectMany(e => List(e, "shouldMatch")).ToArray();
        string[] filler = ["The market grew steadily", " across regions. ", "USD 1.45 billion", "here and there", "|", ":", "\n", "x"];
        var piece = Gen.OneOf(Gen.Int[0, examples.Length - 1].Select(i => examples[i]), Gen.Int[0, filler.Length - 1].Select(i => filler[i]),
            Gen.Int[30_000, 40_000].Select(n => new string('a', n)));
        var block = Gen.Frequency((6, piece.Array[0, 6].Select(string.Concat)), (1, Gen.Const("")));
        var placeholders = Placeholders.BuiltIn;
        block.Array[1, 12].Sample(texts =>
        {
            var absent = placeholders.AbsentFrom(texts);
            foreach (var text in texts)
                placeholders.Find(text, 7, absent).Should().Equal(placeholders.Find(text, 7), $"\"{text}\"");
        }, iter: 300);
    }

    /// <summary>
    /// The rule finds the required strings of ASCII letters and digits through the blocks' word tokens instead of searching
    /// the text: it must find exactly the strings the text search finds, whatever the case, the letters past ASCII next to
    /// them, and the characters a search ignoring case may take for ASCII letters (the long s, the Kelvin sign).
    /// </summary>
    [Fact]
    public void Required_strings_found_through_word_tokens_are_those_a_search_of_the_text_finds()
    {
        string[] pieces =
        [
            "The market grew", " steadily", ". ", "\n\n", "\n", "Lorem ipsum dolor", "LOREM", "dolorem", "conſectetur", "consectetur",
            "TBD", "tbc", "TbA", "ToDo", "FIXME", "tktk", "t\u212Atk", "xyz", "XYZ", "abc", "aBc", "éabc", "abcé", "2abc3", "here",
            "tHeRe", "x", "X", "USD x billion", "error!", "Error! Reference", "#REF!", "[Company Name]", "{{market}}", "—", "naïve",
            "\u0130", "\u0131", "| a | b |", "# Heading ", "- item ", "*", "`code`", "&amp;", "\u00A0",
        ];
        var text = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 30].Select(string.Concat);
        var placeholders = Placeholders.BuiltIn;
        int tokenPath = 0;
        text.Sample(t =>
        {
            var blocks = DocumentReader.Parse("r.md", t, DocumentFormat.Markdown).Blocks.Where(b => b.Kind != BlockKind.Comment).ToList();
            placeholders.AbsentFrom(blocks).Should().Equal(placeholders.AbsentFrom(blocks.Select(b => b.Text)), $"\"{t}\"");
            if (blocks.Any(b => !b.Text.Contains('\u017F') && !b.Text.Contains('\u212A') && !b.Text.Contains('\u0130') && !b.Text.Contains('\u0131')))
                Interlocked.Increment(ref tokenPath);
        }, iter: 5_000);
        tokenPath.Should().BeGreaterThan(1_000, "most texts are read through their tokens");
    }
}
