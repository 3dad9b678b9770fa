#!/usr/bin/env bash
# One command from a fresh clone to the running workbench: set up, seed the demo, open JupyterLab.
# Offline by default: with no API key set, drafts come from the offline composer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh notebooks
.venv/bin/aicmo init
echo "the aicmo command is $PWD/.venv/bin/aicmo: run 'source .venv/bin/activate' in a shell to put it on the PATH" >&2
exec .venv/bin/aicmo lab "$@"
