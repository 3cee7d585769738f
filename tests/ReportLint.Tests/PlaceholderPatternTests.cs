using FluentAssertions;
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

    [Fact]
    public void Patterns_stay_fast_on_hostile_input()
    {
        string hostile = string.Concat(Enumerable.Repeat("[insert X X X {{ <<a ${ USD $$ ?? __ ", 5000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Placeholders.BuiltIn.Find(hostile);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
