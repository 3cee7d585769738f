using ReportLint.Core.Claims;
using ReportLint.Core.Findings;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Rules.Scope;

/// <summary>RL401: the body analyses regions or countries that "Geographies covered" leaves out.</summary>
public sealed class GeographyScopeRule : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "RL401", "geography-scope", RuleFamily.Scope, Severity.Error,
        "The report analyses regions or countries that its scope's \"Geographies covered\" omits.",
        "Compares the places the body analyses (named in a heading, the subject of a figure, or discussed in two or more sentences) "
        + "with the scope table's \"Geographies covered\". A country counts as covered when it or its region is listed; a region "
        + "listed with named countries (\"North America: U.S., Canada\") covers only those. Regions listed but never discussed are "
        + "reported as a note.",
        "Geographies covered: | North America: U.S., Canada |   …and the body has sections on Asia Pacific and Brazil",
        "Geographies covered: | North America: U.S., Canada; Asia Pacific: China; Latin America: Brazil |");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        var field = context.Claims.Outline.GeographiesCovered;
        if (field is null) return;
        var gazetteer = context.Knowledge.Gazetteer;
        var facts = context.Claims.Scope;
        var listed = facts.ScopePlaces;
        if (listed.Count == 0) return;
        string value = field.Value.ToLowerInvariant();
        if (value.Contains("global") || value.Contains("worldwide") || value.Contains("rest of") || value.Contains("all regions")) return;

        // Countries named right after a region ("North America: U.S., Canada") restrict that region to them.
        var explicitCountries = new Dictionary<string, List<Place>>();
        Place? currentRegion = null;
        foreach (var m in listed)
        {
            if (m.Value.Kind != PlaceKind.Country) { currentRegion = m.Value; explicitCountries.TryAdd(m.Value.Name, []); }
            else if (currentRegion is not null && gazetteer.IsWithin(m.Value, currentRegion)) explicitCountries[currentRegion.Name].Add(m.Value);
        }

        bool Covered(Place place)
        {
            foreach (var l in listed)
            {
                var scope = l.Value;
                if (scope.Name == place.Name) return true;
                if (place.Kind == PlaceKind.Country && scope.Kind != PlaceKind.Country && gazetteer.IsWithin(place, scope))
                {
                    var named = explicitCountries.GetValueOrDefault(scope.Name);
                    if (named is null || named.Count == 0 || named.Any(c => c.Name == place.Name)) return true;
                }
                // A region the scope covers through its sub-regions or countries: a country counts for the region the scope
                // lists it under ("Middle East & Africa: Turkey"), else for its own region, not for every region it may be put in.
                if (place.Kind != PlaceKind.Country)
                {
                    var groupedUnder = explicitCountries.FirstOrDefault(kv => kv.Value.Any(c => c.Name == scope.Name)).Key;
                    bool covers = groupedUnder is null
                        ? gazetteer.IsWithinPrimary(scope, place)
                        : groupedUnder == place.Name || gazetteer.ByName.TryGetValue(groupedUnder, out var group) && gazetteer.IsWithinPrimary(group, place);
                    if (covers) return true;
                }
                if (place.Kind == PlaceKind.SubRegion && scope.Kind == PlaceKind.Region && gazetteer.IsWithin(place, scope)) return true;
            }
            return false;
        }

        var missing = facts.AnalysedPlaces.Where(m => !Covered(m.Value)).ToList();
        string listedText = DescribeListed(listed, explicitCountries);
        if (missing.Count > 0)
        {
            var finding = context.Report(field.ValueSpan,
                $"Geographies covered lists {listedText} only, but the report analyses "
                + ScopeText.WithLines(missing.Select(m => (m.Value.Name, context.Locate(m.Span).Line))) + ".");
            foreach (var m in missing) finding.Related.Add(new RelatedLocation(context.Locate(m.Span), $"{m.Value.Name} is analysed here"));
            var additions = missing.GroupBy(m => m.Value.Kind == PlaceKind.Country ? m.Value.Region ?? m.Value.Name : m.Value.Name)
                .Select(g => g.Any(m => m.Value.Kind == PlaceKind.Country)
                    ? $"{g.Key}: {string.Join(", ", g.Where(m => m.Value.Kind == PlaceKind.Country).Select(m => m.Value.Name))}"
                    : g.Key);
            finding.Fixes.Add(new SuggestedFix("Add the analysed geographies to the scope",
                [new TextEdit(context.Locate(new Documents.TextSpan(field.ValueSpan.End, field.ValueSpan.End)), "; " + string.Join("; ", additions))]));
        }

        // Listed regions that the report never mentions at all, not even through one of their countries.
        var unused = listed.Where(l => l.Value.Kind != PlaceKind.Country
                                       && !facts.BodyPlaces.Any(b => gazetteer.IsWithin(b.Value, l.Value) || gazetteer.IsWithin(l.Value, b.Value)))
            .Select(l => l.Value.Name).Distinct().ToList();
        if (unused.Count > 0)
            context.Report(field.ValueSpan, $"Geographies covered lists {ScopeText.Names(unused)}, but the report never discusses {(unused.Count == 1 ? "it" : "them")}.", Severity.Note);
    }

    private static string DescribeListed(List<Mention<Place>> listed, Dictionary<string, List<Place>> explicitCountries)
    {
        var parts = new List<string>();
        foreach (var m in listed)
        {
            if (m.Value.Kind == PlaceKind.Country && explicitCountries.Values.Any(l => l.Contains(m.Value))) continue;
            var named = explicitCountries.GetValueOrDefault(m.Value.Name);
            parts.Add(named is { Count: > 0 } ? $"{m.Value.Name} ({string.Join(", ", named.Select(c => m.Value.Name == "North America" && c.Name == "United States" ? "U.S." : c.Name))})" : m.Value.Name);
        }
        return ScopeText.Names(parts.Distinct());
    }
}
