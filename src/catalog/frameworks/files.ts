/**
 * File-based routers: which files a framework loads per request, and which of their exports it
 * calls. Paths are matched with `/` separators, anywhere below the project (monorepos nest them).
 */
import { HTTP_METHODS } from './servers.js';
import type { ExportSpec, FileConvention } from './types.js';

const SCRIPT = String.raw`\.[cm]?[jt]sx?$`;
const file = (pattern: string): RegExp => new RegExp(String.raw`(?:^|/)${pattern}${SCRIPT}`);
const exportsNamed = (names: readonly string[], role: string): Record<string, ExportSpec> =>
  Object.fromEntries(names.map((name) => [name, { role }]));

/** The React Router / Remix label, from the modules a route module imports. */
const REMIX_LABELS = [
  { prefix: '@remix-run/', label: 'Remix' },
  { prefix: 'react-router', label: 'React Router' },
  { prefix: '@react-router/', label: 'React Router' },
  // React Router 7's generated route types: `import type { Route } from './+types/home'`.
  { prefix: './+types/', label: 'React Router' },
];

/** SvelteKit's `prerender = true` renders the route at build time. */
const PRERENDER = [{ name: 'prerender', value: true }] as const;

export const fileConventions: readonly FileConvention[] = [
  {
    framework: 'nextjs',
    label: 'Next.js',
    file: file(String.raw`app/(?:.*/)?route`),
    exports: exportsNamed(HTTP_METHODS, 'route handler'),
    // `dynamic = 'force-static'` renders GET at build time (other methods still run per request).
    buildTime: [{ name: 'dynamic', value: 'force-static', exports: ['GET', 'HEAD'] }],
  },
  {
    framework: 'nextjs',
    label: 'Next.js',
    file: file(String.raw`pages/api/.*`),
    exports: { default: { role: 'API route' } },
  },
  {
    framework: 'nextjs',
    label: 'Next.js',
    file: file(String.raw`pages/.*`),
    exports: { getServerSideProps: { role: 'getServerSideProps' } },
  },
  {
    framework: 'nextjs',
    label: 'Next.js',
    // `middleware.ts` (`proxy.ts` since Next.js 16) at the project root or in src/; the import of
    // next/server tells it from any other file of that name.
    file: file(String.raw`(?:middleware|proxy)`),
    requiresImport: ['next/server', 'next'],
    exports: { middleware: { role: 'middleware' }, proxy: { role: 'middleware' }, default: { role: 'middleware' } },
  },
  {
    framework: 'remix',
    label: 'Remix',
    file: file(String.raw`app/(?:routes/.*|root)`),
    exports: { loader: { role: 'loader' }, action: { role: 'action' } },
    labelsByImport: REMIX_LABELS,
  },
  {
    framework: 'sveltekit',
    label: 'SvelteKit',
    file: file(String.raw`(?:.*/)?\+server`),
    exports: exportsNamed([...HTTP_METHODS, 'fallback'], 'endpoint'),
    buildTime: PRERENDER,
  },
  {
    framework: 'sveltekit',
    label: 'SvelteKit',
    file: file(String.raw`(?:.*/)?\+(?:page|layout)\.server`),
    exports: { load: { role: 'load function' }, actions: { role: 'form action', members: true } },
    buildTime: PRERENDER,
  },
  {
    framework: 'sveltekit',
    label: 'SvelteKit',
    file: file(String.raw`(?:.*/)?hooks\.server`),
    exports: {
      handle: { role: 'handle hook' },
      handleFetch: { role: 'handleFetch hook' },
      handleError: { role: 'handleError hook' },
    },
  },
  {
    framework: 'nuxt',
    label: 'Nitro',
    // `export default defineEventHandler(...)` is recognised by the call; a plain function
    // default-exported from these folders is an event handler too.
    file: file(String.raw`server/(?:api|routes|middleware)/.*`),
    exports: { default: { role: 'event handler' } },
    // An Express or Koa app's `server/routes/users.js` exporting `function (app) { ... }` is set-up code.
    unlessImport: ['express', 'fastify', 'koa', '@koa/router', 'koa-router', 'hono', 'connect'],
  },
  {
    framework: 'astro',
    label: 'Astro',
    file: file(String.raw`src/pages/.*`),
    exports: exportsNamed([...HTTP_METHODS, 'ALL'], 'endpoint'),
    requiresImport: ['astro'],
    buildTime: PRERENDER,
    // Static output (Astro's default) prerenders GET endpoints; other methods only exist on demand.
    staticOutput: {
      exports: ['GET', 'HEAD'],
      root: /^(.*\/)src\/pages\//,
      configFiles: ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs'],
      serverOutput: /\boutput\s*:\s*['"]server['"]/,
    },
  },
  {
    framework: 'astro',
    label: 'Astro',
    file: file(String.raw`src/middleware(?:/index)?`),
    requiresImport: ['astro'],
    exports: { onRequest: { role: 'middleware' } },
  },
];

/** React's `'use server'` directive marks server actions: a whole file's exports, or one function. */
export const USE_SERVER_DIRECTIVE = 'use server';
