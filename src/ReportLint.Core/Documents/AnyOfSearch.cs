using System.Buffers;

namespace ReportLint.Core.Documents;

/// <summary>Vectorised "does the text contain any of these strings, ignoring case" searches, as cue lists need them.</summary>
public static class AnyOfSearch
{
    /// <summary>
    /// A search for any of <paramref name="strings"/>, ignoring case. A string that contains another ("players such as"
    /// and "such as") is left out: text holding it holds the other, so the answer is the same, and each string left in
    /// is one more pattern for every candidate position to be checked against.
    /// </summary>
    public static SearchValues<string> IgnoringCase(IEnumerable<string> strings)
    {
        var distinct = strings.Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return SearchValues.Create(
            [.. distinct.Where(s => !distinct.Any(o => o.Length < s.Length && s.Contains(o, StringComparison.OrdinalIgnoreCase)))],
            StringComparison.OrdinalIgnoreCase);
    }
}
