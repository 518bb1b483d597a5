"""The opening phrases of resolution paragraphs, and a fast matcher for them.

A preambular paragraph opens with a participle, a participial phrase or an
adjective (*Recalling*, *Having considered*, *Deeply concerned*); an operative
paragraph opens with a verb in the present indicative (*Requests*, *Takes
note*, *Calls upon*).  The same verbs recur with a small set of additions, so
the lexicon (``resolint/data/openers.toml``) lists heads, intensifiers and
complements, and the matcher *composes* them:

* preambular: ``[intensifier] head [also|further] [complement] [also|further]``
  — "Recalling also", "Deeply concerned", "Noting with great concern",
  "Taking note also", "Expressing grave concern also",
  "Reaffirming its serious concern";
* operative: ``[Also|Further] [intensifier] head [complement]
  [and [intensifier] head [complement]]`` — "Also encourages",
  "Strongly condemns", "Takes note with appreciation",
  "Condemns in the strongest terms", "Welcomes and expresses its strong
  support", "Recalls and reiterates", "Reiterates its commitment";
* first person (declarations adopted by a resolution, "We, the Heads of
  State … 1. Reaffirm that …"): the base form of every operative head
  ("Reaffirm", "Also reaffirm", "Note with concern", "Acknowledge and
  profoundly regret"), reported as operative with ``first_person=True`` so
  that rules written for the Assembly's own voice can skip them.

``OpenerMatch.head`` is the head alone, lower case, without intensifier,
adverb or complement, multi-word heads whole: "Deeply concerned" ->
"concerned", "Taking note also" -> "taking note", "Further encourages" ->
"encourages", "Having considered" -> "having considered", "Welcomes and
expresses its strong support" -> "welcomes", "Also reaffirm" -> "reaffirm".

``OpenerMatch.phrase`` is what the corpus italicises: prepositions that only
introduce the object are left out ("*Taking note* of", "*Concerned* about"),
phrasal particles are kept ("*Calls upon*", "*Bearing in mind*").

The adverb is reported wherever it stands; its position is visible in
``phrase`` (it leads iff ``phrase.lower().startswith(adverb)``), so the
Model-UN forms "Further recalling" (preambular) and "Requests also"
(operative) are matched, for the also/further rule to report.

Speed: ``match_opener`` runs on every paragraph.  It walks a token trie built
once per set of extra openers (no loop over patterns) over the run of words
that precompiled regexes read at the start of the text, the first word alone
first (a paragraph whose first word opens nothing is turned away at once); a
call costs a few microseconds.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

__all__ = ["OpenerMatch", "match_opener", "suggest_opener", "looks_like_participle", "opener_heads"]


@dataclass(frozen=True, slots=True)
class OpenerMatch:
    """An opening phrase found at the start of a paragraph.

    kind: "preambular" or "operative" (first-person declaration verbs are
        operative, flagged by ``first_person``).
    phrase: the opening phrase exactly as written, ``text[:length]``, e.g.
        "Noting with great concern", "Also encourages", "Takes note with
        appreciation".
    length: ``len(phrase)``; the phrase starts at ``text[0]``.
    head: the head word(s), lower case, without intensifier ("deeply"),
        also/further or complement: "recalling", "encourages", "concerned",
        "taking note", "calls upon", "having considered", "reaffirm".
    adverb: "also", "further" or None.
    first_person: True for the first-person forms of declarations
        ("Reaffirm", "Also reaffirm", "Note with concern").
    italic_ends: the lengths at which the italics of the phrase may stop,
        shortest first, the last one ``length``: the head (with its
        also/further) must be italic, the modifiers after it may be
        ("*Reaffirming* its commitment", "*Reaffirming its commitment*").
        Not compared: two matches of the same phrase are equal.
    """

    kind: Literal["preambular", "operative"]
    phrase: str
    length: int
    head: str
    adverb: str | None
    first_person: bool = False
    italic_ends: tuple[int, ...] = field(default=(), compare=False)


# ---------------------------------------------------------------- the data

_PREAMBULAR = "preambular"
_OPERATIVE = "operative"

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


@lru_cache(maxsize=1)
def _data() -> dict:
    """The bundled ``openers.toml``, parsed once on first use."""
    raw = resources.files("resolint.data").joinpath("openers.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


def _words(phrase: str) -> tuple[str, ...]:
    """A phrase as the matcher sees it: lower-case words, hyphens unified."""
    return tuple(phrase.translate(_HYPHENS).lower().split())


def _base_form(verb: str) -> str:
    """The first-person (base) form of a third-person verb: "urges" -> "urge"."""
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return verb[:-2]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


@dataclass(frozen=True, slots=True, eq=False)
class _Entry:
    """What the trie stores at the end of a head."""

    kind: str
    head: str
    first_person: bool
    possessive: bool  # takes "its <noun>" ("Reaffirms its commitment")
    bare: bool  # takes a bare "<noun>" ("Expressing concern")
    composed: bool = False  # a copula or continuation with a head ("Remains concerned")


def _phrases(items) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word phrases indexed by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for item in items:
        words = _words(item)
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


class _Lexicon:
    """The composed lexicon: a trie of heads and the sets of modifiers."""

    __slots__ = (
        "trie",
        "adverbs",
        "intensifiers",
        "again",
        "situational",
        "further_before",
        "with_nouns",
        "qualifiers",
        "possessives",
        "possessive_nouns",
        "noun_particles",
        "bare_nouns",
        "fixed",
        "not_before",
        "vocabulary",
        "first_words",
        "leading",
        "inner",
        "after_head",
        "possessive_stems",
        "bare_stems",
    )

    def __init__(self, extra_preambular: tuple[str, ...], extra_operative: tuple[str, ...]):
        d = _data()
        self._read_modifiers(d["modifiers"], d["complements"], d["operative"])
        self.trie: dict = {}
        pre, op = d["preambular"], d["operative"]
        adjectives = [_words(h) for h in pre["adjectives"]]
        third = [_words(h) for h in op["heads"]] + [_words(h) for h in extra_operative]
        bases = [(_base_form(w[0]),) + w[1:] for w in third]
        self._add_preambular(pre, adjectives, bases, extra_preambular)
        self._add_operative(op, adjectives, third, bases)

        first_again = frozenset(self.again)
        self.first_words = frozenset(self.trie) | self.adverbs | self.intensifiers | first_again
        self.leading = self.adverbs | first_again  # what may stand before the head: "Also", "Once again"
        # Words that may stand inside a composed head, and words that may
        # start a modifier after it: any other word ends the opener at once.
        self.inner = first_again | self.intensifiers | self.adverbs
        self.after_head = (
            self.inner
            | frozenset(self.situational)
            | frozenset(self.fixed)
            | self.possessives
            | self.qualifiers
            | self.bare_nouns
            | {"with"}
        )
        self.vocabulary = self._vocabulary()

    def _read_modifiers(self, mod: dict, comp: dict, op: dict) -> None:
        """The modifier and complement sets of openers.toml."""
        self.adverbs = frozenset(mod["adverbs"])
        self.intensifiers = frozenset(mod["intensifiers"])
        self.again = _phrases(mod["again"])
        self.situational = _phrases(mod["situational"])
        self.further_before = frozenset(mod["further_before"])
        self.with_nouns = frozenset(comp["with_nouns"])
        self.qualifiers = frozenset(comp["qualifiers"])
        self.possessives = frozenset(comp["possessives"])
        self.possessive_nouns = frozenset(comp["possessive_nouns"])
        self.noun_particles = {k: frozenset(v) for k, v in comp["noun_particles"].items()}
        self.bare_nouns = self.possessive_nouns | self.with_nouns
        self.fixed = _phrases(comp["fixed"])
        self.not_before = frozenset(op["first_person_not_before"])
        self.possessive_stems = tuple(comp["possessive_heads"])
        self.bare_stems = tuple(comp["bare_heads"])

    def _add(
        self, words: tuple[str, ...], kind: str, first_person: bool = False, stem_word: int = 0, composed: bool = False
    ) -> None:
        """Put a head in the trie; the first definition of a head wins."""
        if not words:
            return
        node = self.trie
        for w in words:
            node = node.setdefault(w, {})
        if "" in node:  # first definition wins (a head is not redefined)
            return
        stem = words[stem_word]
        node[""] = _Entry(
            kind=kind,
            head=" ".join(words),
            first_person=first_person,
            possessive=stem.startswith(self.possessive_stems),
            bare=stem.startswith(self.bare_stems),
            composed=composed,
        )

    def _add_preambular(self, pre: dict, adjectives: list, bases: list, extra_preambular: tuple[str, ...]) -> None:
        """The preambular heads: participles, "having …", adjectives, the
        user's, and the composed ones ("remains concerned", "continuing to support")."""
        for h in pre["heads"]:
            self._add(_words(h), _PREAMBULAR)
        for h in pre["having"]:
            self._add(("having",) + _words(h), _PREAMBULAR)
        for words in adjectives:
            self._add(words, _PREAMBULAR)
        for h in extra_preambular:
            self._add(_words(h), _PREAMBULAR)
        for copula in pre["copulas"]:
            for words in adjectives:
                self._add(_words(copula) + words, _PREAMBULAR, composed=True)
        for continuation in pre["continuations"]:
            for base in bases:
                self._add(_words(continuation) + base, _PREAMBULAR, stem_word=len(_words(continuation)), composed=True)

    def _add_operative(self, op: dict, adjectives: list, third: list, bases: list) -> None:
        """The operative heads (third person, composed), then their first-person forms."""
        not_verbs = frozenset(op["first_person_exclude"])
        composed = [(words, False) for words in third]
        for copula in op["copulas"]:
            composed += [(_words(copula) + words, True) for words in adjectives]
        for continuation in op["continuations"]:
            composed += [(_words(continuation) + base, True) for base in bases]
        for words, made in composed:
            self._add(words, _OPERATIVE, stem_word=2 if words[1:2] == ("to",) else 0, composed=made)
        for words, made in composed:
            base = _base_form(words[0])
            if base not in not_verbs:
                stem_word = 2 if words[1:2] == ("to",) else 0
                self._add((base,) + words[1:], _OPERATIVE, first_person=True, stem_word=stem_word, composed=made)
        for h in op["first_person"]:
            self._add(_words(h), _OPERATIVE, first_person=True)

    def _vocabulary(self) -> frozenset[str]:
        """Every word the lexicon knows: what suggestions are drawn from."""
        vocab = set(self.first_words) | self.with_nouns | self.qualifiers
        vocab |= self.possessives | self.possessive_nouns | {"with", "and"}
        for table in (self.fixed, self.again, self.situational):
            for phrases in table.values():
                for f in phrases:
                    vocab.update(f)

        def collect(node: dict) -> None:
            for k, v in node.items():
                if k:
                    vocab.add(k)
                    collect(v)

        collect(self.trie)
        return frozenset(vocab)

    def heads(self, kind: str | None, first_person: bool = False) -> dict[str, _Entry]:
        """All heads (joined words -> entry), optionally of one kind; not the
        composed ones ("remains concerned", "continues to welcome")."""
        out: dict[str, _Entry] = {}

        def walk(node: dict) -> None:
            for k, v in node.items():
                if k == "":
                    if (kind is None or v.kind == kind) and v.first_person == first_person and not v.composed:
                        out[v.head] = v
                else:
                    walk(v)

        walk(self.trie)
        return out


