import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleDocsUrl } from '../src/util/create-rule.js';

// The CI recipes of docs/guides/ci.md, run for real: the ESLint 10 CLI in examples/ (as in a user's
// project: its eslint.config.js imports the built plugin), checked by exit code and output.

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
// ESLint's package.json names its bin but does not export the path: resolve it from there.
const eslintPackage = createRequire(import.meta.url).resolve('eslint/package.json');
const eslintBin = join(dirname(eslintPackage), (JSON.parse(readFileSync(eslintPackage, 'utf8')) as { bin: { eslint: string } }).bin.eslint);
const RULE = 'event-loop/no-sync-fs';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function eslint(args: readonly string[], cwd = examples): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [eslintBin, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; fatal?: boolean }[];
}

/** `path:line:column ruleId` for every message of ESLint's JSON output, sorted. */
function findingsOf(run: Run, cwd = examples): string[] {
  return (JSON.parse(run.stdout) as JsonResult[])
    .flatMap((result) =>
      result.messages.map((message) => `${relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId}`),
    )
    .sort();
}

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

// Each run is mostly ESLint's start-up; --concurrency 2 starts two workers more.
describe('the ESLint CLI on the example servers', { timeout: 60_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'event-loop-cli-'));
  const cacheFile = join(scratch, 'eslintcache');
  const cached = ['--cache', '--cache-strategy', 'content', '--cache-location', cacheFile];
  // The reference run, `eslint .` with JSON output. It also fills the cache the last test reads.
  let reference: Run;
  let findings: string[];

  // One ESLint process at a time: each is mostly start-up, and CI has two cores.
  beforeAll(async () => {
    reference = await eslint([...cached, '--format', 'json', '.']);
    findings = findingsOf(reference);
  }, 60_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('exits 1 with every finding when handlers block', () => {
    expect(reference.code, reference.stderr).toBe(1);
    // The same 93 findings tests/examples.test.ts lists one by one, from the real CLI.
    expect(findings).toHaveLength(93);
    expect(findings.every((finding) => / event-loop\/no-sync-(fs|child-process|crypto|db)$/.test(finding))).toBe(true);
    expect(findings).toContain(`express-api/src/routes/invoices.js:10:17 ${RULE}`);
    expect(findings).toContain('nestjs-app/src/reports/reports.controller.ts:19:12 event-loop/no-sync-child-process');
  });

  it('exits 0 and prints nothing on files with no finding, under --max-warnings 0', async () => {
    const clean = await eslint([
      '--max-warnings',
      '0',
      'express-api/src/routes/uploads.js',
      'express-api/scripts/seed.js',
      'fastify-api/src/routes/health.ts',
      'nextjs-app/app/api/health/route.ts',
    ]);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fails on warnings with --max-warnings 0', async () => {
    const run = await eslint(['--rule', JSON.stringify({ [RULE]: 'warn' }), '--max-warnings', '0', 'express-api/src/routes']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('16 problems (0 errors, 16 warnings)');
    expect(run.stderr).toContain('ESLint found too many warnings (maximum: 0).');
  });

  it('writes SARIF 2.1.0 for code scanning with @microsoft/eslint-formatter-sarif', async () => {
    const sarifFile = join(scratch, 'eslint.sarif');
    const run = await eslint(['--format', '@microsoft/eslint-formatter-sarif', '--output-file', sarifFile, '.']);
    expect(run.code, run.stderr).toBe(1);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const [{ tool, results }] = sarif.runs as [Sarif['runs'][number]];
    expect(tool.driver.name).toBe('ESLint');
    expect(tool.driver.rules).toContainEqual(
      expect.objectContaining({
        id: RULE,
        helpUri: ruleDocsUrl('no-sync-fs'),
        shortDescription: { text: 'Disallow synchronous `fs` calls inside request handlers' },
      }),
    );
    for (const result of results) {
      expect(result.ruleId).toMatch(/^event-loop\/no-sync-(fs|child-process|crypto|db)$/);
      expect(result.level).toBe('error');
      expect(result.message.text).toContain('every other request waits');
    }
    // The same findings in the same places as ESLint's JSON output (SARIF names files by file: URI).
    const located = results
      .map((result) => {
        const { artifactLocation, region } = result.locations[0]!.physicalLocation;
        return `${relative(examples, fileURLToPath(artifactLocation.uri))}:${region.startLine}:${region.startColumn} ${result.ruleId}`;
      })
      .sort();
    expect(located).toEqual(findings);
  });

  it('finds the same with --concurrency 2 (worker threads load the config and the plugin themselves)', async () => {
    const run = await eslint(['--concurrency', '2', '--format', 'json', '.']);
    expect(run.code, run.stderr).toBe(1);
    expect(findingsOf(run)).toEqual(findings);
  });

  it('finds the same from the --cache written by the reference run', async () => {
    expect(existsSync(cacheFile)).toBe(true);
    const run = await eslint([...cached, '--format', 'json', '.']);
    expect(run.code, run.stderr).toBe(1);
    expect(findingsOf(run)).toEqual(findings);
  });
});

// docs/guides/ci.md's warning about --cache: ESLint's cache knows each linted file and the config,
// not the helpers a finding passes through.
describe('the ESLint CLI with --cache, when a helper in another module changes', { timeout: 60_000 }, () => {
  const project = mkdtempSync(join(tmpdir(), 'event-loop-cache-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  // The built plugin by its URL: the project is outside this package, which names itself.
  const plugin = new URL('../dist/src/index.js', import.meta.url).href;
  const write = (name: string, lines: string[]): void => writeFileSync(join(project, name), `${lines.join('\n')}\n`);

  it('keeps the handler file\'s cached result until the file itself changes', async () => {
    write('eslint.config.js', [`import eventLoop from ${JSON.stringify(plugin)};`, 'export default [eventLoop.configs.recommended];']);
    write('server.js', [
      "import express from 'express';",
      "import { load } from './store.js';",
      'const app = express();',
      "app.get('/reports/:name', (req, res) => res.send(load(req.params.name)));",
    ]);
    const store = (read: string): void =>
      write('store.js', [`import { ${read} } from 'node:fs${read === 'readFile' ? '/promises' : ''}';`, `export const load = (name) => ${read}(name, 'utf8');`]);
    const cached = ['--cache', '--cache-location', join(project, '.eslintcache'), '--format', 'json', 'server.js'];

    store('readFile');
    expect(findingsOf(await eslint(cached, project), project)).toEqual([]);
    store('readFileSync');
    // server.js is unchanged, so ESLint reports its cached result: no finding.
    expect(findingsOf(await eslint(cached, project), project)).toEqual([]);
    // Without the cache, the helper's new blocking call is found.
    const fresh = await eslint(['--format', 'json', 'server.js'], project);
    expect(findingsOf(fresh, project)).toEqual([`server.js:4:50 ${RULE}`]);
  });
});

describe('the ESLint CLI in a monorepo', { timeout: 60_000 }, () => {
  it('runs from the root with one config that puts the plugin on the services only', async () => {
    const monorepo = fileURLToPath(new URL('fixtures/monorepo/', import.meta.url));
    const run = await eslint(['--max-warnings', '0', '--format', 'json', '.'], monorepo);
    expect(run.code, run.stderr).toBe(1);
    expect(findingsOf(run, monorepo)).toEqual([`services/api/src/server.js:7:25 ${RULE}`]);
  });
});
