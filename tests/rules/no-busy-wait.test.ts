import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-busy-wait.js';
import { rejectsOptions } from '../invalid-options.js';
import { checksRuleDoc } from '../rule-doc.js';

const ruleTester = new RuleTester();
const code = (...lines: string[]): string => lines.join('\n');

const EXPRESS = "import express from 'express';\nconst app = express();";
const SLEEP_INSTEAD =
  'Wait with `await setTimeout(ms)` from `node:timers/promises`; work that must block belongs in a worker pool (see docs/guides/worker-pool.md).';
const DEASYNC_WHY = 'polls a nested event loop, in which no promise callback runs, until it is done';
const ATOMICS = {
  api: 'Atomics.wait',
  why: 'blocks the thread until another thread notifies it or the timeout passes',
  instead:
    '`await Atomics.waitAsync(...).value` waits for the same result without blocking; waiting threads belong in a worker pool (see docs/guides/worker-pool.md).',
};
const express = { context: 'Express route handler' };
const sleep = (api: string, why: string, instead = SLEEP_INSTEAD) => ({ api, why, instead, ...express });
const SHARED_INT32 = 'new Int32Array(new SharedArrayBuffer(4))';

// The locked rule-tester (8.72) types rules with its own nested copy of @typescript-eslint/utils, which
// TypeScript does not unify with the plugin's (8.73): the tests stay typed through the explicit type arguments.
ruleTester.run<MessageIds, Options>('no-busy-wait', rule as never, {
  valid: [
    // A retry loop that awaits between attempts gives the event loop back.
    code(
      EXPRESS,
      "app.get('/retry', async (req, res) => {",
      '  const deadline = Date.now() + 5000;',
      '  while (Date.now() < deadline) {',
      '    try {',
      '      return res.json(await fetchUpstream());',
      '    } catch {',
      '      await new Promise((resolve) => setTimeout(resolve, 100));',
      '    }',
      '  }',
      '});',
    ),
    // Pagination: awaited, and ends on the data, not on the clock.
    code(
      EXPRESS,
      "app.get('/all', async (req, res) => {",
      '  const started = Date.now();',
      '  let cursor;',
      '  do {',
      '    const page = await listPage(cursor);',
      '    cursor = page.next;',
      '  } while (cursor && Date.now() - started < 10_000);',
      '  res.end();',
      '});',
    ),
    // The clock is read before the loop only: the loop is bounded by its counter.
    code(
      EXPRESS,
      "app.get('/x', (req, res) => {",
      '  const end = Date.now() + 100;',
      '  for (let i = 0; i < 10; i++) log(i, end);',
      '  res.end();',
      '});',
    ),
    // The clock is read inside, but it does not decide when the loop ends.
    code(EXPRESS, "app.get('/x', (req, res) => {", '  for (const item of req.body.items) item.at = Date.now();', '});'),
    code(EXPRESS, "app.get('/x', (req, res) => {", '  for (let i = 0; i < 3; i++) log(Date.now());', '});'),
    // A `for` loop's init runs once.
    code(EXPRESS, "app.get('/x', (req, res) => {", '  for (let t = Date.now(); t < end; t += 10) log(t);', '});'),
    // An inner loop ends on the clock; the outer loop does not (the inner one is reported alone).
    code(
      EXPRESS,
      "app.get('/x', async (req, res) => {",
      '  for (const job of jobs) {',
      '    while (Date.now() < job.at) await tick();',
      '  }',
      '});',
    ),
    // Start-up code and plain functions are not request handlers.
    code("const end = Date.now() + 100;", 'while (Date.now() < end) {}', "import sleep from 'sleep';", 'sleep.msleep(10);'),
    code('function warmUp() {', '  const end = Date.now() + 100;', '  while (Date.now() < end) {}', '}'),
    code('async function poll() {', '  while (Date.now() < end) {}', '}'),
    // A local `Date`, or a local `sleep`, is not the clock or a sleep package.
    code(
      EXPRESS,
      'const Date = { now: () => 0 };',
      "app.get('/x', (req, res) => {",
      '  while (Date.now() < 10) {}',
      '});',
    ),
    code(EXPRESS, 'function sleep(ms) { return ms; }', "app.get('/x', (req, res) => {", '  sleep(100);', '});'),
    // The awaited forms.
    code(
      EXPRESS,
      "import { setTimeout } from 'node:timers/promises';",
      "app.get('/x', async (req, res) => {",
      '  await setTimeout(100);',
      `  await Atomics.waitAsync(${SHARED_INT32}, 0, 0, 100).value;`,
      '});',
    ),
    // child_process running something other than `sleep`, or a command the rule cannot read.
    code(
      EXPRESS,
      "import { execSync, execFileSync } from 'node:child_process';",
      "app.get('/x', (req, res) => {",
      "  execSync('sleepwalk --fast');",
      '  execSync(command);',
      "  execFileSync('ls', ['-l']);",
      "  execFileSync('sleep-report');",
      '});',
    ),
    // `async-handlers` scope: a sync handler is left alone.
    {
      code: code(EXPRESS, "app.get('/x', (req, res) => {", '  while (Date.now() < end) {}', '});'),
      options: [{ scope: 'async-handlers' }],
    },
    {
      code: code(EXPRESS, "app.get('/x', (req, res) => {", '  while (Date.now() < end) {}', '});'),
      settings: { 'event-loop': { scope: 'async-handlers' } },
    },
  ],
  invalid: [
    {
      code: code(
        EXPRESS,
        "app.get('/wait', (req, res) => {",
        '  const end = Date.now() + 200;',
        '  while (Date.now() < end) {}',
        '  res.end();',
        '});',
      ),
      errors: [{ messageId: 'clockLoop', data: express, line: 5, column: 3, endLine: 5, endColumn: 27 }],
    },
    // performance.now(), the global and the perf_hooks export.
    {
      code: code(
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  const start = performance.now();',
        '  while (performance.now() - start < 200);',
        '});',
      ),
      errors: [{ messageId: 'clockLoop', line: 5, column: 3, endLine: 5, endColumn: 42 }],
    },
    {
      code: code(
        "import { performance as perf } from 'node:perf_hooks';",
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  const start = perf.now();',
        '  for (;;) {',
        '    if (perf.now() - start > 200) break;',
        '  }',
        '});',
      ),
      errors: [{ messageId: 'clockLoop', line: 6, column: 3, endLine: 6, endColumn: 11 }],
    },
    // process.hrtime(), process.hrtime.bigint(), also from `node:process`.
    {
      code: code(
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  const end = process.hrtime.bigint() + 1_000_000n;',
        '  while (process.hrtime.bigint() < end) {}',
        '  const start = process.hrtime();',
        '  while (process.hrtime(start)[0] < 1) {}',
        '});',
      ),
      errors: [
        { messageId: 'clockLoop', line: 5, column: 3, endLine: 5, endColumn: 40 },
        { messageId: 'clockLoop', line: 7, column: 3, endLine: 7, endColumn: 39 },
      ],
    },
    {
      code: code(
        "import proc from 'node:process';",
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  while (proc.uptime() < 5) {}',
        '});',
      ),
      errors: [{ messageId: 'clockLoop', line: 5, column: 3, endLine: 5, endColumn: 28 }],
    },
    // new Date() comparisons.
    {
      code: code(
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  while (new Date() < deadline) {}',
        '  while (new Date().getTime() < deadline) {}',
        '});',
      ),
      errors: [
        { messageId: 'clockLoop', line: 4, column: 3, endLine: 4, endColumn: 32 },
        { messageId: 'clockLoop', line: 5, column: 3, endLine: 5, endColumn: 42 },
      ],
    },
    // The clock stored in a variable the loop updates; do...while is reported at its `while (...)`.
    {
      code: code(
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  let now;',
        '  do {',
        '    now = Date.now();',
        '  } while (now < end);',
        '  while (true) {',
        '    const elapsed = Date.now() - start;',
        '    if (elapsed > 100) break;',
        '  }',
        '});',
      ),
      errors: [
        { messageId: 'clockLoop', line: 7, column: 5, endLine: 7, endColumn: 22 },
        { messageId: 'clockLoop', line: 8, column: 3, endLine: 8, endColumn: 15 },
      ],
    },
    // A labelled break out of an inner loop: only the loop that spins is reported.
    {
      code: code(
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  outer: while (queue.length) {',
        '    for (;;) {',
        '      if (Date.now() > end) break outer;',
        '    }',
        '  }',
        '});',
      ),
      errors: [{ messageId: 'clockLoop', line: 5, column: 5, endLine: 5, endColumn: 13 }],
    },
    // Koa, Hono and Fastify handlers; the message names the framework.
    {
      code: code(
        "import Koa from 'koa';",
        'const app = new Koa();',
        'app.use(async (ctx) => {',
        '  while (Date.now() < end) {}',
        '});',
      ),
      errors: [{ messageId: 'clockLoop', data: { context: 'Koa middleware' }, line: 4, column: 3, endLine: 4, endColumn: 27 }],
    },
    {
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.get('/x', (c) => {",
        '  while (Date.now() < end) {}',
        "  return c.text('ok');",
        '});',
      ),
      errors: [
        { messageId: 'clockLoop', data: { context: 'Hono route handler' }, line: 4, column: 3, endLine: 4, endColumn: 27 },
      ],
    },
    {
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/x', async (request, reply) => {",
        '  while (Date.now() < end) {}',
        '});',
      ),
      errors: [
        { messageId: 'clockLoop', data: { context: 'Fastify route handler' }, line: 4, column: 3, endLine: 4, endColumn: 27 },
      ],
    },
    // Atomics.wait: in an async handler, the awaited form is a suggestion.
    {
      code: code(EXPRESS, "app.get('/x', async (req, res) => {", `  Atomics.wait(${SHARED_INT32}, 0, 0, 100);`, '});'),
      filename: 'server.js',
      errors: [
        {
          messageId: 'syncSleep',
          data: { ...ATOMICS, ...express },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useWaitAsync',
              output: code(
                EXPRESS,
                "app.get('/x', async (req, res) => {",
                `  await Atomics.waitAsync(${SHARED_INT32}, 0, 0, 100).value;`,
                '});',
              ),
            },
          ],
        },
      ],
    },
    // A parenthesised callee keeps its parentheses.
    {
      code: code(EXPRESS, "app.get('/x', async (req, res) => {", `  (Atomics.wait)(${SHARED_INT32}, 0, 0, 100);`, '});'),
      filename: 'server.js',
      errors: [
        {
          messageId: 'syncSleep',
          data: { ...ATOMICS, ...express },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useWaitAsync',
              output: code(
                EXPRESS,
                "app.get('/x', async (req, res) => {",
                `  await (Atomics.waitAsync)(${SHARED_INT32}, 0, 0, 100).value;`,
                '});',
              ),
            },
          ],
        },
      ],
    },
    // In a sync handler, the suggestion makes the handler async; parentheses where `await` needs them.
    {
      code: code(
        EXPRESS,
        "app.get('/x', function (req, res) {",
        '  const view = new Int32Array(shared);',
        "  if (Atomics.wait(view, 0, 0, 50) === 'ok') res.end();",
        '  const length = Atomics.wait(view, 0, 0, 50).length;',
        '});',
      ),
      filename: 'server.js',
      errors: [
        {
          messageId: 'syncSleep',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useWaitAsyncInAsyncHandler',
              data: express,
              output: code(
                EXPRESS,
                "app.get('/x', async function (req, res) {",
                '  const view = new Int32Array(shared);',
                "  if (await Atomics.waitAsync(view, 0, 0, 50).value === 'ok') res.end();",
                '  const length = Atomics.wait(view, 0, 0, 50).length;',
                '});',
              ),
            },
          ],
        },
        {
          messageId: 'syncSleep',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useWaitAsyncInAsyncHandler',
              data: express,
              output: code(
                EXPRESS,
                "app.get('/x', async function (req, res) {",
                '  const view = new Int32Array(shared);',
                "  if (Atomics.wait(view, 0, 0, 50) === 'ok') res.end();",
                '  const length = (await Atomics.waitAsync(view, 0, 0, 50).value).length;',
                '});',
              ),
            },
          ],
        },
      ],
    },
    // No suggestion where `await` cannot go (a sync callback inside the handler) or may not type-check (TypeScript).
    {
      code: code(
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  views.forEach((view) => Atomics.wait(view, 0, 0, 10));',
        '});',
      ),
      filename: 'server.js',
      errors: [{ messageId: 'syncSleep', line: 4, column: 27, endLine: 4, endColumn: 55, suggestions: [] }],
    },
    {
      code: code(EXPRESS, "app.get('/x', async (req, res) => {", '  Atomics.wait(view, 0, 0, 10);', '});'),
      filename: 'server.ts',
      errors: [{ messageId: 'syncSleep', line: 4, column: 3, endLine: 4, endColumn: 31, suggestions: [] }],
    },
    // execSync('sleep 1') and friends, in every import style.
    {
      code: code(
        "import { execSync, execFileSync, spawnSync as spawn } from 'node:child_process';",
        EXPRESS,
        "app.post('/x', (req, res) => {",
        "  execSync('sleep 1');",
        '  execSync(`sleep ${seconds}`);',
        "  execFileSync('sleep', ['0.5']);",
        "  spawn('/bin/sleep', ['1']);",
        '});',
      ),
      errors: [
        {
          messageId: 'syncSleep',
          data: sleep('child_process.execSync', 'runs `sleep` in a child process and waits for it to exit'),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 22,
        },
        { messageId: 'syncSleep', line: 6, column: 3, endLine: 6, endColumn: 31 },
        {
          messageId: 'syncSleep',
          data: sleep('child_process.execFileSync', 'runs `sleep` in a child process and waits for it to exit'),
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 33,
        },
        { messageId: 'syncSleep', line: 8, column: 3, endLine: 8, endColumn: 29 },
      ],
    },
    {
      code: code(
        "const cp = require('child_process');",
        "const express = require('express');",
        'const app = express();',
        "app.get('/x', (req, res) => {",
        "  cp.execSync('sleep 2 && echo done');",
        '});',
      ),
      errors: [{ messageId: 'syncSleep', line: 5, column: 3, endLine: 5, endColumn: 38 }],
    },
    // Sleep packages.
    {
      code: code(
        "import sleep from 'sleep';",
        "import systemSleep from 'system-sleep';",
        "const sleepSync = require('sleep-sync');",
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  sleep.sleep(1);',
        '  sleep.msleep(10);',
        '  sleep.usleep(10);',
        '  systemSleep(100);',
        '  sleepSync(100);',
        '});',
      ),
      errors: [
        { messageId: 'syncSleep', data: sleep('sleep.sleep', 'sleeps synchronously for the given seconds'), line: 7, column: 3, endLine: 7, endColumn: 17 },
        { messageId: 'syncSleep', data: sleep('sleep.msleep', 'sleeps synchronously for the given milliseconds'), line: 8, column: 3, endLine: 8, endColumn: 19 },
        { messageId: 'syncSleep', data: sleep('sleep.usleep', 'sleeps synchronously for the given microseconds'), line: 9, column: 3, endLine: 9, endColumn: 19 },
        { messageId: 'syncSleep', data: sleep('system-sleep', 'sleeps synchronously for the given milliseconds'), line: 10, column: 3, endLine: 10, endColumn: 19 },
        { messageId: 'syncSleep', data: sleep('sleep-sync', 'sleeps synchronously for the given milliseconds'), line: 11, column: 3, endLine: 11, endColumn: 17 },
      ],
    },
    // deasync: sleep, loopWhile and the runLoopOnce loop.
    {
      code: code(
        "import deasync from 'deasync';",
        EXPRESS,
        "app.get('/x', (req, res) => {",
        '  let done = false;',
        '  load().then(() => { done = true; });',
        '  deasync.loopWhile(() => !done);',
        '  while (!done) deasync.runLoopOnce();',
        '  deasync.sleep(100);',
        '});',
      ),
      errors: [
        {
          messageId: 'syncSleep',
          data: sleep('deasync.loopWhile', DEASYNC_WHY, 'Await the promise the condition is waiting for instead.'),
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 33,
        },
        {
          messageId: 'syncSleep',
          data: sleep('deasync.runLoopOnce', DEASYNC_WHY, 'Await the promise the loop is waiting for instead.'),
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 38,
        },
        { messageId: 'syncSleep', data: sleep('deasync.sleep', DEASYNC_WHY), line: 9, column: 3, endLine: 9, endColumn: 21 },
      ],
    },
    // Wider scope: every async function.
    {
      code: code('async function poll() {', '  while (Date.now() < end) {}', '}'),
      options: [{ scope: 'async-functions' }],
      errors: [{ messageId: 'clockLoop', data: { context: 'async function' }, line: 2, column: 3, endLine: 2, endColumn: 27 }],
    },
    {
      code: code('async function poll() {', '  while (Date.now() < end) {}', '}'),
      settings: { 'event-loop': { scope: 'async-functions' } },
      errors: [{ messageId: 'clockLoop', line: 2, column: 3, endLine: 2, endColumn: 27 }],
    },
  ],
});

rejectsOptions('no-busy-wait', rule, [
  { scope: 'everywhere' },
  { scope: 'handlers', threshold: 10 },
  { allow: ['sleep.msleep'] },
  'handlers',
]);

checksRuleDoc('no-busy-wait', rule);
