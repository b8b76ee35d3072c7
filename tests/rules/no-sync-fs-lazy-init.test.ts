/**
 * One-time initialisation of a shared value inside a handler blocks only the first request: not
 * reported by default, reported as `blockingOnFirstRequest` with `reportLazyInit: true`.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { eventLoopPlugin } from '../linter-config.js';
import { EXPRESS_ROUTE, rule, ruleTester, ts } from './no-sync-fs.helpers.js';

const code = ts`
  import { readFileSync } from 'node:fs';
  import express from 'express';
  const app = express();
  let template;
  const cache = {};
  let config;
  function loadConfig() { return (config ??= JSON.parse(readFileSync('c.json', 'utf8'))); }
  app.get('/a', (req, res) => {
    template ??= readFileSync('t.html', 'utf8');
    if (!cache.footer) cache.footer = readFileSync('f.html', 'utf8');
    if (this.logo == null) { this.logo = readFileSync('logo.svg'); }
    res.send(template + cache.footer + String(loadConfig()));
  });
`;

const onFirstRequest = (callee: string, line: number, column: number, endColumn: number) => ({
  messageId: 'blockingOnFirstRequest' as const,
  data: { call: `\`${callee}()\``, context: EXPRESS_ROUTE },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('no-sync-fs: lazy one-time initialisation', rule, {
  valid: [
    { name: 'not reported by default: ??=, if (!x) x = ..., == null guard, and a helper that does it', code },
  ],
  invalid: [
    {
      name: 'reported with its own message when reportLazyInit is on',
      code,
      options: [{ reportLazyInit: true }],
      errors: [
        onFirstRequest('fs.readFileSync', 9, 16, 46),
        onFirstRequest('fs.readFileSync', 10, 37, 67),
        onFirstRequest('fs.readFileSync', 11, 40, 64),
        onFirstRequest('loadConfig', 12, 45, 57),
      ],
    },
    {
      name: 'a local variable is not shared: reported as blocking every request',
      code: ts`
        import { readFileSync } from 'node:fs';
        import express from 'express';
        const app = express();
        app.get('/a', async (req, res) => {
          let page;
          page ??= readFileSync('p.html', 'utf8');
          res.send(page);
        });
      `,
      errors: [{ messageId: 'blocking', line: 6, column: 12, endLine: 6, endColumn: 42, suggestions: [{ messageId: 'useAwaited', output: ts`
        import { readFileSync } from 'node:fs';
        import express from 'express';
        import { readFile } from 'node:fs/promises';
        const app = express();
        app.get('/a', async (req, res) => {
          let page;
          page ??= await readFile('p.html', 'utf8');
          res.send(page);
        });
      ` }] }],
    },
    {
      name: 'a helper that blocks every time and also lazily is reported as blocking',
      code: ts`
        import { readFileSync } from 'node:fs';
        import express from 'express';
        const app = express();
        let layout;
        function render(name) {
          layout ??= readFileSync('layout.html', 'utf8');
          return layout.replace('{}', readFileSync(name, 'utf8'));
        }
        app.get('/p/:name', (req, res) => res.send(render(req.params.name)));
      `,
      errors: [{ messageId: 'blockingHelper', line: 9, column: 44, endLine: 9, endColumn: 67 }],
    },
  ],
});

// ESLint's default parser scopes a CommonJS file's top level as the function Node wraps the module
// in (typescript-eslint puts it in the global scope, which the cases above cover).
describe('no-sync-fs: lazy initialisation in CommonJS on the default parser', () => {
  const commonJs = ts`
    const fs = require('fs');
    const express = require('express');
    const app = express();
    let config;
    function getConfig() {
      if (!config) config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
      return config;
    }
    app.get('/', (req, res) => { res.json(getConfig()); });
  `;
  const lint = (options: Record<string, unknown>) =>
    new Linter().verify(
      commonJs,
      [
        {
          files: ['**/*.js'],
          plugins: { 'event-loop': eventLoopPlugin },
          languageOptions: { sourceType: 'commonjs' },
          rules: { 'event-loop/no-sync-fs': ['error', options] },
        },
      ],
      'routes.js',
    );

  it('a top-level variable is shared, as in a module: not reported by default', () => {
    expect(lint({})).toEqual([]);
  });

  it('reported as blocking the first request with reportLazyInit', () => {
    expect(lint({ reportLazyInit: true }).map(({ messageId, line, column, endColumn }) => ({ messageId, line, column, endColumn }))).toEqual([
      { messageId: 'blockingOnFirstRequest', line: 9, column: 39, endColumn: 50 },
    ]);
  });
});
