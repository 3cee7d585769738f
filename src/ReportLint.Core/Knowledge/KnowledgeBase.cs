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
        _industries = industries;
        Placeholders = placeholders ?? Placeholders.BuiltIn;
    }

    public Gazetteer Gazetteer { get; }
    public SegmentDimensions Dimensions { get; }
    public CompanyNames Companies { get; }
    /// <summary>The lexicons given, or the built-in ones, taken on first use: only the off-topic check reads them, and on a
    /// one-file run they are still being built on a second core (<see cref="WarmUp"/>) while the other checks run.</summary>
    public IndustryLexicons Industries => _industries ??= IndustryLexicons.BuiltIn;
    private IndustryLexicons? _industries;
    public Placeholders Placeholders { get; }

    // The built-in data is compiled in (BuiltInData.g.cs), so building it is cheap enough to do on first use, on the
    // thread that needs it: no start-up tasks, which on a busy thread pool only wait for each other.
    private static readonly Lazy<KnowledgeBase> _builtIn = new(() => new KnowledgeBase(Gazetteer.BuiltIn));
    public static KnowledgeBase BuiltIn => _builtIn.Value;

    /// <summary>
    /// Starts building the built-in knowledge (gazetteer, segmentation vocabulary, company names, placeholders, lexicons) on
    /// a background thread and returns at once, so a one-file run reads and parses its file meanwhile on a second core. Nothing waits on that thread: whoever
    /// needs a matcher first takes it from its <see cref="Lazy{T}"/>, built or being built. A plain thread, not the pool:
    /// starting the pool's workers costs a one-file run more than the thread saves it.
    /// </summary>
    public static void WarmUp() =>
        new Thread(static () =>
        {
            _ = BuiltIn;
            _ = IndustryLexicons.BuiltIn;
        }) { IsBackground = true, Name = "reportlint warm-up" }.Start();
}
