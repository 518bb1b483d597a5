"""Block tokens -> the Lark grammar -> the document model.

The grammar (``grammar/resolution.lark``) reads one token per block, named
by the block's :class:`~resolint.kinds.BlockKind`, so the parser is built
once per process and its tables are cached across processes (``cache=True``).
A block the grammar does not accept where it stands is set aside with its
:class:`~resolint.model.Placement` (what it is, what stands before it, what
the grammar expected there), and parsing resumes as if it were absent: a
draft always yields a model, never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer
from lark.parsers.lalr_analysis import Shift

from . import annex as annexes
from . import readers
from .citations import find_citations
from .dates import find_dates
from .grammars import grammar_text
from .kinds import TERMINAL_NAMES
from .model import (
    Annex,
    DateMention,
    Document,
    Footnote,
    FootnoteMarker,
    Heading,
    Opener,
    Paragraph,
    Part,
    Placement,
    PlenaryLine,
    Problem,
    Section,
    Span,
    TableNote,
    Title,
    UnrecognisedBlock,
)
from .readers.blocks import PLENARY, SET_ASIDE_KINDS, TITLE, Block, BlockKind
from .source import Source

_FINAL_MARKS = ",;.:"
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:)\]])")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


# Blocks the grammar never sees, wherever they stand: footnotes, page breaks
# and the notes of a table the text does not carry.
_IGNORED_KINDS = SET_ASIDE_KINDS | {BlockKind.TABLE_NOTE}


class _BlockToken(Token):
    """Lark's token for one block: the kind's terminal name, and the block's
    index among the document's blocks for its position (it has no line or
    column of its own).

    Made directly rather than by ``Token(name, name, index)``, whose
    constructor passes its arguments on through a second call that checks
    for a deprecated keyword: that took 14.6M instructions for the tokens of
    a seed corpus pass, this takes 9.4M.
    """

    __slots__ = ()

    def __new__(cls, name: str, index: int) -> _BlockToken:
        token = str.__new__(cls, name)
        token.type = token.value = name
        token.start_pos = index
        token.line = token.column = token.end_line = token.end_column = token.end_pos = None
        return token


def _block_tokens(kinds: list[BlockKind]) -> Iterator[Token]:
    """One token per block the grammar reads: its kind is the terminal, its
    index among the document's blocks the position."""
    terminal = TERMINAL_NAMES
    for index, kind in enumerate(kinds):
        if kind not in _IGNORED_KINDS:
            yield _BlockToken(terminal[kind], index)


class _BlockKindLexer(Lexer):
    """Lark's lexer for a list of block kinds, one token a block.

    The readers have already cut and classified the blocks, so there is
    nothing to scan: the lexer makes a token of each kind.  It takes the list,
    or an iterator of its tokens, which it hands on as it is.
    """

    def __init__(self, lexer_conf):
        pass

    def lex(self, data: list[BlockKind] | Iterator[Token]) -> Iterator[Token]:
        return _block_tokens(data) if isinstance(data, list) else data


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    text = grammar_text("resolution.lark")
    return Lark(text, parser="lalr", lexer=_BlockKindLexer, cache=True, maybe_placeholders=False)


# The kinds of paragraph that are out of order above the opener when the opener comes later.
_PARAGRAPHS_BEFORE_OPENER = frozenset(
    (BlockKind.NUMBERED, BlockKind.PREAMBULAR, BlockKind.UNNUMBERED_OPERATIVE, BlockKind.LETTERED, BlockKind.ROMAN)
)
_TERMINALS = frozenset(BlockKind)


_LONE_CR = re.compile(r"\r(?!\n)")


def parse(text: str, fmt: str | None = None, path: str = "-", *, extra_preambular=(), extra_operative=()) -> Document:
    """Read ``text`` in format ``fmt`` ("markdown" or "text") into a :class:`Document`."""
    fmt = fmt or readers.format_for_path(path) or readers.sniff_format(text)
    source = Source(text, path)
    # A lone CR ends a line (old Mac files): the readers' patterns know "\n",
    # so they read a copy with each lone CR as LF — same length, same offsets.
    reader_text = _LONE_CR.sub("\n", text) if "\r" in text else text
    if fmt == "markdown":
        from .readers.markdown import read_markdown

        result = read_markdown(reader_text, extra_preambular, extra_operative)
    else:
        from .readers.plaintext import read_plaintext

        result = read_plaintext(reader_text, extra_preambular, extra_operative)
    builder = _Builder(source, fmt, result)
    return builder.build()


