// The hardening run: every rule of the plugin, in its widest scope, over real files, with
// @typescript-eslint/parser and, for JavaScript files, ESLint's default parser too (users lint
// JavaScript with either); files that belong to a TypeScript project are linted with type
// information as well, which the rules' type-aware paths need. A rule that throws is a crash; every
// suggestion of every finding is applied on its own (as an editor does) and the result must parse
// again with every parser that parsed the input, and, in a TypeScript file linted with type
// information, add no type error to its project. A file that takes longer than SLOW_FILE_MS to lint
// is reported too: an editor lints on every keystroke, and a pathological file is how a hang shows
// before it is one. Shared by tests/hardening.test.ts (a fixed subset, in `npm test`) and
// bench/harden.js (`npm run harden`, the full run).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';
import { JAVASCRIPT_FILE, ROOT, SOURCE_GLOBS as FILES, sourceTypeOf } from './corpus.js';
import { createTypeCheck } from './type-check.js';

/**
 * @typedef {{ file: string, parser: string, error: string }} Crash
 * @typedef {{ file: string, parser: string, message: string }} ParseError
 * @typedef {{ file: string, parser: string, ms: number }} SlowFile
 * @typedef {{
 *   file: string, parser: string, ruleId: string | null, line: number, suggestion: string,
 *   error: string, output: string,
 * }} BadSuggestion
 * @typedef {{
 *   files: number,
 *   lints: Record<string, number>,
 *   notLinted: string[],
 *   inputParseErrors: ParseError[],
 *   crashes: Crash[],
 *   slowFiles: SlowFile[],
 *   findings: number,
 *   findingsByRule: Record<string, number>,
 *   findingsByParser: Record<string, number>,
 *   suggestions: number,
 *   unparsableSuggestions: BadSuggestion[],
 *   typeCheckedSuggestions: number,
 *   illTypedSuggestions: BadSuggestion[],
 * }} HardeningReport
 * @typedef {{ name: string, parser?: Linter.Parser, typed?: boolean, test: (file: string) => boolean }} ParserUse
 */

/** @type {Linter.Config[]} */
const BASE = [
  // Files under node_modules are what this run is for: lint them, ESLint ignores them by default.
  { ignores: ['!**/node_modules/'] },
  // Real files carry directives for rules this run does not load; they are not under test.
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
];
const WIDEST = { 'event-loop': { scope: 'async-functions' } };
/** Far above any real file: the largest files of the runs lint in about a second on a busy machine. */
export const SLOW_FILE_MS = 10_000;

/**
 * Lint `files` with every rule of `plugin` (`configs.all`) in the widest scope
 * (`settings['event-loop'].scope: 'async-functions'`).
 * @param {readonly string[]} files absolute paths
 * @param {{
 *   plugin: { configs: { all: Linter.Config } },
 *   parser: Linter.Parser,
 *   typedFiles?: readonly string[],
 *   onFile?: (file: string, index: number) => void,
 * }} options `parser`: @typescript-eslint/parser; `typedFiles`: those of `files` a tsconfig.json
 *   under the repository includes, linted a second time with `parserOptions.projectService`
 * @returns {HardeningReport}
 */
