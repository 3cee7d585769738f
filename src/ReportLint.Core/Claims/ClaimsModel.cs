using ReportLint.Core.Documents;
using ReportLint.Core.Extraction;

namespace ReportLint.Core.Claims;

/// <summary>Everything ReportLint understood of one report: its statements, figures, typed claims and periods.</summary>
public sealed class ClaimsModel
{
    internal ClaimsModel(ReportDocument document, IReadOnlyList<Statement> statements)
    {
        Document = document;
        _statements = statements as List<Statement> ?? [.. statements];
    }

    public ReportDocument Document { get; }
    public IReadOnlyList<Statement> Statements => _statements;
    /// <summary>The statements for the loops that read every one: no enumerator and no call through the interface per statement.</summary>
    internal ReadOnlySpan<Statement> StatementSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_statements);
    private readonly List<Statement> _statements;
    public List<ValueClaim> Values { get; } = new();
    public List<RateClaim> Rates { get; } = new();
    public List<ShareClaim> Shares { get; } = new();
    public List<GrowthClaim> Growth { get; } = new();
    public List<SuperlativeClaim> Superlatives { get; } = new();
    public ReportPeriods Periods { get; } = new();
    /// <summary>The market the report is about ("Internet Micro Drama"), when it can be told.</summary>
    public string? MarketName
    {
        get => _marketName;
        internal set
        {
            _marketName = value;
            MarketNameSearch = value is { Length: > 0 } ? System.Buffers.SearchValues.Create([value], StringComparison.OrdinalIgnoreCase) : null;
        }
    }
    private string? _marketName;

    /// <summary>A search for <see cref="MarketName"/> ignoring case, or null without a name.</summary>
    internal System.Buffers.SearchValues<string>? MarketNameSearch { get; private set; }

    /// <summary>Whether each statement says it is about the whole market (see GrowthLinker.IsLinkable), decided once per statement.</summary>
    internal Dictionary<Statement, bool> MarketStatements { get; } = new(ReferenceEqualityComparer.Instance);
    public IReadOnlyList<string> SegmentNames { get; internal set; } = [];

    /// <summary>Which parts of the report are scope table, segmentation list, contents, footer and body.</summary>
    public ReportOutline Outline { get; internal set; } = new();

    private ScopeFacts? _scope;
    internal Knowledge.KnowledgeBase? Knowledge { get; set; }

    /// <summary>What the report says it covers and what it discusses (built on first use).</summary>
    public ScopeFacts Scope => _scope ??= ScopeFacts.Build(this, Knowledge ?? ReportLint.Core.Knowledge.KnowledgeBase.BuiltIn);

    /// <summary>Statements whose figures some check has used, for the coverage report.</summary>
    public HashSet<Statement> Checked { get; } = new();

    /// <summary>Statements that yielded a typed claim (a dated value, a growth rate, a share): what the checks can work on.</summary>
    public HashSet<Statement> Understood =>
        Values.Select(v => v.Statement).Concat(Rates.Select(r => r.Statement)).Concat(Shares.Select(s => s.Statement)).ToHashSet();

    /// <summary>
    /// True when a value can be trusted to be about what its subject says: a field or table cell, or a sentence that names the
    /// market ("Hospitals accounted for USD 2 billion" names a segment the reader cannot resolve, so it is not the market's size).
    /// </summary>
    public bool IsTrustedSubject(ValueClaim value) => GrowthLinker.IsLinkable(value, this);

    /// <summary>The breakdown a statement belongs to ("Genre" under "By Genre: …"), from its own words or its section heading.</summary>
    public string? BreakdownOf(Statement statement) =>
        (Claims.Superlatives.DimensionIn(statement.Text) ?? (statement.Block.Section is { } h ? Claims.Superlatives.DimensionIn(h.Text) : null))?.ToLowerInvariant();

    public IEnumerable<Figure> Figures => Statements.SelectMany(s => s.Figures);

    public Coverage Coverage
    {
        get
        {
            // One pass over the figures (this runs for every file linted).
            int money = 0, percentages = 0, years = 0, other = 0, numeric = 0, checkedStatements = 0;
            HashSet<Statement>? understood = null;
            // Over spans: a foreach over the interfaces allocated an enumerator per statement and called through them per item.
            foreach (var statement in StatementSpan)
            {
                bool hasMoneyOrPercent = false;
                foreach (var figure in statement.FigureSpan)
                {
                    switch (figure.Kind)
                    {
                        case FigureKind.Money: money++; hasMoneyOrPercent = true; break;
                        case FigureKind.Percent: percentages++; hasMoneyOrPercent = true; break;
                        case FigureKind.PercentagePoints: percentages++; break;
                        case FigureKind.Year or FigureKind.Period: years++; break;
                        case FigureKind.Number: other++; break;
                    }
                }
                if (!hasMoneyOrPercent) continue;
                numeric++;
                if ((understood ??= Understood).Contains(statement)) checkedStatements++;
            }
            return new Coverage(money, percentages, years, other, numeric, checkedStatements, Values.Count, Rates.Count, Shares.Count, Growth.Count);
        }
    }
}

/// <summary>How much of a report's numbers the checks could use: a silent run over a blind spot is not a clean bill.</summary>
public sealed record Coverage(int Money, int Percentages, int Years, int OtherNumbers, int NumericStatements, int CheckedStatements,
    int ValueClaims, int RateClaims, int ShareClaims, int GrowthChecks)
{
    public double Ratio => NumericStatements == 0 ? 1 : (double)CheckedStatements / NumericStatements;
}
