"""A score's components: the rules (``SCORE_RULES``), and each component's points with its reason.

A reason is English (``ScoreComponent.reason``), and also its sentences with their blanks
(``parts``: the English sentence is a catalogue key, as in gettext, with the plural sentence when it
counts something), so a module writes it in its document's language; the components' keys stay the
same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["SCORE_RULES", "ReasonPart", "ScoreComponent", "capped", "part"]

SCORE_RULES: tuple[tuple[str, int, str], ...] = (
    ("Title", 20, "20 when the job title names a role the audience names; 10 for another senior role"),
    ("Industry", 15, "15 when the lead's industry is one the brief names"),
    ("Company size", 10, "10 when the head count overlaps the size range in the brief"),
    ("Geography", 5, "5 when the country is in the brief's geography; 2 for the same country, region unconfirmed"),
    ("Email opens", 5, "1 point per open, at most 5"),
    ("Email clicks", 9, "3 points per click, at most 9"),
    ("Site visits", 6, "2 points per visit, at most 6"),
    ("Replied", 15, "15 when the lead replied"),
    ("Recency", 15, "15 if active within 7 days of the file's latest activity, 10 within 30, 5 within 90"),
)


@dataclass(frozen=True)
class ReasonPart:
    """One sentence of a reason: ``text`` with its blanks ("opened {count} email"), ``plural`` the
    sentence for any other count ("opened {count} emails", empty when nothing is counted).
    ``quoted``: the blanks that hold a value from the file (a job title, an industry);
    ``amounts``: the blanks that hold an amount of money, written with two decimals the
    language's way (1,204.99 in English)."""

    text: str
    values: tuple[tuple[str, Any], ...] = ()
    plural: str = ""
    quoted: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()

    def english(self) -> str:
        values = dict(self.values)
        text = self.plural if self.plural and values.get("count") != 1 else self.text
        shown = {k: repr(v) if k in self.quoted else f"{v:,.2f}" if k in self.amounts else v for k, v in values.items()}
        return text.format(**shown) if values else text


def part(text: str, plural: str = "", quoted: tuple[str, ...] = (), amounts: tuple[str, ...] = (),
         **values: Any) -> ReasonPart:  # fmt: skip
    return ReasonPart(text, tuple(values.items()), plural, quoted, amounts)


@dataclass(frozen=True, init=False)
class ScoreComponent:
    key: str
    group: str  # fit, engagement or recency
    points: int
    max_points: int
    reason: str  # in English, the parts joined
    parts: tuple[ReasonPart, ...]

    def __init__(self, key: str, group: str, points: int, max_points: int, *parts: ReasonPart | str) -> None:
        made = tuple(part(p) if isinstance(p, str) else p for p in parts)
        for name, value in (("key", key), ("group", group), ("points", points), ("max_points", max_points),
                            ("reason", " ".join(p.english() for p in made)), ("parts", made)):
            object.__setattr__(self, name, value)



def capped(key: str, count: int | None, each: int, cap: int, said: tuple[str, str], none: str,
           group: str = "engagement") -> ScoreComponent:  # fmt: skip
    """``said``: the reason for one and for several ("opened {count} email", "opened {count} emails")."""
    if not count:
        return ScoreComponent(key, group, 0, cap, none)
    points = min(cap, count * each)
    cap_note = (part("(capped at {cap} points)", cap=cap),) if count * each > cap else ()
    return ScoreComponent(key, group, points, cap, part(said[0], said[1], count=count), *cap_note)

