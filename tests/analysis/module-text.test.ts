/**
 * The text checks of a followed module (src/analysis/module-text.ts), asked directly: which local
 * modules a text imports, and whether it may use a blocking export of one of them. The rules'
 * tests (blocking-export-use.test.ts among them) show the same through findings and parses; these
 * pin each pattern, and each answer that must be no.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportReach, ModuleSummary } from '../../src/analysis/module-graph.js';
import { blockingExportUse, readModuleText, textImports } from '../../src/analysis/module-text.js';
import type { FamilyReach, MemberReach, Reach } from '../../src/analysis/reachability.js';
import type { DbValue } from '../../src/analysis/sync-db.js';
import { tempProject } from '../temp-project.js';

describe('textImports', () => {
  const root = tempProject({
    'src/app.js': '',
    'src/a.js': '',
    'src/b.js': '',
    'src/c.js': '',
    'src/d.js': '',
    'src/e.js': '',
    'src/f.js': '',
    'src/setup.js': '',
    'lib/store.ts': '',
  }, 'module-text');
  /** The local modules `text` imports when written in src/app.js, relative to the project. */
  const dependencies = (text: string): string[] =>
    textImports(join(root, 'src/app.js'), text).dependencies.map((file) => relative(root, file));

  it('finds import, export-from, dynamic import and require specifiers, resolved', () => {
    const text = [
      "import { a } from './a.js';",
      "import b from './b';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "const e = await import('./e.js');",
      "const f = require(`./f`);",
      "const store = require('../lib/store');",
    ].join('\n');
    expect(dependencies(text)).toEqual(['src/a.js', 'src/b.js', 'src/c.js', 'src/d.js', 'src/e.js', 'src/f.js', 'lib/store.ts']);
  });

  it('passes over side-effect imports, packages, missing files and the module itself', () => {
    const text = [
      "import './setup.js';",
      "import express from 'express';",
      "const fs = require('node:fs');",
      "import { gone } from './gone.js';",
      "import { self } from './app.js';",
    ].join('\n');
    expect(dependencies(text)).toEqual([]);
  });

  it('keeps what each specifier that may name a local module named, a missing file and the module itself too', () => {
    // Vitest is a long-lived process: a summary made from this text is stale once one of these
    // names another module (resolvesAsBefore).
    const text = [
      "import './setup.js';",
      "import express from 'express';",
      "import { a } from './a.js';",
      "import { gone } from './gone.js';",
      "import { self } from './app.js';",
      "const again = require('./a.js');",
    ].join('\n');
    const { resolutions } = textImports(join(root, 'src/app.js'), text);
    expect(resolutions.map(([specifier, file]) => [specifier, file && relative(root, file)])).toEqual([
      ['./a.js', 'src/a.js'],
      ['./gone.js', undefined],
      ['./app.js', 'src/app.js'],
    ]);
  });

  it('names each module once, however often it is imported', () => {
    expect(dependencies("import { a } from './a.js';\nimport type { A } from './a';\nconst lazy = () => import('./a.js');")).toEqual([
      'src/a.js',
    ]);
  });
});

describe('blockingExportUse', () => {
  // Only which exports and members block is read here, not what they reach.
  const reach = {} as Reach;
  const database = {} as DbValue;
  const family: FamilyReach = new Map([['fs', reach]]);
  const members = (...names: string[]): MemberReach => new Map(names.map((name) => [name, family]));
  const summary = (exports: Record<string, ExportReach>): ModuleSummary => ({ esm: true, exports: new Map(Object.entries(exports)) });
  /** Whether a module with this text may use what `exports` block. */
  const mayUse = (text: string, exports: Record<string, ExportReach>): boolean => blockingExportUse(text)(summary(exports));

  it('is no for a module that exports nothing that blocks', () => {
    expect(mayUse('export * from "./store.js"; loadConfig();', {})).toBe(false);
  });

  it('is yes where the text names a blocking function, database or member as a whole word', () => {
    expect(mayUse('const config = loadConfig();', { loadConfig: { call: family } })).toBe(true);
    expect(mayUse('db.prepare(sql)', { db: { db: database } })).toBe(true);
    expect(mayUse('await this.store.readAll()', { Store: { instanceMembers: members('readAll') } })).toBe(true);
    expect(mayUse('$(cmd)', { $: { call: family } })).toBe(true);
  });

  it('is no where the name is only part of a longer one', () => {
    expect(mayUse('loadConfigAsync(); reloadConfig(); config.loadConfig$', { loadConfig: { call: family } })).toBe(false);
  });

  it('is yes for an export without a name of its own, and for a text that re-exports everything', () => {
    expect(mayUse('const anything = require("./x")();', { '': { call: family } })).toBe(true);
    expect(mayUse('import load from "./x";', { default: { call: family } })).toBe(true);
    expect(mayUse('export * as helpers from "./x";', { loadConfig: { call: family } })).toBe(true);
  });

  describe('a holder of blocking members, named but its members not', () => {
    const holder = { Store: { instanceMembers: members('readAll') } };

    it('is no where the text only uses it', () => {
      expect(mayUse('const store = new Store(); store.count();', holder)).toBe(false);
    });

    it('is yes where the text may export a value it did not declare', () => {
      expect(mayUse('export const store = new Store();', holder)).toBe(true);
      expect(mayUse('module.exports = { Store };', holder)).toBe(true);
      expect(mayUse('export default Store;', holder)).toBe(true);
      expect(mayUse('export = Store;', holder)).toBe(true);
      expect(mayUse('export { Store } from "./store.js";', holder)).toBe(true);
      expect(mayUse('const S = Store;\nexport { S };', holder)).toBe(true);
      expect(mayUse('export { Store as Records };', holder)).toBe(true);
    });

    it('is no where every name it exports is a class or function it declares', () => {
      expect(mayUse('export class Records extends Store {}\nexport default class Other {}', holder)).toBe(false);
      expect(mayUse('class Records extends Store {}\nfunction* rows() {}\nexport { Records, rows as allRows };', holder)).toBe(false);
      expect(mayUse('let Service = class Service extends Store {};\nexport { type Options, Service };\nclass Service {}', holder)).toBe(
        false,
      );
    });

    it('takes no declaration from a comment', () => {
      expect(mayUse('// class Records was split\nexport { Records };\nconst Records = Store;', holder)).toBe(true);
      expect(mayUse('/* function Records() */\nexport { Records };\nconst Records = Store;', holder)).toBe(true);
      expect(mayUse('/* old */ class Records extends Store {}\nexport { Records };', holder)).toBe(false);
    });

    it('takes a declaration after a `//` in a string for a comment: a parse more, no finding lost', () => {
      expect(mayUse('const url = "https://x"; class Records extends Store {}\nexport { Records };', holder)).toBe(true);
    });
  });
});

describe('readModuleText', () => {
  const root = tempProject({ 'text.js': 'export const a = 1;\n', 'binary.js': 'abc\0def' }, 'module-text');

  it('reads a text file', () => {
    expect(readModuleText(join(root, 'text.js'))).toBe('export const a = 1;\n');
  });

  it('gives nothing for a binary file or a missing one', () => {
    expect(readModuleText(join(root, 'binary.js'))).toBeUndefined();
    expect(readModuleText(join(root, 'missing.js'))).toBeUndefined();
  });
});
