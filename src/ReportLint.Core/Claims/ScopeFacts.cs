using System.Text.RegularExpressions;
using ReportLint.Core.Documents;
using ReportLint.Core.Knowledge;

namespace ReportLint.Core.Claims;

/// <summary>A place, dimension or company named somewhere, and where.</summary>
public sealed record Mention<T>(T Value, string Text, TextSpan Span, Block Block);

/// <summary>
/// What the report says it covers (its scope table) and what it actually discusses (its body, segmentation list
/// and contents): places, segmentation dimensions and companies, each with where they are named.
/// </summary>
public sealed partial class ScopeFacts
{
    public List<Mention<Place>> BodyPlaces { get; } = new();
    /// <summary>Places in the body that the report analyses: named in a heading, the subject of a figure, or discussed in two or more sentences.</summary>
    public List<Mention<Place>> AnalysedPlaces { get; } = new();
    public List<Mention<Place>> ScopePlaces { get; } = new();

    public List<Mention<Dimension>> ScopeDimensions { get; } = new();
    /// <summary>Segment names the scope lists under each dimension ("By Genre: Romance, Thriller").</summary>
    public Dictionary<Dimension, List<string>> ScopeSegments { get; } = new();
    public List<Mention<Dimension>> BodyDimensions { get; } = new();
    public List<Mention<Dimension>> SegmentationDimensions { get; } = new();
    public List<Mention<Dimension>> ContentsDimensions { get; } = new();

    public List<string> ListedCompanies { get; } = new();
    public List<Mention<string>> BodyCompanies { get; } = new();

    internal static ScopeFacts Build(ClaimsModel model, KnowledgeBase knowledge)
    {
        var facts = new ScopeFacts();
        var outline = model.Outline;
        var document = model.Document;
        facts.ReadPlaces(model, knowledge.Gazetteer);
        facts.ReadDimensions(model, knowledge.Dimensions);
        if (outline.CompaniesCovered is { } companies) facts.ListedCompanies.AddRange(knowledge.Companies.SplitList(companies.Value));
        facts.ReadCompanies(model, knowledge);
        return facts;
    }

    // ---- places ---------------------------------------------------------------------------------------------

    private void ReadPlaces(ClaimsModel model, Gazetteer gazetteer)
    {
        var outline = model.Outline;
        if (outline.GeographiesCovered is { } geo)
            foreach (var m in gazetteer.Find(geo.Value, geo.ValueSpan.Start))
                ScopePlaces.Add(new Mention<Place>(m.Place, m.Text, m.Span, geo.Block));

        var sentenceCount = new Dictionary<string, HashSet<Statement>>();
        var inHeading = new HashSet<string>();
        foreach (var st in model.StatementSpan)
        {
            if (!outline.IsBody(st.Block)) continue;
            var found = gazetteer.Find(st);
            for (int i = 0; i < found.Count; i++)
            {
                var m = found[i];
                BodyPlaces.Add(new Mention<Place>(m.Place, m.Text, m.Span, st.Block));
                if (!sentenceCount.TryGetValue(m.Place.Name, out var set)) sentenceCount[m.Place.Name] = set = new HashSet<Statement>();
                set.Add(st);
                if (st.Block.Kind == BlockKind.Heading) inHeading.Add(m.Place.Name);
            }
        }
        var subjects = model.Values.Select(v => v.Subject).Concat(model.Rates.Select(r => r.Subject)).Concat(model.Shares.Select(s => s.Subject))
            .Where(s => s.Kind is SubjectKind.Region or SubjectKind.Country).Select(s => s.Name).ToHashSet();
        foreach (var group in BodyPlaces.GroupBy(m => m.Value.Name))
        {
            bool analysed = inHeading.Contains(group.Key) || subjects.Contains(group.Key) || sentenceCount[group.Key].Count >= 2;
            if (!analysed) continue;
            // Cite the first mention in prose, else the heading.
            var first = group.FirstOrDefault(m => m.Block.Kind != BlockKind.Heading) ?? group.First();
            AnalysedPlaces.Add(first);
        }
        // Regions before countries, each in order of appearance.
        AnalysedPlaces.Sort((a, b) => a.Value.Kind == PlaceKind.Country != (b.Value.Kind == PlaceKind.Country)
            ? (a.Value.Kind == PlaceKind.Country ? 1 : -1)
            : a.Span.Start.CompareTo(b.Span.Start));
    }

