"""Phrasing and punctuation (P): opening phrases, also/further, final marks.

Every rule here judges the resolution's own paragraphs: the preamble and the
operative paragraphs of each body (or part A, B …).  Text that an operative
paragraph introduces ("*Resolves* that, for 2022:" and the budget paragraphs
that open with a noun; "*Adopts* the following political declaration:" and
the declaration in the first person) and annexes after the plenary line are
other documents with their own conventions, and are left alone
(``Paragraph.introduced``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import lru_cache

from ..diagnostics import Edit, Severity
from ..lexicon import match_opener, suggest_opener
from ..model import Document, Opener, Paragraph, Part, Span
from .base import Diagnostic, Fix, RuleContext, finding, rule

# Markdown emphasis markers: one of them inside an opening phrase means the
# italics stop (or start) in the middle of it.
_EMPHASIS = frozenset("*_")
_WORDS = re.compile(r"\S+")
# Markup that closes after a paragraph's last word: emphasis, a link target.
_CLOSING_MARKUP = re.compile(r"(?:[*_]+|\]\([^)\s]*\))*")


def _operative(part: Part) -> list[Paragraph]:
    """The part's own operative paragraphs, without the text they introduce."""
    return [p for p in part.operative if not p.introduced]


def _quoted(text: str) -> str:
    return f"“{text}”"


def _label(p: Paragraph) -> str:
    """How a message names a paragraph: "operative paragraph 7", "subparagraph (b)"."""
    if p.kind == "subparagraph":
        return f"subparagraph {p.label}" if p.label else "subparagraph"
    if p.kind == "preambular":
        return "preambular paragraph"
    if p.number_value is not None:
        return f"operative paragraph {p.number_value}"
    return "operative paragraph"


# ---------------------------------------------------------------- P001


