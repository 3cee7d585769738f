using ReportLint.Core.Documents;
using ReportLint.Core.Rules;

namespace ReportLint.Core.Findings;

public enum Severity { Note = 0, Warning = 1, Error = 2 }

public static class SeverityNames
{
    public static string Name(this Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning" or "warn": severity = Severity.Warning; return true;
            case "note" or "info": severity = Severity.Note; return true;
            default: severity = Severity.Note; return false;
        }
    }
}

/// <summary>
/// A place in a document: offsets into the linted text plus the 1-based line/column range a person or tool can follow.
/// For HTML the lines and columns are those of the HTML source; for Word, of the extracted text (one line per paragraph or
/// table row), with <see cref="Origin"/> saying which paragraph or table cell that is.
/// </summary>
public sealed record SourceLocation(string Path, TextSpan Span, int Line, int Column, int EndLine, int EndColumn, string Snippet)
{
    /// <summary>The place in the author's terms ("paragraph 12", "'Growth Drivers' row of table 2, cell 2"), for extracted formats.</summary>
    public SourceOrigin? Origin { get; init; }

    public static SourceLocation From(ReportDocument document, TextSpan span)
    {
        var start = document.PositionOf(span.Start);
        var end = document.EndPositionOf(span);
        // Where an HTML parser moved text (out of a broken table, say), the mapped end can land before the start:
        // a region must never run backwards, so it then ends where it starts.
        if (end.Line < start.Line || end.Line == start.Line && end.Column < start.Column) end = start;
        string snippet = document.Source.Slice(new TextSpan(span.Start, Math.Min(span.End, span.Start + 400)));
        return new SourceLocation(document.Path, span, start.Line, start.Column, end.Line, end.Column, snippet)
        {
            Origin = document.Map?.OriginOf(span.Start),
        };
    }

    public override string ToString() => $"{Path}:{Line}:{Column}";
}

public sealed record RelatedLocation(SourceLocation Location, string Message);

/// <summary>One replacement of a span's text.</summary>
public sealed record TextEdit(SourceLocation Location, string NewText);

/// <summary>A correction the author may apply: "set the 2032 value to USD 3.52 billion".</summary>
public sealed record SuggestedFix(string Description, IReadOnlyList<TextEdit> Edits);

public enum SuppressionKind
{
    /// <summary>A reportlint-disable comment in the document.</summary>
    InSource,
    /// <summary>Recorded in a baseline file: an old finding the team has accepted for now.</summary>
    Baseline,
}

/// <summary>Why a finding is not reported: where it was silenced and the reason given there.</summary>
public sealed record FindingSuppression(SuppressionKind Kind, string Justification);

/// <summary>A problem a rule found: what, where, why, and how it might be fixed.</summary>
public sealed class Finding
{
    public Finding(RuleDescriptor rule, Severity severity, string message, SourceLocation location)
    {
        Rule = rule;
        Severity = severity;
        _message = message;
        Location = location;
    }

    /// <summary>A finding whose message is held as UTF-8 (as a results cache stores it) and made a string only when read.</summary>
    /// <remarks>
    /// A cached run prints thousands of findings it linted earlier: text output writes each message through
    /// <see cref="WriteMessage"/> straight from these bytes, and a message never read (a suppressed finding) is never decoded.
    /// The bytes must not change afterwards.
    /// </remarks>
    public Finding(RuleDescriptor rule, Severity severity, ReadOnlyMemory<byte> utf8Message, SourceLocation location)
    {
        Rule = rule;
        Severity = severity;
        _utf8Message = utf8Message;
        Location = location;
    }

    public RuleDescriptor Rule { get; }
    public Severity Severity { get; set; }
    // Decoded on first read when the finding was made from UTF-8 (two threads reading it at once only decode it twice).
    public string Message => _message ??= System.Text.Encoding.UTF8.GetString(_utf8Message.Span);
    private string? _message;
    private readonly ReadOnlyMemory<byte> _utf8Message;

    /// <summary>Writes <see cref="Message"/>, without making a string of it when it is still held as UTF-8.</summary>
    public void WriteMessage(TextWriter writer)
    {
        if (_message is { } message)
        {
            writer.Write(message);
            return;
        }
        var utf8 = _utf8Message.Span;
        // UTF-8 never takes fewer bytes than UTF-16 takes chars.
        char[]? rented = utf8.Length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(utf8.Length) : null;
        Span<char> chars = rented ?? stackalloc char[utf8.Length];
        writer.Write(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }

    public SourceLocation Location { get; }
    public List<RelatedLocation> Related { get; } = new();
    public List<SuggestedFix> Fixes { get; } = new();
    /// <summary>Machine-readable facts behind the message (expected value, implied rate, gap …).</summary>
    /// <remarks>Made on first use: findings read back from the cache for text output never have theirs read.</remarks>
    public Dictionary<string, string> Properties => _properties ??= new();
    private Dictionary<string, string>? _properties;
    /// <summary>Why the finding is suppressed (an inline directive, a baseline), or null.</summary>
    public FindingSuppression? Suppression { get; set; }
    /// <summary>GitHub's primaryLocationLineHash of the line the finding starts on (see <see cref="Findings.LineHash"/>).</summary>
    public string? LineHash { get; set; }

    public string Path => Location.Path;
    public override string ToString() => $"{Location}: {Severity.Name()} {Rule.Id} {Message}";
}
