"""The record of General Assembly resolutions and their adoption dates.

``data/ga-resolutions.csv`` (source: the United Nations' machine-readable
General Assembly resolutions, see README) lists 4,565 resolutions: sessions
74–80 complete from the UN's own data (``source`` = ``record``, with titles),
older ones from the dates the texts of sessions 74–80 cite for them, kept
where the citations agree (``source`` = ``cited``).

It is read lazily, on the first lookup, so documents that cite nothing (and
``resolint rules``) never pay for it.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .dates import to_roman

if TYPE_CHECKING:
    from .model import Citation

# Sessions whose every resolution is in the record: a symbol of these
# sessions that the record lacks does not exist.
SESSIONS_COMPLETE = range(74, 81)


@dataclass(frozen=True, slots=True)
class RecordEntry:
    symbol: str  # "70/1", "75/253 B"
    adopted: dt.date
    title: str
    source: str  # "record" or "cited"
    agreement: str  # "k/n" for cited rows: k of n citations gave this date


@lru_cache(maxsize=1)
def load_record() -> dict[str, RecordEntry]:
    entries: dict[str, RecordEntry] = {}
    with resources.files("resolint.data").joinpath("ga-resolutions.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                adopted = dt.date.fromisoformat(row["adopted"])
            except (TypeError, ValueError):
                continue
            symbol = row["symbol"].strip()
            entries[symbol] = RecordEntry(
                symbol, adopted, row.get("title") or "", row.get("source") or "", row.get("agreement") or ""
            )
    return entries


def lookup(session: int, number: int, part: str | None = None) -> RecordEntry | None:
    """The record's entry for ``session/number`` (and ``part``, when given).

    With a part letter, only that part's own row counts: the unlettered row
    gives the first adoption of the whole resolution, which may be months
    before a later part.
    """
    key = f"{session}/{number}"
    if part:
        return load_record().get(f"{key} {part}")
    return load_record().get(key)


@cache
def numbers_in_session(session: int) -> frozenset[int]:
    """The resolution numbers the record holds for ``session``."""
    prefix = f"{session}/"
    out = set()
    for symbol in load_record():
        if symbol.startswith(prefix):
            head = symbol[len(prefix) :].split(" ", 1)[0]
            if head.isdigit():
                out.add(int(head))
    return frozenset(out)


def exists(session: int, number: int) -> bool | None:
    """True/False where the record is complete (sessions 74–80), else None (unknown)."""
    if session not in SESSIONS_COMPLETE:
        return None
    return number in numbers_in_session(session)


def record_symbol(citation: Citation) -> str | None:
    """The record's symbol for a citation of an Assembly resolution, or None.

    "70/1", "75/253 B", "2200 A (XXI)", "ES-10/2"; None for a decision, for
    another body's symbol and for "3411 A and B (XXX)" (two parts, no one date).
    """
    c = citation
    if c.decision or c.number is None or c.session is None:
        return None
    part = f" {c.part}" if c.part else ""
    if c.scheme == "ga":
        return f"{c.session}/{c.number}{part}"
    if c.scheme == "ga-roman":
        if c.part and " " in c.part:
            return None
        return f"{c.number}{part} ({to_roman(c.session)})"
    if c.scheme == "ga-emergency":
        return f"ES-{c.session}/{c.number}{part}" if "/" in c.symbol else None
    if c.scheme == "ga-special":
        return f"S-{c.session}/{c.number}{part}" if "/" in c.symbol else None
    return None


def entry_for(citation: Citation) -> RecordEntry | None:
    """The record's entry for a cited Assembly resolution (a lettered citation: that part's own row)."""
    symbol = record_symbol(citation)
    return load_record().get(symbol) if symbol else None
