#!/usr/bin/env bash
# End to end: this working tree as a pre-commit hook (language: dotnet), used from the README's snippet in a
# throw-away git repository. A clean draft must commit; a draft with an error-level finding must be blocked.
# Needs: git, pre-commit, the .NET SDK, and NuGet for the build pre-commit runs (dotnet pack + dotnet tool install).
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_AUTHOR_NAME=reportlint-e2e GIT_AUTHOR_EMAIL=e2e@example.invalid
export GIT_COMMITTER_NAME=reportlint-e2e GIT_COMMITTER_EMAIL=e2e@example.invalid
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

fail() { echo "pre-commit end-to-end: FAILED: $*" >&2; exit 1; }

# 1. The hook repository: the working tree as it stands (tracked and new files, not ignored ones), committed.
hook_repo="$work/hook-repo"
mkdir -p "$hook_repo"
(cd "$repo_root" && git ls-files -z --cached --others --exclude-standard) |
  while IFS= read -r -d '' f; do
    [ -f "$repo_root/$f" ] || continue
    mkdir -p "$hook_repo/$(dirname "$f")"
    cp "$repo_root/$f" "$hook_repo/$f"
  done
git -C "$hook_repo" init -q
git -C "$hook_repo" add -A
git -C "$hook_repo" commit -qm "reportlint under test"
rev=$(git -C "$hook_repo" rev-parse HEAD)

snippet() { # the fenced block after <!-- snippet: NAME --> in README.md
  awk -v marker="<!-- snippet: $1 -->" '$0 == marker {found=1; next} found && /^```/ {if (inside) exit; inside=1; next} inside' "$repo_root/README.md"
}

# 2. README's .NET tool snippet, installing into a folder of ours rather than globally.
snippet dotnet-tool | sed -e "s|--global|--tool-path $work/tool|" -e "s|^reportlint |$work/tool/reportlint |" > "$work/tool.sh"
grep -q "dotnet tool install" "$work/tool.sh" || fail "README.md has no dotnet-tool snippet"
echo "--- README's .NET tool snippet"
cat "$work/tool.sh"
(cd "$hook_repo" && bash -e <(head -n -1 "$work/tool.sh")) > "$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "the .NET tool did not pack and install"; }
set +e
(cd "$hook_repo" && bash <(tail -n 1 "$work/tool.sh")) > "$work/tool-run.log" 2>&1
tool_exit=$?
set -e
cat "$work/tool-run.log"
[ "$tool_exit" -eq 1 ] && grep -q "RL101" "$work/tool-run.log" || fail "the installed tool did not report the seed's RL101 (exit $tool_exit)"

# 3. A project of report drafts that uses the hook exactly as README.md shows, pointed at the repository above.
project="$work/drafts"
mkdir -p "$project"
git -C "$project" init -q
snippet pre-commit-config | sed -e "s|repo: .*|repo: $hook_repo|" -e "s|rev: .*|rev: $rev|" > "$project/.pre-commit-config.yaml"
grep -q "id: reportlint" "$project/.pre-commit-config.yaml" || fail "README.md has no pre-commit-config snippet"
cat "$project/.pre-commit-config.yaml"
(cd "$project" && git add .pre-commit-config.yaml && git commit -qm "use reportlint" && pre-commit install)

echo "--- installing the hook (pre-commit runs dotnet pack and dotnet tool install)"
start=$(date +%s)
(cd "$project" && pre-commit install-hooks) || fail "pre-commit could not install the hook"
echo "hook installed in $(( $(date +%s) - start )) s"

# 4. A clean draft commits.
cp "$repo_root/tests/ReportLint.Tests/Fixtures/reports/clean/education.md" "$project/education.md"
(cd "$project" && git add education.md && git commit -m "clean draft") > "$work/clean.log" 2>&1 \
  || { cat "$work/clean.log"; fail "the clean draft was blocked"; }
cat "$work/clean.log"
grep -q "ReportLint" "$work/clean.log" || fail "the hook did not run on the clean draft"

# 5. A draft with an error is blocked, and the finding is shown.
cp "$repo_root/seeds/internet-micro-drama-report.txt" "$project/micro-drama.txt"
if (cd "$project" && git add micro-drama.txt && git commit -m "draft with a CAGR mismatch") > "$work/error.log" 2>&1; then
  cat "$work/error.log"; fail "the draft with an error was committed"
fi
cat "$work/error.log"
grep -q "RL101" "$work/error.log" || fail "the blocked commit did not show the RL101 finding"
[ "$(git -C "$project" log --oneline | wc -l)" -eq 2 ] || fail "expected exactly two commits"

echo "pre-commit end-to-end: OK (.NET tool installed from the README snippet; clean draft committed; draft with an error blocked, RL101 shown)"
