import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The same config as examples/eslint.config.js, with the plugin from source instead of dist/.
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const eslint = new ESLint({
  cwd: examples,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
    { files: ['express-cjs/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    plugin.configs.recommended,
  ],
});
const results = await eslint.lintFiles(['.']);
const findings = results.flatMap((result) =>
  result.messages.map(
    (message) =>
      `${relative(examples, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.messageId}`,
  ),
);

describe('the bundled example servers', () => {
  it('parse without errors', () => {
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(66);
  });

  it('report every blocking call in a handler, written there or reached through helpers, and nothing else', () => {
    const fs = 'event-loop/no-sync-fs blocking';
    const fsNoEquivalent = 'event-loop/no-sync-fs blockingNoEquivalent';
    const helper = 'event-loop/no-sync-fs blockingHelper';
    const childProcessHelper = 'event-loop/no-sync-child-process blockingHelper';
    const db = 'event-loop/no-sync-db blockingNoEquivalent';
    const dbHelper = 'event-loop/no-sync-db blockingHelper';
    const registered = 'event-loop/no-sync-fs blockingRegisteredHandler';
    const cryptoHelper = 'event-loop/no-sync-crypto blockingHelper';
    const cryptoRegistered = 'event-loop/no-sync-crypto blockingRegisteredHandler';
    const childProcess = 'event-loop/no-sync-child-process blocking';
    expect(findings).toEqual([
      `express-api/src/routes/customers.js:6:17 ${registered}`, // customers.index (controllers/) → listCustomers() → readFileSync
      `express-api/src/routes/customers.js:7:20 ${registered}`, // customers.show → findCustomer() → listCustomers()
      `express-api/src/routes/invoices.js:10:17 ${fs}`,
      `express-api/src/routes/invoices.js:12:19 ${fs}`,
      `express-api/src/routes/invoices.js:19:19 ${helper}`, // loadInvoice() → existsSync (lib/invoice-store.js)
      `express-api/src/routes/invoices.js:28:8 ${fsNoEquivalent}`,
      `express-api/src/routes/invoices.js:31:36 ${fs}`,
      `express-api/src/routes/invoices.js:36:3 ${helper}`, // saveInvoice() → mkdirSync
      `express-api/src/routes/reports.js:12:8 ${fsNoEquivalent}`,
      `express-api/src/routes/reports.js:15:29 ${fs}`,
      `express-api/src/routes/reports.js:22:22 ${fs}`,
      `express-api/src/routes/reports.js:30:24 ${helper}`, // buildReport() → mkdirSync (lib/report-builder.js)
      `express-api/src/routes/templates.js:10:17 ${fs}`,
      `express-api/src/routes/templates.js:15:16 ${helper}`, // renderTemplate() → readFileSync (lib/templates.js)
      `express-api/src/routes/templates.js:21:3 ${fs}`,
      `express-api/src/routes/templates.js:22:3 ${fs}`,
      `express-api/src/server.js:23:22 ${fs}`,
      `express-api/src/server.js:27:5 ${fs}`,
      `express-api/src/server.js:36:3 ${fs}`,
      `express-cjs/app.js:18:9 ${registered}`, // app.use(audit): the module middleware/audit.js is the middleware → appendFileSync
      `express-cjs/routes/files.js:12:12 ${fs}`,
      `express-cjs/routes/files.js:17:8 ${fsNoEquivalent}`,
      `express-cjs/routes/files.js:23:3 ${childProcess}`,
      `express-cjs/routes/users.js:7:17 ${registered}`, // usersController.list, assigned to the object controllers/users.js exports → userService.findAll() → db.readJson() → readFileSync
      `express-cjs/routes/users.js:8:20 ${registered}`, // usersController.show → findById() → findAll()
      `express-cjs/routes/users.js:9:18 ${cryptoRegistered}`, // usersController.create → hashPassword() → pbkdf2Sync
      `express-cjs/routes/users.js:9:18 ${registered}`, // usersController.create → db.readJson()
      `express-sqlite/src/routes/admin.js:8:12 ${db}`, // db (exported by storage/users.js).prepare().pluck().all()
      `express-sqlite/src/routes/orders.js:8:18 ${dbHelper}`, // repository.forUser() → await ordersDb.select() (drizzle over better-sqlite3)
      `express-sqlite/src/routes/orders.js:12:24 ${dbHelper}`, // repository.create() → ordersDb.insert()...get()
      `express-sqlite/src/routes/users.js:7:12 ${dbHelper}`, // searchUsers() → db.prepare().all()
      `express-sqlite/src/routes/users.js:11:16 ${dbHelper}`, // findUser() → byId.get()
      `express-sqlite/src/routes/users.js:17:24 ${dbHelper}`, // importUsers() → insertMany(), a db.transaction() function
      `express-sqlite/src/server.js:18:12 ${db}`, // node:sqlite countHits.get()
      `fastify-api/src/app.ts:22:19 ${fs}`,
      `fastify-api/src/routes/invoices.cts:10:12 ${fs}`,
      `fastify-api/src/routes/invoices.cts:20:25 ${fs}`,
      `fastify-api/src/routes/reports.ts:14:12 ${helper}`, // listReports() → readdirSync (services/report-service.ts)
      `fastify-api/src/routes/reports.ts:20:10 ${fsNoEquivalent}`,
      `fastify-api/src/routes/reports.ts:23:23 ${fs}`,
      `fastify-api/src/routes/reports.ts:27:18 ${helper}`, // renderReport() → loadReport() → readFileSync
      `fastify-api/src/routes/uploads.ts:18:22 ${helper}`, // saveUpload() → mkdirSync (services/upload-service.ts)
      `fastify-api/src/routes/uploads.ts:19:7 ${fs}`,
      `fastify-api/src/routes/uploads.ts:28:19 ${fs}`,
      `fastify-api/src/routes/uploads.ts:32:60 ${fs}`,
      `hono-api/src/index.ts:17:3 ${fs}`,
      `hono-api/src/routes/export.ts:17:15 ${fs}`,
      `hono-api/src/routes/export.ts:19:11 ${fs}`,
      `hono-api/src/routes/notes.ts:12:19 ${fs}`,
      `hono-api/src/routes/notes.ts:19:35 ${helper}`, // renderNote() → readFileSync (lib/render.ts)
      `hono-api/src/routes/notes.ts:20:39 ${helper}`, // draftsFor(…).list() → readdirSync (lib/drafts.ts)
      `hono-api/src/routes/notes.ts:24:5 ${fs}`,
      `hono-api/src/routes/notes.ts:25:5 ${fs}`,
      `koa-api/src/routes/documents.js:12:8 ${fsNoEquivalent}`,
      `koa-api/src/routes/documents.js:19:14 ${fs}`,
      `koa-api/src/routes/documents.js:28:14 ${helper}`, // documentInfo() → statSync (lib/storage.js)
      `koa-api/src/routes/documents.js:32:3 ${fs}`,
      `koa-api/src/routes/tags.js:8:17 ${registered}`, // tags.list, of the object createTagsController() returns → readAll() → readFileSync
      `koa-api/src/routes/tags.js:9:17 ${registered}`, // tags.update → writeFileSync
      `koa-api/src/server.js:15:3 ${fs}`,
      `nestjs-app/src/reports/reports.controller.ts:13:12 ${helper}`, // this.reportsService.list() (injected service)
      `nestjs-app/src/reports/reports.controller.ts:19:12 ${childProcessHelper}`, // this.reportsService.render() → execSync (pandoc)
      `nestjs-app/src/reports/reports.controller.ts:19:12 ${helper}`, // … and → readFileSync
      `nestjs-app/src/reports/reports.controller.ts:25:18 ${helper}`, // this.reportPath() → statSync, same class
      `nestjs-app/src/reports/reports.controller.ts:26:12 ${fs}`,
      `nestjs-app/src/reports/reports.controller.ts:31:26 ${helper}`, // this.reportsService.create()
      `nestjs-app/src/reports/reports.controller.ts:32:5 ${fs}`,
      `nextjs-app/app/api/posts/route.ts:12:18 ${helper}`, // getPostBySlug() → existsSync (lib/posts.ts)
      `nextjs-app/app/api/posts/route.ts:17:17 ${fs}`,
      `nextjs-app/app/api/posts/route.ts:19:58 ${fs}`,
      `nextjs-app/app/api/posts/route.ts:32:7 ${fsNoEquivalent}`,
      `nextjs-app/app/api/posts/route.ts:37:3 ${helper}`, // savePost() → mkdirSync
            `nuxt-app/server/api/products/[id].get.ts:7:8 ${fsNoEquivalent}`,
      `nuxt-app/server/api/products/index.get.ts:7:10 ${fs}`,
      `nuxt-app/server/api/products/index.get.ts:9:31 ${fs}`,
      `nuxt-app/server/middleware/audit.ts:5:3 ${fs}`,
      `remix-app/app/root.tsx:7:25 ${fs}`,
      `remix-app/app/routes/recipes.$slug.tsx:9:8 ${fsNoEquivalent}`,
      `remix-app/app/routes/recipes.$slug.tsx:18:3 ${fs}`,
      `sveltekit-app/src/hooks.server.ts:7:20 ${fs}`,
      `sveltekit-app/src/routes/api/notes/+server.ts:7:15 ${fs}`,
      `sveltekit-app/src/routes/api/notes/+server.ts:12:3 ${fs}`,
      `sveltekit-app/src/routes/notes/[id]/+page.server.ts:12:21 ${fs}`,
      `sveltekit-app/src/routes/notes/[id]/+page.server.ts:22:5 ${fs}`,
      `sveltekit-app/src/routes/notes/[id]/+page.server.ts:25:5 ${fs}`,
      `trpc-server/src/routers/todos.ts:16:48 ${fs}`,
      `trpc-server/src/routers/todos.ts:21:38 ${helper}`, // todoStats() → a sync fs call in lib/
      `trpc-server/src/routers/todos.ts:23:30 ${fs}`,
      `trpc-server/src/routers/todos.ts:25:5 ${fs}`,
      `trpc-server/src/trpc.ts:12:18 ${fs}`,
      `turborepo-api/apps/api/src/routes/sessions.ts:9:16 ${helper}`, // loadUsers() (@acme/storage, its dist/ mapped to src/) → readFileSync
      `turborepo-api/apps/api/src/routes/sessions.ts:10:17 ${cryptoHelper}`, // verifyPassword() (@acme/auth) → pbkdf2Sync
      `turborepo-api/apps/api/src/routes/uploads.ts:7:21 ${helper}`, // listUploads() (@acme/storage/uploads) → readdirSync
    ]);
  });

  it('stay quiet in start-up code and scripts', () => {
    // Helper modules are reported at their callers, not in their own bodies; scripts, start-up code
    // and build-time routes not at all.
    const quiet = [
      'express-api/scripts/',
      'express-api/src/controllers/',
      'express-api/src/lib/',
      'express-cjs/controllers/',
      'express-cjs/lib/',
      'express-cjs/middleware/',
      'express-cjs/scripts/',
      'express-cjs/server.js',
      'express-cjs/services/',
      'fastify-api/src/services/',
      'hono-api/src/lib/',
      'koa-api/src/controllers/',
      'koa-api/src/lib/',
      'nestjs-app/src/main.ts',
      'nestjs-app/src/reports/reports.service.ts',
      'nextjs-app/lib/',
      'nextjs-app/scripts/',
      'nuxt-app/server/plugins/',
      'nuxt-app/server/utils/',
      'remix-app/app/models/',
      'sveltekit-app/src/lib/',
      'sveltekit-app/src/routes/sitemap.xml/',
      'trpc-server/src/lib/',
      'trpc-server/src/server.ts',
      'turborepo-api/apps/api/src/server.ts',
      'turborepo-api/packages/',
    ];
    expect(findings.filter((finding) => quiet.some((prefix) => finding.startsWith(prefix)))).toEqual([]);
  });
});
