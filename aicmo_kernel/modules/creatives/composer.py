"""Offline creatives draft: one asset per requested type and count, fitted to platform limits.

Copy is assembled from the approved strategy (core message, pillars with their pains, objection
answers, calls to action) and the inputs (theme, key message). Fitting drops whole sentences and
then hashtags, never the call to action or the disclaimer, so a draft is never cut mid-word.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from ...platforms import CHARACTER_LIMITS, EMAIL_SUBJECT_MAX, posted_text, thread_posts
from ..phrasebook import SUPPORTED, guess_language, keeps_capitals, labelled, language_code, language_codes, say, tr
from ..strategy.composer import call_to_action
from ..text import (
    clip,
    days_between,
    disclaimer_text,
    display_theme,
    first_clause,
    framed_sector,
    hashtag,
    lower_first,
    mentions_any,
    pick,
    plain,
    seed_of,
    sentence,
    strip_end,
    uses_banned,
    weekly_routine,
    weeks_between,
)

__all__ = ["CHANNEL_ASSETS", "compose_creatives"]

# Which asset types a strategy channel suggests (the form's pre-fill); an asset of a type a channel
# asked for is written for that channel first (``_target``).
CHANNEL_ASSETS = {
    "linkedin": ("linkedin_post",),
    "instagram": ("instagram_caption", "instagram_carousel", "image_prompt"),
    "x": ("x_post", "x_thread"),
    "email": ("email",),
    "facebook": ("ad_copy", "image_prompt"),
    "ads": ("ad_copy",),
    "tiktok": ("video_script",),
    "youtube": ("video_script",),
}

_STOPWORDS = {
    "with",
    "from",
    "that",
    "this",
    "their",
    "they",
    "your",
    "into",
    "over",
    "under",
    "about",
    "than",
}
_HASHTAG_COUNT = {"x_post": 2, "x_thread": 2, "linkedin_post": 3, "instagram_caption": 6,
                  "instagram_carousel": 6, "ad_copy": 2, "video_script": 3, "email": 0, "image_prompt": 0}  # fmt: skip
_VIDEO_PLATFORMS = ("tiktok", "instagram", "youtube", "facebook", "linkedin", "x")
_AD_PLATFORMS = ("facebook", "instagram", "linkedin", "ads", "x", "tiktok", "youtube")


MAX_ASSETS = 60  # CreativesOutput's limit


def compose_creatives(context: dict[str, Any]) -> dict[str, Any]:
    """One asset per type and count, in each of the brief's languages: a brief in Spanish and
    English gets each asset twice, the Spanish and the English variant side by side, each marked
    with its ``language``; a brief in one language gets its assets unmarked, as before."""
    brief = _Brief(context)
    languages = list(dict.fromkeys([brief.lang, *language_codes(brief.i.get("language"))]))
    # An image prompt is written for the image model: one is enough, whatever the languages.
    writers = [(brief.in_language(lang), asset_type, variant) for asset_type in brief.i["asset_types"]
               for variant in range(int(brief.i.get("count_per_type") or 1))
               for lang in (languages[:1] if asset_type == "image_prompt" else languages)]  # fmt: skip
    assets = []
    for b, asset_type, variant in writers[:MAX_ASSETS]:
        asset = _WRITERS[asset_type](b, variant)
        assets.append({**asset, "language": b.lang} if len(languages) > 1 and asset_type != "image_prompt" else asset)
    return {"assets": assets}


class _Brief:
    """The facts a creative may use, gathered once from inputs, strategy and brand."""

    def __init__(self, context: dict[str, Any]) -> None:
        i = self.i = context["inputs"]
        brand = context.get("brand") or {}
        meta: dict[str, Any] = {}
        for item in (context.get("upstream") or {}).get("strategy", []):
            meta.update(item.get("metadata") or {})
        self.seed = seed_of(i, meta.get("core_message"), brand.get("name"))
        self.banned = list(brand.get("banned_words") or [])
        self.name = plain(brand.get("name") or meta.get("client_name") or i["theme"]) or "the brand"
        # The display name or theme, never the campaign's short id; brief text quoted in copy is
        # plain text (no markup, placeholders or injected instructions) and free of banned words.
        self.theme = display_theme(i["theme"], self.name)
        self.offer = self._clean(meta.get("offer") or "")
        # The brief's first language: the form's, else the strategy's, else read from its words.
        self.lang = (language_codes(i.get("language")) or [None])[0] or language_code(meta.get("language")) or guess_language(
            [meta.get("offer") or "", meta.get("audience") or "", i["key_message"]]
            + [str(p.get("pain") or "") for p in meta.get("pillars") or []]
        )  # fmt: skip
        self.key_message = sentence(
            self._clean(i["key_message"]) or (f"{self.name}: {self.low(strip_end(self.offer))}" if self.offer
                                              else f"{self.name}, for {self.audience_for(meta)}")
        )  # fmt: skip
        self.audience = self.audience_for(meta)
        self.pillars = [
            {**p, "name": self._clean(p["name"]), "pain": self._clean(p["pain"]),
             "message": self._clean(p.get("message") or "")}
            for p in meta.get("pillars") or []
            if p.get("pain") and p.get("name") and self._clean(p["pain"]) and self._clean(p["name"])
        ]  # fmt: skip
        self.objections = [
            {**o, "objection": self._clean(o.get("objection") or "")}
            for o in meta.get("objection_handling") or []
            if self._clean(o.get("objection") or "")
        ]
        self.ctas = meta.get("calls_to_action") or []
        self.cta = self.ctas[0] if self.ctas else self.say("cta_default", name=self.name)
        website = brand.get("website") or "none"
        self.domain = "" if website == "none" else re.sub(r"^https?://", "", website).rstrip("/")
        self.disclaimer = disclaimer_text(brand.get("disclaimers") or [])
        self.platforms = list(i.get("platforms") or [])
        # What makes the brand different, as the messaging framework's positioning states it.
        why = re.search(rf"(?:{_DIFFERENT}) (.+?)(?:\.\s|\.$|$)", meta.get("positioning_statement") or "")
        self.usp = self._clean(first_clause(why.group(1))) if why else ""
        self.tags = self._hashtags(meta, brand)
        # Framed as the strategy frames the audience (people, businesses, or neither said): a
        # festival for families is not pictured "at work".
        self.sector = framed_sector(brand.get("industry"), self.offer, meta.get("audience"))
        # "It's a familiar week" fits a problem that comes back weekly (people at work, a campaign of
        # weeks); a three-day festival's audience hears "it's a familiar story" (``text.weekly_routine``).
        campaign = context.get("campaign") or {}
        start, end = campaign.get("start_date"), campaign.get("end_date")
        self.weekly = weekly_routine(meta.get("audience"), brand.get("industry"),
                                     weeks_between(start, end) or meta.get("duration_weeks"), days_between(start, end))

    def say(self, key: str, **values: str) -> str:
        return say(self.lang, key, **values)

    def t(self, english: str, **values: str) -> str:
        """A working title or label in the assets' language (``phrasebook.tr``)."""
        return tr(self.lang, english, **values)

    def in_language(self, lang: str) -> _Brief:
        """The same facts for assets in ``lang``: the connecting phrases and the call to action in
        that language, the brief's own words quoted as written (nothing is translated)."""
        if lang == self.lang:
            return self
        other = copy.copy(self)
        other.lang = lang
        other.cta = call_to_action(self.offer, "", self.name, lang)
        return other

    def low(self, text: str) -> str:
        """A phrase from the brief, lowered to sit mid-sentence (German nouns keep their capital)."""
        return text.strip() if keeps_capitals(self.lang) else lower_first(text)

    @property
    def has_pains(self) -> bool:
        """Whether the brief named a real pain (the strategy's fallback pillar says "to confirm")."""
        return any(not p["pain"].lower().startswith(_TO_CONFIRM) and p["name"].lower() not in _THE_OFFER
                   for p in self.pillars)  # fmt: skip

    @property
    def offer_line(self) -> str:
        """The offer in one sentence, unless the key message already says it."""
        if not self.offer or self.offer.lower()[:30] in self.key_message.lower():
            return ""
        return sentence(self.say("the_offer", offer=self.low(strip_end(self.offer))))

    def _clean(self, text: str) -> str:
        """Brief text as copy may quote it: plain, and empty when it uses a banned word (better
        a phrase dropped than the brand's banned word quoted back from its own brief)."""
        cleaned = strip_end(plain(text))
        return "" if uses_banned(cleaned, self.banned) else cleaned

    def audience_for(self, meta: dict[str, Any]) -> str:
        return self.low(strip_end(first_clause(self._clean(meta.get("audience") or ""))))

    def pillar(self, variant: int) -> dict[str, str]:
        if not self.pillars:
            return {"name": self.theme, "pain": self.key_message, "message": self.key_message}
        return self.pillars[variant % len(self.pillars)]

    def pain(self, variant: int) -> str:
        return strip_end(self.pillar(variant)["pain"])

    def outcome(self, variant: int) -> str:
        """What changes for the reader: the pillar's outcome; for a pillar that is only a label
        ("The offer", "Why Acme"), its message."""
        pillar = self.pillar(variant)
        name = strip_end(pillar["name"])
        if name.lower() in _THE_OFFER or name.lower().startswith(_WHY):
            return strip_end(pillar.get("message") or self.key_message)
        return name

    def cta_line(self, with_link: bool = True) -> str:
        return self.say("cta_link", cta=self.cta, link=self.domain) if with_link and self.domain else sentence(self.cta)

    def hook(self, variant: int, asset_type: str) -> str:
        pain, outcome = self.pain(variant), self.outcome(variant)
        options = (
            self.say("question", text=sentence(pain)[:-1]) if self.has_pains else f"{self.theme}.",
            f"{self.theme}.",
            self.say("heres_how", outcome=sentence(outcome)[:-1]) if not _same(outcome, self.key_message)
            else f"{self.theme}.",
        )
        return pick(options, self.seed, f"hook:{asset_type}:{variant}")

    def opener(self, variant: int) -> str:
        pain = self.low(self.pain(variant))
        familiar = "familiar_week" if self.weekly else "familiar_story"
        if self.audience:
            return sentence(self.say(f"{familiar}_for", who=self.audience, pain=pain))
        return sentence(self.say(familiar, pain=pain))

    def hashtags_for(self, asset_type: str, variant: int) -> list[str]:
        count = _HASHTAG_COUNT[asset_type]
        if count == 0:
            return []
        rest = self.tags[1:]
        shift = variant % len(rest) if rest else 0
        return (self.tags[:1] + rest[shift:] + rest[:shift])[:count]

    def _hashtags(self, meta: dict[str, Any], brand: dict[str, Any]) -> list[str]:
        """Specific tags only: the brand, the theme, audience word pairs, the industry's last word."""
        candidates = [hashtag(self.name)]
        if len(self.theme) <= 32:
            candidates.append(hashtag(self.theme))
        words = re.findall(r"[^\W\d_][^\W_]*(?:-[^\W_]+)?", meta.get("audience") or "")
        for first, second in pairwise(words):
            if all(len(w) >= 4 and w.lower() not in _STOPWORDS for w in (first, second)):
                candidates.append(hashtag(f"{first} {second}"))
        industry = re.findall(r"[^\W\d_]+", brand.get("industry") or "")
        if industry and len(industry[-1]) >= 5:
            candidates.append(hashtag(industry[-1]))
        geography = re.findall(r"[^\W\d_]+", brand.get("geography") or "")
        if geography:
            candidates.append(hashtag(geography[0]))
        kept = [t for t in dict.fromkeys(candidates) if t and 3 <= len(t) <= 40]
        return [t for t in kept if not mentions_any(t[1:], self.banned)]


