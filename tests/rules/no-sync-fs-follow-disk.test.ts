/**
 * no-sync-fs, helpers on disk: files the analysis must skip without failing (binary, not UTF-8,
 * over 1 MiB, symlink cycles), and the per-process summary cache following edits of helper files.
 * Each test writes a small project into its own temporary directory and lints a handler in it with
 * ESLint's Linter, whose cwd is that directory (so messages name helpers relative to it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { config, type eventLoopPlugin } from '../linter-config.js';
import { EXPRESS_ROUTE, ts } from './no-sync-fs.helpers.js';
import { symlinksWork, tempProject, writeFiles, type ProjectFiles } from '../temp-project.js';
import { helperMessage } from './no-sync-fs-follow.helpers.js';

/** A new project directory with the given files (text, or bytes). */
const project = (files: ProjectFiles = {}): string => tempProject(files, 'follow');

interface Finding {
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  messageId: string | undefined;
  message: string;
}

/** Lints `code` as `dir/server.ts`, with `dir` as the working directory. Fails on any parse error. */
function lint(dir: string, code: string, plugin?: typeof eventLoopPlugin): Finding[] {
  const messages = new Linter({ cwd: dir }).verify(code, config({ plugin }), path.join(dir, 'server.ts'));
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map(({ line, column, endLine, endColumn, messageId, message }) => ({
    line,
    column,
    endLine,
    endColumn,
    messageId,
    message,
  }));
}

/** A handler that calls `load()` from each of the given specifiers, one call per line from line 8. */
function handler(...specifiers: string[]): string {
  const names = specifiers.map((_, index) => `load${index}`);
  return [
    "import express from 'express';",
    ...specifiers.map((specifier, index) => `import { load as ${names[index]} } from '${specifier}';`),
    '',
    'const app = express();',
    '',
    "app.get('/files/:name', (req, res) => {",
    ...names.map((name) => `  res.write(${name}(req.params.name));`),
    '  res.end();',
    '});',
    '',
  ].join('\n');
}

/** What `handler()` reports for its call of `load{index}`, in a handler with `imports` local imports. */
function finding(imports: number, index: number, chain: string): Finding {
  const name = `load${index}`;
  // express, the local imports, a blank line, `const app`, a blank line, `app.get(...)`: then the calls.
  const line = 1 + imports + 4 + 1 + index;
  return {
    line,
    column: 13,
    endLine: line,
    endColumn: 13 + `${name}(req.params.name)`.length,
    messageId: 'blockingHelper',
    message: helperMessage(EXPRESS_ROUTE, name, chain),
  };
}

/** reports.ts: a helper whose `load()` calls `load()` of the module `specifier` names, as `loadFile()`. */
const reportsHelper = (specifier: string): string => ts`
  import { load as loadFile } from '${specifier}';

  export function load(name: string): string {
    return loadFile(\`reports/\${name}\`);
  }
`;

/** A helper module whose `load()` reads a file synchronously, on line 4. */
const BLOCKING_HELPER = ts`
  import { readFileSync } from 'node:fs';

  export function load(name: string): string {
    return readFileSync(\`files/\${name}\`, 'utf8');
  }
`;

