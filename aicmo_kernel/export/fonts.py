"""Fonts for the PDF export: the body font, and a fallback font for every script it lacks.

DejaVu Sans (``pdf_file.find_unicode_font``) covers Latin, Greek, Cyrillic, Hebrew and basic
Arabic, but not CJK, Devanagari or emoji. ``fallback_fonts(text)`` finds, for the characters of a
document that the body font does not cover, a font file per script: first the Noto fonts of
Debian's packages at their known paths (``fonts-noto-core``, ``fonts-noto-cjk``,
``fonts-noto-color-emoji``, which ``scripts/test.sh`` installs), then whatever fontconfig
(``fc-list :charset=...``) knows covers them. A font is used only if its character map really
holds the characters (read with fontTools, which fpdf2 already depends on). Characters no font
covers are reported, script by script, so the export can warn naming them instead of silently
printing empty boxes.

Scripts whose letters join or reorder (Arabic, Hebrew, the Indic scripts, Thai ...) need a
shaping engine to be drawn right: ``needs_shaping(text)`` says so, and the PDF turns on fpdf2's
text shaping (HarfBuzz, through ``uharfbuzz``) for such documents only.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["FontFile", "FontPlan", "cmap_of", "fallback_fonts", "needs_shaping", "script_of"]

_ROOT = Path("/usr/share/fonts")
# Known Debian paths, tried before fontconfig (stable, and the Sans design that suits the body).
_KNOWN: dict[str, list[tuple[str, int]]] = {
    "Arabic": [("truetype/noto/NotoSansArabic-Regular.ttf", 0), ("truetype/noto/NotoNaskhArabic-Regular.ttf", 0)],
    "Hebrew": [("truetype/noto/NotoSansHebrew-Regular.ttf", 0)],
    "Devanagari": [("truetype/noto/NotoSansDevanagari-Regular.ttf", 0)],
    "CJK": [("opentype/noto/NotoSansCJK-Regular.ttc", 0), ("truetype/droid/DroidSansFallbackFull.ttf", 0)],
    "Emoji": [("truetype/noto/NotoColorEmoji.ttf", 0)],
    "Greek": [("truetype/noto/NotoSans-Regular.ttf", 0)],
    "Cyrillic": [("truetype/noto/NotoSans-Regular.ttf", 0)],
    "Latin": [("truetype/noto/NotoSans-Regular.ttf", 0)],
}
# Which Debian package brings a script's font (named in the warning).
PACKAGES = {"CJK": "fonts-noto-cjk", "Emoji": "fonts-noto-color-emoji"}
_DEFAULT_PACKAGE = "fonts-noto-core"
_CJK_WORDS = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH",
              "KANGXI", "KANBUN"}  # fmt: skip
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F900, 0x1F9FF))
_SHAPED = {"Arabic", "Hebrew", "Syriac", "Thaana", "Nko", "Devanagari", "Bengali", "Gurmukhi", "Gujarati",
           "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Myanmar",
           "Khmer"}  # fmt: skip


def script_of(char: str) -> str:
    """A script name for ``char`` from its Unicode name ("Arabic", "CJK", "Emoji", "Devanagari")."""
    code = ord(char)
    if any(low <= code <= high for low, high in _EMOJI_RANGES):
        return "Emoji"
    name = unicodedata.name(char, "")
    word = name.split(" ", 1)[0] if name else "Unknown"
    if word in _CJK_WORDS:
        return "CJK"
    return word.capitalize()


def _ignorable(char: str) -> bool:
    """Spaces, controls and joiners/variation selectors: no glyph of their own is needed."""
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Zs"} or 0xFE00 <= ord(char) <= 0xFE0F


@cache
def cmap_of(path: str, number: int = 0) -> frozenset[int]:
    """The code points a font file maps (empty when fontTools cannot read it)."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(path, fontNumber=number, lazy=True)
        try:
            return frozenset(font.getBestCmap() or {})
        finally:
            font.close()
    except Exception:  # noqa: BLE001 - an unreadable font is simply not a candidate
        return frozenset()


