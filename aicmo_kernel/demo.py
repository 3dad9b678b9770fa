"""The demo brand and campaign that ``aicmo init`` seeds.

The brief is ``data/demo_brief.json``; modules may add their demo inputs as
``data/demo_inputs/<module>.json``. Example data files (CSV) ship in ``data/examples/`` and are
copied to ``$AICMO_HOME/examples/`` so a user can open and change them; the token
``${AICMO_EXAMPLES}`` in demo inputs stands for that folder.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import NotFoundError

if TYPE_CHECKING:
    from .store import Workspace

__all__ = ["DEMO_CAMPAIGN", "copy_examples", "load_demo_brief", "seed_demo"]

DEMO_CAMPAIGN = "demo"
_EXAMPLES_TOKEN = "${AICMO_EXAMPLES}"


def _data():
    return resources.files("aicmo_kernel").joinpath("data")


def copy_examples(home: Path | None = None) -> Path:
    """Copy the shipped example data files to ``$AICMO_HOME/examples`` (existing files are kept)."""
    target = (home or Settings.from_env().home) / "examples"
    target.mkdir(parents=True, exist_ok=True)
    source = _data().joinpath("examples")
    if source.is_dir():
        for item in source.iterdir():
            if item.is_file() and not (target / item.name).exists():
                with resources.as_file(item) as path:
                    shutil.copyfile(path, target / item.name)
    return target


def load_demo_brief(examples_dir: Path | None = None) -> dict[str, Any]:
    """The demo brief with every module's demo inputs merged in."""
    brief = json.loads(_data().joinpath("demo_brief.json").read_text(encoding="utf-8"))
    extra = _data().joinpath("demo_inputs")
    if extra.is_dir():
        for item in sorted(extra.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".json"):
                brief.setdefault("inputs", {})[item.name[: -len(".json")]] = json.loads(item.read_text(encoding="utf-8"))
    if examples_dir is not None:
        text = json.dumps(brief).replace(_EXAMPLES_TOKEN, str(examples_dir).replace("\\", "/"))
        brief = json.loads(text)
    return brief


def seed_demo(ws: "Workspace", *, examples_dir: Path | None = None) -> bool:
    """Create the demo brand and the `demo` campaign unless they exist. True if created.

    ``examples_dir``: where the demo inputs find the example files; default: copied to
    ``$AICMO_HOME/examples`` (``copy_examples``)."""
    try:
        ws.get_campaign(DEMO_CAMPAIGN)
        return False
    except NotFoundError:
        pass
    brief = load_demo_brief(examples_dir or copy_examples())
    brand_fields = dict(brief["brand"])
    name = brand_fields.pop("name")
    try:
        brand = ws.get_brand(name)
    except NotFoundError:
        brand = ws.create_brand(name, **brand_fields)
    campaign = dict(brief["campaign"])
    campaign.pop("name", None)
    ws.create_campaign(brand.name, DEMO_CAMPAIGN, brief={"inputs": brief["inputs"]}, **campaign)
    return True
