namespace ReportLint.Core.Knowledge;

/// <summary>
/// What ReportLint knows about the world, loaded once from rules/*.yaml: places, segmentation vocabulary, company names,
/// industries and template placeholders.
/// </summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(Gazetteer gazetteer, SegmentDimensions? dimensions = null, CompanyNames? companies = null,
        IndustryLexicons? industries = null, Placeholders? placeholders = null)
    {
        Gazetteer = gazetteer;
        Dimensions = dimensions ?? SegmentDimensions.BuiltIn;
        Companies = companies ?? CompanyNames.BuiltIn;
        Industries = industries ?? IndustryLexicons.BuiltIn;
        Placeholders = placeholders ?? Placeholders.BuiltIn;
    }

    public Gazetteer Gazetteer { get; }
    public SegmentDimensions Dimensions { get; }
    public CompanyNames Companies { get; }
    public IndustryLexicons Industries { get; }
    public Placeholders Placeholders { get; }

    private static readonly Lazy<KnowledgeBase> _builtIn = new(() =>
    {
        var preload = Preload();
        var gazetteer = Gazetteer.BuiltIn;
        Task.WaitAll(preload);
        return new KnowledgeBase(gazetteer);
    });
    public static KnowledgeBase BuiltIn => _builtIn.Value;

    /// <summary>
    /// Starts loading the built-in data on the thread pool (each file's YAML parse is independent), so a run can read
    /// its inputs and configuration meanwhile; the lazily loaded properties then wait for, or take, what is ready.
    /// </summary>
    public static Task[] Preload() =>
    [
        Task.Run(() => IndustryLexicons.BuiltIn),
        Task.Run(() => SegmentDimensions.BuiltIn),
        Task.Run(() => CompanyNames.BuiltIn),
        Task.Run(() => Placeholders.BuiltIn),
        Task.Run(() => Gazetteer.BuiltIn),
    ];
}
