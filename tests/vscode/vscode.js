// A stand-in for the `vscode` module, enough for vscode-languageclient 9 to start a
// server, synchronise documents and report diagnostics, outside VS Code.
// Settings answer as VS Code does: the extension's contributed defaults from its
// package.json, and for a setting with no default the empty value of its type
// (`[]` for an array) — exactly what a new user's VS Code sends.
'use strict';
const fs = require('fs');
const path = require('path');

const recorded = { diagnostics: {}, messages: [], output: [] };

class Disposable {
  constructor(fn) { this._fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose())); }
  dispose() { if (this._fn) { this._fn(); this._fn = undefined; } }
}

class EventEmitter {
  constructor() {
    this._listeners = [];
    this.event = (listener, thisArg, disposables) => {
      const bound = listener.bind(thisArg);
      this._listeners.push(bound);
      const d = new Disposable(() => { this._listeners = this._listeners.filter((l) => l !== bound); });
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) { for (const l of [...this._listeners]) l(value); }
  dispose() { this._listeners = []; }
}

const noEvent = () => new Disposable();

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    Object.assign(this, { scheme, authority: authority || '', path: p || '', query: query || '', fragment: fragment || '' });
  }
  static file(p) { return new Uri('file', '', p.split(path.sep).join('/')); }
  static parse(value) {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`stub vscode.Uri.parse: cannot parse ${value}`);
    return new Uri(m[1], m[2], decodeURIComponent(m[3]), m[4], m[5]);
  }
  get fsPath() { return this.path; }
  with(change) { return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment); }
  toString() {
    const encoded = this.path.split('/').map(encodeURIComponent).join('/');
    return `${this.scheme}://${this.authority}${encoded}`;
  }
  toJSON() { return this.toString(); }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; }
  }
}
class Diagnostic {
  constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; }
}
class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() { this.token.isCancellationRequested = true; this._emitter.fire(undefined); }
  dispose() {}
}
class CancellationError extends Error {}
class TabInputText { constructor(uri) { this.uri = uri; } }
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(`${this.value}.`); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
for (const [name, value] of Object.entries({
  Empty: '', QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract',
  RefactorInline: 'refactor.inline', RefactorRewrite: 'refactor.rewrite', Source: 'source',
  SourceOrganizeImports: 'source.organizeImports', SourceFixAll: 'source.fixAll',
})) CodeActionKind[name] = new CodeActionKind(value);

// Any other class the library extends or builds (CompletionItem, CodeAction, …): a plain holder.
function genericClass(name) {
  const cls = { [name]: class { constructor(...args) { this.args = args; } } }[name];
  return new Proxy(cls, { get: (target, prop) => (prop in target ? target[prop] : prop) });
}

class TextDocument {
  constructor(file, languageId) {
    this.uri = Uri.file(file);
    this.fileName = file;
    this.languageId = languageId;
    this.version = 1;
    this.isClosed = false;
    this.isDirty = false;
    this.isUntitled = false;
    this.eol = 1;
    this._text = fs.readFileSync(file, 'utf8');
    this.lineCount = this._text.split('\n').length;
  }
  getText() { return this._text; }
}

// Settings: VS Code's answer for each contributed property of the extension.
const EMPTY = { array: [], object: {}, string: '', boolean: false, number: 0, integer: 0 };
function defaultsOf(manifest) {
  const tree = {};
  const properties = ((manifest.contributes || {}).configuration || {}).properties || {};
  for (const [key, spec] of Object.entries(properties)) {
    const value = 'default' in spec ? spec.default : (EMPTY[spec.type] ?? null);
    const parts = key.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
    node[parts[parts.length - 1]] = JSON.parse(JSON.stringify(value));
  }
  return tree;
}
let settings = {};
function lookup(tree, dotted) {
  let node = tree;
  for (const part of dotted.split('.')) {
    if (node === undefined || node === null) return undefined;
    node = node[part];
  }
  return node;
}
function getConfiguration(section) {
  const base = section ? lookup(settings, section) || {} : settings;
  const config = JSON.parse(JSON.stringify(base));
  Object.defineProperties(config, {
    get: { value: (key, fallback) => { const v = lookup(base, key); return v === undefined ? fallback : JSON.parse(JSON.stringify(v)); } },
    has: { value: (key) => lookup(base, key) !== undefined },
    inspect: { value: () => undefined },
    update: { value: () => Promise.resolve() },
  });
  return config;
}

const documents = [];
const configurationChanged = new EventEmitter();

