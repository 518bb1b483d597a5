"""Dates and citations (D): impossible dates, sessions, the record, order, form.

Every rule here reads ``doc.citations`` and ``doc.dates`` once.  The issuing
body of a citation decides its calendar (``Citation.body`` / ``scheme``, see
:mod:`resolint.citations`): only the Assembly's own resolutions are judged
against Assembly sessions and the Assembly's record.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from ..dates import (
    MONTH_NAMES,
    format_date,
    ordinal_words,
    session_bounds,
    session_label,
    session_of,
    to_roman,
    un_form,
)
from ..diagnostics import Edit, Severity
from ..model import Citation, Document
from ..record import STRONG_AGREEMENT, entry_for, is_strong  # the record itself loads when a citation needs it
from .base import Diagnostic, Fix, Option, RuleContext, finding, rule

# Schemes whose symbol carries a regular Assembly session.
_REGULAR = ("ga", "ga-roman")
_ASSEMBLY = "General Assembly"
_RES_SYMBOL = re.compile(r"A/RES/(\d{1,3})/\d")


def _is_assembly(c: Citation) -> bool:
    return c.scheme in _REGULAR and c.body == _ASSEMBLY and c.session is not None and c.number is not None


def _kind(c: Citation) -> str:
    return "decision" if c.decision else "resolution"


def _name(c: Citation) -> str:
    """ "resolution 70/1", "Economic and Social Council resolution 2010/12"."""
    if c.body and c.body != _ASSEMBLY:
        return f"{c.body} {_kind(c)} {c.symbol}"
    return f"{_kind(c)} {c.symbol}"


def in_session(session: int, value: dt.date) -> bool:
    first, last = session_bounds(session)
    return first <= value <= last


def _dated(doc: Document) -> Iterator[tuple[Citation, dt.date]]:
    for c in doc.citations:
        if c.date is not None and c.date.value is not None:
            yield c, c.date.value


def _citation_finding(c: Citation, message: str, **kw) -> Diagnostic:
    end = c.date.span.end if c.date is not None else c.span.end
    return finding(c.span.start, end, message, **kw)


@rule("D001", "impossible-date", severity="error")
def impossible_date(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A date that does not exist ("31 November 2015").

    ## What it does
    Reports a date whose day is not in its month: 31 November, 30 February,
    29 February of a year that is not a leap year, day 0.

    ## Why it matters
    A date that cannot exist is a typo in the day or the month, and the
    reader cannot tell which was meant: the resolution it identifies, or
    the meeting it records, is lost.

    ## Example
    ```
    *Recalling* its resolution 70/125 of 16 December 2015 and 70/1 of 31 November 2015,
    ```

    ## Fix
    Check the date against the cited document (or the record) and correct it.
    """
    for d in doc.dates:
        if d.value is not None:
            continue
        month = MONTH_NAMES[d.month - 1]
        days = calendar.monthrange(d.year, d.month)[1] if 1 <= d.year <= 9999 else 31
        if d.month == 2 and d.day == 29:
            why = f"{d.year} is not a leap year"
        else:
            why = f"{month} {d.year} has {days} days"
        yield finding(d.span.start, d.span.end, f"impossible date “{d.text}”: expected a day from 1 to {days} ({why})")


