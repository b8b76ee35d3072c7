/**
 * no-sync-fs, blocking calls behind helpers in other modules. The handler is the test's `code`,
 * linted as a file inside tests/fixtures/follow-calls/; the modules it imports are read from disk
 * there (lib/, services/, legacy/, and tsconfig.json with `"@lib/*": ["./lib/*"]`).
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { config } from '../linter-config.js';
import { EXPRESS_ROUTE, rule, ruleTester, ts } from './no-sync-fs.helpers.js';
import { FIX, fixture, helperData, helperMessage, NEST_METHOD } from './no-sync-fs-follow.helpers.js';

const TEMPLATES = `${FIX}/lib/templates.ts:8`;
const LOAD_TEMPLATE = `\`loadTemplate()\` → \`fs.readFileSync()\` (${TEMPLATES})`;
const CACHE_GET = `\`fs.readFileSync()\` (${FIX}/lib/cache.ts:11)`;
const AUDIT_APPEND = `\`fs.appendFileSync()\` (${FIX}/legacy/audit-log.cjs:16)`;

ruleTester.run('no-sync-fs: helpers in other modules', rule, {
  valid: [
    {
      name: 'calling a factory whose object has blocking functions does not block: only calling those does',
      filename: `${FIX}/routes/invoices.ts`,
      code: ts`
        import express from 'express';
        import { createInvoicesController } from '../controllers/invoices.js';

        const app = express();

        app.get('/t/:tenant/invoices/health', (req, res) => {
          createInvoicesController(\`/var/lib/invoices/\${req.params.tenant}\`).health(req, res);
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'ESM named import; the `.js` specifier names the `.ts` file',
      filename: `${FIX}/routes/reports.ts`,
      code: ts`
        import express from 'express';
        import { escapeHtml, renderTemplate } from '../lib/templates.js';

        const app = express();

        app.get('/reports/:id', (req, res) => {
          res.send(renderTemplate('report', { id: escapeHtml(req.params.id) }));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'renderTemplate', LOAD_TEMPLATE),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 71,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a specifier without an extension',
      filename: `${FIX}/routes/pages.ts`,
      code: ts`
        import express from 'express';
        import { loadTemplate } from '../lib/templates';

        const app = express();

        app.get('/about', (req, res) => {
          res.send(loadTemplate('about'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'loadTemplate', `\`fs.readFileSync()\` (${TEMPLATES})`),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'default import of `export default function`',
      filename: `${FIX}/routes/orders.ts`,
      code: ts`
        import express from 'express';
        import footer from '../lib/receipt.js';

        const app = express();

        app.get('/orders/:id/receipt', (req, res) => {
          res.send(footer('Corner Shop'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'footer', `\`fs.readFileSync()\` (${FIX}/lib/receipt.ts:4)`),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'namespace import: lib.method()',
      filename: `${FIX}/routes/home.ts`,
      code: ts`
        import express from 'express';
        import * as templates from '../lib/templates.js';

        const app = express();

        app.get('/', (req, res) => {
          res.send(templates.renderTemplate('home', {}));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'templates.renderTemplate', LOAD_TEMPLATE),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    {
      name: "a directory import resolves to its index.ts barrel (`export { a } from`, `export * from`)",
      filename: `${FIX}/routes/orders.ts`,
      code: ts`
        import express from 'express';
        import { cache, formatMoney, readCache, renderTemplate, store } from '../lib';

        const app = express();

        app.get('/orders/:id', (req, res) => {
          const order = store.load(req.params.id);
          const cached = readCache(\`order:\${order.id}\`) ?? cache.get('order:default');
          res.send(renderTemplate('order', { total: formatMoney(order.total), cached: String(cached) }));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'store.load', `\`fs.readFileSync()\` (${FIX}/lib/storage.ts:18)`),
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 42,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'readCache', `\`Cache.get()\` → ${CACHE_GET}`),
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 48,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'cache.get', CACHE_GET),
          line: 8,
          column: 52,
          endLine: 8,
          endColumn: 78,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'renderTemplate', LOAD_TEMPLATE),
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 96,
          suggestions: [],
        },
      ],
    },
    {
      name: 'tsconfig `paths` aliases, with and without an extension',
      filename: `${FIX}/routes/rows.ts`,
      code: ts`
        import express from 'express';
        import { store } from '@lib/storage';
        import { renderTemplate } from '@lib/templates.js';

        const app = express();

        app.put('/rows/:id', async (req, res) => {
          await store.save({ id: req.params.id, total: Number(req.body.total) });
          res.send(renderTemplate('saved', { id: req.params.id }) + store.load(req.params.id).total);
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'renderTemplate', LOAD_TEMPLATE),
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 58,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'store.load', `\`fs.readFileSync()\` (${FIX}/lib/storage.ts:18)`),
          line: 9,
          column: 61,
          endLine: 9,
          endColumn: 86,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an exported object of methods: only the blocking one is reported',
      filename: `${FIX}/routes/rows.ts`,
      code: ts`
        import express from 'express';
        import { store, type Row } from '../lib/storage.js';

        const app = express();

        app.get('/rows/:id', (req, res) => {
          const row: Row = store.load(req.params.id);
          res.json(row);
        });

        app.post('/rows', async (req, res) => {
          await store.save(req.body as Row);
          res.sendStatus(201);
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'store.load', `\`fs.readFileSync()\` (${FIX}/lib/storage.ts:18)`),
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an exported class instance, and an instance of the exported class made here',
      filename: `${FIX}/routes/pages.ts`,
      code: ts`
        import express from 'express';
        import { Cache, cache } from '../lib/cache.js';

        const app = express();
        const sessions = new Cache('/var/cache/sessions');

        app.get('/pages/:slug', (req, res) => {
          res.send(cache.get(req.params.slug) ?? sessions.get(req.headers.cookie ?? ''));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'cache.get', CACHE_GET),
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 38,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'sessions.get', CACHE_GET),
          line: 8,
          column: 42,
          endLine: 8,
          endColumn: 80,
          suggestions: [],
        },
      ],
    },
    {
      name: 'instances exported factories return: by return type, kept with ??=, awaited from an async factory, made at start-up',
      filename: `${FIX}/routes/tenants.ts`,
      code: ts`
        import express from 'express';
        import { cacheFor, openCache, sharedCache } from '../lib/index.js';

        const app = express();
        const sessions = cacheFor('sessions');

        app.put('/t/:tenant/:key', async (req, res) => {
          const tenant = cacheFor(req.params.tenant);
          res.send(tenant.get(req.params.key) ?? sharedCache().get('motd'));
          const uploads = await openCache('/var/cache/uploads');
          uploads.set(req.params.key, String(req.body));
          res.end(sessions.get(req.params.tenant));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'tenant.get', CACHE_GET),
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 38,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'sharedCache().get', CACHE_GET),
          line: 9,
          column: 42,
          endLine: 9,
          endColumn: 67,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'uploads.set', `\`fs.writeFileSync()\` (${FIX}/lib/cache.ts:18)`, 'writeFile'),
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 48,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'sessions.get', CACHE_GET),
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the instance a static factory of an imported class returns: a singleton',
      filename: `${FIX}/routes/sessions.ts`,
      code: ts`
        import express from 'express';
        import { SessionStore } from '../lib/sessions.js';

        const app = express();

        app.get('/me', (req, res) => {
          const sessions = SessionStore.getInstance();
          res.send(sessions.read(String(req.headers.cookie)) || SessionStore.getInstance().read('guest'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'sessions.read', `\`fs.readFileSync()\` (${FIX}/lib/sessions.ts:15)`),
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 53,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'SessionStore.getInstance().read', `\`fs.readFileSync()\` (${FIX}/lib/sessions.ts:15)`),
          line: 8,
          column: 57,
          endLine: 8,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the instance an exported factory keeps in a const and returns, without a return type',
      filename: `${FIX}/routes/ledger.ts`,
      code: ts`
        import express from 'express';
        import { openLedger } from '../lib/ledger.js';

        const app = express();
        const ledger = openLedger();

        app.get('/accounts/:id/balance', (req, res) => {
          res.json({ balance: ledger.balance(req.params.id), opening: openLedger('opening.csv').balance(req.params.id) });
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'ledger.balance', `\`fs.readFileSync()\` (${FIX}/lib/ledger.ts:9)`),
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 52,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'openLedger(…).balance', `\`fs.readFileSync()\` (${FIX}/lib/ledger.ts:9)`),
          line: 8,
          column: 63,
          endLine: 8,
          endColumn: 111,
          suggestions: [],
        },
      ],
    },
    {
      name: 'instances an exported object holds: made with new or by a factory, through a named or a namespace import',
      filename: `${FIX}/routes/sessions.ts`,
      code: ts`
        import express from 'express';
        import * as registry from '../lib/services.js';
        import { services } from '../lib/services.js';

        const app = express();

        app.post('/session/:id', (req, res) => {
          services.tenant.set(req.params.id, String(req.body));
          res.send(services.sessions.get(req.params.id) ?? registry.services.sessions.get('guest'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'services.tenant.set', `\`fs.writeFileSync()\` (${FIX}/lib/cache.ts:18)`, 'writeFile'),
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 55,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'services.sessions.get', CACHE_GET),
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 48,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'registry.services.sessions.get', CACHE_GET),
          line: 9,
          column: 52,
          endLine: 9,
          endColumn: 91,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a namespace import: its class made here or typed on a parameter, its factories, a static factory',
      filename: `${FIX}/routes/tenants.ts`,
      code: ts`
        import express from 'express';
        import * as caches from '../lib/cache.js';
        import * as sessions from '../lib/sessions.js';

        const app = express();
        const uploads = new caches.Cache('/var/cache/uploads');

        function cachedPage(cache: caches.Cache, slug: string): string | undefined {
          return cache.get(slug);
        }

        app.put('/t/:tenant/:key', async (req, res) => {
          const tenant = caches.cacheFor(req.params.tenant);
          res.send(tenant.get(req.params.key) ?? caches.sharedCache().get('motd'));
          uploads.set(req.params.key, String(req.body));
          res.send(sessions.SessionStore.getInstance().read(String(req.headers.cookie)));
          res.end(cachedPage(caches.cache, req.params.key));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'tenant.get', CACHE_GET),
          line: 14,
          column: 12,
          endLine: 14,
          endColumn: 38,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'caches.sharedCache().get', CACHE_GET),
          line: 14,
          column: 42,
          endLine: 14,
          endColumn: 74,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'uploads.set', `\`fs.writeFileSync()\` (${FIX}/lib/cache.ts:18)`, 'writeFile'),
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 48,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'sessions.SessionStore.getInstance().read', `\`fs.readFileSync()\` (${FIX}/lib/sessions.ts:15)`),
          line: 16,
          column: 12,
          endLine: 16,
          endColumn: 80,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'cachedPage', `\`Cache.get()\` → ${CACHE_GET}`),
          line: 17,
          column: 11,
          endLine: 17,
          endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS: a class that is module.exports, made here or by its static factory, and a factory read from the module',
      filename: `${FIX}/routes/orders.cjs`,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      code: ts`
        'use strict';
        const express = require('express');
        const AuditLog = require('../legacy/audit-log.cjs');
        const caches = require('../lib/cache.js');

        const app = express();
        const audit = new AuditLog('/var/log/app/audit.log');

        app.post('/orders', (req, res) => {
          audit.append({ order: req.body.id });
          AuditLog.forToday('/var/log/app').append({ order: req.body.id });
          res.send(caches.sharedCache().get('receipt-footer'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'audit.append', AUDIT_APPEND, 'appendFile'),
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 39,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'AuditLog.forToday(…).append', AUDIT_APPEND, 'appendFile'),
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 67,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'caches.sharedCache().get', CACHE_GET),
          line: 12,
          column: 12,
          endLine: 12,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      name: "a whole module as TypeScript's import-equals and as a CommonJS module's default import",
      filename: `${FIX}/routes/orders.ts`,
      code: ts`
        import express from 'express';
        import AuditLog from '../legacy/audit-log.cjs';
        import caches = require('../lib/cache.js');

        const app = express();

        app.post('/orders', (req, res) => {
          AuditLog.forToday('/var/log/app').append({ order: req.body.id });
          res.send(new caches.Cache('/var/cache/receipts').get(String(req.body.id)));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'AuditLog.forToday(…).append', AUDIT_APPEND, 'appendFile'),
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 67,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'new caches.Cache(…).get', CACHE_GET),
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 76,
          suggestions: [],
        },
      ],
    },
    {
      name: "the functions of the object a factory returns, called in a handler; an instance a static factory made for an object",
      filename: `${FIX}/routes/invoices.ts`,
      code: ts`
        import express from 'express';
        import { createInvoicesController, invoices, shared } from '../controllers/invoices.js';

        const app = express();

        app.get('/t/:tenant/invoices/:id', (req, res) => {
          if (!shared.sessions.read(String(req.headers.cookie))) return invoices.list(req, res);
          createInvoicesController(\`/var/lib/invoices/\${req.params.tenant}\`).show(req, res);
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'shared.sessions.read', `\`fs.readFileSync()\` (${FIX}/lib/sessions.ts:15)`),
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 56,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'invoices.list', `\`fs.readFileSync()\` (${FIX}/controllers/invoices.ts:9)`),
          line: 7,
          column: 65,
          endLine: 7,
          endColumn: 88,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'createInvoicesController(…).show', `\`fs.readFileSync()\` (${FIX}/controllers/invoices.ts:15)`),
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 84,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a NestJS service injected through a constructor parameter, in another file',
      filename: `${FIX}/controllers/reports.controller.ts`,
      code: ts`
        import { Controller, Get, Param } from '@nestjs/common';
        import { ReportsService } from '../services/reports.service.js';

        @Controller('reports')
        export class ReportsController {
          constructor(private readonly reports: ReportsService) {}

          @Get(':id')
          show(@Param('id') id: string) {
            return this.reports.render(id);
          }
        }
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(
            NEST_METHOD,
            'this.reports.render',
            `\`ReportsService.loadTemplate()\` → \`fs.readFileSync()\` (${FIX}/services/reports.service.ts:14)`,
          ),
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a chain through two modules',
      filename: `${FIX}/routes/reports.ts`,
      code: ts`
        import express from 'express';
        import { buildReport } from '../lib/reports.js';

        const app = express();

        app.post('/reports', (req, res) => {
          res.send(buildReport(req.body.rows));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'buildReport', `\`renderTemplate()\` → ${LOAD_TEMPLATE}`),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS: an instance module.exports = { ... } holds, destructured or read from the module',
      filename: `${FIX}/routes/reports.cjs`,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      code: ts`
        'use strict';
        const express = require('express');
        const { reports } = require('../legacy/report-cache.cjs');
        const cache = require('../legacy/report-cache.cjs');

        const app = express();
        app.get('/reports/:name', (req, res) => {
          res.send(reports.read(req.params.name) || cache.reports.read('empty'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'reports.read', `\`fs.readFileSync()\` (${FIX}/legacy/report-cache.cjs:6)`),
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 41,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'cache.reports.read', `\`fs.readFileSync()\` (${FIX}/legacy/report-cache.cjs:6)`),
          line: 8,
          column: 45,
          endLine: 8,
          endColumn: 72,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS: module.exports = { a, b }, exports.a = ..., module.exports = fn',
      filename: `${FIX}/routes/settings.cjs`,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      code: ts`
        'use strict';
        const express = require('express');
        const { readConfig, writeConfig } = require('../legacy/config.cjs');
        const uploads = require('../legacy/uploads.cjs');
        const readManifest = require('../legacy/read-manifest.cjs');

        const app = express();

        app.put('/settings', (req, res) => {
          writeConfig({ ...readConfig(), ...req.body });
          uploads.ensureUploadDir();
          res.json({ manifest: readManifest('public'), upload: uploads.uploadPath('x.png') });
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'writeConfig', `\`fs.writeFileSync()\` (${FIX}/legacy/config.cjs:12)`, 'writeFile'),
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 48,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'readConfig', `\`fs.readFileSync()\` (${FIX}/legacy/config.cjs:8)`),
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 32,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'uploads.ensureUploadDir', `\`fs.mkdirSync()\` (${FIX}/legacy/uploads.cjs:8)`, 'mkdir'),
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 28,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'readManifest', `\`fs.readFileSync()\` (${FIX}/legacy/read-manifest.cjs:5)`),
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS with `require` declared as a global (as `globals.node` does) in an ES module config',
      filename: `${FIX}/routes/settings.cjs`,
      languageOptions: { globals: { require: 'readonly', module: 'writable', exports: 'writable' } },
      code: ts`
        const express = require('express');
        const config = require('../legacy/config.cjs');

        const app = express();

        app.get('/settings', (req, res) => {
          res.json(config.readConfig());
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'config.readConfig', `\`fs.readFileSync()\` (${FIX}/legacy/config.cjs:8)`),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: what other modules do not make blocking', rule, {
  valid: [
    {
      name: 'a module with no blocking code',
      filename: `${FIX}/routes/totals.ts`,
      code: ts`
        import express from 'express';
        import { formatDate, formatMoney } from '../lib/format.js';

        const app = express();

        app.get('/totals', (req, res) => {
          res.send(\`\${formatMoney(1250)} on \${formatDate(new Date())}\`);
        });
      `,
    },
    {
      name: "a factory's instance used at start-up only, and a factory called in a handler whose instance is not used",
      filename: `${FIX}/routes/warmup.ts`,
      code: ts`
        import express from 'express';
        import { cacheFor } from '../lib/cache.js';

        const banner = cacheFor('static').get('banner');
        const app = express();

        app.get('/banner', (req, res) => {
          res.send(banner ?? String(cacheFor(req.query.tenant as string)));
        });
      `,
    },
    {
      name: 'helpers that await readFile and writeFile from node:fs/promises',
      filename: `${FIX}/routes/uploads.ts`,
      code: ts`
        import express from 'express';
        import { readUpload, saveUpload } from '../lib/uploads.js';

        const app = express();

        app.get('/uploads/:name', async (req, res) => {
          res.send(await readUpload(req.params.name));
        });

        app.put('/uploads/:name', async (req, res) => {
          await saveUpload(req.params.name, req.body);
          res.sendStatus(204);
        });
      `,
    },
    {
      name: 'imported helpers used only at start-up: at top level and in the listen callback',
      filename: `${FIX}/routes/server.ts`,
      code: ts`
        import express from 'express';
        import receiptFooter from '../lib/receipt.js';
        import { renderTemplate } from '../lib/templates.js';

        const footer = receiptFooter('Corner Shop');
        const app = express();

        app.get('/receipt', (req, res) => {
          res.send(footer);
        });

        app.listen(3000, () => {
          console.log(renderTemplate('banner', { port: '3000' }));
        });
      `,
    },
    {
      name: 'type-only imports are not followed',
      filename: `${FIX}/routes/status.ts`,
      code: ts`
        import express from 'express';
        import type { Cache } from '../lib/cache.js';
        import type * as templates from '../lib/templates.js';
        import type { ReportsService } from '../services/reports.service.js';

        const app = express();
        let cache: Cache | undefined;
        let render: typeof templates.renderTemplate | undefined;

        app.get('/status', (req, res) => {
          const reports = req.app.locals.reports as ReportsService | undefined;
          res.json({ cache: Boolean(cache), render: Boolean(render), reports: Boolean(reports) });
        });
      `,
    },
    {
      name: 'the helper module itself: its blocking calls are in no handler',
      filename: `${FIX}/lib/templates.ts`,
      code: ts`
        import { readFileSync } from 'node:fs';
        import { join } from 'node:path';

        const TEMPLATE_DIR = join(import.meta.dirname, 'templates');

        export function loadTemplate(name: string): string {
          return readFileSync(join(TEMPLATE_DIR, \`\${name}.html\`), 'utf8');
        }
      `,
    },
    {
      name: 'imports that do not resolve: a missing file, an alias with no file, a package',
      filename: `${FIX}/routes/legacy.ts`,
      code: ts`
        import express from 'express';
        import leftPad from 'left-pad';
        import { loadLegacy } from '../lib/missing.js';
        import { render } from '@lib/nope';
        import { helpers } from '../nowhere/';

        const app = express();

        app.get('/legacy', (req, res) => {
          res.send(leftPad(render(loadLegacy(helpers.id)), 10));
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'an import that does not resolve leaves the others working',
      filename: `${FIX}/routes/legacy.ts`,
      code: ts`
        import express from 'express';
        import { loadLegacy } from '../lib/missing.js';
        import { loadTemplate } from '../lib/templates.js';

        const app = express();

        app.get('/legacy', (req, res) => {
          res.send(loadLegacy('x') + loadTemplate('legacy'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'loadTemplate', `\`fs.readFileSync()\` (${TEMPLATES})`),
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper file with a syntax error is skipped, the others still work',
      filename: `${FIX}/routes/drafts.ts`,
      code: ts`
        import express from 'express';
        import { loadDraft } from '../lib/broken.js';
        import { loadTemplate } from '../lib/templates.js';

        const app = express();

        app.get('/drafts/:id', (req, res) => {
          res.send(loadDraft(req.params.id) + loadTemplate('draft'));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'loadTemplate', `\`fs.readFileSync()\` (${TEMPLATES})`),
          line: 8,
          column: 39,
          endLine: 8,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an import cycle (cycle-a.ts ↔ cycle-b.ts): calls into either module are found',
      filename: `${FIX}/routes/locales.ts`,
      code: ts`
        import express from 'express';
        import { greeting } from '../lib/cycle-a.js';
        import { localeSize } from '../lib/cycle-b.js';

        const app = express();

        app.get('/locales/:lang', (req, res) => {
          res.json({ greeting: greeting(req.params.lang), size: localeSize(req.params.lang) });
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'greeting', `\`readLocale()\` → \`fs.readFileSync()\` (${FIX}/lib/cycle-a.ts:5)`),
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 49,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'localeSize', `\`readLocale()\` → \`fs.readFileSync()\` (${FIX}/lib/cycle-a.ts:5)`),
          line: 8,
          column: 57,
          endLine: 8,
          endColumn: 84,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an import cycle whose first module blocks through the other (cycle-page.ts → cycle-layout.ts → cycle-page.ts)',
      filename: `${FIX}/routes/pages.ts`,
      code: ts`
        import express from 'express';
        import { renderPage } from '../lib/cycle-page.js';

        const app = express();

        app.get('/about', (req, res) => res.send(renderPage('About')));
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'renderPage', `\`layout()\` → \`readPartial()\` → \`fs.readFileSync()\` (${FIX}/lib/cycle-page.ts:9)`),
          line: 6,
          column: 42,
          endLine: 6,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
  ],
});

/** Forward slashes, as messages show paths. */
const slashes = (file: string): string => file.split(path.sep).join('/');

