"""The seeding library of the recall harness (tests/faults.py) on a small synthetic resolution.

Each seeder must make exactly the fault it claims (checked on the text) and
the fault must be caught by the linter on a clean resolution; the recall
tests (test_recall.py) then measure the same seeders on the real corpus.
"""

from __future__ import annotations

import difflib
import re

import faults
import pytest

from resolint.linter import lint_text

MARKDOWN = """\
# General Assembly

## Seventy-fifth session

## Resolution adopted by the General Assembly on 10 December 2020

### 75/999. Cooperation on the study of synthetic resolutions

*The General Assembly*,

*Recalling* its resolution [74/218](#) of 19 December 2019 on disaster risk reduction,

*Recalling also* its resolution [75/27](#) of 7 December 2020 on the International Day of Epidemic Preparedness,

*Recalling further* its resolution [75/103](#) of 10 December 2020,

*Taking note* of the report of the Secretary-General,<sup>1</sup>

*Noting* the work of the Special Committee,<sup>2</sup>

*Welcoming* the cooperation between Member States,

1. *Welcomes* the report of the Secretary-General;

2. *Encourages* Member States to cooperate;

3. *Requests* the Secretary-General to report on:

(a) The work of the Committee;

(b) The cooperation of Member States;

(c) The progress made;

(d) The next steps;

4. *Invites* Member States to submit their views;

5. *Decides* to include in the provisional agenda of its seventy-sixth session the item entitled "Synthetic resolutions".

*41st plenary meeting\x20\x20
10 December 2020*

---

<sup>1</sup> [A/75/123](#).

<sup>2</sup> [A/75/456](#).
"""

TEXT = """\
Resolution adopted by the General Assembly on 10 December 2020
75/999.\tCooperation on the study of synthetic resolutions


\tThe General Assembly,
\tRecalling its resolution 74/218 of 19 December 2019 on disaster risk reduction,
\tRecalling also its resolution 75/27 of 7 December 2020 on the International Day of Epidemic Preparedness,
\tRecalling further its resolution 75/103 of 10 December 2020,
\tTaking note of the report of the Secretary-General,1
\tNoting the work of the Special Committee,2
\tWelcoming the cooperation between Member States,
\t1.\tWelcomes the report of the Secretary-General;
\t2.\tEncourages Member States to cooperate;
\t3.\tRequests the Secretary-General to report on:
\t(a)\tThe work of the Committee;
\t(b)\tThe cooperation of Member States;
\t(c)\tThe progress made;
\t(d)\tThe next steps;
\t4.\tInvites Member States to submit their views;
\t5.\tDecides to include in the provisional agenda of its seventy-sixth session the item entitled "Synthetic resolutions".

41st plenary meeting
10 December 2020

1 A/75/123.
2 A/75/456.
"""

DOCUMENTS = {"markdown": MARKDOWN, "text": TEXT}
PATHS = {"markdown": "synthetic.md", "text": "synthetic.txt"}

# What each seeder must change, per format: (removed, added) as whole lines of a diff.
EXPECTED_CHANGE = {
    "N001": {"markdown": ("3. *Requests*", "4. *Requests*"), "text": ("\t3.\tRequests", "\t4.\tRequests")},
    "N002": {
        "markdown": ("(c) The progress", "(d) The progress"),
        "text": ("\t(c)\tThe progress", "\t(d)\tThe progress"),
    },
    "F001": {"markdown": ("<sup>2</sup> [A/75/456]", None), "text": ("2 A/75/456.", None)},
    "F002": {"markdown": ("Committee,<sup>2</sup>", "Committee,"), "text": ("Committee,2", "Committee,")},
    "D001": {
        "markdown": ("*Recalling also*", "*Recalling also* its resolution [75/27](#) of 31 November 2020"),
        "text": ("\tRecalling also", "\tRecalling also its resolution 75/27 of 31 November 2020"),
    },
    "D002": {
        "markdown": ("*Recalling also*", "*Recalling also* its resolution [75/27](#) of 7 December 2018"),
        "text": ("\tRecalling also", "\tRecalling also its resolution 75/27 of 7 December 2018"),
    },
    "D004": {
        "markdown": ("*Recalling also*", "*Recalling also* its resolution [75/27](#) of 30 November 2020"),
        "text": ("\tRecalling also", "\tRecalling also its resolution 75/27 of 30 November 2020"),
    },
    "D006": {"markdown": ("10 December 2020*", "11 December 2020*"), "text": ("10 December 2020", "11 December 2020")},
    "P001": {"markdown": ("*Taking note* of", "Taking note of")},
    "P002": {"markdown": ("*Requests* the", "*Reqquests* the"), "text": ("\tRequests the", "\tReqquests the")},
    "P003": {
        "markdown": ("*Recalling also*", "*Recalling further*"),
        "text": ("\tRecalling also", "\tRecalling further"),
    },
    "P004": {
        "markdown": ("Secretary-General,<sup>1</sup>", "Secretary-General;<sup>1</sup>"),
        "text": ("Secretary-General,1", "Secretary-General;1"),
    },
    "P005": {
        "markdown": ("4. *Invites*", "4. *Invites* Member States to submit their views,"),
        "text": ("\t4.\tInvites", "\t4.\tInvites Member States to submit their views,"),
    },
    "S002": {"markdown": ("*The General Assembly*,", None), "text": ("\tThe General Assembly,", None)},
    "S003": {"markdown": ("*41st plenary meeting", None), "text": ("41st plenary meeting", None)},
}


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


