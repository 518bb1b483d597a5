// Runs the VS Code extension's activate() outside VS Code, against the stub `vscode` module:
//   node activate.js EXTENSION_DIR WORKSPACE_ROOT EXPECT_URI FILE[:LANGUAGE]...
// vscode-languageclient itself starts the server the extension names, sends initialize
// (with initializationOptions) and workspace/didChangeConfiguration, opens the files and
// receives diagnostics.  Prints one JSON object once EXPECT_URI has diagnostics (or after
// 60 s): what the stub recorded (diagnostics per URI, messages shown, the client's output).
'use strict';
const Module = require('module');
const path = require('path');

const stubPath = path.join(__dirname, 'vscode.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest);
};
const vscode = require('vscode');

const [extensionDir, workspaceRoot, expectUri, ...files] = process.argv.slice(2);
vscode._stub.useManifest(require(path.join(extensionDir, 'package.json')));
vscode._stub.setWorkspace(workspaceRoot);
// The user settings the test adds to VS Code's defaults, e.g. {"resolint.trace.server": "verbose"}
// (the client library's own setting: it logs every message to the output channel).
for (const [key, value] of Object.entries(JSON.parse(process.env.VSCODE_STUB_SETTINGS || '{}'))) {
  vscode._stub.setUserSetting(key, value);
}
for (const spec of files) {
  const [file, language] = spec.split(':');
  vscode._stub.open(file, language || 'markdown');
}

const extension = require(path.join(extensionDir, require(path.join(extensionDir, 'package.json')).main));
const context = { subscriptions: [], extensionPath: extensionDir, extensionUri: vscode.Uri.file(extensionDir) };
const recorded = vscode._stub.recorded;
const started = Date.now();

function finish(reason) {
  process.stdout.write(JSON.stringify({ reason, ...recorded }) + '\n');
  Promise.resolve(extension.deactivate())
    .catch(() => undefined)
    .then(() => process.exit(0));
  setTimeout(() => process.exit(0), 10000).unref();
}

Promise.resolve(extension.activate(context)).then(
  () => {
    const poll = setInterval(() => {
      const done = (recorded.diagnostics[expectUri] || []).length > 0;
      if (done || Date.now() - started > 60000) {
        clearInterval(poll);
        // A moment for the other documents' answers and any message the server sends.
        setTimeout(() => finish(done ? 'diagnostics' : 'timeout'), 1500);
      }
    }, 100);
  },
  (error) => { recorded.messages.push({ level: 'activate', message: String(error && error.stack || error) }); finish('activate failed'); },
);
