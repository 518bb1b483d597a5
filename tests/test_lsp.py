"""End-to-end tests of the language server: pytest-lsp drives the real server process over stdio."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient
from support import cli_findings, seed_corpus_files

from resolint.source import Source

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SERVER = [sys.executable, "-m", "resolint", "lsp"]

pytestmark = [
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout"),
]


def _push_capabilities() -> lsp.ClientCapabilities:
    return lsp.ClientCapabilities(
        text_document=lsp.TextDocumentClientCapabilities(
            publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(version_support=True),
            hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
            document_symbol=lsp.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
            code_action=lsp.CodeActionClientCapabilities(
                code_action_literal_support=lsp.ClientCodeActionLiteralOptions(
                    code_action_kind=lsp.ClientCodeActionKindOptions(value_set=["quickfix", "source", "refactor"])
                )
            ),
            completion=lsp.CompletionClientCapabilities(),
        ),
        window=lsp.WindowClientCapabilities(),
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(lsp.InitializeParams(capabilities=_push_capabilities()))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.resolve().as_uri() if path.is_absolute() else f"file:///virtual/{path}"
    # An earlier test may have opened this URI: forget what it was sent, so that only
    # the publication for this version (not a late one of the closed buffer) ends the wait.
    client.diagnostics.pop(uri, None)
    client.protocol._diagnostic_versions.pop(uri, None)
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri,
                language_id="markdown" if path.suffix == ".md" else "plaintext",
                version=version,
                text=path.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    await _wait_diagnostics(client, uri, version)
    return uri


async def _wait_diagnostics(client: LanguageClient, uri: str, version: int | None, timeout: float = 120):
    """The diagnostics published for ``version`` of ``uri`` (None: those that clear a closed
    document). The timeout only bounds a failure: the wait ends at that publication."""

    async def wait():
        while client.protocol._diagnostic_versions.get(uri) != version:
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(wait(), timeout)
    return client.diagnostics[uri]


def _close(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))


@pytest.fixture(autouse=True)
def _track_versions(client):
    """Remember the version of each publishDiagnostics (pytest-lsp keeps only the list)."""
    protocol = client.protocol
    if not hasattr(protocol, "_diagnostic_versions"):
        protocol._diagnostic_versions = {}
        original = client.protocol.fm.features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

        def publish(params: lsp.PublishDiagnosticsParams):
            protocol._diagnostic_versions[params.uri] = params.version
            return original(params)

        client.protocol.fm.features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    yield


def lsp_findings(diagnostics) -> list[tuple]:
    return sorted(
        (d.code, (d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character), d.message)
        for d in diagnostics
    )


# ------------------------------------------------------------------ diagnostics
async def test_corpus_documents_are_clean_except_the_known_defect(client: LanguageClient):
    for path in seed_corpus_files(CORPUS):
        uri = await _open(client, path)
        serious = [d for d in client.diagnostics[uri] if d.severity <= lsp.DiagnosticSeverity.Warning]
        expected = [("P001", 25)] if path.name == "A-RES-77-176.md" else []
        assert [(d.code, d.range.start.line) for d in serious] == expected, path.name
        for d in client.diagnostics[uri]:
            assert d.source == "resolint" and d.code and "rule" in d.data
        _close(client, uri)


async def test_faulty_document_edit_update_and_clear_on_close(client: LanguageClient):
    path = CORPUS / "markdown" / "A-RES-80-10.md"
    text = path.read_text(encoding="utf-8").replace("*Recalling* the Universal", "Recalling the Universal", 1)
    uri = await _open(client, Path("faulty.md"), text)
    found = client.diagnostics[uri]
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in found] == [
        ("P001", 28, 0, 9)
    ]
    assert found[0].data["fix"]["edits"] and found[0].data["rule"]["summary"]
    assert lsp_findings(found) == cli_findings(text, "faulty.md")

    # Put the italics back with an incremental edit: the finding goes away.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(start=lsp.Position(line=28, character=0), end=lsp.Position(line=28, character=9)),
                    text="*Recalling*",
                )
            ],
        )
    )
    assert list(await _wait_diagnostics(client, uri, 2)) == []
    _close(client, uri)
    assert list(await _wait_diagnostics(client, uri, None)) == []  # the publication without a version


async def test_columns_are_utf16_with_astral_characters_and_curly_quotes(client: LanguageClient):
    path = CORPUS / "markdown" / "A-RES-80-10.md"
    text = path.read_text(encoding="utf-8").replace(
        "*Recalling* the Universal", "*Recalling* 😀 “𝐀𝐁” its resolution 70/1 of 31 November 2015 and the Universal", 1
    )
    uri = await _open(client, Path("astral.md"), text)
    lsp_side = lsp_findings(client.diagnostics[uri])
    assert lsp_side == cli_findings(text, "astral.md")
    line = text.splitlines()[28]
    column = line.index("31 November")
    units = len(line[:column].encode("utf-16-le")) // 2
    assert units == column + 3  # 😀, 𝐀 and 𝐁 are two UTF-16 units each; the curly quotes one
    assert [(c, s) for c, s, _, _ in lsp_side] == [("D001", (28, units))]
    _close(client, uri)


# ------------------------------------------------------------------ code actions
async def test_code_actions_quick_fix_disable_and_fix_all(client: LanguageClient):
    text = (
        (CORPUS / "markdown" / "A-RES-80-10.md")
        .read_text(encoding="utf-8")
        .replace("*Recalling* the Universal", "Recalling the Universal", 1)
    )
    uri = await _open(client, Path("actions.md"), text)
    diagnostic = client.diagnostics[uri][0]
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    by_kind = {}
    for a in actions:
        by_kind.setdefault(a.kind, []).append(a)
    titles = [a.title for a in actions]
    assert any(t.startswith("Disable P001") for t in titles)
    quick = [a for a in by_kind["quickfix"] if "P001)" in a.title][0]
    fix_all = by_kind["source.fixAll.resolint"][0]

    def apply(edits):
        source = Source(text)
        out = text
        for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            s = source.offset_of_utf16(e.range.start.line, e.range.start.character)
            t = source.offset_of_utf16(e.range.end.line, e.range.end.character)
            out = out[:s] + e.new_text + out[t:]
        return out

    assert apply(quick.edit.changes[uri]).splitlines()[28].startswith("*Recalling* the Universal")
    assert cli_findings(apply(fix_all.edit.changes[uri]), "actions.md") == []
    disable = [a for a in actions if a.title.startswith("Disable P001")][0]
    assert "<!-- resolint: disable-next-line P001 -->" in disable.edit.changes[uri][0].new_text
    assert cli_findings(apply(disable.edit.changes[uri]), "actions.md") == []

    only = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    assert [a.kind for a in only] == ["source.fixAll.resolint"]
    _close(client, uri)


def _apply(text: str, edits) -> str:
    """Apply LSP text edits (UTF-16 ranges into ``text``) the way an editor does."""
    source = Source(text)
    spans = sorted(
        (
            (
                source.offset_of_utf16(e.range.start.line, e.range.start.character),
                source.offset_of_utf16(e.range.end.line, e.range.end.character),
                e.new_text,
            )
            for e in edits
        ),
        reverse=True,
    )
    for (_start, end, _), (next_start, _, _) in zip(spans[1:], spans, strict=False):
        assert end <= next_start, "overlapping edits"
    out = text
    for start, end, new_text in spans:
        out = out[:start] + new_text + out[end:]
    return out


async def _actions(client: LanguageClient, uri: str, rng: lsp.Range, only=None) -> list[lsp.CodeAction]:
    return await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=lsp.CodeActionContext(diagnostics=[], only=only),
        )
    )


async def test_renumber_operative_paragraphs_after_a_deleted_paragraph(client: LanguageClient):
    original = (CORPUS / "markdown" / "A-RES-77-176.md").read_text(encoding="utf-8")
    lines = original.split("\n")
    deleted = next(i for i, line in enumerate(lines) if line.startswith("4. *Recalls*"))
    del lines[deleted]  # operative paragraphs now run 1, 2, 3, 5, 6, …
    text = "\n".join(lines)
    uri = await _open(client, Path("renumber.md"), text)
    n001 = [d for d in client.diagnostics[uri] if d.code == "N001"]
    assert [(d.range.start.line, d.message) for d in n001] == [(deleted, "operative paragraph 5 follows 3: expected 4")]

    # Offered with the cursor anywhere, e.g. on the title, not only on the finding.
    actions = await _actions(
        client, uri, lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0))
    )
    renumber = [a for a in actions if a.title == "Renumber operative paragraphs"]
    assert len(renumber) == 1 and renumber[0].kind == lsp.CodeActionKind.RefactorRewrite
    fixed = _apply(text, renumber[0].edit.changes[uri])

    # Every operative number after the gap is one less; nothing else changes.
    expected = lines[:]
    for i in range(deleted, len(expected)):
        head, dot, rest = expected[i].partition(". ")
        if dot and head.isdigit():
            expected[i] = f"{int(head) - 1}. {rest}"
    assert fixed == "\n".join(expected)
    from resolint.parser import parse

    numbers = [p.number_value for p in parse(fixed, "markdown").parts[0].operative]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 17
    assert [c for c, *_ in cli_findings(fixed, "renumber.md") if c == "N001"] == []
    # The same result as the CLI's unsafe fix for N001.
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "resolint",
            "check",
            "--select",
            "N001",
            "--unsafe-fixes",
            "--exit-zero",
            "--stdin-filename",
            "renumber.md",
            "-",
        ],
        input=text.encode("utf-8"),
        capture_output=True,
    )
    assert cli.stdout.decode("utf-8") == fixed
    # No renumbering offered once the numbers are right.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await _wait_diagnostics(client, uri, 2)
    actions = await _actions(
        client, uri, lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0))
    )
    assert not [a for a in actions if a.title == "Renumber operative paragraphs"]
    _close(client, uri)


async def test_fix_all_applies_every_safe_fix_like_the_cli(client: LanguageClient, tmp_path):
    original = (CORPUS / "markdown" / "A-RES-80-10.md").read_text(encoding="utf-8")
    text = original.replace("[53/199](#) of 15 December 1998", "[53/199](#) of December 15, 1998", 1).replace(
        "issues affecting them,", "issues affecting them;", 1
    )
    assert text.count("\n") == original.count("\n") and text != original
    uri = await _open(client, Path("fixall.md"), text)
    assert sorted((d.code, d.range.start.line) for d in client.diagnostics[uri]) == [("D007", 32), ("P004", 42)]

    actions = await _actions(
        client,
        uri,
        lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
        only=["source.fixAll"],
    )
    assert [(a.kind, a.title) for a in actions] == [("source.fixAll.resolint", "Fix all resolint findings")]
    fixed = _apply(text, actions[0].edit.changes[uri])
    assert fixed == original  # both edits undone exactly: the corpus text

    draft = tmp_path / "fixall.md"
    draft.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "resolint", "check", "--fix", str(draft)], capture_output=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert draft.read_text(encoding="utf-8") == fixed
    _close(client, uri)


# ------------------------------------------------------------------ hover, navigation, outline, folding
async def test_hover_definition_references(client: LanguageClient):
    path = CORPUS / "markdown" / "A-RES-77-176.md"
    uri = await _open(client, path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()

    def at(line: int, needle: str, shift: int = 1) -> lsp.Position:
        return lsp.Position(
            line=line, character=len(lines[line][: lines[line].index(needle) + shift].encode("utf-16-le")) // 2
        )

    doc = lsp.TextDocumentIdentifier(uri=uri)
    # Footnote marker → the footnote's text.
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=doc, position=at(25, "<sup>1</sup>", 6))
    )
    assert "Footnote 1" in hover.contents.value and "Cairo" in hover.contents.value
    # Citation → record date and title, and the dates the document gives.
    hover = await client.text_document_hover_async(lsp.HoverParams(text_document=doc, position=at(25, "58/208", 2)))
    assert "23 December 2003" in hover.contents.value and "line 26" in hover.contents.value
    # Opening phrase → preambular.
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=doc, position=at(43, "Reaffirming", 2))
    )
    assert "preambular" in hover.contents.value
    # The known finding at line 26 → its rule summary.
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=doc, position=lsp.Position(line=25, character=3))
    )
    assert "P001" in hover.contents.value

    definition = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=doc, position=at(25, "<sup>1</sup>", 6))
    )
    assert [loc.range.start.line for loc in definition] == [29]
    back = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=doc, position=lsp.Position(line=29, character=8))
    )
    assert [loc.range.start.line for loc in back] == [25]
    _close(client, uri)

    # A citation ↔ its other citations: 76/246 is cited three times in A/RES/76/247 A–C.
    uri = await _open(client, CORPUS / "markdown" / "A-RES-76-247-A-C.md")
    doc = lsp.TextDocumentIdentifier(uri=uri)
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=doc,
            position=lsp.Position(line=68, character=176),
            context=lsp.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range.start.line for r in refs] == [68, 70, 74]
    others = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=doc, position=lsp.Position(line=68, character=176))
    )
    assert [r.range.start.line for r in others] == [70, 74]
    _close(client, uri)


async def test_rule_docs_travel_in_data_and_show_on_hover(client: LanguageClient):
    """No codeDescription (resolint has no docs website to link to): the rule's full
    docstring is in data.rule.docs, and a hover on the finding shows it."""
    from resolint.rules import all_rules

    text = (
        (CORPUS / "markdown" / "A-RES-80-10.md")
        .read_text(encoding="utf-8")
        .replace("[53/199](#) of 15 December 1998", "[53/199](#) of December 15, 1998", 1)
    )
    uri = await _open(client, Path("docs.md"), text)
    (d007,) = client.diagnostics[uri]
    rule = all_rules()["D007"]
    assert d007.code == "D007" and d007.code_description is None
    assert d007.data["rule"] == {"name": "non-un-date-form", "summary": rule.summary, "docs": rule.doc}
    for section in ("## What it does", "## Why it matters", "## Example", "## Fix"):
        assert section in d007.data["rule"]["docs"]

    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=d007.range.start)
    )
    shown = hover.contents.value
    assert shown.startswith("**D007** `non-un-date-form`") and rule.summary in shown
    for section in ("**What it does**", "**Why it matters**", "**Example**", "**Fix**"):
        assert section in shown
    assert "Safe fix: rewrite the date in UN form" in shown

    # The same docs on a code written in a suppression comment.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(start=lsp.Position(line=32, character=0), end=lsp.Position(line=32, character=0)),
                    text="<!-- resolint: disable-next-line D007 -->\n",
                )
            ],
        )
    )
    assert list(await _wait_diagnostics(client, uri, 2)) == []
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=32, character=34))
    )
    assert hover.contents.value == shown
    _close(client, uri)


async def test_symbols_and_folding(client: LanguageClient):
    path = CORPUS / "markdown" / "A-RES-77-176.md"
    uri = await _open(client, path)
    doc = lsp.TextDocumentIdentifier(uri=uri)
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc))
    names = [s.name for s in symbols]
    assert names[0].startswith("77/176. International migration")
    assert "Preamble" in names and "Footnotes" in names
    assert any(n.startswith("1. Takes note") for n in names)
    plenary = [s.name for s in symbols if s.kind == lsp.SymbolKind.Event]
    assert len(plenary) == 1 and plenary[0].endswith("plenary meeting, 14 December 2022"), plenary
    with_children = [s for s in symbols if s.kind == lsp.SymbolKind.Method and s.children]
    assert with_children and with_children[0].children[0].name.startswith("(a)")
    preamble = next(s for s in symbols if s.name == "Preamble")
    assert preamble.children[0].name == "Recalling"

    folds = await client.text_document_folding_range_async(lsp.FoldingRangeParams(text_document=doc))
    assert any(f.start_line == 25 and f.end_line == 131 for f in folds)  # the preamble
    assert any(f.kind == lsp.FoldingRangeKind.Comment for f in folds)  # a run of footnotes
    _close(client, uri)


async def test_symbols_of_an_annex_of_draft_articles(client: LanguageClient):
    """The outline of draft articles shows the chapters and, inside them, the articles."""
    path = Path(__file__).parent / "fixtures" / "x" / "annex-convention.md"
    uri = await _open(client, path)
    doc = lsp.TextDocumentIdentifier(uri=uri)
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc))
    annex = next(s for s in symbols if s.kind == lsp.SymbolKind.Module and s.name.startswith("Annex"))
    chapter = next(c for c in annex.children if c.kind == lsp.SymbolKind.Namespace)
    assert chapter.name == "Chapter I. General provisions"
    articles = [c.name for c in chapter.children if c.kind == lsp.SymbolKind.Class]
    assert articles == ["Article 1. Scope of application", "Article 2. Definitions"]
    _close(client, uri)


# ------------------------------------------------------------------ completion
async def test_completion_openers_numbers_and_footnotes(client: LanguageClient):
    text = (CORPUS / "markdown" / "A-RES-80-10.md").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # A new paragraph after "*Recalling* …" (line 29) in the preamble, and one after operative 2.
    lines.insert(30, "Rec\n\n")
    op2 = next(i for i, line in enumerate(lines) if line.startswith("2. "))
    lines.insert(op2 + 2, "\n\n")
    text = "".join(lines)
    uri = await _open(client, Path("complete.md"), text)
    doc = lsp.TextDocumentIdentifier(uri=uri)

    items = (
        await client.text_document_completion_async(
            lsp.CompletionParams(text_document=doc, position=lsp.Position(line=30, character=3))
        )
    ).items
    labels = [i.label for i in sorted(items, key=lambda i: i.sort_text or i.label)]
    assert labels[0] == "Recalling also" and "Recognizing" in labels
    assert items[0].text_edit.new_text.startswith("*")

    items = (
        await client.text_document_completion_async(
            lsp.CompletionParams(text_document=doc, position=lsp.Position(line=op2 + 3, character=0))
        )
    ).items
    labels = [i.label for i in items]
    assert "3." in labels and "Requests" in labels and "Recalling" not in labels

    # After <sup>: the next footnote number (the marker before the cursor is 5).
    line = text.splitlines()[26]
    column = line.index("<sup>5</sup>") + len("<sup>5</sup>")
    changed = line[:column] + " and <sup>" + line[column:]
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(
                        start=lsp.Position(line=26, character=0), end=lsp.Position(line=26, character=len(line))
                    ),
                    text=changed,
                )
            ],
        )
    )
    await _wait_diagnostics(client, uri, 2)
    items = (
        await client.text_document_completion_async(
            lsp.CompletionParams(
                text_document=doc, position=lsp.Position(line=26, character=column + len(" and <sup>"))
            )
        )
    ).items
    assert [i.label for i in items] == ["6"] and items[0].text_edit.new_text == "6</sup>"
    _close(client, uri)


# ------------------------------------------------------------------ errors
async def test_requests_for_closed_documents_and_out_of_range_positions_fail_cleanly(client: LanguageClient):
    with pytest.raises(Exception) as error:
        await client.text_document_hover_async(
            lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri="file:///not/open.md"),
                position=lsp.Position(line=0, character=0),
            )
        )
    assert "not open" in str(error.value)
    uri = await _open(client, CORPUS / "markdown" / "A-RES-79-262.md")
    with pytest.raises(Exception) as error:
        await client.text_document_hover_async(
            lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=100000, character=0)
            )
        )
    assert "outside the document" in str(error.value)
    # Still serving.
    symbols = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert symbols
    _close(client, uri)
