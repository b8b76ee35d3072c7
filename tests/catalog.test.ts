import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { apiName, blockingApis } from '../src/catalog/index.js';

const require = createRequire(import.meta.url);

/** Names of the functions a `declare module "<name>"` block of an @types/node file exports. */
function exportedFunctions(file: string, moduleName: string): Set<string> {
  const path = require.resolve(`@types/node/${file}`);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
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
  const fsFunctions = exportedFunctions('fs.d.ts', 'node:fs');
  const promisesFunctions = exportedFunctions('fs/promises.d.ts', 'node:fs/promises');

  it('reads a real list from @types/node', () => {
    expect(fsFunctions.has('readFileSync')).toBe(true);
    expect(promisesFunctions.has('readFile')).toBe(true);
  });

  it('lists every *Sync function of node:fs', () => {
    const catalogued = new Set(fsEntries.map((api) => api.path[0]));
    const missing = [...fsFunctions].filter((name) => name.endsWith('Sync') && !catalogued.has(name));
    expect(missing).toEqual([]);
  });

  it('names only replacements that node:fs/promises exports', () => {
    const replacements = fsEntries.flatMap((api) => (api.replacement ? [api.replacement.name] : []));
    expect(replacements.filter((name) => !promisesFunctions.has(name))).toEqual([]);
  });

  it('gives every entry either a replacement or advice', () => {
    expect(fsEntries.filter((api) => !api.replacement && !api.advice).map(apiName)).toEqual([]);
  });

  it('writes advice as full sentences', () => {
    for (const api of blockingApis) {
      if (api.advice) expect(api.advice).toMatch(/^[A-Z`].*\.$/);
    }
  });

  it('has one entry per API', () => {
    const names = blockingApis.map(apiName);
    expect(new Set(names).size).toBe(names.length);
  });
});