@lru_cache(maxsize=32)
def _lexicon(extra_preambular: tuple[str, ...] = (), extra_operative: tuple[str, ...] = ()) -> _Lexicon:
    """The lexicon for one set of user-supplied openers, built once and kept."""
    return _Lexicon(extra_preambular, extra_operative)


# ---------------------------------------------------------------- matching

# The run of words at the start of a paragraph, up to the first punctuation
# mark (an opener never spans a comma, but for "Also, in this regard, calls
# upon"); twelve words cover the longest composed opener ("Also strongly
# condemns in the strongest possible terms").
_WORD = r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*"
_REFERENCE_RUN = re.compile(rf"{_WORD}(?:\s+{_WORD}){{0,11}}")

# The matcher reads the same run at less than half the cost (tests/test_lexicon_speedups.py
# compares them): the first word alone, to turn away the paragraphs that open with no
# opener (two in five) before the other words are read, then the other words.
# Possessive quantifiers: the run is greedy and nothing follows it, so the states sre
# saves for backtracking are never used.  Most paragraphs are ASCII, and there ASCII
# classes give the same run without a look-up in the Unicode database for every
# character: letters, the hyphen, and what \s matches among ASCII characters.
_POSSESSIVE_WORD = r"[^\W\d_]++(?:[-\u2010\u2011][^\W\d_]++)*+"
_FIRST_WORD = re.compile(_POSSESSIVE_WORD)
_MORE_WORDS = re.compile(rf"(?:\s++{_POSSESSIVE_WORD}){{0,11}}+")
_ASCII_WORD = r"[a-zA-Z]++(?:-[a-zA-Z]++)*+"
_ASCII_SPACES = r"[ \t\n\r\x0b\x0c\x1c-\x1f]++"
_ASCII_FIRST_WORD = re.compile(_ASCII_WORD)
_ASCII_MORE_WORDS = re.compile(rf"(?:{_ASCII_SPACES}{_ASCII_WORD}){{0,11}}+")
_TOKEN_ENDS = re.compile(r"\S+")
_PAD = (None,) * 12  # so that look-ahead past the last word reads None
_MATCHES: dict[tuple, OpenerMatch] = {}


