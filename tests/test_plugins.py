"""A module from another package works everywhere a built-in one does, with no change to
aicmo_kernel: ``tests/plugins/aicmo_press`` (a press release that waits for the strategy),
installed as a package is (a ``*.dist-info`` folder whose ``entry_points.txt`` lists it in the
``aicmo.modules`` group) on ``sys.path`` and on ``PYTHONPATH`` for child processes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicmo_kernel import registry
from aicmo_kernel.cli import main
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.generation import generate
from aicmo_kernel.store import Workspace
from aicmo_kernel.store.queue import waiting_page

from fixtures_store import approve_all

PLUGIN_SOURCE = Path(__file__).parent / "plugins" / "aicmo_press"


@pytest.fixture
def press_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    site = tmp_path / "site-packages"
    shutil.copytree(PLUGIN_SOURCE, site / "aicmo_press")
    dist = site / "aicmo_press-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: aicmo-press\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[aicmo.modules]\npress = aicmo_press:INFO\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))
    registry.refresh()
    try:
        yield site
    finally:
        registry.refresh()
        for name in [n for n in sys.modules if n == "aicmo_press" or n.startswith("aicmo_press.")]:
            del sys.modules[name]


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setenv("AICMO_REVIEWER", "rita")
    runner = CliRunner()

    def invoke(*args: str, code: int = 0):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == code, f"{args}: exit {result.exit_code}\n{result.output}"
        return result

    return invoke


def test_the_registry_lists_the_plugin_after_the_built_in_modules(press_plugin):
    names = registry.module_names()
    assert names[-1] == "press" and len(names) == 10
    info = registry.module_info("press")
    assert info.title == "Press release" and info.upstream == ("strategy",)
    assert "press" in registry.downstream_of("intake")
    spec = registry.load_spec("press")
    assert spec.prompt_version == "press.v1" and spec.name == "press"


def test_a_broken_plugin_is_left_out_and_the_built_ins_still_work(press_plugin):
    (press_plugin / "aicmo_press-0.1.dist-info" / "entry_points.txt").write_text(
        "[aicmo.modules]\npress = aicmo_press:INFO\nbad = aicmo_press:NOPE\n")
    registry.refresh()
    with pytest.warns(UserWarning, match="'bad'"):
        names = registry.module_names()
    assert names[:9] == [info.name for info in registry.BUILT_IN] and "press" in names


def test_generate_run_status_and_exports_through_the_command_line(press_plugin, cli, tmp_path):
    cli("init")
    refused = cli("generate", "press", "--campaign", "demo", code=2)  # the gate: strategy first
    assert "strategy" in refused.output
    report = json.loads(cli("run", "--campaign", "demo", "--autonomy", "full", "--json").output)
    generated = [s["module"] for s in report["steps"] if s["action"] == "generated"]
    assert "press" in generated and generated.index("press") > generated.index("strategy")
    assert report["outcome"] == "complete", report
    status = {row["module"]: row["state"] for row in json.loads(cli("status", "-c", "demo", "--json").output)["modules"]}
    assert status["press"] == "approved"
    markdown = tmp_path / "press.md"
    cli("export", "--campaign", "demo", "--module", "press", "--format", "md", "--out", str(markdown))
    assert "## Press release" in markdown.read_text() and "Rotaly" in markdown.read_text()
    with Workspace.open() as ws:  # the client pack without a delivery selection: every approved item
        press = ws.list_deliverables("demo", "press")
    assert [d.kind for d in press] == ["press_release"]


def test_a_fresh_process_finds_the_plugin_through_its_entry_point(press_plugin, isolated_env):
    exe = Path(sys.executable).with_name("aicmo")
    env = dict(os.environ)
    assert subprocess.run([str(exe), "init"], env=env, capture_output=True, text=True, timeout=120).returncode == 0
    with Workspace.open() as ws:
        for module in ("intake", "strategy"):
            assert generate(ws, "demo", module).ok
            approve_all(ws, "demo", module)
    done = subprocess.run([str(exe), "generate", "press", "--campaign", "demo"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "SUCCESS via offline/" in done.stdout and "press_release" in done.stdout


def test_panel_queue_qc_and_client_pack_take_the_plugin(press_plugin):
    from aicmo_kernel.export import build_client_pack
    from aicmo_kernel.ui.helpers import deliverable_qc
    from aicmo_kernel.ui.panel import ModulePanel, module_panel
    from aicmo_kernel.ui.queue import review_queue
    from aicmo_kernel.ui.services import Services

    with Workspace.open() as ws:
        seed_demo(ws)
        for module in ("intake", "strategy"):
            assert generate(ws, "demo", module).ok
            approve_all(ws, "demo", module)
        services = Services(workspace=ws, reviewer="rita")
        panel = module_panel("press", campaign="demo", services=services)
        assert isinstance(panel, ModulePanel) and panel.module == "press"
        assert {"brand_name", "announcement", "spokesperson"} <= set(panel.inputs.value)
        assert panel.inputs.value["brand_name"] == "Rotaly"  # pre-filled from the brand
        result = generate(ws, "demo", "press", panel.inputs.value)
        assert result.ok and result.envelope.module == "press"
        waiting = waiting_page(ws, module="press")
        assert [item.kind for item in waiting] == ["press_release"]
        queue = review_queue(services)
        assert "press" in [value for _, value in queue.module_filter.options]
        draft = ws.list_deliverables("demo", "press")[0]
        assert deliverable_qc(ws, draft).passed
        approve_all(ws, "demo", "press")
        pack = build_client_pack(ws, "demo", formats=["json", "md"])
        assert "press_release" in [item.kind for item in pack.items]
        manifest = json.loads(zipfile.ZipFile(io.BytesIO(pack.to_zip())).read("demo-client-pack/manifest.json"))
        assert "press" in {item["module"] for item in manifest["items"]}