# The strategy's fallback pillars, in every language it writes them in: labels, not outcomes.
_THE_OFFER = {tr(lang, "The offer").lower() for lang in SUPPORTED}
_WHY = tuple(tr(lang, "Why {name}", name="").lower() for lang in SUPPORTED)
_DIFFERENT = "|".join(re.escape(tr(lang, "Why it is different: {usp}.", usp="\0").split("\0")[0].strip())
                      for lang in SUPPORTED)
_TO_CONFIRM = tuple(tr(lang, "To confirm with the client.").lower()[:8] for lang in SUPPORTED)


def _same(a: str, b: str) -> bool:
    """The same sentence, give or take punctuation and case."""
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def _fit_sentences(text: str, room: int) -> str:
    """As many whole sentences of ``text`` as fit in ``room`` characters (paragraphs kept)."""
    pieces = re.split(r"(?<=[.!?])(\s+)", text.strip())
    kept = ""
    for index in range(0, len(pieces), 2):
        separator = pieces[index - 1] if index else ""
        candidate = f"{kept}{separator}{pieces[index]}"
        if len(candidate) > room:
            break
        kept = candidate
    return kept.strip()


def _fit(
    render: Callable[[str, list[str]], str], body: str, tags: list[str], limit: int
) -> tuple[str, list[str]]:
    """A body and hashtags that keep ``render`` within ``limit``.

    Preference order: the body in whole sentences with all hashtags, then with one hashtag, then
    the body's first clause, then no hashtags, and only then no body at all.
    """
    short = sentence(strip_end(first_clause(body))) if body else ""
    counts = sorted({len(tags), min(1, len(tags)), 0}, reverse=True)
    attempts = [(text, n) for n in counts for text in (body, short) if text]
    attempts += [("", n) for n in range(len(tags), -1, -1)]
    for text, count in attempts:
        room = limit - len(render("", tags[:count])) - 2
        fitted = _fit_sentences(text, room) if text and room > 0 else ""
        if (fitted or not text) and len(render(fitted, tags[:count])) <= limit:
            return fitted, tags[:count]
    return "", []


