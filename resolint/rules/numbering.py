"""Numbering (N): operative paragraphs, subparagraphs, cross-references, resolution numbers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .. import record
from ..dates import roman_to_int, session_label
from ..diagnostics import Edit
from ..model import Citation, Document, Paragraph, Span
from .base import Diagnostic, Fix, RuleContext, finding, rule

# "paragraph 5 above", "paragraphs 3 and 4 (b) below", "paragraph 4 (c) of the
# present resolution", "paragraph 1 of resolution A above".  References to other
# instruments ("paragraph 2, of the Convention") carry none of these endings.
_NUMBER_REF = r"\d{1,3}(?:[\s\u00a0]*\([a-z]{1,3}\))*"
_CROSS_REFERENCE = re.compile(
    r"\b[Pp]aragraphs?[\s\u00a0]+"
    rf"(?P<numbers>{_NUMBER_REF}(?:[\s\u00a0]*(?:,|and|to|–|-|or)[\s\u00a0]*{_NUMBER_REF})*)"
    r"(?P<part>[\s\u00a0]+of[\s\u00a0]+(?:section|part|resolution)[\s\u00a0]+(?P<label>[A-Z]))?"
    r"[\s\u00a0]+(?P<where>above|below|of[\s\u00a0]+(?:the[\s\u00a0]+present|this)[\s\u00a0]+resolution)\b"
)
_ONE_REF = re.compile(r"(\d{1,3})((?:[\s\u00a0]*\([a-z]{1,3}\))*)")
_RANGE = re.compile(r"[\s\u00a0]*(?:to|–|-)[\s\u00a0]*$")
_LABEL = re.compile(r"\(([a-z]{1,3})\)")


# ------------------------------------------------------------------ sequences
@dataclass(slots=True)
class _Slip:
    index: int  # position in the sequence of the item out of place
    expected: int  # the value the sequence called for there
    previous: int | None  # the value of the item before it


def _sequence_slips(values: Sequence[int | None], first: int = 1) -> tuple[list[_Slip], int | None, int]:
    """Where a sequence that should run first, first+1, … goes wrong.

    After a slip the sequence may go on from the wrong value (a skip, a
    repeat) or from where it should have been (a single typo, the first half
    of a swap); either is accepted, so one mistake yields one slip and a
    swap two.  Returns the slips, the index of the first one and the value
    it should have had (for renumbering everything from there).
    """
    slips: list[_Slip] = []
    accept = {first}
    anchor = first  # what this position would hold if nothing were wrong
    previous: int | None = None
    first_wrong: int | None = None
    first_value = first
    for index, value in enumerate(values):
        if value is not None and value in accept:
            anchor = value + 1
            accept = {value + 1}
        else:
            expected = anchor if previous is None else previous + 1
            slips.append(_Slip(index, expected, previous))
            if first_wrong is None:
                first_wrong, first_value = index, anchor
            accept = {anchor + 1} | ({value + 1} if value is not None else set())
            anchor += 1
        previous = value
    return slips, first_wrong, first_value


def _moved_item(values: Sequence[int | None], first: int = 1) -> int | None:
    """The index of the one item whose move put the sequence out of order.

    "1 2 6 3 4 5 7" and "1 2 4 5 3 6" each hold every number once, and
    taking one item out leaves the rest running on: that item was moved,
    one fault (the skip and the repeat it leaves behind are not two).
    """
    n = len(values)
    if n < 3 or None in values or sorted(values) != list(range(first, first + n)):
        return None
    wrong = next((i for i, v in enumerate(values) if v != first + i), None)
    if wrong is None:
        return None
    position = {v: i for i, v in enumerate(values)}
    for candidate in (wrong, position[first + wrong]):
        moved = values[candidate]
        rest = values[:candidate] + values[candidate + 1 :]
        if rest == [v for v in range(first, first + n) if v != moved]:
            return candidate
    return None


# ------------------------------------------------------------------ N001
@dataclass(slots=True)
class _NumberedList:
    """One run of numbered paragraphs: an operative part, an annex, or a sub-list."""

    members: list[Paragraph] = field(default_factory=list)
    introduced_by: Paragraph | None = None
    displaced: bool = False  # adopted text standing before the paragraph that introduces it

    def expected_next(self) -> int:
        return (self.members[-1].number_value or 0) + 1 if self.members else 1


def _numbered_lists(paragraphs: list[Paragraph], heading_starts: list[int]) -> list[_NumberedList]:
    """Split a body's top-level paragraphs into numbered lists.

    A paragraph ending with a colon may introduce a list that restarts at 1
    (an adopted declaration, the objectives 1–5 inside the Global Digital
    Compact's paragraph 7); the outer numbering resumes after it.  In an
    annex a heading, in a resolution a section, may start the numbering
    afresh (``heading_starts``).
    """
    lists: list[_NumberedList] = []
    stack: list[_NumberedList] = [_NumberedList()]
    lists.append(stack[0])
    colon: Paragraph | None = None
    previous_end = -1
    following = _following_numbers(paragraphs)
    for index, p in enumerate(paragraphs):
        n = p.number_value
        if n is None:
            if p.final_mark == ":":
                colon = p
            previous_end = p.span.end
            continue
        current = stack[-1]
        expected = current.expected_next()
        restarts = n == 1 and expected != 1 and following[index] in (2, None)
        at = bisect_left(heading_starts, previous_end)
        # A "1." straight after a heading or a section starts a list even if
        # the next number is wrong: the slip is then that number, not the "1.".
        after_heading = n == 1 and expected != 1 and at < len(heading_starts) and heading_starts[at] < p.span.start
        if p.displaced:
            # Paragraphs of an adopted text above "Adopts the following …:"
            # (parser.py): the list the colon paragraph will introduce.
            if not stack[-1].displaced:
                stack.append(_NumberedList(displaced=True))
                lists.append(stack[-1])
        elif stack[-1].displaced:
            # The colon paragraph's list goes on from them ("12." above, "1." … "11.", "13." below).
            stack[-1].displaced = False
            stack[-1].introduced_by = colon
        elif restarts and colon is not None:
            sub = _NumberedList(introduced_by=colon)
            stack.append(sub)
            lists.append(sub)
        elif after_heading:
            fresh = _NumberedList()
            stack = [fresh]
            lists.append(fresh)
        elif n != expected and len(stack) > 1:
            _back_to_outer_list(stack, n, expected)
        stack[-1].members.append(p)
        colon = p if p.final_mark == ":" else None
        previous_end = p.span.end
    return [lst for lst in lists if lst.members]


def _following_numbers(paragraphs: list[Paragraph]) -> list[int | None]:
    """The number of the next numbered paragraph after each one (None after the last):
    a list restarts only if "1." is followed by "2." (or by nothing), so "1." typed
    for "13." is a slip."""
    following: list[int | None] = [None] * len(paragraphs)
    upcoming: int | None = None
    for index in range(len(paragraphs) - 1, -1, -1):
        following[index] = upcoming
        if paragraphs[index].number_value is not None:
            upcoming = paragraphs[index].number_value
    return following


def _back_to_outer_list(stack: list[_NumberedList], n: int, expected: int) -> None:
    """Close the inner lists when ``n`` continues an outer one (or is nearer to it than to ``expected``)."""
    for depth in range(len(stack) - 2, -1, -1):
        outer = stack[depth].expected_next()
        if n == outer or abs(n - outer) < abs(n - expected):
            del stack[depth + 1 :]
            return


@dataclass(slots=True)
class _CrossReference:
    start: int
    end: int
    text: str
    targets: list[tuple[int, tuple[str, ...]]]  # (paragraph number, subparagraph labels)
    above: bool | None  # True above, False below, None "of the present resolution"
    part: str | None  # "of resolution A above"


def _cross_references(doc: Document) -> list[_CrossReference]:
    plain = doc.plain
    if "aragraph" not in plain:
        return []
    refs = []
    for m in _cross_reference_matches(plain):
        numbers = m.group("numbers")
        targets: list[tuple[int, tuple[str, ...]]] = []
        pos = 0
        for one in _ONE_REF.finditer(numbers):
            value = int(one.group(1))
            labels = tuple(_LABEL.findall(one.group(2)))
            if (
                targets
                and _RANGE.match(numbers, pos, one.start())
                and value > targets[-1][0]
                and value - targets[-1][0] < 50
            ):
                targets.extend((k, ()) for k in range(targets[-1][0] + 1, value))
            targets.append((value, labels))
            pos = one.end()
        where = m.group("where")
        above = True if where == "above" else False if where == "below" else None
        text = re.sub(r"[\s\u00a0]+", " ", plain[m.start() : m.end()])
        refs.append(_CrossReference(m.start(), m.end(), text, targets, above, m.group("label")))
    return refs


def _cross_reference_matches(plain: str) -> Iterator[re.Match]:
    """``_CROSS_REFERENCE.finditer(plain)`` (:func:`_reference_cross_reference_matches`), found
    from the literal "aragraph": ``str.find`` skips to the candidates, where the regex engine
    would try the pattern's leading word boundary at every position.  No match holds a second
    "aragraph", so trying the pattern at each occurrence finds the same matches."""
    at = plain.find("aragraph")
    while at != -1:
        m = _CROSS_REFERENCE.match(plain, at - 1) if at > 0 else None
        at = plain.find("aragraph", at + 8)
        if m is not None:
            yield m


def _reference_cross_reference_matches(plain: str) -> Iterator[re.Match]:
    """The readable form of :func:`_cross_reference_matches` (tests/test_rules_speedups.py)."""
    return _CROSS_REFERENCE.finditer(plain)


@dataclass(slots=True)
class _Body:
    """A run of numbered paragraphs with its own numbering: an operative part or an annex."""

    name: str  # "the resolution", "part B", "annex I"
    noun: str  # what its paragraphs are called in messages
    paragraphs: list[Paragraph]
    annex: bool
    start: int  # the stretch of text whose cross-references point into it
    end: int
    # Where the numbering may start again at 1: an annex's headings, a
    # resolution's sections ("II" … "B. Evolution of the … margin" / "1. Reaffirms").
    restarts: list[int] = field(default_factory=list)


def _bodies(doc: Document) -> list[_Body]:
    bodies: list[_Body] = []
    for part in doc.parts:
        if not part.operative:
            continue
        first = part.span or (part.opener.span if part.opener else (part.preamble or part.operative)[0].span)
        name = f"part {part.label}" if part.label else "the resolution"
        restarts = sorted(s.span.start for top in part.sections for s in top.walk())
        bodies.append(_Body(name, "operative paragraph", part.operative, False, first.start, len(doc.text), restarts))
    heading_starts = sorted(h.span.start for h in doc.headings)
    for annex in doc.annexes:
        name = "the annex" if annex.label.rstrip(".").lower() == "annex" else annex.label.rstrip(".")
        bodies.append(_Body(name, "paragraph", annex.paragraphs, True, annex.span.start, len(doc.text), heading_starts))
    bodies.sort(key=lambda b: b.start)
    for body, following in zip(bodies, bodies[1:], strict=False):
        body.end = following.start
    if bodies:
        bodies[0].start = 0
    return bodies


@rule("N001", "operative-numbering", fixable=True)
def operative_numbering(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A paragraph number skipped, repeated or out of order.

    ## What it does
    Checks that numbered paragraphs run 1, 2, 3 … in each operative part
    (numbering restarts at 1 in each part A, B, C, runs on across headings
    and sections, and may restart at 1 at the start of a section) and in
    each annex.  A paragraph ending with a colon may
    introduce a numbered list that restarts at 1, after which the outer
    numbering resumes.  A skip or a repeat gives one finding, and so does
    a paragraph moved out of its place (a swap of two neighbours included);
    other disorders give one finding for each number out of sequence.

    ## Why it matters
    Operative paragraphs are cited by number, in the resolution itself
    ("paragraph 5 above"), in reports and in later resolutions.  A paragraph
    deleted or moved in negotiation leaves a gap or a repeat that editors
    must catch before adoption.

    ## Example
    ```
    5. *Requests* the Secretary-General …;

    7. *Decides* to include in the provisional agenda …
    ```

    ## Fix
    Renumber every paragraph of the list from the first wrong one (unsafe:
    cross-references in the text such as "paragraph 5 above" may need a
    human, and the message lists them).
    """
    refs: list[_CrossReference] | None = None  # read once, when a renumbering needs them
    for body in _bodies(doc):
        for numbered in _numbered_lists(body.paragraphs, body.restarts):
            values = [p.number_value for p in numbered.members]
            slips, first_wrong, first_value = _sequence_slips(values)
            if not slips:
                continue
            moved = _moved_item(values)
            if moved is not None and len(slips) > 1:
                yield _moved_paragraph(body, numbered, numbered.members[moved])
                continue
            if refs is None:
                refs = _cross_references(doc)
            renumbered = numbered.members[first_wrong:]
            fix = _renumbering(renumbered, first_value)
            note = _cross_references_to_check(doc, body, refs, renumbered, first_value)
            noun, where = _list_words(body, numbered)
            for slip in slips:
                p = numbered.members[slip.index]
                span = p.number_span or p.span
                yield finding(span.start, span.end, _slip_message(noun, p.number_value, slip, where) + note, fix=fix)


def _moved_paragraph(body: _Body, numbered: _NumberedList, p: Paragraph) -> Diagnostic:
    """One finding for a paragraph moved out of its place (the skip and repeat it leaves are not two)."""
    span = p.number_span or p.span
    n = p.number_value
    before = "the first" if n == 1 else f"expected after {n - 1}"
    noun = body.noun if numbered.introduced_by is None else "paragraph"
    return finding(span.start, span.end, f"{noun} {n} is out of place: {before}")


def _renumbering(renumbered: list[Paragraph], first_value: int) -> Fix | None:
    """Renumber ``renumbered`` as first_value, first_value + 1 … (unsafe: cross-references may need a human)."""
    edits = []
    for offset, p in enumerate(renumbered):
        new = first_value + offset
        if p.number_value != new and p.number_span is not None:
            digits = len(str(p.number_value))
            edits.append(Edit(p.number_span.start, p.number_span.start + digits, str(new)))
    if not edits:
        return None
    return Fix(
        f"renumber paragraphs from {renumbered[0].number_value} on as {first_value}, {first_value + 1} …",
        tuple(edits),
        safe=False,
    )


def _cross_references_to_check(
    doc: Document, body: _Body, refs: list[_CrossReference], renumbered: list[Paragraph], first_value: int
) -> str:
    """The note that names the body's cross-references to a number the renumbering touches."""
    old_numbers = {p.number_value for p in renumbered} | set(range(first_value, first_value + len(renumbered)))
    affected = [
        r
        for r in refs
        if body.start <= r.start < body.end and r.part is None and any(t in old_numbers for t, _ in r.targets)
    ]
    if not affected:
        return ""
    shown = ", ".join(f"“{r.text}” (line {doc.span(r.start, r.end).line + 1})" for r in affected[:5])
    return f"; check the cross-references {shown}"


def _list_words(body: _Body, numbered: _NumberedList) -> tuple[str, str]:
    """What a message calls the list's paragraphs, and where the list is (" in annex I")."""
    if numbered.introduced_by is not None:
        return "paragraph", f" (in the list introduced on line {numbered.introduced_by.span.line + 1})"
    return body.noun, f" in {body.name}" if body.annex else ""


def _slip_message(noun: str, n: int | None, slip: _Slip, where: str) -> str:
    if slip.previous is None:
        return f"{noun} {n} is the first{where}: expected {slip.expected}"
    if n == slip.previous:
        return f"{noun} {n} is repeated{where}: expected {slip.expected}"
    return f"{noun} {n} follows {slip.previous}{where}: expected {slip.expected}"


# ------------------------------------------------------------------ N002
def _letter_value(label: str) -> int | None:
    """(a)=1 … (z)=26, then (aa)=27, (bb)=28 …"""
    if len(label) == 1:
        return ord(label) - 96
    if len(set(label)) == 1:
        return 26 * (len(label) - 1) + ord(label[0]) - 96
    return None


def _letter_label(value: int) -> str:
    repeat, index = divmod(value - 1, 26)
    return chr(97 + index) * (repeat + 1)


def _roman_label(value: int) -> str:
    out = []
    for amount, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)


