/**
 * The hardening run on a fixed subset of real code, present offline after `npm ci`: the sources of
 * the installed packages listed in bench/lib/corpus.js (HARDENING_PACKAGES) and the examples. Every
 * rule in its widest scope (`async-functions`), with @typescript-eslint/parser, on JavaScript files
 * ESLint's default parser too, and on the examples' TypeScript projects with type information too:
 * no rule may throw, and every suggestion of every finding, applied on its own, must leave a file
 * that parses and, in a typed TypeScript file, a project with no type error it did not have.
 * `npm run harden` runs the same check on the whole bench corpus and all of node_modules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, hardeningSubsetFiles, isTypedExampleFile, JAVASCRIPT_FILE } from '../bench/lib/corpus.js';
import { harden, SLOW_FILE_MS, type HardeningReport } from '../bench/lib/hardening.js';
import plugin from '../src/index.js';
import { parser } from './linter-config.js';

const { files } = hardeningSubsetFiles();
const javascriptFiles = files.filter((file) => JAVASCRIPT_FILE.test(file));
const typedFiles = files.filter(isTypedExampleFile);
let report: HardeningReport;

describe('hardening: every rule, widest scope, real files', () => {
  beforeAll(() => {
    report = harden(files, { plugin, parser, typedFiles });
  }, 300_000);

  it('lints the whole subset, so the run cannot pass by linting nothing', () => {
    expect(files.length).toBeGreaterThanOrEqual(1_500);
    expect(report.files).toBe(files.length);
    expect(report.notLinted.map(fromRoot)).toEqual([]);
    expect(report.inputParseErrors).toEqual([]);
    expect(typedFiles.length).toBeGreaterThanOrEqual(15);
    expect(report.lints).toEqual({
      '@typescript-eslint/parser': files.length,
      espree: javascriptFiles.length,
      '@typescript-eslint/parser with type information': typedFiles.length,
    });
  });

  it('no rule throws', () => {
    expect(report.crashes.map(({ file, parser, error }) => `${fromRoot(file)} (${parser}): ${error}`)).toEqual([]);
  });

  it(`no file takes longer than ${SLOW_FILE_MS / 1000} s`, () => {
    expect(report.slowFiles.map(({ file, parser, ms }) => `${fromRoot(file)} (${parser}): ${Math.round(ms)} ms`)).toEqual([]);
  });

  it('finds blocking calls, and offers suggestions to apply', () => {
    expect(report.findings).toBeGreaterThanOrEqual(90);
    expect(report.suggestions).toBeGreaterThanOrEqual(40);
    // The typed lint runs the rules on real trees with type information, not only parses them.
    expect(report.findingsByParser['@typescript-eslint/parser with type information']).toBeGreaterThanOrEqual(20);
  });

  it('no suggestion adds a type error to its TypeScript project', () => {
    expect(report.typeCheckedSuggestions).toBeGreaterThanOrEqual(10);
    expect(
      report.illTypedSuggestions.map((bad) => `${fromRoot(bad.file)}:${bad.line} ${bad.suggestion}: ${bad.error}`),
    ).toEqual([]);
  });

  it('every suggestion output parses', () => {
    expect(
      report.unparsableSuggestions.map(
        (bad) => `${fromRoot(bad.file)}:${bad.line} (${bad.parser}) ${bad.suggestion}: ${bad.error}`,
      ),
    ).toEqual([]);
  });
});
