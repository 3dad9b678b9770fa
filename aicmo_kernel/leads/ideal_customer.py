"""What a good lead looks like (``IdealCustomer``), derived from the approved brief, and how its
words are compared with a lead's: plain words (accents, case and plurals aside), and job titles by
meaning ("finance controllers and CFOs" names a "Financial Controller" and a "Chief Financial
Officer"). Nothing here is invented: a brief that names no role, industry or size names none."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["ROLES", "SENIOR_ROLES", "IdealCustomer", "concepts", "has_phrase", "plain", "words_of"]

# Roles, most specific first, so "general manager" wins over "manager".
ROLES = (
    "general manager", "managing director", "operations manager", "owner operator", "co founder",
    "owner", "founder", "proprietor", "operator", "director", "manager", "head", "chief", "ceo", "coo",
    "cfo", "cmo", "partner", "president", "vp",
)  # fmt: skip
SENIOR_ROLES = {"owner", "founder", "co founder", "proprietor", "director", "managing director", "general manager",
                "ceo", "coo", "cfo", "cmo", "chief", "head", "partner", "president", "vp", "manager",
                "operations manager", "owner operator"}  # fmt: skip
# Words that say nothing about a customer's industry (nor roles: those are scored separately).
_GENERIC_WORDS = (
    "a an and or of with the for to in on at by from who whose that their they them our your its is are be "
    "small medium large independent local business businesse company team staff people employee customer "
    "client user member worker seat headcount site firm organisation organization sector industry market "
    "based across around about than more less up over under between starting start mainly mostly especially "
    "including plus new existing other such"
)
_STOP = frozenset(_GENERIC_WORDS.split()) | {w for role in ROLES for w in role.split()}
_SIZE_IN_TEXT = re.compile(
    r"(\d[\d,]*)\s*(?:to|-|–)\s*(\d[\d,]*)\s*(?:staff|employees|people|team members|workers|seats|head ?count)",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """Lower case, accents dropped, punctuation as spaces: 'Owner-operators, cafés' -> 'owner operators cafes'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxh":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words_of(text: str) -> list[str]:
    return [singular(w) for w in plain(text).split()]


def has_phrase(words: Sequence[str], phrase: str) -> bool:
    return f" {phrase} " in f" {' '.join(words)} "


# Job titles are compared by meaning: words that say the same thing become one concept, and an
# abbreviation becomes the words it stands for, so "finance controllers and CFOs" scores a
# "Financial Controller" and a "Chief Financial Officer". Extend the tables, not the matching.
_ABBREVIATIONS = {
    "cfo": "chief finance officer", "ceo": "chief executive officer", "coo": "chief operations officer",
    "cmo": "chief marketing officer", "cto": "chief technology officer", "cio": "chief technology officer",
    "cro": "chief revenue officer", "chro": "chief people officer", "vp": "vice president",
    "svp": "senior vice president", "evp": "executive vice president", "fd": "finance director",
    "md": "managing director", "gm": "general manager", "hr": "people", "it": "technology",
    "ops": "operations", "bd": "sales", "fp a": "finance planning",
}  # fmt: skip
_SYNONYMS = {
    "financial": "finance", "fin": "finance", "accounting": "finance", "account": "finance",
    "treasury": "finance", "comptroller": "controller", "controlling": "controller",
    "human": "people", "resource": "people", "talent": "people", "personnel": "people",
    "tech": "technology", "information": "technology", "engineering": "technology",
    "commercial": "sales", "revenue": "sales", "business": "sales", "development": "sales",
    "growth": "marketing", "marketer": "marketing", "brand": "marketing", "demand": "marketing",
    "operational": "operations", "operating": "operations", "purchasing": "procurement", "buyer": "procurement",
    "owner operator": "owner", "proprietor": "owner", "co": "", "founding": "founder",
}  # fmt: skip
# Words that name a job (not only a department): a phrase of the audience is a role when it has one.
_OCCUPATIONS = frozenset(
    ["controller", "accountant", "bookkeeper", "officer", "executive", "director", "manager", "head", "chief", "owner", "founder", "partner", "president", "analyst", "engineer", "developer", "planner", "administrator", "coordinator", "specialist", "lead", "consultant", "adviser", "advisor", "treasurer", "secretary", "clerk", "buyer", "recruiter", "operator", "principal"]
)
_FUNCTIONS = frozenset(["finance", "marketing", "sales", "people", "technology", "operations", "procurement", "legal"])
_ROLE_GLUE = frozenset({"of", "and", "vice", "senior", "general", "managing", "executive", "deputy", "assistant"})


