/**
 * no-sync-fs: import styles, what is not flagged, and the messages. Handler shapes, options and
 * suggestions have their own files (no-sync-fs-*.test.ts).
 */
import { blockingData, EXPRESS_ROUTE, PROMISES, rule, ruleTester, suggestionData, ts } from './no-sync-fs.helpers.js';

const EXPRESS_SUGGESTION = { messageId: 'useAwaited', data: suggestionData(EXPRESS_ROUTE) } as const;

ruleTester.run('no-sync-fs: import styles', rule, {
  valid: [],
  invalid: [
    {
      name: 'ESM default import',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM namespace import of node:fs',
      code: ts`
        import * as fs from 'node:fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import * as fs from 'node:fs';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM aliased named import',
      code: ts`
        import { readFileSync as r } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(r(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import { readFileSync as r } from 'fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS require of the module object',
      code: ts`
        const fs = require('fs');
        const express = require('express');
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                const fs = require('fs');
                const express = require('express');
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS destructured require of node:fs',
      code: ts`
        const { readFileSync } = require('node:fs');
        const express = require('express');
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                const { readFileSync } = require('node:fs');
                const express = require('express');
                const { readFile } = require('node:fs/promises');
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'process.getBuiltinModule() called inline',
      code: ts`
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(process.getBuiltinModule('fs').readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 58,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await process.getBuiltinModule('fs').promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'process.getBuiltinModule() kept in a variable',
      code: ts`
        import express from 'express';
        const fs = process.getBuiltinModule('node:fs');
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import express from 'express';
                const fs = process.getBuiltinModule('node:fs');
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'fs.readFileSync.call(): reported on the whole call, no suggestion',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync.call(fs, p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'fs.readFileSync.apply(): reported on the whole call, no suggestion',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync.apply(fs, [p]));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a named import run through .call(), and passed to .map(): reported on the whole call, no suggestion',
      code: ts`
        import { readFileSync } from 'node:fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync.call(null, p));
          res.send(req.body.paths.map(readFileSync));
        });
      `,
      errors: [
        { messageId: 'blocking', data: blockingData(EXPRESS_ROUTE), line: 5, column: 12, endLine: 5, endColumn: 38, suggestions: [] },
        { messageId: 'blocking', data: blockingData(EXPRESS_ROUTE), line: 6, column: 12, endLine: 6, endColumn: 44, suggestions: [] },
      ],
    },
    {
      name: 'a destructured require() run through .apply(): reported on the whole call, no suggestion',
      code: ts`
        const { readFileSync: read } = require('fs');
        const express = require('express');
        const app = express();
        app.get('/', (req, res) => {
          res.send(read.apply(null, [p]));
        });
      `,
      errors: [
        { messageId: 'blocking', data: blockingData(EXPRESS_ROUTE), line: 5, column: 12, endLine: 5, endColumn: 33, suggestions: [] },
      ],
    },
    {
      name: 'TypeScript import fs = require()',
      code: ts`
        import fs = require('fs');
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import fs = require('fs');
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'the function kept in a local variable',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          const read = fs.readFileSync;
          res.send(read(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 19,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import fs from 'fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  const read = fs.readFileSync;
                  res.send(await readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'graceful-fs is fs too',
      code: ts`
        import gfs from 'graceful-fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(gfs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              ...EXPRESS_SUGGESTION,
              output: ts`
                import gfs from 'graceful-fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: not flagged', rule, {
  valid: [
    {
      name: 'a user function whose name ends in Sync',
      code: ts`
        import express from 'express';
        const app = express();
        function loadSync() {
          return 1;
        }
        app.get('/', (req, res) => {
          res.send(loadSync());
        });
      `,
    },
    {
      name: 'a readFileSync method of an object that is not fs',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const cache = { readFileSync: (path: string) => path };
        app.get('/', (req, res) => {
          res.send(cache.readFileSync(p));
        });
      `,
    },
    {
      name: 'a local variable named fs that is not the module',
      code: ts`
        import express from 'express';
        const app = express();
        const fs = { readFileSync: (path: string) => path };
        app.get('/', (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
    },
    {
      name: 'a handler-local fs that shadows the imported module',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => {
          const fs = { readFileSync: (path: string) => path };
          res.send(fs.readFileSync(p));
        });
      `,
    },
    {
      name: 'fs.promises.readFile',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(await fs.promises.readFile(p));
        });
      `,
    },
    {
      name: 'node:fs/promises and fs/promises imports',
      code: ts`
        import { readFile } from 'node:fs/promises';
        import * as fsp from 'fs/promises';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(await readFile(p), await fsp.stat(p));
        });
      `,
    },
    {
      name: 'callback-style fs.readFile',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => {
          fs.readFile(p, (err, data) => res.send(data));
        });
      `,
    },
    {
      name: 'module top level and the app.listen() callback (start-up code)',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
        const app = express();
        app.listen(config.port, () => {
          console.log(fs.readFileSync('banner.txt', 'utf8'));
        });
      `,
    },
    {
      name: 'a function that no handler reaches',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        function loadTemplates() {
          return fs.readFileSync('templates.html', 'utf8');
        }
        app.get('/', (req, res) => res.send('ok'));
      `,
    },
    {
      name: 'a file with no handler at all',
      code: ts`
        import fs from 'fs';
        export function load() {
          return fs.readFileSync(p);
        }
        export const loadAsync = async () => fs.readFileSync(p);
      `,
    },
    {
      name: 'odd calls do not crash the analysis',
      code: ts`
        import fs from 'fs';
        import http from 'http';
        import express from 'express';
        const config = fs.readFileSync(p);
        const nothing = require();
        const builtin = process.getBuiltinModule();
        const dynamic = require(name);
        const app = express();
        app.get();
        app.get('/');
        app.get('/', ...handlers);
        const server = http.createServer();
        server.on();
        server.on(eventName, () => fs.readFileSync(p));
        server.on('request');
      `,
    },
  ],
  invalid: [],
});

