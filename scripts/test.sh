#!/usr/bin/env bash
# One command from a fresh clone to a passing test suite: system packages, Python packages, pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k store -x).
# One pytest run: tests/, then all eleven notebooks under nbval --nbval-lax (pyproject.toml testpaths
# and addopts), in a temporary offline workspace with the self-test on (notebooks/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."

have_postgres() { command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }

if ! have_postgres; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    echo "WARNING: PostgreSQL is not installed and cannot be installed without root;" >&2
    echo "WARNING: the PostgreSQL half of the store suite will be skipped (apt-get install postgresql)." >&2
  fi
fi
# Where the server binaries exist, a PostgreSQL test may not skip.
if have_postgres; then export AICMO_REQUIRE_POSTGRES=1; fi

bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
