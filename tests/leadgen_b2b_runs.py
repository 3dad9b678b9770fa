"""B2B leadgen runs, rendered offline from fixed inputs, for tests/test_people_leads.py's guard:
a business brief's documents, metadata and prompt stay exactly as they were before leads files of
people were read (``b2b_leadgen_documents.json``, written by ``python tests/leadgen_b2b_runs.py``
from the repository root before that change, and again when countries were first matched as
countries: a lead in "United Kingdom" is now in the brief's "UK and Ireland", 5 points more, and
the prompt names its version leadgen.v4; nothing else changed), and when French reasons were joined
with the French semicolon (a narrow no-break space before it) as inside one reason: 41 lines of
salesforce-fr, nothing else), and when a French colon closed by Markdown emphasis ("**Avant l'envoi :**")
got its no-break space: 2 lines of salesforce-fr)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "leads"
SNAPSHOT = DATA / "b2b_leadgen_documents.json"
EXAMPLES = Path(__file__).parents[1] / "aicmo_kernel" / "data" / "examples"
BRAND = {"name": "Northwind Ledger", "industry": "Month-end close software for mid-sized manufacturers",
         "geography": "UK and Ireland"}
CAMPAIGN = {"name": "northwind-q2", "start_date": "2027-03-01", "end_date": "2027-05-31"}
SUMMARY = {"client_name": "Northwind Ledger", "audience": "Finance controllers and CFOs at manufacturers with 200 "
           "to 2,000 staff", "offer": "A 30-day pilot of automated reconciliations for manufacturers",
           "industry": "Month-end close software for manufacturers", "geography": "UK and Ireland",
           "objective": "leads", "pain_points": ["Month-end close takes twelve working days"],
           "desired_outcomes": ["A close in five days"], "objections": ["Another tool to learn"],
           "usp": "Reconciles bank and ledger lines overnight"}  # fmt: skip
RUNS = (  # (name, leads file, documents' language)
    ("hubspot-en", DATA / "hubspot_contacts.csv", "en"),
    ("salesforce-fr", DATA / "salesforce_leads.csv", "fr"),
    ("pipedrive-es", DATA / "pipedrive_deals.xlsx", "es"),
    ("demo-de", EXAMPLES / "demo_leads.csv", "de"),
)


def b2b_run(path: Path, lang: str) -> dict[str, Any]:
    """The facts, prompt and deliverables of one offline leadgen run over a business brief."""
    from aicmo_kernel.modules import get_module

    spec = get_module("leadgen")
    upstream = {"intake": [{"kind": "client_summary", "metadata": dict(SUMMARY)}],
                "strategy": [{"kind": "strategy_document", "metadata": {"language": lang, "duration_weeks": 13}},
                             {"kind": "messaging_framework", "metadata": {
                                 "core_message": "Close the month in days, not weeks",
                                 "calls_to_action": ["Book a 20-minute walkthrough"]}}]}  # fmt: skip
    inputs = {"csv_path": str(path), "min_score": 0, "max_leads": 20}
    facts = spec.prepare_facts(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=upstream)
    request = spec.build_request(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=upstream, facts=facts)
    output = spec.compose_offline(request.context)
    items = spec.to_deliverables(output, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts)
    return {
        "facts_sha256": _digest({k: v for k, v in facts.items() if k != "source"}),
        "prompt_sha256": _digest(request.prompt.replace(str(path), path.name)),
        "documents": [{"kind": i.kind, "title": i.title, "markdown": i.content_markdown,
                       "metadata_sha256": _digest({k: v for k, v in i.metadata.items() if k != "source"})}
                      for i in items],
    }


def _digest(value: Any) -> str:
    """The SHA-256 of ``value`` as canonical JSON: the facts, prompt and metadata are long, and the
    documents' Markdown (kept whole) says what changed."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def all_runs() -> dict[str, Any]:
    return {name: b2b_run(path, lang) for name, path, lang in RUNS}


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(all_runs(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
