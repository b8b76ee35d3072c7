/**
 * no-sync-fs on fs-like npm packages (src/catalog/fs-packages.ts): every entry at its exact
 * position, a couple of import styles per package, and the suggestions where one is offered.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-fs.js';
import { apiName, blockingApis } from '../../src/catalog/index.js';
import { fsPackageApis } from '../../src/catalog/fs-packages.js';
import { nodeFsApis } from '../../src/catalog/node-fs.js';
import { entryCases, type EntryCase } from './catalog-cases.js';
import { express, expressCjs, itParsesEverySuggestion, reportedMessages, runRuleTests, withAddedImports } from './helpers.js';

const own = (module: string, name: string, args = `'out/data.json'`): EntryCase => ({
  api: `${module}.${name}Sync`,
  call: `${name}Sync(${args})`,
  awaited: `await m.${name}(${args})`,
});
const advice = (api: string, call: string): EntryCase => ({ api, call });

/** fs-extra re-exports node:fs: its sync functions get the node:fs/promises replacement. */
const fsExtraMirror: EntryCase[] = nodeFsApis.map((api) => {
  const call = `${api.path.join('.')}('a')`;
  const replacement = api.replacement && !api.replacement.differs ? api.replacement : undefined;
  return {
    api: `fs-extra.${api.path.join('.')}`,
    call,
    ...(replacement && {
      awaited: `await ${replacement.name}('a')`,
      addsImport: `import { ${replacement.name} } from 'fs/promises';`,
    }),
  };
});

const FS_EXTRA_OWN = fsPackageApis
  .filter((api) => api.modules[0] === 'fs-extra/esm')
  .map((api) => api.path[0]!.slice(0, -'Sync'.length));

const entries: EntryCase[] = [
  ...fsExtraMirror,
  ...FS_EXTRA_OWN.map((name) => own('fs-extra', name)),
  ...FS_EXTRA_OWN.map((name) => own('fs-extra/esm', name)),
  own('jsonfile', 'readFile'),
  own('jsonfile', 'writeFile', `'out/data.json', data`),
  { api: 'glob.globSync', call: `globSync('**/*.md')`, awaited: `await m.glob('**/*.md')` },
  { api: 'glob.glob.globSync', call: `glob.globSync('**/*.md')`, awaited: `await m.glob('**/*.md')` },
  { api: 'glob.glob.sync', call: `glob.sync('**/*.md')`, awaited: `await m.glob('**/*.md')` },
  advice('glob.sync', `sync('**/*.md')`),
  { api: 'fast-glob.sync', call: `sync(['src/**'], { dot: true })`, awaited: `await m.async(['src/**'], { dot: true })` },
  { api: 'fast-glob.globSync', call: `globSync('src/**')`, awaited: `await m.glob('src/**')` },
  { api: 'tinyglobby.globSync', call: `globSync(['src/**/*.ts'])`, awaited: `await m.glob(['src/**/*.ts'])` },
  { api: 'rimraf.rimrafSync', call: `rimrafSync(dir)`, awaited: `await m.rimraf(dir)` },
  { api: 'rimraf.rimraf.sync', call: `rimraf.sync(dir)`, awaited: `await m.rimraf(dir)` },
  { api: 'rimraf.rimraf.rimrafSync', call: `rimraf.rimrafSync(dir)`, awaited: `await m.rimraf(dir)` },
  ...['native', 'manual', 'windows', 'posix', 'moveRemove'].map(
    (name): EntryCase => ({ api: `rimraf.${name}Sync`, call: `${name}Sync(dir)`, awaited: `await m.${name}(dir)` }),
  ),
  advice('rimraf.sync', `sync(dir)`),
  { api: 'mkdirp.mkdirpSync', call: `mkdirpSync(dir)`, awaited: `await m.mkdirp(dir)` },
  { api: 'mkdirp.mkdirp.sync', call: `mkdirp.sync(dir)`, awaited: `await m.mkdirp(dir)` },
  ...['mkdirpNative', 'mkdirpManual', 'native', 'manual'].map(
    (name): EntryCase => ({ api: `mkdirp.${name}Sync`, call: `${name}Sync(dir)`, awaited: `await m.${name}(dir)` }),
  ),
  advice('mkdirp.sync', `sync(dir)`),
  { api: 'del.deleteSync', call: `deleteSync(['tmp/*'])`, awaited: `await m.deleteAsync(['tmp/*'])` },
  advice('del.sync', `sync(['tmp/*'])`),
  { api: 'make-dir.makeDirectorySync', call: `makeDirectorySync(dir)`, awaited: `await m.makeDirectory(dir)` },
  advice('make-dir.sync', `sync(dir)`),
  // lockSync resolves to a sync release function, lock to an async one: named, not suggested.
  advice('proper-lockfile.lockSync', `lockSync(file)`),
  { api: 'proper-lockfile.unlockSync', call: `unlockSync(file)`, awaited: `await m.unlock(file)` },
  { api: 'proper-lockfile.checkSync', call: `checkSync(file)`, awaited: `await m.check(file)` },
];