def _phrase_at(table: dict, toks: list, i: int) -> int:
    """Word index after the phrase of ``table`` starting at word i (i if none)."""
    for f in table.get(toks[i], ()):
        if tuple(toks[i : i + len(f)]) == f:
            return i + len(f)
    return i


def _head_at(lex: _Lexicon, toks: list, i: int) -> tuple[_Entry, int, str | None] | None:
    """The longest head starting at word i, after an optional intensifier.

    Inside a composed head an intensifier, a repetition or an also/further
    may stand before the next word ("Remains deeply concerned", "Calls once
    again upon", "Having also considered"); the adverb is returned.
    """
    trie = lex.trie
    if toks[i] in lex.intensifiers and toks[i + 1] in trie:
        i += 1
    node = trie
    best = None
    adverb = None
    while True:
        tok = toks[i]
        child = node.get(tok)
        if child is None:
            if node is trie or tok not in lex.inner:
                return best
            k = _phrase_at(lex.again, toks, i)
            if k == i and (tok in lex.intensifiers or (tok in lex.adverbs and adverb is None)):
                k = i + 1
            if k == i or toks[k] not in node:
                return best
            if tok in lex.adverbs:
                adverb = tok
            i = k
            child = node[toks[k]]
        node = child
        i += 1
        e = node.get("")
        if e is not None:
            best = (e, i, adverb)


