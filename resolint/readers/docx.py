"""Word (.docx): the text a drafter sees in Word, as Markdown the Markdown reader reads.

A ``.docx`` is a zip of XML parts.  This module opens the package with limits
(no zip bombs, no encrypted or foreign packages), walks the ``w:p`` elements
of ``word/document.xml`` with lxml, and writes a *rendering*: Markdown in the
shape of ``../shared/corpus/markdown`` (italic runs as ``*…*``, footnote
references as ``<sup>n</sup>``, footnote bodies after a ``---`` at the end,
automatic numbers as the text Word displays, "5." or "(c)").  Every character
of the rendering maps back to a place in Word: the 1-based index of its
``w:p`` among the body's paragraphs and the 1-based code-point column in that
paragraph's accepted text (automatic number excluded).  :class:`WordSource`
answers the ``Source`` questions (``position``, ``line_text`` …) in those
coordinates, so every rule and output format works unchanged.

What the reader takes from the XML, and why not python-docx: its
``Paragraph.text`` and ``runs`` drop the runs inside ``w:ins`` and the
footnote marks, and it opens the zip without any size limit.

* Body paragraphs are the ``w:p`` children of ``w:body`` (and of content
  controls ``w:sdt`` and ``w:customXml`` there), empty ones included; the
  paragraphs of tables and text boxes are neither counted nor read.
* Tracked changes: ``revisions="accepted"`` (the default) reads the text as it
  will be once every change is accepted (``w:ins``/``w:moveTo`` kept,
  ``w:del``/``w:moveFrom`` dropped, a deleted paragraph mark joins the
  paragraph to the next, ``w:rPr``/``w:pPr`` as changed); ``"original"`` the
  text before the changes (``w:rPrChange``/``w:pPrChange`` give the old
  formatting and numbering).  Comments are ignored.
* Fields and hyperlinks read as the text they display, ``w:tab`` as a tab,
  ``w:br`` as a line break, ``w:noBreakHyphen`` as U+2011; hidden text
  (``w:vanish``) is not displayed and not read.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field

from ..source import Source

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "/officeDocument"
_W = "{" + W_NS + "}"

# Limits on what is read from a package.  Only the parts read are
# decompressed (document, styles, numbering, footnotes, settings); images
# are never opened.  zipfile stops every entry at its declared size, so the
# declared sizes bound the memory used.  64 MB of WordprocessingML is some
# ten thousand pages; Word's own XML compresses 10 to 50 times, a document
# made of one repeated paragraph a few hundred times, a zip bomb a thousand.
MAX_ENTRIES = 20_000
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 128 * 1024 * 1024  # all the parts read together
MAX_RATIO = 500  # uncompressed / compressed, for a part over RATIO_FLOOR
RATIO_FLOOR = 8 * 1024 * 1024

REVISIONS = ("accepted", "original")


class DocxError(Exception):
    """A file that cannot be read as a Word document: the message is one line for the user."""


# ------------------------------------------------------------------ the package


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def open_package(data: bytes, name: str = "-") -> dict[str, bytes]:
    """The XML parts the reader needs, by role: ``document`` (always),
    ``styles``, ``numbering``, ``footnotes``, ``settings`` when present.

    DocxError for anything that is not a readable Word package."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise DocxError(f"{name}: the Word document is password-protected; remove the password and save it again")
        raise DocxError(f"{name}: an old binary Word document (.doc); save it as .docx in Word and check that")
    if data.startswith(b"{\\rtf"):
        raise DocxError(f"{name}: a Rich Text Format document, not .docx; save it as .docx in Word")
    if not data.startswith(b"PK"):
        raise DocxError(f"{name}: not a Word document (.docx is a zip package; this file is not one)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, struct.error, ValueError, EOFError, OSError) as error:
        raise DocxError(f"{name}: corrupt Word document (the zip package cannot be opened: {error})") from None
    if len(infos) > MAX_ENTRIES:
        raise DocxError(f"{name}: refused: the package holds {len(infos)} entries (more than {MAX_ENTRIES})")
    with archive:
        names = {info.filename: info for info in infos}
        mimetype = names.get("mimetype")
        if mimetype is not None and b"opendocument" in _read(archive, mimetype, name, [0]):
            raise DocxError(f"{name}: an OpenDocument file (.odt), not Word; save it as .docx and check that")
        budget = [0]
        main = _main_part(archive, names, name, budget)
        if main is None:
            raise DocxError(f"{name}: a zip archive that is not a Word document (no word/document.xml)")
        parts = {"document": _read(archive, names[main], name, budget)}
        for role, target in _related_parts(archive, names, main, name, budget).items():
            if target in names:
                parts[role] = _read(archive, names[target], name, budget)
    return parts


def _main_part(archive, names, name, budget) -> str | None:
    rels = names.get("_rels/.rels")
    if rels is not None:
        for rel_type, target in _relationships(_read(archive, rels, name, budget), name):
            if rel_type.endswith(_OFFICE_DOC) and target.lstrip("/") in names:
                return target.lstrip("/")
    return "word/document.xml" if "word/document.xml" in names else None


_ROLES = {"/styles": "styles", "/numbering": "numbering", "/footnotes": "footnotes", "/settings": "settings"}


def _related_parts(archive, names, main: str, name: str, budget) -> dict[str, str]:
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    found: dict[str, str] = {}
    if rels_name in names:
        for rel_type, target in _relationships(_read(archive, names[rels_name], name, budget), name):
            role = next((r for suffix, r in _ROLES.items() if rel_type.endswith(suffix)), None)
            if role:
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                )
                found[role] = path
    for role in _ROLES.values():  # producers that leave the relationship out
        found.setdefault(role, posixpath.join(folder, role + ".xml"))
    return found


