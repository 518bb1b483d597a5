"""The parsed structure as an indented tree: what the parser understood.

:func:`body_tree` is the one tree of a resolution body (its opener,
preamble, operative part with its sections and lettered sections, plenary
line) and :func:`annex_tree` the one tree of an annex (its divisions and
paragraphs): ``resolint outline`` prints them (:func:`outline`) and the
editor's outline converts them (``navigation.document_symbols``), so both
show the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .model import Annex, AnnexDivision, Document, Paragraph, Part, PlenaryLine, Section


@dataclass(slots=True)
class Node:
    """One entry of a body's outline.

    ``kind`` is "opener", "preamble" (a part's or a section's own),
    "operative" (the operative part), "paragraph", "section" (``section``
    is set; its level says a roman or a lettered section), "plenary" or, in
    an annex, "division" (``division`` is set: a part, chapter, article …).
    ``start``/``end`` cover the entry and everything under it.
    """

    kind: Literal["opener", "preamble", "operative", "paragraph", "section", "plenary", "division"]
    start: int
    end: int
    paragraph: Paragraph | None = None
    section: Section | None = None
    plenary: PlenaryLine | None = None
    division: AnnexDivision | None = None
    children: list[Node] = field(default_factory=list)


def _paragraph_node(p: Paragraph) -> Node:
    return Node("paragraph", p.span.start, p.span.end, paragraph=p)


def _group(kind, children: list[Node]) -> Node:
    return Node(kind, children[0].start, max(c.end for c in children), children=children)


def _section_node(section: Section) -> Node:
    children: list[Node] = []
    if section.preamble:
        children.append(_group("preamble", [_paragraph_node(p) for p in section.preamble]))
    children.extend(_paragraph_node(p) for p in section.operative)
    children.extend(_section_node(sub) for sub in section.sections)
    children.sort(key=lambda n: n.start)
    end = max([section.span.end] + [c.end for c in children])
    return Node("section", section.span.start, end, section=section, children=children)


def body_tree(part: Part) -> list[Node]:
    """A part's opener, preamble, operative part (paragraphs before any
    section, then the sections, each with its own preamble, paragraphs and
    lettered sections) and plenary line, in that order."""
    nodes: list[Node] = []
    if part.opener is not None:
        nodes.append(Node("opener", part.opener.span.start, part.opener.span.end, paragraph=part.opener))
    in_sections = {id(p) for top in part.sections for s in top.walk() for p in s.preamble}
    own_preamble = [p for p in part.preamble if id(p) not in in_sections]
    if own_preamble:
        nodes.append(_group("preamble", [_paragraph_node(p) for p in own_preamble]))
    placed = {id(p) for top in part.sections for s in top.walk() for p in s.operative}
    operative = [_paragraph_node(p) for p in part.operative if id(p) not in placed]
    operative.extend(_section_node(top) for top in part.sections)
    if operative:
        operative.sort(key=lambda n: n.start)
        nodes.append(_group("operative", operative))
    if part.plenary is not None:
        s = part.plenary.span
        nodes.append(Node("plenary", s.start, s.end, plenary=part.plenary))
    return nodes


def annex_tree(annex: Annex) -> list[Node]:
    """An annex's paragraphs outside any division, then its divisions (parts,
    chapters, articles, sections, headings), each with its paragraphs and then
    the divisions it holds."""
    in_divisions = {id(p) for d in _divisions(annex.divisions) for p in d.paragraphs}
    nodes = [_paragraph_node(p) for p in annex.paragraphs if id(p) not in in_divisions]
    nodes.extend(_division_node(d) for d in annex.divisions)
    return nodes


def _division_node(d: AnnexDivision) -> Node:
    children = [_paragraph_node(p) for p in d.paragraphs] + [_division_node(c) for c in d.children]
    return Node("division", d.span.start, max(d.end, d.span.end), division=d, children=children)


def _divisions(divisions: list[AnnexDivision]):
    for d in divisions:
        yield d
        yield from _divisions(d.children)


def _where(p) -> str:
    return f"{p.span.line + 1}:{p.span.column + 1}"


def _paragraph_line(p: Paragraph, indent: str) -> str:
    label = p.number or p.label or ("•" if p.kind == "preambular" else "–")
    opener = ""
    if p.opener is not None:
        style = "*italic*" if p.opener.italic else "plain"
        opener = f" {p.opener.phrase!s}" + (
            f"  [{p.opener.kind}, {style}]" if p.opener.kind != "unknown" else "  [unknown opener]"
        )
    else:
        opener = " " + p.text[:50]
    flags = []
    if p.introduced:
        flags.append("introduced text")
    if p.number_problem:
        flags.append(p.number_problem)
    if p.final_mark:
        flags.append(f"ends {p.final_mark!r}")
    extra = f"  ({', '.join(flags)})" if flags else ""
    return f"{indent}{label}{opener}{extra}  @{_where(p)}\n"


def outline(doc: Document) -> str:
    out = [f"{doc.source.path}: {doc.kind} ({doc.format})\n"]
    h = doc.header
    fields = [
        ("symbol", h.symbol),
        ("session", h.session),
        ("agenda item", h.agenda_item),
        ("adopted", h.adopted.text if h.adopted else None),
        ("origin", h.origin),
        ("draft", h.draft_label),
    ]
    shown = [(k, v) for k, v in fields if v]
    if shown:
        out.append("header\n")
        out.extend(f"  {k}: {v}\n" for k, v in shown)
    if doc.title:
        number = f"{doc.title.number}. " if doc.title.number else ""
        if doc.title.number and doc.title.part:
            number = f"{doc.title.number} {doc.title.part}. "
        out.append(f"title: {number}{doc.title.text}  @{_where(doc.title)}\n")
    if doc.other_organ:
        out.append(f"opener of another organ: {doc.other_organ[0]}\n")
    for part in doc.parts:
        indent = "  " if part.label else ""
        if part.label:
            out.append(f"part {part.label}\n")
        for node in body_tree(part):
            _print_node(out, node, part, indent)
    for annex in doc.annexes:
        _annex(out, annex)
    if doc.table_notes:
        out.append(f"table notes ({len(doc.table_notes)})\n")
        for note in doc.table_notes:
            out.append(f"  {note.text[:70]}  @{_where(note)}\n")
    if doc.footnotes:
        out.append(f"footnotes ({len(doc.footnotes)})\n")
        for note in doc.footnotes:
            out.append(f"  {note.number} {note.text[:70]}  @{_where(note)}\n")
    if doc.unrecognised:
        out.append("not understood\n")
        for block in doc.unrecognised:
            out.append(f"  {block.reason}: {block.text.strip()[:60]!r}  @{_where(block)}\n")
    return "".join(out)


def _annex(out: list[str], annex: Annex) -> None:
    """An annex as the document of its own it is: its title, how it is built,
    its divisions (parts, chapters, articles, sections, headings) with their
    paragraphs."""
    built = (
        f"  [built like {'an' if annex.built_like == 'instrument' else 'a'} {annex.built_like}]"
        if annex.built_like
        else ""
    )
    out.append(f"annex: {annex.label}{built}  @{_where(annex)}\n")
    if annex.title:
        out.append(f"  title: {annex.title}\n")
    for node in annex_tree(annex):
        _print_node(out, node, None, "  ")


def _tree(out: list[str], p: Paragraph, indent: str) -> None:
    out.append(_paragraph_line(p, indent))
    for sub in p.subparagraphs:
        _tree(out, sub, indent + "  ")


def _print_node(out: list[str], node: Node, part: Part | None, indent: str) -> None:
    if node.kind == "opener":
        assert node.paragraph is not None
        out.append(f"{indent}opener: {node.paragraph.text}  @{_where(node.paragraph)}\n")
    elif node.kind == "paragraph":
        assert node.paragraph is not None
        _tree(out, node.paragraph, indent)
    elif node.kind == "preamble":
        out.append(f"{indent}preamble ({len(node.children)} paragraphs)\n")
        for child in node.children:
            _print_node(out, child, part, indent + "  ")
    elif node.kind == "operative":
        assert part is not None
        out.append(f"{indent}operative part ({len(part.operative)} paragraphs)\n")
        for child in node.children:
            _print_node(out, child, part, indent + "  ")
    elif node.kind == "section":
        section = node.section
        assert section is not None
        kind = "section" if section.level == 1 else "lettered section"
        title = f" {section.title}" if section.title else ""
        out.append(f"{indent}{kind} {section.label}.{title}  @{_where(section)}\n")
        for child in node.children:
            _print_node(out, child, part, indent + "  ")
    elif node.kind == "plenary":
        assert node.plenary is not None
        out.append(f"{indent}plenary: {node.plenary.text}  @{_where(node.plenary)}\n")
    elif node.kind == "division":
        d = node.division
        assert d is not None
        count = f" ({len(d.paragraphs)} paragraphs)" if d.paragraphs else ""
        out.append(f"{indent}{d.kind}: {d.name}{count}  @{_where(d)}\n")
        for child in node.children:
            _print_node(out, child, part, indent + "  ")


def paragraph_label(doc: Document, offset: int) -> str | None:
    """How a drafter names the paragraph holding ``offset``: "PP 4" (the
    fourth preambular paragraph), "OP 12", "OP 12 (c)", "OP 12 (c) (ii)", or
    None outside the preamble and the operative part.  Works on any
    document model (Markdown and plain text too); a part of a resolution
    in parts adds its letter ("B: OP 3")."""
    several = len(doc.parts) > 1
    for part in doc.parts:
        prefix = f"{part.label}: " if several and getattr(part, "label", None) else ""
        for count, paragraph in enumerate(part.preamble, 1):
            if _holds(paragraph, offset):
                return f"{prefix}PP {count}"
        for count, paragraph in enumerate(part.operative, 1):
            label = f"{prefix}OP {paragraph.number_value or count}"
            path = _sub_path(paragraph, offset)
            if path is not None:
                return " ".join([label, *path])
    return None


def _holds(paragraph, offset: int) -> bool:
    if any(start <= offset < end for start, end in paragraph.segments):
        return True
    return paragraph.span.start <= offset < paragraph.span.end


def _sub_path(paragraph, offset: int) -> list[str] | None:
    """The labels of the subparagraphs down to ``offset`` ([] for the
    paragraph's own text), or None when the offset is not in it."""
    for sub in paragraph.subparagraphs:
        inner = _sub_path(sub, offset)
        if inner is not None:
            return [sub.label or "", *inner] if sub.label else inner
    return [] if _holds(paragraph, offset) else None