CASES = [(kind, fmt) for kind in faults.KINDS for fmt in ("markdown", "text") if fmt in EXPECTED_CHANGE[kind]]


@pytest.mark.parametrize("kind,fmt", CASES, ids=[f"{k}-{f}" for k, f in CASES])
def test_seeder_makes_the_fault_it_claims(kind, fmt):
    seeded = faults.seed(kind, DOCUMENTS[fmt], fmt)
    assert seeded is not None, f"{kind} found no eligible spot in the synthetic {fmt} resolution"
    assert seeded.kind == kind and kind in seeded.codes
    removed, added = _diff(seeded.original, seeded.text)
    want_removed, want_added = EXPECTED_CHANGE[kind][fmt]
    assert removed, "the seeder changed nothing"
    assert any(want_removed in line for line in removed), (removed, added)
    if want_added is None:
        assert not [line for line in added if line.strip()], added
    else:
        assert any(want_added in line for line in added), (removed, added)


@pytest.mark.parametrize("kind,fmt", CASES, ids=[f"{k}-{f}" for k, f in CASES])
def test_seeded_fault_is_caught_on_a_clean_resolution(kind, fmt):
    text, path = DOCUMENTS[fmt], PATHS[fmt]
    before = lint_text(text, path, fmt).diagnostics
    assert not [d for d in before if d.code in ("N001", "N002", "F001", "F002", "D001", "D002", "D004", "D006")]
    seeded = faults.seed(kind, text, fmt)
    after = lint_text(seeded.text, path, fmt).diagnostics
    assert faults.caught(seeded, before, after), [(d.code, d.message) for d in after]


def test_p003_swaps_a_run_or_skips_also():
    """With "also" then "further" in one run the seeder swaps them; with no "further", "also" becomes "further"."""
    for fmt, text in DOCUMENTS.items():
        assert "swapped" in faults.seed("P003", text, fmt).note
        if fmt == "markdown":
            without = text.replace("*Recalling further* its", "*Noting* its")
        else:
            without = text.replace("\tRecalling further its", "\tNoting its")
        seeded = faults.seed("P003", without, fmt)
        removed, added = _diff(without, seeded.text)
        assert len(removed) == len(added) == 1
        assert added[0] == removed[0].replace("Recalling also", "Recalling further")
        # a run restarted by a plain "Recalling" is not one run: nothing to swap across it
        restarted = text.replace("*Recalling further*", "*Recalling* its resolution 70/1,\n\n*Recalling further*")
        restarted = restarted.replace("\tRecalling further", "\tRecalling its resolution 70/1,\n\tRecalling further")
        assert "swapped" not in faults.seed("P003", restarted, fmt).note


def test_not_caught_where_the_original_already_has_the_finding():
    """A finding that the unmutated document already has in the window does not count."""
    seeded = faults.seed("P004", MARKDOWN, "markdown")
    after = lint_text(seeded.text, "synthetic.md", "markdown").diagnostics
    assert faults.caught(seeded, [], after)
    assert not faults.caught(seeded, after, after)


def test_finding_outside_the_window_does_not_count():
    seeded = faults.seed("P005", MARKDOWN, "markdown")
    after = lint_text(seeded.text, "synthetic.md", "markdown").diagnostics
    elsewhere = [d for d in after if d.code == "P005"]
    assert elsewhere
    for d in elsewhere:
        d.start = d.end = 0  # the masthead
    assert not faults.caught(seeded, [], elsewhere)


