"""Dates as they are written in resolutions, and the calendar of sessions.

UN form is "14 December 2022": day, month in full, year; no comma, no
ordinal suffix.  Other forms are found too, so that a rule can offer the UN
form as a fix.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import DateMention, Span
from .source import Source
from .vocabulary import MONTH_NAMES

_MONTH_INDEX = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTHS = "|".join(MONTH_NAMES)
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"

DATE_PATTERN = re.compile(
    rf"\b(?:"
    rf"(?P<d>\d{{1,2}})(?P<ord>st|nd|rd|th)?\s+(?P<m>{_MONTHS})\s+(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<a>{_ABBR})\.?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_MONTHS})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{{4}})"
    rf")\b"
)


# Month names are rare in a text and digits are everywhere: find the month
# first, then try the full pattern from the day before it (six times faster
# than scanning the text with DATE_PATTERN).  The months themselves are found
# by their initials with str.find, then their first three letters: 365M
# instructions a corpus pass, where _ANCHOR's scan (``_reference_month_anchors``)
# takes 581M.
_ANCHOR = re.compile(rf"(?:{_MONTHS}|{_ABBR})\b")
_MONTH_PREFIXES = frozenset(name[:3] for name in MONTH_NAMES)
_MONTH_INITIALS = "".join(sorted({name[0] for name in MONTH_NAMES}))  # one scan a letter, not one a month
_DAY_BEFORE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+$")


def _reference_month_anchors(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """The readable form of ``_month_anchors``: _ANCHOR stepped through every character."""
    return [(m.start(), m.end()) for m in _ANCHOR.finditer(plain, start, end)]


def _month_anchors(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each month name in ``plain[start:end]``, as
    ``_ANCHOR.finditer`` would give them."""
    candidates = []
    find = plain.find
    for initial in _MONTH_INITIALS:
        at = find(initial, start, end)
        while at >= 0:
            if plain[at : at + 3] in _MONTH_PREFIXES:
                candidates.append(at)
            at = find(initial, at + 1, end)
    candidates.sort()
    anchors = []
    last = start
    match = _ANCHOR.match
    for at in candidates:
        if at < last:
            continue
        m = match(plain, at, end)
        if m is not None:
            anchors.append((at, m.end()))
            last = m.end()
    return anchors


def _date_matches(plain: str, start: int, end: int):
    last = start
    for at, _ in _month_anchors(plain, start, end):
        window = plain[max(last, at - 8) : at]
        before = _DAY_BEFORE.search(window)
        begin = at - len(window) + before.start() if before else at
        m = DATE_PATTERN.match(plain, begin, end)
        if m is None and before is not None:
            m = DATE_PATTERN.match(plain, at, end)
        if m is not None and m.start() >= last:
            last = m.end()
            yield m


def find_dates(source: Source, plain: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``plain[start:end]``, with its form and value."""
    found = []
    end = len(plain) if end is None else end
    for m in _date_matches(plain, start, end):
        if m.group("d"):
            day, month, year = int(m.group("d")), _MONTH_INDEX[m.group("m").lower()], int(m.group("y"))
            form = "ordinal" if m.group("ord") else "un"
        elif m.group("d2"):
            day, month, year = int(m.group("d2")), _ABBREVIATIONS[m.group("a").lower()], int(m.group("y2"))
            form = "abbreviated"
        else:
            day, month, year = int(m.group("d3")), _MONTH_INDEX[m.group("m3").lower()], int(m.group("y3"))
            form = "month-first"
        try:
            value = dt.date(year, month, day)
        except ValueError:
            value = None
        found.append(
            DateMention(
                text=m.group(),
                span=Span.of(source, m.start(), m.end()),
                value=value,
                form=form,
                day=day,
                month=month,
                year=year,
            )
        )
    return found


def un_form(day: int, month: int, year: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]} {year}"


def format_date(value: dt.date) -> str:
    return un_form(value.day, value.month, value.year)


def session_bounds(session: int) -> tuple[dt.date, dt.date]:
    """The first and last possible day of regular session ``session``.

    Session N opens in September of 1945 + N and lasts until session N + 1
    opens (rules of procedure, rule 1).  The exact opening day has moved over
    the decades, so the bounds are the first of September and the last day
    before the next September's third week — generous on purpose: the rule
    catches a wrong year, not a day's drift.  The first session opened on
    10 January 1946.
    """
    if session == 1:
        return dt.date(1946, 1, 10), dt.date(1947, 9, 15)
    year = 1945 + session
    return dt.date(year, 9, 1), dt.date(year + 1, 9, 22)


def session_of(value: dt.date) -> int | None:
    """The regular session in progress on ``value`` (sessions open in mid-September), or None before 1946."""
    if value < dt.date(1946, 1, 10):
        return None
    session = value.year - 1945 if (value.month, value.day) >= (9, 15) else value.year - 1946
    return max(session, 1)


def session_label(session: int) -> str:
    first, last = session_bounds(session)
    return (
        f"{ordinal_words(session)} session ({MONTH_NAMES[first.month - 1]} {first.year} – {MONTH_NAMES[8]} {last.year})"
    )


_UNITS = "zero first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS_ORD = {
    2: "twentieth",
    3: "thirtieth",
    4: "fortieth",
    5: "fiftieth",
    6: "sixtieth",
    7: "seventieth",
    8: "eightieth",
    9: "ninetieth",
}
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def ordinal_words(n: int) -> str:
    """58 -> "fifty-eighth" (sessions are written in words in running text)."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS_ORD[tens] if unit == 0 else f"{_TENS[tens]}-{_UNITS[unit]}"
    return f"{n}th"


_ROMAN = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def to_roman(n: int) -> str:
    """1..89 in roman numerals: the sessions of old-style symbols ("2200 A (XXI)")."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def roman_to_int(roman: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for char in reversed(roman.upper()):
        value = values.get(char)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None
