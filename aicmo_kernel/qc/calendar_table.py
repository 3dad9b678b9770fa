"""The content calendar as its text says it: one reader of the calendar's table, for QC and the
scheduler files.

Execution's calendar keeps its slots twice: structured, in ``metadata["calendar"]`` (date, time,
platform, asset_id, title), and as a Markdown table in ``content_markdown``, rendered from them
(``COLUMNS``; slot ids S001, S002, ... in the structured calendar's order). A person edits the
text, never the metadata, so the table as edited is the calendar: ``read_calendar`` takes each
row's date, time and platform, and matches the row to its structured slot for what the table does
not show (the creative's id):

1. by the row's slot id (S003 is the third structured slot);
2. else by its asset title on its platform (the first slot of that title not yet matched, one on
   the row's date first): the slot column may be gone, the rows reordered;
3. else by position (row 4, slot 4), for a row with neither a slot id nor a title (a table
   without those columns) whose platform agrees: a title the calendar does not know is a post
   the person added, never another slot's creative under a new name;
4. a row that matches no slot is a post the person added: its creative is the one its title
   names on its platform, if any;
5. a structured slot no row matches was removed by the person: it is listed in ``removed``.

A row whose date or time cannot be read does not vanish: it keeps its structured slot's value and
is reported by its number (``problems``); a row the person added whose date cannot be read is in
``problems`` and not in ``slots``. A text with no readable table (rewritten as prose, or a version
older than its table) gives the structured calendar as it is, ``from_text`` False and a ``note``.
Headers are read in every language the drafts are written in (English, French, Spanish, German);
a table whose headers are none of these is still read when its cells show which column holds
dates and which times. Dates are YYYY-MM-DD (the table's own form); times HH:MM, also 9:00, 14h30
and 14.30. Nothing here imports the modules: QC sits below them (``export/schedule.py`` and QC's
calendar checks call it; the execution renderer writes ``COLUMNS``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..platforms import PLATFORMS, normalise_platform, platform_name

__all__ = ["COLUMNS", "CalendarReading", "CalendarSlot", "parse_date", "parse_time", "read_calendar"]

# The renderer's header, as execution writes it (its Markdown table, one row per slot).
COLUMNS = ("Slot", "Date", "Day", "Time", "Platform", "Asset", "Link (UTM-tagged)")

# A header cell, lower-cased without accents or a bracketed part, in en, fr, es and de.
_HEADERS = {
    "slot": {"slot", "slot id", "id", "#", "no", "nr", "n", "n°", "creneau", "emplacement", "franja", "hueco",
             "ranura", "espacio", "platz"},
    "date": {"date", "fecha", "datum", "date de publication", "fecha de publicacion", "veroffentlichungsdatum"},
    "time": {"time", "local time", "heure", "horaire", "heure locale", "hora", "hora local", "uhrzeit", "zeit",
             "ortszeit"},
    "platform": {"platform", "channel", "network", "plateforme", "canal", "reseau", "plataforma", "red",
                 "plattform", "kanal", "netzwerk"},
    "asset": {"asset", "title", "post", "content", "creative", "contenu", "titre", "publication", "visuel",
              "ressource", "creation", "contenido", "titulo", "publicacion", "pieza", "recurso", "inhalt",
              "titel", "beitrag", "motiv"},
}  # fmt: skip
# Platform names a translated table may use that the platform table does not list (the strategy's longer
# words for paid ads too).
_PLATFORM_WORDS = {"courriel": "email", "correo": "email", "correo electronico": "email", "boletin": "email",
                   "lettre d'information": "email", "anuncios": "ads", "publicites": "ads", "anzeigen": "ads",
                   "werbung": "ads", "publicite payante": "ads", "publicidad de pago": "ads",
                   "bezahlte anzeigen": "ads"}  # fmt: skip
_NAMES = {p.name.lower(): p.key for p in PLATFORMS.values()}
_TIME = re.compile(r"^([01]?\d|2[0-3])(?:\s*[:.hH]\s*([0-5]\d)(?::[0-5]\d)?|\s*[hH])\s*(?:uhr)?$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}\b")
_SLOT_ID = re.compile(r"^[Ss]\s*0*(\d{1,5})$")
_Day = date  # the type, for the class whose field is named ``date``
_PIPE = re.compile(r"(?<!\\)\|")  # a cell boundary: a pipe not escaped
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def parse_date(value: Any) -> date | None:
    """A date from "YYYY-MM-DD", a date or a datetime; None when it cannot be read."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def parse_time(value: Any) -> str | None:
    """ "HH:MM" (zero-padded) from "9:00", "09:00:00", "14h30", "14.30"; "" when there is none;
    None when it cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return _time_of(value) if isinstance(value, str) else None


@lru_cache(maxsize=1024)  # a calendar's times are a handful of values, each read per row
def _time_of(text: str) -> str | None:
    match = _TIME.match(text.strip())
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}" if match else None


@dataclass(frozen=True)
class CalendarSlot:
    """One post of the calendar as the text says it. ``number``: its structured slot (1-based),
    or past the structured calendar's end for a row the person added; ``row``: the table row it
    was read from (None when it comes from the structured calendar alone)."""

    number: int
    date: str  # YYYY-MM-DD when readable, else as written
    time: str  # HH:MM when readable, "" when none is given, else as written
    platform: str  # a platform key ("linkedin"), "" when none
    asset_id: str
    title: str
    row: int | None = None
    slot_id: str = ""
    added: bool = False
    planned_platform: str = ""  # the structured slot's platform when the row moved it to another one

    @property
    def moved_platform(self) -> bool:
        """Whether the person moved the post to another platform than its creative was written for."""
        return bool(self.planned_platform) and self.planned_platform != self.platform

    @property
    def day(self) -> _Day | None:
        return parse_date(self.date)

    @property
    def at(self) -> str | None:
        return parse_time(self.time)

    @property
    def label(self) -> str:
        """How a message names the post: its title, with the table's slot id when it has one."""
        name = f"\u201c{self.title.strip()[:80]}\u201d" if self.title.strip() else ""
        where = self.slot_id or (f"row {self.row}" if self.row else f"slot {self.number}")
        return f"{name} ({where})" if name and self.slot_id else name or where


