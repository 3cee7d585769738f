namespace ReportLint.Core.Knowledge;

/// <summary>What ReportLint knows about the world, loaded once from rules/*.yaml: places, and more as rules need it.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(Gazetteer gazetteer)
    {
        Gazetteer = gazetteer;
    }

    public Gazetteer Gazetteer { get; }

    private static KnowledgeBase? _builtIn;
    public static KnowledgeBase BuiltIn => _builtIn ??= new KnowledgeBase(Gazetteer.BuiltIn);
}
