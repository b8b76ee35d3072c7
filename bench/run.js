#!/usr/bin/env node
// `npm run bench`: what the plugin costs on real code, against ESLint parsing the same files with
// no rules and against eslint-plugin-n's n/no-sync. See bench/README.md for the method.
//
//   node bench/run.js [--repeats 3] [--sample 1] [--strict] [--only <part>]
//
// --sample 0.2 lints a fixed fifth of the corpus (a quick look; the committed results use all of it).
// --strict exits 1 when a target fails.
// --only runs one part (a group of variants, `paired`, `linearity` or `handler-file`) and prints it,
// without the targets; bench/results.json and bench/README.md keep the last full run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, corpusFiles, fromRoot, JAVASCRIPT_FILE, ROOT, sourceTypeOf, typedCorpusFiles } from './lib/corpus.js';
import { sourceFormFiles } from './lib/decorators.js';
import { writeHandlerFile } from './lib/handler-file.js';
import { median, ms, pct, sum } from './lib/numbers.js';
import { GROUPS, SINGLE_RUN_ENV, VARIANTS } from './lib/variants.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    sample: { type: 'string', default: '1' },
    strict: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const repeats = Number(args.repeats);
if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats must be a positive integer');
const sample = Number(args.sample);
if (!(sample > 0 && sample <= 1)) throw new Error('--sample must be a fraction in (0, 1]');
const PARTS = [...Object.keys(GROUPS), 'paired', 'linearity', 'handler-file'];
if (args.only !== undefined && !PARTS.includes(args.only)) {
  throw new Error(`--only must be one of ${PARTS.join(', ')}; got ${JSON.stringify(args.only)}`);
}
/** Whether this run measures `part` (every part unless --only names another). */
const runs = (/** @type {string} */ part) => args.only === undefined || args.only === part;

const TARGETS = {
  recommendedAdds: 0.05,
  crossModuleAdds: 0.1,
  /** Per-file rule time on the whole corpus may be at most this multiple of that on a quarter of it. */
  linearGrowth: 1.25,
  handlerFileMs: 30,
};
const HANDLER_FILE_LINES = 2000;
const HANDLER_FILE_ITERATIONS = 20;
// Untimed passes between the cold pass and the timed ones: the ten passes after the cold one
// averaged 30-42 ms against 24-29 ms for each ten after them (40 passes, three processes).
const HANDLER_FILE_WARMUP = 10;
const LINEARITY_FRACTIONS = [0.25, 0.5, 1];

/**
 * @typedef {{
 *   variant: string, files: number, startupMs: number, wallMs: number, cpuMs: number, maxRssMb: number,
 *   parseMs: number, rulesMs: Record<string, number>, findings: Record<string, number>, fatal: string[],
 *   warm: { wallMs: number, parseMs: number, rulesMs: Record<string, number> }[],
 * }} Run
 * @typedef {{ module: string[], commonjs: string[] }} FilesBySourceType
 * @typedef {{ files: number, variants: Record<string, { wallMs: number, findings: number }> }} PairedRun
 */

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
/** Rule time of this plugin's rules in a run. */
const pluginRulesMs = (/** @type {Record<string, number>} */ rulesMs) =>
  sum(Object.entries(rulesMs).flatMap(([id, time]) => (id.startsWith('event-loop/') ? [time] : [])));

let maxLoad = os.loadavg()[0] ?? 0;
const jobsDir = join(CACHE, 'jobs');
mkdirSync(jobsDir, { recursive: true });

/**
 * A child script of bench/lib/ in a fresh process, given `job` in a file; its last line of output
 * is its result, as JSON.
 * @param {string} script
 * @param {string} name for the error when it crashes
 * @param {object} job
 * @returns {unknown}
 */
function runChild(script, name, job) {
  const jobFile = join(jobsDir, `${script.replace(/\.js$/, '')}-job.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const child = spawnSync(process.execPath, [join(ROOT, 'bench', 'lib', script), jobFile], {
    cwd: ROOT,
    env: { ...process.env, ...SINGLE_RUN_ENV },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  maxLoad = Math.max(maxLoad, os.loadavg()[0] ?? 0);
  if (child.status !== 0) throw new Error(`${name} crashed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '');
}

