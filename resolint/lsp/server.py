"""The resolint language server (pygls 2.x).

The server keeps the text of every open document, lints it off the message
loop and answers editor requests by asking :mod:`resolint.navigation` and
:mod:`resolint.fixes`; it holds no rule logic.  Conversions between offsets
and LSP positions live in :mod:`resolint.lsp.convert`.

A buffer is checked under the rule ``resolint check`` applies to the files of
a folder (:mod:`resolint.scope`): a ``.md``/``.markdown``/``.txt`` file the
configuration does not exclude, holding a resolution.  Any other buffer (a
README, a note) gets no diagnostics and no code actions, and one
``window/logMessage`` says why.  Settings are :func:`resolint.config.effective_settings`,
the command line's merge, with the editor's settings in place of the options.

Diagnostics are *pulled* (``textDocument/diagnostic``) when the client says
it can, else *pushed* with the document version — never both.  At most one
lint per document runs at a time; a result for a version that has since
changed is dropped and the newest text is linted instead, so a stale result
never reaches the editor.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from .. import __version__, navigation
from ..config import ConfigError, Settings, check_overrides, effective_settings
from ..diagnostics import Diagnostic, Edit
from ..fixes import fix_text, select_fixes
from ..linter import LintResult, lint_text
from ..scope import excluded_reason, structure_reason
from ..source import Source
from ..suppressions import disable_next_line_edit
from . import convert

logger = logging.getLogger("resolint.lsp")

FIX_ALL_KIND = "source.fixAll.resolint"
RENUMBER_CODE = "N001"
# Settings the editor set-ups define for themselves (VS Code sends its whole
# ``resolint`` section: ``resolint.server.command``, ``resolint.trace.server``).
EDITOR_KEYS = frozenset({"server", "trace"})
SETTINGS_ORIGIN = "editor settings"


class DocumentNotOpen(JsonRpcException):
    CODE = -32602  # InvalidParams: the request names something the server does not have


class _InvalidMessage:
    """A request that could not be turned into its LSP type: answered with an error."""

    def __init__(self, msg_id, error: JsonRpcException):
        self.id = msg_id
        self.error = error


class ResolintProtocol(LanguageServerProtocol):
    """pygls' protocol with three changes: UTF-16 positions always, the server's own
    document store (pygls' would split lines differently and raise on out-of-range
    edits) and an error response, not silence, for a request it cannot read."""

    @lsp_method(lsp.INITIALIZE)
    def lsp_initialize(self, params: lsp.InitializeParams):
        # resolint's ranges are UTF-16 code units: do not negotiate another encoding.
        if params.capabilities.general is not None:
            params.capabilities.general.position_encodings = None
        result = yield from LanguageServerProtocol.lsp_initialize(self, params)
        if not self._server.pull_diagnostics:
            result.capabilities.diagnostic_provider = None
        return result

    @lsp_method(lsp.EXIT)
    def lsp_exit(self, *args):
        stop = self._server.connection_stop
        if stop is None:  # stdio: the process ends
            yield from LanguageServerProtocol.lsp_exit(self, *args)
            return
        # TCP: this client is done; close its connection and keep listening for the next.
        stop.set()
        if self.writer is not None:
            self.writer.close()

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params):
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params):
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params):
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data, dict) and "id" in data and "method" in data:
                return _InvalidMessage(data["id"], error)
            raise

    def handle_message(self, message):
        if isinstance(message, _InvalidMessage):
            error = message.error
            if not isinstance(error, JsonRpcInvalidParams):
                error = JsonRpcInvalidParams(str(error) or None)
            self._send_response(message.id, None, error.to_response_error())
            return
        if not hasattr(message, "jsonrpc"):
            raise JsonRpcInvalidRequest("not a JSON-RPC 2.0 message object")
        return super().handle_message(message)


@dataclass(slots=True)
class OpenDocument:
    uri: str
    path: str | None
    language_id: str
    text: str
    version: int
    settings: Settings
    source: Source | None = None
    result: LintResult | None = None
    result_version: int | None = None
    skipped: str | None = None  # why the current result is not shown (not a resolution, excluded)
    task: asyncio.Task | None = None
    waiters: list = field(default_factory=list)
    # "Fix all" of one version: editors ask for code actions at every cursor
    # move, and the fix-all text costs several lints.
    fix_all: tuple[int, Settings, str] | None = None

    @property
    def current_source(self) -> Source:
        if self.source is None or self.source.text is not self.text:
            self.source = Source(self.text, self.path or "-")
        return self.source

    @property
    def fmt(self) -> str | None:
        """The editor's language, for a buffer whose name does not give the format (an
        untitled buffer); else None, and the parser decides as it does for the command
        line: by the file name, or by sniffing the text (:mod:`resolint.readers`)."""
        from ..readers import format_for_path

        if self.path and format_for_path(self.path):
            return None
        return _LANGUAGE_FORMATS.get(self.language_id)


_LANGUAGE_FORMATS = {"markdown": "markdown", "plaintext": "text"}

_CAMEL = re.compile(r"(?<=[a-z])([A-Z])")


def _option_key(key: str) -> str:
    return _CAMEL.sub(r"-\1", key).lower().replace("_", "-")


class ResolintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "resolint",
            __version__,
            protocol_cls=ResolintProtocol,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
        )
        self.lint_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="resolint-lint")
        self.connection_stop: threading.Event | None = None  # TCP: ends the current client's loop
        self.forget_client()

    def forget_client(self) -> None:
        """The state of one client session (TCP serves one client after another)."""
        self.documents: dict[str, OpenDocument] = {}
        self.overrides: dict = {}
        self.workspace_root: str | None = None  # where configuration is looked for when a file's folders have none
        self.pull_diagnostics = False
        self.refresh_support = False
        self._config_errors_shown: set[str] = set()
        self._settings_problems: list[str] = []
        self._skip_logged: set[tuple[str, str]] = set()

    # ------------------------------------------------------------ errors
    def report_server_error(self, error: Exception, source) -> None:
        """An unreadable message gets a JSON-RPC error with id null; nothing stops the server."""
        if isinstance(error, json.JSONDecodeError):
            self._send_null_error(JsonRpcParseError(f"parse error: {error}"))
        elif isinstance(error, JsonRpcException) and source is JsonRpcException:
            self._send_null_error(error)
        else:
            logger.error("%s", error)

    def _send_null_error(self, error: JsonRpcException) -> None:
        # JSON-RPC 2.0: an error about a message whose id could not be read has "id": null.
        self.protocol._send_data(
            {"jsonrpc": "2.0", "id": None, "error": {"code": error.code, "message": error.message}}
        )

    def show(self, message: str, kind: lsp.MessageType = lsp.MessageType.Warning) -> None:
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=f"resolint: {message}"))

    # ------------------------------------------------------------ configuration
    def accept_options(self, raw: Any) -> None:
        """Take the editor's settings (the command line's options, in camelCase or with dashes).

        Checked as the command line checks its options, each key on its own: one message
        per bad key, the same words as the CLI's, and the key is left unset.  An empty
        list is "not set"; the keys an editor set-up defines for itself are not resolint's.
        """
        if isinstance(raw, dict) and isinstance(raw.get("resolint"), dict):
            raw = raw["resolint"]
        if not raw:  # None, {} or the [] an empty Lua table becomes: nothing said
            return
        if not isinstance(raw, dict):
            self.show(f"{SETTINGS_ORIGIN}: settings must be an object of resolint options; using the defaults")
            return
        options = {_option_key(k): v for k, v in raw.items() if _option_key(k) not in EDITOR_KEYS}
        self.overrides, problems = check_overrides(options, SETTINGS_ORIGIN, self.workspace_root or os.getcwd())
        for message in problems:
            if message not in self._settings_problems:  # not again on every configuration change
                self.show(message)
        self._settings_problems = problems

    def settings_for(self, path: str | None) -> Settings:
        try:
            return effective_settings(path, self.overrides, fallback_dir=self.workspace_root)
        except ConfigError as error:
            message = str(error)
            if message not in self._config_errors_shown:
                self._config_errors_shown.add(message)
                self.show(f"{message}; using the defaults")
            return Settings().overridden(self.overrides)

    # ------------------------------------------------------------ documents
    def require(self, uri: str) -> OpenDocument:
        doc = self.documents.get(uri)
        if doc is None:
            raise DocumentNotOpen(f"document is not open: {uri}")
        return doc

    def schedule(self, doc: OpenDocument) -> None:
        if doc.task is None or doc.task.done():
            doc.task = asyncio.ensure_future(self._lint_latest(doc))

    async def _lint_latest(self, doc: OpenDocument) -> None:
        loop = asyncio.get_running_loop()
        while self.documents.get(doc.uri) is doc:
            version, text = doc.version, doc.text
            try:
                result = await loop.run_in_executor(self.lint_pool, _lint, text, doc.path, doc.fmt, doc.settings)
            except Exception as error:  # a rule bug must not take the server down
                logger.exception("lint failed for %s", doc.uri)
                self.show(f"internal error while checking {doc.uri}: {error}", lsp.MessageType.Error)
                result = LintResult(None, [])  # type: ignore[arg-type]
            if self.documents.get(doc.uri) is not doc:
                return  # closed meanwhile: nothing to publish
            if doc.version != version or doc.text is not text:
                continue  # superseded while linting: drop it, lint the newest text
            doc.skipped = excluded_reason(doc.path, doc.settings, by_extension=True) or structure_reason(
                result.document
            )
            if doc.skipped and (doc.uri, doc.skipped) not in self._skip_logged:
                self._skip_logged.add((doc.uri, doc.skipped))
                self.window_log_message(
                    lsp.LogMessageParams(
                        type=lsp.MessageType.Info, message=f"resolint: {doc.uri} not checked: {doc.skipped}"
                    )
                )
            doc.result, doc.result_version = result, version
            waiters, doc.waiters = doc.waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(result)
            if not self.pull_diagnostics:
                self.publish(doc)
            return

    async def current(self, doc: OpenDocument) -> LintResult:
        """The lint result of the document's current text (waits for it if needed)."""
        if doc.result is not None and doc.result_version == doc.version and doc.result.document is not None:
            return doc.result
        waiter = asyncio.get_running_loop().create_future()
        doc.waiters.append(waiter)
        self.schedule(doc)
        result = await waiter
        if result.document is None:
            raise JsonRpcException("the document could not be checked (internal error)")
        return result

    def lsp_diagnostics(self, doc: OpenDocument, result: LintResult) -> list[lsp.Diagnostic]:
        if doc.skipped:
            return []
        source = result.document.source if result.document is not None else doc.current_source
        return [convert.to_lsp(source, d, doc.uri) for d in result.diagnostics]

    def publish(self, doc: OpenDocument) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=doc.uri, version=doc.result_version, diagnostics=self.lsp_diagnostics(doc, doc.result)
            )
        )

    def relint_all(self) -> None:
        for doc in self.documents.values():
            doc.settings = self.settings_for(doc.path)
            doc.result_version = None
            if not self.pull_diagnostics:
                self.schedule(doc)
        if self.pull_diagnostics and self.refresh_support:
            self.workspace_diagnostic_refresh(None)


