namespace ReportLint.Core.Documents;

/// <summary>
/// HTML comments (<c>&lt;!-- … --&gt;</c>): where authors leave notes to each other and directives to ReportLint.
/// Markdown has them natively; plain-text drafts use the same syntax, on a line of their own or at the end of one.
/// </summary>
public static class HtmlComments
{
    private const string Open = "<!--", Close = "-->";

    /// <summary>The comments inside <paramref name="within"/>; an unterminated one runs to its end, as in HTML.</summary>
    public static IEnumerable<TextSpan> Find(string text, TextSpan within)
    {
        int i = within.Start;
        while (i < within.End)
        {
            int open = text.IndexOf(Open, i, within.End - i, StringComparison.Ordinal);
            if (open < 0) yield break;
            int bodyStart = open + Open.Length;
            int close = bodyStart <= within.End ? text.IndexOf(Close, bodyStart, within.End - bodyStart, StringComparison.Ordinal) : -1;
            int end = close < 0 ? within.End : close + Close.Length;
            yield return new TextSpan(open, end);
            i = end;
        }
    }

    /// <summary>The comment's text between its delimiters.</summary>
    public static string Body(string text, TextSpan comment)
    {
        string s = text[comment.Start..comment.End];
        s = s.StartsWith(Open, StringComparison.Ordinal) ? s[Open.Length..] : s;
        return s.EndsWith(Close, StringComparison.Ordinal) ? s[..^Close.Length] : s;
    }

    /// <summary>The text with every comment blanked to spaces (line breaks kept), so offsets stay those of the source.</summary>
    public static string Mask(string text, IReadOnlyList<TextSpan> comments)
    {
        if (comments.Count == 0) return text;
        var chars = text.ToCharArray();
        foreach (var span in comments)
            for (int i = span.Start; i < span.End; i++)
                if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
        return new string(chars);
    }
}