/**
 * One variant over `files`, in a fresh process.
 * @param {string} variant
 * @param {FilesBySourceType} files
 * @param {number} [iterations] extra warm passes over the same files, after the measured one
 * @param {number} [warmup] untimed passes between the measured one and the warm ones
 * @returns {Run}
 */
const runJob = (variant, files, iterations = 0, warmup = 0) =>
  /** @type {Run} */ (runChild('lint-child.js', variant, { variant, files, iterations, warmup }));

/**
 * The variants over `files` in one fresh process, file by file (bench/lib/paired-child.js).
 * @param {string[]} variants
 * @param {FilesBySourceType} files
 * @returns {PairedRun}
 */
const runPairedJob = (variants, files) =>
  /** @type {PairedRun} */ (runChild('paired-child.js', `paired ${variants.join(', ')}`, { variants, files }));

/** @param {string[]} files @returns {FilesBySourceType} */
const bySourceType = (files) => ({
  module: files.filter((file) => sourceTypeOf(file) === 'module'),
  commonjs: files.filter((file) => sourceTypeOf(file) === 'commonjs'),
});

/**
 * Every job `repeats` times, interleaved (round 1: A B C, round 2: B C A, ...) so that a slow
 * moment of the machine does not land on one job only.
 * @param {{ name: string, variant: string, files: FilesBySourceType }[]} jobs
 * @returns {Record<string, Run[]>} by job name
 */
function measure(jobs) {
  /** @type {Record<string, Run[]>} */
  const runs = Object.fromEntries(jobs.map((job) => [job.name, []]));
  for (let round = 0; round < repeats; round++) {
    for (let i = 0; i < jobs.length; i++) {
      const { name, variant, files } = /** @type {(typeof jobs)[number]} */ (jobs[(i + round) % jobs.length]);
      const run = runJob(variant, files);
      runs[name]?.push(run);
      log(`  round ${round + 1}/${repeats} ${name.padEnd(26)} ${ms(run.wallMs).padStart(9)} wall  ${ms(run.cpuMs).padStart(9)} cpu  ${Math.round(run.maxRssMb)} MB`);
    }
  }
  return runs;
}

/**
 * Medians, and ratios against each baseline variant of the group (`parse-only`, `noop-rule`). Wall
 * and CPU ratios are medians of per-round ratios, each against the baseline run of the same round;
 * the rule-time share compares a run's rule time with the rest of the same run, which does not
 * depend on how busy the machine was.
 * @param {Record<string, Run[]>} runs
 */
function summarise(runs) {
  const baselines = Object.keys(runs).filter((variant) => VARIANTS[variant]?.baseline);
  return Object.fromEntries(
    Object.entries(runs).map(([variant, list]) => {
      const rulesMs = /** @type {Record<string, number>} */ ({});
      for (const id of new Set(list.flatMap((run) => Object.keys(run.rulesMs)))) {
        rulesMs[id] = median(list.map((run) => run.rulesMs[id] ?? 0));
      }
      const ruleTotals = list.map((run) => sum(Object.values(run.rulesMs)));
      const wallMs = median(list.map((run) => run.wallMs));
      /** @param {Run[]} base */
      const against = (base) => ({
        wall: median(list.map((run, i) => run.wallMs / (base[i]?.wallMs ?? NaN))),
        cpu: median(list.map((run, i) => run.cpuMs / (base[i]?.cpuMs ?? NaN))),
        rss: median(list.map((run) => run.maxRssMb)) / median(base.map((run) => run.maxRssMb)),
      });
      return [
        variant,
        {
          description: VARIANTS[variant]?.description ?? '',
          files: list[0]?.files ?? 0,
          parseErrors: list[0]?.fatal.length ?? 0,
          wallMs,
          cpuMs: median(list.map((run) => run.cpuMs)),
          maxRssMb: median(list.map((run) => run.maxRssMb)),
          filesPerSecond: (list[0]?.files ?? 0) / (wallMs / 1000),
          startupMs: median(list.map((run) => run.startupMs)),
          /** @type {Record<string, { wall: number, cpu: number, rss: number }>} */
          ratios: Object.fromEntries(baselines.map((baseline) => [baseline, against(runs[baseline] ?? [])])),
          ruleShare: median(list.map((run, i) => /** @type {number} */ (ruleTotals[i]) / (run.wallMs - /** @type {number} */ (ruleTotals[i])))),
          rulesMs,
          findings: list[0]?.findings ?? {},
          runs: list.map(({ wallMs, cpuMs, maxRssMb, parseMs, rulesMs }) => ({ wallMs, cpuMs, maxRssMb, parseMs, rulesMs })),
        },
      ];
    }),
  );
}

