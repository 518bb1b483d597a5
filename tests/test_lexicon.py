"""Tests for resolint.lexicon: every paragraph opener in the shared corpus is
recognised with the right kind, negatives stay negative, heads and adverbs are
extracted consistently, near misses get a suggestion.

The corpus openers are extracted from the files at test time (not a
hard-coded list):

* markdown: blocks after "*The General Assembly" up to the plenary line;
  unnumbered blocks are preambular paragraphs (their ``*italic*`` phrase must
  equal the matched phrase), numbered ``N. *Verb*`` blocks are operative;
* plaintext: tab-indented lines, ``\\tRecalling …`` and ``\\tN.\\tVerb …``.

An unnumbered paragraph ending with ":" ("*Resolves* that, for 2022:",
"*Adopts* the following political declaration:") is operative and opens a
scope whose paragraphs may open with a noun, "We", "The", "To", digits …:
those are exempt, except after a first-person chapeau ending with a comma
("We, Heads of State …,"), where every numbered paragraph continues the
sentence with a first-person verb ("Reaffirm", "Also reaffirm") and must be
recognised as operative with ``first_person=True``.  The last unnumbered
paragraph of a body without numbered paragraphs is a single operative
paragraph ("*Decides* to adopt …", A/RES/77/5).  Annexes (after the plenary
line) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import seed_corpus_files

from resolint.lexicon import (
    OpenerMatch,
    looks_like_participle,
    match_opener,
    suggest_opener,
)

PLENARY = re.compile(r"^\*?\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting")
NUMBERED_MD = re.compile(r"^(\d+)\.\s+")
NUMBERED_TXT = re.compile(r"^\t(\d+)\.\t")
# A footnote marker after the final punctuation: "<sup>1</sup>" (markdown),
# a bare digit "…Action:1" (plaintext).
TRAILING_NOTE = re.compile(r"(?:<sup>[^<]*</sup>|\s|(?<=[:;,.])\d+)+$")


@dataclass
class Para:
    """One corpus paragraph whose opener the test checks."""

    where: str
    numbered: bool
    text: str  # number and '*' markers removed
    italic: str | None  # the *italic* opening phrase (markdown only)
    scope: str  # "main", "first_person" or "exempt"
    expected: str = ""  # "preambular" / "operative" (main scope)


def _finish_body(body: list[Para]) -> list[Para]:
    """Assign expected kinds in one body (opener … plenary line)."""
    main = [p for p in body if p.scope == "main"]
    for p in main:
        p.expected = "operative" if p.numbered else "preambular"
    if main and not any(p.numbered for p in main):
        main[-1].expected = "operative"
    return body


class _Body:
    """State while walking one document: scope tracking shared by both formats."""

    def __init__(self) -> None:
        self.paras: list[Para] = []
        self.body: list[Para] | None = None
        self.colon = False
        self.first_person = False

    def open(self) -> None:
        self.close()
        self.body, self.colon, self.first_person = [], False, False

    def close(self) -> None:
        if self.body is not None:
            self.paras.extend(_finish_body(self.body))
        self.body = None

    def add(self, where: str, numbered: bool, raw: str, italic: str | None) -> None:
        if self.body is None:
            return
        text = raw.replace("*", "")
        ending = TRAILING_NOTE.sub("", raw)
        if self.colon:
            if not numbered and text.startswith("We,") and ending.endswith(","):
                self.first_person = True
                return
            scope = "first_person" if (self.first_person and numbered) else "exempt"
            self.body.append(Para(where, numbered, text, italic, scope))
            return
        para = Para(where, numbered, text, italic, "main")
        self.body.append(para)
        if not numbered and ending.endswith(":"):
            para.expected = "operative"
            self.colon = True


def _markdown(path: Path) -> list[Para]:
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[tuple[int, str]] = []
    cur: list[str] = []
    start = 0
    for n, line in enumerate(lines, 1):
        if line.strip():
            if not cur:
                start = n
            cur.append(line.strip())
        elif cur:
            blocks.append((start, " ".join(cur)))
            cur = []
    if cur:
        blocks.append((start, " ".join(cur)))

    doc = _Body()
    for n, b in blocks:
        if b.startswith("*The General Assembly"):
            doc.open()
            continue
        if PLENARY.match(b):
            doc.close()
            continue
        if (
            b.startswith(("---", "<sup>", "(", "**", "#", "["))
            or not b[0].isupper()
            and not b[0].isdigit()
            and b[0] != "*"
            or re.match(r"Action \d", b)
        ):
            continue  # footnotes, page breaks, subparagraphs, headings, page-split tails
        m = NUMBERED_MD.match(b)
        content = b[m.end() :] if m else b
        italic = None
        im = re.match(r"\*([^*]+)\*", content)
        if im:
            italic = im.group(1).strip().rstrip(",").strip()
        doc.add(f"{path.name}:{n}", bool(m), content, italic)
    doc.close()
    return doc.paras


def _plaintext(path: Path) -> list[Para]:
    doc = _Body()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("\tThe General Assembly"):
            doc.open()
            continue
        if PLENARY.match(line):
            doc.close()
            continue
        if not line.startswith("\t") or line.startswith("\t(") or re.match(r"\tAction \d", line):
            continue
        m = NUMBERED_TXT.match(line)
        content = line[m.end() :] if m else line[1:]
        if not content[:1].isupper():
            continue
        doc.add(f"{path.name}:{n}", bool(m), content, None)
    doc.close()
    return doc.paras


def _corpus(corpus: Path) -> list[Para]:
    paras: list[Para] = []
    for path in seed_corpus_files(corpus):
        if path.suffix == ".md":
            paras.extend(_markdown(path))
        elif path.suffix == ".txt":
            paras.extend(_plaintext(path))
    return paras


# ---------------------------------------------------------------- the corpus


def test_every_corpus_opener_is_recognised(corpus) -> None:
    paras = _corpus(corpus)
    assert paras, "no paragraphs extracted from the corpus"
    problems: list[str] = []
    phrases: dict[str, set[str]] = {"preambular": set(), "operative": set()}
    first_person: set[str] = set()
    exempt: list[str] = []
    for p in paras:
        m = match_opener(p.text)
        if p.scope == "main":
            if m is None:
                problems.append(f"{p.where}: not recognised: {p.text[:60]!r}")
                continue
            if m.kind != p.expected or m.first_person:
                problems.append(
                    f"{p.where}: {m.kind} (first_person={m.first_person}), expected {p.expected}: {p.text[:60]!r}"
                )
            if p.italic is not None and m.phrase != p.italic:
                problems.append(f"{p.where}: phrase {m.phrase!r} != italic {p.italic!r}")
            phrases[m.kind].add(m.phrase)
        elif p.scope == "first_person":
            if m is None or m.kind != "operative" or not m.first_person:
                problems.append(f"{p.where}: expected a first-person operative opener, got {m}: {p.text[:60]!r}")
            else:
                first_person.add(m.phrase)
        else:
            exempt.append(p.text.split()[0].strip(","))
            if m is not None:
                problems.append(f"{p.where}: exempt paragraph matched as {m}: {p.text[:60]!r}")
    print(
        f"\ncorpus openers: {sum(p.scope == 'main' for p in paras)} paragraphs checked; "
        f"distinct phrases: {len(phrases['preambular'])} preambular, "
        f"{len(phrases['operative'])} operative, {len(first_person)} first-person; "
        f"{len(exempt)} exempt (budget/declaration) paragraphs"
    )
    assert not problems, "\n".join(problems)
    # The corpus is known to hold dozens of forms of each kind.
    assert len(phrases["preambular"]) >= 50
    assert len(phrases["operative"]) >= 40
    assert {
        "Reaffirm",
        "Also reaffirm",
        "Recall",
        "Note with concern",
        "Acknowledge and profoundly regret",
    } <= first_person


# ---------------------------------------------------------------- examples


@pytest.mark.parametrize(
    "text, kind, phrase, head, adverb",
    [
        ("Recalling its resolutions 58/208 of 23 December 2003", "preambular", "Recalling", "recalling", None),
        ("Recalling also its resolution", "preambular", "Recalling also", "recalling", "also"),
        ("Reaffirming also the Paris Agreement", "preambular", "Reaffirming also", "reaffirming", "also"),
        ("Recalling further resolutions", "preambular", "Recalling further", "recalling", "further"),
        ("Noting with great concern the severe", "preambular", "Noting with great concern", "noting", None),
        ("Deeply concerned about", "preambular", "Deeply concerned", "concerned", None),
        ("Mindful of the need", "preambular", "Mindful", "mindful", None),
        ("Bearing in mind that", "preambular", "Bearing in mind", "bearing in mind", None),
        ("Having considered the report", "preambular", "Having considered", "having considered", None),
        ("Taking note also of the report", "preambular", "Taking note also", "taking note", "also"),
        ("Taking note with appreciation of", "preambular", "Taking note with appreciation", "taking note", None),
        ("Expressing grave concern also at", "preambular", "Expressing grave concern also", "expressing", "also"),
        ("Reaffirming its serious concern that", "preambular", "Reaffirming its serious concern", "reaffirming", None),
        ("Reaffirming its commitment and strong political will", "preambular", "Reaffirming", "reaffirming", None),
        ("Strongly condemning, in this regard,", "preambular", "Strongly condemning", "condemning", None),
        ("Looking forward to the convening", "preambular", "Looking forward", "looking forward", None),
        ("Requests the Secretary-General", "operative", "Requests", "requests", None),
        ("Takes note of the report", "operative", "Takes note", "takes note", None),
        (
            "Takes note with appreciation of the convening",
            "operative",
            "Takes note with appreciation",
            "takes note",
            None,
        ),
        ("Also encourages Member States", "operative", "Also encourages", "encourages", "also"),
        ("Further encourages Member States", "operative", "Further encourages", "encourages", "further"),
        ("Also recognizes that", "operative", "Also recognizes", "recognizes", "also"),
        ("Also calls upon Member States", "operative", "Also calls upon", "calls upon", "also"),
        (
            "Welcomes and expresses its strong support for",
            "operative",
            "Welcomes and expresses its strong support",
            "welcomes",
            None,
        ),
        ("Recalls and reiterates the requests", "operative", "Recalls and reiterates", "recalls", None),
        ("Reiterates its commitment to", "operative", "Reiterates its commitment", "reiterates", None),
        ("Reaffirms its commitment to the sovereignty", "operative", "Reaffirms its commitment", "reaffirms", None),
        ("Condemns in the strongest terms", "operative", "Condemns in the strongest terms", "condemns", None),
        ("Strongly encourages Member States", "operative", "Strongly encourages", "encourages", None),
        ("Decides to include", "operative", "Decides", "decides", None),
        ("Resolves that, for 2022:", "operative", "Resolves", "resolves", None),
        ("Calls upon all States", "operative", "Calls upon", "calls upon", None),
        ("Urges the Russian Federation:", "operative", "Urges", "urges", None),
        # Composed forms mined from the published resolutions of sessions 75-80.
        ("Calls once again upon all", "operative", "Calls once again upon", "calls upon", None),
        ("Once again urges the", "operative", "Once again urges", "urges", None),
        ("Having also considered the", "preambular", "Having also considered", "having considered", "also"),
        ("Remains deeply concerned about", "operative", "Remains deeply concerned", "remains concerned", None),
        ("Remaining deeply concerned by", "preambular", "Remaining deeply concerned", "remaining concerned", None),
        ("Being gravely concerned at", "preambular", "Being gravely concerned", "being concerned", None),
        ("Equally concerned about", "preambular", "Equally concerned", "concerned", None),
        (
            "Continues to express particular concern about",
            "operative",
            "Continues to express particular concern",
            "continues to express",
            None,
        ),
        ("Continues to welcome the", "operative", "Continues to welcome", "continues to welcome", None),
        ("Commits to enhancing", "operative", "Commits", "commits", None),
        ("Draws the attention of", "operative", "Draws the attention", "draws the attention", None),
        ("Calling attention also to", "preambular", "Calling attention also", "calling attention", "also"),
        ("Honouring the courage", "preambular", "Honouring", "honouring", None),
        ("Welcoming in this regard also the", "preambular", "Welcoming in this regard also", "welcoming", "also"),
        ("Recalls in this regard the", "operative", "Recalls in this regard", "recalls", None),
        (
            "Also, in this regard, calls upon States",
            "operative",
            "Also, in this regard, calls upon",
            "calls upon",
            "also",
        ),
        ("Reiterates its call upon States", "operative", "Reiterates its call upon", "reiterates", None),
        (
            "Notes with appreciation and satisfaction that",
            "operative",
            "Notes with appreciation and satisfaction",
            "notes",
            None,
        ),
        ("Condemns unequivocally all", "operative", "Condemns unequivocally", "condemns", None),
        # "further" before the object is its adjective; before "the", the verb's adverb.
        ("Encourages further efforts", "operative", "Encourages", "encourages", None),
        ("Calls for further international cooperation", "operative", "Calls for", "calls for", None),
        ("Welcomes further views", "operative", "Welcomes", "welcomes", None),
        ("Encourages further the Secretary-General", "operative", "Encourages further", "encourages", "further"),
    ],
)
def test_examples(text: str, kind: str, phrase: str, head: str, adverb: str | None) -> None:
    m = match_opener(text)
    assert m == OpenerMatch(kind, phrase, len(phrase), head, adverb, False)
    assert text[: m.length] == m.phrase


@pytest.mark.parametrize(
    "text, phrase, head, adverb",
    [
        ("Reaffirm that the Durban Declaration", "Reaffirm", "reaffirm", None),
        ("Also reaffirm that racism", "Also reaffirm", "reaffirm", "also"),
        ("Recall the importance of", "Recall", "recall", None),
        ("Note with concern the disproportionate impact", "Note with concern", "note", None),
        (
            "Acknowledge and profoundly regret the untold suffering",
            "Acknowledge and profoundly regret",
            "acknowledge",
            None,
        ),
        ("Acknowledge with deep concern the rise", "Acknowledge with deep concern", "acknowledge", None),
        ("Firmly believe that", "Firmly believe", "believe", None),
        ("Call upon all States", "Call upon", "call upon", None),
        ("Resolve to pursue", "Resolve", "resolve", None),
    ],
)
def test_first_person(text: str, phrase: str, head: str, adverb: str | None) -> None:
    assert match_opener(text) == OpenerMatch("operative", phrase, len(phrase), head, adverb, True)


@pytest.mark.parametrize(
    "text",
    [
        "Recallling its resolution",
        "The Security Council",
        "From: john@example.org",
        "| a | b |",
        "Appropriations totalling 3,121,651,000 United States dollars",
        "We, the Heads of State",
        "The Secretary-General shall be authorized",
        "recalling also",  # openers are capitalised
        "",
        "1. Requests",  # the caller removes the number
        "*Recalling*",  # … and the italics markers
        "Note by the Secretary-General",  # a noun, not the first-person verb
        "Support for the programme",
        "Direct expenses of the United Nations Postal Administration",
        "Furthermore, the Assembly",
        "Also the",
        "Deeply",
        "Taking the floor",
        "Reccalling its resolution",  # a misspelling is no UN usage
        "Once again the",
        "Remains of the",
        "Being the",
        "Continues the",
        "Trust Fund for Human Security",
        "Appropriate measures shall",
    ],
)
def test_negatives(text: str) -> None:
    assert match_opener(text) is None


def test_case_insensitive_after_first_letter() -> None:
    m = match_opener("RECALLING ALSO its resolution")
    assert m is not None and m.head == "recalling" and m.adverb == "also"
    assert m.phrase == "RECALLING ALSO"


def test_misplaced_adverbs_are_reported_with_their_position() -> None:
    m = match_opener("Further recalling its resolution")
    assert m is not None and m.kind == "preambular" and m.adverb == "further"
    assert m.phrase.lower().startswith(m.adverb)
    m = match_opener("Requests also the Secretary-General")
    assert m is not None and m.kind == "operative" and m.phrase == "Requests also"


def test_whitespace_and_hyphens() -> None:
    m = match_opener("Noting\u00a0with  concern that")
    assert m is not None and m.phrase == "Noting\u00a0with  concern"
    m = match_opener("Re\u2011emphasizing the need")
    assert m is not None and m.head == "re-emphasizing"


def test_extra_openers() -> None:
    assert match_opener("Pondering the matter") is None
    m = match_opener("Pondering also the matter", extra_preambular=("Pondering",))
    assert m == OpenerMatch("preambular", "Pondering also", 14, "pondering", "also")
    m = match_opener("Also ponders the matter", extra_operative=("Ponders",))
    assert m == OpenerMatch("operative", "Also ponders", 12, "ponders", "also")
    m = match_opener("Ponder the matter", extra_operative=("ponders",))
    assert m is not None and m.first_person
    m = match_opener("Cognizant of", extra_preambular=("cognizant of",))
    assert m is not None and m.phrase == "Cognizant of"
    # The user's heads compose like the bundled ones.
    for text in ("Once again ponders the", "Continues to ponder the", "Strongly ponders the"):
        m = match_opener(text, extra_operative=("Ponders",))
        assert m is not None and m.kind == "operative", text
    m = match_opener("Having also pondered the", extra_preambular=("having pondered",))
    assert m is not None and m.adverb == "also"
    # The bundled lexicon is unchanged afterwards.
    assert match_opener("Pondering the matter") is None


def test_italic_ends_allow_the_object_outside_the_italics() -> None:
    m = match_opener("Reaffirming its commitment to")
    assert m.italic_ends == (len("Reaffirming"), len("Reaffirming its commitment"))
    # The adverb, a "with" complement and a fixed phrase belong to the italics.
    assert match_opener("Recalling also its").italic_ends == (len("Recalling also"),)
    assert match_opener("Noting with concern that").italic_ends == (len("Noting with concern"),)
    assert match_opener("Condemns in the strongest terms").italic_ends == (len("Condemns in the strongest terms"),)
    assert match_opener("Takes note of").italic_ends == (len("Takes note"),)


@pytest.mark.slow
def test_every_italic_opener_of_the_published_corpus_is_recognised(corpus) -> None:
    """Every paragraph of a resolution's own preamble and operative part whose
    Markdown opens with italics, in every folder of the corpus, has a known opener."""
    from resolint.parser import parse

    problems, count = [], 0
    for path in sorted(corpus.rglob("*.md")):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        doc = parse(text, None, str(path))
        for part in doc.parts:
            for p in (*part.preamble, *(q for q in part.operative if not q.introduced)):
                o = p.opener
                if o is None or not o.italic:
                    continue
                count += 1
                if o.kind == "unknown":
                    problems.append(f"{path.relative_to(corpus)}:{o.span.line + 1}: {o.phrase!r}")
    assert count > 5000
    assert problems == []


# ---------------------------------------------------------------- suggestions


@pytest.mark.parametrize(
    "word, kind, expected",
    [
        ("Recallling", None, "Recalling"),
        ("Requets", None, "Requests"),
        ("Requets", "operative", "Requests"),
        ("Recallling its resolution", None, "Recalling"),
        ("Recognising", None, "Recognizing"),
        ("Emphasising also", None, "Emphasizing also"),
        ("Reafirming", "preambular", "Reaffirming"),
        ("Encourges", None, "Encourages"),
        ("Takes not", None, "Takes note"),
        ("Further recalling", None, "Recalling further"),
        ("Requests also", None, "Also requests"),
        ("Recalling", None, None),  # already right
        ("Xyzzy", None, None),
        ("The", None, None),
        ("Appropriations", None, None),
        ("Requets", "preambular", None),
        ("Reccalling", None, "Recalling"),
        ("Remainss", None, None),
    ],
)
def test_suggest_opener(word: str, kind: str | None, expected: str | None) -> None:
    assert suggest_opener(word, kind) == expected


# ---------------------------------------------------------------- unknown words


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Pondering", True),
        ("Troubled", True),
        ("Taken", True),
        ("Mindful", True),
        ("Deeply troubled", True),
        ("Requests", False),
        ("Morning", False),
        ("United", False),
        ("The", False),
        ("pondering", False),
        ("Appropriations", False),
        ("", False),
    ],
)
def test_looks_like_participle(word: str, expected: bool) -> None:
    assert looks_like_participle(word) is expected
