using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ReportLint.Core.Documents;

/// <summary>
/// Reads Word documents (.docx) into the shared model: one line of text per paragraph, headings from their styles (Title,
/// Heading 1…9, or an outline level), numbered and bulleted paragraphs as list items with the label Word shows ("1.", "a)",
/// "•"), and one pipe-separated line per table row. The text is read as it would be with all tracked changes accepted
/// (insertions kept; deletions, moved-from text and deleted rows and paragraph marks dropped); comments, hidden text, field
/// codes, headers and footers are not part of it. Every location carries its paragraph or table cell.
/// </summary>
/// <remarks>
/// The package is opened with System.IO.Packaging, and the content of three parts is read: the main document (found through
/// the package's officeDocument relationship, Transitional or Strict) and its styles and numbering parts. Their XML is read
/// with an <see cref="XmlReader"/> (no DTDs) into a small tree of the WordprocessingML elements alone, walked by local name
/// and attribute as the Open XML SDK's generic element API was walked before; the SDK's ten thousand typed classes were
/// half of the native image and most of its start-up time. Broken packages are refused with the reasons the SDK gave (a
/// missing part, a styles part of the wrong content type, a wrong root element, malformed XML), as far as the package's
/// and the main part's relationships go: the relationships of other parts (headers, comments, images) are not opened.
/// </remarks>
public static class WordReader
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictW = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string StrictRelationshipTypes = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
    private const string OfficeDocumentType = RelationshipTypes + "officeDocument";
    private const string StylesType = RelationshipTypes + "styles";
    private const string NumberingType = RelationshipTypes + "numbering";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
    private const string NumberingContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";

    /// <summary>Elements nested deeper than this are refused rather than risk the stack of the recursive walk.</summary>
    private const int MaxDepth = 3_000;

    public static ReportDocument Read(string path, byte[] bytes)
    {
        Package? package = null;
        try
        {
            package = Open(new MemoryStream(bytes, writable: false));
            var parts = WordParts.Find(ref package, bytes);
            var main = parts.Main ?? throw new DocumentReadException("not a Word document: it has no main document part");
            var body = Child(Load(main, "document", parts.Strict), "body") ?? throw new DocumentReadException("not a Word document: it has no body");
            var styles = Styles.From(parts.Styles is null ? null : Load(parts.Styles, "styles", parts.Strict));
            var numbering = Numbering.From(parts.Numbering is null ? null : Load(parts.Numbering, "numbering", parts.Strict));
            var walker = new Walker(styles, numbering);
            walker.Blocks(body);
            walker.FlushPending();
            return walker.Output.Build(path, DocumentFormat.Word, original: null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or XmlException or InvalidOperationException
                                       or NotSupportedException or ArgumentException)
        {
            throw new DocumentReadException("not a readable Word document: " + e.Message);
        }
        finally
        {
            package?.Close();
        }
    }

    private static Package Open(Stream stream)
    {
        try
        {
            return Package.Open(stream, FileMode.Open, FileAccess.Read);
        }
        catch (ArgumentException e)
        {
            // A package System.IO.Packaging cannot open (a part listed twice, say): say so, with its reason.
            throw new InvalidDataException("the package cannot be opened (" + e.Message + ")");
        }
    }

    /// <summary>
    /// The parts the text comes from, found through relationships as Word finds them, and checked as the Open XML SDK checked
    /// them on opening: every internal relationship of the package and of the main part must reach an existing part, a part
    /// is reached with one relationship type only, and the styles and numbering parts have their content types.
    /// </summary>
    private sealed class WordParts
    {
        public PackagePart? Main { get; private set; }
        public PackagePart? Styles { get; private set; }
        public PackagePart? Numbering { get; private set; }

        /// <summary>A Strict OOXML relationship was found: Strict namespaces read as their Transitional equivalents.</summary>
        public bool Strict { get; private set; }

        private readonly Dictionary<Uri, string> _reached = new();

        public static WordParts Find(ref Package package, byte[] bytes)
        {
            var parts = new WordParts();
            foreach (var relationship in package.GetRelationships().ToList())
            {
                string type = parts.Transitional(relationship.RelationshipType);
                if (relationship.TargetMode == TargetMode.External) continue;
                var part = parts.Reach(package, relationship, type);
                if (part is null || type != OfficeDocumentType || parts.Main is not null) continue;
                if (MalformedExternalTargets.Rewrite(package, part, bytes) is { } rewritten)
                {
                    var uri = part.Uri;
                    package.Close();
                    package = rewritten;
                    part = package.GetPart(uri);
                }
                parts.Main = part;
                List<PackageRelationship> relationships;
                try
                {
                    relationships = part.GetRelationships().ToList();
                }
                catch (UriFormatException)
                {
                    throw new InvalidDataException("a relationship of the package points to a malformed URI");
                }
                foreach (var inner in relationships)
                {
                    string innerType = parts.Transitional(inner.RelationshipType);
                    if (inner.TargetMode == TargetMode.External) continue;
                    var target = parts.Reach(package, inner, innerType);
                    if (target is null) continue;
                    // Every styles or numbering part is checked; the first one is read.
                    if (innerType == StylesType)
                    {
                        Expect(target, StylesContentType);
                        parts.Styles ??= target;
                    }
                    else if (innerType == NumberingType)
                    {
                        Expect(target, NumberingContentType);
                        parts.Numbering ??= target;
                    }
                }
            }
            return parts;
        }

        private string Transitional(string type)
        {
            if (!type.StartsWith(StrictRelationshipTypes, StringComparison.Ordinal)) return type;
            Strict = true;
            return RelationshipTypes + type[StrictRelationshipTypes.Length..];
        }

        /// <summary>The part a relationship targets, or null when it was reached before with the same type.</summary>
        private PackagePart? Reach(Package package, PackageRelationship relationship, string type)
        {
            var uri = PackUriHelper.ResolvePartUri(relationship.SourceUri, relationship.TargetUri);
            var part = package.GetPart(uri); // "Specified part does not exist in the package." when it is missing
            if (_reached.TryGetValue(part.Uri, out string? seen))
            {
                if (seen != type) throw new InvalidDataException("A shared part is referenced by multiple source parts with a different relationship type.");
                return null;
            }
            _reached[part.Uri] = type;
            return part;
        }

        private static void Expect(PackagePart part, string contentType)
        {
            if (part.ContentType != contentType)
                throw new InvalidDataException("The document cannot be opened because there is an invalid part with an unexpected content type. \r\n"
                                                 + $"[Part Uri={part.Uri}], \r\n[Content Type={part.ContentType}], \r\n[Expected Content Type={contentType}].");
        }
    }

    /// <summary>
    /// Word writes hyperlinks whose addresses are not valid URIs ("http://[bad", an empty target), which System.IO.Packaging
    /// refuses to parse. As the Open XML SDK did, such external targets of the main part's relationships are replaced by
    /// placeholders (nothing is read from them) in a copy of the package, so that the document itself still reads.
    /// </summary>
    private static class MalformedExternalTargets
    {
        private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

        public static Package? Rewrite(Package package, PackagePart part, byte[] bytes)
        {
            var relationshipsUri = PackUriHelper.GetRelationshipPartUri(part.Uri);
            if (!package.PartExists(relationshipsUri)) return null;
            XDocument relationships;
            using (var text = new StreamReader(package.GetPart(relationshipsUri).GetStream(FileMode.Open, FileAccess.Read)))
            using (var reader = XmlReader.Create(text, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true }))
                relationships = XDocument.Load(reader);
            if (relationships.Root is not { } root || root.Name != XName.Get("Relationships", RelationshipsNamespace)) return null;
            bool changed = false;
            int n = 0;
            foreach (var relationship in root.Descendants(XName.Get("Relationship", RelationshipsNamespace)))
            {
                if (!Enum.TryParse<TargetMode>(relationship.Attribute("TargetMode")?.Value, out var mode) || mode != TargetMode.External) continue;
                string target = relationship.Attribute("Target")?.Value ?? "";
                if (string.IsNullOrEmpty(relationship.Attribute("Id")?.Value)) continue;
                if (target.Length > 0 && Uri.TryCreate(target, UriKind.RelativeOrAbsolute, out _)) continue;
                relationship.SetAttributeValue("Target", $"rewritten://{new Guid(++n, 0, 0, new byte[8])}"); // as long as the SDK's, so positions in later errors agree
                changed = true;
            }
            if (!changed) return null;
            var copy = new MemoryStream();
            copy.Write(bytes);
            copy.Position = 0;
            using (var writable = Package.Open(copy, FileMode.Open, FileAccess.ReadWrite))
            using (var stream = writable.GetPart(relationshipsUri).GetStream(FileMode.Create, FileAccess.Write))
            {
                stream.SetLength(0);
                relationships.Save(stream);
            }
            copy.Position = 0;
            return Package.Open(copy, FileMode.Open, FileAccess.Read);
        }
    }

    /// <summary>A WordprocessingML element: its name, the attributes the reader looks at, its WordprocessingML children and,
    /// for <c>w:t</c>, its text.</summary>
    private sealed class Element(string localName)
    {
        public string LocalName { get; } = localName;
        public List<(string LocalName, bool InW, string Value)>? Attributes { get; set; }
        public List<Element> Children { get; } = new();
        public string? Text { get; set; }
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false, // white space is text inside w:t
    };

    /// <summary>
    /// The root element of a part, which must be <c>w:{rootName}</c>, with its WordprocessingML descendants; null for a part
    /// with no element at all (an empty part reads as one without content). Elements of other vocabularies (drawings,
    /// markup compatibility, extensions) are skipped with what they contain: nothing inside them is text the reader takes.
    /// The XML is checked to the end of the root element and the node after it, as the Open XML SDK checked it.
    /// </summary>
    private static Element? Load(PackagePart part, string rootName, bool strict)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        if (stream.Length < 4) return null; // too short for XML: read as empty, as the SDK did
        try
        {
            return LoadRoot(stream, rootName, strict);
        }
        catch (InvalidDataException)
        {
            // A wrong root element, or a part that does not decompress: the SDK's wording for both.
            throw new InvalidDataException("Cannot load the root element from the part. The part contains invalid data.");
        }
    }

    private static Element? LoadRoot(Stream stream, string rootName, bool strict)
    {
        using var reader = XmlReader.Create(stream, XmlSettings);
        reader.Read();
        if (!reader.EOF) reader.MoveToContent();
        if (reader.EOF || reader.NodeType != XmlNodeType.Element) return null;
        if (reader.LocalName != rootName || Namespace(reader.NamespaceURI, strict) != W)
            throw new InvalidDataException($"The root element is not w:{rootName}.");

        var root = StartElement(reader, strict);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return root;
        }
        var open = new Stack<Element>();
        open.Push(root);
        bool advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (Namespace(reader.NamespaceURI, strict) != W)
                    {
                        reader.Skip(); // still parsed (and so checked), but not kept
                        advance = false;
                        break;
                    }
                    var element = StartElement(reader, strict);
                    open.Peek().Children.Add(element);
                    if (reader.IsEmptyElement) break;
                    if (open.Count >= MaxDepth) throw new DocumentReadException(string.Create(CultureInfo.InvariantCulture, $"not a readable Word document: elements are nested more than {MaxDepth:N0} deep"));
                    open.Push(element);
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    if (open.Count == 0)
                    {
                        reader.Read(); // the node after the root is read too, so junk right after it is an error
                        return root;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // A w:t's text is its first text node, as the SDK read it ("a<!--c-->b" reads "a").
                    if (open.Peek() is { LocalName: "t" } t && string.IsNullOrEmpty(t.Text)) t.Text = reader.Value;
                    break;
            }
        }
        return root; // not reached: the reader throws at the end of the input with elements still open
    }

    private static string Namespace(string uri, bool strict) => strict && uri == StrictW ? W : uri;

    private static Element StartElement(XmlReader reader, bool strict)
    {
        var element = new Element(reader.LocalName);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.LocalName is "val" or "type" or "styleId" or "abstractNumId" or "numId" or "ilvl" && reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                    (element.Attributes ??= new()).Add((reader.LocalName, Namespace(reader.NamespaceURI, strict) == W, reader.Value));
            } while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }

    /// <summary>An attribute by local name; a WordprocessingML one first, as the SDK listed an element's schema attributes first.</summary>
    private static string? Attr(Element? e, string name)
    {
        if (e?.Attributes is not { } attributes) return null;
        foreach (var a in attributes)
            if (a.InW && a.LocalName == name) return a.Value;
        foreach (var a in attributes)
            if (a.LocalName == name) return a.Value;
        return null;
    }

    private static Element? Child(Element? e, string localName)
    {
        if (e is null) return null;
        foreach (var c in e.Children)
            if (c.LocalName == localName) return c;
        return null;
    }

    /// <summary>An on/off property: present and not switched off ("false", "0", "off").</summary>
    private static bool IsOn(Element? e) => e is not null && Attr(e, "val") is not ("false" or "0" or "off");

    private sealed class Walker(Styles styles, Numbering numbering)
    {
        public ExtractedText Output { get; } = new();
        private int _paragraphs;
        private string _pending = "";
        private ParagraphShape? _pendingShape;

        public void Blocks(Element container)
        {
            foreach (var child in container.Children)
            {
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

        private void Paragraph(Element p)
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

        private sealed record ParagraphShape(Element? Properties, int HeadingLevel, string? NumId, int Level);

        private ParagraphShape Shape(Element p)
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

        private void Table(Element tbl)
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

        private static IEnumerable<Element> Rows(Element tbl) => Wrapped(tbl, "tr");
        private static IEnumerable<Element> Cells(Element tr) => Wrapped(tr, "tc");

        /// <summary>Children of a kind, looking through content controls and custom XML that may wrap them.</summary>
        private static IEnumerable<Element> Wrapped(Element parent, string localName)
        {
            foreach (var c in parent.Children)
            {
                if (c.LocalName == localName) yield return c;
                else if (c.LocalName is "sdt" && Child(c, "sdtContent") is { } content)
                    foreach (var inner in Wrapped(content, localName)) yield return inner;
                else if (c.LocalName is "customXml" or "ins" or "moveTo")
                    foreach (var inner in Wrapped(c, localName)) yield return inner;
            }
        }

        /// <summary>A cell's paragraphs (and any nested table's text) on one line.</summary>
        private string CellText(Element cell)
        {
            var parts = new List<string>();
            void Collect(Element container)
            {
                foreach (var c in container.Children)
                {
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
    private static string ParagraphText(Element paragraph)
    {
        var sb = new StringBuilder();
        Runs(paragraph, sb);
        return sb.ToString();
    }

    private static void Runs(Element container, StringBuilder sb)
    {
        foreach (var c in container.Children)
        {
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

    private static void RunContent(Element run, StringBuilder sb)
    {
        foreach (var c in run.Children)
        {
            switch (c.LocalName)
            {
                case "t": sb.Append(c.Text); break;
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
        private readonly Dictionary<string, (string Name, string? BasedOn, int? Outline, Element? NumPr)> _styles = new(StringComparer.Ordinal);

        public static Styles From(Element? root)
        {
            var styles = new Styles();
            if (root is null) return styles;
            foreach (var style in root.Children.Where(e => e.LocalName == "style"))
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

        public Element? NumberingOf(string? styleId)
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

        public static Numbering From(Element? root)
        {
            var numbering = new Numbering();
            if (root is null) return numbering;
            foreach (var e in root.Children)
            {
                if (e.LocalName == "abstractNum" && Attr(e, "abstractNumId") is { } absId)
                {
                    var levels = new Dictionary<int, (string, string, int)>();
                    foreach (var lvl in e.Children.Where(c => c.LocalName == "lvl"))
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
                    foreach (var o in e.Children.Where(c => c.LocalName == "lvlOverride"))
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