def _lint(text: str, path: str | None, fmt: str | None, settings: Settings) -> LintResult:
    return lint_text(text, path or "-", fmt, settings)


def _path_of(uri: str) -> str | None:
    if not uri.startswith("file:"):
        return None
    try:
        return to_fs_path(uri)
    except Exception:
        return None


def _check_position(source: Source, position: lsp.Position) -> None:
    """A position past the last line is an error; a column past a line end is clamped (LSP 3.17)."""
    if position.line < 0 or position.character < 0 or position.line >= source.line_count:
        raise JsonRpcInvalidParams(
            f"position {position.line}:{position.character} is outside the document ({source.line_count} lines)"
        )


server = ResolintServer()


# ------------------------------------------------------------------ lifecycle
@server.feature(lsp.INITIALIZE)
def initialize(ls: ResolintServer, params: lsp.InitializeParams) -> None:
    caps = params.capabilities
    ls.pull_diagnostics = bool(caps.text_document and caps.text_document.diagnostic is not None)
    ls.refresh_support = bool(
        caps.workspace and caps.workspace.diagnostics and caps.workspace.diagnostics.refresh_support
    )
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.workspace_root = (_path_of(root) if root else None) or params.root_path or None
    ls.accept_options(params.initialization_options)


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: ResolintServer, params: lsp.DidChangeConfigurationParams) -> None:
    ls.accept_options(params.settings)
    ls.relint_all()