/** A stable order of the files that is not grouped by package: the first N% is a fair sample. */
const shuffled = (/** @type {string[]} */ files) =>
  files
    .map((file) => ({ file, key: createHash('sha1').update(fromRoot(file)).digest('hex') }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ file }) => file);

const packageVersion = (/** @type {string} */ name) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

// --- corpus -------------------------------------------------------------------------------------
log('Corpus');
const fullCorpus = corpusFiles({ log });
const sampled = new Set(shuffled(fullCorpus.files).slice(0, Math.round(fullCorpus.files.length * sample)));
const corpus = {
  ...fullCorpus,
  files: fullCorpus.files.filter((file) => sampled.has(file)),
  packages: fullCorpus.packages.map((p) => ({ ...p, files: p.files.filter((file) => sampled.has(file)) })),
};
const lines = sum(corpus.files.map((file) => readFileSync(file, 'utf8').split('\n').length));
const skippedByReason = /** @type {Record<string, number>} */ ({});
for (const { reason } of corpus.skipped) skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
for (const p of corpus.packages) log(`  ${`${p.name}${p.version ? `@${p.version}` : ''}`.padEnd(36)} ${p.files.length} files`);
log(`  ${corpus.files.length} files, ${lines} lines; skipped as bundled or minified: ${corpus.skipped.length} (${Object.entries(skippedByReason).map(([r, n]) => `${n} with ${r}`).join(', ') || 'none'})`);

/** @type {Record<import('./lib/variants.js').Group, string[]>} */
const groupFiles = {
  untyped: corpus.files,
  espree: corpus.files.filter((file) => JAVASCRIPT_FILE.test(file)),
  typed: typedCorpusFiles(corpus.packages),
  // Whole, whatever the sample (124 files); fetched and written only for a run that measures it.
  nestjs: runs('nestjs') || runs('paired') ? sourceFormFiles(log).files : [],
};

// --- every group of variants --------------------------------------------------------------------
/** @type {Record<string, ReturnType<typeof summarise>>} */
const groups = {};
for (const [group, description] of Object.entries(GROUPS)) {
  if (!runs(group)) continue;
  const variants = Object.keys(VARIANTS).filter(
    (name) => VARIANTS[name]?.group === group,
  );
  const files = /** @type {string[]} */ (groupFiles[/** @type {keyof typeof groupFiles} */ (group)]);
  log(`\n${group}: ${description}; ${files.length} files; ${repeats} interleaved rounds, one process per run`);
  const filesBySourceType = bySourceType(files);
  groups[group] = summarise(measure(variants.map((variant) => ({ name: variant, variant, files: filesBySourceType }))));
  const [baseline] = variants;
  for (const [variant, result] of Object.entries(groups[group] ?? {})) {
    const wall = result.ratios[baseline ?? '']?.wall ?? NaN;
    log(`  median ${variant.padEnd(26)} ${ms(result.wallMs).padStart(9)} wall (${pct(wall)})  rule time ${(result.ruleShare * 100).toFixed(1)}%  ${Math.round(result.maxRssMb)} MB`);
  }
}
const untyped = /** @type {ReturnType<typeof summarise>} */ (groups.untyped);

