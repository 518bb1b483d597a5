"""A text adopted inside the operative part ("Adopts the following declaration:"), one block moved (issue 11).

The declaration's paragraphs are numbered, open with "We …" and end with a
full stop: read as operative paragraphs they would each be a finding.  One
paragraph of it moved above the adopting paragraph, or that paragraph moved
down into the declaration, is one fault and gives one finding.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from resolint.diagnostics import Severity
from resolint.linter import lint_text
from resolint.parser import parse


def _units(text: str, fmt: str) -> tuple[list[str], str]:
    """The document's blocks: Markdown paragraphs, or plain-text lines."""
    joiner = "\n\n" if fmt == "markdown" else "\n"
    return text.split(joiner), joiner


def _find(units: list[str], needle: str) -> int:
    hits = [i for i, u in enumerate(units) if u.replace("*", "").replace("\t", " ").lstrip().startswith(needle)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def _move(text: str, fmt: str, needle: str, *, before: str | None = None, after: str | None = None) -> str:
    units, joiner = _units(text, fmt)
    block = units.pop(_find(units, needle))
    at = _find(units, before) if before is not None else _find(units, after) + 1
    units.insert(at, block)
    return joiner.join(units)


def _warnings(text: str, path: Path) -> Counter:
    result = lint_text(text, str(path))
    return Counter((d.code, d.message) for d in result.diagnostics if d.severity >= Severity.WARNING)


_FORMATS = [("markdown", "md"), ("plaintext", "txt")]


@pytest.mark.parametrize(("folder", "ext"), _FORMATS)
def test_a_declaration_paragraph_moved_above_adopts_is_one_n001(corpus: Path, folder: str, ext: str) -> None:
    path = corpus / f"assembly-variety/{folder}/A-RES-75-1.{ext}"
    text = path.read_text(encoding="utf-8")
    fmt = "markdown" if ext == "md" else "text"
    moved = _move(text, fmt, "12. We will build trust", before="Adopts the following declaration")
    assert moved != text
    new = _warnings(moved, path) - _warnings(text, path)
    assert list(new) == [("N001", "paragraph 12 is out of place: expected after 11")]
    doc = parse(moved, fmt, str(path))
    twelve = next(p for p in doc.parts[0].operative if p.number_value == 12)
    assert twelve.introduced and twelve.displaced


@pytest.mark.parametrize(("folder", "ext"), _FORMATS)
@pytest.mark.parametrize(
    ("name", "adopts", "after", "number"),
    [
        # a preamble, then the adopted text's title, parts and sections
        ("A-RES-76-3", "Adopts the following document", "15. We aim to promote", 15),
        # no preamble: the declaration's title right after "The General Assembly"
        ("A-RES-75-1", "Adopts the following declaration", "5. Our challenges", 5),
    ],
)
def test_adopts_moved_into_the_text_it_adopts_is_one_s004(
    corpus: Path, folder: str, ext: str, name: str, adopts: str, after: str, number: int
) -> None:
    path = corpus / f"assembly-variety/{folder}/{name}.{ext}"
    text = path.read_text(encoding="utf-8")
    fmt = "markdown" if ext == "md" else "text"
    moved = _move(text, fmt, adopts, after=after)
    new = _warnings(moved, path) - _warnings(text, path)
    assert [code for code, _ in new] == ["S004"]
    assert f"after paragraph {number} " in next(iter(new))[1]
    doc = parse(moved, fmt, str(path))
    assert not doc.parts[0].sections  # the adopted text's "I. Introduction" is not a section of the resolution
    assert all(p.introduced for p in doc.parts[0].operative if p.number_value is not None)


@pytest.mark.parametrize(("folder", "ext"), _FORMATS)
def test_a_paragraph_whose_number_does_not_fit_the_declaration_stays_operative(
    corpus: Path, folder: str, ext: str
) -> None:
    path = corpus / f"assembly-variety/{folder}/A-RES-75-1.{ext}"
    text = path.read_text(encoding="utf-8")
    fmt = "markdown" if ext == "md" else "text"
    moved = _move(text, fmt, "12. We will build trust", before="Adopts the following declaration")
    moved = moved.replace("12. We will build trust", "40. We will build trust").replace(
        "12.\tWe will build trust", "40.\tWe will build trust"
    )
    doc = parse(moved, fmt, str(path))
    forty = next(p for p in doc.parts[0].operative if p.number_value == 40)
    assert not forty.introduced and not forty.displaced
    assert "N001" in {code for code, _ in _warnings(moved, path)}


@pytest.mark.parametrize(
    "name",
    [
        "assembly-variety/markdown/A-RES-76-3.md",
        "assembly-variety/plaintext/A-RES-76-3.txt",
        "markdown/A-RES-79-1.md",
        "plaintext/A-RES-79-1.txt",
    ],
)
def test_published_adopted_texts_give_no_structure_warning(corpus: Path, name: str) -> None:
    path = corpus / name
    found = [code for code, _ in _warnings(path.read_text(encoding="utf-8"), path) if code[0] in "SN"]
    assert found == []
    doc = parse(path.read_text(encoding="utf-8"), None, str(path))
    assert not any(p.displaced for part in doc.parts for p in part.operative)


def _numbered_adopts(text: str, ext: str) -> str:
    """A/RES/75/1 with its adopting paragraph numbered "1."."""
    if ext == "md":
        changed = text.replace("\n*Adopts* the following declaration:", "\n1. *Adopts* the following declaration:")
    else:
        changed = text.replace("\tAdopts the following declaration:", "\t1.\tAdopts the following declaration:")
    assert changed != text
    return changed


@pytest.mark.parametrize(("folder", "ext"), _FORMATS)
def test_a_numbered_adopting_paragraph_introduces_its_text(corpus: Path, folder: str, ext: str) -> None:
    """ "1. *Adopts* the following declaration:" then the declaration's "1. We …": its numbering restarts."""
    path = corpus / f"assembly-variety/{folder}/A-RES-75-1.{ext}"
    text = path.read_text(encoding="utf-8")
    changed = _numbered_adopts(text, ext)
    assert _warnings(changed, path) - _warnings(text, path) == Counter()
    doc = parse(changed, None, str(path))
    head, *declaration = doc.parts[0].operative
    assert head.number_value == 1 and not head.introduced
    assert [p.number_value for p in declaration] == list(range(1, 22))
    assert all(p.introduced for p in declaration)


@pytest.mark.parametrize(("folder", "ext"), _FORMATS)
def test_the_resolution_goes_on_after_the_text_it_adopts(corpus: Path, folder: str, ext: str) -> None:
    """ "2. *Requests* …;" after the declaration's paragraph 21 is the resolution's, and judged (P005)."""
    path = corpus / f"assembly-variety/{folder}/A-RES-75-1.{ext}"
    text = _numbered_adopts(path.read_text(encoding="utf-8"), ext)
    units, joiner = _units(text, "markdown" if ext == "md" else "text")
    at = _find(units, "21. We commit") + 1
    units.insert(
        at,
        "2. *Requests* the Secretary-General to report;"
        if ext == "md"
        else "\t2.\tRequests the Secretary-General to report;",
    )
    changed = joiner.join(units)
    new = _warnings(changed, path) - _warnings(text, path)
    assert [code for code, _ in new] == ["P005"]
    doc = parse(changed, None, str(path))
    last = doc.parts[0].operative[-1]
    assert last.number_value == 2 and not last.introduced


def test_a_numbered_adopting_paragraph_in_a_short_text() -> None:
    text = (
        "The General Assembly,\n\n*Recalling* its resolution 76/1,\n\n1. *Welcomes* the work;\n\n"
        "2. *Adopts* the following declaration:\n\n1. We will act.\n\n2. We shall do more.\n\n"
        "3. We will build trust.\n\n53rd plenary meeting\n1 December 2022\n"
    )
    assert [d.code for d in lint_text(text, "draft.md").diagnostics] == []
