"""The scoring's reasons in the documents' language: "a ouvert 3 e-mails", "hace 45 días".

``leads.scoring`` writes each component's reason in English and keeps its sentences with their
blanks (``ScoreComponent.parts``); here each sentence is looked up in the catalogues
(``phrasebook.tr``, ``phrasebook.counted`` for a count) and a value from the file (a job title,
an industry) is quoted the language's way. The components' keys, points and groups are the same
in every language; only the text a reader sees changes. English is the scoring's own text. An
amount of money (what a person spent) is written the language's way, so the grounding check reads it.
"""

from __future__ import annotations

from typing import Any

from ...leads import ScoreComponent, ScoredLead
from ..phrasebook import counted, quote, tr, typeset, written_in

__all__ = ["joined_reasons", "localized_row", "reason_text"]


def reason_text(component: ScoreComponent, lang: str) -> str:
    """``component``'s reason as ``lang`` writes it."""
    if lang == "en":
        return component.reason
    parts = []
    for part in component.parts:
        values = dict(part.values)
        shown = {key: quote(lang, str(value)) if key in part.quoted else _amount(lang, value) if key in part.amounts
                 else value for key, value in values.items()}
        if part.plural:
            parts.append(counted(lang, int(values["count"]), part.text, part.plural,
                                 **{k: v for k, v in shown.items() if k != "count"}))
        else:
            parts.append(tr(lang, part.text, **shown))
    return " ".join(parts)


def joined_reasons(lang: str, reasons: list[str]) -> str:
    """Several reasons in one line, separated as ``lang`` writes a semicolon: "; " in English, Spanish
    and German, " ; " in French (a narrow no-break space before it, as inside one reason: the
    same separator between reasons as within them)."""
    return typeset(lang, " ; " if lang == "fr" else "; ").join(reasons)


def _amount(lang: str, value: float) -> str:
    """An amount of money with two decimals as ``lang`` writes it: 1,204.99 (en), 1 204,99 (fr),
    1.204,99 (es, de)."""
    return written_in(lang, f"{value:,.2f}")


def localized_row(scored: ScoredLead, lang: str) -> dict[str, Any]:
    """``scored.as_row()`` with its reasons (the list and each component's) in ``lang``."""
    row = scored.as_row()
    if lang == "en":
        return row
    texts = [reason_text(c, lang) for c in scored.components]
    row["reasons"] = [text for c, text in zip(scored.components, texts, strict=True) if c.points > 0]
    for component, text in zip(row["components"], texts, strict=True):
        component["reason"] = text
    return row
