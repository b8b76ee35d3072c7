import type { AwaitedReplacement, BlockingApi } from './types.js';

/**
 * Every synchronous function of `node:fs` in current @types/node, with its `node:fs/promises`
 * equivalent. tests/catalog.test.ts reads @types/node and fails when Node adds a `*Sync` function
 * that is missing here.
 */

const FS_MODULES = ['fs', 'graceful-fs'] as const;
const PROMISES = 'node:fs/promises';

/** `name` from `node:fs/promises`; the sync forms also take file descriptors, the promise API FileHandles. */
const promisesReplacement = (name: string, more: Partial<AwaitedReplacement> = {}): AwaitedReplacement => ({
  module: PROMISES,
  name,
  fileDescriptorArgument: true,
  ...more,
});

/** Same name without `Sync`, same arguments, same resolved value. */
const dropIn = (name: string): BlockingApi => ({
  family: 'fs',
  modules: FS_MODULES,
  path: [`${name}Sync`],
  replacement: promisesReplacement(name),
});

/** Has a promise form, but awaiting it does not give the same result. */
const differing = (syncName: string, name: string, differs: string): BlockingApi => ({
  family: 'fs',
  modules: FS_MODULES,
  path: [syncName],
  replacement: promisesReplacement(name, { differs }),
});

/** Works on a numeric file descriptor; the promise API works on a FileHandle instead. */
const fdBased = (syncName: string, handleMethod: string): BlockingApi => ({
  family: 'fs',
  modules: FS_MODULES,
  path: [syncName],
  advice: `Open the file with \`await open()\` from \`${PROMISES}\` and use \`await handle.${handleMethod}()\` on the FileHandle.`,
});

export const nodeFsApis: readonly BlockingApi[] = [
  ...[
    'access',
    'appendFile',
    'chmod',
    'chown',
    'copyFile',
    'cp',
    'lchmod',
    'lchown',
    'link',
    'lutimes',
    'mkdir',
    'mkdtemp',
    'opendir',
    'readFile',
    'readdir',
    'readlink',
    'realpath',
    'rename',
    'rm',
    'rmdir',
    'statfs',
    'symlink',
    'truncate',
    'unlink',
    'utimes',
    'writeFile',
  ].map(dropIn),
  ...['stat', 'lstat'].map(
    (name): BlockingApi => ({
      family: 'fs',
      modules: FS_MODULES,
      path: [`${name}Sync`],
      replacement: promisesReplacement(name, { unsupportedOptions: ['throwIfNoEntry'] }),
    }),
  ),
  {
    family: 'fs',
    modules: FS_MODULES,
    path: ['realpathSync', 'native'],
    replacement: promisesReplacement('realpath'),
  },
  {
    family: 'fs',
    modules: FS_MODULES,
    path: ['existsSync'],
    advice: `Use \`await access(path)\` from \`${PROMISES}\`, which rejects when the path is missing, or \`await stat(path)\` when you need the entry anyway.`,
  },
  differing('openSync', 'open', 'it resolves to a FileHandle, not a numeric file descriptor'),
  differing('globSync', 'glob', 'it returns an async iterator, not an array'),
  differing(
    'mkdtempDisposableSync',
    'mkdtempDisposable',
    'it resolves to an async-disposable object whose remove() returns a promise',
  ),
  fdBased('closeSync', 'close'),
  fdBased('fchmodSync', 'chmod'),
  fdBased('fchownSync', 'chown'),
  fdBased('fdatasyncSync', 'datasync'),
  fdBased('fstatSync', 'stat'),
  fdBased('fsyncSync', 'sync'),
  fdBased('ftruncateSync', 'truncate'),
  fdBased('futimesSync', 'utimes'),
  fdBased('readSync', 'read'),
  fdBased('readvSync', 'readv'),
  fdBased('writeSync', 'write'),
  fdBased('writevSync', 'writev'),
];
