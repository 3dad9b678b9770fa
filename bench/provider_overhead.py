"""1. Provider-layer overhead: the same generations against the loopback server at zero latency.

(a) the raw openai SDK in a plain loop; (b1) aicmo_kernel's ProviderChain around the OpenAI
adapter (request building, structured-output schema, JSON parsing, pydantic validation against
the module's output model); (b2) ``generate()`` into a SQLite workspace: (b1) plus the gate check,
inputs, prompt from approved upstream, deliverables, envelope validation, the stored run,
versions, audit rows and the call log; (c) LiteLLM ``completion`` with a fallback model
configured, run in its own virtualenv (``bench/.venv-litellm``; LiteLLM pins openai<3, which
this project cannot use). Every path sends the intake module's real request, non-streaming (as
headless generation does), rounds interleaved so machine noise hits all paths alike.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_provider import intake_request  # noqa: E402
from _common import FAKE_KEY, LITELLM_PYTHON, ROOT, Section, fresh_home, llm_environment, llm_server_process, table  # noqa: E402

_LITELLM_SCRIPT = r"""
import json, sys, time
import litellm
litellm.suppress_debug_info = True
spec = json.load(open(sys.argv[1]))
n = spec["n"]
kwargs = dict(model="openai/" + spec["model"], api_base=spec["base_url"], api_key=spec["key"],
              messages=spec["messages"], response_format=spec["response_format"], max_tokens=spec["max_tokens"],
              temperature=spec["temperature"], fallbacks=[{"model": "openai/" + spec["model"] + "-fallback",
              "api_base": spec["base_url"], "api_key": spec["key"]}], num_retries=0)
for _ in range(3):
    litellm.completion(**kwargs)
started = time.perf_counter()
for _ in range(n):
    answer = litellm.completion(**kwargs)
    json.loads(answer.choices[0].message.content)
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


def run(quick: bool = False) -> Section:
    import dataclasses

    import openai

    from aicmo_kernel.config import Settings
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import generate
    from aicmo_kernel.providers.chain import ProviderChain
    from aicmo_kernel.providers.openai import OpenAIProvider
    from aicmo_kernel.store import Workspace

    n = 50 if quick else 200
    rounds = 3
    with llm_server_process(0) as url, llm_environment(url), fresh_home():
        with Workspace.open() as ws:
            seed_demo(ws)
            request = dataclasses.replace(intake_request(ws), stream=False)
            provider = OpenAIProvider(settings=Settings.from_env(), allow_keyless=True)
            kwargs = provider._request_kwargs(request)
            client = openai.OpenAI(base_url=url, api_key=FAKE_KEY, max_retries=0, timeout=30)
            chain = ProviderChain([provider])

            def raw_sdk() -> None:
                for _ in range(n):
                    answer = client.chat.completions.create(**kwargs)
                    json.loads(answer.choices[0].message.content)

            def chain_only() -> None:
                for _ in range(n):
                    chain.complete(request)

            def full_generate() -> None:
                for _ in range(n):
                    assert generate(ws, "demo", "intake", use_cache=False).ok

            paths = {"a": raw_sdk, "b1": chain_only, "b2": full_generate}
            client.chat.completions.create(**kwargs)
            chain.complete(request)
            generate(ws, "demo", "intake", use_cache=False)
            samples: dict[str, list[float]] = {key: [] for key in paths}
            for _ in range(rounds):
                for key, fn in paths.items():
                    started = time.perf_counter()
                    fn()
                    samples[key].append(time.perf_counter() - started)
            litellm_seconds, litellm_note = _litellm(url, kwargs, n)
    per_call = {key: statistics.median(values) / n * 1000 for key, values in samples.items()}
    rows = [
        ["(a) raw openai SDK, plain loop", f"{per_call['a']:.2f}", "1.00"],
        ["(b1) aicmo ProviderChain + OpenAI adapter + pydantic validation", f"{per_call['b1']:.2f}",
         f"{per_call['b1'] / per_call['a']:.2f}"],
        ["(b2) aicmo generate() into a SQLite workspace (b1 + envelope + stored run, versions, audit, call log)",
         f"{per_call['b2']:.2f}", f"{per_call['b2'] / per_call['a']:.2f}"],
    ]
    if litellm_seconds is not None:
        per_call["c"] = litellm_seconds / n * 1000
        rows.append(["(c) LiteLLM completion() with a fallback configured", f"{per_call['c']:.2f}",
                     f"{per_call['c'] / per_call['a']:.2f}"])
    else:
        rows.append(["(c) LiteLLM", "not measured", litellm_note])
    md = (f"{n} generations per path and round, {rounds} rounds interleaved, median round; the intake "
          "module's request against the loopback server at zero latency (server in its own process).\n\n"
          + table(["path", "ms per generation", "ratio to (a)"], rows))
    if litellm_seconds is not None:
        md += f"\n\nLiteLLM: {litellm_note}."
    return Section("1. Provider-layer overhead", md, {"per_call_ms": per_call, "n": n})


def _litellm(url: str, kwargs: dict, n: int) -> tuple[float | None, str]:
    if not LITELLM_PYTHON.exists():
        return None, (f"LiteLLM is not installed for the benchmark: python -m venv bench/.venv-litellm && "
                      "bench/.venv-litellm/bin/pip install -r bench/requirements-litellm.txt")
    spec = {"n": n, "model": kwargs["model"], "base_url": url, "key": FAKE_KEY, "messages": kwargs["messages"],
            "response_format": kwargs["response_format"], "max_tokens": kwargs.get("max_tokens", 1024),
            "temperature": kwargs.get("temperature", 0.4)}
    with tempfile.TemporaryDirectory() as folder:
        spec_file = Path(folder) / "spec.json"
        script = Path(folder) / "litellm_loop.py"
        spec_file.write_text(json.dumps(spec))
        script.write_text(_LITELLM_SCRIPT)
        done = subprocess.run([str(LITELLM_PYTHON), str(script), str(spec_file)], capture_output=True, text=True,
                              cwd=ROOT, timeout=600)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"LiteLLM failed against the loopback server: {last[:300]}"
    version = subprocess.run([str(LITELLM_PYTHON), "-c", "import importlib.metadata as m; print(m.version('litellm'))"],
                             capture_output=True, text=True).stdout.strip()
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"], (
        f"litellm {version} in bench/.venv-litellm, model openai/<name> at the loopback base URL, "
        "one fallback model listed, num_retries=0")


if __name__ == "__main__":
    print(run("--quick" in sys.argv).markdown)
