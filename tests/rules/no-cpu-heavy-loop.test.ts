import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-cpu-heavy-loop.js';
import { rejectsOptions } from '../invalid-options.js';
import { checksRuleDoc } from '../rule-doc.js';

const ruleTester = new RuleTester();
const code = (...lines: string[]): string => lines.join('\n');

const EXPRESS = "import express from 'express';\nconst app = express();";
/** An Express handler around `body` (lines 4 onwards). */
const express = (...body: string[]): string => code(EXPRESS, "app.get('/x', (req, res) => {", ...body, '});');
const expressAsync = (...body: string[]): string => code(EXPRESS, "app.get('/x', async (req, res) => {", ...body, '});');
const context = 'Express route handler';
const iterations = (count: string, nesting = '') => ({ count, nesting, context });

// The locked rule-tester (8.72) types rules with its own nested copy of @typescript-eslint/utils, which
// TypeScript does not unify with the plugin's (8.73): the tests stay typed through the explicit type arguments.
ruleTester.run<MessageIds, Options>('no-cpu-heavy-loop', rule as never, {
  valid: [
    // Small loops.
    express('for (let i = 0; i < 1000; i++) work(i);'),
    express('for (let i = 0; i < 999_999; i++) work(i);'),
    express('for (let i = 0; i < 1000; i++) {', '  for (let j = 0; j < 999; j++) work(i, j);', '}'),
    // Loops that await give the event loop back.
    expressAsync('for (let i = 0; i < 1e7; i++) {', '  await step(i);', '}'),
    expressAsync('for await (const chunk of req) total += chunk.length;'),
    // Between two awaits of the outer loop, only the inner loop runs.
    expressAsync('for (let i = 0; i < 1000; i++) {', '  await flush();', '  for (let j = 0; j < 1000; j++) work(i, j);', '}'),
    // Retry loops with await, bounded by the request or not.
    expressAsync(
      'for (let attempt = 0; attempt < Number(req.query.retries); attempt++) {',
      '  try { return res.json(await callUpstream()); } catch {}',
      '}',
    ),
    expressAsync('while (true) {', '  try { return res.json(await callUpstream()); } catch { await backOff(); }', '}'),
    // Pagination loops.
    expressAsync(
      'let page = 1;',
      'while (true) {',
      '  const batch = await fetchPage(page++);',
      '  if (batch.length === 0) break;',
      '  res.write(JSON.stringify(batch));',
      '}',
      'res.end();',
    ),
    expressAsync(
      'const pages = Number(req.query.pages);',
      'for (let page = 1; page <= pages; page++) rows.push(...(await fetchPage(page)));',
    ),
    // Loops over the request's own items: bounded by the body size limit.
    express('for (const item of req.body.items) save(item);'),
    express('for (let i = 0; i < req.body.items.length; i++) save(req.body.items[i]);'),
    express('const { items } = req.body;', 'for (let i = 0; i < items.length; i++) save(items[i]);'),
    express('for (const key in req.query) log(key);'),
    express('for (let i = 0; i < req.query.name.length; i++) hash = hash * 31 + req.query.name.charCodeAt(i);'),
    // Clamped bounds.
    express('const n = Math.min(Number(req.query.n), 1000);', 'for (let i = 0; i < n; i++) work(i);'),
    express('for (let i = 0; i < Math.min(req.query.n, MAX_ITEMS); i++) work(i);'),
    express('let n = Number(req.query.n);', 'n = Math.min(n, 100);', 'for (let i = 0; i < n; i++) work(i);'),
    express('const n = Number(req.query.n);', 'for (let i = 0; i < n && i < 1000; i++) work(i);'),
    express('const n = Number(req.query.n);', 'for (let i = 0; i < n; i++) {', '  if (i >= 1000 || done) break;', '  work(i);', '}'),
    express(
      'const n = Number(req.query.n);',
      'if (!Number.isInteger(n) || n > 1000) {',
      '  return res.status(400).send("n too large");',
      '}',
      'for (let i = 0; i < n; i++) work(i);',
    ),
    express('const n = Number(req.query.n);', 'if (n > 1000) throw new RangeError("n");', 'while (i < n) work(i++);'),
    express('const n = Number(req.query.n);', 'if (n <= 1000) {', '  for (let i = 0; i < n; i++) work(i);', '}'),
    // Bounds that do not come from the request.
    express('for (let i = 0; i < rows.length; i++) work(rows[i]);'),
    express('for (let i = 0; i < res.locals.limit; i++) work(i);'),
    express('const n = Number(req.query.n);', 'for (let i = n; i < 100; i++) work(i);'),
    // Endless-looking loops that have a way out, or yield.
    express('while (true) {', '  const job = queue.shift();', '  if (!job) break;', '  run(job);', '}'),
    express('for (;;) {', '  if (done()) return res.end();', '}'),
    express('do {', '  if (failed()) throw new Error("failed");', '} while (1);'),
    express('outer: while (true) {', '  for (const job of jobs) {', '    if (job.last) break outer;', '  }', '}'),
    express('outer: for (const group of groups) {', '  while (true) {', '    if (next()) continue outer;', '  }', '}'),
    code('function* ids() {', '  for (let i = 0; ; i++) yield i;', '}', "app.get('/x', (req, res) => {", '  const it = ids();', '});'),
    // Cheap or small arrays, and a local `Array`.
    express('const slots = new Array(1e8);'),
    express('const zeros = new Array(100).fill(0);'),
    express('const rows = Array.from({ length: 10 }, (_, i) => i);'),
    code(EXPRESS, 'const Array = makeArrayType();', "app.get('/x', (req, res) => {", '  new Array(1e8).fill(0);', '});'),
    // `Array` passed on, or an array built from another value: no length to count.
    express('const made = make(Array, 1e8).fill(0);'),
    express('const copy = Array.from(items, (item) => item.id);'),
    express('const grid = Array.from({ size: 1e8 });'),
    // Counts the rule cannot be sure of.
    express('for (let i = 0; i < 1e7; i += step) work(i);'),
    express('for (let i = 0; i < 1e7; i++) { if (skip(i)) i += 10; }'),
    express('let i = 0;', 'for (; i < 1e7; i++) work(i);'),
    express('for (let i = 1; i < 1e9; i *= 2) work(i);'),
    // Not request-serving code: start-up, helpers, worker files.
    code('for (let i = 0; i < 1e9; i++) warm(i);', 'const table = new Array(1e8).fill(0);', 'while (true) {}'),
    code('export default function resize({ width }) {', '  for (let i = 0; i < 1e9; i++) work(i, width);', '}'),
    code('async function rebuild() {', '  for (let i = 0; i < 1e9; i++) work(i);', '}'),
    // `async-handlers` scope: a sync handler is left alone.
    { code: express('for (let i = 0; i < 1e7; i++) work(i);'), options: [{ scope: 'async-handlers' }] },
    // A higher threshold.
    { code: express('for (let i = 0; i < 1e7; i++) work(i);'), options: [{ threshold: 1e8 }] },
  ],
  invalid: [
    {
      code: express('for (let i = 0; i < 1e7; i++) {', '  total += i * i;', '}'),
      errors: [{ messageId: 'iterations', data: iterations('10,000,000'), line: 4, column: 1, endLine: 4, endColumn: 30 }],
    },
    // Every way to write a large constant.
    {
      code: express(
        'for (let i = 0; i < 10 ** 7; i++) work(i);',
        'for (let i = 0; i < 1_000_000; i++) work(i);',
        'for (let i = 0n; i < 10n ** 7n; i++) work(i);',
        'for (let i = 0, n = 2e6; i < n; i++) work(i);',
        'for (let i = 1e6; i > 0; i--) work(i);',
        'for (let i = 0; i <= 1e6; i += 1) work(i);',
        'for (let i = 0; i < 4e6; i = i + 2) work(i);',
        'for (let i = 0, j = 0; 3e6 > i; i++, j--) work(i, j);',
        'for (let i = 0; i !== 5e6; i++) work(i);',
      ),
      errors: [
        { messageId: 'iterations', data: iterations('10,000,000'), line: 4, column: 1, endLine: 4, endColumn: 34 },
        { messageId: 'iterations', data: iterations('1,000,000'), line: 5, column: 1, endLine: 5, endColumn: 36 },
        { messageId: 'iterations', data: iterations('10,000,000'), line: 6, column: 1, endLine: 6, endColumn: 37 },
        { messageId: 'iterations', data: iterations('2,000,000'), line: 7, column: 1, endLine: 7, endColumn: 37 },
        { messageId: 'iterations', data: iterations('1,000,000'), line: 8, column: 1, endLine: 8, endColumn: 30 },
        { messageId: 'iterations', data: iterations('1,000,001'), line: 9, column: 1, endLine: 9, endColumn: 34 },
        { messageId: 'iterations', data: iterations('2,000,000'), line: 10, column: 1, endLine: 10, endColumn: 36 },
        { messageId: 'iterations', data: iterations('3,000,000'), line: 11, column: 1, endLine: 11, endColumn: 42 },
        { messageId: 'iterations', data: iterations('5,000,000'), line: 12, column: 1, endLine: 12, endColumn: 32 },
      ],
    },
    // A constant declared outside the loop.
    {
      code: code(
        EXPRESS,
        'const SAMPLES = 5_000_000;',
        "app.get('/x', (req, res) => {",
        '  for (let i = 0; i < SAMPLES; i++) work(i);',
        '});',
      ),
      errors: [{ messageId: 'iterations', data: iterations('5,000,000'), line: 5, column: 3, endLine: 5, endColumn: 36 }],
    },
    // Nested loops multiply; the nest is reported once, where the count reaches the threshold.
    {
      code: express(
        'for (let i = 0; i < 1000; i++) {',
        '  for (const cell of row) {',
        '    for (let j = 0; j < 1000; j++) work(i, j, cell);',
        '  }',
        '}',
      ),
      errors: [
        {
          messageId: 'iterations',
          data: iterations('1,000,000', ' (1,000 × 1,000, counting the loops around it)'),
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 35,
        },
      ],
    },
    {
      code: express('for (let i = 0; i < 2e6; i++) {', '  for (let j = 0; j < 10; j++) work(i, j);', '}'),
      errors: [{ messageId: 'iterations', data: iterations('2,000,000'), line: 4, column: 1, endLine: 4, endColumn: 30 }],
    },
    // Labelled loops.
    {
      code: express('rows: for (let i = 0; i < 2e6; i++) {', '  if (skip(i)) continue rows;', '}'),
      errors: [{ messageId: 'iterations', line: 4, column: 7, endLine: 4, endColumn: 36 }],
    },
    // A lower threshold.
    {
      code: express('for (let i = 0; i < 5000; i++) work(i);'),
      options: [{ threshold: 1000 }],
      errors: [{ messageId: 'iterations', data: iterations('5,000'), line: 4, column: 1, endLine: 4, endColumn: 31 }],
    },
    // Bounds straight from the request: Express.
    {
      code: express(
        'for (let i = 0; i < Number(req.query.n); i++) work(i);',
        'const count = parseInt(req.query.count, 10);',
        'for (let i = 0; i < count; i++) work(i);',
        'const { size } = req.query;',
        'for (let i = 0; i < +size; i++) work(i);',
        'let i = 0;',
        'while (i < req.body.count * 2) work(i++);',
        'do work(i++); while (i <= req.params.n);',
      ),
      errors: [
        {
          messageId: 'requestBound',
          data: { bound: 'Number(req.query.n)', context },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 46,
        },
        { messageId: 'requestBound', data: { bound: 'count', context }, line: 6, column: 1, endLine: 6, endColumn: 32 },
        { messageId: 'requestBound', data: { bound: '+size', context }, line: 8, column: 1, endLine: 8, endColumn: 32 },
        {
          messageId: 'requestBound',
          data: { bound: 'req.body.count * 2', context },
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 31,
        },
        { messageId: 'requestBound', data: { bound: 'req.params.n', context }, line: 11, column: 15, endLine: 11, endColumn: 40 },
      ],
    },
    // An `if` inside the loop that stops it only limits it when it compares against something the client does not pick.
    {
      code: express(
        'const n = Number(req.query.n);',
        'for (let i = 0; ; i++) {',
        '  if (i >= n) break;',
        '  if (i > 10 && ready) break;',
        '}',
        'for (let i = 0; i < n; i++) {',
        '  if (i >= n) break;',
        '}',
      ),
      errors: [{ messageId: 'requestBound', data: { bound: 'n', context }, line: 9, column: 1, endLine: 9, endColumn: 28 }],
    },
    // A guard that does not leave the handler does not limit anything.
    {
      code: express(
        'const n = Number(req.query.n);',
        'if (n > 1000) res.status(400);',
        'for (let i = 0; i < n; i++) work(i);',
      ),
      errors: [{ messageId: 'requestBound', data: { bound: 'n', context }, line: 6, column: 1, endLine: 6, endColumn: 28 }],
    },
    // Fastify: request.body.count.
    {
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.post('/x', async (request, reply) => {",
        '  const total = request.body.count;',
        '  for (let i = 0; i < total; i++) work(i);',
        '});',
      ),
      errors: [
        {
          messageId: 'requestBound',
          data: { bound: 'total', context: 'Fastify route handler' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 34,
        },
      ],
    },
    // Koa: ctx.query, ctx.params, ctx.request.body.
    {
      code: code(
        "import Router from '@koa/router';",
        'const router = new Router();',
        "router.get('/x/:n', (ctx) => {",
        '  for (let i = 0; i < ctx.params.n; i++) work(i);',
        '  for (let i = 0; i < Number(ctx.query.n); i++) work(i);',
        '  const { count } = ctx.request.body;',
        '  for (let i = 0; i < count; i++) work(i);',
        '});',
      ),
      errors: [
        {
          messageId: 'requestBound',
          data: { bound: 'ctx.params.n', context: 'Koa router route handler' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 41,
        },
        { messageId: 'requestBound', data: { bound: 'Number(ctx.query.n)', context: 'Koa router route handler' }, line: 5, column: 3, endLine: 5, endColumn: 48 },
        { messageId: 'requestBound', data: { bound: 'count', context: 'Koa router route handler' }, line: 7, column: 3, endLine: 7, endColumn: 34 },
      ],
    },
    // Hono: c.req.query('n'), c.req.param('n'), (await c.req.json()).count.
    {
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.post('/x/:n', async (c) => {",
        "  for (let i = 0; i < Number(c.req.query('n')); i++) work(i);",
        "  const n = parseInt(c.req.param('n'));",
        '  for (let i = 0; i < n; i++) work(i);',
        '  const { count } = await c.req.json();',
        '  for (let i = 0; i < count; i++) work(i);',
        "  return c.text('ok');",
        '});',
      ),
      errors: [
        {
          messageId: 'requestBound',
          data: { bound: "Number(c.req.query('n'))", context: 'Hono route handler' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 53,
        },
        { messageId: 'requestBound', data: { bound: 'n', context: 'Hono route handler' }, line: 6, column: 3, endLine: 6, endColumn: 30 },
        { messageId: 'requestBound', data: { bound: 'count', context: 'Hono route handler' }, line: 8, column: 3, endLine: 8, endColumn: 34 },
      ],
    },
    // Next.js route handlers and NestJS controllers.
    {
      code: code(
        'export async function GET(request) {',
        "  const n = Number(request.nextUrl.searchParams.get('n'));",
        '  for (let i = 0; i < n; i++) work(i);',
        "  const limit = Number(new URL(request.url).searchParams.get('limit'));",
        '  for (let i = 0; i < limit; i++) work(i);',
        '}',
      ),
      filename: 'app/api/items/route.ts',
      errors: [
        {
          messageId: 'requestBound',
          data: { bound: 'n', context: 'Next.js route handler' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 30,
        },
        { messageId: 'requestBound', data: { bound: 'limit', context: 'Next.js route handler' }, line: 5, column: 3, endLine: 5, endColumn: 34 },
      ],
    },
    {
      code: code(
        "import { Controller, Get, Query } from '@nestjs/common';",
        "@Controller('items')",
        'export class ItemsController {',
        '  @Get()',
        "  list(@Query('n') n: string) {",
        '    for (let i = 0; i < Number(n); i++) work(i);',
        '  }',
        '}',
      ),
      errors: [
        {
          messageId: 'requestBound',
          data: { bound: 'Number(n)', context: 'NestJS controller method' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 40,
        },
      ],
    },
    // Loops with no way out and no await.
    {
      code: express(
        'while (true) {}',
        'for (;;) work();',
        'do { work(); } while (1);',
        'while (true) {',
        '  switch (next()) {',
        '    case 1: break;',
        '  }',
        '  for (const job of jobs) if (job.done) break;',
        '}',
      ),
      errors: [
        { messageId: 'endless', data: { context }, line: 4, column: 1, endLine: 4, endColumn: 13 },
        { messageId: 'endless', line: 5, column: 1, endLine: 5, endColumn: 9 },
        { messageId: 'endless', line: 6, column: 16, endLine: 6, endColumn: 25 },
        { messageId: 'endless', line: 7, column: 1, endLine: 7, endColumn: 13 },
      ],
    },
    // Huge arrays built up front.
    {
      code: express(
        'const zeros = new Array(1e8).fill(0);',
        'const marks = Array(2_000_000).fill(false);',
        'const ids = Array.from({ length: 10 ** 7 }, (_, i) => i);',
      ),
      errors: [
        { messageId: 'hugeArray', data: { count: '100,000,000', context }, line: 4, column: 15, endLine: 4, endColumn: 37 },
        { messageId: 'hugeArray', data: { count: '2,000,000', context }, line: 5, column: 15, endLine: 5, endColumn: 43 },
        { messageId: 'hugeArray', data: { count: '10,000,000', context }, line: 6, column: 13, endLine: 6, endColumn: 57 },
      ],
    },
    // Through TypeScript's wrappers, and in a nested callback of the handler.
    {
      code: express(
        'const zeros = (new Array(1e8) as number[]).fill(0);',
        'const marks = Array<boolean>(2_000_000)!.fill(false);',
        'setImmediate(() => (Array.from satisfies unknown)({ length: 1e7 }));',
      ),
      errors: [
        { messageId: 'hugeArray', data: { count: '100,000,000', context }, line: 4, column: 15, endLine: 4, endColumn: 51 },
        { messageId: 'hugeArray', data: { count: '2,000,000', context }, line: 5, column: 15, endLine: 5, endColumn: 53 },
        { messageId: 'hugeArray', data: { count: '10,000,000', context }, line: 6, column: 20, endLine: 6, endColumn: 67 },
      ],
    },
    // Wider scope: every async function (a request bound needs a handler, a constant count does not).
    {
      code: code('async function rebuild(req) {', '  for (let i = 0; i < 1e9; i++) work(i);', '}'),
      options: [{ scope: 'async-functions' }],
      errors: [
        {
          messageId: 'iterations',
          data: { count: '1,000,000,000', nesting: '', context: 'async function' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
  ],
});

rejectsOptions('no-cpu-heavy-loop', rule, [
  { threshold: 0 },
  { threshold: -5 },
  { threshold: '1e6' },
  { scope: 'everywhere' },
  { allow: ['x'] },
  { limit: 10 },
]);

checksRuleDoc('no-cpu-heavy-loop', rule);