    // ---- dimensions -----------------------------------------------------------------------------------------

    [GeneratedRegex(@"(?:^|[\s,(])(?:[Bb]y|[Bb]ased on|[Oo]n the basis of|[Ss]egmentation by|[Ss]egmented by)\s+((?:[A-Z][\w&/+-]*)(?:\s+(?:[A-Z][\w&/+-]*|&|and)){0,3})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    internal static partial Regex ByDimension();

    /// <summary>Matches of <see cref="ByDimension"/>, whose every match contains one of <see cref="ByDimensionWords"/>: text
    /// without one is not searched (the pattern may begin at any space, so searching costs a try at every word).</summary>
    private static List<Match> ByDimensionMatches(string text) => text.AsSpan().ContainsAny(ByDimensionWords) ? SafeMatches(ByDimension(), text) : [];

    internal static readonly System.Buffers.SearchValues<string> ByDimensionWords =
        System.Buffers.SearchValues.Create(["by", "By", "ased on", "n the basis of"], StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?:\d+[.)]\s*)?((?:[A-Z][\w&/+-]*)(?:\s+[A-Z][\w&/+-]*){0,3})\s+(?:Insights|Analysis|Outlook|Overview|Segmentation|Breakdown)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex DimensionInsights();

    private static readonly string[] NotDimensions = ["key players", "key player", "company", "companies", "competitive", "regional", "region", "country", "global", "market", "player"];

    private void ReadDimensions(ClaimsModel model, SegmentDimensions dims)
    {
        var outline = model.Outline;
        if (outline.SegmentsCovered is { } seg)
        {
            // "By Genre: Romance, Thriller; By Platform: Apps" or "Product Type, Application, End User".
            var value = seg.Value;
            var byMatches = ByDimensionMatches(value);
            if (byMatches.Count > 0)
            {
                for (int i = 0; i < byMatches.Count; i++)
                {
                    var g = byMatches[i].Groups[1];
                    var dim = dims.Resolve(g.Value);
                    ScopeDimensions.Add(new Mention<Dimension>(dim, g.Value, new TextSpan(seg.ValueSpan.Start + g.Index, seg.ValueSpan.Start + g.Index + g.Length), seg.Block));
                    int from = g.Index + g.Length;
                    int to = i + 1 < byMatches.Count ? byMatches[i + 1].Index : value.Length;
                    var segments = value[from..to].TrimStart(':', ' ').Split([',', ';', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        .Where(s => s.Length >= 2 && !s.StartsWith("other", StringComparison.OrdinalIgnoreCase)).ToList();
                    ScopeSegments[dim] = segments;
                }
            }
            else
            {
                int offset = 0;
                foreach (var part in value.Split([';', ','], StringSplitOptions.None))
                {
                    string name = part.Split(':')[0].Trim();
                    int at = value.IndexOf(name, offset, StringComparison.Ordinal);
                    if (name.Length > 1 && at >= 0 && (dims.IsKnown(name) || part.Contains(':')))
                        ScopeDimensions.Add(new Mention<Dimension>(dims.Resolve(name), name, new TextSpan(seg.ValueSpan.Start + at, seg.ValueSpan.Start + at + name.Length), seg.Block));
                    offset += part.Length + 1;
                }
            }
        }
        foreach (var block in model.Document.BlockSpan)
        {
            bool body = outline.IsBody(block);
            bool inSegmentation = outline.Segmentation.Contains(block);
            bool inContents = outline.Contents.Contains(block);
            if (!body && !inSegmentation && !inContents) continue;
            var target = body ? BodyDimensions : inSegmentation ? SegmentationDimensions : ContentsDimensions;
            // Body analysis is announced in headings and lead-ins ("By Platform: …", "In terms of By Platform, …").
            if (body && block.Kind is not (BlockKind.Heading or BlockKind.Paragraph or BlockKind.ListItem)) continue;
            string text = block.Kind == BlockKind.Paragraph ? FirstSentence(block.Text) : block.Text;
            foreach (var m in ByDimensionMatches(text))
                AddDimension(target, dims, block, m.Groups[1]);
            if (inSegmentation && SafeMatch(DimensionInsights(), text) is { Success: true } ins)
                AddDimension(target, dims, block, ins.Groups[1]);
        }
    }

    private static string FirstSentence(string text)
    {
        int end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static void AddDimension(List<Mention<Dimension>> target, SegmentDimensions dims, Block block, Group g)
    {
        string name = g.Value.Trim();
        // "By Genre, 2025-2032": stop at the first word that is not part of the name.
        if (NotDimensions.Contains(name.ToLowerInvariant())) return;
        var dim = dims.Resolve(name);
        if (dim.Geographic) return;
        // Unknown multi-word phrases after "by" are usually not dimensions ("driven by Rising Demand").
        if (!dims.IsKnown(name) && name.Split(' ').Length > 2) return;
        target.Add(new Mention<Dimension>(dim, name, new TextSpan(block.Span.Start + g.Index, block.Span.Start + g.Index + g.Length), block));
    }

    // ---- companies ------------------------------------------------------------------------------------------

    private static readonly HashSet<string> NotCompanies = new(StringComparer.OrdinalIgnoreCase)
    {
        "AI", "IoT", "ML", "AR", "VR", "XR", "5G", "4G", "OTT", "SaaS", "PaaS", "IaaS", "API", "APIs", "EV", "EVs", "GPS", "LED", "RFID", "CRM", "ERP",
        "B2B", "B2C", "D2C", "DTC", "SVOD", "AVOD", "TVOD", "FAST", "CTV", "UGC", "NFT", "NFTs", "ESG", "R&D", "OEM", "OEMs", "SME", "SMEs",
        "The", "This", "These", "Such", "Other", "Others", "Many", "Several", "Some", "Local", "Regional", "Global", "International", "Major",
        "Leading", "Key", "New", "Large", "Small", "Government", "Governments", "Tier", "Asia", "Europe", "Africa", "America", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    private static readonly string[] CompanyNouns =
    [
        "player", "company", "companies", "firm", "vendor", "provider", "platform", "brand", "giant", "operator", "manufacturer", "supplier",
        "startup", "start-up", "service", "app", "studio", "broadcaster", "network", "label", "insurer", "bank", "retailer", "carrier",
        "airline", "oem", "automaker", "developer", "publisher", "producer", "distributor", "maker", "incumbent", "competitor", "rival",
        "leader", "participant", "house", "streamer", "marketplace", "chain", "group", "fund", "lender", "exchange", "contractor",
    ];

    private void ReadCompanies(ClaimsModel model, KnowledgeBase knowledge)
    {
        var outline = model.Outline;
        var companies = knowledge.Companies;
        var segmentNames = new HashSet<string>(model.SegmentNames.Concat(ScopeSegments.Values.SelectMany(v => v)), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<TextSpan>();
        foreach (var st in model.StatementSpan)
        {
            if (!outline.IsBody(st.Block)) continue;
            // A statement with no cue, ignoring case, has none once lower-cased either (exactly so for ASCII text).
            if (st.IsAscii && !st.Chars.ContainsAny(companies.AnyCue)) continue;
            string text = st.Text;
            string lower = text.ToLowerInvariant();
            foreach (var cue in companies.CueArray)
            {
                int from = 0;
                while (from < lower.Length)
                {
                    int at = lower.IndexOf(cue, from, StringComparison.Ordinal);
                    if (at < 0) break;
                    from = at + cue.Length;
                    if (at > 0 && char.IsLetter(lower[at - 1]) || from < lower.Length && char.IsLetter(lower[from])) continue;
                    // Generic cues ("such as", "including") only introduce companies after a company noun ("streaming giants such as").
                    bool specific = CompanyNouns.Any(n => cue.Contains(n, StringComparison.Ordinal));
                    if (!specific)
                    {
                        string before = lower.Substring(Math.Max(0, at - 40), at - Math.Max(0, at - 40));
                        if (!CompanyNouns.Any(n => before.Contains(n, StringComparison.Ordinal))) continue;
                    }
                    foreach (var (name, start) in NamesAfter(text, from, companies))
                    {
                        if (NotCompanies.Contains(name) || segmentNames.Contains(name)) continue;
                        if (knowledge.Gazetteer.Find(name).Any(m => m.Text.Length >= name.Length - 1)) continue;
                        if (model.MarketName is { } market && name.Equals(market, StringComparison.OrdinalIgnoreCase)) continue;
                        var span = new TextSpan(st.Span.Start + start, st.Span.Start + start + name.Length);
                        if (!seen.Add(span)) continue;
                        BodyCompanies.Add(new Mention<string>(name, name, span, st.Block));
                    }
                    break;
                }
            }
        }
        BodyCompanies.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    private static readonly string[] ListBreaks = [";", ":", " which ", " that ", " who ", " whose ", " to ", " are ", " is ", " have ", " has ", " in ", " for ", " with ", " shaping ", " lead ", " leads ", " dominate ", " continue ", " also ", " as ", " — ", " - ", "(", ". "];

    /// <summary>Proper names in a list after a cue: "iQIYI, LINE TV, and Webnovel also contribute …" → iQIYI, LINE TV, Webnovel.</summary>
    private static IEnumerable<(string Name, int Start)> NamesAfter(string text, int from, CompanyNames companies)
    {
        int end = text.Length;
        foreach (var br in ListBreaks)
        {
            int b = text.IndexOf(br, from, StringComparison.Ordinal);
            if (b >= 0 && b < end && b > from) end = b;
        }
        string list = text[from..end];
        foreach (var t in companies.ListTerminators)
        {
            int ti = list.IndexOf(t, StringComparison.OrdinalIgnoreCase);
            if (ti >= 0) list = list[..ti];
        }
        int pos = 0;
        foreach (var raw in list.Split(','))
        {
            int partStart = pos;
            pos += raw.Length + 1;
            foreach (var piece in SplitAnd(raw))
            {
                var (name, offset) = LeadingName(piece.Text);
                if (name is null) continue;
                if (name.Length < 2 || companies.IsLegalSuffix(name)) continue;
                yield return (name, from + partStart + piece.Offset + offset);
            }
        }
    }

    private static IEnumerable<(string Text, int Offset)> SplitAnd(string part)
    {
        int at = 0;
        while (true)
        {
            int i = part.IndexOf(" and ", at, StringComparison.Ordinal);
            if (i < 0) { yield return (part[at..], at); yield break; }
            yield return (part[at..i], at);
            at = i + 5;
        }
    }

    /// <summary>The run of name-like words at the start of a list item ("Glovo's streaming service" → "Glovo").</summary>
    private static (string? Name, int Offset) LeadingName(string item)
    {
        int i = 0;
        while (i < item.Length && item[i] == ' ') i++;
        if (item.AsSpan(i).StartsWith("and ", StringComparison.Ordinal)) i += 4;
        int start = i, end = i, words = 0;
        while (i < item.Length)
        {
            int ws = i;
            while (i < item.Length && item[i] != ' ') i++;
            var word = item.AsSpan(ws, i - ws).TrimEnd('.');
            bool nameLike = word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]) || word.Length > 1 && char.IsUpper(word[1]) || word[0] == '&');
            if (!nameLike) break;
            int possessive = word.IndexOf("'s", StringComparison.Ordinal);
            if (possessive < 0) possessive = word.IndexOf("’s", StringComparison.Ordinal);
            if (possessive > 0) { end = ws + possessive; words++; break; }
            end = ws + word.Length;
            words++;
            while (i < item.Length && item[i] == ' ') i++;
            if (words >= 5) break;
        }
        if (words == 0 || end <= start) return (null, 0);
        return (item[start..end].Trim(), start);
    }

    private static List<Match> SafeMatches(Regex regex, string text)
    {
        try { return regex.Matches(text).ToList(); }
        catch (RegexMatchTimeoutException) { return []; }
    }

    private static Match? SafeMatch(Regex regex, string text)
    {
        try { return regex.Match(text); }
        catch (RegexMatchTimeoutException) { return null; }
    }
}
