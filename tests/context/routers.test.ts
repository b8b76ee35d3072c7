/**
 * Handler recognition for router frameworks: Express, Fastify, Koa and @koa/router, Hono, Elysia,
 * Connect. Shapes follow each framework's own documentation.
 */
import { invalid, rule, ruleTester, ts } from './helpers.js';

const EXPRESS = 'Express route handler';
const FASTIFY = 'Fastify route handler';

const expressShapes = ts`
  import fs from 'fs';
  import express from 'express';
  const app = express();
  const api = express.Router();
  function cb0(req, res, next) {
    fs.existsSync(a);
    next();
  }
  const cb1 = (req, res, next) => next(fs.existsSync(b));
  app.get('/example', [cb0, cb1], (req, res, next) => next(), (req, res) => res.send(fs.existsSync(c)));
  api.use(function timeLog(req, res, next) {
    next(fs.existsSync(d));
  });
  app.route('/book').get((req, res) => res.send(fs.existsSync(e))).post((req, res) => res.send(fs.existsSync(f)));
  app.param('id', (req, res, next, id) => next(fs.existsSync(g)));
  app.use((err, req, res, next) => res.status(500).send(fs.existsSync(h)));
  app.use('/api', api);
  app.listen(3000, () => fs.existsSync(i));
`;

const routerParameter = ts`
  import fs from 'fs';
  import type { Router } from 'express';
  import * as express from 'express';
  export function mountUsers(users: Router) {
    users.use((req, res, next) => next(fs.existsSync(a)));
  }
  export function mountAdmin(admin: express.Application) {
    admin.use((req, res, next) => next(fs.existsSync(b)));
  }
`;

const expressCommonJs = ts`
  const fs = require('node:fs');
  const { Router } = require('express');
  const router = Router();
  router.use((req, res, next) => next(fs.existsSync(a)));
  module.exports = router;
`;

const fastifyShapes = ts`
  import fs from 'fs';
  import Fastify from 'fastify';
  const fastify = Fastify({ logger: true });
  const schema = { querystring: { type: 'object' } };
  fastify.route({
    method: 'GET',
    url: '/',
    schema,
    onRequest: async (request, reply) => fs.existsSync(a),
    preHandler: [async (request, reply) => fs.existsSync(b), async (request, reply) => fs.existsSync(c)],
    handler: async (request, reply) => fs.existsSync(d),
  });
  fastify.get('/opts', { preValidation: async (request) => fs.existsSync(e) }, async () => fs.existsSync(f));
  fastify.register(async function (instance, opts) {
    fs.existsSync(g);
    instance.addHook('preHandler', async (request, reply) => fs.existsSync(h));
    instance.decorate('util', () => fs.existsSync(i));
  });
  fastify.setErrorHandler(function (error, request, reply) {
    reply.send(fs.existsSync(j));
  });
  fastify.setNotFoundHandler((request, reply) => reply.send(fs.existsSync(k)));
  fastify.addHook('onReady', async () => fs.existsSync(l));
  fastify.addHook('onClose', async () => fs.existsSync(m));
`;

const fastifyPlugins = ts`
  import fs from 'fs';
  import fp from 'fastify-plugin';
  import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
  export const auth = fp(async (app) => {
    fs.existsSync(a);
    app.addHook('onRequest', async (request) => fs.existsSync(b));
  });
  export default async function routes(app: FastifyInstance) {
    app.addHook('onSend', async (request, reply, payload) => fs.existsSync(c));
  }
  export const metrics: FastifyPluginAsync = async (server) => {
    server.addHook('onResponse', async () => fs.existsSync(d));
  };
`;

const koaShapes = ts`
  import fs from 'fs';
  import Koa from 'koa';
  import Router from '@koa/router';
  const app = new Koa();
  const router = new Router({ prefix: '/users' });
  app.use(async (ctx, next) => {
    ctx.state.ok = fs.existsSync(a);
    await next();
  });
  router.get('user', '/:id', (ctx) => {
    ctx.body = fs.existsSync(b);
  });
  router.param('id', (id, ctx, next) => next(fs.existsSync(c)));
  router.use(async (ctx, next) => next(fs.existsSync(d)));
  app.use(router.routes()).use(router.allowedMethods());
  app.on('error', (err) => fs.existsSync(e));
`;

