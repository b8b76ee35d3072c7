import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { apiName, blockingApis, catalogTextCheck } from '../src/catalog/index.js';
import { notBlockingApis } from '../src/catalog/not-blocking.js';

/**
 * The Node core catalogs must keep up with Node: every `*Sync` function that @types/node declares
 * for these modules is either in the catalog or in not-blocking.ts with a reason, and every core
 * catalog entry names a function @types/node still declares.
 */
const CORE_MODULES = ['fs', 'child_process', 'crypto', 'zlib', 'zlib/iter'];

const typesDirectory = path.dirname(createRequire(import.meta.url).resolve('@types/node/package.json'));

/**
 * Export paths of `module` as @types/node declares them: module-level functions, functions of
 * namespaces (`realpathSync.native`), and static methods of classes (`ZipFile.openSync`).
 */
function declaredExports(module: string): string[][] {
  const file = path.join(typesDirectory, `${module}.d.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const paths: string[][] = [];
  const visit = (statements: readonly ts.Statement[], prefix: string[]) => {
    for (const statement of statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        paths.push([...prefix, statement.name.text]);
      } else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
        visit(statement.body.statements, [...prefix, statement.name.text]);
      } else if (ts.isClassDeclaration(statement) && statement.name) {
        for (const member of statement.members) {
          if (
            ts.isMethodDeclaration(member) &&
            ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) &&
            ts.isIdentifier(member.name)
          ) {
            paths.push([...prefix, statement.name.text, member.name.text]);
          }
        }
      }
    }
  };
  for (const statement of source.statements) {
    if (
      ts.isModuleDeclaration(statement) &&
      ts.isStringLiteral(statement.name) &&
      statement.name.text === `node:${module}` &&
      statement.body &&
      ts.isModuleBlock(statement.body)
    ) {
      visit(statement.body.statements, []);
    }
  }
  return paths;
}

const key = (module: string, exportPath: readonly string[]) => `${module}: ${exportPath.join('.')}`;

const isSyncPath = (exportPath: readonly string[]) =>
  exportPath.at(-1) !== '__promisify__' && exportPath.some((segment) => segment.endsWith('Sync'));

describe('Node core catalog', () => {
  const declared = new Map(CORE_MODULES.map((module) => [module, declaredExports(module)]));
  const catalogued = new Set(blockingApis.flatMap((api) => api.modules.map((module) => key(module, api.path))));
  const listedFast = new Set(notBlockingApis.map((api) => key(api.module, api.path)));

  it.each(CORE_MODULES)('knows every *Sync function of %s', (module) => {
    const syncPaths = declared.get(module)!.filter(isSyncPath);
    expect(syncPaths.length).toBeGreaterThan(0);
    const unknown = syncPaths
      .map((exportPath) => key(module, exportPath))
      .filter((name) => !catalogued.has(name) && !listedFast.has(name));
    expect(unknown, 'add them to src/catalog/ or, with the reason, to src/catalog/not-blocking.ts').toEqual([]);
  });

  it('names only functions @types/node declares', () => {
    const exists = new Set(CORE_MODULES.flatMap((module) => declared.get(module)!.map((p) => key(module, p))));
    const core = [
      ...blockingApis.flatMap((api) => api.modules.filter((m) => m !== 'graceful-fs').map((m) => ({ module: m, path: api.path }))),
      ...notBlockingApis,
    ].filter(({ module }) => CORE_MODULES.includes(module));
    const missing = core.map(({ module, path: p }) => key(module, p)).filter((name) => !exists.has(name));
    expect(missing).toEqual([]);
  });

  it('lists nothing both as blocking and as not blocking', () => {
    expect([...listedFast].filter((name) => catalogued.has(name))).toEqual([]);
  });

  it('has one entry per module and export path', () => {
    const names = blockingApis.flatMap((api) => api.modules.map((module) => key(module, api.path)));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});

const requireFromHere = createRequire(import.meta.url);

/** Names of the functions a `declare module "<name>"` block of an @types/node file exports. */
function functionsOfModule(file: string, moduleName: string): Set<string> {
  const typesFile = requireFromHere.resolve(`@types/node/${file}`);
  const source = ts.createSourceFile(typesFile, readFileSync(typesFile, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set<string>();
  const visit = (node: ts.Node, inModule: boolean): void => {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      inModule = node.name.text === moduleName;
    }
    if (inModule && ts.isFunctionDeclaration(node) && node.name) names.add(node.name.text);
    ts.forEachChild(node, (child) => visit(child, inModule));
  };
  visit(source, false);
  return names;
}

const fsEntries = blockingApis.filter((api) => api.family === 'fs');

describe('node:fs catalog', () => {
  const fsFunctions = functionsOfModule('fs.d.ts', 'node:fs');
  const promisesFunctions = functionsOfModule('fs/promises.d.ts', 'node:fs/promises');

  it('reads a real list from @types/node', () => {
    expect(fsFunctions.has('readFileSync')).toBe(true);
    expect(promisesFunctions.has('readFile')).toBe(true);
  });

  it('names only replacements that node:fs/promises exports', () => {
    const replacements = fsEntries.flatMap((api) => (api.replacement?.module === 'node:fs/promises' ? [api.replacement.name] : []));
    expect(replacements.filter((name) => !promisesFunctions.has(name))).toEqual([]);
  });

  it('gives every entry either a replacement or advice', () => {
    expect(blockingApis.filter((api) => !api.replacement && !api.advice).map(apiName)).toEqual([]);
  });

  it('writes advice as full sentences', () => {
    for (const api of blockingApis) {
      if (api.advice) expect(api.advice).toMatch(/^[A-Z`].*\.$/);
    }
  });

});

