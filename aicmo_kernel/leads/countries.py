"""Countries named in a brief's geography or a lead's country cell, as ISO 3166-1 codes.

"United Kingdom", "GB", "GBR", "UK", "Royaume-Uni", "Reino Unido" and "Vereinigtes Königreich" are
one country (GB), so a lead's country is compared with the brief's as a country, not as words.
The names come from ``pycountry`` (the ISO 3166-1 database with its translations): every country's
name, official name and common name in English, French, Spanish and German, and its alpha-2 and
alpha-3 codes. ISO lacks the usual short forms and the United Kingdom's nations; ``_ALIASES`` adds
them, the nations as regions of GB, so a brief for England takes a lead in England and says a lead
in "the UK" may be elsewhere; it also reads whole a few places named after another country ("New
Mexico", "New South Wales").

A brief's geography is free text ("Bristol, UK", "UK and Ireland", "Lyon et sa région, France"):
its countries are the names and codes found in it, the longest name first ("Northern Ireland" is
not Ireland); a city counts by the country written beside it. A code inside a sentence counts only
in capitals ("DE", "USA"), since "de", "in" and "us" are words; a cell that is a code alone counts
in any case. pycountry is imported when a country is first looked up, not with the package.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Place", "country_of", "places_in"]

# What ISO 3166-1 lacks: short forms, and the UK's nations (a country's region), in our four languages.
_ALIASES: dict[str, tuple[str, str | None]] = {
    "uk": ("GB", None), "u k": ("GB", None), "great britain": ("GB", None), "britain": ("GB", None),
    "grande bretagne": ("GB", None), "gran bretana": ("GB", None), "grossbritannien": ("GB", None),
    "usa": ("US", None), "u s a": ("US", None), "u s": ("US", None), "ee uu": ("US", None),
    "russia": ("RU", None), "turkey": ("TR", None), "holland": ("NL", None),
    "england": ("GB", "england"), "angleterre": ("GB", "england"), "inglaterra": ("GB", "england"),
    "scotland": ("GB", "scotland"), "ecosse": ("GB", "scotland"), "escocia": ("GB", "scotland"),
    "schottland": ("GB", "scotland"),
    "wales": ("GB", "wales"), "pays de galles": ("GB", "wales"), "gales": ("GB", "wales"),
    "northern ireland": ("GB", "northern ireland"), "irlande du nord": ("GB", "northern ireland"),
    "irlanda del norte": ("GB", "northern ireland"), "nordirland": ("GB", "northern ireland"),
    # Places named after another country: read whole, so "New Mexico, USA" names no Mexico.
    "new mexico": ("US", None), "nuevo mexico": ("US", None), "nouveau mexique": ("US", None),
    "new jersey": ("US", None), "new england": ("US", None),
    "new south wales": ("AU", None), "nueva gales del sur": ("AU", None),
}  # fmt: skip
_LANGUAGES = ("fr", "es", "de")  # the product's languages besides English
_LONGEST = 12  # words in the longest name looked for ("united kingdom of great britain and northern ireland")


@dataclass(frozen=True)
class Place:
    """A country (its ISO alpha-2 code) and, for the UK's nations, the region within it."""

    country: str
    region: str | None = None


def _tokens(text: str) -> list[str]:
    """The words as written, accents dropped: 'Côte d’Ivoire' -> ['Cote', 'd', 'Ivoire']."""
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return re.findall(r"[A-Za-z0-9]+", "".join(c for c in text if not unicodedata.combining(c)))


def _plain_words(text: str) -> list[str]:
    """``_tokens`` in lower case: 'Großbritannien' -> ['grossbritannien']."""
    return [token.lower() for token in _tokens(text)]


@lru_cache(maxsize=1)
def _names() -> dict[str, Place]:
    """Every name a country goes by (plain words joined by spaces) -> its place; built once."""
    import gettext

    import pycountry

    names: dict[str, Place] = {}
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                    for lang in _LANGUAGES]
    for country in pycountry.countries:
        place = Place(country.alpha_2)
        english = [getattr(country, key, "") for key in ("name", "official_name", "common_name")]
        for name in [*english, *(t.gettext(n) for t in translations for n in english if n)]:
            key = " ".join(_plain_words(name))
            if key:
                names.setdefault(key, place)
    names.update({key: Place(code, region) for key, (code, region) in _ALIASES.items()})
    return names


@lru_cache(maxsize=1)
def _codes() -> dict[str, Place]:
    """ISO alpha-2 and alpha-3 codes (upper case) -> the country; built once."""
    import pycountry

    codes = {c.alpha_2: Place(c.alpha_2) for c in pycountry.countries}
    codes.update({c.alpha_3: Place(c.alpha_2) for c in pycountry.countries})
    codes.update({"UK": Place("GB"), "USA": Place("US")})
    return codes


@lru_cache(maxsize=4096)
def country_of(cell: str) -> Place | None:
    """The country a lead's country cell names ('United Kingdom', 'gb', 'Deutschland', 'Scotland'),
    or None when it names none that ISO or the aliases know (a city, 'EMEA')."""
    text = cell.strip()
    if not text:
        return None
    if text.upper() in _codes() and len(text) <= 3:
        return _codes()[text.upper()]
    found = places_in(text)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=256)
def places_in(text: str) -> tuple[Place, ...]:
    """The countries (and UK nations) a brief's geography names, in the order it names them:
    'UK and Ireland' -> GB, IE; 'Bristol, UK' -> GB; 'England, the Midlands' -> GB (England)."""
    names = _names()
    shown = _tokens(text)
    words = [token.lower() for token in shown]
    # A code in capitals is a code unless the whole text is in capitals ("UK AND IRELAND": "AND" is no Andorra).
    capitals = not text.isupper()
    found: list[Place] = []
    start = 0
    while start < len(words):
        for end in range(min(len(words), start + _LONGEST), start, -1):
            place = names.get(" ".join(words[start:end]))
            if place is not None:
                break
        else:
            place, end = None, start + 1
            if capitals and shown[start].isupper() and 2 <= len(shown[start]) <= 3:
                place = _codes().get(shown[start])
        if place is not None and place not in found:
            found.append(place)
        start = end
    return tuple(found)
