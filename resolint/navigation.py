"""What an editor asks about a resolution: hovers, definitions, the outline, completion.

Pure functions over the document model (:mod:`resolint.model`): every answer
is in character offsets into ``doc.text`` and plain strings, never a protocol
type.  The language server (:mod:`resolint.lsp.server`) only translates these
answers into LSP messages; a future CLI or another editor integration can use
them as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .dates import format_date
from .diagnostics import Diagnostic
from .model import Annex, Citation, Document, Footnote, FootnoteMarker, Paragraph
from .outline import Node, annex_tree, body_tree
from .suppressions import codes_in_comments


# ------------------------------------------------------------------ answers
@dataclass(slots=True)
class HoverInfo:
    markdown: str
    start: int
    end: int


@dataclass(slots=True)
class Symbol:
    """One entry of the outline.  ``kind`` is one of: title, part, preamble,
    preambular, operative, subparagraph, footnotes, footnote, plenary, annex,
    division (a section or lettered section of an operative part, ``detail``
    saying which; of an annex: a part, chapter, section, heading), article."""

    name: str
    kind: str
    start: int
    end: int
    selection_start: int
    selection_end: int
    detail: str = ""
    children: list[Symbol] = field(default_factory=list)


@dataclass(slots=True)
class Fold:
    start: int  # offsets; the server turns them into lines
    end: int
    kind: str = "region"  # region | comment


@dataclass(slots=True)
class Completion:
    """Replace ``text[replace_start:offset]`` with ``new_text``."""

    label: str
    kind: str  # opener | number | footnote
    new_text: str
    replace_start: int
    detail: str = ""
    sort_text: str = ""


# ------------------------------------------------------------------ what is at an offset
def _touches(start: int, end: int, offset: int) -> bool:
    # A cursor right after the last character still "touches" the thing.
    return start <= offset <= end


def marker_at(doc: Document, offset: int) -> FootnoteMarker | None:
    for marker in doc.markers:
        if _touches(marker.span.start, marker.span.end, offset):
            return marker
    return None


def footnote_at(doc: Document, offset: int) -> Footnote | None:
    """The footnote whose number (or body) holds ``offset``."""
    for note in doc.footnotes:
        if _touches(note.span.start, note.span.end, offset):
            return note
    return None


def citation_at(doc: Document, offset: int) -> Citation | None:
    for citation in doc.citations:
        if _touches(citation.span.start, citation.span.end, offset):
            return citation
    return None


def opener_at(doc: Document, offset: int) -> Paragraph | None:
    for paragraph in doc.paragraphs():
        opener = paragraph.opener
        if opener is not None and opener.kind != "unknown" and _touches(opener.span.start, opener.span.end, offset):
            return paragraph
    return None


def code_at(text: str, offset: int) -> tuple[str, int, int] | None:
    """A rule code written in a suppression comment at ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    for code, start, end in codes_in_comments(text, line_start, line_end):
        if _touches(start, end, offset):
            return code, start, end
    return None


def citation_key(citation: Citation) -> tuple:
    """Two citations of the same resolution share this key ("58/208" written twice)."""
    return (
        citation.scheme,
        citation.body if citation.scheme == "other" else None,
        citation.session,
        citation.number,
        citation.part,
        citation.year,
        citation.decision,
        " ".join(citation.symbol.split()) if citation.session is None and citation.number is None else None,
    )


def same_citations(doc: Document, citation: Citation) -> list[Citation]:
    key = citation_key(citation)
    return [c for c in doc.citations if citation_key(c) == key]


# ------------------------------------------------------------------ hover
def _rule_line(code: str) -> str | None:
    from .rules import all_rules

    rule = all_rules().get(code)
    if rule is None:
        return None
    return f"**{rule.code}** `{rule.name}` ({rule.severity}{', fixable' if rule.fixable else ''}): {rule.summary}"


def _rule_docs(code: str) -> str | None:
    """The rule line and its full documentation (the rule's docstring below the
    summary), for a hover: editors show this where a link would otherwise go,
    as resolint has no documentation website to link to."""
    from .rules import all_rules

    line = _rule_line(code)
    if line is None:
        return None
    body = all_rules()[code].doc.partition("\n")[2].strip()
    # The docstring's "## What it does" headings would be page-sized in a hover.
    body = re.sub(r"^## (.+)$", r"**\1**", body, flags=re.MULTILINE)
    return f"{line}\n\n{body}" if body else line


