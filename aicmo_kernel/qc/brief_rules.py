"""The brief's own rules as checks: what the client wrote in the brand voice ("We never use the
words "handout"", "Every appeal must credit our partners, the Trussell network and Sheffield City
Council", "No guilt, no pity", "Never show learners' faces") becomes a check on every draft, a
model's included.

``parse_rules(voice)`` reads the rule sentences (English, French, Spanish and German wording:
never / ne ... jamais / nunca / niemals, always / toujours / siempre / immer, must / doit / debe /
muss ...) and keeps those a machine can check:

    forbidden   quoted words ("never use "handout""), names ("never mention Acme or Globex"),
                what people must not be called ("never describe learners as illiterate"): a
                blocker in copy that uses them
    topic       "no guilt, no pity", "never preachy", "sin tecnicismos": the word in copy is a
                major issue (a person judges whether the copy strays into it)
    visual      "never show children's faces": a check on image prompts and video scenes, a
                blocker (major when the rule has an exception, "without written consent")
    required    quoted phrases, names to credit, "always include the price", "the charity
                number must appear": a major issue in copy that lacks them, only where the rule's
                condition holds ("where funding is mentioned", "on donation asks")

Every issue quotes the rule as the brief states it. A rule none of these patterns fits ("We
always explain acronyms on first use") is left to the reviewer: ``unchecked_rules`` lists them.
Words the brand's banned-words list already has are left to that check. Rules apply to copy (and
visual rules to image prompts): documents such as the strategy quote the rules on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from . import QCContext, QCIssue, _register_builtin_checks, register_check
from ._text import brand_list, brand_text
from .kinds import is_copy, kind_of

__all__ = ["BriefRule", "broken_rules", "draft_problems", "parse_rules", "unchecked_rules"]

Kind = Literal["forbidden", "topic", "visual", "required"]

_NEVER = (r"never|do not|don't|must not|mustn't|should not|shouldn't|may not|cannot|no|not|avoid|"
          r"jamais|ne|n'|pas|sans|aucun\w*|interdit\w*|nunca|jamás|no|sin|prohibido|evit\w+|nie|niemals|kein\w*|nicht|ohne|"
          r"verboten|vermeiden|darf nicht|dürfen nicht")  # fmt: skip
_NEGATIVE = re.compile(rf"(?<!\w)(?:{_NEVER})(?!\w)", re.IGNORECASE)
_POSITIVE = re.compile(
    r"(?<!\w)(?:always|must|every|each|shall|toujours|doit|doivent|obligatoire\w*|chaque|siempre|debe|deben|"
    r"cada|obligatori\w*|immer|muss|müssen|jede[rsnm]?|stets|pflicht\w*)(?!\w)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'"\s*([^"]{2,60}?)\s*"|[“„«]\s*([^”“»]{2,60}?)\s*[”“»]|‘([^’]{2,60}?)’|(?<!\w)\'([^\']{2,60}?)\'(?!\w)')
_INSTEAD = re.compile(r"(?:,?\s*(?:not|instead of|rather than|pas|plutôt que|no|en lugar de|en vez de|nicht|statt|anstatt)\s+)"
                      r"[\"“„«‘']", re.IGNORECASE)  # fmt: skip
_PREFER = re.compile(r"[,;]\s*(?:but\s+|instead\s+|rather\s+|mais\s+|pero\s+|sondern\s+)?(?:say|use|write|prefer|dites|"
                     r"écrire|utiliser|di|decir|usar|escribir|sag\w*|schreib\w*|verwende\w*)(?!\w)", re.IGNORECASE)  # fmt: skip
_VISUAL = re.compile(
    r"(?<!\w)(?:show\w*|photo\w*|pictur\w*|image\w*|film\w*|video\w*|depict\w*|visual\w*|face|faces|portrait\w*|"
    r"montr\w+|visage\w*|mostrar|muestr\w+|fotograf\w*|foto\w*|imagen\w*|cara|caras|rostro\w*|zeig\w*|bild\w*|"
    r"gesicht\w*|abbild\w*)(?!\w)",
    re.IGNORECASE,
)
_FACES = re.compile(r"(?<!\w)(?:face|faces|facial|portrait\w*|close-?ups?|headshots?|selfies?|visages?|caras?|"
                    r"rostros?|gesicht\w*|porträt\w*)(?!\w)", re.IGNORECASE)  # fmt: skip
_CHILDREN = re.compile(
    r"(?<!\w)(?:child|children|childrens|kids?|minors?|bab(?:y|ies)|toddlers?|pupils?|schoolchildren|"
    r"boys?|girls?|teens?|teenagers?|enfants?|niñ[oa]s?|menores|kinder\w*|kind)(?!\w)",
    re.IGNORECASE,
)
_NO_FACES = re.compile(
    r"(?:no|without|not|never)\s+(?:\w+\s+){0,2}(?:faces?|people|children|portraits?)|faces?\s+(?:\w+\s+)?(?:hidden|"
    r"not (?:shown|visible)|out of (?:frame|shot)|turned away|obscured)|from behind|hands only|only hands|"
    r"sans visage|sin (?:caras|rostros)|ohne gesicht",
    re.IGNORECASE,
)
_EXCEPTION = re.compile(r"(?<!\w)(?:without|unless|except|sans|sauf|sin|salvo|excepto|ohne|außer)(?!\w)", re.IGNORECASE)
_NAMING_VERBS = re.compile(
    r"(?<!\w)(?:mention|name|cite|quote|reference|compare (?:ourselves )?(?:to|with)|nommer|citer|mentionner|"
    r"mencionar|nombrar|citar|nennen|erwähnen)(?!\w)\s+(.*)",
    re.IGNORECASE,
)
_DESCRIBE_AS = re.compile(r"(?<!\w)(?:describe|call|refer to|label|décrire|qualifier|describir|llamar|bezeichnen)\s+"
                          r".{1,40}?\s+(?:as|comme|como|als)\s+[\"“«]?([^\W\d][\w'’-]+(?:\s[^\W\d][\w'’-]+)?)",
                          re.IGNORECASE)  # fmt: skip
_CREDIT = re.compile(r"(?<!\w)(?:credit|thank|acknowledge|remercier|citer|agradecer|mencionar|danken|nennen)\s+(.*)",
                     re.IGNORECASE)  # fmt: skip
_PRICE_RULE = re.compile(r"(?<!\w)(?:the )?(?:price|prices|pricing|prix|tarif\w*|precio\w*|preis\w*)(?!\w)", re.IGNORECASE)
_PRICE = re.compile(r"[£$€]\s?\d|\d\s?(?:[£$€]|(?:eur|euros?|usd|gbp|dollars?|pounds?)\b)|\bfree\b|\bgratuit\w*|\bgratis\b|"
                    r"\bkostenlos\b", re.IGNORECASE)  # fmt: skip
_REQUIRE_VERB = re.compile(
    r"(?<!\w)(?:include|mention|show|state|carry|display|add|feature|inclure|mentionner|indiquer|afficher|incluir|"
    r"mostrar|indicar|enthalten|angeben|nennen|zeigen)(?!\w)",
    re.IGNORECASE,
)
_MUST_APPEAR = re.compile(r"^(.{3,60}?)\s+(?:must|should|shall|doit|doivent|debe|deben|muss|müssen)\s+(?:always\s+)?"
                          r"(?:appear|be (?:included|shown|stated|mentioned|visible)|figurer|apparaître|être (?:mentionné|"
                          r"indiqué)\w*|aparecer|figurar|erscheinen|stehen)(.*)$", re.IGNORECASE)  # fmt: skip
# What "must appear" in a picture or a layout, not in the words: not a phrase to look for in copy.
_NOT_TEXT = re.compile(r"(?<!\w)(?:logo\w*|photo\w*|image\w*|pictur\w*|video\w*|colou?rs?|fonts?|typeface|"
                       r"icon\w*|badge\w*|mascot\w*|bild\w*|farbe\w*|couleur\w*|imagen\w*)(?!\w)", re.IGNORECASE)  # fmt: skip
_CONDITION = re.compile(r"(?<!\w)(?:where|when|whenever|if|on|in|dès que|quand|lorsque|si|sur|cuando|si|en|wenn|sobald|"
                        r"bei|auf)\s+(.+)$", re.IGNORECASE)  # fmt: skip
_TOPIC_CLAUSE = re.compile(r"^(?:and\s+|et\s+|y\s+|und\s+)?(?:no|never|not|pas de|sans|jamais|sin|nunca|ningún|ninguna|"
                           r"kein|keine|keinen|ohne|nie|niemals)\s+([^\W\d][\w'’ -]{1,40})$", re.IGNORECASE)  # fmt: skip
_STOP = {"the", "a", "an", "our", "their", "its", "is", "are", "be", "mentioned", "mention", "shown", "asks", "ask",
         "appear", "every", "each", "any", "all", "with", "from", "that", "this", "le", "la", "les", "un", "une", "des",
         "el", "los", "las", "der", "die", "das", "ein", "eine", "und", "and", "or", "et", "ou", "y", "o", "oder",
         "where", "when", "posts", "post", "copy", "must", "appears", "est", "sont", "es", "son", "ist", "sind",
         "number", "numéro", "número", "nummer"}  # fmt: skip
_NAME = re.compile(r"(?:(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*|of|the|de|la|du|del|von|der|und|&)\s?)*[A-ZÀ-ÖØ-Þ][\w'’&.-]*")
_GENERIC_NAMES = {"We", "Our", "Nous", "Wir", "Nosotros", "The", "Every", "Each", "Never", "Always"}


@dataclass(frozen=True)
class BriefRule:
    """One checkable rule: its kind, the words it is about, and the sentence as the brief states it."""

    kind: Kind
    rule: str
    terms: tuple[str, ...]
    severity: Literal["blocker", "major"]
    condition: tuple[str, ...] = ()  # stems; the rule applies only to copy naming one of them
    subjects: str = ""  # visual rules: "children", "faces", or "" (any person's face)


def _sentences(voice: str) -> list[str]:
    text = re.sub(r"^\s*[A-Z][A-Z ]{2,30}:\s*", "", voice or "")
    return [s.strip(" -*•\t") for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if len(s.strip()) > 3]


def _quotes(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None).strip() for m in _QUOTED.finditer(text)]


def _stems(text: str) -> tuple[str, ...]:
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]+", text)]
    return tuple(dict.fromkeys(w[:4] if len(w) >= 6 else w for w in words if len(w) >= 4 and w.lower() not in _STOP))


def _names(text: str) -> list[str]:
    """Proper names in a list ("the Trussell network and Sheffield City Council")."""
    text = re.split(r"\s+(?:where|when|whenever|if|by name|in|on|par|por|bei)\s+", text, maxsplit=1)[0]
    names = [m.group(0).strip(" .&") for m in _NAME.finditer(text)]
    out = []
    for name in names:
        name = re.sub(r"^(?:of|the|de|la|du|del|von|der|und)\s+", "", name)
        if name and name not in _GENERIC_NAMES and len(name) > 1:
            # Keep the generic noun after a name ("the Trussell network") with it when it is lower case.
            follow = re.search(re.escape(name) + r"(\s+(?:network|council|foundation|trust|fund|group))\b", text)
            out.append(name + (follow.group(1) if follow else ""))
    return out


def _rules_of(sentence: str) -> list[BriefRule]:
    negative = bool(_NEGATIVE.search(sentence))
    positive = bool(_POSITIVE.search(sentence)) and not negative
    quoted = _quotes(sentence)
    rules: list[BriefRule] = []
    if negative and _VISUAL.search(sentence) and (_FACES.search(sentence) or _CHILDREN.search(sentence)):
        subject = "children" if _CHILDREN.search(sentence) else ""
        subject += ("+faces" if subject else "faces") if _FACES.search(sentence) else ""
        severity = "major" if _EXCEPTION.search(sentence) else "blocker"
        own = tuple(w for w in re.findall(r"(\w+)['’]s?\s+faces|faces of (\w+)", sentence) for w in w if w)
        return [BriefRule("visual", sentence, own, severity, subjects=subject)]
    if negative and quoted:
        # "We say "people we support", not "clients"": what follows "not" is forbidden; "Don't say
        # "cheap", say "affordable"": what follows the second "say" is what to write instead.
        if split := _INSTEAD.search(sentence):
            forbidden = _quotes(sentence[split.start():])
        elif prefer := _PREFER.search(sentence):
            forbidden = _quotes(sentence[: prefer.start()])
        else:
            forbidden = quoted
        return [BriefRule("forbidden", sentence, tuple(forbidden), "blocker")]
    if negative and (match := _DESCRIBE_AS.search(sentence)):
        return [BriefRule("forbidden", sentence, (match.group(1),), "blocker")]
    if negative and (match := _NAMING_VERBS.search(sentence)):
        names = _names(match.group(1))
        if names:
            return [BriefRule("forbidden", sentence, tuple(names), "blocker")]
    if negative:
        topics = []
        for clause in re.split(r",\s*|;\s*", sentence.rstrip(".!")):
            if (m := _TOPIC_CLAUSE.match(clause.strip())) and len(m.group(1).split()) <= 3:
                topics.append(m.group(1).strip())
        if topics:
            rules.append(BriefRule("topic", sentence, tuple(topics), "major"))
        return rules
    if positive or re.search(r"(?<!\w)credit(?!\w)", sentence, re.IGNORECASE):
        condition = ()
        body = sentence
        if (cond := _CONDITION.search(re.split(r"(?<!\w)(?:must|should|always|doit|debe|muss)(?!\w)", sentence)[-1])):
            condition = _stems(cond.group(1))
            body = sentence[: len(sentence) - len(cond.group(0))]
        if quoted:
            return [BriefRule("required", sentence, tuple(quoted), "major", condition)]
        if (credit := _CREDIT.search(body)) and (names := _names(credit.group(1))):
            return [BriefRule("required", sentence, tuple(names), "major", condition)]
        if _PRICE_RULE.search(body) and (_REQUIRE_VERB.search(body) or _MUST_APPEAR.search(body)):
            return [BriefRule("required", sentence, ("price",), "major", condition)]
        appear = _MUST_APPEAR.search(sentence.rstrip("."))
        if appear and _stems(appear.group(1)) and not _NOT_TEXT.search(appear.group(1)):
            words = re.sub(r"^(?:the|our|a|le|la|el|der|die|das)\s+", "", appear.group(1).strip(), flags=re.IGNORECASE)
            cond = _CONDITION.search(appear.group(2).strip())
            return [BriefRule("required", sentence, (words,), "major", _stems(cond.group(1)) if cond else condition)]
    return rules


@lru_cache(maxsize=256)
def _parse(voice: str) -> tuple[tuple[BriefRule, ...], tuple[str, ...]]:
    rules: list[BriefRule] = []
    unchecked: list[str] = []
    for sentence in _sentences(voice):
        found = _rules_of(sentence)
        if found:
            rules += found
        elif _NEGATIVE.search(sentence) or _POSITIVE.search(sentence):
            unchecked.append(sentence)
    return tuple(rules), tuple(unchecked)


def parse_rules(voice: str) -> list[BriefRule]:
    """The checkable rules of a brand voice (the brief's ``voice``, or its ``tone``)."""
    return list(_parse(voice or "")[0])


def unchecked_rules(voice: str) -> list[str]:
    """Rule sentences no check covers: the reviewer checks those by hand."""
    return list(_parse(voice or "")[1])


def _copy_text(ctx: QCContext) -> str:
    meta = ctx.metadata
    parts = [ctx.content_markdown] + [v for k in ("subject", "preheader") if isinstance(v := meta.get(k), str)]
    parts += [p for p in meta.get("posts") or [] if isinstance(p, str)]
    for slide in meta.get("slides") or []:
        if isinstance(slide, dict):
            parts += [str(slide.get("heading") or ""), str(slide.get("text") or "")]
    for scene in meta.get("scenes") or []:
        if isinstance(scene, dict):
            parts.append(str(scene.get("voiceover") or ""))
    return "\n".join(parts)


def _visual_text(ctx: QCContext) -> str:
    if kind_of(ctx) == "image_prompt":
        return ctx.content_markdown
    return "\n".join(str(s.get("visual") or "") for s in ctx.metadata.get("scenes") or [] if isinstance(s, dict))


def _uses(text: str, term: str) -> list[str]:
    from .brand import banned_pattern  # here: importing it registers its checks (see the end of this module)

    pattern = banned_pattern(term)
    return pattern.findall(text) if pattern is not None else []


def _applies(rule: BriefRule, text: str) -> bool:
    if not rule.condition:
        return True
    words = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]+", text)}
    return any(w.startswith(stem) for stem in rule.condition for w in words)


