/**
 * analyseModuleSites' `followImports` gate: a linted file asks whether it has code worth following
 * imports for only when it imports what may be a module of the project (a relative path, or a
 * package name a tsconfig `paths` alias maps), once and before resolving any, and a "no" resolves
 * and reads none of them.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyseModuleSites } from '../../src/analysis/module-graph.js';
import { parseModule, type ModuleSource } from '../../src/analysis/module-source.js';
import { graphOptions } from './graph-options.js';
import { fixture } from '../rules/no-sync-fs-follow.helpers.js';
import { ts } from '../rules/no-sync-fs.helpers.js';

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

describe('analyseModuleSites: the followImports gate', () => {
  it('a "yes" follows the local import into its blocking export', () => {
    const gate = vi.fn(() => true);
    const result = analyseModuleSites(importsHelper, file, options, gate);
    expect(gate).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([fixture('lib/templates.ts')]);
    expect([...result.imported.keys()]).toEqual(['../lib/templates.js']);
    expect(result.sites.map((site) => [site.node.loc.start.line, site.reach.api.path.join('.'), site.reach.helpers])).toEqual([
      [5, 'readFileSync', ['renderTemplate', 'loadTemplate']],
      [5, 'readFileSync', []],
    ]);
  });

  it('a "no" reads no imported module, and the file\'s own catalog calls are still found', () => {
    const gate = vi.fn(() => false);
    const result = analyseModuleSites(importsHelper, file, options, gate);
    expect(gate).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([]);
    expect(result.imported.size).toBe(0);
    expect(result.sites.map((site) => [site.node.loc.start.line, site.reach.helpers])).toEqual([[5, []]]);
  });

  it("is not asked when the file imports only Node's modules", () => {
    const gate = vi.fn(() => true);
    const source = parse(ts`
      import { createServer } from 'node:http';
      import { readFileSync } from 'node:fs';

      export const server = createServer((req, res) => res.end(readFileSync('index.html', 'utf8')));
    `);
    const result = analyseModuleSites(source, file, options, gate);
    expect(gate).not.toHaveBeenCalled();
    expect(result.sites).toHaveLength(1);
  });

  it('is not asked when every import names a package that no tsconfig paths alias maps', () => {
    const gate = vi.fn(() => true);
    const source = parse(ts`
      import express from 'express';
      import { readFileSync } from 'fs';
      import { z } from 'zod';

      export const app = express().get('/', (req, res) => res.send(readFileSync('index.html', 'utf8')));
    `);
    const result = analyseModuleSites(source, file, options, gate);
    expect(gate).not.toHaveBeenCalled();
    expect(result.dependencies).toEqual([]);
    expect(result.sites.map((site) => [site.node.loc.start.line, site.reach.api.path.join('.')])).toEqual([[5, 'readFileSync']]);
  });

  it('is asked for a package name that the tsconfig paths alias maps, and follows it', () => {
    const gate = vi.fn(() => true);
    const source = parse(ts`
      import express from 'express';
      import { renderTemplate } from '@lib/templates.js';

      export const app = express().get('/', (req, res) => res.send(renderTemplate('home', {})));
    `);
    const result = analyseModuleSites(source, file, options, gate);
    expect(gate).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([fixture('lib/templates.ts')]);
    expect(result.sites.map((site) => [site.node.loc.start.line, site.reach.helpers])).toEqual([[4, ['renderTemplate', 'loadTemplate']]]);
  });

  it('is asked before any import is resolved, also when the imports are known to export nothing', () => {
    const importsFormat = parse(ts`
      import { formatMoney } from '../lib/format.js';

      export function price(cents: number): string {
        return formatMoney(cents);
      }
    `);
    // lib/format.ts is summarised (empty) and cached.
    expect(analyseModuleSites(importsFormat, file, options, () => true).dependencies).toEqual([fixture('lib/format.ts')]);

    const gate = vi.fn(() => false);
    const result = analyseModuleSites(importsFormat, file, options, gate);
    expect(gate).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([]);
    expect(result.sites).toEqual([]);
  });

  it('is asked once, however many modules the file imports', () => {
    const importsBoth = parse(ts`
      import { formatMoney } from '../lib/format.js';
      import { renderTemplate } from '../lib/templates.js';

      export function receipt(cents: number): string {
        return renderTemplate('receipt', { total: formatMoney(cents) });
      }
    `);
    const yes = vi.fn(() => true);
    const result = analyseModuleSites(importsBoth, file, options, yes);
    expect(yes).toHaveBeenCalledTimes(1);
    expect(result.dependencies).toEqual([fixture('lib/format.ts'), fixture('lib/templates.ts')]);
    expect(result.sites.map((site) => [site.node.loc.start.line, site.reach.helpers])).toEqual([
      [5, ['renderTemplate', 'loadTemplate']],
    ]);
  });
});
