// The paired run: several variants in one process, file by file. Each file is linted once with
// every variant, in an order that rotates from file to file, and each variant's time is the sum of
// its ESLint#lintText calls. A slow moment of the machine lands on all variants alike, so their
// ratio stays steady where separate processes (lint-child.js) differ by tens of percent on a busy
// machine. Reads a job file (argv[2]) from bench/run.js and prints one JSON line.
import { readFileSync } from 'node:fs';
import { lintInRotation, ruleFindings } from './rotation.js';

/**
 * @typedef {{
 *   variants: string[],
 *   files: { module: string[], commonjs: string[] },
 * }} PairedJob
 */

/** @type {PairedJob} */
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
/**
 * One ESLint per variant and source type, as `eslint .` builds one config array per run: each
 * file's config then comes from that array's cache. A plain config array given to
 * Linter#verify is normalised again on every call, about 0.1 ms per file, more with more rules.
 * @param {'module' | 'commonjs'} sourceType
 */
const eslintsFor = (sourceType) =>
  job.variants.map(
    (variant) =>
      new ESLint({ cwd: ROOT, cache: false, overrideConfigFile: true, overrideConfig: variantConfig(variant, sourceType, context) }),
  );
/** ESLint instances by source type, then variant. */
const eslints = { module: eslintsFor('module'), commonjs: eslintsFor('commonjs') };
const totals = job.variants.map((variant) => ({ variant, wallMs: 0, findings: 0 }));
const files = await lintInRotation(eslints, job.files, (variant, result, wallMs) => {
  const total = /** @type {(typeof totals)[number]} */ (totals[variant]);
  total.wallMs += wallMs;
  total.findings += ruleFindings(result);
});

process.stdout.write(
  `${JSON.stringify({
    files,
    variants: Object.fromEntries(totals.map(({ variant, wallMs, findings }) => [variant, { wallMs, findings }])),
  })}\n`,
);
