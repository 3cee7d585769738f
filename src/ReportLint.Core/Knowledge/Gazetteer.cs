using ReportLint.Core.Documents;

namespace ReportLint.Core.Knowledge;

public enum PlaceKind { Region, SubRegion, Country }

/// <summary>A region or country as reports name it, with the region it belongs to.</summary>
public sealed record Place(string Name, PlaceKind Kind, string? Region, IReadOnlyList<string> AlsoIn)
{
    public override string ToString() => Name;
}

/// <summary>rules/geography.yaml as read: the places, and every alias with the index of its place.</summary>
public sealed record GazetteerData(IReadOnlyList<Place> Places, IReadOnlyList<(string Alias, int Place, bool CaseSensitive)> Aliases);

/// <summary>A place named in the text, and where.</summary>
public readonly record struct PlaceMention(Place Place, TextSpan Span, string Text);

/// <summary>
/// Regions and countries with their common names and abbreviations (rules/geography.yaml), found in text by
/// whole-word, longest-first matching. Short all-capital aliases ("US", "UK") match case-sensitively so that
/// "us" the pronoun is never the United States.
/// </summary>
public sealed class Gazetteer
{
    private readonly PhraseMatcher<Place> _matcher;

    public Gazetteer(IReadOnlyList<Place> places, IEnumerable<(string Alias, Place Place, bool CaseSensitive)> aliases)
    {
        Places = places;
        _matcher = new PhraseMatcher<Place>(aliases);
        ByName = places.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public Gazetteer(GazetteerData data) : this(data.Places, data.Aliases.Select(a => (a.Alias, data.Places[a.Place], a.CaseSensitive))) { }

    public IReadOnlyList<Place> Places { get; }
    public IReadOnlyDictionary<string, Place> ByName { get; }

    /// <summary>Places named in <paramref name="text"/>; "US$" and "C$" are currencies, not places.</summary>
    public IEnumerable<PlaceMention> Find(string text, int baseOffset = 0) => Mentions(_matcher.Find(text), text, baseOffset);

    /// <summary>As <see cref="Find(string, int)"/>, with the text's words as <see cref="Words.In"/> gives them, so that only words some place name begins with are looked at.</summary>
    public IReadOnlyList<PlaceMention> Find(string text, WordRun words, int baseOffset) => Find(text.AsSpan(), words, baseOffset);

    /// <summary>As <see cref="Find(string, WordRun, int)"/>, on a span. The list is always a <see cref="List{T}"/> (shared and empty when no place is named), so that the loops over statements' places meet one type.</summary>
    public IReadOnlyList<PlaceMention> Find(ReadOnlySpan<char> text, WordRun words, int baseOffset) => Mentions(_matcher.Find(text, words, baseOffset), text, baseOffset);

    /// <summary>
    /// The places named in <paramref name="statement"/>'s text, found once per statement and gazetteer: the subject of
    /// each figure and the scope facts both ask for them.
    /// </summary>
    public IReadOnlyList<PlaceMention> Find(Claims.Statement statement)
    {
        if (statement.Places is { } known && ReferenceEquals(known.Gazetteer, this)) return known.Mentions;
        var mentions = Find(statement.Chars, statement.Words, statement.Span.Start);
        statement.Places = (this, mentions);
        return mentions;
    }

    /// <summary>The matches as places named, but those followed by '$' ("US$", "C$": currencies).</summary>
    private static IReadOnlyList<PlaceMention> Mentions(IReadOnlyList<(int Start, int End, Place Value)> matches, ReadOnlySpan<char> text, int baseOffset)
    {
        if (matches.Count == 0) return NoMentions;
        var mentions = new List<PlaceMention>(matches.Count);
        for (int i = 0; i < matches.Count; i++)
        {
            var (start, end, place) = matches[i];
            if (end >= text.Length || text[end] != '$') mentions.Add(new PlaceMention(place, new TextSpan(baseOffset + start, baseOffset + end), text[start..end].ToString()));
        }
        return mentions;
    }

    private static readonly List<PlaceMention> NoMentions = [];

    /// <summary>True when <paramref name="place"/> is <paramref name="scope"/> or lies inside it through its own region chain only (no "also" regions).</summary>
    public bool IsWithinPrimary(Place place, Place scope)
    {
        var p = place;
        for (int guard = 0; p is not null && guard < 8; guard++)
        {
            if (p.Name == scope.Name) return true;
            p = p.Region is { } parent ? ByName.GetValueOrDefault(parent) : null;
        }
        return false;
    }

    /// <summary>True when <paramref name="place"/> is <paramref name="scope"/> or lies inside it.</summary>
    public bool IsWithin(Place place, Place scope)
    {
        if (ReferenceEquals(place, scope) || place.Name == scope.Name) return true;
        for (var p = place; p?.Region is { } parent; p = ByName.GetValueOrDefault(parent))
        {
            if (string.Equals(parent, scope.Name, StringComparison.OrdinalIgnoreCase)) return true;
            if (p.AlsoIn.Contains(scope.Name, StringComparer.OrdinalIgnoreCase)) return true;
            if (ReferenceEquals(ByName.GetValueOrDefault(parent), p)) break;
        }
        return place.AlsoIn.Contains(scope.Name, StringComparer.OrdinalIgnoreCase);
    }

    // Lazy<T>: thread-safe, so files linted in parallel share one instance. The data is rules/geography.yaml compiled
    // into the assembly (BuiltInData.g.cs), so no YAML is parsed at start-up.
    private static readonly Lazy<Gazetteer> _builtIn = new(() => new Gazetteer(BuiltInData.Geography()));
    public static Gazetteer BuiltIn => _builtIn.Value;

    public static Gazetteer Load(YamlData data) => new(Read(data));

    public static GazetteerData Read(YamlData data)
    {
        var root = data.Map(data.Root, "geography");
        var places = new List<Place>();
        var aliases = new List<(string, int, bool)>();
        void AddAliases(YamlDotNet.RepresentationModel.YamlMappingNode entry, Place place)
        {
            // Ambiguous forms ("EUR" is also a currency, "American" a continent's adjective) are never matched.
            var ambiguous = new HashSet<string>(data.StringList(entry, "ambiguousAliases").Concat(data.StringList(entry, "ambiguousAdjectives")), StringComparer.Ordinal);
            var caseSensitive = new HashSet<string>(data.StringList(entry, "caseSensitiveAliases"), StringComparer.Ordinal);
            // A name that is also an ordinary word (Turkey, Chad, Jordan) only matches capitalised.
            if (data.Bool(entry, "ambiguous")) caseSensitive.Add(place.Name);
            var names = data.StringList(entry, "aliases").Concat(data.StringList(entry, "adjectives")).Append(place.Name);
            foreach (var name in names.Where(n => !ambiguous.Contains(n)))
            {
                bool exact = caseSensitive.Contains(name) || name.Length <= 3 && name.All(c => char.IsUpper(c) || c == '.');
                aliases.Add((name, places.Count - 1, exact));
            }
        }
        if (YamlData.Get(root, "regions") is { } regions)
        {
            foreach (var node in data.Seq(regions, "regions").Children)
            {
                var entry = data.Map(node, "region");
                string? parent = data.OptionalString(entry, "parent");
                var place = new Place(data.RequiredString(entry, "name", "a region"), parent is null ? PlaceKind.Region : PlaceKind.SubRegion, parent, data.StringList(entry, "also"));
                places.Add(place);
                AddAliases(entry, place);
            }
        }
        if (YamlData.Get(root, "countries") is { } countries)
        {
            foreach (var node in data.Seq(countries, "countries").Children)
            {
                var entry = data.Map(node, "country");
                var place = new Place(data.RequiredString(entry, "name", "a country"), PlaceKind.Country, data.OptionalString(entry, "region"), data.StringList(entry, "also"));
                places.Add(place);
                AddAliases(entry, place);
            }
        }
        return new GazetteerData(places, aliases);
    }
}
