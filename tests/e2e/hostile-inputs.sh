#!/usr/bin/env bash
# End to end: hostile and oversized inputs through the built CLI (Release). Each case is generated in a temporary folder
# and linted on its own; it must exit 0 or 1 (never 2 for a readable file, never a crash), print no stack trace, and stay
# within the time and memory limits below. The measured wall time and peak RSS of every case are printed.
# Limits are bounds, not benchmarks (2-core CI, JIT build): 90 s and 1 GiB per case; override with HOSTILE_MAX_SECONDS / HOSTILE_MAX_KB.
# Needs: the .NET SDK, python3, GNU time (/usr/bin/time).
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/../.." && pwd)
max_seconds=${HOSTILE_MAX_SECONDS:-90}
max_kb=${HOSTILE_MAX_KB:-1048576}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release -v quiet -nologo "$repo_root/src/ReportLint.Cli" >/dev/null
cli="$repo_root/src/ReportLint.Cli/bin/Release/net10.0/reportlint.dll"
[ -f "$cli" ] || { echo "hostile inputs: $cli was not built" >&2; exit 1; }

# Every case file, written by one python3 run (fast, and byte-exact for the binary and invalid-UTF-8 cases).
REPO_ROOT="$repo_root" python3 - "$work" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
good = "The global pet food market was valued at USD 1.45 billion in 2025 and is expected to reach USD 3.52 billion by 2032, growing at a CAGR of 13.5% from 2025 to 2032.\n"
para = ("The market for industrial sensors was shaped by regional demand, supply chains and regulation across the period. "
        "Vendors expanded capacity and partnerships while buyers compared products on price, service and reliability.\n\n")
seed = open(os.path.join(os.environ["REPO_ROOT"], "seeds", "internet-micro-drama-report.txt"), encoding="utf-8").read()
# 100 MB and 20 MB of the same text: over 16 MB a file is linted in streamed sections (bounded memory); the two times
# are printed side by side to show the growth is linear.
w("big-100mb.txt", good + para * (100 * 1024 * 1024 // len(para)))
w("big-20mb.txt", good + para * (20 * 1024 * 1024 // len(para)))
w("seed-x100.txt", seed * 100)
line = "Revenue in the region rose as vendors expanded and the segment grew across all the channels analysed here, "
w("single-line-10mb.txt", line * (10 * 1024 * 1024 // len(line)) + "\n" + good)
w("quotes-10000.md", "> " * 10000 + "deep\n" + good)
w("lists-10000.md", "- " * 10000 + "deep\n" + good)
w("indented-list-2000.md", "".join("  " * i + "- item\n" for i in range(2000)) + good)
w("table-100000-rows.md", "| Year | Revenue |\n|---|---|\n" + "".join(f"| {2000 + i % 40} | USD {i}.5 billion |\n" for i in range(100000)) + good)
w("number-5000-digits.txt", "The market was valued at USD " + "9" * 5000 + " billion in 2025, a CAGR of 1" + "0" * 5000 + "% from 2025 to 2032.\n" + good)
w("ones-1mb.txt", "Revenue " + ",".join(["1"] * 500000) + " billion.\n" + good)
w("unicode-digits.txt", "USD ١٫٤٥ billion in ٢٠٢٥, USD ۳.۶۵ billion in ۲۰۳۲, CAGR १३.५% 2025–2032, USD １．４５ billion (２０２５), ＵＳＤ ３.６５ billion by ２０３２ at 𝟏𝟑.𝟓%.\n" + good)
w("rtl.txt", "\u202Eالسوق بلغت USD 1.45 billion في 2025 \u202C وتصل إلى USD 3.65 billion بحلول 2032، بمعدل CAGR 13.5% من 2025 إلى 2032.\n" + good)
w("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096))
w("invalid-utf8.txt", b"Market \xff\xfe\xc3 " + good.encode())
w("utf16.txt", "\ufeff".encode("utf-16-le") + good.encode("utf-16-le"))
w("empty.txt", b"")
w("whitespace.txt", b" \t\n\r\n   \n\n\t")
w("junk.docx", os.urandom(2048))
w("junk.html", "<<<<>>>><p <p <p>></ / <!-- <!-- --> --!> <![CDATA[ x ]]> &#xFFFFFFFF; &#0; <table><tr><td rowspan=999999999>" * 2000 + good)
PY

(cd "$work" && sha256sum -- *) > "$work/.before"
failed=0
printf '%-26s %6s %10s %12s  %s\n' case exit seconds "peak RSS" result
declare -A took
for file in "$work"/*; do
  name=$(basename "$file")
  set +e
  /usr/bin/time -f "%e %M" -o "$work/.time" timeout --kill-after=5 "$max_seconds" \
    dotnet "$cli" lint "$file" --format sarif --output "$work/.out.sarif" >/dev/null 2>"$work/.err"
  exit_code=$?
  set -e
  read -r seconds kb < <(tail -1 "$work/.time" | grep -E '^[0-9.]+ [0-9]+$' || echo "? ?")
  took[$name]=$seconds
  result=ok
  if [ "$exit_code" -eq 124 ] || [ "$exit_code" -eq 137 ]; then result="TIMEOUT after ${max_seconds}s"
  elif [ "$exit_code" -ne 0 ] && [ "$exit_code" -ne 1 ]; then result="exit $exit_code: $(head -c 300 "$work/.err")"
  elif grep -qE '^\s+at |Unhandled exception|   --->' "$work/.err"; then result="stack trace on stderr"
  elif [ "$kb" != "?" ] && [ "$kb" -gt "$max_kb" ]; then result="over ${max_kb} KB"
  fi
  printf '%-26s %6s %10s %9s MB  %s\n' "$name" "$exit_code" "$seconds" "$([ "$kb" = "?" ] && echo "?" || echo $((kb / 1024)))" "$result"
  [ "$result" = ok ] || failed=$((failed + 1))
  rm -f "$work/.out.sarif"
done
# An interrupted run never leaves a half-written report: kill -9 a run writing over an earlier SARIF at several moments;
# the target must still parse and be either the earlier report or a complete new one.
out="$work/.kill/report.sarif"
mkdir -p "$work/.kill"
dotnet "$cli" lint "$work/seed-x100.txt" --format sarif --output "$out" >/dev/null 2>&1 || true
killed_ok=1
for delay in 0.5 1.5 3 6; do
  dotnet "$cli" lint "$work/big-20mb.txt" --format sarif --output "$out" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  if ! python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$out"; then
    echo "hostile inputs: killed after ${delay}s, $out is not complete JSON" >&2; failed=$((failed + 1)); killed_ok=0
  fi
done
[ "$killed_ok" -eq 0 ] || echo "interrupted --output: after kill -9 at 0.5, 1.5, 3 and 6 s the report was always complete JSON"
rm -rf "$work/.kill"
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'growth: 100 MB took {a:.1f} s, 20 MB {b:.1f} s: {a / b:.1f}x the time for 5x the text')" \
  "${took[big-100mb.txt]}" "${took[big-20mb.txt]}" 2>/dev/null || true
(cd "$work" && sha256sum -- *) | cmp -s - "$work/.before" || { echo "hostile inputs: an input file was modified" >&2; failed=$((failed + 1)); }
[ "$failed" -eq 0 ] || { echo "hostile inputs: $failed case(s) FAILED" >&2; exit 1; }
echo "hostile inputs: every case finished within ${max_seconds}s and $((max_kb / 1024)) MB, exit 0 or 1, no stack trace"
