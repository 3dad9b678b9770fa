"""Start JupyterLab (and, later, Voila) on the notebooks with the workspace configured."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from .config import Settings
from .errors import ConfigurationError

__all__ = ["notebooks_dir", "start_lab"]


def notebooks_dir() -> Path:
    """``$AICMO_NOTEBOOKS``, else the repository's ``notebooks/`` beside the package."""
    explicit = os.environ.get("AICMO_NOTEBOOKS", "").strip()
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_dir():
            raise ConfigurationError(f"AICMO_NOTEBOOKS is not a folder: {path}", field="AICMO_NOTEBOOKS")
        return path
    path = Path(__file__).resolve().parent.parent / "notebooks"
    if not path.is_dir():
        raise ConfigurationError(
            "cannot find the notebooks folder; set AICMO_NOTEBOOKS to the repository's notebooks/",
            field="AICMO_NOTEBOOKS",
        )
    return path


def start_lab(*, port: int | None = None, open_browser: bool = True) -> int:
    if importlib.util.find_spec("jupyterlab") is None:
        raise ConfigurationError(
            "JupyterLab is not installed; install the notebooks extra: pip install -e '.[notebooks]'",
            field="jupyterlab",
        )
    settings = Settings.from_env()
    settings.home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, AICMO_HOME=str(settings.home))
    args = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={notebooks_dir()}"]
    if port:
        args.append(f"--port={port}")
    if not open_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers and CI machines often run as root
    return subprocess.call(args, env=env)
