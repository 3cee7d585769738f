#!/usr/bin/env python3
"""Generate tests/ReportLint.Tests/Data/injected/ (held-out-style evaluation set for the report-level checks).

Deterministic, Python 3.11, standard library only.  Run from anywhere:

    python3 tests/tools/inject_defects.py

What it does
------------
It reads the realistic clean reports in Fixtures/reports/clean/ and Fixtures/reports/cross-industry/ (which lint
silent) and writes, for each report,

* defect variants, one file each, named ``<report>--<defect>-<n>.<ext>``, each carrying exactly ONE injected defect,
  written the way a careless analyst or a recycled template produces it, with everything else kept consistent;
  ``EXPECTED.tsv`` lists the (file, line, rule, description) the linter should report for it;
* 3 clean variants in ``clean/`` (paraphrased growth statements, reordered values, hedges, regional and segment
  sub-claims with their own consistent CAGR, scope figures restated with another precision) that must stay silent.

A kind of defect is skipped for a report that lacks the structure it needs (for example a second "fastest-growing"
region needs a first one).  Files carry no markers: expectations live in EXPECTED.tsv only.

Conventions for the expected line (1-based, in the variant file)
----------------------------------------------------------------
* RL101: the line of the end value of the broken growth statement.
* RL102: the line of the growth statement whose word and direction disagree.
* RL103 / RL104: the line of the last part (in document order) of the breakdown whose sum is too large - the place
  where the sum first exceeds, which is where the rule fixtures put it (the linter cannot know which part is wrong).
* RL105: the line of the implausible figure.
* RL201: the scope-table line holding the changed figure.
* RL202: the line of the period, label, heading or contents entry that quotes the wrong span.
* RL203: the line of the second (later) superlative claim; injections are always placed after the original claim.
* RL401: the "Geographies covered" line.   RL403: the "Companies covered" line.
* RL402: the "Segments covered" line for a body analysis the scope lacks; the added entry's line for a contents or
  segmentation entry the body never analyses.

Arithmetic oracle (same reading as the README and tests/tools/make_cagr_statements.py)
--------------------------------------------------------------------------------------
A printed number stands for the interval its last digit allows; a growth statement holds iff
[S_lo (1+R_lo)^n, S_hi (1+R_hi)^n] meets [E_lo, E_hi] for some span n (the span between the years, or the stated
window).  Every triple written into a clean variant is checked to hold; every injected RL101 triple is checked to
fail with a miss between 2 % and 40 % of the end value (the million/billion slip excepted).
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

SEED = "reportlint-injected-v1"

TESTS = Path(__file__).resolve().parents[1]
REPORTS = TESTS / "ReportLint.Tests" / "Fixtures" / "reports"
SOURCES = ["clean", "cross-industry"]
OUT = TESTS / "ReportLint.Tests" / "Data" / "injected"

REGIONS = ["North America", "Europe", "Asia Pacific", "Latin America", "Middle East & Africa"]
MONEY_RE = re.compile(r"USD (\d[\d,]*(?:\.\d+)?) (billion|million|trillion)")
SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
LEAD_RE = re.compile(r"highest share|largest|leading|biggest|greatest|dominant|dominates?\b|principal|\bleads?\b", re.I)

# Companies that are real players in each market but absent from its "Companies covered" list (RL403).
EXTRA_COMPANIES = {
    "aerospace-defence": ["HAECO", "Sabena technics"],
    "agriculture": ["Rijk Zwaan", "Enza Zaden"],
    "automotive-transport": ["Haldex", "Tenneco"],
    "banking-finance-insurance": ["BRAC", "FINCA International"],
    "chemicals-materials": ["Hexion", "Aditya Birla Chemicals"],
    "construction-manufacturing": ["Guerdon Modular Buildings", "Elements Europe"],
    "consumer-goods-retail": ["Alo Yoga", "Gymshark"],
    "education": ["Chegg", "Byju's"],
    "energy-power": ["Shanghai Electric", "Doosan Enerbility"],
    "food-beverage": ["Elmhurst 1925", "Minor Figures"],
    "healthcare-medical-devices": ["Ascensia Diabetes Care", "Nemaura Medical"],
    "ict-software": ["Odoo", "Acumatica"],
    "media-entertainment": ["Wondery", "Libsyn"],
    "pharmaceuticals": ["Alvotech", "Coherus BioSciences"],
    "semiconductors-electronics": ["Sensirion", "Melexis"],
    "travel-tourism": ["Backroads", "REI Adventures"],
    "agricultural-drones": ["Sentera", "Rantizo"],
    "digital-payments": ["Klarna", "Worldline"],
    "ev-batteries": ["Northvolt", "EVE Energy"],
    "online-food-delivery": ["Wolt", "Glovo"],
    "telehealth-apps": ["MDLIVE", "Doctor On Demand"],
}

# Countries (with their region) that a pasted regional paragraph may analyse (RL401), tried in this order.
EXTRA_COUNTRIES = [("Poland", "Europe"), ("Vietnam", "Asia Pacific"), ("Chile", "Latin America"),
                   ("Egypt", "Middle East & Africa"), ("Thailand", "Asia Pacific"), ("Czech Republic", "Europe"),
                   ("Colombia", "Latin America"), ("Malaysia", "Asia Pacific"), ("Nigeria", "Middle East & Africa")]

# A dimension pasted from another report's template (RL402), with its segments.
# (name, segments, the leader as the body names it, the fastest-growing one as a plural subject)
EXTRA_DIMENSIONS = [("Sales Channel", ["Direct Sales", "Distributors & Resellers", "Online Channels"], "Direct Sales", "Online Channels"),
                    ("Pricing Tier", ["Premium", "Mid-Range", "Economy"], "Premium", "Economy products")]


# =============================================================================
# Numbers and the interval oracle
# =============================================================================

def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def fmt(x: float, d: int) -> str:
    q = D(repr(x)).quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)
    return format(q, f",.{d}f")


def interval(text: str) -> tuple[float, float]:
    v = float(text.replace(",", ""))
    h = 0.5 * 10 ** -decimals(text)
    return v - h, v + h


def money_interval(num: str, unit: str) -> tuple[float, float]:
    lo, hi = interval(num)
    return lo * SCALE[unit], hi * SCALE[unit]


def holds(start: tuple[str, str], rate: str, end: tuple[str, str], spans: set[int]) -> bool:
    s_lo, s_hi = money_interval(*start)
    e_lo, e_hi = money_interval(*end)
    r_lo, r_hi = interval(rate)
    for n in spans:
        lo, hi = s_lo * (1 + r_lo / 100) ** n, s_hi * (1 + r_hi / 100) ** n
        if lo <= e_hi and hi >= e_lo:
            return True
    return False


def miss(start: str, rate: str, end: str, n: int) -> float:
    """Relative miss of the printed end value against start x (1+rate)^n (midpoints, same unit)."""
    implied = float(start.replace(",", "")) * (1 + float(rate) / 100) ** n
    return float(end.replace(",", "")) / implied - 1


def check_holds(what: str, start, rate, end, spans):
    if not holds(start, rate, end, spans):
        raise AssertionError(f"generator bug: clean triple does not hold: {what}: {start} {rate}% {end} {spans}")


def check_fails(what: str, start, rate, end, spans, lo=0.02, hi=0.40) -> bool:
    if holds(start, rate, end, spans):
        return False
    if lo is None:
        return True
    return all(lo <= abs(miss(start[0], rate, end[0], n)) <= hi for n in spans)


# =============================================================================
# The report model: where each structure sits, read from the clean text
# =============================================================================

def cells(line: str) -> list[tuple[str, int, int]]:
    out, idx = [], 0
    for part in line.split("|"):
        t = part.strip()
        if t:
            a = idx + (len(part) - len(part.lstrip()))
            out.append((t, a, a + len(t)))
        idx += len(part) + 1
    return out


@dataclass
class Field:
    line: int
    label: str
    value: str
    start: int   # char offset of the value in the line
    end: int


@dataclass
class RegionPara:
    region: str
    line: int
    share: re.Match | None
    value: re.Match | None
    year: int | None


@dataclass
class Dimension:
    name: str
    segments: list[str]
    heading: int | None = None
    para: int | None = None
    leader: str | None = None


@dataclass
class Report:
    name: str
    ext: str
    lines: list[str]
    md: bool
    # summary growth statement
    sum_line: int = 0
    start: re.Match | None = None
    end: re.Match | None = None
    sy: int = 0
    ey: int = 0
    rate: re.Match | None = None
    sent: tuple[int, int] = (0, 0)
    market: str = ""
    fields: dict[str, Field] = field(default_factory=dict)
    regions: list[RegionPara] = field(default_factory=list)
    region_sec: tuple[int, int] = (0, 0)
    segment_sec: tuple[int, int] = (0, 0)
    dims: list[Dimension] = field(default_factory=list)
    fastest: tuple[str, int] | None = None
    dominant: tuple[str, int] | None = None
    geo: dict[str, list[str]] = field(default_factory=dict)
    toc: list[int] = field(default_factory=list)
    seglist: list[int] = field(default_factory=list)
    competitive: int | None = None

    @property
    def n(self) -> int:
        return self.ey - self.sy


def is_heading(r: Report, i: int) -> bool:
    l = r.lines[i]
    if r.md:
        return l.startswith("#")
    # plain text: a short line without a full stop is a heading
    return bool(l.strip()) and not l.rstrip().endswith(".") and len(l) < 90 and "|" not in l


def find_line(r: Report, pattern: str, start: int = 0, heading: bool = True) -> int:
    rx = re.compile(pattern, re.I)
    for i in range(start, len(r.lines)):
        if rx.search(r.lines[i]) and (not heading or is_heading(r, i)):
            return i
    raise LookupError(pattern)


def split_outside_parens(text: str, sep: str) -> list[str]:
    out, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        c = text[i]
        depth += c == "("
        depth -= c == ")"
        if depth == 0 and text.startswith(sep, i):
            out.append(cur.strip())
            cur = ""
            i += len(sep)
            continue
        cur += c
        i += 1
    if cur.strip():
        out.append(cur.strip())
    return out


def parse(path: Path) -> Report:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    r = Report(path.stem, path.suffix, text[:-1].split("\n"), path.suffix == ".md")
    # --- summary
    r.sum_line = next(i for i, l in enumerate(r.lines) if "CAGR" in l and MONEY_RE.search(l))
    l = r.lines[r.sum_line]
    ms = list(MONEY_RE.finditer(l))
    r.start, r.end = ms[0], ms[1]
    r.sy = int(re.compile(r"in (\d{4})").search(l, r.start.end()).group(1))
    r.ey = int(re.compile(r"by (\d{4})").search(l, r.end.end()).group(1))
    r.rate = re.compile(r"CAGR\)? of (\d+(?:\.\d+)?)%").search(l)
    s0 = l.index("The ")
    s1 = l.index(".", max(r.rate.end(), r.end.end())) + 1
    r.sent = (s0, s1)
    r.market = re.match(r"The (?:global )?(.+?) market", l[s0:]).group(1)
    # --- scope table fields
    labels = {
        "size": r"Market Size in (\d{4})", "cagr": r"Forecast Period (\d{4}) To (\d{4}) CAGR",
        "projection": r"(\d{4}) Value Projection", "base": r"Base Year", "history": r"Historical Data For",
        "forecast": r"Forecast Period", "geo": r"Geographies covered", "segments": r"Segments covered",
        "companies": r"Companies covered",
    }
    for i, line in enumerate(r.lines):
        if "|" not in line:
            continue
        cs = cells(line)
        for k, (t, a, b) in enumerate(cs[:-1]):
            for key, rx in labels.items():
                if key not in r.fields and re.fullmatch(rx, t.rstrip(":").strip()):
                    v = cs[k + 1]
                    r.fields[key] = Field(i, t, v[0], v[1], v[2])
    # --- geographies covered
    for part in split_outside_parens(r.fields["geo"].value, ";"):
        region, _, countries = part.partition(":")
        r.geo[region.strip()] = [c.strip() for c in countries.split(",") if c.strip()]
    # --- dimensions from Segments covered
    for part in split_outside_parens(r.fields["segments"].value, ";"):
        dim, _, segs = part.partition(":")
        r.dims.append(Dimension(dim.strip()[3:], split_outside_parens(segs, ",")))
    # --- sections
    seg0 = find_line(r, r"^(#+ )?Segment(al)? Analysis")
    reg0 = find_line(r, r"^(#+ )?Regional Insights")
    comp = find_line(r, r"^(#+ )?Competitive Landscape", reg0 + 1)
    r.segment_sec = (seg0, reg0)
    r.region_sec = (reg0, comp)
    r.competitive = next(i for i in range(comp + 1, len(r.lines)) if r.lines[i].strip() and not is_heading(r, i))
    # --- dimension headings and their paragraphs
    for d in r.dims:
        h = find_line(r, r"^(#+ )?By " + re.escape(d.name) + r"\b", seg0)
        d.heading = h
        d.para = next(i for i in range(h + 1, reg0) if r.lines[i].strip() and not is_heading(r, i))
        text = r.lines[d.para]
        found = [(text.find(s), s) for s in d.segments if s != "Others" and text.find(s) >= 0]
        if found:
            d.leader = min(found)[1]
    # --- region paragraphs, the dominant and the fastest-growing claims
    for i in range(reg0 + 1, comp):
        line = r.lines[i]
        if not line.strip():
            continue
        if re.search(r"fastest|quickest", line, re.I):
            reg = next((g for g in REGIONS if g in line), None)
            if reg is None:   # a heading names the region, the paragraph below says "fastest"
                reg = next(g for g in REGIONS if any(g in r.lines[j] for j in range(i - 2, i)))
            r.fastest = (reg, i)
        if re.search(r"dominant|dominating|leading region", line, re.I) and r.dominant is None:
            reg = next((g for g in REGIONS if g in line), None)
            if reg:
                r.dominant = (reg, i)
        if is_heading(r, i):
            continue
        reg = next((g for g in REGIONS if line.startswith(g)), None)
        if reg is None:
            continue
        first = line[: line.find(". ") + 1 or len(line)]
        share = re.compile(r"(\d+\.\d)% of").search(line, 0, len(first))
        value = MONEY_RE.search(line, 0, len(first))
        year = re.search(r"\b(20\d\d)\b", first)
        r.regions.append(RegionPara(reg, i, share, value, int(year.group(1)) if year else None))
    # --- contents and segmentation list
    toc0 = find_line(r, r"Table of Contents")
    r.toc = [i for i in range(toc0 + 1, len(r.lines)) if re.match(r"\d+\. ", r.lines[i])]
    sl0 = find_line(r, r"^(#+ )?Market Segmentation$")
    for i in range(sl0 + 1, toc0):
        line = r.lines[i]
        if re.match(r"^(- )?(\*\*)?By ", line) or re.search(r" Insights \(", line):
            r.seglist.append(i)
    return r


# =============================================================================
# Variants
# =============================================================================

@dataclass
class Variant:
    defect: str          # e.g. rl101-summary-end
    lines: list[str]
    line: int | None     # expected line (1-based); None for a clean variant
    rule: str | None
    description: str


def replace(line: str, a: int, b: int, new: str) -> str:
    return line[:a] + new + line[b:]


def sub_once(line: str, old: str, new: str) -> str:
    assert old in line, (old, line)
    return line.replace(old, new, 1)


def insert_paragraph(r: Report, lines: list[str], after: int, text: str, heading: str | None = None) -> int:
    """Inserts a paragraph (and optionally a heading) after line `after` (0-based); returns the paragraph's 1-based line."""
    if r.md:
        block = ["", f"### {heading}", "", text] if heading else ["", text]
    else:
        block = [heading, text] if heading else [text]
    lines[after + 1:after + 1] = block
    return after + 1 + len(block)


