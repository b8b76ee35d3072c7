/**
 * Summaries through import cycles. A module summarised while a module it imports was still in
 * progress is provisional (and so is every module importing it); when the outermost summary is
 * done, they are summarised again against each other until none changes. That must give the
 * cycle's full answer without reading or resolving a module again: in a large graph full of
 * cycles, provisional modules are about a quarter of all reads. And the modules a summary does not
 * read at all: those a module imports for their side effects only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyseModuleSites, summarise } from '../../src/analysis/module-graph.js';
import { parseModule, startLine } from '../../src/analysis/module-source.js';
import { graphOptions } from './graph-options.js';
import { ts } from '../rules/no-sync-fs.helpers.js';
import { tempProject } from '../temp-project.js';

const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const counted = ((...args: Parameters<typeof actual.readFileSync>) => {
    if (typeof args[0] === 'string') reads.push(args[0]);
    return actual.readFileSync(...args);
  }) as typeof actual.readFileSync;
  return { ...actual, readFileSync: counted, default: { ...actual, readFileSync: counted } };
});

const options = graphOptions;

beforeEach(() => {
  reads.length = 0;
});

/** A new project with `files`; each test has its own, so none sees another's cached summaries. */
function project(files: Record<string, string>): (name: string) => string {
  const root = tempProject(files, 'cycles');
  return (name) => join(root, name);
}

/** Sites of the route file, each as `line api [helpers]`, following its imports. */
function routeSites(file: string): string[] {
  const source = parseModule(readFileSync(file, 'utf8'), file, options.parser, options.parserOptions);
  if (!source) throw new Error('fixture code does not parse');
  reads.length = 0;
  return analyseModuleSites(source, file, options, true).sites.map(
    (site) => `${startLine(source, site.node)} ${site.reach.api.path.join('.')} [${site.reach.helpers.join(', ')}]`,
  );
}

function readsOf(file: string): number {
  return reads.filter((read) => read === file).length;
}

describe('summaries through an import cycle', () => {
  it('a provisional module that turns out to block is read once, and its blocking export found', () => {
    // routes → cache → store → cache: cache names no catalog API, and store, summarised while cache
    // is in progress, sees it as empty; what cache's `getCached` reaches is known once both are settled.
    const file = project({
      'routes.ts': ts`
        import { getCached } from './cache.js';
        import { load } from './store.js';

        export const page = () => getCached('page') ?? load('page');
      `,
      'store.ts': ts`
        import { readFileSync } from 'node:fs';
        import { remember } from './cache.js';

        export function load(name: string): string {
          return remember(name, readFileSync(name, 'utf8'));
        }
      `,
      'cache.ts': ts`
        import { load } from './store.js';

        const values = new Map<string, string>();
        export function remember(name: string, value: string): string {
          values.set(name, value);
          return value;
        }
        export function getCached(name: string): string | undefined {
          return values.get(name) ?? load(name);
        }
      `,
    });
    expect(routeSites(file('routes.ts'))).toEqual(['4 readFileSync [getCached, load]', '4 readFileSync [load]']);
    expect(readsOf(file('cache.ts'))).toBe(1);
    expect(readsOf(file('store.ts'))).toBe(1);
    expect([...summarise(file('cache.ts'), options).exports.keys()]).toEqual(['getCached']);
  });

  it("the module a cycle starts at blocks through the cycle's other modules", () => {
    // render (page.ts) → layout (layout.ts) → readPartial (page.ts): page.ts is in progress when
    // layout.ts asks for it, so the first look at either sees only half of the cycle.
    const file = project({
      'routes.ts': ts`
        import { render } from './page.js';

        export const handler = () => render();
      `,
      'page.ts': ts`
        import { readFileSync } from 'node:fs';
        import { layout } from './layout.js';

        export function render(): string {
          return layout();
        }
        export function readPartial(name: string): string {
          return readFileSync(name, 'utf8');
        }
      `,
      'layout.ts': ts`
        import { readPartial } from './page.js';

        export const layout = () => readPartial('layout.html');
      `,
    });
    expect(routeSites(file('routes.ts'))).toEqual(['3 readFileSync [render, layout, readPartial]']);
    expect([...summarise(file('page.ts'), options).exports.keys()]).toEqual(['render', 'readPartial']);
    expect([...summarise(file('layout.ts'), options).exports.keys()]).toEqual(['layout']);
    expect(readsOf(file('page.ts'))).toBe(1);
    expect(readsOf(file('layout.ts'))).toBe(1);
  });

  it('a long cycle settles whole: each module is summarised after the modules it imports', () => {
    // step0 → step1 → … → step11 → step0, and only step0 calls readFileSync (in `read`): what step11
    // learns of step0 has to reach step1, eleven modules back, within a few rounds.
    const steps = 12;
    const files: Record<string, string> = {
      'routes.ts': "import { step0 } from './step0.js';\n\nexport const handler = () => step0();\n",
      'step0.ts': [
        "import { readFileSync } from 'node:fs';",
        "import { step1 } from './step1.js';",
        '',
        'export const step0 = () => step1();',
        "export const read = () => readFileSync('data.json', 'utf8');",
        '',
      ].join('\n'),
    };
    for (let index = 1; index < steps; index++) {
      const [next, module] = index === steps - 1 ? ['read', 'step0'] : [`step${index + 1}`, `step${index + 1}`];
      files[`step${index}.ts`] = `import { ${next} } from './${module}.js';\n\nexport const step${index} = () => ${next}();\n`;
    }
    const file = project(files);
    const deep = { ...options, maxDepth: 20 };
    const source = parseModule(readFileSync(file('routes.ts'), 'utf8'), file('routes.ts'), deep.parser, deep.parserOptions)!;
    const [site] = analyseModuleSites(source, file('routes.ts'), deep, true).sites;
    expect(site?.reach.helpers).toEqual(['step0', ...Array.from({ length: steps - 1 }, (_, index) => `step${index + 1}`), 'read']);
    for (let index = 1; index < steps; index++) {
      expect(readsOf(file(`step${index}.ts`))).toBe(1);
    }
  });

  it('a provisional module that stays empty is read once and summarised as empty', () => {
    const file = project({
      'routes.ts': ts`
        import { format } from './format.js';

        export const page = (name: string) => format(name);
      `,
      'format.ts': ts`
        import { pad } from './pad.js';

        export const format = (name: string) => pad(name.trim());
      `,
      'pad.ts': ts`
        import { format } from './format.js';

        export const pad = (text: string) => text.padStart(10);
        export const padFormatted = (text: string) => pad(format(text));
      `,
    });
    expect(routeSites(file('routes.ts'))).toEqual([]);
    expect(readsOf(file('format.ts'))).toBe(1);
    expect(readsOf(file('pad.ts'))).toBe(1);
    expect(summarise(file('pad.ts'), options).exports.size).toBe(0);
  });
});

