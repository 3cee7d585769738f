using System.Text.RegularExpressions;
using ReportLint.Core.Documents;

namespace ReportLint.Core.Knowledge;

/// <summary>One kind of unfilled template text (rules/placeholders.yaml).</summary>
public sealed record PlaceholderPattern(string Id, Regex Regex, string MessageTemplate)
{
    public string MessageFor(string match) => MessageTemplate.Replace("{match}", match, StringComparison.Ordinal);
}

public readonly record struct PlaceholderMatch(PlaceholderPattern Pattern, TextSpan Span, string Text)
{
    public string Message => Pattern.MessageFor(Text);
}

/// <summary>
/// Unfilled template patterns, most specific first. They are ReportLint's own reviewed patterns (tested against
/// hostile input in PlaceholderPatternTests), run by the backtracking interpreter with a match timeout: a pattern that
/// times out on some text is skipped for that text rather than stalling the run.
/// </summary>
public sealed class Placeholders
{
    public Placeholders(IReadOnlyList<PlaceholderPattern> patterns) => Patterns = patterns;

    public IReadOnlyList<PlaceholderPattern> Patterns { get; }

    /// <summary>Placeholders in <paramref name="text"/>; where matches overlap, only the earliest-listed pattern's is kept.</summary>
    public IReadOnlyList<PlaceholderMatch> Find(string text, int baseOffset = 0)
    {
        var kept = new List<PlaceholderMatch>();
        foreach (var pattern in Patterns)
        {
            IEnumerable<Match> matches;
            try { matches = pattern.Regex.Matches(text).ToList(); }
            catch (RegexMatchTimeoutException) { continue; }
            foreach (var m in matches)
            {
                if (m.Length == 0) continue;
                var span = new TextSpan(baseOffset + m.Index, baseOffset + m.Index + m.Length);
                if (kept.Any(k => k.Span.Overlaps(span))) continue;
                kept.Add(new PlaceholderMatch(pattern, span, m.Value));
            }
        }
        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }

    // Lazy<T>: thread-safe, so files linted in parallel (and the start-up preload) share one instance.
    private static readonly Lazy<Placeholders> _builtIn = new(() => Load(YamlData.LoadEmbedded("rules/placeholders.yaml")));
    public static Placeholders BuiltIn => _builtIn.Value;

    public static Placeholders Load(YamlData data)
    {
        var root = data.Map(data.Root, "placeholders.yaml");
        var list = YamlData.Get(root, "placeholders") ?? throw data.Error(root, "placeholders.yaml needs a 'placeholders' list");
        var patterns = new List<PlaceholderPattern>();
        foreach (var node in data.Seq(list, "placeholders").Children)
        {
            var entry = data.Map(node, "a placeholder");
            string id = data.RequiredString(entry, "id", "a placeholder");
            if (patterns.Any(p => p.Id == id)) throw data.Error(entry, $"placeholder id '{id}' is used twice");
            var patternNode = YamlData.Get(entry, "pattern") ?? throw data.Error(entry, $"placeholder '{id}' needs 'pattern'");
            var regex = data.TrustedRegex(patternNode, data.Scalar(patternNode, "pattern"), !data.Bool(entry, "caseSensitive"));
            patterns.Add(new PlaceholderPattern(id, regex, data.RequiredString(entry, "message", $"placeholder '{id}'")));
        }
        return new Placeholders(patterns);
    }
}