class _Builder:
    def __init__(self, source: Source, fmt: str, result: readers.ReadResult):
        self.source = source
        self.result = result
        self.blocks = result.blocks
        self.plain = result.plain
        self.doc = Document(source=source, format=fmt, plain=result.plain)
        self.misplaced: dict[int, Placement] = {}  # block index -> why the parser set it aside
        self._first_last: tuple[dict[str, int], dict[str, int]] | None = None
        self.annex_regions: dict = {}  # block index of each "Annex" line -> its region (resolint/annex.py)
        # Each "Adopts the following declaration:" with its part and the paragraphs it introduces.
        self.adopting: list[tuple[Part, Paragraph, list[Paragraph]]] = []

    # ------------------------------------------------------------ entry
    def build(self) -> Document:
        doc = self.doc
        self._footnotes_and_markers()
        self._table_notes()
        self._operative_verbs_in_preamble()
        # Annexes are read by resolint/annex.py: the grammar sees one "Annex" block of each.
        kinds = annexes.prepare(self, [b.kind for b in self.blocks])
        tree = self._parse(kinds)
        if tree is not None:
            self._walk(tree)
            self._displaced_adopted_text()
        for index, placement in sorted(self.misplaced.items()):
            block = self.blocks[index]
            doc.unrecognised.append(
                UnrecognisedBlock(
                    self.source.text[block.start : block.end], self._span(block.start, block.end), placement
                )
            )
        self._inline()
        self._kind()
        if doc.header.symbol is None and self.result.metadata.get("symbol"):
            doc.header.symbol = self.result.metadata["symbol"]
        first = next((b for b in self.blocks if b.kind not in SET_ASIDE_KINDS), None)
        if first is not None:
            last = next(b for b in reversed(self.blocks) if b.kind not in SET_ASIDE_KINDS)
            doc.body_span = self._span(first.start, last.end)
        return doc

    def _operative_verbs_in_preamble(self) -> None:
        """Read "Recalls …," between two preambular paragraphs as a preambular paragraph.

        A participle turned into a verb in drafting ("*Recalls* its
        resolution …,") would otherwise open the operative part there and put
        every preambular paragraph after it out of order: one slip, a cascade
        of findings.  Kept preambular, it gets one finding (P006).
        """
        significant = [b for b in self.blocks if b.kind not in SET_ASIDE_KINDS]
        for before, block, after in zip(significant, significant[1:], significant[2:], strict=False):
            if (
                block.kind == BlockKind.UNNUMBERED_OPERATIVE
                and before.kind in (BlockKind.OPENER, BlockKind.PREAMBULAR)
                and after.kind == BlockKind.PREAMBULAR
            ):
                block.kind = BlockKind.PREAMBULAR

    def _parse(self, kinds: list[BlockKind]) -> Tree | None:
        parser = grammar_parser()
        # Outside another organ's text an unrecognised block is an error
        # wherever it stands, and error recovery skips it.  Taking those
        # blocks out beforehand gives the same tree without the recovery
        # search for each one (a pasted table of thousands of lines).
        positions: list[int] | None = None
        if BlockKind.UNRECOGNISED in kinds and BlockKind.OTHER_ORGAN_OPENER not in kinds:
            positions = [i for i, kind in enumerate(kinds) if kind is not BlockKind.UNRECOGNISED]
            for i, kind in enumerate(kinds):
                if kind is BlockKind.UNRECOGNISED:
                    self._set_aside(i, Problem.UNRECOGNISED)
            kinds = [kinds[i] for i in positions]
        tree = self._parse_recovering(parser, kinds, positions)
        if tree is not None and positions is not None:
            for token in tree.scan_values(lambda v: isinstance(v, Token)):
                token.start_pos = positions[token.start_pos]
        return tree

    def _parse_recovering(self, parser: Lark, kinds: list[BlockKind], positions: list[int] | None) -> Tree | None:
        """Parse the block kinds, recording each block the grammar does not
        expect where it stands and reading the rest as if it were absent.

        The blocks to set aside are chosen first on the parser's state
        stack alone (:func:`_fewest_skips`), then the others are fed to the
        parser, which accepts each of them: no exception per misplaced block,
        and no reduction done for a block that is then refused.  Setting
        every block aside is always a reading (every part of the grammar is
        optional), so a search that finds none, or a parse that still fails,
        is a bug: the document then has no structure (None) rather than a
        wrong one.
        """
        try:
            # Most documents parse as they stand: the recovery search is for
            # the ones that do not.
            return parser.parse(_block_tokens(kinds))
        except UnexpectedInput:
            pass
        interactive = parser.parse_interactive()
        states = interactive.parser_state.parse_conf.states
        tokens = list(_block_tokens(kinds))
        skips = _fewest_skips(interactive.parser_state.parse_conf, [t.type for t in tokens])
        if skips is None:
            return None
        token = None
        for number, token in enumerate(tokens):
            if number in skips:
                index = token.start_pos if positions is None else positions[token.start_pos]
                expected = frozenset(
                    BlockKind(k) for k in states[interactive.parser_state.state_stack[-1]] if k in _TERMINALS
                )
                self._set_aside(index, self._problem(index), expected)
            else:
                interactive.feed_token(token)
        try:
            return interactive.feed_eof(token)
        except UnexpectedInput:
            return None

    def _kind_positions(self) -> tuple[dict[str, int], dict[str, int]]:
        """First and last block index of each kind, built once: ``_problem``
        runs for every misplaced block, and a set of the kinds before each
        one made a document of many misplaced blocks quadratic."""
        if self._first_last is None:
            first: dict[str, int] = {}
            last: dict[str, int] = {}
            for i, b in enumerate(self.blocks):
                first.setdefault(b.kind, i)
                last[b.kind] = i
            self._first_last = (first, last)
        return self._first_last

    def _problem(self, index: int) -> Problem:
        """What is wrong with a block the grammar refused where it stands."""
        kind = self.blocks[index].kind
        if kind is BlockKind.UNRECOGNISED:
            return Problem.UNRECOGNISED
        first, last = self._kind_positions()

        def seen(kind: BlockKind) -> bool:
            return first.get(kind, index) < index

        if kind in (BlockKind.PREAMBULAR, BlockKind.NUMBERED_PREAMBULAR) and (
            seen(BlockKind.NUMBERED) or seen(BlockKind.UNNUMBERED_OPERATIVE) or seen(BlockKind.INTRODUCING)
        ):
            return Problem.AFTER_OPERATIVE
        if not seen(BlockKind.OPENER) and kind in _PARAGRAPHS_BEFORE_OPENER and last.get(BlockKind.OPENER, -1) >= index:
            return Problem.BEFORE_OPENER
        if kind in (BlockKind.LETTERED, BlockKind.ROMAN):
            return Problem.NO_PARAGRAPH
        if kind is BlockKind.OPENER and seen(BlockKind.OPENER):
            return Problem.SECOND_OPENER
        return Problem.OUT_OF_PLACE

    def _set_aside(self, index: int, problem: Problem, expected: frozenset[BlockKind] = frozenset(), detail="") -> None:
        """Record block ``index`` as set aside (the first reason given for it stands)."""
        if index in self.misplaced:
            return
        previous = next(
            (self.blocks[i].kind for i in range(index - 1, -1, -1) if self.blocks[i].kind not in SET_ASIDE_KINDS),
            None,
        )
        self.misplaced[index] = Placement(problem, self.blocks[index].kind, previous, expected, detail)

    # ------------------------------------------------------------ helpers
    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, self.source)

    def _block_text(self, block: Block) -> str:
        """The block's words: markup blanked, number or label left out, segments joined."""
        plain, content_start = self.plain, block.content_start
        segments = block.segments
        if len(segments) == 1:  # most blocks: no join to build
            s, e = segments[0]
            joined = _single_spaced(plain[content_start if s <= content_start < e else s : e])
        else:
            joined = _single_spaced(
                " ".join(plain[content_start if s <= content_start < e else s : e] for s, e in segments)
            )
        # Blanked markup leaves "70/1 ," behind a link; most paragraphs have none.
        if " ," in joined or " ." in joined or " ;" in joined or " :" in joined or " )" in joined:
            joined = _SPACE_BEFORE_PUNCT.sub(r"\1", joined)
        return joined

    # ------------------------------------------------------------ tree walk
    def _walk(self, tree: Tree) -> None:
        root = tree.children[0] if tree.children else None
        if root is None:
            return
        if root.data == "foreign_text":
            for child in root.children:
                if isinstance(child, Tree) and child.data == "front_matter":
                    self._front_matter(child)
                elif isinstance(child, Token) and child.type == BlockKind.OTHER_ORGAN_OPENER:
                    block = self.blocks[child.start_pos]
                    text = self.plain[block.content_start : block.end].strip()
                    name = text.split(",")[0].removeprefix("The ").strip()
                    self.doc.other_organ = (name, self._span(block.start, block.end))
            return
        for child in root.children:
            if not isinstance(child, Tree):
                continue
            if child.data == "front_matter":
                self._front_matter(child)
            elif child.data == "body":
                self.doc.parts.append(self._body(child, Part()))
            elif child.data == "part":
                self.doc.parts.append(self._part(child))
            elif child.data == "annex":
                self.doc.annexes.append(self._annex(child))

    def _front_matter(self, tree: Tree) -> None:
        header = self.doc.header
        for item in tree.children:
            tokens = [item] if isinstance(item, Token) else list(item.children)
            for token in tokens:
                block = self.blocks[token.start_pos]
                text = self.plain[block.content_start : block.end].strip()
                span = self._span(block.start, block.end)
                kind = token.type
                header.lines.append((kind.lower(), span))
                if kind == BlockKind.ORGAN:
                    header.organ = text
                elif kind == BlockKind.DISTRIBUTION:
                    header.distribution = " ".join(text.split())
                elif kind == BlockKind.SESSION:
                    header.session = text
                elif kind == BlockKind.AGENDA_ITEM:
                    header.agenda_item = text
                elif kind == BlockKind.HEADING and isinstance(item, Tree) and item.data == "agenda_title":
                    header.agenda_title = text
                elif kind == BlockKind.ADOPTED:
                    header.adopted_span = span
                    dates = find_dates(self.source, self.plain, block.content_start, block.end)
                    header.adopted = dates[0] if dates else None
                elif kind == BlockKind.ORIGIN:
                    header.origin = text.strip("[] ")
                elif kind == BlockKind.DRAFT_LABEL:
                    header.draft_label = (header.draft_label + " / " + text) if header.draft_label else text
                elif kind == BlockKind.SYMBOL:
                    header.symbol = text
                elif kind == BlockKind.TITLE:
                    m = TITLE.match(text)
                    number = m.group(1)
                    session = number.split("/")[0]
                    self.doc.title = Title(
                        number=number,
                        text=text[m.end() - 1 :].strip(),
                        span=span,
                        session=int(session) if session.isdigit() else None,
                        part=m.group(2),
                    )
                elif kind == BlockKind.HEADING:
                    heading = Heading(text=text, span=span)
                    self.doc.headings.append(heading)
                    if self.doc.title is None and (header.draft_label or not header.adopted_span):
                        # A draft's title is an unnumbered heading.
                        self.doc.title = Title(number=None, text=text, span=span)

    def _part(self, tree: Tree) -> Part:
        part = Part()
        for child in tree.children:
            if isinstance(child, Token):
                block = self.blocks[child.start_pos]
                text = self.plain[block.content_start : block.end].strip()
                heading = Heading(
                    text=text,
                    span=self._span(block.start, block.end),
                    kind="part" if child.type == BlockKind.PART_LABEL else "heading",
                )
                if child.type == BlockKind.PART_LABEL:
                    part.label = text
                    part.span = heading.span
                part.headings.append(heading)
                self.doc.headings.append(heading)
            elif child.data == "body":
                self._body(child, part)
        return part

    def _body(self, tree: Tree, part: Part) -> Part:
        for child in tree.children:
            if isinstance(child, Token) and child.type == BlockKind.OPENER:
                block = self.blocks[child.start_pos]
                part.opener = self._paragraph(block, "plain")
                text = self.plain[block.content_start : block.end].strip()
                part.opener_comma = text.rstrip().endswith(",")
            elif isinstance(child, Token) and child.type == BlockKind.HEADING:
                self._heading(child)
            elif isinstance(child, Tree):
                if child.data == "preamble":
                    self._preamble(child, part)
                elif child.data == "operative":
                    self._operative(child, part)
                elif child.data == "plenary":
                    part.plenary = self._plenary(self.blocks[child.children[0].start_pos])
        return part

    def _preamble(self, tree: Tree, part: Part) -> None:
        for child in tree.children:
            if isinstance(child, Token):  # HEADING
                self._heading(child)
            else:
                part.preamble.append(self._paragraph_tree(child, "preambular"))

    def _operative(self, tree: Tree, part: Part) -> None:
        for child in tree.children:
            if isinstance(child, Tree) and child.data == "section":
                part.sections.append(self._section(child, part, 1))
            else:
                self._operative_child(child, part, part.operative)

    def _operative_child(self, child: Tree | Token, part: Part, into: list[Paragraph]) -> None:
        """One item of an operative run: a heading or a paragraph (appended to
        the part's operative paragraphs, and to ``into`` when that is a section's)."""
        start = len(part.operative)
        if isinstance(child, Token):
            self._heading(child)
        elif (
            child.data == "operative_paragraph"
            and isinstance(child.children[0], Tree)
            and child.children[0].data == "introducing"
        ):
            self._introducing(child.children[0], part)
        elif child.data == "plain_paragraph":
            part.operative.append(self._paragraph_tree(child, "plain"))
        else:
            part.operative.append(self._paragraph_tree(child, "operative"))
        if into is not part.operative:
            into.extend(part.operative[start:])

    def _section(self, tree: Tree, part: Part, level: int) -> Section:
        """A section ("I" / its title / paragraphs / lettered sections) or a
        lettered section ("A. Base/floor salary scale" / preamble / paragraphs)."""
        label_token = tree.children[0]
        block = self.blocks[label_token.start_pos]
        text = self.plain[block.content_start : block.end].strip()
        if level == 1:
            label, title = text.rstrip("."), ""
        else:
            label, _, title = text.partition(".")
            title = title.strip()
        end = block.end
        section = Section(label=label, title=title, span=self._span(block.start, end), level=level)
        self.doc.headings.append(Heading(text=text, span=section.span, kind="section"))
        for child in tree.children[1:]:
            if (
                isinstance(child, Token)
                and child.type == BlockKind.HEADING
                and not section.operative
                and not section.preamble
            ):
                heading_block = self.blocks[child.start_pos]
                heading_text = self.plain[heading_block.content_start : heading_block.end].strip()
                if not section.title:
                    section.title = heading_text
                    end = heading_block.end
                self.doc.headings.append(
                    Heading(text=heading_text, span=self._span(heading_block.start, heading_block.end))
                )
            elif isinstance(child, Tree) and child.data == "section_preamble":
                for item in child.children:
                    paragraph = self._paragraph_tree(item, "preambular")
                    part.preamble.append(paragraph)
                    section.preamble.append(paragraph)
            elif isinstance(child, Tree) and child.data == "subsection":
                section.sections.append(self._section(child, part, level + 1))
            else:
                self._operative_child(child, part, section.operative)
        section.span = self._span(block.start, end)
        return section

    def _introducing(self, tree: Tree, part: Part) -> None:
        head = self._paragraph_tree(tree, "operative", stop_at="introduced")
        part.operative.append(head)
        introduced: list[Paragraph] = []
        resumed = False
        for child in tree.children:
            if isinstance(child, Tree) and child.data == "introduced":
                for item in child.children:
                    if isinstance(item, Token):
                        self._heading(item)
                        continue
                    block = self.blocks[item.children[0].start_pos]
                    # "3. *Requests* …" continuing the resolution's numbering
                    # after the text: the resolution's paragraphs again (the
                    # classifier marks where, readers/blocks.py).
                    resumed = resumed or block.resumes
                    paragraph = self._paragraph_tree(
                        item, "plain" if resumed and block.kind == BlockKind.PLAIN else "operative"
                    )
                    if not resumed:
                        for p in paragraph.walk():
                            p.introduced = True
                        introduced.append(paragraph)
                    part.operative.append(paragraph)
        self.adopting.append((part, head, introduced))

    def _displaced_adopted_text(self) -> None:
        """Numbered paragraphs of an adopted text that stand before "Adopts the following …:".

        One paragraph of a declaration moved up above the paragraph that
        adopts it ("12. We will build trust." before "*Adopts* the following
        declaration:"), or that paragraph moved down into the declaration
        (after its paragraph 15), leaves paragraphs of the adopted text where
        the grammar reads operative paragraphs: each would be judged as one
        (no operative verb, a full stop), a cascade.  They are adopted text
        out of place when they open with no verb of the resolution and their
        numbers fit the adopted text's: they fill its one gap ("11." then
        "13." after the colon), or they are its paragraphs 1 to k and it goes
        on at k + 1.  They are read as introduced text (``displaced``): the
        numbering rule reports the paragraph out of place (N001), and the
        structure rule the adopting paragraph standing inside its text (S004).
        """
        for part, head, introduced in self.adopting:
            numbers = [p.number_value for p in introduced if p.number_value is not None]
            if not numbers:
                continue
            at = next(i for i, p in enumerate(part.operative) if p is head)
            run: list[Paragraph] = []
            for p in reversed(part.operative[:at]):
                opener = p.opener
                if (
                    p.number_value is None
                    or p.introduced
                    or (opener is not None and opener.kind != "unknown" and not opener.first_person)
                ):
                    break
                run.append(p)
            run.reverse()
            values = [p.number_value for p in run]
            if not values or values != list(range(values[0], values[0] + len(values))):
                continue
            first, last = values[0], values[-1]
            fills_gap = any(a == first - 1 and b == last + 1 for a, b in zip(numbers, numbers[1:], strict=False))
            starts_it = first == 1 and numbers[0] == last + 1
            if not (fills_gap or starts_it):
                continue
            for p in run:
                for q in p.walk():
                    q.introduced = True
                p.displaced = True
            if starts_it:
                block = next(b for b in self.blocks if b.start == head.span.start)
                index = self.blocks.index(block)
                self._set_aside(index, Problem.ADOPTING_AFTER_TEXT, detail=str(last))

    def _annex(self, tree: Tree) -> Annex:
        return annexes.build(self, tree)

    def _heading(self, token: Token) -> None:
        block = self.blocks[token.start_pos]
        text = self.plain[block.content_start : block.end].strip()
        kind = "action" if re.match(r"(?:Action|Objective)\s+\d", text) else "heading"
        self.doc.headings.append(Heading(text=text, span=self._span(block.start, block.end), kind=kind))

    def _paragraph_tree(self, tree: Tree, kind: str, stop_at: str | None = None) -> Paragraph:
        """A paragraph rule: its first token is the paragraph, the rest subparagraphs."""
        head: Paragraph | None = None
        for child in tree.children:
            if isinstance(child, Token):
                if head is None:
                    block = self.blocks[child.start_pos]
                    head = self._paragraph(block, kind)
                else:  # a bare ROMAN under a lettered subparagraph (inlined)
                    head.subparagraphs.append(self._paragraph(self.blocks[child.start_pos], "subparagraph"))
            elif child.data == stop_at:
                break
            elif child.data == "introduced_list":
                # "Panel 1: …" under "(b) … the following themes:": text the
                # subparagraph introduces, unlettered.
                for item in child.children:
                    introduced = self._paragraph(self.blocks[item.start_pos], "plain")
                    introduced.introduced = True
                    assert head is not None
                    head.subparagraphs.append(introduced)
            elif child.data in ("subparagraph", "roman"):
                sub = self._paragraph_tree(child, "subparagraph")
                if head is None:
                    head = sub
                else:
                    head.subparagraphs.append(sub)
            else:
                inner = self._paragraph_tree(child, kind)
                if head is None:
                    head = inner
                else:
                    head.subparagraphs.append(inner)
        assert head is not None
        return head

    def _paragraph(self, block: Block, kind: str) -> Paragraph:
        source, plain = self.source, self.plain
        text = self._block_text(block)
        start, end = block.start, block.end
        # Positional arguments: keywords cost half as much again for these dataclasses.
        p = Paragraph(kind, Span(start, end, source), list(block.segments), text)
        p.content_start = block.content_start
        if block.number is not None:
            p.number = block.number
            p.number_value = int(block.number.rstrip("."))
            p.number_span = Span(block.number_start, block.number_end, source)
            p.number_problem = block.number_problem
        if block.label is not None:
            p.label = block.label
            p.label_kind = "roman" if block.kind == BlockKind.ROMAN else "letter"
        # The opening phrase.
        if block.kind != BlockKind.OPENER:
            opener = block.opener
            ostart = block.content_start
            italic = block.italic_end > ostart
            if opener is not None:
                p.opener = Opener(
                    opener.phrase,
                    Span(ostart, ostart + opener.length, source),
                    opener.kind,
                    italic,
                    opener.head,
                    opener.adverb,
                    opener.first_person,
                )
            else:
                if italic:
                    phrase_end = block.italic_end
                    while phrase_end > ostart and plain[phrase_end - 1] in " ,":
                        phrase_end -= 1
                else:
                    wm = _WORD.match(plain, ostart, end)
                    phrase_end = wm.end() if wm else ostart
                if phrase_end > ostart:
                    phrase = plain[ostart:phrase_end].strip()
                    p.opener = Opener(phrase, Span(ostart, phrase_end, source), "unknown", italic)
        # The final mark: the last character of the last segment, markers blanked.
        last_start, mark_end = block.segments[-1]
        # The trailing space (blanked markers, line breaks) cut with rstrip on a
        # short window, not stepped through a character at a time.
        window = max(last_start, mark_end - 64)
        kept = len(plain[window:mark_end].rstrip())
        if kept or window == last_start:
            mark_end = window + kept
        else:
            while mark_end > last_start and plain[mark_end - 1].isspace():
                mark_end -= 1
        if mark_end > last_start:
            mark = plain[mark_end - 1]
            p.final_mark = mark if mark in _FINAL_MARKS else ""
            p.final_mark_span = Span(mark_end - 1, mark_end, source)
        return p

    def _plenary(self, block: Block) -> PlenaryLine:
        text = self.plain[block.content_start : block.end]
        m = PLENARY.search(text)
        dates = find_dates(self.source, self.plain, block.content_start, block.end)
        return PlenaryLine(
            ordinal=int(m.group(1)) if m else 0,
            resumed=bool(m and m.group(2)),
            date=dates[0] if dates else None,
            span=self._span(block.start, block.end),
            text=_plenary_text(text, dates[0] if dates else None),
        )

    # ------------------------------------------------------------ inline
    def _footnotes_and_markers(self) -> None:
        doc, plain = self.doc, self.plain
        for block in self.blocks:
            if block.kind == BlockKind.FOOTNOTE and block.footnote_number is not None:
                text = plain[block.footnote_number_end : block.end].strip()
                doc.footnotes.append(
                    Footnote(
                        number=block.footnote_number,
                        span=self._span(block.start, block.end),
                        number_span=self._span(block.start, block.footnote_number_end),
                        text=_SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split())),
                    )
                )
                doc.footnote_ranges.append((block.start, block.end))
        for number, start, end, written in self.result.markers:
            doc.markers.append(FootnoteMarker(number=number, span=self._span(start, end), text=written))

    def _table_notes(self) -> None:
        for block in self.blocks:
            if block.kind == BlockKind.TABLE_NOTE:
                text = _SPACE_BEFORE_PUNCT.sub(r"\1", _single_spaced(self.plain[block.content_start : block.end]))
                self.doc.table_notes.append(TableNote(text=text, span=self._span(block.start, block.end)))

    def _inline(self) -> None:
        doc = self.doc
        end = self.result.body_end
        doc.dates = find_dates(self.source, self.plain, 0, end)
        doc.citations = find_citations(self.source, self.plain, doc.dates, end, doc.footnote_ranges)

    def _kind(self) -> None:
        doc = self.doc
        if doc.other_organ:
            doc.kind = "other-organ"
        elif (
            doc.header.adopted_span
            or doc.plenary
            or (doc.title and doc.title.number)
            or (doc.header.symbol and doc.header.symbol.startswith("A/RES/"))
        ):
            doc.kind = "adopted" if not doc.header.draft_label else "draft"
        elif doc.header.draft_label or (doc.header.symbol and "/L." in doc.header.symbol):
            doc.kind = "draft"
        else:
            doc.kind = "fragment"


