import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// `npm run experiment` keeps working and the guide keeps quoting it right. The latencies themselves
// depend on the machine; here only their shape is checked, on a short run.

const root = fileURLToPath(new URL('../', import.meta.url));
const guide = readFileSync(join(root, 'docs/guides/why-it-matters.md'), 'utf8');

describe('npm run experiment', { timeout: 60_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'event-loop-experiment-test-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures both servers and writes a table, the numbers and a PNG chart (quick run)', async () => {
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, ['scripts/experiment.js', '--quick', '--out', out], { cwd: root, timeout: 60_000 }, (error) =>
        error ? reject(error) : resolve(),
      );
    });
    const table = readFileSync(join(out, 'results.md'), 'utf8');
    expect(table).toContain('| `readFileSync` (blocking) |');
    expect(table).toContain('| `await readFile` (awaited) |');
    const png = readFileSync(join(out, 'chart.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(10_000);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Record<
      'blocking' | 'awaited',
      { fastRequests: number; p50: number; p99: number }
    >;
    expect(results.blocking.fastRequests).toBeGreaterThan(10);
    expect(results.awaited.fastRequests).toBeGreaterThan(10);
    // The blocking server's tail is a whole blocking report; the awaited server's median is not.
    expect(results.blocking.p99).toBeGreaterThan(results.awaited.p50);
  });

  it('has its generated table and chart in the guide', () => {
    const generated = guide.slice(
      guide.indexOf('<!-- begin experiment results (npm run experiment) -->'),
      guide.indexOf('<!-- end experiment results -->'),
    );
    expect(generated).toContain('| `readFileSync` (blocking) |');
    expect(generated).toContain('| `await readFile` (awaited) |');
    expect(generated).toContain('Measured by `npm run experiment`');
    expect(guide).toContain('](why-it-matters.png)');
    expect(readFileSync(join(root, 'docs/guides/why-it-matters.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it("reports the blocking server's read and nothing in its awaited twin, as the guide quotes", async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const [result] = await eslint.lintFiles(['scripts/experiment-server.js']);
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['event-loop/no-sync-fs']);
    const [finding] = result!.messages;
    // The guide shows stylish output, which drops the final period.
    expect(guide).toContain(`  ${finding!.line}:${finding!.column}  error  ${finding!.message.replace(/\.$/, '')}  event-loop/no-sync-fs`);
  });
});