describe('no-sync-fs: helper files that are skipped', () => {
  it('an import chain thousands of modules long is cut quietly, not a stack overflow', () => {
    const length = 3000;
    const files: Record<string, string> = {};
    for (let index = 0; index < length; index++) {
      files[`chain/m${index}.ts`] =
        index === length - 1
          ? BLOCKING_HELPER
          : `import { load as next } from './m${index + 1}.js';\nexport function load(name: string): string {\n  return next(name);\n}\n`;
    }
    const dir = project(files);
    expect(lint(dir, handler('./chain/m0.js'))).toEqual([]);
    // The end of the same chain is followed as usual.
    expect(lint(dir, handler(`./chain/m${length - 2}.js`))).toEqual([
      finding(1, 0, `\`next()\` → \`fs.readFileSync()\` (chain/m${length - 1}.ts:4)`),
    ]);
  });

  it('a binary file with a .js name', () => {
    // A PNG header (with NUL bytes), then `'fs'` so that only the binary check can rule it out.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const dir = project({ 'logo.js': Buffer.concat([png, Buffer.from(" 'fs' readFileSync ../x")]), 'files.ts': BLOCKING_HELPER });
    // With two imports the handler's calls are on lines 8 and 9.
    expect(lint(dir, handler('./logo.js', './files.js'))).toEqual([finding(2, 1, '`fs.readFileSync()` (files.ts:4)')]);
  });

  it('a file that is not UTF-8 text', () => {
    const dir = project({
      'legacy.js': Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(" require('fs') ./")]),
      'files.ts': BLOCKING_HELPER,
    });
    expect(lint(dir, handler('./legacy.js', './files.js'))).toEqual([finding(2, 1, '`fs.readFileSync()` (files.ts:4)')]);
  });

  it('a file over 1 MiB, while the same helper under 1 MiB is followed', () => {
    const padding = `// ${'generated '.repeat(10)}\n`.repeat(Math.ceil((1024 * 1024) / 100) + 10);
    const dir = project({ 'bundle.ts': BLOCKING_HELPER + padding, 'small.ts': BLOCKING_HELPER + padding.slice(0, 1000) });
    expect(fs.statSync(path.join(dir, 'bundle.ts')).size).toBeGreaterThan(1024 * 1024);
    expect(lint(dir, handler('./bundle.js', './small.js'))).toEqual([finding(2, 1, '`fs.readFileSync()` (small.ts:4)')]);
  });

  it('a file that is a directory of the same name does not count', () => {
    const dir = project({ 'files.ts': BLOCKING_HELPER, 'helpers.ts/README.md': 'not a module' });
    expect(lint(dir, handler('./helpers.ts', './files.js'))).toEqual([finding(2, 1, '`fs.readFileSync()` (files.ts:4)')]);
  });
});

describe.skipIf(!symlinksWork)('no-sync-fs: symlink cycles', () => {
  it('a directory symlink cycle resolves to the real file, named by its real path', () => {
    const dir = project({ 'lib/files.ts': BLOCKING_HELPER });
    fs.symlinkSync('..', path.join(dir, 'lib/up'), 'dir');
    expect(lint(dir, handler('./lib/up/lib/up/lib/up/lib/files.js'))).toEqual([
      finding(1, 0, '`fs.readFileSync()` (lib/files.ts:4)'),
    ]);
  });

  it('file symlinks that point at each other, and a directory symlink to itself, are skipped', () => {
    const dir = project({ 'files.ts': BLOCKING_HELPER });
    fs.symlinkSync('loop-b.ts', path.join(dir, 'loop-a.ts'));
    fs.symlinkSync('loop-a.ts', path.join(dir, 'loop-b.ts'));
    fs.symlinkSync('self', path.join(dir, 'self'), 'dir');
    expect(lint(dir, handler('./loop-a.js', './self', './self/index.js', './files.js'))).toEqual([
      finding(4, 3, '`fs.readFileSync()` (files.ts:4)'),
    ]);
  });

  it('a helper reached through a symlinked file and through its real path is one module', () => {
    const dir = project({ 'lib/files.ts': BLOCKING_HELPER });
    fs.symlinkSync('lib/files.ts', path.join(dir, 'files-link.ts'));
    expect(lint(dir, handler('./files-link.js', './lib/files.js'))).toEqual([
      finding(2, 0, '`fs.readFileSync()` (lib/files.ts:4)'),
      finding(2, 1, '`fs.readFileSync()` (lib/files.ts:4)'),
    ]);
  });
});

