import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferSingleRun } from '../../src/util/single-run.js';

/** A realpath over a table of links; other paths are their own real path. */
const links =
  (table: Record<string, string>) =>
  (file: string): string =>
    table[file] ?? file;

describe('inferSingleRun', () => {
  const npx = '/app/node_modules/.bin/eslint';
  const bin = '/app/node_modules/eslint/bin/eslint.js';
  const realpath = links({ [npx]: bin });

  it("is true for ESLint's command line, started by its link in node_modules/.bin or by its path", () => {
    expect(inferSingleRun({}, npx, realpath)).toBe(true);
    expect(inferSingleRun({}, bin, realpath)).toBe(true);
    // pnpm's store and Windows paths.
    expect(inferSingleRun({}, '/app/node_modules/.pnpm/eslint@10.0.0/node_modules/eslint/bin/eslint.js', realpath)).toBe(true);
    expect(inferSingleRun({}, 'C:\\app\\node_modules\\eslint\\bin\\eslint.js', realpath)).toBe(true);
  });

  it("is true for ESLint's worker threads (--concurrency)", () => {
    expect(inferSingleRun({}, '/app/node_modules/eslint/lib/eslint/worker.js', realpath)).toBe(true);
  });

  it("is false for an editor's ESLint server, another script, or no script", () => {
    expect(inferSingleRun({}, '/home/me/.vscode/extensions/dbaeumer.vscode-eslint-3.0.10/server/out/eslintServer.js', realpath)).toBe(false);
    expect(inferSingleRun({}, '/app/scripts/lint.js', realpath)).toBe(false);
    expect(inferSingleRun({}, '/app/node_modules/my-eslint/bin/eslint.js', realpath)).toBe(false);
    expect(inferSingleRun({}, undefined, realpath)).toBe(false);
    const missing = (): string => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    expect(inferSingleRun({}, '[eval]', missing)).toBe(false);
  });

  it('EVENT_LOOP_SINGLE_RUN=true or false decides; any other value leaves it to the inference', () => {
    expect(inferSingleRun({ EVENT_LOOP_SINGLE_RUN: 'true' }, '/app/scripts/lint.js', realpath)).toBe(true);
    expect(inferSingleRun({ EVENT_LOOP_SINGLE_RUN: 'true' }, undefined, realpath)).toBe(true);
    expect(inferSingleRun({ EVENT_LOOP_SINGLE_RUN: 'false' }, npx, realpath)).toBe(false);
    expect(inferSingleRun({ EVENT_LOOP_SINGLE_RUN: '1' }, '/app/scripts/lint.js', realpath)).toBe(false);
    expect(inferSingleRun({ EVENT_LOOP_SINGLE_RUN: '1' }, npx, realpath)).toBe(true);
  });

  describe('on disk', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-single-run-')));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('follows the link npm puts in node_modules/.bin to the real path', () => {
      const script = path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
      fs.mkdirSync(path.dirname(script), { recursive: true });
      fs.writeFileSync(script, '');
      const link = path.join(dir, 'node_modules', '.bin', 'eslint');
      fs.mkdirSync(path.dirname(link), { recursive: true });
      try {
        fs.symlinkSync(path.relative(path.dirname(link), script), link);
      } catch {
        return; // No symbolic links here (Windows without the privilege): the table above covers the logic.
      }
      expect(inferSingleRun({}, link)).toBe(true);
      expect(inferSingleRun({}, path.join(dir, 'node_modules', '.bin', 'missing'))).toBe(false);
    });

    it("names the entry points of the installed ESLint: if ESLint moves them, this fails", () => {
      // ESLint's package.json names its bin but does not export the path: resolve it from there.
      const eslintPackage = createRequire(import.meta.url).resolve('eslint/package.json');
      const { bin } = JSON.parse(fs.readFileSync(eslintPackage, 'utf8')) as { bin: { eslint: string } };
      const eslintBin = path.join(path.dirname(eslintPackage), bin.eslint);
      const worker = path.join(path.dirname(eslintPackage), 'lib', 'eslint', 'worker.js');
      expect(fs.existsSync(worker)).toBe(true);
      expect(inferSingleRun({}, eslintBin)).toBe(true);
      expect(inferSingleRun({}, worker)).toBe(true);
    });
  });
});
