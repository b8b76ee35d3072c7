/**
 * The module graph keeps what it learns of a module (its resolutions, its summary) for the whole
 * run, and an editor's ESLint server runs for days: none of that may keep the module's text alive.
 * V8 cuts a substring of 13 characters or more as a view into the string it came from, so a
 * specifier matched in a module's text, or a name a parser cut out of it, kept for the run would
 * hold the whole text.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Linter } from 'eslint';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { config } from '../linter-config.js';
import { parsed } from './parsed-modules.js';

vi.mock('../../src/analysis/module-source.js', async (importOriginal) =>
  (await import('./parsed-modules.js')).recordingModuleSource(importOriginal),
);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HELPERS = 16;
/** Each helper's text: a little under the module graph's 1 MB limit for a file it reads. */
const HELPER_BYTES = 900_000;

const root = realpathSync(mkdtempSync(join(tmpdir(), 'event-loop-retained-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  parsed.length = 0;
});

/** A long licence header, as vendored or generated modules carry: most of a helper's text. */
const LICENCE_HEADER = `// ${'Licensed under the Apache License, Version 2.0. '.repeat(60)}\n`.repeat(Math.floor(HELPER_BYTES / 3_000));

/** `line:column messageId` of each message. */
const positions = (messages: Linter.LintMessage[]): string[] =>
  messages.map(({ line, column, messageId }) => `${line}:${column} ${messageId}`);

/** The heap's growth over `run`, after a full collection on either side. */
function retainedBy(run: () => void): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  run();
  collectGarbage();
  return process.memoryUsage().heapUsed - before;
}

/**
 * A router whose handler calls one function of each helper. Each helper imports a store module;
 * the even-numbered stores read the disk synchronously, so their helpers are parsed (and reported
 * in the handler), and the odd-numbered helpers are only read, their imports found in their text.
 */
function writeReadProject(project: string): string {
  mkdirSync(join(project, 'routes'), { recursive: true });
  mkdirSync(join(project, 'lib'), { recursive: true });
  for (let index = 0; index < HELPERS; index++) {
    writeFileSync(
      join(project, 'lib', `helper-${index}.js`),
      `${LICENCE_HEADER}import { readRecords } from './records-store-${index}.js';\n\nexport function load${index}() {\n  return readRecords();\n}\n`,
    );
    const read = index % 2 === 0 ? "readFileSync('records.json', 'utf8')" : "'[]'";
    writeFileSync(
      join(project, 'lib', `records-store-${index}.js`),
      `import { readFileSync } from 'node:fs';\n\nexport function readRecords() {\n  return JSON.parse(${read});\n}\n`,
    );
  }
  return recordsRouter(Array.from({ length: HELPERS }, (_, index) => ({ name: `load${index}`, from: `../lib/helper-${index}.js` })));
}

/**
 * An Express router whose one handler writes what each imported function returns: the handler
 * starts on line `functions.length + 5`, and calls the first function on the line after.
 */
function recordsRouter(functions: readonly { name: string; from: string }[]): string {
  return [
    "import express from 'express';",
    ...functions.map(({ name, from }) => `import { ${name} } from '${from}';`),
    '',
    'export const router = express.Router();',
    '',
    "router.get('/records', (req, res) => {",
    ...functions.map(({ name }) => `  res.write(${name}());`),
    '  res.end();',
    '});',
    '',
  ].join('\n');
}

describe('keeps no text of the modules it followed once the lint is done', () => {
  it('read or parsed by the module graph itself', () => {
    const project = join(root, 'read');
    const code = writeReadProject(project);
    const linter = new Linter({ cwd: project });
    let messages: Linter.LintMessage[] = [];
    const retained = retainedBy(() => {
      messages = linter.verify(code, config(), join(project, 'routes', 'records.js'));
    });

    // Every helper was followed, so every helper's text (0.9 MB each) was read.
    const firstCallLine = HELPERS + 6;
    expect(positions(messages)).toEqual(
      Array.from({ length: HELPERS / 2 }, (_, half) => `${firstCallLine + half * 2}:13 blockingHelper`),
    );
    // Parsed: every store (each names readFileSync) and the helpers of the stores that call it.
    const indexes = Array.from({ length: HELPERS }, (_, index) => index);
    expect(parsed.map((file) => relative(project, file)).sort()).toEqual(
      [
        ...indexes.filter((index) => index % 2 === 0).map((index) => `lib/helper-${index}.js`),
        ...indexes.map((index) => `lib/records-store-${index}.js`),
      ].sort(),
    );
    // Kept, the texts would be 14.4 MB of it (16.6 MB retained in all); without them, the plugin's
    // compiled code and caches come to about 3 MB.
    expect(retained).toBeLessThan((HELPERS * HELPER_BYTES) / 2);
  });

  it("summarised from ESLint's trees of files linted just before", () => {
    const project = join(root, 'linted');
    mkdirSync(join(project, 'routes'), { recursive: true });
    mkdirSync(join(project, 'lib'), { recursive: true });
    const linter = new Linter({ cwd: project });
    // 12 stores and the handler: within the 16 trees of files linted last that the module graph keeps.
    const stores = 12;
    const lint = (path: string, code: string): Linter.LintMessage[] => {
      writeFileSync(join(project, path), code);
      return linter.verify(code, config(), join(project, path));
    };
    let messages: Linter.LintMessage[] = [];
    const retained = retainedBy(() => {
      // Each store is linted first (nothing to report: no handler there), so the handler's lint
      // summarises it from ESLint's tree, whose names typescript-estree cut out of its text: the
      // summary names the helper on the way (`loadRecordsFile0`) in the chain it reports.
      for (let index = 0; index < stores; index++) {
        lint(
          `lib/records-store-${index}.ts`,
          `${LICENCE_HEADER}import { readFileSync } from 'node:fs';\n\nfunction loadRecordsFile${index}(): string {\n  return readFileSync('records.json', 'utf8');\n}\n\nexport function readRecordsFromDisk${index}(): string {\n  return loadRecordsFile${index}();\n}\n`,
        );
      }
      messages = lint(
        'routes/records.ts',
        recordsRouter(
          Array.from({ length: stores }, (_, index) => ({ name: `readRecordsFromDisk${index}`, from: `../lib/records-store-${index}.js` })),
        ),
      );
      // Files linted after them push the stores' trees out of those the module graph keeps.
      for (let index = 0; index < 16; index++) lint(`lib/constant-${index}.ts`, `export const answer${index} = ${index};\n`);
    });

    const firstCallLine = stores + 6;
    expect(positions(messages)).toEqual(
      Array.from({ length: stores }, (_, index) => `${firstCallLine + index}:13 blockingHelper`),
    );
    expect(parsed).toEqual([]);
    // Kept, the texts would be 10.8 MB of it (12.6 MB retained in all, against 2.2 MB).
    expect(retained).toBeLessThan((stores * HELPER_BYTES) / 2);
  });
});
