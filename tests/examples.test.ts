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
    { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
  ],
});
const results = await eslint.lintFiles(['.']);
const findings = results.flatMap((result) =>
  result.messages.map((message) => `${relative(examples, result.filePath)}:${message.line}:${message.column} ${message.ruleId}`),
);

describe('the bundled example servers', () => {
  it('parse without errors', () => {
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(25);
  });

  it('report every sync fs call written inside a handler, and nothing else', () => {
    const fs = 'event-loop/no-sync-fs';
    expect(findings).toEqual([
      `express-api/src/routes/invoices.js:10:17 ${fs}`,
      `express-api/src/routes/invoices.js:12:19 ${fs}`,
      `express-api/src/routes/invoices.js:28:8 ${fs}`,
      `express-api/src/routes/invoices.js:31:36 ${fs}`,
      `express-api/src/routes/reports.js:12:8 ${fs}`,
      `express-api/src/routes/reports.js:15:29 ${fs}`,
      `express-api/src/routes/reports.js:22:22 ${fs}`,
      `express-api/src/routes/templates.js:10:17 ${fs}`,
      `express-api/src/routes/templates.js:21:3 ${fs}`,
      `express-api/src/routes/templates.js:22:3 ${fs}`,
      `express-api/src/server.js:21:22 ${fs}`,
      `express-api/src/server.js:25:5 ${fs}`,
      `express-api/src/server.js:34:3 ${fs}`,
      `fastify-api/src/app.ts:22:19 ${fs}`,
      `fastify-api/src/routes/invoices.cts:10:12 ${fs}`,
      `fastify-api/src/routes/invoices.cts:20:25 ${fs}`,
      `fastify-api/src/routes/reports.ts:20:10 ${fs}`,
      `fastify-api/src/routes/reports.ts:23:23 ${fs}`,
      `fastify-api/src/routes/uploads.ts:19:7 ${fs}`,
      `fastify-api/src/routes/uploads.ts:28:19 ${fs}`,
      `fastify-api/src/routes/uploads.ts:32:60 ${fs}`,
      `nestjs-app/src/reports/reports.controller.ts:26:12 ${fs}`,
      `nestjs-app/src/reports/reports.controller.ts:32:5 ${fs}`,
      `nextjs-app/app/api/posts/route.ts:17:17 ${fs}`,
      `nextjs-app/app/api/posts/route.ts:19:58 ${fs}`,
      `nextjs-app/app/api/posts/route.ts:32:7 ${fs}`,
    ]);
  });

  it('stay quiet in start-up code and scripts', () => {
    const quiet = ['express-api/scripts/', 'nextjs-app/scripts/', 'nestjs-app/src/main.ts', 'express-api/src/lib/'];
    expect(findings.filter((finding) => quiet.some((prefix) => finding.startsWith(prefix)))).toEqual([]);
  });
});
