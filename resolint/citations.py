"""Citations of resolutions and decisions in running text and footnotes.

"its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004 …
and 75/226 of 21 December 2020" yields one :class:`Citation` per symbol, all
with the same ``list_id``.  The issuing body decides the calendar of a
symbol, so it is looked for before the keyword ("Human Rights Council
resolution 43/1"), after the date ("resolution 11/6 of 21 October 2022 of
the Conference of the Parties to …"), and in back-references ("Council
resolution 59/22" is the last-named Council's).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .dates import roman_to_int
from .model import Citation, DateMention, Span
from .source import Source, is_word_char
from .vocabulary import COUNCILS, alternation

# The keywords are found with str.find ("esolution", "ecision") and checked
# around (``_keywords``): 88M instructions a corpus pass, where the regex
# engine stepping through every character (``_reference_keywords``) takes 2,282M.
_KEYWORD_STEMS = (("esolution", "Rr"), ("ecision", "Dd"))
_GAP = re.compile(r"[\s\u00a0]*")
# One symbol, in any of the forms of rules.md §4.
_SYMBOL = re.compile(
    r"(?P<sc>\d{1,4})\s+\(\s?(?P<scyear>(?:19|20)\d\d)\s?\)"
    r"|(?P<old>\d{1,4})(?:\s+(?P<oldpart>[A-Z](?:\s+and\s+[A-Z])?))?\s+\(\s?(?P<oldsess>(?:ES-|S-)?[IVXL]+)\s?\)"
    r"|(?P<pre>(?:ES|S)[\s\u00a0]*[-\u2011])?(?P<a>\d{1,4})/(?P<b>\d{1,4})(?![\d/])"
    r"(?:[\s\u00a0]+(?P<part>[A-Z](?:-[A-Z]|[\s\u00a0]+and[\s\u00a0]+[A-Z])?)(?=[\s\u00a0]*(?:of\b|and\b|,|;|\.|\)|$)))?"
)
_SEPARATOR = re.compile(r"[\s\u00a0]*(?:,[\s\u00a0]*and|,|and|as well as)[\s\u00a0]+(?=(?:ES-|S-)?\d)")
_OF = re.compile(r"[\s\u00a0]+of[\s\u00a0]+")
_SPACES = re.compile(r"[\s\u00a0]+")
_BODY_AFTER = re.compile(
    r",?[\s\u00a0]+(?:of|adopted by)[\s\u00a0]+the[\s\u00a0]+(Conference of the Parties|Human Rights Council|Security Council|"
    r"Economic and Social Council|Commission on [A-Z][\w ]{3,80}?|[A-Z][\w ]{2,60}?(?:Council|Commission|Board|Conference))\b"
)
# The bodies a citation may name just before its keyword ("Human Rights
# Council resolution 43/1", "its resolution"), longest first where one ends
# another.  "Commission on …" stands apart (its name runs on) and is tried
# before "Commission".
_NAMED_BODIES = (
    "World Health Assembly",
    "United Nations Environment Assembly",
    "Environment Assembly",
    "UN-Habitat Assembly",
    "Parliamentary Assembly",
    "General Assembly",
    "Assembly",
    *COUNCILS,
    "Statistical Commission",
    "Conference of the Parties",
    "Executive Board",
    "Governing Council",
    "Council",
    "Commission",
    "its",
    "their",
    "Board",
)
_COMMISSION_ON = r"Commission (?:on|for) (?:the )?[A-Z][\w-]*(?:,? (?:(?:and|of|on|for|the|in) )*[A-Z][\w-]*)*"
_BODY_BEFORE = re.compile(
    "(" + _COMMISSION_ON + "|" + "|".join(map(re.escape, _NAMED_BODIES)) + r")(?:'s)?[\s\u00a0]+(?:draft[\s\u00a0]+)?$"
)
# "the Human Rights Council, in its resolution 43/1": "its" is the last body
# named in the clause when "in/of/by/through its" follows it directly.
_SUBJECT_NAME = re.compile(
    rf"\b(General Assembly|Assembly|{alternation(COUNCILS)}|"
    r"Statistical Commission|Commission (?:on|for) (?:the )?[A-Z][\w-]*(?: (?:of |on |and |the )*[A-Z][\w-]*)*|"
    r"Conference of the Parties|Executive Board|Governing Council|Council|Commission|Board)\b"
)
_SUBJECT_TAIL = re.compile(r"[^;.:]{0,60}?\b(?:in|of|by|through|under)[\s\u00a0]+its[\s\u00a0]+$")
# The tail does not cross a new clause with its own verb (", recalls the
# adoption of its resolution": the Assembly's).
_NEW_CLAUSE = re.compile(
    r",[\s\u00a0]+(?:and[\s\u00a0]+)?(?:[a-z]+ly[\s\u00a0]+)?(?!(?:as|its|this|thus|was|has|is)\b)[a-z]+s\b"
)
_COUNCIL_NAMES = COUNCILS
_GA_BODIES = frozenset({"General Assembly", "Assembly", "its"})


def find_citations(
    source: Source,
    plain: str,
    dates: list[DateMention],
    end: int,
    footnote_ranges: list[tuple[int, int]] = (),
) -> list[Citation]:
    """Every resolution or decision citation in ``plain[:end]``.

    A list runs on through clauses between its items ("75/27 of 7 December
    2020 on the International Day …, 76/257 of 29 March 2022", ", entitled
    “…”, and", ", in which it decided …, and"): every dated symbol up to the
    end of the paragraph or the next "resolution"/"decision" belongs to it.
    """
    date_at = {d.span.start: d for d in dates}
    date_starts = sorted(date_at)
    keywords = _keywords(plain, end)
    keyword_starts = [k[0] for k in keywords]
    citations: list[Citation] = []
    list_id = 0
    previous_end, previous_body = -1, None
    for keyword_start, pos, keyword in keywords:
        m = _GAP.match(plain, pos)
        pos = m.end() if m else pos
        sm = _SYMBOL.match(plain, pos, end)
        if not sm:
            continue
        list_id += 1
        body, led = _keyword_body(plain, keyword_start, previous_end, previous_body)
        # The list ends at the paragraph's end or at the next keyword, which starts its own.
        k = bisect_right(keyword_starts, keyword_start)
        limit = min(keyword_starts[k] if k < len(keyword_starts) else end, end)
        limit = _paragraph_end(plain, pos, limit)
        make = _CitationMaker(source, keyword[0] in "Dd", _in_note(keyword_start, footnote_ranges), list_id)
        pos, last_body = _cite_list(make, plain, sm, body, end, limit, date_at, date_starts, citations)
        previous_end, previous_body = pos, (last_body if led else None)
    _resolve_back_references(plain, citations)
    return citations


def _keyword_body(
    plain: str, keyword_start: int, previous_end: int, previous_body: str | None
) -> tuple[str | None, bool]:
    """The body a keyword's citations are of, and whether a list lead named it
    ("resolutions adopted by the Human Rights Council, including resolution …")."""
    body = _body_before(plain, keyword_start)
    if body is not None:
        return body, False
    body = _list_body(plain, keyword_start)
    if body is not None:
        return body, True
    if previous_end >= 0 and _JOINED.fullmatch(plain, previous_end, keyword_start):
        # "resolutions adopted by the Human Rights Council, including resolution 36/6 of … and resolution 45/3"
        return previous_body, True
    return None, False


def _in_note(offset: int, footnote_ranges: list[tuple[int, int]]) -> bool:
    """Is ``offset`` inside one of the (sorted) footnote ranges?"""
    i = bisect_right(footnote_ranges, (offset, float("inf"))) - 1
    return i >= 0 and footnote_ranges[i][0] <= offset < footnote_ranges[i][1]


class _CitationMaker:
    """What the citations of one keyword share: the source, decision or
    resolution, in a footnote or not, the list they make."""

    __slots__ = ("source", "decision", "in_note", "list_id")

    def __init__(self, source: Source, decision: bool, in_note: bool, list_id: int) -> None:
        self.source, self.decision, self.in_note, self.list_id = source, decision, in_note, list_id

    def __call__(self, m: re.Match, body: str | None) -> Citation:
        return _citation(self.source, m, body, self.decision, self.in_note, self.list_id)


def _cite_list(
    make: _CitationMaker,
    plain: str,
    sm: re.Match,
    body: str | None,
    end: int,
    limit: int,
    date_at: dict[int, DateMention],
    date_starts: list[int],
    citations: list[Citation],
) -> tuple[int, str | None]:
    """The citations of one keyword's list, from its first symbol ``sm`` up
    to ``limit``, added to ``citations``: each run of symbols joined by
    commas and "and", then each later symbol followed by " of <date>".
    Returns where the list ends and the body of its last citation."""
    item_body = body
    pos = sm.start()
    last_body = None
    while sm:
        segment: list[Citation] = []
        while sm:
            citation = make(sm, item_body)
            pos = sm.end()
            om = _OF.match(plain, pos, end)
            if om and om.end() in date_at:
                date = date_at[om.end()]
                citation.date = date
                pos = date.span.end
            segment.append(citation)
            sep = _SEPARATOR.match(plain, pos, end)
            if not sep:
                break
            sm = _SYMBOL.match(plain, sep.end(), end)
        after = _BODY_AFTER.match(plain, pos, end)
        if after:
            for citation in segment:
                _set_body(citation, after.group(1))
        citations.extend(segment)
        last_body = segment[-1].body
        sm = _next_dated_symbol(plain, pos, min(limit, pos + _LIST_REACH), date_starts)
        if sm:
            item_body = _body_before(plain, sm.start()) or _clause_body(plain, pos, sm.start()) or body
    return pos, last_body


# Where a list's clauses end: a new paragraph (a blank line, or a line that
# starts with a tab as in plain-text exports) or a semicolon; and a clause
# between two items is at most _LIST_REACH characters long.
_PARAGRAPH_END = re.compile(r"\n[ \u00a0]*\n|\n\t|;")
_LIST_REACH = 800


def _paragraph_end(plain: str, start: int, limit: int) -> int:
    """Where ``_PARAGRAPH_END`` first matches in ``plain[start:limit]``, else
    ``limit``.  (Going there by str.find of ";" and the line breaks saved
    0.24% of a corpus pass: 47M -> 22M instructions.)"""
    m = _PARAGRAPH_END.search(plain, start, limit)
    return m.start() if m else limit


_JOINED = re.compile(r"[\s\u00a0,]*(?:and|as well as)?[\s\u00a0]*")
# A symbol written just before " of <date>", as _SYMBOL reads it, not part of
# a document symbol ("A/75/123") or a number ("1.5/2").
_DATED_SYMBOL = re.compile(
    r"(?<![\w/.\-\u2011])(?:(?:ES|S)[\s\u00a0]*[-\u2011])?(?:\d{1,4}/\d{1,4}(?:[\s\u00a0]+[A-Z](?:-[A-Z]|[\s\u00a0]+and[\s\u00a0]+[A-Z])?)?"
    r"|\d{1,4}(?:[\s\u00a0]+[A-Z](?:[\s\u00a0]+and[\s\u00a0]+[A-Z])?)?[\s\u00a0]+\(\s?(?:(?:ES-|S-)?[IVXL]+|(?:19|20)\d\d)\s?\))"
    r"[\s\u00a0]+of[\s\u00a0]+$"
)


def _clause_body(plain: str, start: int, symbol_start: int) -> str | None:
    """Another body named in the clause that leads to a symbol, with no comma or
    "and" between ("…, endorsed by the Human Rights Council in 45/3 of …")."""
    last = None
    for match in _SUBJECT_NAME.finditer(plain, start, symbol_start):
        last = match
    if last is None or last.group(1) in _GA_BODIES or last.group(1) == "General Assembly":
        return None
    between = plain[last.end() : symbol_start]
    if "," in between or re.search(r"\band\b", between):
        return None
    return last.group(1)


def _next_dated_symbol(plain: str, start: int, limit: int, date_starts: list[int]) -> re.Match | None:
    """The first symbol in ``plain[start:limit]`` followed by " of <date>"."""
    i = bisect_right(date_starts, start)
    while i < len(date_starts) and date_starts[i] < limit:
        at = date_starts[i]
        i += 1
        m = _DATED_SYMBOL.search(plain, max(start, at - 40), at)
        if not m:
            continue
        sm = _SYMBOL.match(plain, m.start(), at)
        if sm:
            om = _OF.match(plain, sm.end(), at + 1)
            if om and om.end() == at:
                return sm
    return None


# The readable form of _keywords: one pattern stepped through every character.
_KEYWORD = re.compile(r"\b([Rr]esolutions?|[Dd]ecisions?)\b")


def _reference_keywords(plain: str, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _KEYWORD.finditer(plain, 0, end)]


def _keywords(plain: str, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of each whole word "resolution(s)" or "decision(s)",
    capitalised or not, in ``plain[:end]``, in text order."""
    found = []
    find = plain.find
    for stem, initials in _KEYWORD_STEMS:
        at = find(stem, 1, end)
        while at >= 0:
            start = at - 1
            after = at + len(stem)
            if plain[start] in initials and not (start > 0 and is_word_char(plain[start - 1])):
                if after < end and plain[after] == "s":
                    after += 1
                if after >= end or not is_word_char(plain[after]):
                    found.append((start, after, plain[start:after]))
            at = find(stem, at + len(stem), end)
    found.sort()
    return found


def _body_before(plain: str, keyword_start: int) -> str | None:
    window = plain[max(0, keyword_start - 120) : keyword_start]
    # (Searching only the window's last few dozen characters when it can end
    # with a body's name saved 0.06% of a corpus pass: 60M -> 54M instructions.)
    m = _BODY_BEFORE.search(window)
    if m and m.group(1) == "its":
        return _subject_of_its(window) or "its"
    if m and m.group(1) == "Assembly":
        # "African Union Assembly decision 934 (XXXVIII)" is not the General Assembly's.
        named = _NAME_BEFORE.search(window, 0, m.start(1))
        if named and named.group(1).split()[-1] not in ("General", "The"):
            return " ".join(named.group(1).split()) + " Assembly"
    return m.group(1) if m else None


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w-]*[\s\u00a0]+){1,4})$")
# "resolutions adopted by the Human Rights Council, including resolutions …",
# "Human Rights Council resolutions on the subject, including resolution …",
# "… of the Human Rights Council, the most recent of which being resolutions …":
# the body is named once, before the keyword that opens the list.
_LIST_LEAD = re.compile(
    r"(?:including|in particular|notably|such as|most recently|(?:most recent|latest|last) of which"
    r"(?:[\s\u00a0]+(?:being|is|are|was|were))?)[\s\u00a0,:]*$"
)
_BODY_NAMES = (
    r"(" + _COMMISSION_ON + "|" + alternation(COUNCILS) + "|"
    r"General Assembly|Conference of the Parties|[A-Z][\w-]*(?: [A-Z][\w-]*){0,5} (?:Council|Commission|Board|Assembly))"
)
_NOT_A_KEYWORD = r"(?:(?!esolution|ecision|\bits\b)[^;.])"
_LIST_BODY = re.compile(
    r"(?:" + _BODY_NAMES + r"(?:'s)?[\s\u00a0]+(?:resolutions|decisions)"
    r"|(?:resolutions|decisions)[\s\u00a0]+(?:adopted[\s\u00a0]+by|of)[\s\u00a0]+the[\s\u00a0]+"
    + _BODY_NAMES
    + r")"
    + _NOT_A_KEYWORD
    + r"{0,120}?"
    + r"(?:including|in particular|notably|such as|most recently|(?:most recent|latest|last) of which"
    r"(?:[\s\u00a0]+(?:being|is|are|was|were))?)[\s\u00a0,:]*$"
)