ruleTester.run('no-sync-fs: messages', rule, {
  valid: [],
  invalid: [
    {
      name: 'existsSync has no awaited equivalent: advice, no suggestion',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.existsSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blockingNoEquivalent',
          data: {
            call: '`fs.existsSync()`',
            context: EXPRESS_ROUTE,
            advice: `Use \`await access(path)\` from \`${PROMISES}\`, which rejects when the path is missing, or \`await stat(path)\` when you need the entry anyway.`,
          },
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'fd-based APIs have no awaited equivalent; openSync names open() with a caveat',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          const fd = fs.openSync(p, 'r');
          const buffer = Buffer.alloc(16);
          fs.readSync(fd, buffer);
          fs.closeSync(fd);
          res.send(buffer);
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, {
            api: 'fs.openSync',
            replacement: 'open',
            caveat: ' (note that it resolves to a FileHandle, not a numeric file descriptor)',
          }),
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 33,
          suggestions: [],
        },
        {
          messageId: 'blockingNoEquivalent',
          data: {
            call: '`fs.readSync()`',
            context: EXPRESS_ROUTE,
            advice: `Open the file with \`await open()\` from \`${PROMISES}\` and use \`await handle.read()\` on the FileHandle.`,
          },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 26,
        },
        {
          messageId: 'blockingNoEquivalent',
          data: {
            call: '`fs.closeSync()`',
            context: EXPRESS_ROUTE,
            advice: `Open the file with \`await open()\` from \`${PROMISES}\` and use \`await handle.close()\` on the FileHandle.`,
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'globSync names glob() with a caveat and offers no suggestion',
      code: ts`
        import { globSync } from 'node:fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(globSync('*.json'));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, {
            api: 'fs.globSync',
            replacement: 'glob',
            caveat: ' (note that it returns an async iterator, not an array)',
          }),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: 'statSync: data of a blocking message with an empty caveat',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.statSync(p, { throwIfNoEntry: false }));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
  ],
});
