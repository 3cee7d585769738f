namespace ReportLint.Core.Knowledge;

/// <summary>What ReportLint knows about the world, loaded once from rules/*.yaml: places, industries, template placeholders.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(Gazetteer gazetteer, IndustryLexicons? industries = null, Placeholders? placeholders = null)
    {
        Gazetteer = gazetteer;
        Industries = industries ?? IndustryLexicons.BuiltIn;
        Placeholders = placeholders ?? Placeholders.BuiltIn;
    }

    public Gazetteer Gazetteer { get; }
    public IndustryLexicons Industries { get; }
    public Placeholders Placeholders { get; }

    private static KnowledgeBase? _builtIn;
    public static KnowledgeBase BuiltIn => _builtIn ??= new KnowledgeBase(Gazetteer.BuiltIn, IndustryLexicons.BuiltIn, Placeholders.BuiltIn);
}
