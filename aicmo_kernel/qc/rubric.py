"""The content-quality rubric: deterministic assertions over one brief's drafts, in the spirit of
promptfoo's assertions, for offline and model drafts alike.

QC (the rest of this package) judges one version of one deliverable before approval; the rubric
judges a whole run of drafts against the brief they came from: is the brand, the audience, the
offer and every channel named, is any banned word, short id, placeholder, fragment or repeated
sentence left, are platform limits kept, is the copy in the brief's language, are disclaimers
there once, and so on. Each check scores a brief from 0 to 1 (the share of the items it looks at
that pass) or says it does not apply; ``score_drafts`` returns the scores and what failed, so a
reader can see why. ``bench/content_quality.py`` prints them for the brief corpus
(``tests/data/briefs_corpus``); ``tests/test_content_quality.py`` holds the corpus to thresholds.

Language detection uses lingua (``lingua-language-detector``, in the test extra), imported when
the language check first runs; without it that check does not apply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..platforms import CHARACTER_LIMITS
from ._text import normalise_for_match
from .regulated import regulated_claims_in, regulated_sector

__all__ = [
    "RUBRIC",
    "BriefScore",
    "brief_language",
    "language_codes",
    "copy_text",
    "detect_language",
    "fragments",
    "is_regulated",
    "regulated_claims",
    "score_drafts",
]

Draft = Mapping[str, Any]
_SHORT_KINDS = {"ad_copy", "x_post"}  # too short to name the audience as well as the brand and offer
COPY_KINDS_EXCLUDED = {"image_prompt"}  # an image prompt is an instruction to a designer, not copy
# Words a sentence cannot end on (an article, a preposition, a conjunction, a relative pronoun).
_DANGLING = {
    "a", "an", "the", "and", "or", "but", "which", "who", "whose", "your", "their", "our", "its", "my",
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "avec", "pour", "qui", "au", "aux",
    "el", "los", "las", "unos", "y", "con", "para", "por", "del", "su", "sus",
    "der", "die", "das", "den", "dem", "ein", "eine", "einen", "und", "oder", "mit", "für", "von", "zu", "im",
}  # fmt: skip
_PREPOSITIONS = {"with", "of", "from", "by", "into", "as", "than"}  # "planned for." reads fine
_ARTICLES = {"a", "an", "the", "le", "la", "les", "un", "une", "el", "los", "las", "der", "die", "das", "ein", "eine"}
_INJECTION = re.compile(
    r"<\s*/?\s*[a-z][^>]*>|ignore (?:all )?(?:the )?(?:previous |brand )?(?:instructions|rules)|system prompt|"
    r"\]\]>|assistant:|onerror=|javascript:|<!--|```",
    re.IGNORECASE,
)
_LANGUAGE_NAMES = {
    "english": "en", "anglais": "en", "inglés": "en", "ingles": "en", "englisch": "en", "en": "en",
    "french": "fr", "français": "fr", "francais": "fr", "francés": "fr", "französisch": "fr", "fr": "fr",
    "spanish": "es", "español": "es", "espanol": "es", "castellano": "es", "espagnol": "es", "spanisch": "es", "es": "es",
    "german": "de", "deutsch": "de", "allemand": "de", "alemán": "de", "aleman": "de", "de": "de",
    "italian": "it", "italiano": "it", "it": "it", "portuguese": "pt", "português": "pt", "pt": "pt",
    "dutch": "nl", "nederlands": "nl", "nl": "nl",
}  # fmt: skip


# --------------------------------------------------------------------------- text helpers


def copy_text(draft: Draft) -> str:
    """Everything of a draft a reader sees: the text and every structured field."""
    meta = draft.get("metadata") or {}
    parts = [draft.get("content_markdown") or ""]
    for key in ("subject", "preheader"):
        if isinstance(meta.get(key), str):
            parts.append(meta[key])
    parts += [p for p in meta.get("posts") or [] if isinstance(p, str)]
    for slide in meta.get("slides") or []:
        parts += [str(slide.get("heading") or ""), str(slide.get("text") or "")]
    for scene in meta.get("scenes") or []:
        parts += [str(scene.get("visual") or ""), str(scene.get("voiceover") or "")]
    return "\n\n".join(p for p in parts if p)


def _prose(text: str) -> str:
    """The text without Markdown syntax, links, hashtags and headings' hashes."""
    text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:example|com|org|co\.uk|de|fr|es)\S*", " ", text)
    text = re.sub(r"(?<!\w)#\w+", " ", text)
    text = re.sub(r"[*_`>|]+", " ", text)
    return re.sub(r"^\s*[-#]+\s*", "", text, flags=re.MULTILINE)


