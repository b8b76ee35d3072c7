/**
 * Request-time context: everything lexically inside a handler counts, later or now, until an
 * offload boundary (a worker file, code written into `new Worker(...)`, a workerpool `exec(fn)`).
 */
import { invalid, rule, ruleTester, ts } from './helpers.js';

const laterOrNow = ts`
  import fs from 'fs';
  import express from 'express';
  const app = express();
  app.get('/', (req, res) => {
    setImmediate(() => fs.existsSync(a));
    setTimeout(function later() {
      fs.existsSync(b);
    }, 10);
    queueMicrotask(() => fs.existsSync(c));
    new Promise((resolve) => resolve(fs.existsSync(d))).then(() => fs.existsSync(e));
    process.nextTick(() => fs.existsSync(f));
    res.end();
  });
`;

const workerCode = ts`
  import fs from 'fs';
  import express from 'express';
  import { Worker } from 'node:worker_threads';
  import workerpool from 'workerpool';
  const app = express();
  const pool = workerpool.pool();
  function checksum(path) {
    return fs.existsSync(a);
  }
  app.get('/checksum', async (req, res) => {
    const worker = new Worker(\`require('node:worker_threads').parentPort.postMessage((\${checksum})(process.argv[2]))\`, { eval: true });
    const inline = new Worker(\`(\${() => fs.existsSync(b)})()\`, { eval: true });
    const result = await pool.exec((path) => fs.existsSync(c), [req.query.path]);
    res.json({ result, ok: fs.existsSync(d) });
  });
`;

ruleTester.run('context: request-time code and offload boundaries', rule, {
  valid: [
    {
      name: 'a worker_threads entry file',
      filename: 'src/workers/resize.ts',
      code: ts`
        import fs from 'fs';
        import { parentPort, workerData } from 'node:worker_threads';
        import http from 'node:http';
        parentPort.on('message', (message) => parentPort.postMessage(fs.existsSync(a)));
        http.createServer((req, res) => res.end(String(fs.existsSync(b))));
      `,
    },
    {
      name: 'a workerpool worker file',
      code: ts`
        const fs = require('fs');
        const workerpool = require('workerpool');
        function hash(path) {
          return fs.existsSync(a);
        }
        workerpool.worker({ hash });
      `,
    },
    {
      name: 'a piscina task file that reads workerData, even in a folder of handlers',
      filename: 'server/api/task.ts',
      code: ts`
        import fs from 'fs';
        import { workerData } from 'piscina';
        export default (task) => fs.existsSync(workerData.path);
      `,
    },
  ],
  invalid: [
    invalid('setImmediate, setTimeout, queueMicrotask, promise executors and .then, nextTick', laterOrNow, {
      'fs.existsSync(a)': 'Express route handler',
      'fs.existsSync(b)': 'Express route handler',
      'fs.existsSync(c)': 'Express route handler',
      'fs.existsSync(d)': 'Express route handler',
      'fs.existsSync(e)': 'Express route handler',
      'fs.existsSync(f)': 'Express route handler',
    }),
    invalid('code written into new Worker(...) or a pool’s exec(fn) runs on a worker thread', workerCode, {
      'fs.existsSync(d)': 'Express route handler',
    }),
    // Each of these files names only one of the two, as the text pre-check (mayOffload) looks for them.
    invalid('code written into the global Worker, in a file that names no workerpool', ts`
      import fs from 'fs';
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => {
        new Worker(\`(\${() => fs.existsSync(a)})()\`, { eval: true });
        res.send(fs.existsSync(b));
      });
    `, { 'fs.existsSync(b)': 'Express route handler' }),
    invalid('a function passed to a pool’s exec, in a file that names no Worker', ts`
      const fs = require('fs');
      const express = require('express');
      const workerpool = require('workerpool');
      const app = express();
      const pool = workerpool.pool();
      app.get('/', async (req, res) => {
        const exists = await pool.exec((path) => fs.existsSync(path), [a]);
        res.send(exists && fs.existsSync(b));
      });
    `, { 'fs.existsSync(b)': 'Express route handler' }),
    // A function declaration is offloaded when its name is read inside worker code, not a parameter.
    invalid('a handler that passes its request into new Worker(...) still runs on the event loop', ts`
      import fs from 'fs';
      import express from 'express';
      import { Worker } from 'node:worker_threads';
      const app = express();
      function resize(req, res) {
        const config = fs.existsSync(a);
        const worker = new Worker('./resize-worker.js', { workerData: { id: req.params.id, config } });
        worker.once('message', (result) => res.send(result));
      }
      app.get('/images/:id/resize', resize);
    `, { 'fs.existsSync(a)': 'Express route handler' }),
    invalid('importing Worker alone does not make a file a worker', ts`
      import fs from 'fs';
      import express from 'express';
      import { Worker, isMainThread } from 'node:worker_threads';
      const app = express();
      app.get('/', (req, res) => res.send(fs.existsSync(a)));
    `, { 'fs.existsSync(a)': 'Express route handler' }),
  ],
});
