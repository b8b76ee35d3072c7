// The paired run: several variants in one process, file by file. Each file is linted once with
// every variant, in an order that rotates from file to file, and each variant's time is the sum of
// its ESLint#lintText calls. A slow moment of the machine lands on all variants alike, so their
// ratio stays steady where separate processes (lint-child.js) differ by tens of percent on a busy
// machine. Reads a job file (argv[2]) from bench/run.js and prints one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

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
const files = /** @type {const} */ (['module', 'commonjs']).flatMap((sourceType) =>
  job.files[sourceType].map((file) => ({ file, sourceType, text: readFileSync(file, 'utf8') })),
);

// Untimed first: whichever variant met the first files would otherwise pay for compiling the
// parser and ESLint (hundreds of milliseconds) on its own.
const WARM_UP_FILES = 30;
for (const { file, sourceType, text } of files.slice(0, WARM_UP_FILES)) {
  for (const eslint of eslints[sourceType]) await eslint.lintText(text, { filePath: file });
}

const totals = job.variants.map((variant) => ({ variant, wallMs: 0, findings: 0 }));
for (const [index, { file, sourceType, text }] of files.entries()) {
  for (let step = 0; step < totals.length; step++) {
    const variant = (index + step) % totals.length;
    const total = /** @type {(typeof totals)[number]} */ (totals[variant]);
    const eslint = /** @type {import('eslint').ESLint} */ (eslints[sourceType][variant]);
    const start = performance.now();
    const [result] = await eslint.lintText(text, { filePath: file });
    total.wallMs += performance.now() - start;
    // Rule findings only: `noInlineConfig` makes ESLint warn (with no rule id) about directive comments.
    total.findings += result?.messages.filter((message) => message.ruleId).length ?? 0;
  }
}

process.stdout.write(
  `${JSON.stringify({
    files: files.length,
    variants: Object.fromEntries(totals.map(({ variant, wallMs, findings }) => [variant, { wallMs, findings }])),
  })}\n`,
);