def _opener_rules() -> list[str]:
    from .rules import all_rules

    return [r.code for r in all_rules().values() if "opener" in r.name or "opening" in r.name]


def hover(doc: Document, offset: int, diagnostics: Sequence[Diagnostic] = ()) -> HoverInfo | None:
    """What to show when the pointer rests at ``offset``; ``None`` for nothing."""
    text = doc.text
    parts: list[str] = []
    start = end = None

    code = code_at(text, offset)
    if code is not None:
        line = _rule_docs(code[0])
        if line:
            parts.append(line)
            start, end = code[1], code[2]

    marker = marker_at(doc, offset)
    if marker is not None:
        note = doc.footnote(marker.number)
        if note is not None:
            parts.append(f"**Footnote {marker.number}**: {note.text}")
        else:
            parts.append(f"**Footnote {marker.number}**: no footnote with this number in the document")
        start, end = marker.span.start, marker.span.end

    citation = None if marker else citation_at(doc, offset)
    if citation is not None:
        parts.append(_citation_hover(doc, citation))
        start, end = citation.span.start, citation.span.end

    paragraph = None if (marker or citation) else opener_at(doc, offset)
    if paragraph is not None:
        opener = paragraph.opener
        if opener.kind == "preambular":
            what = "opens a **preambular** paragraph: italic participle or adjective, the paragraph ends with a comma"
        else:
            what = "opens an **operative** paragraph: numbered, italic verb in the present tense, ends with a semicolon (the last with a full stop)"
        line = f"*{opener.phrase}* {what}."
        rules = _opener_rules()
        if rules:
            line += " Rules: " + ", ".join(rules) + "."
        parts.append(line)
        start, end = opener.span.start, opener.span.end

    for diagnostic in diagnostics:
        if _touches(diagnostic.start, diagnostic.end, offset):
            line = _rule_docs(diagnostic.code)
            if line and line not in parts:
                parts.append(line)
                if start is None:
                    start, end = diagnostic.start, diagnostic.end

    if not parts:
        return None
    return HoverInfo("\n\n".join(parts), start, end)


def _citation_hover(doc: Document, citation: Citation) -> str:
    kind = "decision" if citation.decision else "resolution"
    lines = [f"**{kind.capitalize()} {citation.symbol}**" + (f" ({citation.body})" if citation.body else "")]
    from .record import record_symbol

    if record_symbol(citation) is not None:
        from .record import entry_for

        entry = entry_for(citation)
        if entry is not None:
            origin = (
                "the record"
                if entry.source == "record"
                else f"the dates later resolutions cite for it ({entry.agreement} agree)"
            )
            title = f" — {entry.title}" if entry.title else ""
            lines.append(f"Adopted {format_date(entry.adopted)}{title} (from {origin}).")
        else:
            lines.append("Not in the bundled record of General Assembly resolutions.")
    dates = []
    for other in same_citations(doc, citation):
        if other.date is not None:
            line, column = doc.source.position(other.date.span.start)
            dates.append(f"- {other.date.text} (line {line + 1}, column {column + 1})")
    if dates:
        lines.append("Dates this document gives it:\n" + "\n".join(dates))
    else:
        lines.append("This document gives it no date.")
    return "\n\n".join(lines)


# ------------------------------------------------------------------ definition and references
def definition(doc: Document, offset: int) -> list[tuple[int, int]]:
    """Where the thing at ``offset`` is defined: a marker's footnote, a footnote's
    markers, a citation's other citations."""
    marker = marker_at(doc, offset)
    if marker is not None:
        note = doc.footnote(marker.number)
        return [(note.span.start, note.span.end)] if note else []
    note = footnote_at(doc, offset)
    if note is not None:
        return [(m.span.start, m.span.end) for m in doc.markers if m.number == note.number]
    citation = citation_at(doc, offset)
    if citation is not None:
        return [(c.span.start, c.span.end) for c in same_citations(doc, citation) if c is not citation]
    return []