# ------------------------------------------------------------------ synchronisation
@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ResolintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    path = _path_of(item.uri)
    doc = OpenDocument(item.uri, path, item.language_id, item.text, item.version, ls.settings_for(path))
    old = ls.documents.get(item.uri)
    if old is not None:
        _fail_waiters(old)
    ls.documents[item.uri] = doc
    ls.schedule(doc)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ResolintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    doc = ls.documents.get(params.text_document.uri)
    if doc is None:
        logger.warning("didChange for a document that is not open: %s", params.text_document.uri)
        return
    text = doc.text
    for change in params.content_changes:
        rng = getattr(change, "range", None)
        if rng is None:
            text = change.text
            continue
        source = Source(text)
        start, end = convert.offsets(source, rng)
        text = text[:start] + change.text + text[end:]
    doc.text = text
    doc.version = params.text_document.version
    ls.schedule(doc)


def _fail_waiters(doc: OpenDocument) -> None:
    for waiter in doc.waiters:
        if not waiter.done():
            waiter.set_exception(DocumentNotOpen(f"document was closed: {doc.uri}"))
    doc.waiters = []


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ResolintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    doc = ls.documents.pop(params.text_document.uri, None)
    if doc is None:
        return
    _fail_waiters(doc)
    if not ls.pull_diagnostics:
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=doc.uri, diagnostics=[]))


