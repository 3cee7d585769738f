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
    /// <summary>The lexicons given, or the built-in ones, taken on first use: only the off-topic check reads them, so the
    /// other checks never wait for them (<see cref="Engine.Linter.WarmUp"/> prepares them on a second core).</summary>
    public IndustryLexicons Industries => _industries ??= IndustryLexicons.BuiltIn;
    private IndustryLexicons? _industries;
    public Placeholders Placeholders { get; }

    // The built-in data is compiled in (BuiltInData.g.cs), so building it is cheap enough to do on first use, by whichever
    // thread needs it first (Engine.Linter.WarmUp starts it on a second core).
    private static readonly Lazy<KnowledgeBase> _builtIn = new(() => new KnowledgeBase(Gazetteer.BuiltIn));
    public static KnowledgeBase BuiltIn => _builtIn.Value;
}
