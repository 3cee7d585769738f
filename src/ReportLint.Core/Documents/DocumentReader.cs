namespace ReportLint.Core.Documents;

/// <summary>
/// Chooses a reader by file extension; standard input and unknown extensions read as plain text. Word files are binary
/// (a zip package) and go to <see cref="WordReader"/> as bytes; every other format is decoded to text first.
/// </summary>
public static class DocumentReader
{
    /// <summary>What a folder contributes when linted recursively.</summary>
    public static readonly string[] LintableExtensions = [".md", ".markdown", ".txt", ".docx", ".html", ".htm"];

    public static DocumentFormat FormatFor(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".md" or ".markdown" or ".mdown" or ".mkd" => DocumentFormat.Markdown,
            ".docx" => DocumentFormat.Word,
            ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
            _ => DocumentFormat.PlainText,
        };
    }

    public static ReportDocument Read(string path, byte[] bytes) => Read(path, bytes, FormatFor(path));

    public static ReportDocument Read(string path, byte[] bytes, DocumentFormat format)
    {
        if (format == DocumentFormat.Word) return WordReader.Read(path, bytes);
        var (text, warning) = TextDecoding.Decode(bytes);
        var document = Parse(path, text, format);
        document.HasUtf8ByteOrderMark = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (warning is not null) document.Warnings.Add(warning);
        return document;
    }

    /// <summary>Reads text already decoded. Word documents are not text: read them from their bytes.</summary>
    public static ReportDocument Parse(string path, string text, DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => MarkdownReader.Read(path, text),
        DocumentFormat.Html => HtmlReader.Read(path, text),
        DocumentFormat.Word => throw new DocumentReadException("a Word document is a binary package: read it from its bytes"),
        _ => PlainTextReader.Read(path, text),
    };
}
