"""The offline composers' phrase banks, one per language: the sentences a draft is built from.

A composer asks for a phrase by key and language (``say("fr", "what_changes", outcome=...)``);
a key missing from a language falls back to English, so a new language can start small. Phrases
hold only connective text: every fact comes from the brief, quoted as written (accents and
non-Latin text intact). German keeps nouns capitalised (``keeps_capitals``).

``language_code`` reads a brief's language as people write it ("Français", "English (UK)",
"es"); ``guess_language`` reads it from the brief's own words when none is declared, by counting
common function words: no model and no download, deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "LANGUAGE_NAMES",
    "PHRASES",
    "SUPPORTED",
    "Sentences",
    "counted",
    "date_text",
    "fill",
    "first_language",
    "guess_language",
    "keeps_capitals",
    "labelled",
    "language_code",
    "language_codes",
    "language_of_inputs",
    "mid_sentence",
    "number",
    "percent",
    "quote",
    "say",
    "singular",
    "target",
    "tr",
    "typeset",
    "written_in",
]

SUPPORTED = ("en", "fr", "es", "de")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}

_NAMES = {
    "english": "en", "anglais": "en", "inglés": "en", "ingles": "en", "englisch": "en", "en": "en",
    "french": "fr", "français": "fr", "francais": "fr", "francés": "fr", "französisch": "fr", "fr": "fr",
    "spanish": "es", "español": "es", "espanol": "es", "castellano": "es", "espagnol": "es", "spanisch": "es",
    "es": "es", "german": "de", "deutsch": "de", "allemand": "de", "alemán": "de", "aleman": "de", "de": "de",
}  # fmt: skip
_FUNCTION_WORDS = {
    "en": {"the", "and", "with", "for", "who", "that", "your", "our", "to", "of", "in", "is", "are", "a"},
    "fr": {"le", "la", "les", "des", "du", "et", "pour", "avec", "qui", "une", "un", "est", "sur", "au", "aux", "en"},
    "es": {"el", "los", "las", "del", "y", "para", "con", "que", "una", "un", "es", "por", "al", "en", "sin"},
    "de": {"der", "die", "das", "und", "mit", "für", "von", "im", "ein", "eine", "ist", "zu", "den", "auf", "nicht"},
}  # fmt: skip


def language_code(declared: str | None) -> str | None:
    """'Français' -> 'fr', 'English (UK)' -> 'en'; None for a language without a phrase bank."""
    word = re.sub(r"\(.*?\)|[-_].*$", "", str(declared or "")).strip().lower()
    return _NAMES.get(word)


def guess_language(texts: Iterable[str]) -> str:
    """The language whose function words the texts use most ('en' when nothing tells)."""
    words = re.findall(r"[^\W\d_]+", " ".join(t for t in texts if t).lower())
    counts = {lang: sum(1 for w in words if w in bank) for lang, bank in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    return best if counts[best] >= 2 else "en"


def keeps_capitals(lang: str) -> bool:
    """German capitalises every noun: a phrase quoted mid-sentence keeps its first capital."""
    return lang == "de"


PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "familiar_week_for": "For {who}, it's a familiar week: {pain}",
        "familiar_week": "It's a familiar week: {pain}",
        "familiar_story_for": "For {who}, it's a familiar story: {pain}",
        "familiar_story": "It's a familiar story: {pain}",
        "what_changes": "What changes: {outcome}",
        "what_changes_list": "What changes:",
        "the_offer": "The offer: {offer}",
        "heres_how": "{outcome}. Here's how.",
        "objection_price": "A fair question: the offer is {offer}.",
        "objection_price_no_offer": "A fair question: ask us for the full terms first.",
        "objection_effort": "{name} is built to ask little of you: {usp}.",
        "objection_fit": "{name} is made for {audience}.",
        "objection_next_step": "The quickest way to judge is to {cta}.",
        "carousel_swipe": "Swipe through to see what changes with {name}.",
        "slide_familiar": "Sound familiar?",
        "slide_changes": "What changes",
        "slide_how": "How {name} does it",
        "problem_for": "The problem for {who}: {pain}.",
        "problem": "The problem: {pain}.",
        "note_for": "A note for {who}",
        "note_from": "A note from {name}",
        "sounds_familiar": "If {pain} sounds familiar, this one is for you",
        "with_name": "{outcome}, with {name}",
        "video_body": "A short vertical video for {who}: the problem, the turn, the next step. Film in a real "
        "place with the client's permission; no actors presented as customers.",
        "video_audience": "the audience",
        "scene_moment": "The moment itself: {pain}, shown as it happens.",
        "scene_turn": "The same moment with {name} on screen, step by step.",
        "scene_after": "The after: {outcome}.",
        "scene_end": "End card: {name}, {link}, the disclaimer on screen.",
        "scene_end_link": "the call to action",
        "with_outcome": "With {name}: {outcome}",
        "meet": "Meet {name}.",
        "cta_free_trial": "Start your free trial",
        "cta_trial": "Start your trial",
        "cta_demo": "Book a demo",
        "cta_call": "Book a call",
        "cta_book": "Book your appointment",
        "cta_donate": "Donate today",
        "cta_volunteer": "Sign up to volunteer",
        "cta_quote": "Get your quote",
        "cta_visit": "Visit us",
        "cta_sales": "Get started with {name}",
        "cta_sales_people": "Discover {name}",
        "cta_awareness": "Follow {name} for more",
        "cta_leads": "Get in touch with {name}",
        "cta_default": "See how {name} works",
        "cta_site": "Visit {domain}",
        "from_to": "From {pain} to {outcome}.",
        "question": "{text}?",
        "objection_price_shown": "A fair question: the full terms are in the offer above.",
        "cta_link": "{cta}: {link}",
    },
    "fr": {
        "familiar_week_for": "Pour {who}, la semaine commence toujours pareil : {pain}",
        "familiar_week": "La semaine commence toujours pareil : {pain}",
        "familiar_story_for": "Pour {who}, l'histoire est connue : {pain}",
        "familiar_story": "L'histoire est connue : {pain}",
        "what_changes": "Ce qui change : {outcome}",
        "what_changes_list": "Ce qui change :",
        "the_offer": "L'offre : {offer}",
        "heres_how": "{outcome}. Voici comment.",
        "objection_price": "Bonne question : l'offre, c'est {offer}.",
        "objection_price_no_offer": "Bonne question : demandez-nous d'abord toutes les conditions.",
        "objection_effort": "{name} est pensé pour vous demander peu d'efforts : {usp}.",
        "objection_fit": "{name} est fait pour {audience}.",
        "objection_next_step": "Le plus simple pour en juger : {cta}.",
        "carousel_swipe": "Faites défiler pour voir ce qui change avec {name}.",
        "slide_familiar": "Ça vous parle ?",
        "slide_changes": "Ce qui change",
        "slide_how": "Comment {name} s'y prend",
        "problem_for": "Le problème pour {who} : {pain}.",
        "problem": "Le problème : {pain}.",
        "note_for": "Un mot pour {who}",
        "note_from": "Un mot de {name}",
        "sounds_familiar": "Si {pain} vous parle, ce message est pour vous",
        "with_name": "{outcome}, avec {name}",
        "video_body": "Une courte vidéo verticale pour {who} : le problème, le déclic, la prochaine étape. Tournée "
        "dans un vrai lieu avec l'accord du client ; aucun acteur présenté comme un client.",
        "video_audience": "le public visé",
        "scene_moment": "Le moment lui-même : {pain}, filmé sur le vif.",
        "scene_turn": "Le même moment avec {name} à l'écran, étape par étape.",
        "scene_after": "Après : {outcome}.",
        "scene_end": "Carton final : {name}, {link}, la mention légale à l'écran.",
        "scene_end_link": "l'appel à l'action",
        "with_outcome": "Avec {name} : {outcome}",
        "meet": "Découvrez {name}.",
        "cta_free_trial": "Commencez votre essai gratuit",
        "cta_trial": "Commencez votre essai",
        "cta_demo": "Réservez une démo",
        "cta_call": "Prenez rendez-vous",
        "cta_book": "Prenez rendez-vous",
        "cta_donate": "Faites un don",
        "cta_volunteer": "Devenez bénévole",
        "cta_quote": "Demandez votre devis",
        "cta_visit": "Passez nous voir",
        "cta_sales": "Lancez-vous avec {name}",
        "cta_sales_people": "Découvrez {name}",
        "cta_awareness": "Suivez {name}",
        "cta_leads": "Contactez {name}",
        "cta_default": "Découvrez comment fonctionne {name}",
        "cta_site": "Rendez-vous sur {domain}",
        "from_to": "De « {pain} » à « {outcome} ».",
        "question": "{text} ?",
        "objection_price_shown": "Bonne question : toutes les conditions sont dans l'offre ci-dessus.",
        "cta_link": "{cta} : {link}",
    },
    "es": {
        "familiar_week_for": "Para {who}, la semana empieza siempre igual: {pain}",
        "familiar_week": "La semana empieza siempre igual: {pain}",
        "familiar_story_for": "Para {who}, la historia es conocida: {pain}",
        "familiar_story": "La historia es conocida: {pain}",
        "what_changes": "Lo que cambia: {outcome}",
        "what_changes_list": "Lo que cambia:",
        "the_offer": "La oferta: {offer}",
        "heres_how": "{outcome}. Te contamos cómo.",
        "objection_price": "Buena pregunta: la oferta es {offer}.",
        "objection_price_no_offer": "Buena pregunta: pídenos primero todas las condiciones.",
        "objection_effort": "{name} está pensado para pedirte poco esfuerzo: {usp}.",
        "objection_fit": "{name} está hecho para {audience}.",
        "objection_next_step": "La forma más rápida de comprobarlo: {cta}.",
        "carousel_swipe": "Desliza para ver lo que cambia con {name}.",
        "slide_familiar": "¿Te suena?",
        "slide_changes": "Lo que cambia",
        "slide_how": "Cómo lo hace {name}",
        "problem_for": "El problema para {who}: {pain}.",
        "problem": "El problema: {pain}.",
        "note_for": "Un mensaje para {who}",
        "note_from": "Un mensaje de {name}",
        "sounds_familiar": "Si {pain} te suena, este mensaje es para ti",
        "with_name": "{outcome}, con {name}",
        "video_body": "Un vídeo vertical corto para {who}: el problema, el cambio, el siguiente paso. Grabado en un "
        "lugar real con permiso del cliente; ningún actor presentado como cliente.",
        "video_audience": "el público",
        "scene_moment": "El momento en sí: {pain}, tal como ocurre.",
        "scene_turn": "El mismo momento con {name} en pantalla, paso a paso.",
        "scene_after": "Después: {outcome}.",
        "scene_end": "Cierre: {name}, {link}, el aviso legal en pantalla.",
        "scene_end_link": "la llamada a la acción",
        "with_outcome": "Con {name}: {outcome}",
        "meet": "Descubre {name}.",
        "cta_free_trial": "Empieza tu prueba gratis",
        "cta_trial": "Empieza tu prueba",
        "cta_demo": "Reserva una demo",
        "cta_call": "Pide una llamada",
        "cta_book": "Pide tu cita",
        "cta_donate": "Haz un donativo",
        "cta_volunteer": "Hazte voluntario",
        "cta_quote": "Pide tu presupuesto",
        "cta_visit": "Ven a vernos",
        "cta_sales": "Empieza con {name}",
        "cta_sales_people": "Descubre {name}",
        "cta_awareness": "Sigue a {name}",
        "cta_leads": "Contacta con {name}",
        "cta_default": "Descubre cómo funciona {name}",
        "cta_site": "Visita {domain}",
        "from_to": "De «{pain}» a «{outcome}».",
        "question": "¿{text}?",
        "objection_price_shown": "Buena pregunta: todas las condiciones están en la oferta de arriba.",
        "cta_link": "{cta}: {link}",
    },
    "de": {
        "familiar_week_for": "Für {who} beginnt die Woche immer gleich: {pain}",
        "familiar_week": "Die Woche beginnt immer gleich: {pain}",
        "familiar_story_for": "Für {who} ist das nichts Neues: {pain}",
        "familiar_story": "Das ist nichts Neues: {pain}",
        "what_changes": "Was sich ändert: {outcome}",
        "what_changes_list": "Was sich ändert:",
        "the_offer": "Das Angebot: {offer}",
        "heres_how": "{outcome}. So geht's.",
        "objection_price": "Berechtigte Frage: Das Angebot lautet {offer}.",
        "objection_price_no_offer": "Berechtigte Frage: Fragen Sie uns zuerst nach allen Bedingungen.",
        "objection_effort": "{name} ist so gebaut, dass es Ihnen wenig abverlangt: {usp}.",
        "objection_fit": "{name} ist gemacht für {audience}.",
        "objection_next_step": "Am schnellsten überzeugen Sie sich selbst: {cta}.",
        "carousel_swipe": "Wischen Sie weiter und sehen Sie, was sich mit {name} ändert.",
        "slide_familiar": "Kommt Ihnen das bekannt vor?",
        "slide_changes": "Was sich ändert",
        "slide_how": "So macht es {name}",
        "problem_for": "Das Problem für {who}: {pain}.",
        "problem": "Das Problem: {pain}.",
        "note_for": "Eine Nachricht für {who}",
        "note_from": "Eine Nachricht von {name}",
        "sounds_familiar": "Wenn Ihnen „{pain}“ bekannt vorkommt, ist diese Nachricht für Sie",
        "with_name": "{outcome}, mit {name}",
        "video_body": "Ein kurzes Hochformat-Video für {who}: das Problem, die Wende, der nächste Schritt. Gedreht an "
        "einem echten Ort mit Erlaubnis des Kunden; keine Schauspieler, die als Kunden auftreten.",
        "video_audience": "die Zielgruppe",
        "scene_moment": "Der Moment selbst: {pain}, so wie er passiert.",
        "scene_turn": "Derselbe Moment mit {name} im Bild, Schritt für Schritt.",
        "scene_after": "Danach: {outcome}.",
        "scene_end": "Abspann: {name}, {link}, der Pflichthinweis im Bild.",
        "scene_end_link": "der Aufruf zum Handeln",
        "with_outcome": "Mit {name}: {outcome}",
        "meet": "Lernen Sie {name} kennen.",
        "cta_free_trial": "Jetzt kostenlos testen",
        "cta_trial": "Jetzt testen",
        "cta_demo": "Demo buchen",
        "cta_call": "Termin vereinbaren",
        "cta_book": "Termin vereinbaren",
        "cta_donate": "Jetzt spenden",
        "cta_volunteer": "Ehrenamtlich mitmachen",
        "cta_quote": "Angebot anfordern",
        "cta_visit": "Besuchen Sie uns",
        "cta_sales": "Jetzt mit {name} starten",
        "cta_sales_people": "Entdecken Sie {name}",
        "cta_awareness": "Folgen Sie {name}",
        "cta_leads": "Kontakt zu {name} aufnehmen",
        "cta_default": "So funktioniert {name}",
        "cta_site": "Mehr auf {domain}",
        "from_to": "Von „{pain}“ zu „{outcome}“.",
        "question": "{text}?",
        "objection_price_shown": "Berechtigte Frage: Alle Bedingungen stehen im Angebot oben.",
        "cta_link": "{cta}: {link}",
    },
}


def say(lang: str, key: str, **values: str) -> str:
    """The phrase ``key`` in ``lang`` (English when that language lacks it), filled in."""
    bank = PHRASES.get(lang) or PHRASES["en"]
    return fill(lang, bank.get(key) or PHRASES["en"][key], values)


def tr(lang: str, english: str, **values: object) -> str:
    """A document sentence in ``lang``: ``english`` is both the key and the English text (as in
    gettext), looked up in ``modules/translations/<lang>.py``; English when a catalogue lacks it."""
    from .translations import catalog

    return fill(lang, catalog(lang).get(english, english), values)


def singular(lang: str, count: float) -> bool:
    """Whether ``count`` takes the singular in ``lang`` (CLDR's "one" for whole numbers): 1 in
    English, Spanish and German; 0 and 1 in French ("0 contact", "1 contact", "2 contacts")."""
    return count == 1 or (lang == "fr" and count == 0)


def counted(lang: str, count: int, one: str, many: str, **values: object) -> str:
    """A counted noun in the document's language, never "lead(s)": ``one`` ("{count} lead") for
    the singular, ``many`` ("{count} leads") otherwise. Both English sentences are catalogue keys
    and both carry the ``{count}`` blank, since French says the singular for 0 too."""
    return tr(lang, one if singular(lang, count) else many, count=count, **values)


class Sentences:
    """``tr`` bound to one language, for a composer: ``t("Summary")``, and
    ``t.counted(3, "{count} lead", "{count} leads")`` for a counted noun."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, english: str, **values: object) -> str:
        return tr(self.lang, english, **values)

    def counted(self, count: int, one: str, many: str, **values: object) -> str:
        return counted(self.lang, count, one, many, **values)


def fill(lang: str, template: str, values: Mapping[str, object]) -> str:
    """``template`` filled in, with the language's grammar at each blank and its typography.

    French: "de" before a vowel elides ("d'Atelier"), "de le"/"de les" contract ("du pain",
    "des clients"), "à le"/"à les" too ("au", "aux"), "que" elides; a narrow no-break space
    (U+202F) goes before ; ! ? and a no-break space (U+00A0) before : and inside « », as French
    typography sets them. Spanish: "de el"/"a el" contract ("del", "al"). Only the template's own
    words change: what the brief says is quoted as written."""
    template = typeset(lang, template)
    if lang in ("fr", "es"):
        template = re.sub(r"(?<![\w'])(de|à|que|a) \{(\w+)\}", lambda m: _joined(lang, m[1], m[2], values), template,
                          flags=re.IGNORECASE)
    return template.format(**values)


_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüæœ]", re.IGNORECASE)


