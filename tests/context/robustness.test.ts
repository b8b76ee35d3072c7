/**
 * No crash on any valid code: odd shapes near every detector, through @typescript-eslint/parser and
 * through ESLint's own parser (espree: no decorators, no type annotations, no `implements`).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { config, FILES } from '../linter-config.js';
import plugin from '../../src/index.js';
import { ts } from './helpers.js';

const javascript = ts`
  import fs from 'fs';
  import express from 'express';
  import { Server } from 'socket.io';
  const app = express();
  app.on();
  app.get();
  app[Symbol.iterator](() => fs.existsSync(a));
  app.constructor(() => fs.existsSync(b));
  app.toString(() => fs.existsSync(c));
  const io = new Server();
  io.on('constructor', () => fs.existsSync(d));
  io.on('connection', ({ id }) => fs.existsSync(e));
  io.on(\`connection\`, async function* () { yield fs.existsSync(f); });
  Bun.serve();
  Bun.serve({ ...options, fetch: undefined, ['fe' + 'tch']: () => fs.existsSync(g) });
  Deno.serve(...args);
  defineEventHandler();
  defineEventHandler({ toString: () => fs.existsSync(h) });
  new (class extends Object { get x() { return fs.existsSync(i); } static y() { return fs.existsSync(j); } #z() { return fs.existsSync(k); } })();
  export default class { async handle() { return fs.existsSync(l); } }
  export * from './other.js';
  export { x as GET } from './route.js';
  const resolvers = { Query: { ...base, [key]: () => fs.existsSync(m), constructor: () => fs.existsSync(n) } };
  tag\`\${() => fs.existsSync(o)}\`;
  a?.b?.get?.('/x', () => fs.existsSync(p));
  new Worker();
  new Worker(fs.existsSync(q));
  const { parentPort: port = null } = {};
  function f(app = express()) { app.use(() => fs.existsSync(r)); }
  for (const handler of [() => fs.existsSync(s)]) app.use(handler);
  label: { const fn = () => fs.existsSync(t); app.use(fn); }
`;

const typescript = ts`
  ${javascript}
  import type { FastifyInstance } from 'fastify';
  export function register(this: FastifyInstance, app: FastifyInstance.Other, { get }: FastifyInstance) {
    app.get('/x', () => fs.existsSync(u));
  }
  @Controller()
  export class X implements CanActivate, Foo.Bar<string> {
    @Get() declare y: string;
    @Get() [computed]() { return fs.existsSync(v); }
    constructor(@Inject() private readonly z: string) {}
    @Get() get w() { return fs.existsSync(w); }
    canActivate = () => fs.existsSync(x);
  }
  export const actions = { default: fn } satisfies Actions as unknown as Actions;
`;

const filenames = [
  'file.ts',
  'app/api/x/route.ts',
  'src/routes/+page.server.ts',
  'server/api/x.ts',
  'app/routes/x.ts',
  'src/pages/x.ts',
  'middleware.ts',
  'pages/api/x.ts',
];

describe('no crash on odd code', () => {
  it.each(filenames)('@typescript-eslint/parser, %s', (filename) => {
    const messages = new Linter().verify(typescript, config({ settings: { 'event-loop': { handlers: { calls: ['*.get'], decorators: ['Get'], files: [{ glob: '**', exports: ['default', 'GET'] }] } } } }), filename);
    expect(messages.filter((message) => message.fatal || !message.ruleId).map((m) => m.message)).toEqual([]);
  });

  it.each(filenames.map((name) => name.replace(/\.tsx?$/, '.js')))('espree, %s', (filename) => {
    const linter = new Linter();
    const messages = linter.verify(
      javascript,
      [{ files: FILES, plugins: { 'event-loop': plugin }, rules: { 'event-loop/no-sync-fs': 'error' } }],
      filename,
    );
    expect(messages.filter((message) => message.fatal || !message.ruleId).map((m) => m.message)).toEqual([]);
  });
});