ruleTester.run('no-sync-fs: absolute filenames in RuleTester', rule, {
  valid: [],
  invalid: [
    {
      // RuleTester lints a file with an absolute name with its cwd at the filesystem root, so the
      // chain names the helper from there (ESLint itself uses the working directory: see below).
      name: 'an absolute filename resolves the same imports; paths are relative to the linter’s cwd',
      filename: fixture('routes/reports.ts'),
      code: ts`
        import express from 'express';
        import { renderTemplate } from '../lib/templates.js';

        const app = express();

        app.get('/reports', (req, res) => {
          res.send(renderTemplate('report', {}));
        });
      `,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(
            EXPRESS_ROUTE,
            'renderTemplate',
            `\`loadTemplate()\` → \`fs.readFileSync()\` (${slashes(path.relative(path.parse(fixture('')).root, fixture('lib/templates.ts')))}:8)`,
          ),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
  ],
});

describe('no-sync-fs: helpers in other modules, through ESLint’s Linter', () => {
  const handler = ts`
    import express from 'express';
    import { buildReport } from '../lib/reports.js';

    const app = express();

    app.post('/reports', (req, res) => {
      res.send(buildReport(req.body.rows));
    });
  `;

  it('an absolute filename, as the ESLint CLI passes it, shows paths relative to the working directory', () => {
    const messages = new Linter({ cwd: process.cwd() }).verify(handler, config(), fixture('routes/reports.ts'));
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: 'event-loop/no-sync-fs',
        messageId: 'blockingHelper',
        message: helperMessage(EXPRESS_ROUTE, 'buildReport', `\`renderTemplate()\` → ${LOAD_TEMPLATE}`),
        line: 7,
        column: 12,
        endLine: 7,
        endColumn: 38,
        severity: 2,
      }),
    ]);
    expect(messages[0]).not.toHaveProperty('suggestions');
  });

  it('the same helper, linted from another working directory, is named from there', () => {
    const cwd = fixture('routes');
    const messages = new Linter({ cwd }).verify(handler, config(), fixture('routes/reports.ts'));
    expect(messages.map((message) => message.message)).toEqual([
      helperMessage(
        EXPRESS_ROUTE,
        'buildReport',
        '`renderTemplate()` → `loadTemplate()` → `fs.readFileSync()` (../lib/templates.ts:8)',
      ),
    ]);
  });

  it.each([
    ['@typescript-eslint/parser', config({ sourceType: 'commonjs' })],
    ["ESLint's default parser", config({ sourceType: 'commonjs' }).map(({ languageOptions, ...rest }) => ({ ...rest, languageOptions: { sourceType: languageOptions?.sourceType } }))],
  ])('a sloppy-mode CommonJS helper (0644, a variable named package) is parsed as a script: %s', (_, linterConfig) => {
    const messages = new Linter({ cwd: process.cwd() }).verify(
      ts`
        var express = require('express');
        var store = require('../legacy/file-store');
        var app = express();
        app.post('/drafts/:name', function (req, res) {
          store.save(req.params.name, req.body);
          res.end();
        });
      `,
      linterConfig,
      fixture('routes/drafts.js'),
    );
    expect(messages.map(({ line, column, endColumn, message }) => ({ line, column, endColumn, message }))).toEqual([
      {
        line: 5,
        column: 3,
        endColumn: 40,
        message: helperMessage(EXPRESS_ROUTE, 'store.save', `\`fs.writeFileSync()\` (${FIX}/legacy/file-store.js:9)`, 'writeFile'),
      },
    ]);
  });

  it("tsc's CommonJS output: the message names the helper called through (0, settings_1.loadSettings)()", () => {
    const messages = new Linter({ cwd: process.cwd() }).verify(
      ts`
        "use strict";
        Object.defineProperty(exports, "__esModule", { value: true });
        const express_1 = require("express");
        const settings_1 = require("../legacy/compiled-settings.cjs");
        const router = (0, express_1.Router)();
        router.get('/settings/:name', (req, res) => {
            res.json((0, settings_1.loadSettings)(req.params.name));
        });
        exports.default = router;
      `,
      config({ sourceType: 'commonjs' }),
      fixture('routes/compiled-settings.cjs'),
    );
    expect(messages.map(({ line, column, endColumn, message }) => ({ line, column, endColumn, message }))).toEqual([
      {
        line: 7,
        column: 14,
        endColumn: 59,
        message: helperMessage(EXPRESS_ROUTE, 'settings_1.loadSettings', `\`fs.readFileSync()\` (${FIX}/legacy/compiled-settings.cjs:8)`),
      },
    ]);
  });

  it("tsc's esModuleInterop output: the default export of a compiled module, through __importDefault", () => {
    const messages = new Linter({ cwd: process.cwd() }).verify(
      ts`
        "use strict";
        var __importDefault = (this && this.__importDefault) || function (mod) {
            return (mod && mod.__esModule) ? mod : { "default": mod };
        };
        Object.defineProperty(exports, "__esModule", { value: true });
        const express_1 = __importDefault(require("express"));
        const compiled_report_store_1 = __importDefault(require("../legacy/compiled-report-store.cjs"));
        const router = express_1.default.Router();
        router.get('/reports/:id', (req, res) => {
            res.type('json').send(compiled_report_store_1.default.read(req.params.id));
        });
        exports.default = router;
      `,
      config({ sourceType: 'commonjs' }),
      fixture('routes/compiled-reports.cjs'),
    );
    expect(messages.map(({ line, column, endColumn, message }) => ({ line, column, endColumn, message }))).toEqual([
      {
        line: 10,
        column: 27,
        endColumn: 78,
        message: helperMessage(
          EXPRESS_ROUTE,
          'compiled_report_store_1.default.read',
          `\`fs.readFileSync()\` (${FIX}/legacy/compiled-report-store.cjs:15)`,
        ),
      },
    ]);
  });

  it("CommonJS with ESLint's `sourceType: 'commonjs'`, which declares `require` as a global", () => {
    const messages = new Linter({ cwd: process.cwd() }).verify(
      ts`
        const express = require('express');
        const { readConfig } = require('../legacy/config.cjs');
        const readManifest = require('../legacy/read-manifest.cjs');

        const app = express();

        app.get('/settings', (req, res) => {
          res.json({ config: readConfig(), manifest: readManifest('public') });
        });
      `,
      config({ sourceType: 'commonjs' }),
      fixture('routes/settings.cjs'),
    );
    expect(messages.map(({ line, column, endColumn, message }) => ({ line, column, endColumn, message }))).toEqual([
      {
        line: 8,
        column: 22,
        endColumn: 34,
        message: helperMessage(EXPRESS_ROUTE, 'readConfig', `\`fs.readFileSync()\` (${FIX}/legacy/config.cjs:8)`),
      },
      {
        line: 8,
        column: 46,
        endColumn: 68,
        message: helperMessage(EXPRESS_ROUTE, 'readManifest', `\`fs.readFileSync()\` (${FIX}/legacy/read-manifest.cjs:5)`),
      },
    ]);
  });

  // RuleTester wraps the parser, so only these tests see @typescript-eslint/parser itself, and with it
  // the way helpers are parsed for it: espree for JavaScript (the .cjs helpers above), then
  // typescript-estree for what espree rejects.
  it('a JavaScript helper that espree rejects (Flow annotations) is parsed with the configured parser', () => {
    const messages = new Linter({ cwd: process.cwd() }).verify(
      ts`
        import express from 'express';
        import { renderInvoice } from '../legacy/invoice-pdf.js';

        const app = express();

        app.get('/invoices/:number', (req, res) => {
          res.send(renderInvoice({ number: req.params.number, total: 0 }));
        });
      `,
      config(),
      fixture('routes/invoices.ts'),
    );
    expect(messages.map(({ line, column, endColumn, message }) => ({ line, column, endColumn, message }))).toEqual([
      {
        line: 7,
        column: 12,
        endColumn: 66,
        message: helperMessage(EXPRESS_ROUTE, 'renderInvoice', `\`fs.readFileSync()\` (${FIX}/legacy/invoice-pdf.js:8)`),
      },
    ]);
  });

  it('the handler file itself, when the CLI lints the fixture folder, is not reported', () => {
    const messages = new Linter({ cwd: process.cwd() }).verify(
      ts`
        import { renderTemplate } from './templates.js';

        export function buildReport(rows: { total: number }[]): string {
          return renderTemplate('report', { count: String(rows.length) });
        }
      `,
      config(),
      fixture('lib/reports.ts'),
    );
    expect(messages).toEqual([]);
  });
});