@rule("P001", "opener-not-italic", fixable=True)
def opener_not_italic(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An opening phrase or operative verb that is not in italics.

    ## What it does
    In Markdown, reports a preambular paragraph whose opening phrase
    ("Recalling", "Deeply concerned") or an operative paragraph whose verb
    ("Requests", "Takes note") is not italic, or is italic only in part:
    the italics stop inside the head ("*Takes* note"), before its also or
    further ("*Recalling* also") or before its "with" complement ("*Noting*
    with concern").  Italics that stop before the object of a complete
    phrase are UN usage and are not reported ("*Reaffirming* its
    commitment", "*Reiterates* its request", "*Encourages* further
    efforts").  Plain text has no italics and is not checked.

    ## Why it matters
    UN resolutions set the opening phrase of every paragraph in italics
    (Editorial Manual; every resolution in the corpus).  A phrase left in
    roman type is a conversion or typing slip the editors will mark.

    ## Example
    ```
    Recalling its resolution 70/1 of 25 September 2015,
    ```

    ## Fix
    Put the whole phrase in italics: "*Recalling* its resolution 70/1 …".
    The fix is safe.
    """
    if doc.format != "markdown":
        return
    for part in doc.resolution_bodies():
        for p in (*part.preamble, *_operative(part)):
            o = p.opener
            if o is None or o.kind == "unknown" or o.first_person:
                continue
            inner = doc.text[o.span.start : o.span.end]
            split = any(c in _EMPHASIS for c in inner)
            # Italic throughout, or "*Reaffirming* its commitment": the head is italic, its object follows.
            if o.italic and (not split or _italics_stop_between_modifiers(doc, ctx, o.span.start, inner)):
                continue
            yield _partly_italic(doc, o, inner) if split else _not_italic(doc, p, o)


def _opener_words(o: Opener) -> tuple[str, str]:
    """How a message names an opener: its kind, and its phrase (blanked emphasis marks read as spaces)."""
    return "opening phrase" if o.kind == "preambular" else "operative verb", " ".join(o.phrase.split())


def _not_italic(doc: Document, p: Paragraph, o: Opener) -> Diagnostic:
    kind, phrase = _opener_words(o)
    start, end = o.span.start, o.span.end
    # Markup before the phrase ("[Decides …](#)") would swallow the new emphasis marks: no fix then.
    before = slice(p.span.start, start)
    fix = None
    if doc.text[before] == doc.plain[before]:
        fix = Fix(f"italicize {_quoted(phrase)}", (Edit(start, start, "*"), Edit(end, end, "*")))
    message = f"{kind} {_quoted(phrase)} is not italic: expected {_quoted('*' + phrase + '*')}"
    return finding(start, end, message, fix=fix)


def _partly_italic(doc: Document, o: Opener, inner: str) -> Diagnostic:
    """ "*Recalling* also": the italics close inside the phrase.  The fix moves the
    closing mark to the end of the phrase when that is all there is."""
    kind, phrase = _opener_words(o)
    start, end = o.span.start, o.span.end
    fix = None
    marks = [i for i, c in enumerate(inner) if c in _EMPHASIS]
    if o.italic and len(marks) == 1 and doc.text[end : end + 1] not in _EMPHASIS:
        mark = inner[marks[0]]
        at = start + marks[0]
        fix = Fix(f"italicize the whole of {_quoted(phrase)}", (Edit(at, at + 1, ""), Edit(end, end, mark)))
    message = f"{kind} {_quoted(phrase)} is only partly italic: expected {_quoted('*' + phrase + '*')}"
    return finding(start, end, message, fix=fix)


def _italics_stop_between_modifiers(doc: Document, ctx: RuleContext, start: int, inner: str) -> bool:
    """Do the italics of an opener stop where the phrase may end?

    The head and an also/further after it must be italic; the italics may
    stop before any later modifier ("*Reaffirming* its commitment",
    "*Reiterates* its request", both UN usage), never inside the head
    ("*Takes* note") or before its adverb ("*Recalling* also").
    """
    marks = [i for i, c in enumerate(inner) if c in _EMPHASIS]
    at = marks[0]
    if any(i != at + 1 + n for n, i in enumerate(marks[1:])):
        return False  # italics that stop and start again inside the phrase
    m = match_opener(doc.plain[start : start + 160], ctx.extra_preambular, ctx.extra_operative)
    if m is None:
        return False
    stop = len(inner[:at].rstrip(" ,"))
    return stop in m.italic_ends


# ---------------------------------------------------------------- P002


@rule("P002", "unknown-opener", fixable=True)
def unknown_opener(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An opening phrase that is not a recognised participle or verb.

    ## What it does
    Reports a preambular paragraph that does not open with a participle,
    participial phrase or adjective of the lexicon ("Recalling", "Having
    considered", "Deeply concerned"), and an operative paragraph that does
    not open with a verb in the present indicative ("Requests", "Takes
    note"), with "did you mean" for near misses ("Reccalling" ->
    "Recalling").  The lexicon composes the forms of UN usage from its
    heads ("Having also considered", "Remains deeply concerned",
    "Continues to welcome", "Calls once again upon", "Welcoming in this
    regard also"), so these are no finding; and a misspelt "also" or "further" after a known opener
    ("*Reaffirming furhter*", which would otherwise pass as "Reaffirming"
    followed by its object).  Text introduced by a colon paragraph (budget paragraphs
    that open with a noun, a declaration in the first person) and annexes
    are not checked.

    ## Why it matters
    The opening phrase says what the paragraph does; a misspelt or
    invented one is caught by editors days later, and a paragraph that
    opens with a noun may be a fragment of the paragraph before it.

    ## Example
    ```
    *Recallling* its resolution 70/1 of 25 September 2015,
    ```

    ## Fix
    Correct the phrase ("*Recalling*").  The suggested correction is an
    unsafe fix: it is a guess.  A phrase that is right but missing from
    the lexicon can be added with the settings ``preambular-openers`` and
    ``operative-openers``.
    """
    extra = ctx.extra_preambular or ctx.extra_operative
    for part in doc.resolution_bodies():
        for section, paragraphs in (("preambular", part.preamble), ("operative", _operative(part))):
            for p in paragraphs:
                o = p.opener
                if o is not None and o.kind != "unknown" and o.adverb is None:
                    typo = _misspelt_adverb(doc, o.span.end)
                    if typo is not None:
                        yield typo
                    continue
                if o is None or o.kind != "unknown":
                    continue
                # The document may have been parsed without the user's openers
                # (a cached parse); they still count.
                if extra and match_opener(p.text, ctx.extra_preambular, ctx.extra_operative) is not None:
                    continue
                yield _unknown_opener_finding(doc, p, section)


_NEXT_WORD = re.compile(r"[\s*_]*([A-Za-z]{3,12})\b")


def _misspelt_adverb(doc: Document, after: int) -> Diagnostic | None:
    """ "*Reaffirming furhter*": the opener is matched as "Reaffirming" and the
    misspelt adverb would pass as the start of the paragraph's object."""
    m = _NEXT_WORD.match(doc.plain, after, min(len(doc.plain), after + 40))
    if m is None:
        return None
    word = m.group(1)
    if word in ("also", "further") or word.lower() != word:
        return None
    adverb = _adverb_meant(word)
    if adverb is None:
        return None
    start, end = m.start(1), m.end(1)
    if doc.text[start:end] != word:  # markup in between: no safe place to edit
        return finding(start, end, f"“{word}” after the opening phrase: expected “{adverb}”")
    return finding(
        start,
        end,
        f"“{word}” after the opening phrase: expected “{adverb}”",
        fix=Fix(f"Replace “{word}” with “{adverb}”", (Edit(start, end, adverb),), safe=False),
    )


@lru_cache(maxsize=4096)
def _adverb_meant(word: str) -> str | None:
    """The adverb ("also", "further") a lower-case word after an opener is a
    misspelling of, or None.  Remembered: the words after openers repeat
    ("the", "its", "that"), and each fuzzy match costs a SequenceMatcher."""
    if word == "farther":
        return None
    close = difflib.get_close_matches(word, ("also", "further"), n=1, cutoff=0.75)
    return close[0] if close else None


_EXPECTED = {
    "preambular": "a preambular participle or adjective (“Recalling”, “Noting with concern”, “Mindful”)",
    "operative": "an operative verb (“Requests”, “Decides”, “Takes note”)",
}


@lru_cache(maxsize=2048)
def _suggest(words: str, section: str) -> str | None:
    """``suggest_opener`` on a paragraph's first words, remembered: a draft
    repeats its misspellings, and each costs a fuzzy search of the lexicon."""
    return suggest_opener(words, section)


def _unknown_opener_finding(doc: Document, p: Paragraph, section: str) -> Diagnostic:
    o = p.opener
    start, end = o.span.start, o.span.end
    shown = o.phrase if len(o.phrase) <= 40 else o.phrase[:40] + "…"
    suggestion = _suggest(" ".join(p.text.split(None, 3)[:3]), section)
    if suggestion is None:
        return finding(start, end, f"unknown opening phrase {_quoted(shown)}: expected {_EXPECTED[section]}")
    # Replace as many words as the suggestion has ("Notting also" -> "Noting
    # also"), where no markup stands between them.
    fix = None
    plain = doc.plain
    words = list(_WORDS.finditer(plain, start, min(len(plain), start + 200)))
    count = len(suggestion.split())
    if len(words) >= count:
        w_start, w_end = words[0].start(), words[count - 1].end()
        written = doc.text[w_start:w_end]
        if written == plain[w_start:w_end]:
            written = written.rstrip(",;:.")
            w_end = w_start + len(written)
            fix = Fix(
                f"replace {_quoted(written)} with {_quoted(suggestion)}",
                (Edit(w_start, w_end, suggestion),),
                safe=False,
            )
    return finding(start, end, f"unknown opening phrase {_quoted(shown)}: did you mean {_quoted(suggestion)}?", fix=fix)


# ---------------------------------------------------------------- P003


@rule("P003", "also-further-order", fixable=True)
def also_further_order(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """ "also" and "further" out of order in a run of one verb.

    ## What it does
    Follows each verb through the preamble and through the operative part:
    a plain use ("Recalling", "Encourages") starts a run, then "also", then
    "further" ("Recalling also", "Recalling further"; "Also encourages",
    "Further encourages").  Reports "Recalling also" or "Recalling
    further" with no plain "Recalling" before it, "Recalling further"
    straight after a plain "Recalling" (the run skips "also"), "Recalling
    also" after "Recalling further", and the adverb on the wrong side
    ("Further recalling", "Encourages also").  A run follows the verb
    whatever its particle ("*Calls for*", then "*Also calls upon*") and
    goes on across the sections of the operative part (numbering runs on
    across them); a section's own short preamble, and each body (a part A,
    B …, an annex built like a resolution), starts afresh.  "further" before the object is its adjective, not the
    verb's adverb ("*Encourages* further efforts").  Two plain "Recalling"
    in a row get a hint (severity hint): the second is usually "Recalling
    also".

    ## Why it matters
    "also" and "further" point back to an earlier paragraph with the same
    verb; out of order they point at nothing.  In the preamble the adverb
    follows the phrase, in the operative part it precedes the verb (UN
    practice; "Further recalling" is Model UN usage, not the Assembly's).

    ## Example
    ```
    *Recalling further* its resolution 75/1,

    *Recalling also* its resolution 70/1,
    ```

    ## Fix
    Reorder or reword the paragraphs: "Recalling", "Recalling also",
    "Recalling further" ("*Recalling further*" right after "*Recalling*"
    becomes "*Recalling also*").  An adverb on the wrong side is moved by a safe fix.
    """
    for part in doc.resolution_bodies():
        # A section's own preamble starts its own run (Part.preamble_groups).
        groups = [("preambular", g) for g in part.preamble_groups()] + [("operative", _operative(part))]
        for section, paragraphs in groups:
            yield from _runs(doc, section, paragraphs)


def _runs(doc: Document, section: str, paragraphs: list[Paragraph]) -> Iterator[Diagnostic]:
    """Follow each verb's run (plain, also, further) through one preamble or operative part."""
    runs: dict[str, tuple[str, Paragraph]] = {}  # head -> (state, paragraph): the last use of the head in the run
    previous: Paragraph | None = None  # the paragraph before, when it opens with a phrase of this section
    for p in paragraphs:
        o = p.opener
        if o is None or o.kind != section or o.first_person:
            previous = None
            _other_kind_goes_on(runs, section, o, p)
            continue
        head = _run_key(o.head)
        if o.adverb is None:
            twice = _twice_in_a_row(doc, section, previous, p)
            if twice is not None:
                yield twice
            runs[head] = ("plain", p)
        else:
            state = runs.get(head)
            runs[head] = (o.adverb, p)
            yield from _adverb_findings(doc, section, o, state)
        previous = p


def _other_kind_goes_on(runs: dict, section: str, o: Opener | None, p: Paragraph) -> None:
    """A verb of the other kind (P006 reports it) may be the run's "also" whose participle
    became a verb, or the other way round: the run goes on unjudged until its next plain use."""
    if o is None or o.kind not in ("preambular", "operative") or o.first_person:
        return
    other = _preambular_form(o.phrase) if section == "preambular" else _operative_form(o.head)
    if other:
        m = match_opener(other)
        if m is not None:
            runs[_run_key(m.head)] = ("unknown", p)


def _twice_in_a_row(doc: Document, section: str, previous: Paragraph | None, p: Paragraph) -> Diagnostic | None:
    """A hint for a plain "Recalling" right after another: the second is usually "Recalling also"."""
    o = p.opener
    if not (
        section == "preambular"
        and previous is not None
        and previous.opener.adverb is None
        and previous.opener.head == o.head
        and o.phrase.lower() == o.head
        and previous.opener.phrase.lower() == o.head
        # P002 names the real slip ("Reaffirming furhter")
        and _misspelt_adverb(doc, o.span.end) is None
        and _misspelt_adverb(doc, previous.opener.span.end) is None
    ):
        return None
    verb = _quoted(o.head[0].upper() + o.head[1:])
    return finding(
        o.span.start,
        o.span.end,
        f"{verb} twice in a row: the second is usually {_quoted(o.phrase + ' also')}",
        related=((previous.opener.span.start, previous.opener.span.end, f"the first {verb}"),),
        severity=Severity.HINT,
    )


def _adverb_findings(
    doc: Document, section: str, o: Opener, state: tuple[str, Paragraph] | None
) -> Iterator[Diagnostic]:
    """An "also" or "further" judged against the run so far (``state``: the head's last use)."""
    adverb = o.adverb
    leading = o.phrase[: len(adverb)].lower() == adverb
    if leading == (section == "preambular"):
        yield _adverb_on_the_wrong_side(doc, section, o)
        return  # one slip, one finding: the run is judged once it is fixed
    if state is None:
        verb = _quoted(o.head[0].upper() + o.head[1:])
        yield finding(
            o.span.start, o.span.end, f"{_quoted(o.phrase)} with no plain {verb} before it: expected {verb} first"
        )
    elif adverb == "further" and state[0] == "plain":
        yield _further_after_plain(doc, o, state[1].opener)
    elif adverb == "also" and state[0] == "further":
        earlier = state[1].opener
        yield finding(
            o.span.start,
            o.span.end,
            f"{_quoted(o.phrase)} after {_quoted(earlier.phrase)} (line {earlier.span.line + 1}): “also” comes before “further”",
            related=((earlier.span.start, earlier.span.end, f"{_quoted(earlier.phrase)} is here"),),
        )


def _adverb_on_the_wrong_side(doc: Document, section: str, o: Opener) -> Diagnostic:
    """ "Further recalling", "Encourages also": the fix writes the lexicon's form (safe)."""
    start, end, adverb = o.span.start, o.span.end, o.adverb
    right = suggest_opener(o.phrase, section)
    where = "follows the phrase" if section == "preambular" else "precedes the verb"
    context = "in the preamble" if section == "preambular" else "in an operative paragraph"
    fix = None
    if right and doc.text[start:end] == doc.plain[start:end]:
        fix = Fix(f"write {_quoted(right)}", (Edit(start, end, right),))
    expected = _quoted(right) if right else f"{_quoted(adverb)} moved"
    return finding(
        start, end, f"{_quoted(o.phrase)}: {context} {_quoted(adverb)} {where}: expected {expected}", fix=fix
    )


def _further_after_plain(doc: Document, o: Opener, earlier: Opener) -> Diagnostic:
    """ "Recalling further" straight after a plain "Recalling": the run skips "also"."""
    start, end = o.span.start, o.span.end
    text, plain = doc.text, doc.plain
    also = _quoted(_with_adverb(o, "also"))
    # "further" -> "also": a guess (an "also" paragraph may have been dropped instead), so an unsafe fix.
    fix = None
    word = re.search(r"\bfurther\b", plain[start:end], re.I)
    if word is not None:
        a, b = start + word.start(), start + word.end()
        if text[a:b] == plain[a:b]:
            new = "Also" if text[a].isupper() else "also"
            fix = Fix(f"write {also}", (Edit(a, b, new),), safe=False)
    return finding(
        start,
        end,
        f"{_quoted(o.phrase)} after a plain {_quoted(earlier.phrase)} (line {earlier.span.line + 1}) "
        f"with no “also” between: expected {also}",
        related=((earlier.span.start, earlier.span.end, f"{_quoted(earlier.phrase)} is here"),),
        fix=fix,
    )


_PARTICLES = frozenset(("for", "on", "upon"))


def _run_key(head: str) -> str:
    """The verb a run follows: "calls for", "calls upon" and "calls on" are
    one verb ("*Calls for* …; *Also calls upon* …")."""
    first, _, rest = head.partition(" ")
    return first if rest in _PARTICLES else head


def _with_adverb(o, adverb: str) -> str:
    """The opener with ``adverb`` in place of its also/further, where it stands."""
    return re.sub(
        rf"\b{o.adverb}\b",
        lambda m: adverb.capitalize() if m.group()[0].isupper() else adverb,
        " ".join(o.phrase.split()),
        count=1,
        flags=re.I,
    )


# ---------------------------------------------------------------- P004 / P005


_FINAL_MARKS = ",;.:"
# Invisible format characters (a left-to-right mark after the final comma):
# no mark, and not the paragraph's last character either.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
_CLOSING_QUOTES = frozenset("”’\"'»")


def _final(doc: Document, p: Paragraph) -> tuple[str, Span | None]:
    """The paragraph's final mark and its span, read through what follows it
    without being text: invisible characters ("Change,\u200e") and closing
    quotation marks ("… Least Developed Countries.”" ends with a full stop)."""
    mark, span = p.final_mark, p.final_mark_span
    if mark or span is None:
        return mark, span
    plain, lo = doc.plain, p.span.start
    j = span.end
    while j > lo and (plain[j - 1] in _INVISIBLE or plain[j - 1].isspace()):
        j -= 1
    k = j
    while k > lo and plain[k - 1] in _CLOSING_QUOTES:
        k -= 1
    if k > lo and plain[k - 1] in _FINAL_MARKS and (k < span.end):
        return plain[k - 1], Span(k - 1, k, span.source)
    return mark, span


def _ending_fix(doc: Document, p: Paragraph, expected: str, colon_safe: bool = True) -> tuple[int, int, Fix | None]:
    """Where the wrong or missing final mark is, and the fix that puts ``expected`` there."""
    final_mark, span = _final(doc, p)
    if span is None:
        end = p.span.end
        return end, end, None
    if final_mark:
        # A wrong mark: the right one is certain.  A colon may announce a list
        # that went missing, so replacing it is a guess.
        safe = colon_safe or final_mark != ":"
        return (
            span.start,
            span.end,
            Fix(
                f"replace {_quoted(final_mark)} with {_quoted(expected)}",
                (Edit(span.start, span.end, expected),),
                safe=safe,
            ),
        )
    # No mark after the last word: the paragraph may go on after a page break.
    # The mark goes after closing emphasis or a link target, before a
    # footnote marker (the marker follows punctuation).
    word_end = span.end
    insert_at = _CLOSING_MARKUP.match(doc.text, word_end).end()
    word_start = word_end - 1
    plain = doc.plain
    while word_start > p.span.start and not plain[word_start - 1].isspace():
        word_start -= 1
    return word_start, word_end, Fix(f"add {_quoted(expected)}", (Edit(insert_at, insert_at, expected),), safe=False)


def _found_mark(doc: Document, p: Paragraph) -> str:
    final_mark = _final(doc, p)[0]
    if final_mark:
        return f"with {_quoted(final_mark)}"
    last = p.text.rsplit(None, 1)[-1] if p.text.strip() else ""
    return f"without a mark after {_quoted(last[-20:])}"


@rule("P004", "preambular-ending", fixable=True)
def preambular_ending(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A preambular paragraph that does not end with a comma.

    ## What it does
    Reports a preambular paragraph that ends with a semicolon, a full stop
    or no mark at all.  A paragraph that ends with a colon before its
    subparagraphs is right.  The mark is read through closing quotation
    marks and invisible characters (a comma followed by a left-to-right
    mark is a comma).

    ## Why it matters
    The preamble is one long sentence whose subject is "The General
    Assembly,": every preambular paragraph ends with a comma (Editorial
    Manual; AKN4UN).  A semicolon usually means an operative paragraph was
    turned into a preambular one, or the other way round.

    ## Example
    ```
    *Recalling* its resolution 70/1 of 25 September 2015;
    ```

    ## Fix
    End the paragraph with a comma.  Replacing a wrong mark is safe; adding
    a missing one after a word is unsafe (the paragraph may continue after
    a page break).
    """
    for part in doc.resolution_bodies():
        for p in part.preamble:
            final_mark = _final(doc, p)[0]
            if final_mark == "," or (final_mark == ":" and p.subparagraphs):
                continue
            if p.number is not None and final_mark == ";":
                continue  # an operative paragraph in the preamble: P006 says so
            start, end, fix = _ending_fix(doc, p, ",", colon_safe=False)
            yield finding(start, end, f"preambular paragraph ends {_found_mark(doc, p)}: expected “,”", fix=fix)


@rule("P005", "operative-ending", fixable=True)
def operative_ending(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An operative paragraph or subparagraph with the wrong final mark.

    ## What it does
    Reports an operative paragraph or subparagraph that does not end with a
    semicolon, and the last operative paragraph (or its last subparagraph)
    that does not end with a full stop.  A paragraph ending with a colon
    that introduces subparagraphs, numbered paragraphs or an instrument is
    right as it is ("… the following:" before (a)–(p); "*Resolves* that,
    for 2022:"), and so is one that ends "as follows:" before the next
    paragraph (it announces a table or a quoted text that renderings leave
    out; the last paragraph gets no such pass).  The text such a paragraph
    introduces is not checked.  The
    mark is read through closing quotation marks ("the sub-item entitled
    “Follow-up to … Countries.”" ends with a full stop).

    ## Why it matters
    The operative part is one sentence: "The General Assembly, … 1.
    *Requests* …; 2. *Decides* … ." (UN practice in every resolution of the
    corpus).  A full stop in the middle or a semicolon at the end shows a
    paragraph was moved, dropped or added.

    ## Example
    ```
    17. *Requests* the Secretary-General to submit a report.

    18. *Decides* to include in the provisional agenda …;
    ```

    ## Fix
    End each paragraph with a semicolon and the last with a full stop.
    Replacing a wrong mark is safe; adding a missing one after a word is
    unsafe (the paragraph may continue after a page break).
    """
    for part in doc.resolution_bodies():
        paragraphs = _operative(part)
        if not paragraphs:
            continue
        follows = {id(a): b for a, b in zip(part.operative, part.operative[1:], strict=False)}
        last = paragraphs[-1]
        numbered = any(p.number is not None for p in paragraphs)
        for p in paragraphs:
            if _final(doc, p)[0] == "," and _misplaced_preambular(p, numbered):
                continue  # a preambular paragraph among the operative ones: P006 says so
            tree = list(p.walk())
            for index, q in enumerate(tree):
                final = p is last and index == len(tree) - 1
                expected = "." if final else ";"
                final_mark = _final(doc, q)[0]
                if final_mark == expected:
                    continue
                if final_mark == ":" and _introduces(q, follows.get(id(q))):
                    continue
                start, end, fix = _ending_fix(doc, q, expected, colon_safe=False)
                where = f"the last {_label(q)}" if final and q.kind != "subparagraph" else _label(q)
                if final and q.kind == "subparagraph":
                    where = f"{_label(q)}, the last of the operative part,"
                yield finding(start, end, f"{where} ends {_found_mark(doc, q)}: expected {_quoted(expected)}", fix=fix)


# "… shall be as follows:" announces a table or a quoted text, which the
# published text sets apart and its renderings leave out (A/RES/79/249 ¶12:
# the scale of assessments).
_ANNOUNCES_TABLE = re.compile(r"\bas\s+follows\s*:\s*$")


def _introduces(p: Paragraph, following: Paragraph | None) -> bool:
    """Does the colon at the end of ``p`` introduce what follows it?"""
    if p.subparagraphs:
        return True
    if following is None:
        # The last paragraph: what it announces would end the resolution, and
        # a lost full stop or lost text there is a fault worth reporting.
        return False
    # An instrument or budget paragraphs, a numbered sub-list restarting at 1,
    # or a table the rendering leaves out before the next paragraph.
    return following.introduced or following.number_value == 1 or bool(_ANNOUNCES_TABLE.search(p.text[-40:]))


# ---------------------------------------------------------------- P006


@rule("P006", "misplaced-paragraph-kind")
def misplaced_paragraph_kind(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An operative paragraph in the preamble, or a preambular one among the operative paragraphs.

    ## What it does
    Reports a numbered paragraph in the preamble, a numbered paragraph that
    opens with a preambular participle ("5. *Recognizing* …"), and an
    operative verb opening an unnumbered paragraph among numbered ones (a
    preambular paragraph whose participle became a verb).  A single
    operative paragraph is rightly unnumbered (A/RES/77/5), as is one that
    ends with a colon to introduce an instrument or budget paragraphs.

    ## Why it matters
    Preambular paragraphs are unnumbered and open with a participle;
    operative paragraphs are numbered and open with a verb (Editorial
    Manual).  A paragraph with the features of both was moved or
    half-edited during negotiation, and the numbering around it is off.

    ## Example
    ```
    *Noting also* that the decisions …,

    *Notes* the Secretary-General's statement …,

    1. *Reaffirms* its commitment …;
    ```

    ## Fix
    Make the paragraph one kind: "*Noting*" without a number in the
    preamble, or a number and "*Notes*" in the operative part.
    """
    for part in doc.resolution_bodies():
        for p in part.preamble:
            if p.number is not None:
                yield _numbered_preambular(p)
            elif p.opener is not None and p.opener.kind == "operative" and not p.opener.first_person:
                yield _verb_in_preamble(p.opener)
        numbered_in = _numbered_sections(part)
        for p in _operative(part):
            if _misplaced_preambular(p, numbered_in.get(id(p), False)):
                yield _preambular_among_operative(p)


def _numbered_preambular(p: Paragraph) -> Diagnostic:
    o = p.opener
    phrase = f" ({_quoted(o.phrase)})" if o is not None else ""
    span = p.number_span or p.span
    return finding(
        span.start,
        span.end,
        f"preambular paragraph{phrase} is numbered {_quoted(p.number)}: expected no number, "
        "or an operative verb if it belongs to the operative part",
    )


def _verb_in_preamble(o: Opener) -> Diagnostic:
    participle = _preambular_form(o.phrase)
    expected = f"a participle ({_quoted(participle)})" if participle else "a participle"
    return finding(
        o.span.start,
        o.span.end,
        f"preambular paragraph opens with the operative verb {_quoted(o.phrase)}: expected {expected}",
    )


def _numbered_sections(part: Part) -> dict[int, bool]:
    """Whether each operative paragraph's section is numbered (Part.operative_groups):
    a section of one unnumbered paragraph among numbered ones is right."""
    numbered_in: dict[int, bool] = {}
    for group in part.operative_groups():
        numbered = any(q.number is not None for q in group if not q.introduced)
        numbered_in.update((id(p), numbered) for p in group)
    return numbered_in


def _preambular_among_operative(p: Paragraph) -> Diagnostic:
    o = p.opener
    if p.number is not None:
        verb = _operative_form(o.head)
        expected = f"an operative verb ({_quoted(verb)})" if verb else "an operative verb"
        message = (
            f"operative paragraph {p.number_value} opens with the participle {_quoted(o.phrase)}: expected {expected}"
        )
    else:
        message = (
            f"unnumbered paragraph opens with the operative verb {_quoted(o.phrase)} among numbered operative "
            "paragraphs: expected a number, or a preambular participle if it belongs to the preamble"
        )
    return finding(o.span.start, o.span.end, message)


def _preambular_form(phrase: str) -> str | None:
    """The participle for an operative verb: "Recalls" -> "Recalling", "Also notes" -> "Noting also"."""
    words = phrase.split()
    adverb = None
    if words and words[0].lower() in ("also", "further"):
        adverb, words = words[0].lower(), words[1:]
    if not words:
        return None
    first, rest = words[0].lower(), " ".join(words[1:])
    stems = [first[:-1]] if first.endswith("s") else []
    if first.endswith("es"):
        stems.append(first[:-2])
    for stem in stems:
        for participle in (stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else None):
            if participle is None:
                continue
            candidate = " ".join(x for x in (participle, rest, adverb) if x)
            candidate = candidate[0].upper() + candidate[1:]
            m = match_opener(candidate)
            if m is not None and m.kind == "preambular":
                return candidate
    return None


def _operative_form(head: str) -> str | None:
    """The operative verb for a preambular participle: "recognizing" -> "Recognizes"."""
    first, _, rest = head.partition(" ")
    if not first.endswith("ing"):
        return None
    stem = first[:-3]
    for verb in (stem + "s", stem + "es"):
        candidate = (verb + " " + rest).strip()
        candidate = candidate[0].upper() + candidate[1:]
        m = match_opener(candidate)
        if m is not None and m.kind == "operative" and not m.first_person and m.length == len(candidate):
            return candidate
    return None


def _misplaced_preambular(p: Paragraph, numbered: bool) -> bool:
    """Is this paragraph of the operative part really a preambular one?

    A numbered paragraph that opens with a participle, or an unnumbered one
    that opens with an operative verb among numbered paragraphs.
    """
    o = p.opener
    if o is None or o.first_person:
        return False
    if p.number is not None:
        return o.kind == "preambular"
    return numbered and o.kind == "operative"


# ---------------------------------------------------------------- P007

# A figure and the per cent sign: "12%", "12 %", "0.7%", "1,5 %".  The figure
# starts a word (not "No.5%", "…/5%") and the sign ends one: an escape in a web
# address ("2023%20Declaration.pdf") is followed by its two hex digits.
_PER_CENT_SIGN = re.compile(r"(?<![\w.,/%])(\d+(?:[.,]\d+)*)([ \u00a0\u202f]?)%(?![\w%])")
_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")


@rule("P007", "per-cent-sign", fixable=True)
def per_cent_sign(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A figure with the per cent sign ("12%") instead of "per cent".

    ## What it does
    Reports a figure followed by the per cent sign, with or without a space
    ("12%", "6.3 %"), in the title and in the paragraphs and subparagraphs
    of the resolution and its annexes.  The escapes of a web address
    ("2023%20Declaration.pdf") are not per cent signs; footnotes (they cite
    titles and addresses as published), tables and their notes, and the
    text of another organ are left alone.

    ## Why it matters
    The per cent sign is not used in the text of a resolution: "6.3 per
    cent" (Editorial Manual, numbers; every resolution in the corpus).

    ## Example
    ```
    *Noting* that remittance costs remained at 6.3% in 2021,
    ```

    ## Fix
    Write the words: "6.3 per cent".  The fix is safe.
    """
    if "%" not in doc.text:
        return  # the fast path of nearly every document: no sign, nothing to read
    seen: set[int] = set()  # a paragraph may be reached twice ("(a) (i) …" in A/RES/79/243's annex)
    for start, end in _prose_ranges(doc):
        for m in _PER_CENT_SIGN.finditer(doc.plain, start, end):
            if m.start() in seen:
                continue
            seen.add(m.start())
            yield _per_cent_finding(doc, m)


def _prose_ranges(doc: Document) -> Iterator[tuple[int, int]]:
    """The source ranges P007 reads: the title and every paragraph's segments."""
    if doc.title is not None:
        yield doc.title.span.start, doc.title.span.end
    for p in doc.paragraphs():
        yield from p.segments


def _per_cent_finding(doc: Document, m: re.Match) -> Diagnostic:
    figure, space = m.group(1), m.group(2)
    words = figure + (space if space == "\u00a0" else " ") + "per cent"  # a no-break space stays
    written = m.group(0)
    fix = None
    # No fix where markup stands between the figure and the sign, or in a range
    # ("50%-60%" reads "50–60 per cent": a rewording, not a replacement).
    if doc.text[m.start() : m.end()] == written and not _RANGE_AFTER.match(doc.plain, m.end()):
        fix = Fix(f"write {_quoted(words)}", (Edit(m.start(), m.end(), words),))
    return finding(m.start(), m.end(), f"per cent sign in {_quoted(written)}: expected {_quoted(words)}", fix=fix)