const koaRouterCommonJs = ts`
  const fs = require('fs');
  const Router = require('koa-router');
  const router = new Router();
  router.del('/users/:id', (ctx) => {
    ctx.body = fs.existsSync(a);
  });
`;

const honoShapes = ts`
  import fs from 'fs';
  import { Hono } from 'hono';
  import { createFactory, createMiddleware } from 'hono/factory';
  import { logger } from 'hono/logger';
  const app = new Hono();
  const book = new Hono();
  book.get('/', (c) => c.json(fs.existsSync(a)));
  app.route('/book', book);
  app.use('*', async (c, next) => {
    c.set('ok', fs.existsSync(b));
    await next();
  });
  app.on('PURGE', '/cache', (c) => c.text(String(fs.existsSync(c1))));
  app.on(['PUT', 'DELETE'], '/post', (c) => c.text(String(fs.existsSync(d))));
  const factory = createFactory();
  const audit = factory.createMiddleware(async (c, next) => next(fs.existsSync(e)));
  const handlers = factory.createHandlers(logger(), audit, (c) => c.json(fs.existsSync(f)));
  app.get('/api', ...handlers);
  export const timing = createMiddleware(async (c, next) => next(fs.existsSync(g)));
  app.onError((err, c) => c.text(String(fs.existsSync(h)), 500));
  app.notFound((c) => c.text(String(fs.existsSync(i)), 404));
  export const api = new Hono().basePath('/api').get('/x', (c) => c.json(fs.existsSync(j)));
`;

const elysiaShapes = ts`
  import fs from 'fs';
  import { Elysia } from 'elysia';
  new Elysia()
    .onBeforeHandle(({ set }) => fs.existsSync(a))
    .derive(({ headers }) => ({ ok: fs.existsSync(b) }))
    .get('/', () => fs.existsSync(c), { beforeHandle: [() => fs.existsSync(d)] })
    .group('/v1', (app) => app.post('/user', ({ body }) => fs.existsSync(e)))
    .use((app) => app.put('/x', () => fs.existsSync(f)))
    .ws('/ws', {
      message(ws, message) {
        ws.send(fs.existsSync(g));
      },
    })
    .listen(3000);
`;

const connectShapes = ts`
  import fs from 'fs';
  import connect from 'connect';
  const app = connect();
  app.use('/foo', function fooMiddleware(req, res, next) {
    next(fs.existsSync(a));
  });
  export default function reportsPlugin() {
    return {
      name: 'reports',
      configureServer(server) {
        fs.existsSync(b);
        server.middlewares.use((req, res, next) => next(fs.existsSync(c)));
      },
    };
  }
`;

