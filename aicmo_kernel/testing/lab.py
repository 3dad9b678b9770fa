"""Run ``aicmo lab`` (JupyterLab) as a real subprocess on a free loopback port, for tests and benchmarks.

The twin of :mod:`aicmo_kernel.testing.dashboard` for the analysts' side::

    with running_lab(env, notebooks) as lab:       # notebooks: a folder the lab may write to
        page.goto(lab.url("lab/tree/03_creatives.ipynb"))

The server gets a random token (through ``JUPYTER_TOKEN``, so it never shows in ``ps``) and
private Jupyter folders: its configuration binds it to 127.0.0.1, turns off the news feed and the
update check (no network, no notification toast over the page), and keeps JupyterLab's saved
workspaces and settings away from the user's own. JupyterLab saves checkpoints and, on autosave,
outputs next to the notebooks it serves, so pass a copy (:func:`copy_notebooks`), never the
repository's ``notebooks/``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .dashboard import free_port

__all__ = ["Lab", "LabFailed", "copy_notebooks", "running_lab"]

# JupyterLab's own configuration for the test server: loopback only, nothing fetched from outside.
_SERVER_CONFIG = {
    "ServerApp": {"ip": "127.0.0.1", "open_browser": False},
    "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"},
}
# The announcements plugin asks, in a toast, whether to fetch news; it would cover the notebook.
_PAGE_CONFIG = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}


class LabFailed(RuntimeError):
    """JupyterLab exited or did not answer in time (the message carries its stderr tail)."""


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: ``base`` is e.g. ``http://127.0.0.1:41234``; ``pid`` is ``aicmo lab``'s."""

    base: str
    token: str
    notebooks: Path
    pid: int

    def url(self, path: str) -> str:
        """``path`` (e.g. ``lab/tree/03_creatives.ipynb``) on this server, with the token."""
        separator = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{separator}token={self.token}"


def copy_notebooks(source: Path, target: Path) -> Path:
    """Copy the ``*.ipynb`` of ``source`` into ``target`` (created); returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for notebook in sorted(source.glob("*.ipynb")):
        shutil.copyfile(notebook, target / notebook.name)
    return target


@contextmanager
def running_lab(env: dict[str, str], notebooks: Path, *, start_timeout: float = 90.0) -> Iterator[Lab]:
    """``aicmo lab --no-browser`` on ``notebooks`` until the block ends; yields the :class:`Lab`."""
    port = free_port()
    token = secrets.token_hex(24)
    aicmo = Path(sys.executable).with_name("aicmo")
    with tempfile.TemporaryDirectory(prefix="aicmo-lab-") as private:
        jupyter = _private_jupyter_dirs(Path(private))
        child_env = dict(env, **jupyter, JUPYTER_TOKEN=token, AICMO_NOTEBOOKS=str(notebooks))
        process = subprocess.Popen([str(aicmo), "lab", "--no-browser", "--port", str(port)], env=child_env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        lab = Lab(base=f"http://127.0.0.1:{port}", token=token, notebooks=notebooks, pid=process.pid)
        try:
            _wait_until_ready(process, lab, start_timeout)
            yield lab
        finally:
            _stop(process)


def _private_jupyter_dirs(root: Path) -> dict[str, str]:
    """Jupyter's configuration, data, runtime, settings and workspaces folders under ``root``.
    Extensions and kernels are still found where they are installed (``sys.prefix``)."""
    folders = {name: root / name.lower() for name in (
        "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
        "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR",
    )}
    for folder in folders.values():
        folder.mkdir()
    config = folders["JUPYTER_CONFIG_DIR"]
    (config / "jupyter_server_config.json").write_text(json.dumps(_SERVER_CONFIG))
    (config / "labconfig").mkdir()
    (config / "labconfig" / "page_config.json").write_text(json.dumps(_PAGE_CONFIG))
    return {name: str(folder) for name, folder in folders.items()}


def _wait_until_ready(process: subprocess.Popen[bytes], lab: Lab, timeout: float) -> None:
    """Until ``/api/status`` answers with the token (the server is up and the token is the one set)."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            assert process.stderr is not None
            raise LabFailed(f"aicmo lab exited with {process.returncode}: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(lab.url("api/status"), timeout=2):
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise LabFailed(f"aicmo lab did not answer on {lab.base} within {timeout:.0f} s") from None
            time.sleep(0.25)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM reaches ``aicmo`` and the Jupyter server (one process group); the server shuts its
    kernels down. The whole group is killed if it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the server or a kernel left behind by ``aicmo``
    except ProcessLookupError:
        pass
    if process.poll() is None:
        process.wait(timeout=10)
    if process.stderr is not None:
        process.stderr.close()
