/**
 * Type information costs nothing without it: linting a JavaScript file (espree, no program) loads
 * no `typescript`, in a fresh process that runs the plugin from source and fails any import of it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

/** Lints a JavaScript Express app with the plugin; `load` runs first (the checks' own controls). */
const script = (load = '') => `
import { createRequire } from 'node:module';
${load}
import { Linter } from 'eslint';
const { default: plugin } = await import(${JSON.stringify(new URL('src/index.ts', root).href)});
const linter = new Linter({ configType: 'flat' });
const code = "import fs from 'fs'; import express from 'express'; const app = express(); " +
  "app.get('/x', (req, res) => { res.send(fs.readFileSync('a')); });";
const messages = linter.verify(code, [{ plugins: { 'event-loop': plugin }, rules: plugin.configs['recommended-type-checked'].rules }], 'server.js');
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({
  rules: messages.map((message) => message.ruleId),
  typescript: loaded.filter((file) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(file)),
  typescriptEslintUtils: loaded.some((file) => file.includes('@typescript-eslint')),
}));
`;

interface Result {
  rules: string[];
  typescript: string[];
  typescriptEslintUtils: boolean;
}

const run = (load?: string): Result =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', new URL('untyped-path/register.mjs', import.meta.url).href, '--input-type=module', '-e', script(load)],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  ) as Result;

// Each run transpiles the plugin's sources in a fresh process: seconds, not milliseconds.
describe('linting without type information', { timeout: 90_000 }, () => {
  it('loads no typescript module', () => {
    const result = run();
    // The plugin ran and found the blocking call; the module cache is the one the plugin's
    // CommonJS dependencies load into (they are there).
    expect(result.rules).toEqual(['event-loop/no-sync-fs']);
    expect(result.typescriptEslintUtils).toBe(true);
    expect(result.typescript).toEqual([]);
  });

  it('would see typescript required by CommonJS, and fail on an import of it', () => {
    expect(run("createRequire(import.meta.url)('typescript');").typescript).not.toEqual([]);
    expect(() => run("await import('typescript');")).toThrow(/imports typescript/);
  });
});
