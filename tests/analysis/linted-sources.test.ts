/**
 * A helper ESLint linted earlier in the process is summarised from ESLint's tree instead of being
 * parsed again, but only where that tree gives the summary its own parse would: the same text as
 * on disk, the same parser, an ES module. Otherwise findings would depend on which file was linted
 * first. Each case writes its own project, so no case sees another's summaries.
 */
import { join } from 'node:path';
import { Linter } from 'eslint';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { config, eventLoopPlugin, FILES } from '../linter-config.js';
import { ts } from '../rules/no-sync-fs.helpers.js';
import { tempProject } from '../temp-project.js';
import { parsed } from './parsed-modules.js';

vi.mock('../../src/analysis/module-source.js', async (importOriginal) =>
  (await import('./parsed-modules.js')).recordingModuleSource(importOriginal),
);

const HELPER = ts`
  import { readFileSync } from 'node:fs';

  export function readConfig() {
    return JSON.parse(readFileSync('config.json', 'utf8'));
  }
`;

const ROUTES = ts`
  import express from 'express';
  import { readConfig } from './lib/read-config.js';

  const app = express();
  app.get('/config', (req, res) => res.json(readConfig()));
`;

/** A project with lib/read-config.js (`text` on disk) and routes.js, and a Linter working in it. */
function project(text = HELPER): { helper: string; routes: string; linter: Linter } {
  const root = tempProject({ 'lib/read-config.js': text, 'routes.js': ROUTES }, 'linted');
  return { helper: join(root, 'lib', 'read-config.js'), routes: join(root, 'routes.js'), linter: new Linter({ cwd: root }) };
}

/** Where the rule reports in routes.js. */
function lintRoutes(routes: string, linter: Linter): string[] {
  return linter.verify(ROUTES, config(), routes).map(({ line, column, messageId }) => `${line}:${column} ${messageId}`);
}

const REPORTED = ['5:43 blockingHelper'];

beforeEach(() => {
  parsed.length = 0;
});

describe('summaries of helpers ESLint linted earlier', () => {
  it('a helper never linted is parsed', () => {
    const { helper, routes, linter } = project();
    expect(lintRoutes(routes, linter)).toEqual(REPORTED);
    expect(parsed).toEqual([helper]);
  });

  it('a helper linted earlier is summarised from its tree, with the same findings', () => {
    const { helper, routes, linter } = project();
    expect(linter.verify(HELPER, config(), helper)).toEqual([]);
    expect(lintRoutes(routes, linter)).toEqual(REPORTED);
    expect(parsed).toEqual([]);
  });

  it('a tree of other text than the disk (an unsaved editor buffer) is not used', () => {
    const { helper, routes, linter } = project();
    linter.verify(HELPER.replace("readFileSync('config.json', 'utf8')", "'{}'"), config(), helper);
    expect(lintRoutes(routes, linter)).toEqual(REPORTED);
    expect(parsed).toEqual([helper]);
  });

  it('nor one that blocks where the disk does not', () => {
    const { helper, routes, linter } = project(HELPER.replace("readFileSync('config.json', 'utf8')", "'{}'"));
    linter.verify(HELPER, config(), helper);
    expect(lintRoutes(routes, linter)).toEqual([]);
  });

  it.each([
    [14, []],
    [15, ['helper']],
  ])('the last 16 files linted are kept: with %i others between the helper and routes.js, parsed: %j', (others, expected) => {
    const { helper, routes, linter } = project();
    linter.verify(HELPER, config(), helper);
    for (let index = 0; index < others; index++) linter.verify('export const x = 1;\n', config(), join(helper, '..', `other-${index}.js`));
    expect(lintRoutes(routes, linter)).toEqual(REPORTED);
    expect(parsed.map((file) => (file === helper ? 'helper' : file))).toEqual(expected);
  });

  // Both parse this helper, which is CommonJS and valid as a module too.
  const COMMON_JS_HELPER = ts`
    const { readFileSync } = require('node:fs');

    exports.readConfig = function readConfig() {
      return JSON.parse(readFileSync('config.json', 'utf8'));
    };
  `;

  it.each<[string, Linter.Config[]]>([
    ["ESLint's default parser, where routes.js has @typescript-eslint/parser", defaultParserConfig()],
    ['CommonJS', config({ sourceType: 'commonjs' })],
  ])('a tree made otherwise is not used: %s', (_, helperConfig) => {
    const { helper, routes, linter } = project(COMMON_JS_HELPER);
    linter.verify(COMMON_JS_HELPER, helperConfig, helper);
    expect(lintRoutes(routes, linter)).toEqual(REPORTED);
    expect(parsed).toEqual([helper]);
  });

  it('the same helper as an ES module on @typescript-eslint/parser is used', () => {
    const { helper, routes, linter } = project(COMMON_JS_HELPER);
    linter.verify(COMMON_JS_HELPER, config(), helper);
    expect(lintRoutes(routes, linter)).toEqual(REPORTED);
    expect(parsed).toEqual([]);
  });
});

/** The rule on ESLint's default parser (espree), as ES modules. */
function defaultParserConfig(): Linter.Config[] {
  return [
    {
      files: FILES,
      plugins: { 'event-loop': eventLoopPlugin },
      languageOptions: { sourceType: 'module' },
      rules: { 'event-loop/no-sync-fs': 'error' },
    },
  ];
}