def references(doc: Document, offset: int, include_declaration: bool = True) -> list[tuple[int, int]]:
    """Every place that refers to the same footnote or the same resolution."""
    marker = marker_at(doc, offset)
    note = doc.footnote(marker.number) if marker is not None else footnote_at(doc, offset)
    if marker is not None or note is not None:
        number = marker.number if marker is not None else note.number
        found = [(m.span.start, m.span.end) for m in doc.markers if m.number == number]
        if include_declaration and note is not None:
            found.append((note.span.start, note.span.end))
        return sorted(found)
    citation = citation_at(doc, offset)
    if citation is not None:
        return [(c.span.start, c.span.end) for c in same_citations(doc, citation)]
    return []


# ------------------------------------------------------------------ outline and folding
def _words(text: str, limit: int = 8) -> str:
    words = text.split()
    head = " ".join(words[:limit])
    return head + (" …" if len(words) > limit else "")


def _paragraph_symbol(p: Paragraph) -> Symbol:
    opener = p.opener.phrase if p.opener is not None and p.opener.kind != "unknown" else None
    if p.kind == "subparagraph":
        label = p.label or ""
        name = f"{label} {opener or _words(p.text[len(label) :].strip() if p.text.startswith(label) else p.text, 6)}".strip()
    elif p.kind == "operative":
        number = p.number or ""
        name = f"{number} {opener or _words(p.text, 6)}".strip()
    else:
        name = opener or _words(p.text, 6)
    sel = p.opener.span if p.opener is not None else (p.number_span or p.span)
    symbol = Symbol(
        name,
        "subparagraph"
        if p.kind == "subparagraph"
        else (p.kind if p.kind in ("preambular", "operative") else "preambular"),
        p.span.start,
        p.span.end,
        sel.start,
        sel.end,
        detail=_words(p.text, 12),
    )
    symbol.children = [_paragraph_symbol(s) for s in p.subparagraphs]
    return symbol


def _container(name: str, kind: str, children: list[Symbol]) -> Symbol:
    start, end = children[0].start, max(c.end for c in children)
    return Symbol(name, kind, start, end, children[0].selection_start, children[0].selection_end, children=children)


def document_symbols(doc: Document) -> list[Symbol]:
    """The outline: title, preamble, operative paragraphs with their subparagraphs,
    plenary line, footnotes and annexes."""
    out: list[Symbol] = []
    if doc.title is not None:
        t = doc.title
        name = f"{t.number}. {t.text}" if t.number and not t.text.startswith(t.number) else t.text
        out.append(Symbol(name, "title", t.span.start, t.span.end, t.span.start, t.span.end))
    several = len(doc.parts) > 1
    for part in doc.parts:
        body = _body_symbols(body_tree(part))
        if several and body:
            out.append(_container(f"Part {part.label}" if part.label else "Part", "part", body))
        else:
            out.extend(body)
    if doc.footnotes:
        notes = [
            Symbol(
                f"{n.number} {_words(n.text, 8)}",
                "footnote",
                n.span.start,
                n.span.end,
                n.number_span.start,
                n.number_span.end,
                detail=n.text,
            )
            for n in doc.footnotes
        ]
        out.append(_container("Footnotes", "footnotes", notes))
    for annex in doc.annexes:
        out.append(_annex_symbol(annex))
    out.sort(key=lambda s: s.start)
    return out


def _body_symbols(nodes: list[Node]) -> list[Symbol]:
    """The outline tree of a body (``outline.body_tree``, the one ``resolint
    outline`` prints) as symbols: the preamble and each section a container,
    the operative paragraphs before any section at the level of the part
    (an editor's outline lists them there), the opener left out."""
    symbols: list[Symbol] = []
    for node in nodes:
        if node.kind == "paragraph":
            assert node.paragraph is not None
            symbols.append(_paragraph_symbol(node.paragraph))
        elif node.kind == "preamble":
            symbols.append(_container("Preamble", "preamble", _body_symbols(node.children)))
        elif node.kind == "operative":
            symbols.extend(_body_symbols(node.children))
        elif node.kind == "section":
            section = node.section
            assert section is not None
            name = f"{section.label}. {section.title}" if section.title else section.label
            kind = "section" if section.level == 1 else "lettered section"
            s = section.span
            symbols.append(
                Symbol(name, "division", node.start, node.end, s.start, s.end, kind, _body_symbols(node.children))
            )
        elif node.kind == "plenary":
            assert node.plenary is not None
            symbols.append(Symbol(_words(node.plenary.text, 10), "plenary", node.start, node.end, node.start, node.end))
    return symbols


