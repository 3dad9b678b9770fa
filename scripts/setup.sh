#!/usr/bin/env bash
# Create .venv (if missing) and install aicmo-workbench with the given extras, e.g. `test`.
# Re-running is cheap: the install is skipped while pyproject.toml is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-notebooks}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: AICMO Workbench needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.installed-${extras//,/-}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[${extras}]"
  touch "$stamp"
fi
# The kernel's bytecode, written now: where PYTHONDONTWRITEBYTECODE is set, every `aicmo` command,
# notebook kernel and test subprocess would otherwise compile its modules again (0.1 s of each start).
.venv/bin/python -m compileall -q aicmo_kernel >/dev/null
# JupyterHub's proxy for `aicmo hub` and the hub tests: configurable-http-proxy from npm, into
# .venv/chp (where aicmo_kernel.serve.find_proxy looks), once.
case ",${extras}," in
  *,hub,*|*,test,*|*,dev,*)
    chp=".venv/chp/node_modules/.bin/configurable-http-proxy"
    if [ ! -x "$chp" ]; then
      if command -v npm >/dev/null 2>&1; then
        npm install --silent --no-audit --no-fund --prefix .venv/chp configurable-http-proxy@5 >/dev/null
      else
        echo "WARNING: npm is missing, so JupyterHub's proxy (configurable-http-proxy) was not installed;" >&2
        echo "WARNING: install Node.js 20+ with npm, then run scripts/setup.sh ${extras} again." >&2
      fi
    fi
    ;;
esac
# PDF exports draw non-Latin scripts and emoji with Debian's Noto fonts (aicmo_kernel/export/fonts.py);
# without them such characters print as boxes and the export warns. scripts/test.sh installs them.
fonts=()
[ -e /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ] || fonts+=(fonts-noto-core)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || fonts+=(fonts-noto-cjk)
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || fonts+=(fonts-noto-color-emoji)
if [ ${#fonts[@]} -gt 0 ]; then
  echo "note: for PDF exports with Arabic, Hebrew, Devanagari, CJK or emoji, install: apt-get install ${fonts[*]}" >&2
fi
