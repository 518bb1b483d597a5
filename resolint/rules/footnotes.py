"""Footnotes (F): markers, bodies, their numbering, "Ibid." and uncited instruments.

Footnote numbers run through the whole document: parts A, B, C share one
sequence and an annex's footnotes run on from the resolution's, so every rule
here works on ``doc.markers`` and ``doc.footnotes`` in document order.  In
plain text a marker exists only where the reader recorded one (a number glued
to a word or punctuation that the sequence of footnotes calls for), so
``COVID-19`` or ``G20`` never reach these rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from ..model import Document, Footnote, FootnoteMarker, Paragraph, paragraph_trees
from ..source import is_word_char
from .base import Diagnostic, RuleContext, finding, rule


def _line(doc: Document, offset: int) -> int:
    return doc.source.position(offset)[0] + 1


def _first_markers(doc: Document) -> dict[int, FootnoteMarker]:
    """The first marker of each number, in document order."""
    first: dict[int, FootnoteMarker] = {}
    for marker in doc.markers:
        first.setdefault(marker.number, marker)
    return first


@rule("F001", "missing-footnote", severity="error")
def missing_footnote(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A footnote marker with no footnote text.

    ## What it does
    Reports the first marker of each number that no footnote body carries:
    every `<sup>n</sup>` in Markdown; in plain text, a number glued to a word
    or punctuation where the sequence of footnotes demands it (the body
    after it exists, or it is the next number expected).

    ## Why it matters
    A marker without its footnote points the reader to a source that is not
    there; editors must find the missing reference before publication.

    ## Example
    ```
    *Recalling* the Convention on the Rights of the Child,<sup>3</sup>
    …
    <sup>2</sup> Resolution 70/1.
    <sup>4</sup> A/77/236.
    ```

    ## Fix
    Add the footnote "<sup>3</sup> United Nations, *Treaty Series*, vol. 1577,
    No. 27531." after the others, or delete the marker.
    """
    if not doc.markers:
        return
    bodies = {note.number for note in doc.footnotes}
    for number, marker in _first_markers(doc).items():
        if number not in bodies:
            yield finding(
                marker.span.start,
                marker.span.end,
                f"footnote {number} has no text: the marker is on line {_line(doc, marker.span.start)}, expected a footnote body {number}",
            )