def _complement_at(lex: _Lexicon, toks: list, i: int, entry: _Entry) -> int:
    """Word index after the complement starting at word i (i if none)."""
    w = toks[i]
    if w is None:
        return i
    if w == "with":
        return _nouns_at(lex, toks, i + 1, lex.with_nouns) or i
    if w in lex.possessives:
        if entry.possessive:
            k = i + 1
            while toks[k] in lex.qualifiers:
                k += 1
            # "its commitment and strong political will": an ordinary object.
            if toks[k] in lex.possessive_nouns and toks[k + 1] != "and":
                particles = lex.noun_particles.get(toks[k])
                if particles and toks[k + 1] in particles:
                    return k + 2
                return k + 1
        return i
    if entry.bare:
        k = _nouns_at(lex, toks, i, lex.bare_nouns)
        if k:
            return k
    return i


def _nouns_at(lex: _Lexicon, toks: list, i: int, nouns: frozenset) -> int:
    """Word index after "[qualifiers] noun [and [qualifiers] noun]" at word i, 0 if none."""
    k = i
    while toks[k] in lex.qualifiers:
        k += 1
    if toks[k] not in nouns:
        return 0
    k += 1
    if toks[k] == "and":
        m = k + 1
        while toks[m] in lex.qualifiers:
            m += 1
        if toks[m] in nouns:
            return m + 1
    return k


