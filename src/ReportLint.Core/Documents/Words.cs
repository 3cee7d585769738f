namespace ReportLint.Core.Documents;

/// <summary>The word tokens of a text, as the lexicons and the duplicate check compare them: lower-cased runs of letters and digits.</summary>
public static class Words
{
    public static IEnumerable<(int Start, int End, string Token)> Tokenize(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            yield return (start, i, text[start..i].ToLowerInvariant());
        }
    }
}
