import type { AwaitedReplacement, BlockingApi } from './types.js';

/**
 * Every synchronous function of `node:child_process` in current @types/node. tests/catalog.test.ts
 * reads @types/node and fails when Node adds a `*Sync` function that is missing here.
 */

const MODULES = ['child_process'] as const;

/**
 * `promisify(exec)` / `promisify(execFile)` resolve to `{ stdout, stderr }` decoded as UTF-8, where
 * the sync forms return stdout as a Buffer unless an `encoding` is given. `input` (data for stdin)
 * and `stdio` exist only on the sync forms.
 */
const bufferedOutput = (name: string): AwaitedReplacement => ({
  module: 'node:child_process',
  name,
  promisified: true,
  resultProperty: 'stdout',
  decodesByDefault: true,
  unsupportedOptions: ['input', 'stdio'],
});

export const nodeChildProcessApis: readonly BlockingApi[] = [
  { family: 'child-process', modules: MODULES, path: ['execSync'], replacement: bufferedOutput('exec') },
  { family: 'child-process', modules: MODULES, path: ['execFileSync'], replacement: bufferedOutput('execFile') },
  {
    family: 'child-process',
    modules: MODULES,
    path: ['spawnSync'],
    advice:
      'Use promisified `execFile()` from `node:child_process` when you need the output, or `spawn()` and wait for its `close` event; `spawnSync()` has no drop-in awaited form.',
  },
];
