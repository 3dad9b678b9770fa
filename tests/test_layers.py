"""The package's layers hold: import-linter's contracts (pyproject.toml), every package placed in
a layer, and no module reaching into another package's private modules."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import aicmo_kernel

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(aicmo_kernel.__file__).parent


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def test_the_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_every_package_and_top_level_module_has_a_layer():
    layered = {
        name.strip()
        for contract in _contracts() if contract["type"] == "layers"
        for layer in contract["layers"] for name in layer.split("|")
    }
    present = {f"aicmo_kernel.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    present |= {f"aicmo_kernel.{path.parent.name}" for path in PACKAGE.glob("*/__init__.py")}
    assert present - layered == set(), "give each new package or module a layer in pyproject.toml"
    assert layered - present == set(), "a layer names a package that no longer exists"


def private_reaches(imports: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (importer, imported) pairs where ``imported`` is a private module (a name starting with
    one underscore) of another top-level package of aicmo_kernel than the importer's."""
    found = []
    for importer, imported in imports:
        parts = imported.split(".")
        if len(parts) < 3 or parts[0] != "aicmo_kernel":
            continue
        private = any(part.startswith("_") and not part.startswith("__") for part in parts[2:])
        if private and importer.split(".")[1] != parts[1]:
            found.append((importer, imported))
    return found


def test_the_private_check_finds_what_it_should():
    assert private_reaches([("aicmo_kernel.ui.helpers", "aicmo_kernel.modules._platforms"),
                            ("aicmo_kernel.qc.checks", "aicmo_kernel.qc._text"),
                            ("aicmo_kernel.cli", "aicmo_kernel.platforms")]) == [
        ("aicmo_kernel.ui.helpers", "aicmo_kernel.modules._platforms")]


def test_no_module_imports_another_packages_private_module():
    import grimp

    graph = grimp.build_graph("aicmo_kernel", cache_dir=None)
    imports = [(importer, imported) for importer in graph.modules
               for imported in graph.find_modules_directly_imported_by(importer)]
    assert len(imports) > 100  # the graph really was built
    assert private_reaches(imports) == []