def _relationships(data: bytes, name: str) -> list[tuple[str, str]]:
    root = _xml(data, name)
    return [(rel.get("Type", ""), rel.get("Target", "")) for rel in root.iter("{" + _REL_NS + "}Relationship")]


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int]) -> bytes:
    if info.flag_bits & 0x1:
        raise DocxError(f"{name}: the Word document is encrypted; remove the password and save it again")
    size = info.file_size
    if size > MAX_PART_BYTES or (size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1)):
        raise DocxError(
            f"{name}: refused: {info.filename} would expand to {size} bytes from {info.compress_size} (a zip bomb?)"
        )
    budget[0] += size
    if budget[0] > MAX_TOTAL_BYTES:
        raise DocxError(f"{name}: refused: the parts of the package expand to more than {MAX_TOTAL_BYTES} bytes")
    try:
        return archive.read(info)
    except (
        zipfile.BadZipFile,
        zlib.error,
        struct.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise DocxError(f"{name}: corrupt Word document ({info.filename}: {error})") from None


def _xml(data: bytes, name: str):
    from lxml import etree

    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data[:4096]:
        raise DocxError(f"{name}: refused: a Word part declares a DTD (Word never writes one)")
    if _STRICT_W_NS in data[:4096]:
        data = data.replace(_STRICT_W_NS, W_NS.encode())  # "Strict Open XML": the same vocabulary
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise DocxError(f"{name}: corrupt Word document (broken XML: {error})") from None


# ------------------------------------------------------------------ styles


def _on(element) -> bool:
    """A toggle property (``w:i``, ``w:b``, ``w:vanish``): on unless val says off."""
    return element.get(_W + "val", "true") not in ("0", "false", "off")


@dataclass(slots=True)
class _Style:
    based_on: str | None = None
    kind: str = "paragraph"
    name: str = ""
    rpr: dict = field(default_factory=dict)  # "i", "b", "vanish", "sup" -> bool
    num: tuple[int, int] | None = None  # (numId, ilvl)
    outline: int | None = None


def _rpr_values(rpr) -> dict:
    values = {}
    if rpr is None:
        return values
    for child in rpr:
        tag = child.tag
        if tag == _W + "i":
            values["i"] = _on(child)
        elif tag == _W + "b":
            values["b"] = _on(child)
        elif tag == _W + "vanish":
            values["vanish"] = _on(child)
        elif tag == _W + "vertAlign":
            values["sup"] = child.get(_W + "val") == "superscript"
    return values


class Styles:
    def __init__(self, root=None):
        self.styles: dict[str, _Style] = {}
        self.defaults: dict = {}
        self.default_paragraph: str | None = None
        self.default_character: str | None = None
        self._chain_cache: dict[str | None, list[_Style]] = {}
        self._runs_cache: dict[tuple, dict] = {}
        if root is None:
            return
        rpr_default = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.defaults = _rpr_values(rpr_default)
        for style in root.iter(_W + "style"):
            style_id = style.get(_W + "styleId")
            if not style_id:
                continue
            s = _Style(kind=style.get(_W + "type", "paragraph"))
            name = style.find(_W + "name")
            s.name = (name.get(_W + "val", "") if name is not None else "").lower()
            based = style.find(_W + "basedOn")
            s.based_on = based.get(_W + "val") if based is not None else None
            s.rpr = _rpr_values(style.find(_W + "rPr"))
            ppr = style.find(_W + "pPr")
            if ppr is not None:
                num = ppr.find(_W + "numPr")
                if num is not None:
                    s.num = _num_pr(num)
                outline = ppr.find(_W + "outlineLvl")
                if outline is not None:
                    s.outline = _int(outline.get(_W + "val"), None)
            self.styles[style_id] = s
            if style.get(_W + "default") in ("1", "true"):
                if s.kind == "paragraph":
                    self.default_paragraph = style_id
                elif s.kind == "character":
                    self.default_character = style_id

    def chain(self, style_id: str | None) -> list[_Style]:
        """The style and those it is based on, nearest first."""
        cached = self._chain_cache.get(style_id)
        if cached is not None:
            return cached
        out: list[_Style] = []
        seen = set()
        current = style_id
        while current and current not in seen and current in self.styles:
            seen.add(current)
            out.append(self.styles[current])
            current = self.styles[current].based_on
        self._chain_cache[style_id] = out
        return out

    def run_properties(self, char_style: str | None, para_style: str | None) -> dict:
        """``i``, ``b``, ``vanish`` and ``sup`` of a run that sets none of them itself."""
        key = (char_style, para_style)
        values = self._runs_cache.get(key)
        if values is None:
            values = self._runs_cache[key] = {
                name: self._run_property(name, char_style, para_style) for name in ("i", "b", "vanish", "sup")
            }
        return values

    def _run_property(self, key: str, char_style: str | None, para_style: str | None) -> bool:
        for style in self.chain(char_style):
            if key in style.rpr:
                return style.rpr[key]
        for style in self.chain(para_style or self.default_paragraph):
            if key in style.rpr:
                return style.rpr[key]
        return self.defaults.get(key, False)

    def numbering(self, para_style: str | None) -> tuple[int, int] | None:
        for style in self.chain(para_style or self.default_paragraph):
            if style.num is not None:
                return style.num
        return None

    def heading_level(self, para_style: str | None) -> int:
        """1–6 for a heading style ("heading 1", or an outline level), else 0."""
        for style in self.chain(para_style or self.default_paragraph):
            m = re.fullmatch(r"heading (\d)", style.name)
            if m:
                return min(6, max(1, int(m.group(1))))
            if style.name == "title":
                return 1
            if style.outline is not None and style.outline < 9:
                return min(6, style.outline + 1)
        return 0


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _num_pr(num_pr) -> tuple[int, int] | None:
    num_id = num_pr.find(_W + "numId")
    level = num_pr.find(_W + "ilvl")
    nid = _int(num_id.get(_W + "val"), None) if num_id is not None else None
    lvl = _int(level.get(_W + "val"), 0) if level is not None else 0
    if nid is None:
        return (-1, lvl)  # a level without an instance: the style's list
    return (nid, max(0, min(8, lvl)))


# ------------------------------------------------------------------ numbering


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 0
    restart: int | None = None  # w:lvlRestart (1-based level; 0 never)
    legal: bool = False
    suffix: str = "tab"


def _level(element) -> Level:
    lvl = Level()
    for child in element:
        tag = child.tag
        val = child.get(_W + "val")
        if tag == _W + "numFmt":
            lvl.fmt = val or "decimal"
        elif tag == _W + "lvlText":
            lvl.text = val if val is not None else ""
        elif tag == _W + "start":
            lvl.start = _int(val, 0)
        elif tag == _W + "lvlRestart":
            lvl.restart = _int(val, None)
        elif tag == _W + "isLgl":
            lvl.legal = _on(child)
        elif tag == _W + "suff":
            lvl.suffix = val or "tab"
    return lvl


class Numbering:
    """``numbering.xml``: list instances (``w:num``) over abstract numberings,
    and the counters Word keeps while it numbers the paragraphs in order."""

    def __init__(self, root=None):
        self.abstract: dict[int, dict[int, Level]] = {}
        self.abstract_style_link: dict[int, str] = {}
        self.instances: dict[int, tuple[int, dict[int, int], dict[int, Level]]] = {}
        self.counters: dict[tuple, list[int | None]] = {}
        self._levels: dict[tuple[int, int], Level | None] = {}
        self.started: set[tuple[int, int]] = set()  # (numId, level) whose startOverride has been used
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            aid = _int(abstract.get(_W + "abstractNumId"), None)
            if aid is None:
                continue
            levels = {}
            for lvl in abstract.iter(_W + "lvl"):
                levels[_int(lvl.get(_W + "ilvl"), 0)] = _level(lvl)
            self.abstract[aid] = levels
            link = abstract.find(_W + "numStyleLink")
            if link is not None and link.get(_W + "val"):
                self.abstract_style_link[aid] = link.get(_W + "val")
        for num in root.iter(_W + "num"):
            nid = _int(num.get(_W + "numId"), None)
            ref = num.find(_W + "abstractNumId")
            if nid is None or ref is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iter(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0)
                start = override.find(_W + "startOverride")
                if start is not None:
                    starts[ilvl] = _int(start.get(_W + "val"), 0)
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self.instances[nid] = (_int(ref.get(_W + "val"), -1), starts, levels)

    def follow_style_links(self, styles: Styles) -> None:
        """An abstract numbering that only names a list style (``w:numStyleLink``)
        is the numbering of that style: the instances over it take the
        levels, and share the counters, of the abstract numbering the style's
        own list uses."""
        for nid, (aid, starts, levels) in list(self.instances.items()):
            seen = set()
            while aid in self.abstract_style_link and aid not in seen:
                seen.add(aid)
                style = styles.styles.get(self.abstract_style_link[aid])
                target = self.instances.get(style.num[0]) if style is not None and style.num else None
                if target is None:
                    break
                aid = target[0]
            self.instances[nid] = (aid, starts, levels)

    def level(self, num_id: int, ilvl: int) -> Level | None:
        key = (num_id, ilvl)
        if key in self._levels:
            return self._levels[key]
        instance = self.instances.get(num_id)
        found = None
        if instance is not None:
            aid, _, levels = instance
            found = levels.get(ilvl) or self.abstract.get(aid, {}).get(ilvl)
        self._levels[key] = found
        return found

    def next_number(self, num_id: int, ilvl: int) -> str | None:
        """Count a paragraph of list ``num_id`` at level ``ilvl``: the text
        Word displays ("" for a level without a number), or None when the
        list does not exist."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        aid, starts, _ = instance
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return None
        # Lists of one abstract numbering share its counters.  An instance
        # with a w:startOverride restarts the level the first time the
        # instance uses it, and the count goes on from there for every
        # instance: LibreOffice writes a restarted list as its first
        # paragraph in an overriding instance and the rest in the plain one.
        key = ("abstract", aid)
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 9
        current = counters[ilvl]
        if ilvl in starts and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl]
        else:
            counters[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            deeper_lvl = self.level(num_id, deeper)
            restart = deeper_lvl.restart if deeper_lvl is not None and deeper_lvl.restart is not None else deeper
            if restart and ilvl < restart:
                counters[deeper] = None
        if lvl.fmt == "none":
            return ""
        text = re.sub(r"%([1-9])", lambda m: self._format(num_id, int(m.group(1)) - 1, counters, lvl), lvl.text)
        if lvl.fmt == "bullet":
            text = "".join(_bullet(c) for c in text).strip()
        return text

    def _format(self, num_id: int, index: int, counters: list, current: Level) -> str:
        lvl = self.level(num_id, index) or Level()
        value = counters[index]
        if value is None:
            value = self.instances[num_id][1].get(index, lvl.start)
        fmt = "decimal" if current.legal and lvl.fmt != "decimal" else lvl.fmt
        return format_number(value, fmt)


def _bullet(char: str) -> str:
    code = ord(char)
    if 0xF000 <= code <= 0xF0FF or char in "\u00b7\u2022\u25aa\u25cf\u006f":  # Symbol/Wingdings bullets
        return "•"
    return char


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def format_number(value: int, fmt: str) -> str:
    """``value`` as Word displays it in number format ``fmt``."""
    if fmt in ("lowerLetter", "upperLetter"):
        if value <= 0:
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # z, aa, bb …
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        if value <= 0:
            return str(value)
        out = []
        for amount, numeral in _ROMAN:
            while value >= amount:
                out.append(numeral)
                value -= amount
        roman = "".join(out)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)  # decimal, and the formats a resolution never uses


# ------------------------------------------------------------------ reading paragraphs


@dataclass(slots=True)
class Piece:
    """A stretch of displayed text of one ``w:p`` with its formatting.

    ``kind``: "text", or "ref" (a footnote reference: ``text`` is the number
    shown, ``note`` the footnote's id) or "custom" (a custom footnote mark)."""

    text: str
    italic: bool = False
    bold: bool = False
    sup: bool = False
    kind: str = "text"
    note: int | None = None
    wp: int = 0  # 0-based index of the w:p among the body's paragraphs
    col: int = 0  # 0-based column of the piece in that w:p's accepted text
    node: object = None  # the element it was read from (w:t, w:tab, w:footnoteReference …)
    lead: int = 0  # characters of the element's text before ``text`` (blanks stripped)


@dataclass(slots=True)
class WordParagraph:
    """A paragraph as it reads in Word: one ``w:p``, or several joined by deleted paragraph marks."""

    wp: list[int]  # 1-based indexes of its w:p elements (the last holds the paragraph mark)
    text: str  # its accepted text, automatic number excluded
    number: str | None = None  # the automatic number as displayed ("5.", "(c)"), None when not numbered
    num_id: int | None = None
    level: int | None = None
    numbering_from: str | None = None  # "direct" or "style"
    style: str | None = None
    heading: int = 0
    start: int = 0  # its span in the rendering
    end: int = 0

    @property
    def index(self) -> int:
        return self.wp[-1]


@dataclass(slots=True)
class Footnote:
    number: int  # as displayed: the order of its reference, from numStart
    note_id: int  # w:id in footnotes.xml
    text: str
    wp: int  # 1-based w:p of its reference mark
    col: int  # 0-based column of the mark in that w:p's accepted text
    start: int = 0  # its body's span in the rendering (start == end when it has no text)
    end: int = 0
    # Its own map, for writing fixes into footnotes.xml: from starts[i] on, the
    # rendering is the footnote's w:p paras[i] (0-based) from column cols[i].
    starts: list[int] = field(default_factory=list, repr=False)
    paras: list[int] = field(default_factory=list, repr=False)
    cols: list[int] = field(default_factory=list, repr=False)
    linear: list[bool] = field(default_factory=list, repr=False)
    pieces: list[Piece] = field(default_factory=list, repr=False)
    elements: list = field(default_factory=list, repr=False)


@dataclass(slots=True)
class WordDocument:
    """What the reader made of a ``.docx``: the rendering and the map back to Word."""

    text: str  # the rendering: Markdown
    paragraphs: list[WordParagraph]  # the paragraphs read (not the empty ones)
    wp_texts: list[str]  # accepted text of every body w:p, by 0-based index
    footnotes: list[Footnote]
    revisions: str = "accepted"
    unreferenced: list[int] = field(default_factory=list)  # ids of footnotes no reference points to
    # The map: from starts[i] on, the rendering is w:p wps[i] (0-based) from column cols[i];
    # the column moves with the offset where linear[i], else it stays.
    starts: list[int] = field(default_factory=list)
    wps: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    linear: list[bool] = field(default_factory=list)
    # For writing fixes back: the body's w:p elements and each one's pieces (with their elements).
    elements: list = field(default_factory=list, repr=False)
    wp_pieces: list[list[Piece]] = field(default_factory=list, repr=False)
    root: object = field(default=None, repr=False)
    footnotes_root: object = field(default=None, repr=False)

    def location(self, offset: int) -> tuple[int, int]:
        """0-based (w:p index, code-point column in its accepted text) of a rendering offset."""
        if not self.starts:
            return 0, 0
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            i = 0
        col = self.cols[i]
        if self.linear[i]:
            col += offset - self.starts[i]
        wp = self.wps[i]
        text_len = len(self.wp_texts[wp]) if 0 <= wp < len(self.wp_texts) else 0
        return wp, min(col, text_len)


class _Reader:
    def __init__(self, parts: dict[str, bytes], name: str, revisions: str):
        if revisions not in REVISIONS:
            raise ValueError(f"revisions must be one of {REVISIONS}, not {revisions!r}")
        self.name = name
        self.accepted = revisions == "accepted"
        self.revisions = revisions
        self.document = _xml(parts["document"], name)
        self.styles = Styles(_xml(parts["styles"], name) if "styles" in parts else None)
        self.numbering = Numbering(_xml(parts["numbering"], name) if "numbering" in parts else None)
        self.numbering.follow_style_links(self.styles)
        self.notes: dict[int, object] = {}
        self.footnotes_root = None
        self.custom_marks: set[int] = set()  # footnotes with a typed mark: Word does not number them
        if "footnotes" in parts:
            self.footnotes_root = _xml(parts["footnotes"], name)
            for note in self.footnotes_root.iter(_W + "footnote"):
                if note.get(_W + "type") in (None, "normal"):
                    nid = _int(note.get(_W + "id"), None)
                    if nid is not None:
                        self.notes[nid] = note
        self.num_start = 1
        if "settings" in parts:
            start = _xml(parts["settings"], name).find(f"{_W}footnotePr/{_W}numStart")
            if start is not None:
                self.num_start = _int(start.get(_W + "val"), 1)
        body = self.document.find(_W + "body")
        if body is None:
            raise DocxError(f"{name}: corrupt Word document (word/document.xml has no body)")
        self.body = body
        sect_start = body.find(f"{_W}sectPr/{_W}footnotePr/{_W}numStart")
        if sect_start is not None:
            self.num_start = _int(sect_start.get(_W + "val"), self.num_start)

    # -------------------------------------------------------------- the body
    def body_paragraphs(self):
        """The body's w:p elements in order (content controls opened; tables skipped)."""
        stack = [iter(self.body)]
        while stack:
            for child in stack[-1]:
                tag = child.tag
                if tag == _W + "p":
                    yield child
                elif tag == _W + "sdt":
                    content = child.find(_W + "sdtContent")
                    if content is not None:
                        stack.append(iter(content))
                        break
                elif tag == _W + "customXml":
                    stack.append(iter(child))
                    break
                elif (
                    tag in (_W + "ins", _W + "moveTo")
                    and self.accepted
                    or (tag in (_W + "del", _W + "moveFrom") and not self.accepted)
                ):
                    stack.append(iter(child))  # tracked block-level content
                    break
            else:
                stack.pop()

    def paragraph_properties(self, p):
        """(style, (numId, ilvl) or None, numbering source, mark deleted in this view)."""
        ppr = p.find(_W + "pPr")
        style = None
        num = None
        source = None
        joined = False
        if ppr is not None:
            props = self._in_view(ppr, "pPrChange")
            style_el = props.find(_W + "pStyle")
            style = style_el.get(_W + "val") if style_el is not None else None
            num_el = props.find(_W + "numPr")
            if num_el is not None:
                num, source = _num_pr(num_el), "direct"
            mark = ppr.find(_W + "rPr")
            if mark is not None:
                if self.accepted:
                    joined = mark.find(_W + "del") is not None or mark.find(_W + "moveFrom") is not None
                else:
                    joined = mark.find(_W + "ins") is not None or mark.find(_W + "moveTo") is not None
        if num is None:
            inherited = self.styles.numbering(style)
            if inherited is not None:
                num, source = inherited, "style"
        elif num[0] == -1:  # a level only: the instance comes from the style
            inherited = self.styles.numbering(style)
            num = (inherited[0], num[1]) if inherited else None
        if num is not None and (num[0] <= 0):
            num, source = None, None  # numId 0: no numbering
        return style, num, source, joined

    def _in_view(self, props, change_tag: str):
        """The properties as this view reads them: ``props`` with its changes
        accepted, or the properties recorded before them (w:pPrChange, w:rPrChange)."""
        if self.accepted:
            return props
        change = props.find(_W + change_tag)
        old = change.find(props.tag) if change is not None else None
        return old if old is not None else props

    def pieces(self, p, para_style: str | None, wp: int) -> list[Piece]:
        out: list[Piece] = []
        self._walk(p, para_style, wp, out, [0])
        return out

    def _walk(self, element, para_style, wp, out, col, skip_ref_mark=False) -> None:
        accepted = self.accepted
        for child in element:
            tag = child.tag
            if tag == _W + "r":
                self._run(child, para_style, wp, out, col, skip_ref_mark)
            elif tag in (_W + "ins", _W + "moveTo"):
                if accepted:
                    self._walk(child, para_style, wp, out, col, skip_ref_mark)
            elif tag in (_W + "del", _W + "moveFrom"):
                if not accepted:
                    self._walk(child, para_style, wp, out, col, skip_ref_mark)
            elif tag in _CONTAINERS:
                self._walk(child, para_style, wp, out, col, skip_ref_mark)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self._walk(content, para_style, wp, out, col, skip_ref_mark)

    def _run(self, run, para_style, wp, out, col, skip_ref_mark) -> None:
        rpr = run.find(_W + "rPr")
        direct: dict = {}
        char_style = None
        if rpr is not None:
            props = self._in_view(rpr, "rPrChange")
            direct = _rpr_values(props)
            style_el = props.find(_W + "rStyle")
            char_style = style_el.get(_W + "val") if style_el is not None else None
        values = self.styles.run_properties(char_style, para_style)
        if direct:
            values = {**values, **direct}
        if values["vanish"]:
            return
        italic, bold, sup = values["i"], values["b"], values["sup"]
        custom = False
        for child in run:
            tag = child.tag
            text = None
            if tag == _W + "t" or (tag == _W + "delText" and not self.accepted):
                text = child.text or ""
            elif tag in (_W + "tab", _W + "ptab"):
                text = "\t"
            elif tag in (_W + "br", _W + "cr"):
                kind = child.get(_W + "type")
                text = " " if kind in ("page", "column") else "\n"
            elif tag == _W + "noBreakHyphen":
                text = "\u2011"
            elif tag == _W + "sym":
                code = _int_hex(child.get(_W + "char"))
                if code is not None:
                    text = chr(code - 0xF000 if 0xF020 <= code <= 0xF0FF else code)
            elif tag == _W + "footnoteReference":
                if skip_ref_mark:
                    continue
                nid = _int(child.get(_W + "id"), None)
                if child.get(_W + "customMarkFollows") in ("1", "true", "on"):
                    custom = True  # the mark is the text that follows
                    if nid is not None:
                        self.custom_marks.add(nid)
                    continue
                out.append(Piece("", kind="ref", note=nid, wp=wp, col=col[0], node=child))
                continue
            if text:
                piece = Piece(text, italic, bold, sup, "custom" if custom else "text", wp=wp, col=col[0], node=child)
                custom = False
                out.append(piece)
                col[0] += len(text)

    # -------------------------------------------------------------- footnote bodies
    def note_text(self, nid: int) -> list[Piece]:
        note = self.notes.get(nid)
        if note is None:
            return []
        pieces: list[Piece] = []
        for k, p in enumerate(note.iter(_W + "p")):
            style, _, _, _ = self.paragraph_properties(p)
            if pieces:
                pieces.append(Piece(" ", wp=k))
            self._walk(p, style, k, pieces, [0], skip_ref_mark=True)
        # The footnoteRef mark is skipped; the space Word puts after it goes too.
        while pieces and pieces[0].kind == "text" and not pieces[0].text.strip():
            pieces.pop(0)
        if pieces and pieces[0].kind == "text":
            text = pieces[0].text
            pieces[0].text = text.lstrip()
            pieces[0].lead = len(text) - len(pieces[0].text)
            pieces[0].col += pieces[0].lead
        return pieces


_CONTAINERS = frozenset(_W + name for name in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"))


def _int_hex(value):
    try:
        return int(value, 16)
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------ the rendering


class _Writer:
    """Builds the rendering and its map back to Word, piece by piece."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.starts: list[int] = []
        self.wps: list[int] = []
        self.cols: list[int] = []
        self.linear: list[bool] = []

    def _anchor(self, wp: int, col: int, linear: bool) -> None:
        if self.starts and self.starts[-1] == self.pos:
            self.wps[-1], self.cols[-1], self.linear[-1] = wp, col, linear
        else:
            self.starts.append(self.pos)
            self.wps.append(wp)
            self.cols.append(col)
            self.linear.append(linear)

    def markup(self, text: str, wp: int, col: int) -> None:
        """Characters that are not text of the w:p: all at (wp, col)."""
        if text:
            self._anchor(wp, col, False)
            self.parts.append(text)
            self.pos += len(text)

    def text(self, text: str, wp: int, col: int) -> None:
        """Text of the w:p: the column moves with each character."""
        if text:
            self._anchor(wp, col, True)
            self.parts.append(text)
            self.pos += len(text)

    def value(self) -> str:
        return "".join(self.parts)


# A character that Markdown would read as markup where the Word text has a letter.
_SPECIAL = re.compile(r"\*|<(?=!--|/?sup\b)|^[ \t]*(?:#|>|---)", re.M)


def _write_escaped(writer: _Writer, text: str, wp: int, col: int) -> None:
    if "*" not in text and "<" not in text and "#" not in text and ">" not in text and "---" not in text:
        writer.text(text, wp, col)  # most text: nothing Markdown would read as markup
        return
    pos = 0
    for m in _SPECIAL.finditer(text):
        writer.text(text[pos : m.start()], wp, col + pos)
        if m.group() == "*":
            writer.markup("\\", wp, col + m.start())
            writer.text("*", wp, col + m.start())
        elif m.group() == "<":
            writer.text("<", wp, col + m.start())
            writer.markup("\u200b", wp, col + m.start() + 1)
        else:
            lead = len(m.group()) - len(m.group().lstrip(" \t"))
            writer.text(m.group()[:lead], wp, col + m.start())
            writer.markup("\\", wp, col + m.start() + lead)
            writer.text(m.group()[lead:], wp, col + m.start() + lead)
        pos = m.end()
    writer.text(text[pos:], wp, col + pos)


def _write_pieces(writer: _Writer, pieces: list[Piece]) -> None:
    """Write a paragraph's pieces: italic stretches as ``*…*``, references as
    ``<sup>n</sup>``, and digits typed in superscript as ``<sup>n</sup>`` too:
    they look like a footnote mark, and the footnote rules judge them so."""
    i = 0
    n = len(pieces)
    while i < n:
        piece = pieces[i]
        if piece.kind == "ref":
            writer.markup("<sup>", piece.wp, piece.col)
            writer.text(piece.text, piece.wp, piece.col)
            writer.markup("</sup>", piece.wp, piece.col + len(piece.text))
            i += 1
            continue
        raised = piece.sup or piece.kind == "custom"
        j = i + 1
        while j < n and pieces[j].kind != "ref" and (pieces[j].sup or pieces[j].kind == "custom") == raised:
            if not raised and pieces[j].italic != piece.italic:
                # Blanks between two italic runs (a line break in a run of its
                # own) stay inside the italics: "*53rd plenary meeting\n14 December 2022*".
                k = j
                while k < n and pieces[k].kind == "text" and not pieces[k].italic and not pieces[k].text.strip():
                    k += 1
                if not (piece.italic and k > j and k < n and pieces[k].kind == "text" and pieces[k].italic):
                    break
                j = k
            j += 1
        stretch = pieces[i:j]
        text = "".join(p.text for p in stretch)
        if raised and (text.strip().isdigit() or piece.kind == "custom"):
            writer.markup("<sup>", piece.wp, piece.col)
            for p in stretch:
                writer.text(p.text, p.wp, p.col)
            writer.markup("</sup>", stretch[-1].wp, stretch[-1].col + len(stretch[-1].text))
        elif raised:
            for p in stretch:
                _write_escaped(writer, p.text, p.wp, p.col)
        elif piece.italic:
            _write_italic(writer, stretch)
        else:
            for p in stretch:
                _write_escaped(writer, p.text, p.wp, p.col)
        i = j


def _write_italic(writer: _Writer, stretch: list[Piece]) -> None:
    text = "".join(p.text for p in stretch)
    core = text.strip()
    if not core:
        for p in stretch:
            _write_escaped(writer, p.text, p.wp, p.col)
        return
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    # Which piece holds each character: write the blanks outside the asterisks.
    flat: list[tuple[str, int, int]] = []  # (char, wp, col)
    for p in stretch:
        for k, char in enumerate(p.text):
            flat.append((char, p.wp, p.col + k))
    _write_flat(writer, flat[:lead])
    first = flat[lead]
    writer.markup("*", first[1], first[2])
    inner = flat[lead : len(flat) - trail]
    _write_flat(writer, inner)
    last = inner[-1]
    writer.markup("*", last[1], last[2] + 1)
    _write_flat(writer, flat[len(flat) - trail :])


def _write_flat(writer: _Writer, flat: list[tuple[str, int, int]]) -> None:
    """Characters with their places, written as runs of consecutive columns."""
    i = 0
    while i < len(flat):
        j = i + 1
        while j < len(flat) and flat[j][1] == flat[i][1] and flat[j][2] == flat[j - 1][2] + 1:
            j += 1
        _write_escaped(writer, "".join(c for c, _, _ in flat[i:j]), flat[i][1], flat[i][2])
        i = j


def read_docx(data: bytes, name: str = "-", revisions: str = "accepted") -> WordDocument:
    """Read the bytes of a ``.docx``: DocxError for anything that is not a readable Word document."""
    reader = _Reader(open_package(data, name), name, revisions)
    return _render(reader)


def _render(reader: _Reader) -> WordDocument:
    renderer = _Renderer(reader)
    renderer.body()
    renderer.footnote_bodies()
    return renderer.result()


class _Renderer:
    """Writes the rendering of a document: its body paragraphs, then its footnotes."""

    def __init__(self, reader: _Reader):
        self.reader = reader
        self.writer = _Writer()
        self.elements = list(reader.body_paragraphs())
        self.wp_texts: list[str] = []  # accepted text of every w:p
        self.wp_pieces: list[list[Piece]] = []
        self.paragraphs: list[WordParagraph] = []
        self.footnotes: list[Footnote] = []  # referenced ones, then those no reference points to
        self.referenced: set[int] = set()
        self.unreferenced: list[int] = []
        self.next_note = reader.num_start

    def body(self) -> None:
        reader = self.reader
        pending: list[Piece] = []
        pending_wps: list[int] = []
        last = len(self.elements) - 1
        for wp, p in enumerate(self.elements):
            style, num, source, joined = reader.paragraph_properties(p)
            pieces = reader.pieces(p, style, wp)
            self.wp_texts.append("".join(piece.text for piece in pieces if piece.kind != "ref"))
            self.wp_pieces.append(pieces)
            pending.extend(pieces)
            pending_wps.append(wp + 1)
            if joined and wp < last:
                continue  # the paragraph mark is deleted: the text runs on into the next w:p
            self._paragraph(pending, pending_wps, style, num, source)
            pending, pending_wps = [], []

    def _paragraph(self, pieces: list[Piece], wps: list[int], style, num, source) -> None:
        """One paragraph as Word shows it (one w:p, or several joined)."""
        reader = self.reader
        self._number_references(pieces)
        number = reader.numbering.next_number(num[0], num[1]) if num is not None else None
        text = "".join(piece.text for piece in pieces)
        if not text.strip() and not number:
            return  # an empty paragraph: nothing for the Markdown reader
        heading = reader.styles.heading_level(style)
        paragraph = WordParagraph(
            wps, text, number, num[0] if num else None, num[1] if num else None, source, style, heading
        )
        writer = self.writer
        if self.paragraphs:
            end_wp = self.paragraphs[-1].wp[-1] - 1
            writer.markup("\n\n", end_wp, len(self.wp_texts[end_wp]))
        paragraph.start = writer.pos
        first_wp = pieces[0].wp if pieces else wps[-1] - 1
        first_col = pieces[0].col if pieces else 0
        if heading:
            writer.markup("#" * heading + " ", first_wp, first_col)
        if number:
            level = reader.numbering.level(num[0], num[1])
            writer.markup(
                number + ("" if level is not None and level.suffix == "nothing" else " "), first_wp, first_col
            )
        if not heading and _bold_heading(pieces, text):
            _write_bold_line(writer, pieces)
        else:
            _write_pieces(writer, pieces)
        paragraph.end = writer.pos
        self.paragraphs.append(paragraph)

    def _number_references(self, pieces: list[Piece]) -> None:
        """Footnote numbers: the order of the references, from numStart."""
        for piece in pieces:
            if piece.kind == "ref":
                piece.text = str(self.next_note)
                note_id = piece.note if piece.note is not None else -1
                self.footnotes.append(Footnote(self.next_note, note_id, "", piece.wp + 1, piece.col))
                if note_id in self.reader.notes:
                    self.referenced.add(note_id)
                self.next_note += 1
        _fix_ref_columns(pieces, self.wp_texts)

    def footnote_bodies(self) -> None:
        """The footnotes' text, in the order of their numbers, after a page break;
        a footnote no reference points to comes last, its findings at the end."""
        reader, writer = self.reader, self.writer
        self.unreferenced = [
            nid
            for nid in reader.notes
            if nid not in self.referenced and nid not in reader.custom_marks and _has_text(reader, nid)
        ]
        last_wp, last_col = self._end()
        for nid in self.unreferenced:
            self.footnotes.append(Footnote(self.next_note, nid, "", last_wp + 1, last_col))
            self.next_note += 1
        bodies = [(f, reader.note_text(f.note_id)) for f in self.footnotes]
        if any("".join(p.text for p in pieces).strip() for _, pieces in bodies):
            writer.markup("\n\n---", last_wp, last_col)
        for f, pieces in bodies:
            f.text = "".join(p.text for p in pieces if p.kind != "ref").strip()
            if not f.text:
                f.start = f.end = writer.pos
                continue
            f.pieces = pieces
            note = reader.notes.get(f.note_id)
            f.elements = list(note.iter(_W + "p")) if note is not None else []
            writer.markup("\n\n", f.wp - 1, f.col)
            f.start = writer.pos
            writer.markup(f"<sup>{f.number}</sup> ", f.wp - 1, f.col)
            _write_footnote(writer, pieces, f)
            f.end = writer.pos
        writer.markup("\n", last_wp, last_col)

    def _end(self) -> tuple[int, int]:
        """(0-based w:p, column) of the end of the last paragraph read."""
        last_wp = self.paragraphs[-1].wp[-1] - 1 if self.paragraphs else 0
        return last_wp, len(self.wp_texts[last_wp]) if self.wp_texts else 0

    def result(self) -> WordDocument:
        writer, reader = self.writer, self.reader
        return WordDocument(
            writer.value(),
            self.paragraphs,
            self.wp_texts,
            self.footnotes,
            reader.revisions,
            self.unreferenced,
            writer.starts,
            writer.wps,
            writer.cols,
            writer.linear,
            self.elements,
            self.wp_pieces,
            reader.document,
            reader.footnotes_root,
        )


def _bold_heading(pieces: list[Piece], text: str) -> bool:
    """A paragraph in bold is a heading ("**Annex**", "**Objectives**"), unless
    it reads like a paragraph of the resolution, whose emphasis is not markup."""
    visible = [piece for piece in pieces if piece.kind != "ref" and piece.text.strip()]
    return (
        bool(visible)
        and all(piece.bold for piece in visible)
        and len(text) <= 300
        and not text.rstrip().endswith((",", ";", ":"))
    )


def _fix_ref_columns(pieces: list[Piece], wp_texts: list[str]) -> None:
    """A reference mark shows its number: count it in its w:p's accepted text.

    The pieces were read with the marks as zero-width; now that the numbers
    are known, shift the columns after each mark and put the digits in."""
    shift: dict[int, int] = {}
    for piece in pieces:
        extra = shift.get(piece.wp, 0)
        piece.col += extra
        if piece.kind == "ref":
            shift[piece.wp] = extra + len(piece.text)
    for wp in shift:
        wp_texts[wp] = "".join(p.text for p in pieces if p.wp == wp)


def _write_bold_line(writer: _Writer, pieces: list[Piece]) -> None:
    text_pieces = [p for p in pieces if p.kind != "ref"]
    first = next(p for p in text_pieces if p.text.strip())
    writer.markup("**", first.wp, first.col)
    for p in pieces:
        if p.kind == "ref":
            _write_pieces(writer, [p])
        else:
            _write_escaped(writer, p.text.replace("\n", " "), p.wp, p.col)
    last = pieces[-1]
    writer.markup("**", last.wp, last.col + len(last.text))


def _write_footnote(writer: _Writer, pieces: list[Piece], f: Footnote) -> None:
    # The body's own text maps to the mark; line breaks inside would end the Markdown block.
    for p in pieces:
        p.text = p.text.replace("\n", " ")
    while pieces and not pieces[-1].text.strip():
        pieces.pop()
    if pieces:
        pieces[-1].text = pieces[-1].text.rstrip()
    for p in pieces:
        p.sup = False
    first = len(writer.starts)
    if first and writer.starts[-1] == writer.pos:
        first -= 1  # the next anchor replaces the one at this offset
    _write_pieces(writer, pieces)
    # The footnote keeps the map of its own text; in the document's map every
    # character of it points at the reference mark.
    f.starts = writer.starts[first:]
    f.paras = writer.wps[first:]
    f.cols = writer.cols[first:]
    f.linear = writer.linear[first:]
    for i in range(first, len(writer.starts)):
        writer.linear[i] = False
        writer.wps[i], writer.cols[i] = f.wp - 1, f.col


def _has_text(reader: _Reader, nid: int) -> bool:
    return bool("".join(p.text for p in reader.note_text(nid)).strip())


# ------------------------------------------------------------------ the Source


@dataclass(slots=True)
class WordSource(Source):
    """The rendering as a :class:`Source` whose lines are Word's paragraphs.

    ``position`` gives (0-based w:p index, 0-based column in its accepted
    text); ``line_text`` the accepted text of a w:p.  ``line_starts``,
    ``line_count`` and ``offset_of`` stay those of the rendering (the
    suppression comments, which a Word document cannot hold, use them)."""

    word: WordDocument | None = None

    def position(self, offset: int) -> tuple[int, int]:
        return self.word.location(max(0, min(offset, len(self.text))))

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]

    def line_text(self, line: int) -> str:
        texts = self.word.wp_texts
        return texts[line].replace("\n", " ") if 0 <= line < len(texts) else ""

    def utf16_position(self, offset: int) -> tuple[int, int]:
        line, col = self.position(offset)
        text = self.word.wp_texts[line] if 0 <= line < len(self.word.wp_texts) else ""
        return line, col + sum(1 for c in text[:col] if ord(c) > 0xFFFF)
