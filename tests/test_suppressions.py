"""Suppression comments in both formats, inside footnotes, headings and list items; S006."""

from __future__ import annotations

from test_cli_helpers import REAL_MD, REAL_TXT

from resolint.config import Settings
from resolint.linter import lint_text
from resolint.report import position

MD = REAL_MD.read_text(encoding="utf-8")
TXT = REAL_TXT.read_text(encoding="utf-8")
EMAIL = "From: drafting@example.org"


def _found(text: str, path: str = "x.md", **settings) -> list[tuple[str, int, int]]:
    result = lint_text(text, path, None, Settings(**settings) if settings else None)
    return [(d.code, *position(result.document.source, d.start)) for d in result.diagnostics]


def _md_with_email(before: str = "", inline: str = "") -> str:
    return MD.replace("*Welcoming* the results", f"{before}{EMAIL}{inline}\n\n*Welcoming* the results", 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_unsuppressed_document_has_the_finding():
    text = _md_with_email()
    assert _found(text) == [("S001", _line_of(text, EMAIL), 1)]


def test_disable_next_line_markdown():
    text = _md_with_email("<!-- resolint: disable-next-line S001 -->\n")
    assert _found(text) == []
    wrong_code = _md_with_email("<!-- resolint: disable-next-line S002,S001 -->\n")
    assert _found(wrong_code) == [("S006", _line_of(wrong_code, "<!--"), 1)]  # S002 is unused


def test_disable_enable_range_and_bare_comment():
    text = _md_with_email("<!-- resolint: disable S001 -->\n\n", "\n\n<!-- resolint: enable S001 -->")
    assert _found(text) == []
    outside = MD.replace(
        "*Welcoming* the results",
        "<!-- resolint: disable S001 -->\n<!-- resolint: enable S001 -->\n\n" + EMAIL + "\n\n*Welcoming* the results",
        1,
    )
    assert [c for c, *_ in _found(outside)] == ["S006", "S001"]
    bare = _md_with_email("<!-- resolint: disable-next-line -->\n")
    assert _found(bare) == []


def test_disable_file_and_family():
    text = "<!-- resolint: disable-file S -->\n" + _md_with_email()
    assert _found(text) == []
    unused = "<!-- resolint: disable-file F -->\n" + MD
    assert _found(unused, select=["S", "F"]) == [("S006", 1, 1)]
    # A code that is not selected is not reported: its rule did not run.
    assert _found(unused, select=["S"]) == []


def test_plain_text_comments_on_their_own_line():
    lines = TXT.split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("\tRecalling also"))
    email = "\t" + EMAIL  # plain-text paragraphs are tab-indented
    with_email = lines[:i] + [email] + lines[i:]
    assert [c for c, *_ in _found("\n".join(with_email), "x.txt")] == ["S001"]
    suppressed = lines[:i] + ["<!-- resolint: disable-next-line S001 -->", email] + lines[i:]
    assert _found("\n".join(suppressed), "x.txt") == []
    unused = lines[:i] + ["<!-- resolint: disable-next-line S001 -->"] + lines[i:]
    assert _found("\n".join(unused), "x.txt") == [("S006", i + 1, 1)]


def test_comments_inside_headings_list_items_and_footnotes_change_nothing():
    """A trailing comment in a heading, a numbered paragraph or a footnote is invisible to the parser."""
    baseline = _found(MD)
    assert baseline == []
    heading = next(line for line in MD.splitlines() if line.startswith("### 78/229."))
    item = next(line for line in MD.splitlines() if line.startswith("1. "))
    footnote = next(line for line in MD.splitlines() if line.startswith("<sup>1</sup>"))
    for line in (heading, item, footnote):
        variant = MD.replace(line, line + " <!-- resolint: disable-line S001 -->", 1)
        # The only finding is S006 for the unused comment itself: nothing else moved.
        assert _found(variant) == [("S006", _line_of(variant, line), len(line) + 2)], line


def test_suppression_inside_a_list_item_suppresses_its_finding():
    item = next(line for line in MD.splitlines() if line.startswith("1. "))
    broken = MD.replace(item, item + "\n" + EMAIL, 1)  # a stray line glued to the list item
    codes = [c for c, *_ in _found(broken)]
    assert codes, "the stray line should produce a finding"
    fixed = MD.replace(item, item + "\n<!-- resolint: disable-next-line -->\n" + EMAIL, 1)
    assert [c for c, *_ in _found(fixed) if c != "S006"] == []


def test_unused_suppression_has_a_safe_fix_that_removes_it():
    from resolint.fixes import fix_text

    text = MD.replace(
        "*Welcoming* the results", "<!-- resolint: disable-next-line S001 -->\n*Welcoming* the results", 1
    )
    fixed, applied = fix_text(text, lambda t: lint_text(t, "x.md").diagnostics)
    assert [d.code for d in applied] == ["S006"] and fixed == MD
    partly = _md_with_email("<!-- resolint: disable-next-line S001,S003 -->\n")
    fixed, _ = fix_text(partly, lambda t: lint_text(t, "x.md").diagnostics)
    assert "<!-- resolint: disable-next-line S001 -->" in fixed and _found(fixed) == []


def test_unknown_code_in_a_comment_is_reported():
    text = _md_with_email("<!-- resolint: disable-next-line S001,X999 -->\n")
    result = lint_text(text, "x.md")
    assert [(d.code, d.message) for d in result.diagnostics] == [("S006", "unused suppression: unknown rule code X999")]


def test_disable_next_line_edit_keeps_indent_and_line_end():
    from resolint.fixes import apply_edits
    from resolint.source import Source
    from resolint.suppressions import codes_in_comments, disable_next_line_edit

    text = "*The General Assembly*,\r\n\r\n  *Recallling* its resolution 70/1,\r\n"
    source = Source(text)
    edit = disable_next_line_edit(source, text.index("Recallling"), "P002")
    fixed = apply_edits(text, [edit])
    assert fixed.splitlines()[2] == "  <!-- resolint: disable-next-line P002 -->"
    assert "-->\r\n  *Recallling*" in fixed
    start = fixed.index("<!--")
    assert [c for c, *_ in codes_in_comments(fixed, start, len(fixed))] == ["P002"]
