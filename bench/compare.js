#!/usr/bin/env node
// `npm run bench:compare -- <ref>`: the plugin as built now (head) against the plugin at a git ref
// (base), on the bench corpus, both builds in one process. See bench/README.md, "Comparing two builds".
//
//   node bench/compare.js <ref> [--rounds 3] [--sample 1]
//
// The base is exported with `git archive` into bench/.cache/compare/<commit>/ and built there
// once (its dist/ is reused by later comparisons); it resolves its dependencies from this
// checkout's node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, corpusFiles, ROOT, sourceTypeOf } from './lib/corpus.js';
import { median, ms, pct } from './lib/numbers.js';
import { SINGLE_RUN_ENV } from './lib/variants.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    sample: { type: 'string', default: '1' },
  },
});
const [ref] = positionals;
if (positionals.length !== 1 || !ref) throw new Error('usage: node bench/compare.js <git ref> [--rounds 3] [--sample 1]');
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
const sample = Number(args.sample);
if (!(sample > 0 && sample <= 1)) throw new Error('--sample must be a fraction in (0, 1]');

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const git = (/** @type {string[]} */ ...gitArgs) => execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8' }).trim();

// --- the base build -----------------------------------------------------------------------------
const commit = git('rev-parse', '--short', `${ref}^{commit}`);
const baseDir = join(CACHE, 'compare', commit);
const baseEntry = join(baseDir, 'dist', 'src', 'index.js');
if (!existsSync(baseEntry)) {
  log(`Building ${ref} (${commit}) in ${baseDir}`);
  rmSync(baseDir, { recursive: true, force: true });
  mkdirSync(baseDir, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed:\n${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', baseDir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
  // This checkout's TypeScript, and its node_modules found up the tree from the base's folder.
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: baseDir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building ${commit} failed:\n${build.stdout}${build.stderr}`);
}
const headCommit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'rules') !== '';

// --- the corpus ---------------------------------------------------------------------------------
const corpus = corpusFiles({ log: () => {} });
// Every n-th file: a fixed part of the corpus, spread over all of its packages.
const every = Math.max(1, Math.round(1 / sample));
const files = corpus.files.filter((_, index) => index % every === 0);
const job = {
  builds: { base: baseEntry, head: join(ROOT, 'dist', 'src', 'index.js') },
  variants: ['recommended', 'recommended-cross-module'],
  files: {
    module: files.filter((file) => sourceTypeOf(file) === 'module'),
    commonjs: files.filter((file) => sourceTypeOf(file) === 'commonjs'),
  },
};
const jobFile = join(CACHE, 'jobs', 'compare-job.json');
mkdirSync(join(CACHE, 'jobs'), { recursive: true });
writeFileSync(jobFile, JSON.stringify(job));

log(`base ${ref} (${commit}) against head ${headCommit}${dirty ? ' with uncommitted changes' : ''}: ${files.length} files, ${rounds} round${rounds === 1 ? "" : "s"}, one process each`);

// --- the rounds ---------------------------------------------------------------------------------
/** @typedef {{ wallMs: number, ruleMs: number, findings: number }} RunTotals */
/** @type {Record<string, RunTotals>[]} */
const results = [];
for (let round = 0; round < rounds; round++) {
  const child = spawnSync(process.execPath, [join(ROOT, 'bench', 'lib', 'compare-child.js'), jobFile], {
    cwd: ROOT,
    env: { ...process.env, ...SINGLE_RUN_ENV },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the comparison crashed (exit ${child.status}):\n${child.stderr}`);
  /** @type {{ runs: Record<string, RunTotals> }} */
  const { runs } = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '');
  results.push(runs);
  const parseOnly = runs['parse-only']?.wallMs ?? NaN;
  const line = job.variants.map((variant) => {
    const [base, head] = [runs[`base ${variant}`], runs[`head ${variant}`]];
    return `${variant}: rule time ${ms(base?.ruleMs ?? NaN)} → ${ms(head?.ruleMs ?? NaN)}, wall ${pct((base?.wallMs ?? NaN) / parseOnly)} → ${pct((head?.wallMs ?? NaN) / parseOnly)}`;
  });
  log(`  round ${round + 1}/${rounds}  ${line.join('; ')}`);
}

// --- the summary --------------------------------------------------------------------------------
log('\nMedians of the rounds (wall: over parse-only in the same round)');
log(`| Variant | Rule time, base → head | Change | Rounds head is faster | Wall, base → head | Findings, base → head |`);
log(`| :-- | --: | --: | --: | --: | --: |`);
for (const variant of job.variants) {
  const of = (/** @type {'base' | 'head'} */ build, /** @type {keyof RunTotals} */ key) =>
    results.map((runs) => runs[`${build} ${variant}`]?.[key] ?? NaN);
  const [baseRule, headRule] = [of('base', 'ruleMs'), of('head', 'ruleMs')];
  const faster = headRule.filter((time, round) => time < (baseRule[round] ?? NaN)).length;
  const wallOver = (/** @type {'base' | 'head'} */ build) =>
    median(results.map((runs) => (runs[`${build} ${variant}`]?.wallMs ?? NaN) / (runs['parse-only']?.wallMs ?? NaN)));
  const findings = (/** @type {'base' | 'head'} */ build) => results[0]?.[`${build} ${variant}`]?.findings ?? NaN;
  log(
    `| ${variant} | ${ms(median(baseRule))} → ${ms(median(headRule))} | ${pct(median(headRule.map((time, round) => time / (baseRule[round] ?? NaN))))} | ${faster} of ${rounds} | ${pct(wallOver('base'))} → ${pct(wallOver('head'))} | ${findings('base')} → ${findings('head')} |`,
  );
}
