using ReportLint.Core.Documents;

namespace ReportLint.Core.Claims;

/// <summary>
/// The parts of a report that play different roles: the scope table ("Geographies covered", "Segments covered",
/// "Companies covered"), the segmentation list, the table of contents, the related-reports footer, and the body
/// (everything else: the analysis). Scope checks compare the body against the scope and the lists.
/// </summary>
public sealed class ReportOutline
{
    public Field? GeographiesCovered { get; internal set; }
    public Field? SegmentsCovered { get; internal set; }
    public Field? CompaniesCovered { get; internal set; }
    public HashSet<Block> Scope { get; } = new();
    public Block? ContentsHeading { get; internal set; }
    public List<Block> Contents { get; } = new();
    public Block? SegmentationHeading { get; internal set; }
    public List<Block> Segmentation { get; } = new();
    public HashSet<Block> Footer { get; } = new();

    public bool IsBody(Block block) =>
        _isBody is { } known && (uint)block.Index < (uint)known.Length && ReferenceEquals(_blocks![block.Index], block)
            ? known[block.Index]
            : block.Kind != BlockKind.Comment && !Scope.Contains(block) && !Footer.Contains(block)
              && !Contents.Contains(block) && !Segmentation.Contains(block) && block != ContentsHeading && block != SegmentationHeading;

    // Per block of the document the outline was built from, by index: whether it is body text, fixed when Build returns
    // (nothing adds to the outline after that). Asked for every statement by several checks, and four set lookups each
    // time were most of the cost.
    private bool[]? _isBody;
    private IReadOnlyList<Block>? _blocks;

    private static readonly string[] ScopeKeys =
    [
        "base year", "forecast period", "historical", "geograph", "segments covered", "companies covered", "report coverage",
        "value projection", "market size", "growth rate", "cagr", "growth drivers", "restraints", "opportunities", "regions covered",
        "countries covered", "key companies", "report attribute", "units", "revenue forecast", "market value",
    ];

    private static readonly string[] FooterKeys = ["price", "date", "category", "pages", "report id", "format", "published"];

    private static bool IsFooterField(Field f) => FooterKeys.Any(k => f.NormalizedKey.StartsWith(k));

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }

    internal static ReportOutline Build(ReportDocument document)
    {
        var outline = new ReportOutline();
        foreach (var field in document.Fields)
        {
            string key = field.NormalizedKey;
            if (outline.GeographiesCovered is null && (key.Contains("geograph") || key is "regions covered" or "countries covered" or "regional scope" or "region covered" or "regions"))
                outline.GeographiesCovered = field;
            else if (outline.SegmentsCovered is null && (key.Contains("segments covered") || key is "segments" or "segmentation" or "segment covered" or "market segments" or "segments analyzed" or "segments analysed"))
                outline.SegmentsCovered = field;
            else if (outline.CompaniesCovered is null && (key.Contains("companies covered") || key is "key companies" or "companies profiled" or "key players" or "companies" or "key market players" or "major players" or "key companies profiled"))
                outline.CompaniesCovered = field;
        }
        // Scope tables: every row of a table that holds scope fields; scope bullets in Markdown. The fields of each table and
        // of each row, and each table's rows, are gathered in one pass each (searching all fields for every table and row
        // grew with their product).
        if (document.Tables.Count > 0)
        {
            var rowsOf = new Dictionary<Table, List<Block>>();
            foreach (var b in document.BlockSpan)
                if (b.Table is { } t) Add(rowsOf, t, b);
            var fieldsOfTable = new Dictionary<Table, List<Field>>();
            var fieldsOfRow = new Dictionary<Block, List<Field>>();
            foreach (var f in document.Fields)
            {
                if (f.Block.Table is { } t) Add(fieldsOfTable, t, f);
                Add(fieldsOfRow, f.Block, f);
            }
            foreach (var table in document.Tables)
            {
                var fields = fieldsOfTable.GetValueOrDefault(table) ?? [];
                bool isScope = fields.Exists(f => ScopeKeys.Any(k => f.NormalizedKey.Contains(k)));
                bool isFooter = fields.Count > 0 && fields.TrueForAll(IsFooterField);
                foreach (var row in rowsOf.GetValueOrDefault(table) ?? [])
                {
                    if (isFooter || fieldsOfRow.TryGetValue(row, out var own) && own.Exists(IsFooterField)) outline.Footer.Add(row);
                    else if (isScope) outline.Scope.Add(row);
                }
            }
        }
        foreach (var f in new[] { outline.GeographiesCovered, outline.SegmentsCovered, outline.CompaniesCovered })
            if (f is not null) outline.Scope.Add(f.Block);

        var blocks = document.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Kind != BlockKind.Heading) continue;
            string t = b.Text.Trim().TrimEnd(':').ToLowerInvariant();
            bool contents = t.Contains("table of contents") || t is "contents" or "# contents" || t.EndsWith(" contents");
            bool segmentation = !contents && (t.EndsWith("market segmentation") || t is "segmentation" or "market segments" or "segmentation analysis" || t.StartsWith("market segmentation"));
            if (!contents && !segmentation) continue;
            var list = contents ? outline.Contents : outline.Segmentation;
            if (contents) outline.ContentsHeading ??= b; else outline.SegmentationHeading ??= b;
            // The entries: the headings, list items and table rows that follow, up to the first paragraph of prose
            // (Markdown: up to the next heading of the same or a higher level).
            for (int j = i + 1; j < blocks.Count; j++)
            {
                var e = blocks[j];
                if (e.Kind == BlockKind.Paragraph) break;
                if (e.Kind == BlockKind.Heading)
                {
                    string et = e.Text.ToLowerInvariant();
                    if (et.Contains("contents") || et.Contains("segmentation")) break;
                    if (document.Format == DocumentFormat.Markdown && e.HeadingLevel <= b.HeadingLevel) break;
                }
                list.Add(e);
            }
        }
        // Everything after a "Browse …"/"Related reports" line is the publisher's footer. Only the start of a line matters:
        // that much is lower-cased (character by character, as the whole line would be).
        Span<char> head = stackalloc char[20];
        for (int i = 0; i < blocks.Count; i++)
        {
            var trimmed = blocks[i].Text.AsSpan().TrimStart("* #");
            var t = head[..Math.Min(trimmed.Length, head.Length)];
            trimmed[..t.Length].ToLowerInvariant(t);
            if (t.StartsWith("browse ") || t.StartsWith("related reports") || t.StartsWith("you may also like") || t.StartsWith("related research"))
            {
                for (int j = i; j < blocks.Count; j++) outline.Footer.Add(blocks[j]);
                break;
            }
        }
        var isBody = new bool[blocks.Count];
        for (int i = 0; i < blocks.Count; i++) isBody[i] = outline.IsBody(blocks[i]);
        outline._blocks = blocks;
        outline._isBody = isBody;
        return outline;
    }
}
