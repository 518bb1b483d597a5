"""Structure (S): what the parser found out of place or missing."""

from __future__ import annotations

from collections.abc import Iterator

from ..kinds import BlockKind
from ..model import Document, Problem
from .base import Diagnostic, Phase, RuleContext, finding, rule


@rule("S001", "unrecognised-block")
def unrecognised_block(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A block in the body that is not part of a resolution.

    ## What it does
    Reports a block of text that the parser could not read as any part of a
    resolution: not a header line, paragraph, subparagraph, heading,
    footnote or plenary line.

    ## Why it matters
    A stray table row, a pasted e-mail line or a comment left in a draft
    ends up in the text that goes to the editors.

    ## Example
    ```
    *Recalling* its resolution 70/1 of 25 September 2015,

    From: drafting-group@example.org
    ```

    ## Fix
    Delete the block, or turn it into a paragraph of the resolution.
    """
    for block in doc.unrecognised:
        if block.placement.problem is Problem.UNRECOGNISED:
            first_line = block.text.strip().splitlines()[0][:60] if block.text.strip() else ""
            yield finding(
                block.span.start, block.span.end, f"unrecognised block: “{first_line}” is not part of a resolution"
            )


@rule("S002", "missing-opener")
def missing_opener(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Paragraphs with no "The General Assembly," before them.

    ## What it does
    Reports a resolution body (or a part A, B …) that has preambular or
    operative paragraphs but no opener "*The General Assembly,*".

    ## Why it matters
    Every resolution opens with the name of the organ (Editorial Manual,
    "Resolutions and decisions"); a draft that lost it in editing reads as
    a list of clauses with no subject.

    ## Example
    ```
    ### 77/176. International migration and development

    *Recalling* its resolutions …
    ```

    ## Fix
    Insert "*The General Assembly,*" on its own line before the first paragraph.
    """
    if doc.kind == "other-organ":
        return
    if any(block.kind is BlockKind.OPENER for block in doc.unrecognised):
        return  # the opener is there, out of place: S004 says so, once
    for part in doc.parts:
        if part.opener is None and (part.preamble or part.operative):
            first = (part.preamble or part.operative)[0]
            yield finding(
                first.span.start,
                first.span.start + max(1, len(first.opener.phrase) if first.opener else 1),
                'missing opener: expected "The General Assembly," before the first paragraph',
            )


@rule("S003", "missing-plenary-line")
def missing_plenary_line(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An adopted resolution (or part) without its closing plenary line.

    ## What it does
    In a document that presents itself as adopted (a "Resolution adopted by
    the General Assembly on …" line, a numbered title or an A/RES symbol),
    reports a body with no closing line "53rd plenary meeting / 14 December
    2022", or a plenary line without its date.  Drafts and fragments need
    none and are not checked.

    ## Why it matters
    The plenary line records where and when the text was adopted; the
    Editorial Manual requires it at the end of every resolution and of
    every part of one.

    ## Example
    ```
    18. *Decides* to include in the provisional agenda …

    (end of document)
    ```

    ## Fix
    Add the meeting and the date: "*53rd plenary meeting*" / "*14 December 2022*".
    """
    if doc.kind != "adopted":
        return
    misplaced_plenary = any(block.kind is BlockKind.PLENARY for block in doc.unrecognised)
    for part in doc.parts:
        if not (part.preamble or part.operative):
            continue
        if part.plenary is None:
            if misplaced_plenary:
                continue  # the plenary line is there, out of place: S004 says so, once
            last = part.operative[-1] if part.operative else part.preamble[-1]
            end = max(p.span.end for p in last.walk())  # after its last subparagraph, where the line belongs
            label = f"part {part.label}" if part.label else "the resolution"
            yield finding(
                end,
                end,
                f"missing plenary line: {label} is adopted but ends without “Nth plenary meeting” and its date",
            )
        elif part.plenary.date is None:
            yield finding(
                part.plenary.span.start,
                part.plenary.span.end,
                "plenary line without a date: expected the meeting's date after it",
            )


@rule("S004", "misplaced-block")
def misplaced_block(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A block where the anatomy of a resolution does not allow it.

    ## What it does
    Reports a block the grammar rejects where it stands: an operative
    paragraph before "The General Assembly,", a preambular paragraph after
    the operative part, a subparagraph with no paragraph, a second opener.

    ## Why it matters
    The order header – opener – preamble – operative part – plenary line is
    fixed (Editorial Manual; AKN4UN).  A paragraph moved during negotiation
    often lands on the wrong side of the line.

    ## Example
    ```
    1. *Takes note* of the report of the Secretary-General;

    *Recalling* its resolution 70/1,
    ```

    ## Fix
    Move the block to its section, or change its opening phrase.
    """
    for block in doc.unrecognised:
        if block.placement.problem is not Problem.UNRECOGNISED:
            where = block.placement.description.capitalize().rstrip(".")
            yield finding(block.span.start, block.span.end, f"{where} is out of order")


@rule("S005", "not-general-assembly", other_organ=True)
def not_general_assembly(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A text of another organ.

    ## What it does
    Reports, once, a document whose opener names another organ ("The
    Security Council,", "The Economic and Social Council,").  No other
    structural rule runs on it.

    ## Why it matters
    resolint knows the anatomy of General Assembly resolutions; another
    organ's text follows other conventions, and a pile of findings about
    them would help nobody.

    ## Example
    ```
    The Security Council,

    Recalling its resolution 2334 (2016),
    ```

    ## Fix
    None needed: lint General Assembly texts with resolint.
    """
    if doc.other_organ:
        name, span = doc.other_organ
        yield finding(
            span.start,
            span.end,
            f"not a General Assembly text: the opener names the {name}, expected “The General Assembly,”",
        )


@rule("S006", "unused-suppression", fixable=True, phase=Phase.AFTER_SUPPRESSIONS)
def unused_suppression(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A suppression comment that suppresses nothing.

    ## What it does
    Reports a `<!-- resolint: disable… -->` comment that no longer hides
    any finding: the paragraph was corrected, the rule's code is misspelt or
    unknown, or the comment sits on the wrong line.  A comment that names
    several codes is reported for the ones it does not use.  Codes that are
    not selected for the file are not reported (their rule did not run).
    The linter runs this rule after the suppressions are applied.

    ## Why it matters
    A stale suppression hides the next real mistake on that line, and a
    comment with a misspelt code never worked at all.

    ## Example
    ```
    <!-- resolint: disable-next-line P001 -->
    *Recalling* its resolution 70/1,
    ```
    ("Recalling" is italic: there is no P001 finding to suppress.)

    ## Fix
    Remove the comment, or the codes it does not need (a safe fix).
    """
    from ..suppressions import unused_suppressions

    yield from unused_suppressions(doc, ctx.selected)