def _further_is_adverb(lex: _Lexicon, toks: list, j: int, run: str) -> bool:
    """After an operative verb, is the "further" at word j the adverb?"""
    nxt = toks[j + 1]
    if nxt is None or nxt in lex.further_before:
        return True
    word = run.split()[j + 1]
    return word[:1].isupper()


_PARENTHESIS = re.compile(r",\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*,\s*")


def match_opener(
    text: str,
    extra_preambular: tuple[str, ...] = (),
    extra_operative: tuple[str, ...] = (),
    *,
    _inner: bool = False,
) -> OpenerMatch | None:
    """Match the opening phrase at the start of ``text``.

    ``text`` is a paragraph's text with any markdown ``*`` markers and the
    leading number already removed by the caller.  The first letter must be
    upper case (openers are capitalised at paragraph start); the rest is
    compared case-insensitively.  ``extra_preambular`` / ``extra_operative``
    are user-supplied heads ("Cognizant", "Pledges"); intensifiers, also /
    further and complements compose with them as with the bundled ones.

    Returns None when the first words are not a known opener: budget
    paragraphs that open with a noun ("Appropriations totalling …"),
    declarations in the first person plural ("We, the Heads of State …"),
    "The Secretary-General shall …", misspellings ("Recallling").
    """
    if not text or not (text[0].isupper() or _inner):
        return None
    if extra_preambular or extra_operative:
        lex = _lexicon(tuple(extra_preambular), tuple(extra_operative))
    else:
        lex = _lexicon()
    is_ascii = text.isascii()
    first_word = (_ASCII_FIRST_WORD if is_ascii else _FIRST_WORD).match(text)
    if first_word is None:
        return None
    first = first_word.group().lower()
    if not is_ascii:
        first = first.translate(_HYPHENS)
    if first not in lex.first_words:
        return None
    first_end = first_word.end()
    if first in lex.adverbs and text[first_end : first_end + 1] == ",":
        return _parenthesis(text, first_end, first, lex, extra_preambular, extra_operative)
    run = text[: (_ASCII_MORE_WORDS if is_ascii else _MORE_WORDS).match(text, first_end).end()]
    span = run.lower()
    if not is_ascii:
        span = span.translate(_HYPHENS)
    toks = span.split()
    n = len(toks)
    toks += _PAD

    # A leading also/further or "once again" ("Also requests") asks for more checks.
    found = _leading_head(lex, toks, first) if first in lex.leading else _head_at(lex, toks, 0)
    if found is None:
        return None
    entry, j, adverb = found
    if entry.first_person and _first_person_noun(lex, toks, j, n, text, len(run)):
        return None
    if toks[j] in lex.after_head:  # most openers have no modifier: "Recalling its resolution"
        j, ends, adverb = _modifiers(lex, toks, j, n, entry, adverb, run)
    else:
        ends = [j]
    if toks[j] == "and":
        j = _coordinated(lex, toks, j, entry, ends)
    return _opener_match(run, first_end, j, n, entry, adverb, ends)


