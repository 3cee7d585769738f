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

    private static KnowledgeBase? _builtIn;
    public static KnowledgeBase BuiltIn => _builtIn ??= new KnowledgeBase(Gazetteer.BuiltIn);
}