@cache
def _fontconfig_candidates(char: str) -> tuple[str, ...]:
    """Font files fontconfig says cover ``char`` (Regular faces first), or none without fc-list."""
    if shutil.which("fc-list") is None:
        return ()
    try:
        out = subprocess.run(["fc-list", f":charset={ord(char):x}", "file", "style"], capture_output=True,
                             text=True, timeout=10, check=False).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return ()
    files = []
    for line in out.splitlines():
        path, _, style = line.partition(":")
        if path.lower().endswith((".ttf", ".otf", ".ttc")):
            files.append((0 if "Regular" in style or not style.strip() else 1, path.strip()))
    return tuple(path for _rank, path in sorted(set(files)))


@dataclass(frozen=True)
class FontFile:
    script: str
    path: str
    number: int = 0  # the face inside a .ttc collection


@dataclass(frozen=True)
class FontPlan:
    fonts: list[FontFile]
    missing: dict[str, str]  # script -> the characters no font covers
    shaping: bool  # the text has a script that needs shaping

    def warning(self) -> str | None:
        """One sentence naming the scripts no font covers and the package that brings them."""
        if not self.missing:
            return None
        parts = [f"{script} ({''.join(sorted(chars))[:12]})" for script, chars in self.missing.items()]
        packages = sorted({PACKAGES.get(script, _DEFAULT_PACKAGE) for script in self.missing})
        return (f"No installed font covers {', '.join(parts)}: the PDF shows those characters as empty boxes. "
                f"Install the Debian package(s) {' '.join(packages)} (or any font for the script) and export again.")  # fmt: skip


def _known(script: str) -> list[tuple[str, int]]:
    return [(str(_ROOT / rel), n) for rel, n in _KNOWN.get(script, []) if (_ROOT / rel).is_file()]


def _pick(script: str, left: set[str]) -> tuple[str, int] | None:
    """A font for some of ``left``: the first known font of the script that covers all of it,
    else the one covering most; else the first font fontconfig names for one of its characters.
    Candidates are read lazily, since reading a font's character map takes a while."""
    best, best_count = None, 0
    for path, number in _known(script):
        count = sum(1 for c in left if ord(c) in cmap_of(path, number))
        if count == len(left):
            return path, number
        if count > best_count:
            best, best_count = (path, number), count
    if best is not None:
        return best
    for char in sorted(left)[:8]:  # fontconfig is asked about a few characters, not every one
        for path in _fontconfig_candidates(char):
            if ord(char) in cmap_of(path, 0):
                return path, 0
    return None


def fallback_fonts(text: str, covered: frozenset[int]) -> FontPlan:
    """The fallback fonts that draw the characters of ``text`` outside ``covered`` (the body
    font's character map), one per script, and the characters left with no font."""
    wanted: dict[str, set[str]] = {}
    for char in set(text):
        if ord(char) not in covered and not _ignorable(char):
            wanted.setdefault(script_of(char), set()).add(char)
    fonts: list[FontFile] = []
    missing: dict[str, str] = {}
    for script in sorted(wanted):
        left = set(wanted[script])
        for font in fonts:  # a font chosen for another script may cover these too
            left -= {c for c in left if ord(c) in cmap_of(font.path, font.number)}
        while left:
            best = _pick(script, left)
            covers = {c for c in left if best is not None and ord(c) in cmap_of(*best)}
            if best is None or not covers:
                missing[script] = "".join(sorted(left))
                break
            fonts.append(FontFile(script, *best))
            left -= covers
    shaping = any(script_of(c) in _SHAPED for c in set(text) if not c.isascii())
    return FontPlan(fonts, missing, shaping)


def needs_shaping(text: str) -> bool:
    return any(script_of(c) in _SHAPED for c in set(text) if not c.isascii())