_ROMAN_LABELS = frozenset("ii iii iv vi vii viii ix xi xii xiii xiv xv xvi xvii xviii xix xx".split())


_OPENING_LABEL = re.compile(r"\(([a-z]{1,6})\)\s")


def _subparagraph_findings(parent: Paragraph) -> Iterator[Diagnostic]:
    children = [c for c in parent.subparagraphs if c.label]
    if not children:
        return
    # Letters are the first level (Editorial Manual); a level with any letter
    # is a letter level, and a roman numeral on it is out of its scheme.
    scheme = "letter" if any(c.label_kind == "letter" for c in children) else "roman"
    labels = [c.label[1:-1] for c in children]
    # "12. (a) Each State Party …" / "(b) …", "(a) (i) The conversion …" /
    # "(ii) …": the paragraph's text opens with the first subparagraph of the list.
    opening = _OPENING_LABEL.match(parent.text)
    if (
        opening is not None
        and opening.group(1) == ("a" if scheme == "letter" else "i")
        and children[0].label != f"({opening.group(1)})"
    ):
        inline = Paragraph("subparagraph", parent.span, [], "", label=f"({opening.group(1)})")
        inline.label_kind = scheme
        children = [inline, *children]
        labels = [opening.group(1), *labels]
    if scheme == "roman":
        values = [roman_to_int(label) if _roman_label(roman_to_int(label) or 0) == label else None for label in labels]
        name = _roman_label
    else:
        values = [
            _letter_value(label) if c.label_kind == "letter" else None
            for c, label in zip(children, labels, strict=True)
        ]
        name = _letter_label
    slips, _, _ = _sequence_slips(values)
    moved = _moved_item(values) if len(slips) > 1 else None
    if moved is not None:
        c = children[moved]
        value = values[moved]
        where = "the first" if value == 1 else f"expected after ({name(value - 1)})"
        yield finding(c.span.start, c.span.start + len(c.label), f"subparagraph {c.label} is out of place: {where}")
        return
    for slip in slips:
        c = children[slip.index]
        expected = f"({name(slip.expected)})"
        if scheme == "letter" and (c.label_kind == "roman" or labels[slip.index] in _ROMAN_LABELS):
            message = f"subparagraph {c.label} is a roman numeral among lettered subparagraphs: expected {expected}"
        elif slip.index == 0:
            message = f"subparagraph {c.label} is the first: expected {expected}"
        else:
            previous = children[slip.index - 1].label
            verb = "is repeated" if previous == c.label else f"follows {previous}"
            message = f"subparagraph {c.label} {verb}: expected {expected}"
        yield finding(c.span.start, c.span.start + len(c.label), message)


