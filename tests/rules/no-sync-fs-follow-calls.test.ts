/**
 * no-sync-fs, blocking calls behind helpers in the same file: each is reported once, at the call in
 * the handler, with the chain of helpers in the message. Other modules, options and the disk have
 * their own files (no-sync-fs-follow-*.test.ts).
 */
import { blockingData, EXPRESS_ROUTE, rule, ruleTester, suggestionData, ts } from './no-sync-fs.helpers.js';
import { helperData, NEST_METHOD } from './no-sync-fs-follow.helpers.js';

ruleTester.run('no-sync-fs: helpers in the same file', rule, {
  valid: [
    {
      name: 'a helper used only at start-up: at top level and in the listen callback',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        function loadConfig() {
          return JSON.parse(fs.readFileSync('config.json', 'utf8'));
        }

        const config = loadConfig();
        const app = express();

        app.get('/health', (req, res) => {
          res.json({ ok: true, port: config.port });
        });

        app.listen(config.port, () => {
          console.log('listening with', loadConfig());
        });
      `,
    },
    {
      name: 'a helper that awaits readFile from node:fs/promises',
      code: ts`
        import { readFile } from 'node:fs/promises';
        import express from 'express';

        const app = express();

        async function loadInvoice(id: string) {
          return JSON.parse(await readFile(\`invoices/\${id}.json\`, 'utf8'));
        }

        app.get('/invoices/:id', async (req, res) => {
          res.json(await loadInvoice(req.params.id));
        });
      `,
    },
    {
      name: 'helper bodies are not reported: no handler calls this one',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function loadInvoice(id: string) {
          return JSON.parse(fs.readFileSync(\`invoices/\${id}.json\`, 'utf8'));
        }

        export function exportInvoices(ids: string[]) {
          return ids.map(loadInvoice);
        }

        app.get('/invoices', (req, res) => {
          res.json([]);
        });
      `,
    },
    {
      name: 'a helper that only passes the blocking function on, without calling it',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();
        const readers = new Map<string, (path: string) => Buffer>();

        function registerReader() {
          readers.set('sync', fs.readFileSync);
        }

        app.post('/readers', (req, res) => {
          registerReader();
          res.sendStatus(204);
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'a function declaration',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function loadInvoice(id: string) {
          return JSON.parse(fs.readFileSync(\`invoices/\${id}.json\`, 'utf8'));
        }

        app.get('/invoices/:id', (req, res) => {
          res.json(loadInvoice(req.params.id));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'loadInvoice', '`fs.readFileSync()` (file.ts:7)'),
          line: 11,
          column: 12,
          endLine: 11,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'function-valued consts: an arrow function and a function expression',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        const readTemplate = (name: string) => fs.readFileSync(\`views/\${name}.html\`, 'utf8');
        const listUploads = function () {
          return fs.readdirSync('uploads');
        };

        app.get('/uploads', (req, res) => {
          res.send(readTemplate('uploads').replace('{{files}}', listUploads().join(', ')));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'readTemplate', '`fs.readFileSync()` (file.ts:6)'),
          line: 12,
          column: 12,
          endLine: 12,
          endColumn: 35,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'listUploads', '`fs.readdirSync()` (file.ts:8)', 'readdir'),
          line: 12,
          column: 57,
          endLine: 12,
          endColumn: 70,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a chain of two helpers',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function loadRows(table: string): string[] {
          return fs.readFileSync(\`data/\${table}.csv\`, 'utf8').split('\\n');
        }

        function buildReport(table: string) {
          const rows = loadRows(table);
          return { table, count: rows.length };
        }

        app.get('/reports/:table', (req, res) => {
          res.json(buildReport(req.params.table));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'buildReport', '`loadRows()` → `fs.readFileSync()` (file.ts:7)'),
          line: 16,
          column: 12,
          endLine: 16,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
    {
      name: 'class methods through this.method(), named by their class in the chain',
      code: ts`
        import fs from 'node:fs';
        import { Controller, Get, Param } from '@nestjs/common';

        @Controller('reports')
        export class ReportsController {
          @Get(':id')
          show(@Param('id') id: string) {
            return this.render(id);
          }

          private render(id: string) {
            return this.loadRows(id).join('\\n');
          }

          private loadRows(id: string) {
            return fs.readdirSync(\`reports/\${id}\`);
          }
        }
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(NEST_METHOD, 'this.render', '`ReportsController.loadRows()` → `fs.readdirSync()` (file.ts:16)', 'readdir'),
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: 'object-literal methods: helpers.load(), and a method that calls it',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        const helpers = {
          load(path: string) {
            return fs.readFileSync(path, 'utf8');
          },
          loadJson: (path: string) => JSON.parse(helpers.load(path)),
        };

        app.get('/settings', (req, res) => {
          res.json({ raw: helpers.load('settings.ini'), parsed: helpers.loadJson('settings.json') });
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'helpers.load', '`fs.readFileSync()` (file.ts:8)'),
          line: 14,
          column: 19,
          endLine: 14,
          endColumn: 47,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'helpers.loadJson', '`helpers.load()` → `fs.readFileSync()` (file.ts:8)'),
          line: 14,
          column: 57,
          endLine: 14,
          endColumn: 90,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper passed to an array method that calls it at once: the chain starts with the helper',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function loadInvoice(id: string) {
          return JSON.parse(fs.readFileSync(\`invoices/\${id}.json\`, 'utf8'));
        }

        app.post('/invoices/batch', (req, res) => {
          const ids: string[] = req.body.ids;
          res.json(ids.map(loadInvoice));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'ids.map', '`loadInvoice()` → `fs.readFileSync()` (file.ts:7)'),
          line: 12,
          column: 12,
          endLine: 12,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an object method passed to an array method, on a value behind a type assertion',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        const invoices = {
          load(id: string) {
            return fs.readFileSync(\`invoices/\${id}.json\`, 'utf8');
          },
        };

        app.post('/invoices/batch', (req, res) => {
          res.json((req.body.ids as string[]).map(invoices.load));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'req.body.ids.map', '`invoices.load()` → `fs.readFileSync()` (file.ts:8)'),
          line: 13,
          column: 12,
          endLine: 13,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an async helper that calls readFileSync blocks even when awaited',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        async function loadConfig() {
          return JSON.parse(fs.readFileSync('config.json', 'utf8'));
        }

        app.get('/config', async (req, res) => {
          res.json(await loadConfig());
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          // Awaited already: the message asks only for the helper's own call to change.
          data: helperData(EXPRESS_ROUTE, 'loadConfig', '`fs.readFileSync()` (file.ts:7)', 'readFile', true),
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an async helper awaited through a type assertion or an optional call is awaited too',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        const store = {
          async load(name: string): Promise<string> {
            return fs.readFileSync(name, 'utf8');
          },
        };

        app.get('/report', async (req, res) => {
          res.send(await (store.load('report.json') as Promise<string>));
          res.send(await store?.load('footer.json'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'store.load', '`fs.readFileSync()` (file.ts:8)', 'readFile', true),
          line: 13,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'store.load', '`fs.readFileSync()` (file.ts:8)', 'readFile', true),
          line: 14,
        },
      ],
    },
    {
      name: 'a helper returned from an async handler is awaited by it: the short advice',
      code: ts`
        import fs from 'node:fs';
        import Fastify from 'fastify';
        import { Hono } from 'hono';

        const app = Fastify();
        const web = new Hono();

        function readReport(name: string) {
          return JSON.parse(fs.readFileSync(name, 'utf8'));
        }

        app.get('/report', async (request) => {
          return readReport('report.json');
        });
        web.get('/report', async (c) => readReport('report.json') as unknown);
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData('Fastify route handler', 'readReport', '`fs.readFileSync()` (file.ts:9)', 'readFile', true),
          line: 13,
          column: 10,
          endLine: 13,
          endColumn: 35,
        },
        {
          messageId: 'blockingHelper',
          data: helperData('Hono route handler', 'readReport', '`fs.readFileSync()` (file.ts:9)', 'readFile', true),
          line: 15,
          column: 33,
          endLine: 15,
          endColumn: 58,
        },
      ],
    },
    {
      name: 'a helper returned inside try, or from a sync handler, is still to be awaited there',
      code: ts`
        import fs from 'node:fs';
        import Fastify from 'fastify';

        const app = Fastify();

        function readReport(name: string) {
          return JSON.parse(fs.readFileSync(name, 'utf8'));
        }

        app.get('/report', async (request, reply) => {
          try {
            return readReport('report.json');
          } catch {
            return reply.code(404).send();
          }
        });
        app.get('/summary', (request) => {
          return readReport('summary.json');
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData('Fastify route handler', 'readReport', '`fs.readFileSync()` (file.ts:7)'),
          line: 12,
          column: 12,
        },
        {
          messageId: 'blockingHelper',
          data: helperData('Fastify route handler', 'readReport', '`fs.readFileSync()` (file.ts:7)'),
          line: 18,
          column: 10,
        },
      ],
    },
    {
      name: 'an instance made with new or returned by a factory, called on directly: the message shows the expression',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        class Templates {
          render(name: string): string {
            return fs.readFileSync(\`views/\${name}.html\`, 'utf8');
          }
          static forTheme(theme: string): Templates {
            return new Templates();
          }
        }
        async function loadTemplates() {
          return new Templates();
        }

        const app = express();

        app.get('/', async (req, res) => {
          res.send(new Templates().render('home'));
          res.send(Templates.forTheme('dark').render('home'));
          res.send((await loadTemplates()).render('about'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'new Templates().render', '`fs.readFileSync()` (file.ts:6)'),
          line: 19,
          column: 12,
          endLine: 19,
          endColumn: 42,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'Templates.forTheme(…).render', '`fs.readFileSync()` (file.ts:6)'),
          line: 20,
          column: 12,
          endLine: 20,
          endColumn: 53,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, '(await loadTemplates()).render', '`fs.readFileSync()` (file.ts:6)'),
          line: 21,
          column: 12,
          endLine: 21,
          endColumn: 51,
        },
      ],
    },
    {
      name: 'a singleton kept in a static field or a module variable, then returned (no return type in JavaScript)',
      filename: 'file.js',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        class Settings {
          static getInstance() {
            if (!Settings.instance) Settings.instance = new Settings();
            return Settings.instance;
          }
          read(key) {
            return fs.readFileSync(\`settings/\${key}\`, 'utf8');
          }
        }
        let audit;
        function auditLog() {
          if (!audit) {
            audit = new Settings();
          }
          return audit;
        }

        const app = express();

        app.get('/settings/:key', (req, res) => {
          res.send(Settings.getInstance().read(req.params.key) + auditLog().read('audit'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'Settings.getInstance().read', '`fs.readFileSync()` (file.js:10)'),
          line: 24,
          column: 12,
          endLine: 24,
          endColumn: 55,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'auditLog().read', '`fs.readFileSync()` (file.js:10)'),
          line: 24,
          column: 58,
          endLine: 24,
          endColumn: 82,
        },
      ],
    },
    {
      name: 'an instance an object literal holds: services.templates.render()',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        class Templates {
          render(name: string): string {
            return fs.readFileSync(\`views/\${name}.html\`, 'utf8');
          }
        }
        const services = { templates: new Templates() };

        const app = express();

        app.get('/', (req, res) => {
          res.send(services.templates.render('home'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'services.templates.render', '`fs.readFileSync()` (file.ts:6)'),
          line: 14,
          column: 12,
          endLine: 14,
          endColumn: 45,
        },
      ],
    },
    {
      name: "the functions of an object a factory returns, written there or named (return { render }), called on it or destructured",
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        function createTemplates(dir: string) {
          function render(name: string): string {
            return fs.readFileSync(\`\${dir}/\${name}.html\`, 'utf8');
          }
          return {
            render,
            partial: (name: string) => fs.readFileSync(\`\${dir}/partials/\${name}.html\`, 'utf8'),
          };
        }

        const templates = createTemplates('views');
        const { partial } = createTemplates('views/shared');
        const app = express();

        app.get('/', (req, res) => {
          res.send(templates.render('home') + templates.partial('footer'));
        });

        app.get('/footer', (req, res) => {
          res.send(partial('footer'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'templates.render', '`fs.readFileSync()` (file.ts:6)'),
          line: 19,
          column: 12,
          endLine: 19,
          endColumn: 36,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'templates.partial', '`fs.readFileSync()` (file.ts:10)'),
          line: 19,
          column: 39,
          endLine: 19,
          endColumn: 66,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'partial', '`fs.readFileSync()` (file.ts:10)'),
          line: 23,
          column: 12,
          endLine: 23,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'an object or an instance a factory keeps in a const and returns (frozen or not), called on its result',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        class Store {
          load(key: string): string {
            return fs.readFileSync(\`data/\${key}.json\`, 'utf8');
          }
        }

        function openStore(): Store {
          const store = new Store();
          return store;
        }

        function createTemplates(dir: string) {
          const templates = {
            render: (name: string) => fs.readFileSync(\`\${dir}/\${name}.html\`, 'utf8'),
          };
          return Object.freeze(templates);
        }

        function createMailer() {
          return Object.freeze({
            preview: (name: string) => fs.readFileSync(\`mail/\${name}.txt\`, 'utf8'),
          });
        }

        const templates = createTemplates('views');
        const app = express();

        app.get('/users/:id', (req, res) => {
          res.send(openStore().load(req.params.id) + templates.render('user') + createMailer().preview('welcome'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'openStore().load', '`fs.readFileSync()` (file.ts:6)'),
          line: 32,
          column: 12,
          endLine: 32,
          endColumn: 43,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'templates.render', '`fs.readFileSync()` (file.ts:17)'),
          line: 32,
          column: 46,
          endLine: 32,
          endColumn: 70,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'createMailer().preview', '`fs.readFileSync()` (file.ts:24)'),
          line: 32,
          column: 73,
          endLine: 32,
          endColumn: 106,
        },
      ],
    },
    {
      name: 'functions assigned to members of an object declared empty: written there or named, and in an object a factory returns',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const templates = {};
        templates.render = (name) => fs.readFileSync(\`views/\${name}.html\`, 'utf8');

        function loadPartial(name) {
          return fs.readFileSync(\`views/partials/\${name}.html\`, 'utf8');
        }
        templates.partial = loadPartial;

        function createMailer() {
          const mailer = {};
          mailer.preview = function (name) {
            return fs.readFileSync(\`mail/\${name}.txt\`, 'utf8');
          };
          return mailer;
        }

        const app = express();

        app.get('/', (req, res) => {
          res.send(templates.render('home') + templates.partial('footer') + createMailer().preview('welcome'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'templates.render', '`fs.readFileSync()` (file.ts:5)'),
          line: 23,
          column: 12,
          endLine: 23,
          endColumn: 36,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'templates.partial', '`fs.readFileSync()` (file.ts:8)'),
          line: 23,
          column: 39,
          endLine: 23,
          endColumn: 66,
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'createMailer().preview', '`fs.readFileSync()` (file.ts:15)'),
          line: 23,
          column: 69,
          endLine: 23,
          endColumn: 102,
        },
      ],
    },
    {
      name: 'a factory whose object calls the factory again is followed without climbing forever',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        function createCursor(page: number) {
          return {
            read: () => fs.readFileSync(\`pages/\${page}.json\`, 'utf8'),
            next: () => createCursor(page + 1).read(),
          };
        }

        const app = express();

        app.get('/pages/2', (req, res) => {
          res.send(createCursor(1).next());
        });
      `,
      // Not `createCursor(1)` itself: the functions it returns run when they are called.
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'createCursor(…).next', '`read()` → `fs.readFileSync()` (file.ts:6)'),
          line: 14,
          column: 12,
          endLine: 14,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'a method that returns a new instance of its own class is not followed as a factory (it would climb back forever)',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        class Page {
          read(): string {
            return fs.readFileSync('page.html', 'utf8');
          }
          next(): Page {
            return new Page();
          }
        }

        const app = express();
        const first = new Page();

        app.get('/', (req, res) => {
          res.send(first.read());
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'first.read', '`fs.readFileSync()` (file.ts:6)'),
          line: 17,
          column: 12,
          endLine: 17,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a helper nested inside the handler: only its own direct call is reported, not its call too',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        app.get('/invoices/:id', (req, res) => {
          const load = (id: string) => fs.readFileSync(\`invoices/\${id}.json\`, 'utf8');
          res.send(load(req.params.id));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 78,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper that is also a handler: reported in its own body and where the other handler calls it',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function listReports(req, res) {
          res.json(fs.readdirSync('reports'));
        }

        app.get('/reports', listReports);
        app.get('/dashboard', (req, res) => {
          listReports(req, res);
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.readdirSync', replacement: 'readdir' }),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(EXPRESS_ROUTE, { api: 'fs.readdirSync', replacement: 'readdir' }),
              output: ts`
                import fs from 'node:fs';
                import express from 'express';

                const app = express();

                async function listReports(req, res) {
                  res.json(await fs.promises.readdir('reports'));
                }

                app.get('/reports', listReports);
                app.get('/dashboard', (req, res) => {
                  listReports(req, res);
                });
              `,
            },
          ],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'listReports', '`fs.readdirSync()` (file.ts:7)', 'readdir'),
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: recursive helpers', rule, {
  valid: [],
  invalid: [
    {
      name: 'direct recursion',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function walk(dir: string): string[] {
          return fs.readdirSync(dir).flatMap((name) => [name, ...walk(\`\${dir}/\${name}\`)]);
        }

        app.get('/files', (req, res) => {
          res.json(walk('public'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'walk', '`fs.readdirSync()` (file.ts:7)', 'readdir'),
          line: 11,
          column: 12,
          endLine: 11,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      name: 'mutual recursion',
      code: ts`
        import fs from 'node:fs';
        import express from 'express';

        const app = express();

        function sizeOf(path: string): number {
          return path.endsWith('/') ? sizeOfDir(path) : fs.statSync(path).size;
        }

        function sizeOfDir(dir: string): number {
          return ['a', 'b'].reduce((total, name) => total + sizeOf(dir + name), 0);
        }

        app.get('/usage', (req, res) => {
          res.json({ bytes: sizeOfDir('uploads/') });
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'sizeOfDir', '`sizeOf()` → `fs.statSync()` (file.ts:7)', 'stat'),
          line: 15,
          column: 21,
          endLine: 15,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
  ],
});
