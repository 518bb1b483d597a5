"""The record of General Assembly resolutions and their adoption dates.

``data/ga-resolutions.csv`` (source: the United Nations' machine-readable
General Assembly resolutions, see README) lists 4,588 resolutions: sessions
74–80 from the UN's own data (``source`` = ``record``, with titles), older
ones from the dates the texts of sessions 74–80 cite for them, kept where
the citations agree (``source`` = ``cited``, ``agreement`` = "k/n").

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

# The coverage of the record, as rules.md §4 states it and no more: sessions
# 74–79 complete except 78/327 (absent from the source); session 80 through
# 80/267 only, without 80/2, 80/107, 80/251 and 80/263.  A number absent
# from the record proves nothing outside this coverage.
SESSIONS_COMPLETE = range(74, 80)
_PARTIAL_SESSIONS = {80: 267}
_MISSING = frozenset({(78, 327), (80, 2), (80, 107), (80, 251), (80, 263)})
# A ``cited`` row is strong evidence when at least this many texts agree on
# it, unanimously ("72/262 C of 5 July 2018": 70 of 70).
STRONG_AGREEMENT = 5


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


def covers(session: int, number: int) -> bool:
    """Would the record hold resolution ``session/number`` if it existed?"""
    if (session, number) in _MISSING:
        return False
    if session in SESSIONS_COMPLETE:
        return True
    last = _PARTIAL_SESSIONS.get(session)
    return last is not None and number <= last


def coverage(session: int) -> str:
    """How much of ``session`` the record covers, for messages: "complete", "through 80/267"."""
    if session in SESSIONS_COMPLETE:
        missing = sorted(f"{s}/{n}" for s, n in _MISSING if s == session)
        return "complete" + (f" except {', '.join(missing)}" if missing else "")
    last = _PARTIAL_SESSIONS.get(session)
    return f"covered through {session}/{last}" if last else "not covered"


def exists(session: int, number: int) -> bool | None:
    """True/False where the record covers ``session/number`` (see :func:`covers`), else None (unknown)."""
    if number in numbers_in_session(session):
        return True
    return False if covers(session, number) else None


def is_strong(entry: RecordEntry, minimum: int = STRONG_AGREEMENT) -> bool:
    """Is the entry's date strong evidence: the UN's own (``record``), or a
    ``cited`` date at least ``minimum`` texts agree on unanimously?"""
    if entry.source == "record":
        return True
    k, _, n = entry.agreement.partition("/")
    return k.isdigit() and k == n and int(n) >= minimum


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
