"""The notebooks' CI run (nbval): one temporary, seeded workspace; offline; self-test on.

A pytest plugin (``-p aicmo_kernel.testing.nbval_workspace`` in pyproject's ``addopts``), kept out
of ``notebooks/`` so JupyterLab's file browser shows only the notebooks there.
``pytest --nbval-lax`` collects each ``*.ipynb`` in ``notebooks/`` as a file of cells. Before the first notebook
cell runs (so before nbval starts that notebook's kernel, which inherits the environment), this
sets ``AICMO_HOME`` to a temporary folder seeded with the demo campaign, clears every provider key
so only the offline composer can write (no money is spent), and sets ``AICMO_NOTEBOOK_SELFTEST=1``
so each notebook's last cell drives its own widgets: fill, Generate, edit, Save, Approve, export.
After the last notebook cell the environment is put back, so ``tests/`` (which isolates each test
with its own fixture) never sees it, whichever order the two folders run in.

The notebooks run in one workspace in the order below, so each module's upstream deliverables are
approved by the notebook before it, as an analyst would carry the demo campaign through.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

NOTEBOOK_ORDER = (
    "00_campaign", "01_intake", "02_strategy", "03_creatives", "04_execution", "05_monitoring",
    "06_leadgen", "07_autonomy", "08_delivery", "09_learn", "review",
)  # fmt: skip

# Everything that could point a kernel at a real model, another database or a person.
_CLEARED = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL",
    "AICMO_LLM_FALLBACK_PROVIDERS", "AICMO_OPENAI_MODEL", "AICMO_ANTHROPIC_MODEL",
    "AICMO_DATABASE_URL", "AICMO_REVIEWER", "JUPYTERHUB_USER", "AICMO_NOTEBOOKS",
)  # fmt: skip

_state: dict[str, object] = {}


def pytest_configure(config: pytest.Config) -> None:
    _state["notebooks"] = (config.rootpath / "notebooks").resolve()


def _is_notebook_cell(item: pytest.Item | None) -> bool:
    return item is not None and item.path.suffix == ".ipynb" and item.path.parent == _state.get("notebooks")


def _activate() -> None:
    """Create and seed the workspace once per session; set the notebook environment."""
    if "saved" in _state:
        return
    home = _state.get("home")
    if home is None:
        home = Path(tempfile.mkdtemp(prefix="aicmo-nbval-"))
        _state["home"] = home
    names = (*_CLEARED, "AICMO_HOME", "AICMO_NO_DOTENV", "AICMO_LLM_PRIMARY_PROVIDER",
             "AICMO_NOTEBOOK_SELFTEST", "AICMO_CAMPAIGN")
    _state["saved"] = {name: os.environ.get(name) for name in names}
    for name in _CLEARED:
        os.environ.pop(name, None)
    os.environ.update({
        "AICMO_HOME": str(home),
        "AICMO_NO_DOTENV": "1",  # a developer's .env with real keys must not reach CI kernels
        "AICMO_LLM_PRIMARY_PROVIDER": "offline",
        "AICMO_NOTEBOOK_SELFTEST": "1",
        "AICMO_CAMPAIGN": "demo",
    })
    if not _state.get("seeded"):
        from aicmo_kernel.demo import seed_demo
        from aicmo_kernel.store import Workspace

        with Workspace.open() as ws:
            seed_demo(ws)
        _state["seeded"] = True


def _restore() -> None:
    saved = _state.pop("saved", None)
    if not isinstance(saved, dict):
        return
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Notebook cells after everything else, notebooks in workflow order, cells in notebook order."""
    rank = {name: index for index, name in enumerate(NOTEBOOK_ORDER)}
    position = {id(item): index for index, item in enumerate(items)}

    def key(item: pytest.Item) -> tuple[int, int, int]:
        if not _is_notebook_cell(item):
            return (0, 0, position[id(item)])
        return (1, rank.get(item.path.stem, len(rank)), position[id(item)])

    items.sort(key=key)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if _is_notebook_cell(item):
        _activate()


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    if _is_notebook_cell(item) and not _is_notebook_cell(nextitem):
        _restore()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _restore()
    home = _state.pop("home", None)
    if isinstance(home, Path):
        shutil.rmtree(home, ignore_errors=True)