def last_content_line(lines: list[str], a: int, b: int) -> int:
    return max(i for i in range(a, b) if lines[i].strip())


def rate_for(r: Report, rng: random.Random, lo: float, hi: float) -> str:
    base = float(r.rate.group(1))
    return fmt(max(0.8, base + rng.uniform(lo, hi)), 1)


def money(num: str, unit: str = "billion") -> str:
    return f"USD {num} {unit}"


def value_decimals(x: float) -> int:
    return 2 if x < 100 else 1


def grown(x: str, rate: str, n: int) -> str:
    v = float(x.replace(",", "")) * (1 + float(rate) / 100) ** n
    return fmt(v, max(decimals(x), value_decimals(v)))


def mangle_triple(rng: random.Random, x: str, z: str, y: str, n: int, which: str) -> tuple[str, str, str, float]:
    """Changes one of start x / rate z / end y so the triple misses by 2-40 %; returns the new triple and the miss."""
    for _ in range(500):
        m = rng.uniform(0.025, 0.38) * rng.choice([-1, 1])
        nx, nz, ny = x, z, y
        if which == "end":
            ny = fmt(float(y.replace(",", "")) * (1 + m), decimals(y))
        elif which == "start":
            nx = fmt(float(x.replace(",", "")) / (1 + m), decimals(x))
        else:
            target = float(y.replace(",", "")) / (1 + m) / float(x.replace(",", ""))
            nz = fmt((target ** (1 / n) - 1) * 100, decimals(z) or 1)
            if float(nz) < 1.0:
                continue
        if (nx, nz, ny) == (x, z, y):
            continue
        if check_fails("mangle", (nx, "billion"), nz, (ny, "billion"), {n}):
            return nx, nz, ny, miss(nx, nz, ny, n)
    raise AssertionError("could not mangle triple")


