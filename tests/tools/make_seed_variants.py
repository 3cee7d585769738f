#!/usr/bin/env python3
"""Write the seed report as a Word document and as a web page, for the reader tests.

    python3 tests/tools/make_seed_variants.py

Reads seeds/internet-micro-drama-report.txt and writes
tests/ReportLint.Tests/Fixtures-binary/seed.docx and seed.html. Standard library only (a .docx is a zip of XML parts);
the output is byte-for-byte reproducible (fixed zip timestamps, no random choices).

Each line of the seed becomes one unit of the document, classified as ReportLint's plain-text reader classifies it:
the first line is the title, short title-like lines are headings, runs of pipe-separated lines are one table, "1. ..."
lines are a numbered list (real Word numbering / an <ol>, so the numbers are generated, not typed), the rest paragraphs.
Read back, both files must yield the seed's own text, line for line (table rows aside, whose cells are re-joined),
and so the seed's findings on the same lines.

To prove that the readers read documents as people write them, each file also carries what must NOT be linted:
- seed.docx: a tracked replacement in paragraph 2 (deleted "USD 1.25 billion", inserted "USD 1.45 billion"), a whole
  tracked-deleted paragraph (its paragraph mark too), moved-away text, a tracked-deleted table row, hidden text, and a
  comment whose text states other figures; bold runs split words across runs; empty cells are merged with gridSpan.
- seed.html: a <head> with <style> and <script>, a <nav> and <footer> with figures outside <main>, hard-wrapped source
  lines, entities (&amp;, &mdash;), inline markup (<strong>, <a>), a hidden element and an HTML comment.
"""
from __future__ import annotations

import html
import re
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "internet-micro-drama-report.txt"
OUT = ROOT / "tests" / "ReportLint.Tests" / "Fixtures-binary"

FUNCTION_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                  "through", "vs", "via", "with", "within", "amid", "over"}


def is_pipe_row(line: str) -> bool:
    t = line.strip()
    pipes = t.count("|")
    return pipes >= 2 or pipes == 1 and (t.startswith("|") or t.endswith("|"))


def split_cells(line: str) -> list[str]:
    t = line.strip()
    if t.startswith("|"):
        t = t[1:]
    if t.endswith("|"):
        t = t[:-1]
    return [c.strip() for c in t.split("|")]


LIST_ITEM = re.compile(r"^(\d{1,3})[.)]\s+(.*)$")


def looks_like_heading(line: str) -> bool:
    """The plain-text reader's test (TextClassifier.LooksLikeHeading), ported."""
    line = line.strip()
    if not line or len(line) > 110 or line[-1] in ".,;!\"”":
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    words = capitalised = function = 0
    for raw in line.split(" "):
        w = raw.strip("()[]\"'“”,:")
        if not w:
            continue
        words += 1
        if w[0].isupper() or w[0].isdigit() or w[0] in "&-":
            capitalised += 1
        elif w in FUNCTION_WORDS:
            function += 1
    if words == 0 or words > 16:
        return False
    if words <= 3:
        return True
    return capitalised + function >= words - 1 and capitalised * 2 >= words


def units(text: str):
    """(kind, payload) per unit: title, heading, paragraph, list (items), table (rows of cells)."""
    lines = text.split("\n")
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_pipe_row(line):
            rows = []
            while i < len(lines) and is_pipe_row(lines[i]):
                rows.append(split_cells(lines[i]))
                i += 1
            out.append(("table", rows))
            continue
        if LIST_ITEM.match(line):
            items = []
            while i < len(lines) and (m := LIST_ITEM.match(lines[i])):
                items.append(m.group(2))
                i += 1
            out.append(("list", items))
            continue
        if i == 0:
            out.append(("title", line))
        elif looks_like_heading(line):
            out.append(("heading", line))
        else:
            out.append(("paragraph", line))
        i += 1
    return out


