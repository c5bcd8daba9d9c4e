#!/usr/bin/env bash
# Rewrite requirements/lock.txt: a fresh virtualenv of mopsdocs with its extras, frozen.
#   requirements/make_lock.sh [PYTHON]      (default: python3; the lock is made on Python 3.11, Linux)
# Uses the package index pip is configured with (PyPI, or this machine's mirror). Read the diff;
# tests/test_dependencies_lock.py checks that every pin lies inside pyproject.toml's ranges.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${1:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --upgrade pip
"$WORK/venv/bin/python" -m pip install -q "$ROOT[pdf,render,test]"
{
  cat <<'HEADER'
# The tested dependency set of mopsdocs with its extras (pdf, render, test): scripts/_setup.sh installs
# with it as constraints (`pip install -c requirements/lock.txt -e .[EXTRAS]`). Produced by
# requirements/make_lock.sh on Python 3.11, Linux: a fresh virtualenv, `pip install .[pdf,render,test]`,
# `pip freeze --all` minus mopsdocs itself. Regenerate it after changing dependencies in
# pyproject.toml, and read the diff. Audit it on a connected machine: python requirements/audit.py
HEADER
  "$WORK/venv/bin/python" -m pip freeze --all | grep -iv '^mopsdocs' | LC_ALL=C sort -f
} > "$ROOT/requirements/lock.txt.new"
mv "$ROOT/requirements/lock.txt.new" "$ROOT/requirements/lock.txt"
echo "wrote requirements/lock.txt ($(grep -vc '^#' "$ROOT/requirements/lock.txt") packages)"
