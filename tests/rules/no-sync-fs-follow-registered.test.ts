/**
 * no-sync-fs, handlers written in another module and registered by name: a router file that passes
 * a controller's function to `router.get(...)` is where the framework is told to call it per
 * request, so what that function reaches is reported there, at the function's name. The
 * controllers are on disk in tests/fixtures/follow-calls/ (controllers/reports.ts,
 * legacy/orders-controller.cjs).
 */
import { EXPRESS_ROUTE, rule, ruleTester, ts } from './no-sync-fs.helpers.js';
import { FIX, helperData } from './no-sync-fs-follow.helpers.js';

const FASTIFY_ROUTE = 'Fastify route handler';
const FIX_READ_FILE = 'Use `await readFile()` from `node:fs/promises` there.';
const TEMPLATE_CHAIN = `\`renderTemplate()\` → \`loadTemplate()\` → \`fs.readFileSync()\` (${FIX}/lib/templates.ts:8)`;
const STORE_CHAIN = `\`store.load()\` → \`fs.readFileSync()\` (${FIX}/lib/storage.ts:18)`;
const ORDERS_CHAIN = `\`fs.readFileSync()\` (${FIX}/legacy/orders-controller.cjs:5)`;

/** The report for `handler`, written exactly once in `code` at the registration, as the framework's `context`. */
function registered(code: string, handler: string, chain: string, context = EXPRESS_ROUTE, occurrence = 0, fix = FIX_READ_FILE) {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = code.indexOf(handler, start + 1);
  if (start === -1) throw new Error(`${handler} is not in the code`);
  const before = code.slice(0, start).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return {
    messageId: 'blockingRegisteredHandler' as const,
    data: { handler: handler.replace(/\.bind\(.*$/, ''), context, chain, fix },
    line,
    column,
    endLine: line,
    endColumn: column + handler.length,
    suggestions: [],
  };
}

const esmRouter = ts`
  import express from 'express';
  import asyncHandler from 'express-async-handler';
  import { health, reportsController, showReport } from '../controllers/reports.js';

  const router = express.Router();
  const auth: express.RequestHandler = (req, res, next) => next();

  router.get('/reports/:id', showReport);
  router.get('/reports/:id/pdf', asyncHandler(showReport));
  router.get('/reports/:id/print', [auth, showReport]);
  router.get('/reports', reportsController.list);
  router.get('/reports/:id/view', reportsController.show.bind(reportsController));
  router.get('/health', health);

  export default router;
`;

const cjsRouter = ts`
  const express = require('express');
  const orders = require('../legacy/orders-controller.cjs');
  const { list } = require('../legacy/orders-controller.cjs');

  const router = express.Router();
  router.get('/orders', orders.list);
  router.get('/orders/all', [list]);
  router.get('/orders/health', orders.health);

  module.exports = router;
`;

const USERS_CONTROLLER = `${FIX}/legacy/users-controller.cjs`;

const filledControllerRouter = ts`
  const express = require('express');
  const users = require('../legacy/users-controller.cjs');

  const router = express.Router();
  router.get('/users', users.list);
  router.get('/users/health', users.health);
  router.get('/users/:id', users.show);

  module.exports = router;
`;

const REQUEST_LOG_CHAIN = `\`fs.appendFileSync()\` (${FIX}/legacy/request-log.cjs:7)`;
const FIX_APPEND_FILE = 'Use `await appendFile()` from `node:fs/promises` there.';

const moduleValueRouter = ts`
  const express = require('express');
  const requestLog = require('../legacy/request-log.cjs');

  const app = express();
  app.use(requestLog);
  app.get('/log', requestLog, (req, res) => res.send('logged'));

  module.exports = app;
`;

const moduleValueImported = ts`
  import express from 'express';
  import requestLog from '../legacy/request-log.cjs';

  const app = express();
  app.use(requestLog);
  // Called, not registered: reported where the handler calls it.
  app.get('/log', (req, res, next) => requestLog(req, res, next));

  export default app;
`;

const instanceHere = ts`
  import { Router } from 'express';
  import { ReportsController } from '../controllers/reports.js';

  const controller = new ReportsController();
  export const router = Router();
  router.get('/reports', controller.list);
  router.get('/reports/:id', controller.show.bind(controller));
  router.get('/reports/:id/raw', (req, res) => controller.show(req, res));
`;

const fastifyRoutes = ts`
  import Fastify from 'fastify';
  import { health, showReport } from '../controllers/reports.js';

  const app = Fastify();
  app.route({ method: 'GET', url: '/reports/:id', preHandler: [health], handler: showReport });
  app.get('/reports/:id/raw', { schema: {} }, showReport);
`;

const inRouteOptionsOnly = ts`
  import Fastify from 'fastify';
  import { showReport } from '../controllers/reports.js';

  export const app = Fastify().route({ method: 'GET', url: '/reports/:id', handler: showReport });
`;

/** Instances the router's code receives or keeps: a parameter, a field, a constructor parameter property. */
const instanceParameter = ts`
  import { Router } from 'express';
  import { ReportsController } from '../controllers/reports.js';

  export function reportsRouter(controller: ReportsController): Router {
    const router = Router();
    router.get('/reports', controller.list);
    router.get('/reports/:id', controller.show.bind(controller));
    return router;
  }
`;

const instanceFields = ts`
  import { Router } from 'express';
  import { ReportsController } from '../controllers/reports.js';

  export class ReportsRoutes {
    readonly router = Router();
    private readonly controller = new ReportsController();

    constructor(private readonly injected: ReportsController) {
      this.router.get('/reports', this.controller.list);
      this.router.get('/reports/:id', this.injected.show.bind(this.injected));
    }
  }
`;

const inAnArrayOnly = ts`
  const express = require('express');
  const { list } = require('../legacy/orders-controller.cjs');

  const auth = (req, res, next) => next();
  module.exports = express.Router().get('/orders', [auth, list]);
`;

const lazyLayout = ts`
  import express from 'express';
  import { showLayout } from '../controllers/reports.js';

  export const router = express.Router().get('/layout', showLayout);
`;

const mountedInFunction = ts`
  import express from 'express';
  import reports from '../controllers/reports.js';

  export function mount(router: express.Router): void {
    router.get('/reports/:id', reports.showReport);
  }

  const app = express();
  app.get('/setup', (req, res) => {
    mount(express.Router());
    res.end();
  });
`;

const INVOICES = `${FIX}/controllers/invoices.ts`;

const factoryRouter = ts`
  import express from 'express';
  import { createInvoicesController, invoices } from '../controllers/invoices.js';
  import { getReportsController } from '../controllers/reports.js';

  const router = express.Router();
  const archive = createInvoicesController('/var/lib/invoices/archive');

  router.get('/invoices', invoices.list);
  router.get('/invoices/:id', invoices.show);
  router.get('/archive', archive.list);
  router.get('/archive/:id', archive.show);
  router.get('/archive/health', archive.health);
  router.get('/reports', getReportsController().list);

  const { show: showDraft } = createInvoicesController('/var/lib/invoices/drafts');
  router.get('/drafts/:id', showDraft);

  export default router;
`;

const RECEIPTS = `${FIX}/controllers/receipts.ts`;

const frozenControllerRouter = ts`
  import express from 'express';
  import { createReceiptsController } from '../controllers/receipts.js';

  const router = express.Router();
  const receipts = createReceiptsController('/var/lib/receipts');
  const { show: showArchived } = createReceiptsController('/var/lib/receipts/archive');

  router.get('/receipts', receipts.list);
  router.get('/receipts/health', receipts.health);
  router.get('/receipts/:id', receipts.show);
  router.get('/archive/:id', showArchived);

  export default router;
`;

ruleTester.run('no-sync-fs: handlers registered by name from another module', rule, {
  valid: [
    {
      name: 'a controller function run at start-up, not registered',
      filename: `${FIX}/routes/warm-up.ts`,
      code: ts`
        import { showReport } from '../controllers/reports.js';

        const requests = [{ params: { id: '1' } }];
        requests.forEach((req) => showReport(req as never, { send() {} } as never));
        setTimeout(showReport, 0);
      `,
    },
    {
      name: 'with followCalls: same-file, other modules are not read',
      filename: `${FIX}/routes/reports.ts`,
      code: esmRouter,
      options: [{ followCalls: 'same-file' }],
    },
    {
      name: 'a registered function that fills a shared value once, by default',
      filename: `${FIX}/routes/layout.ts`,
      code: lazyLayout,
    },
    {
      name: 'under the async-handlers scope: whether a function written elsewhere is async is not known here',
      filename: `${FIX}/routes/reports.ts`,
      code: esmRouter,
      options: [{ scope: 'async-handlers' }],
    },
  ],
  invalid: [
    {
      name: 'ESM: passed by name, wrapped, in an array, an instance field, a bound method',
      filename: `${FIX}/routes/reports.ts`,
      code: esmRouter,
      errors: [
        registered(esmRouter, 'showReport', TEMPLATE_CHAIN, EXPRESS_ROUTE, 1),
        registered(esmRouter, 'showReport', TEMPLATE_CHAIN, EXPRESS_ROUTE, 2),
        registered(esmRouter, 'showReport', TEMPLATE_CHAIN, EXPRESS_ROUTE, 3),
        registered(esmRouter, 'reportsController.list', STORE_CHAIN),
        registered(
          esmRouter,
          'reportsController.show.bind(reportsController)',
          `\`showReport()\` → ${TEMPLATE_CHAIN}`,
        ),
      ],
    },
    {
      name: 'CommonJS: a property of the required module, and a destructured binding in an array',
      filename: `${FIX}/routes/orders.js`,
      code: cjsRouter,
      // `list` is written in the pattern, in `orders.list`, then in the array.
      errors: [registered(cjsRouter, 'orders.list', ORDERS_CHAIN), registered(cjsRouter, 'list', ORDERS_CHAIN, EXPRESS_ROUTE, 2)],
    },
    {
      name: 'a registered function that fills a shared value once, with reportLazyInit: at its name',
      filename: `${FIX}/routes/layout.ts`,
      code: lazyLayout,
      options: [{ reportLazyInit: true }],
      errors: [
        {
          messageId: 'blockingOnFirstRequest',
          data: { call: '`showLayout()`', context: EXPRESS_ROUTE },
          line: 4,
          column: 55,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      name: 'the methods of an instance the router creates itself; a call in an inline handler stays a helper call',
      filename: `${FIX}/routes/reports-instance.ts`,
      code: instanceHere,
      errors: [
        registered(instanceHere, 'controller.list', STORE_CHAIN),
        registered(instanceHere, 'controller.show.bind(controller)', `\`showReport()\` → ${TEMPLATE_CHAIN}`),
        {
          messageId: 'blockingHelper' as const,
          data: {
            callee: 'controller.show',
            context: EXPRESS_ROUTE,
            chain: `\`showReport()\` → ${TEMPLATE_CHAIN}`,
            fix: 'Use `await readFile()` from `node:fs/promises` there, and await the helper here.',
          },
          line: 8,
          column: 46,
          endLine: 8,
          endColumn: 71,
          suggestions: [],
        },
      ],
    },
    {
      name: "Fastify: a handler named in route options, and after a shorthand route's options",
      filename: `${FIX}/routes/reports-fastify.ts`,
      code: fastifyRoutes,
      errors: [
        registered(fastifyRoutes, 'showReport', TEMPLATE_CHAIN, FASTIFY_ROUTE, 1),
        registered(fastifyRoutes, 'showReport', TEMPLATE_CHAIN, FASTIFY_ROUTE, 2),
      ],
    },
    {
      name: 'Fastify: only in route options',
      filename: `${FIX}/routes/reports-fastify-options.ts`,
      code: inRouteOptionsOnly,
      errors: [registered(inRouteOptionsOnly, 'showReport', TEMPLATE_CHAIN, FASTIFY_ROUTE, 1)],
    },
    {
      name: 'the methods of an instance the router receives as a typed parameter',
      filename: `${FIX}/routes/reports-parameter.ts`,
      code: instanceParameter,
      errors: [
        registered(instanceParameter, 'controller.list', STORE_CHAIN),
        registered(instanceParameter, 'controller.show.bind(controller)', `\`showReport()\` → ${TEMPLATE_CHAIN}`),
      ],
    },
    {
      name: 'the methods of an instance kept in a field, created there or injected through the constructor',
      filename: `${FIX}/routes/reports-fields.ts`,
      code: instanceFields,
      errors: [
        registered(instanceFields, 'this.controller.list', STORE_CHAIN),
        registered(instanceFields, 'this.injected.show.bind(this.injected)', `\`showReport()\` → ${TEMPLATE_CHAIN}`),
      ],
    },
    {
      name: 'CommonJS: only in an array of handlers',
      filename: `${FIX}/routes/orders-array.js`,
      code: inAnArrayOnly,
      errors: [registered(inAnArrayOnly, 'list', ORDERS_CHAIN, EXPRESS_ROUTE, 1)],
    },
    {
      name: "the functions of the object a factory returns (an exported result, one made here, one destructured), and of a class factory's instance",
      filename: `${FIX}/routes/invoices.ts`,
      code: factoryRouter,
      errors: [
        registered(factoryRouter, 'invoices.list', `\`fs.readFileSync()\` (${INVOICES}:9)`),
        registered(factoryRouter, 'invoices.show', `\`fs.readFileSync()\` (${INVOICES}:15)`),
        registered(factoryRouter, 'archive.list', `\`fs.readFileSync()\` (${INVOICES}:9)`),
        registered(factoryRouter, 'archive.show', `\`fs.readFileSync()\` (${INVOICES}:15)`),
        registered(factoryRouter, 'getReportsController().list', STORE_CHAIN),
        registered(factoryRouter, 'showDraft', `\`fs.readFileSync()\` (${INVOICES}:15)`, EXPRESS_ROUTE, 1),
      ],
    },
    {
      name: 'CommonJS: a module whose value is the middleware, registered under the name it is required as',
      filename: `${FIX}/routes/app.js`,
      code: moduleValueRouter,
      errors: [
        registered(moduleValueRouter, 'requestLog', REQUEST_LOG_CHAIN, 'Express middleware', 1, FIX_APPEND_FILE),
        registered(moduleValueRouter, 'requestLog', REQUEST_LOG_CHAIN, EXPRESS_ROUTE, 2, FIX_APPEND_FILE),
      ],
    },
    {
      name: 'the same module as the default import of an ES module: registered, and called in a handler',
      filename: `${FIX}/routes/app.ts`,
      code: moduleValueImported,
      errors: [
        registered(moduleValueImported, 'requestLog', REQUEST_LOG_CHAIN, 'Express middleware', 1, FIX_APPEND_FILE),
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'requestLog', REQUEST_LOG_CHAIN, 'appendFile'),
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS: the functions a controller module assigns to the members of the object it exports',
      filename: `${FIX}/routes/users.js`,
      code: filledControllerRouter,
      errors: [
        registered(filledControllerRouter, 'users.list', `\`fs.readFileSync()\` (${USERS_CONTROLLER}:12)`),
        registered(filledControllerRouter, 'users.show', `\`readUser()\` → \`fs.readFileSync()\` (${USERS_CONTROLLER}:24)`),
      ],
    },
    {
      name: 'the functions of an object a factory keeps in a const and returns frozen, read off its result or destructured',
      filename: `${FIX}/routes/receipts.ts`,
      code: frozenControllerRouter,
      errors: [
        registered(frozenControllerRouter, 'receipts.list', `\`fs.readFileSync()\` (${RECEIPTS}:16)`),
        registered(frozenControllerRouter, 'receipts.show', `\`readReceipt()\` → \`fs.readFileSync()\` (${RECEIPTS}:11)`),
        registered(frozenControllerRouter, 'showArchived', `\`readReceipt()\` → \`fs.readFileSync()\` (${RECEIPTS}:11)`, EXPRESS_ROUTE, 1),
      ],
    },
    {
      name: 'registered inside a function: reported there, and the function that registers does not block',
      filename: `${FIX}/routes/mount.ts`,
      code: mountedInFunction,
      errors: [registered(mountedInFunction, 'reports.showReport', TEMPLATE_CHAIN)],
    },
  ],
});
