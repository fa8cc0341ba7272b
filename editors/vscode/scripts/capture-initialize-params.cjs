// Regenerates test/e2e/initializeParams.json: the InitializeParams VS Code
// sends through vscode-languageclient, for the end-to-end test.
//
// The client capabilities are not written by hand: this script loads the
// installed vscode-languageclient (node build) with a stand-in for the
// `vscode` module, registers the client's built-in features and asks it for
// computeClientCapabilities(), exactly as LanguageClient.initialize does.
// The surrounding fields (clientInfo, locale, trace, workspace folders) are
// filled the way BaseLanguageClient.initialize fills them; initializationOptions
// are what the extension sends when the writer set nothing (explicitSettings):
// the default languages as declared in package.json.
// Run with: node scripts/capture-initialize-params.cjs
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const VSCODE_VERSION = '1.99.0';

function stub(name) {
  const fn = function () {
    return stub(`${name}()`);
  };
  return new Proxy(fn, {
    get(_t, p) {
      if (p === 'then' || typeof p === 'symbol') {
        return undefined;
      }
      return stub(`${name}.${String(p)}`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

const vscode = new Proxy({}, {
  get(_t, p) {
    if (p === 'env') return { appName: 'Visual Studio Code', language: 'en' };
    if (p === 'version') return VSCODE_VERSION;
    if (p === '__esModule') return false;
    return stub(`vscode.${String(p)}`);
  },
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const root = path.resolve(__dirname, '..');
const { LanguageClient } = require(path.join(root, 'node_modules/vscode-languageclient/node'));
const clientPkg = require(path.join(root, 'node_modules/vscode-languageclient/package.json'));
const client = Object.create(LanguageClient.prototype);
client._features = [];
client._dynamicFeatures = new Map();
client._c2p = stub('c2p');
client._p2c = stub('p2c');
client._clientOptions = { markdown: { isTrusted: false, supportHtml: false } };
client.registerBuiltinFeatures();
const capabilities = client.computeClientCapabilities();

// initializationOptions: { factbox: { languages } } from package.json's
// defaults; settings left at their defaults are not sent, so that a
// project's .factbox.toml applies. clientShowsDiagnosticsInHover is always sent.
const props = require(path.join(root, 'package.json')).contributes.configuration.properties;
const serverKeys = ['languages'];
const factbox = {};
for (const key of serverKeys) {
  const parts = key.split('.');
  let o = factbox;
  for (const part of parts.slice(0, -1)) o = o[part] ??= {};
  o[parts.at(-1)] = props[`factbox.${key}`].default;
}

// processId, rootPath, rootUri and workspaceFolders are placeholders that the
// test replaces with its own process id and a temporary workspace.
const params = {
  processId: 0,
  clientInfo: { name: 'Visual Studio Code', version: VSCODE_VERSION },
  locale: 'en',
  rootPath: '/workspace',
  rootUri: 'file:///workspace',
  capabilities,
  initializationOptions: { factbox, clientShowsDiagnosticsInHover: true },
  trace: 'off',
  workspaceFolders: [{ uri: 'file:///workspace', name: 'workspace' }],
};
const out = path.join(root, 'test/e2e/initializeParams.json');
fs.writeFileSync(out, JSON.stringify(params, null, 2) + '\n');
console.log(`wrote ${out} (vscode-languageclient ${clientPkg.version})`);