ruleTester.run('context: Express', rule, {
  valid: [
    {
      name: 'look-alikes: map.get(key, fn), cache.get(x), emitter.on(data), app.set, app.listen',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        import { EventEmitter } from 'node:events';
        const app = express();
        const map = new Map();
        const key = 'users';
        map.get(key, () => fs.existsSync(a));
        const cache = new Map();
        app.get('/', (req, res) => res.send(cache.get('x')));
        const emitter = new EventEmitter();
        emitter.on('data', () => fs.existsSync(b));
        app.set('view engine', () => fs.existsSync(c));
        app.listen(3000, () => fs.existsSync(d));
      `,
    },
    {
      name: 'callbacks of array and promise methods whose result is registered run once, at start-up',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const checks = [];
        const plugins = [];
        app.get('/checked', checks.filter((check) => fs.existsSync(a)));
        app.use(plugins.find((plugin) => fs.existsSync(b)));
        app.get('/names', checks.map((check) => fs.existsSync(c)));
      `,
    },
    {
      name: 'functions of an object, an instance or a factory of the file that are only called at start-up or passed elsewhere',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const cache = {
          warm() {
            return fs.existsSync(a);
          },
        };
        class Templates {
          compile(name) {
            return fs.existsSync(b);
          }
        }
        function createJobs() {
          return { cleanUp: () => fs.existsSync(c) };
        }
        const templates = new Templates();
        const jobs = createJobs();
        const hooks = {};
        hooks.flush = () => fs.existsSync(d);
        cache.warm();
        ['home', 'about'].forEach(templates.compile);
        process.on('exit', jobs.cleanUp);
        process.on('SIGTERM', hooks.flush);
        app.get('/', (req, res) => res.send('ok'));
      `,
    },
    {
      // Verdaccio's web middleware: the path is a parameter of the set-up function, run at start-up.
      name: 'a set-up function whose parameter is the path of a route it registers is not that route',
      code: ts`
        import fs from 'fs';
        import express from 'express';
        const router = express.Router();
        function serveLogo(logo) {
          if (fs.existsSync(a)) {
            router.get(logo, (req, res) => res.sendFile(logo));
          }
          return logo;
        }
        serveLogo(process.env.LOGO);
      `,
    },
  ],
  invalid: [
    invalid('app, express.Router(), arrays, app.route chains, param callbacks, error middleware', expressShapes, {
      'fs.existsSync(a)': EXPRESS,
      'fs.existsSync(b)': EXPRESS,
      'fs.existsSync(c)': EXPRESS,
      'fs.existsSync(d)': 'Express middleware',
      'fs.existsSync(e)': EXPRESS,
      'fs.existsSync(f)': EXPRESS,
      'fs.existsSync(g)': 'Express param callback',
      'fs.existsSync(h)': 'Express middleware',
    }),
    invalid('a Router or Application received as an annotated parameter', routerParameter, {
      'fs.existsSync(a)': 'Express middleware',
      'fs.existsSync(b)': 'Express middleware',
    }),
    invalid("CommonJS: const { Router } = require('express')", expressCommonJs, {
      'fs.existsSync(a)': 'Express middleware',
    }),
    invalid(
      "tsc's esModuleInterop output: express_1.default.Router() and (0, express_1.default)()",
      ts`
        "use strict";
        var __importDefault = (this && this.__importDefault) || function (mod) {
            return (mod && mod.__esModule) ? mod : { "default": mod };
        };
        Object.defineProperty(exports, "__esModule", { value: true });
        const node_fs_1 = __importDefault(require("node:fs"));
        const express_1 = __importDefault(require("express"));
        const router = express_1.default.Router();
        router.get('/health', (req, res) => res.send(node_fs_1.default.existsSync(a)));
        const app = (0, express_1.default)();
        app.use((req, res, next) => next(node_fs_1.default.existsSync(b)));
        exports.default = router;
      `,
      {
        'node_fs_1.default.existsSync(a)': EXPRESS,
        'node_fs_1.default.existsSync(b)': 'Express middleware',
      },
    ),
    invalid(
      "a function read off an object, a class, an instance or a factory's result of the file where it is registered",
      ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const health = {
          live(req, res) {
            res.send(fs.existsSync(a));
          },
        };
        class UsersController {
          list(req, res) {
            res.json(fs.existsSync(b));
          }
          show = (req, res) => res.json(fs.existsSync(c));
          static exportCsv(req, res) {
            res.send(fs.existsSync(d));
          }
        }
        function createOrdersController(dir) {
          function list(req, res) {
            res.json(fs.existsSync(e));
          }
          return { list, show: (req, res) => res.json(fs.existsSync(f)) };
        }
        const users = new UsersController();
        const orders = createOrdersController('/data/orders');
        app.get('/health', health.live);
        app.get('/users', users.list);
        app.get('/users/:id', users.show);
        app.get('/users.csv', UsersController.exportCsv);
        app.get('/orders', orders.list);
        app.get('/orders/:id', orders.show);
      `,
      {
        'fs.existsSync(a)': EXPRESS,
        'fs.existsSync(b)': EXPRESS,
        'fs.existsSync(c)': EXPRESS,
        'fs.existsSync(d)': EXPRESS,
        'fs.existsSync(e)': EXPRESS,
        'fs.existsSync(f)': EXPRESS,
      },
    ),
    invalid(
      "the functions destructured from a factory's object or an instance: const { list, show: showOrder } = createOrdersController()",
      ts`
        import fs from 'fs';
        import express from 'express';
        function createOrdersController(dir) {
          return {
            list: (req, res) => res.json(fs.existsSync(a)),
            show: (req, res) => res.json(fs.existsSync(b)),
          };
        }
        class Health {
          live = (req, res) => res.send(fs.existsSync(c));
        }
        const { list, show: showOrder } = createOrdersController('/data/orders');
        const { live } = new Health();
        const app = express();
        app.get('/orders', list);
        app.get('/orders/:id', showOrder);
        app.get('/health', live);
      `,
      {
        'fs.existsSync(a)': EXPRESS,
        'fs.existsSync(b)': EXPRESS,
        'fs.existsSync(c)': EXPRESS,
      },
    ),
    invalid(
      'a function assigned to a member of an object declared empty, registered off the object or a factory that returns it',
      ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const usersController = {};
        usersController.list = (req, res) => {
          res.json(fs.existsSync(a));
        };
        usersController.show = function (req, res) {
          res.json(fs.existsSync(b));
        };
        function createOrdersController(dir) {
          const controller = {};
          controller.list = (req, res) => res.json(fs.existsSync(c));
          return controller;
        }
        const orders = createOrdersController('/data/orders');
        app.get('/users', usersController.list);
        app.get('/users/:id', usersController.show);
        app.get('/orders', orders.list);
      `,
      {
        'fs.existsSync(a)': EXPRESS,
        'fs.existsSync(b)': EXPRESS,
        'fs.existsSync(c)': EXPRESS,
      },
    ),
    invalid(
      'a function of an object a factory returns frozen, or keeps in a const and returns, registered off its result',
      ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        function createInvoicesController(dir) {
          return Object.freeze({
            list(req, res) {
              res.json(fs.existsSync(a));
            },
          });
        }
        function createReceiptsController(dir) {
          const controller = {
            show: (req, res) => res.json(fs.existsSync(b)),
          };
          return Object.freeze(controller);
        }
        function createRefundsController(dir) {
          const controller = { list: (req, res) => res.json(fs.existsSync(c)) };
          return controller;
        }
        const invoices = createInvoicesController('/data/invoices');
        const receipts = createReceiptsController('/data/receipts');
        const { list: listRefunds } = createRefundsController('/data/refunds');
        app.get('/invoices', invoices.list);
        app.get('/receipts/:id', receipts.show);
        app.get('/refunds', listRefunds);
      `,
      {
        'fs.existsSync(a)': EXPRESS,
        'fs.existsSync(b)': EXPRESS,
        'fs.existsSync(c)': EXPRESS,
      },
    ),
    invalid(
      'a class that registers its own methods (this.list, this.show.bind(this)), and a bound method of an object',
      ts`
        import fs from 'fs';
        import express from 'express';
        class UsersRoutes {
          router = express.Router();
          constructor() {
            this.router.get('/users', this.list);
            this.router.get('/users/:id', this.show.bind(this));
          }
          list(req, res) {
            res.json(fs.existsSync(a));
          }
          show(req, res) {
            res.json(fs.existsSync(b));
          }
        }
        const health = {
          live(req, res) {
            res.send(fs.existsSync(c));
          },
        };
        const app = express();
        app.use('/api', new UsersRoutes().router);
        app.get('/health', health.live.bind(health));
      `,
      {
        'fs.existsSync(a)': EXPRESS,
        'fs.existsSync(b)': EXPRESS,
        'fs.existsSync(c)': EXPRESS,
      },
    ),
    invalid(
      'routes.map((route) => (req, res) => ...): the functions the mapper makes are the handlers',
      ts`
        import fs from 'fs';
        import express from 'express';
        const app = express();
        const pages = ['about', 'terms'];
        app.get('/pages', pages.map((page) => (req, res) => res.send(fs.existsSync(a))));
      `,
      { 'fs.existsSync(a)': EXPRESS },
    ),
  ],
});