def _joined(lang: str, word: str, key: str, values: Mapping[str, object]) -> str:
    """``word {key}`` as the language joins them for this value: the value unchanged, bar the
    article folded into the word before it ("de le pain" -> "du pain", "de el" -> "del")."""
    if word[0].isupper():  # "De {pain}" at the start of a sentence: "Du pain", "D'un"
        return _joined(lang, word.lower(), key, values).capitalize().replace(f"{{{key.capitalize()}}}", f"{{{key}}}")
    value = str(values.get(key, ""))
    rest = lambda article: value[len(article):].replace("{", "{{").replace("}", "}}")
    if lang == "es":
        if word in ("de", "a") and value.startswith("el "):
            return f"{'del' if word == 'de' else 'al'} {rest('el ')}"
        return f"{word} {{{key}}}"
    if word in ("de", "à"):
        for article, contracted in (("le ", {"de": "du", "à": "au"}), ("les ", {"de": "des", "à": "aux"})):
            if value.startswith(article):
                return f"{contracted[word]} {rest(article)}"
    if word in ("de", "que") and _VOWEL.match(value):
        return f"{'d' if word == 'de' else 'qu'}'{{{key}}}"
    return f"{word} {{{key}}}"


def number(lang: str, value: float) -> str:
    """A number as the language writes it: 20,000.5 (en), 20 000,5 (fr, narrow no-break space),
    20.000,5 (es, de)."""
    from .fields import format_number

    return written_in(lang, format_number(value))


