#!/usr/bin/env python3
"""Generate tests/ReportLint.Tests/Data/cagr-statements.yaml (RL101 CAGR consistency corpus).

Deterministic, Python 3.11, standard library only.  Run:

    python3 tests/tools/make_cagr_statements.py

How it works
------------
Each entry is built by a layout-family generator that renders a short document
(1-12 lines) and, alongside it, a structured list of the claims it contains:
the printed money tokens (exactly as they appear in the text, hedge word
included), the year each belongs to, the printed rate token and any stated
window.  The generator aims at an intended outcome (ok / near miss / gross
miss / ...), but the label, the `lines` list and the `note` are produced only by
the ORACLE below, which re-parses the printed tokens and applies the interval
rule.  Attempts whose oracle verdict differs from the intent, that land within
0.02 % of an interval boundary, or whose verdict would change under an
alternative reading of an implicit window, are discarded and redrawn (seeded by
family, index and attempt number, so output is stable).

The interval rule (oracle)
--------------------------
* A printed number v with d decimals is [v - 0.5*10^-d, v + 0.5*10^-d]; scale
  words multiply (thousand 1e3, million 1e6, billion 1e9, trillion 1e12,
  crore 1e7, lakh 1e5; "lakh crore" multiplies both = 1e12; abbreviations
  M/Mn/mn/m, B/Bn/bn/b).
* Hedges intersect that interval with a band: about/approximately/around/
  roughly/an estimated -> [0.95X, 1.05X]; nearly/almost/close to/just under/
  up to -> [0.95X, X]; over/more than/exceeding/above/surpass/surpassing ->
  [X, 1.10X].  "estimated at"/"valued at" are NOT hedges.
* A rate r% with d decimals is [r - 0.5*10^-d, r + 0.5*10^-d]; it is negative if
  printed with "-" or governed by declin*/contract*/shrink* "at a CAGR of" or
  "a negative CAGR of".
* A claim holds iff for some span n in {b - a} U {w1 - w0 if a window is stated}
  U {N if "over the next N years"}: [S_lo(1+R_lo)^n, S_hi(1+R_hi)^n] meets
  [E_lo, E_hi].
* With a window, end = value at w1 and start = value at w0, else the latest
  value before w0.  Without a window, end = latest value and ANY earlier value
  may link to it.  "during/over the forecast period" takes the window from a
  "Forecast period" statement elsewhere in the document, if any.
"""
from __future__ import annotations

import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal as D, getcontext
from pathlib import Path

getcontext().prec = 60

ROOT = Path(__file__).resolve().parents[1]          # .../tests
OUT = ROOT / "ReportLint.Tests" / "Data" / "cagr-statements.yaml"
BOUNDARY_EPS = D("0.0002")                          # 0.02 % of the end value
MAX_ATTEMPTS = 4000


class Reject(Exception):
    """A random draw that must be redrawn (token collision, implausible value...)."""


# =============================================================================
# Document model
# =============================================================================

@dataclass
class Val:
    token: str                  # money token exactly as printed, e.g. "USD 1.45 billion"
    year: int
    hedge: str | None = None    # hedge phrase printed immediately before the token
    check_year: bool = True     # the year is printed on the same line

    @property
    def display(self) -> str:
        return f"{self.hedge} {self.token}" if self.hedge else self.token


@dataclass
class Claim:
    name: str
    vals: list[Val]
    rate: str                   # printed rate token, e.g. "13.50%" or "-2.4%"
    kind: str = "ok"            # generator intent (checked against the oracle)
    window: tuple[int, int] | None = None   # window stated in the claim itself
    ref_fp: bool = False        # claim says "during/over the forecast period"
    span_word: str | None = None  # "seven" for "over the next seven years"
    meta: dict = field(default_factory=dict)


@dataclass
class Doc:
    fmt: str
    lines: list[str]
    claims: list[Claim]
    fp: tuple[int, int] | None = None   # "Forecast period: w0-w1" stated in the document
    flags: list[str] = field(default_factory=list)   # extra acceptance checks
    tag: str = ""


# =============================================================================
# ORACLE
# =============================================================================

SCALE_EXP = {"thousand": 3, "k": 3, "million": 6, "mn": 6, "m": 6, "mln": 6,
             "billion": 9, "bn": 9, "b": 9, "trillion": 12, "tn": 12,
             "crore": 7, "cr": 7, "lakh": 5}
CUR = r"(?:USD|US\$|EUR|GBP|JPY|INR|CNY|RMB|Rs\.?|\$|€|£|¥|₹)"
MONEY_RE = re.compile(
    rf"^(?P<cur>{CUR})\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"\s?(?P<scale>[A-Za-z]+(?: [A-Za-z]+)?)?$")
RATE_RE = re.compile(r"^(?P<sign>-)?(?P<num>\d+(?:\.\d+)?)(?:\s?%| percent)$")
HEDGE_KIND = {
    "about": "sym", "approximately": "sym", "around": "sym", "roughly": "sym", "an estimated": "sym",
    "nearly": "under", "almost": "under", "close to": "under", "just under": "under", "up to": "under",
    "over": "over", "more than": "over", "exceeding": "over", "above": "over",
    "surpass": "over", "surpassing": "over",
}
BANDS = {"sym": (D("0.95"), D("1.05")), "under": (D("0.95"), D(1)), "over": (D(1), D("1.10"))}
NUM_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12}


@dataclass
class Iv:
    lo: D
    hi: D
    x: D        # printed value (absolute)
    mult: D     # scale multiplier
    d: int      # printed decimals


def money_interval(v: Val, hedge_mode: str = "intersect", token: str | None = None) -> Iv:
    m = MONEY_RE.match(token or v.token)
    assert m, f"unparseable money token {token or v.token!r}"
    num = m["num"].replace(",", "")
    d = len(num.split(".")[1]) if "." in num else 0
    exp = sum(SCALE_EXP[w.lower()] for w in (m["scale"] or "").split())
    mult = D(10) ** exp
    val = D(num)
    half = D(5) * D(10) ** (-(d + 1))
    lo, hi, x = (val - half) * mult, (val + half) * mult, val * mult
    if v.hedge and hedge_mode != "ignore":
        blo, bhi = BANDS[HEDGE_KIND[v.hedge]]
        if hedge_mode == "intersect":
            lo, hi = max(lo, x * blo), min(hi, x * bhi)
        else:  # "union": the (wrong) reading that a hedge widens the number
            lo, hi = min(lo, x * blo), max(hi, x * bhi)
        assert lo < hi
    return Iv(lo, hi, x, mult, d)


def rate_value(display: str) -> tuple[D, int, bool]:
    m = RATE_RE.match(display)
    assert m, f"unparseable rate {display!r}"
    num = m["num"]
    d = len(num.split(".")[1]) if "." in num else 0
    return D(num), d, bool(m["sign"])


def negated_by_words(line: str, display: str) -> bool:
    r = re.escape(display)
    pats = [rf"\b(?:declin\w*|contract\w*|shrink\w*)\s+at\s+an?\s+"
            rf"(?:CAGR|compound annual growth rate(?: \(CAGR\))?)\s+of\s+{r}",
            rf"\bnegative CAGR of\s+{r}"]
    return any(re.search(p, line) for p in pats)


def token_pattern(display: str) -> re.Pattern:
    return re.compile(r"(?<![\w.,\-$€£¥₹])" + re.escape(display) + r"(?![\w])")


def find_rate_line(doc: Doc, cl: Claim) -> int:
    """The rate is searched first on the claim's own value lines; a rate printed more than
    once in the document (e.g. a sub-claim that copied the global rate) is attributed to the
    occurrence that does not sit on another claim's value line."""
    pat = token_pattern(cl.rate)
    own = {find_line(doc.lines, v.display) for v in cl.vals}
    hits = [i + 1 for i, l in enumerate(doc.lines) for _ in pat.findall(l)]
    mine = [h for h in hits if h in own]
    if len(mine) == 1:
        return mine[0]
    if len(hits) == 1:
        return hits[0]
    others = {find_line(doc.lines, v.display) for c in doc.claims if c is not cl for v in c.vals}
    rest = [h for h in hits if h not in others and h not in own]
    if len(rest) == 1:
        return rest[0]
    raise Reject(f"rate {cl.rate!r} cannot be attributed")


def find_line(lines: list[str], display: str) -> int:
    pat = token_pattern(display)
    hits = [(i, len(pat.findall(l))) for i, l in enumerate(lines)]
    total = sum(c for _, c in hits)
    if total == 0:
        raise AssertionError(f"token {display!r} not found in document:\n" + "\n".join(lines))
    if total > 1:
        raise Reject(f"token {display!r} printed {total} times")
    return next(i for i, c in hits if c) + 1


@dataclass
class Cand:
    start: Val
    s_iv: Iv
    n: int
    p_lo: D
    p_hi: D
    p_mid: D
    holds: bool
    margin: D
    miss: D     # (E_printed - P_mid) / E_printed


@dataclass
class ClaimResult:
    holds: bool
    end: Val
    end_line: int
    e_iv: Iv
    r_mid: D
    cands: list[Cand]
    best: Cand
    window: tuple[int, int] | None

    @property
    def margin(self) -> D:
        return min(c.margin for c in self.cands)


def eval_claim(doc: Doc, cl: Claim, *, implicit_window: bool = True, use_span: bool = True,
               hedge_mode: str = "intersect", rate_override: str | None = None,
               extra_ns: tuple[int, ...] = (), token_override: dict | None = None,
               negate: bool = False, window_override: object = "keep") -> ClaimResult:
    lines = doc.lines
    # ---- rate ----------------------------------------------------------
    r_line = find_rate_line(doc, cl)
    line_text = lines[r_line - 1]
    hdr = lines[cl.meta["rate_header_line"] - 1] if "rate_header_line" in cl.meta else ""
    assert "CAGR" in line_text or "compound annual growth rate" in line_text.lower() or "CAGR" in hdr, line_text
    rv, rd, signed = rate_value(cl.rate)
    neg = signed or negated_by_words(line_text, cl.rate)
    assert neg == bool(cl.meta.get("neg", False)), f"sign mismatch for {cl.rate!r} in {line_text!r}"
    if rate_override is not None:
        rv, rd, _ = rate_value(rate_override)
    if negate:
        neg = not neg
    half = D(5) * D(10) ** (-(rd + 1))
    lo_pct, hi_pct = (-rv - half, -rv + half) if neg else (rv - half, rv + half)
    r_mid = -rv if neg else rv
    g_lo, g_hi = 1 + lo_pct / 100, 1 + hi_pct / 100
    # ---- window ----------------------------------------------------------
    if cl.window is not None:
        assert doc.fp is None or doc.fp == cl.window, "conflicting windows in one document"
        window = cl.window
    elif cl.ref_fp:
        assert "forecast period" in line_text.lower() or "forecast period" in " ".join(
            l.lower() for l in lines), "claim refers to a forecast period"
        window = doc.fp
    elif doc.fp is not None and implicit_window:
        window = doc.fp
    else:
        window = None
    if window_override != "keep":
        window = window_override
    if window is not None:
        text = "\n".join(lines)
        assert str(window[0]) in text and str(window[1]) in text
    # ---- values ----------------------------------------------------------
    vals = []
    for v in cl.vals:
        ln = find_line(lines, v.display)
        if v.check_year:
            assert str(v.year) in lines[ln - 1], f"year {v.year} not on line {lines[ln - 1]!r}"
        tok = (token_override or {}).get(v.token)
        vals.append((v, ln, money_interval(v, hedge_mode, tok)))
    if window is not None:
        w0, w1 = window
        ends = [t for t in vals if t[0].year == w1]
        assert len(ends) == 1, "window end must have exactly one value"
        at_w0 = [t for t in vals if t[0].year == w0]
        before = [t for t in vals if t[0].year < w0]
        starts = at_w0 or ([max(before, key=lambda t: t[0].year)] if before else [])
        assert starts, "no start value for the window"
    else:
        last = max(t[0].year for t in vals)
        ends = [t for t in vals if t[0].year == last]
        assert len(ends) == 1
        starts = [t for t in vals if t[0].year < last]
    end_v, end_line, e_iv = ends[0]
    spans_extra = set(extra_ns)
    if cl.span_word and use_span:
        assert f"next {cl.span_word} years" in "\n".join(lines)
        spans_extra.add(NUM_WORDS[cl.span_word])
    cands = []
    for sv, _, s_iv in starts:
        ns = {end_v.year - sv.year} | spans_extra
        if window is not None:
            ns.add(window[1] - window[0])
        for n in sorted(ns):
            if n <= 0:
                continue
            p_lo, p_hi = s_iv.lo * g_lo ** n, s_iv.hi * g_hi ** n
            p_mid = s_iv.x * (1 + r_mid / 100) ** n
            holds = p_lo <= e_iv.hi and p_hi >= e_iv.lo
            margin = min(abs(p_lo - e_iv.hi), abs(p_hi - e_iv.lo)) / e_iv.x
            cands.append(Cand(sv, s_iv, n, p_lo, p_hi, p_mid, holds, margin, (e_iv.x - p_mid) / e_iv.x))
    assert cands
    holding = [c for c in cands if c.holds]
    best = holding[0] if holding else min(cands, key=lambda c: abs(c.miss))
    return ClaimResult(bool(holding), end_v, end_line, e_iv, r_mid, cands, best, window)