def _annex_symbol(annex: Annex) -> Symbol:
    """An annex: the tree ``resolint outline`` prints (``outline.annex_tree``), its
    paragraphs and divisions in the order of the text."""
    s = annex.span
    name = f"{annex.label}: {annex.title}" if annex.title else (annex.label or "Annex")
    return Symbol(name, "annex", s.start, s.end, s.start, s.end, children=_annex_symbols(annex_tree(annex)))


def _annex_symbols(nodes: list[Node]) -> list[Symbol]:
    symbols = []
    for node in nodes:
        if node.kind == "paragraph":
            assert node.paragraph is not None
            symbols.append(_paragraph_symbol(node.paragraph))
        elif node.kind == "division":
            d = node.division
            assert d is not None
            kind = "article" if d.kind == "article" else "division"
            children = _annex_symbols(node.children)
            symbols.append(Symbol(d.name, kind, node.start, node.end, d.span.start, d.span.end, children=children))
    symbols.sort(key=lambda c: c.start)
    return symbols


def folding_ranges(doc: Document) -> list[Fold]:
    """The preamble, each operative paragraph, each section, each run of footnotes, each annex."""
    folds: list[Fold] = []
    for part in doc.parts:
        if part.preamble:
            folds.append(Fold(part.preamble[0].span.start, part.preamble[-1].span.end))
        for p in part.operative:
            folds.append(Fold(p.span.start, p.span.end))
        stack = list(body_tree(part))
        while stack:  # each section and lettered section, with what it holds
            node = stack.pop()
            if node.kind == "section":
                folds.append(Fold(node.start, node.end))
            stack.extend(n for n in node.children if n.kind in ("operative", "section"))
    text = doc.text
    run: list[Footnote] = []
    for note in doc.footnotes:
        if run and text[run[-1].span.end : note.span.start].strip(" \t\r\n-") != "":
            folds.append(Fold(run[0].span.start, run[-1].span.end, "comment"))
            run = []
        run.append(note)
    if run:
        folds.append(Fold(run[0].span.start, run[-1].span.end, "comment"))
    for annex in doc.annexes:
        folds.append(Fold(annex.span.start, annex.span.end))
    return folds


# ------------------------------------------------------------------ completion
_TYPED_OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d+\.[ \t]+)?(?P<typed>\*?_?[A-Za-z][A-Za-z -]*)?$")
_TYPED_NUMBER = re.compile(r"^(?P<indent>[ \t]*)(?P<digits>\d*)$")
_SUP_OPEN = re.compile(r"<sup>(?P<digits>\d*)$")


def _region(doc: Document, offset: int) -> str:
    """'operative' when ``offset`` lies after the first operative paragraph of its part
    (or after the preamble's last paragraph is followed by one), else 'preambular'."""
    for part in doc.parts:
        if part.span is not None and not (part.span.start <= offset <= part.span.end + 2):
            continue
        if part.operative and part.operative[0].span.start <= offset:
            return "operative"
        if part.preamble and part.operative and offset > part.preamble[-1].span.end:
            return "operative"
    for p in doc.paragraphs():
        if p.kind == "operative" and p.span.start <= offset:
            return "operative"
    return "preambular"


def _previous(doc: Document, offset: int, kind: str) -> Paragraph | None:
    last = None
    for part in doc.parts:
        for p in part.preamble if kind == "preambular" else part.operative:
            if p.span.end <= offset and p.span.start < offset:
                last = p
    return last


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _variants(previous: Paragraph | None, kind: str) -> list[str]:
    """The "next variant" of the previous paragraph's opener: Recalling → Recalling also."""
    if previous is None or previous.opener is None or previous.opener.kind != kind:
        return []
    opener = previous.opener
    head = opener.phrase
    adverb = (opener.adverb or "").lower()
    if kind == "preambular":
        base = head
        for word in (" also", " further"):
            if base.lower().endswith(word):
                base = base[: -len(word)]
        if adverb == "also":
            return [f"{base} further"]
        if adverb == "further":
            return [f"{base} further"]
        return [f"{base} also"]
    words = head.split()
    if words and words[0].lower() in ("also", "further"):
        words = words[1:]
    verb = " ".join(words)
    verb = verb[:1].lower() + verb[1:]
    if adverb in ("also", "further"):
        return [f"Further {verb}"]
    return [f"Also {verb}"]