@rule("F002", "unreferenced-footnote")
def unreferenced_footnote(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A footnote that no marker points to.

    ## What it does
    Reports a footnote body whose number appears nowhere in the text as a
    marker, and says between which markers its own was expected.  In plain
    text, where markers are glued to the text, the number is looked for
    there too where it is ambiguous ("Agenda 216" = Agenda 21 + marker 6,
    "2015–2030.7", "a8nd") before the footnote is called unreferenced.

    ## Why it matters
    A footnote without its marker usually means the marker was lost when a
    paragraph was rewritten or moved: the source is cited, but for nothing.

    ## Example
    ```
    *Recalling* the Convention on the Rights of the Child,
    …
    <sup>3</sup> United Nations, *Treaty Series*, vol. 1577, No. 27531.
    ```

    ## Fix
    Put the marker back after the words the footnote belongs to, or delete
    the footnote and renumber.
    """
    if not doc.footnotes:
        return
    first = _first_markers(doc)
    numbers = sorted(first)
    for note in doc.footnotes:
        if note.number in first:
            continue
        i = bisect_left(numbers, note.number)
        where = ""
        if i:
            before = first[numbers[i - 1]]
            where = f" after marker {before.number} on line {_line(doc, before.span.start)}"
        if i < len(numbers):
            after = first[numbers[i]]
            where += f"{',' if where else ''} before marker {after.number} on line {_line(doc, after.span.start)}"
        yield finding(
            note.number_span.start,
            note.number_span.end,
            f"footnote {note.number} is not referenced: no marker {note.number} in the text"
            + (f", expected one{where}" if where else ""),
        )


@rule("F003", "marker-out-of-sequence")
def marker_out_of_sequence(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A new footnote marker whose number is not the next one.

    ## What it does
    Follows the markers in order of appearance through the whole document
    (all parts, and annexes, whose numbers run on) and reports a marker that
    introduces a new number other than the next expected one: a gap or a
    swap.  A marker that repeats an earlier number to point back to the same
    footnote is UN practice and is not reported, nor is the later marker of
    a swapped pair (the first one is).  A part published on its
    own (A/RES/75/242 B) runs on from the earlier parts, so the sequence
    starts at the first footnote the text carries.  A gap whose footnotes
    are all there but unreferenced is reported once, by F002, on those
    footnotes.

    ## Why it matters
    The Editorial Manual asks editors to check that footnote numbers are not
    "repeated incorrectly or skipped"; a gap usually means a marker was
    deleted or a paragraph moved.

    ## Example
    ```
    … the 2030 Agenda for Sustainable Development,<sup>1</sup> …
    … the Paris Agreement,<sup>3</sup> …
    ```

    ## Fix
    Renumber the markers (and their footnotes) in order of appearance.
    """
    if not doc.markers:
        return
    bodies = {note.number for note in doc.footnotes}
    # Parts published apart (A/RES/75/242 B) run on from the earlier parts:
    # the sequence starts at the first footnote the text carries.
    expected = min(min(bodies, default=1), doc.markers[0].number)
    referenced = {marker.number for marker in doc.markers}
    previous: FootnoteMarker | None = None
    seen: set[int] = set()
    reported: set[int] = set()  # the numbers a reported marker skipped
    for marker in doc.markers:
        number = marker.number
        if number in seen:
            continue
        skipped = range(expected, number)
        # A skipped number whose footnote is there but whose marker is nowhere
        # is F002's finding, and a marker that a reported one skipped is the
        # other half of the same swap: one fault, one finding.
        if (
            number != expected
            and number not in reported
            and not all(n in bodies and n not in referenced for n in skipped)  # F002 reports it
        ):
            reported.update(skipped)
            yield _marker_finding(marker, previous, expected)
        seen.add(number)
        previous = marker
        expected = max(expected, number + 1)


def _marker_finding(marker: FootnoteMarker, previous: FootnoteMarker | None, expected: int) -> Diagnostic:
    after = f"follows marker {previous.number}" if previous else "is the first marker"
    return finding(
        marker.span.start,
        marker.span.end,
        f"footnote marker {marker.number} {after}: expected {expected}",
        related=((previous.span.start, previous.span.end, f"marker {previous.number}"),) if previous else (),
    )


@rule("F004", "footnotes-out-of-order")
def footnotes_out_of_order(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Footnote bodies that are not in ascending order.

    ## What it does
    Reports a footnote body whose number is lower than that of a body before
    it in the document.  (Two bodies with the same number are F005.)

    ## Why it matters
    Footnotes are printed in the order of their numbers; a body out of
    order is usually one that was moved with its paragraph and not
    renumbered.

    ## Example
    ```
    <sup>5</sup> Resolution 70/1.
    <sup>4</sup> A/77/236.
    ```

    ## Fix
    Put the footnotes in the order of their numbers (or renumber markers
    and footnotes together).
    """
    highest: Footnote | None = None
    for note in doc.footnotes:
        if highest is not None and note.number < highest.number:
            yield finding(
                note.number_span.start,
                note.number_span.end,
                f"footnote {note.number} follows footnote {highest.number}: expected footnotes in ascending order",
                related=((highest.number_span.start, highest.number_span.end, f"footnote {highest.number}"),),
            )
        if highest is None or note.number > highest.number:
            highest = note


@rule("F005", "duplicate-footnote")
def duplicate_footnote(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Two footnote bodies with the same number.

    ## What it does
    Reports the second (and any later) footnote body that carries a number
    an earlier body already has.

    ## Why it matters
    Every marker of that number now points at two sources; one of the two
    footnotes was usually meant to have the next number.

    ## Example
    ```
    <sup>3</sup> Resolution 70/1.
    <sup>3</sup> A/77/236.
    ```

    ## Fix
    Renumber the second footnote and its marker, or delete the copy.
    """
    first: dict[int, Footnote] = {}
    for note in doc.footnotes:
        earlier = first.get(note.number)
        if earlier is None:
            first[note.number] = note
            continue
        yield finding(
            note.number_span.start,
            note.number_span.end,
            f"footnote {note.number} appears twice: the first is on line {_line(doc, earlier.span.start)}, expected each number once",
            related=((earlier.number_span.start, earlier.number_span.end, f"first footnote {note.number}"),),
        )


# What a footnote that cites a source contains: a document symbol
# ("A/77/236", "CEDAW/C/GC/39", "E/2013/27"), a resolution or decision, a
# Treaty Series or Official Records reference, a publication.
_CITES = re.compile(
    r"\b[A-Z][A-Z.]*\d*/|\b(?:[Rr]esolutions?|[Dd]ecisions?)\s+(?:ES-|S-)?\d|Treaty Series|Official Records|"
    r"Supplement No\.|Sales No\.|publication|[Dd]ocument|\bvols?\.\s*\d|\bNo\.\s*\d|\bReport of\b|\bIbid\b"
)
_IBID = re.compile(r"\s*Ibid\b")


@rule("F006", "ibid-without-antecedent")
def ibid_without_antecedent(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """ "Ibid." with no source before it to repeat.

    ## What it does
    Reports a footnote that begins "Ibid." when it is the first footnote of
    the document, or when the footnote just before it cites no source (an
    explanatory note such as "The list will include proposed names.").

    ## Why it matters
    "Ibid." repeats the source of the footnote just before it.  When
    footnotes are added, deleted or reordered in a draft, an "Ibid." is left
    pointing at the wrong source or at none.

    ## Example
    ```
    <sup>1</sup> Ibid., vol. 1577, No. 27531.
    ```

    ## Fix
    Write the full reference ("United Nations, *Treaty Series*, vol. 1577,
    No. 27531.").
    """
    previous: Footnote | None = None
    plain = doc.plain
    for note in doc.footnotes:
        m = _IBID.match(plain, note.number_span.end, note.span.end)
        if m:
            start = m.end() - 4
            if previous is None:
                yield finding(
                    start,
                    m.end(),
                    f"footnote {note.number} begins “Ibid.” but is the first footnote: expected the full reference",
                )
            elif not _CITES.search(previous.text):
                yield finding(
                    start,
                    m.end(),
                    f"footnote {note.number} begins “Ibid.” but footnote {previous.number} before it cites no source: expected the full reference",
                    related=((previous.number_span.start, previous.number_span.end, f"footnote {previous.number}"),),
                )
        previous = note


# ---------------------------------------------------------------- F007
# Instruments the UN cites with a footnote, by the words that name them.
# Each pattern comes with the literal it opens with: ``str.find`` skips to
# the literal three times faster than the regex engine scans for it (and an
# alternation of different words would be tried at every character).  No
# pattern can match again inside its own match, so matching at each
# occurrence of the literal finds what ``finditer`` finds.
_INSTRUMENT = (
    # A name follows "on" and "against": not "the Convention on 10 December 1982".
    ("Convention ", re.compile(r"Convention (?:on|against)\b(?= (?:the )?[A-Z])")),
    ("Covenant on", re.compile(r"Covenant on\b(?= (?:the )?[A-Z])")),
    ("Declaration ", re.compile(r"Declaration (?:on\b(?= (?:the )?[A-Z])|and Programme of Action\b)")),
    ("Programme of Action", re.compile(r"Programme of Action\b")),
)
# Not "the report of the Secretary-General’s High-level Panel".
_REPORT = ("report", re.compile(r"report\s+of\s+the\s+Secretary-General\b(?![’']s\b)"))
# What makes "the report of the Secretary-General" one the Assembly has
# before it (and so cites), not one it requests or expects.
_REPORT_VERB = re.compile(
    r"\b(?:considered|examined|[Tt]ak(?:es|ing)\s+note(?:\s+with\s+(?:appreciation|interest|concern|satisfaction))?\s+of|"
    r"[Nn]ot(?:es|ing)(?:\s+with\s+(?:appreciation|interest|concern|satisfaction))?|[Ww]elcom(?:es|ing)(?:\s+with\s+(?:appreciation|interest|satisfaction))?|"
    r"set\s+out\s+in|contained\s+in)\s+the\s+(?:(?:annual|latest|most\s+recent|\d{4})\s+)?$"
)
# A capitalized word or a year, and spaces: what a name extends back over
# ("United Nations Framework Convention").  _word_before finds it.
_WORD_BEFORE_REVERSED = re.compile(r"\s+(?:[\w’'-]*[A-Z]|\d{4})")
# Words before a name that make it an instrument still to be drafted ("a convention on …").
_LOWER_WORDS = ("a", "an", "draft", "future", "new", "possible", "proposed", "comprehensive", "this", "our")
_LOWER_BEFORE = re.compile(r"\b(" + "|".join(_LOWER_WORDS) + r")\s+$")
_LONGEST_LOWER_WORD = max(map(len, _LOWER_WORDS))
_ORGAN_BEFORE = re.compile(
    r"\b(?:Committee|Conference|Commission|Secretariat|Meeting|Parties|Party|Office|Group|Council)"
    r"(?:\s+(?:of|to|for|on|the|a|an|in|with|regard|[A-Z][\w’'-]*))*\s+$"
)
_NAME_WORD = re.compile(
    r"\s+(?:[A-Z][\w’'-]*|\d{4}|the|of|against|all|in|to|for|on|with|concerning|among|from|by)\b|,\s+(?!The\b)[A-Z][\w’'-]*|\s+and(?=\s+[A-Z])"
)
_CASE_AFTER = re.compile(r"\s*\([^()\n]{0,80}\bv\.\s")
_REPORT_TITLE = re.compile(r"\s+on\s+[^,;:.()]{3,150}")
# A report's title in quotation marks, which its marker follows.
_ENTITLED = re.compile(r",?\s+entitled\s+“[^”\n]{1,300}”")
# The instrument is the resolution's own annex: it has no footnote.
_OWN_ANNEX = re.compile(r"\bannex(?:ed)?\s+to\s+the\s+present\s+resolution\b")
# Two names that share what follows them: "the Copenhagen Declaration … and the Programme of Action …,<sup>1</sup>".
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?")
# The generic words of a name used alone for one named before: "the Programme of Action".
_BARE = frozenset({"programme of action", "the programme of action", "declaration and programme of action"})
_SENTENCE_END = re.compile(r"[.?!](?=\s+[A-Z“\"])")
_SENTENCE_BEFORE = frozenset('abcdefghijklmnopqrstuvwxyz)]”"’0123456789')
_STOP = re.compile(r"[,;:.]")
_NEXT_WORD = re.compile(r"\s*(\w+)")
# A list of names that one marker closes: "the Rome Declaration on World
# Food Security, the World Food Summit Plan of Action and …,<sup>6</sup>".
_LIST_GOES_ON = re.compile(r"\s*(?:and\s+)?the\s+[A-Z]|\s*and\s+[A-Z]")
_QUALIFIERS = frozenset({"adopted", "held", "contained", "annexed", "signed", "done", "concluded", "opened", "as"})
_RESOLUTION = re.compile(r"\b[Rr]esolutions?\s+(?:ES-|S-)?\d")
_TRAILING = frozenset(
    {"the", "of", "against", "all", "in", "to", "for", "on", "with", "concerning", "among", "from", "by", "and"}
)


def _instrument_name(plain: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """Extend a keyword match to the whole name: "United Nations Framework Convention on Climate Change"."""
    while True:
        word_start = _word_before(plain, start)
        if word_start is None:
            break
        start = word_start
    words_end = end
    while True:
        m = _NAME_WORD.match(plain, words_end, limit)
        if not m:
            break
        words_end = m.end()
        word = plain[m.start() : m.end()].strip(" ,")
        if word and word not in _TRAILING:
            end = words_end
    return start, end


def _word_before(plain: str, offset: int) -> int | None:
    """Where the capitalized word or year (and spaces) that ends at ``offset``
    starts, looking back 40 characters, or None: the regex
    ``(?:[A-Z][\\w’'-]*|\\d{4})\\s+$`` searched in that window.

    Matched once on the window read backwards instead of tried at each of
    the 40 positions: the spaces, then the run of word characters up to its
    first capital (the greedy run backs off to the last capital read), or
    else a year that ends the run.
    """
    lo = max(0, offset - 40)
    m = _WORD_BEFORE_REVERSED.match(plain[lo:offset][::-1])
    return offset - m.end() if m else None


def _marker_limit(plain: str, segments: list[tuple[int, int]], end: int, hard_end: int, has_marker, start: int) -> int:
    """Where the marker of a name must start by.

    After the name come its qualifiers ("of 1961 as amended by the 1972
    Protocol", ", adopted at …") and the punctuation that closes them, for in
    English the marker follows punctuation.  A comma or colon followed by a
    capital continues a title ("Economic, Social and Cultural Rights"; "the
    Rule of Law: Towards …"), and so does one followed by "the" or "and" and
    a capital: a list of names closed by one marker.  Only the paragraph's own segments are read:
    a page break and a block of footnotes may stand between two of them.
    """
    pos = end
    for seg_start, seg_end in segments:
        if seg_end <= pos:
            continue
        pos = max(pos, seg_start)
        while True:
            m = _STOP.search(plain, pos, min(seg_end, hard_end))
            if not m:
                break
            stop = m.start()
            if has_marker(start, stop + 2) or plain[stop] not in ",:":
                return stop + 2
            n = _NEXT_WORD.match(plain, stop + 1, min(seg_end, hard_end))
            if not n or n.group(1) == "The":
                return stop + 2
            if not (n.group(1)[0].isupper() or n.group(1) in _QUALIFIERS or _LIST_GOES_ON.match(plain, stop + 1)):
                return stop + 2
            pos = stop + 1
        if hard_end <= seg_end:
            break
    return hard_end + 1


def _after_lower_word(before: str) -> bool:
    """Does ``before`` end with one of _LOWER_WORDS and spaces?

    The word ends where the spaces start, so the search starts no earlier
    than the longest word before that: a pattern that opens with a word
    boundary is otherwise tried at each of the 80 positions.
    """
    word_end = len(before.rstrip())
    return _LOWER_BEFORE.search(before, max(0, word_end - _LONGEST_LOWER_WORD)) is not None


def _matches_at_literal(plain: str, start: int, end: int, literal: str, back: int, pattern: re.Pattern) -> bool:
    """Does ``pattern`` match in ``plain[start:end]`` at an occurrence of
    ``literal`` (the pattern starting ``back`` characters before it)?

    The patterns open with a word boundary, which a search tries at every
    position; ``str.find`` goes straight to their rare literal instead.
    """
    at = plain.find(literal, start + back, end)
    while at >= 0:
        if pattern.match(plain, at - back, end):
            return True
        at = plain.find(literal, at + 1, end)
    return False


def _names_resolution(plain: str, start: int, end: int) -> bool:
    """Is a resolution named (``_RESOLUTION``) in ``plain[start:end]``?  ("esolution": either case of its R.)"""
    return _matches_at_literal(plain, start, end, "esolution", 1, _RESOLUTION)


def _adopts_annex(plain: str, start: int, end: int) -> bool:
    """Is ``_OWN_ANNEX`` ("annexed to the present resolution") found in ``plain[start:end]``?"""
    return _matches_at_literal(plain, start, end, "annex", 0, _OWN_ANNEX)


def _quoted(plain: str, paragraph_start: int, offset: int) -> bool:
    before = plain[paragraph_start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@rule("F007", "uncited-instrument", severity="info")
def uncited_instrument(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A report or instrument mentioned first without a footnote.

    ## What it does
    Reports the first mention of a report of the Secretary-General that the
    Assembly receives ("*Takes note* of the report of the
    Secretary-General") or of an instrument ("… Convention on …", "…
    Covenant on …", "… Declaration on …", "… Programme of Action …") that
    carries no footnote marker and is not identified by a resolution number
    in the same sentence.  Names inside quotation marks (item titles), case
    names, organs ("Conference of the Parties to the … Convention") and
    instruments still to be drafted ("a convention on …") are left alone,
    and so are an annex's paragraphs (an annexed declaration or convention
    names what it builds on without footnotes), a name met before under
    another form, one whose marker closes a list of names or a quoted title,
    and the instrument the resolution itself adopts "in the annex to the
    present resolution".  One hint per text: the first such name, with the
    lines of the others.
    Severity info: drafts often add their footnotes last.

    ## Why it matters
    The Editorial Manual cites a document by its title in the text and its
    symbol, or *Treaty Series* reference, in a footnote at its first
    mention; editors otherwise add the footnote days later.

    ## Example
    ```
    1. *Takes note* of the report of the Secretary-General;
    ```

    ## Fix
    Add a marker and a footnote with the document's symbol ("A/77/236.") or
    the instrument's reference ("Resolution 71/256, annex.").
    """
    plain = doc.plain
    if not any(word in plain for word in _F007_WORDS):
        return
    marker_starts = sorted(m.span.start for m in doc.markers)
    paragraphs = list(_paragraph_mentions(doc, marker_starts))
    names = _NamesMet(_adopted_here(plain, paragraphs))
    uncited = [
        u for paragraph, mentions in paragraphs for u in _uncited(doc, paragraph, mentions, names, marker_starts)
    ]
    # One hint per text: the first name, and where the others are.
    if uncited:
        start, end, message = uncited[0]
        if len(uncited) > 1:
            lines = ", ".join(str(_line(doc, other)) for other, _, _ in uncited[1:])
            message += f" (and {len(uncited) - 1} more name{'s' if len(uncited) > 2 else ''} without one: line {lines})"
        yield finding(start, end, message)


# The words without which no text names a report or instrument F007 looks for.
_F007_WORDS = ("Convention", "Covenant", "Declaration", "Programme of Action", "Secretary-General")
_Mention = tuple[str, int, int]  # ("report" | "seen" | "instrument", start, end)


class _NamesMet:
    """The reports and instruments met so far (lower-case names, in order), and
    whether a report of the Secretary-General was: a later mention refers back."""

    def __init__(self, names: list[str]) -> None:
        # Each name met, with its _keyword_tails: worked out once, used for every later name.
        self.names = {name: _keyword_tails(name) for name in names}
        self.report_met = False

    def known(self, key: str) -> bool:
        if key in _BARE:
            return any(key.removeprefix("the ") in k for k in self.names)
        key_tails = _keyword_tails(key)
        return any(_same_name(k, key, tails, key_tails) for k, tails in self.names.items())

    def first_mention(self, kind: str, key: str) -> bool:
        """Record the mention; is it the first of its report or instrument?  A report
        only named ("seen": one the Assembly requests) is recorded, never first."""
        if kind == "seen":
            first = False
        elif kind == "report" and not key.startswith("report of the secretary-general on"):
            # "the report of the Secretary-General" after any report of his refers back to it.
            first = not self.report_met
        else:
            first = not self.known(key)
        if kind != "instrument":
            self.report_met = True
        if key not in self.names:
            self.names[key] = _keyword_tails(key)
        return first


def _adopted_here(plain: str, paragraphs: list[tuple[Paragraph, list[_Mention]]]) -> list[str]:
    """The instruments the resolution itself adopts, "contained in the annex to the present resolution"."""
    return [
        " ".join(plain[s:e].split()).lower()
        for paragraph, mentions in paragraphs
        if any(_adopts_annex(plain, s, e) for s, e in paragraph.segments)
        for kind, s, e in mentions
        if kind == "instrument"
    ]


def _uncited(
    doc: Document, paragraph: Paragraph, mentions: list[_Mention], names: _NamesMet, marker_starts: list[int]
) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) of each first mention in ``paragraph`` that has no footnote."""
    plain = doc.plain
    para_start, para_end = paragraph.segments[0][0], paragraph.segments[-1][1]
    sentences = _Sentences(plain, paragraph)
    hard_ends = _hard_ends(plain, mentions, para_end)

    def has_marker(start: int, limit: int) -> bool:
        i = bisect_left(marker_starts, start)
        return i < len(marker_starts) and marker_starts[i] <= limit

    for index, (kind, start, end) in enumerate(mentions):
        name = " ".join(plain[start:end].split())
        if not names.first_mention(kind, name.lower()) or _excused(plain, kind, start, end, para_start, para_end):
            continue
        sentence_start, sentence_end = sentences.around(start)
        if _names_resolution(plain, sentence_start, sentence_end) or _adopts_annex(plain, sentence_start, sentence_end):
            continue
        if not has_marker(start, _marker_limit(plain, paragraph.segments, end, hard_ends[index], has_marker, start)):
            yield start, end, _uncited_message(kind, name)


def _excused(plain: str, kind: str, start: int, end: int, para_start: int, para_end: int) -> bool:
    """Is the name one that has no footnote by custom: quoted (an item title), a case
    name, an instrument still to be drafted ("a convention on …"), an organ's name?"""
    if _quoted(plain, para_start, start) or _CASE_AFTER.match(plain, end, para_end):
        return True
    before = plain[max(0, start - 80) : start]
    return _after_lower_word(before) or (kind == "instrument" and _ORGAN_BEFORE.search(before) is not None)


class _Sentences:
    """The sentences of one paragraph, split when first asked for."""

    def __init__(self, plain: str, paragraph: Paragraph) -> None:
        self.plain, self.paragraph = plain, paragraph
        self.start, self.end = paragraph.segments[0][0], paragraph.segments[-1][1]
        self.breaks: list[int] | None = None

    def around(self, offset: int) -> tuple[int, int]:
        """Where the sentence holding ``offset`` starts and ends."""
        if self.breaks is None:
            plain = self.plain
            self.breaks = [
                m.start()
                for s, e in self.paragraph.segments
                for m in _SENTENCE_END.finditer(plain, s, e)
                if m.start() > s and plain[m.start() - 1] in _SENTENCE_BEFORE
            ]
        i = bisect_right(self.breaks, offset)
        return (
            self.breaks[i - 1] if i else self.start,
            self.breaks[i] if i < len(self.breaks) else self.end,
        )


def _uncited_message(kind: str, name: str) -> str:
    what = "report" if kind == "report" else "instrument"
    if len(name) > 90:
        name = name[:90].rsplit(" ", 1)[0] + " …"
    reference = "symbol" if kind == "report" else "reference (Treaty Series, or the resolution that adopted it)"
    return (
        f"first mention of the {what} “{name}” has no footnote: expected a marker and a footnote with its {reference}"
    )


_REPORT_ON = "report of the secretary-general on "
_KEYWORDS = ("convention ", "covenant ", "declaration ", "programme of action")


def _same_name(earlier: str, key: str, earlier_tails: dict[str, str], key_tails: dict[str, str]) -> bool:
    """Do two names (lower case) name the same report or instrument?  One
    may extend the other ("2005 Rome Declaration on …", "the Convention on
    … of 1982"), two may differ before their keyword ("the United Nations
    Convention on X", later "the Accra Convention on X"), and a report's
    title may be quoted with a word changed after its first thirty letters
    ("towards"/"toward").

    ``earlier_tails`` and ``key_tails`` are the names' _keyword_tails: a name
    is compared with every name met before it, so its keywords are looked
    for once, not once per pair (_reference_same_name is the plain form).
    """
    if earlier.startswith(key) or key.startswith(earlier) or earlier.endswith(key) or key.endswith(earlier):
        return True
    if key.startswith(_REPORT_ON):
        size = len(_REPORT_ON) + 30
        return len(key) >= size and earlier[:size] == key[:size]
    # A key that opens with its keyword has the whole key for its tail, which
    # ``earlier.endswith(key)`` has already compared.
    for keyword, tail in key_tails.items():
        if earlier_tails.get(keyword) == tail:
            return True
    return False


def _keyword_tails(name: str) -> dict[str, str]:
    """The name from the first occurrence of each keyword it holds on:
    "the accra convention on x" -> {"convention ": "convention on x"}."""
    return {keyword: name[at:] for keyword in _KEYWORDS if (at := name.find(keyword)) >= 0}


def _reference_same_name(earlier: str, key: str) -> bool:
    """_same_name as first written, each keyword looked for in both names of each pair."""
    if earlier.startswith(key) or key.startswith(earlier) or earlier.endswith(key) or key.endswith(earlier):
        return True
    if key.startswith(_REPORT_ON):
        size = len(_REPORT_ON) + 30
        return len(key) >= size and earlier[:size] == key[:size]
    for keyword in _KEYWORDS:
        at, earlier_at = key.find(keyword), earlier.find(keyword)
        if at > 0 and earlier_at >= 0 and key[at:] == earlier[earlier_at:]:
            return True
    return False


def _hard_ends(plain: str, mentions: list[tuple[str, int, int]], para_end: int) -> list[int]:
    """Where each mention's marker must stand before: the next mention, or,
    when the next is joined to it ("X and the Y", "X, the Y"), wherever the
    next one's must (one marker after the pair cites both)."""
    ends = [para_end] * len(mentions)
    for index in range(len(mentions) - 2, -1, -1):
        end, next_start = mentions[index][2], mentions[index + 1][1]
        joined = next_start >= end and _COORDINATED.fullmatch(plain, end, next_start) is not None
        ends[index] = ends[index + 1] if joined else next_start
    return ends


def _paragraph_mentions(
    doc: Document, marker_starts: list[int]
) -> Iterator[tuple[Paragraph, list[tuple[str, int, int]]]]:
    """Each paragraph that names a report or instrument, with its mentions.

    One scan of the whole text per pattern finds the candidates; only the
    paragraphs that hold one are read further, from those same matches.
    """
    plain = doc.plain
    everywhere = _candidates(plain, 0, len(plain))
    hits = sorted(start for start, _ in everywhere.reports + everywhere.keywords)
    if not hits:
        return
    for paragraph in _own_paragraphs(doc):
        for seg_start, seg_end in paragraph.segments:
            i = bisect_left(hits, seg_start)
            if i < len(hits) and hits[i] < seg_end:
                break
        else:
            continue
        mentions = [
            m
            for seg_start, seg_end in paragraph.segments
            for m in _mentions(plain, seg_start, seg_end, marker_starts, everywhere)
        ]
        if mentions:
            yield paragraph, mentions


def _own_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """The resolution's own paragraphs, not an annex's: an annexed
    declaration, programme of action or convention is a document of its own
    that names the instruments it builds on without footnotes."""
    return iter(paragraph_trees([p for part in doc.parts for p in (*part.preamble, *part.operative)]))


class _Candidates(NamedTuple):
    """The whole text's matches of _REPORT and of _INSTRUMENT, as (start, end) in order."""

    reports: list[tuple[int, int]]
    keywords: list[tuple[int, int]]


def _candidates(plain: str, start: int, end: int) -> _Candidates:
    return _Candidates(
        list(_matches(_REPORT, plain, start, end)),
        sorted(match for anchored in _INSTRUMENT for match in _matches(anchored, plain, start, end)),
    )


def _matches(anchored: tuple[str, re.Pattern], plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of the pattern in ``plain[start:end]``, found from its literal."""
    literal, pattern = anchored
    at = plain.find(literal, start, end)
    while at >= 0:
        m = pattern.match(plain, at, end)
        if m:
            yield m.start(), m.end()
        at = plain.find(literal, at + 1, end)


def _within(matches: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    i = bisect_left(matches, (start,))
    j = bisect_left(matches, (end,), i)
    return [match for match in matches[i:j] if match[1] <= end]


def _segment_candidates(plain: str, start: int, end: int, everywhere: _Candidates) -> _Candidates:
    """What the patterns match in ``plain[start:end]`` alone: the whole
    text's matches that lie inside the segment.

    Each pattern ends with a word and a word boundary.  A scan that stops at
    the segment's end finds a boundary there even when a word character
    follows ("Covenant on|ly"); only then is the segment scanned on its own.
    """
    if end < len(plain) and is_word_char(plain[end]):
        return _candidates(plain, start, end)
    return _Candidates(_within(everywhere.reports, start, end), _within(everywhere.keywords, start, end))


def _mentions(
    plain: str, start: int, end: int, marker_starts: list[int], everywhere: _Candidates
) -> list[tuple[str, int, int]]:
    """Reports and instruments named in ``plain[start:end]``, in order, as (kind, start, end).

    A name ends at the first footnote marker after it (blanked to spaces in
    ``plain``, so it would otherwise run on into the next words).
    """

    def stop(offset: int) -> int:
        i = bisect_right(marker_starts, offset)
        return min(end, marker_starts[i]) if i < len(marker_starts) else end

    candidates = _segment_candidates(plain, start, end, everywhere)
    found: list[tuple[str, int, int]] = []
    for report_start, report_end in candidates.reports:
        # A report the Assembly only names ("requests … in his next report")
        # is seen, so that a later mention refers back to it, but never reported.
        received = _REPORT_VERB.search(plain[max(start, report_start - 80) : report_start])
        name_end = report_end
        t = _REPORT_TITLE.match(plain, name_end, stop(name_end))
        if t:
            name_end = t.start() + len(t.group().rstrip())
        entitled = _ENTITLED.match(plain, name_end, end)
        if entitled:
            name_end = entitled.end()
        found.append(("report" if received else "seen", report_start, name_end))
    last_end = -1
    for kw_start, kw_end in candidates.keywords:
        if kw_start != 0 and plain[kw_start - 1].isalnum():
            continue
        if kw_start < last_end:
            continue  # "Programme of Action" inside "Declaration and Programme of Action"
        name_start, name_end = _instrument_name(plain, kw_start, kw_end, stop(kw_end))
        last_end = name_end
        found.append(("instrument", name_start, name_end))
    found.sort(key=lambda item: item[1])
    return found
