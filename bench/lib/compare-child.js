// The comparison run: two builds of the plugin in one process, file by file. Each file is linted
// with parse-only and with each build under each variant, in an order that rotates from file to
// file, so a slow moment of the machine lands on both builds alike. Besides each run's wall time it
// sums the plugin's rule time from ESLint's stats: a change of a few percent of rule time moves
// the wall time less than the machine's noise does, but shows in the rule time every round. Reads
// a job file (argv[2]) from bench/compare.js and prints one JSON line.
import { readFileSync } from 'node:fs';
import { lintInRotation, rotation, ruleFindings } from './rotation.js';

/**
 * @typedef {{
 *   builds: { base: string, head: string },
 *   variants: string[],
 *   files: { module: string[], commonjs: string[] },
 * }} CompareJob
 */

/** @type {CompareJob} */
const job = JSON.parse(readFileSync(/** @type {string} */ (process.argv[2]), 'utf8'));

const [{ ESLint }, tsParser, { default: base }, { default: head }, { variantConfig }, { ROOT, SOURCE_GLOBS }] = await Promise.all([
  import('eslint'),
  import('@typescript-eslint/parser'),
  import(job.builds.base),
  import(job.builds.head),
  import('./variants.js'),
  import('./corpus.js'),
]);

/** Every run of the job: parse-only, then each variant with each build. */
const runs = [
  { name: 'parse-only', variant: 'parse-only', plugin: head },
  ...job.variants.flatMap((variant) => [
    { name: `base ${variant}`, variant, plugin: base },
    { name: `head ${variant}`, variant, plugin: head },
  ]),
];

/** @param {'module' | 'commonjs'} sourceType */
const eslintsFor = (sourceType) =>
  runs.map(
    ({ variant, plugin }) =>
      new ESLint({
        cwd: ROOT,
        cache: false,
        stats: true,
        overrideConfigFile: true,
        overrideConfig: variantConfig(variant, sourceType, { plugin, n: {}, tsParser, root: ROOT, sourceGlobs: SOURCE_GLOBS }),
      }),
  );
const eslints = { module: eslintsFor('module'), commonjs: eslintsFor('commonjs') };
/**
 * The rotation, with base and head trading places every other cycle of it. Rotating alone would
 * run head right after base on the same file four times in five, and the second to read a
 * helper (or lint a text) finds it in the processor's caches: head came out 5-13% faster than an
 * identical base.
 */
const balanced = (/** @type {number} */ index, /** @type {number} */ count) => {
  const order = rotation(index, count);
  if (Math.floor(index / count) % 2 === 0) return order;
  // Runs 1, 2 are base and head of the first variant, 3, 4 of the second, ...
  return order.map((run) => (run === 0 ? 0 : run % 2 === 1 ? run + 1 : run - 1));
};

const totals = runs.map(({ name }) => ({ name, wallMs: 0, ruleMs: 0, findings: 0 }));
const files = await lintInRotation(eslints, job.files, (run, result, wallMs) => {
  const total = /** @type {(typeof totals)[number]} */ (totals[run]);
  total.wallMs += wallMs;
  total.findings += ruleFindings(result);
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [id, { total: time }] of Object.entries(pass.rules ?? {})) if (id.startsWith('event-loop/')) total.ruleMs += time;
  }
}, balanced);

process.stdout.write(
  `${JSON.stringify({
    files,
    runs: Object.fromEntries(totals.map(({ name, ...numbers }) => [name, numbers])),
  })}\n`,
);
