#!/usr/bin/env node
// `npm run harden`: the full hardening run with the built plugin. Every rule in its widest scope
// over the whole corpus (every file of every pinned package, and the examples), the corpus' NestJS
// app in the form of its source (bench/lib/decorators.js) and the JS/TS under node_modules, and
// with type information over the corpus' typed part (the bench's) and the source form; prints the
// counts, and exits 1 on any crash, unparsable suggestion output or type error a suggestion adds,
// or when `recommended` finds nothing in the NestJS app's source form (its handlers were not
// recognised).
// tests/hardening.test.ts runs the same check on a fixed subset in `npm test`.
import { performance } from 'node:perf_hooks';
import * as parser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-event-loop';
import { allNodeModulesFiles, corpusFiles, fromRoot, mergeFileLists, typedCorpusFiles } from './lib/corpus.js';
import { sourceFormFiles } from './lib/decorators.js';
import { harden, recommendedFindings, SLOW_FILE_MS } from './lib/hardening.js';

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

const corpus = corpusFiles({ log, whole: true });
const sourceForm = sourceFormFiles(log);
const nodeModules = allNodeModulesFiles();
const { files, skipped } = mergeFileLists([corpus, sourceForm, nodeModules]);
// The source form is a TypeScript project of its own: its suggestions are type-checked too.
const typedFiles = [...typedCorpusFiles(corpus.packages), ...sourceForm.files];
log(
  `${corpus.files.length} corpus files and ${sourceForm.files.length} in the source form of tsc's output (${typedFiles.length} of them also with type information), and ${nodeModules.files.length} under node_modules; ${skipped.length} skipped as bundled or minified`,
);

const started = performance.now();
const report = harden(files, {
  plugin,
  parser: /** @type {import('eslint').Linter.Parser} */ (parser),
  typedFiles,
  onFile: (_file, index) => {
    if (index > 0 && index % 1000 === 0) log(`  ${index} / ${files.length}`);
  },
});
const seconds = (performance.now() - started) / 1000;
const handlerFindings = recommendedFindings(sourceForm.files, { plugin, parser: /** @type {import('eslint').Linter.Parser} */ (parser) });
const sourceFormFindings = [...handlerFindings.values()].reduce((sum, count) => sum + count, 0);

log(`\nLinted ${report.files} files in ${seconds.toFixed(0)} s (every rule, scope 'async-functions').`);
for (const [parser, count] of Object.entries(report.lints)) {
  const unparsable = report.inputParseErrors.filter((error) => error.parser === parser);
  log(`  ${parser}: ${count} files linted, ${report.findingsByParser[parser] ?? 0} findings, ${unparsable.length} it cannot parse (not failures)`);
}
log(`  findings: ${report.findings} (${Object.entries(report.findingsByRule).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'})`);
log(`  suggestions applied and re-parsed: ${report.suggestions}`);
log(`  crashes: ${report.crashes.length}`);
log(`  files slower than ${SLOW_FILE_MS / 1000} s: ${report.slowFiles.length}`);
log(`  unparsable suggestion outputs: ${report.unparsableSuggestions.length}`);
log(`  suggestions type-checked in their TypeScript project: ${report.typeCheckedSuggestions}; type errors added: ${report.illTypedSuggestions.length}`);
log(`  files no config matched: ${report.notLinted.length}`);
if (sourceForm.files.length > 0) {
  log(`  recommended on the source form of tsc's output: ${sourceFormFindings} findings in ${handlerFindings.size} of its ${sourceForm.files.length} files`);
}

for (const { file, parser, error } of report.crashes) log(`\nCRASH ${fromRoot(file)} (${parser})\n${error}`);
for (const bad of report.unparsableSuggestions) {
  log(`\nUNPARSABLE ${fromRoot(bad.file)}:${bad.line} ${bad.ruleId} "${bad.suggestion}" (${bad.parser}): ${bad.error}\n${bad.output}`);
}
for (const bad of report.illTypedSuggestions) {
  log(`\nTYPE ERROR ${fromRoot(bad.file)}:${bad.line} ${bad.ruleId} "${bad.suggestion}":\n${bad.error}\n${bad.output}`);
}
for (const file of report.notLinted) log(`NOT LINTED ${fromRoot(file)}`);
for (const { file, parser, ms } of report.slowFiles) log(`SLOW ${fromRoot(file)} (${parser}): ${Math.round(ms)} ms`);
for (const parser of Object.keys(report.lints)) {
  const first = report.inputParseErrors.find((error) => error.parser === parser);
  if (first) log(`input ${parser} cannot parse, e.g. ${fromRoot(first.file)} ${first.message}`);
}

const failures = [report.crashes, report.slowFiles, report.unparsableSuggestions, report.illTypedSuggestions, report.notLinted];
if (failures.some((list) => list.length > 0) || (sourceForm.files.length > 0 && sourceFormFindings === 0)) {
  process.exitCode = 1;
}