describe('no-sync-fs: a file with no checked code does not follow its imports', () => {
  // An async service function that no handler reaches: only the `async-functions` scope checks it.
  const service = ts`
    import { renderTemplate } from '../lib/templates.js';

    export async function reportPage(id: string): Promise<string> {
      return renderTemplate('report', { id });
    }
  `;
  const chain = `\`loadTemplate()\` → \`fs.readFileSync()\` (${TEMPLATES})`;

  /** Both rules share the file's analysis; no-sync-child-process, listed first, builds it first. */
  function lintWith(fsOptions: Record<string, unknown>): Linter.LintMessage[] {
    const [base] = config();
    const rules: Linter.RulesRecord = {
      'event-loop/no-sync-child-process': 'error',
      'event-loop/no-sync-fs': ['error', fsOptions],
    };
    return new Linter({ cwd: process.cwd() }).verify(service, [{ ...base, rules }], fixture('services/pages.ts'));
  }

  it('under the default scope nothing in the file is reported', () => {
    expect(lintWith({})).toEqual([]);
  });

  it('functions without a body (declare, overloads, abstract methods) are looked past', () => {
    const [base] = config();
    const code = ts`
      import { renderTemplate } from '../lib/templates.js';

      declare function track(event: string): void;
      export function page(id: number): string;
      export function page(id: string): string;
      export function page(id: string | number): string {
        return renderTemplate('page', { id: String(id) });
      }
      export abstract class Renderer {
        abstract render(): string;
      }
    `;
    const messages = new Linter({ cwd: process.cwd() }).verify(code, [base!], fixture('services/pages.ts'));
    expect(messages).toEqual([]);
  });

  it("a rule with the `async-functions` scope still follows them, whichever rule asks first", () => {
    expect(lintWith({ scope: 'async-functions' })).toEqual([
      expect.objectContaining({
        ruleId: 'event-loop/no-sync-fs',
        messageId: 'blockingHelper',
        // Returned from an async function, which awaits it: only the helper's own call needs to change.
        message: helperMessage('async function', 'renderTemplate', chain, 'readFile', true),
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 42,
      }),
    ]);
  });
});
