#!/usr/bin/env node
// `npm run bench:profile`: where the plugin's time goes. Lints the corpus once with one variant, in
// this process, under V8's CPU profiler, and prints the plugin's functions by inclusive time and
// the code that runs under them by self time (espree, eslint-scope and file reads show there). The
// profile is written to bench/.cache/profiles/ for Chrome DevTools (Performance > Load profile).
//
//   node bench/profile.js [--variant recommended-cross-module] [--sample 1] [--top 25]
//   node bench/profile.js --variant nestjs/recommended-cross-module   (the NestJS app's source form)
//
// Times are CPU samples, without the garbage collector's (printed apart): they move far less from
// run to run than wall times, so two builds' profiles can be compared where the paired run's noise
// hides a change of a few percent.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CACHE, corpusFiles, JAVASCRIPT_FILE, ROOT, SOURCE_GLOBS, sourceTypeOf } from './lib/corpus.js';
import { sourceFormFiles } from './lib/decorators.js';
import { ms } from './lib/numbers.js';
import { ruleFindings } from './lib/rotation.js';
import { SINGLE_RUN_ENV, VARIANTS, variantConfig } from './lib/variants.js';

const { values: args } = parseArgs({
  options: {
    variant: { type: 'string', default: 'recommended-cross-module' },
    sample: { type: 'string', default: '1' },
    top: { type: 'string', default: '25' },
  },
});
const variant = VARIANTS[args.variant];
if (!variant || variant.group === 'typed') {
  const names = Object.keys(VARIANTS).filter((name) => VARIANTS[name]?.group !== 'typed');
  throw new Error(`--variant must be one of ${names.join(', ')}; got ${JSON.stringify(args.variant)}`);
}
const sample = Number(args.sample);
if (!(sample > 0 && sample <= 1)) throw new Error('--sample must be a fraction in (0, 1]');
const top = Number(args.top);
if (!Number.isInteger(top) || top < 1) throw new Error('--top must be a positive integer');

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

// Before the plugin loads: it reads this once.
Object.assign(process.env, SINGLE_RUN_ENV);
const [{ ESLint }, tsParser, { default: plugin }, { default: n }] = await Promise.all([
  import('eslint'),
  import('@typescript-eslint/parser'),
  import('eslint-plugin-event-loop'),
  import('eslint-plugin-n'),
]);
const context = { plugin, n, tsParser, root: ROOT, sourceGlobs: SOURCE_GLOBS };
const every = Math.max(1, Math.round(1 / sample));
// The nestjs group's variants lint the NestJS app's source form (bench/lib/decorators.js), the others the corpus.
const files = (variant.group === 'nestjs' ? sourceFormFiles() : corpusFiles())
  .files.filter((file) => variant.group !== 'espree' || JAVASCRIPT_FILE.test(file))
  .filter((_, index) => index % every === 0);
/** One ESLint per source type, as `eslint .` builds one config per run. */
const eslints = {
  module: new ESLint({ cwd: ROOT, cache: false, overrideConfigFile: true, overrideConfig: variantConfig(args.variant, 'module', context) }),
  commonjs: new ESLint({ cwd: ROOT, cache: false, overrideConfigFile: true, overrideConfig: variantConfig(args.variant, 'commonjs', context) }),
};

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 250 });
await session.post('Profiler.start');
let findings = 0;
for (const file of files) {
  const [result] = await eslints[sourceTypeOf(file)].lintText(readFileSync(file, 'utf8'), { filePath: file });
  if (result) findings += ruleFindings(result);
}
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const profiles = join(CACHE, 'profiles');
mkdirSync(profiles, { recursive: true });
const profileFile = join(profiles, `${args.variant.replaceAll('/', '-')}.cpuprofile`);
writeFileSync(profileFile, JSON.stringify(profile));

// --- the profile, by function --------------------------------------------------------------------
const PLUGIN = join(ROOT, 'dist', 'src');
/** @typedef {import('node:inspector').Profiler.ProfileNode} ProfileNode */
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
/** @type {Map<number, number>} */
const parents = new Map();
for (const node of nodes.values()) for (const child of node.children ?? []) parents.set(child, node.id);
/** @type {Map<number, number>} sample time (µs) by node */
const sampled = new Map();
const deltas = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, index) => sampled.set(id, (sampled.get(id) ?? 0) + (deltas[index] ?? 0)));

/** `name file:line`, the file relative to the repository (or to node_modules for a package). */
const nameOf = (/** @type {ProfileNode} */ node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName;
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const shown = path.includes('/node_modules/') ? path.slice(path.lastIndexOf('/node_modules/') + 14) : relative(ROOT, path);
  return `${functionName || '(anonymous)'} ${shown}:${lineNumber + 1}`;
};
const isPlugin = (/** @type {ProfileNode} */ node) => {
  const { url } = node.callFrame;
  return url.startsWith('file:') && fileURLToPath(url).startsWith(PLUGIN);
};

let totalUs = 0;
let collectorUs = 0;
let pluginUs = 0;
/** @type {Map<string, number>} */
const inclusive = new Map();
/** @type {Map<string, number>} */
const selfUnderPlugin = new Map();
for (const [id, time] of sampled) {
  const leaf = /** @type {ProfileNode} */ (nodes.get(id));
  totalUs += time;
  if (leaf.callFrame.functionName === '(garbage collector)') collectorUs += time;
  // Each function once per sample, however often it is on the stack (recursion).
  const counted = new Set();
  let underPlugin = false;
  for (let current = /** @type {number | undefined} */ (id); current !== undefined; current = parents.get(current)) {
    const node = /** @type {ProfileNode} */ (nodes.get(current));
    if (!isPlugin(node)) continue;
    underPlugin = true;
    const name = nameOf(node);
    if (counted.has(name)) continue;
    counted.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
  if (underPlugin) {
    pluginUs += time;
    selfUnderPlugin.set(nameOf(leaf), (selfUnderPlugin.get(nameOf(leaf)) ?? 0) + time);
  }
}

const table = (/** @type {Map<string, number>} */ times) =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, time]) => `  ${ms(time / 1000).padStart(9)}  ${name}`)
    .join('\n');
log(`${args.variant}: ${files.length} files, ${findings} findings; profile ${ms(totalUs / 1000)}`);
log(`  garbage collector ${ms(collectorUs / 1000)} (not in the times below); the plugin's code and what it calls ${ms(pluginUs / 1000)}`);
log(`\nThe plugin's functions, by inclusive time:\n${table(inclusive)}`);
log(`\nWhat runs under them, by self time:\n${table(selfUnderPlugin)}`);
log(`\nWrote ${relative(ROOT, profileFile)}`);
