/**
 * What `no-busy-wait` knows about APIs, as data: calls that sleep or wait synchronously, and calls
 * that read the clock (a loop whose exit depends on one spins until a deadline passes).
 *
 * An entry is found through an import of one of its `modules` (ESM, CJS, `node:` prefix: see
 * src/analysis/module-references.ts) or through one of its `globals`, then down its `path`.
 */

export interface TracedApi {
  /** Modules that export it, as written in `import`/`require` (the `node:` form is derived). */
  readonly modules?: readonly string[];
  /** Globals it hangs off (`Atomics`, `Date`). */
  readonly globals?: readonly string[];
  /** Property path below the module or global; `[]` is the module or global itself (`sleep(1000)`, `new Date()`). */
  readonly path: readonly string[];
}

/** How messages name an API: first module or global, then the path (`sleep.msleep`, `Atomics.wait`). */
export function tracedApiName(api: TracedApi): string {
  return [api.modules?.[0] ?? api.globals?.[0] ?? '', ...api.path].join('.');
}

/** A call that does not return until some time has passed or another thread signals. */
export interface SleepApi extends TracedApi {
  /** What it does, completing "`sleep.msleep()` ...": a phrase. */
  readonly why: string;
  /** What to do instead: one or more full sentences. */
  readonly instead: string;
}

const WORKER_POOL_GUIDE = 'docs/guides/worker-pool.md';

/** The way out for every sleep: an awaited timer. */
export const AWAIT_TIMER =
  'Wait with `await setTimeout(ms)` from `node:timers/promises`; work that must block belongs in a worker pool ' +
  `(see ${WORKER_POOL_GUIDE}).`;

const sleepPackage = (module: string, path: readonly string[], unit: string): SleepApi => ({
  modules: [module],
  path,
  why: `sleeps synchronously for the given ${unit}`,
  instead: AWAIT_TIMER,
});

const DEASYNC_WHY = 'polls a nested event loop, in which no promise callback runs, until it is done';

export const sleepApis: readonly SleepApi[] = [
  sleepPackage('sleep', ['sleep'], 'seconds'),
  sleepPackage('sleep', ['msleep'], 'milliseconds'),
  sleepPackage('sleep', ['usleep'], 'microseconds'),
  sleepPackage('system-sleep', [], 'milliseconds'),
  sleepPackage('sleep-sync', [], 'milliseconds'),
  sleepPackage('sleep-synchronously', [], 'milliseconds'),
  sleepPackage('atomic-sleep', [], 'milliseconds'),
  { ...sleepPackage('deasync', ['sleep'], 'milliseconds'), why: DEASYNC_WHY },
  {
    modules: ['deasync'],
    path: ['loopWhile'],
    why: DEASYNC_WHY,
    instead: 'Await the promise the condition is waiting for instead.',
  },
  {
    modules: ['deasync'],
    path: ['runLoopOnce'],
    why: DEASYNC_WHY,
    instead: 'Await the promise the loop is waiting for instead.',
  },
  {
    globals: ['Atomics'],
    path: ['wait'],
    why: 'blocks the thread until another thread notifies it or the timeout passes',
    instead:
      '`await Atomics.waitAsync(...).value` waits for the same result without blocking; ' +
      `waiting threads belong in a worker pool (see ${WORKER_POOL_GUIDE}).`,
  },
];

/** Calls that read the current time. */
export const clockReads: readonly TracedApi[] = [
  { globals: ['Date'], path: [] },
  { globals: ['Date'], path: ['now'] },
  { globals: ['performance'], path: ['now'] },
  { modules: ['perf_hooks'], path: ['performance', 'now'] },
  ...[['hrtime'], ['hrtime', 'bigint'], ['uptime']].map(
    (path): TracedApi => ({ globals: ['process'], modules: ['process'], path }),
  ),
];