def _list_body(plain: str, keyword_start: int) -> str | None:
    """The body named once before a list ("resolutions of the Human Rights
    Council, including resolutions …"), or None."""
    window = plain[max(0, keyword_start - 250) : keyword_start]
    if not _LIST_LEAD.search(window, max(0, len(window) - 50)) or not ("esolutions" in window or "ecisions" in window):
        return None
    m = _LIST_BODY.search(window)
    if not m:
        return None
    return m.group(1) or m.group(2)


def _subject_of_its(window: str) -> str | None:
    last = None
    for match in _SUBJECT_NAME.finditer(window):
        last = match
    if last is None or not _SUBJECT_TAIL.match(window, last.end()):
        return None
    if _NEW_CLAUSE.search(window, last.end()):
        return None
    return last.group(1)


def _citation(source: Source, m: re.Match, body: str | None, decision: bool, in_note: bool, list_id: int) -> Citation:
    span = Span.of(source, m.start(), m.end())
    symbol = _SPACES.sub(" ", m.group()).replace("( ", "(").replace(" )", ")")
    c = Citation(symbol=symbol, span=span, scheme="ga", decision=decision, in_footnote=in_note, list_id=list_id)
    if m.group("sc"):
        c.scheme, c.number, c.year, c.body = "sc", int(m.group("sc")), int(m.group("scyear")), "Security Council"
        return c
    if m.group("old"):
        session_text = m.group("oldsess")
        c.number, c.part = int(m.group("old")), m.group("oldpart")
        if session_text.startswith("ES-"):
            c.scheme, c.session = "ga-emergency", roman_to_int(session_text[3:])
        elif session_text.startswith("S-"):
            c.scheme, c.session = "ga-special", roman_to_int(session_text[2:])
        else:
            c.scheme, c.session = "ga-roman", roman_to_int(session_text)
        c.body = "General Assembly"
        if body and body not in _GA_BODIES:
            _set_body(c, body)
        return c
    a, b = int(m.group("a")), int(m.group("b"))
    c.number, c.part = b, m.group("part")
    prefix = m.group("pre")
    if prefix:
        c.scheme = "ga-emergency" if prefix.startswith("E") else "ga-special"
        c.session, c.body = a, "General Assembly"
        if body and body not in _GA_BODIES and c.scheme == "ga-special":
            # "Human Rights Council resolution S-34/1": the Council's special session
            # (emergency special sessions are the Assembly's alone)
            c.scheme, c.body = "other", body
        return c
    if a >= 1946:
        c.scheme, c.year, c.session = "year", a, None
        c.body = body if body and body not in _GA_BODIES else None
        return c
    c.session = a
    if body is None or body in _GA_BODIES:
        c.body = "General Assembly"
        # rules.md §4: new-style Assembly symbols start at the thirty-first
        # session, so a bare 25/2 is another body's.
        if a <= 30:
            c.scheme, c.body = "other", None
    else:
        _set_body(c, body)
    return c


