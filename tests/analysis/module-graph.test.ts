/**
 * analyseModuleSites' `followImports` for a linted file: it asks whether the file has code worth
 * following imports for only when it imports what may be a module of the project (a relative path,
 * or a package name a tsconfig `paths` alias maps) and uses it inside a function, before resolving
 * any, and a "no" resolves and reads none of them; with a "yes", a module is resolved only when a
 * value it gives reaches a place where a blocking call could be reported.
 */
import { describe, expect, it, vi } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { analyseModuleSites } from '../../src/analysis/module-graph.js';
import { reachesCheckedCode, type ReportableCalls } from '../../src/analysis/reachability.js';
import { parseModule, startLine, type ModuleSource } from '../../src/analysis/module-source.js';
import { graphOptions } from './graph-options.js';
import { fixture } from '../rules/no-sync-fs-follow.helpers.js';
import { ts } from '../rules/no-sync-fs.helpers.js';
import type { FunctionNode } from '../../src/util/ast.js';

const options = graphOptions;
const file = fixture('routes/pages.ts');

function parse(code: string): ModuleSource {
  const source = parseModule(code, file, options.parser, options.parserOptions);
  if (!source) throw new Error('fixture code does not parse');
  return source;
}

const importsHelper = parse(ts`
  import { readFileSync } from 'node:fs';
  import { renderTemplate } from '../lib/templates.js';

  export function page(): string {
    return renderTemplate('page', {}) + readFileSync('footer.html', 'utf8');
  }
`);

/** A file that calls `formatMoney` of the module `specifier` names, in an exported function. */
const importing = (specifier: string): ModuleSource =>
  parse(ts`
    import { formatMoney } from '${specifier}';

    export function price(cents: number): string {
      return formatMoney(cents);
    }
  `);

/** A file where every call could be reported, if `any` says there is checked code at all. */
const gate = (any: boolean): ReportableCalls & { any: ReturnType<typeof vi.fn<() => boolean>> } => ({
  any: vi.fn(() => any),
  at: () => any,
  within: () => any,
  registered: () => false,
});