@server.feature(
    lsp.TEXT_DOCUMENT_DIAGNOSTIC,
    lsp.DiagnosticOptions(identifier="resolint", inter_file_dependencies=False, workspace_diagnostics=False),
)
async def diagnostic(ls: ResolintServer, params: lsp.DocumentDiagnosticParams):
    doc = ls.require(params.text_document.uri)
    result = await ls.current(doc)
    result_id = f"{id(doc):x}-{doc.result_version}-{id(doc.settings):x}-{bool(doc.skipped)}"
    if params.previous_result_id == result_id:
        return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return lsp.RelatedFullDocumentDiagnosticReport(items=ls.lsp_diagnostics(doc, result), result_id=result_id)


# ------------------------------------------------------------------ code actions
@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(
        code_action_kinds=[
            lsp.CodeActionKind.QuickFix,
            lsp.CodeActionKind.SourceFixAll,
            FIX_ALL_KIND,
            lsp.CodeActionKind.RefactorRewrite,
        ]
    ),
)
async def code_action(ls: ResolintServer, params: lsp.CodeActionParams):
    doc = ls.require(params.text_document.uri)
    result = await ls.current(doc)
    source = result.document.source
    _check_position(source, params.range.start)
    if doc.skipped:  # not a resolution (or excluded): nothing to fix, "fix all" must not touch it
        return []
    start, end = convert.offsets(source, params.range)
    actions = _Actions(source, doc.uri)
    at_cursor = navigation.diagnostics_at(result.diagnostics, start, end)
    actions.quick_fixes(at_cursor)
    actions.disable_comments(at_cursor)
    actions.renumber(result.diagnostics)
    if any(d.fix is not None and d.fix.safe and d.fix.edits for d in result.diagnostics):
        version = doc.version
        fixed = await _fix_all_text(ls, doc, source)
        if fixed != source.text and doc.version == version:  # not for a text that has changed since
            actions.add("Fix all resolint findings", FIX_ALL_KIND, [minimal_edit(source.text, fixed)])
    only = params.context.only
    if only:
        return [a for a in actions.found if any(a.kind == k or a.kind.startswith(f"{k}.") for k in only)]
    return actions.found


class _Actions:
    """The code actions of one request, in the order an editor lists them."""

    def __init__(self, source: Source, uri: str):
        self.source, self.uri = source, uri
        self.found: list[lsp.CodeAction] = []

    def add(self, title: str, kind: str, edits, diagnostics=(), preferred: bool | None = None) -> None:
        self.found.append(
            lsp.CodeAction(
                title=title,
                kind=kind,
                diagnostics=[convert.to_lsp(self.source, d, self.uri) for d in diagnostics] or None,
                is_preferred=preferred,
                edit=lsp.WorkspaceEdit(changes={self.uri: [convert.text_edit(self.source, e) for e in edits]}),
            )
        )

    def quick_fixes(self, at_cursor: list[Diagnostic]) -> None:
        for d in at_cursor:
            if d.fix is not None and d.fix.edits:
                title = f"{d.fix.message} ({d.code})" + ("" if d.fix.safe else " — check the result")
                self.add(title, lsp.CodeActionKind.QuickFix, d.fix.edits, [d], preferred=d.fix.safe)

    def disable_comments(self, at_cursor: list[Diagnostic]) -> None:
        """ "Disable CODE for this line": once per code and line."""
        seen: set[tuple[str, int]] = set()
        for d in at_cursor:
            line = self.source.line_of(d.start)
            if (d.code, line) not in seen:
                seen.add((d.code, line))
                edit = disable_next_line_edit(self.source, d.start, d.code)
                self.add(f"Disable {d.code} for this line", lsp.CodeActionKind.QuickFix, [edit], [d])

    def renumber(self, diagnostics: list[Diagnostic]) -> None:
        renumber = [d for d in diagnostics if d.code == RENUMBER_CODE and d.fix is not None and d.fix.edits]
        if renumber:
            chosen = select_fixes(renumber, unsafe=True)
            edits = [e for d in chosen for e in d.fix.edits]
            self.add("Renumber operative paragraphs", lsp.CodeActionKind.RefactorRewrite, edits, chosen)