# How many more blocks than the best reading a reading may have set aside,
# and how many readings are followed at once.
_SKIP_MARGIN = 4 * 100
_READINGS = 24
# What setting a block aside costs: a numbered paragraph a little more, for
# its number says where it belongs ("1. Requests" / "Noting" / "2. Decides":
# the preambular paragraph is the one out of place).
_SKIP_COST = 100
_SKIP_COST_NUMBERED = 101


def _advance(states: dict, end_state, stack: tuple, kind: str) -> tuple | None:
    """The LALR state stack after ``kind`` is fed to ``stack`` (None if refused).

    Lark's ``ParserState.feed_token`` on the states alone: the stack stays a
    few states deep (the grammar's repetitions are left-recursive), so a
    reading is cheap to copy and to follow.
    """
    work = list(stack)
    is_end = kind == "$END"
    while True:
        action = states[work[-1]].get(kind)
        if action is None:
            return None
        what, arg = action
        if what is Shift:
            if is_end:
                return None
            work.append(arg)
            return tuple(work)
        size = len(arg.expansion)
        if size:
            del work[-size:]
        work.append(states[work[-1]][arg.origin.name][1])
        if is_end and work[-1] == end_state:
            return tuple(work)


def _skip_cost(kind: str) -> int:
    return _SKIP_COST_NUMBERED if kind in (BlockKind.NUMBERED, BlockKind.NUMBERED_PREAMBULAR) else _SKIP_COST