describe('analyseModuleSites: the followImports gate', () => {
  it('a "yes" follows the local import into its blocking export', () => {
    const yes = gate(true);
    const result = analyseModuleSites(importsHelper, file, options, yes);
    expect(yes.any).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([fixture('lib/templates.ts')]);
    expect([...result.imported.keys()]).toEqual(['../lib/templates.js']);
    expect(result.sites.map((site) => [startLine(importsHelper, site.node), site.reach.api.path.join('.'), site.reach.helpers])).toEqual([
      [5, 'readFileSync', ['renderTemplate', 'loadTemplate']],
      [5, 'readFileSync', []],
    ]);
  });

  it('a "no" reads no imported module, and the file\'s own catalog calls are still found', () => {
    const no = gate(false);
    const result = analyseModuleSites(importsHelper, file, options, no);
    expect(no.any).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([]);
    expect(result.imported.size).toBe(0);
    expect(result.sites.map((site) => [startLine(importsHelper, site.node), site.reach.helpers])).toEqual([[5, []]]);
  });

  it("is not asked when the file imports only Node's modules", () => {
    const yes = gate(true);
    const source = parse(ts`
      import { createServer } from 'node:http';
      import { readFileSync } from 'node:fs';

      export const server = createServer((req, res) => res.end(readFileSync('index.html', 'utf8')));
    `);
    const result = analyseModuleSites(source, file, options, yes);
    expect(yes.any).not.toHaveBeenCalled();
    expect(result.sites).toHaveLength(1);
  });

  it('is not asked when every import names a package that no tsconfig paths alias maps', () => {
    const yes = gate(true);
    const source = parse(ts`
      import express from 'express';
      import { readFileSync } from 'fs';
      import { z } from 'zod';

      export const app = express().get('/', (req, res) => res.send(readFileSync('index.html', 'utf8')));
    `);
    const result = analyseModuleSites(source, file, options, yes);
    expect(yes.any).not.toHaveBeenCalled();
    expect(result.dependencies).toEqual([]);
    expect(result.sites.map((site) => [startLine(source, site.node), site.reach.api.path.join('.')])).toEqual([[5, 'readFileSync']]);
  });

  it('is asked for a package name that the tsconfig paths alias maps, and follows it', () => {
    const yes = gate(true);
    const source = parse(ts`
      import express from 'express';
      import { renderTemplate } from '@lib/templates.js';

      export const app = express().get('/', (req, res) => res.send(renderTemplate('home', {})));
    `);
    const result = analyseModuleSites(source, file, options, yes);
    expect(yes.any).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([fixture('lib/templates.ts')]);
    expect(result.sites.map((site) => [startLine(source, site.node), site.reach.helpers])).toEqual([[4, ['renderTemplate', 'loadTemplate']]]);
  });

  it('is not asked for an import known to export nothing that blocks, from any directory; is asked for one not resolved before', async () => {
    const graph = await newModuleGraph();
    const importsFormat = importing('../lib/format.js');
    // Not resolved before: the gate first.
    const first = gate(true);
    expect(graph.analyseModuleSites(importsFormat, file, options, first).dependencies).toEqual([fixture('lib/format.ts')]);
    expect(first.any).toHaveBeenCalledTimes(1);

    // lib/format.ts is resolved and summarised (empty) now: nothing it gives can block.
    const again = gate(true);
    const result = graph.analyseModuleSites(importsFormat, file, options, again);
    expect(again.any).not.toHaveBeenCalled();
    expect(result.dependencies).toEqual([]);
    expect(result.sites).toEqual([]);

    // The same module from another directory, by another specifier: known by the path it names.
    const nested = fixture('routes/admin/pages.ts');
    const fromNested = gate(true);
    expect(graph.analyseModuleSites(importing('../../lib/format.js'), nested, options, fromNested).dependencies).toEqual([]);
    expect(fromNested.any).not.toHaveBeenCalled();

    // The same specifier from there names another path, not resolved before: the gate first (a
    // "no" here, so it is not resolved at all).
    const elsewhere = gate(false);
    const other = graph.analyseModuleSites(importsFormat, nested, options, elsewhere);
    expect(elsewhere.any).toHaveBeenCalledTimes(1);
    expect(other.dependencies).toEqual([]);
  });

  it('still knows a module to export nothing that blocks once its resolution has expired', async () => {
    const graph = await newModuleGraph();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      expect(graph.analyseModuleSites(importing('../lib/format.js'), file, options, gate(true)).dependencies).toEqual([
        fixture('lib/format.ts'),
      ]);
      // Past every cache's lifetime (a long CLI run): the path is resolved again, not forgotten.
      vi.setSystemTime(Date.now() + 60_000);
      const fromNested = gate(true);
      const result = graph.analyseModuleSites(importing('../../lib/format.js'), fixture('routes/admin/pages.ts'), options, fromNested);
      expect(fromNested.any).not.toHaveBeenCalled();
      expect(result.dependencies).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is not asked when the file uses its imports at start-up only', () => {
    const yes = gate(true);
    const source = parse(ts`
      import express from 'express';
      import { renderTemplate } from '../lib/templates.js';
      import * as format from '../lib/format.js';

      const banner = renderTemplate('banner', {});
      export const app = express().set('banner', banner).set('format', format.formatMoney);
    `);
    const result = analyseModuleSites(source, file, options, yes);
    expect(yes.any).not.toHaveBeenCalled();
    expect(result.dependencies).toEqual([]);
    expect(result.sites).toEqual([]);
  });

  it('classifies the file once, however many modules it imports', () => {
    const importsBoth = parse(ts`
      import { formatMoney } from '../lib/format.js';
      import { renderTemplate } from '../lib/templates.js';

      export function receipt(cents: number): string {
        return renderTemplate('receipt', { total: formatMoney(cents) });
      }

      export function invoice(cents: number): string {
        return renderTemplate('invoice', { total: formatMoney(cents) });
      }
    `);
    const checked = vi.fn<(fn: FunctionNode) => boolean>(() => false);
    const result = analyseModuleSites(importsBoth, file, options, reachesCheckedCode(importsBoth, checked));
    expect(checked.mock.calls.map(([fn]) => fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id?.name)).toEqual(['receipt', 'invoice']);
    expect(result.dependencies).toEqual([]);

    const handled = parse(importsBoth.text!.replace('function receipt', 'function handle'));
    const yes = analyseModuleSites(handled, file, options, handles(handled));
    // lib/format.ts exports nothing that blocks (whether or not an earlier test summarised it already).
    expect([...yes.imported.keys()]).toEqual(['../lib/templates.js']);
    expect(yes.dependencies).toContain(fixture('lib/templates.ts'));
    // Sites are found in every function; the rules keep those in checked code.
    expect(yes.sites.map((site) => [startLine(handled, site.node), site.reach.helpers])).toEqual([
      [5, ['renderTemplate', 'loadTemplate']],
      [9, ['renderTemplate', 'loadTemplate']],
    ]);
  });
});