describe('catalogTextCheck: the text pre-check before another module is parsed', () => {
  const mayCall = catalogTextCheck(blockingApis);

  it('passes a module that names a catalog module and one of its blocking exports, in any import style', () => {
    expect(mayCall(`import { readFileSync } from 'node:fs';`)).toBe(true);
    expect(mayCall(`import fs from "fs";\nexport const load = (p) => fs.readFileSync(p);`)).toBe(true);
    expect(mayCall("const { execSync: run } = require(`child_process`);")).toBe(true);
    expect(mayCall(`import bcrypt from 'bcryptjs';\nbcrypt.compareSync(a, b);`)).toBe(true);
    expect(mayCall(`const glob = require('glob');\nglob.sync('*.md');`)).toBe(true);
  });

  it('skips a module that imports a catalog module only for what never blocks', () => {
    expect(mayCall(`import { randomUUID, createHash } from 'node:crypto';`)).toBe(false);
    expect(mayCall(`import { createReadStream } from 'fs';\nimport { readFile } from 'node:fs/promises';`)).toBe(false);
    expect(mayCall(`import { readFileSync } from './files.js';`)).toBe(false); // a local module: followed, not matched
    expect(mayCall(`// readFileSync is not used here\nexport const x = 1;`)).toBe(false);
  });

  it('takes the longest name of an export path as its giveaway, `$` counting as a letter', () => {
    expect(mayCall(`import fs from 'node:fs';\nexport const real = (p) => fs.realpathSync.native(p);`)).toBe(true);
    expect(mayCall(`const { realpathSync } = require('fs');\nmodule.exports = (p) => realpathSync.native(p);`)).toBe(true);
    // `native` alone (a comment, another API) does not give `realpathSync.native` away.
    expect(mayCall(`import { promises } from 'fs';\n// the native driver reads lazily\nexport const read = promises.readFile;`)).toBe(false);
    // zx: `$.sync` by its longer name; the preset `$({ sync: true })` by `$`, not part of a longer name.
    expect(mayCall(`import { $ } from 'zx';\nexport const list = () => $.sync\`ls\`;`)).toBe(true);
    expect(mayCall(`import { $ } from 'zx';\nconst $$ = $({ verbose: true, sync: true });`)).toBe(true);
    expect(mayCall(`import { $ } from 'zx';\nconst shell = $({ verbose: true });`)).toBe(true);
    expect(mayCall(`import { within } from 'zx';\nexport const inDir = (fn) => within(fn);`)).toBe(false);
    expect(mayCall(`import { within } from 'zx';\nconst $scope = 1, a$ = 2;`)).toBe(false);
  });

  it('passes any import of a module whose values or default export block', () => {
    expect(mayCall(`import Database from 'better-sqlite3';`)).toBe(true);
    expect(mayCall(`import { DatabaseSync } from 'node:sqlite';`)).toBe(true);
    expect(mayCall(`const request = require('sync-request');`)).toBe(true);
    expect(mayCall(`const db = require('knex')({ client: 'better-sqlite3' });`)).toBe(true);
  });

  it('passes a module that imports an ORM only when it names what builds a client over a synchronous driver', () => {
    expect(mayCall(`import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'better-sqlite3' });`)).toBe(true);
    expect(mayCall(`import { Kysely, SqliteDialect } from 'kysely';`)).toBe(true);
    expect(mayCall(`import { createDatabase } from 'db0';\nimport sqlite from 'db0/connectors/better-sqlite3';`)).toBe(true);
    expect(mayCall(`import knex from 'knex';\nexport const db = knex({ client: 'better-sqlite3' });`)).toBe(true);
    expect(mayCall(`const low = require('lowdb');\nconst FileSync = require('lowdb/adapters/FileSync');`)).toBe(true);
    // The configuration decides the driver, and it must be written where the client is built: a
    // client over an asynchronous driver, or configured elsewhere, is not recognised.
    expect(mayCall(`import { DataSource } from 'typeorm';\nexport const ds = new DataSource(options);`)).toBe(false);
    expect(mayCall(`import knex from 'knex';\nexport const db = knex({ client: 'pg', connection });`)).toBe(false);
    expect(mayCall(`import knex from 'knex';\nexport const db = knex(config.database);`)).toBe(false);
    expect(mayCall(`import { createDatabase } from 'db0';\nimport pg from 'db0/connectors/postgresql';`)).toBe(false);
    // Entity files and query helpers that build no client.
    expect(mayCall(`import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';`)).toBe(false);
    expect(mayCall(`import { sql, type Selectable } from 'kysely';`)).toBe(false);
    expect(mayCall(`import { Entity, Property } from '@mikro-orm/better-sqlite';`)).toBe(false);
  });

  it('takes a parsed module\'s loaded specifiers as its only catalog modules, subpaths included', () => {
    const text = `const name = 'fs';\nexport const load = (p) => readFileSync(p);`;
    expect(mayCall(text)).toBe(true); // the text alone: a quoted catalog module and a blocking export
    expect(mayCall(text, [])).toBe(false); // the tree: it loads no module at all
    expect(mayCall(text, ['./files.js'])).toBe(false);
    expect(mayCall(text, ['node:fs/promises'])).toBe(true); // a subpath of node:fs
    expect(mayCall(`import { createReadStream } from 'fs';`, ['fs'])).toBe(false);
    expect(mayCall(`import sqlite from 'db0/connectors/better-sqlite3';`, ['db0', 'db0/connectors/better-sqlite3'])).toBe(true);
    expect(mayCall(`const db = require('knex')({ client: 'better-sqlite3' });`, ['knex'])).toBe(true);
    expect(mayCall(`const db = require('knex')({ client: 'pg' });`, ['knex'])).toBe(false);
    expect(mayCall(`import Database from 'better-sqlite3';`, ['better-sqlite3'])).toBe(true);
    expect(mayCall(`import x from 'fs-extra-like';`, ['fs-extra-like'])).toBe(false); // not a subpath of fs
  });

  it('covers APIs that settings add to the catalog', () => {
    const check = catalogTextCheck([
      ...blockingApis,
      { family: 'fs', modules: ['@acme/storage'], path: ['loadBlobSync'], advice: 'Use loadBlob().' },
    ]);
    expect(check(`import { loadBlobSync } from '@acme/storage';`)).toBe(true);
    expect(check(`import { loadBlob } from '@acme/storage';`)).toBe(false);
  });
});