def test_no_spot_no_seed():
    draft = MARKDOWN.replace("*41st plenary meeting  \n10 December 2020*\n", "")
    draft = draft.replace("## Resolution adopted by the General Assembly on 10 December 2020\n", "Draft resolution\n")
    assert faults.seed("S003", draft, "markdown") is None
    assert faults.seed("D006", draft, "markdown") is None
    assert faults.seed("P001", TEXT, "text") is None  # plain text has no italics
    no_record = MARKDOWN.replace("of 19 December 2019", "of 18 December 2019")
    no_record = no_record.replace("of 7 December 2020", "of 8 December 2020").replace(
        "of 10 December 2020,", "of 9 December 2020,"
    )
    assert faults.seed("D004", no_record, "markdown") is None  # no date that the record confirms


def test_offsets_map_into_the_mutated_text():
    seeded = faults.seed("S002", MARKDOWN, "markdown")
    ((start, end),) = seeded.windows_after()
    assert seeded.text[start:end].startswith("*Recalling* its resolution")
    assert seeded.line() == MARKDOWN[: MARKDOWN.index("*The General Assembly*")].count("\n") + 1


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_move_block_moves_one_paragraph(fmt, which):
    moved = faults.move_block(DOCUMENTS[fmt], fmt, which)
    assert moved is not None
    text, note = moved
    if fmt == "text":  # the same lines in another order (Markdown moves its blank lines too)
        assert sorted(text.splitlines()) == sorted(DOCUMENTS[fmt].splitlines())
    assert sorted(line for line in text.splitlines() if line) == sorted(
        line for line in DOCUMENTS[fmt].splitlines() if line
    )
    assert text != DOCUMENTS[fmt]
    assert ("preambular" in note) == (which == 0)


def _removed_added(seeded: faults.Seeded) -> list[tuple[str, str]]:
    return [(seeded.original[e.start : e.end], e.new) for e in seeded.edits]


def _date(text: str):
    m = faults.DATE_RE.fullmatch(text)
    assert m, text
    return faults.dt.date(int(m.group(3)), faults.MONTHS.index(m.group(2)) + 1, int(m.group(1)))


def _claim_holds(kind: str, seeded: faults.Seeded) -> None:
    """The edits of one seeded fault are exactly the fault its kind names."""
    changes = _removed_added(seeded)
    (old, new), *rest = changes
    if kind == "N001":
        assert not rest and old.isdigit() and int(new) == int(old) + 1
    elif kind == "N002":
        assert not rest and len(old) == 1 and ord(new) == ord(old) + 1
    elif kind == "F001":
        assert not rest and not new and re.match(r"(<sup>)?\d+", old.strip()) and "\n" not in old.strip()
    elif kind == "F002":
        assert not rest and not new and re.fullmatch(r"<sup>\d+</sup>|\d+", old)
    elif kind == "D001":
        assert not rest
        with pytest.raises(ValueError):
            _date(new)
    elif kind == "D002":
        assert not rest and _date(old).year - 2 == _date(new).year
    elif kind == "D004":
        assert not rest and abs((_date(new) - _date(old)).days) == 7
    elif kind == "D006":
        assert not rest and (_date(new) - _date(old)).days == 1
    elif kind == "P001":
        assert [c for c in changes] == [("*", ""), ("*", "")]
    elif kind == "P002":
        assert not rest and len(new) == len(old) + 1 and new[:3] == old[:3]
    elif kind == "P003":
        assert sorted(changes) in ([("also", "further")], [("also", "further"), ("further", "also")])
    elif kind == "P004":
        assert changes == [(",", ";")]
    elif kind == "P005":
        assert not rest and old in ";." and new == ","
    elif kind == "S002":
        assert not rest and not new and "The General Assembly" in old and len(old.strip().splitlines()) == 1
    elif kind == "S003":
        assert not rest and not new and "plenary meeting" in old and len(old.strip().splitlines()) == 2
    assert faults.apply(seeded.original, seeded.edits)[0] == seeded.text


@pytest.mark.slow
def test_every_seeder_makes_its_fault_on_the_corpus(corpus):
    """On every corpus document, each seeded fault is exactly the change its kind claims."""
    seen = set()
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".md", ".txt") or path.name == "README.md":
            continue
        fmt = faults.fmt_of(path.name)
        for kind, seeded in faults.seed_all(path.read_text(encoding="utf-8"), fmt).items():
            try:
                _claim_holds(kind, seeded)
            except (AssertionError, ValueError) as exc:
                raise AssertionError(f"{path.relative_to(corpus)} {kind}: {seeded.note}: {exc}") from None
            seen.add((kind, fmt))
    assert seen == set(CASES)


def test_a_hint_is_not_a_catch():
    seeded = faults.seed("P004", MARKDOWN, "markdown")
    after = lint_text(seeded.text, "synthetic.md", "markdown").diagnostics
    for d in after:
        d.severity = faults.Severity.HINT
    assert not faults.caught(seeded, [], after)