@dataclass
class DocResult:
    consistent: bool
    lines: list[int]
    claims: list[ClaimResult]


def eval_doc(doc: Doc, **kw) -> DocResult:
    res = [eval_claim(doc, c, **kw) for c in doc.claims]
    bad = sorted({r.end_line for r in res if not r.holds})
    assert len(bad) == sum(1 for r in res if not r.holds), "two failing claims end on one line"
    return DocResult(all(r.holds for r in res), bad, res)


# =============================================================================
# Acceptance of a draw (intent vs oracle) and notes
# =============================================================================

def accept(doc: Doc, res: DocResult) -> bool:
    for cl, r in zip(doc.claims, res.claims):
        if r.margin <= BOUNDARY_EPS:
            return False
        k = cl.kind
        miss = abs(r.best.miss)
        if k == "ok":
            if not r.holds:
                return False
        else:
            if r.holds:
                return False
            if k == "near" and not (D("0.005") <= miss <= D("0.02")):
                return False
            if k == "gross" and not (D("0.05") <= miss <= D("0.9")):
                return False
            if k == "offbyone":
                alt = eval_claim(doc, cl, extra_ns=(cl.meta["n_alt"],))
                if not alt.holds or miss < D("0.005"):
                    return False
            if k == "scale":
                if not eval_claim(doc, cl, token_override={cl.meta["E_bad"]: cl.meta["E_fixed"]}).holds:
                    return False
            if k in ("copied", "truncated"):
                if miss < D("0.01") or not eval_claim(doc, cl, rate_override=cl.meta["r_true"]).holds:
                    return False
            if k == "sign" and not eval_claim(doc, cl, negate=True).holds:
                return False
            if k == "wrongbase" and not eval_claim(doc, cl, window_override=None).holds:
                return False
            if k == "hedge" and not eval_claim(doc, cl, hedge_mode="ignore").holds:
                return False
            if k == "nowiden" and not eval_claim(doc, cl, hedge_mode="union").holds:
                return False
        for chk in cl.meta.get("checks", []):
            if not CHECKS[chk](doc, cl, r):
                return False
    # robustness: a claim with no window of its own in a document that states a
    # forecast period must get the same verdict with and without that period.
    if doc.fp is not None and any(c.window is None and not c.ref_fp for c in doc.claims):
        alt = eval_doc(doc, implicit_window=False)
        if alt.consistent != res.consistent or alt.lines != res.lines:
            return False
        if any(r.margin <= BOUNDARY_EPS for r in alt.claims):
            return False
    # robustness: "estimated at X" must not depend on X being read as a hedge
    for cl in doc.claims:
        for v in cl.vals:
            if not v.hedge and any(f"estimated at {v.token}" in l for l in doc.lines):
                alt_cl = Claim(cl.name, [Val(x.token, x.year, "about" if x is v else x.hedge, x.check_year)
                                         for x in cl.vals], cl.rate, cl.kind, cl.window, cl.ref_fp,
                               cl.span_word, cl.meta)
                # only the display changes; evaluate with a doc whose text has "about" inserted
                alt_doc = Doc(doc.fmt, [l.replace(f"estimated at {v.token}", f"estimated at about {v.token}")
                                        for l in doc.lines], [alt_cl], doc.fp)
                if eval_claim(alt_doc, alt_cl).holds != eval_claim(doc, cl).holds:
                    return False
    for f in doc.flags:
        if not CHECKS[f](doc, None, res):
            return False
    return True


def _fails_with_window(doc, cl, r):
    """Three-value layout: the start value at w0 alone must fail (so the any-earlier rule decides)."""
    return not eval_claim(doc, cl, window_override=cl.meta["strict_window"]).holds


def _holds_without_window(doc, cl, r):
    return eval_claim(doc, cl, window_override=None).holds


def _needs_window_span(doc, cl, r):
    """Holds only thanks to the n = w1 - w0 candidate."""
    return r.holds and not eval_claim(doc, cl, window_override=None).holds


def _needs_span_word(doc, cl, r):
    return r.holds and not eval_claim(doc, cl, use_span=False).holds


def _hedge_decides(doc, cl, r):
    return eval_claim(doc, cl, hedge_mode="ignore").holds != r.holds


def _global_rate_fails(doc, cl, r):
    return not eval_claim(doc, cl, rate_override=cl.meta["global_rate"]).holds


def _decoy_flips(doc, cl, r):
    return eval_claim(doc, cl, rate_override=cl.meta["decoy"]).holds != r.holds


def _any_decoy_global(doc, _cl, res):
    return any("global_rate" in c.meta and c.kind == "ok" and _global_rate_fails(doc, c, r)
               for c, r in zip(doc.claims, res.claims))


CHECKS = {"fails_with_window": _fails_with_window, "holds_without_window": _holds_without_window,
          "needs_window_span": _needs_window_span, "needs_span_word": _needs_span_word,
          "hedge_decides": _hedge_decides, "global_rate_fails": _global_rate_fails,
          "decoy_flips": _decoy_flips, "any_decoy_global": _any_decoy_global}

TAGS = {"near": "near miss", "gross": "gross miss", "offbyone": "off-by-one span",
        "scale": "scale slip", "copied": "rate copied from another report",
        "truncated": "rate truncated", "sign": "minus sign dropped",
        "wrongbase": "rate computed from the wrong base year",
        "hedge": "outside the hedge band", "nowiden": "hedge does not widen the rounding interval"}


def _n(x: D, places: int | None = None) -> str:
    if places is not None:
        return f"{x:.{places}f}"
    s = format(x.normalize(), "f")
    return s


def _trim(x: D, places: int) -> str:
    s = f"{x:.{places}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def claim_note(doc: Doc, cl: Claim, r: ClaimResult) -> str:
    c = r.best
    # numbers are shown in the unit of the start value; places follow the end value's precision
    unit = c.s_iv.mult
    d_eff = r.e_iv.d - round(math.log10(float(r.e_iv.mult / unit)))
    dp = min(max(d_eff + 2, 1), 6)
    s_num = _trim(c.s_iv.x / unit, 6)
    g = 1 + r.r_mid / 100
    core = f"{s_num} x {_n(g)}^{c.n} = {_n(c.p_mid / unit, dp)}"
    lo, hi = _trim(r.e_iv.lo / unit, 8), _trim(r.e_iv.hi / unit, 8)
    if r.holds:
        if r.e_iv.lo <= c.p_mid <= r.e_iv.hi:
            s = f"{core} within [{lo},{hi}]"
        else:
            s = (f"{core}, range [{_n(c.p_lo / unit, dp + 1)},{_n(c.p_hi / unit, dp + 1)}]"
                 f" meets [{lo},{hi}]")
        extras = []
        for chk, txt in (("needs_window_span", f"only via window span n={c.n}"),
                         ("needs_span_word", f"only via 'next {cl.span_word} years'"),
                         ("fails_with_window", f"no window: only the {c.start.year} value links")):
            if chk in cl.meta.get("checks", []):
                extras.append(txt)
        if cl.meta.get("hedged"):
            extras.append(f"hedge '{cl.meta['hedged']}' band")
        if "global_rate" in cl.meta and _global_rate_fails(doc, cl, r):
            extras.append(f"fails if paired with global {cl.meta['global_rate']}")
        if extras:
            s += " (" + "; ".join(extras) + ")"
        return s
    e_num = _trim(r.e_iv.x / unit, 8)
    miss_pct = (r.e_iv.x - c.p_mid) / c.p_mid * 100
    implied = (float(r.e_iv.x / c.s_iv.x) ** (1.0 / c.n) - 1) * 100
    s = f"{core} vs {e_num}"
    if cl.meta.get("hedged"):
        s += f" [{lo},{hi}]" if cl.vals[-1].hedge else f" (start {_trim(c.s_iv.lo / unit, 8)}-{_trim(c.s_iv.hi / unit, 8)})"
    s += f" ({miss_pct:+.1f}%); implied {implied:.1f}%"
    tag = TAGS.get(cl.kind, cl.kind)
    if cl.kind == "offbyone":
        tag += f" (fits n={cl.meta['n_alt']})"
    if cl.kind == "scale":
        tag += f" ({cl.meta['E_bad']} should be {cl.meta['E_fixed']})"
    if cl.kind == "hedge" or (cl.meta.get("hedged") and _hedge_decides(doc, cl, r)):
        tag += f", '{cl.meta['hedged']}' band decides"
    return f"{tag}: {s}"


def doc_note(doc: Doc, res: DocResult) -> str:
    parts = [claim_note(doc, c, r) for c, r in zip(doc.claims, res.claims)]
    if len(parts) == 1:
        note = parts[0]
    else:
        note = "; ".join(f"{c.name} {'ok' if r.holds else 'FAIL'}: {p}"
                         for c, r, p in zip(doc.claims, res.claims, parts))
    if doc.tag:
        note = f"{doc.tag}; {note}"
    return note


# =============================================================================
# Rendering helpers
# =============================================================================

@dataclass(frozen=True)
class Style:
    cur: str
    words: tuple
    thousands: bool = True


ST = {
    "usd": Style("USD ", ((6, " million"), (9, " billion"), (12, " trillion"))),
    "usd_glued": Style("USD", ((6, " million"), (9, " billion"))),
    "dollar": Style("$", ((6, " million"), (9, " billion"), (12, " trillion"))),
    "dollar_abbr": Style("$", ((6, "M"), (9, "B"))),
    "usdollar": Style("US$ ", ((6, " million"), (9, " billion"))),
    "usdollar_mn": Style("US$ ", ((6, " Mn"), (9, " Bn"))),
    "usd_bn": Style("USD ", ((6, " Mn"), (9, " Bn"))),
    "usd_mn_only": Style("US$ ", ((6, " Mn"),)),
    "usd_million_only": Style("USD ", ((6, " million"),)),
    "eur_abbr": Style("€", ((6, "m"), (9, "bn"))),
    "eur": Style("EUR ", ((6, " million"), (9, " billion"))),
    "eur_sym": Style("€", ((6, " million"), (9, " billion"))),
    "gbp": Style("£", ((6, " million"), (9, " billion"))),
    "gbp_abbr": Style("£", ((6, "m"), (9, "bn"))),
    "jpy": Style("¥", ((9, " billion"), (12, " trillion"))),
    "jpy_word": Style("JPY ", ((9, " billion"), (12, " trillion"))),
    "inr_crore": Style("INR ", ((7, " crore"),)),
    "rupee_crore": Style("₹", ((7, " crore"),)),
    "rupee_lakh_crore": Style("₹", ((7, " crore"), (12, " lakh crore"))),
    "rmb": Style("RMB ", ((9, " billion"),)),
}
COMMON = ["usd", "usd", "usd", "usd", "dollar", "usdollar", "usd_bn", "usdollar_mn", "usd", "dollar"]
SCALE_OK = ["usd", "dollar", "usdollar", "usd_bn", "usdollar_mn", "dollar_abbr", "eur", "gbp", "eur_abbr"]


