/**
 * `settings['event-loop'].handlers` (the user's own handler shapes) and `.frameworks` (detectors
 * turned off), and the errors for settings that are not valid.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { config } from '../linter-config.js';
import { invalid, rule, ruleTester, ts } from './helpers.js';

const userShapes = ts`
  import fs from 'fs';
  import { defineHandler, Endpoint } from '@acme/http';
  import { router } from './router';
  export const ping = defineHandler(async (request) => fs.existsSync(a));
  router.route('GET', '/users', (request) => fs.existsSync(b));
  this.api.route('/x', () => fs.existsSync(c));
  export class Orders {
    @Endpoint('/orders')
    list() {
      return fs.existsSync(d);
    }
  }
  defineOther(() => fs.existsSync(e));
`;

const userFiles = ts`
  import fs from 'fs';
  export async function handler(event) {
    return fs.existsSync(a);
  }
  export default async function (event) {
    return fs.existsSync(b);
  }
  export function helper() {
    return fs.existsSync(c);
  }
`;

const settings = {
  'event-loop': {
    handlers: {
      calls: ['defineHandler', 'router.route', '*.route'],
      decorators: ['Endpoint'],
      files: [{ glob: 'functions/**/*.ts', exports: ['handler', 'default'] }],
    },
  },
};

ruleTester.run('context: settings', rule, {
  valid: [
    {
      name: 'frameworks: { nextjs: false, generic: false } turns those detectors off',
      filename: 'app/api/x/route.ts',
      settings: { 'event-loop': { frameworks: { nextjs: false, generic: false } } },
      code: ts`
        import fs from 'fs';
        export async function GET() {
          return new Response(String(fs.existsSync(a)));
        }
        export function mount(router) {
          router.get('/x', () => fs.existsSync(b));
        }
      `,
    },
    {
      name: 'a file the user globs do not match',
      filename: 'src/lib/x.ts',
      settings,
      code: userFiles,
    },
  ],
  invalid: [
    invalid('calls (plain, dotted, any receiver) and decorators from settings', userShapes, {
      'fs.existsSync(a)': 'defineHandler() handler',
      'fs.existsSync(b)': 'router.route() handler',
      'fs.existsSync(c)': '*.route() handler',
      'fs.existsSync(d)': '@Endpoint() handler',
    }, { settings }),
    invalid('files: exported names of files matching a glob', userFiles, {
      'fs.existsSync(a)': 'handler export',
      'fs.existsSync(b)': 'default export',
    }, { settings, filename: 'functions/orders/list.ts' }),
    invalid('turning one framework off leaves the others on', ts`
      import fs from 'fs';
      import express from 'express';
      const app = express();
      app.use((req, res, next) => next(fs.existsSync(a)));
    `, { 'fs.existsSync(a)': 'Express middleware' }, { settings: { 'event-loop': { frameworks: { nextjs: false } } } }),
  ],
});

describe("rejected settings['event-loop'].handlers and .frameworks", () => {
  const code = 'import fs from "fs";\nfs.existsSync(a);\n';
  const lint = (eventLoop: unknown) => () => new Linter().verify(code, config({ settings: { 'event-loop': eventLoop } }), 'file.ts');

  it.each([
    [{ handlers: [] }, `settings['event-loop'].handlers must be an object with "calls", "decorators" and/or "files", got [].`],
    [{ handlers: { routes: [] } }, `settings['event-loop'].handlers has an unknown key "routes"; expected "calls", "decorators" or "files".`],
    [{ handlers: { calls: 'x' } }, `settings['event-loop'].handlers.calls must be an array, got "x".`],
    [
      { handlers: { calls: ['router.'] } },
      `settings['event-loop'].handlers.calls[0] must be a callee path such as "defineHandler", "router.route" or "*.route", got "router.".`,
    ],
    [
      { handlers: { calls: ['*'] } },
      `settings['event-loop'].handlers.calls[0] must be a callee path such as "defineHandler", "router.route" or "*.route", got "*".`,
    ],
    [
      { handlers: { decorators: ['@Endpoint'] } },
      `settings['event-loop'].handlers.decorators[0] must be a decorator name such as "Endpoint", got "@Endpoint".`,
    ],
    [
      { handlers: { files: ['src/**'] } },
      `settings['event-loop'].handlers.files[0] must be an object such as { glob: "src/api/**/*.ts", exports: ["default", "handler"] }, got "src/**".`,
    ],
    [
      { handlers: { files: [{ glob: '', exports: ['default'] }] } },
      `settings['event-loop'].handlers.files[0].glob must be a non-empty glob string such as "src/api/**/*.ts", got "".`,
    ],
    [
      { handlers: { files: [{ glob: 'src/**' }] } },
      `settings['event-loop'].handlers.files[0].exports must name at least one export, such as ["default"].`,
    ],
    [
      { handlers: { files: [{ glob: 'src/**', exports: ['default'], names: [] }] } },
      `settings['event-loop'].handlers.files[0] has an unknown key "names"; expected "glob" and "exports".`,
    ],
    [{ frameworks: ['nextjs'] }, `settings['event-loop'].frameworks must be an object such as { nextjs: false }, got ["nextjs"].`],
    [{ frameworks: { next: false } }, /settings\['event-loop'\]\.frameworks has an unknown framework "next"; known frameworks: "astro", .*"ws"\./],
    [{ frameworks: { nextjs: 'off' } }, `settings['event-loop'].frameworks.nextjs must be true or false, got "off".`],
  ])('%j', (eventLoop, message) => {
    expect(lint(eventLoop)).toThrow(message);
  });
});
