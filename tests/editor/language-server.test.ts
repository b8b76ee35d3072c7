import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { ruleDocsUrl } from '../../src/util/create-rule.js';

// The editor path end to end: the ESLint language server that VS Code's extension, Neovim, Helix,
// Zed and others run (vscode-langservers-extracted), over stdio, on a project with a flat config.
// The server loads ESLint from the project's node_modules (here the repository's, ESLint 10) and the
// plugin through the project's eslint.config.js (here the built dist/, see tests/global-setup.ts).

const project = fileURLToPath(new URL('../fixtures/editor-project/', import.meta.url));
const projectUri = pathToFileURL(project).href.replace(/\/$/, '');
const file = join(project, 'src/server.js');
const fileUri = pathToFileURL(file).href;
const source = readFileSync(file, 'utf8');

const require = createRequire(import.meta.url);
const serverPackage = require.resolve('vscode-langservers-extracted/package.json');
const serverBin = join(
  dirname(serverPackage),
  (JSON.parse(readFileSync(serverPackage, 'utf8')) as { bin: Record<string, string> }).bin[
    'vscode-eslint-language-server'
  ]!,
);

/**
 * What an editor answers to the server's `workspace/configuration` request (VS Code's `eslint.*`
 * settings). Server 4.10 with ESLint 10, as tried: `experimental` must be an object (the server reads
 * `experimental.useFlatConfig` unguarded) and must not set `useFlatConfig: true`, which makes the
 * server look for the `FlatESLint` class that ESLint 10 no longer exports. The plain `useFlatConfig`
 * and `useESLintClass` do not matter with ESLint 9 and 10 (the server then calls ESLint's own
 * `loadESLint()`); `useESLintClass: true` is what ESLint 8 would need.
 */
const settings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: true,
  experimental: {},
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: 'location' },
  workspaceFolder: { name: 'editor-project', uri: projectUri },
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
};

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  message: string;
  code?: string;
  codeDescription?: { href: string };
  severity?: number;
  source?: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

const TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from the language server within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Applies LSP text edits (0-based line/character positions, non-overlapping) to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = ({ line, character }: Position) => (lineStarts[line] ?? text.length) + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

function editsFor(uri: string, edit: WorkspaceEdit): TextEdit[] {
  return [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
  ];
}

