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

    // The built-in data is compiled in (BuiltInData.g.cs), so building it is cheap enough to do on first use, on the
    // thread that needs it: no start-up tasks, which on a busy thread pool only wait for each other.
    private static readonly Lazy<KnowledgeBase> _builtIn = new(() => new KnowledgeBase(Gazetteer.BuiltIn));
    public static KnowledgeBase BuiltIn => _builtIn.Value;

    /// <summary>
    /// Starts building the industry lexicons and the gazetteer (the two largest matchers) on the thread pool and returns at
    /// once, so a one-file run reads and parses its file meanwhile on a second core. Nothing waits on the pool: whoever needs
    /// a matcher first takes it from its <see cref="Lazy{T}"/>, built or being built.
    /// </summary>
    public static void WarmUp()
    {
        ThreadPool.UnsafeQueueUserWorkItem(static _ => _ = IndustryLexicons.BuiltIn, null);
        ThreadPool.UnsafeQueueUserWorkItem(static _ => _ = Gazetteer.BuiltIn, null);
    }
}