async def _fix_all_text(ls: ResolintServer, doc: OpenDocument, source: Source) -> str:
    """The text with every safe fix applied, as ``resolint check --fix`` makes it (remembered
    per version and settings in ``doc.fix_all``: editors ask at every cursor move)."""
    text, path, fmt, settings, version = source.text, doc.path, doc.fmt, doc.settings, doc.version
    if doc.fix_all is not None and doc.fix_all[:2] == (version, settings):
        return doc.fix_all[2]
    loop = asyncio.get_running_loop()
    fixed, _ = await loop.run_in_executor(
        ls.lint_pool, lambda: fix_text(text, lambda t: _lint(t, path, fmt, settings).diagnostics)
    )
    if doc.version == version:
        doc.fix_all = (version, settings, fixed)
    return fixed


def minimal_edit(old: str, new: str) -> Edit:
    """One edit turning ``old`` into ``new``: the changed middle only."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


# ------------------------------------------------------------------ hover, navigation, outline
async def _model(ls: ResolintServer, uri: str, position: lsp.Position | None = None):
    doc = ls.require(uri)
    result = await ls.current(doc)
    source = result.document.source
    if position is not None:
        _check_position(source, position)
        return doc, result, source, convert.offset(source, position)
    return doc, result, source, None


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
async def hover(ls: ResolintServer, params: lsp.HoverParams):
    doc, result, source, offset = await _model(ls, params.text_document.uri, params.position)
    info = navigation.hover(result.document, offset, result.diagnostics)
    if info is None:
        return None
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=info.markdown),
        range=convert.range_of(source, info.start, info.end),
    )


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
async def definition(ls: ResolintServer, params: lsp.DefinitionParams):
    doc, result, source, offset = await _model(ls, params.text_document.uri, params.position)
    return [
        lsp.Location(uri=doc.uri, range=convert.range_of(source, s, e))
        for s, e in navigation.definition(result.document, offset)
    ]


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
async def references(ls: ResolintServer, params: lsp.ReferenceParams):
    doc, result, source, offset = await _model(ls, params.text_document.uri, params.position)
    include = params.context.include_declaration if params.context else True
    return [
        lsp.Location(uri=doc.uri, range=convert.range_of(source, s, e))
        for s, e in navigation.references(result.document, offset, include)
    ]


_SYMBOL_KINDS = {
    "title": lsp.SymbolKind.File,
    "part": lsp.SymbolKind.Module,
    "preamble": lsp.SymbolKind.Namespace,
    "preambular": lsp.SymbolKind.Field,
    "operative": lsp.SymbolKind.Method,
    "subparagraph": lsp.SymbolKind.Property,
    "footnotes": lsp.SymbolKind.Namespace,
    "footnote": lsp.SymbolKind.Key,
    "plenary": lsp.SymbolKind.Event,
    "annex": lsp.SymbolKind.Module,
    "division": lsp.SymbolKind.Namespace,
    "article": lsp.SymbolKind.Class,
}


def _document_symbol(source: Source, symbol: navigation.Symbol) -> lsp.DocumentSymbol:
    sel_start, sel_end = symbol.selection_start, symbol.selection_end
    if not (symbol.start <= sel_start <= sel_end <= symbol.end):
        sel_start, sel_end = symbol.start, symbol.end
    return lsp.DocumentSymbol(
        name=symbol.name or "…",
        kind=_SYMBOL_KINDS.get(symbol.kind, lsp.SymbolKind.String),
        range=convert.range_of(source, symbol.start, symbol.end),
        selection_range=convert.range_of(source, sel_start, sel_end),
        detail=symbol.detail or None,
        children=[_document_symbol(source, c) for c in symbol.children] or None,
    )


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
async def document_symbol(ls: ResolintServer, params: lsp.DocumentSymbolParams):
    doc, result, source, _ = await _model(ls, params.text_document.uri)
    return [_document_symbol(source, s) for s in navigation.document_symbols(result.document)]


@server.feature(lsp.TEXT_DOCUMENT_FOLDING_RANGE)
async def folding_range(ls: ResolintServer, params: lsp.FoldingRangeParams):
    doc, result, source, _ = await _model(ls, params.text_document.uri)
    out = []
    for fold in navigation.folding_ranges(result.document):
        first, last = source.line_of(fold.start), source.line_of(max(fold.start, fold.end - 1))
        if last > first:
            kind = lsp.FoldingRangeKind.Comment if fold.kind == "comment" else lsp.FoldingRangeKind.Region
            out.append(lsp.FoldingRange(start_line=first, end_line=last, kind=kind))
    return out


_COMPLETION_KINDS = {
    "opener": lsp.CompletionItemKind.Keyword,
    "number": lsp.CompletionItemKind.Value,
    "footnote": lsp.CompletionItemKind.Reference,
}


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[">"]))
async def completion(ls: ResolintServer, params: lsp.CompletionParams):
    doc, result, source, offset = await _model(ls, params.text_document.uri, params.position)
    items = []
    for c in navigation.completions(result.document, offset):
        rng = convert.range_of(source, c.replace_start, offset)
        items.append(
            lsp.CompletionItem(
                label=c.label,
                kind=_COMPLETION_KINDS.get(c.kind),
                detail=c.detail,
                sort_text=c.sort_text or None,
                filter_text=source.text[c.replace_start : offset] + c.label
                if c.kind == "footnote"
                else c.new_text.strip(),
                text_edit=lsp.TextEdit(range=rng, new_text=c.new_text),
            )
        )
    return lsp.CompletionList(is_incomplete=False, items=items)


# ------------------------------------------------------------------ entry point
def run(tcp: str | None = None) -> int:
    """Serve over stdio, or on ``HOST:PORT`` when ``tcp`` is given."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="resolint-lsp %(levelname)s: %(message)s")
    if tcp:
        host, _, port = tcp.rpartition(":")
        try:
            port_number = int(port)
        except ValueError:
            port_number = -1
        if not 0 <= port_number <= 65535:
            print(f"resolint: --tcp expects HOST:PORT with a port from 0 to 65535, got {tcp!r}", file=sys.stderr)
            return 2
        try:
            asyncio.run(_serve_tcp(server, host or "127.0.0.1", port_number))
        except OSError as error:  # unknown host, port in use, no permission
            print(f"resolint: cannot serve on {tcp}: {error.strerror or error}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 0
    else:
        server.start_io()
    return 0


async def _serve_tcp(ls: ResolintServer, host: str, port: int) -> None:
    """Serve clients one after another: a client that ends (``shutdown``, ``exit``) or
    just drops closes its connection, and the next one starts a fresh session."""
    from pygls.io_ import run_async

    one_at_a_time = asyncio.Lock()

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async with one_at_a_time:
            ls.forget_client()
            ls.protocol._shutdown = False
            ls.protocol._request_futures.clear()
            ls.connection_stop = stop = threading.Event()
            ls.protocol.set_writer(writer)
            try:
                await run_async(
                    stop_event=stop,
                    reader=reader,
                    protocol=ls.protocol,
                    logger=logger,
                    error_handler=ls.report_server_error,
                )
            except (ConnectionError, asyncio.IncompleteReadError):
                logger.info("the client went away")
            finally:
                for doc in ls.documents.values():
                    _fail_waiters(doc)
                ls.forget_client()
                ls.protocol.writer = None
                writer.close()
                try:
                    await writer.wait_closed()
                except (ConnectionError, OSError):
                    pass

    listener = await asyncio.start_server(connection, host, port)
    address = listener.sockets[0].getsockname()
    print(f"resolint: language server listening on {address[0]}:{address[1]}", file=sys.stderr, flush=True)
    async with listener:
        await listener.serve_forever()