def logu(rng: random.Random, lo: float, hi: float) -> D:
    return D(repr(math.exp(rng.uniform(math.log(lo), math.log(hi)))))


def du(rng: random.Random, lo: float, hi: float) -> D:
    return D(repr(rng.uniform(lo, hi)))


def fmt_num(x: D, d: int, thousands: bool) -> str:
    q = x.quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)
    return f"{q:,.{d}f}" if thousands else f"{q:.{d}f}"


def default_d(rng: random.Random, num: D) -> int:
    if num < 10:
        return rng.choice([1, 2, 2, 2])
    if num < 100:
        return rng.choice([1, 1, 2])
    if num < 1000:
        return rng.choice([0, 1, 1])
    return rng.choice([0, 0, 1])


def money(rng, x, style: Style, d=None, unit=None):
    x = D(x)
    words = dict(style.words)
    exps = sorted(words)
    auto = unit is None
    if auto:
        unit = max([e for e in exps if x >= D(10) ** e * D("0.95")] or [exps[0]])
    num = x / D(10) ** unit
    if d is None:
        d = default_d(rng, num)
    s = fmt_num(num, d, style.thousands)
    if auto and D(s.replace(",", "")) >= 1000 and unit != exps[-1] and words[unit].strip() not in ("Mn", "crore"):
        unit = exps[exps.index(unit) + 1]
        num = x / D(10) ** unit
        s = fmt_num(num, default_d(rng, num) if d is None else min(d + 1, 2), style.thousands)
    if D(s.replace(",", "")) <= 0:
        raise Reject("value rounds to zero")
    tok = style.cur + s + words[unit]
    return tok, D(s.replace(",", "")) * D(10) ** unit, unit


def swap_scale(tok: str, style: Style, unit: int) -> str:
    words = dict(style.words)
    other = {6: 9, 9: 6}[unit]
    assert tok.endswith(words[unit]) and other in words
    return tok[: -len(words[unit])] + words[other]


def pct(r: str, sign: str = "") -> str:
    return f"{sign}{r}%"


