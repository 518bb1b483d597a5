// The resolint VS Code extension: starts `resolint lsp` and connects vscode-languageclient to it.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function resolintOptions() {
  const config = vscode.workspace.getConfiguration('resolint');
  const options = {};
  for (const key of ['select', 'ignore', 'extendSelect']) {
    const value = config.get(key);
    if (Array.isArray(value)) options[key] = value;
  }
  return options;
}

function activate(context) {
  const command = vscode.workspace.getConfiguration('resolint').get('server.command') || ['resolint', 'lsp'];
  const serverOptions = { command: command[0], args: command.slice(1), transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' }, { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: resolintOptions(),
    synchronize: { configurationSection: 'resolint' },
  };
  client = new LanguageClient('resolint', 'resolint', serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('resolint.server.command')) {
      vscode.window.showInformationMessage('resolint: reload the window to use the new server command.');
    }
  }));
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