function match(selector, document) {
  const filters = Array.isArray(selector) ? selector : [selector];
  for (const f of filters) {
    if (typeof f === 'string') { if (f === document.languageId) return 10; continue; }
    if (f.language && f.language !== document.languageId) continue;
    if (f.scheme && f.scheme !== document.uri.scheme) continue;
    if (f.pattern) continue;
    return 10;
  }
  return 0;
}

function outputChannel(name) {
  const add = (text) => recorded.output.push(text);
  return { name, append: add, appendLine: add, replace: add, clear() {}, show() {}, hide() {}, dispose() {} };
}

function showMessage(level) {
  return (message, ...rest) => {
    recorded.messages.push({ level, message });
    return Promise.resolve(undefined);
  };
}

const api = {
  version: '1.85.0',
  Disposable, EventEmitter, Uri, Position, Range, Diagnostic, CancellationTokenSource, CancellationError, CodeActionKind, TabInputText,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  env: { language: 'en', appName: 'Visual Studio Code', machineId: 'stub', sessionId: 'stub', openExternal: () => Promise.resolve(true) },
  commands: { registerCommand: () => new Disposable(), executeCommand: () => Promise.resolve(undefined) },
  window: {
    createOutputChannel: outputChannel,
    showErrorMessage: showMessage('error'),
    showWarningMessage: showMessage('warning'),
    showInformationMessage: showMessage('info'),
    withProgress: (options, task) => task({ report() {} }, new CancellationTokenSource().token),
    showTextDocument: () => Promise.resolve(undefined),
    onDidChangeActiveTextEditor: noEvent,
    onDidChangeVisibleTextEditors: noEvent,
    activeTextEditor: undefined,
    visibleTextEditors: [],
    // Every open document shows in a tab of one group, as in a window where the user opened them.
    tabGroups: {
      get all() { return [{ tabs: documents.map((d) => ({ input: new TabInputText(d.uri), label: d.fileName })) }]; },
      onDidChangeTabs: noEvent,
      onDidChangeTabGroups: noEvent,
    },
  },
  workspace: {
    get textDocuments() { return documents; },
    workspaceFolders: undefined,
    getConfiguration,
    getWorkspaceFolder: () => api.workspace.workspaceFolders && api.workspace.workspaceFolders[0],
    onDidChangeConfiguration: configurationChanged.event,
    onDidOpenTextDocument: noEvent, onDidCloseTextDocument: noEvent, onDidChangeTextDocument: noEvent,
    onWillSaveTextDocument: noEvent, onDidSaveTextDocument: noEvent, onDidChangeWorkspaceFolders: noEvent,
    onDidCreateFiles: noEvent, onDidRenameFiles: noEvent, onDidDeleteFiles: noEvent,
    onWillCreateFiles: noEvent, onWillRenameFiles: noEvent, onWillDeleteFiles: noEvent,
    createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
    applyEdit: () => Promise.resolve(true),
  },
  languages: {
    match,
    createDiagnosticCollection: (name) => {
      const store = new Map();
      return {
        name,
        set(uri, diagnostics) {
          if (Array.isArray(uri)) { for (const [u, d] of uri) this.set(u, d); return; }
          store.set(uri.toString(), diagnostics || []);
          recorded.diagnostics[uri.toString()] = (diagnostics || []).map((d) => ({
            code: typeof d.code === 'object' && d.code !== null ? d.code.value : d.code,
            line: d.range.start.line,
            message: d.message,
          }));
        },
        delete(uri) { store.delete(uri.toString()); },
        get(uri) { return store.get(uri.toString()); },
        has(uri) { return store.has(uri.toString()); },
        forEach(cb) { store.forEach((d, u) => cb(Uri.parse(u), d, this)); },
        clear() { store.clear(); },
        dispose() { store.clear(); },
      };
    },
  },
  // for the harness
  _stub: {
    recorded,
    useManifest(manifest) { settings = defaultsOf(manifest); },
    setUserSetting(key, value) {
      const parts = key.split('.');
      let node = settings;
      for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
      node[parts[parts.length - 1]] = value;
    },
    setWorkspace(root) { api.workspace.workspaceFolders = [{ uri: Uri.file(root), name: path.basename(root), index: 0 }]; },
    open(file, languageId) { documents.push(new TextDocument(file, languageId)); },
  },
};

const registerProvider = () => new Disposable();
module.exports = new Proxy(api, {
  get(target, prop) {
    if (prop in target) return target[prop];
    if (typeof prop !== 'string') return undefined;
    if (/^[A-Z]/.test(prop)) return (target[prop] = genericClass(prop));
    return undefined;
  },
});
for (const name of ['languages']) {
  api[name] = new Proxy(api[name], {
    get: (target, prop) => (prop in target ? target[prop] : (typeof prop === 'string' && prop.startsWith('register') ? registerProvider : undefined)),
  });
}