describe('no-sync-fs: the summary cache follows edits of helper files', () => {
  // A cached summary is checked against the disk at most once a second, and a resolution (and a
  // directory listing, until the directory's mtime changes) is reused for 5 s: each change below moves the (fake) clock on by 6 s, as a person takes between saving a
  // helper and the next lint of a file that imports it.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const later = (ms = 6_000): void => {
    vi.setSystemTime(Date.now() + ms);
  };
  /**
   * A new instance of the plugin in a process taken for a single run (ESLint's command line): the
   * module graph and module resolution read EVENT_LOOP_SINGLE_RUN when they load.
   */
  const singleRunPlugin = async (): Promise<typeof eventLoopPlugin> => {
    vi.stubEnv('EVENT_LOOP_SINGLE_RUN', 'true');
    vi.resetModules();
    const { default: plugin } = await import('../../src/index.js');
    vi.unstubAllEnvs();
    return plugin;
  };

  /** A helper whose `load()` awaits the async form instead: not blocking. */
  const ASYNC_HELPER = ts`
    import { readFile } from 'node:fs/promises';

    export async function load(name: string): Promise<string> {
      return await readFile(\`files/\${name}\`, 'utf8');
    }
  `;
  let clock = Date.parse('2024-01-01T00:00:00Z') / 1000;
  /** Rewrites a helper with a new modification time, as an editor save does (whatever the clock's resolution). */
  const edit = (dir: string, name: string, content: string, mtime = (clock += 60)): void => {
    writeFiles(dir, { [name]: content });
    fs.utimesSync(path.join(dir, name), mtime, mtime);
    later();
  };

  it('a blocking call removed from the helper, then added again on another line', () => {
    const dir = project();
    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);

    edit(dir, 'files.ts', ASYNC_HELPER);
    expect(lint(dir, code)).toEqual([]);

    edit(dir, 'files.ts', `// Back to sync: the async version was slower for small files.\n${BLOCKING_HELPER}`);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:5)')]);
  });

  it('an edit that keeps the size is seen by its new modification time', () => {
    const dir = project();
    const blocking = 'readFileSync(`files/${name}`, \'utf8\')';
    const unblocked = BLOCKING_HELPER.replace(blocking, "name.trim()".padEnd(blocking.length));
    expect(unblocked.length).toBe(BLOCKING_HELPER.length);

    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);

    // Same size and the same modification time: the cached summary stands (the file is not read again).
    const { mtime } = fs.statSync(path.join(dir, 'files.ts'));
    edit(dir, 'files.ts', unblocked, mtime.getTime() / 1000);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);

    edit(dir, 'files.ts', unblocked);
    expect(lint(dir, code)).toEqual([]);
  });

  it('within a second of the last check, the cached summary stands; after it, the edit is seen', () => {
    const dir = project();
    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);

    writeFiles(dir, { 'files.ts': ASYNC_HELPER });
    later(900);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);
    later(200);
    expect(lint(dir, code)).toEqual([]);
  });

  it('a clock set back counts as time gone by: the edit is seen, not trusted away until the clock catches up', () => {
    const dir = project();
    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);

    writeFiles(dir, { 'files.ts': ASYNC_HELPER });
    fs.utimesSync(path.join(dir, 'files.ts'), (clock += 60), clock);
    later(-3_600_000);
    expect(lint(dir, code)).toEqual([]);
  });

  it('an edit of a module the helper imports', () => {
    const dir = project();
    edit(dir, 'reports.ts', reportsHelper('./files.js'));
    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./reports.js');
    expect(lint(dir, code)).toEqual([finding(1, 0, '`loadFile()` → `fs.readFileSync()` (files.ts:4)')]);

    edit(dir, 'files.ts', ASYNC_HELPER);
    expect(lint(dir, code)).toEqual([]);

    edit(dir, 'files.ts', BLOCKING_HELPER);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`loadFile()` → `fs.readFileSync()` (files.ts:4)')]);
  });

  it('in a single run (ESLint\'s command line), a module is read once: edits are for the next run to see', async () => {
    const singleRun = await singleRunPlugin();
    const dir = project();
    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./files.js', './reports.js');
    const before = [finding(2, 0, '`fs.readFileSync()` (files.ts:4)')];
    expect(lint(dir, code, singleRun)).toEqual(before);

    // An edit, a new helper, and a minute: the run still sees the files as it found them.
    edit(dir, 'files.ts', ASYNC_HELPER);
    edit(dir, 'reports.ts', BLOCKING_HELPER);
    later(60_000);
    expect(lint(dir, code, singleRun)).toEqual(before);
    // The files did change: the instance that has not read them (not a single run) sees the edits.
    expect(lint(dir, code)).toEqual([finding(2, 1, '`fs.readFileSync()` (reports.ts:4)')]);
  });

  it('a helper deleted and written again', () => {
    const dir = project();
    edit(dir, 'files.ts', BLOCKING_HELPER);
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);

    fs.rmSync(path.join(dir, 'files.ts'));
    later();
    expect(lint(dir, code)).toEqual([]);

    edit(dir, 'files.ts', BLOCKING_HELPER);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);
  });

  it('a helper written after a lint that could not resolve it is followed once the resolution expires', () => {
    const dir = project();
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([]);

    edit(dir, 'files.ts', BLOCKING_HELPER);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);
  });

  // reports.ts is summarised while ./lib/files.js names nothing, and its own file does not change
  // after: from its text alone, or parsed (its text names readFileSync, which it calls at start-up).
  it.each([
    ['summarised from its text', ''],
    ['parsed', "import { readFileSync } from 'node:fs';\nconst template = readFileSync('report.html', 'utf8');\n"],
  ])('a helper imported by another module before it was written is followed once it is (%s)', (_, startUp) => {
    const dir = project();
    edit(dir, 'reports.ts', `${startUp}${reportsHelper('./lib/files.js')}`);
    const code = handler('./reports.js');
    expect(lint(dir, code)).toEqual([]);

    edit(dir, 'lib/files.ts', BLOCKING_HELPER);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`loadFile()` → `fs.readFileSync()` (lib/files.ts:4)')]);
  });

  it('a module written beside the one an import named, which the import now names first', () => {
    // From TypeScript, `./files` names files.ts before files.js.
    const dir = project({ 'files.js': 'export function load(name) {\n  return name;\n}\n' });
    edit(dir, 'reports.ts', reportsHelper('./files'));
    const code = handler('./reports.js');
    expect(lint(dir, code)).toEqual([]);

    edit(dir, 'files.ts', BLOCKING_HELPER);
    expect(lint(dir, code)).toEqual([finding(1, 0, '`loadFile()` → `fs.readFileSync()` (files.ts:4)')]);
  });

  it('a directory whose modification time is unchanged keeps its cached listing', () => {
    // A file added to a directory changes its mtime: an expired listing is read again only then.
    const dir = project({ 'readme.md': '# files' });
    const mtime = (clock += 60);
    fs.utimesSync(dir, mtime, mtime);
    const code = handler('./files.js');
    expect(lint(dir, code)).toEqual([]);

    writeFiles(dir, { 'files.ts': BLOCKING_HELPER });
    fs.utimesSync(dir, mtime, mtime);
    later();
    expect(lint(dir, code)).toEqual([]);

    fs.utimesSync(dir, new Date(), new Date());
    later();
    expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (files.ts:4)')]);
  });

  it('an import cycle written at test time: either module’s blocking export is found, in either order', () => {
    const a = ts`
      import { readFileSync } from 'node:fs';
      import { label } from './b.js';

      export function load(name: string): string {
        return label(readFileSync(name, 'utf8'));
      }
    `;
    const b = ts`
      import { load as loadA } from './a.js';

      export function label(text: string): string {
        return \`[\${text}]\`;
      }

      export function load(name: string): string {
        return label(loadA(name));
      }
    `;
    for (const order of [['./a.js', './b.js'], ['./b.js', './a.js']]) {
      const dir = project({ 'a.ts': a, 'b.ts': b });
      const chains: Record<string, string> = {
        './a.js': '`fs.readFileSync()` (a.ts:5)',
        './b.js': '`loadA()` → `fs.readFileSync()` (a.ts:5)', // named as b.ts calls it
      };
      expect(lint(dir, handler(...order))).toEqual(
        order.map((specifier, index) => finding(2, index, chains[specifier]!)),
      );
    }
  });

  describe('and edits of the aliases imports go through', () => {
    // tsconfig.json, package.json and a workspace's links are looked at again at most every 5 s
    // (src/util/config-files.ts); `edit` and `later` move the clock on by 6 s.
    const paths = (target: string): string => JSON.stringify({ compilerOptions: { paths: { '@lib/*': [target] } } });
    const HELPERS = { 'lib/files.ts': BLOCKING_HELPER, 'async/files.ts': ASYNC_HELPER };
    const BLOCKING = finding(1, 0, '`fs.readFileSync()` (lib/files.ts:4)');

    it('a tsconfig.json `paths` alias added is seen within 5 s, and again once it maps elsewhere', () => {
      const dir = project(HELPERS);
      const code = handler('@lib/files.js');
      later();
      expect(lint(dir, code)).toEqual([]);

      writeFiles(dir, { 'tsconfig.json': paths('./lib/*') });
      later(3_000);
      expect(lint(dir, code)).toEqual([]);
      later(3_000);
      expect(lint(dir, code)).toEqual([BLOCKING]);

      edit(dir, 'tsconfig.json', paths('./async/*'));
      expect(lint(dir, code)).toEqual([]);
    });

    it('an alias that a helper of another module imports through', () => {
      const dir = project({
        ...HELPERS,
        'tsconfig.json': paths('./async/*'),
        'reports.ts': reportsHelper('@lib/files.js'),
      });
      const code = handler('./reports.js');
      later();
      expect(lint(dir, code)).toEqual([]);

      edit(dir, 'tsconfig.json', paths('./lib/*'));
      expect(lint(dir, code)).toEqual([finding(1, 0, '`loadFile()` → `fs.readFileSync()` (lib/files.ts:4)')]);
    });

    it('an edit of the tsconfig.json it extends, named without `.json`', () => {
      const dir = project({ ...HELPERS, 'tsconfig.json': JSON.stringify({ extends: './tsconfig.base' }) });
      edit(dir, 'tsconfig.base.json', paths('./async/*'));
      const code = handler('@lib/files.js');
      expect(lint(dir, code)).toEqual([]);

      edit(dir, 'tsconfig.base.json', paths('./lib/*'));
      expect(lint(dir, code)).toEqual([BLOCKING]);
    });

    it('a package.json `imports` entry pointed at another module', () => {
      const manifest = (target: string): string => JSON.stringify({ name: 'files', type: 'module', imports: { '#files': target } });
      const dir = project(HELPERS);
      edit(dir, 'package.json', manifest('./async/files.js'));
      const code = handler('#files');
      expect(lint(dir, code)).toEqual([]);

      edit(dir, 'package.json', manifest('./lib/files.js'));
      expect(lint(dir, code)).toEqual([BLOCKING]);
    });

    it.skipIf(!symlinksWork)('a package of the workspace, once an install links it into node_modules', () => {
      const dir = project({
        'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
        'node_modules/.package-lock.json': '{}',
        'packages/files/package.json': JSON.stringify({ name: '@acme/files', type: 'module', exports: './index.ts' }),
        'packages/files/index.ts': BLOCKING_HELPER,
      });
      const code = handler('@acme/files');
      expect(lint(dir, code)).toEqual([]);

      fs.mkdirSync(path.join(dir, 'node_modules/@acme'));
      fs.symlinkSync('../../packages/files', path.join(dir, 'node_modules/@acme/files'), 'dir');
      later();
      expect(lint(dir, code)).toEqual([finding(1, 0, '`fs.readFileSync()` (packages/files/index.ts:4)')]);
    });

    it('in a single run, the aliases are read once', async () => {
      const singleRun = await singleRunPlugin();
      const dir = project({ ...HELPERS, 'tsconfig.json': paths('./async/*') });
      const code = handler('@lib/files.js');
      expect(lint(dir, code, singleRun)).toEqual([]);

      edit(dir, 'tsconfig.json', paths('./lib/*'));
      later(60_000);
      expect(lint(dir, code, singleRun)).toEqual([]);
      expect(lint(dir, code)).toEqual([BLOCKING]);
    });
  });
});
