// One measured ESLint run, in a process of its own so that no variant inherits another's JIT state,
// caches or heap. Reads a job file (argv[2]) from bench/run.js and prints one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * @typedef {{
 *   variant: string,
 *   files: { module: string[], commonjs: string[] },
 *   iterations?: number,
 *   warmup?: number,
 * }} Job
 * @typedef {{ wallMs: number, parseMs: number, rulesMs: Record<string, number> }} Iteration
 */

const started = performance.now();
/** @type {Job} */
const job = JSON.parse(readFileSync(/** @type {string} */ (process.argv[2]), 'utf8'));

const [{ ESLint }, tsParser, { default: plugin }, { default: n }, { variantConfig }, { ROOT, SOURCE_GLOBS }] = await Promise.all([
  import('eslint'),
  import('@typescript-eslint/parser'),
  import('eslint-plugin-event-loop'),
  import('eslint-plugin-n'),
  import('./variants.js'),
  import('./corpus.js'),
]);

const context = { plugin, n, tsParser, root: ROOT, sourceGlobs: SOURCE_GLOBS };

/** @param {'module' | 'commonjs'} sourceType */
const eslintFor = (sourceType) =>
  new ESLint({
    cwd: ROOT,
    cache: false,
    stats: true,
    overrideConfigFile: true,
    overrideConfig: variantConfig(job.variant, sourceType, context),
  });
const linters = { module: eslintFor('module'), commonjs: eslintFor('commonjs') };
const startupMs = performance.now() - started;

/** Lint every file once, by source type; ESLint's stats give parse and per-rule time. */
async function lintAll() {
  /** @type {import('eslint').ESLint.LintResult[]} */
  const results = [];
  const wallStart = performance.now();
  for (const sourceType of /** @type {const} */ (['module', 'commonjs'])) {
    if (job.files[sourceType].length > 0) results.push(...(await linters[sourceType].lintFiles(job.files[sourceType])));
  }
  const wallMs = performance.now() - wallStart;
  let parseMs = 0;
  /** @type {Record<string, number>} */
  const rulesMs = {};
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) rulesMs[ruleId] = (rulesMs[ruleId] ?? 0) + time.total;
    }
  }
  return { results, iteration: { wallMs, parseMs, rulesMs } };
}

const cpuStart = process.cpuUsage();
const { results, iteration } = await lintAll();
const cpu = process.cpuUsage(cpuStart);
/** @type {Iteration[]} */
const warm = [];
// Untimed passes first where asked: the first passes after the cold one still compile code.
for (let i = 0; i < (job.warmup ?? 0); i++) await lintAll();
for (let i = 0; i < (job.iterations ?? 0); i++) warm.push((await lintAll()).iteration);

/** @type {Record<string, number>} */
const findings = {};
for (const message of results.flatMap((result) => result.messages)) {
  if (message.ruleId) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
}
const fatal = results.flatMap((result) =>
  result.messages.filter((m) => m.fatal).map((m) => `${result.filePath}:${m.line}:${m.column} ${m.message}`),
);

process.stdout.write(
  `${JSON.stringify({
    variant: job.variant,
    files: results.length,
    startupMs,
    ...iteration,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    findings,
    fatal,
    warm,
  })}\n`,
);
