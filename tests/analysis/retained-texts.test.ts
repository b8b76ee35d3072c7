/**
 * The module graph keeps what it learns of a module (its resolutions, its summary) for the whole
 * run, and an editor's ESLint server runs for days: none of that may keep the module's text alive.
 * V8 cuts a substring of 13 characters or more as a view into the string it came from, so a
 * specifier matched in a module's text and kept as a map key would hold the whole text.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Linter } from 'eslint';
import { afterAll, expect, it } from 'vitest';
import { config } from '../linter-config.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HELPERS = 16;
/** Each helper's text: a little under the module graph's 1 MB limit for a file it reads. */
const HELPER_BYTES = 900_000;

const root = realpathSync(mkdtempSync(join(tmpdir(), 'event-loop-retained-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A router whose handler calls one function of each helper. Each helper imports a store module;
 * the even-numbered stores read the disk synchronously, so their helpers are parsed (and reported
 * in the handler), and the odd-numbered helpers are only read, their imports found in their text.
 */
function writeProject(): string {
  mkdirSync(join(root, 'routes'));
  mkdirSync(join(root, 'lib'));
  for (let index = 0; index < HELPERS; index++) {
    // A long licence header, as vendored or generated helpers carry.
    const header = `// ${'Licensed under the Apache License, Version 2.0. '.repeat(60)}\n`.repeat(
      Math.floor(HELPER_BYTES / 3_000),
    );
    writeFileSync(
      join(root, 'lib', `helper-${index}.js`),
      `${header}import { readRecords } from './records-store-${index}.js';\n\nexport function load${index}() {\n  return readRecords();\n}\n`,
    );
    const read = index % 2 === 0 ? "readFileSync('records.json', 'utf8')" : "'[]'";
    writeFileSync(
      join(root, 'lib', `records-store-${index}.js`),
      `import { readFileSync } from 'node:fs';\n\nexport function readRecords() {\n  return JSON.parse(${read});\n}\n`,
    );
  }
  return [
    "import express from 'express';",
    ...Array.from({ length: HELPERS }, (_, index) => `import { load${index} } from '../lib/helper-${index}.js';`),
    '',
    'export const router = express.Router();',
    '',
    "router.get('/records', (req, res) => {",
    ...Array.from({ length: HELPERS }, (_, index) => `  res.write(load${index}());`),
    '  res.end();',
    '});',
    '',
  ].join('\n');
}

it('keeps no text of the modules it followed once the lint is done', () => {
  const code = writeProject();
  const linter = new Linter({ cwd: root });
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const messages = linter.verify(code, config(), join(root, 'routes', 'records.js'));
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - before;

  // Every helper was followed, so every helper's text (0.9 MB each) was read.
  const firstCallLine = HELPERS + 6;
  expect(messages.map(({ line, column, messageId }) => `${line}:${column} ${messageId}`)).toEqual(
    Array.from({ length: HELPERS / 2 }, (_, half) => `${firstCallLine + half * 2}:13 blockingHelper`),
  );
  // Kept, the texts would be 14.4 MB of it (16.6 MB retained in all); without them, the plugin's
  // compiled code and caches come to about 3 MB.
  expect(retained).toBeLessThan((HELPERS * HELPER_BYTES) / 2);
});
