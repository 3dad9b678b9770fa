"""The language of the later modules' offline documents (autonomy, leadgen, monitoring) for the
corpus's briefs written in French, Spanish or German: the share of their sentences that lingua
reads as the brief's language, per module, and the documents that pass the rubric's language
rule (at most one sentence in five in another language).

    python bench/later_languages.py            # this checkout
    (cd OTHER_CHECKOUT && python /path/to/bench/later_languages.py --root .)   # another one

Each brief's four offline drafts (``testing.offline_drafts``) are composed first, then the later
modules from them the way ``generate`` would, with the example leads and performance files
shipped in ``aicmo_kernel/data/examples``. Lines quoting a file or code's own table (``>``
banners, ``|`` table rows) are left out: they are the data's words, not ours. Learn is not here:
it reads a workspace's history. Deterministic (no clock, no model).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

LATER = ("autonomy", "leadgen", "monitoring")


def _compose_later(run: Any, data: dict[str, Any], name: str, examples: Path) -> dict[str, list[dict[str, Any]]]:
    """The later modules' drafts for one brief, each from the ones before (as ``drafts_for_brief``)."""
    from aicmo_kernel.briefs import parse_brief
    from aicmo_kernel.modules import get_module
    from aicmo_kernel.providers.offline import OfflineProvider

    parsed = parse_brief(data)
    brand = {"id": "brand-1", "branding": {}, "four_eyes": False, "memory_rules": [], **parsed.brand}
    c = parsed.campaign
    campaign = {"id": "campaign-1", "name": c["name"], "brand_id": "brand-1", "brand": brand["name"],
                "objective": c["objective"], "budget": c["budget"], "channels": list(c["channels"] or []),
                "start_date": c["start_date"].isoformat() if c["start_date"] else None,
                "end_date": c["end_date"].isoformat() if c["end_date"] else None, "status": "active"}  # fmt: skip
    given = {"leadgen": {"csv_path": str(examples / "demo_leads.csv")},
             "monitoring": {"csv_path": str(examples / "demo_performance.csv")}}
    upstream = dict(run.drafts)
    out: dict[str, list[dict[str, Any]]] = {}
    provider = OfflineProvider()
    for module in LATER:
        spec = get_module(module)
        values = {**spec.default_inputs(brand=brand, campaign=campaign, upstream=upstream), **given.get(module, {})}
        inputs = spec.validate_inputs(values)
        facts = spec.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream, workspace=None)
        request = spec.build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)
        answer = provider.complete(request)
        items = spec.to_deliverables(answer.data, inputs=inputs, brand=brand, campaign=campaign, facts=facts)
        out[module] = [{"kind": d.kind, "title": d.title, "content_markdown": d.content_markdown,
                        "metadata": d.metadata, "module": module} for d in items]  # fmt: skip
        upstream[module] = out[module]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1],
                        help="the checkout whose aicmo_kernel composes the drafts")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    from aicmo_kernel.briefs import read_brief_file
    from aicmo_kernel.qc.rubric import brief_language, detect_language, sentences
    from aicmo_kernel.testing.offline_drafts import drafts_for_brief

    corpus = Path(__file__).resolve().parents[1] / "tests" / "data" / "briefs_corpus"
    totals = {m: [0, 0, 0, 0] for m in LATER}  # sentences, in the language, documents, documents passing
    briefs = 0
    for path in sorted(corpus.glob("*.y*ml")):
        data = read_brief_file(path)
        run = drafts_for_brief(data, path.stem)
        want = brief_language(run.facts)
        if want not in ("fr", "es", "de") or run.errors:
            continue
        briefs += 1
        for module, drafts in _compose_later(run, data, path.stem, root / "aicmo_kernel" / "data" / "examples").items():
            for d in drafts:
                text = "\n".join(line for line in d["content_markdown"].splitlines()
                                 if not line.lstrip().startswith((">", "|")))
                found = [detect_language(s) for s in sentences(text) if len(s.split()) >= 4]
                right = sum(f in (None, want) for f in found)
                totals[module][0] += len(found)
                totals[module][1] += right
                totals[module][2] += 1
                totals[module][3] += int(not found or (len(found) - right) / len(found) <= 0.2)
    print(f"Later modules' offline documents in the brief's language ({briefs} briefs in fr/es/de; {root})")
    for module, (n, right, docs, passing) in totals.items():
        share = right / n if n else 0.0
        print(f"  {module:<11} {share:.3f} of {n} sentences   {passing}/{docs} documents pass (<= 1 in 5 other)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
