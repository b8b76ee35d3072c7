// The paired run: several variants in one process, file by file. Each file is linted once with
// every variant, in an order that rotates from file to file, and each variant's time is the sum of
// its Linter#verify calls. A slow moment of the machine lands on all variants alike, so their
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

const [{ Linter }, tsParser, { default: plugin }, { default: n }, { variantConfig }, { ROOT, SOURCE_GLOBS }] = await Promise.all([
  import('eslint'),
  import('@typescript-eslint/parser'),
  import('eslint-plugin-event-loop'),
  import('eslint-plugin-n'),
  import('./variants.js'),
  import('./corpus.js'),
]);

const context = { plugin, n, tsParser, root: ROOT, sourceGlobs: SOURCE_GLOBS };
const linter = new Linter({ cwd: ROOT });
/** @param {'module' | 'commonjs'} sourceType */
const configsFor = (sourceType) => job.variants.map((variant) => variantConfig(variant, sourceType, context));
/** Config arrays by source type, then variant. */
const configs = { module: configsFor('module'), commonjs: configsFor('commonjs') };
const files = /** @type {const} */ (['module', 'commonjs']).flatMap((sourceType) =>
  job.files[sourceType].map((file) => ({ file, sourceType, text: readFileSync(file, 'utf8') })),
);

// Untimed first: whichever variant met the first files would otherwise pay for compiling the
// parser and ESLint (hundreds of milliseconds) on its own.
const WARM_UP_FILES = 30;
for (const { file, sourceType, text } of files.slice(0, WARM_UP_FILES)) {
  for (const config of configs[sourceType]) linter.verify(text, config, file);
}

const totals = job.variants.map((variant) => ({ variant, wallMs: 0, findings: 0 }));
files.forEach(({ file, sourceType, text }, index) => {
  for (let step = 0; step < totals.length; step++) {
    const variant = (index + step) % totals.length;
    const total = /** @type {(typeof totals)[number]} */ (totals[variant]);
    const start = performance.now();
    const messages = linter.verify(text, /** @type {import('eslint').Linter.Config[]} */ (configs[sourceType][variant]), file);
    total.wallMs += performance.now() - start;
    // Rule findings only: `noInlineConfig` makes ESLint warn (with no rule id) about directive comments.
    total.findings += messages.filter((message) => message.ruleId).length;
  }
});

process.stdout.write(
  `${JSON.stringify({
    files: files.length,
    variants: Object.fromEntries(totals.map(({ variant, wallMs, findings }) => [variant, { wallMs, findings }])),
  })}\n`,
);