// --- paired: the wall-time targets ---------------------------------------------------------------
// Separate processes differ by tens of percent from one run to the next on a busy machine (parse
// time alone does); linting each file with every variant in turn, in one process, does not.
/** @type {Record<string, string[]>} */
const PAIRED = {
  untyped: ['parse-only', 'noop-rule', 'recommended', 'recommended-cross-module'],
  espree: ['espree/parse-only', 'espree/recommended', 'espree/n/no-sync'],
  nestjs: ['nestjs/parse-only', 'nestjs/recommended', 'nestjs/recommended-cross-module'],
};
/** @type {Record<string, { ratio: number, ratios: number[], wallMs: number, findings: number }>} */
const paired = {};
for (const [group, variants] of Object.entries(runs('paired') ? PAIRED : {})) {
  const files = bySourceType(/** @type {string[]} */ (groupFiles[/** @type {keyof typeof groupFiles} */ (group)]));
  log(`\npaired (${group}): ${variants.join(', ')}, file by file in one process; ${repeats} rounds`);
  /** @type {PairedRun[]} */
  const rounds = [];
  for (let round = 0; round < repeats; round++) {
    const run = runPairedJob(variants, files);
    rounds.push(run);
    log(`  round ${round + 1}/${repeats} ${variants.map((v) => `${v} ${ms(run.variants[v]?.wallMs ?? NaN)}`).join(', ')}`);
  }
  const [baseline] = variants;
  for (const variant of variants) {
    const ratios = rounds.map((run) => (run.variants[variant]?.wallMs ?? NaN) / (run.variants[baseline ?? '']?.wallMs ?? NaN));
    paired[variant] = {
      ratio: median(ratios),
      ratios,
      wallMs: median(rounds.map((run) => run.variants[variant]?.wallMs ?? NaN)),
      findings: rounds[0]?.variants[variant]?.findings ?? 0,
    };
  }
  log(`  median vs ${baseline}: ${variants.slice(1).map((v) => `${v} ${pct(paired[v]?.ratio ?? NaN)}`).join(', ')}`);
}

// --- linearity ----------------------------------------------------------------------------------
// All sizes in the same interleaved rounds: rule time is wall-clock, so sizes measured at different
// moments of a busy machine would not compare.
function measureLinearity() {
  log('\nLinearity: recommended on nested samples of the corpus');
  const order = shuffled(corpus.files);
  const samples = LINEARITY_FRACTIONS.map((fraction) => ({
    name: `recommended, ${fraction * 100}%`,
    variant: 'recommended',
    files: order.slice(0, Math.round(order.length * fraction)),
  }));
  const linearityRuns = measure(samples.map(({ files, ...sample }) => ({ ...sample, files: bySourceType(files) })));
  return samples.map(({ name, files }, i) => {
    const rulesMs = median(linearityRuns[name]?.map((run) => pluginRulesMs(run.rulesMs)) ?? []);
    log(`  median ${name.padEnd(26)} rule time ${ms(rulesMs)}, ${Math.round((rulesMs / files.length) * 1000)} µs per file`);
    return { fraction: LINEARITY_FRACTIONS[i], files: files.length, rulesMs, msPerFile: rulesMs / files.length };
  });
}
const linearity = runs('linearity') ? measureLinearity() : [];

// --- one big handler file -----------------------------------------------------------------------
const handlerFile = writeHandlerFile(HANDLER_FILE_LINES);
function measureHandlerFile() {
  log(`\nA generated ${HANDLER_FILE_LINES}-line Express router (a cold pass, ${HANDLER_FILE_WARMUP} untimed, then ${HANDLER_FILE_ITERATIONS} warm)`);
  return Object.fromEntries(
    ['recommended', 'all-widest'].map((variant) => {
      const run = runJob(variant, bySourceType([handlerFile.file]), HANDLER_FILE_ITERATIONS, HANDLER_FILE_WARMUP);
      const result = {
        coldMs: pluginRulesMs(run.rulesMs),
        warmMedianMs: median(run.warm.map((pass) => pluginRulesMs(pass.rulesMs))),
        parseWarmMedianMs: median(run.warm.map((pass) => pass.parseMs)),
        findings: sum(Object.values(run.findings)),
      };
      log(`  ${variant.padEnd(12)} rule time cold ${ms(result.coldMs)}, warm median ${ms(result.warmMedianMs)} (parse ${ms(result.parseWarmMedianMs)}), ${result.findings} findings`);
      return [variant, result];
    }),
  );
}
const handlerRuns = runs('handler-file') ? measureHandlerFile() : {};

if (args.only !== undefined) {
  log(`\n--only ${args.only}: a partial run, without the targets; bench/results.json and bench/README.md keep the last full run.`);
  process.exit();
}

