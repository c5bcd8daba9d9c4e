# Shared by scripts/site and scripts/test: a virtualenv in .venv with mopsdocs installed.
# Sourced, not run. Uses only python3 -m venv and pip (PyPI).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MOPSDOCS_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

need_apt() {  # install Debian packages when missing and we may (root + apt-get)
  local missing=()
  for pair in "$@"; do
    local cmd="${pair%%:*}" pkg="${pair##*:}"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing system packages: ${missing[*]} (install them with your package manager)" >&2
    return 1
  fi
}

LOCK="$ROOT/requirements/lock.txt"

make_venv() {  # make_venv EXTRAS: mopsdocs with EXTRAS, every package at its version in the lock
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    "$PY" -m venv "$VENV"
  fi
  # the lock (requirements/make_lock.sh) is the tested set: constraints, so an upstream release
  # cannot change what a fresh clone installs; pip itself is pinned there too
  "$VENV/bin/python" -m pip install -q -c "$LOCK" --upgrade pip
  echo "==> pip install -c requirements/lock.txt -e .[$1]"
  "$VENV/bin/python" -m pip install -q -c "$LOCK" -e "$ROOT[$1]"
}
