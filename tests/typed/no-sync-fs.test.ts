/**
 * no-sync-fs with type information: handlers the checker recognises (a router received as a typed
 * parameter or imported from another module, a function taking an Express `Request` and exported),
 * an fs module the checker resolves (`fs: typeof import('node:fs')`), the same code without types
 * (not recognised: nothing in the file shows it), and typed code that is no handler or no fs call.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import rule from '../../rules/no-sync-fs.js';
import { blockingData, suggestionData, ts } from '../rules/no-sync-fs.helpers.js';
import { helperData } from '../rules/no-sync-fs-follow.helpers.js';
import { TYPED_FIXTURES, typedRuleTester, untypedRuleTester } from './helpers.js';

const EXPRESS_ROUTE = 'Express route handler';

/** Seen only with types: the receivers and parameters are framework types, but no file shape says so. */
const onlyWithTypes = [
  {
    name: 'a router passed as a parameter typed with a project alias, registered at a non-literal path',
    code: ts`
      import { readFileSync } from 'node:fs';
      import type { Api } from './api-types.js';
      import { ROUTES } from './routes.js';
      export function mount(r: Api) {
        r.get(ROUTES.users, (req, res) => {
          res.send(readFileSync('users.json'));
        });
      }
    `,
    suggestion: ts`
      import { readFileSync } from 'node:fs';
      import type { Api } from './api-types.js';
      import { ROUTES } from './routes.js';
      import { readFile } from 'node:fs/promises';
      export function mount(r: Api) {
        r.get(ROUTES.users, async (req, res) => {
          res.send(await readFile('users.json'));
        });
      }
    `,
    context: EXPRESS_ROUTE,
    line: 6,
    column: 14,
    endColumn: 40,
  },
  {
    name: 'a router imported from another module',
    code: ts`
      import { readFileSync } from 'node:fs';
      import { router } from './app.js';
      import { ROUTES } from './routes.js';
      router.post(ROUTES.users, (req, res) => {
        res.send(readFileSync('users.json'));
      });
    `,
    suggestion: ts`
      import { readFileSync } from 'node:fs';
      import { router } from './app.js';
      import { ROUTES } from './routes.js';
      import { readFile } from 'node:fs/promises';
      router.post(ROUTES.users, async (req, res) => {
        res.send(await readFile('users.json'));
      });
    `,
    context: EXPRESS_ROUTE,
    line: 5,
    column: 12,
    endColumn: 38,
  },
  {
    name: 'an exported function whose first parameter is an Express Request',
    code: ts`
      import { readFileSync } from 'node:fs';
      import type { Request, Response } from 'express';
      export function listUsers(req: Request, res: Response) {
        res.send(readFileSync('users.json'));
      }
    `,
    suggestion: ts`
      import { readFileSync } from 'node:fs';
      import type { Request, Response } from 'express';
      import { readFile } from 'node:fs/promises';
      export async function listUsers(req: Request, res: Response) {
        res.send(await readFile('users.json'));
      }
    `,
    context: 'Express request handler',
    line: 4,
    column: 12,
    endColumn: 38,
  },
  {
    name: 'a Koa Context parameter, the function passed to a call',
    code: ts`
      import { readFileSync } from 'node:fs';
      import type { Context } from 'koa';
      import { register } from './routes.js';
      register((ctx: Context) => {
        ctx.body = readFileSync('users.json');
      });
    `,
    suggestion: ts`
      import { readFileSync } from 'node:fs';
      import type { Context } from 'koa';
      import { register } from './routes.js';
      import { readFile } from 'node:fs/promises';
      register(async (ctx: Context) => {
        ctx.body = await readFile('users.json');
      });
    `,
    context: 'Koa request handler',
    line: 5,
    column: 14,
    endColumn: 40,
  },
  {
    name: "an fs module passed as a parameter typed `typeof import('node:fs')`",
    code: ts`
      import express from 'express';
      const app = express();
      export function mount(fs: typeof import('node:fs')) {
        app.get('/users', (req, res) => {
          res.send(fs.readFileSync('users.json'));
        });
      }
    `,
    suggestion: ts`
      import express from 'express';
      const app = express();
      export function mount(fs: typeof import('node:fs')) {
        app.get('/users', async (req, res) => {
          res.send(await fs.promises.readFile('users.json'));
        });
      }
    `,
    context: EXPRESS_ROUTE,
    line: 5,
    column: 14,
    endColumn: 43,
  },
];