def titlecase(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


WIN_FORMS = ["from {0} to {1}", "between {0} and {1}", "during {0}-{1}", "during {0}–{1}",
             "over {0}–{1}", "for the {0}–{1} period", "({0}-{1})", "from {0} through {1}",
             "over the {0} to {1} period", "during the forecast period ({0}-{1})",
             "from {0} To {1}", "in {0}–{1}"]


def win(rng, w0, w1) -> str:
    f = rng.choice(WIN_FORMS)
    return f.format(w0, w1)


# approximate global market size (USD billion, mid-2020s) -- used only to keep magnitudes realistic
MARKETS = {
    "medtech": ({"continuous glucose monitoring": 12, "surgical robotics": 8, "orthopedic implants": 50,
                 "hearing aids": 11, "wearable cardiac monitor": 3, "dental imaging": 3, "insulin pump": 6,
                 "endoscopy devices": 38},
                ["hospitals", "ambulatory surgical centers", "home care", "disposables", "instruments"]),
    "ev": ({"EV battery": 90, "solid-state battery": 1.2, "EV charging infrastructure": 30, "battery recycling": 12,
            "automotive LiDAR": 1.5, "electric bus": 35, "battery management system": 9},
           ["lithium iron phosphate (LFP)", "NMC", "passenger vehicle", "commercial vehicle", "DC fast charging"]),
    "cyber": ({"cloud security": 40, "zero trust security": 35, "managed detection and response": 4.5,
               "identity and access management": 20, "email security": 5, "API security": 1.0},
              ["solutions", "services", "large enterprise", "SME", "BFSI"]),
    "pet": ({"pet food": 120, "premium cat food": 10, "pet insurance": 15, "veterinary diagnostics": 3.5,
             "pet supplements": 2.3},
            ["dry food", "wet food", "online", "specialty store", "dog"]),
    "chem": ({"specialty chemicals": 700, "bio-based succinic acid": 0.2, "epoxy resins": 12, "fluoropolymers": 9,
              "water treatment chemicals": 38, "lithium hydroxide": 8, "construction chemicals": 55},
             ["industrial", "automotive", "coatings", "electronics", "agrochemicals"]),
    "food": ({"plant-based meat": 7, "probiotics": 80, "functional beverages": 140, "infant formula": 60,
              "kombucha": 3, "coffee pods": 30, "sports nutrition": 45},
             ["retail", "foodservice", "online", "powder", "ready-to-drink"]),
    "agri": ({"smart irrigation": 1.9, "precision agriculture": 11, "biostimulants": 3.8, "vertical farming": 7,
              "organic fertilizers": 10, "agricultural drones": 5},
             ["hardware", "software", "services", "row crops", "fruits and vegetables"]),
    "industrial": ({"industrial robotics": 45, "collaborative robots": 2.2, "predictive maintenance": 10,
                    "machine vision": 14, "industrial 3D printing": 9, "warehouse automation": 25},
                   ["hardware", "software", "services", "automotive", "electronics"]),
    "energy": ({"green hydrogen": 7, "offshore wind": 40, "residential solar": 25, "heat pump": 80,
                "smart meter": 24, "grid-scale battery storage": 15},
               ["residential", "commercial", "utility-scale", "installation services", "equipment"]),
    "fintech": ({"digital payments": 120, "buy now pay later": 35, "insurtech": 15, "regtech": 14,
                 "robo-advisory": 9},
                ["solutions", "services", "banking", "retail", "cloud-based"]),
    "consumer": ({"luxury watch": 50, "athleisure": 380, "clean beauty": 10, "men's grooming": 85, "e-bike": 45,
                  "premium mattress": 15},
                 ["online", "offline", "premium", "mass", "women's"]),
    "software": ({"HR software": 18, "CRM software": 70, "low-code development platform": 28, "digital twin": 17,
                  "edge computing": 20, "AI chip": 60, "data center cooling": 16, "observability platform": 3},
                 ["cloud", "on-premise", "large enterprise", "SME", "services"]),
    "health": ({"telehealth": 110, "clinical trial management system": 1.8, "oncology biosimilars": 10,
                "mRNA therapeutics": 13, "cell and gene therapy": 20, "remote patient monitoring": 28},
               ["hospitals", "specialty clinics", "oncology", "home care", "services"]),
    "logistics": ({"cold chain logistics": 300, "last-mile delivery": 160, "drone delivery": 1.2,
                   "freight brokerage": 50},
                  ["road", "air", "pharmaceuticals", "food and beverages", "B2C"]),
}
DECLINING = {"newsprint": 12, "pay-TV subscription": 180, "fixed-line voice services": 300, "optical disc": 3,
             "coal-fired boiler": 25, "incandescent lamp": 3, "DVD and Blu-ray": 8, "printed directories": 2,
             "film camera": 0.5, "landline handset": 1.5, "diesel passenger car": 200, "fax machine": 0.6,
             "paper greeting card": 18}
BIG_MARKETS = {"pharmaceuticals": 1600, "e-commerce": 6000, "packaged food": 2800, "automotive": 3000,
               "apparel": 1700, "construction": 13000}
TRILLION_SOON = ["cloud computing", "artificial intelligence", "semiconductor", "electric vehicle",
                 "renewable energy", "online gaming"]
INDIA_MID = ["medical devices", "cold chain logistics", "agrochemicals", "electric two-wheeler",
             "renewable energy equipment"]
REGIONS = ["North America", "Europe", "Asia Pacific", "Latin America", "Middle East & Africa",
           "China", "the U.S.", "Germany", "India", "Japan"]
# share of the global market and how the regional CAGR usually compares with the global one
REGION_SHARE = {"North America": (0.30, 0.40, -1), "Europe": (0.22, 0.30, -1), "Asia Pacific": (0.22, 0.34, 1),
                "Latin America": (0.05, 0.09, 1), "Middle East & Africa": (0.03, 0.07, 1)}
# local-currency factor = share of the global market x USD exchange rate
LOCAL = {"Europe": (0.28, 0.92), "UK": (0.05, 0.79), "Japan": (0.06, 150), "India": (0.03, 83),
         "China": (0.20, 7.2), "Australia": (0.018, 1.0), "Canada": (0.025, 1.0)}


def pick_market(rng):
    cat = rng.choice(sorted(MARKETS))
    names, segs = MARKETS[cat]
    name = rng.choice(sorted(names))
    return name, segs


def all_sizes():
    out = {}
    for cat, (names, segs) in MARKETS.items():
        for n, sz in names.items():
            out[n] = (sz * 1e9, segs)
    return out


SIZES = all_sizes()


def pick_sized(rng, lo=None, hi=None, factor=1.0, pool=None):
    """A market name and a start value drawn around its (scaled) real-world size, within [lo, hi]."""
    pool = pool or SIZES
    names = sorted(pool)
    ok = []
    for n in names:
        sz = (pool[n][0] if isinstance(pool[n], tuple) else pool[n] * 1e9) * factor
        a, b = max(sz * 0.6, lo or 0), min(sz * 1.6, hi or 1e30)
        if a < b:
            ok.append((n, a, b))
    if not ok:
        raise Reject("no market of that size")
    n, a, b = rng.choice(ok)
    segs = pool[n][1] if isinstance(pool[n], tuple) else ["online", "offline", "services"]
    return n, segs, logu(rng, a, b)


@dataclass
class Tri:
    S: str
    E: str
    r: str            # printed rate number (unsigned)
    S_p: D
    E_p: D
    meta: dict


def gen_triple(rng, kind, n, style, *, cands=None, S_range=(0.4e9, 150e9), r_range=(4.0, 24.0),
               d_r=None, neg=False, styleE=None, dS=None, dE=None, unitS=None, unitE=None,
               r_print=None, S_abs=None) -> Tri:
    cands = set(cands or {n})
    styleE = styleE or style
    if S_abs is None:
        S_abs = logu(rng, *S_range)
    if d_r is None:
        d_r = rng.choices([0, 1, 2], [1, 8, 2])[0]
    r_str = f"{rng.uniform(*r_range):.{d_r}f}"
    if D(r_str) <= 0:
        raise Reject("zero rate")
    S_tok, S_p, _ = money(rng, S_abs, style, d=dS, unit=unitS)
    sgn = -1 if neg else 1
    r_true = D(r_str)
    meta: dict = {"neg": neg and kind != "sign"}
    shown = r_str
    E = S_p * (1 + sgn * r_true / 100) ** n
    if kind == "near":
        E *= 1 + rng.choice([-1, 1]) * du(rng, 0.006, 0.019)
    elif kind == "gross":
        E *= (1 + du(rng, 0.07, 0.85)) if rng.random() < 0.6 else (1 - du(rng, 0.07, 0.45))
    elif kind == "offbyone":
        opts = [x for x in (min(cands) - 1, max(cands) + 1) if x > 0]
        n_alt = rng.choice(opts)
        meta["n_alt"] = n_alt
        E = S_p * (1 + sgn * r_true / 100) ** n_alt
    elif kind == "copied":
        if r_print is None:
            other = r_true + rng.choice([-1, 1]) * du(rng, 2.5, 8.0)
            if other < 1 or (neg and other > 12):
                other = r_true + du(rng, 2.5, 4.0)
            r_print = f"{other:.{max(d_r, 1)}f}"
        shown = r_print
        meta["r_true"] = pct(("-" if neg else "") + r_str)
    elif kind == "truncated":
        hidden = r_true + du(rng, 0.3, 0.9)
        E = S_p * (1 + sgn * hidden / 100) ** n
        meta["r_true"] = pct(("-" if neg else "") + f"{hidden:.2f}")
    if kind != "copied" and r_print is not None:
        shown = r_print
    E_tok, E_p, uE = money(rng, E, styleE, d=dE, unit=unitE)
    if kind == "scale":
        meta["E_fixed"] = E_tok
        E_tok = swap_scale(E_tok, styleE, uE)
        meta["E_bad"] = E_tok
    return Tri(S_tok, E_tok, shown, S_p, E_p, meta)


def claim(name, vals, rate, kind="ok", **kw) -> Claim:
    meta = kw.pop("meta", {}) or {}
    return Claim(name, vals, rate, kind, meta=dict(meta), **kw)


def schedule(count: int, defects: list[str], start_ok: bool = True) -> list[str]:
    out = []
    for i in range(count):
        if (i % 2 == 0) == start_ok:
            out.append("ok")
        else:
            out.append(defects[(i // 2) % len(defects)])
    return out


def years(rng, bases=(2023, 2024, 2024, 2025), spans=(5, 6, 7, 8, 8, 9, 10)):
    a = rng.choice(bases)
    n = rng.choice(spans)
    return a, n, a + n


# =============================================================================
# Families
# =============================================================================

PROSE_START = [
    ("The global {m} market size was valued at {S} in {a} and is expected to reach {E} by {b}, growing at a CAGR of {R} {W}.", True),
    ("The {m} market was estimated at {S} in {a} and is projected to grow at a compound annual growth rate (CAGR) of {R} {W} to reach {E} by {b}.", True),
    ("In {a}, the global {m} market was worth {S}; it is forecast to reach {E} in {b}, registering a CAGR of {R} {W}.", True),
    ("According to our analysis, the {m} market stood at {S} in {a} and will touch {E} by {b}, advancing at a CAGR of {R}.", False),
    ("The {m} market, valued at {S} in {a}, is anticipated to reach {E} by the end of {b}, exhibiting a CAGR of {R} {W}.", True),
    ("{Mt} Market size is expected to grow from {S} in {a} to {E} by {b}, at a CAGR of {R} during the forecast period ({a}-{b}).", True),
    ("Global {m} revenue reached {S} in {a} and is set to climb to {E} in {b}, representing a CAGR of {R} over {a}–{b}.", True),
    ("The {m} market size is {S} in {a} and is likely to reach {E} in {b}, growing at a CAGR of {R}.", False),
]

END_FIRST = [
    ("The global {m} market is projected to reach {E} by {b} from {S} in {a}, at a CAGR of {R} {W}.", True),
    ("The {m} market is expected to be worth {E} by {b}, up from {S} in {a}, expanding at a CAGR of {R} over the forecast period.", False),
    ("Worth {E} by {b}, the {m} market is set to grow at a CAGR of {R} from its {a} valuation of {S}.", False),
    ("The {m} market will reach {E} in {b}, compared with {S} in {a}, reflecting a CAGR of {R} ({a}–{b}).", True),
    ("By {b}, the {m} market is forecast to generate {E} in revenue, up from {S} in {a} — a CAGR of {R} {W}.", True),
    ("{E} by {b}: that is where the {m} market is headed from {S} in {a}, a CAGR of {R} {W}.", True),
]
RATE_FIRST = [
    ("Growing at a CAGR of {R} between {a} and {b}, the {m} market will expand from {S} in {a} to {E} in {b}.", True),
    ("At a CAGR of {R} {W}, the global {m} market is forecast to rise from {S} in {a} to {E} by {b}.", True),
    ("Registering a CAGR of {R} during {a}–{b}, {m} revenues are anticipated to climb from {S} ({a}) to {E} ({b}).", True),
    ("A {R} CAGR is expected to lift the {m} market from {S} in {a} to {E} by {b}.", False),
    ("With a projected CAGR of {R} from {a} to {b}, the {m} market should grow from {S} in {a} to {E} in {b}.", True),
    ("CAGR of {R} ({a}-{b}): the {m} market is forecast to grow from {S} in {a} to {E} by {b}.", True),
]


def _fill(t, **kw):
    return t.format(**kw)


def fam_simple(templates, heading_prob=0.2):
    def gen(rng, k, kind):
        m, _, S0 = pick_sized(rng)
        a, n, b = years(rng)
        style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
        t = gen_triple(rng, kind, n, style, S_abs=S0)
        tmpl, has_w = templates[k % len(templates)] if rng.random() < 0.7 else rng.choice(templates)
        text = _fill(tmpl, m=m, Mt=titlecase(m), S=t.S, E=t.E, R=pct(t.r), a=a, b=b, W=win(rng, a, b))
        text = cap(text)
        lines, fmt = [text], "txt"
        r = rng.random()
        if r < heading_prob:
            lines, fmt = [f"## {titlecase(m)} Market Overview", "", text], "md"
        elif r < heading_prob + 0.15:
            lines = [f"{titlecase(m)} Market: Summary", text]
        c = claim("market", [Val(t.S, a), Val(t.E, b)], pct(t.r), kind,
                  window=(a, b) if has_w else None, meta=t.meta)
        return Doc(fmt, lines, [c])
    return gen


def fam_endfirst(rng, k, kind):
    m, _, S0 = pick_sized(rng)
    a, n, b = years(rng)
    style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
    t = gen_triple(rng, kind, n, style, S_abs=S0)
    if k % 4 == 3:
        # press-release headline + dateline
        head = f"{titlecase(m)} Market to Hit {t.E} by {b}, Rising from {t.S} in {a} at {pct(t.r)} CAGR"
        city = rng.choice(["NEW YORK", "PUNE, India", "LONDON", "DUBLIN", "AUSTIN, Texas", "SELBYVILLE, Del."])
        month = rng.choice(["Jan.", "March", "April", "June", "Sept.", "Nov."])
        body = (f"{city}, {month} {rng.randint(2, 28)}, {a + 1} /PRNewswire/ -- Rising adoption across end-use "
                f"industries continues to support demand, according to the latest study.")
        c = claim("market", [Val(t.S, a), Val(t.E, b)], pct(t.r), kind, meta=t.meta)
        return Doc("txt", [head, body], [c])
    tmpl, has_w = END_FIRST[k % len(END_FIRST)]
    text = cap(_fill(tmpl, m=m, S=t.S, E=t.E, R=pct(t.r), a=a, b=b, W=win(rng, a, b)))
    c = claim("market", [Val(t.S, a), Val(t.E, b)], pct(t.r), kind, window=(a, b) if has_w else None, meta=t.meta)
    return Doc("txt", [text], [c])


TWO_SENT = [
    ("The global {m} market was valued at {S} in {a}.", "It is expected to reach {E} by {b}, growing at a CAGR of {R} {W}."),
    ("In {a}, {m} sales generated {S} worldwide.", "The market is forecast to reach {E} by {b}, expanding at a CAGR of {R} {W}."),
    ("The {m} market size was {S} in {a}.", "By {b}, we expect revenue of {E}, implying a CAGR of {R} {W}."),
    ("Our estimates put the {m} market at {S} for {a}.", "Revenue should rise to {E} in {b}, a CAGR of {R} over the period."),
    ("{Mc} spending totalled {S} in {a}.", "Driven by replacement demand, it is projected to hit {E} by {b} at a {R} CAGR {W}."),
    ("The {m} industry generated revenue of {S} in {a}.", "The market is poised to reach {E} in {b}, registering a CAGR of {R} {W}."),
    ("{Mc} revenues stood at {S} in {a}, according to our base-year estimate.", "We forecast {E} by {b}, equal to a CAGR of {R} {W}."),
]


def fam_twosent(rng, k, kind):
    m, _, S0 = pick_sized(rng)
    a, n, b = years(rng)
    style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
    t = gen_triple(rng, kind, n, style, S_abs=S0)
    s1, s2 = TWO_SENT[k % len(TWO_SENT)]
    has_w = "{W}" in s2
    kw = dict(m=m, Mc=cap(m), S=t.S, E=t.E, R=pct(t.r), a=a, b=b, W=win(rng, a, b))
    l1, l2 = cap(_fill(s1, **kw)), _fill(s2, **kw)
    lines = [l1 + " " + l2] if k % 3 == 0 else [l1, l2]
    if k % 5 == 4:
        lines.append("Rising demand from emerging economies and favourable regulation support this outlook.")
    c = claim("market", [Val(t.S, a), Val(t.E, b)], pct(t.r), kind, window=(a, b) if has_w else None, meta=t.meta)
    return Doc("txt", lines, [c])


def fam_mdbullet(rng, k, kind):
    m, _, S0 = pick_sized(rng)
    a, n, b = years(rng)
    style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
    lag = k % 4 == 3
    w0 = a + 1 if lag else a
    t = gen_triple(rng, kind, n - (1 if lag and rng.random() < 0.6 and kind == "ok" else 0), style,
                   cands={n, b - w0}, S_abs=S0)
    R = pct(t.r)
    v = k % 4
    fp = None
    window, ref = (a, b), False
    if v == 0:
        lines = [f"## {titlecase(m)} market at a glance", "",
                 f"- Market size ({a}): {t.S}", f"- Forecast ({b}): {t.E}", f"- CAGR {a}–{b}: {R}"]
    elif v == 1:
        lines = ["**Key market statistics**", "",
                 f"- **{a} market size:** {t.S}", f"- **{b} projected market size:** {t.E}",
                 f"- **CAGR ({a}-{b}):** {R}",
                 f"- **Largest region ({a}):** {rng.choice(REGIONS[:3])}"]
    elif v == 2:
        lines = [f"### {titlecase(m)} Market", f"- CAGR ({a} to {b}): {R}",
                 f"- Base year ({a}) value: {t.S}", f"- {b} value: {t.E}",
                 f"- Fastest-growing region: {rng.choice(REGIONS[1:4])}"]
    else:
        fp = (w0, b)
        window, ref = None, True
        lines = [f"# {titlecase(m)} Market Report", "", f"- Base year: {a}", f"- Forecast period: {w0}–{b}",
                 f"- Market size in {a}: {t.S}", f"- Market size in {b}: {t.E}", f"- CAGR (forecast period): {R}"]
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=window, ref_fp=ref, meta=t.meta)
    return Doc("md", lines, [c], fp=fp)


def fam_txtbullet(rng, k, kind):
    m, _, S0 = pick_sized(rng)
    a, n, b = years(rng)
    style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
    t = gen_triple(rng, kind, n, style, S_abs=S0)
    R = pct(t.r)
    v = k % 3
    fp, window, ref = None, (a, b), False
    if v == 0:
        lines = ["Market snapshot", f"• {a} market size: {t.S}", f"• {b} projected size: {t.E}",
                 f"• CAGR ({a}–{b}): {R}"]
    elif v == 1:
        lines = [f"{titlecase(m)} Market – Key Highlights", f"• Market value {a}: {t.S}",
                 f"• Market value {b}: {t.E}", f"• Growth: {R} CAGR, {a}-{b}",
                 f"• Leading segment: {rng.choice(['hardware', 'services', 'online', 'hospitals'])}"]
    else:
        fp, window, ref = (a, b), None, True
        lines = [f"• Forecast Period: {a} To {b}", f"• Market Size in {a}: {t.S}",
                 f"• {b} Value Projection: {t.E}", f"• CAGR over the forecast period: {R}"]
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=window, ref_fp=ref, meta=t.meta)
    return Doc("txt", lines, [c], fp=fp)


def fam_mdtable(rng, k, kind):
    m, _, S0 = pick_sized(rng)
    a, n, b = years(rng, bases=(2023, 2024, 2024))
    style = ST[rng.choice(SCALE_OK if kind == "scale" else ["usd", "usd", "usd", "usd_bn", "dollar"])]
    v = k % 4
    lag = v == 3
    w0 = a + 1 if lag else a
    n_true = (b - w0) if (lag and k % 8 == 3 and kind == "ok") else n
    t = gen_triple(rng, kind, n_true, style, cands={n, b - w0}, S_abs=S0)
    R = pct(t.r)
    unitword = "USD million" if "million" in t.E or "Mn" in t.E else "USD billion"
    h0, h1 = a - 6, a - 1
    if v in (0, 3):
        lines = ["| Report Attribute | Details |", "|---|---|",
                 f"| Market size value in {a} | {t.S} |", f"| Revenue forecast in {b} | {t.E} |",
                 f"| Growth rate | CAGR of {R} from {w0} to {b} |", f"| Base year for estimation | {a} |",
                 f"| Historical data | {h0} - {h1} |", f"| Forecast period | {w0} - {b} |",
                 f"| Quantitative units | Revenue in {unitword} and CAGR from {w0} to {b} |"]
        c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=(w0, b), meta=t.meta)
        fp = (w0, b)
    elif v == 1:
        lines = ["| Report Attribute | Details |", "| --- | --- |",
                 f"| Market size value in {a} | {t.S} |", f"| Revenue forecast in {b} | {t.E} |",
                 f"| Growth rate | CAGR of {R} |", f"| Base year | {a} |", f"| Forecast period | {a} - {b} |",
                 "| Report coverage | Revenue forecast, company ranking, competitive landscape, growth factors |"]
        c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, meta=t.meta)
        fp = (a, b)
    else:
        lines = [f"**{titlecase(m)} market – report scope**", "", "| Parameter | Value |", "|:--|--:|",
                 f"| Market size ({a}) | {t.S} |", f"| Market size ({b}) | {t.E} |",
                 f"| CAGR ({a}–{b}) | {R} |", f"| Largest region | {rng.choice(REGIONS[:3])} |"]
        c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=(a, b), meta=t.meta)
        fp = None
    return Doc("md", lines, [c], fp=fp)