const entryInvalid = entryCases(entries);

const importStyles = [
  {
    code: express(`import fse from 'fs-extra';`, `const config = fse.readJsonSync(file);`),
    output: express(`import fse from 'fs-extra';`, `const config = await fse.readJson(file);`),
  },
  {
    code: express(`import fse from 'fs-extra';`, `res.send(fse.readFileSync(file, 'utf8'));`),
    output: withAddedImports(
      express(`import fse from 'fs-extra';`, `res.send(await readFile(file, 'utf8'));`),
      `import { readFile } from 'fs/promises';`,
    ),
  },
  {
    code: express(`import { outputJsonSync } from 'fs-extra/esm';`, `outputJsonSync(file, req.body);`, { sync: true }),
    output: express(`import { outputJsonSync, outputJson } from 'fs-extra/esm';`, `await outputJson(file, req.body);`),
    messageId: 'useAwaitedInAsyncHandler' as const,
  },
  {
    code: expressCjs(`const fs = require('fs-extra');`, `fs.copySync(from, to, { overwrite: true });`),
    output: expressCjs(`const fs = require('fs-extra');`, `await fs.copy(from, to, { overwrite: true });`),
  },
  {
    code: expressCjs(`const { removeSync } = require('fs-extra');`, `removeSync(dir);`),
    output: withAddedImports(
      expressCjs(`const { removeSync } = require('fs-extra');`, `await remove(dir);`),
      `const { remove } = require('fs-extra');`,
    ),
  },
  {
    code: expressCjs(`const jsonfile = require('jsonfile');`, `res.json(jsonfile.readFileSync(file));`),
    output: expressCjs(`const jsonfile = require('jsonfile');`, `res.json(await jsonfile.readFile(file));`),
  },
  {
    code: express(`import { globSync } from 'glob';`, `res.json(globSync('docs/**/*.md'));`),
    output: express(`import { globSync, glob } from 'glob';`, `res.json(await glob('docs/**/*.md'));`),
  },
  {
    code: express(`import { glob } from 'glob';`, `res.json(glob.sync('docs/**/*.md'));`),
    output: express(`import { glob } from 'glob';`, `res.json(await glob('docs/**/*.md'));`),
  },
  {
    code: express(`import fg from 'fast-glob';`, `res.json(fg.sync('docs/**'));`),
    output: express(`import fg from 'fast-glob';`, `res.json(await fg.async('docs/**'));`),
  },
  {
    code: expressCjs(`const fg = require('fast-glob');`, `res.json(fg.globSync('docs/**'));`),
    output: expressCjs(`const fg = require('fast-glob');`, `res.json(await fg.glob('docs/**'));`),
  },
  {
    code: express(`import { globSync as find } from 'tinyglobby';`, `res.json(find(['docs/**']));`),
    output: express(`import { globSync as find, glob } from 'tinyglobby';`, `res.json(await glob(['docs/**']));`),
  },
  {
    code: express(`import { rimrafSync } from 'rimraf';`, `rimrafSync(dir);`),
    output: express(`import { rimrafSync, rimraf } from 'rimraf';`, `await rimraf(dir);`),
  },
  {
    code: express(`import { mkdirp } from 'mkdirp';`, `mkdirp.sync(dir);`),
    output: express(`import { mkdirp } from 'mkdirp';`, `await mkdirp(dir);`),
  },
  {
    code: express(`import { deleteSync } from 'del';`, `deleteSync(['tmp/*']);`),
    output: express(`import { deleteSync, deleteAsync } from 'del';`, `await deleteAsync(['tmp/*']);`),
  },
  {
    code: expressCjs(`const { makeDirectorySync } = require('make-dir');`, `makeDirectorySync(dir);`),
    output: withAddedImports(
      expressCjs(`const { makeDirectorySync } = require('make-dir');`, `await makeDirectory(dir);`),
      `const { makeDirectory } = require('make-dir');`,
    ),
  },
  {
    code: express(`import lockfile from 'proper-lockfile';`, `if (lockfile.checkSync(file)) return;`),
    output: express(`import lockfile from 'proper-lockfile';`, `if (await lockfile.check(file)) return;`),
  },
].map(({ code, output, messageId = 'useAwaited' as const }) => ({
  code,
  errors: [{ messageId: 'blocking' as const, line: 5, suggestions: [{ messageId, output }] }],
}));

