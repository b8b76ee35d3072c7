/**
 * Where an import leads (src/analysis/module-resolution.ts), asked directly: the rules' tests
 * show it through findings, these show which file each specifier names (and one case, a subpath
 * import, what a handler is then reported for). Each case writes its own project, so no case sees
 * another's resolutions or listings.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { mayNameProjectModule, resolveFrom, wasResolved } from '../../src/analysis/module-resolution.js';
import { config } from '../linter-config.js';
import { ts } from '../rules/no-sync-fs.helpers.js';
import { tempProject, type ProjectFiles } from '../temp-project.js';

const project = (files: ProjectFiles): string => tempProject(files, 'resolution');

/** The file `specifier` names from `importer` (both relative to `root`), relative to `root`. */
function resolved(root: string, importer: string, specifier: string): string | undefined {
  const from = join(root, importer);
  const file = resolveFrom(from, dirname(from), specifier);
  return file === undefined ? undefined : relative(root, file);
}

describe('resolveFrom: a path specifier', () => {
  it('names the file as written, else the TypeScript source a `.js` specifier stands for', () => {
    const root = project({ 'lib/store.ts': '', 'lib/format.js': '', 'lib/format.ts': '', 'lib/view.tsx': '', 'routes/users.ts': '' });
    expect(resolved(root, 'routes/users.ts', '../lib/store.js')).toBe('lib/store.ts');
    expect(resolved(root, 'routes/users.ts', '../lib/format.js')).toBe('lib/format.js');
    expect(resolved(root, 'routes/users.ts', '../lib/view.js')).toBe('lib/view.tsx');
  });

  it('without an extension, tries the importer’s language first', () => {
    const root = project({ 'lib/store.js': '', 'lib/store.ts': '', 'app.js': '', 'app.ts': '' });
    expect(resolved(root, 'app.js', './lib/store')).toBe('lib/store.js');
    expect(resolved(root, 'app.ts', './lib/store')).toBe('lib/store.ts');
  });

  it('names a directory’s index file, and never a declaration file', () => {
    const root = project({ 'lib/index.ts': '', 'types.d.ts': '', 'app.ts': '' });
    expect(resolved(root, 'app.ts', './lib')).toBe('lib/index.ts');
    expect(resolved(root, 'app.ts', './types')).toBeUndefined();
    expect(resolved(root, 'app.ts', './types.d.ts')).toBeUndefined();
  });

  it('names no file where none exists, or where the name is a directory', () => {
    const root = project({ 'store.js': null, 'app.js': '' });
    expect(resolved(root, 'app.js', './missing.js')).toBeUndefined();
    expect(resolved(root, 'app.js', './store.js')).toBeUndefined();
  });
});

describe('resolveFrom: a package name', () => {
  it('names a project file where the importer’s tsconfig `paths` map it, and nothing otherwise', () => {
    const tsconfig = JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['./lib/*'] } } });
    const root = project({ 'tsconfig.json': tsconfig, 'lib/store.ts': '', 'src/app.ts': '' });
    const directory = join(root, 'src');
    expect(resolved(root, 'src/app.ts', '@lib/store.js')).toBe('lib/store.ts');
    expect(mayNameProjectModule(directory, '@lib/store.js')).toBe(true);
    expect(resolved(root, 'src/app.ts', 'express')).toBeUndefined();
    expect(mayNameProjectModule(directory, 'express')).toBe(false);
  });

  it('is not a project module without a tsconfig, while a path always may be', () => {
    const root = project({ 'app.js': '' });
    expect(mayNameProjectModule(root, '@lib/store.js')).toBe(false);
    expect(mayNameProjectModule(root, './store.js')).toBe(true);
  });
});

