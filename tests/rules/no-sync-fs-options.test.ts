/**
 * no-sync-fs options: `scope` (and its default from `settings['event-loop']`) and `allow`.
 * Rejected options and settings are in no-sync-fs-linter.test.ts (they throw before any test runs).
 */
import { blockingData, EXPRESS_ROUTE, rule, ruleTester, suggestionData, ts } from './no-sync-fs.helpers.js';

const code = ts`
  import fs from 'fs';
  import express from 'express';
  const app = express();
  app.get('/sync', (req, res) => {
    res.send(fs.readFileSync(p));
  });
  app.get('/async', async (req, res) => {
    res.send(fs.readFileSync(p));
  });
  export async function load() {
    return fs.readFileSync(p);
  }
  export function loadSync() {
    return fs.readFileSync(p);
  }
`;

/** The sync handler, flagged by the default scope; its suggestion makes it async. */
const syncHandlerError = {
  messageId: 'blocking',
  data: blockingData(EXPRESS_ROUTE),
  line: 5,
  column: 12,
  endLine: 5,
  endColumn: 30,
  suggestions: [
    {
      messageId: 'useAwaitedInAsyncHandler',
      data: suggestionData(EXPRESS_ROUTE),
      output: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/sync', async (req, res) => {
          res.send(await fs.promises.readFile(p));
        });
        app.get('/async', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
        export async function load() {
          return fs.readFileSync(p);
        }
        export function loadSync() {
          return fs.readFileSync(p);
        }
      `,
    },
  ],
} as const;

const asyncHandlerError = {
  messageId: 'blocking',
  data: blockingData(EXPRESS_ROUTE),
  line: 8,
  column: 12,
  endLine: 8,
  endColumn: 30,
  suggestions: [
    {
      messageId: 'useAwaited',
      data: suggestionData(EXPRESS_ROUTE),
      output: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/sync', (req, res) => {
          res.send(fs.readFileSync(p));
        });
        app.get('/async', async (req, res) => {
          res.send(await fs.promises.readFile(p));
        });
        export async function load() {
          return fs.readFileSync(p);
        }
        export function loadSync() {
          return fs.readFileSync(p);
        }
      `,
    },
  ],
} as const;

/** The async function no handler reaches: only the `async-functions` scope flags it. */
const asyncFunctionError = {
  messageId: 'blocking',
  data: blockingData('async function'),
  line: 11,
  column: 10,
  endLine: 11,
  endColumn: 28,
  suggestions: [
    {
      messageId: 'useAwaited',
      data: suggestionData('async function'),
      output: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/sync', (req, res) => {
          res.send(fs.readFileSync(p));
        });
        app.get('/async', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
        export async function load() {
          return await fs.promises.readFile(p);
        }
        export function loadSync() {
          return fs.readFileSync(p);
        }
      `,
    },
  ],
} as const;

ruleTester.run('no-sync-fs: scope', rule, {
  valid: [],
  invalid: [
    {
      name: 'default scope: every handler, sync or async; not an async function outside a handler',
      code,
      errors: [syncHandlerError, asyncHandlerError],
    },
    {
      name: "scope: 'handlers' is the default",
      code,
      options: [{ scope: 'handlers' }],
      errors: [syncHandlerError, asyncHandlerError],
    },
    {
      name: "scope: 'async-handlers': the sync handler is not flagged",
      code,
      options: [{ scope: 'async-handlers' }],
      errors: [asyncHandlerError],
    },
    {
      name: "scope: 'async-functions': handlers plus every async function",
      code,
      options: [{ scope: 'async-functions' }],
      errors: [syncHandlerError, asyncHandlerError, asyncFunctionError],
    },
    {
      name: "settings['event-loop'].scope is the default",
      code,
      settings: { 'event-loop': { scope: 'async-handlers' } },
      errors: [asyncHandlerError],
    },
    {
      name: 'the rule option overrides the setting',
      code,
      settings: { 'event-loop': { scope: 'async-handlers' } },
      options: [{ scope: 'handlers' }],
      errors: [syncHandlerError, asyncHandlerError],
    },
    {
      name: 'the rule option overrides the setting, in the other direction too',
      code,
      settings: { 'event-loop': { scope: 'async-functions' } },
      options: [{ scope: 'async-handlers' }],
      errors: [asyncHandlerError],
    },
    {
      name: 'settings without a scope leave the default',
      code,
      settings: { 'event-loop': {} },
      errors: [syncHandlerError, asyncHandlerError],
    },
  ],
});

const existsAndStat = ts`
  import fs from 'fs';
  import express from 'express';
  const app = express();
  app.get('/', async (req, res) => {
    res.send(fs.existsSync(p) && fs.statSync(p));
  });
`;

const statError = {
  messageId: 'blocking',
  data: blockingData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
  line: 5,
  column: 32,
  endLine: 5,
  endColumn: 46,
  suggestions: [
    {
      messageId: 'useAwaited',
      data: suggestionData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
      output: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.existsSync(p) && await fs.promises.stat(p));
        });
      `,
    },
  ],
} as const;

const existsError = {
  messageId: 'blockingNoEquivalent',
  line: 5,
  column: 12,
  endLine: 5,
  endColumn: 28,
} as const;

ruleTester.run('no-sync-fs: allow', rule, {
  valid: [
    { name: 'every API allowed', code: existsAndStat, options: [{ allow: ['existsSync', 'fs.statSync'] }] },
    { name: 'allowed APIs stay allowed in every scope', code: existsAndStat, options: [{ scope: 'async-functions', allow: ['fs.existsSync', 'statSync'] }] },
  ],
  invalid: [
    { name: 'no allow list', code: existsAndStat, errors: [existsError, statError] },
    { name: 'an empty allow list', code: existsAndStat, options: [{ allow: [] }], errors: [existsError, statError] },
    { name: 'allowed by export name', code: existsAndStat, options: [{ allow: ['existsSync'] }], errors: [statError] },
    { name: 'allowed by full name', code: existsAndStat, options: [{ allow: ['fs.existsSync'] }], errors: [statError] },
    {
      name: 'an API with a nested path is allowed by its full path',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.realpathSync.native(p), fs.existsSync(p));
        });
      `,
      options: [{ allow: ['realpathSync.native'] }],
      errors: [{ ...existsError, column: 39, endColumn: 55 }],
    },
  ],
});