# ---------------------------------------------------------------------------------------------------------------- Word

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHANGE = 'w:author="Analyst" w:date="2025-07-01T09:00:00Z"'
_change_id = iter(range(100, 10_000))


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run(text: str, bold: bool = False, hidden: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:vanish/>" if hidden else "")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{t(text)}</w:r>"


def inserted(text: str) -> str:
    return f'<w:ins w:id="{next(_change_id)}" {CHANGE}>{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return f'<w:del w:id="{next(_change_id)}" {CHANGE}><w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'


def moved_away(text: str) -> str:
    name = f"move{next(_change_id)}"
    return (f'<w:moveFromRangeStart w:id="{next(_change_id)}" w:name="{name}" {CHANGE}/>'
            f'<w:moveFrom w:id="{next(_change_id)}" {CHANGE}>{run(text)}</w:moveFrom>'
            f'<w:moveFromRangeEnd w:id="{next(_change_id)}"/>')


def paragraph(content: str, style: str | None = None, numbered: bool = False, mark_deleted: bool = False) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if numbered:
        props += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    if mark_deleted:
        props += f'<w:rPr><w:del w:id="{next(_change_id)}" {CHANGE}/></w:rPr>'
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def word_runs(line: str) -> str:
    """Plain text as runs, with money figures in bold so that words are split across runs as Word splits them."""
    parts = re.split(r"(USD [\d.]+ billion)", line)
    return "".join(run(p, bold=i % 2 == 1) for i, p in enumerate(parts) if p)


def word_paragraph_2(line: str) -> str:
    """The growth statement, as reviewed: a tracked replacement, a comment on the CAGR, moved-away and hidden text."""
    before, rest = line.split("USD 1.45 billion", 1)
    cagr_at = rest.index("13.5%")
    return (run(before) + deleted("USD 1.25 billion") + inserted("USD 1.45 billion")
            + run(rest[:cagr_at])
            + '<w:commentRangeStart w:id="0"/>' + run("13.5%", bold=True) + '<w:commentRangeEnd w:id="0"/>'
            + '<w:r><w:commentReference w:id="0"/></w:r>'
            + moved_away(" (USD 4.20 billion by 2032)")
            + run(" USD 8.88 billion in 2032", hidden=True)
            + run(rest[cagr_at + len("13.5%"):]))


def word_cell(text: str, span: int = 1) -> str:
    props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{props}{paragraph(word_runs(text) if text else '')}</w:tc>"


def word_row(cells: list[str], width: int, deleted_row: bool = False) -> str:
    # Trailing empty cells merge into the last filled one, as authors merge cells in Word.
    while len(cells) > 1 and not cells[-1]:
        cells = cells[:-1]
    spans = [1] * len(cells)
    spans[-1] += width - len(cells)
    props = f'<w:trPr><w:del w:id="{next(_change_id)}" {CHANGE}/></w:trPr>' if deleted_row else ""
    return f"<w:tr>{props}{''.join(word_cell(c, s) for c, s in zip(cells, spans))}</w:tr>"


def word_table(rows: list[list[str]], with_deleted_row: bool) -> str:
    width = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="2400"/>' for _ in range(width))
    body = []
    for r in rows:
        body.append(word_row(r, width))
        if with_deleted_row and r and r[0] == "Base Year":
            body.append(word_row(["Market Size in 2032:", "USD 4.10 billion", "", ""], width, deleted_row=True))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>")


def document_xml(text: str) -> str:
    body = []
    tables = 0
    for kind, payload in units(text):
        if kind == "title":
            body.append(paragraph(word_runs(payload), "Title"))
        elif kind == "heading":
            body.append(paragraph(word_runs(payload), "Heading2"))
        elif kind == "paragraph":
            if "compound annual growth rate" in payload and not any("commentRangeStart" in b for b in body):
                body.append(paragraph(word_paragraph_2(payload)))
                # A draft note removed in review, paragraph mark and all: accepted, it is gone.
                body.append(paragraph(deleted("Draft note: the market reaches USD 9.90 billion by 2032."), mark_deleted=True))
            else:
                body.append(paragraph(word_runs(payload)))
        elif kind == "list":
            body.extend(paragraph(word_runs(item), "ListParagraph", numbered=True) for item in payload)
        elif kind == "table":
            tables += 1
            body.append(word_table(payload, with_deleted_row=tables == 1))
            body.append(paragraph(""))  # Word keeps a paragraph between adjacent tables
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{"".join(body)}{sect}</w:body></w:document>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W_NS}">
<w:comment w:id="0" w:author="Reviewer" w:date="2025-07-02T10:00:00Z" w:initials="RV"><w:p>{run("Check: the 2032 value should be USD 3.10 billion at a CAGR of 11.0%.")}</w:p></w:comment>
</w:comments>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
</Relationships>"""


def write_docx(text: str, path: Path) -> None:
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", document_xml(text)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("word/comments.xml", COMMENTS),
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8"))


# ---------------------------------------------------------------------------------------------------------------- HTML

def html_text(line: str) -> str:
    """Escaped text with entities for & and —, money figures in <strong>, hard-wrapped as editors wrap source."""
    escaped = html.escape(line, quote=False).replace("—", "&mdash;")
    escaped = re.sub(r"(USD [\d.]+ billion)", r"<strong>\1</strong>", escaped)
    return "\n      ".join(textwrap.wrap(escaped, width=100, break_long_words=False, break_on_hyphens=False)) or ""


def write_html(text: str, path: Path) -> None:
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '  <meta charset="utf-8">',
           "  <title>Internet Micro Drama Market Report</title>",
           "  <style>body { font-family: sans-serif; } .promo::after { content: 'USD 7.77 billion'; }</style>",
           '  <script>window.dataLayer = [{ market: "USD 9.99 billion by 2032", cagr: "50%" }];</script>',
           "</head>", "<body>",
           '  <header><nav><a href="/">Home</a> | <a href="/reports">Reports</a> | Deals worth USD 5.00 billion in 2024</nav></header>',
           "  <main>"]
    for kind, payload in units(text):
        if kind == "title":
            out.append(f"    <h1>{html_text(payload)}</h1>")
        elif kind == "heading":
            out.append(f"    <h2>{html_text(payload)}</h2>")
        elif kind == "paragraph":
            body = html_text(payload)
            if "compound annual growth rate" in body:
                body = body.replace("(CAGR)", '(<a href="#cagr">CAGR</a>)', 1)
                out.append("    <!-- reviewer: USD 3.10 billion at 11.0% would be consistent -->")
                out.append(f"    <p>\n      {body}\n    </p>")
                out.append('    <p hidden>Superseded estimate: USD 2.22 billion in 2025.</p>')
            else:
                out.append(f"    <p>\n      {body}\n    </p>")
        elif kind == "list":
            out.append("    <ol>")
            out.extend(f"      <li>{html_text(item)}</li>" for item in payload)
            out.append("    </ol>")
        elif kind == "table":
            out.append("    <table>")
            width = max(len(r) for r in payload)
            for r in payload:
                cells = list(r)
                while len(cells) > 1 and not cells[-1]:
                    cells.pop()
                tds = [f"<td>{html_text(c)}</td>" for c in cells]
                if len(cells) < width:
                    tds[-1] = tds[-1].replace("<td>", f'<td colspan="{width - len(cells) + 1}">', 1)
                out.append(f"      <tr>{''.join(tds)}</tr>")
            out.append("    </table>")
    out += ["  </main>",
            "  <footer><p>&copy; 2025 Example Research. Market size USD 2.00 billion in 2025, CAGR 3.0%.</p></footer>",
            '  <script>document.querySelectorAll("a").forEach(a => a.rel = "noopener");</script>',
            "</body>", "</html>", ""]
    path.write_text("\n".join(out), encoding="utf-8", newline="\n")


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    write_docx(text, OUT / "seed.docx")
    write_html(text, OUT / "seed.html")
    print(f"wrote {OUT / 'seed.docx'} and {OUT / 'seed.html'}")


if __name__ == "__main__":
    main()
