namespace ReportLint.Core.Knowledge;

/// <summary>What ReportLint knows about the world, loaded once from rules/*.yaml: places, segmentation vocabulary, company names.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(Gazetteer gazetteer, SegmentDimensions dimensions, CompanyNames companies)
    {
        Gazetteer = gazetteer;
        Dimensions = dimensions;
        Companies = companies;
    }

    public Gazetteer Gazetteer { get; }
    public SegmentDimensions Dimensions { get; }
    public CompanyNames Companies { get; }

    private static KnowledgeBase? _builtIn;
    public static KnowledgeBase BuiltIn => _builtIn ??= new KnowledgeBase(Gazetteer.BuiltIn, SegmentDimensions.BuiltIn, CompanyNames.BuiltIn);
}
