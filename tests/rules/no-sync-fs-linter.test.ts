/**
 * no-sync-fs through ESLint's own Linter: what each valid option does, rejected settings (they
 * throw before a rule runs, so RuleTester cannot express them), the exact message text, and one
 * report per call. Rejected options of every rule are in tests/options.test.ts.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { config, eventLoopPlugin, FILES, parser } from '../linter-config.js';
import { ts } from './no-sync-fs.helpers.js';

const code = ts`
  import fs from 'fs';
  import express from 'express';
  const app = express();
  app.get('/', (req, res) => {
    res.send(fs.readFileSync(p));
  });
`;

function lint(text: string, options: Parameters<typeof config>[0] = {}, filename = 'file.ts'): Linter.LintMessage[] {
  return new Linter().verify(text, config(options), filename);
}

describe('no-sync-fs: valid options', () => {
  it('accepts every valid option', () => {
    for (const [options, reports] of [
      [{}, 1],
      [{ scope: 'handlers' }, 1],
      [{ scope: 'async-handlers' }, 0],
      [{ scope: 'async-functions' }, 1],
      [{ allow: ['existsSync', 'fs.statSync'] }, 1],
      [{ allow: ['fs.readFileSync'] }, 0],
    ] as const) {
      expect(lint(code, { rule: ['error', options] })).toHaveLength(reports);
    }
  });

  it('rejects an unknown scope', () => {
    expect(() => lint(code, { rule: ['error', { scope: 'nope' }] })).toThrow(
      /Key "event-loop\/no-sync-fs":[\s\S]*Value "nope" should be equal to one of the allowed values/,
    );
  });

  it('rejects a scope that is not a string', () => {
    expect(() => lint(code, { rule: ['error', { scope: 3 }] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*Value 3 should be string/);
  });

  it('rejects an unknown property', () => {
    expect(() => lint(code, { rule: ['error', { scope: 'handlers', ignore: ['x'] }] })).toThrow(
      /Key "event-loop\/no-sync-fs":[\s\S]*should NOT have additional properties[\s\S]*Unexpected property "ignore"/,
    );
  });

  it('rejects allow entries that name no fs API, with an example of a valid name', () => {
    for (const name of ['exists', 'fs.exists', 'node:fs.existsSync', 'ExistsSync']) {
      expect(() => lint(code, { rule: ['error', { allow: [name] }] })).toThrow(
        `"allow" entry ${JSON.stringify(name)} names no fs API in the catalog; write a full name such as "fs.accessSync" or an export name such as "accessSync".`,
      );
    }
  });

  it('rejects an allow list with duplicates', () => {
    expect(() => lint(code, { rule: ['error', { allow: ['existsSync', 'existsSync'] }] })).toThrow(
      /Key "event-loop\/no-sync-fs":[\s\S]*should NOT have duplicate items/,
    );
  });

  it('rejects an empty name in the allow list', () => {
    expect(() => lint(code, { rule: ['error', { allow: [''] }] })).toThrow(
      /Key "event-loop\/no-sync-fs":[\s\S]*should NOT be shorter than 1 characters/,
    );
  });

  it('rejects an allow list that is not an array', () => {
    expect(() => lint(code, { rule: ['error', { allow: 'existsSync' }] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*should be array/);
  });

  it('rejects a second options object', () => {
    expect(() => lint(code, { rule: ['error', {}, {}] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*should NOT have more than 1 items/);
  });
});

describe("no-sync-fs: rejected settings['event-loop']", () => {
  it('a scope that is not one of the scopes', () => {
    expect(() => lint(code, { settings: { 'event-loop': { scope: 3 } } })).toThrow(
      `settings['event-loop'].scope must be one of "handlers", "async-handlers", "async-functions", got 3.`,
    );
    expect(() => lint(code, { settings: { 'event-loop': { scope: 'everything' } } })).toThrow(
      `settings['event-loop'].scope must be one of "handlers", "async-handlers", "async-functions", got "everything".`,
    );
  });

  it('settings that are not an object', () => {
    for (const [value, shown] of [
      ['async-handlers', '"async-handlers"'],
      [null, 'null'],
      [['handlers'], '["handlers"]'],
    ] as const) {
      expect(() => lint(code, { settings: { 'event-loop': value } })).toThrow(
        `settings['event-loop'] must be an object, got ${shown}.`,
      );
    }
  });

  it('the error names the rule that read the settings', () => {
    expect(() => lint(code, { settings: { 'event-loop': { scope: 3 } } })).toThrow(
      /Error while loading rule 'event-loop\/no-sync-fs'/,
    );
  });

  it('valid settings are accepted, and other plugins’ settings are ignored', () => {
    expect(lint(code, { settings: { 'event-loop': { scope: 'handlers' }, other: { scope: 3 } } })).toHaveLength(1);
    expect(lint(code, { settings: { 'event-loop': { scope: 'async-handlers' } } })).toHaveLength(0);
  });
});

describe('no-sync-fs: message text', () => {
  it('blocking: the message and the suggestion', () => {
    const [message, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      ruleId: 'event-loop/no-sync-fs',
      messageId: 'blocking',
      severity: 2,
      message:
        '`fs.readFileSync()` blocks the event loop in this Express route handler: every other request waits until it returns. Use `await readFile()` from `node:fs/promises` instead.',
      line: 5,
      column: 12,
      endLine: 5,
      endColumn: 30,
    });
    expect(message?.suggestions?.map((s) => [s.messageId, s.desc])).toEqual([
      [
        'useAwaitedInAsyncHandler',
        'Make this Express route handler async and replace the call with `await readFile()` from `node:fs/promises`.',
      ],
    ]);
    expect(message?.fix).toBeUndefined();
  });

  it('blocking with a caveat, blockingNoEquivalent, and the async-function context', () => {
    const messages = lint(
      ts`
        import fs from 'fs';
        export async function load() {
          const fd = fs.openSync(p, 'r');
          return fs.existsSync(p);
        }
      `,
      { rule: ['error', { scope: 'async-functions' }] },
    );
    expect(messages.map((m) => [m.messageId, m.message, m.suggestions])).toEqual([
      [
        'blocking',
        '`fs.openSync()` blocks the event loop in this async function: every other request waits until it returns. Use `await open()` from `node:fs/promises` instead (note that it resolves to a FileHandle, not a numeric file descriptor).',
        undefined,
      ],
      [
        'blockingNoEquivalent',
        '`fs.existsSync()` blocks the event loop in this async function: every other request waits until it returns. Use `await access(path)` from `node:fs/promises`, which rejects when the path is missing, or `await stat(path)` when you need the entry anyway.',
        undefined,
      ],
    ]);
  });
});

describe('no-sync-fs: each call is reported once', () => {
  const busy = ts`
    import fs from 'fs';
    import * as nodeFs from 'node:fs';
    import http from 'http';
    import express from 'express';
    const legacyFs = require('fs');
    const { readFileSync } = require('node:fs');
    const app = express();
    const handler = (req, res) => res.send(fs.readFileSync(p));
    app.get('/a', handler);
    app.get('/b', handler);
    app.post('/c', [handler, handler]);
    app.use('/d', handler);
    app.get('/e', async (req, res) => {
      http.createServer((rq, rs) => {
        rs.end(nodeFs.readFileSync(p));
      });
      res.send(legacyFs.readFileSync(p), readFileSync(p), process.getBuiltinModule('fs').readFileSync(p));
      res.send(fs.readFileSync.call(fs, p), [p].map((name) => fs.readFileSync(name)));
    });
  `;
  const expected = [
    [8, 40, 'Express route handler'],
    [15, 12, 'node:http request listener'],
    [17, 12, 'Express route handler'],
    [17, 38, 'Express route handler'],
    [17, 55, 'Express route handler'],
    [18, 12, 'Express route handler'],
    [18, 59, 'Express route handler'],
  ];
  const summary = (messages: Linter.LintMessage[]) =>
    messages.map((m) => [m.line, m.column, /in this (.*?): every/.exec(m.message)?.[1]]);

  it('a handler registered many times, nested handlers, every import style in one file', () => {
    expect(summary(lint(busy))).toEqual(expected);
  });

  it('also when the config declares the Node globals require and process', () => {
    expect(summary(lint(busy, { globals: { require: 'readonly', process: 'readonly', module: 'writable' } }))).toEqual(expected);
  });

  it('also when the plugin configs turn the rule on more than once', () => {
    const linter = new Linter();
    const messages = linter.verify(
      busy,
      [
        { files: FILES, languageOptions: { parser } },
        { files: FILES, ...plugin.configs.recommended } as Linter.Config,
        { files: FILES, ...plugin.configs.all } as Linter.Config,
        { files: FILES, plugins: { 'event-loop': eventLoopPlugin }, rules: { 'event-loop/no-sync-fs': 'warn' } },
      ],
      'file.ts',
    );
    expect(summary(messages)).toEqual(expected);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set(['event-loop/no-sync-fs']));
  });

  it('linting the same text again gives the same result (the per-file cache does not leak)', () => {
    const linter = new Linter();
    const first = linter.verify(busy, config(), 'file.ts');
    const second = linter.verify(busy, config(), 'file.ts');
    expect(summary(second)).toEqual(summary(first));
    expect(summary(second)).toEqual(expected);
    // Another file after it is analysed on its own.
    expect(summary(linter.verify(code, config(), 'other.ts'))).toEqual([[5, 12, 'Express route handler']]);
  });
});

// Found by the hardening run: ESLint's default parser gives class members no `decorators`
// property, and looking for NestJS routes on a method threw.
describe("no-sync-fs: ESLint's default parser", () => {
  const classes = ts`
    import fs from 'fs';
    import express from 'express';
    class Store {
      load() { return fs.readFileSync('a'); }
      async save() { fs.writeFileSync('b', ''); }
      static async list() { return fs.readdirSync('c'); }
    }
    const app = express();
    app.get('/', (req, res) => {
      res.send(fs.readFileSync('d'));
    });
  `;
  const lintJs = (rule: Linter.RuleEntry) =>
    new Linter().verify(
      classes,
      [{ files: ['**/*.js'], plugins: { 'event-loop': eventLoopPlugin }, rules: { 'event-loop/no-sync-fs': rule } }],
      'server.js',
    );

  it('class methods outside handlers are not routes, and do not throw', () => {
    expect(lintJs('error').map((m) => [m.line, m.column, m.fatal ?? false])).toEqual([[10, 12, false]]);
  });

  it('async methods are async functions in the widest scope', () => {
    expect(lintJs(['error', { scope: 'async-functions' }]).map((m) => [m.line, m.column])).toEqual([
      [5, 18],
      [6, 32],
      [10, 12],
    ]);
  });
});