typedRuleTester.run('no-sync-fs with type information', rule, {
  valid: [
    {
      name: 'Map.get(key, fn): a Map is no router',
      code: ts`
        import { readFileSync } from 'node:fs';
        const cache = new Map<string, () => string>();
        export function load(key: string) {
          cache.set(key, () => readFileSync(key, 'utf8'));
          return cache.get(key);
        }
      `,
    },
    {
      name: 'a Request-typed helper that is only called is not itself a handler',
      code: ts`
        import { readFileSync } from 'node:fs';
        import type { Request } from 'express';
        function userFile(req: Request) {
          return readFileSync(req.params.id!);
        }
        const name = userFile;
      `,
    },
    {
      // Scope analysis declares a function's parameters with it: passing one on is no use of the function.
      name: 'a Request-typed helper that passes its request on is not itself registered',
      code: ts`
        import { readFileSync } from 'node:fs';
        import type { Request } from 'express';
        function audit(req: Request) {
          console.log(req.params);
        }
        function userFile(req: Request) {
          audit(req);
          return readFileSync(req.params.id!);
        }
        const name = userFile;
      `,
    },
    {
      name: 'a set-up function whose parameter goes into a middleware it registers is not that middleware',
      code: ts`
        import { readFileSync } from 'node:fs';
        import { router } from './app.js';
        function staticFiles(settings: { root: string }) {
          return (req: unknown, res: unknown, next: () => void) => next();
        }
        function mount(settings: { root: string }) {
          const theme = readFileSync(settings.root + '/theme.json', 'utf8');
          router.use(staticFiles(settings));
          return theme;
        }
        export default mount;
      `,
    },
    {
      name: 'an array method runs its Request-typed callback itself: not a handler',
      code: ts`
        import { readFileSync } from 'node:fs';
        import type { Request } from 'express';
        export function bodies(requests: Request[]) {
          return requests.map((req) => readFileSync(req.path));
        }
      `,
    },
    {
      name: 'a promise runs its Request-typed callback itself: not a handler',
      code: ts`
        import { readFileSync } from 'node:fs';
        import type { Request } from 'express';
        export function later(pending: Promise<Request>) {
          return pending.then((req: Request) => readFileSync(req.path));
        }
      `,
    },
    {
      name: 'a method of the project named like an fs function is not fs',
      code: ts`
        import express from 'express';
        const files = { readFileSync: (path: string) => path };
        express().get('/users', (req, res) => {
          res.send(files.readFileSync('users.json'));
        });
      `,
    },
    {
      name: "an exported function taking the project's own Request type, not a framework's",
      code: ts`
        import { readFileSync } from 'node:fs';
        interface Request {
          path: string;
        }
        export function read(req: Request) {
          return readFileSync(req.path);
        }
      `,
    },
    {
      name: 'a router method that registers nothing: a string argument is not a function',
      code: ts`
        import { readFileSync } from 'node:fs';
        import type { Api } from './api-types.js';
        export function mount(r: Api) {
          const config = readFileSync('config.json', 'utf8');
          r.get(config);
        }
      `,
    },
  ],
  invalid: onlyWithTypes.map(({ name, code, suggestion, context, line, column, endColumn }) => ({
    name,
    code,
    errors: [
      {
        messageId: 'blocking' as const,
        data: blockingData(context),
        line,
        column,
        endLine: line,
        endColumn,
        suggestions: [
          { messageId: 'useAwaitedInAsyncHandler' as const, data: suggestionData(context), output: suggestion },
        ],
      },
    ],
  })),
});

untypedRuleTester.run('no-sync-fs without type information', rule, {
  valid: onlyWithTypes.map(({ name, code }) => ({ name: `not seen without types: ${name}`, code })),
  invalid: [],
});

/** Calls the checker resolves to a method of the project's classes, followed into their module. */
const storeRoute = ts`
  import express from 'express';
  import type { Store } from './store.js';
  const app = express();
  export function mount(deps: { store: Store }) {
    app.get('/users', (req, res) => {
      res.send(deps.store.load());
    });
  }
`;

