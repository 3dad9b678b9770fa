"""Small, deterministic text helpers shared by the offline composers.

Nothing here reads the clock or a random generator: variety comes from a hash of the inputs, so
the same brief always yields the same draft and a different brief a different one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..briefs.values import campaign_days, campaign_weeks

if TYPE_CHECKING:
    from .sectors import Sector

__all__ = [
    "Timeline",
    "audience_kind",
    "budget_rate",
    "clip",
    "days_between",
    "disclaimer_text",
    "display_theme",
    "drop_banned_phrases",
    "first_clause",
    "first_sentence",
    "fit_days",
    "framed_sector",
    "hashtag",
    "in_days",
    "is_slug",
    "join_human",
    "length_text",
    "length_words",
    "lower_first",
    "mentions_any",
    "pick",
    "plain",
    "quote",
    "seed_of",
    "sentence",
    "strip_end",
    "timeline",
    "trim_dangling",
    "unique",
    "uses_banned",
    "weekly_routine",
    "weeks_between",
    "without_banned",
]

# Capitalised words that stay capitalised mid-sentence.
_KEEP_CAPITAL = {
    "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Instagram", "LinkedIn", "Facebook", "TikTok", "YouTube",
    "WhatsApp", "Google", "Excel",
}  # fmt: skip


def seed_of(*parts: Any) -> str:
    """A stable digest of ``parts`` (dict order does not matter)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pick(options: Sequence[str], seed: str, salt: str) -> str:
    """One of ``options``, chosen by the seed and a per-use salt."""
    digest = hashlib.sha256(f"{seed}:{salt}".encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def strip_end(text: str) -> str:
    return text.strip().rstrip(".!?;:, ").strip()


def sentence(text: str) -> str:
    """Capitalised, with a full stop unless it already ends in punctuation."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def lower_first(text: str) -> str:
    """'Sunday nights lost' stays; 'Staff who swap' -> 'staff who swap'; 'GDPR rules' stays."""
    text = text.strip()
    if not text:
        return text
    word = re.split(r"[\s,;:.]", text, maxsplit=1)[0]
    if word in _KEEP_CAPITAL or any(c.isupper() for c in word[1:]):
        return text
    return text[0].lower() + text[1:]


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)
    return parts[0] if parts else ""


# Words a phrase cannot end on: cutting there leaves "a calm, predictable..." as "a calm" or
# "reconciles bank, ERP and card feeds" as "reconciles bank".
_DANGLING = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "with", "for", "from", "in", "on", "at", "by",
    "into", "as", "than", "which", "who", "whose", "that", "your", "their", "our", "its", "my", "his", "her",
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "avec", "pour", "qui", "que", "au", "aux",
    "el", "los", "las", "unos", "y", "o", "con", "para", "por", "del", "su", "sus",
    "der", "die", "das", "den", "dem", "ein", "eine", "einen", "und", "oder", "mit", "für", "von", "zu", "im",
}  # fmt: skip
_MIN_CLAUSE_WORDS = 4


def _is_list_comma(before: str, after: str) -> bool:
    """Whether the comma between ``before`` and ``after`` separates list items or adjectives
    ("bank, ERP and card feeds", "a calm, predictable month-end") rather than clauses."""
    rest = re.split(r"[,;:.]", after, maxsplit=1)[0]
    if re.search(r"\b(and|or|et|ou|y|o|und|oder)\b", rest) and len(rest.split()) <= 6:
        return True
    return len(before.split()) < _MIN_CLAUSE_WORDS


def trim_dangling(text: str) -> str:
    """``text`` without trailing words a phrase cannot end on ("twelve days with the" -> "twelve days")."""
    words = text.strip().rstrip(".,;:!? ").split()
    while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:")


def first_clause(text: str) -> str:
    """A short handle for a long phrase: up to the first clause break that leaves a whole phrase
    (four words or more, not inside a list, not ending on "a", "and", "with" ...), else the whole
    first sentence. Never "What changes: a calm." from "A calm, predictable month-end"."""
    first = first_sentence(text.strip())
    for match in re.finditer(r"\s[-\u2013\u2014]\s|[,;:]\s", first):
        before, after = first[: match.start()], first[match.end():]
        if match.group(0).strip() == "," and _is_list_comma(before, after):
            continue
        if len(before.split()) >= _MIN_CLAUSE_WORDS and trim_dangling(before) == before.strip():
            return before.strip()
    return strip_end(first)


def clip(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters (no ellipsis), never ending
    on a word that leaves the phrase hanging ("a", "and", "with" ...)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    return trim_dangling(strip_end(cut[:limit]))


def join_human(items: Iterable[str], conjunction: str = "and") -> str:
    items = [i.strip() for i in items if i and i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def quote(text: str) -> str:
    return f"\u201c{strip_end(text)}\u201d"


def hashtag(text: str) -> str:
    """'independent restaurants' -> '#IndependentRestaurants' (letters and digits only)."""
    words = re.findall(r"[^\W_]+", text)
    tag = "".join(w if any(c.isupper() for c in w[1:]) else w.capitalize() for w in words)
    return f"#{tag[:40]}" if tag else ""


def mentions_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` uses any of ``words`` as a whole word, ignoring case."""
    for word in words:
        word = word.strip()
        if word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return True
    return False


def without_banned(lines: Iterable[str], banned: Sequence[str]) -> list[str]:
    """Drop lines that use a banned word: better a shorter draft than a QC blocker."""
    return [line for line in lines if line and not mentions_any(line, banned)]


def weeks_between(start: str | date | None, end: str | date | None) -> int | None:
    """The campaign's weeks by the briefs' one rule (``briefs.values.campaign_weeks``: its days
    counted inclusively, rounded up; 1 March to 31 May is 14), None without both dates or when the
    end comes before the start."""
    span = _span(start, end)
    return campaign_weeks(*span) if span else None


def days_between(start: str | date | None, end: str | date | None) -> int | None:
    """The campaign's days, first and last included (``briefs.values.campaign_days``: a launch
    day is 1), None without both dates or when the end comes before the start."""
    span = _span(start, end)
    return campaign_days(*span) if span else None


def _span(start: str | date | None, end: str | date | None) -> tuple[date, date] | None:
    """The first and last day, or None without both or when the end comes before the start."""
    if not start or not end:
        return None
    first, last = date.fromisoformat(str(start)[:10]), date.fromisoformat(str(end)[:10])
    return (first, last) if last >= first else None


def length_words(weeks: int | None, days: int | None = None) -> tuple[str, dict[str, int]]:
    """A campaign's length as a person says it, as a catalogue key and its values: the one rule
    every module uses. When the weeks are the dates' own (``campaign_weeks``, rounded up, or not
    given), the dates' days decide: whole weeks in weeks ("1 week", "4 weeks" for 28 days), under
    four weeks in days ("1 day", "3 days", "10 days"), from four weeks in the nearest whole weeks
    ("4 weeks" for 30 days, never the rounded-up "5 weeks"; 13 for 92 days). Weeks typed for
    other dates, or weeks without dates, are said as given. Never "1 weeks"."""
    if days is not None and days > 0 and (weeks is None or weeks == -(-days // 7)):
        if days % 7 and days < 28:
            return ("1 day", {}) if days == 1 else ("{days} days", {"days": days})
        weeks = max(1, round(days / 7))
    if weeks is None:
        raise ValueError("length_words: weeks is required when days is not under a week")
    return ("1 week", {}) if weeks == 1 else ("{weeks} weeks", {"weeks": weeks})


def length_text(weeks: int | None, days: int | None = None, say: Callable[..., str] | None = None) -> str:
    """``length_words`` said in a language: ``say`` is the module's translator (``phrasebook.tr``
    bound to the document's language; English without one)."""
    key, values = length_words(weeks, days)
    return say(key, **values) if say is not None else key.format(**values)


def in_days(weeks: int | None, days: int | None = None) -> bool:
    """Whether the campaign is under a week by ``length_words`` ("1 day", "3 days"): its budget is
    then said per day ("about 1,000 GBP a day") and the social channels post every day of it."""
    return length_words(weeks, days)[0] in ("1 day", "{days} days") and days is not None and days < 7


@dataclass(frozen=True)
class Timeline:
    """When a plan checks, reviews and judges a campaign, in the campaign's own unit: every
    number is a day or week inside the campaign (``timeline`` is the one rule)."""

    unit: str  # "day" or "week"
    length: int  # the campaign's length in that unit
    checkpoint: int  # kill criteria and the first pace check fall at the end of this day or week
    midpoint: int | None  # the halfway review; None when none fits before the campaign's last day

    @property
    def baseline(self) -> int:
        """The last day or week of the baseline: up to the checkpoint in weeks, the days before it."""
        return self.checkpoint if self.unit == "week" else max(1, self.checkpoint - 1)

    @property
    def days(self) -> int:
        """The campaign's days as the plan counts them (a week-long unit is seven)."""
        return self.length if self.unit == "day" else self.length * 7


def fit_days(offsets: Sequence[int], days: int) -> tuple[int, ...]:
    """``offsets`` (days after a first touch on a campaign's first day, in order) brought inside a
    campaign of ``days``: unchanged when the last falls on or before its last day, else spread over
    its days in the same proportions (0, 7, 14 over a three-day event: 0, 1, 2; all on day 0 for a
    launch day). Nothing is planned after the campaign has ended."""
    last = max(0, days - 1)
    if not offsets or max(offsets) <= last:
        return tuple(offsets)
    top = max(offsets)
    return tuple(min(last, int(o * last / top + 0.5)) for o in offsets)


def timeline(weeks: int, days: int | None = None) -> Timeline:
    """The plan's checkpoints for a campaign of ``weeks`` (what the strategy plans for) whose dates
    span ``days``. Under four weeks the plan is in days (the dates' own, or the weeks' days when the
    weeks were typed): checks at the end of day 2 of a three-day event, day 3 of ten; from four weeks
    in weeks (week 2 of 4, week 9 of 26). No checkpoint or review ever falls after the last day."""
    own = days is not None and days > 0 and weeks == max(1, -(-days // 7))
    span = days if own and days is not None else weeks * 7
    if span < 28:
        checkpoint = max(1, min(span - 1, max(2, round(span / 3))))
        midpoint = max(checkpoint + 1, span // 2)
        return Timeline("day", span, checkpoint, midpoint if midpoint < span else None)
    checkpoint = max(2, round(weeks / 3))
    return Timeline("week", weeks, checkpoint, max(checkpoint + 1, weeks // 2))


# Who an audience is, in the briefs' languages: people buying for themselves (families, students,
# fans, "Familles", "vecinos", "Eltern") or for a business (owners, managers, firms, "PME",
# "empresas", "IT-Leiter"). Pet, home and car owners buy for themselves.
_PRIVATE_OWNERS = re.compile(r"\b(?:home|house|pet|dog|cat|puppy|kitten|car|horse)\s?owners?\b", re.IGNORECASE)
_CONSUMER = re.compile(
    r"\b(?:famil(?:y|ies)|parents?|kids|children|teens?|teenagers?|young (?:adults|people)|adults|students?|"
    r"shoppers?|fans?|visitors?|tourists?|residents?|locals|neighbou?rs?|households?|consumers?|couples?|women|"
    r"men|mums?|moms?|dads?|grandparents|retirees|pensioners|commuters|savers|gamers|runners|cyclists|"
    r"music lovers|food lovers|homeowners|"
    r"familles?|enfants|jeunes|étudiant(?:e|s|es)?|femmes|hommes|habitants?|voisins?|visiteurs?|touristes?|"
    r"particuliers|retraités?|passionnés|"
    r"familias?|padres|niños|jóvenes|estudiantes?|mujeres|hombres|vecinos?|visitantes?|turistas?|particulares|"
    r"parejas?|jubilados?|aficionados?|hogares|adultos|"
    r"familien|eltern|kinder|jugendliche\w*|studierende\w*|studenten|frauen|männer|anwohner\w*|besucher\w*|"
    r"touristen|privatkunden|paare|rentner\w*|haushalte|hausbesitzer\w*|wohnungseigentümer\w*|erwachsene)\b",
    re.IGNORECASE,
)
_BUSINESS = re.compile(
    r"\b(?:b2b|business(?:es)?|compan(?:y|ies)|firms?|teams?|founders?|owners?|managers?|directors?|heads? of|"
    r"leads|officers?|executives?|ceos?|cfos?|ctos?|cios?|controllers?|accountants?|practitioners|procurement|"
    r"engineers?|smes?|start-?ups?|scale-?ups?|agenc(?:y|ies)|enterprises?|manufacturers?|retailers?|"
    r"wholesalers?|decision-makers?|"
    r"entreprises?|sociétés|pme|tpe|eti|dirigeants?|responsables?|gérants?|directeurs?|directrices?|artisans?|"
    r"commerçants?|cabinets?|équipes?|"
    r"empresas?|pymes?|negocios?|autónomos?|directores?|directivos?|gerentes?|equipos?|comercios?|"
    r"unternehmen|mittelstand\w*|mittelständ\w*|firmen|betriebe?|\w*leiter(?:in|innen)?|geschäftsführer\w*|"
    r"entscheider\w*|\w*beauftragte\w*|händler\w*|handwerker\w*|praxen|kanzleien|einkäufer\w*)\b",
    re.IGNORECASE,
)
_BUSINESS_INDUSTRY = re.compile(
    r"\b(?:b2b|saas|software|logiciel|platform|plateforme|plataforma|consult\w*|agency|agence|agencia|"
    r"wholesale|großhandel|for (?:small )?(?:businesses|firms|companies)|pour (?:les )?(?:entreprises|pme|tpe)|"
    r"para (?:empresas|pymes|autónomos)|für (?:den )?(?:mittelstand|unternehmen))",
    re.IGNORECASE,
)
_CONSUMER_INDUSTRY = re.compile(
    r"\b(?:events?|festivals?|concerts?|fashion|mode|retail|shop|store|restaurant|café|cafe|bakery|"
    r"boulangerie|panader\w*|bäckerei|leisure|loisirs|ocio|freizeit|tourism|tourisme|turismo|hospitality|"
    r"événementiel|evento?s|veranstaltung\w*|moda|tienda|boutique|beauty|beauté|belleza)\b",
    re.IGNORECASE,
)


def audience_kind(audience: str | None, industry: str | None = "") -> str:
    """"consumer" for people buying for themselves, "business" for people buying for work, ""
    when the brief does not say (or says both): from the audience's own words first, then the
    industry's. The composers frame psychology, personas and channel roles by it, and write
    neutral text that fits both for ""."""
    text = audience or ""
    if _PRIVATE_OWNERS.search(text):
        return "consumer"
    business, consumer = bool(_BUSINESS.search(text)), bool(_CONSUMER.search(text))
    if business != consumer:
        return "business" if business else "consumer"
    if business:
        return ""
    if _BUSINESS_INDUSTRY.search(industry or ""):
        return "business"
    return "consumer" if _CONSUMER_INDUSTRY.search(industry or "") else ""


def weekly_routine(audience: str | None, industry: str | None, weeks: int | None, days: int | None) -> bool:
    """Whether copy may say the audience's problem comes back week after week ("Another week of
    ...", "it's a familiar week"): for people at work (``audience_kind`` "business"), and for a
    campaign planned in weeks (``timeline``: four weeks or more, or no dates given); not for people
    buying for themselves, or an audience that does not say, in a campaign planned in days (a
    three-day festival)."""
    if audience_kind(audience, industry) == "business" or (not weeks and not days):
        return True
    return timeline(weeks or max(1, -(-(days or 7) // 7)), days).unit == "week"


def budget_rate(budget: float, weeks: int, days: int | None = None) -> tuple[str, float]:
    """A budget spread evenly, as the campaign's length is said (``length_words``): ("day", per
    day) for a campaign under a week, else ("week", per week): over the weeks said (2 weeks and
    5,000 are 2,500 a week; 30 days said as 4 weeks, 3,000 are 750 a week), or over the days'
    weeks for a length said in days (3,000 over 10 days are 2,100 a week), so the rate and the
    length always agree."""
    if in_days(weeks, days) and days:
        return "day", budget / days
    key, values = length_words(weeks, days)
    if key == "{days} days":
        return "week", budget * 7 / values["days"]
    return "week", budget / values.get("weeks", 1)


def framed_sector(industry: str | None, offer: str | None = "", audience: str | None = "") -> Sector:
    """The sector the offline documents frame their people by (``sectors.sector_for``), read with
    the audience: a brief that matched no sector is ``consumer`` for a consumer audience (families,
    fans, "vecinos"), stays ``b2b`` for a business one (as does a ``consumer`` match whose audience
    is businesses: a rota app for restaurants sold to their owners), and for an audience that does not say gets
    neutral persona roles ("The buyer", "The everyday user") under the key ``general``."""
    from dataclasses import replace

    from .sectors import SECTORS, sector_for

    sector = sector_for(industry, offer, audience)
    kind = audience_kind(audience, industry)
    if sector.key == "consumer" and kind == "business":  # a rota app "for restaurants", sold to their owners
        return SECTORS["b2b"]
    if sector.key != "b2b":
        return sector
    if kind == "consumer":
        return SECTORS["consumer"]
    if kind == "business":
        return sector
    return replace(sector, key="general", decider_label="The buyer",
                   decider_role="the person who decides whether to choose {name}",
                   user_label="The everyday user", user_role="the person who will use {name} most often",
                   image_setting="someone from its audience ({who}) in a real moment of their day, at ease",
                   video_setting="a real setting from the audience's day")


_INJECTED_SENTENCE = re.compile(
    r"ignore (?:all |the )?(?:previous |prior |above |brand )?(?:instructions|rules|prompts?)|system prompt|"
    r"\bassistant\s*:|\]\]>|</?system>",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """Brief text fit to quote in copy: markup, placeholders and injected instructions removed.

    A brief is pasted from anywhere: HTML tags, Markdown links and images, ``{{...}}`` and
    ``[insert ...]`` stubs, "TODO" notes and sentences addressed to a model ("ignore all previous
    instructions") never reach a draft; the rest of the sentence is kept as written.
    """
    text = re.sub(r"<!--.*?-->", " ", str(text or ""), flags=re.DOTALL)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # images
    text = re.sub(r"\[([^\]]+)\]\((?:[^)]*)\)", r"\1", text)  # links keep their words
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\{\{.*?\}\}|\[(?:insert|add|your|tbd|todo)[^\]]*\]", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bTODO\b:?[^.;\n]*|\bTBD\b", " ", text)
    text = re.sub(r"`{1,3}|\*\*|__|^\s*[#>|]+\s*|\s\|\s", " ", text, flags=re.MULTILINE)
    parts = re.split(r"(?<=[.!?])\s+", text)
    kept = [p for p in parts if not _INJECTED_SENTENCE.search(p)]
    return re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", " ".join(kept))).strip(" |#>-")


def is_slug(text: str) -> bool:
    """'northwind-spring-2027': a short id, not words to put in copy."""
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", (text or "").strip()))


def display_theme(theme: str, fallback: str) -> str:
    """The theme as copy may show it: the brief's display name, or ``fallback`` (the brand's name)
    when the theme is only the campaign's short id."""
    cleaned = strip_end(plain(theme))
    return fallback if not cleaned or is_slug(cleaned) else cleaned


def uses_banned(text: str, banned: Sequence[str]) -> bool:
    """Whether ``text`` uses a banned word in any simple form QC blocks ("seamless", "seamlessly")."""
    from ..qc.brand import find_banned

    return bool(banned) and bool(find_banned(text, list(banned)))


def drop_banned_phrases(text: str, banned: Sequence[str]) -> str:
    """``text`` without the phrases (sentences, ``;`` parts, "no ..." asides) that use a banned
    word: "Warm, hopeful; no guilt, no pity" with "guilt" banned -> "Warm, hopeful; no pity"."""
    parts = [p for p in re.split(r"(?<=[.;])\s+|,\s+(?=(?:no|never|not)\b)", plain(text)) if p]
    kept = [p for p in parts if not uses_banned(p, banned)]
    return re.sub(r"[;,]\s*$", "", " ".join(kept).strip())


def unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats (ignoring case and punctuation), first wording kept: a brief that
    lists one objection twice gets one answer, not the same answer twice."""
    seen: dict[str, str] = {}
    for item in items:
        key = re.sub(r"\W+", " ", item or "").strip().lower()
        if key and key not in seen:
            seen[key] = item
    return list(seen.values())


def disclaimer_text(disclaimers: Iterable[object]) -> str:
    """The brand's disclaimers as one block, each a sentence ("Free trial for new customers only.
    Cancel any time."), never run together into one unpunctuated line."""
    return " ".join(sentence(str(d).strip()) for d in disclaimers or [] if str(d).strip())