def fam_pipe(rng, k, kind):
    m, _, S0 = pick_sized(rng)
    v = k % 3
    if v == 0:
        base = rng.choice([2023, 2024])
        a = base + 1
        n = rng.choice([6, 7, 8])
        b = a + n
        style = ST[rng.choice(SCALE_OK if kind == "scale" else ["usd", "usd", "usdollar", "usd_bn"])]
        t = gen_triple(rng, kind, n, style, d_r=rng.choice([1, 2, 2]), S_abs=S0)
        R = pct(t.r)
        lines = [f"Base Year | {base} | Market Size in {a}: | {t.S} |",
                 f"Historical Data For: | {base - 4} To {base - 1} | Forecast Period: | {a} To {b} |",
                 f"Forecast Period {a} To {b} CAGR: | {R} | {b} Value Projection: | {t.E} |",
                 "Growth Drivers: | • Rising adoption across end-use industries | Pitfalls & Challenges: | • High upfront costs |"]
        if rng.random() < 0.5:
            lines.append("Segments Covered: | By Type, By Application, By End User, By Region |")
        c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=(a, b), meta=t.meta)
        return Doc("txt", lines, [c], fp=(a, b))
    if v == 1:
        a, n, b = years(rng, bases=(2023, 2024))
        style = ST[rng.choice(SCALE_OK if kind == "scale" else ["usd", "usdollar_mn", "usd_mn_only", "usd"])]
        m, _, S0 = pick_sized(rng, 0.2e9, 12e9)
        t = gen_triple(rng, kind, n, style, S_abs=S0)
        R = pct(t.r)
        lines = ["Report Coverage | Details",
                 f"Market Size Value in {a} | {t.S} | Revenue Forecast in {b} | {t.E} |",
                 f"Growth Rate | CAGR of {R} | Forecast Period | {a} - {b} |",
                 f"Historical Data | {a - 5} - {a - 1} | Base Year | {a} |",
                 "Report Coverage | Revenue forecast, competitive landscape, growth factors and trends |"]
        c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, meta=t.meta)
        return Doc("txt", lines, [c], fp=(a, b))
    a, n, b = years(rng)
    style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
    t = gen_triple(rng, kind, n, style, S_abs=S0)
    R = pct(t.r)
    lines = [f"{titlecase(m)} Market", f"Market Size ({a}) | {t.S}", f"Market Size ({b}) | {t.E}",
             f"CAGR ({a}-{b}) | {R}", f"Largest Market | {rng.choice(REGIONS[:3])}",
             f"Fastest Growing Market | {rng.choice(REGIONS[2:5])}"]
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=(a, b), meta=t.meta)
    return Doc("txt", lines, [c])


def fixed_pipe(rng, k, kind):
    lines = ["Base Year | 2024 | Market Size in 2025: | USD 1.45 billion |",
             "Historical Data For: | 2020 To 2023 | Forecast Period: | 2025 To 2032 |",
             "Forecast Period 2025 To 2032 CAGR: | 13.50% | 2032 Value Projection: | USD 3.65 billion |"]
    c = claim("market", [Val("USD 1.45 billion", 2025), Val("USD 3.65 billion", 2032)], "13.50%", "truncated",
              window=(2025, 2032), meta={"r_true": "14.1%"})
    return Doc("txt", lines, [c], fp=(2025, 2032))


def fixed_prose(rng, k, kind):
    text = ("The global smart irrigation market is estimated at USD 1.45 billion in 2025 and is expected to reach "
            "USD 3.65 billion by 2032, growing at a CAGR of 13.5% from 2025 to 2032.")
    c = claim("market", [Val("USD 1.45 billion", 2025), Val("USD 3.65 billion", 2032)], "13.5%", "truncated",
              window=(2025, 2032), meta={"r_true": "14.1%"})
    return Doc("txt", [text], [c])


# ---- three values --------------------------------------------------------------

THREE_SCEN = ["A-ok", "B-wrongbase", "C-okX", "D-bad", "E-ok", "E-wrongbase", "F-ok", "C-okY",
              "A-near", "F-bad", "C-okX", "D-bad", "E-ok", "B-wrongbase", "C-okY", "D-bad"]


def fam_threeval(rng, k, scen):
    m, _, S0 = pick_sized(rng)
    a0 = rng.choice([2022, 2023])
    a1 = a0 + 1
    b = a1 + rng.choice([6, 7, 8, 9])
    style = ST[rng.choice(COMMON)]
    r = D(f"{rng.uniform(5, 22):.1f}")
    d_big = rng.random() < 0.3
    X_abs = S0
    # YoY growth between a0 and a1: far from r when only one link must work
    far = scen in ("B-wrongbase", "C-okX", "E-wrongbase", "F-bad", "D-bad")
    g = r + (rng.choice([-1, 1]) * du(rng, 3.5, 7.0) if far else du(rng, -1.5, 1.5))
    if g < 1:
        g = r + du(rng, 3.5, 7.0)
    X, X_p, _ = money(rng, X_abs, style)
    Y, Y_p, _ = money(rng, X_p * (1 + g / 100), style)
    kind, checks, window, ref, fp, w0 = "ok", [], None, False, None, a1
    if scen.startswith("A") or scen.startswith("B"):
        window = (a1, b)
    elif scen.startswith("E"):
        ref, fp = True, (a1, b)
    elif scen.startswith("F"):
        w0 = a1 + 1
        window = (w0, b)
    if scen in ("A-ok", "E-ok", "C-okY"):
        Z_abs = Y_p * (1 + r / 100) ** (b - a1)
    elif scen in ("B-wrongbase", "E-wrongbase", "F-bad"):
        Z_abs = X_p * (1 + r / 100) ** (b - a0)
        kind = "wrongbase"
    elif scen == "C-okX":
        Z_abs = X_p * (1 + r / 100) ** (b - a0)
        checks = ["fails_with_window"]
    elif scen == "F-ok":
        Z_abs = Y_p * (1 + r / 100) ** (b - w0)
    elif scen == "A-near":
        Z_abs = Y_p * (1 + r / 100) ** (b - a1) * (1 + rng.choice([-1, 1]) * du(rng, 0.007, 0.018))
        kind = "near"
    else:  # D-bad: neither earlier value links
        Z_abs = Y_p * (1 + r / 100) ** (b - a1) * (1 + rng.choice([-1, 1]) * du(rng, 0.08, 0.3))
        kind = "gross"
    Z, _, _ = money(rng, Z_abs, style, d=1 if d_big else None)
    R = pct(str(r))
    if scen.startswith("C") or scen.startswith("D"):
        WIN = "during the forecast period"
    elif scen.startswith("E"):
        WIN = rng.choice(["during the forecast period", "over the forecast period"])
    elif scen.startswith("F"):
        WIN = f"from {w0} to {b}"
    else:
        WIN = rng.choice([f"during {a1}–{b}", f"from {a1} to {b}", f"({a1}-{b})", f"between {a1} and {b}"])
    layout = k % 3
    if scen.startswith("F"):
        lines = [f"The {m} market was valued at {X} in {a0} and {Y} in {a1}, and is forecast to reach {Z} by {b}, "
                 f"growing at a CAGR of {R} {WIN}."]
    elif layout == 0:
        lines = [f"The global {m} market was valued at {X} in {a0} and is expected to grow from {Y} in {a1} to "
                 f"{Z} by {b}, exhibiting a CAGR of {R} {WIN}."]
    elif layout == 1:
        lines = [f"The {m} market size was estimated at {X} in {a0}.",
                 f"The market is projected to grow from {Y} in {a1} to {Z} by {b}, at a CAGR of {R} {WIN}."]
    else:
        lines = [f"{cap(m)} market size was {X} in {a0} and reached {Y} in {a1}; it is anticipated to "
                 f"touch {Z} by {b}, registering a CAGR of {R} {WIN}."]
    if fp:
        lines = [f"Forecast period: {fp[0]}–{fp[1]} | Base year: {a1} | Historical data: {a0 - 4}–{a0}"] + lines
    meta = {"checks": checks, "strict_window": (a1, b)}
    c = claim("market", [Val(X, a0), Val(Y, a1), Val(Z, b)], R, kind, window=window, ref_fp=ref, meta=meta)
    doc = Doc("txt", lines, [c], fp=fp)
    if kind == "wrongbase":
        c.meta["checks"] = ["holds_without_window"] if window or fp else []
    return doc


# ---- window starts a year after the base year ----------------------------------

LAG_SCEN = ["ok7", "offbyone", "ok8", "near", "ok7", "gross", "ok7", "offbyone", "ok8", "copied", "ok7",
            "near", "ok7", "offbyone"]


def fam_lagwin(rng, k, scen):
    m, _, S0 = pick_sized(rng)
    a = rng.choice([2023, 2024, 2024])
    b = a + rng.choice([7, 8, 8, 9, 10])
    w0 = a + 1
    style = ST[rng.choice(COMMON)]
    n = b - a if scen == "ok8" else b - w0
    kind = "ok" if scen.startswith("ok") else scen
    t = gen_triple(rng, kind, n, style, cands={b - a, b - w0}, d_r=rng.choice([1, 1, 2]), S_abs=S0)
    R = pct(t.r)
    checks = ["needs_window_span"] if scen == "ok7" else []
    layout = k % 4
    fp = None
    if layout == 0:
        lines = [f"The global {m} market size was valued at {t.S} in {a} and is projected to reach {t.E} by {b}, "
                 f"growing at a CAGR of {R} from {w0} to {b}."]
    elif layout == 1:
        lines = ["| Report Attribute | Details |", "|---|---|", f"| Market size value in {a} | {t.S} |",
                 f"| Revenue forecast in {b} | {t.E} |", f"| Growth rate | CAGR of {R} from {w0} to {b} |",
                 f"| Base year for estimation | {a} |", f"| Forecast period | {w0} - {b} |"]
        fp = (w0, b)
    elif layout == 2:
        lines = [f"Base Year | {a} | Market Size in {a}: | {t.S} |",
                 f"Historical Data For: | {a - 4} To {a - 1} | Forecast Period: | {w0} To {b} |",
                 f"Forecast Period {w0} To {b} CAGR: | {R} | {b} Value Projection: | {t.E} |"]
        fp = (w0, b)
    else:
        lines = [f"The {m} market was worth {t.S} in {a}.",
                 f"Over {w0}–{b} it is expected to expand at a CAGR of {R}, reaching {t.E} by {b}."]
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=(w0, b),
              meta={**t.meta, "checks": checks})
    return Doc("md" if layout == 1 else "txt", lines, [c], fp=fp)


# ---- hedges ----------------------------------------------------------------------