describe('resolveFrom: a package.json subpath import (`#db`)', () => {
  /** A project whose package.json has these `imports`, with these files beside it. */
  const withImports = (imports: unknown, files: Record<string, string | null> = {}): string =>
    project({ 'package.json': JSON.stringify({ name: 'api', type: 'module', imports }), 'src/app.ts': '', ...files });

  it('names the file an entry or a pattern maps it to, the TypeScript source of a `.js` target too', () => {
    const root = withImports({ '#db': './src/db.js', '#lib/*': './src/lib/*.js' }, { 'src/db.ts': '', 'src/lib/store.ts': '' });
    expect(resolved(root, 'src/app.ts', '#db')).toBe('src/db.ts');
    expect(resolved(root, 'src/app.ts', '#lib/store')).toBe('src/lib/store.ts');
    expect(mayNameProjectModule(join(root, 'src'), '#lib/store')).toBe(true);
  });

  it('takes TypeScript’s `types` condition first, and Node’s where that names no source file', () => {
    const root = withImports(
      {
        '#config': { types: './src/config.ts', default: './dist/config.js' },
        '#env': { types: './dist/env.d.ts', node: './dist/env.js', default: './dist/env.browser.js' },
      },
      { 'src/config.ts': '', 'dist/config.js': '', 'dist/env.d.ts': '', 'dist/env.js': '' },
    );
    expect(resolved(root, 'src/app.ts', '#config')).toBe('src/config.ts');
    expect(resolved(root, 'src/app.ts', '#env')).toBe('dist/env.js');
  });

  it('takes the custom conditions of the package’s tsconfig.json, as TypeScript does', () => {
    const imports = { '#db': { '@acme/source': './src/db.ts', default: './dist/db.js' } };
    const tsconfig = JSON.stringify({ compilerOptions: { customConditions: ['@acme/source'] } });
    const withConditions = withImports(imports, { 'tsconfig.json': tsconfig, 'src/db.ts': '', 'dist/db.js': '' });
    const without = withImports(imports, { 'src/db.ts': '', 'dist/db.js': '' });
    expect(resolved(withConditions, 'src/app.ts', '#db')).toBe('src/db.ts');
    expect(resolved(without, 'src/app.ts', '#db')).toBe('dist/db.js');
  });

  describe('a target in the tsconfig’s `outDir` or `declarationDir`', () => {
    const tsconfig = (compilerOptions: Record<string, unknown>): string => JSON.stringify({ compilerOptions });
    const built = { rootDir: 'src', outDir: 'dist' };

    it('names its source under `rootDir`, built or not, and before the build output', () => {
      const imports = { '#db': './dist/db.js', '#lib/*': './dist/lib/*.js' };
      const sources = { 'tsconfig.json': tsconfig(built), 'src/db.ts': '', 'src/lib/store.ts': '' };
      const unbuilt = withImports(imports, sources);
      const afterBuild = withImports(imports, { ...sources, 'dist/db.js': '', 'dist/lib/store.js': '' });
      for (const root of [unbuilt, afterBuild]) {
        expect(resolved(root, 'src/app.ts', '#db')).toBe('src/db.ts');
        expect(resolved(root, 'src/app.ts', '#lib/store')).toBe('src/lib/store.ts');
      }
    });

    it('names the source of a declaration file in `declarationDir`, and of an `.mjs` output', () => {
      const root = withImports(
        { '#db': { types: './types/db.d.ts', default: './dist/db.js' }, '#jobs': './dist/jobs.mjs' },
        { 'tsconfig.json': tsconfig({ ...built, declarationDir: 'types' }), 'src/db.ts': '', 'src/jobs.mts': '' },
      );
      expect(resolved(root, 'src/app.ts', '#db')).toBe('src/db.ts');
      expect(resolved(root, 'src/app.ts', '#jobs')).toBe('src/jobs.mts');
    });

    it('takes the tsconfig’s directory for the root of a `composite` project, and options from `extends`', () => {
      const composite = withImports({ '#db': './dist/db.js' }, { 'tsconfig.json': tsconfig({ composite: true, outDir: 'dist' }), 'db.ts': '' });
      expect(resolved(composite, 'src/app.ts', '#db')).toBe('db.ts');
      const extended = withImports(
        { '#db': './build/db.js' },
        {
          'config/tsconfig.base.json': tsconfig({ rootDir: '../src', outDir: '../build' }),
          'tsconfig.json': JSON.stringify({ extends: './config/tsconfig.base.json' }),
          'src/db.ts': '',
        },
      );
      expect(resolved(extended, 'src/app.ts', '#db')).toBe('src/db.ts');
    });

    it('maps nothing without `rootDir`, for a target outside the output, or with a tsconfig outside the package', () => {
      const noRoot = withImports({ '#db': './dist/db.js' }, { 'tsconfig.json': tsconfig({ outDir: 'dist' }), 'src/db.ts': '', 'db.ts': '' });
      expect(resolved(noRoot, 'src/app.ts', '#db')).toBeUndefined();
      const elsewhere = withImports({ '#db': './lib/db.js' }, { 'tsconfig.json': tsconfig(built), 'src/db.ts': '', 'lib/db.js': '' });
      expect(resolved(elsewhere, 'src/app.ts', '#db')).toBe('lib/db.js');
      const outside = project({
        'tsconfig.json': tsconfig({ rootDir: 'api/src', outDir: 'api/dist' }),
        'api/package.json': JSON.stringify({ name: 'api', imports: { '#db': './dist/db.js' } }),
        'api/src/app.ts': '',
        'api/src/db.ts': '',
      });
      expect(resolved(outside, 'api/src/app.ts', '#db')).toBeUndefined();
    });
  });

  it('names nothing for an entry that maps to a package, an entry not there, or a mapping to null', () => {
    const root = withImports({ '#dep': 'lodash', '#off': null });
    for (const specifier of ['#dep', '#off', '#missing']) {
      expect(resolved(root, 'src/app.ts', specifier)).toBeUndefined();
      expect(mayNameProjectModule(join(root, 'src'), specifier)).toBe(false);
    }
  });

  it('is looked up in the nearest package.json only, as Node does, and an unreadable one maps nothing', () => {
    const root = withImports({ '#db': './src/db.js' }, {
      'src/db.ts': '',
      'packages/worker/package.json': JSON.stringify({ name: 'worker' }),
      'packages/worker/index.ts': '',
      'packages/broken/package.json': '{ "imports": ',
      'packages/broken/index.ts': '',
    });
    expect(resolved(root, 'packages/worker/index.ts', '#db')).toBeUndefined();
    expect(resolved(root, 'packages/broken/index.ts', '#db')).toBeUndefined();
    expect(resolved(root, 'src/app.ts', '#db')).toBe('src/db.ts');
  });

  it.each([
    ['its source', { '#services/*': './src/services/*' }, {}],
    [
      'the build output of its source, not built',
      { '#services/*': './dist/services/*' },
      { 'tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }) },
    ],
  ])('leads a handler to the blocking helper behind it, where the entry names %s', (_, imports, files) => {
    const root = withImports(imports, {
      ...files,
      'src/services/reports.ts': ts`
          import { readFileSync } from 'node:fs';

          export function loadReport(id: string): string {
            return readFileSync(\`reports/\${id}.json\`, 'utf8');
          }
        `,
    });
    const routes = ts`
      import express from 'express';
      import { loadReport } from '#services/reports.js';

      const app = express();
      app.get('/reports/:id', (req, res) => {
        res.json(loadReport(req.params.id));
      });
    `;
    writeFileSync(join(root, 'src/routes.ts'), routes);
    const messages = new Linter({ cwd: root }).verify(routes, config(), join(root, 'src/routes.ts'));
    expect(messages.map(({ line, column, messageId }) => `${line}:${column} ${messageId}`)).toEqual(['6:12 blockingHelper']);
    expect(messages[0]!.message).toBe(
      '`loadReport()` blocks the event loop in this Express route handler: it calls `fs.readFileSync()` (src/services/reports.ts:4), ' +
        'and every other request waits until it returns. Use `await readFile()` from `node:fs/promises` there, and await the helper here.',
    );
  });
});

describe('resolveFrom: a package of the project’s own', () => {
  /**
   * A monorepo with its API in apps/api, and these files and links (path → target, relative to the
   * link), such as the packages under packages/ that npm links into the root's node_modules.
   */
  function monorepo(files: Record<string, string | null>, links: Record<string, string> = {}): string {
    const root = project({
      'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'apps/api/package.json': JSON.stringify({ name: '@acme/api', type: 'module' }),
      'apps/api/src/app.ts': '',
      'node_modules/@acme': null,
      ...files,
    });
    for (const [path, target] of Object.entries(links)) symlinkSync(target, join(root, path), 'dir');
    return root;
  }
  const built = JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } });

  it('follows a workspace package’s `exports` into its source, built or not', () => {
    const root = monorepo(
      {
        'packages/db/package.json': JSON.stringify({
          name: '@acme/db',
          exports: { '.': './dist/index.js', './store': { types: './dist/store.d.ts', default: './dist/store.js' } },
        }),
        'packages/db/tsconfig.json': built,
        'packages/db/src/index.ts': '',
        'packages/db/src/store.ts': '',
      },
      { 'node_modules/@acme/db': '../../packages/db' },
    );
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/db')).toBe('packages/db/src/index.ts');
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/db/store')).toBe('packages/db/src/store.ts');
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/db/missing')).toBeUndefined();
    expect(mayNameProjectModule(join(root, 'apps/api/src'), '@acme/db')).toBe(true);
  });

  it('takes `types`, `module` or `main` without `exports`, and a subpath as a path in the package', () => {
    const root = monorepo(
      {
        'packages/util/package.json': JSON.stringify({ name: 'util', main: 'lib/index.js' }),
        'packages/util/lib/index.js': '',
        'packages/util/lib/strings.js': '',
        'packages/plain/package.json': JSON.stringify({ name: 'plain' }),
        'packages/plain/index.ts': '',
      },
      { 'node_modules/util': '../packages/util', 'node_modules/plain': '../packages/plain' },
    );
    expect(resolved(root, 'apps/api/src/app.ts', 'util')).toBe('packages/util/lib/index.js');
    expect(resolved(root, 'apps/api/src/app.ts', 'util/lib/strings')).toBe('packages/util/lib/strings.js');
    expect(resolved(root, 'apps/api/src/app.ts', 'plain')).toBe('packages/plain/index.ts');
  });

  it('names nothing for an installed dependency, pnpm’s store included, a package not there, or a malformed one', () => {
    const root = monorepo(
      {
        // A package of the workspace whose tsconfig's rootDir is no path: no source, and no dist/ built.
        'packages/odd/package.json': JSON.stringify({ name: 'odd', exports: './dist/index.js' }),
        'packages/odd/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 5, outDir: 'dist' } }),
        'packages/odd/src/index.ts': '',
        'node_modules/express/package.json': JSON.stringify({ name: 'express', main: 'index.js' }),
        'node_modules/express/index.js': '',
        'node_modules/.pnpm/zod@4.0.0/node_modules/zod/package.json': JSON.stringify({ name: 'zod', main: 'index.js' }),
        'node_modules/.pnpm/zod@4.0.0/node_modules/zod/index.js': '',
      },
      { 'node_modules/zod': '.pnpm/zod@4.0.0/node_modules/zod', 'node_modules/odd': '../packages/odd' },
    );
    for (const specifier of ['express', 'zod', 'missing', 'fs']) {
      expect(resolved(root, 'apps/api/src/app.ts', specifier)).toBeUndefined();
      expect(mayNameProjectModule(join(root, 'apps/api/src'), specifier)).toBe(false);
    }
    expect(resolved(root, 'apps/api/src/app.ts', 'odd')).toBeUndefined();
  });

  it('knows a pnpm workspace by its pnpm-workspace.yaml, and follows no link outside a workspace', () => {
    const files = {
      'apps/api/package.json': JSON.stringify({ name: '@acme/api' }),
      'apps/api/src/app.ts': '',
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'index.js' }),
      'packages/db/index.js': '',
      'node_modules/@acme': null,
    };
    const pnpm = project({ 'package.json': JSON.stringify({ name: 'acme' }), 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n', ...files });
    const linkedOnly = project({ 'package.json': JSON.stringify({ name: 'acme' }), ...files });
    for (const root of [pnpm, linkedOnly]) symlinkSync('../../packages/db', join(root, 'node_modules/@acme/db'), 'dir');
    expect(resolved(pnpm, 'apps/api/src/app.ts', '@acme/db')).toBe('packages/db/index.js');
    expect(resolved(linkedOnly, 'apps/api/src/app.ts', '@acme/db')).toBeUndefined();
  });

  it('takes the packages its `workspaces` globs name where the workspace has no node_modules (Plug’n’Play)', () => {
    const root = project({
      'package.json': JSON.stringify({
        name: 'acme',
        workspaces: { packages: ['./packages/*', 'apps/api', 'libs/**', '!packages/legacy', './', '!', 7] },
      }),
      '.pnp.cjs': '',
      'apps/api/package.json': JSON.stringify({ name: '@acme/api', main: 'server.js' }),
      'apps/api/server.js': '',
      'apps/api/src/app.ts': '',
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', exports: './src/index.ts' }),
      'packages/db/src/index.ts': '',
      'packages/legacy/package.json': JSON.stringify({ name: '@acme/legacy', main: 'index.js' }),
      'packages/legacy/index.js': '',
      'libs/shared/strings/package.json': JSON.stringify({ name: '@acme/strings', main: 'index.js' }),
      'libs/shared/strings/index.js': '',
      'tools/package.json': JSON.stringify({ name: '@acme/tools', main: 'index.js' }),
      'tools/index.js': '',
    });
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/db')).toBe('packages/db/src/index.ts');
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/strings')).toBe('libs/shared/strings/index.js');
    expect(resolved(root, 'packages/db/src/index.ts', '@acme/api')).toBe('apps/api/server.js');
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/legacy')).toBeUndefined();
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/tools')).toBeUndefined();
  });

  it('takes the nearest node_modules that has the package, as Node does', () => {
    const root = monorepo(
      {
        'apps/api/node_modules/@acme/db/package.json': JSON.stringify({ name: '@acme/db', main: 'index.js' }),
        'apps/api/node_modules/@acme/db/index.js': '',
        'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'index.js' }),
        'packages/db/index.js': '',
      },
      { 'node_modules/@acme/db': '../../packages/db' },
    );
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/db')).toBeUndefined();
    expect(resolved(root, 'apps/web.ts', '@acme/db')).toBe('packages/db/index.js');
  });

  it('follows the package an importer is in, named by itself through its `exports`', () => {
    const root = monorepo({
      'apps/api/package.json': JSON.stringify({ name: '@acme/api', exports: { './db': './dist/db.js' } }),
      'apps/api/tsconfig.json': built,
      'apps/api/src/db.ts': '',
      'packages/cli/package.json': JSON.stringify({ name: '@acme/cli', main: 'index.js' }),
      'packages/cli/index.js': '',
      'packages/cli/src/app.ts': '',
    });
    expect(resolved(root, 'apps/api/src/app.ts', '@acme/api/db')).toBe('apps/api/src/db.ts');
    // Without `exports`, Node does not resolve a package's own name.
    expect(resolved(root, 'packages/cli/src/app.ts', '@acme/cli')).toBeUndefined();
  });

  it('leads a handler to the blocking helper in another package of the workspace', () => {
    const root = monorepo(
      {
        'packages/auth/package.json': JSON.stringify({ name: '@acme/auth', type: 'module', exports: './dist/index.js' }),
        'packages/auth/tsconfig.json': built,
        'packages/auth/src/index.ts': ts`
          import { readFileSync } from 'node:fs';

          export function signingKey(): string {
            return readFileSync('keys/signing.pem', 'utf8');
          }
        `,
      },
      { 'node_modules/@acme/auth': '../../packages/auth' },
    );
    const routes = ts`
      import express from 'express';
      import { signingKey } from '@acme/auth';

      const app = express();
      app.get('/.well-known/key', (req, res) => {
        res.type('pem').send(signingKey());
      });
    `;
    const file = join(root, 'apps/api/src/routes.ts');
    writeFileSync(file, routes);
    const messages = new Linter({ cwd: root }).verify(routes, config(), file);
    expect(messages.map(({ line, column, messageId }) => `${line}:${column} ${messageId}`)).toEqual(['6:24 blockingHelper']);
    expect(messages[0]!.message).toBe(
      '`signingKey()` blocks the event loop in this Express route handler: it calls `fs.readFileSync()` ' +
        '(packages/auth/src/index.ts:4), and every other request waits until it returns. ' +
        'Use `await readFile()` from `node:fs/promises` there, and await the helper here.',
    );
  });
});

describe('wasResolved', () => {
  it('is true once the specifier was resolved, from its directory or to the same path from another', () => {
    const root = project({ 'lib/store.ts': '', 'lib/cache.ts': '', 'routes/users.ts': '' });
    const routes = join(root, 'routes/users.ts');
    const lib = join(root, 'lib/cache.ts');
    expect(wasResolved(routes, dirname(routes), '../lib/store.js')).toBe(false);
    resolveFrom(routes, dirname(routes), '../lib/store.js');
    expect(wasResolved(routes, dirname(routes), '../lib/store.js')).toBe(true);
    expect(wasResolved(lib, dirname(lib), './store.js')).toBe(true);
    expect(wasResolved(lib, dirname(lib), './cache.js')).toBe(false);
  });

  it('is true for a specifier that names nothing, once asked', () => {
    const root = project({ 'app.ts': '' });
    const app = join(root, 'app.ts');
    expect(resolveFrom(app, root, './missing.js')).toBeUndefined();
    expect(wasResolved(app, root, './missing.js')).toBe(true);
  });
});