def percent(lang: str, value: float) -> str:
    """A figure in percent as the language writes it: 35.7% (en), 35,7 % (fr, es, de: a no-break
    space, U+00A0, before the sign, as CLDR and the KPI tables write it; ``number_formats``)."""
    from ..analytics.number_formats import percent_sign

    return number(lang, value) + percent_sign(lang)


def written_in(lang: str, english: str) -> str:
    """A number written the English way ("1,204.99") with the language's separators: 1 204,99 (fr,
    narrow no-break space), 1.204,99 (es, de); unchanged in English and languages without their own."""
    if lang == "fr":
        return english.replace(",", "\u202f").replace(".", ",")
    if lang in ("es", "de"):
        return english.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return english


def target(lang: str, kpi: Any) -> str:
    """A KPI target as the language writes it: 'trial sign-ups: 120', 'personnes touchées : 20 000'."""
    if hasattr(kpi, "model_dump"):  # a form's KpiTarget
        kpi = kpi.model_dump()
    unit = str(kpi.get("unit") or "").strip()
    if unit == "%":
        value = percent(lang, float(kpi["target"]))  # type: ignore[arg-type]
    else:
        value = number(lang, float(kpi["target"]))  # type: ignore[arg-type]
        if unit and unit.lower() not in {"count", "number", "#"}:
            value += f" {unit}"
    return typeset(lang, f"{kpi['metric']} : {value}") if lang == "fr" else f"{kpi['metric']}: {value}"


