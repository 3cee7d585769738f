#!/usr/bin/env python3
"""Deterministic benchmark corpus: N realistic report drafts of about SIZE bytes each, written as Markdown (.md) so that
ReportLint and markdownlint-cli2 read the very same files.

Each report is the seed report (seeds/*.txt) under another market name, with its own headline figures (market size,
forecast, CAGR) that add up in about two reports out of three and are off by a few per cent in the rest, its analysis
paragraphs shuffled and trimmed or repeated to reach the size, and the seed's own defects (scope tables that do not
match, pasted paragraphs, repeated footer blocks) kept. Same arguments, same bytes: the generator uses its own seeded
random number generator and nothing from the machine.

  make_corpus.py OUT_DIR [--count N] [--size BYTES] [--seed S]
  make_corpus.py OUT_DIR --pathological   # one 50 MB report, one 5 MB single line, one 100,000-row table
"""
import argparse
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "seeds", "internet-micro-drama-report.txt")

ADJECTIVES = ["Smart", "Industrial", "Digital", "Portable", "Organic", "Autonomous", "Wearable", "Modular", "Cloud",
              "Precision", "Hybrid", "Connected", "Sustainable", "Advanced", "Micro", "Bio-based", "Renewable"]
NOUNS = ["Irrigation Systems", "Drone Delivery", "Cold Chain Logistics", "Pet Food", "Edge Computing", "Solar Inverter",
         "Dental Implant", "Battery Recycling", "Plant-based Meat", "Cyber Insurance", "Robotic Welding", "Smart Lock",
         "Hearing Aid", "Vertical Farming", "EV Charging", "Podcast Advertising", "Esports Betting", "Water Purifier"]


def figures(rng):
    """Start value, CAGR and end value over 2025-2032; about a third are inconsistent by 2-8 %."""
    start = round(rng.uniform(0.3, 40.0), 2)
    cagr = round(rng.uniform(3.0, 25.0), 1)
    end = start * (1 + cagr / 100) ** 7
    if rng.random() < 0.35:
        end *= 1 + rng.choice([-1, 1]) * rng.uniform(0.02, 0.08)
    return start, cagr, round(end, 2)


def report(rng, lines, size):
    market = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    start, cagr, end = figures(rng)
    head, body, tail = lines[:3], lines[3:19], lines[19:]
    body = body[:]
    # Shuffle the analysis in pairs (heading, paragraph) so headings keep their text.
    pairs = [body[i:i + 2] for i in range(0, len(body), 2)]
    rng.shuffle(pairs)
    text = "\n".join(head + [l for p in pairs for l in p] + tail) + "\n"
    text = text.replace("Internet Micro Drama", market).replace("Internet micro drama", market.lower())
    text = text.replace("USD 1.45 billion", f"USD {start:.2f} billion").replace("USD 3.65 billion", f"USD {end:.2f} billion")
    text = text.replace("13.50%", f"{cagr:.2f}%").replace("13.5%", f"{cagr}%")
    paragraphs = [l for l in text.split("\n") if len(l) > 300]
    # Trim long paragraphs (from the end of each) or add sentences until the report is about the size asked for.
    out = text
    while len(out.encode()) > size * 1.05 and paragraphs:
        p = rng.choice(paragraphs)
        cut = p[: max(200, int(len(p) * 0.7))]
        cut = cut[: cut.rfind(". ") + 1] if ". " in cut else cut
        out = out.replace(p, cut, 1)
        paragraphs.remove(p)
    sentences = re.findall(r"[^.]+\.", " ".join(paragraphs) or text)
    extra = []
    while len(out.encode()) + sum(len(s) + 1 for s in extra) < size * 0.95:
        extra.append(rng.choice(sentences).strip())
    if extra:
        out += "\n" + " ".join(extra) + "\n"
    return out


def pathological(out_dir, lines, rng):
    base = "\n".join(lines) + "\n"
    with open(os.path.join(out_dir, "big-50mb.md"), "w") as f:
        written = 0
        i = 0
        while written < 50 * 1024 * 1024:
            chunk = base.replace("Internet Micro Drama", f"Segment {i}")
            f.write(chunk)
            written += len(chunk.encode())
            i += 1
    sentence = " ".join(l for l in lines if len(l) > 300)
    with open(os.path.join(out_dir, "single-line-5mb.md"), "w") as f:
        written = 0
        while written < 5 * 1024 * 1024:
            f.write(sentence + " ")
            written += len(sentence) + 1
        f.write("\n")
    with open(os.path.join(out_dir, "table-100k.md"), "w") as f:
        f.write("# Regional Revenue Table\n\nThe table lists revenue by country, USD million, 2025.\n\n")
        f.write("| Country | 2024 | 2025 | Share |\n|---|---|---|---|\n")
        for i in range(100_000):
            a = rng.uniform(1, 999)
            f.write(f"| Country {i} | {a:.2f} | {a * rng.uniform(1.01, 1.2):.2f} | {rng.uniform(0.1, 9.9):.1f}% |\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=20250701)
    ap.add_argument("--pathological", action="store_true")
    args = ap.parse_args()
    with open(SEED, encoding="utf-8") as f:
        lines = f.read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    if args.pathological:
        pathological(args.out, lines, rng)
        return
    width = len(str(args.count))
    for i in range(args.count):
        sub = os.path.join(args.out, f"batch-{i // 100:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"report-{i:0{width}d}.md"), "w", encoding="utf-8") as f:
            f.write(report(rng, lines, args.size))


if __name__ == "__main__":
    main()
