#!/usr/bin/env bash
# One command from a fresh clone to a passing test suite: system packages, Python packages, pytest.
# pytest runs tests/ and then every notebook under nbval (pyproject's testpaths and addopts).
# Extra arguments go to pytest (e.g. scripts/test.sh -k store -x).
set -euo pipefail
cd "$(dirname "$0")/.."

have_postgres() { command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
have_chromium() { [ -x /usr/bin/chromium ]; }
have_npm() { command -v npm >/dev/null 2>&1; }
have_font() { [ -e "/usr/share/fonts/$1" ]; }

# Debian packages: PostgreSQL (the store suite runs on it as well as SQLite), Chromium (the
# browser suite in tests/browser drives it with Playwright; never `playwright install`) and npm
# (JupyterHub's proxy, configurable-http-proxy, for tests/hub; scripts/setup.sh installs it).
# The Noto fonts: PDF exports draw Arabic, Hebrew, Devanagari, CJK and emoji with them
# (aicmo_kernel/export/fonts.py; tests/test_pdf_fonts.py).
missing=()
have_postgres || missing+=(postgresql)
have_chromium || missing+=(chromium)
have_npm || missing+=(npm)
have_font truetype/noto/NotoSansDevanagari-Regular.ttf || missing+=(fonts-noto-core)
have_font opentype/noto/NotoSansCJK-Regular.ttc || missing+=(fonts-noto-cjk)
have_font truetype/noto/NotoColorEmoji.ttf || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "WARNING: ${missing[*]} not installed and cannot be installed without root (apt-get install ${missing[*]});" >&2
    echo "WARNING: the tests that need them will be skipped." >&2
  fi
fi
# Where the server or the browser exists, a test that needs it may not skip.
if have_postgres; then export AICMO_REQUIRE_POSTGRES=1; fi
if have_chromium; then export AICMO_REQUIRE_BROWSER=1; fi

bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
