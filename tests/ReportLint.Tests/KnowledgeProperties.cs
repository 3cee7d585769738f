using CsCheck;
using FluentAssertions;
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
}