ROUND_X = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 250, 300, 500]
# (hedge words, position, ratio range true/X, intent kind)
HEDGE_SCEN = [
    (["nearly"], "E", (0.82, 0.90), "hedge", "fixed-trillion"),
    (["nearly", "almost", "close to", "just under"], "E", (0.958, 0.992), "ok", None),
    (["over", "more than", "exceeding", "surpass", "above", "surpassing"], "E", (1.012, 1.085), "ok", None),
    (["surpass", "over", "more than", "exceeding"], "E", (0.93, 0.985), "hedge", None),
    (["about", "approximately", "around", "roughly"], "E", (0.965, 1.035), "ok", None),
    (["nearly", "almost", "close to"], "E", (1.015, 1.06), "hedge", None),
    (["about", "approximately", "around", "roughly"], "E", (1.07, 1.18), "hedge", None),
    (["over", "more than"], "S", (1.01, 1.08), "ok", None),
    (["approximately", "about", "an estimated"], "E", "precise-bad", "nowiden", None),
    (["over", "more than", "above"], "S", (0.90, 0.975), "hedge", None),
    (["up to", "just under"], "E", (0.955, 0.99), "ok", None),
    (["approximately", "around"], "S", (0.97, 1.03), "ok", None),
    (["more than", "exceeding"], "E", (1.14, 1.35), "hedge", "trillion"),
    (["approximately", "about", "an estimated"], "E", "precise-ok", "ok", None),
    (["almost", "nearly"], "E", (0.86, 0.93), "hedge", None),
    (["about", "roughly"], "E", (0.80, 0.93), "hedge", None),
]
LEAD = {"surpass": "is expected to", "surpassing": "is expected to expand steadily,",
        "exceeding": "is projected to reach a value", "above": "is forecast to climb",
        "up to": "could be worth"}


def nearest_round(target: D, min_x: int) -> tuple[int, int]:
    """The round figure (ROUND_X x million/billion) closest to target on a log scale."""
    best = None
    for unit in (6, 9):
        for x in ROUND_X:
            if x < min_x or (unit == 6 and x < 10) or (unit == 9 and x >= 1000):
                continue
            d = abs(math.log(float(D(x) * D(10) ** unit / target)))
            if best is None or d < best[0]:
                best = (d, x, unit)
    return best[1], best[2]


def fam_hedge(rng, k, spec):
    words, pos, ratio, kind, special = spec
    m, _, S0 = pick_sized(rng)
    hedge = rng.choice(words)
    a, n, b = years(rng, bases=(2023, 2024, 2024, 2025), spans=(6, 7, 8, 9))
    d_r = 1
    r = D(f"{rng.uniform(4, 22):.{d_r}f}")
    g = 1 + r / 100
    if special == "fixed-trillion":
        a, b, n = 2024, 2032, 8
        if k == 0:
            m = "cloud computing"
            S_tok, E_tok, R = "USD 512.3 billion", "USD 1 trillion", "6.5%"
        else:
            m = rng.choice(TRILLION_SOON)
            X = D(1) * D(10) ** 12
            Et = X * du(rng, *ratio)
            r = D(f"{rng.uniform(5, 9):.1f}")
            S_tok, _, _ = money(rng, Et / (1 + r / 100) ** n, ST["usd"], d=1, unit=9)
            E_tok, R = "USD 1 trillion", pct(str(r))
    elif pos == "E" and isinstance(ratio, tuple):
        st = ST[rng.choice(["usd", "usd", "dollar"])]
        if special == "trillion":
            m = rng.choice(TRILLION_SOON)
            xnum, unit = rng.choice([1, 2]), 12
            r = D(f"{rng.uniform(6, 14):.{d_r}f}")
            g = 1 + r / 100
        else:
            xnum, unit = nearest_round(S0 * g ** n / D(str(sum(ratio) / 2)), 5)
        X = D(xnum) * D(10) ** unit
        Et = X * du(rng, *ratio)
        S_tok, _, _ = money(rng, Et / g ** n, st)
        E_tok = st.cur + str(xnum) + dict(st.words)[unit]
        R = pct(str(r))
    elif pos == "S":
        st = ST["usd"]
        xnum, unit = nearest_round(S0, 2)
        X = D(xnum) * D(10) ** unit
        St = X * du(rng, *ratio)
        E_tok, _, _ = money(rng, St * g ** n, st, d=1 if unit == 9 else 0)
        S_tok = st.cur + str(xnum) + dict(st.words)[unit]
        R = pct(str(r))
    else:  # precise hedged end value: hedge must not widen a 2-decimal figure
        st = ST[rng.choice(["usd", "usd", "dollar"])]
        r = D(f"{rng.uniform(5, 20):.1f}")
        S_tok, S_p, _ = money(rng, S0, st, d=2)
        f = D(1) if ratio == "precise-ok" else 1 + rng.choice([-1, 1]) * du(rng, 0.022, 0.042)
        E_tok, _, _ = money(rng, S_p * (1 + r / 100) ** n * f, st, d=2)
        R = pct(str(r))
    hedge_on_S = pos == "S"
    Sd = f"{hedge} {S_tok}" if hedge_on_S else S_tok
    Ed = E_tok if hedge_on_S else f"{hedge} {E_tok}"
    if hedge_on_S:
        line = rng.choice([
            f"Valued at {Sd} in {a}, the global {m} market is expected to reach {Ed} by {b}, growing at a CAGR of {R} from {a} to {b}.",
            f"The {m} market, estimated at {Sd} in {a}, is forecast to grow at a CAGR of {R} to {Ed} in {b}.",
            f"From {Sd} in {a}, {m} revenues are projected to rise to {Ed} by {b}, a CAGR of {R} ({a}–{b})."])
    else:
        lead = LEAD.get(hedge, "is projected to reach")
        line = rng.choice([
            f"The global {m} market, valued at {Sd} in {a}, {lead} {Ed} by {b}, growing at a CAGR of {R} during {a}-{b}.",
            f"The {m} market was worth {Sd} in {a} and {lead} {Ed} by {b}, registering a CAGR of {R} from {a} to {b}.",
            f"Growing at a CAGR of {R} between {a} and {b}, the {m} market {lead} {Ed} by {b}, up from {Sd} in {a}."])
    if special == "fixed-trillion" and k == 0:
        line = (f"The global {m} market, valued at USD 512.3 billion in 2024, is projected to reach nearly "
                f"USD 1 trillion by 2032, growing at a CAGR of 6.5%.")
        hedge = "nearly"
    wnd = None if (special == "fixed-trillion" and k == 0) else (a, b)
    vals = [Val(S_tok, a, hedge if hedge_on_S else None), Val(E_tok, b, None if hedge_on_S else hedge)]
    meta = {"hedged": hedge}
    c = claim("market", vals, R, kind, window=wnd, meta=meta)
    lines = [line]
    if rng.random() < 0.3:
        lines = [f"{titlecase(m)} Market Outlook", line]
    return Doc("txt", lines, [c])


# ---- currency / scale variety -----------------------------------------------------

CUR_SCEN = [
    ("mixed_usd", "ok"), ("dollar_abbr_mixed", "ok"), ("usd_glued", "near"), ("usdollar_mn", "ok"),
    ("usd_bn", "scale"), ("eur_abbr", "ok"), ("eur", "gross"), ("gbp", "ok"), ("jpy", "ok"),
    ("rupee_crore", "copied"), ("inr_crore", "ok"), ("lakh_crore_mixed", "ok"), ("usd_million_only", "ok"),
    ("mixed_usd", "scale"), ("trillion", "ok"), ("gbp_abbr", "near"), ("usd_mn_only", "gross"),
    ("rmb", "ok"), ("jpy_word", "offbyone"), ("dollar_abbr_mixed", "scale"), ("eur_sym", "ok"),
    ("trillion", "near"),
]
CUR_TEMPLATES = [
    "The global {m} market size was valued at {S} in {a} and is expected to reach {E} by {b}, growing at a CAGR of {R} from {a} to {b}.",
    "{Mc} market revenue is projected to grow from {S} in {a} to {E} by {b}, at a CAGR of {R} during {a}–{b}.",
    "The {m} market is forecast to reach {E} by {b} from {S} in {a}, registering a CAGR of {R} ({a}-{b}).",
]


def fam_currency(rng, k, spec):
    key, kind = spec
    a, n, b = years(rng)
    kw = {}
    prefix = ""
    loc = lambda r: LOCAL[r][0] * LOCAL[r][1]
    if key == "mixed_usd":
        st = ST["usd"]
        m, _, S0 = pick_sized(rng, 0.4e9, 0.93e9)
        kw = dict(unitS=6, unitE=9, dS=0, dE=1, r_range=(9, 20))
    elif key == "dollar_abbr_mixed":
        st = ST["dollar_abbr"]
        m, _, S0 = pick_sized(rng, 0.3e9, 0.9e9)
        kw = dict(unitS=6, unitE=9, dS=0, r_range=(10, 22))
    elif key == "usd_mn_only":
        st = ST["usd_mn_only"]
        m, _, S0 = pick_sized(rng, 1.2e9, 9.9e9)
        kw = dict(dS=1, dE=1)
    elif key == "usd_million_only":
        st = ST["usd_million_only"]
        m, _, S0 = pick_sized(rng, 1.0e9, 4e9)
        kw = dict(dS=0, dE=0)
    elif key == "usd_glued":
        st = ST["usd_glued"]
        country = rng.choice(["Australia", "Canada"])
        prefix = {"Australia": "Australian ", "Canada": "Canadian "}[country]
        m, _, S0 = pick_sized(rng, 15e6, 300e6, factor=loc(country))
        kw = dict(dS=1)
    elif key == "trillion":
        st = ST[rng.choice(["usd", "dollar"])]
        m, _, S0 = pick_sized(rng, 1.1e12, 9.9e12, pool=BIG_MARKETS)
        kw = dict(unitS=12, unitE=12, dS=2, dE=2, r_range=(3, 9))
    elif key in ("rupee_crore", "inr_crore"):
        st = ST[key]
        m, _, S0 = pick_sized(rng, 1e9, 600e9, factor=loc("India"))
        kw = dict(dS=0, dE=0)
        prefix = "Indian "
    elif key == "lakh_crore_mixed":
        st = ST["rupee_lakh_crore"]
        m, _, S0 = pick_sized(rng, 5e11, 9.5e11, pool={x: 700 for x in INDIA_MID})
        kw = dict(unitS=7, unitE=12, dS=0, dE=2, r_range=(9, 18))
        prefix = "Indian "
    elif key in ("jpy", "jpy_word"):
        st = ST[key]
        m, _, S0 = pick_sized(rng, 50e9, 999e9, factor=loc("Japan"))
        kw = dict(unitS=9, unitE=9, dS=1, dE=1, r_range=(3, 12))
        prefix = "Japanese "
    elif key == "rmb":
        st = ST["rmb"]
        m, _, S0 = pick_sized(rng, 10e9, 999e9, factor=loc("China"))
        kw = dict(dS=1, dE=1)
        prefix = "Chinese "
    elif key.startswith("eur") or key.startswith("gbp"):
        st = ST[key]
        region = "Europe" if key.startswith("eur") else "UK"
        prefix = "European " if region == "Europe" else "UK "
        m, _, S0 = pick_sized(rng, 0.1e9, None, factor=loc(region))
    else:
        st = ST[key]
        m, _, S0 = pick_sized(rng)
    kw["S_abs"] = S0
    t = gen_triple(rng, kind, n, st, **kw)
    if key in ("mixed_usd", "dollar_abbr_mixed") and t.E_p < D("1e9"):
        raise Reject("end value should be printed in billions")
    if key == "lakh_crore_mixed" and t.E_p < D("1e12"):
        raise Reject("end value should be printed in lakh crore")
    tmpl = CUR_TEMPLATES[k % len(CUR_TEMPLATES)]
    fy = key in ("rupee_crore", "inr_crore", "lakh_crore_mixed") and k % 2 == 0
    ya, yb = (f"FY{a}", f"FY{b}") if fy else (a, b)
    mm = (prefix + m) if prefix else m
    text = tmpl.format(m=mm, Mc=cap(mm), S=t.S, E=t.E, R=pct(t.r), a=ya, b=yb)
    text = text.replace("The global Indian", "The Indian").replace("The global Japanese", "The Japanese") \
        .replace("The global Chinese", "The Chinese").replace("The global European", "The European") \
        .replace("The global UK", "The UK")
    c = claim("market", [Val(t.S, a), Val(t.E, b)], pct(t.r), kind, window=(a, b), meta=t.meta)
    return Doc("txt", [cap(text)], [c])


# ---- year forms ------------------------------------------------------------------