def _leading_head(lex: _Lexicon, toks: list, first: str) -> tuple[_Entry, int, str | None] | None:
    """The head after a leading also/further or "once again": (entry, word
    index after it, adverb), None when the words open nothing."""
    adverb = None
    i = 0
    if first in lex.adverbs:
        adverb = first
        i = 1
    elif first in lex.again:
        i = _phrase_at(lex.again, toks, 0)  # "Once again urges"
    found = _head_at(lex, toks, i)
    if found is None:
        return None
    entry, j, inner = found
    if i and adverb is None and entry.kind != _OPERATIVE:
        return None  # "Once again" leads operative verbs only
    if inner is not None:
        if adverb is not None:
            return None
        adverb = inner
    return entry, j, adverb


def _first_person_noun(lex: _Lexicon, toks: list, j: int, n: int, text: str, run_end: int) -> bool:
    """Is a first-person head a noun: "Note by the Secretary-General",
    "Support is needed", "Note:"?"""
    if toks[j] in lex.not_before:
        return True
    if j == n:
        rest = text[run_end:].lstrip()
        if not rest or rest[0] == ":":
            return True
    return False


def _modifiers(
    lex: _Lexicon, toks: list, j: int, n: int, entry: _Entry, adverb: str | None, run: str
) -> tuple[int, list[int], str | None]:
    """The modifiers after the head, in any order, each once: (word index
    after them, the word indexes where the italics may stop, adverb).  The
    head and an also/further right after it must be italic; the italics may
    stop after any later modifier."""
    ends = [j]
    preambular = entry.kind == _PREAMBULAR
    seen: set[str] = set()
    while j < n:
        tok = toks[j]
        if tok not in lex.after_head:
            break
        if adverb is None and tok in lex.adverbs:
            if not preambular and tok == "further" and not _further_is_adverb(lex, toks, j, run):
                break  # "*Encourages* further efforts": the adjective of the object
            adverb = tok
            j += 1
            if len(ends) == 1:
                ends[0] = j
            else:
                ends.append(j)
            continue
        k, whole = _modifier_at(lex, toks, j, entry, seen)
        if k == j:
            break
        if whole:
            ends = []
        j = k
        ends.append(j)
    return j, ends, adverb


def _modifier_at(lex: _Lexicon, toks: list, j: int, entry: _Entry, seen: set[str]) -> tuple[int, bool]:
    """Word index after the first modifier not yet ``seen`` that starts at
    word j (j if none), and whether the italics must then cover the phrase whole."""
    tok = toks[j]
    k = j
    if "again" not in seen:
        k = _phrase_at(lex.again, toks, j)
        if k > j:
            seen.add("again")
    if k == j and "intensifier" not in seen and tok in lex.intensifiers:
        k = j + 1
        seen.add("intensifier")
    if k == j and "situational" not in seen:
        k = _phrase_at(lex.situational, toks, j)
        if k > j:
            seen.add("situational")
    if k == j and "complement" not in seen:
        k = _complement_at(lex, toks, j, entry)
        if k > j:
            seen.add("complement")
            # "Noting with concern" is one phrase: the corpus italicises it
            # whole (130 times against 2), unlike "its commitment".
            return k, tok == "with"
    if k == j and "fixed" not in seen:
        k = _phrase_at(lex.fixed, toks, j)
        if k > j:
            seen.add("fixed")
            return k, True  # "*Condemns in the strongest terms*": always whole (12 of 12)
    return k, False


def _coordinated(lex: _Lexicon, toks: list, j: int, entry: _Entry, ends: list[int]) -> int:
    """Coordination: "Welcomes and expresses its strong support", "Recalls
    and reiterates", "Acknowledge and profoundly regret".  The word index
    after the second head and its complement (j if none); ``ends`` gains it."""
    second = _head_at(lex, toks, j + 1)
    if second is not None:
        e2, k, inner2 = second
        if e2.kind == entry.kind and e2.first_person == entry.first_person and inner2 is None:
            j = _complement_at(lex, toks, k, e2)
            ends.append(j)
    return j