/** Checked code for these tests: the function declared as `handle` (and what is nested in it). */
const handles = (source: ModuleSource): ReportableCalls =>
  reachesCheckedCode(source, (fn) => {
    for (let node: TSESTree.Node | undefined = fn; node; node = node.parent) {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id?.name === 'handle') return true;
    }
    return false;
  });

/**
 * The module graph as a new process has it (the module loaded anew, so no resolution or summary
 * is known): else an import of a module an earlier test found to export nothing would be passed
 * over unasked, wherever the importing file is.
 */
async function newModuleGraph(): Promise<typeof import('../../src/analysis/module-graph.js')> {
  vi.resetModules();
  return import('../../src/analysis/module-graph.js');
}

/** The modules the file is analysed against, in a new module graph, with `handle` as its only checked code. */
const followed = async (code: string): Promise<string[]> => {
  const source = parse(code);
  const graph = await newModuleGraph();
  return graph.analyseModuleSites(source, file, options, handles(source)).dependencies;
};

/** As `followed`, for a file without checked code where every function passed by name to a call is registered. */
const followedRegistering = async (code: string): Promise<string[]> => {
  const source = parse(code);
  const graph = await newModuleGraph();
  return graph.analyseModuleSites(source, file, options, reachesCheckedCode(source, () => false, () => true)).dependencies;
};