def _base(b: _Brief, asset_type: str, variant: int, title: str) -> dict[str, Any]:
    return {
        "asset_type": asset_type,
        "title": clip(title, 160),
        "hook": b.hook(variant, asset_type),
        "cta": b.cta_line(),
        "disclaimer": b.disclaimer,
        "hashtags": b.hashtags_for(asset_type, variant),
    }


def _social_post(
    b: _Brief, asset_type: str, variant: int, platform: str, title: str, body: str
) -> dict[str, Any]:
    asset = _base(b, asset_type, variant, title)
    limit = CHARACTER_LIMITS[platform]
    hook = clip(asset["hook"], 120 if platform == "x" else 300)
    # A paragraph that only repeats the hook goes (a thin brief makes both the brand's name).
    body = "\n\n".join(p for p in body.split("\n\n") if not _same(p, hook))
    render = lambda text, tags: posted_text(hook, text, asset["cta"], asset["disclaimer"], tags)
    asset["body"], asset["hashtags"] = _fit(render, body, asset["hashtags"], limit)
    asset["hook"] = hook
    return asset


def _linkedin_post(b: _Brief, variant: int) -> dict[str, Any]:
    changes = sentence(b.say("what_changes", outcome=b.low(b.outcome(variant))))
    paragraphs = [
        b.opener(variant) if b.has_pains else "",
        b.key_message,
        changes if b.has_pains and not _same(b.outcome(variant), b.key_message) else "",
        b.offer_line,
    ]
    paragraphs = [p for p in paragraphs if p]
    if b.objections:
        paragraphs.append(
            _objection_copy(b, b.objections[variant % len(b.objections)]["objection"], bool(b.offer_line))
        )
    body = "\n\n".join(paragraphs)
    return _social_post(
        b, "linkedin_post", variant, "linkedin", f"{b.theme} ({b.outcome(variant)})", body
    )