def _opener_match(
    run: str, first_end: int, j: int, n: int, entry: _Entry, adverb: str | None, ends: list[int]
) -> OpenerMatch:
    """The match of the first j words of the run, shared between equal matches."""
    if j == n:
        phrase = run
    elif j == 1:  # most openers are one word
        phrase = run[:first_end]
    else:
        # Up to word j (the rest of the run from it is split off), less the spaces before it.
        phrase = run[: len(run) - len(run.split(None, j)[j])].rstrip()
    key = (phrase, entry, adverb)
    found_match = _MATCHES.get(key)
    if found_match is None:
        # Matches are immutable, and openers repeat: share the instances
        # (building a frozen dataclass costs as much as the matching).
        if len(_MATCHES) > 4096:
            _MATCHES.clear()
        word_ends = [m.end() for m in _TOKEN_ENDS.finditer(run)]
        found_match = _MATCHES[key] = OpenerMatch(
            kind=entry.kind,  # type: ignore[arg-type]
            phrase=phrase,
            length=len(phrase),
            head=entry.head,
            adverb=adverb,
            first_person=entry.first_person,
            italic_ends=tuple(sorted({word_ends[e - 1] for e in ends if e})),
        )
    return found_match


def _parenthesis(text, after, adverb, lex, extra_preambular, extra_operative) -> OpenerMatch | None:
    """ "Also, in this regard, calls upon": a leading adverb, a situational
    phrase between commas, then the operative verb."""
    m = _PARENTHESIS.match(text, after)
    if m is None:
        return None
    words = _words(m.group(1)) + (None,) * 4
    if _phrase_at(lex.situational, list(words), 0) != len(_words(m.group(1))):
        return None
    # The verb after "Also, in this regard," is in lower case.
    rest = match_opener(text[m.end() :], extra_preambular, extra_operative, _inner=True)
    if rest is None or rest.kind != _OPERATIVE or rest.adverb is not None or rest.first_person:
        return None
    offset = m.end()
    length = offset + rest.length
    return OpenerMatch(
        kind=_OPERATIVE,
        phrase=text[:length],
        length=length,
        head=rest.head,
        adverb=adverb,
        italic_ends=tuple(offset + e for e in rest.italic_ends),
    )


# ---------------------------------------------------------------- near misses


@lru_cache(maxsize=4)
def _first_vocabulary(kind: str | None) -> tuple[str, ...]:
    """Words that may open a paragraph of ``kind`` (third-person heads only)."""
    lex = _lexicon()
    words = {h.split()[0] for h in lex.heads(kind)}
    words |= lex.adverbs | lex.intensifiers
    d = _data()
    for k in (_PREAMBULAR, _OPERATIVE) if kind is None else (kind,):
        words |= {_words(c)[0] for c in (*d[k]["copulas"], *d[k]["continuations"])}
    return tuple(sorted(words))


@lru_cache(maxsize=4)
def opener_heads(kind: str) -> tuple[str, ...]:
    """The head phrases of ``kind`` ("preambular" or "operative"), sorted: what completion offers."""
    return tuple(sorted(_lexicon().heads(kind)))


_NOUN_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments")


