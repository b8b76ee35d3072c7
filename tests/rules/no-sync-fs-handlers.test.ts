/**
 * no-sync-fs: which functions are request handlers (Express, Fastify, Koa, Hono, NestJS, Next.js,
 * node:http), and that everything lexically inside a handler counts.
 */
import { blockingData, EXPRESS_ROUTE, rule, ruleTester, suggestionData, ts } from './no-sync-fs.helpers.js';

const FASTIFY_ROUTE = 'Fastify route handler';
const HTTP_LISTENER = 'node:http request listener';
const NEXT_ROUTE = 'Next.js route handler';

ruleTester.run('no-sync-fs: Express', rule, {
  valid: [],
  invalid: [
    {
      name: 'express.Router(): a sync route handler',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const router = express.Router();
        router.post('/x', (req, res) => {
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
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const router = express.Router();
                router.post('/x', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Router() as a named import',
      code: ts`
        import fs from 'fs';
        import { Router } from 'express';
        const router = Router();
        router.get('/x', async (req, res) => {
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
              messageId: 'useAwaited',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import { Router } from 'express';
                const router = Router();
                router.get('/x', async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "app.route('/x').get(...).put(...)",
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app
          .route('/x')
          .get((req, res) => res.send(fs.readFileSync(p)))
          .put(async (req, res) => res.send(fs.readFileSync(p)));
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app
                  .route('/x')
                  .get(async (req, res) => res.send(await fs.promises.readFile(p)))
                  .put(async (req, res) => res.send(fs.readFileSync(p)));
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app
                  .route('/x')
                  .get((req, res) => res.send(fs.readFileSync(p)))
                  .put(async (req, res) => res.send(await fs.promises.readFile(p)));
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a middleware in an array of handlers, and the final handler',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const audit = (req, res, next) => {
          fs.appendFileSync('audit.log', req.url);
          next();
        };
        app.post('/x', [audit, express.json()], async (req, res) => {
          res.send(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.appendFileSync', replacement: 'appendFile' }),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(EXPRESS_ROUTE, { api: 'fs.appendFileSync', replacement: 'appendFile' }),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                const audit = async (req, res, next) => {
                  await fs.promises.appendFile('audit.log', req.url);
                  next();
                };
                app.post('/x', [audit, express.json()], async (req, res) => {
                  res.send(fs.readFileSync(p));
                });
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                const audit = (req, res, next) => {
                  fs.appendFileSync('audit.log', req.url);
                  next();
                };
                app.post('/x', [audit, express.json()], async (req, res) => {
                  res.send(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'app.use() middleware and error middleware with four parameters',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          fs.accessSync(p);
          next();
        });
        app.use((err, req, res, next) => {
          res.status(500).send(fs.readFileSync('500.html'));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Express middleware', { api: 'fs.accessSync', replacement: 'access' }),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Express middleware', { api: 'fs.accessSync', replacement: 'access' }),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.use(async (req, res, next) => {
                  await fs.promises.access(p);
                  next();
                });
                app.use((err, req, res, next) => {
                  res.status(500).send(fs.readFileSync('500.html'));
                });
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData('Express middleware'),
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Express middleware'),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.use((req, res, next) => {
                  fs.accessSync(p);
                  next();
                });
                app.use(async (err, req, res, next) => {
                  res.status(500).send(await fs.promises.readFile('500.html'));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a handler wrapped in asyncHandler()',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        import asyncHandler from 'express-async-handler';
        const app = express();
        app.get(
          '/x',
          asyncHandler(async (req, res) => {
            res.send(fs.readFileSync(p));
          }),
        );
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                import asyncHandler from 'express-async-handler';
                const app = express();
                app.get(
                  '/x',
                  asyncHandler(async (req, res) => {
                    res.send(await fs.promises.readFile(p));
                  }),
                );
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a function declared first and registered by name',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        function listUsers(req, res) {
          res.json(JSON.parse(fs.readFileSync('users.json', 'utf8')));
        }
        app.get('/users', listUsers);
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                async function listUsers(req, res) {
                  res.json(JSON.parse(await fs.promises.readFile('users.json', 'utf8')));
                }
                app.get('/users', listUsers);
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'shape only: a route on a router received as a parameter, no framework import',
      code: ts`
        import fs from 'fs';
        export function mount(router) {
          router.get('/path', (req, res) => {
            res.send(fs.readFileSync(p));
          });
        }
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('route handler'),
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('route handler'),
              output: ts`
                import fs from 'fs';
                export function mount(router) {
                  router.get('/path', async (req, res) => {
                    res.send(await fs.promises.readFile(p));
                  });
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: Fastify', rule, {
  valid: [],
  invalid: [
    {
      name: 'shorthand route',
      code: ts`
        import fs from 'fs';
        import Fastify from 'fastify';
        const app = Fastify();
        app.get('/x', async (req, reply) => {
          return fs.readFileSync(p);
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(FASTIFY_ROUTE),
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(FASTIFY_ROUTE),
              output: ts`
                import fs from 'fs';
                import Fastify from 'fastify';
                const app = Fastify();
                app.get('/x', async (req, reply) => {
                  return await fs.promises.readFile(p);
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'shorthand route with route options',
      code: ts`
        import fs from 'fs';
        import Fastify from 'fastify';
        const app = Fastify();
        const schema = { querystring: { type: 'object' } };
        app.get('/x', { schema }, async (req, reply) => {
          return fs.readFileSync(p);
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(FASTIFY_ROUTE),
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(FASTIFY_ROUTE),
              output: ts`
                import fs from 'fs';
                import Fastify from 'fastify';
                const app = Fastify();
                const schema = { querystring: { type: 'object' } };
                app.get('/x', { schema }, async (req, reply) => {
                  return await fs.promises.readFile(p);
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'app.route() with handler and preHandler',
      code: ts`
        import fs from 'fs';
        import Fastify from 'fastify';
        const app = Fastify();
        app.route({
          method: 'GET',
          url: '/x',
          preHandler: async (req, reply) => {
            fs.accessSync(p);
          },
          handler: async (req, reply) => {
            return fs.readFileSync(p);
          },
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Fastify preHandler hook', { api: 'fs.accessSync', replacement: 'access' }),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Fastify preHandler hook', { api: 'fs.accessSync', replacement: 'access' }),
              output: ts`
                import fs from 'fs';
                import Fastify from 'fastify';
                const app = Fastify();
                app.route({
                  method: 'GET',
                  url: '/x',
                  preHandler: async (req, reply) => {
                    await fs.promises.access(p);
                  },
                  handler: async (req, reply) => {
                    return fs.readFileSync(p);
                  },
                });
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData(FASTIFY_ROUTE),
          line: 11,
          column: 12,
          endLine: 11,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(FASTIFY_ROUTE),
              output: ts`
                import fs from 'fs';
                import Fastify from 'fastify';
                const app = Fastify();
                app.route({
                  method: 'GET',
                  url: '/x',
                  preHandler: async (req, reply) => {
                    fs.accessSync(p);
                  },
                  handler: async (req, reply) => {
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
      name: 'onRequest hooks run per request; onReady and onClose do not',
      code: ts`
        import fs from 'fs';
        import Fastify from 'fastify';
        const app = Fastify();
        app.addHook('onRequest', async (req, reply) => {
          fs.accessSync(p);
        });
        app.addHook('onReady', async () => {
          fs.readFileSync(p);
        });
        app.addHook('onClose', async () => {
          fs.rmSync(p);
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Fastify onRequest hook', { api: 'fs.accessSync', replacement: 'access' }),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Fastify onRequest hook', { api: 'fs.accessSync', replacement: 'access' }),
              output: ts`
                import fs from 'fs';
                import Fastify from 'fastify';
                const app = Fastify();
                app.addHook('onRequest', async (req, reply) => {
                  await fs.promises.access(p);
                });
                app.addHook('onReady', async () => {
                  fs.readFileSync(p);
                });
                app.addHook('onClose', async () => {
                  fs.rmSync(p);
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a plugin: routes on the instance it receives',
      code: ts`
        import fs from 'fs';
        import type { FastifyInstance } from 'fastify';
        export default async function routes(app: FastifyInstance) {
          app.get('/x', async (req, reply) => {
            return fs.readFileSync(p);
          });
        }
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(FASTIFY_ROUTE),
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(FASTIFY_ROUTE),
              output: ts`
                import fs from 'fs';
                import type { FastifyInstance } from 'fastify';
                export default async function routes(app: FastifyInstance) {
                  app.get('/x', async (req, reply) => {
                    return await fs.promises.readFile(p);
                  });
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: Koa and Hono', rule, {
  valid: [],
  invalid: [
    {
      name: 'new Koa() middleware',
      code: ts`
        import fs from 'fs';
        import Koa from 'koa';
        const app = new Koa();
        app.use(async (ctx, next) => {
          ctx.body = fs.readFileSync(p);
          await next();
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Koa middleware'),
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Koa middleware'),
              output: ts`
                import fs from 'fs';
                import Koa from 'koa';
                const app = new Koa();
                app.use(async (ctx, next) => {
                  ctx.body = await fs.promises.readFile(p);
                  await next();
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: '@koa/router route',
      code: ts`
        import fs from 'fs';
        import Router from '@koa/router';
        const router = new Router();
        router.get('/x', async (ctx) => {
          ctx.body = fs.readFileSync(p);
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Koa router route handler'),
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Koa router route handler'),
              output: ts`
                import fs from 'fs';
                import Router from '@koa/router';
                const router = new Router();
                router.get('/x', async (ctx) => {
                  ctx.body = await fs.promises.readFile(p);
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "new Hono(): app.get() and app.on('GET', ...)",
      code: ts`
        import fs from 'fs';
        import { Hono } from 'hono';
        const app = new Hono();
        app.get('/x', (c) => c.body(fs.readFileSync(p)));
        app.on('GET', '/y', (c) => c.body(fs.readFileSync(p)));
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Hono route handler'),
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Hono route handler'),
              output: ts`
                import fs from 'fs';
                import { Hono } from 'hono';
                const app = new Hono();
                app.get('/x', async (c) => c.body(await fs.promises.readFile(p)));
                app.on('GET', '/y', (c) => c.body(fs.readFileSync(p)));
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData('Hono route handler'),
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Hono route handler'),
              output: ts`
                import fs from 'fs';
                import { Hono } from 'hono';
                const app = new Hono();
                app.get('/x', (c) => c.body(fs.readFileSync(p)));
                app.on('GET', '/y', async (c) => c.body(await fs.promises.readFile(p)));
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'chained new Hono().get(...).post(...)',
      code: ts`
        import fs from 'fs';
        import { Hono } from 'hono';
        export const app = new Hono()
          .get('/x', (c) => c.body(fs.readFileSync(p)))
          .post('/y', async (c) => c.body(fs.readFileSync(p)));
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Hono route handler'),
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Hono route handler'),
              output: ts`
                import fs from 'fs';
                import { Hono } from 'hono';
                export const app = new Hono()
                  .get('/x', async (c) => c.body(await fs.promises.readFile(p)))
                  .post('/y', async (c) => c.body(fs.readFileSync(p)));
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData('Hono route handler'),
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData('Hono route handler'),
              output: ts`
                import fs from 'fs';
                import { Hono } from 'hono';
                export const app = new Hono()
                  .get('/x', (c) => c.body(fs.readFileSync(p)))
                  .post('/y', async (c) => c.body(await fs.promises.readFile(p)));
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: NestJS and Next.js', rule, {
  valid: [
    {
      name: 'Next.js route exports outside an app/**/route.ts file',
      filename: 'lib/x.ts',
      code: ts`
        import fs from 'fs';
        export async function GET() {
          return new Response(fs.readFileSync(p));
        }
        export const POST = async () => new Response(fs.readFileSync(p));
        async function handler() {
          return new Response(fs.readFileSync(p));
        }
        export { handler as PUT };
      `,
    },
  ],
  invalid: [
    {
      name: 'a route method of a @Controller(); not an undecorated method, not a non-controller class',
      code: ts`
        import fs from 'fs';
        import { Controller, Get, Injectable } from '@nestjs/common';
        @Controller('users')
        export class UsersController {
          @Get()
          find(): string {
            return fs.readFileSync('users.json', 'utf8');
          }
          helper(): string {
            return fs.readFileSync('users.json', 'utf8');
          }
        }
        @Injectable()
        export class UsersService {
          @Get()
          find(): string {
            return fs.readFileSync('users.json', 'utf8');
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
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('NestJS controller method'),
              output: ts`
                import fs from 'fs';
                import { Controller, Get, Injectable } from '@nestjs/common';
                @Controller('users')
                export class UsersController {
                  @Get()
                  async find(): Promise<string> {
                    return await fs.promises.readFile('users.json', 'utf8');
                  }
                  helper(): string {
                    return fs.readFileSync('users.json', 'utf8');
                  }
                }
                @Injectable()
                export class UsersService {
                  @Get()
                  find(): string {
                    return fs.readFileSync('users.json', 'utf8');
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js: export async function GET and export const POST',
      filename: 'app/api/x/route.ts',
      code: ts`
        import fs from 'fs';
        export async function GET() {
          return new Response(fs.readFileSync(p));
        }
        export const POST = async () => new Response(fs.readFileSync(p));
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(NEXT_ROUTE),
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(NEXT_ROUTE),
              output: ts`
                import fs from 'fs';
                export async function GET() {
                  return new Response(await fs.promises.readFile(p));
                }
                export const POST = async () => new Response(fs.readFileSync(p));
              `,
            },
          ],
        },
        {
          messageId: 'blocking',
          data: blockingData(NEXT_ROUTE),
          line: 5,
          column: 46,
          endLine: 5,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(NEXT_ROUTE),
              output: ts`
                import fs from 'fs';
                export async function GET() {
                  return new Response(fs.readFileSync(p));
                }
                export const POST = async () => new Response(await fs.promises.readFile(p));
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js: export { handler as GET }',
      filename: 'app/api/x/route.ts',
      code: ts`
        import fs from 'fs';
        async function handler() {
          return new Response(fs.readFileSync(p));
        }
        export { handler as GET };
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(NEXT_ROUTE),
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(NEXT_ROUTE),
              output: ts`
                import fs from 'fs';
                async function handler() {
                  return new Response(await fs.promises.readFile(p));
                }
                export { handler as GET };
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: node:http', rule, {
  valid: [
    {
      name: 'look-alike registrations that are not handlers',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        import { EventEmitter } from 'node:events';
        const app = express();
        const map = new Map();
        const key = 'users';
        map.get(key, () => fs.readFileSync(p));
        const cache = new Map();
        app.get('/', (req, res) => res.send(cache.get('x')));
        const emitter = new EventEmitter();
        emitter.on('data', () => fs.readFileSync(p));
      `,
    },
  ],
  invalid: [
    {
      name: 'http.createServer((req, res) => ...)',
      code: ts`
        import fs from 'fs';
        import http from 'http';
        http.createServer((req, res) => {
          res.end(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(HTTP_LISTENER),
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData(HTTP_LISTENER),
              output: ts`
                import fs from 'fs';
                import http from 'http';
                http.createServer(async (req, res) => {
                  res.end(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "createServer as a named import from 'node:http'",
      code: ts`
        import fs from 'fs';
        import { createServer } from 'node:http';
        createServer(async (req, res) => {
          res.end(fs.readFileSync(p));
        }).listen(3000);
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(HTTP_LISTENER),
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(HTTP_LISTENER),
              output: ts`
                import fs from 'fs';
                import { createServer } from 'node:http';
                createServer(async (req, res) => {
                  res.end(await fs.promises.readFile(p));
                }).listen(3000);
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'https.createServer(options, fn); reading the keys at start-up is fine',
      code: ts`
        import fs from 'fs';
        import https from 'https';
        const options = { key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') };
        https.createServer(options, async (req, res) => {
          res.end(fs.readFileSync(p));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(HTTP_LISTENER),
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(HTTP_LISTENER),
              output: ts`
                import fs from 'fs';
                import https from 'https';
                const options = { key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') };
                https.createServer(options, async (req, res) => {
                  res.end(await fs.promises.readFile(p));
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "server.on('request') is a request listener; server.on('listening') is not",
      code: ts`
        import fs from 'fs';
        import http from 'node:http';
        const server = http.createServer();
        server.on('request', async (req, res) => {
          res.end(fs.readFileSync(p));
        });
        server.on('listening', () => {
          console.log(fs.readFileSync('banner.txt', 'utf8'));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(HTTP_LISTENER),
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(HTTP_LISTENER),
              output: ts`
                import fs from 'fs';
                import http from 'node:http';
                const server = http.createServer();
                server.on('request', async (req, res) => {
                  res.end(await fs.promises.readFile(p));
                });
                server.on('listening', () => {
                  console.log(fs.readFileSync('banner.txt', 'utf8'));
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-sync-fs: everything lexically inside a handler', rule, {
  valid: [],
  invalid: [
    {
      name: '.map, .then, a promise executor and a setTimeout callback (sync callbacks: no suggestion)',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', async (req, res) => {
          const files = ['a', 'b'].map((name) => fs.readFileSync(name));
          const text = await Promise.resolve(p).then((path) => fs.readFileSync(path, 'utf8'));
          const data = await new Promise((resolve) => resolve(fs.readFileSync(p)));
          setTimeout(() => fs.rmSync(p), 1000);
          res.send({ files, text, data });
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 63,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 85,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 7,
          column: 55,
          endLine: 7,
          endColumn: 73,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE, { api: 'fs.rmSync', replacement: 'rm' }),
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an async callback inside a handler gets the plain awaited rewrite',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => {
          Promise.all([p].map(async (name) => fs.readFileSync(name))).then((files) => res.send(files));
        });
      `,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData(EXPRESS_ROUTE),
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useAwaited',
              data: suggestionData(EXPRESS_ROUTE),
              output: ts`
                import fs from 'fs';
                import express from 'express';
                const app = express();
                app.get('/', (req, res) => {
                  Promise.all([p].map(async (name) => await fs.promises.readFile(name))).then((files) => res.send(files));
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});
