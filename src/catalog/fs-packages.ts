import { nodeFsApis } from './node-fs.js';
import type { BlockingApi } from './types.js';

/**
 * npm packages that wrap the file system with synchronous APIs. Each replacement is the same
 * package's promise API, checked against the published code of the newest release (fs-extra 11,
 * jsonfile 6, glob 14, fast-glob 3.3, tinyglobby 0.2, rimraf 6, mkdirp 3, del 8, make-dir 5,
 * proper-lockfile 4): same arguments, same resolved value. Where a name meant a callback API in
 * older majors (`glob.sync` of glob 7, `rimraf.sync` of rimraf 3, `mkdirp.sync` of mkdirp 0.5), or
 * the package's async form is the module itself (`del`, `make-dir` before their named exports),
 * the entry gives advice instead. graceful-fs mirrors `node:fs` and is catalogued in node-fs.ts.
 */

/** `syncName` of `modules` has the promise twin `name` in the first of them. */
const twin = (modules: readonly string[], syncName: string | readonly string[], name: string): BlockingApi => ({
  family: 'fs',
  modules,
  path: typeof syncName === 'string' ? [syncName] : syncName,
  replacement: { module: modules[0]!, name },
});

const advise = (modules: readonly string[], path: readonly string[], advice: string): BlockingApi => ({
  family: 'fs',
  modules,
  path,
  advice,
});

/**
 * fs-extra's own `*Sync` functions; each async twin returns a promise when called without a
 * callback (universalify). `fs-extra/esm` exports only these, as named exports.
 */
const FS_EXTRA_OWN = [
  'copy',
  'createFile',
  'createLink',
  'createSymlink',
  'emptyDir',
  'emptydir',
  'ensureDir',
  'ensureFile',
  'ensureLink',
  'ensureSymlink',
  'mkdirp',
  'mkdirs',
  'move',
  'outputFile',
  'outputJSON',
  'outputJson',
  'pathExists',
  'readJSON',
  'readJson',
  'remove',
  'writeJSON',
  'writeJson',
];

/** Advice for the packages whose promise API is the module itself (`await del(patterns)`). */
const callTheModule = (module: string, since: string): string =>
  `Call the module itself and await it: \`await ${module}()\` takes the same arguments and resolves to the same value (or use ${since}).`;

export const fsPackageApis: readonly BlockingApi[] = [
  // fs-extra re-exports all of graceful-fs (and so node:fs): its `readFileSync` is fs's.
  ...nodeFsApis.map((api): BlockingApi => ({ ...api, modules: ['fs-extra'] })),
  ...FS_EXTRA_OWN.map((name) => twin(['fs-extra'], `${name}Sync`, name)),
  ...FS_EXTRA_OWN.map((name) => twin(['fs-extra/esm'], `${name}Sync`, name)),

  twin(['jsonfile'], 'readFileSync', 'readFile'),
  twin(['jsonfile'], 'writeFileSync', 'writeFile'),

  // glob 9+: `globSync` and its alias `sync`, also as properties of the `glob` export. glob 7 and
  // older exported a callback function with `.sync`, so `sync` alone gets advice.
  twin(['glob'], 'globSync', 'glob'),
  twin(['glob'], ['glob', 'globSync'], 'glob'),
  twin(['glob'], ['glob', 'sync'], 'glob'),
  advise(['glob'], ['sync'], 'Use `await glob(pattern, options)` from `glob` 9 or later, which resolves to the same array.'),

  // fast-glob 3: the module is the async function; `async` (all of 3.x) and `glob` (3.3+) are it too.
  twin(['fast-glob'], 'sync', 'async'),
  twin(['fast-glob'], 'globSync', 'glob'),

  twin(['tinyglobby'], 'globSync', 'glob'),

  // rimraf 4+: named promise functions. rimraf 3 and older exported a callback function with `.sync`.
  twin(['rimraf'], 'rimrafSync', 'rimraf'),
  twin(['rimraf'], ['rimraf', 'sync'], 'rimraf'),
  twin(['rimraf'], ['rimraf', 'rimrafSync'], 'rimraf'),
  twin(['rimraf'], 'nativeSync', 'native'),
  twin(['rimraf'], 'manualSync', 'manual'),
  twin(['rimraf'], 'windowsSync', 'windows'),
  twin(['rimraf'], 'posixSync', 'posix'),
  twin(['rimraf'], 'moveRemoveSync', 'moveRemove'),
  advise(['rimraf'], ['sync'], 'Use `await rimraf(path)` from `rimraf` 4 or later, or `await rm(path, { recursive: true, force: true })` from `node:fs/promises`.'),

  // mkdirp 2+: named exports. 1.x exported the promise function with `.sync`; 0.5 a callback one.
  twin(['mkdirp'], 'mkdirpSync', 'mkdirp'),
  twin(['mkdirp'], ['mkdirp', 'sync'], 'mkdirp'),
  twin(['mkdirp'], 'mkdirpNativeSync', 'mkdirpNative'),
  twin(['mkdirp'], 'mkdirpManualSync', 'mkdirpManual'),
  twin(['mkdirp'], 'nativeSync', 'native'),
  twin(['mkdirp'], 'manualSync', 'manual'),
  advise(['mkdirp'], ['sync'], 'Use `await mkdir(path, { recursive: true })` from `node:fs/promises`, or `await mkdirp(path)` from `mkdirp` 1 or later.'),

  // del 7+: `deleteSync`/`deleteAsync`. del 6 and older: the module is the promise function, with `.sync`.
  twin(['del'], 'deleteSync', 'deleteAsync'),
  advise(['del'], ['sync'], callTheModule('del', '`deleteAsync()` from `del` 7 or later')),

  // make-dir 5+: `makeDirectorySync`/`makeDirectory`. make-dir 4 and older: the module, with `.sync`.
  twin(['make-dir'], 'makeDirectorySync', 'makeDirectory'),
  advise(['make-dir'], ['sync'], callTheModule('makeDir', '`makeDirectory()` from `make-dir` 5 or later')),

  {
    family: 'fs',
    modules: ['proper-lockfile'],
    path: ['lockSync'],
    replacement: {
      module: 'proper-lockfile',
      name: 'lock',
      differs: 'the release function it resolves to returns a promise as well',
    },
  },
  twin(['proper-lockfile'], 'unlockSync', 'unlock'),
  twin(['proper-lockfile'], 'checkSync', 'check'),
];

/**
 * `require(x)` inside a handler, where `x` is not a literal or is a relative path: the first call
 * for each resolved file reads and compiles it synchronously (a bare package name is almost always
 * loaded at start-up already, so it is left alone). Not a module export, so not in the trace map:
 * src/analysis/module-loads.ts finds these calls, and no-sync-fs reports them as this entry.
 */
export const moduleLoadApi: BlockingApi = {
  family: 'fs',
  modules: ['require'],
  path: [],
  advice:
    'The first load of each module reads and compiles it synchronously; require it at the top of the file, or use `await import()`.',
};