def _set_body(c: Citation, body: str) -> None:
    if c.scheme in ("ga-emergency", "ga-special", "sc"):
        return
    c.body = body
    if body in _GA_BODIES:
        c.body = "General Assembly"
        return
    if c.scheme == "year" or (c.year is not None):
        return
    c.scheme = "other"


# The readable form of _council_names: one pattern stepped through every
# character (262M instructions a corpus pass, where _council_names takes 5M).
_COUNCIL_NAME = re.compile(r"\b(" + "|".join(_COUNCIL_NAMES) + r")\b")


def _reference_council_names(plain: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1)) for m in _COUNCIL_NAME.finditer(plain)]


def _council_names(plain: str) -> list[tuple[int, str]]:
    """(start, name) of each whole-word Council name in ``plain``: each
    "Council" found with str.find, then the name that ends there."""
    names = []
    find = plain.find
    at = find("Council")
    while at >= 0:
        end = at + len("Council")
        if end >= len(plain) or not is_word_char(plain[end]):
            for name in _COUNCIL_NAMES:
                start = end - len(name)
                if start >= 0 and plain.startswith(name, start) and not (start > 0 and is_word_char(plain[start - 1])):
                    names.append((start, name))
                    break
        at = find("Council", end)
    return names


def _resolve_back_references(plain: str, citations: list[Citation]) -> None:
    """ "Council resolution 59/22" names the last Council named before it
    (within 20,000 characters)."""
    # One forward scan for the Council names: searching the text before each
    # citation again made a document full of such citations quadratic.
    names = _council_names(plain) if any(c.body == "Council" for c in citations) else []
    starts = [start for start, _ in names]
    for c in citations:
        if c.body in ("Council", "Commission", "Board"):
            if c.body == "Council":
                i = bisect_left(starts, c.span.start) - 1
                if i >= 0 and starts[i] >= c.span.start - 20000:
                    c.body = names[i][1]
            if c.scheme == "ga" or c.scheme == "other":
                c.scheme = "other"
            if c.body == "Security Council":
                c.scheme = "sc" if c.year else "other"