_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}


def date_text(lang: str, value: object) -> str:
    """An ISO date as the language writes it in prose: 15 janvier 2027, 15 de enero de 2027,
    15. Januar 2027; English keeps the ISO date, as the documents always showed it."""
    text = str(value or "")
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if lang not in _MONTHS or not match:
        return text
    year, month, day = int(match[1]), _MONTHS[lang].split()[int(match[2]) - 1], int(match[3])
    return {"fr": f"{'1er' if day == 1 else day} {month} {year}", "es": f"{day} de {month} de {year}",
            "de": f"{day}. {month} {year}"}[lang]


def quote(lang: str, text: str) -> str:
    """``text`` in the language's quotation marks: “…” (en), « … » (fr), «…» (es), „…“ (de)."""
    from .text import strip_end

    inner = strip_end(text)
    return {"fr": f"«\u00a0{inner}\u00a0»", "es": f"«{inner}»", "de": f"„{inner}“"}.get(lang, f"\u201c{inner}\u201d")


def labelled(lang: str, head: str, text: str) -> str:
    """``head: text`` with the language's spacing ("Cabinet Durand\u00a0: un expert-comptable dédié")."""
    return f"{head}\u00a0: {text}" if lang == "fr" else f"{head}: {text}"


def typeset(lang: str, text: str) -> str:
    """French spacing in composed text: U+202F before ; ! ?, U+00A0 before : and inside « ». A colon
    closed by Markdown emphasis ("**Avant l'envoi :**") is a colon too."""
    if lang != "fr":
        return text
    text = re.sub(r" ([;!?])", "\u202f\\1", text)
    text = re.sub(r" :(?=\s|$|\*|_)", "\u00a0:", text)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def first_language(declared: Iterable[str] | None, texts: Iterable[str | None]) -> str:
    """The brief's first language as a code: the first declared one we have phrases for, else the
    language its own words are in. Intake's default "English" counts only when the words agree."""
    declared = [d for d in declared or [] if d]
    codes = language_codes(declared)
    guessed = guess_language(t or "" for t in texts)
    if codes and not (declared == ["English"] and guessed != "en"):
        return codes[0]
    return guessed


def language_of_inputs(value: str | None, texts: Iterable[str | None]) -> str:
    """A form's ``language`` field as a code (its first language when it names several), read
    from the texts when it is empty."""
    codes = language_codes(value)
    return codes[0] if codes else guess_language(t or "" for t in texts)


def language_codes(value: str | Iterable[str] | None) -> list[str]:
    """Every language with a phrase bank that ``value`` names, in order: "Español, English" and
    ["es", "en"] -> ["es", "en"]; a bilingual Canadian brief "English and French" -> ["en", "fr"]."""
    items = [value] if isinstance(value, str) or value is None else list(value)
    parts = [p for item in items for p in re.split(r"\s*(?:[,;/+&]|\band\b|\bet\b|\by\b|\bund\b)\s*", str(item or ""))]
    return list(dict.fromkeys(c for c in (language_code(p) for p in parts) if c))


def mid_sentence(lang: str, text: str) -> str:
    """A brief phrase lowered to sit mid-sentence; German nouns keep their capital."""
    from .text import lower_first

    return text.strip() if keeps_capitals(lang) else lower_first(text)