YEAR_SCEN = [("words-same", "ok"), ("words-lag", "ok"), ("through-window", "ok"), ("through-window", "near"),
             ("through-only", "ok"), ("fy", "ok"), ("fy", "gross"), ("paren", "ok"), ("paren", "gross"),
             ("fp-ref", "ok"), ("fp-missing", "offbyone"), ("fp-ref-lag", "ok"), ("fp-ref-lag", "offbyone"),
             ("by", "ok"), ("by", "gross"), ("To", "copied"), ("between", "ok"), ("words-lag", "offbyone"),
             ("fp-missing", "ok")]


def fam_yearform(rng, k, spec):
    scen, kind = spec
    m, _, S0 = pick_sized(rng)
    a = rng.choice([2023, 2024, 2024])
    n = rng.choice([6, 7, 8, 9])
    b = a + n
    style = ST[rng.choice(COMMON)]
    window, ref, fp, span_word, checks = None, False, None, None, []
    n_true = n
    cands = {n}
    words = {v: w for w, v in NUM_WORDS.items()}
    if scen in ("words-lag", "fp-ref-lag"):
        cands = {n, n - 1}
        if kind == "ok":
            n_true = n - 1
            checks = ["needs_span_word" if scen == "words-lag" else "needs_window_span"]
    if scen == "fy":
        style = ST[rng.choice(["inr_crore", "rupee_crore"])]
        m, _, S0 = pick_sized(rng, 1e9, 150e9, factor=LOCAL["India"][0] * LOCAL["India"][1])
        t = gen_triple(rng, kind, n_true, style, cands=cands, S_abs=S0, dS=0, dE=0)
    else:
        t = gen_triple(rng, kind, n_true, style, cands=cands, d_r=rng.choice([1, 1, 2]), S_abs=S0)
    R = pct(t.r)
    if scen.startswith("words"):
        span_word = words[n if scen == "words-same" else n - 1]
        lines = [f"Valued at {t.S} in {a}, the {m} market is expected to grow at a CAGR of {R} over the next "
                 f"{span_word} years, reaching {t.E} by {b}."]
    elif scen == "through-window":
        window = (a, b)
        lines = [f"The {m} market, worth {t.S} in {a}, should reach {t.E} in {b}, advancing at a CAGR of {R} "
                 f"from {a} through {b}."]
    elif scen == "through-only":
        lines = [f"We estimate the {m} market at {t.S} in {a} and expect a CAGR of {R} through {b}, "
                 f"taking revenue to {t.E} by {b}."]
    elif scen == "fy":
        window = (a, b)
        lines = [f"The Indian {m} market was valued at {t.S} in FY{a} and is projected to reach {t.E} by FY{b}, "
                 f"growing at a CAGR of {R} during FY{a}–FY{b}."]
    elif scen == "paren":
        window = (a, b)
        lines = [f"{titlecase(m)} Market Size, Share & Trends Analysis Report ({a}-{b})",
                 f"The market generated {t.S} in {a} and is anticipated to reach {t.E} in {b}, witnessing a CAGR of {R} ({a}-{b})."]
    elif scen in ("fp-ref", "fp-ref-lag"):
        w0 = a if scen == "fp-ref" else a + 1
        fp, ref = (w0, b), True
        lines = [f"Base year: {a} | Forecast period: {w0}–{b}",
                 f"The {m} market was valued at {t.S} in {a} and is expected to reach {t.E} by {b}, expanding at a "
                 f"CAGR of {R} over the forecast period."]
    elif scen == "fp-missing":
        ref = True
        lines = [f"The {m} market was valued at {t.S} in {a} and is expected to reach {t.E} by {b}, registering "
                 f"a CAGR of {R} during the forecast period."]
    elif scen == "by":
        lines = [f"The {m} market is set to grow from {t.S} in {a} to {t.E} by {b}, a CAGR of {R}."]
    elif scen == "To":
        window = (a, b)
        lines = [f"Market Size in {a}: {t.S}", f"Market Size in {b}: {t.E}", f"CAGR ({a} To {b}): {R}"]
    else:
        window = (a, b)
        lines = [f"Between {a} and {b}, the {m} market is expected to post a CAGR of {R}, rising from {t.S} in {a} "
                 f"to {t.E} in {b}."]
    meta = {**t.meta, "checks": checks}
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=window, ref_fp=ref, span_word=span_word,
              meta=meta)
    return Doc("txt", lines, [c], fp=fp)


# ---- declining markets -----------------------------------------------------------

DECL_SCEN = [("decline", "ok"), ("contract", "near"), ("shrink", "ok"), ("table-minus", "ok"),
             ("table-sign-dropped", "sign"), ("declining", "gross"), ("bullet-minus", "ok"),
             ("negative", "ok"), ("decline", "offbyone"), ("contract", "ok"), ("shrink", "gross"),
             ("bullet-minus", "near"), ("decline", "sign"), ("table-minus", "copied")]


def fam_decline(rng, k, spec):
    form, kind = spec
    m, _, S0 = pick_sized(rng, pool=DECLINING)
    a, n, b = years(rng, spans=(5, 6, 7, 8, 9))
    style = ST[rng.choice(COMMON)]
    t = gen_triple(rng, kind, n, style, neg=True, r_range=(0.8, 9.0), d_r=1 if rng.random() < 0.8 else 2, S_abs=S0)
    r = t.r
    meta = t.meta
    fmt = "txt"
    window = (a, b)
    if form in ("table-minus", "table-sign-dropped"):
        R = pct(r, "" if kind == "sign" else "-")
        lines = ["| Metric | Value |", "|---|---|", f"| Market size ({a}) | {t.S} |", f"| Market size ({b}) | {t.E} |",
                 f"| CAGR ({a}–{b}) | {R} |"]
        fmt = "md"
    elif form == "bullet-minus":
        R = pct(r, "-")
        lines = [f"{titlecase(m)} market", f"• {a} market size: {t.S}", f"• {b} market size: {t.E}",
                 f"• CAGR {a}-{b}: {R}"]
    else:
        R = pct(r)
        if kind == "sign":
            lines = [f"The {m} market is expected to grow at a CAGR of {R} from {a} to {b}, moving from {t.S} in {a} to {t.E} by {b}."]
        elif form == "decline":
            lines = [f"The global {m} market is expected to decline at a CAGR of {R} from {a} to {b}, falling from {t.S} in {a} to {t.E} by {b}."]
        elif form == "contract":
            lines = [f"{cap(m)} revenues are projected to contract at a CAGR of {R} over {a}–{b}, from {t.S} in {a} to {t.E} in {b}."]
        elif form == "shrink":
            window = None
            lines = [f"Valued at {t.S} in {a}, the {m} market is forecast to shrink at a CAGR of {R} to {t.E} by {b}."]
        elif form == "declining":
            lines = [f"The {m} market was worth {t.S} in {a}.",
                     f"Demand is declining at a CAGR of {R} ({a}-{b}), and revenue is expected to reach just {t.E} in {b}."]
        else:  # negative
            lines = [f"The {m} market is projected to slip from {t.S} in {a} to {t.E} by {b}, registering a negative CAGR of {R} during {a}–{b}."]
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=window, meta=meta)
    return Doc(fmt, lines, [c])


# ---- percentages that are not the CAGR -------------------------------------------

def fam_pctnoise(rng, k, kind):
    m, segs, S0 = pick_sized(rng)
    a, n, b = years(rng, bases=(2023, 2024, 2024))
    style = ST[rng.choice(SCALE_OK if kind == "scale" else COMMON)]
    t = gen_triple(rng, kind, n, style, r_range=(5, 20), d_r=1, S_abs=S0)
    R = pct(t.r)
    share = f"{rng.uniform(28, 47):.1f}"
    seg = rng.choice(segs)
    reg = rng.choice(REGIONS[:3])
    pp = rng.choice([2, 3, 4, 5, 6])
    # a year-over-year growth figure chosen so that mistaking it for the CAGR flips the verdict
    decoy = f"{float(t.r) + rng.choice([-1, 1]) * rng.uniform(3, 6):.1f}" if kind == "ok" else None
    main = [
        f"The global {m} market was valued at {t.S} in {a} and is expected to reach {t.E} by {b}, growing at a CAGR of {R} from {a} to {b}.",
        f"The {m} market is projected to grow from {t.S} in {a} to {t.E} by {b}, at a CAGR of {R} ({a}–{b}).",
    ][k % 2]
    c = claim("market", [Val(t.S, a), Val(t.E, b)], R, kind, window=(a, b), meta={**t.meta, "checks": ["decoy_flips"]})
    doc = Doc("txt", [], [c])
    if decoy is None:
        # the implied rate of the printed values, rounded to 1 decimal
        s_iv = money_interval(Val(t.S, a))
        e_iv = money_interval(Val(t.E, b))
        implied = (float(e_iv.x / s_iv.x) ** (1 / n) - 1) * 100
        decoy = f"{implied:.1f}"
    if D(decoy) <= 0:
        raise Reject("negative decoy")
    c.meta["decoy"] = pct(decoy)
    yoy = f"{decoy}%"
    noise = [
        f"{reg} dominated the market with a revenue share of {share}% in {a}.",
        f"The {seg} segment accounted for {share}% of revenue in {a}, up {pp} percentage points from {a - 3}.",
        f"Sales grew {yoy} year over year in {a}, outpacing the broader industry.",
        f"Revenue rose {yoy} in {a} alone as supply constraints eased.",
        f"Online channels are expected to account for {rng.randint(18, 35)}% of sales by {b}.",
    ]
    layout = k % 4
    if layout == 0:
        lines = [main, noise[0], noise[2]]
    elif layout == 1:
        lines = [noise[3], main, noise[1]]
    elif layout == 2:
        lines = [main + " " + noise[1], noise[2]]
    else:
        lines = ["## Market highlights", "", f"- {main}", f"- {noise[0]}", f"- {noise[3]}", f"- {noise[4]}"]
        doc.fmt = "md"
    doc.lines = lines
    return doc


# ---- clusters --------------------------------------------------------------------

CLUSTER_PLANS = [
    ["ok", "ok", "ok"], ["ok", "copied", "ok"], ["ok", "ok", "gross"], ["near", "ok", "ok"],
    ["ok", "ok", "ok", "ok"], ["ok", "offbyone", "ok", "near"], ["gross", "ok", "ok"], ["ok", "ok", "ok"],
    ["ok", "ok", "copied", "ok"], ["ok", "ok", "ok", "ok"], ["ok", "near", "ok"], ["ok", "ok", "ok"],
    ["copied", "ok", "ok", "ok"], ["ok", "ok", "ok", "ok", "ok"], ["ok", "scale", "ok"], ["ok", "ok", "ok"],
    ["ok", "gross", "copied"], ["ok", "ok", "ok", "ok"], ["ok", "ok", "offbyone"], ["ok", "ok", "ok"],
    ["near", "ok", "gross", "ok"], ["ok", "ok", "ok", "ok"], ["ok", "copied", "ok"], ["ok", "ok", "ok"],
]

SUB_TEMPLATES = [
    "{X} accounted for {S} in {a} and is projected to grow at a CAGR of {R} to reach {E} by {b}.",
    "In {X}, revenue is forecast to rise from {S} in {a} to {E} by {b}, a CAGR of {R}.",
    "{X} is expected to expand at a CAGR of {R} from {S} in {a} to {E} in {b}.",
    "The {Y} segment, valued at {S} in {a}, is expected to reach {E} by {b} at a CAGR of {R} ({a}–{b}).",
    "{Yc} revenue is set to climb from {S} in {a} to {E} in {b}, registering a CAGR of {R}.",
]