// --- report -------------------------------------------------------------------------------------
const recommended = untyped.recommended;
const crossModule = untyped['recommended-cross-module'];
const espree = groups.espree ?? {};
const nestjs = groups.nestjs ?? {};
const first = /** @type {(typeof linearity)[number]} */ (linearity[0]);
const last = /** @type {(typeof linearity)[number]} */ (linearity.at(-1));
const growth = last.msPerFile / first.msPerFile;
const cores = os.cpus().length;
const busy = maxLoad > cores;
/** @param {number | undefined} ratio @param {number} limit */
const within = (ratio, limit) => (ratio !== undefined && ratio - 1 <= limit ? 'PASS' : 'FAIL');
const wallVs = (/** @type {typeof recommended} */ v, /** @type {string} */ baseline) => v?.ratios[baseline]?.wall;
const pairedVs = (/** @type {string} */ variant) => paired[variant]?.ratio;
/**
 * The paired median with the spread of its rounds: a verdict whose rounds fall on both sides of
 * the limit says less than one whose rounds agree. A median that rounds to its limit gets a second
 * digit, so that `+5.04%` does not read as `+5.0%` failing a 5% target.
 */
const pairedValue = (/** @type {string} */ variant, /** @type {number | undefined} */ limit = undefined) => {
  const ratios = paired[variant]?.ratios ?? [];
  const ratio = pairedVs(variant) ?? NaN;
  const digits = limit !== undefined && Math.abs(ratio - 1 - limit) < 0.0005 ? 2 : 1;
  const spread = ratios.length > 1 ? ` (rounds ${pct(Math.min(...ratios))} to ${pct(Math.max(...ratios))})` : '';
  return `${pct(ratio, digits)}${spread}`;
};
/**
 * A row without a target (a comparison, or the NestJS group): the paired ratio over its group's
 * parse-only, then the separate processes' ratio and the rule-time share.
 * @param {Record<string, typeof recommended>} results the variant's group
 * @param {string} variant `espree/n/no-sync`, `nestjs/recommended`, ...
 */