ruleTester.run('context: Fastify', rule, {
  valid: [],
  invalid: [
    invalid('route() options, shorthand options, register, error and not-found handlers; not onReady/onClose', fastifyShapes, {
      'fs.existsSync(a)': 'Fastify onRequest hook',
      'fs.existsSync(b)': 'Fastify preHandler hook',
      'fs.existsSync(c)': 'Fastify preHandler hook',
      'fs.existsSync(d)': FASTIFY,
      'fs.existsSync(e)': 'Fastify preValidation hook',
      'fs.existsSync(f)': FASTIFY,
      'fs.existsSync(h)': 'Fastify preHandler hook',
      'fs.existsSync(j)': 'Fastify error handler',
      'fs.existsSync(k)': 'Fastify not-found handler',
    }),
    invalid('fastify-plugin, a FastifyInstance parameter, a FastifyPluginAsync constant', fastifyPlugins, {
      'fs.existsSync(b)': 'Fastify onRequest hook',
      'fs.existsSync(c)': 'Fastify onSend hook',
      'fs.existsSync(d)': 'Fastify onResponse hook',
    }),
    invalid(
      "a class's own methods in route options ({ handler: this.list }) and in a hook (addHook('onRequest', this.audit))",
      ts`
        import fs from 'fs';
        import Fastify from 'fastify';
        const app = Fastify();
        class ReportsApi {
          constructor() {
            app.route({ method: 'GET', url: '/reports', handler: this.list });
          }
          async list(request, reply) {
            return fs.existsSync(a);
          }
        }
        class Audit {
          constructor() {
            app.addHook('onRequest', this.audit);
          }
          async audit(request) {
            fs.existsSync(b);
          }
        }
        new ReportsApi();
        new Audit();
      `,
      {
        'fs.existsSync(a)': FASTIFY,
        'fs.existsSync(b)': 'Fastify onRequest hook',
      },
    ),
  ],
});