def sentences(text: str) -> list[str]:
    out = []
    for line in _prose(text).splitlines():
        for piece in re.split(r"(?<=[.!?])\s+", line.strip()):
            if piece.strip():
                out.append(piece.strip())
    return out


def fragments(text: str) -> list[str]:
    """Sentences that read as cut off: ending on an article, conjunction or relative pronoun (or a
    preposition, outside a question), an article and one word standing alone as a sentence or as
    the last clause ("What changes: a calm."), or a colon with nothing after it."""
    found = []
    for s in sentences(text):
        if not s.endswith((".", "!", "?")):
            continue  # a heading, a list label or a call to action line
        words = re.findall(r"[\w'’-]+", s)
        if not words:
            continue
        last_clause = re.split(r"[:,;]\s", s)[-1]
        clause_words = re.findall(r"[\w'’-]+", last_clause)
        if words[-1].lower() in _DANGLING:
            found.append(s)
        elif words[-1].lower() in _PREPOSITIONS and not s.endswith("?"):  # a question may end on one
            found.append(s)
        elif len(clause_words) <= 2 and clause_words and clause_words[0].lower() in _ARTICLES:
            found.append(s)
        elif re.search(r":\s*[.!?]$", s):
            found.append(s)
    return found


def duplicate_sentences(text: str) -> list[str]:
    """Sentences of four words or more said twice within one section of a draft, as QC's
    ``repeated_lines`` judges documents (table rows and listed phrases aside)."""
    repeated: list[str] = []
    for section in re.split(r"^#{1,3} .*$", text, flags=re.MULTILINE):
        prose = "\n".join(line for line in section.splitlines() if not line.lstrip().startswith("|"))
        counts = Counter(
            re.sub(r"\W+", " ", s).strip().lower() for s in sentences(prose)
            if len(s.split()) >= 4 and s.endswith((".", "!", "?"))  # a listed phrase is not a sentence
        )
        repeated += [s for s, n in counts.items() if n > 1]
    return repeated