def _has(text: str, term: str) -> bool:
    if term == "price":
        return _PRICE.search(text) is not None
    low = text.lower()
    if term.lower() in low:
        return True
    stems = _stems(term)
    return bool(stems) and sum(1 for s in stems if s in low) * 2 >= len(stems) and len(stems) > 1


def _visual_problem(rule: BriefRule, text: str) -> str | None:
    """What an image prompt shows that a visual rule forbids, or None."""
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text):
        if _NO_FACES.search(sentence):
            continue  # "no faces", "hands only", "from behind": the prompt keeps the rule
        kids = _CHILDREN.search(sentence)
        faces = _FACES.search(sentence)
        own = next((t for t in rule.terms if re.search(rf"(?<!\w){re.escape(t)}", sentence, re.IGNORECASE)), None)
        if "children" in rule.subjects and kids and ("faces" not in rule.subjects or faces or not _NO_FACES.search(text)):
            return kids.group(0)
        if "faces" in rule.subjects and faces and (own or not rule.terms or "children" not in rule.subjects):
            return faces.group(0)
        if own and "faces" in rule.subjects and re.search(r"(?<!\w)(?:smil\w*|looking at (?:the )?camera|eyes)", sentence,
                                                          re.IGNORECASE):  # fmt: skip
            return own
    return None