def _greedy_skips(states: dict, end_state, start: tuple, kinds: list[str]) -> tuple[list[int], bool]:
    """The plain reading: each block the parser refuses set aside where it
    stands; and whether the rest then makes a whole document."""
    stack = start
    greedy: list[int] = []
    for number, kind in enumerate(kinds):
        following = _advance(states, end_state, stack, kind)
        if following is None:
            greedy.append(number)
        else:
            stack = following
    return greedy, _advance(states, end_state, stack, "$END") is not None


def _fewest_skips(conf, kinds: list[str]) -> set[int] | None:
    """Which blocks to set aside so that the others parse: as few as possible.

    First the plain reading (each refused block set aside where it stands);
    when it sets any aside, a search keeps several readings side by side —
    setting a block aside or accepting it — and ends with the one that set
    aside the fewest.  A paragraph moved into the preamble is then the one
    block out of place, not the start of an operative part after which
    every preambular paragraph is.  Readings are merged by parser state and
    bounded in number, so the search is linear in the document.
    """
    states, end_state = conf.states, conf.end_state
    start = (conf.start_state,)
    greedy, greedy_complete = _greedy_skips(states, end_state, start, kinds)
    if not greedy and greedy_complete:
        return set()
    # readings: state stack -> (blocks set aside, those blocks as a linked list, last first)
    readings: dict[tuple, tuple[int, tuple | None]] = {start: (0, None)}
    for number, kind in enumerate(kinds):
        following_readings: dict[tuple, tuple[int, tuple | None]] = {}
        for stack, (cost, skipped) in readings.items():
            following = _advance(states, end_state, stack, kind)
            if following is not None:
                known = following_readings.get(following)
                if known is None or (cost, _last(skipped)) < (known[0], _last(known[1])):
                    following_readings[following] = (cost, skipped)
            known = following_readings.get(stack)
            skip_cost = cost + _skip_cost(kind)
            if known is None or (skip_cost, number) < (known[0], _last(known[1])):
                following_readings[stack] = (skip_cost, (number, skipped))
        best = min(cost for cost, _ in following_readings.values())
        kept = [item for item in following_readings.items() if item[1][0] <= best + _SKIP_MARGIN]
        if len(kept) > _READINGS:
            kept.sort(key=lambda item: item[1][0])
            del kept[_READINGS:]
        readings = dict(kept)
    finished = [
        (cost, skipped)
        for stack, (cost, skipped) in readings.items()
        if _advance(states, end_state, stack, "$END") is not None
    ]
    if not finished:
        return set(greedy) if greedy_complete else None
    # Of the readings that set aside as few blocks, the one that set aside
    # the earliest: a block moved up ("1. Takes note" into the preamble, the
    # opener above the title) is the one out of place, not what follows it.
    cost = min(item[0] for item in finished)
    best = min(_skip_list(skipped) for c, skipped in finished if c == cost)
    greedy_cost = sum(_skip_cost(kinds[i]) for i in greedy)
    if greedy_complete and (greedy_cost, greedy) <= (cost, best):
        return set(greedy)
    return set(best)


def _last(skipped: tuple | None) -> int:
    """The last block a reading set aside (-1 for none): ties go to the earlier."""
    return -1 if skipped is None else skipped[0]


def _skip_list(skipped: tuple | None) -> list[int]:
    result = []
    while skipped is not None:
        result.append(skipped[0])
        skipped = skipped[1]
    result.reverse()
    return result


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``, three times cheaper on the usual paragraph.

    Splitting makes an object of every word.  A text with no character
    that is not printable has no whitespace but the space (every other
    whitespace character is a separator or a control), so there it is
    enough to collapse runs of spaces.
    """
    if not text.isprintable():
        return " ".join(text.split())
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def _reference_single_spaced(text: str) -> str:
    """The readable form of ``_single_spaced``.

    The fast path saves 2.8% of a corpus pass (699M -> 412M instructions):
    under the 5% a fast path must gain to stand beside its readable form."""
    return " ".join(text.split())


def _plenary_text(text: str, date: DateMention | None) -> str:
    """ "53rd plenary meeting, 14 December 2022" from the line as written."""
    words = " ".join(text.replace("*", " ").split())
    if date is not None and words.endswith(date.text):
        words = words[: -len(date.text)].rstrip(" ,") + ", " + date.text
    return words