typedRuleTester.run('no-sync-fs with type information: following calls', rule, {
  valid: [
    {
      name: 'an interface implemented twice: the call is not followed into either class',
      code: ts`
        import express from 'express';
        import type { Cache } from './caches.js';
        const app = express();
        export function mount(cache: Cache) {
          app.get('/users', (req, res) => {
            res.send(cache.get('users'));
          });
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a method of an interface with one implementing class, on a typed parameter',
      code: storeRoute,
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(EXPRESS_ROUTE, 'deps.store.load', '`fs.readFileSync()` (file-store.ts:7)'),
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 31,
        },
      ],
    },
  ],
});

untypedRuleTester.run('no-sync-fs without type information: following calls', rule, {
  valid: [{ name: 'not followed without types: a method of an interface on a typed parameter', code: storeRoute }],
  invalid: [],
});

/**
 * Controllers registered by name (tests/fixtures/typed/users-controller.ts). One typed with the
 * framework's request is a handler in its own file, which reports its call; the router reports the
 * others where it registers them, as it does without types.
 */
const usersRouter = ts`
  import { Router } from 'express';
  import { listUsers, showUser, usersController } from './users-controller.js';

  const router = Router();
  router.get('/users/:id', showUser);
  router.get('/users', listUsers);
  router.get('/users/count', usersController.count);
  export default router;
`;

/**
 * Where the router is linted from: its imports resolve on disk, beside the controller. Absolute, so
 * RuleTester lints from the filesystem root and messages show the controller's path from there.
 */
const USERS_ROUTER_FILE = `${TYPED_FIXTURES}file.ts`;
const USERS_CONTROLLER = path.relative('/', `${TYPED_FIXTURES}users-controller.ts`);
const USERS_FIX = 'Use `await readFile()` from `node:fs/promises` there.';

/** The registration report of `handler` on `line` of usersRouter. */
function registeredUsers(handler: string, line: number, controllerLine: number) {
  const column = usersRouter.split('\n')[line - 1]!.indexOf(`, ${handler})`) + ', '.length + 1;
  return {
    messageId: 'blockingRegisteredHandler' as const,
    data: {
      handler,
      context: EXPRESS_ROUTE,
      chain: `\`fs.readFileSync()\` (${USERS_CONTROLLER}:${controllerLine})`,
      fix: USERS_FIX,
    },
    line,
    column,
    endLine: line,
    endColumn: column + handler.length,
    suggestions: [],
  };
}

const controller = readFileSync(`${TYPED_FIXTURES}users-controller.ts`, 'utf8');

typedRuleTester.run('no-sync-fs with type information: controllers registered by name', rule, {
  valid: [],
  invalid: [
    {
      name: 'the Request-typed controller is reported in its own file, at its call',
      filename: `${TYPED_FIXTURES}users-controller.ts`,
      code: controller,
      errors: [
        {
          messageId: 'blocking',
          data: blockingData('Express request handler'),
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useAwaitedInAsyncHandler',
              data: suggestionData('Express request handler'),
              output: controller
                .replace("import type { Request, Response } from 'express';", "$&\nimport { readFile } from 'node:fs/promises';")
                .replace('export function showUser', 'export async function showUser')
                .replace('res.send(readFileSync(`users/${req.params.id}.json`', 'res.send(await readFile(`users/${req.params.id}.json`'),
            },
          ],
        },
      ],
    },
    {
      name: 'the Request-typed controller is left to its own file; the others are reported at the registration',
      filename: USERS_ROUTER_FILE,
      code: usersRouter,
      errors: [registeredUsers('listUsers', 6, 11), registeredUsers('usersController.count', 7, 17)],
    },
  ],
});

untypedRuleTester.run('no-sync-fs without type information: controllers registered by name', rule, {
  valid: [],
  invalid: [
    {
      name: 'without types no controller is a handler in its own file: each is reported at its registration',
      filename: USERS_ROUTER_FILE,
      code: usersRouter,
      errors: [
        registeredUsers('showUser', 5, 6),
        registeredUsers('listUsers', 6, 11),
        registeredUsers('usersController.count', 7, 17),
      ],
    },
  ],
});