def _instagram_caption(b: _Brief, variant: int) -> dict[str, Any]:
    body = f"{b.opener(variant)}\n\n{b.key_message}" if b.has_pains else b.key_message
    if b.offer_line:
        body += f"\n\n{b.offer_line}"
    return _social_post(
        b, "instagram_caption", variant, "instagram", labelled(b.lang, b.theme, b.outcome(variant)), body
    )


def _instagram_carousel(b: _Brief, variant: int) -> dict[str, Any]:
    asset = _social_post(
        b,
        "instagram_carousel",
        variant,
        "instagram",
        b.t("{theme}, in five slides", theme=b.theme),
        b.say("carousel_swipe", name=b.name),
    )
    asset["slides"] = [
        {"heading": clip(b.theme, 120), "text": ""},
        {"heading": b.say("slide_familiar"), "text": clip(sentence(b.pain(variant)), 500)},
        {"heading": b.say("slide_changes"), "text": clip(sentence(b.outcome(variant)), 500)},
        {"heading": clip(b.say("slide_how", name=b.name), 120), "text": clip(b.key_message, 500)},
        {"heading": clip(b.cta, 120), "text": clip(b.disclaimer, 500)},
    ]
    return asset


def _x_post(b: _Brief, variant: int) -> dict[str, Any]:
    return _social_post(b, "x_post", variant, "x", f"{b.theme} (X)", b.key_message)