def fam_cluster(rng, k, plan):
    m, segs, S0 = pick_sized(rng, 1.5e9)
    a, n, b = years(rng, bases=(2023, 2024, 2024, 2025), spans=(6, 7, 8, 9))
    style = ST[rng.choice(["usd", "usd", "usd", "dollar", "usdollar"])]
    g_kind = plan[0]
    gt = gen_triple(rng, g_kind, n, style, S_abs=S0, r_range=(6, 18), d_r=1)
    g_rate = D(gt.r)
    GR = pct(gt.r)
    layout = k % 6
    regions = rng.sample([r for r in REGIONS[:5] if layout != 3 or r != "Asia Pacific"], 3)
    seg_pool = [s for s in segs if s not in REGIONS]
    sub_specs = []
    for i, kind in enumerate(plan[1:]):
        is_seg = i >= 2 or (layout in (1, 4) and i == 1)
        name = rng.choice(seg_pool) if is_seg else regions[i]
        if is_seg:
            seg_pool = [s for s in seg_pool if s != name]
        if is_seg:
            frac, sign = du(rng, 0.15, 0.45), rng.choice([-1, 1])
        else:
            lo, hi, sign = REGION_SHARE[name]
            frac = du(rng, lo, hi)
        r_sub = g_rate + sign * du(rng, 1.6, 6.0)
        if r_sub < 2:
            r_sub = g_rate + du(rng, 1.6, 6.0)
        t = gen_triple(rng, kind, n, style, S_abs=gt.S_p * frac, r_range=(float(r_sub), float(r_sub)), d_r=1,
                       r_print=GR[:-1] if kind == "copied" else None)
        sub_specs.append((name, is_seg, kind, t))
    claims = [claim("global", [Val(gt.S, a), Val(gt.E, b)], GR, g_kind, window=(a, b), meta=gt.meta)]
    global_line = rng.choice([
        f"The global {m} market was valued at {gt.S} in {a} and is projected to reach {gt.E} by {b}, growing at a CAGR of {GR} from {a} to {b}.",
        f"The {m} market is expected to grow from {gt.S} in {a} to {gt.E} by {b}, at a CAGR of {GR} during {a}–{b}.",
    ])
    sub_lines = []
    for i, (name, is_seg, kind, t) in enumerate(sub_specs):
        tmpl = SUB_TEMPLATES[3 + (i + k) % 2] if is_seg else SUB_TEMPLATES[(i + k) % 3]
        line = cap(tmpl.format(X=name, Y=name, Yc=cap(name), S=t.S, E=t.E, R=pct(t.r), a=a, b=b))
        sub_lines.append(line)
        has_w = "({a}–{b})".format(a=a, b=b) in line
        meta = {**t.meta, "global_rate": GR}
        claims.append(claim(name, [Val(t.S, a), Val(t.E, b)], pct(t.r), kind, window=(a, b) if has_w else None,
                            meta=meta))
    fmt = "txt"
    fp = None
    if layout == 0:
        lines = [global_line] + sub_lines
    elif layout == 1:
        fmt = "md"
        lines = [f"## {titlecase(m)} market outlook", "", global_line, "", "### Regional and segment highlights"] + \
                [f"- {s}" for s in sub_lines]
    elif layout == 2:
        fmt = "md"
        lines = [global_line, "", f"| Region / segment | {a} | {b} | CAGR {a}–{b} |", "|---|---|---|---|"]
        new_claims = [claims[0]]
        for (name, is_seg, kind, t), cl in zip(sub_specs, claims[1:]):
            lines.append(f"| {cap(name)} | {t.S} | {t.E} | {pct(t.r)} |")
            for v in cl.vals:
                v.check_year = False
            cl.window = (a, b)
            cl.meta["rate_header_line"] = 3
            new_claims.append(cl)
        claims = new_claims
    elif layout == 3:
        lines = [global_line, f"Asia Pacific is expected to be the fastest-growing region, registering a CAGR of "
                              f"{g_rate + du(rng, 2.1, 4.9):.1f}% over the forecast period."] + sub_lines
    elif layout == 4:
        fp = (a, b)
        lines = [f"Base Year | {a} | Forecast Period | {a} To {b} |",
                 f"Market Size in {a} | {gt.S} | {b} Value Projection | {gt.E} |",
                 f"Forecast Period {a} To {b} CAGR | {GR} |"] + sub_lines
    else:
        # first sub-claim wrapped over two lines: the end value sits on the second line
        first = sub_lines[0]
        name, is_seg, kind, t = sub_specs[0]
        cut = first.rfind(" ", 0, first.index(t.E) - 1)
        lines = [global_line, first[:cut], first[cut + 1:]] + sub_lines[1:]
        if t.E not in lines[2] or t.S not in lines[1]:
            raise Reject("wrap split the claim badly")
        claims[1].vals[1].check_year = str(b) in lines[2]
        claims[1].vals[0].check_year = str(a) in lines[1]
    doc = Doc(fmt, lines, claims, fp=fp)
    if sum(1 for x in plan[1:] if x == "ok") and k % 3 != 2:
        doc.flags.append("any_decoy_global")
    return doc


# =============================================================================
# Driver
# =============================================================================

def build(family: str, k: int, gen, intent) -> tuple[Doc, DocResult]:
    for attempt in range(MAX_ATTEMPTS):
        rng = random.Random(f"{family}-{k}-{attempt}")
        try:
            doc = gen(rng, k, intent)
            res = eval_doc(doc)
            if accept(doc, res):
                return doc, res
        except Reject:
            continue
    raise RuntimeError(f"could not build {family}-{k} ({intent})")


def generate():
    entries = []

    def add(family, gen, intents, fixed=None):
        start = len([e for e in entries if e["family"] == family])
        if fixed is not None:
            doc, res = fixed(None, 0, None), None
            res = eval_doc(doc)
            assert accept(doc, res), f"fixed {family} entry rejected"
            entries.append(make_entry(family, start + 1, doc, res))
            start += 1
        for i, intent in enumerate(intents):
            doc, res = build(family, i, gen, intent)
            entries.append(make_entry(family, start + i + 1, doc, res))

    add("prose", fam_simple(PROSE_START), schedule(17, ["near", "gross", "offbyone", "copied", "scale"],
                                                    start_ok=True), fixed=fixed_prose)
    add("endfirst", fam_endfirst, schedule(14, ["gross", "near", "scale", "offbyone", "copied"]))
    add("ratefirst", fam_simple(RATE_FIRST, heading_prob=0.1),
        schedule(14, ["offbyone", "near", "gross", "copied"], start_ok=False))
    add("twosent", fam_twosent, schedule(14, ["near", "gross", "copied", "offbyone", "scale"]))
    add("mdbullet", fam_mdbullet, schedule(14, ["gross", "offbyone", "near", "scale"], start_ok=False))
    add("txtbullet", fam_txtbullet, schedule(12, ["near", "copied", "gross", "scale", "offbyone"]))
    add("mdtable", fam_mdtable, schedule(14, ["near", "gross", "offbyone", "copied", "scale"], start_ok=False))
    add("pipe", fam_pipe, schedule(13, ["gross", "near", "offbyone", "scale", "copied"], start_ok=True),
        fixed=fixed_pipe)
    add("threeval", fam_threeval, THREE_SCEN)
    add("lagwin", fam_lagwin, LAG_SCEN)
    add("hedge", fam_hedge, HEDGE_SCEN)
    add("currency", fam_currency, CUR_SCEN)
    add("yearform", fam_yearform, YEAR_SCEN)
    add("decline", fam_decline, DECL_SCEN)
    add("pctnoise", fam_pctnoise, schedule(12, ["near", "gross", "copied", "offbyone"], start_ok=False))
    add("cluster", fam_cluster, CLUSTER_PLANS)
    return entries


def make_entry(family: str, idx: int, doc: Doc, res: DocResult) -> dict:
    for l in doc.lines:
        assert "\t" not in l and l == l.strip() and l.strip() == l, f"bad whitespace in {l!r}"
    assert doc.lines[0] and doc.lines[-1], "no leading/trailing blank lines"
    assert 1 <= len(doc.lines) <= 12
    return {"family": family, "id": f"{family}-{idx:03d}", "format": doc.fmt, "consistent": res.consistent,
            "lines": res.lines, "note": doc_note(doc, res), "text": "\n".join(doc.lines) + "\n",
            "_doc": doc, "_res": res}


# =============================================================================
# YAML output and a self-check parser for exactly this layout
# =============================================================================

HEADER = """\
# RL101 (CAGR consistency) corpus -- GENERATED FILE, do not edit by hand.
# Regenerate with: python3 tests/tools/make_cagr_statements.py
# Each entry: id (prefix = layout family), format (txt|md), consistent (oracle verdict),
# lines (1-based lines holding the END value of each inconsistent claim; [] when consistent),
# note (oracle arithmetic), text (the document; literal block, one trailing newline).
# Oracle: interval rule -- printed numbers are +/- half a unit in the last printed digit,
# hedges intersect with a band, a claim holds iff some candidate span n makes
# [S_lo(1+R_lo)^n, S_hi(1+R_hi)^n] meet [E_lo, E_hi]. See the generator docstring.
"""


def to_yaml(entries: list[dict]) -> str:
    out = [HEADER]
    for e in entries:
        out.append(f"- id: {e['id']}")
        out.append(f"  format: {e['format']}")
        out.append(f"  consistent: {'true' if e['consistent'] else 'false'}")
        out.append(f"  lines: [{', '.join(str(x) for x in e['lines'])}]")
        out.append(f"  note: {json.dumps(e['note'], ensure_ascii=False)}")
        out.append("  text: |")
        for l in e["text"].rstrip("\n").split("\n"):
            out.append(f"    {l}" if l else "")
        out.append("")
    return "\n".join(out)


def parse_yaml(src: str) -> list[dict]:
    """Minimal parser for the layout written by to_yaml (used as a round-trip check)."""
    entries: list[dict] = []
    cur = None
    text_lines = None
    for raw in src.split("\n"):
        if text_lines is not None:
            if raw.startswith("    ") or raw == "":
                text_lines.append(raw[4:])
                continue
            cur["text"] = "\n".join(text_lines).rstrip("\n") + "\n"
            text_lines = None
        if raw.startswith("#") or raw == "":
            continue
        if raw.startswith("- id: "):
            cur = {"id": raw[6:]}
            entries.append(cur)
            continue
        assert raw.startswith("  ") and cur is not None, raw
        key, _, val = raw[2:].partition(": ")
        if key == "text:" or raw == "  text: |":
            text_lines = []
        elif key == "format":
            cur["format"] = val
        elif key == "consistent":
            assert val in ("true", "false")
            cur["consistent"] = val == "true"
        elif key == "lines":
            cur["lines"] = json.loads(val)
        elif key == "note":
            cur["note"] = json.loads(val)
        else:
            raise AssertionError(f"unexpected key {raw!r}")
    if text_lines is not None:
        cur["text"] = "\n".join(text_lines).rstrip("\n") + "\n"
    return entries


def main() -> int:
    entries = generate()
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert len(entries) >= 200, len(entries)
    fams: dict[str, list[dict]] = {}
    for e in entries:
        fams.setdefault(e["family"], []).append(e)
    for f, es in fams.items():
        assert len(es) >= 12, (f, len(es))
        assert any(e["consistent"] for e in es) and not all(e["consistent"] for e in es), f
    assert len(fams["cluster"]) >= 20
    n_ok = sum(e["consistent"] for e in entries)
    assert 0.4 <= n_ok / len(entries) <= 0.6, n_ok
    # every verdict is away from an interval boundary; every inconsistent entry lists lines
    for e in entries:
        assert all(r.margin > BOUNDARY_EPS for r in e["_res"].claims), e["id"]
        assert (e["lines"] == []) == e["consistent"], e["id"]
    src = to_yaml(entries)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(src, encoding="utf-8", newline="\n")
    back = parse_yaml(OUT.read_text(encoding="utf-8"))
    assert len(back) == len(entries)
    for e, p in zip(entries, back):
        for key in ("id", "format", "consistent", "lines", "note", "text"):
            assert e[key] == p[key], (e["id"], key, e[key], p.get(key))
        # re-run the oracle on the text exactly as read back from disk
        doc = e["_doc"]
        doc2 = Doc(doc.fmt, p["text"].rstrip("\n").split("\n"), doc.claims, doc.fp)
        r2 = eval_doc(doc2)
        assert r2.consistent == p["consistent"] and r2.lines == p["lines"], e["id"]
    print(f"wrote {OUT} : {len(entries)} entries, {n_ok} consistent, {len(entries) - n_ok} inconsistent")
    for f, es in fams.items():
        c = sum(x["consistent"] for x in es)
        print(f"  {f:10s} {len(es):3d}  consistent {c:3d}  inconsistent {len(es) - c:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