describe('analyseModuleSites: a linted file follows the imports that reach its checked code', () => {
  it('follows a handler registered by name as deep as summaries describe values: an export, a member of it', async () => {
    expect(
      await followedRegistering(ts`
        import { store } from '../lib/storage.js';
        const templates = require('../lib/templates.js');
        router.get('/rows', store.load);
        router.get('/page', wrap(templates.renderTemplate.bind(null)));
      `),
    ).toEqual([fixture('lib/storage.ts'), fixture('lib/templates.ts')]);
  });

  it('does not follow a handler registered by name deeper than summaries describe values', async () => {
    expect(
      await followedRegistering(ts`
        import { store } from '../lib/storage.js';
        const api = require('../lib/templates.js').helpers;
        router.get('/rows', store.rows.load);
        router.get('/page', wrap(api.pages.render));
      `),
    ).toEqual([]);
  });

  it('does not resolve an import used at start-up only', async () => {
    expect(
      await followed(ts`
        import { renderTemplate } from '../lib/templates.js';
        import { formatMoney } from '../lib/format.js';

        console.log(renderTemplate('banner', {}));
        function setup(): string {
          return renderTemplate('setup', {});
        }
        setup();
        export function page(): string {
          return renderTemplate('page', {});
        }
        function handle(): string {
          return formatMoney(100);
        }
      `),
    ).toEqual([fixture('lib/format.ts')]);
  });

  it('follows an import into a helper that the checked code calls, and reports the chain there', () => {
    const source = parse(ts`
      import { renderTemplate } from '../lib/templates.js';

      function page(): string {
        return renderTemplate('page', {});
      }
      function handle(): string {
        return page();
      }
    `);
    const result = analyseModuleSites(source, file, options, handles(source));
    expect(result.dependencies).toEqual([fixture('lib/templates.ts')]);
    expect(result.sites.map((site) => [startLine(source, site.node), site.reach.helpers])).toEqual([
      [4, ['renderTemplate', 'loadTemplate']],
      [7, ['page', 'renderTemplate', 'loadTemplate']],
    ]);
  });

  it('follows an instance made at start-up into the checked code that uses it', () => {
    const source = parse(ts`
      import { Cache } from '../lib/cache.js';

      const cache = new Cache('/tmp/pages');
      function handle(key: string): string | undefined {
        return cache.get(key);
      }
    `);
    const result = analyseModuleSites(source, file, options, handles(source));
    expect(result.dependencies).toEqual([fixture('lib/cache.ts')]);
    expect(result.sites.map((site) => [startLine(source, site.node), site.reach.helpers])).toEqual([[5, ['Cache.get']]]);
  });

  it('follows a value through a variable assigned later and through a function that returns it', async () => {
    expect(
      await followed(ts`
        import { renderTemplate } from '../lib/templates.js';
        import { store } from '../lib/storage.js';

        let render = (name: string): string => name;
        export function init(): void {
          render = renderTemplate;
        }
        function rows() {
          return store;
        }
        function handle(): string {
          return render('page') + rows().load('1').id;
        }
      `),
    ).toEqual([fixture('lib/templates.ts'), fixture('lib/storage.ts')]);
  });

  it('follows an instance kept in a field in a file with checked code', async () => {
    expect(
      await followed(ts`
        import { Cache } from '../lib/cache.js';

        export class Pages {
          private cache: Cache;
          constructor() {
            this.cache = new Cache('/tmp/pages');
          }
          page(name: string): string {
            return this.cache.get(name);
          }
        }
        const pages = new Pages();
        function handle(): string {
          return pages.page('home');
        }
      `),
    ).toEqual([fixture('lib/cache.ts')]);
  });

  it('does not follow an import that the checked code names only as a type', async () => {
    expect(
      await followed(ts`
        import { Cache } from '../lib/cache.js';

        function handle(pages: Map<string, Cache>): Cache | undefined {
          const found: Array<Cache> = [];
          return pages.get('home') ?? found[0];
        }
      `),
    ).toEqual([]);
  });

  it('follows a parameter that an imported type types into the checked code that uses it', async () => {
    expect(
      await followed(ts`
        import { Cache } from '../lib/cache.js';

        function handle(cache: Cache): string | undefined {
          return cache.get('home');
        }
      `),
    ).toEqual([fixture('lib/cache.ts')]);
  });

  it('in a file without checked code, does not follow an instance kept in a field that nothing registers', async () => {
    expect(
      await followed(ts`
        import { Cache } from '../lib/cache.js';

        export class Pages {
          private cache: Cache;
          private readonly spare = new Cache('/tmp/spare');
          constructor(private readonly injected: Cache) {
            this.cache = new Cache('/tmp/pages');
          }
          warm(): void {
            this.cache.get('home');
            this.spare.get('home');
            this.injected.get('home');
          }
        }
        new Pages(new Cache('/tmp/injected')).warm();
      `),
    ).toEqual([]);
  });
});

describe('reachesCheckedCode', () => {
  const source = parse(ts`
    function a(): void {
      b();
    }
    function b(): void {
      a();
    }
    function c(): void {
      d();
    }
    function d(): void {
      c();
    }
    function handle(): void {
      a();
    }
    d();
  `);
  const declaration = (name: string): TSESTree.FunctionDeclaration =>
    source.ast.body.find(
      (statement) => statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === name,
    ) as TSESTree.FunctionDeclaration;
  const body = (name: string): TSESTree.Node => declaration(name).body.body[0]!;

  it('follows calls through a cycle of helpers to the checked code, in either order of questions', () => {
    const first = handles(source);
    expect([first.at(body('b')), first.at(body('a'))]).toEqual([true, true]);
    const second = handles(source);
    expect([second.at(body('a')), second.at(body('b'))]).toEqual([true, true]);
  });

  it('answers no for a cycle that only start-up code calls, and for the top level', () => {
    const reportable = handles(source);
    expect([reportable.at(body('c')), reportable.at(body('d')), reportable.at(source.ast.body.at(-1)!)]).toEqual([false, false, false]);
    expect(reportable.any()).toBe(true);
  });

  it('answers for a function as for the calls written in it', () => {
    const reportable = handles(source);
    expect(['a', 'b', 'c', 'd', 'handle'].map((name) => reportable.within(declaration(name)))).toEqual([true, true, false, false, true]);
  });

  it('answers no everywhere in a file without checked code', () => {
    const reportable = reachesCheckedCode(source, () => false);
    expect([reportable.any(), reportable.at(body('a'))]).toEqual([false, false]);
  });
});
