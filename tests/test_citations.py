"""Citations in real phrasing: lists with clauses between the items, bodies named once,
other bodies' calendars, and the record's coverage (D002–D005, N005)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Settings
from resolint.diagnostics import Severity
from resolint.linter import lint_text
from resolint.parser import parse
from resolint.record import coverage, covers, exists

# A real frame (A/RES/79/262) with one paragraph to vary.
FRAME = """Resolution adopted by the General Assembly on 24 December 2024

79/262.\tRevision of the terms of reference of the Peacebuilding Fund

\tThe General Assembly,
\t{paragraph}
\t1.\tDecides to adopt the revised terms of reference of the Peacebuilding Fund.

55th (resumed) plenary meeting
24 December 2024
"""


def findings(paragraph: str, select=("D", "N005")):
    text = FRAME.format(paragraph=paragraph)
    result = lint_text(text, "frame.txt", settings=Settings(select=list(select)))
    return [(d.code, text[d.start : d.end]) for d in result.diagnostics]


def citations(paragraph: str):
    return parse(FRAME.format(paragraph=paragraph), "txt").citations


# ------------------------------------------------------- lists with clauses
# A-RES-76-301 and the clause forms of issue 11: the second citation's year is wrong.
@pytest.mark.parametrize(
    "between",
    [
        " on the International Day of Epidemic Preparedness and ",
        ", entitled “International Day of Epidemic Preparedness”, and ",
        ", in which it decided to designate 27 December as the International Day of Epidemic Preparedness, and ",
        ", by which it proclaimed the International Day of Epidemic Preparedness, ",
        " concerning the International Day of Epidemic Preparedness, and ",
    ],
)
def test_every_dated_symbol_of_a_list_is_a_citation(between: str) -> None:
    paragraph = "Recalling its resolutions 75/27 of 7 December 2020{}76/257 of 29 March {}, and noting the report,"
    assert findings(paragraph.format(between, 2022)) == []
    assert findings(paragraph.format(between, 2019)) == [("D002", "76/257 of 29 March 2019")]
    listed = citations(paragraph.format(between, 2022))
    assert [c.symbol for c in listed] == ["75/27", "76/257"]
    assert listed[0].list_id == listed[1].list_id


def test_a_week_off_in_a_clause_list_is_checked_against_the_record() -> None:
    paragraph = "Recalling its resolutions 75/27 of 7 December 2020 on the International Day of Epidemic Preparedness and 76/257 of 22 March 2022,"
    assert findings(paragraph) == [("D004", "76/257 of 22 March 2022")]


def test_a_list_ends_with_its_paragraph_and_at_the_next_keyword() -> None:
    # the next paragraph's dated symbol is not the list's (it has its own keyword, and body)
    text = FRAME.format(
        paragraph="Recalling its resolution 75/27 of 7 December 2020 on the International Day,\n"
        "\tRecalling also Human Rights Council resolution 45/3 of 6 October 2020,"
    )
    found = lint_text(text, "frame.txt", settings=Settings(select=["D"])).diagnostics
    assert found == []
    # "in paragraph 3 of which" names no symbol; a document symbol is not a resolution's
    assert [
        c.symbol for c in citations("Recalling its resolution 75/27 of 7 December 2020 and A/75/123 of 1 May 2021,")
    ] == ["75/27"]


def test_another_bodys_symbol_between_is_not_the_assemblys() -> None:
    # A-RES-79-184: the Council's list runs on through "on …" to its special-session resolution
    listed = citations(
        "Recalling also its resolutions ES-11/1 of 2 March 2022 on the aggression against Ukraine and ES-11/6 of 23 February 2023, "
        "and Human Rights Council resolutions 49/1 of 4 March 2022, 52/32 of 4 April 2023 and 55/23 of 4 April 2024 on the situation "
        "of human rights in Ukraine stemming from the Russian aggression and S-34/1 of 12 May 2022 on the deteriorating human rights situation,"
    )
    bodies = {c.symbol: c.body for c in listed}
    assert bodies["ES-11/6"] == "General Assembly"
    assert {bodies[s] for s in ("49/1", "52/32", "55/23", "S-34/1")} == {"Human Rights Council"}
    # a body named right before a symbol in the clause takes it
    listed = citations(
        "Recalling its resolution 75/27 of 7 December 2020 on the International Day and Human Rights Council 45/3 of 6 October 2020,"
    )
    assert [(c.symbol, c.body) for c in listed] == [("75/27", "General Assembly"), ("45/3", "Human Rights Council")]
    # a body named in the clause that leads to the symbol takes it; one named in an earlier clause does not
    listed = citations(
        "Recalling its resolution 75/27 of 7 December 2020 on the International Day, as endorsed by the Human Rights Council in "
        "45/3 of 6 October 2020,"
    )
    assert [(c.symbol, c.body) for c in listed] == [("75/27", "General Assembly"), ("45/3", "Human Rights Council")]
    listed = citations(
        "Recalling its resolutions 75/27 of 7 December 2020, in which it invited the Human Rights Council to contribute, "
        "and 76/257 of 29 March 2022,"
    )
    assert [(c.symbol, c.body) for c in listed] == [("75/27", "General Assembly"), ("76/257", "General Assembly")]
    # a body named for one citation is not carried to the next keyword's list, unless a list led it ("including …")
    listed = citations("Recalling Security Council resolution 2334 (2016) and resolution 70/1 of 25 September 2015,")
    assert [(c.symbol, c.body) for c in listed] == [("2334 (2016)", "Security Council"), ("70/1", "General Assembly")]
    assert findings("Recalling Security Council resolution 2334 (2016) and resolution 70/1 of 25 September 2014,") == [
        ("D002", "70/1 of 25 September 2014")
    ]


# ------------------------------------------------------------ other bodies
@pytest.mark.parametrize(
    "paragraph",
    [
        # A-RES-80-201: the Council named once before its list
        "Recalling further all its other resolutions on the matter, including resolutions 76/158 of 16 December 2021 and "
        "78/207 of 19 December 2023, as well as relevant resolutions adopted by the Human Rights Council, including resolutions "
        "36/6 of 28 September 2017, 45/3 of 6 October 2020 and 54/14 of 11 October 2023,",
        # draft-76-158: "… including resolution 36/6 … and resolution 45/3"
        "Recalling also relevant resolutions adopted by the Human Rights Council, including resolution 36/6 of 28 September 2017 "
        "and resolution 45/3 of 6 October 2020,",
        # A-RES-79-162
        "Recalling all of its previous resolutions on the subject, including resolution 78/191 of 19 December 2023, and Human Rights "
        "Council resolutions on the subject, including resolution 57/8 of 9 October 2024,",
        # issue 11: "the most recent of which being"
        "Recalling the relevant resolutions of the Human Rights Council, the most recent of which being resolutions 54/14 of "
        "11 October 2023 and 57/8 of 9 October 2024,",
        # A-RES-75-168: a commission that numbers by session
        "Recalling Commission on the Status of Women resolutions 49/7 of 11 March 2005, entitled “Indigenous women: beyond the "
        "ten-year review of the Beijing Declaration and Platform for Action”, and 56/4 of 9 March 2012,",
        # draft-80-250
        "Taking note of African Union Assembly decision 934 (XXXVIII) of 16 February 2025 on the qualification of slavery,",
        # the Council's July-to-July cycle
        "Recalling Economic and Social Council resolution 2026/2 of 19 September 2025,",
    ],
)
def test_other_bodies_calendars(paragraph: str) -> None:
    assert findings(paragraph) == []


def test_the_assemblys_own_are_still_judged() -> None:
    assert findings("Recalling its resolutions on the subject, including resolution 57/8 of 9 October 2024,") == [
        ("D002", "57/8 of 9 October 2024")
    ]
    # A-RES-76-148: a decision of the seventy-fourth session cited as 75/561
    assert findings("Also recalling its decision 75/561 of 16 April 2020, by which it postponed the hearing,") == [
        ("D002", "75/561 of 16 April 2020")
    ]
    assert findings("Recalling Economic and Social Council resolution 2026/2 of 19 June 2025,") == [
        ("D002", "2026/2 of 19 June 2025")
    ]
    assert findings("Recalling Economic and Social Council resolution 1980/67 of 25 July 1981,") == [
        ("D002", "1980/67 of 25 July 1981")
    ]
    # "Commission on the Status of Women" numbers by session, the Commission on Human Rights by year
    assert findings("Recalling Commission on Human Rights resolution 2005/66 of 20 April 2004,") == [
        ("D002", "2005/66 of 20 April 2004")
    ]


def test_special_session_symbols_of_the_council_are_not_its_own_numbers() -> None:
    # draft-77-230: S-19/1 of 1 June 2012 and 19/1 of 1 March 2012 are two Council resolutions
    paragraph = "Recalling Human Rights Council resolutions 19/1 of 1 March 2012, 19/22 of 23 March 2012 and S‑19/1 of 1 June 2012,"
    assert findings(paragraph) == []
    assert [(c.symbol, c.scheme, c.body) for c in citations(paragraph)][-1] == (
        "S‑19/1",
        "other",
        "Human Rights Council",
    )


def test_its_after_a_new_clause_is_the_assemblys() -> None:
    # A-RES-77-271: "the African Union Commission …, recalls the adoption of its resolution 71/254"
    paragraph = (
        "Welcoming the inauguration of the African Union Commission headquarters on 1 December 2022, recalls the adoption of "
        "its resolution 71/254 of 23 December 2016,"
    )
    assert [(c.symbol, c.body) for c in citations(paragraph)] == [("71/254", "General Assembly")]
    # while "the Commission on Population and Development, in its resolution" is the Commission's
    paragraph = "Noting that the Commission on Population and Development, at its fifty-fourth session, in its resolution 2021/1 of 23 April 2021,"
    assert [c.body for c in citations(paragraph)] == ["Commission on Population and Development"]


# -------------------------------------------------------------- the record
def test_record_coverage_is_what_rules_md_states() -> None:
    assert covers(74, 294) and exists(74, 294) is True  # the session is complete to 74/307
    assert exists(79, 400) is False
    for session, number in ((78, 327), (80, 2), (80, 107), (80, 251), (80, 263), (80, 268), (80, 300), (73, 999)):
        assert exists(session, number) is None, (session, number)
    assert coverage(79) == "complete"
    assert coverage(78) == "complete except 78/327"
    assert coverage(80) == "covered through 80/267"


def test_unknown_resolution_claims_only_the_coverage() -> None:
    assert findings("Recalling its resolution 80/300 of 1 December 2025,", select=["N005"]) == []
    assert findings("Recalling its resolution 80/107 of 1 December 2025,", select=["N005"]) == []
    text = FRAME.format(paragraph="Recalling its resolution 79/400 of 1 December 2024,")
    (finding,) = lint_text(text, "frame.txt", settings=Settings(select=["N005"])).diagnostics
    assert (
        "the record of the seventy-ninth session (September 2024 – September 2025), which is complete, has no resolution 400"
        in (finding.message)
    )


# ------------------------------------------------------------- the corpus
# Every warning of the D rules and N005 on the published resolutions, with its evidence.
EXPECTED = {
    # "decision 75/561 of 16 April 2020": April 2020 is in the seventy-fourth session; the
    # decision postponing the hearing with indigenous peoples is 74/561.
    ("A-RES-76-148", "D002", "75/561 of 16 April 2020"),
}


@pytest.mark.parametrize("folder", ["assembly-75-80", "assembly-variety"])
@pytest.mark.parametrize("fmt", ["markdown", "plaintext"])
def test_published_resolutions_warn_only_on_real_faults(corpus: Path, folder: str, fmt: str) -> None:
    root = corpus / folder / fmt
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    found, infos, documents = set(), 0, 0
    for path in sorted(root.iterdir()):
        if path.suffix not in (".md", ".txt"):
            continue
        documents += 1
        text = path.read_text(encoding="utf-8")
        for d in lint_text(text, str(path), settings=Settings(select=["D", "N005"])).diagnostics:
            if d.severity >= Severity.WARNING:
                found.add(
                    (path.stem, d.code, " ".join(text[d.start : d.end].replace("[", "").replace("](#)", "").split()))
                )
            else:
                infos += 1
    expected = {e for e in EXPECTED if (root / (e[0] + (".md" if fmt == "markdown" else ".txt"))).exists()}
    assert found == expected
    assert infos <= documents // 10  # hints stay rare


def test_one_wrong_date_in_a_list_gives_one_finding() -> None:
    # 75/195 moved back a year: D002 only, not also D005 (order) or D003
    paragraph = (
        "Recalling its resolutions 74/176 of 18 December 2019, entitled “Improving the coordination of efforts against "
        "trafficking in persons”, 75/195 of 16 December 2019 and 78/228 of 19 December 2023, and recalling also its "
        "resolution 75/195 of 16 December 2020,"
    )
    assert findings(paragraph) == [("D002", "75/195 of 16 December 2019")]
