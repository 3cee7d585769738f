using System.Text.RegularExpressions;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;

namespace ReportLint.Core.Rules.Packs;

/// <summary>A check defined in a rule pack (YAML) rather than in code; its message may use {match}, {replacement} or {field}.</summary>
public abstract class PackRule(RuleDescriptor descriptor, string message) : Rule
{
    public override RuleDescriptor Descriptor => descriptor;
    public string Message => message;

    protected string Format(params (string Name, string Value)[] values)
    {
        var text = message;
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The blocks whose text rules read: everything but comments.</summary>
    protected static IEnumerable<Block> TextBlocks(RuleContext context) => context.Document.Blocks.Where(b => b.Kind != BlockKind.Comment);
}

/// <summary>kind: existence — flags every occurrence of listed words, phrases or patterns.</summary>
public sealed class ExistenceRule(RuleDescriptor descriptor, string message, Lazy<Regex> pattern) : PackRule(descriptor, message)
{
    public override void Check(RuleContext context)
    {
        foreach (var block in TextBlocks(context))
            foreach (Match m in pattern.Value.Matches(block.Text))
                if (m.Length > 0)
                    context.Report(new TextSpan(block.Span.Start + m.Index, block.Span.Start + m.Index + m.Length), Format(("match", m.Value)));
    }
}

/// <summary>kind: substitution — "prefer X to Y": flags Y and offers X as the fix.</summary>
public sealed class SubstitutionRule(RuleDescriptor descriptor, string message, Lazy<Regex> pattern, IReadOnlyDictionary<string, string> swap) : PackRule(descriptor, message)
{
    public override void Check(RuleContext context)
    {
        foreach (var block in TextBlocks(context))
            foreach (Match m in pattern.Value.Matches(block.Text))
            {
                if (m.Length == 0 || !swap.TryGetValue(Key(m.Value), out var replacement)) continue;
                if (char.IsUpper(m.Value[0]) && replacement.Length > 0) replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
                var span = new TextSpan(block.Span.Start + m.Index, block.Span.Start + m.Index + m.Length);
                var finding = context.Report(span, Format(("match", m.Value), ("replacement", replacement)));
                finding.Fixes.Add(new SuggestedFix($"Replace '{m.Value}' with '{replacement}'", [new TextEdit(context.Locate(span), replacement)]));
            }
    }

    /// <summary>How a matched phrase is looked up: lower case, single spaces.</summary>
    public static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>kind: required-field — the scope table must have these keys (each one of a few accepted spellings).</summary>
public sealed class RequiredFieldRule(RuleDescriptor descriptor, string message, IReadOnlyList<IReadOnlyList<string>> fields) : PackRule(descriptor, message)
{
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var scopeFields = document.Fields.Where(f => f.InTable).ToList();
        if (scopeFields.Count == 0) return; // no scope table: nothing to hold to account
        var keys = scopeFields.Select(f => " " + Words(f.Key) + " ").ToList();
        var table = scopeFields[0].Block.Table!;
        foreach (var alternatives in fields)
        {
            if (alternatives.Any(a => keys.Any(k => k.Contains(" " + Words(a) + " ", StringComparison.Ordinal)))) continue;
            context.Report(table.Rows[0].Span, Format(("field", alternatives[0])));
        }
    }

    private static string Words(string text) => string.Join(' ', Documents.Words.Tokenize(text).Select(t => t.Token));
}
