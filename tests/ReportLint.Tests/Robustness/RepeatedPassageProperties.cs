using CsCheck;
using FluentAssertions;
using ReportLint.Core.Documents;
using ReportLint.Core.Engine;
using Xunit;

namespace ReportLint.Tests.Robustness;

/// <summary>
/// The repeated-passage rule's shortcuts (a hash table of three-word runs proposing pairs, a signature of each passage's
/// runs ruling most pairs out before their runs are compared) never change its verdict: two long paragraphs are reported
/// exactly when the plain definition says they are alike.
/// </summary>
public class RepeatedPassageProperties
{
    // A small vocabulary, so that passages repeat words and three-word runs within themselves as real prose does.
    private static readonly string[] Vocabulary =
    [
        "vendors", "buyers", "capacity", "price", "service", "regions", "demand", "supply", "growth", "share", "the", "and",
        "of", "in", "across", "while", "compared", "expanded", "products", "reliability", "costs", "rose", "fell", "steady",
    ];

    private static readonly Gen<string[]> Passage = Gen.Int[0, Vocabulary.Length - 1].Select(i => Vocabulary[i]).Array[20, 40];

    /// <summary>A copy of <paramref name="words"/> with each edit (replace, insert or delete one word) applied in turn.</summary>
    private static string[] Edited(string[] words, (int Kind, double Where, int Word)[] edits)
    {
        var list = words.ToList();
        foreach (var (kind, where, word) in edits)
        {
            int at = Math.Min(list.Count - 1, (int)(where * list.Count));
            switch (kind)
            {
                case 0: list[at] = Vocabulary[word]; break;
                case 1: list.Insert(at, Vocabulary[word]); break;
                default: if (list.Count > 1) list.RemoveAt(at); break;
            }
        }
        return [.. list];
    }

    private static HashSet<(string, string, string)> Runs(string[] words) =>
        Enumerable.Range(2, Math.Max(0, words.Length - 2)).Select(k => (words[k - 2], words[k - 1], words[k])).ToHashSet();

    /// <summary>
    /// The rule's definition for two passages of ten words or more: the same words; or, when both have twenty words or
    /// more, lengths within 80 % of each other and at least 80 % of their distinct three-word runs shared.
    /// </summary>
    private static bool Alike(string[] a, string[] b)
    {
        if (a.SequenceEqual(b)) return true;
        if (Math.Min(a.Length, b.Length) < 20 || Math.Min(a.Length, b.Length) < 0.8 * Math.Max(a.Length, b.Length)) return false;
        var (ra, rb) = (Runs(a), Runs(b));
        int common = ra.Count(rb.Contains);
        return (double)common / (ra.Count + rb.Count - common) >= 0.8;
    }

    [Fact]
    public void Two_long_paragraphs_are_reported_exactly_when_they_share_enough_of_their_three_word_runs()
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, Vocabulary.Length - 1]);
        int alike = 0, notAlike = 0;
        Gen.Select(Passage, edit.Array[0, 8]).Sample((words, edits) =>
        {
            var other = Edited(words, edits);
            string text = "# Sensor Market\n\n" + string.Join(' ', words) + ".\n\n" + string.Join(' ', other) + ".\n";
            var reported = new Linter().Lint(DocumentReader.Parse("r.md", text, DocumentFormat.Markdown)).Findings
                .Where(f => f.Rule.Id == "RL304").Select(f => f.Location.Line).ToList();
            bool expected = Alike(words, other);
            if (expected) alike++; else notAlike++;
            reported.Should().Equal(expected ? [3] : [], $"'{string.Join(' ', words)}' against '{string.Join(' ', other)}'");
        }, iter: 3_000);
        // Both verdicts occur often enough for the property to say something about each.
        alike.Should().BeGreaterThan(300);
        notAlike.Should().BeGreaterThan(300);
    }

    /// <summary>
    /// Several long paragraphs of different lengths (some edited copies of one another, some not): each group of alike
    /// paragraphs (joined through any alike pair) is reported once, at its first paragraph, whatever else the report holds.
    /// Passages without another of a comparable length are left out of the rule's table of runs: that must not change a
    /// verdict.
    /// </summary>
    [Fact]
    public void Groups_of_alike_paragraphs_are_reported_at_their_first_among_paragraphs_of_any_length()
    {
        var longPassage = Gen.Int[0, Vocabulary.Length - 1].Select(i => Vocabulary[i]).Array[20, 90];
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, Vocabulary.Length - 1]);
        // Each paragraph: a fresh passage, or an edited copy of an earlier one.
        var step = Gen.Select(longPassage, Gen.Int[0, 9], edit.Array[0, 6]);
        int grouped = 0, reports = 0;
        Gen.Select(longPassage, step.Array[1, 5]).Sample((first, steps) =>
        {
            var paragraphs = new List<string[]> { first };
            foreach (var (fresh, from, edits) in steps)
                paragraphs.Add(from < 5 ? Edited(paragraphs[from % paragraphs.Count], edits) : fresh);
            string text = "# Sensor Market\n\n" + string.Concat(paragraphs.Select(p => string.Join(' ', p) + ".\n\n"));
            var reported = new Linter().Lint(DocumentReader.Parse("r.md", text, DocumentFormat.Markdown)).Findings
                .Where(f => f.Rule.Id == "RL304").Select(f => f.Location.Line).Order().ToList();
            // The plain definition: alike pairs joined into groups, each reported at its first paragraph (line 3 + 2k).
            var group = Enumerable.Range(0, paragraphs.Count).ToArray();
            int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
            for (int i = 0; i < paragraphs.Count; i++)
                for (int j = i + 1; j < paragraphs.Count; j++)
                    if (Alike(paragraphs[i], paragraphs[j])) group[Math.Max(Root(i), Root(j))] = Math.Min(Root(i), Root(j));
            var expected = Enumerable.Range(0, paragraphs.Count).GroupBy(Root).Where(g => g.Count() > 1).Select(g => 3 + 2 * g.Key).Order().ToList();
            if (expected.Count > 0) Interlocked.Increment(ref grouped);
            Interlocked.Increment(ref reports);
            reported.Should().Equal(expected, string.Join("\n", paragraphs.Select(p => string.Join(' ', p))));
        }, iter: 2_000);
        grouped.Should().BeGreaterThan(reports / 5);
        (reports - grouped).Should().BeGreaterThan(reports / 5);
    }
}