# Cached: difflib costs about a millisecond per unknown word, and the plain-text
# classifier asks again for every subject heading at every keystroke.
@lru_cache(maxsize=4096)
def suggest_opener(word_or_phrase: str, kind: str | None = None) -> str | None:
    """'Did you mean …' for a near miss: "Recallling" -> "Recalling".

    Each word is kept when the lexicon knows it, else replaced by the closest
    known word (difflib, ratio >= 0.8; the first word only among heads of
    ``kind`` when given, never a first-person form); the first word that is
    neither known nor close ends the phrase (it is the paragraph's object).
    The result is returned when it is a known opener, as the matcher would
    cut it: "Requets the Secretary-General" -> "Requests", "Recognising also"
    -> "Recognizing also".  A recognised phrase with a misplaced also /
    further gets the standard order: "Further recalling" -> "Recalling
    further", "Requests also" -> "Also requests".  None when the input is
    already a correct opener or nothing is close.
    """
    words = word_or_phrase.replace("*", " ").split()
    if not words:
        return None
    lex = _lexicon()
    first_vocab = _first_vocabulary(kind if kind in (_PREAMBULAR, _OPERATIVE) else None)
    vocab = lex.vocabulary
    out: list[str] = []
    changed = False
    for n, raw in enumerate(words):
        w = raw.strip(",;:.").translate(_HYPHENS).lower()
        if not w:
            break
        pool = first_vocab if n == 0 else vocab
        if (w in first_vocab) if n == 0 else (w in vocab):
            out.append(w)
            continue
        # A noun is no misspelt verb ("Appropriations", "Recommendations").
        close = None if w.endswith(_NOUN_ENDINGS) else difflib.get_close_matches(w, pool, n=1, cutoff=0.8)
        if not close:
            if n == 0:
                return None
            break
        out.append(close[0])
        changed = True
    if not out:
        return None
    candidate = " ".join(out)
    candidate = candidate[0].upper() + candidate[1:]
    m = match_opener(candidate)
    if m is None or (kind in (_PREAMBULAR, _OPERATIVE) and m.kind != kind):
        return None
    if m.adverb is not None:
        lead = m.phrase.lower().startswith(m.adverb)
        if m.kind == _PREAMBULAR and lead:
            rest = m.phrase[len(m.adverb) :].strip()
            return f"{rest[0].upper()}{rest[1:]} {m.adverb}"
        if m.kind == _OPERATIVE and not lead and not m.first_person:
            body = re.sub(rf"\s+{m.adverb}\b", "", m.phrase, count=1, flags=re.I)
            return f"{m.adverb.capitalize()} {body[0].lower()}{body[1:]}"
    return m.phrase if changed else None


# ---------------------------------------------------------------- unknown words

_NOT_PARTICIPLES = frozenset(
    """
    bring ceiling during evening king morning nothing something anything
    everything notwithstanding ring sing spring sterling string thing wing
    wellbeing beijing hundred indeed need speed seed bed red shed united
    """.split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    """
    broken chosen done driven given known overtaken shaken shown stricken
    taken undertaken written
    """.split()
)


def looks_like_participle(word: str) -> bool:
    """Heuristic: could this UNKNOWN first word open a preambular paragraph?

    True for a capitalised word ending in -ing or -ed (five letters or more,
    not a noun such as "Morning", "United"), an irregular participle
    ("Taken"), or a known preambular head or adjective ("Mindful").  Leading
    intensifiers are skipped when a phrase is given ("Deeply troubled" ->
    "troubled").  Used to classify paragraphs whose opener is not in the
    lexicon: a participle suggests a preambular paragraph, anything else an
    operative one or none.
    """
    parts = word.replace("*", " ").split()
    if not parts:
        return False
    lex = _lexicon()
    if len(parts) > 1 and parts[0].lower() in lex.intensifiers:
        parts = parts[1:]
        w = parts[0].strip(",;:.")
        cap_ok = w[:1].isalpha()
    else:
        w = parts[0].strip(",;:.")
        cap_ok = w[:1].isupper()
    if not cap_ok:
        return False
    lw = w.translate(_HYPHENS).lower()
    if not lw.replace("-", "").isalpha():
        return False
    entry = lex.trie.get(lw, {}).get("")
    if entry is not None:
        return entry.kind == _PREAMBULAR
    if lw in _NOT_PARTICIPLES:
        return False
    if lw in _IRREGULAR_PARTICIPLES:
        return True
    return len(lw) >= 5 and lw.endswith(("ing", "ed"))