def _keywords(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_][\w'’-]{3,}", text.lower())
    stop = {"with", "from", "that", "this", "their", "they", "your", "into", "over", "under", "about",
            "than", "who", "what", "when", "where", "have", "more", "less", "free", "pour", "avec",
            "para", "con", "und", "mit", "für", "sans", "todos", "dans", "their", "them", "staff"}  # fmt: skip
    return [w for w in dict.fromkeys(words) if w not in stop]


def _first_clause(text: str) -> str:
    return re.split(r"[,;:(]\s|(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


def _names(text: str, words: list[str]) -> float:
    if not words:
        return 1.0
    low = text.lower()
    return sum(1 for w in words if w in low) / len(words)


def is_regulated(industry: str) -> bool:
    return regulated_sector(industry or "") is not None


def regulated_claims(text: str) -> list[str]:
    """Testimonials, before/after and outcome promises a regulated sector may not use (QC's
    ``regulated_claims`` check finds the same)."""
    return regulated_claims_in(text)


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # the test extra brings it; without it, the language check does not apply
        return None
    languages = [Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.GERMAN,
                 Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH]  # fmt: skip
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code lingua finds for ``text`` (en, fr, es, de, it, pt, nl), or None."""
    detector = _detector()
    prose = " ".join(sentences(text))
    if detector is None or len(prose) < 20:
        return None
    language = detector.detect_language_of(prose)
    return language.iso_code_639_1.name.lower() if language is not None else None


def language_codes(declared: Iterable[object]) -> list[str]:
    """The ISO 639-1 codes of the languages a brief declares ("Français, English (UK)" -> fr, en)."""
    codes = []
    for item in declared or []:
        # "English and French", "Español / English": several languages in one item
        for part in re.split(r"\s*(?:[,;/+&]|\band\b|\bet\b|\by\b|\bund\b)\s*", re.sub(r"\(.*?\)", "", str(item))):
            word = part.strip().lower()
            if word in _LANGUAGE_NAMES and _LANGUAGE_NAMES[word] not in codes:
                codes.append(_LANGUAGE_NAMES[word])
    return codes


def brief_language(facts: Mapping[str, Any]) -> str | None:
    """The brief's first language: the one it declares, else the one its own text is written in."""
    codes = language_codes(facts.get("languages") or [])
    if codes:
        return codes[0]
    brief_text = ". ".join(str(facts.get(k) or "") for k in ("audience", "offer", "industry", "pains"))
    return detect_language(brief_text)


# --------------------------------------------------------------------------- the checks


@dataclass
class Result:
    score: float | None  # None: the check does not apply to this brief
    failures: list[str] = field(default_factory=list)


def _share(items: Iterable[tuple[str, list[str]]]) -> Result:
    """Score = share of items with no problem; failures name the item and its first problem."""
    items = list(items)
    if not items:
        return Result(None)
    bad = [(label, problems) for label, problems in items if problems]
    failures = [f"{label}: {problems[0]}"[:200] for label, problems in bad]
    return Result(round(1 - len(bad) / len(items), 3), failures)


def _label(d: Draft) -> str:
    return f"{d.get('module', '')}/{d.get('kind')}:{(d.get('title') or '')[:60]}"


class _Run:
    def __init__(self, facts: Mapping[str, Any], drafts: Mapping[str, list[Draft]], errors: Mapping[str, str]):
        self.facts, self.drafts, self.errors = facts, drafts, errors
        self.creatives = [d for d in drafts.get("creatives", []) if d.get("kind") not in COPY_KINDS_EXCLUDED]
        self.strategy = drafts.get("strategy", [])
        self.all = [d for m in drafts.values() for d in m]


def _composed(r: _Run) -> Result:
    return _share((m, [f"no drafts: {r.errors.get(m, 'nothing composed')}"] if not r.drafts.get(m) else [])
                  for m in ("intake", "strategy", "creatives", "execution"))  # fmt: skip


def _names_brand(r: _Run) -> Result:
    brand = str(r.facts.get("brand") or "")
    tag = re.sub(r"\W+", "", brand).lower()
    def names(d: Draft) -> bool:
        text = copy_text(d)
        return brand.lower() in text.lower() or (tag and tag in re.sub(r"\W+", "", text).lower())
    return _share((_label(d), [] if names(d) else [f"does not name {brand}"]) for d in r.creatives)


def _names_audience(r: _Run) -> Result:
    words = _keywords(_first_clause(str(r.facts.get("audience") or "")))[:4]
    if not words:
        return Result(None)
    strategy = " ".join(copy_text(d) for d in r.strategy)
    items = [("strategy", [] if _names(strategy, words) >= 0.5 else [f"names few of {words}"])]
    items += [(_label(d), [] if _names(copy_text(d), words) > 0 else [f"names none of {words}"])
              for d in r.creatives if d.get("kind") not in _SHORT_KINDS]
    return _share(items)


def _names_offer(r: _Run) -> Result:
    words = _keywords(_first_clause(str(r.facts.get("offer") or "")))[:4]
    if not words:
        return Result(None)
    strategy = " ".join(copy_text(d) for d in r.strategy)
    creatives = " ".join(copy_text(d) for d in r.creatives)
    return _share([("strategy", [] if _names(strategy, words) >= 0.5 else [f"names few of {words}"]),
                   ("creatives", [] if _names(creatives, words) > 0 else [f"no creative names any of {words}"])])  # fmt: skip


def _names_channels(r: _Run) -> Result:
    channels = list(r.facts.get("channels") or [])
    if not channels:
        return Result(None)
    planned = {c.get("channel") for d in r.strategy for c in (d.get("metadata") or {}).get("channel_plans") or []}
    slots = {s.get("platform") for d in r.drafts.get("execution", []) for s in (d.get("metadata") or {}).get("calendar") or []}
    items = []
    for c in channels:
        problems = [] if c in planned else ["no channel plan in the strategy"]
        problems += [] if c in slots else ["no slot in the content calendar"]
        items.append((c, problems))
    return _share(items)


def _no_banned(r: _Run) -> Result:
    banned = list(r.facts.get("banned_words") or [])
    if not banned:
        return Result(None)
    from . import check_deliverable

    def problems(d: Draft) -> list[str]:
        if d.get("kind") == "brand_voice_guide":
            return []
        issues = check_deliverable(_Item(d), brand={"banned_words": banned}).issues
        return [i.message for i in issues if i.check_id == "banned_words"]
    return _share((_label(d), problems(d)) for d in r.all)


def _no_short_id(r: _Run) -> Result:
    short_id = str(r.facts.get("campaign_id") or "")
    display = str(r.facts.get("display_name") or "")
    if not short_id or (short_id.lower() == display.lower() and "-" not in short_id):
        return Result(None)  # a one-word id that is also the display name is the name
    joined = re.sub(r"\W+", "", short_id).lower()
    def leaks(d: Draft) -> list[str]:
        text = copy_text(d) + " " + " ".join(d.get("hashtags") or []) + " " + str(d.get("title") or "")
        if short_id.lower() in text.lower():
            return [f"shows the short id {short_id!r}"]
        tags = [re.sub(r"\W+", "", t).lower() for t in re.findall(r"#\w+", text)]
        brand_tag = re.sub(r"\W+", "", str(r.facts.get("brand") or "")).lower()
        return [f"hashtag of the short id {short_id!r}"] if joined in tags and joined != brand_tag else []
    def title_leak(d: Draft) -> list[str]:
        return [f"title shows the short id {short_id!r}"] if short_id.lower() in str(d.get("title") or "").lower() else []
    items = [(_label(d), leaks(d)) for d in r.drafts.get("creatives", [])]
    items += [(_label(d), title_leak(d)) for m in ("strategy", "execution") for d in r.drafts.get(m, [])]
    return _share(items)


def _no_placeholders(r: _Run) -> Result:
    from ..schemas import find_placeholders

    return _share((_label(d), [f"placeholder {p!r}" for p in find_placeholders(copy_text(d))]) for d in r.all)


def _no_fragments(r: _Run) -> Result:
    return _share((_label(d), [f"fragment {f!r}" for f in fragments(copy_text(d))]) for d in r.creatives + r.strategy)


def _no_duplicates(r: _Run) -> Result:
    # A content calendar repeats its per-slot notes by design.
    return _share((_label(d), [f"repeated {s!r}" for s in duplicate_sentences(d.get("content_markdown") or "")])
                  for d in r.all if d.get("kind") != "content_calendar")  # fmt: skip


def _platform_limits(r: _Run) -> Result:
    from . import check_deliverable

    ids = {"platform_length", "instagram_hashtags", "email_subject_length"}
    def problems(d: Draft) -> list[str]:
        item = _Item(d)
        found = [i.message for i in check_deliverable(item).issues if i.check_id in ids]
        for n, post in enumerate((d.get("metadata") or {}).get("posts") or [], 1):
            if len(post) > CHARACTER_LIMITS["x"]:
                found.append(f"thread post {n} is {len(post)} characters")
        return found
    return _share((_label(d), problems(d)) for d in r.drafts.get("creatives", []))


class _Item:
    def __init__(self, d: Draft) -> None:
        self.content_markdown = d.get("content_markdown") or ""
        self.kind = d.get("kind") or ""
        self.platform = d.get("platform")
        self.hashtags = list(d.get("hashtags") or [])
        self.metadata = dict(d.get("metadata") or {})


# The documents the language check reads besides the creatives: intake's and strategy's.
LANGUAGE_DOCUMENT_KINDS = ("client_summary", "persona_card", "brand_voice_guide", "strategy_document",
                           "messaging_framework")  # fmt: skip


def _language(r: _Run) -> Result:
    """Creatives and the intake and strategy documents, sentence by sentence, in the brief's
    language: a creative in the language it declares (``metadata.language``), anything else in
    the brief's first; and with several languages declared, creatives in each of them."""
    expected = brief_language(r.facts)
    if expected is None or _detector() is None:
        return Result(None)
    brand = str(r.facts.get("brand") or "")

    def problems(d: Draft, want: str) -> list[str]:
        # Sentence by sentence: a draft of English scaffolding around the brief's French phrases is
        # not French, though a detector reading it whole may say so.
        found = [(s, detect_language(s.replace(brand, ""))) for s in sentences(copy_text(d)) if len(s.split()) >= 4]
        wrong = [(s, lang) for s, lang in found if lang not in (None, want)]
        if found and len(wrong) / len(found) > 0.2:
            return [f"{len(wrong)} of {len(found)} sentences not in {want}, e.g. {wrong[0][0][:60]!r} ({wrong[0][1]})"]
        return []

    def declared(d: Draft) -> str:
        codes = language_codes([(d.get("metadata") or {}).get("language") or ""])
        return codes[0] if codes else expected

    items = [(_label(d), problems(d, declared(d))) for d in r.creatives]
    documents = [d for m in ("intake", "strategy") for d in r.drafts.get(m, []) if d.get("kind") in LANGUAGE_DOCUMENT_KINDS]
    items += [(_label(d), problems(d, expected)) for d in documents]
    if r.creatives:
        written = {declared(d) for d in r.creatives} | {detect_language(copy_text(d)) for d in r.creatives}
        items += [(f"creatives in {code}", [] if code in written else [f"no creative in {code}, a language of the brief"])
                  for code in language_codes(r.facts.get("languages") or [])[1:]]
    return _share(items)


def _disclaimers_once(r: _Run) -> Result:
    disclaimers = [str(x).strip() for x in r.facts.get("disclaimers") or [] if str(x).strip()]
    if not disclaimers:
        return Result(None)
    def problems(d: Draft) -> list[str]:
        # Compared as QC's disclaimers check compares them: case, quotes and end punctuation aside.
        text = normalise_for_match(d.get("content_markdown") or "")
        counts = {x: text.count(normalise_for_match(x)) for x in disclaimers}
        out = [f"{x[:40]!r} {n} times" for x, n in counts.items() if n > 1]
        return out + [f"{x[:40]!r} missing" for x, n in counts.items() if n == 0]
    return _share((_label(d), problems(d)) for d in r.creatives)


def _objection_answers(r: _Run) -> Result:
    disclaimers = [str(x).strip() for x in r.facts.get("disclaimers") or [] if str(x).strip()]
    items = []
    for d in r.creatives:
        answers = [p for p in re.split(r"\n\s*\n", copy_text(d)) if re.match(r"\s*[\u201c\u201e\"«]", p)]
        if not answers:
            continue
        problems = [f"answers {p[:50]!r} with the disclaimer" for p in answers if any(x in p for x in disclaimers)]
        items.append((_label(d), problems))
    return _share(items)


def _regulated(r: _Run) -> Result:
    if not is_regulated(str(r.facts.get("industry") or "")):
        return Result(None)
    # The voice guide lists the brand's banned phrases ("guaranteed returns") on purpose.
    return _share((_label(d), [f"suggests {c!r}" for c in regulated_claims(copy_text(d))])
                  for d in r.all if d.get("kind") != "brand_voice_guide")  # fmt: skip


def _no_injected_text(r: _Run) -> Result:
    return _share((_label(d), [f"carries {m.group(0)!r}" for m in _INJECTION.finditer(copy_text(d))])
                  for d in r.drafts.get("creatives", []))  # fmt: skip


def _calendar_variety(r: _Run) -> Result:
    items = []
    for d in r.drafts.get("execution", []):
        slots = (d.get("metadata") or {}).get("calendar") or []
        counts = Counter(s.get("asset_id") for s in slots if s.get("asset_id"))
        for asset, n in counts.items():
            items.append((asset[:8], [f"one asset scheduled {n} times"] if n > 4 else []))
    return _share(items)


# "266.7 sign-ups": one decimal, not a zero, then a word (money and percentages aside).
_FRACTION = re.compile(r"(?<![\d.,£$€])\d+\.[1-9](?!\d)(?!\s*(?:%|GBP|USD|EUR|[£$€]))(?=\s+[^\W\d_])")


def _whole_targets(r: _Run) -> Result:
    return _share((_label(d), [f"fractional target {m.group(0)!r}" for m in _FRACTION.finditer(copy_text(d))])
                  for d in r.strategy + r.drafts.get("execution", []))  # fmt: skip


def _brief_rules(r: _Run) -> Result:
    """The brief's own rules (``qc.brief_rules``, QC's check of the same name) in every draft."""
    from .brief_rules import draft_problems, parse_rules

    voice = str(r.facts.get("voice") or "")
    if not parse_rules(voice):
        return Result(None)
    banned = list(r.facts.get("banned_words") or [])
    return _share((_label(d), draft_problems(d, voice, banned)) for d in r.all)


Check = Callable[[_Run], Result]
RUBRIC: dict[str, tuple[str, Check]] = {
    "composed": ("every module (intake, strategy, creatives, execution) composed its drafts", _composed),
    "names_brand": ("every creative names the brand", _names_brand),
    "names_audience": ("the strategy and every creative name the audience", _names_audience),
    "names_offer": ("the strategy and the creatives name the offer", _names_offer),
    "names_channels": ("every briefed channel has a strategy plan and calendar slots", _names_channels),
    "no_banned_words": ("no banned word in any draft (the voice guide lists them on purpose)", _no_banned),
    "no_short_id": ("the campaign's short id never appears in a creative, nor in a strategy or execution title",
                    _no_short_id),
    "no_placeholders": ("no placeholder or stub text", _no_placeholders),
    "no_fragments": ("no sentence cut mid-clause in creatives and strategy", _no_fragments),
    "no_duplicate_sentences": ("no sentence (four words or more) twice in one draft", _no_duplicates),
    "platform_limits": ("posts, thread posts and email subjects within platform limits", _platform_limits),
    "language": ("creatives, intake and strategy in the brief's language(s) (lingua)", _language),
    "disclaimers_once": ("each required disclaimer exactly once per creative", _disclaimers_once),
    "objection_answers": ("no objection answered with the disclaimer", _objection_answers),
    "regulated_claims": ("regulated sectors: no testimonials, before/after or outcome claims", _regulated),
    "no_injected_text": ("no markup or injected instructions from the brief in creatives", _no_injected_text),
    "calendar_variety": ("no asset scheduled more than four times", _calendar_variety),
    "whole_targets": ("targets in whole numbers (no '266.7 sign-ups')", _whole_targets),
    "brief_rules": ("the brief's own rules (forbidden words, names, pictures; required phrases)", _brief_rules),
}


@dataclass
class BriefScore:
    name: str
    checks: dict[str, float | None]
    failures: dict[str, list[str]]

    @property
    def score(self) -> float:
        applied = [s for s in self.checks.values() if s is not None]
        return round(sum(applied) / len(applied), 3) if applied else 0.0


def score_drafts(
    name: str, facts: Mapping[str, Any], drafts: Mapping[str, list[Draft]], errors: Mapping[str, str] | None = None
) -> BriefScore:
    """Every rubric check over one brief's drafts (``{module: [deliverable dicts]}``)."""
    run = _Run(facts, drafts, errors or {})
    checks: dict[str, float | None] = {}
    failures: dict[str, list[str]] = {}
    for check_id, (_, check) in RUBRIC.items():
        result = check(run)
        checks[check_id] = result.score
        if result.failures:
            failures[check_id] = result.failures
    return BriefScore(name, checks, failures)