describe('side-effect imports', () => {
  // `import './setup.js'` runs the module at start-up and binds nothing the importer could call,
  // so no summary depends on it: it is not read, whether the importer is parsed or only read.
  const SETUP = ts`
    import { readFileSync } from 'node:fs';

    export const loadConfig = () => JSON.parse(readFileSync('config.json', 'utf8'));
    loadConfig();
  `;
  /** A route file that calls the `page` helper of pages.ts. */
  const SHOW_PAGE = ts`
    import { page } from './pages.js';

    export const show = (name: string) => page(name);
  `;

  it('a linted file does not follow one', () => {
    const file = project({
      'routes.ts': ts`
        import './setup.js';
        import { render } from './render.js';

        export const page = (name: string) => render(name);
      `,
      'setup.ts': SETUP,
      'render.ts': ts`
        import { readFileSync } from 'node:fs';

        export const render = (name: string) => readFileSync(name + '.html', 'utf8');
      `,
    });
    expect(routeSites(file('routes.ts'))).toEqual(['4 readFileSync [render]']);
    expect(readsOf(file('render.ts'))).toBe(1);
    expect(readsOf(file('setup.ts'))).toBe(0);
  });

  it('a helper read for its imports does not follow one', () => {
    const file = project({
      'routes.ts': SHOW_PAGE,
      // Names no catalog API: read for its imports, not parsed unless one of them blocks.
      'pages.ts': ts`
        import './setup.js';
        import { render } from './render.js';

        export const page = (name: string) => render(name);
      `,
      'setup.ts': SETUP,
      'render.ts': ts`
        export const render = (name: string) => name.toUpperCase();
      `,
    });
    expect(routeSites(file('routes.ts'))).toEqual([]);
    expect(readsOf(file('pages.ts'))).toBe(1);
    expect(readsOf(file('render.ts'))).toBe(1);
    expect(readsOf(file('setup.ts'))).toBe(0);
  });

  it('a parsed helper does not follow one', () => {
    const file = project({
      'routes.ts': SHOW_PAGE,
      // Names a catalog API: parsed.
      'pages.ts': ts`
        import './setup.js';
        import { existsSync } from 'node:fs';

        export const page = (name: string) => existsSync(name);
      `,
      'setup.ts': SETUP,
    });
    expect(routeSites(file('routes.ts'))).toEqual(['3 existsSync [page]']);
    expect(readsOf(file('pages.ts'))).toBe(1);
    expect(readsOf(file('setup.ts'))).toBe(0);
  });
});