const comparisonValue = (results, variant) => {
  const baseline = `${variant.slice(0, variant.indexOf('/'))}/parse-only`;
  return `${pairedValue(variant)}; separate processes ${pct(wallVs(results[variant], baseline) ?? NaN)}, rule time ${((results[variant]?.ruleShare ?? NaN) * 100).toFixed(1)}%`;
};
const targets = [
  {
    target: `recommended adds at most ${TARGETS.recommendedAdds * 100}% to parse-only wall time (untyped, no cross-module analysis; paired run)`,
    value: pairedValue('recommended', TARGETS.recommendedAdds),
    verdict: within(pairedVs('recommended'), TARGETS.recommendedAdds),
  },
  {
    target: '… the same in separate processes (noisy on a busy machine)',
    value: pct(wallVs(recommended, 'parse-only') ?? NaN),
    verdict: 'INFO',
  },
  {
    target: `… the plugin's own rule time (ESLint stats) is at most ${TARGETS.recommendedAdds * 100}% of the rest of the recommended run`,
    value: `${((recommended?.ruleShare ?? NaN) * 100).toFixed(1)}%`,
    verdict: (recommended?.ruleShare ?? Infinity) <= TARGETS.recommendedAdds ? 'PASS' : 'FAIL',
  },
  {
    target: 'for context: ESLint with one no-op rule over parse-only (paired run; separate processes in the table below)',
    value: pairedValue('noop-rule'),
    verdict: 'INFO',
  },
  {
    target: `recommended with cross-module analysis adds at most ${TARGETS.crossModuleAdds * 100}% to parse-only wall time (paired run)`,
    value: pairedValue('recommended-cross-module', TARGETS.crossModuleAdds),
    verdict: within(pairedVs('recommended-cross-module'), TARGETS.crossModuleAdds),
  },
  {
    target: '… the same in separate processes (noisy on a busy machine)',
    value: crossModule ? pct(wallVs(crossModule, 'parse-only') ?? NaN) : 'not run',
    verdict: 'INFO',
  },
  {
    target: `… the plugin's own rule time with cross-module analysis is at most ${TARGETS.crossModuleAdds * 100}% of the rest of that run`,
    value: crossModule ? `${((crossModule.ruleShare ?? NaN) * 100).toFixed(1)}%` : 'not run',
    verdict: crossModule ? ((crossModule.ruleShare ?? Infinity) <= TARGETS.crossModuleAdds ? 'PASS' : 'FAIL') : 'SKIP (no cross-module run)',
  },
  {
    target: `rule time grows linearly: per file on ${last.files} files at most ${TARGETS.linearGrowth}x that on ${first.files}`,
    value: `${growth.toFixed(2)}x`,
    verdict: growth <= TARGETS.linearGrowth ? 'PASS' : 'FAIL',
  },
  {
    target: `a ${handlerFile.lines}-line handler file takes under ${TARGETS.handlerFileMs} ms of rule time (recommended, warm)`,
    value: ms(handlerRuns.recommended?.warmMedianMs ?? NaN),
    verdict: (handlerRuns.recommended?.warmMedianMs ?? Infinity) < TARGETS.handlerFileMs ? 'PASS' : 'FAIL',
  },
  ...['espree/n/no-sync', 'espree/recommended'].map((variant) => ({
    target: `for comparison, on espree: ${variant.slice('espree/'.length)} over parse-only (paired run; no target)`,
    value: comparisonValue(espree, variant),
    verdict: 'INFO',
  })),
  ...['nestjs/recommended', 'nestjs/recommended-cross-module'].map((variant) => ({
    target: `beside the corpus, the NestJS app's source form: ${variant.slice('nestjs/'.length)}${variant.endsWith('cross-module') ? '' : ' (same-file)'} over parse-only (paired run; no target)`,
    value: comparisonValue(nestjs, variant),
    verdict: 'INFO',
  })),
];

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const results = {
  date: new Date().toISOString(),
  commit,
  environment: {
    node: process.version,
    eslint: packageVersion('eslint'),
    typescriptEslintParser: packageVersion('@typescript-eslint/parser'),
    eslintPluginN: packageVersion('eslint-plugin-n'),
    plugin: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    maxLoadAverage: Number(maxLoad.toFixed(2)),
  },
  repeats,
  sample,
  corpus: {
    packages: corpus.packages.map((p) => ({ name: p.name, version: p.version, files: p.files.length })),
    files: corpus.files.length,
    lines,
    skipped: skippedByReason,
    groups: Object.fromEntries(Object.entries(groupFiles).map(([group, files]) => [group, files.length])),
  },
  targets,
  groups,
  paired,
  linearity,
  handlerFile: { lines: handlerFile.lines, variants: handlerRuns },
};
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const summary = renderSummary(results);
log(`\n${summary}`);
const readmePath = join(ROOT, 'bench', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const BEGIN = '<!-- begin bench results -->';
const END = '<!-- end bench results -->';
if (readme.includes(BEGIN) && readme.includes(END)) {
  writeFileSync(readmePath, `${readme.slice(0, readme.indexOf(BEGIN) + BEGIN.length)}\n\n${summary}\n${readme.slice(readme.indexOf(END))}`);
}
log('Wrote bench/results.json and the results section of bench/README.md.');
if (busy) {
  log(`Note: the load average reached ${maxLoad.toFixed(1)} on ${cores} cores: wall-time ratios are noisy; the rule-time share is steadier.`);
}
if (args.strict && targets.some((t) => t.verdict === 'FAIL')) process.exitCode = 1;

/**
 * The Markdown summary printed at the end and kept in bench/README.md.
 * @param {typeof results} r
 */
function renderSummary(r) {
  /** @param {string[][]} rows */
  const table = (rows) =>
    rows
      .map((row, i) => `| ${row.join(' | ')} |${i === 0 ? `\n|${row.map((_, j) => (j === 0 ? ' :-- |' : ' --: |')).join('')}` : ''}`)
      .join('\n');
  /** @param {ReturnType<typeof summarise>} variants */
  const variantTable = (variants) => {
    const baselines = Object.keys(Object.values(variants)[0]?.ratios ?? {});
    const [first] = baselines;
    return table([
      [
        'Variant',
        'Wall (median)',
        ...baselines.map((b) => `Wall vs \`${b}\``),
        `CPU vs \`${first}\``,
        'Rule time share',
        'Peak RSS',
        'Files/s',
        'Findings',
      ],
      ...Object.entries(variants).map(([name, v]) => [
        `\`${name}\``,
        ms(v.wallMs),
        ...baselines.map((b) => pct(v.ratios[b]?.wall ?? NaN)),
        pct(v.ratios[first ?? '']?.cpu ?? NaN),
        `${(v.ruleShare * 100).toFixed(1)}%`,
        `${Math.round(v.maxRssMb)} MB (${pct(v.ratios[first ?? '']?.rss ?? NaN)})`,
        v.filesPerSecond.toFixed(0),
        String(sum(Object.values(v.findings))),
      ]),
    ]);
  };
  const allVariants = Object.values(r.groups).flatMap((variants) => Object.entries(variants));
  const ruleRows = allVariants.flatMap(([name, v]) =>
    Object.entries(v.rulesMs)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([rule, time]) => [`\`${name}\``, `\`${rule}\``, ms(time), `${((time / v.wallMs) * 100).toFixed(1)}%`]),
  );
  return [
    `Run of ${r.date.slice(0, 10)} at ${r.commit}: Node ${r.environment.node}, ESLint ${r.environment.eslint}, @typescript-eslint/parser ${r.environment.typescriptEslintParser}, eslint-plugin-n ${r.environment.eslintPluginN}; ${r.environment.cores} × ${r.environment.cpu}; ${r.repeats} rounds; highest load average ${r.environment.maxLoadAverage}${r.environment.maxLoadAverage > r.environment.cores ? ' (busy machine: wall ratios are noisy)' : ''}.`,
    '',
    `Corpus: ${r.corpus.files} files, ${r.corpus.lines} lines: ${r.corpus.packages.map((p) => `${p.name}${p.version ? `@${p.version}` : ''} (${p.files})`).join(', ')}. Skipped as bundled or minified: ${Object.entries(r.corpus.skipped).map(([reason, n]) => `${n} with ${reason}`).join(', ') || 'none'}.`,
    '',
    '**Targets**',
    '',
    table([['Target', 'Measured', 'Verdict'], ...r.targets.map((t) => [t.target, t.value, t.verdict])]),
    '',
    ...Object.entries(r.groups).flatMap(([group, variants]) => [
      `**${group}**: ${GROUPS[/** @type {import('./lib/variants.js').Group} */ (group)]} (${r.corpus.groups[group]} files)`,
      '',
      variantTable(variants),
      '',
      ...Object.entries(variants).flatMap(([name, v]) =>
        v.parseErrors > 0 ? [`\`${name}\`: ${v.parseErrors} files did not parse (counted, not linted).`, ''] : [],
      ),
    ]),
    '**Paired run** (every variant of a group on each file in turn, in one process; median of the rounds)',
    '',
    table([
      ['Variant', 'Wall (sum of its files)', 'Wall vs the group\'s parse-only', 'Findings'],
      ...Object.entries(r.paired).map(([name, p]) => [`\`${name}\``, ms(p.wallMs), pct(p.ratio), String(p.findings)]),
    ]),
    '',
    '**Rule time** (ESLint `stats`, median of the rounds; share of the variant\'s wall time)',
    '',
    table([['Variant', 'Rule', 'Time', 'Share'], ...ruleRows]),
    '',
    '**Linearity** (rule time of `recommended` on nested samples of the corpus)',
    '',
    table([
      ['Files', 'Rule time', 'Per file'],
      ...r.linearity.map((l) => [String(l.files), ms(l.rulesMs), `${(l.msPerFile * 1000).toFixed(0)} µs`]),
    ]),
    '',
    `**${r.handlerFile.lines}-line handler file** (rule time of the plugin; parse time for scale)`,
    '',
    table([
      ['Variant', 'Cold', 'Warm (median)', 'Parse (warm)', 'Findings'],
      ...Object.entries(r.handlerFile.variants).map(([variant, h]) => [
        `\`${variant}\``,
        ms(h.coldMs),
        ms(h.warmMedianMs),
        ms(h.parseWarmMedianMs),
        String(h.findings),
      ]),
    ]),
    '',
  ].join('\n');
}