def completions(doc: Document, offset: int) -> list[Completion]:
    """What may be typed at ``offset``: an opening phrase or number at the start
    of a paragraph, or the next footnote number after ``<sup>``."""
    text = doc.text
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    prefix = text[line_start:offset]
    sup = _SUP_OPEN.search(prefix)
    if sup is not None:
        return [_footnote_number(doc, offset, line_start, sup)]
    if not _starts_paragraph(text, line_start):
        return []
    kind = _region(doc, offset)
    out: list[Completion] = []
    number_match = _TYPED_NUMBER.match(prefix)
    if kind == "operative" and number_match is not None:
        out.extend(_next_number(doc, offset, line_start, number_match))
    m = _TYPED_OPENER.match(prefix)
    if m is not None:
        start = line_start + (m.start("typed") if m.group("typed") else len(prefix))
        out.extend(_openers(doc, offset, kind, m.group("typed") or "", start))
    return out


def _footnote_number(doc: Document, offset: int, line_start: int, sup: re.Match) -> Completion:
    """After ``<sup>``: one more than the last marker before it."""
    before = [m.number for m in doc.markers if m.span.start < line_start + sup.start()]
    number = (max(before) if before else 0) + 1
    close = "" if doc.text.startswith("</sup>", offset) else "</sup>"
    start = line_start + sup.start("digits")
    return Completion(str(number), "footnote", f"{number}{close}", start, detail="next footnote number", sort_text="0")


def _starts_paragraph(text: str, line_start: int) -> bool:
    """The line before is blank (or this is the first line)."""
    if line_start == 0:
        return True
    prev_end = line_start - 1
    if text[prev_end] == "\n" and prev_end > 0 and text[prev_end - 1] == "\r":
        prev_end -= 1
    prev_start = max(text.rfind("\n", 0, prev_end), text.rfind("\r", 0, prev_end)) + 1
    return not text[prev_start:prev_end].strip()


def _next_number(doc: Document, offset: int, line_start: int, typed: re.Match) -> list[Completion]:
    previous = _previous(doc, offset, "operative")
    n = (previous.number_value or 0) + 1 if previous is not None else 1
    if not str(n).startswith(typed.group("digits")):
        return []
    start = line_start + typed.start("digits")
    return [Completion(f"{n}.", "number", f"{n}. ", start, detail="next operative paragraph number", sort_text="0")]


def _openers(doc: Document, offset: int, kind: str, typed: str, start: int) -> list[Completion]:
    """The openers of ``kind`` that start with what is typed: the next variant of the
    previous paragraph's opener first, then every opener of the lexicon."""
    from .lexicon import opener_heads

    stars = typed.startswith("*") or doc.format == "markdown"
    word = typed.lstrip("*_").lower()
    phrases: list[tuple[str, str, str]] = []  # (phrase, detail, sort)
    for variant in _variants(_previous(doc, offset, kind), kind):
        phrases.append((variant, f"next {kind} variant", "0"))
    for head in opener_heads(kind):
        phrases.append((_capitalised(head), f"{kind} opener", "1"))
    out = []
    seen = set()
    for phrase, detail, sort in phrases:
        if phrase.lower() in seen or not phrase.lower().startswith(word):
            continue
        seen.add(phrase.lower())
        new_text = f"*{phrase}* " if stars else f"{phrase} "
        out.append(Completion(phrase, "opener", new_text, start, detail=detail, sort_text=f"{sort}{phrase.lower()}"))
    return out


def diagnostics_at(diagnostics: Iterable[Diagnostic], start: int, end: int) -> list[Diagnostic]:
    """The diagnostics whose range meets ``[start, end]``."""
    return [d for d in diagnostics if d.start <= end and start <= d.end]
