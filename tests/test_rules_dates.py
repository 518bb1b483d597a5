"""Dates and citations (D): session arithmetic, the record, severities, fixes, precision."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from support import seed_corpus_files

from resolint.config import Settings
from resolint.dates import roman_to_int, session_bounds, session_label
from resolint.diagnostics import Severity
from resolint.fixes import apply_fixes
from resolint.linter import lint_text
from resolint.record import load_record
from resolint.rules import all_rules
from resolint.rules.dates import in_session, to_roman

# A real frame (A/RES/79/262) with one paragraph to vary.
FRAME = """Resolution adopted by the General Assembly on 24 December 2024

79/262.\tRevision of the terms of reference of the Peacebuilding Fund

\tThe General Assembly,
\t{paragraph}
\t1.\tDecides to adopt the revised terms of reference of the Peacebuilding Fund.

55th (resumed) plenary meeting
24 December 2024
"""


def d_findings(paragraph: str, settings: Settings | None = None):
    text = FRAME.format(paragraph=paragraph)
    result = lint_text(text, "frame.txt", settings=settings or Settings(select=["D"]))
    return [d for d in result.diagnostics if d.code.startswith("D")], text


def codes(paragraph: str) -> list[str]:
    return [d.code for d in d_findings(paragraph)[0]]


# ---------------------------------------------------------------- sessions
def test_first_session_opened_on_10_january_1946() -> None:
    first, last = session_bounds(1)
    assert first == dt.date(1946, 1, 10)
    assert in_session(1, dt.date(1946, 2, 13))  # resolution 1 (I), 24 January 1946: London
    assert not in_session(1, dt.date(1946, 1, 9))
    assert last < dt.date(1947, 9, 30)


@pytest.mark.parametrize(
    "session, inside, outside",
    [
        (
            70,
            [dt.date(2015, 9, 25), dt.date(2016, 8, 31), dt.date(2015, 12, 17)],
            [dt.date(2015, 8, 31), dt.date(2016, 9, 30), dt.date(2017, 12, 17)],
        ),
        (58, [dt.date(2003, 12, 23), dt.date(2004, 7, 1)], [dt.date(2007, 12, 23), dt.date(2003, 6, 1)]),
        (21, [dt.date(1966, 12, 16)], [dt.date(1967, 12, 16)]),
        (2, [dt.date(1947, 11, 29)], [dt.date(1946, 12, 14)]),
    ],
)
def test_session_n_runs_from_september_1945_plus_n_to_the_next(session, inside, outside) -> None:
    for value in inside:
        assert in_session(session, value), (session, value)
    for value in outside:
        assert not in_session(session, value), (session, value)


def test_session_of_a_date() -> None:
    from resolint.dates import session_of

    assert session_of(dt.date(2020, 4, 16)) == 74
    assert session_of(dt.date(2020, 9, 15)) == 75
    assert session_of(dt.date(2020, 9, 14)) == 74
    assert session_of(dt.date(1946, 1, 10)) == 1
    assert session_of(dt.date(1945, 6, 26)) is None


def test_session_label() -> None:
    assert session_label(58) == "fifty-eighth session (September 2003 – September 2004)"
    assert session_label(70) == "seventieth session (September 2015 – September 2016)"
    assert session_label(1).startswith("first session (January 1946 – September 1947")


def test_roman_sessions_round_trip() -> None:
    assert to_roman(21) == "XXI" and to_roman(30) == "XXX" and to_roman(3) == "III"
    for n in range(1, 90):
        assert roman_to_int(to_roman(n)) == n


def test_every_record_date_lies_in_its_session() -> None:
    """The record (4,588 resolutions) is the check of the calendar: no row falls outside."""
    outside = []
    for symbol, entry in load_record().items():
        m = re.fullmatch(r"(\d+)/\d+(?: [A-Z])?", symbol) or re.fullmatch(r"\d+(?: [A-Z])? \(([IVXL]+)\)", symbol)
        if not m:
            continue  # special and emergency special sessions carry no year
        session = int(m.group(1)) if m.group(1).isdigit() else roman_to_int(m.group(1))
        if not in_session(session, entry.adopted):
            outside.append((symbol, entry.adopted))
    assert len(load_record()) > 4000
    assert outside == []


# ---------------------------------------------------------------- rules
def test_default_severities() -> None:
    rules = all_rules()
    assert rules["D001"].severity == Severity.ERROR
    assert rules["D005"].severity == Severity.INFO  # a list in no order is a hint
    for code in ("D002", "D003", "D004", "D006", "D007"):
        assert rules[code].severity == Severity.WARNING, code
    assert rules["D007"].fixable


def test_docstrings_have_the_sections() -> None:
    for code, r in all_rules().items():
        if code.startswith("D"):
            for section in ("## What it does", "## Why it matters", "## Example", "## Fix"):
                assert section in r.doc, (code, section)


def test_impossible_dates() -> None:
    found, _ = d_findings("Recalling its resolution 78/257 of 30 February 2024,")
    assert [d.code for d in found] == ["D001"] and found[0].severity == Severity.ERROR
    assert "expected a day from 1 to 29" in found[0].message
    found, _ = d_findings("Recalling its resolution 75/1 of 29 February 2021,")
    assert [d.code for d in found] == ["D001"] and "2021 is not a leap year" in found[0].message
    assert codes("Recalling its resolution 74/270 of 2 April 2020 and the meeting on 29 February 2020,") == []


def test_assembly_session_message() -> None:
    found, _ = d_findings("Recalling its resolution 58/208 of 23 December 2007,")
    d002 = [d for d in found if d.code == "D002"]
    assert d002[0].message == (
        "resolution 58/208 is dated 23 December 2007, outside the fifty-eighth session (September 2003 – September 2004);"
        " the record gives 23 December 2003"
    )
    # a decision (not in the record): the session the date falls in (A-RES-76-148: 75/561 for 74/561)
    found, _ = d_findings("Recalling its decision 75/561 of 16 April 2020,")
    assert found[0].message.endswith("; 16 April 2020 falls in the seventy-fourth session")


def test_one_typo_one_finding_outside_session_and_record() -> None:
    # The year is wrong: D002 reports it and names the record's date; D004 stays silent.
    found, _ = d_findings("Recalling its resolution 78/257 of 22 December 2024,")
    assert [d.code for d in found] == ["D002"]
    assert found[0].message.endswith("the record gives 22 December 2023")
    # the same for an old-style symbol (1514 (XV) of 14 December 1960)
    assert [d.code for d in d_findings("Recalling its resolution 1514 (XV) of 14 December 1961,")[0]] == ["D002"]
    # Inside the session but unlike the record: D004 alone.
    found, _ = d_findings("Recalling its resolution 78/257 of 21 December 2023,")
    assert [d.code for d in found] == ["D004"]


def test_old_style_symbol_carries_its_session() -> None:
    assert "D002" in codes("Recalling its resolution 2200 A (XXI) of 16 December 1967,")
    assert "D002" not in codes("Recalling its resolution 2200 A (XXI) of 16 December 1966,")


def test_year_numbered_and_security_council() -> None:
    assert codes("Recalling Economic and Social Council resolution 2010/12 of 22 July 2011,") == ["D002"]
    assert codes("Recalling Economic and Social Council resolution 2010/12 of 22 July 2010,") == []
    assert codes("Recalling Security Council resolution 2334 (2016) of 23 December 2017,") == ["D002"]
    assert codes("Recalling Security Council resolution 2334 (2016) of 23 December 2016,") == []


@pytest.mark.parametrize(
    "paragraph",
    [
        # other bodies' own sessions (A-RES-76-1, A-RES-78-229, A-RES-80-223)
        "Recalling Human Rights Council resolutions 43/1 of 19 June 2020 and 47/21 of 13 July 2021,",
        "Recalling Commission on Crime Prevention and Criminal Justice resolution 25/2 of 27 May 2016,",
        "Recalling resolution 11/6 of 21 October 2022 of the Conference of the Parties to the Convention,",
        "Recalling Human Rights Council resolution 58/24 of 4 April 2025, and Council resolution 59/22 of 8 July 2025,",
        "Noting that the Human Rights Council, in its resolution 52/32 of 4 April 2023, decided,",
        "Recalling World Health Assembly resolution 72/1 of 28 May 2019,",
        "Recalling Statistical Commission decision 53/113 of 11 March 2022,",
        # a bare N/M with N <= 30 is not an Assembly symbol
        "Recalling resolution 9/8 of 17 December 2021,",
        # special and emergency special sessions are not judged by date
        "Recalling its resolutions ES-11/1 of 2 March 2022 and ES-11/4 of 12 October 2022,",
        # two parts of one resolution, each with its own date (A-RES-76-247-A-C)
        "Recalling its resolutions [75/253](#) B of 16 April 2021 and [75/253](#) C of 30 June 2021,",
        "Recalling its resolutions 75/253 B of 16 April 2021 and 75/253 C of 30 June 2021,",
        # a lettered citation is compared only where the record has the part's own row
        "Recalling its resolution 75/250 C of 15 July 2021,",
    ],
)
def test_silent_where_the_body_or_part_decides(paragraph: str) -> None:
    assert codes(paragraph) == []


def test_record_mismatch_severity_by_source() -> None:
    # 74/45 of 12 December 2019 (record row); "19 December 2019" is the published error of the issue.
    found, text = d_findings("Recalling its resolution 74/45 of 19 December 2019,")
    assert [(d.code, d.severity) for d in found] == [("D004", Severity.WARNING)]
    assert found[0].message == "resolution 74/45 was adopted on 12 December 2019, not 19 December 2019"
    assert text[found[0].start : found[0].end] == "74/45 of 19 December 2019"
    # 70/147 is a 'cited' row on which 39 of 39 texts agree: strong evidence, a warning
    found, _ = d_findings("Recalling its resolution 70/147 of 18 December 2015,")
    assert [(d.code, d.severity) for d in found] == [("D004", Severity.WARNING)]
    assert found[0].message.startswith("resolution 70/147 was adopted on 17 December 2015, not 18 December 2015")
    assert "39 of 39 citations give" in found[0].message
    # 72/262 C: 70 of 70
    found, _ = d_findings("Recalling its resolution 72/262 C of 6 July 2018,")
    assert [(d.code, d.severity) for d in found] == [("D004", Severity.WARNING)]
    # weaker 'cited' rows give info: two texts agree (31/40), or not all of them do (58/5: 11 of 13)
    for paragraph in (
        "Recalling its resolution 31/40 of 29 November 1976,",
        "Recalling its resolution 58/5 of 4 November 2003,",
    ):
        found, _ = d_findings(paragraph)
        assert [(d.code, d.severity) for d in found] == [("D004", Severity.INFO)], paragraph
    # the user's configured severity wins over the rule's own grading
    found, _ = d_findings(
        "Recalling its resolution 70/147 of 18 December 2015,", Settings(select=["D"], severity={"D004": "error"})
    )
    assert [(d.code, d.severity) for d in found] == [("D004", Severity.ERROR)]


def test_lettered_citation_compares_its_part() -> None:
    assert codes("Recalling its resolution 75/250 B of 30 June 2021,") == []
    assert codes("Recalling its resolution 75/250 B of 31 December 2020,") == ["D004"]


def test_conflicting_dates_name_the_earlier_citation() -> None:
    # 31/40: the record's date (30 November 1976) rests on two texts only, so D004 gives info and D003 judges
    found, text = d_findings(
        "Recalling its resolutions 31/40 of 30 November 1976 and 31/98 of 15 December 1976, and recalling also resolution 31/40 of 1 December 1976,"
    )
    d003 = [d for d in found if d.code == "D003"]
    assert len(d003) == 1
    assert text[d003[0].start :].startswith("31/40 of 1 December 1976")
    assert "30 November 1976 on line 6" in d003[0].message
    assert text[d003[0].related[0][0] :].startswith("31/40 of 30 November 1976")
    # where the record knows the date for sure, D004 reports the wrong citation (here the first) and D003 is silent
    found, text = d_findings(
        "Recalling its resolutions 76/246 of 23 December 2021 and 76/238 of 24 December 2021, and recalling also resolution 76/246 of 24 December 2021,"
    )
    assert [d.code for d in found] == ["D004"]
    assert text[found[0].start :].startswith("76/246 of 23 December 2021")
    # parts are different resolutions
    assert "D003" not in codes(
        "Recalling its resolutions 75/253 B of 16 April 2021 and 75/253 C of 30 June 2021 and 75/253 B of 16 April 2021,"
    )


def test_list_order_is_per_phrase() -> None:
    # a list in consistent reverse order (newest first) is not a fault
    assert codes("Recalling its resolutions 61/185 of 20 December 2006 and 53/199 of 15 December 1998,") == []
    # a list in neither order gets one hint
    found, text = d_findings(
        "Recalling its resolutions 53/199 of 15 December 1998, 70/1 of 25 September 2015 and 61/185 of 20 December 2006,"
    )
    assert [(d.code, d.severity) for d in found] == [("D005", Severity.INFO)]
    assert text[found[0].start :].startswith("61/185 of 20 December 2006")
    # two phrases in one paragraph are two lists
    assert (
        codes(
            "Recalling its resolutions 53/199 of 15 December 1998 and 70/1 of 25 September 2015, and its resolution 61/185 of 20 December 2006,"
        )
        == []
    )
    # undated lists are ordered by session and number
    assert codes("Recalling its resolutions 76/238, 76/246 and 76/240,") == ["D005"]
    # another body's list after the Assembly's is not compared with it
    assert (
        codes(
            "Recalling its resolution 61/185 of 20 December 2006 and Economic and Social Council resolution 1980/67 of 25 July 1980,"
        )
        == []
    )


def test_plenary_date_against_header_and_session() -> None:
    text = FRAME.format(paragraph="Recalling its resolution 78/257 of 22 December 2023,")
    changed = text.replace("plenary meeting\n24 December 2024", "plenary meeting\n23 December 2024")
    found = [d for d in lint_text(changed, "x.txt", settings=Settings(select=["D"])).diagnostics]
    assert [d.code for d in found] == ["D006"]
    assert changed[found[0].start : found[0].end] == "23 December 2024"
    assert "24 December 2024" in found[0].message
    renumbered = text.replace("79/262.", "78/262.")
    found = [d for d in lint_text(renumbered, "x.txt", settings=Settings(select=["D"])).diagnostics]
    assert [d.code for d in found] == ["D006"] and "seventy-eighth session" in found[0].message


@pytest.mark.parametrize(
    "written, expected",
    [
        ("December 22, 2023", "22 December 2023"),
        ("22nd December 2023", "22 December 2023"),
        ("22 Dec. 2023", "22 December 2023"),
        ("22 Dec 2023", "22 December 2023"),
        ("December 22 2023", "22 December 2023"),
    ],
)
def test_un_date_form_fix(written: str, expected: str) -> None:
    found, text = d_findings(f"Recalling its resolution 78/257 of {written},")
    assert [d.code for d in found] == ["D007"]
    assert found[0].fix is not None and found[0].fix.safe
    assert f"expected “{expected}”" in found[0].message
    fixed, _ = apply_fixes(text, found)
    assert f"78/257 of {expected}," in fixed
    assert lint_text(fixed, "x.txt", settings=Settings(select=["D"])).diagnostics == []


def test_corpus_is_clean_at_warning(corpus) -> None:
    noisy = []
    for path in seed_corpus_files(corpus):
        result = lint_text(path.read_text(encoding="utf-8"), str(path), settings=Settings(select=["D"]))
        noisy += [(path.name, d.code, d.message) for d in result.diagnostics if d.severity >= Severity.WARNING]
    assert noisy == []
