"""The parsed structure as an indented tree: what the parser understood."""

from __future__ import annotations

from .model import Annex, AnnexDivision, Document, Paragraph, Part, Section


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
        in_sections = {id(p) for top in part.sections for s in top.walk() for p in s.preamble}
        indent = "  " if part.label else ""
        if part.label:
            out.append(f"part {part.label}\n")
        if part.opener:
            out.append(f"{indent}opener: {part.opener.text}  @{_where(part.opener)}\n")
        own_preamble = [p for p in part.preamble if id(p) not in in_sections]
        if own_preamble:
            out.append(f"{indent}preamble ({len(own_preamble)} paragraphs)\n")
            for p in own_preamble:
                _tree(out, p, indent + "  ")
        if part.operative or part.sections:
            out.append(f"{indent}operative part ({len(part.operative)} paragraphs)\n")
            _operative(out, part, indent + "  ")
        if part.plenary:
            out.append(f"{indent}plenary: {part.plenary.text}  @{_where(part.plenary)}\n")
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
    in_divisions = {id(p) for d in _divisions(annex.divisions) for p in d.paragraphs}
    for p in annex.paragraphs:
        if id(p) not in in_divisions:
            _tree(out, p, "  ")
    for division in annex.divisions:
        _division(out, division, "  ")


def _divisions(divisions: list[AnnexDivision]):
    for d in divisions:
        yield d
        yield from _divisions(d.children)


def _division(out: list[str], d: AnnexDivision, indent: str) -> None:
    count = f" ({len(d.paragraphs)} paragraphs)" if d.paragraphs else ""
    out.append(f"{indent}{d.kind}: {d.name}{count}  @{_where(d)}\n")
    for p in d.paragraphs:
        _tree(out, p, indent + "  ")
    for child in d.children:
        _division(out, child, indent + "  ")


def _tree(out: list[str], p: Paragraph, indent: str) -> None:
    out.append(_paragraph_line(p, indent))
    for sub in p.subparagraphs:
        _tree(out, sub, indent + "  ")


def _operative(out: list[str], part: Part, indent: str) -> None:
    """The operative paragraphs, each section with its own under it."""
    placed = {id(p) for top in part.sections for s in top.walk() for p in s.operative}
    for p in part.operative:
        if id(p) not in placed:
            _tree(out, p, indent)
    for top in part.sections:
        _section(out, top, indent)


def _section(out: list[str], section: Section, indent: str) -> None:
    kind = "section" if section.level == 1 else "lettered section"
    title = f" {section.title}" if section.title else ""
    out.append(f"{indent}{kind} {section.label}.{title}  @{_where(section)}\n")
    if section.preamble:
        out.append(f"{indent}  preamble ({len(section.preamble)} paragraphs)\n")
        for p in section.preamble:
            _tree(out, p, indent + "    ")
    for p in section.operative:
        _tree(out, p, indent + "  ")
    for sub in section.sections:
        _section(out, sub, indent + "  ")