const adviceStyles = [
  expressCjs(`const glob = require('glob');`, `res.json(glob.sync('*.md'));`),
  expressCjs(`const rimraf = require('rimraf');`, `rimraf.sync(dir);`),
  expressCjs(`const mkdirp = require('mkdirp');`, `mkdirp.sync(dir);`),
  expressCjs(`const del = require('del');`, `del.sync(['tmp/*']);`),
  express(`import makeDir from 'make-dir';`, `makeDir.sync(dir);`),
].map((code) => ({ code, errors: [{ messageId: 'blockingNoEquivalent' as const, line: 5, suggestions: [] }] }));

// Named, but no suggestion: the awaited form differs.
const lockSyncCase = {
  code: express(`import { lockSync } from 'proper-lockfile';`, `const release = lockSync(file);`),
  errors: [{ messageId: 'blocking' as const, line: 5, suggestions: [] }],
};

const invalid = [...entryInvalid, ...importStyles, ...adviceStyles, lockSyncCase];

runRuleTests('no-sync-fs: fs-like packages', rule, {
  valid: [
    // The promise forms.
    express(`import fse from 'fs-extra';`, `const config = await fse.readJson(file); await fse.outputFile(p, s); await fse.copy(a, b);`),
    express(`import { glob } from 'glob';\nimport fg from 'fast-glob';`, `res.json([...(await glob('*.md')), ...(await fg('*.ts')), ...(await fg.async('*.js'))]);`),
    express(`import { glob } from 'tinyglobby';\nimport { rimraf } from 'rimraf';\nimport { mkdirp } from 'mkdirp';`, `await glob(['*']); await rimraf(dir); await mkdirp(dir);`),
    express(`import { deleteAsync } from 'del';\nimport { makeDirectory } from 'make-dir';\nimport lockfile from 'proper-lockfile';`, `await deleteAsync(['tmp']); await makeDirectory(dir); const release = await lockfile.lock(file); await release();`),
    // Start-up code.
    `import fse from 'fs-extra'; export const config = fse.readJsonSync('config.json');`,
    `import { globSync } from 'glob'; export const routes = globSync('routes/**/*.js');`,
    // Look-alikes: a local module with the same names.
    express(`import { readJsonSync, globSync } from './fs-utils.js';`, `res.json([readJsonSync(file), globSync('*')]);`),
  ],
  invalid,
});

itParsesEverySuggestion(invalid);

describe('fs-like package catalog', () => {
  it('has a case for every entry', () => {
    const expected = fsPackageApis.map(apiName);
    expect(entries.map((testCase) => testCase.api).sort()).toEqual(expected.sort());
  });

  it('is part of the fs family', () => {
    expect(fsPackageApis.every((api) => api.family === 'fs' && blockingApis.includes(api))).toBe(true);
  });

  it('names the replacement, or what to do instead', () => {
    const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
    expect(
      reportedMessages(
        rule,
        express(
          `import fse from 'fs-extra';\nimport del from 'del';\nimport { lockSync } from 'proper-lockfile';`,
          `fse.readJsonSync(f); del.sync(['tmp']); lockSync(f);`,
        ),
      ),
    ).toEqual([
      `\`fs-extra.readJsonSync()\` ${COST} Use \`await readJson()\` from \`fs-extra\` instead.`,
      `\`del.sync()\` ${COST} Call the module itself and await it: \`await del()\` takes the same arguments and resolves to the same value (or use \`deleteAsync()\` from \`del\` 7 or later).`,
      `\`proper-lockfile.lockSync()\` ${COST} Use \`await lock()\` from \`proper-lockfile\` instead (note that the release function it resolves to returns a promise as well).`,
    ]);
  });
});