@dataclass
class CalendarReading:
    slots: list[CalendarSlot]
    from_text: bool  # False: no readable table, the structured calendar as it is
    problems: list[str] = field(default_factory=list)  # rows whose date, time or platform cannot be read
    removed: list[CalendarSlot] = field(default_factory=list)  # structured slots with no row in the table
    note: str = ""  # why the structured calendar is used, when it is (no readable table)


@dataclass(frozen=True)
class _Row:
    number: int
    cells: dict[str, str]  # by column: slot, date, time, platform, asset


def read_calendar(markdown: str, calendar: Any) -> CalendarReading:
    """The calendar's slots as ``markdown`` (a version's text) says them, matched to the structured
    ``calendar`` (``metadata["calendar"]``; entries that are not dicts are skipped)."""
    structured = [
        CalendarSlot(number, _text(slot.get("date")), _text(slot.get("time")), _platform_key(slot.get("platform")),
                     _text(slot.get("asset_id")), _text(slot.get("title")))
        for number, slot in enumerate(calendar if isinstance(calendar, list) else [], 1) if isinstance(slot, dict)
    ]  # fmt: skip
    rows = _table_rows(markdown)
    if not rows:
        note = ("the text has no table of the calendar's posts with a Date column (it was rewritten as prose, "
                "or is a version older than the table)")  # fmt: skip
        return CalendarReading(structured, False, note=note if structured else "")
    return _match(rows, structured)


def _match(rows: list[_Row], structured: list[CalendarSlot]) -> CalendarReading:
    by_number = {slot.number: slot for slot in structured}
    taken: dict[int, _Row] = {}  # structured number -> its row
    matched: dict[int, CalendarSlot] = {}  # row number -> its structured slot
    for row in rows:  # 1. by slot id
        found = _SLOT_ID.match(row.cells.get("slot", ""))
        slot = by_number.get(int(found.group(1))) if found else None
        if slot is not None and slot.number not in taken:
            taken[slot.number], matched[row.number] = row, slot
    by_title: dict[str, list[CalendarSlot]] = {}
    for slot in structured:
        by_title.setdefault(_fold(slot.title), []).append(slot)
    for row in rows:  # 2. by title on the row's platform, one on the row's date first
        if row.number in matched or not row.cells.get("asset"):
            continue
        platform = _platform_key(row.cells.get("platform"))
        candidates = [s for s in by_title.get(_fold(row.cells["asset"]), ())
                      if s.number not in taken and (not platform or s.platform == platform)]  # fmt: skip
        candidates.sort(key=lambda s: s.date != row.cells.get("date", "").strip()[:10])
        if candidates:
            taken[candidates[0].number], matched[row.number] = row, candidates[0]
    for index, row in enumerate(rows):  # 3. by position, for a row with neither slot id nor title
        slot = structured[index] if index < len(structured) else None
        platform = _platform_key(row.cells.get("platform"))
        if (row.number not in matched and not row.cells.get("slot") and not row.cells.get("asset")
                and slot is not None and slot.number not in taken and (not platform or platform == slot.platform)):
            taken[slot.number], matched[row.number] = row, slot
    creatives = {(s.platform, _fold(s.title)): s.asset_id for s in structured if s.title}
    slots: list[CalendarSlot] = []
    problems: list[str] = []
    extra = max((s.number for s in structured), default=0)
    for row in rows:
        slot = matched.get(row.number)
        if slot is None:  # 4. a post the person added
            extra += 1
            platform = _platform_key(row.cells.get("platform"))
            title = row.cells.get("asset", "")
            slot = CalendarSlot(extra, "", "", platform, creatives.get((platform, _fold(title)), ""), title,
                                added=True)  # fmt: skip
        read = _read_row(row, slot, problems)
        if read is not None:
            slots.append(read)
    removed = [slot for slot in structured if slot.number not in taken]  # 5.
    return CalendarReading(slots, True, problems, removed)


