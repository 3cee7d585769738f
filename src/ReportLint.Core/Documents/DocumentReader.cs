namespace ReportLint.Core.Documents;

/// <summary>Chooses a reader by file extension; standard input and unknown extensions read as plain text.</summary>
public static class DocumentReader
{
    public static readonly string[] LintableExtensions = [".md", ".markdown", ".txt"];

    public static DocumentFormat FormatFor(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".md" or ".markdown" or ".mdown" or ".mkd" => DocumentFormat.Markdown,
            _ => DocumentFormat.PlainText,
        };
    }

    public static ReportDocument Read(string path, byte[] bytes) => Read(path, bytes, FormatFor(path));

    public static ReportDocument Read(string path, byte[] bytes, DocumentFormat format)
    {
        var (text, warning) = TextDecoding.Decode(bytes);
        var document = Parse(path, text, format);
        document.HasUtf8ByteOrderMark = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (warning is not null) document.Warnings.Add(warning);
        return document;
    }

    public static ReportDocument Parse(string path, string text, DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => MarkdownReader.Read(path, text),
        _ => PlainTextReader.Read(path, text),
    };
}