const fastifyCommonJsPlugin = ts`
  const fs = require('node:fs');
  module.exports = async function (fastify, opts) {
    fastify.addHook('preHandler', async (request) => fs.existsSync(a));
    fastify.route({ method: 'POST', url: '/x', handler: async () => fs.existsSync(b) });
    fastify.addHook('onClose', async () => fs.existsSync(c));
    cache.route({ ttl: 10, load: () => fs.existsSync(d) });
  };
`;

ruleTester.run('context: Fastify methods on a receiver the file does not show', rule, {
  valid: [
    {
      name: 'fastify: false turns the signature methods off too',
      settings: { 'event-loop': { frameworks: { fastify: false } } },
      code: fastifyCommonJsPlugin,
    },
  ],
  invalid: [
    invalid('a CommonJS plugin: addHook and route({ handler }) mean Fastify', fastifyCommonJsPlugin, {
      'fs.existsSync(a)': 'Fastify preHandler hook',
      'fs.existsSync(b)': FASTIFY,
    }),
  ],
});

ruleTester.run('context: Koa', rule, {
  valid: [],
  invalid: [
    invalid('new Koa() middleware; @koa/router named routes, param and use; not app.on(error)', koaShapes, {
      'fs.existsSync(a)': 'Koa middleware',
      'fs.existsSync(b)': 'Koa router route handler',
      'fs.existsSync(c)': 'Koa router param middleware',
      'fs.existsSync(d)': 'Koa router middleware',
    }),
    invalid("koa-router through require(), router.del()", koaRouterCommonJs, {
      'fs.existsSync(a)': 'Koa router route handler',
    }),
  ],
});

ruleTester.run('context: Hono', rule, {
  valid: [],
  invalid: [
    invalid('routes, sub-apps, app.on, middleware, createFactory handlers, createMiddleware, onError, notFound, basePath', honoShapes, {
      'fs.existsSync(a)': 'Hono route handler',
      'fs.existsSync(b)': 'Hono middleware',
      'fs.existsSync(c1)': 'Hono route handler',
      'fs.existsSync(d)': 'Hono route handler',
      'fs.existsSync(e)': 'Hono middleware',
      'fs.existsSync(f)': 'Hono route handler',
      'fs.existsSync(g)': 'Hono middleware',
      'fs.existsSync(h)': 'Hono error handler',
      'fs.existsSync(i)': 'Hono not-found handler',
      'fs.existsSync(j)': 'Hono route handler',
    }),
  ],
});

ruleTester.run('context: Elysia', rule, {
  valid: [],
  invalid: [
    invalid('chained routes, lifecycle hooks, route options, group and plugin callbacks, ws', elysiaShapes, {
      'fs.existsSync(a)': 'Elysia onBeforeHandle hook',
      'fs.existsSync(b)': 'Elysia derive hook',
      'fs.existsSync(c)': 'Elysia route handler',
      'fs.existsSync(d)': 'Elysia beforeHandle hook',
      'fs.existsSync(e)': 'Elysia route handler',
      'fs.existsSync(f)': 'Elysia route handler',
      'fs.existsSync(g)': 'Elysia WebSocket message handler',
    }),
  ],
});

ruleTester.run('context: Connect', rule, {
  valid: [],
  invalid: [
    invalid("connect() middleware; Vite's server.middlewares.use() in configureServer", connectShapes, {
      'fs.existsSync(a)': 'Connect middleware',
      'fs.existsSync(c)': 'Connect middleware',
    }),
  ],
});