@rule("D002", "date-outside-session")
def date_outside_session(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A cited resolution dated outside its session or year.

    ## What it does
    Checks the date given for a cited resolution against the calendar of
    its symbol. A General Assembly resolution N/… (or an old-style
    "2200 A (XXI)") belongs to regular session N, which opens in September
    of 1945 + N and lasts until session N + 1 opens (the first session
    opened on 10 January 1946), so 70/1 must be dated between September
    2015 and September 2016. Resolutions numbered by year (the Economic and
    Social Council and its commissions: 2010/12) must be dated in that year,
    as must a Security Council resolution written "2334 (2016)"; the
    Economic and Social Council's year runs from July to July, so "2026/2
    of 19 September 2025" is right. Resolutions of special and emergency
    special sessions (S-26/2, ES-10/2) and of other bodies with their own
    sessions (Human Rights Council 43/1, Conference of the Parties decision
    11/6, the commissions that number by session: Commission on the Status
    of Women 49/7) are not judged. A list names its body once: in
    "resolutions adopted by the Human Rights Council, including resolutions
    36/6 of 28 September 2017 and 45/3 of 6 October 2020" both are the
    Council's.

    ## Why it matters
    A session and a date that disagree mean that either the symbol or the
    date is mistyped, so the citation points at the wrong text or at none.

    ## Example
    ```
    *Recalling* its resolution 58/208 of 23 December 2007,
    ```
    58/208 belongs to the fifty-eighth session (September 2003 – September
    2004).

    ## Fix
    Check the symbol and the date against the cited resolution.
    """
    for c, value in _dated(doc):
        if _is_assembly(c):
            if not in_session(c.session, value):
                yield _citation_finding(
                    c, f"{_name(c)} is dated {c.date.text}, outside the {session_label(c.session)}{_record_hint(c)}"
                )
        elif c.scheme in ("year", "sc") and c.year is not None and not _in_year(c, value):
            if _july_cycle(c):
                expected = (
                    f"between July {c.year - 1} and December {c.year} (the Council's year runs from July to July)"
                )
            else:
                expected = f"in {c.year}"
            yield _citation_finding(c, f"{_name(c)} is dated {c.date.text}: expected a date {expected}")


def _july_cycle(c: Citation) -> bool:
    """Does the symbol's year follow the Economic and Social Council's July-to-July cycle?
    (Also an unnamed body's "2021/30": it is the Council's as a rule.)"""
    return c.scheme == "year" and c.body in (None, "Economic and Social Council", "Council")


def _in_year(c: Citation, value: dt.date) -> bool:
    """Is ``value`` a possible date for the year-numbered symbol ``c``?

    "2026/2 of 19 September 2025" is an Economic and Social Council
    resolution of its 2026 cycle, which opened in July 2025."""
    if value.year == c.year:
        return True
    return _july_cycle(c) and value.year == c.year - 1 and value.month >= 7


def _judged_elsewhere(c: Citation) -> bool:
    """Does D002 or D004 (as a warning) judge this citation's date?"""
    if _is_assembly(c) and not in_session(c.session, c.date.value):
        return True
    if c.body != _ASSEMBLY:
        return False
    entry = entry_for(c)
    return entry is not None and is_strong(entry)


def _date_reported(c: Citation) -> bool:
    """Is this citation's date reported as wrong by D002 or D004 (as a warning)?"""
    if c.date is None or c.date.value is None:
        return False
    if _is_assembly(c) and not in_session(c.session, c.date.value):
        return True
    if c.body != _ASSEMBLY:
        return False
    entry = entry_for(c)
    return entry is not None and is_strong(entry) and entry.adopted != c.date.value


def _record_hint(c: Citation) -> str:
    """ "; the record gives 25 September 2015" where the record knows the resolution, else
    "; 16 April 2020 falls in the seventy-fourth session"."""
    entry = entry_for(c)
    if entry:
        return f"; the record gives {format_date(entry.adopted)}"
    session = session_of(c.date.value)
    return f"; {c.date.text} falls in the {ordinal_words(session)} session" if session else ""


def _plain_symbol(symbol: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", symbol.replace("\u2011", "-")).replace("S -", "S-")


def _identity(c: Citation) -> tuple | None:
    """What makes two citations the same resolution, or None if unsure."""
    if c.number is None:
        return None
    if c.scheme in _REGULAR or c.scheme in ("ga-special", "ga-emergency"):
        if c.body != _ASSEMBLY:
            return None
        return (c.scheme, c.session, c.number, c.part, c.decision)
    if c.scheme in ("year", "sc"):
        return (c.scheme, c.body, c.year, c.number, c.part, c.decision)
    # Other bodies' own sessions: only when the body is named in full.
    if c.body and c.body not in ("Council", "Commission", "Board", "its", "their"):
        return (c.scheme, c.body, _plain_symbol(c.symbol), c.decision)
    return None


@rule("D003", "conflicting-citation-dates")
def conflicting_citation_dates(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """One resolution cited with two different dates.

    ## What it does
    Reports a citation whose date differs from the date given to the same
    resolution earlier in the document. The finding is on the later
    citation and names the earlier one. Part letters make different
    resolutions: "75/253 B of 16 April 2021" and "75/253 C of 30 June 2021"
    do not conflict. Where D002 (a date outside the session) or D004 (a
    date the record contradicts on strong evidence) reports the wrong one
    of the two, D003 is silent: one typo, one finding, on the wrong date.

    ## Why it matters
    A resolution is adopted once; two dates mean one of them is wrong, and
    the reader cannot know which.

    ## Example
    ```
    *Recalling* its resolution 74/45 of 12 December 2019,
    …
    *Reaffirming* its resolution 74/45 of 19 December 2019,
    ```

    ## Fix
    Check both against the cited resolution (or the record) and correct the
    wrong one.
    """
    first_seen: dict[tuple, Citation] = {}
    for c, value in _dated(doc):
        key = _identity(c)
        if key is None:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = c
            continue
        if earlier.date.value != value and not (_judged_elsewhere(c) or _judged_elsewhere(earlier)):
            line = earlier.span.line + 1
            yield _citation_finding(
                c,
                f"{_name(c)} is dated {c.date.text} here but {earlier.date.text} on line {line}: expected one date",
                related=((earlier.span.start, earlier.date.span.end, f"{_name(earlier)} of {earlier.date.text}"),),
            )


@rule(
    "D004",
    "date-differs-from-record",
    options=(
        Option(
            "strong-agreement",
            int,
            STRONG_AGREEMENT,
            "how many citing texts, all agreeing, make a `cited` date of the record a warning (fewer: info)",
        ),
    ),
)
def date_differs_from_record(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A General Assembly resolution cited with a date the record does not give.

    ## What it does
    Compares the date given for a cited General Assembly resolution with
    the bundled record of 4,588 resolutions and their adoption dates
    (source: the United Nations). The severity follows the evidence: a
    warning where the record's date is the UN's own (source `record`:
    sessions 74–80) or a `cited` date on which at least five texts agree
    unanimously ("72/262 C of 5 July 2018": 70 of 70 citations); info where
    fewer texts, or not all, give the record's date.  The option
    `strong-agreement` sets that number (`[tool.resolint.rules.D004]`). A citation with a
    part letter ("75/250 B of 30 June 2021") is compared only where the
    record gives that part: part B may have been adopted months after
    part A. A date outside the resolution's session is left to D002, which
    names the record's date, so one typo gives one finding.

    ## Why it matters
    Wrong dates travel: "74/45 of 19 December 2019" stands in four annual
    resolutions while 74/45 was adopted on 12 December 2019.

    ## Example
    ```
    *Recalling* its resolution 70/147 of 18 December 2015,
    ```
    resolution 70/147 was adopted on 17 December 2015.

    ## Fix
    Use the adoption date of the record, after checking the resolution.
    """
    for c, value in _dated(doc):
        if c.body != _ASSEMBLY:
            continue
        entry = entry_for(c)
        if entry is None or entry.adopted == value:
            continue
        if _is_assembly(c) and not in_session(c.session, value):
            continue  # D002 reports it, with the record's date: one typo, one finding
        where = (
            ""
            if entry.source == "record"
            else f" (the date {_agreement(entry.agreement)} in resolutions of sessions 74–80)"
        )
        yield _citation_finding(
            c,
            f"{_name(c)} was adopted on {format_date(entry.adopted)}, not {c.date.text}{where}",
            severity=None if is_strong(entry, ctx.options["strong-agreement"]) else Severity.INFO,
        )


def _agreement(agreement: str) -> str:
    """ "98/99" -> "98 of 99 citations give"."""
    k, _, n = agreement.partition("/")
    return f"{k} of {n} citations give" if n else "citations give"


def _order_key(c: Citation) -> tuple[int, int]:
    return (c.session, c.number)


@rule("D005", "citation-list-order", severity="info")
def citation_list_order(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A list of recalled Assembly resolutions in neither chronological nor reverse order.

    ## What it does
    In one list of General Assembly resolutions ("its resolutions …",
    clauses between the items included), compares each resolution with the
    one listed before it: by date when both are dated, else by session and
    number. A list in chronological order, or consistently newest first
    (often on purpose: "the most recent of which being …"), is fine; a list
    in neither order gets one hint, at the first resolution that breaks the
    order the list began with. Separate phrases in one paragraph are
    separate lists; other bodies' resolutions are not compared, nor is a
    date that D002 or D004 reports as wrong (one typo, one finding).

    ## Why it matters
    The practice of the Assembly lists its resolutions chronologically
    (rules.md §4); a list in no order usually hides a wrong symbol or
    date, or a resolution added late in negotiation.

    ## Example
    ```
    *Recalling* its resolutions 58/208 of 23 December 2003, 75/226 of 21 December 2020
    and 59/241 of 22 December 2004,
    ```

    ## Fix
    Reorder the list, or correct the symbol or date that breaks the order.
    """
    lists: dict[int, list[Citation]] = {}
    for c in doc.citations:
        if _is_assembly(c):
            lists.setdefault(c.list_id, []).append(c)
    for items in lists.values():
        if len(items) < 2:
            continue  # most citations stand alone: no order to judge
        # A date that D002 or D004 reports does not break the order too: one typo, one finding.
        items = [c for c in items if not _date_reported(c)]
        steps = [_step(a, b) for a, b in zip(items, items[1:], strict=False)]
        if all(step >= 0 for step in steps) or all(step <= 0 for step in steps):
            continue
        first = next(step for step in steps if step)
        i = next(i for i, step in enumerate(steps) if step and (step > 0) != (first > 0))
        previous, c = items[i], items[i + 1]
        order = "chronological" if first > 0 else "newest first"

        def described(x: Citation) -> str:
            return f"{x.symbol} of {x.date.text}" if x.date is not None else x.symbol

        yield _citation_finding(
            c,
            f"resolution {described(c)} follows {described(previous)} in a list that began {order}: "
            "expected chronological order (or newest first throughout)",
            related=((previous.span.start, previous.span.end, f"{previous.symbol} is listed before it"),),
        )


def _step(a: Citation, b: Citation) -> int:
    """1 when ``b`` is newer than ``a``, -1 when older, 0 when the same date or symbol."""
    if a.date is not None and a.date.value and b.date is not None and b.date.value:
        x, y = a.date.value, b.date.value
    else:
        x, y = _order_key(a), _order_key(b)
    return (y > x) - (y < x)


def _own_session(doc: Document) -> tuple[int | None, str | None]:
    if doc.title is not None and doc.title.number:
        return doc.title.session, doc.title.number
    symbol = doc.header.symbol or ""
    m = _RES_SYMBOL.search(symbol)
    if m:
        return int(m.group(1)), symbol
    return None, None


@rule("D006", "plenary-date-mismatch")
def plenary_date_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A plenary line dated unlike the adoption line or outside the session.

    ## What it does
    Compares the date under each plenary line ("*53rd plenary meeting*" /
    "*14 December 2022*") with the header's "Resolution adopted by the
    General Assembly on 14 December 2022", and with the session of the
    resolution's own number: 77/176 must be adopted during the
    seventy-seventh session (September 2022 – September 2023).

    ## Why it matters
    The adoption date is the resolution's identity in every later
    citation; a header and a plenary line that disagree put a wrong date
    into the record.

    ## Example
    ```
    Resolution adopted by the General Assembly on 14 December 2022
    …
    *53rd plenary meeting*
    *15 December 2022*
    ```

    ## Fix
    Check the date of the meeting and correct the header or the plenary line.
    """
    adopted = doc.header.adopted
    session, number = _own_session(doc)
    checked_header = False
    for part in doc.parts:
        line = part.plenary
        if line is None or line.date is None or line.date.value is None:
            continue
        date = line.date
        if adopted is not None and adopted.value is not None and adopted.value != date.value:
            yield finding(
                date.span.start,
                date.span.end,
                f"plenary line dated {date.text} but the header says adopted on {adopted.text} (line {adopted.span.line + 1}): expected the same date",
                related=((adopted.span.start, adopted.span.end, "adoption date in the header"),),
            )
            continue
        if session is not None and not in_session(session, date.value):
            checked_header = True
            yield finding(
                date.span.start,
                date.span.end,
                f"resolution {number} is dated {date.text} (plenary line), outside the {session_label(session)}",
            )
    if not checked_header and session is not None and adopted is not None and adopted.value is not None:
        if not in_session(session, adopted.value) and not any(p.plenary and p.plenary.date for p in doc.parts):
            yield finding(
                adopted.span.start,
                adopted.span.end,
                f"resolution {number} is dated {adopted.text} (adoption line), outside the {session_label(session)}",
            )


@rule("D007", "non-un-date-form", fixable=True)
def non_un_date_form(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A date not written "14 December 2022".

    ## What it does
    Reports a date written month first ("December 14, 2022"), with an
    ordinal suffix ("14th December 2022") or with an abbreviated month
    ("14 Dec. 2022").

    ## Why it matters
    United Nations texts write dates as day, month in full, year, with no
    comma and no suffix (Editorial Manual; every resolution in the
    corpus). Other forms are the traces of a text drafted elsewhere.

    ## Example
    ```
    *Recalling* its resolution 77/176 of December 14, 2022,
    ```

    ## Fix
    Safe fix: rewrite the date in UN form, "14 December 2022".
    """
    text = doc.text
    for d in doc.dates:
        if d.form == "un":
            continue
        expected = un_form(d.day, d.month, d.year)
        # Markup inside the date (blanked in ``plain``) would be lost by the edit.
        safe = text[d.span.start : d.span.end] == d.text
        yield finding(
            d.span.start,
            d.span.end,
            f"date “{d.text}” is not in UN form: expected “{expected}”",
            fix=Fix(f"Write “{expected}”", (Edit(d.span.start, d.span.end, expected),), safe=safe),
        )


__all__ = ["in_session", "to_roman"]
