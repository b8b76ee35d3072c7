/**
 * The second text pre-check of a followed module: one that calls no catalog API is parsed only when
 * its text may use what a module it imports exports that blocks: the name of a blocking function,
 * database or member, or of a class or object holding such members where the module may export it
 * again. An unnamed export (a default export) and `export *` take no name. Each case writes its own
 * project, so no case sees another's summaries; each checks the findings and what was parsed.
 */
import { join, relative } from 'node:path';
import { Linter } from 'eslint';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { config } from '../linter-config.js';
import { ts } from '../rules/no-sync-fs.helpers.js';
import { tempProject } from '../temp-project.js';
import { parsed } from './parsed-modules.js';

vi.mock('../../src/analysis/module-source.js', async (importOriginal) =>
  (await import('./parsed-modules.js')).recordingModuleSource(importOriginal),
);

beforeEach(() => {
  parsed.length = 0;
});

/**
 * Writes `files` (path → text) into a new project and lints `entry` there with no-sync-fs: where it
 * reports, and the modules parsed on the way, relative to the project.
 */
function lint(files: Record<string, string>, entry: string): { reported: string[]; parsed: string[] } {
  const root = tempProject(files, 'export-use');
  const messages = new Linter({ cwd: root }).verify(files[entry]!, config(), join(root, entry));
  return {
    reported: messages.map(({ line, column, messageId }) => `${line}:${column} ${messageId}`),
    parsed: parsed.map((file) => relative(root, file)),
  };
}

describe('NestJS services: a service that calls no blocking member of what it injects', () => {
  const CONFIG_SERVICE = ts`
    import { readFileSync } from 'node:fs';
    import { Injectable } from '@nestjs/common';

    @Injectable()
    export class ConfigService {
      readSecrets(): string {
        return readFileSync('/etc/app/secrets.json', 'utf8');
      }

      appName(): string {
        return 'shop';
      }
    }
  `;

  const usersService = (call: string): string => ts`
    import { Injectable } from '@nestjs/common';
    import { ConfigService } from './config.service.js';

    @Injectable()
    export class UsersService {
      constructor(private readonly config: ConfigService) {}

      describe(): string {
        return this.config.${call}();
      }
    }
  `;

  const USERS_CONTROLLER = ts`
    import { Controller, Get } from '@nestjs/common';
    import { UsersService } from './users.service.js';

    @Controller('users')
    export class UsersController {
      constructor(private readonly users: UsersService) {}

      @Get('about')
      about(): string {
        return this.users.describe();
      }
    }
  `;

  /** The app, its users service calling `call` on the config service it injects, linted from the controller. */
  const lintApp = (call: string): ReturnType<typeof lint> =>
    lint(
      {
        'src/config.service.ts': CONFIG_SERVICE,
        'src/users.service.ts': usersService(call),
        'src/users.controller.ts': USERS_CONTROLLER,
      },
      'src/users.controller.ts',
    );

  it('is not parsed, and nothing is reported', () => {
    expect(lintApp('appName')).toEqual({ reported: [], parsed: ['src/config.service.ts'] });
  });

  it('is parsed when it calls a blocking member, and the chain is reported in the controller', () => {
    expect(lintApp('readSecrets')).toEqual({ reported: ['10:12 blockingHelper'], parsed: ['src/config.service.ts', 'src/users.service.ts'] });
  });
});

describe('a module that passes on what blocks without naming it is parsed', () => {
  const STORE = ts`
    import { readFileSync } from 'node:fs';

    export class Store {
      read(key: string): string {
        return readFileSync(\`data/\${key}.json\`, 'utf8');
      }
    }
  `;

  /** An Express route reading through `store`, made at start-up (`make`) of what lib/index exports. */
  const routes = (imports: string, make: string): string => ts`
    import express from 'express';
    ${imports}
    const store = ${make};
    const app = express();
    app.get('/items/:key', (req, res) => {
      res.send(store.read(req.params.key));
    });
  `;

  it.each([
    ['a named re-export', "export { Store } from './store.js';", 'Store', 'new Store()'],
    ['a re-export of everything', "export * from './store.js';", 'Store', 'new Store()'],
    ['an instance exported as a value', "import { Store } from './store.js';\nexport const store = new Store();\n", 'store as shared', 'shared'],
    [
      'an export list naming a value not declared as a class',
      "import { Store } from './store.js';\nconst Records = Store;\nexport { Records };\n",
      'Records',
      'new Records()',
    ],
    ['a default export of it', "import { Store } from './store.js';\nexport default Store;\n", 'default as Records', 'new Records()'],
    [
      'an export list naming a value that a line comment calls a class',
      "import { Store } from './store.js';\n// class Records was split into Store\nconst Records = Store;\nexport { Records };\n",
      'Records',
      'new Records()',
    ],
    [
      'an export list naming a value that a block comment calls a class',
      "import { Store } from './store.js';\n/**\n * The old class Records, now Store.\n */\nconst Records = Store;\nexport { Records };\n",
      'Records',
      'new Records()',
    ],
  ])('%s', (_, index, imported, make) => {
    const imports = `import { ${imported} } from './lib/index.js';`;
    const result = lint({ 'lib/store.ts': STORE, 'lib/index.ts': index, 'routes.ts': routes(imports, make) }, 'routes.ts');
    expect(result).toEqual({ reported: ['6:12 blockingHelper'], parsed: ['lib/store.ts', 'lib/index.ts'] });
  });

  it('an instance exported by CommonJS', () => {
    const index = "const { Store } = require('./store.js');\nmodule.exports = new Store();\n";
    const result = lint(
      { 'lib/store.ts': STORE, 'lib/index.js': index, 'routes.ts': routes('', "require('./lib/index.js')") },
      'routes.ts',
    );
    expect(result).toEqual({ reported: ['6:12 blockingHelper'], parsed: ['lib/store.ts', 'lib/index.js'] });
  });

  // The second form is tsc's output of a decorated class (the NestJS app's source form in the bench).
  it.each([
    ['export class Cache {', '}'],
    ['let Cache = class Cache {', '};\nexport { Cache };'],
    // A comment closed before it does not hide the declaration.
    ['/* cached sizes */ let Cache = class Cache {', '};\nexport { Cache };'],
  ])('a module that names the class only to type what it declares is not: `%s`', (opening, closing) => {
    const index = ts`
      import { Store } from './store.js';

      ${opening}
        constructor(private readonly store: Store) {}

        size(): number {
          return 0;
        }
      ${closing}
    `;
    const result = lint(
      {
        'lib/store.ts': STORE,
        'lib/index.ts': index,
        'routes.ts': routes("import { Cache } from './lib/index.js';", 'new Cache(undefined as never)'),
      },
      'routes.ts',
    );
    expect(result).toEqual({ reported: [], parsed: ['lib/store.ts'] });
  });
});

describe('a default export takes any name', () => {
  it('a module calling an imported default export under a name of its own is parsed', () => {
    const result = lint(
      {
        'lib/load.ts': ts`
          import { readFileSync } from 'node:fs';

          export default function load(name: string): string {
            return readFileSync(name, 'utf8');
          }
        `,
        'lib/page.ts': ts`
          import readTemplate from './load.js';

          export function page(): string {
            return readTemplate('page.html');
          }
        `,
        'routes.ts': ts`
          import express from 'express';
          import { page } from './lib/page.js';

          const app = express();
          app.get('/', (req, res) => {
            res.send(page());
          });
        `,
      },
      'routes.ts',
    );
    expect(result).toEqual({ reported: ['6:12 blockingHelper'], parsed: ['lib/load.ts', 'lib/page.ts'] });
  });
});