def broken_rules(ctx: QCContext) -> list[tuple[BriefRule, str]]:
    """Each rule the draft breaks, with what breaks it (the word used, or the phrase missing)."""
    rules = parse_rules(brand_text(ctx.brand, "voice"))
    if not rules or kind_of(ctx) == "brand_voice_guide":
        return []
    banned = {w.lower() for w in brand_list(ctx.brand, "banned_words")}
    copy = is_copy(ctx)
    text = _copy_text(ctx) if copy else ""
    visual = _visual_text(ctx)
    broken: list[tuple[BriefRule, str]] = []
    for rule in rules:
        if rule.kind == "visual" and visual:
            if (what := _visual_problem(rule, visual)) is not None:
                broken.append((rule, f"the picture shows \u201c{what}\u201d"))
        elif rule.kind in ("forbidden", "topic") and copy:
            used = [m for t in rule.terms if t.lower() not in banned for m in _uses(text, t)]
            if used:
                broken.append((rule, "this draft says " + ", ".join(f"\u201c{u}\u201d" for u in dict.fromkeys(used))))
        elif rule.kind == "required" and copy and _applies(rule, text):
            missing = [t for t in rule.terms if not _has(text, t)]
            if missing:
                shown = ", ".join("a price" if t == "price" else f"\u201c{t}\u201d" for t in missing)
                broken.append((rule, f"this draft lacks {shown}"))
    return broken


