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

/// <summary>A place and a text about it (see <see cref="RelatedLocation"/> and <see cref="TextEdit"/>).</summary>
public abstract record PlacedText
{
    private protected PlacedText(SourceLocation location, Utf8Text text)
    {
        Location = location;
        Text = text;
    }

    public SourceLocation Location { get; init; }
    /// <summary>Held as a string, or as UTF-8 (as a results cache stores it) until read: see <see cref="Utf8Text"/>.</summary>
    private protected Utf8Text Text;
}

/// <summary>Another place a finding concerns, and what it is there ("the 2032 value").</summary>
public sealed record RelatedLocation : PlacedText
{
    public RelatedLocation(SourceLocation location, string message) : base(location, new Utf8Text(message)) { }
    public RelatedLocation(SourceLocation location, ReadOnlyMemory<byte> utf8Message) : base(location, new Utf8Text(utf8Message)) { }

    public string Message { get => Text.Value; init => Text = new Utf8Text(value); }

    /// <summary>Writes <see cref="Message"/>, without making a string of it when it is still held as UTF-8.</summary>
    public void WriteMessage(TextWriter writer) => Text.WriteTo(writer);
}

/// <summary>One replacement of a span's text.</summary>
public sealed record TextEdit : PlacedText
{
    public TextEdit(SourceLocation location, string newText) : base(location, new Utf8Text(newText)) { }
    public TextEdit(SourceLocation location, ReadOnlyMemory<byte> utf8NewText) : base(location, new Utf8Text(utf8NewText)) { }

    public string NewText { get => Text.Value; init => Text = new Utf8Text(value); }
}

/// <summary>A correction the author may apply: "set the 2032 value to USD 3.52 billion".</summary>
public sealed record SuggestedFix
{
    public SuggestedFix(string description, IReadOnlyList<TextEdit> edits)
    {
        _description = new Utf8Text(description);
        Edits = edits;
    }

    /// <summary>With the description held as UTF-8 (as a results cache stores it): see <see cref="Utf8Text"/>.</summary>
    public SuggestedFix(ReadOnlyMemory<byte> utf8Description, IReadOnlyList<TextEdit> edits)
    {
        _description = new Utf8Text(utf8Description);
        Edits = edits;
    }

    public string Description { get => _description.Value; init => _description = new Utf8Text(value); }
    private Utf8Text _description;
    public IReadOnlyList<TextEdit> Edits { get; init; }

    /// <summary>Writes <see cref="Description"/>, without making a string of it when it is still held as UTF-8.</summary>
    public void WriteDescription(TextWriter writer) => _description.WriteTo(writer);
}

/// <summary>
/// A text held as a string, or as UTF-8 bytes made a string only when first read. A run over a results cache prints
/// thousands of findings it linted earlier, their related places and fixes: text output writes them straight from the
/// cache file's bytes, and what no output reads (an edit's new text, for text output) is never decoded. The bytes must
/// not change afterwards. Two threads reading it at once only decode it twice.
/// </summary>
internal struct Utf8Text : IEquatable<Utf8Text>
{
    private string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;

    public Utf8Text(string text) => _text = text;
    public Utf8Text(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>The text; read through a field, so that the string decoded is kept there.</summary>
    public string Value => _text ??= Decoded;

    private readonly string Decoded => _text ?? System.Text.Encoding.UTF8.GetString(_utf8.Span);

    // The records holding it compare their texts, however each is held.
    public readonly bool Equals(Utf8Text other) => string.Equals(Decoded, other.Decoded, StringComparison.Ordinal);
    public override readonly bool Equals(object? obj) => obj is Utf8Text other && Equals(other);
    public override readonly int GetHashCode() => Decoded.GetHashCode(StringComparison.Ordinal);

    public readonly void WriteTo(TextWriter writer)
    {
        if (_text is { } text)
        {
            writer.Write(text);
            return;
        }
        var utf8 = _utf8.Span;
        // UTF-8 never takes fewer bytes than UTF-16 takes chars.
        char[]? rented = utf8.Length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(utf8.Length) : null;
        Span<char> chars = rented ?? stackalloc char[utf8.Length];
        writer.Write(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }
}

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
        _message = new Utf8Text(message);
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
        _message = new Utf8Text(utf8Message);
        Location = location;
    }

    public RuleDescriptor Rule { get; }
    public Severity Severity { get; set; }
    public string Message => _message.Value;
    private Utf8Text _message;

    /// <summary>Writes <see cref="Message"/>, without making a string of it when it is still held as UTF-8.</summary>
    public void WriteMessage(TextWriter writer) => _message.WriteTo(writer);

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
