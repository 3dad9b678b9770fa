"""4. Kernel weight: ``import aicmo_kernel`` against ``import openai`` and ``import litellm``, and
what reading the module list costs (the registry scans the installed packages' entry points).

Each import in a fresh interpreter (``python -X importtime`` would perturb it, so wall time of
``python -c "import X"`` minus ``python -c "pass"``), many repetitions, interleaved, median.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import LITELLM_PYTHON, ROOT, Section, table  # noqa: E402


def _once(python: str, code: str) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - started


def run(quick: bool = False) -> Section:
    repeat = 7 if quick else 25
    cases = {
        "baseline (python -c pass)": (sys.executable, "pass"),
        "import aicmo_kernel": (sys.executable, "import aicmo_kernel"),
        # What every command and panel pays to learn the modules: plugins are found by scanning
        # the installed packages' entry points (aicmo_kernel.registry).
        "module list (registry, plugins' entry points)": (
            sys.executable, "from aicmo_kernel.registry import module_names; module_names()"),
        "import openai": (sys.executable, "import openai"),
    }
    if LITELLM_PYTHON.exists():
        cases["baseline, litellm venv"] = (str(LITELLM_PYTHON), "pass")
        cases["import litellm (its own venv)"] = (str(LITELLM_PYTHON), "import litellm")
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, (python, code) in cases.items():
            samples[name].append(_once(python, code))
    med = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    net = {
        "import aicmo_kernel": med["import aicmo_kernel"] - med["baseline (python -c pass)"],
        "import openai": med["import openai"] - med["baseline (python -c pass)"],
        "module list (registry, plugins' entry points)":
            med["module list (registry, plugins' entry points)"] - med["baseline (python -c pass)"],
    }
    if "import litellm (its own venv)" in med:
        net["import litellm (its own venv)"] = med["import litellm (its own venv)"] - med["baseline, litellm venv"]
    rows = [[name, f"{med[name]:.0f}", f"{net[name]:.1f}" if name in net else "", 
             f"{net[name] / net['import openai']:.3f}" if name in net else ""] for name in cases]
    md = (f"Fresh interpreter per import, {repeat} repetitions interleaved, median.\n\n"
          + table(["command", "wall ms", "import ms (minus baseline)", "÷ import openai"], rows))
    return Section("4. Kernel weight", md, {"net_ms": net})


if __name__ == "__main__":
    print(run("--quick" in sys.argv).markdown)