def _x_thread(b: _Brief, variant: int) -> dict[str, Any]:
    asset = _base(b, "x_thread", variant, b.t("{theme}: a short thread", theme=b.theme))
    asset["hook"] = clip(asset["hook"], 200)
    pain = b.low(b.pain(variant))
    problem = b.say("problem_for", who=b.audience, pain=pain) if b.audience else b.say("problem", pain=pain)
    middle = [problem if b.has_pains else "", b.key_message]
    middle = [m for m in middle if m]
    # Two objections of the same kind get the same answer: the thread gives it once.
    objections = [item["objection"] for item in b.objections[:2]]
    if len(objections) == 2 and _objection_answer(b, objections[0]) == _objection_answer(b, objections[1]):
        objections = objections[:1]
    middle += [_objection_copy(b, o) for o in objections]
    total = len(middle) + 2
    room = CHARACTER_LIMITS["x"] - len(f"{total}/{total} ")
    posts = [p for p in (_fit_sentences(text, room) for text in middle) if p]
    render = lambda _, tags: thread_posts(
        asset["hook"], posts, asset["cta"], asset["disclaimer"], tags
    )[-1]
    _, asset["hashtags"] = _fit(render, "", asset["hashtags"], CHARACTER_LIMITS["x"])
    asset["posts"] = posts
    return asset


def _objection_copy(b: _Brief, objection: str, offer_shown: bool = False) -> str:
    """The objection in the customer's words, in the language's quotation marks, then its answer."""
    quoted = strip_end(objection) + "."
    said = {"fr": f"«\u00a0{quoted}\u00a0»", "es": f"«{quoted}»", "de": f"„{quoted}“"}.get(b.lang, f"\u201c{quoted}\u201d")
    return f"{said} {_objection_answer(b, objection, offer_shown)}"


def _objection_answer(b: _Brief, objection: str, offer_shown: bool = False) -> str:
    """A customer-facing answer to a known objection, using only the brief's own facts.

    Never the disclaimer (it is printed once, at the end), and a different answer for each kind
    of objection: price gets the offer's terms, effort gets what the brand does, "we tried one
    before" gets who it is for, anything else the next step.
    """
    text = objection.lower()
    usp = b.usp
    if re.search(r"[£$€]|\b(price|cost|expensive|a lot|afford|budget|cher|caro|teuer|fees?)\b", text):
        if not b.offer:
            return b.say("objection_price_no_offer")
        if offer_shown:  # the asset states the offer already: point to it, do not repeat it
            return b.say("objection_price_shown")
        return b.say("objection_price", offer=b.low(strip_end(b.offer)))
    if re.search(r"\b(app|download|install|learn|staff|team|time|busy|switch|integrat\w*|commit|temps|tiempo|zeit)\b",
                 text) and usp:  # fmt: skip
        return b.say("objection_effort", name=b.name, usp=b.low(usp))
    if re.search(r"\b(tried|before|chain|big|enterprise|already|small|déjà|ya|schon|bereits)\b", text) and b.audience:
        return b.say("objection_fit", name=b.name, audience=b.audience)
    return b.say("objection_next_step", cta=b.low(strip_end(b.cta)))


def _email(b: _Brief, variant: int) -> dict[str, Any]:
    asset = _base(b, "email", variant, b.t("{theme} email", theme=b.theme))
    subject = b.theme if variant == 0 else b.say("with_name", outcome=b.outcome(variant), name=b.name)
    pain = b.pain(variant)
    asset.update(
        hook=sentence(b.say("note_for", who=b.audience) if b.audience else b.say("note_from", name=b.name)),
        subject=clip(subject, EMAIL_SUBJECT_MAX),
        preheader=clip(b.key_message, 140),
        hashtags=[],
    )
    paragraphs = [sentence(b.say("sounds_familiar", pain=b.low(pain)))] if b.has_pains else []
    paragraphs.append(b.key_message)
    outcomes = list(dict.fromkeys(sentence(b.outcome(n)) for n in range(len(b.pillars))))
    outcomes = [o for o in outcomes if not _same(o, b.key_message)]
    if outcomes:
        paragraphs.append(b.say("what_changes_list") + "\n\n" + "\n".join(f"- {o}" for o in outcomes))
    if b.offer_line:
        paragraphs.append(b.offer_line)
    if b.objections:
        paragraphs.append(
            _objection_copy(b, b.objections[variant % len(b.objections)]["objection"], bool(b.offer_line))
        )
    asset["body"] = "\n\n".join(paragraphs)
    return asset