def draft_problems(draft: Mapping[str, Any], voice: str, banned_words: list[str] | None = None) -> list[str]:
    """The rules a draft (a deliverable as a dict: kind, platform, content_markdown, metadata)
    breaks, as sentences: what the content-quality rubric's ``brief_rules`` check counts."""
    from . import normalise_platform

    ctx = QCContext(content_markdown=str(draft.get("content_markdown") or ""), kind=str(draft.get("kind") or ""),
                    platform=normalise_platform(draft.get("platform")), metadata=dict(draft.get("metadata") or {}),
                    brand={"voice": voice, "banned_words": list(banned_words or [])})  # fmt: skip
    return [f"breaks \u201c{rule.rule}\u201d: {problem}" for rule, problem in broken_rules(ctx)]


# Importing this module first must not put its check ahead of the others in the catalogue (docs/qc.md).
_register_builtin_checks()


@register_check(
    "brief_rules",
    summary="the rules of the brief's brand voice",
    description="The rules written in the brief's brand voice, as the brief states them: quoted words, names and "
    "labels it forbids (blocker), topics it rules out (\"no guilt\"), phrases, names and prices it requires where its "
    "condition holds, and pictures it forbids (\"never show children's faces\") in image prompts and video scenes; "
    "English, French, Spanish and German wording",
    severity=("blocker", "major"),
    applies_to="posts, emails, ads and video scripts; image prompts for rules about pictures",
)
def brief_rules(ctx: QCContext) -> Iterator[QCIssue]:
    for rule, problem in broken_rules(ctx):
        yield QCIssue(
            check_id="brief_rules",
            severity=rule.severity,
            message=f"The brief says: \u201c{rule.rule}\u201d; {problem}. "
            + ("Rephrase without it." if rule.kind in ("forbidden", "topic") else
               "Change the picture." if rule.kind == "visual" else "Add it."),
        )