describe('the ESLint language server (vscode-eslint-language-server) with the plugin', () => {
  let server: ChildProcessByStdio<Writable, Readable, Readable>;
  let connection: MessageConnection;
  const serverLog: string[] = [];
  const appliedEdits: WorkspaceEdit[] = [];
  const validations: { uri: string; state: number }[] = [];

  const pullDiagnostics = async (what: string, uri = fileUri) => {
    const report = await within(
      connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }),
      what,
    );
    expect(report.kind).toBe('full');
    return report.items;
  };

  /** Opens a handler file written to disk, and checks the server linted it and found nothing. */
  const openClean = async (uri: string, text: string): Promise<void> => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
    expect(await pullDiagnostics(`textDocument/diagnostic of ${uri}`, uri)).toEqual([]);
    expect(validations.some((status) => status.uri === uri && status.state === 1)).toBe(true);
  };

  /**
   * Saves `file` (its mtime an hour on, whatever the file system's resolution), waits `ms` for the
   * plugin's next look at the disk, and has the open handler file linted again, unchanged.
   */
  const saveAndRelint = async (file: string, content: string, ms: number, uri: string, text: string) => {
    writeFileSync(file, content);
    const later = Date.now() / 1000 + 3600;
    utimesSync(file, later, later);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const diagnostics = await pullDiagnostics(`textDocument/diagnostic of ${uri} after ${file} changed`, uri);
    return diagnostics.map(({ code, range, message }) => ({ code, range, message }));
  };

  beforeAll(async () => {
    server = spawn(process.execPath, [serverBin, '--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      appliedEdits.push(params.edit);
      return { applied: true };
    });
    // Registrations, progress tokens, diagnostic refreshes: acknowledged, nothing else to do.
    connection.onRequest(() => null);
    connection.onNotification('eslint/status', (params: { uri: string; state: number }) => {
      validations.push(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      serverLog.push(params.message);
    });
    connection.listen();

    await within(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: projectUri,
        workspaceFolders: [{ uri: projectUri, name: 'editor-project' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            diagnostic: { dynamicRegistration: false },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
          },
        },
      }),
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fileUri, languageId: 'javascript', version: 1, text: source },
    });
  });

  afterAll(async () => {
    if (!connection || server.exitCode !== null) return;
    try {
      await within(connection.sendRequest('shutdown'), 'shutdown', 2_000);
      await connection.sendNotification('exit');
    } catch {
      // The server is killed below either way.
    }
    connection.dispose();
    server.kill();
  });

  const expectedMessage =
    '`fs.readFileSync()` blocks the event loop in this Express route handler: every other request waits until it returns. ' +
    'Use `await readFile()` from `node:fs/promises` instead.';
  const suggestion =
    'Make this Express route handler async and replace the call with `await readFile()` from `node:fs/promises`.';
  let diagnostics: Diagnostic[] = [];

  it('publishes the finding with rule id, message, link to the rule doc and the exact range', async () => {
    // The first pull loads ESLint, the config and the plugin: allow it longer.
    diagnostics = await within(pullDiagnostics('first textDocument/diagnostic'), 'first pull', 20_000).catch((error: Error) => {
      throw new Error(`${error.message}\nserver log:\n${serverLog.join('\n')}`);
    });
    expect(diagnostics, serverLog.join('\n')).toEqual([
      {
        source: 'eslint',
        code: 'event-loop/no-sync-fs',
        codeDescription: { href: ruleDocsUrl('no-sync-fs') },
        message: expectedMessage,
        severity: 1,
        // `readFileSync('report.json', 'utf8')` on line 7 of src/server.js (0-based: line 6).
        range: { start: { line: 6, character: 17 }, end: { line: 6, character: 52 } },
      },
    ]);
    const lines = source.split('\n');
    expect(lines[6]!.slice(17, 52)).toBe("readFileSync('report.json', 'utf8')");
  });

  it('offers the suggestion as a code action, which rewrites the handler to the awaited form', async () => {
    expect(diagnostics, 'needs the finding of the previous test').toHaveLength(1);
    const actions = await within(
      connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: fileUri },
        range: diagnostics[0]!.range,
        context: { diagnostics, only: ['quickfix'] },
      }),
      'textDocument/codeAction',
    );
    const titles = actions.map((action) => action.title);
    expect(titles).toContain(`${suggestion} (event-loop/no-sync-fs)`);
    expect(titles).toContain('Show documentation for event-loop/no-sync-fs');

    const apply = actions.find((action) => action.title.startsWith(suggestion))!;
    expect(apply.kind).toBe('quickfix');
    expect(apply.command?.command).toBe('eslint.applySuggestion');
    // Clicking the action: the client runs its command, the server sends the edit back to apply.
    await within(
      connection.sendRequest('workspace/executeCommand', { command: apply.command!.command, arguments: apply.command!.arguments }),
      'workspace/executeCommand',
    );
    expect(appliedEdits).toHaveLength(1);
    const awaited = applyEdits(source, editsFor(fileUri, appliedEdits[0]!));
    expect(awaited).toBe(
      [
        "import { readFileSync } from 'node:fs';",
        "import express from 'express';",
        "import { readFile } from 'node:fs/promises';",
        '',
        'const app = express();',
        '',
        "app.get('/report', async (req, res) => {",
        "  const report = await readFile('report.json', 'utf8');",
        "  res.type('json').send(report);",
        '});',
        '',
        'app.listen(3000);',
        '',
      ].join('\n'),
    );

    const validated = validations.filter((status) => status.uri === fileUri && status.state === 1).length;
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: fileUri, version: 2 },
      contentChanges: [{ text: awaited }],
    });
    expect(await pullDiagnostics('textDocument/diagnostic after the edit')).toEqual([]);
    // An empty answer is also what the server sends when it did not lint at all: make sure it did.
    expect(validations.filter((status) => status.uri === fileUri && status.state === 1).length).toBe(validated + 1);
  });

  /** A router whose handler awaits `loadReport()` from `specifier`: `loadReport()` is on line 7 (0-based: 6). */
  const reportRouter = (specifier: string): string =>
    [
      "import express from 'express';",
      `import { loadReport } from '${specifier}';`,
      '',
      'export const router = express.Router();',
      '',
      "router.get('/report', async (req, res) => {",
      '  res.send(await loadReport());',
      '});',
      '',
    ].join('\n');

  /** A store module whose async `loadReport()` reads with `readFile` (awaited) or `readFileSync`. */
  const storeSource = (read: 'readFile' | 'readFileSync'): string =>
    [
      read === 'readFile' ? "import { readFile } from 'node:fs/promises';" : "import { readFileSync } from 'node:fs';",
      '',
      'export async function loadReport() {',
      read === 'readFile' ? "  return await readFile('report.json', 'utf8');" : "  return readFileSync('report.json', 'utf8');",
      '}',
      '',
    ].join('\n');

  /** The finding at `loadReport()` (line 7, 0-based 6) once the store it imports reads synchronously. */
  const loadReportDiagnostic = (store: string) => ({
    code: 'event-loop/no-sync-fs',
    // Awaited already (`await loadReport()`): only the helper's own call needs to change.
    message:
      '`loadReport()` blocks the event loop in this Express route handler: it calls `fs.readFileSync()` ' +
      `(${store}:4), and every other request waits until it returns. ` +
      'Use `await readFile()` from `node:fs/promises` there.',
    range: { start: { line: 6, character: 17 }, end: { line: 6, character: 29 } },
  });

  describe('a handler whose helper is in another file', () => {
    // Written at test time (the directory is gitignored): the helper is edited on disk, as a save
    // in another editor tab does, while the server keeps the plugin loaded.
    const generated = join(project, 'src/generated');
    const routes = join(generated, 'routes.js');
    const routesUri = pathToFileURL(routes).href;
    const store = join(generated, 'store.js');
    const routesSource = reportRouter('./store.js');
    afterAll(() => {
      rmSync(generated, { recursive: true, force: true });
    });

    it("shows the helper's blocking call at the handler's next lint after the helper is saved, with no restart", async () => {
      mkdirSync(generated, { recursive: true });
      writeFileSync(store, storeSource('readFile'));
      writeFileSync(routes, routesSource);
      await openClean(routesUri, routesSource);

      // The helper saved with a synchronous read: the plugin checks what it read against the disk
      // once a second.
      expect(await saveAndRelint(store, storeSource('readFileSync'), 1_100, routesUri, routesSource)).toEqual([
        loadReportDiagnostic('src/generated/store.js'),
      ]);
    });
  });

  describe('a handler that imports its helper through an alias of package.json', () => {
    // package.json `imports` maps `#store` to one of two modules; the mapping is edited on disk
    // while the server runs, as a change of branch or a hand edit does.
    const aliased = join(project, 'src/generated/aliased');
    const routes = join(aliased, 'routes.js');
    const routesUri = pathToFileURL(routes).href;
    const manifest = join(aliased, 'package.json');
    const routesSource = reportRouter('#store');
    const manifestSource = (store: string): string =>
      `${JSON.stringify({ name: 'aliased', private: true, type: 'module', imports: { '#store': store } }, null, 2)}\n`;
    afterAll(() => {
      rmSync(aliased, { recursive: true, force: true });
    });

    it('follows the alias to the module it names after package.json is saved, with no restart', async () => {
      mkdirSync(aliased, { recursive: true });
      writeFileSync(join(aliased, 'store-async.js'), storeSource('readFile'));
      writeFileSync(join(aliased, 'store-sync.js'), storeSource('readFileSync'));
      writeFileSync(manifest, manifestSource('./store-async.js'));
      writeFileSync(routes, routesSource);
      await openClean(routesUri, routesSource);

      // `#store` now names the synchronous store: the plugin looks at the config files it read at
      // most every five seconds.
      expect(await saveAndRelint(manifest, manifestSource('./store-sync.js'), 5_100, routesUri, routesSource)).toEqual([
        loadReportDiagnostic('src/generated/aliased/store-sync.js'),
      ]);
    }, 20_000);
  });
});