# ---------------------------------------------------------------------------- RL101

def rl101_summary(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    L = r.sum_line
    x, unit, y, z = r.start.group(1), r.start.group(2), r.end.group(1), r.rate.group(1)
    check_holds("summary", (x, unit), z, (y, unit), {r.n})
    f = r.fields
    for which in ["end", "end", "start", "rate"]:
        nx, nz, ny, m = mangle_triple(rng, x, z, y, r.n, which)
        lines = list(r.lines)
        line = lines[L]
        # right to left so offsets stay valid
        edits = sorted([(r.start.start(1), r.start.end(1), nx), (r.end.start(1), r.end.end(1), ny),
                        (r.rate.start(1), r.rate.end(1), nz)], reverse=True)
        for a, b, new in edits:
            line = replace(line, a, b, new)
        lines[L] = line
        # the scope table is generated from the same figures: keep it in step with the summary
        key = {"end": "projection", "start": "size", "rate": "cagr"}[which]
        fl = f[key]
        old = {"end": y, "start": x, "rate": z}[which]
        new = {"end": ny, "start": nx, "rate": nz}[which]
        if which == "rate":
            new = fmt(float(nz), decimals(fl.value.rstrip("%")))
            old = fl.value.rstrip("%")
        lines[fl.line] = replace(lines[fl.line], fl.start, fl.end, fl.value.replace(old, new, 1))
        desc = {"end": f"summary end value {y} -> {ny}", "start": f"summary start value {x} -> {nx}",
                "rate": f"summary CAGR {z}% -> {nz}%"}[which]
        out.append(Variant(f"rl101-summary-{which}", lines, L + 1, "RL101",
                           f"{desc} (miss {m:+.1%} of the end value); scope table restated the same way"))
    # million/billion slip in the end value (a typo in the prose only)
    lines = list(r.lines)
    slip = "million" if unit == "billion" else "billion"
    lines[L] = replace(lines[L], r.end.start(2), r.end.end(2), slip)
    out.append(Variant("rl101-summary-scale", lines, L + 1, "RL101",
                       f"summary end value USD {y} {unit} typed as USD {y} {slip}"))
    # off-by-one year: the base year written as the start year (or the end year pushed one out), window dropped
    for which in ["start-year", "end-year"]:
        lines = list(r.lines)
        line = lines[L]
        s0, s1 = r.sent
        tail = line[r.rate.end():s1 - 1]
        line = line[:r.rate.end()] + line[s1 - 1:]          # drop the window clause after the rate
        if which == "start-year":
            a = line.index(f"in {r.sy}", r.start.end())
            line = replace(line, a, a + 7, f"in {r.sy - 1}")
            spans = {r.n + 1}
        else:
            a = line.index(f"by {r.ey}", r.end.end())
            line = replace(line, a, a + 7, f"by {r.ey + 1}")
            spans = {r.n + 1}
        assert check_fails("off-by-one", (x, unit), z, (y, unit), spans, lo=0.015, hi=0.5), r.name
        lines[L] = line
        what = f"start year {r.sy} -> {r.sy - 1}" if which == "start-year" else f"end year {r.ey} -> {r.ey + 1}"
        out.append(Variant(f"rl101-summary-{which}", lines, L + 1, "RL101",
                           f"summary {what} (off by one), window clause '{tail.strip()}' dropped"))
    return out


def pick_region_for_subclaim(r: Report) -> RegionPara | None:
    covered = set(r.geo)
    cands = [p for p in r.regions if p.share and p.year == r.sy and not p.value and p.region in covered]
    if r.fastest:
        cands = [p for p in cands if p.region != r.fastest[0]] or cands
    return cands[0] if cands else None


def region_value(r: Report, p: RegionPara, total: str | None = None) -> str:
    t = float((total or r.start.group(1)).replace(",", ""))
    v = t * float(p.share.group(1)) / 100
    return fmt(v, value_decimals(v))


REGION_TEMPLATES = [
    "{R} accounted for USD {X} billion in {sy} and is projected to reach USD {Y} billion by {ey}, growing at a CAGR of {Z}%.",
    "{R} is expected to grow from USD {X} billion in {sy} to USD {Y} billion in {ey}, a CAGR of {Z}%.",
    "Revenue in {R} is forecast to rise at a CAGR of {Z}% from USD {X} billion in {sy} to USD {Y} billion by {ey}.",
]
SEGMENT_TEMPLATES = [
    "{S} revenue is expected to rise from USD {X} billion in {sy} to USD {Y} billion by {ey}, at a CAGR of {Z}%.",
    "The {S} segment was valued at USD {X} billion in {sy} and is projected to reach USD {Y} billion by {ey}, expanding at a CAGR of {Z}%.",
    "{S} accounted for USD {X} billion in {sy}. The segment is projected to reach USD {Y} billion by {ey}, expanding at a CAGR of {Z}%.",
]


def subclaim_triple(r: Report, rng: random.Random, what: str, x: str, band: tuple[float, float], break_which: str | None):
    """Start value x grown at a rate drawn from `band` around the market's CAGR, consistent unless `break_which` names the
    part (end / rate / start) to break by 2-40 %; returns start, rate, end and a description."""
    z = rate_for(r, rng, *band)
    y = grown(x, z, r.n)
    check_holds(what, (x, "billion"), z, (y, "billion"), {r.n})
    if not break_which:
        return x, z, y, f"{what}: USD {x} bn ({r.sy}) -> USD {y} bn ({r.ey}) at {z}%"
    nx, nz, ny, m = mangle_triple(rng, x, z, y, r.n, break_which)
    return nx, nz, ny, f"{what}, {break_which} wrong: USD {nx} bn ({r.sy}) -> USD {ny} bn ({r.ey}) at {nz}% (miss {m:+.1%})"


def region_subclaim_lines(r: Report, rng: random.Random, tmpl: int, break_which: str | None):
    """A self-contained regional growth statement added after a region's first sentence; returns (lines, line, desc)."""
    p = pick_region_for_subclaim(r)
    if p is None:
        return None
    x, z, y, desc = subclaim_triple(r, rng, f"{p.region} sub-claim", region_value(r, p), (-1.2, 0.4), break_which)
    sentence = REGION_TEMPLATES[tmpl].format(R=p.region, X=x, Y=y, Z=z, sy=r.sy, ey=r.ey)
    lines = list(r.lines)
    line = lines[p.line]
    cut = line.find(". ") + 1 or len(line)
    lines[p.line] = line[:cut] + " " + sentence + line[cut:]
    return lines, p.line + 1, desc


def dominant_subclaim_lines(r: Report, rng: random.Random, break_which: str | None):
    """The dominant region's sentence that already states its value gets ', and is projected to reach ... at a CAGR'."""
    p = next((p for p in r.regions if p.value and p.year == r.sy), None)
    if p is None:
        return None
    assert break_which in (None, "end", "rate")   # the start value is the one the sentence already states
    _, z, y, desc = subclaim_triple(r, rng, f"{p.region} sentence extended", p.value.group(1), (-0.8, 0.3), break_which)
    lines = list(r.lines)
    line = lines[p.line]
    cut = line.find(". ")
    cut = cut if cut >= 0 else len(line) - 1
    lines[p.line] = line[:cut] + f", and is projected to reach USD {y} billion by {r.ey}, growing at a CAGR of {z}%" + line[cut:]
    return lines, p.line + 1, desc


def segment_subclaim_lines(r: Report, rng: random.Random, tmpl: int, break_which: str | None, nth: int = 0, lines: list[str] | None = None):
    """A growth statement for the leader of the nth dimension that states a share, in a paragraph below its analysis."""
    dims = [d for d in r.dims if d.leader and re.search(r"(\d+\.\d)%", r.lines[d.para])]
    if len(dims) <= nth:
        return None
    d = dims[nth]
    share = float(re.search(r"(\d+\.\d)%", r.lines[d.para]).group(1))
    xv = float(r.start.group(1).replace(",", "")) * share / 100
    x, z, y, desc = subclaim_triple(r, rng, f"{d.leader} sub-claim", fmt(xv, value_decimals(xv)), (-1.5, 0.3), break_which)
    lines = list(lines or r.lines)
    sentence = SEGMENT_TEMPLATES[tmpl].format(S=d.leader, X=x, Y=y, Z=z, sy=r.sy, ey=r.ey)
    para = next(i for i, l in enumerate(lines) if l == r.lines[d.para])
    at = insert_paragraph(r, lines, para, sentence)
    return lines, at, desc


def adjacent_subclaim_lines(r: Report, rng: random.Random, break_which: str | None, lines: list[str] | None = None):
    """A regional growth statement in its own paragraph right below the market's, as summaries often carry one."""
    known = {p.region: float(p.share.group(1)) for p in r.regions if p.share and p.year == r.sy}
    covered = [g for g in r.geo if g in REGIONS]
    if r.fastest and r.fastest[0] in covered:
        region, fast = r.fastest[0], True
    else:
        region, fast = next((g for g in reversed(covered) if g not in known), covered[-1]), False
    share = known.get(region) or (100 - sum(known.values())) / max(1, len([g for g in covered if g not in known]))
    xv = float(r.start.group(1).replace(",", "")) * share / 100
    x, z, y, desc = subclaim_triple(r, rng, f"{region} statement below the summary", fmt(xv, value_decimals(xv)),
                                    (1.5, 4.0) if fast else (-1.2, -0.3), break_which)
    lines = list(lines or r.lines)
    at = insert_paragraph(r, lines, r.sum_line, f"Within this total, {region} accounted for USD {x} billion in {r.sy} and is expected "
                                                f"to reach USD {y} billion by {r.ey}, registering a CAGR of {z}%.")
    return lines, at, desc


def rl101_subclaims(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    res = region_subclaim_lines(r, rng, rng.randrange(len(REGION_TEMPLATES)), rng.choice(["end", "rate", "start"]))
    if res:
        out.append(Variant("rl101-region", res[0], res[1], "RL101", res[2]))
    res = dominant_subclaim_lines(r, rng, rng.choice(["end", "rate"]))
    if res:
        out.append(Variant("rl101-region-extension", res[0], res[1], "RL101", res[2]))
    res = segment_subclaim_lines(r, rng, rng.randrange(2), rng.choice(["end", "rate", "start"]))
    if res:
        out.append(Variant("rl101-segment", res[0], res[1], "RL101", res[2]))
    res = segment_subclaim_lines(r, rng, 2, rng.choice(["end", "rate"]), nth=1)
    if res:
        out.append(Variant("rl101-segment-two-sentences", res[0], res[1], "RL101", res[2]))
    res = adjacent_subclaim_lines(r, rng, rng.choice(["end", "rate", "start"]))
    out.append(Variant("rl101-region-below-summary", res[0], res[1], "RL101", res[2]))
    return out


# ---------------------------------------------------------------------------- RL102

def minor_segment(r: Report, rng: random.Random) -> tuple[Dimension, str]:
    d = rng.choice([d for d in r.dims if len([s for s in d.segments if s != "Others" and s != d.leader]) > 0])
    segs = [s for s in d.segments if s != "Others" and s != d.leader]
    return d, segs[-1]


def rl102(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    d, s = minor_segment(r, rng)
    z = fmt(rng.uniform(1.2, 4.5), 1)
    lines = list(r.lines)
    at = insert_paragraph(r, lines, d.para,
                          f"The {s} segment is expected to grow at a CAGR of -{z}% over the forecast period as buyers shift to newer alternatives.")
    out.append(Variant("rl102-negative-growth", lines, at, "RL102", f"{s}: 'grow at a CAGR of -{z}%'"))
    d, s = minor_segment(r, random.Random(rng.random()))
    t = float(r.start.group(1).replace(",", ""))
    xv = t * rng.uniform(0.04, 0.09)
    x = fmt(xv, value_decimals(xv))
    z = fmt(rng.uniform(1.5, 4.0), 1)
    y = grown(x, z, r.n)
    check_holds("rl102 decline", (x, "billion"), z, (y, "billion"), {r.n})
    lines = list(r.lines)
    at = insert_paragraph(r, lines, d.para,
                          f"Revenue from {s} is projected to decline from USD {x} billion in {r.sy} to USD {y} billion by {r.ey}, at a CAGR of {z}%.")
    out.append(Variant("rl102-decline-rising", lines, at, "RL102", f"{s}: 'decline' from USD {x} bn to USD {y} bn"))
    return out


# ---------------------------------------------------------------------------- RL103 / RL104

def with_region_values(r: Report, lines: list[str], values: dict[str, str]) -> list[int]:
    """Adds '(USD V billion)' after '<share>% of ... in <year>' for the given regions; returns the value lines."""
    touched = []
    for p in r.regions:
        if p.region in values:
            line = lines[p.line]
            m = re.compile(r"\d+\.\d% of [^.,]*? in \d{4}").search(line, p.share.start())
            assert m, line
            lines[p.line] = line[:m.end()] + f" (USD {values[p.region]} billion)" + line[m.end():]
            touched.append(p.line)
    return touched


def share_regions(r: Report) -> list[RegionPara]:
    return [p for p in r.regions if p.share and p.year == r.sy and re.compile(r"\d+\.\d% of [^.,]*? in \d{4}").search(r.lines[p.line], p.share.start())]


def rl103(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    total = r.start.group(1)
    valued = [p for p in r.regions if p.value and p.year == r.sy]
    shared = [p for p in share_regions(r) if not p.value]
    if len(valued) + len(shared) < 2 or not shared:
        return out
    # (a) the template filled the regions' values from the end-year projection instead of the base-year size
    vals = {p.region: region_value(r, p, r.end.group(1)) for p in shared}
    lo = sum(interval(v)[0] for v in vals.values()) + sum(interval(p.value.group(1))[0] for p in valued)
    if lo > interval(total)[1] * 1.01:
        lines = list(r.lines)
        touched = with_region_values(r, lines, vals) + [p.line for p in valued]
        out.append(Variant("rl103-values-from-projection", lines, max(touched) + 1, "RL103",
                           f"regional {r.sy} values computed from the {r.ey} projection: "
                           + ", ".join(f"{k} {v}" for k, v in vals.items()) + f" (market {total})"))
    # (b) one regional value with a slipped decimal point
    vals = {p.region: region_value(r, p) for p in shared}
    victim = rng.choice(shared).region
    good = vals[victim]
    vals[victim] = fmt(float(good) * 10, decimals(good) - 1 if decimals(good) > 1 else 1)
    lines = list(r.lines)
    touched = with_region_values(r, lines, vals) + [p.line for p in valued]
    out.append(Variant("rl103-decimal-slip", lines, max(touched) + 1, "RL103",
                       f"{victim} value USD {good} bn typed as USD {vals[victim]} bn; regional values now exceed the market {total}"))
    return out


def rl104(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    ps = share_regions(r) + [p for p in r.regions if p.share and p.year == r.sy and p not in share_regions(r)]
    if len(ps) < 1:
        return out
    total = sum(float(p.share.group(1)) for p in ps)
    last_line = max(p.line for p in ps)
    # (a) transposed digits in one share
    if len(ps) >= 2:
        for p in sorted(ps, key=lambda p: rng.random()):
            s = p.share.group(1)
            t = s[1] + s[0] + s[2:] if s[0] != s[1] and s[1] != "." else s
            if float(t) > 100 or t == s:
                continue
            if total - float(s) + float(t) > 100.5:
                lines = list(r.lines)
                lines[p.line] = replace(lines[p.line], p.share.start(1), p.share.end(1), t)
                out.append(Variant("rl104-transposed-share", lines, last_line + 1, "RL104",
                                   f"{p.region} share {s}% typed as {t}%; regional shares for {r.sy} now sum to {total - float(s) + float(t):.1f}%"))
                break
    # (b) a share added for a trailing region, computed wrongly
    have = {p.region for p in ps}
    cand = next(((i, g) for i in range(last_line + 1, r.region_sec[1]) if not is_heading(r, i) and r.lines[i].strip()
                 for g in REGIONS if g not in have and g in r.geo
                 and (g in r.lines[i] or any(g in r.lines[j] and is_heading(r, j) for j in range(i - 2, i)))), None)
    if cand:
        i, g = cand
        add = fmt(100 - total + rng.uniform(3, 12), 1)
        lines = list(r.lines)
        lines[i] = f"{g} accounted for {add}% of revenue in {r.sy}. " + lines[i]
        out.append(Variant("rl104-added-share", lines, i + 1, "RL104",
                           f"{g} share {add}% added; regional shares for {r.sy} now sum to {total + float(add):.1f}%"))
    return out


# ---------------------------------------------------------------------------- RL105

def rl105(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    d = next((d for d in r.dims if re.search(r"\d+\.\d%", r.lines[d.para])), None)
    if d:
        m = re.search(r"(\d+)\.(\d)%", r.lines[d.para])
        lines = list(r.lines)
        lines[d.para] = replace(lines[d.para], m.start(), m.end(), f"{m.group(1)}{m.group(2)}%")
        out.append(Variant("rl105-share-over-100", lines, d.para + 1, "RL105",
                           f"segment share {m.group(0)} typed without its decimal point as {m.group(1)}{m.group(2)}%"))
    # a regional CAGR typed without its decimal point
    target = r.fastest or r.dominant
    if target:
        reg, i = target
        i = next(j for j in range(i, r.region_sec[1]) if r.lines[j].strip() and not is_heading(r, j))
        lines = list(r.lines)
        own = re.search(r"CAGR of (\d\d)\.(\d)%", lines[i])
        if own:   # the region already states its own CAGR: that one loses its decimal point
            z, typo = own.group(1) + "." + own.group(2), own.group(1) + own.group(2)
            lines[i] = replace(lines[i], own.start(1), own.end(2), typo)
        else:
            z = fmt(max(float(r.rate.group(1)) + rng.uniform(1.5, 3.5), rng.uniform(10.1, 13.9)), 1)
            typo = z.replace(".", "")
            lines[i] = lines[i] + f" {reg} is projected to post a CAGR of {typo}% over the forecast period."
        out.append(Variant("rl105-cagr-over-100", lines, i + 1, "RL105", f"{reg} CAGR {z}% typed as {typo}%"))
    return out


# ---------------------------------------------------------------------------- RL201

def transpose_or_shift(rng: random.Random, num: str) -> str:
    digits = [k for k, c in enumerate(num) if c.isdigit()]
    for k in range(len(digits) - 1):
        a, b = digits[k], digits[k + 1]
        if num[a] != num[b] and not (k == 0 and num[b] == "0"):
            t = num[:a] + num[b] + num[a + 1:b] + num[a] + num[b + 1:]
            if abs(float(t.replace(",", "")) / float(num.replace(",", "")) - 1) >= 0.03:
                return t
    return fmt(float(num.replace(",", "")) * (1 + rng.choice([-1, 1]) * rng.uniform(0.05, 0.2)), decimals(num))


def rl201(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    for key, what in [("size", "market size"), ("cagr", "CAGR"), ("projection", "value projection")]:
        fl = r.fields[key]
        m = re.search(r"\d[\d,]*(?:\.\d+)?", fl.value)
        new = transpose_or_shift(rng, m.group(0))
        lines = list(r.lines)
        lines[fl.line] = replace(lines[fl.line], fl.start + m.start(), fl.start + m.end(), new)
        out.append(Variant(f"rl201-scope-{key}", lines, fl.line + 1, "RL201",
                           f"scope table {what} {m.group(0)} -> {new}, summary unchanged"))
    return out


# ---------------------------------------------------------------------------- RL202

def set_in_field(r: Report, lines: list[str], key: str, old: str, new: str) -> int:
    fl = r.fields[key]
    lines[fl.line] = replace(lines[fl.line], fl.start, fl.end, sub_once(fl.value, old, new))
    return fl.line + 1


def rl202(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    base = int(r.fields["base"].value)
    hist = re.findall(r"\d{4}", r.fields["history"].value)
    fc = re.findall(r"\d{4}", r.fields["forecast"].value)
    lines = list(r.lines)
    at = set_in_field(r, lines, "history", f"To {hist[1]}", f"To {base}")
    out.append(Variant("rl202-history-into-base", lines, at, "RL202", f"historical data {hist[0]} To {base}, base year {base}"))
    lines = list(r.lines)
    at = set_in_field(r, lines, "forecast", f"{fc[0]} To", f"{base} To")
    out.append(Variant("rl202-forecast-from-base", lines, at, "RL202", f"forecast period starts at the base year {base}"))
    # a contents entry quoting the previous edition's span
    entries = [i for i in r.toc if re.search(rf"{r.sy}-{r.ey}", r.lines[i])]
    i = rng.choice(entries)
    lines = list(r.lines)
    lines[i] = sub_once(lines[i], f"{r.sy}-{r.ey}", f"{r.sy - 1}-{r.ey - 1}")
    out.append(Variant("rl202-contents-span", lines, i + 1, "RL202", f"contents entry quotes {r.sy - 1}-{r.ey - 1}"))
    # the title quoting another span
    m = re.search(r"(\d{4}) ?- ?(\d{4})", r.lines[0])
    if m:
        lines = list(r.lines)
        lines[0] = replace(lines[0], m.start(), m.end(), m.group(0).replace(m.group(1), str(int(m.group(1)) - 1)).replace(m.group(2), str(int(m.group(2)) - 1)))
        out.append(Variant("rl202-title-span", lines, 1, "RL202", f"title quotes {int(m.group(1)) - 1}-{int(m.group(2)) - 1}"))
    # the 'NNNN Value Projection' label with the wrong year
    fl = r.fields["projection"]
    lines = list(r.lines)
    i = fl.line
    lines[i] = sub_once(lines[i], f"{r.ey} Value Projection", f"{r.ey + 1} Value Projection")
    out.append(Variant("rl202-projection-label", lines, i + 1, "RL202", f"'{r.ey + 1} Value Projection' in a {fc[0]}-{fc[1]} forecast"))
    # the CAGR row's label quoting another span
    fl = r.fields["cagr"]
    lines = list(r.lines)
    lines[fl.line] = sub_once(lines[fl.line], f"Forecast Period {fc[0]} To {fc[1]} CAGR", f"Forecast Period {int(fc[0]) - 1} To {int(fc[1]) - 1} CAGR")
    out.append(Variant("rl202-cagr-label", lines, fl.line + 1, "RL202", f"CAGR row labelled {int(fc[0]) - 1} To {int(fc[1]) - 1}"))
    # plain-text segmentation entries quote the history-plus-forecast span
    ins = [i for i in r.seglist if re.search(r"Insights \(.*(\d{4}) - (\d{4})\)", r.lines[i])]
    if ins:
        i = rng.choice(ins)
        m = re.search(r"(\d{4}) - (\d{4})\)", r.lines[i])
        lines = list(r.lines)
        lines[i] = replace(lines[i], m.start(2), m.end(2), str(int(m.group(2)) - 2))
        out.append(Variant("rl202-segmentation-span", lines, i + 1, "RL202", f"segmentation entry ends in {int(m.group(2)) - 2}"))
    return out


# ---------------------------------------------------------------------------- RL203

def leader_called_largest(r: Report, d: Dimension) -> bool:
    """The report itself calls the dimension's leader the largest: in its heading ("Unflavoured Varieties Lead") or in the
    first sentence of its paragraph ("... held 46.1% of the market in 2024, the leading crop type")."""
    if not d.leader:
        return False
    head, para = r.lines[d.heading], r.lines[d.para]
    first = para[:para.find(". ") + 1 or len(para)]
    in_heading = d.leader in head and LEAD_RE.search(head.split(d.leader, 1)[1])
    cue = LEAD_RE.search(first)
    return bool(in_heading or cue and d.leader in first[:cue.start()])


def rl203(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    dims = [d for d in r.dims if leader_called_largest(r, d)]
    for k, d in enumerate(dims[:2]):
        other = next(s for s in d.segments if s not in (d.leader, "Others"))
        text = (f"In terms of By {d.name}, {other} contributes the highest share of the {r.market} market, supported by steady replacement demand."
                if k == 0 else
                f"{other} accounted for the largest share of the {d.name.lower()} segment in {r.sy}, supported by steady replacement demand.")
        lines = list(r.lines)
        at = insert_paragraph(r, lines, d.para, text)
        out.append(Variant("rl203-second-largest-segment", lines, at, "RL203", f"{other} also called the largest by {d.name} (leader {d.leader})"))
    if r.fastest:
        reg, claim = r.fastest
        later = [p for p in r.regions if p.line > claim and p.region != reg and p.region in r.geo]
        lines = list(r.lines)
        if later:
            p = later[0]
            lines[p.line] = f"{p.region} is the fastest-growing regional market over the forecast period. " + lines[p.line]
            at, other = p.line + 1, p.region
        else:
            other = next(g for g in reversed(REGIONS) if g != reg and g in r.geo)
            at = insert_paragraph(r, lines, last_content_line(r.lines, *r.region_sec),
                                  f"{other} is the fastest-growing regional market, supported by new investment and rising adoption.")
        out.append(Variant("rl203-second-fastest-region", lines, at, "RL203", f"{other} also called the fastest-growing region ({reg} already is)"))
    if r.dominant:
        reg, claim = r.dominant
        later = [p for p in r.regions if p.line > claim and p.region != reg and p.region in r.geo]
        if later:
            p = later[0]
            lines = list(r.lines)
            lines[p.line] = f"{p.region} is the largest regional market. " + lines[p.line]
            out.append(Variant("rl203-second-largest-region", lines, p.line + 1, "RL203",
                               f"{p.region} also called the largest region ({reg} is dominant)"))
    return out


# ---------------------------------------------------------------------------- RL401 / RL402 / RL403

def field_line(r: Report, lines: list[str], key: str) -> int:
    """The 1-based line of a scope field in a variant (insertions above it move it down)."""
    label = r.fields[key].label
    return next(i for i, l in enumerate(lines) if "|" in l and any(t == label for t, _, _ in cells(l))) + 1


def mentioned(r: Report, name: str) -> bool:
    return any(name in l for l in r.lines)


def rl401(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    country, region = rng.choice([(c, g) for c, g in EXTRA_COUNTRIES if not mentioned(r, c)])
    lines = list(r.lines)
    insert_paragraph(r, lines, last_content_line(r.lines, *r.region_sec),
                     f"{country} is a smaller but developing market, where local distributors and international suppliers are expanding their presence.",
                     heading=country)
    out.append(Variant("rl401-country-not-covered", lines, field_line(r, lines, "geo"), "RL401", f"paragraph on {country}, absent from Geographies covered"))
    missing = [g for g in REGIONS if g not in r.geo]
    if missing:
        g = missing[0]
        lines = list(r.lines)
        insert_paragraph(r, lines, last_content_line(r.lines, *r.region_sec),
                         f"{g} is an emerging opportunity, with governments and private investors supporting early projects.", heading=g)
        out.append(Variant("rl401-region-not-covered", lines, field_line(r, lines, "geo"), "RL401", f"paragraph on {g}, absent from Geographies covered"))
    analysed = [g for g in r.geo if any(p.region == g for p in r.regions)]
    g = analysed[min(1, len(analysed) - 1)]
    fl = r.fields["geo"]
    part = next(p for p in split_outside_parens(fl.value, ";") if p.startswith(g + ":") or p == g)
    new_value = "; ".join(p for p in split_outside_parens(fl.value, ";") if p != part)
    lines = list(r.lines)
    lines[fl.line] = replace(lines[fl.line], fl.start, fl.end, new_value)
    out.append(Variant("rl401-region-removed", lines, field_line(r, lines, "geo"), "RL401", f"'{part}' removed from Geographies covered"))
    return out


def rl402(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    # a pasted dimension must be new to the report, synonyms included: "Sales Channel" is the report's own
    # "Distribution Channel" or "Booking Channel" under another name, so such reports get another dimension
    have = {d.name for d in r.dims}
    dim, segs, lead, fast = next(e for e in EXTRA_DIMENSIONS if e[0] not in have and not (e[0].endswith("Channel") and any(h.endswith("Channel") for h in have)))
    # (a) a body analysis pasted from another report's template
    lines = list(r.lines)
    last = last_content_line(r.lines, *r.segment_sec)
    if r.md:
        insert_paragraph(r, lines, last, f"**{lead}** accounted for the largest share of revenue in {r.sy}, while {fast} are expanding fastest.",
                         heading=f"By {dim}")
    else:
        insert_paragraph(r, lines, last, f"In terms of By {dim}, {lead} contributes the highest share of the {r.market} market, while {fast} are expanding fastest.",
                         heading=f"By {dim}: {lead} Leads")
    out.append(Variant("rl402-body-dimension", lines, field_line(r, lines, "segments"), "RL402", f"'By {dim}' analysed in the body, absent from Segments covered"))
    # (b) a contents entry for a dimension the body never analyses
    by = [i for i in r.toc if ", By " in r.lines[i]]
    i = by[-1]
    lines = list(r.lines)
    prev = r.lines[i]
    m = re.search(r", By ([^,]+),", prev)
    entry = replace(prev, m.start(1), m.end(1), dim)
    num = int(re.match(r"(\d+)\.", prev).group(1))
    entry = re.sub(r"^\d+\.", f"{num + 1}.", entry)
    lines.insert(i + 1, entry)
    for j in range(i + 2, len(lines)):
        mm = re.match(r"^(\d+)\.( .*)$", lines[j])
        if mm:
            lines[j] = f"{int(mm.group(1)) + 1}.{mm.group(2)}"
    out.append(Variant("rl402-contents-dimension", lines, i + 2, "RL402", f"contents entry 'By {dim}' that the body never analyses"))
    # (c) a segmentation-list entry for a dimension the body never analyses
    lines = list(r.lines)
    k = r.seglist[-1]
    prev = r.lines[k]
    if " Insights (" in prev:   # plain text: a heading line followed by one segment per line
        end = k + 1
        while end < len(r.lines) and r.lines[end].strip() and "Table of Contents" not in r.lines[end]:
            end += 1
        new = re.sub(r"^.* Insights \(", f"{dim} Insights (", prev)
        lines[end:end] = [new] + segs
        at = end + 1
    elif prev.startswith("- By "):   # nested list
        end = k + 1
        while end < len(r.lines) and r.lines[end].startswith("  - "):
            end += 1
        lines[end:end] = [f"- By {dim}"] + [f"  - {s}" for s in segs]
        at = end + 1
    elif prev.startswith("- "):
        lines.insert(k + 1, f"- **By {dim}:** " + ", ".join(segs))
        at = k + 2
    else:
        lines[k + 1:k + 1] = ["", f"**By {dim}:** " + ", ".join(segs)]
        at = k + 3
    out.append(Variant("rl402-segmentation-dimension", lines, at, "RL402", f"segmentation entry 'By {dim}' that the body never analyses"))
    return out


def rl403(r: Report, rng: random.Random) -> list[Variant]:
    a, b = EXTRA_COMPANIES[r.name]
    assert not mentioned(r, a) and not mentioned(r, b), r.name
    lines = list(r.lines)
    i = r.competitive
    lines[i] = lines[i] + f" Smaller players such as {a} and {b} are also gaining share in selected niches."
    return [Variant("rl403-players-not-covered", lines, field_line(r, lines, "companies"), "RL403",
                    f"'players such as {a} and {b}', absent from Companies covered")]


# ---------------------------------------------------------------------------- clean variants

PARAPHRASES = [
    "In {sy}, the global {M} market was valued at {S}, and it is forecast to grow at a CAGR of {R}% to reach {E} by {ey}.",
    "The {M} market is projected to reach {E} by {ey} from {S} in {sy}, at a CAGR of {R}% during the forecast period.",
    "Valued at approximately {S} in {sy}, the {M} market is expected to expand at a compound annual growth rate of {R}% through {ey}, when it will be worth {E}.",
    "The global {M} market size was estimated at {S} in {sy} and is anticipated to grow at a CAGR of {R}% from {sy} to {ey}, reaching {E} by {ey}.",
    "Global {M} revenue is set to climb from {S} in {sy} to about {E} by {ey}, reflecting a CAGR of {R}%.",
]


def paraphrase(r: Report, lines: list[str], k: int) -> str:
    s0, s1 = r.sent
    x, unit, y, z = r.start.group(1), r.start.group(2), r.end.group(1), r.rate.group(1)
    check_holds("paraphrase", (x, unit), z, (y, unit), {r.n})
    text = PARAPHRASES[k].format(M=r.market, S=money(x, unit), E=money(y, unit), R=z, sy=r.sy, ey=r.ey)
    line = lines[r.sum_line]
    lines[r.sum_line] = line[:s0] + text + line[s1:]
    return f"paraphrase {k}"


def restate_scope(r: Report, lines: list[str], rng: random.Random) -> str:
    notes = []
    fl = r.fields["cagr"]
    v = fl.value.rstrip("%")
    nv = fmt(float(v), 1 if decimals(v) == 2 else 2)
    lines[fl.line] = replace(lines[fl.line], fl.start, fl.end, nv + "%")
    notes.append(f"scope CAGR {fl.value} -> {nv}%")
    fl = r.fields["size"]
    m = MONEY_RE.search(fl.value)
    millions = format(D(m.group(1).replace(",", "")) * 1000, ",f").split(".")[0]
    new = rng.choice([f"USD {millions} million", f"USD {m.group(1)}0 billion", f"US$ {m.group(1)} Bn"])
    lines[fl.line] = replace(lines[fl.line], fl.start, fl.end, new)
    notes.append(f"scope market size {fl.value} -> {new}")
    return ", ".join(notes)


def clean_variants(r: Report, rng: random.Random) -> list[Variant]:
    out = []
    # 1: paraphrase, scope restated with another precision, regional values that fit their shares
    lines = list(r.lines)
    notes = [paraphrase(r, lines, rng.choice([0, 3])), restate_scope(r, lines, rng)]
    shared = [p for p in share_regions(r) if not p.value]
    if shared:
        with_region_values(r, lines, {p.region: region_value(r, p) for p in shared})
        notes.append("regional values added from shares")
    out.append(Variant("clean-restated", lines, None, None, "; ".join(notes)))
    # 2: reordered paraphrase, a regional sub-claim with its own CAGR, the dominant region's own forecast
    lines = list(r.lines)
    notes = [paraphrase(r, lines, 1)]
    res = region_subclaim_lines(r, rng, rng.randrange(len(REGION_TEMPLATES)), None)
    if res:
        reg_line = res[1] - 1
        lines[reg_line] = res[0][reg_line]
        notes.append(res[2])
    res = dominant_subclaim_lines(r, rng, None)
    if res:
        dl = res[1] - 1
        lines[dl] = res[0][dl]
        notes.append(res[2])
    lines, _, note = adjacent_subclaim_lines(r, rng, None, lines)
    notes.append(note)
    out.append(Variant("clean-regional-cagr", lines, None, None, "; ".join(notes)))
    # 3: hedged paraphrase, a segment sub-claim with its own CAGR, a correctly stated declining segment
    lines, notes = list(r.lines), []
    for nth, tmpl in [(0, rng.randrange(2)), (1, 2)]:
        res = segment_subclaim_lines(r, rng, tmpl, None, nth=nth, lines=lines)
        if res:
            lines = res[0]                       # inserted below the summary, so its line number is unchanged
            notes.append(res[2])
    notes.insert(0, paraphrase(r, lines, rng.choice([2, 4])))
    declining = declining_segment(r, lines, rng)
    if declining:
        notes.append(declining)
    out.append(Variant("clean-segment-cagr", lines, None, None, "; ".join(notes)))
    return out


def declining_segment(r: Report, lines: list[str], rng: random.Random) -> str | None:
    """A minor segment said to decline, with falling values and a rate that fits ('decline at a CAGR of z%')."""
    growing = " ".join(l for l in r.lines if re.search(r"grow|expand|gain|rising|fastest", l, re.I))
    for d in reversed(r.dims):
        cands = [s for s in d.segments if s not in (d.leader, "Others") and s not in growing]
        if not cands:
            continue
        s = cands[-1]
        xv = float(r.start.group(1).replace(",", "")) * rng.uniform(0.03, 0.06)
        x = fmt(xv, value_decimals(xv))
        z = fmt(rng.uniform(0.8, 2.5), 1)
        y = grown(x, "-" + z, r.n)
        check_holds("declining", (x, "billion"), "-" + z, (y, "billion"), {r.n})
        para = next(i for i, l in enumerate(lines) if l == r.lines[d.para])
        insert_paragraph(r, lines, para, f"The {s} segment is expected to decline at a CAGR of {z}% from USD {x} billion in {r.sy} "
                                         f"to USD {y} billion by {r.ey} as buyers migrate to newer alternatives.")
        return f"{s} declining USD {x} bn -> USD {y} bn at -{z}%"
    return None


# =============================================================================
# Main
# =============================================================================

# What the expected line must show, per rule: a guard against an expected line that drifted off its defect.
PROBES = {
    "RL101": r"USD .*(CAGR|grow|reach)|(CAGR|grow|reach).*USD", "RL102": r"CAGR", "RL103": r"USD", "RL104": r"%",
    "RL105": r"\d{3}%", "RL201": r"\|", "RL202": r"\d{4}", "RL203": r"largest|highest|fastest",
    "RL401": r"Geographies covered", "RL402": r"Segments covered|By |Insights", "RL403": r"Companies covered",
}

KINDS = [rl101_summary, rl101_subclaims, rl102, rl103, rl104, rl105, rl201, rl202, rl203, rl401, rl402, rl403]


def main() -> int:
    reports = sorted(p for s in SOURCES for p in (REPORTS / s).iterdir() if p.suffix in (".md", ".txt"))
    if OUT.exists():
        for p in sorted(OUT.rglob("*"), reverse=True):
            if p.is_file():
                p.unlink()
    (OUT / "clean").mkdir(parents=True, exist_ok=True)
    rows = ["file\tline\trule\tdescription"]
    n_defects = n_clean = 0
    for path in reports:
        r = parse(path)
        variants: list[Variant] = []
        for kind in KINDS:
            variants += kind(r, random.Random(f"{SEED}:{r.name}:{kind.__name__}"))
        variants += clean_variants(r, random.Random(f"{SEED}:{r.name}:clean"))
        counter: dict[str, int] = {}
        for v in variants:
            counter[v.defect] = counter.get(v.defect, 0) + 1
            name = f"{r.name}--{v.defect}-{counter[v.defect]}{r.ext}"
            assert v.lines != r.lines, name
            target = OUT / "clean" / name if v.rule is None else OUT / name
            target.write_text("\n".join(v.lines) + "\n", encoding="utf-8")
            if v.rule is None:
                n_clean += 1
            else:
                assert 1 <= v.line <= len(v.lines), name
                assert re.search(PROBES[v.rule], v.lines[v.line - 1]), (name, v.line, v.lines[v.line - 1])
                rows.append(f"{name}\t{v.line}\t{v.rule}\t{v.description}")
                n_defects += 1
    (OUT / "EXPECTED.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(reports)} reports -> {n_defects} defect variants, {n_clean} clean variants in {OUT.relative_to(TESTS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