@rule("N002", "subparagraph-sequence")
def subparagraph_sequence(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Subparagraph letters or roman numerals out of sequence, or schemes mixed.

    ## What it does
    Checks that subparagraphs run (a), (b), (c) … — after (z) come (aa),
    (bb) … — and that the roman subparagraphs inside them run (i), (ii),
    (iii) …  In a long letter list (h) is followed by the letter (i), and
    (v) and (x) may be letters too.  Reports a letter or numeral skipped,
    repeated or out of order, and a level that mixes letters with roman
    numerals.

    ## Why it matters
    Subparagraphs are cited as "paragraph 4 (c)"; a gap or a repeat makes
    such references ambiguous, and a roman numeral among letters shows a
    subparagraph that lost its place in the hierarchy (Editorial Manual,
    "paragraphs and subparagraphs").

    ## Example
    ```
    (a) Scale up investment …;

    (c) Fully implement …;
    ```

    ## Fix
    Reletter the subparagraphs from the first wrong one, or move the roman
    subparagraph under the lettered one it belongs to.
    """
    for p in doc.paragraphs():
        if p.subparagraphs:
            yield from _subparagraph_findings(p)


# ------------------------------------------------------------------ N003
_INVISIBLE_NAMES = {
    "\u200e": "U+200E LEFT-TO-RIGHT MARK",
    "\u200f": "U+200F RIGHT-TO-LEFT MARK",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u2060": "U+2060 WORD JOINER",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
}


@rule("N003", "malformed-number", fixable=True)
def malformed_number(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A paragraph number typed wrongly: no full stop, an invisible mark, a stray space.

    ## What it does
    Reports a paragraph number that is not written "N." followed by a
    space: "3 *Requests*" without its full stop, "6." followed by an
    invisible character (U+200E LEFT-TO-RIGHT MARK, a zero-width space),
    "7 ." with a space before the full stop or "7.*Requests*" with none
    after it, so that the number sits in the text of what otherwise reads
    as an unnumbered paragraph.  The paragraph keeps its place in the
    numbering, so one typo gives this one finding and no numbering cascade.

    ## Why it matters
    All of these occur in published resolutions.  The document system and
    screen readers do not see such a number as a paragraph number, and an
    invisible character breaks searches for "6. Requests".

    ## Example
    ```
    2. *Encourages* Member States …;

    3 *Requests* the Secretary-General …;
    ```

    ## Fix
    Write the number as "3." followed by a space (safe).
    """
    for p in doc.paragraphs():
        if not p.number_problem or p.number_span is None:
            continue
        span = p.number_span
        message, fix = _malformed(doc, p.number_problem, span, p.number_value)
        yield finding(span.start, span.end, message, fix=fix)


def _malformed(doc: Document, problem: str, span: Span, n: int | None) -> tuple[str, Fix]:
    """The message and the fix for a number with ``problem`` (the reader's name for it)."""
    written = doc.text[span.start : span.end]
    if problem == "invisible character":
        return _invisible_character(doc, span, written, n)
    if problem == "no space after the full stop":
        message = f"paragraph number “{n}.” runs into the text: expected a space after “{n}.”"
        return message, Fix(f"insert a space after “{n}.”", (Edit(span.end, span.end, " "),))
    if problem == "space before the full stop" and "\\" in written:
        message = f"paragraph number “{written}” is typed into the text (an escaped full stop): expected the paragraph number “{n}.”"
        return message, Fix(f"write “{n}.”", (Edit(span.start, span.end, f"{n}."),))
    if problem == "space before the full stop":
        message = f"paragraph number “{written.strip()}” has a space before its full stop: expected “{n}.”"
        return message, Fix(f"write “{n}.”", (Edit(span.start, span.end, f"{n}."),))
    message = f"paragraph number “{written.strip()}” has no full stop: expected “{n}.”"
    return message, Fix(f"add the full stop: “{n}.”", (Edit(span.start, span.end, f"{n}."),))


def _invisible_character(doc: Document, span: Span, written: str, n: int | None) -> tuple[str, Fix]:
    invisible = [c for c in written if c in _INVISIBLE_NAMES]
    what = _INVISIBLE_NAMES.get(invisible[0], f"U+{ord(invisible[0]):04X}") if invisible else "an invisible character"
    message = f"paragraph number “{n}.” is followed by an invisible character {what}: expected “{n}.”"
    # Keep the space the number was typed with ("6. \u200e*Reaffirms*"
    # -> "6. *Reaffirms*"), but not a second one ("6.\t\u200e Reaffirms").
    kept = "".join(c for c in written if c not in _INVISIBLE_NAMES)
    end = span.end
    if kept != kept.rstrip():
        while end < len(doc.text) and doc.text[end] in " \t":
            end += 1
    return message, Fix(f"remove the invisible character after “{n}.”", (Edit(span.start, end, kept),))


# ------------------------------------------------------------------ N004
@rule("N004", "broken-cross-reference")
def broken_cross_reference(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A reference to a paragraph of the resolution that does not exist.

    ## What it does
    Checks references within the resolution — "paragraph 12 above",
    "paragraphs 3 and 4 below", "paragraph 4 (c) of the present
    resolution", "paragraph 1 of resolution A above" — against the numbered
    paragraphs (and subparagraphs) of the same part or annex: the paragraph
    must exist, above the reference for "above" and below it for "below".
    References to paragraphs of other instruments ("paragraphs 13 and 14
    of …", "paragraph (d) of Statistical Commission decision 53/113") are
    not checked.

    ## Why it matters
    Paragraphs are added, merged and deleted until the last day of
    negotiation; a cross-reference that was right in the first draft then
    points at the wrong paragraph, or at none.

    ## Example
    ```
    3. *Requests* the Secretary-General to report on the implementation of
    paragraph 12 above;        (the resolution has 6 paragraphs)
    ```

    ## Fix
    Point the reference at the paragraph meant, by its current number.
    """
    refs = _cross_references(doc)
    if not refs:
        return
    bodies = _bodies(doc)
    parts_by_label = {part.label: part for part in doc.parts if part.label}
    for ref in refs:
        if any(a <= ref.start < b for a, b in doc.footnote_ranges):
            continue
        scope = _referenced_scope(ref, bodies, parts_by_label)
        if scope is None:
            continue
        paragraphs, name = scope
        numbered = [p for p in paragraphs if p.number_value is not None]
        for problem in _broken_targets(ref, numbered, name):
            yield finding(ref.start, ref.end, f"broken cross-reference “{ref.text}”: {problem}")


def _referenced_scope(ref: _CrossReference, bodies: list[_Body], parts_by_label: dict) -> tuple[list, str] | None:
    """The paragraphs a reference points into, and their name ("part A", "annex I"), or None."""
    if ref.part is not None:
        part = parts_by_label.get(ref.part)
        if part is None:
            return None  # "paragraph 3 of section A": not a part of this document
        return list(part.operative), f"part {ref.part}"
    body = next((b for b in bodies if b.start <= ref.start < b.end), None)
    if body is not None and body.annex and ref.above is None:
        # "paragraph 3 of the present resolution" in an annex: the resolution's own paragraphs.
        body = next((b for b in bodies if not b.annex), None) if sum(not b.annex for b in bodies) == 1 else None
    if body is None:
        return None
    return body.paragraphs, body.name


def _broken_targets(ref: _CrossReference, numbered: list[Paragraph], scope: str) -> Iterator[str]:
    """What is wrong with each paragraph (and subparagraph) the reference names."""
    if not numbered:
        return
    highest = max(p.number_value for p in numbered)
    for target, labels in ref.targets:
        candidates = [p for p in numbered if p.number_value == target]
        if ref.part is None and ref.above is True:
            candidates = [p for p in candidates if p.span.start < ref.start]
        elif ref.part is None and ref.above is False:
            candidates = [p for p in candidates if p.span.start > ref.start]
        exists = any(p.number_value == target for p in numbered)
        if not candidates and ref.above is True and exists:
            yield f"paragraph {target} is below the reference, not above"
        elif not candidates and ref.above is False and exists:
            yield f"paragraph {target} is above the reference, not below"
        elif not candidates:
            yield f"{scope} has no paragraph {target}: its paragraphs run to {highest}"
        elif labels:
            subs = {c.label for p in candidates for c in p.subparagraphs}
            wanted = f"({labels[0]})"
            if wanted not in subs:
                have = ", ".join(sorted(subs)) if subs else "none"
                yield f"paragraph {target} has no subparagraph {wanted} (its subparagraphs: {have})"


# ------------------------------------------------------------------ N005
def _one_digit_off(a: str, b: str) -> bool:
    """Do two numbers differ by one digit changed, added, dropped or two swapped?"""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) == 1:
        short, long = (a, b) if len(a) < len(b) else (b, a)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    return False


@rule("N005", "unknown-resolution", fixable=True)
def unknown_resolution(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A cited Assembly resolution of sessions 74–80 that does not exist.

    ## What it does
    Looks up every citation of a regular-session General Assembly
    resolution of sessions 74 to 80 ("its resolution 78/292") in the
    bundled record, where it covers the number: sessions 74–79 are complete
    except 78/327, session 80 is covered through 80/267 only, without 80/2,
    80/107, 80/251 and 80/263.  A symbol the record lacks there is a typo; the message suggests the resolution meant when
    the document cites one a digit away elsewhere, or names its own number
    so, or when the record holds a resolution a digit away adopted on the
    date the citation gives.

    ## Why it matters
    A wrong symbol sends the reader to nothing, or worse to an unrelated
    resolution; it survives proofreading because it looks like every other
    symbol.

    ## Example
    ```
    *Recalling* its resolution 78/292 of 22 December 2023,
    ```

    ## Fix
    Correct the symbol.  Where the message has a single "did you mean", the
    fix cites that resolution instead (unsafe: a reader must confirm it).
    """
    cited = [c for c in doc.citations if _covered_by_record(c)]
    if not cited:
        return
    known = {f"{c.session}/{c.number}" for c in cited if record.exists(c.session, c.number)}
    if doc.title and doc.title.number:
        known.add(doc.title.number)
    for c in cited:
        if record.exists(c.session, c.number) is False:
            yield _unknown_resolution_finding(doc, c, cited, _meant(c, known))


def _covered_by_record(c: Citation) -> bool:
    """Is ``c`` an Assembly resolution whose number the record covers (whether or not it holds it)?"""
    return (
        c.scheme == "ga"
        and not c.decision
        and c.session is not None
        and c.number is not None
        and record.exists(c.session, c.number) is not None
    )


def _meant(c: Citation, known: set[str]) -> list[str]:
    """The resolutions an unknown symbol may mean: one the text cites (or is) a digit
    away, else one of the record a digit away adopted on the date the citation gives."""
    symbol = f"{c.session}/{c.number}"
    guesses = sorted(k for k in known if _one_digit_off(symbol, k))
    if not guesses and c.date is not None and c.date.value is not None:
        for n in sorted(record.numbers_in_session(c.session)):
            if _one_digit_off(str(c.number), str(n)):
                entry = record.lookup(c.session, n)
                if entry is not None and entry.adopted == c.date.value:
                    guesses.append(f"{c.session}/{n}")
    return guesses


def _unknown_resolution_finding(doc: Document, c: Citation, cited: list[Citation], guesses: list[str]) -> Diagnostic:
    symbol = f"{c.session}/{c.number}"
    message = f"resolution {symbol} does not exist: the record of the {session_label(c.session)}, which is {record.coverage(c.session)}, has no resolution {c.number}"
    related = []
    if guesses:
        message += "; did you mean " + " or ".join(guesses[:3]) + "?"
        other = next((o for o in cited if f"{o.session}/{o.number}" == guesses[0]), None)
        if other is not None:
            related.append((other.span.start, other.span.end, f"{guesses[0]} is cited here"))
    fix = None
    if len(guesses) == 1 and doc.text[c.span.start : c.span.end] == symbol:
        fix = Fix(f"cite {guesses[0]}", (Edit(c.span.start, c.span.end, guesses[0]),), safe=False)
    return finding(c.span.start, c.span.end, message, fix=fix, related=related)
