"""Plain-text footnote markers: glued where they are ambiguous, and never a cascade.

The document system glues a marker to the character before it.  Where that
character is a digit, a full stop after a number, or where the marker slid
into the next word, the number the sequence expects is looked for there.
Markdown's ``<sup>n</sup>`` are unambiguous: on the corpus, where each text
exists in both formats, the plain-text markers must be the Markdown ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.linter import lint_text
from resolint.readers.markdown import read_markdown
from resolint.readers.plaintext import read_plaintext

TRAILER = "[Start1]<<ODS JOB NO>>X<<ODS JOB NO>>\n<<ODS DOC SYMBOL1>>A/RES/80/1<<ODS DOC SYMBOL1>>\n"


def _doc(paragraphs: list[str], bodies: list[int]) -> str:
    body = "".join(f"\t{p}\n" for p in paragraphs)
    notes = "".join(f"{n} Resolution 70/{n}.\n" for n in bodies)
    return (
        "Resolution adopted by the General Assembly on 1 December 2025\n"
        "80/1.\tA title\n\n"
        "\tThe General Assembly,\n" + body + "\n64th plenary meeting\n1 December 2025\n\n" + notes + TRAILER
    )


def _found(text: str) -> list[tuple[int, str]]:
    """Each marker as (number, the marker with the four characters before it)."""
    return [(number, text[start - 4 : end]) for number, start, end, _ in read_plaintext(text).markers]


@pytest.mark.parametrize(
    ("glued", "shown"),
    [
        ("the Rio Declaration,1 and Agenda 212 and the principles", "a 212"),  # Agenda 21 + 2
        ("the declaration on COVID‑192 and commits", "‑192"),  # COVID-19 + 2
        ("set out in paragraphs VIII.742 and VIII.75", "I.742"),  # VIII.74 + 2
        ("the Sendai Framework for Disaster Risk Reduction 2015–2030.2", "030.2"),
        ("to be held in 2021.2 The Committee", "021.2"),
        ("the Sendai Framework 2015–2030, 2as well as", "0, 2"),  # glued to the next word
        ("the Sendai Framework 2015–2030, a2nd other", "0, a2"),  # inside the next word
    ],
)
def test_an_ambiguous_marker_is_found_where_the_sequence_expects_it(glued: str, shown: str) -> None:
    first = "" if glued.startswith("the Rio") else "Recalling the Charter,1 "
    text = _doc([f"Recalling {first}{glued}", "1.\tDecides to act;3"], [1, 2, 3])
    found = _found(text)
    assert [number for number, _ in found] == [1, 2, 3]
    assert found[1][1].endswith(shown)


@pytest.mark.parametrize(
    "plain",
    [
        "an increase of 7.2 per cent",  # a decimal goes on in lower case
        "decision C-SS-4/DEC.2 of the Conference",  # a symbol's full stop
        "document A/C.2/80/L.5/Add.2 of today",
        "the 2nd meeting",  # an ordinal
        "the years 2012 and 2022",  # years
        "resolution 70/12 of today",  # an Assembly resolution number
        "Goal 2 and the Charter",  # a number on its own
        "the COVID‑12 pandemic",  # a name keeps its two digits
        "resolution 3/2002 of the Conference",  # another body's year
        "Article 12, paragraph 1",  # a reference
    ],
)
def test_a_number_that_the_sequence_does_not_miss_is_left_alone(plain: str) -> None:
    # Footnote 2's marker is really missing: nothing is found in its place.
    text = _doc([f"Recalling the Charter,1 {plain},", "1.\tDecides to act;3"], [1, 2, 3])
    assert [number for number, _ in _found(text)] == [1, 3]


@pytest.mark.parametrize(
    ("glued", "shown"),
    [
        ("resolutions 75/42 and 77/49,1", "/49,1"),  # after a list of symbols
        ("resolutions 71/2051 and 72/190", "2051"),  # 71/205 + 1
        ("the meeting of 30 June 1978,1", "978,1"),  # after a year's comma
    ],
)
def test_a_marker_whose_body_is_missing_is_still_a_marker(glued: str, shown: str) -> None:
    # Footnote 1's body is gone: the marker is found, and F001 says so.
    text = _doc([f"Recalling {glued}", "1.\tDecides to act;2"], [2])
    found = _found(text)
    assert [number for number, _ in found] == [1, 2]
    assert found[0][1].endswith(shown)
    assert [d.code for d in lint_text(text, "x.txt").diagnostics if d.code.startswith("F")] == ["F001"]


def test_one_missing_marker_gives_one_finding() -> None:
    paragraphs = [f"Recalling resolution {n} of the Charter),{n}" for n in range(1, 9)]
    paragraphs[2] = "Recalling the period 2015–2030, and the Charter)"  # marker 3 dropped
    paragraphs.append("1.\tDecides to act.")
    result = lint_text(_doc(paragraphs, list(range(1, 9))), "x.txt")
    found = [(d.code, d.message) for d in result.diagnostics if d.code.startswith("F")]
    assert [code for code, _ in found] == ["F002"]
    assert found[0][1].startswith("footnote 3 is not referenced: no marker 3 in the text, expected one after marker 2")


def _pairs(corpus: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for folder in (corpus, corpus / "assembly-75-80", corpus / "assembly-variety"):
        for md in sorted((folder / "markdown").glob("*.md")):
            txt = folder / "plaintext" / (md.stem + ".txt")
            if txt.exists():
                pairs.append((md, txt))
    return pairs


def test_plain_text_markers_are_the_markdown_markers(corpus: Path) -> None:
    pairs = _pairs(corpus)
    assert pairs
    differ = []
    for md, txt in pairs:
        in_md = [number for number, *_ in read_markdown(md.read_text(encoding="utf-8")).markers]
        in_txt = [number for number, *_ in read_plaintext(txt.read_text(encoding="utf-8")).markers]
        if in_md != in_txt:
            differ.append(f"{txt.relative_to(corpus)}: {in_md} != {in_txt}")
    assert differ == []