export function harden(files, { plugin, parser, typedFiles = [], onFile }) {
  const linter = new Linter();
  const typed = new Set(typedFiles);
  /** @type {ParserUse[]} */
  const parsers = [
    { name: '@typescript-eslint/parser', parser, test: () => true },
    { name: 'espree', test: (file) => JAVASCRIPT_FILE.test(file) },
    ...(typed.size > 0
      ? [{ name: '@typescript-eslint/parser with type information', parser, typed: true, test: (/** @type {string} */ file) => typed.has(file) }]
      : []),
  ];
  /** @type {Map<string, Linter.Config[]>} */
  const configs = new Map();
  /** @param {ParserUse} use @param {'module' | 'commonjs'} sourceType @param {boolean} withRules */
  const configFor = (use, sourceType, withRules) => {
    const key = `${use.name} ${sourceType} ${withRules}`;
    let config = configs.get(key);
    if (!config) {
      config = [
        ...BASE,
        {
          files: FILES,
          languageOptions: {
            sourceType,
            ...(use.parser ? { parser: use.parser } : {}),
            ...(use.typed ? { parserOptions: { projectService: true, tsconfigRootDir: ROOT } } : {}),
          },
        },
        ...(withRules ? [{ ...plugin.configs.all, files: FILES, settings: WIDEST }] : []),
      ];
      configs.set(key, config);
    }
    return config;
  };

  /** @type {HardeningReport} */
  const report = {
    files: 0,
    lints: Object.fromEntries(parsers.map((use) => [use.name, 0])),
    notLinted: [],
    inputParseErrors: [],
    crashes: [],
    slowFiles: [],
    findings: 0,
    findingsByRule: {},
    findingsByParser: {},
    suggestions: 0,
    unparsableSuggestions: [],
    typeCheckedSuggestions: 0,
    illTypedSuggestions: [],
  };
  const addedTypeErrors = createTypeCheck();

  files.forEach((file, index) => {
    onFile?.(file, index);
    report.files += 1;
    const text = readFileSync(file, 'utf8');
    const sourceType = sourceTypeOf(file);
    const uses = parsers.filter((use) => use.test(file));
    /** @param {string} code @param {ParserUse} use */
    const parseError = (code, use) => linter.verify(code, configFor(use, sourceType, false), file).find((m) => m.fatal)?.message;
    // Suggestion outputs must parse with every parser that parses the input: JavaScript stays JavaScript.
    // The typed parse is the untyped one's tree, with the project service's work on top.
    /** @type {ParserUse[] | undefined} */
    let inputParsers;
    const parsersOfInput = () => (inputParsers ??= uses.filter((use) => !use.typed && parseError(text, use) === undefined));

    for (const use of uses) {
      /** @type {Linter.LintMessage[]} */
      let messages;
      const started = performance.now();
      try {
        messages = linter.verify(text, configFor(use, sourceType, true), file);
        const ms = performance.now() - started;
        if (ms > SLOW_FILE_MS) report.slowFiles.push({ file, parser: use.name, ms });
      } catch (error) {
        report.crashes.push({ file, parser: use.name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        continue;
      }
      // A file no config matches is not linted at all: that must not pass as a clean file.
      if (messages.some((m) => m.ruleId === null && m.message.startsWith('No matching configuration'))) {
        report.notLinted.push(file);
        continue;
      }
      const fatal = messages.find((m) => m.fatal);
      if (fatal) {
        // The project service's errors (a file no tsconfig.json includes) have no position.
        const at = fatal.line === undefined ? '' : `${fatal.line}:${fatal.column} `;
        report.inputParseErrors.push({ file, parser: use.name, message: `${at}${fatal.message}` });
        continue;
      }
      report.lints[use.name] = (report.lints[use.name] ?? 0) + 1;
      for (const message of messages) {
        if (!message.ruleId?.startsWith('event-loop/')) continue;
        report.findings += 1;
        report.findingsByRule[message.ruleId] = (report.findingsByRule[message.ruleId] ?? 0) + 1;
        report.findingsByParser[use.name] = (report.findingsByParser[use.name] ?? 0) + 1;
        for (const suggestion of message.suggestions ?? []) {
          report.suggestions += 1;
          const { range, text: replacement } = suggestion.fix;
          const output = `${text.slice(0, range[0])}${replacement}${text.slice(range[1])}`;
          /** @param {string} parser @param {string} error */
          const bad = (parser, error) => ({
            file,
            parser,
            ruleId: message.ruleId,
            line: message.line,
            suggestion: suggestion.desc,
            error,
            output: output.slice(Math.max(0, range[0] - 200), range[0] + replacement.length + 200),
          });
          for (const check of parsersOfInput()) {
            const error = parseError(output, check);
            if (!error) continue;
            report.unparsableSuggestions.push(bad(`${use.name}, re-parsed with ${check.name}`, error));
            break;
          }
          // The checker reports on TypeScript files (the corpus' JavaScript is not checked: checkJs off).
          const typeErrors = use.typed && !JAVASCRIPT_FILE.test(file) ? addedTypeErrors(file, output) : undefined;
          if (typeErrors) report.typeCheckedSuggestions += 1;
          if (typeErrors?.length) report.illTypedSuggestions.push(bad(`${use.name}, type-checked`, typeErrors.join('\n')));
        }
      }
    }
  });
  return report;
}

/**
 * The number of findings of the plugin's `recommended` config, as shipped (request handlers only,
 * their helpers in other modules followed), in each of `files` that has any. The widest scope
 * reports every async function, so it cannot show whether a framework's handlers are recognised.
 * @param {readonly string[]} files absolute paths
 * @param {{ plugin: { configs: { recommended: Linter.Config } }, parser: Linter.Parser }} options
 * @returns {Map<string, number>}
 */
export function recommendedFindings(files, { plugin, parser }) {
  const linter = new Linter();
  /** @param {'module' | 'commonjs'} sourceType @returns {Linter.Config[]} */
  const configFor = (sourceType) => [...BASE, { ...plugin.configs.recommended, files: FILES, languageOptions: { sourceType, parser } }];
  const configs = { module: configFor('module'), commonjs: configFor('commonjs') };
  const findings = new Map();
  for (const file of files) {
    const messages = linter.verify(readFileSync(file, 'utf8'), configs[sourceTypeOf(file)], file);
    const count = messages.filter((message) => message.ruleId?.startsWith('event-loop/')).length;
    if (count > 0) findings.set(file, count);
  }
  return findings;
}