def _read_row(row: _Row, slot: CalendarSlot, problems: list[str]) -> CalendarSlot | None:
    """``slot`` with the row's date, time, platform and title; an unreadable cell keeps the slot's
    value and is reported (a row the person added with no readable date is reported and dropped)."""
    where = f"row {row.number}" + (f" ({row.cells['slot']})" if row.cells.get("slot") else "")
    raw_date = row.cells.get("date", "")
    day = parse_date(raw_date) if _ISO_DAY.match(raw_date.strip()) else None
    if day is None and slot.added:
        problems.append(f"{where}, a post added in the text, has the date {raw_date!r}: it is not scheduled "
                        "until the date is written as YYYY-MM-DD")  # fmt: skip
        return None
    if day is None:
        problems.append(f"{where} has the date {raw_date!r}; the calendar's {slot.date or 'empty date'} is "
                        "used until it is fixed")  # fmt: skip
    kept = parse_time(slot.time)
    at = kept if kept is not None else slot.time  # the structured time, where the row gives none
    if "time" in row.cells:
        raw_time = row.cells["time"]
        written = parse_time(raw_time)
        if written or (written == "" and (slot.added or not slot.time.strip())):
            at = written
        else:  # unreadable, or emptied on a slot that had a time
            problems.append(f"{where} has the time {raw_time!r}; the calendar's {slot.time or 'empty time'} "
                            "is used until it is fixed")  # fmt: skip
    platform = slot.platform
    if row.cells.get("platform"):
        key = _platform_key(row.cells["platform"])
        if key in PLATFORMS or slot.added:
            platform = key
        else:
            problems.append(f"{where} names the platform {row.cells['platform']!r}, which is not one the "
                            f"workbench knows; the calendar's {platform_name(slot.platform)} is used")  # fmt: skip
    title = _unescape(row.cells.get("asset") or slot.title)
    planned = slot.platform if platform != slot.platform and not slot.added and slot.asset_id else ""
    return CalendarSlot(slot.number, day.isoformat() if day else slot.date, at, platform, slot.asset_id, title,
                        row.number, _slot_id(row.cells.get("slot", "")), slot.added, planned)  # fmt: skip


def _table_rows(markdown: str) -> list[_Row]:
    """The body rows of every table in ``markdown`` with a date column and a slot, time or
    platform column (numbered from 1 across them): the calendar's table, or its parts if the
    person split it by week."""
    lines = markdown.splitlines()
    rows: list[_Row] = []
    index = 0
    while index < len(lines) - 1:
        if "|" not in lines[index] or not _DELIMITER.match(lines[index + 1]):
            index += 1
            continue
        header = _cells(lines[index])
        body_start = index = index + 2
        while index < len(lines) and "|" in lines[index] and lines[index].strip():
            index += 1
        body = [_cells(line) for line in lines[body_start:index]]
        columns = _columns(header, body)
        if "date" in columns and columns.keys() & {"slot", "time", "platform"}:  # not a table of key dates
            for cells in body:
                rows.append(_Row(len(rows) + 1, {name: (cells[at] if at < len(cells) else "")
                                                 for name, at in columns.items()}))  # fmt: skip
    return rows


def _columns(header: list[str], body: list[list[str]]) -> dict[str, int]:
    """Column name -> index, by the header's words, else (date and time) by what the cells hold."""
    columns: dict[str, int] = {}
    for at, cell in enumerate(header):
        word = _header_word(cell)
        name = next((name for name, words in _HEADERS.items() if word in words), None)
        if name is not None and name not in columns:
            columns[name] = at
    for name, reads in (("date", lambda c: bool(_ISO_DAY.match(c))), ("time", lambda c: bool(_TIME.match(c)))):
        if name in columns or not body:
            continue
        counts = [sum(1 for cells in body if at < len(cells) and reads(cells[at])) for at in range(len(header))]
        best = max(range(len(counts)), key=counts.__getitem__, default=None)
        if best is not None and counts[best] * 2 >= len(body) and best not in columns.values():
            columns[name] = best
    return columns


def _cells(line: str) -> list[str]:
    """A table line's cells, split on pipes that are not escaped (a title may hold ``\\|``)."""
    text = line.strip().removeprefix("|")
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return [cell.strip() for cell in _PIPE.split(text)]


def _header_word(cell: str) -> str:
    plain = re.sub(r"\(.*?\)|[*_`]", "", _strip_accents(cell)).strip().lower()
    return plain.strip(" :.")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _fold(title: str) -> str:
    return " ".join(_unescape(title).split()).casefold()


def _unescape(text: str) -> str:
    return text.replace("\\|", "|")


def _platform_key(raw: Any) -> str:
    return _platform_of(raw) if isinstance(raw, str) else ""


@lru_cache(maxsize=1024)
def _platform_of(raw: str) -> str:
    if not raw.strip():
        return ""
    plain = raw.strip().lower()
    return _NAMES.get(plain) or _PLATFORM_WORDS.get(_strip_accents(plain)) or normalise_platform(plain) or ""


def _slot_id(cell: str) -> str:
    found = _SLOT_ID.match(cell)
    return f"S{int(found.group(1)):03d}" if found else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value).strip()
