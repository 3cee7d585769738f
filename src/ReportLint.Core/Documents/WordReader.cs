extern alias OpenXml;
using System.Globalization;
using System.Text;
using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;

namespace ReportLint.Core.Documents;

/// <summary>
/// Reads Word documents (.docx, with the Open XML SDK) into the shared model: one line of text per paragraph, headings from
/// their styles (Title, Heading 1…9, or an outline level), numbered and bulleted paragraphs as list items with the label
/// Word shows ("1.", "a)", "•"), and one pipe-separated line per table row. The text is read as it would be with all tracked
/// changes accepted (insertions kept; deletions, moved-from text and deleted rows and paragraph marks dropped); comments,
/// hidden text, field codes, headers and footers are not part of it. Every location carries its paragraph or table cell.
/// </summary>
public static class WordReader
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static ReportDocument Read(string path, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var package = WordprocessingDocument.Open(stream, isEditable: false);
            var main = package.MainDocumentPart ?? throw new DocumentReadException("not a Word document: it has no main document part");
            var body = main.Document?.Body ?? throw new DocumentReadException("not a Word document: it has no body");
            var walker = new Walker(Styles.From(main.StyleDefinitionsPart?.Styles), Numbering.From(main.NumberingDefinitionsPart?.Numbering));
            walker.Blocks(body);
            walker.FlushPending();
            return walker.Output.Build(path, DocumentFormat.Word, original: null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException
                                       or InvalidOperationException or NotSupportedException)
        {
            throw new DocumentReadException("not a readable Word document: " + e.Message);
        }
    }

    private static bool IsW(OpenXmlElement e) => e.NamespaceUri == W;

    private static string? Attr(OpenXmlElement? e, string name)
    {
        if (e is null) return null;
        foreach (var a in e.GetAttributes())
            if (a.LocalName == name) return a.Value;
        return null;
    }

    private static OpenXmlElement? Child(OpenXmlElement? e, string localName)
    {
        if (e is null) return null;
        foreach (var c in e.ChildElements)
            if (c.LocalName == localName && IsW(c)) return c;
        return null;
    }

    /// <summary>An on/off property: present and not switched off ("false", "0", "off").</summary>
    private static bool IsOn(OpenXmlElement? e) => e is not null && Attr(e, "val") is not ("false" or "0" or "off");

    private sealed class Walker(Styles styles, Numbering numbering)
    {
        public ExtractedText Output { get; } = new();
        private int _paragraphs;
        private string _pending = "";
        private ParagraphShape? _pendingShape;

        public void Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                if (!IsW(child)) continue;
                switch (child.LocalName)
                {
                    case "p":
                        Paragraph(child);
                        break;
                    case "tbl":
                        FlushPending();
                        Table(child);
                        break;
                    case "sdt":
                        if (Child(child, "sdtContent") is { } content) Blocks(content);
                        break;
                    case "customXml" or "ins" or "moveTo" or "smartTag":
                        Blocks(child);
                        break;
                }
            }
        }

        private void Paragraph(OpenXmlElement p)
        {
            var shape = Shape(p);
            string text = _pending + ParagraphText(p);
            var mark = Child(Child(shape.Properties, "rPr"), "del") ?? Child(Child(shape.Properties, "rPr"), "moveFrom");
            if (mark is not null)
            {
                // The paragraph mark is deleted: accepted, this paragraph runs on into the next one.
                _pending = text;
                _pendingShape ??= shape;
                return;
            }
            _pending = "";
            _pendingShape = null;
            Emit(shape, text);
        }

        public void FlushPending()
        {
            if (_pendingShape is { } shape && _pending.Length > 0) Emit(shape, _pending);
            _pending = "";
            _pendingShape = null;
        }

        private void Emit(ParagraphShape shape, string text)
        {
            string label = shape.NumId is { } numId ? numbering.NextLabel(numId, shape.Level) : "";
            if (string.IsNullOrWhiteSpace(text)) return;
            int number = ++_paragraphs;
            if (label.Length > 0) Output.Append(label + " ");
            Output.Append(text);
            var kind = shape.HeadingLevel > 0 ? BlockKind.Heading : shape.NumId is not null ? BlockKind.ListItem : BlockKind.Paragraph;
            Output.EndBlock(kind, shape.HeadingLevel, new SourceOrigin($"paragraph {number}", Paragraph: number));
        }

        private sealed record ParagraphShape(OpenXmlElement? Properties, int HeadingLevel, string? NumId, int Level);

        private ParagraphShape Shape(OpenXmlElement p)
        {
            var pPr = Child(p, "pPr");
            string? styleId = Attr(Child(pPr, "pStyle"), "val");
            int heading = styles.HeadingLevel(styleId);
            if (Attr(Child(pPr, "outlineLvl"), "val") is { } outline && int.TryParse(outline, out int o))
                heading = o is >= 0 and < 9 ? o + 1 : 0;
            var numPr = Child(pPr, "numPr") ?? styles.NumberingOf(styleId);
            string? numId = Attr(Child(numPr, "numId"), "val");
            if (numId is "0") numId = null;
            int level = int.TryParse(Attr(Child(numPr, "ilvl"), "val"), out int l) ? Math.Clamp(l, 0, 8) : 0;
            return new ParagraphShape(pPr, heading, numId, level);
        }

        private void Table(OpenXmlElement tbl)
        {
            Output.BeginTable();
            foreach (var row in Rows(tbl))
            {
                var trPr = Child(row, "trPr");
                if (Child(trPr, "del") is not null) continue; // a deleted row, accepted
                Output.BeginRow();
                foreach (var cell in Cells(row))
                {
                    var tcPr = Child(cell, "tcPr");
                    int span = int.TryParse(Attr(Child(tcPr, "gridSpan"), "val"), out int g) ? Math.Clamp(g, 1, 64) : 1;
                    var vMerge = Child(tcPr, "vMerge");
                    bool continuesAbove = vMerge is not null && Attr(vMerge, "val") is null or "continue";
                    Output.BeginCell();
                    if (!continuesAbove) Output.Append(CellText(cell));
                    Output.EndCell(span);
                }
                Output.EndRow(IsOn(Child(trPr, "tblHeader")));
            }
            Output.EndTable();
        }

        private static IEnumerable<OpenXmlElement> Rows(OpenXmlElement tbl) => Wrapped(tbl, "tr");
        private static IEnumerable<OpenXmlElement> Cells(OpenXmlElement tr) => Wrapped(tr, "tc");

        /// <summary>Children of a kind, looking through content controls and custom XML that may wrap them.</summary>
        private static IEnumerable<OpenXmlElement> Wrapped(OpenXmlElement parent, string localName)
        {
            foreach (var c in parent.ChildElements)
            {
                if (!IsW(c)) continue;
                if (c.LocalName == localName) yield return c;
                else if (c.LocalName is "sdt" && Child(c, "sdtContent") is { } content)
                    foreach (var inner in Wrapped(content, localName)) yield return inner;
                else if (c.LocalName is "customXml" or "ins" or "moveTo")
                    foreach (var inner in Wrapped(c, localName)) yield return inner;
            }
        }

        /// <summary>A cell's paragraphs (and any nested table's text) on one line.</summary>
        private string CellText(OpenXmlElement cell)
        {
            var parts = new List<string>();
            void Collect(OpenXmlElement container)
            {
                foreach (var c in container.ChildElements)
                {
                    if (!IsW(c)) continue;
                    if (c.LocalName == "p")
                    {
                        var shape = Shape(c);
                        string label = shape.NumId is { } numId ? numbering.NextLabel(numId, shape.Level) : "";
                        string text = ParagraphText(c);
                        if (!string.IsNullOrWhiteSpace(text)) parts.Add(label.Length > 0 ? label + " " + text.Trim() : text.Trim());
                    }
                    else if (c.LocalName is "tbl" or "tr" or "tc" or "customXml" or "ins" or "moveTo") Collect(c);
                    else if (c.LocalName == "sdt" && Child(c, "sdtContent") is { } content) Collect(content);
                }
            }
            Collect(cell);
            return string.Join(' ', parts);
        }
    }

    /// <summary>The text of a paragraph's runs with all tracked changes accepted.</summary>
    private static string ParagraphText(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        Runs(paragraph, sb);
        return sb.ToString();
    }

    private static void Runs(OpenXmlElement container, StringBuilder sb)
    {
        foreach (var c in container.ChildElements)
        {
            if (!IsW(c)) continue;
            switch (c.LocalName)
            {
                case "r":
                    if (IsOn(Child(Child(c, "rPr"), "vanish"))) break; // hidden text
                    RunContent(c, sb);
                    break;
                case "ins" or "moveTo" or "hyperlink" or "smartTag" or "customXml" or "fldSimple" or "dir" or "bdo":
                    Runs(c, sb);
                    break;
                case "sdt":
                    if (Child(c, "sdtContent") is { } content) Runs(content, sb);
                    break;
                // "del" and "moveFrom" are dropped: the text as it reads with every change accepted.
            }
        }
    }

    private static void RunContent(OpenXmlElement run, StringBuilder sb)
    {
        foreach (var c in run.ChildElements)
        {
            if (!IsW(c)) continue;
            switch (c.LocalName)
            {
                case "t": sb.Append(c.InnerText); break;
                case "tab" or "ptab": sb.Append('\t'); break;
                case "br": sb.Append(Attr(c, "type") is "page" or "column" ? ' ' : '\n'); break;
                case "cr": sb.Append('\n'); break;
                case "noBreakHyphen": sb.Append('-'); break;
                // delText, instrText (field codes), softHyphen, footnote and comment references carry no reading text.
            }
        }
    }

    /// <summary>Paragraph styles: which are headings, and which carry list numbering.</summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, (string Name, string? BasedOn, int? Outline, OpenXmlElement? NumPr)> _styles = new(StringComparer.Ordinal);

        public static Styles From(OpenXmlElement? root)
        {
            var styles = new Styles();
            if (root is null) return styles;
            foreach (var style in root.ChildElements.Where(e => e.LocalName == "style" && IsW(e)))
            {
                string? id = Attr(style, "styleId");
                if (id is null) continue;
                var pPr = Child(style, "pPr");
                int? outline = int.TryParse(Attr(Child(pPr, "outlineLvl"), "val"), out int o) ? o : null;
                styles._styles[id] = (Attr(Child(style, "name"), "val") ?? id, Attr(Child(style, "basedOn"), "val"), outline, Child(pPr, "numPr"));
            }
            return styles;
        }

        /// <summary>1 for Title and Heading 1, n for Heading n, the outline level + 1 where a style sets one; else 0.</summary>
        public int HeadingLevel(string? styleId)
        {
            for (int depth = 0; styleId is not null && depth < 10; depth++)
            {
                string name = _styles.TryGetValue(styleId, out var s) ? s.Name : styleId;
                string key = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                if (key == "title") return 1;
                if (key.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(key.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 9)
                    return n;
                if (s.Outline is { } o) return o is >= 0 and < 9 ? o + 1 : 0;
                styleId = s.BasedOn;
            }
            return 0;
        }

        public OpenXmlElement? NumberingOf(string? styleId)
        {
            for (int depth = 0; styleId is not null && depth < 10 && _styles.TryGetValue(styleId, out var s); depth++)
            {
                if (s.NumPr is not null) return s.NumPr;
                styleId = s.BasedOn;
            }
            return null;
        }
    }

    /// <summary>List numbering as Word shows it: per list, a counter per level, formatted by the level's text ("%1.%2.").</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<string, (string AbstractId, Dictionary<int, int> StartOverrides)> _instances = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<int, (string Format, string Text, int Start)>> _abstracts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int?[]> _counters = new(StringComparer.Ordinal);

        public static Numbering From(OpenXmlElement? root)
        {
            var numbering = new Numbering();
            if (root is null) return numbering;
            foreach (var e in root.ChildElements.Where(IsW))
            {
                if (e.LocalName == "abstractNum" && Attr(e, "abstractNumId") is { } absId)
                {
                    var levels = new Dictionary<int, (string, string, int)>();
                    foreach (var lvl in e.ChildElements.Where(c => c.LocalName == "lvl" && IsW(c)))
                    {
                        if (!int.TryParse(Attr(lvl, "ilvl"), out int ilvl)) continue;
                        int start = int.TryParse(Attr(Child(lvl, "start"), "val"), out int s) ? s : 1;
                        levels[ilvl] = (Attr(Child(lvl, "numFmt"), "val") ?? "decimal", Attr(Child(lvl, "lvlText"), "val") ?? $"%{ilvl + 1}.", start);
                    }
                    numbering._abstracts[absId] = levels;
                }
                else if (e.LocalName == "num" && Attr(e, "numId") is { } numId)
                {
                    var overrides = new Dictionary<int, int>();
                    foreach (var o in e.ChildElements.Where(c => c.LocalName == "lvlOverride" && IsW(c)))
                        if (int.TryParse(Attr(o, "ilvl"), out int ilvl) && int.TryParse(Attr(Child(o, "startOverride"), "val"), out int start))
                            overrides[ilvl] = start;
                    numbering._instances[numId] = (Attr(Child(e, "abstractNumId"), "val") ?? "", overrides);
                }
            }
            return numbering;
        }

        public string NextLabel(string numId, int level)
        {
            if (!_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var levels))
                return "";
            if (!_counters.TryGetValue(numId, out var counters)) _counters[numId] = counters = new int?[9];
            int StartOf(int l) => instance.StartOverrides.TryGetValue(l, out int s) ? s : levels.TryGetValue(l, out var d) ? d.Start : 1;
            counters[level] = counters[level] is { } n ? n + 1 : StartOf(level);
            for (int deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = null;
            if (!levels.TryGetValue(level, out var def)) return "";
            if (def.Format == "bullet") return "•";
            if (def.Format == "none") return "";
            var label = new StringBuilder();
            for (int i = 0; i < def.Text.Length; i++)
            {
                if (def.Text[i] == '%' && i + 1 < def.Text.Length && def.Text[i + 1] is >= '1' and <= '9')
                {
                    int l = def.Text[i + 1] - '1';
                    string format = levels.TryGetValue(l, out var ld) ? ld.Format : "decimal";
                    label.Append(Format(counters[l] ?? StartOf(l), format));
                    i++;
                }
                else label.Append(def.Text[i]);
            }
            return label.ToString().Trim();
        }

        private static string Format(int n, string format) => format switch
        {
            "lowerLetter" => ListLabels.Letters(n).ToLowerInvariant(),
            "upperLetter" => ListLabels.Letters(n),
            "lowerRoman" => ListLabels.Roman(n).ToLowerInvariant(),
            "upperRoman" => ListLabels.Roman(n),
            "decimalZero" => n.ToString("00", CultureInfo.InvariantCulture),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
