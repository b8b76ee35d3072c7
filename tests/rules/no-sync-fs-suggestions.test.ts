/**
 * no-sync-fs suggestions: the awaited rewrite, the import it needs, parentheses, making the handler
 * async, and the cases where no suggestion is safe.
 */
import { blockingData, EXPRESS_ROUTE, rule, ruleTester, suggestionData, ts } from './no-sync-fs.helpers.js';

const useAwaited = { messageId: 'useAwaited', data: suggestionData(EXPRESS_ROUTE) } as const;
const blocking = { messageId: 'blocking', data: blockingData(EXPRESS_ROUTE) } as const;

ruleTester.run('no-sync-fs suggestions: the awaited call and its import', rule, {
  valid: [],
  invalid: [
    {
      name: 'node:fs named import: import from node:fs/promises after the last import',
      code: ts`
        import { readFileSync } from 'node:fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'node:fs';
                import express from 'express';
                import { readFile } from 'node:fs/promises';
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
      name: 'an existing import { readFile } from node:fs/promises is reused',
      code: ts`
        import { readFileSync } from 'fs';
        import { readFile } from 'node:fs/promises';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p), await readFile(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import { readFile } from 'node:fs/promises';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await readFile(p), await readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing namespace import of fs/promises is reused',
      code: ts`
        import { readFileSync } from 'fs';
        import * as fsp from 'fs/promises';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import * as fsp from 'fs/promises';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await fsp.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing named import of node:fs/promises gets the new name appended',
      code: ts`
        import { readFileSync } from 'node:fs';
        import { stat } from 'node:fs/promises';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p), await stat(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'node:fs';
                import { stat, readFile } from 'node:fs/promises';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await readFile(p), await stat(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'readFile already names the sync function: the import is aliased',
      code: ts`
        import { readFileSync as readFile } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFile(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync as readFile } from 'fs';
                import express from 'express';
                import { readFile as readFileAsync } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await readFileAsync(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'readFile is a local of the handler: the import is aliased',
      code: ts`
        import { readFileSync } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          const readFile = req.query.file;
          res.send(readFileSync(readFile));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import express from 'express';
                import { readFile as readFileAsync } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  const readFile = req.query.file;
                  res.send(await readFileAsync(readFile));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing readFile import shadowed at the call is not reused',
      code: ts`
        import { readFileSync } from 'fs';
        import { readFile } from 'fs/promises';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          const readFile = req.query.file;
          res.send(readFileSync(readFile));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 34,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import { readFile, readFile as readFileAsync } from 'fs/promises';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  const readFile = req.query.file;
                  res.send(await readFileAsync(readFile));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS (script): a require of fs/promises after the last require',
      code: ts`
        const { readFileSync } = require('fs');
        const express = require('express');
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                const { readFileSync } = require('fs');
                const express = require('express');
                const { readFile } = require('fs/promises');
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
      name: 'CommonJS (commonjs): the require goes right after the require line',
      code: ts`
        const { readFileSync } = require('fs');
        const app = require('express')();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          ...blocking,
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                const { readFileSync } = require('fs');
                const { readFile } = require('fs/promises');
                const app = require('express')();
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
      name: 'CommonJS: an existing require of node:fs/promises is reused',
      code: ts`
        const { readFileSync } = require('fs');
        const fsp = require('node:fs/promises');
        const app = require('express')();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                const { readFileSync } = require('fs');
                const fsp = require('node:fs/promises');
                const app = require('express')();
                app.get('/', async (req, res) => {
                  res.send(await fsp.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "tsc's CommonJS output with esModuleInterop: the module's `promises`, through `.default`",
      code: ts`
        "use strict";
        var __importDefault = (this && this.__importDefault) || function (mod) {
            return (mod && mod.__esModule) ? mod : { "default": mod };
        };
        Object.defineProperty(exports, "__esModule", { value: true });
        const express_1 = __importDefault(require("express"));
        const node_fs_1 = __importDefault(require("node:fs"));
        const router = express_1.default.Router();
        router.get('/', async (req, res) => {
            res.send(node_fs_1.default.readFileSync(p));
        });
        exports.default = router;
      `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          ...blocking,
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 47,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                "use strict";
                var __importDefault = (this && this.__importDefault) || function (mod) {
                    return (mod && mod.__esModule) ? mod : { "default": mod };
                };
                Object.defineProperty(exports, "__esModule", { value: true });
                const express_1 = __importDefault(require("express"));
                const node_fs_1 = __importDefault(require("node:fs"));
                const router = express_1.default.Router();
                router.get('/', async (req, res) => {
                    res.send(await node_fs_1.default.promises.readFile(p));
                });
                exports.default = router;
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs suggestions: parentheses', rule, {
  valid: [],
  invalid: [
    {
      name: 'a member access on the result needs parentheses',
      code: ts`
        import { readFileSync } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p).toString());
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send((await readFile(p)).toString());
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an argument needs none',
      code: ts`
        import { readFileSync } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.json(JSON.parse(readFileSync(p, 'utf8')));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 46,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.json(JSON.parse(await readFile(p, 'utf8')));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an optional member access on the result needs parentheses',
      code: ts`
        import { readFileSync } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(readFileSync(p)?.length);
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send((await readFile(p))?.length);
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a non-null assertion, the left of ** and an already awaited call',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send(fs.readFileSync(p)!.length ** 2, fs.statSync(p).size ** 2, await fs.readFileSync(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send((await fs.promises.readFile(p))!.length ** 2, fs.statSync(p).size ** 2, await fs.readFileSync(p));
                });
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
          line: 5,
          column: 45,
          endLine: 5,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(fs.readFileSync(p)!.length ** 2, (await fs.promises.stat(p)).size ** 2, await fs.readFileSync(p));
                });
              `,
            },
          ],
        },
        {
          ...blocking,
          line: 5,
          column: 77,
          endLine: 5,
          endColumn: 95,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(fs.readFileSync(p)!.length ** 2, fs.statSync(p).size ** 2, await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs suggestions: a sync handler becomes async', rule, {
  valid: [],
  invalid: [
    {
      name: 'an arrow function',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => { res.send(fs.readFileSync(p)) });
      `,
      errors: [
        {
          ...blocking,
          line: 4,
          column: 39,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.get('/', async (req, res) => { res.send(await fs.promises.readFile(p)) });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a function expression',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', function show(req, res) {
          res.send(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          ...blocking,
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
                app.get('/', async function show(req, res) {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an object method (Fastify route options)',
      code: ts`
        import fs from 'fs';
        import Fastify from 'fastify';
        const app = Fastify();
        app.route({
          method: 'GET',
          url: '/x',
          handler(req, reply) {
            return fs.readFileSync(p);
          },
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Fastify route handler'),
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Fastify route handler'),
              output: ts`
                import fs from 'fs';
                import Fastify from 'fastify';
                const app = Fastify();
                app.route({
                  method: 'GET',
                  url: '/x',
                  async handler(req, reply) {
                    return await fs.promises.readFile(p);
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS methods: the return type is wrapped in Promise<> unless it already is one',
      code: ts`
        import { readFileSync } from 'fs';
        import { Controller, Get, Param } from '@nestjs/common';
        @Controller('files')
        export class FilesController {
          @Get(':name')
          public find(@Param('name') name: string): string {
            return readFileSync(name, 'utf8');
          }
          @Get()
          list(): Promise<string> {
            return Promise.resolve(readFileSync('index.txt', 'utf8'));
          }
        }
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('NestJS controller method'),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('NestJS controller method'),
              output: ts`
                import { readFileSync } from 'fs';
                import { Controller, Get, Param } from '@nestjs/common';
                import { readFile } from 'fs/promises';
                @Controller('files')
                export class FilesController {
                  @Get(':name')
                  public async find(@Param('name') name: string): Promise<string> {
                    return await readFile(name, 'utf8');
                  }
                  @Get()
                  list(): Promise<string> {
                    return Promise.resolve(readFileSync('index.txt', 'utf8'));
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData('NestJS controller method'),
          line: 11,
          column: 28,
          endLine: 11,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('NestJS controller method'),
              output: ts`
                import { readFileSync } from 'fs';
                import { Controller, Get, Param } from '@nestjs/common';
                import { readFile } from 'fs/promises';
                @Controller('files')
                export class FilesController {
                  @Get(':name')
                  public find(@Param('name') name: string): string {
                    return readFileSync(name, 'utf8');
                  }
                  @Get()
                  async list(): Promise<string> {
                    return Promise.resolve(await readFile('index.txt', 'utf8'));
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js: export function GET(): Response',
      filename: 'app/api/x/route.ts',
      code: ts`
        import fs from 'fs';
        export function GET(): Response {
          return new Response(fs.readFileSync(p));
        }
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Next.js route handler'),
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Next.js route handler'),
              output: ts`
                import fs from 'fs';
                export async function GET(): Promise<Response> {
                  return new Response(await fs.promises.readFile(p));
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js: export const GET = (): Response => ...',
      filename: 'app/api/x/route.ts',
      code: ts`
        import fs from 'fs';
        export const GET = (): Response => new Response(fs.readFileSync(p));
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Next.js route handler'),
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Next.js route handler'),
              output: ts`
                import fs from 'fs';
                export const GET = async (): Promise<Response> => new Response(await fs.promises.readFile(p));
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs suggestions: none where the rewrite is unsafe', rule, {
  valid: [],
  invalid: [
    {
      name: 'unsupported or unknown options, an fd literal, an optional call, spread arguments',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          const stat = fs.statSync(p, { throwIfNoEntry: false });
          const options = { throwIfNoEntry: false };
          const info = fs.statSync(p, options);
          const stdin = fs.readFileSync(0);
          const maybe = fs.readFileSync?.(p);
          const args = [p] as const;
          const spread = fs.readFileSync(...args);
          res.send({ stat, info, stdin, maybe, spread });
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 57,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.statSync', replacement: 'stat' }),
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 39,
          suggestions: [],
        },
        { ...blocking, line: 8, column: 17, endLine: 8, endColumn: 35, suggestions: [] },
        { ...blocking, line: 9, column: 17, endLine: 9, endColumn: 37, suggestions: [] },
        { ...blocking, line: 11, column: 18, endLine: 11, endColumn: 42, suggestions: [] },
      ],
    },
    {
      name: 'sync callbacks and nested functions cannot become async; nor can generators',
      code: ts`
        import { readFileSync } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => {
          const files = [p].map((name) => readFileSync(name));
          function load() {
            return readFileSync(p);
          }
          function* lines() {
            yield readFileSync(p, 'utf8');
          }
          res.send([files, load(), [...lines()]]);
        });
        app.get('/gen', function* (req, res) {
          yield readFileSync(p);
        });
      `,
      errors: [
        { ...blocking, line: 5, column: 35, endLine: 5, endColumn: 53, suggestions: [] },
        { ...blocking, line: 7, column: 12, endLine: 7, endColumn: 27, suggestions: [] },
        { ...blocking, line: 10, column: 11, endLine: 10, endColumn: 34, suggestions: [] },
        { ...blocking, line: 15, column: 9, endLine: 15, endColumn: 24, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs suggestions: directives stay first', rule, {
  valid: [],
  invalid: [
    {
      name: "'use strict' (CommonJS): the require goes after the directive",
      code: ts`
        'use strict';
        const app = require('express')();
        app.get('/', async (req, res) => {
          const { readFileSync } = require('fs');
          res.send(readFileSync(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                'use strict';
                const { readFile } = require('fs/promises');
                const app = require('express')();
                app.get('/', async (req, res) => {
                  const { readFileSync } = require('fs');
                  res.send(await readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "'use server' with no imports: the import goes after the directive",
      filename: 'app/api/x/route.ts',
      code: ts`
        'use server';
        export async function GET() {
          const { readFileSync } = process.getBuiltinModule('fs');
          return new Response(readFileSync(p));
        }
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Next.js route handler'),
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Next.js route handler'),
              output: ts`
                'use server';
                import { readFile } from 'fs/promises';
                export async function GET() {
                  const { readFileSync } = process.getBuiltinModule('fs');
                  return new Response(await readFile(p));
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "'use server' with imports: the import goes after the last import",
      filename: 'app/api/x/route.ts',
      code: ts`
        'use server';
        import { readFileSync } from 'node:fs';
        export async function GET() {
          return new Response(readFileSync(p));
        }
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Next.js route handler'),
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Next.js route handler'),
              output: ts`
                'use server';
                import { readFileSync } from 'node:fs';
                import { readFile } from 'node:fs/promises';
                export async function GET() {
                  return new Response(await readFile(p));
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs suggestions: a callee in parentheses', rule, {
  valid: [],
  invalid: [
    {
      name: "TypeScript's CommonJS output (0, fs_1.readFileSync)(p): only the name changes",
      code: ts`
        const fs_1 = require('fs');
        const app = require('express')();
        app.get('/', async (req, res) => {
          res.send((0, fs_1.readFileSync)(p));
        });
      `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          ...blocking,
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                const fs_1 = require('fs');
                const app = require('express')();
                app.get('/', async (req, res) => {
                  res.send(await (0, fs_1.promises.readFile)(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a parenthesised callee keeps its parentheses',
      code: ts`
        import { readFileSync } from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send((readFileSync)(p));
        });
      `,
      errors: [
        {
          ...blocking,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              ...useAwaited,
              output: ts`
                import { readFileSync } from 'fs';
                import express from 'express';
                import { readFile } from 'fs/promises';
                const app = express();
                app.get('/', async (req, res) => {
                  res.send(await (readFile)(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a callee that picks one of two functions: no suggestion',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          res.send((req.query.raw ? fs.readFileSync : read)(p));
        });
      `,
      errors: [{ ...blocking, line: 5, column: 12, endLine: 5, endColumn: 55, suggestions: [] }],
    },
  ],
});
