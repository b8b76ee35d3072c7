import type { BlockingApi } from './types.js';

/**
 * Synchronous HTTP clients. None has a drop-in awaited form: `sync-fetch`'s response reads its
 * body synchronously (`res.json()` returns the value, not a promise) and `sync-request`'s
 * `getBody()` likewise, so every entry gives advice and no suggestion is offered.
 */

const FETCH = '`await fetch(url)` (global in Node 18+)';

/** An XMLHttpRequest class: `open(method, url, false)` turns the instance's `send()` synchronous. */
const xhr = (module: string, path: readonly string[]): BlockingApi => ({
  family: 'http',
  modules: [module],
  path,
  blocksWhen: { kind: 'through-result', method: 'open', argument: { index: 2, equals: false } },
  advice: `\`open(method, url, false)\` makes \`send()\` wait for the whole response; use ${FETCH} instead.`,
});

export const httpApis: readonly BlockingApi[] = [
  // sync-request 6: `module.exports = request`, also as `.default`.
  ...[[], ['default']].map(
    (path): BlockingApi => ({
      family: 'http',
      modules: ['sync-request'],
      path,
      advice: `It runs the request in a child process and waits for it; use ${FETCH}, or \`then-request\`, which takes the same arguments and returns a promise.`,
    }),
  ),
  {
    family: 'http',
    modules: ['sync-fetch'],
    path: [],
    advice: `It runs the request in a child process and waits for it; use ${FETCH}, and await the body too (\`await res.json()\`).`,
  },
  // `const get = deasync(request)`: every `get(url)` spins a nested event loop until the callback
  // fires. deasync's own `sleep`, `loopWhile` and `runLoopOnce` are no-busy-wait's.
  {
    family: 'http',
    modules: ['deasync'],
    path: [],
    blocksWhen: { kind: 'through-result' },
    advice: `A function made by \`deasync()\` polls a nested event loop until its callback fires; call the async function and await it instead (\`await promisify(fn)()\`, ${FETCH} for HTTP).`,
  },
  xhr('xmlhttprequest', ['XMLHttpRequest']),
  xhr('xmlhttprequest-ssl', ['XMLHttpRequest']),
  xhr('xhr2', []),
];

/**
 * `execSync('curl ...')`, `execFileSync('wget', args)`, `spawnSync('curl', args)`: child_process
 * calls that wait for a download. no-sync-child-process reports them as well (they block as any
 * sync child process does); no-sync-http adds the HTTP advice. Only calls written in the handler,
 * whose command starts with literal text, are recognised.
 */
export const shellHttpClients = {
  module: 'child_process',
  /** Sync function → does its first argument hold a shell command line (not a file name). */
  functions: new Map([
    ['execSync', true],
    ['execFileSync', false],
    ['spawnSync', false],
  ]),
  /** `curl`, `/usr/bin/wget`, at the start of a command line or as the whole file name. */
  commandLine: /^\s*(?:[^\s'"`]*\/)?(?:curl|wget)(?:\s|$)/,
  fileName: /^(?:[^\s'"`]*\/)?(?:curl|wget)$/,
  advice: `It runs an HTTP client and waits for the download; use ${FETCH} instead.`,
} as const;
