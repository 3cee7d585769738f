using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace ReportLint.Core.Documents;

/// <summary>
/// Reads HTML pages (AngleSharp) into the shared model: the visible text of the page, one line per paragraph, heading or list
/// item (with the number or bullet a browser shows) and one pipe-separated line per table row. Scripts, styles, hidden
/// elements, forms and navigation are left out, and when the page has a main (or article) element only that is read, so
/// site headers, footers and sidebars are not linted. White space collapses as a browser collapses it.
/// <para>
/// Positions: every character of the extracted text remembers the source character it came from (entities included), so
/// findings report lines and columns in the HTML file itself. AngleSharp records where elements start; text nodes are aligned
/// against the source from there. Where that alignment fails (markup the parser rearranged), a character is reported at the
/// start tag of its element.
/// </para>
/// </summary>
public static class HtmlReader
{
    public static ReportDocument Read(string path, string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var dom = parser.ParseDocument(html);
        var walker = new Walker(html);
        foreach (var root in Roots(dom)) walker.Element(root);
        walker.Flush();
        return walker.Output.Build(path, DocumentFormat.Html, new SourceText(html));
    }

    /// <summary>The page's main content: its main element(s), else its articles, else the body.</summary>
    private static IEnumerable<IElement> Roots(IDocument dom)
    {
        var mains = dom.QuerySelectorAll("main").Where(m => m.ParentElement?.Closest("main") is null && !m.HasAttribute("hidden")).ToList();
        if (mains.Count > 0) return mains;
        var articles = dom.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList();
        if (articles.Count > 0) return articles;
        return dom.Body is { } body ? [body] : dom.DocumentElement is { } root ? [root] : [];
    }

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "canvas", "iframe", "object",
        "embed", "nav", "button", "select", "option", "input", "textarea", "datalist", "dialog",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "address", "figure", "figcaption",
        "form", "fieldset", "legend", "details", "summary", "dl", "dt", "dd", "pre", "hr", "center", "body", "html", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "hgroup",
    };

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true") return true;
        string? style = e.GetAttribute("style");
        if (style is null) return false;
        string compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private sealed class Walker(string html)
    {
        public ExtractedText Output { get; } = new();
        private readonly SourceAligner _aligner = new(html);
        private BlockKind _kind = BlockKind.Paragraph;
        private int _level;
        private string? _marker;
        private bool _pendingSpace;
        private int _pendingSpaceSource = -1;
        private int _pre;
        private int _cell;
        private readonly Stack<(bool Ordered, int Next, string Type)> _lists = new();

        public void Flush()
        {
            Output.EndBlock(_kind, _kind == BlockKind.Heading ? _level : 0);
            _pendingSpace = false;
        }

        private void Space(int source = -1)
        {
            if (Output.AtContentStart || Output.LastChar is ' ' or '\n') return;
            if (!_pendingSpace) _pendingSpaceSource = source;
            _pendingSpace = true;
        }

        private void Emit(char c, int source, int sourceLength)
        {
            if (_pre == 0 && c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                Space(source);
                return;
            }
            if (_pendingSpace && !Output.AtContentStart && Output.LastChar is not (' ' or '\n'))
                Output.Append(' ', _pendingSpaceSource);
            _pendingSpace = false;
            if (_marker is not null && Output.AtContentStart)
            {
                Output.Append(_marker + " ");
                _marker = null;
            }
            Output.Append(c, source, sourceLength);
        }

        private void Text(IText text, IElement? parent)
        {
            string data = text.Data;
            if (data.Length == 0) return;
            var map = new (int Index, int Length)[data.Length];
            if (!_aligner.Align(data, map))
            {
                int at = parent?.SourceReference?.Position.Index ?? -1;
                for (int i = 0; i < map.Length; i++) map[i] = (at, 1);
            }
            for (int i = 0; i < data.Length; i++)
            {
                // A surrogate pair or a multi-character entity: characters mapped to the same source run stay together.
                Emit(data[i], map[i].Index, map[i].Length);
            }
        }

        public void Element(IElement e)
        {
            string name = e.LocalName;
            if (Skipped.Contains(name) || IsHidden(e))
            {
                Consume(e);
                return;
            }
            if (e.SourceReference?.Position.Index is { } index) _aligner.SeekTo(index);
            bool block = BlockElements.Contains(name);
            if (_cell > 0)
            {
                // Inside a table cell everything stays on the row's line; blocks and line breaks become spaces.
                if (block || name == "br") Space();
                Children(e);
                if (block) Space();
                return;
            }
            switch (name)
            {
                case "br":
                    if (!Output.AtContentStart) Output.Append('\n');
                    _pendingSpace = false;
                    return;
                case "table":
                    Table(e);
                    return;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    WithKind(e, BlockKind.Heading, name[1] - '0');
                    return;
                case "li":
                    _marker = NextMarker();
                    WithKind(e, BlockKind.ListItem, 0);
                    _marker = null;
                    return;
                case "ul" or "ol" or "menu":
                    Flush();
                    int start = int.TryParse(e.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : 1;
                    _lists.Push((name == "ol", start, e.GetAttribute("type") ?? "1"));
                    Children(e);
                    _lists.Pop();
                    Flush();
                    return;
                case "pre":
                    Flush();
                    _pre++;
                    Children(e);
                    _pre--;
                    Flush();
                    return;
            }
            if (block) Flush();
            Children(e);
            if (block) Flush();
        }

        private void WithKind(IElement e, BlockKind kind, int level)
        {
            Flush();
            var (savedKind, savedLevel) = (_kind, _level);
            (_kind, _level) = (kind, level);
            Children(e);
            Flush();
            (_kind, _level) = (savedKind, savedLevel);
        }

        private string NextMarker()
        {
            if (_lists.Count == 0) return "•";
            var (ordered, next, type) = _lists.Pop();
            _lists.Push((ordered, next + 1, type));
            if (!ordered) return "•";
            return type switch
            {
                "a" => ListLabels.Letters(next).ToLowerInvariant() + ".",
                "A" => ListLabels.Letters(next) + ".",
                "i" => ListLabels.Roman(next).ToLowerInvariant() + ".",
                "I" => ListLabels.Roman(next) + ".",
                _ => next.ToString(CultureInfo.InvariantCulture) + ".",
            };
        }

        private void Children(IElement e)
        {
            foreach (var node in e.ChildNodes)
            {
                if (node is IElement child) Element(child);
                else if (node is IText text) Text(text, e);
            }
        }

        /// <summary>Moves the source cursor past a subtree that is not read, so the text after it still aligns.</summary>
        private void Consume(IElement e)
        {
            if (e.SourceReference?.Position.Index is { } index) _aligner.SeekTo(index);
            foreach (var node in e.ChildNodes)
            {
                if (node is IElement child) Consume(child);
                else if (node is IText text && text.Data.Length > 0) _aligner.Align(text.Data, new (int, int)[text.Data.Length]);
            }
        }

        private void Table(IElement table)
        {
            Flush();
            var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
            if (caption is not null) { Element(caption); Flush(); }
            Output.BeginTable();
            foreach (var row in Rows(table))
            {
                if (IsHidden(row)) { Consume(row); continue; }
                if (row.SourceReference?.Position.Index is { } index) _aligner.SeekTo(index);
                Output.BeginRow();
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
                foreach (var cell in cells)
                {
                    if (cell.SourceReference?.Position.Index is { } cellIndex) _aligner.SeekTo(cellIndex);
                    Output.BeginCell();
                    _pendingSpace = false;
                    _cell++;
                    if (!IsHidden(cell)) Children(cell);
                    else Consume(cell);
                    _cell--;
                    _pendingSpace = false;
                    int span = int.TryParse(cell.GetAttribute("colspan"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) ? Math.Clamp(c, 1, 64) : 1;
                    Output.EndCell(span);
                }
                bool header = row.ParentElement?.LocalName == "thead" || cells.Count > 0 && cells.All(c => c.LocalName == "th");
                Output.EndRow(header);
            }
            Output.EndTable();
        }

        /// <summary>A table's own rows (not those of tables nested in its cells), in document order.</summary>
        private static IEnumerable<IElement> Rows(IElement table)
        {
            foreach (var child in table.Children)
            {
                if (child.LocalName == "tr") yield return child;
                else if (child.LocalName is "thead" or "tbody" or "tfoot")
                    foreach (var row in child.Children.Where(r => r.LocalName == "tr")) yield return row;
            }
        }
    }

    /// <summary>
    /// Finds, for each character of a text node, the source characters it was parsed from: walks the HTML source forward from
    /// the last aligned place, skipping markup (tags, comments, declarations) and decoding character references.
    /// </summary>
    private sealed class SourceAligner(string html)
    {
        private int _pos;

        public void SeekTo(int index)
        {
            if (index > _pos && index < html.Length && html[index] == '<') _pos = index;
        }

        public bool Align(string data, (int Index, int Length)[] map)
        {
            int p = _pos, i = 0;
            while (i < data.Length)
            {
                if (p >= html.Length) return false;
                char c = html[p];
                if (c == '<' && i == 0 && IsMarkupStart(p))
                {
                    p = SkipMarkup(p);
                    continue;
                }
                if (c == '\r' && data[i] == '\n')
                {
                    int len = p + 1 < html.Length && html[p + 1] == '\n' ? 2 : 1;
                    map[i++] = (p, len);
                    p += len;
                    continue;
                }
                if (c == '&' && TryEntity(p, out string decoded, out int entityLength)
                    && string.CompareOrdinal(html, p, data, i, entityLength) != 0
                    && string.CompareOrdinal(data, i, decoded, 0, decoded.Length) == 0)
                {
                    for (int k = 0; k < decoded.Length; k++) map[i + k] = (p, entityLength);
                    i += decoded.Length;
                    p += entityLength;
                    continue;
                }
                if (c == data[i])
                {
                    map[i++] = (p++, 1);
                    continue;
                }
                // Before the text starts, only white space between tags may be passed over.
                if (i == 0 && char.IsWhiteSpace(c)) { p++; continue; }
                return false;
            }
            _pos = p;
            return true;
        }

        private bool IsMarkupStart(int p) =>
            p + 1 < html.Length && (char.IsAsciiLetter(html[p + 1]) || html[p + 1] is '/' or '!' or '?');

        private int SkipMarkup(int p)
        {
            if (string.CompareOrdinal(html, p, "<!--", 0, 4) == 0)
            {
                int end = html.IndexOf("-->", p + 4, StringComparison.Ordinal);
                return end < 0 ? html.Length : end + 3;
            }
            // A tag: up to its closing '>', outside quoted attribute values.
            char quote = '\0';
            for (int k = p + 1; k < html.Length; k++)
            {
                char ch = html[k];
                if (quote != '\0') { if (ch == quote) quote = '\0'; }
                else if (ch is '"' or '\'') quote = ch;
                else if (ch == '>') return k + 1;
            }
            return html.Length;
        }

        /// <summary>A character reference at <paramref name="p"/>: &amp;name; or &amp;#123; or &amp;#x1F;.</summary>
        private bool TryEntity(int p, out string decoded, out int length)
        {
            decoded = "";
            length = 0;
            int end = p + 1;
            while (end < html.Length && end - p < 40 && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '#')) end++;
            bool semicolon = end < html.Length && html[end] == ';';
            string body = html.Substring(p + 1, end - p - 1);
            if (body.Length == 0) return false;
            if (body[0] == '#')
            {
                bool hex = body.Length > 1 && body[1] is 'x' or 'X';
                string digits = body[(hex ? 2 : 1)..];
                if (!int.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out int code)) return false;
                decoded = code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD";
                length = end - p + (semicolon ? 1 : 0);
                return true;
            }
            string? symbol = HtmlEntityProvider.Resolver.GetSymbol(body + (semicolon ? ";" : ""));
            if (symbol is null) return false;
            decoded = symbol;
            length = end - p + (semicolon ? 1 : 0);
            return true;
        }
    }
}
