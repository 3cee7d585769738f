namespace ReportLint.Core.Documents;

/// <summary>Heuristics shared by the readers for pasted, unmarked text.</summary>
internal static class TextClassifier
{
    /// <summary>Length of a list marker ("- ", "• ", "1. ", "a) ") at the start of the trimmed line, or 0.</summary>
    public static int ListMarkerLength(ReadOnlySpan<char> line)
    {
        if (line.Length < 2) return 0;
        char c = line[0];
        if ((c is '-' or '*' or '•' or '–' or '·' or '▪' or '●' or '◦' or '‣') && char.IsWhiteSpace(line[1]))
            return 2 + CountSpaces(line[2..]);
        int i = 0;
        while (i < line.Length && i < 3 && char.IsAsciiDigit(line[i])) i++;
        if (i == 0 && line.Length > 2 && char.IsAsciiLetterLower(line[0])) i = 1;
        if (i > 0 && i + 1 < line.Length && (line[i] is '.' or ')') && char.IsWhiteSpace(line[i + 1]))
            return i + 2 + CountSpaces(line[(i + 2)..]);
        return 0;
    }

    private static int CountSpaces(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length && s[n] is ' ' or '\t') n++;
        return n;
    }

    /// <summary>A short, title-like line with no sentence ending: how pasted web pages show headings.</summary>
    public static bool LooksLikeHeading(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length == 0 || line.Length > 110) return false;
        char last = line[^1];
        if (last is '.' or ',' or ';' or '!' or '"' or '”') return false;
        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0]))) return false;
        int words = 0, capitalised = 0, lowerFunction = 0;
        foreach (var range in line.Split(' '))
        {
            var w = line[range].Trim("()[]\"'“”,:");
            if (w.Length == 0) continue;
            words++;
            if (char.IsUpper(w[0]) || char.IsDigit(w[0]) || w[0] == '&' || w[0] == '-') capitalised++;
            else if (IsFunctionWord(w)) lowerFunction++;
        }
        if (words == 0 || words > 16) return false;
        if (words <= 3) return true;
        // Title case (allowing lower-case function words), or an all-caps line.
        return capitalised + lowerFunction >= words - 1 && capitalised * 2 >= words;
    }

    /// <summary>A report's first line: title-like even when long ("… Market Size, Share and Growth Analysis, by …, 2025-2032").</summary>
    public static bool LooksLikeTitle(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.Length is > 0 and <= 240 && line[^1] is not ('.' or '!' or ';') && (char.IsUpper(line[0]) || char.IsDigit(line[0]));
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> w) =>
        w is "a" or "an" or "and" or "as" or "at" or "by" or "for" or "from" or "in" or "into" or "of" or "on" or "or"
            or "the" or "to" or "through" or "vs" or "via" or "with" or "within" or "amid" or "over";

    /// <summary>
    /// Finds "Key: value" at the start of a line: a short label (at most eight words) followed by a colon and text.
    /// Returns the colon's index, or -1.
    /// </summary>
    public static int FieldColon(ReadOnlySpan<char> text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0 || colon > 70) return -1;
        var key = text[..colon].Trim();
        if (key.Length == 0 || !char.IsLetterOrDigit(key[0])) return -1;
        if (colon + 1 < text.Length && !char.IsWhiteSpace(text[colon + 1])) return -1; // 10:30, http://
        if (text[(colon + 1)..].Trim().Length == 0) return -1;
        int words = 1;
        foreach (char ch in key)
        {
            if (ch == ' ') words++;
            if (ch is '.' or '!' or '?' or ';' or '|') return -1;
        }
        return words <= 9 ? colon : -1;
    }
}