def _target(b: _Brief, preferred: tuple[str, ...], variant: int, asset_type: str) -> str | None:
    """The platform an asset is written for: the campaign's channels that asked for its type first
    (Facebook's ad copy is Facebook's, not Instagram's, which has its captions), then the others
    it suits, in the campaign's order; variants take them in turn."""
    suited = [p for p in b.platforms if p in preferred]
    asked = [p for p in suited if asset_type in CHANNEL_ASSETS.get(p, ())]
    options = asked + [p for p in suited if p not in asked] or [p for p in preferred if p != "ads"][:1]
    return options[variant % len(options)] if options else None


def _ad_copy(b: _Brief, variant: int) -> dict[str, Any]:
    asset = _base(b, "ad_copy", variant, labelled(b.lang, b.theme, b.outcome(variant)))
    asset.update(
        hook=clip(sentence(b.outcome(variant)), 90),
        target_platform=_target(b, _AD_PLATFORMS, variant, "ad_copy"),
        body=f"{b.say('question', text=sentence(b.pain(variant))[:-1])} {b.key_message}",
        cta=sentence(b.cta),
    )
    return asset


def _video_script(b: _Brief, variant: int) -> dict[str, Any]:
    asset = _base(b, "video_script", variant, b.t("{theme}: short video", theme=b.theme))
    asset.update(
        target_platform=_target(b, _VIDEO_PLATFORMS, variant, "video_script"),
        body=b.say("video_body", who=b.audience or b.say("video_audience")),
        scenes=[
            {
                "visual": b.say("scene_moment", pain=b.low(b.pain(variant))),
                "voiceover": asset["hook"],
            },
            {
                "visual": b.say("scene_turn", name=b.name),
                "voiceover": b.key_message if not _same(b.key_message, asset["hook"])
                else (b.offer_line or b.say("meet", name=b.name)),
            },
            {
                "visual": b.say("scene_after", outcome=b.low(b.outcome(variant))),
                "voiceover": sentence(b.say("with_outcome", name=b.name, outcome=b.low(b.outcome(variant)))),
            },
            {
                "visual": b.say("scene_end", name=b.name, link=b.domain or b.say("scene_end_link")),
                "voiceover": sentence(b.cta),
            },
        ],
    )
    return asset


def _image_prompt(b: _Brief, variant: int) -> dict[str, Any]:
    who = b.audience or "the client's customers"
    return {
        "asset_type": "image_prompt",
        "target_platform": _target(b, ("instagram", "facebook", "linkedin", "x"), variant, "image_prompt"),
        # "After picture" reads as before/after, which regulated sectors may not show.
        "title": clip(b.t("{theme}: the picture" if b.sector.regulated else "{theme}: the after picture",
                          theme=b.theme), 160),
        "hook": sentence(b.t("The picture: {outcome}" if b.sector.regulated else "The after picture: {outcome}",
                             outcome=b.low(b.outcome(variant)))),
        "body": f"Photographic image for {b.name}: {b.sector.image_setting.format(who=who)}; the feeling: "
        f"{b.low(b.outcome(variant))}. Natural light, a real setting, no stock-photo poses, no "
        "logos or text except the overlay; leave the top third clear for the overlay text.",
        "cta": clip(b.theme, 60),
        "hashtags": [],
    }


_WRITERS: dict[str, Callable[[_Brief, int], dict[str, Any]]] = {
    "linkedin_post": _linkedin_post,
    "instagram_caption": _instagram_caption,
    "instagram_carousel": _instagram_carousel,
    "x_post": _x_post,
    "x_thread": _x_thread,
    "email": _email,
    "ad_copy": _ad_copy,
    "video_script": _video_script,
    "image_prompt": _image_prompt,
}
