#!/usr/bin/env bash
# Validates the seed's SARIF with Microsoft's SARIF multitool (rules "Sarif;Ghas": the SARIF spec's and GitHub code
# scanning's) and fails on any error it reports. The multitool exits 0 even for invalid input, so its log is read.
# Usage: scripts/validate-sarif.sh [TOOLS_DIR]  (TOOLS_DIR holds node_modules/@microsoft/sarif-multitool; default .tools)
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
tools=${1:-$repo_root/.tools}
cd "$repo_root"
multitool=$(cd "$tools" && node -p "require('@microsoft/sarif-multitool')")
chmod u+x "$multitool"   # its package sets this in a postinstall script, which npm may not run
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
dotnet run --project src/ReportLint.Cli --no-build -- lint seeds --format sarif --output "$work/seed.sarif" || status=$?
[ "$status" -le 1 ] || { echo "validate-sarif: reportlint failed (exit $status)" >&2; exit 1; }

"$multitool" validate --rule-kind "Sarif;Ghas" --level "Error;Warning;Note" --output "$work/validation.sarif" "$work/seed.sarif"
[ -s "$work/validation.sarif" ] || { echo "validate-sarif: the multitool wrote no log" >&2; exit 1; }

node - "$work/validation.sarif" <<'JS'
const log = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const run = log.runs[0];
if (!run || !run.tool) { console.error('validate-sarif: the multitool log has no run'); process.exit(1); }
const results = run.results || [];
const levelOf = r => r.level || 'warning';   // SARIF's default level
const count = l => results.filter(r => levelOf(r) === l).length;
const failures = (run.invocations || []).filter(i => i.executionSuccessful === false);
console.log(`validate-sarif: the multitool reported ${count('error')} error(s), ${count('warning')} warning(s), ${count('note')} note(s)`);
for (const r of results.filter(r => levelOf(r) === 'error'))
  console.error(`  ${r.ruleId}: ${(r.message && (r.message.text || (r.message.arguments || []).join(' | '))) || ''}`);
if (failures.length) console.error('validate-sarif: the multitool run did not succeed');
process.exit(count('error') > 0 || failures.length ? 1 : 0);
JS