@lru_cache(maxsize=4096)
def concepts(text: str) -> frozenset[str]:
    """The meaning of a title or role: 'Financial Controller' and 'finance controllers' -> {finance, controller}.
    Remembered: a file repeats its titles, and each lead is compared with every role of the audience."""
    words = " ".join(words_of(text))
    for short, long in _ABBREVIATIONS.items():
        words = re.sub(rf"\b{short}\b", long, words)
    for phrase, same in _SYNONYMS.items():
        words = re.sub(rf"\b{phrase}\b", same, words)
    return frozenset(w for w in words.split() if w and w not in {"of", "and", "the", "a", "for", "in", "at"})


def _role_phrases(audience: str) -> tuple[str, ...]:
    """The roles an audience names, as written: 'finance controllers and CFOs at manufacturers' ->
    ('finance controller', 'cfo'). A role is a run of department and job words holding a job word."""
    phrases: list[str] = []
    for part in re.split(r",|;|/|\band\b|\bor\b|&|\bat\b|\bin\b|\bwith\b|\bfor\b|\bwho\b", plain(audience)):
        words = [singular(w) for w in part.split()]
        run: list[str] = []
        for word in [*words, ""]:
            meaning = concepts(word) if word else frozenset()
            if word and (meaning & (_OCCUPATIONS | _FUNCTIONS) or word in _ROLE_GLUE or word in _ABBREVIATIONS):
                run.append(word)
                continue
            while run and run[-1] in _ROLE_GLUE:
                run.pop()
            if run and concepts(" ".join(run)) & _OCCUPATIONS:
                phrases.append(" ".join(run))
            run = []
    return tuple(dict.fromkeys(phrases))


@dataclass(frozen=True)
class IdealCustomer:
    """What a good lead looks like, derived from the approved brief (never invented)."""

    audience: str = ""
    roles: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    size_range: tuple[int, int] | None = None
    geography: str = ""

    @classmethod
    def from_brief(cls, upstream: dict[str, list[dict[str, Any]]], brand: dict[str, Any], *,
                   people: bool = False) -> IdealCustomer:
        """``people``: the audience is people buying for themselves (families, fans), so neither its
        words nor what the offer is "for" ("for families") name a lead's industry; only what the
        brand's industry is "for" does. The place the brief names is never an industry ("bristol")."""
        summary: dict[str, Any] = {}
        for item in upstream.get("intake", []):
            if item.get("kind") == "client_summary":
                summary = dict(item.get("metadata") or {})
        strategy: dict[str, Any] = {}
        for item in upstream.get("strategy", []):
            if item.get("kind") == "strategy_document":
                strategy = dict(item.get("metadata") or {})
        audience = str(summary.get("audience") or strategy.get("audience") or "")
        offer = str(summary.get("offer") or strategy.get("offer") or "")
        industry = str(summary.get("industry") or brand.get("industry") or "")
        words = words_of(audience)
        roles = tuple(dict.fromkeys([*(r for r in ROLES if has_phrase(words, r)), *_role_phrases(audience)]))
        # The customer's industry: the audience, what the offer is "for", and the brand's "for ..." part.
        sources = [*([] if people else [audience, *re.findall(r"\bfor ([^:;,.()]+)", offer)]),
                   *re.findall(r"\bfor ([^:;,.()]+)", industry)]
        geography = str(summary.get("geography") or brand.get("geography") or "")
        excluded = {w for role in roles for w in role.split()} | set(words_of(geography))
        industries = tuple(dict.fromkeys(
            w for text in sources for w in words_of(text)
            if w not in _STOP and w not in excluded and not w.isdigit() and len(w) > 2
        ))
        size = _SIZE_IN_TEXT.search(f"{audience} {offer}")
        size_range = (int(size.group(1).replace(",", "")), int(size.group(2).replace(",", ""))) if size else None
        return cls(audience, roles, industries, size_range, geography)

    def as_dict(self) -> dict[str, Any]:
        return {"audience": self.audience, "roles": list(self.roles), "industries": list(self.industries),
                "size_range": list(self.size_range) if self.size_range else None, "geography": self.geography}

