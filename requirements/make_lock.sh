#!/usr/bin/env bash
# Rewrite requirements/lock.txt: a fresh virtualenv of mopsdocs with its extras, frozen.
#   requirements/make_lock.sh [PYTHON]      (default: python3; the lock is made on Python 3.11, Linux)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${1:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --upgrade pip
"$WORK/venv/bin/python" -m pip install -q "$ROOT[render,test]"
{
  head -n 4 "$ROOT/requirements/lock.txt" 2>/dev/null | grep '^#' || true
  "$WORK/venv/bin/python" -m pip freeze --all | grep -iv '^mopsdocs' | LC_ALL=C sort -f
} > "$ROOT/requirements/lock.txt.new"
mv "$ROOT/requirements/lock.txt.new" "$ROOT/requirements/lock.txt"
echo "wrote requirements/lock.txt ($(grep -vc '^#' "$ROOT/requirements/lock.txt") packages)"
