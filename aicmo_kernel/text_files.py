"""The text of a file as spreadsheets, ad platforms, CRMs and word processors write it: one rule for
the data imports (performance data and leads, by path or upload) and for brief files.

UTF-16 when the file starts with its byte-order mark (Google Ads' "Excel CSV"), else UTF-8 with or
without a BOM (what most tools write, and Excel's "CSV UTF-8"), else Windows-1252 when the text
reads as a Western European language in it: Excel's plain "CSV" on a Western European Windows.
That last is a reading, not a certainty, so it comes with a note for the user; a file that does
not read that way (another legacy encoding, or not text at all) gets no guess.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DecodedText", "decode_text"]

# A Western European text is mostly ASCII letters with some accented ones. Cyrillic, Greek or East
# Asian text read as Windows-1252 turns into words made of accented letters alone, far above this.
_MOST_ACCENTED_LETTERS = 0.3


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-16" or "cp1252"

    @property
    def note(self) -> str | None:
        """What the user should know about how the file was read (None for UTF-8 and UTF-16)."""
        if self.encoding != "cp1252":
            return None
        return ("not UTF-8: read as Windows-1252 (Excel's plain 'CSV' in Western Europe); if accented "
                "names look wrong, save the file as 'CSV UTF-8' and load it again")


def decode_text(data: bytes) -> DecodedText | None:
    """``data`` as text by the rule above, or None when it is none of those."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return DecodedText(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes have no character in Windows-1252
        return None
    return DecodedText(text, "cp1252") if _reads_as_western(text) else None


def _reads_as_western(text: str) -> bool:
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return False  # control characters: not a text file
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if ord(c) > 127)
    return accented <= _MOST_ACCENTED_LETTERS * len(letters)
