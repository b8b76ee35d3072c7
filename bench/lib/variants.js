// What each bench variant runs. Variants come in groups; within a group every variant uses the
// same parser on the same files and they differ only in the rules on top, so the difference from
// the group's `parse-only` is the rules' cost.
//
// New rules are picked up automatically: the plugin variants use `configs.recommended` and
// `configs.all` as the built plugin exports them.

/**
 * @typedef {import('eslint').Linter.Config} Config
 * @typedef {{
 *   plugin: { configs: { recommended: Config, all: Config } & Record<string, Config | undefined> },
 *   n: import('eslint').ESLint.Plugin,
 * }} Plugins
 * @typedef {'untyped' | 'espree' | 'typed' | 'nestjs'} Group
 * @typedef {{
 *   group: Group,
 *   description: string,
 *   baseline?: boolean,
 *   configs: (plugins: Plugins) => Config[],
 * }} Variant
 */

/** @type {Record<Group, string>} */
export const GROUPS = {
  untyped: '@typescript-eslint/parser without type information, every corpus file',
  // n/no-sync throws on any *Sync call in a file @typescript-eslint/parser parsed without type
  // information, so it is compared on ESLint's default parser, on the JavaScript files.
  espree: "ESLint's default parser (espree), the JavaScript files of the corpus",
  typed: '@typescript-eslint/parser with parserOptions.projectService, the typed part of the corpus',
  // Beside the corpus, not in it: no target is checked on it (bench/README.md, Corpus).
  nestjs: "@typescript-eslint/parser without type information, the NestJS app's source form (bench/lib/decorators.js), beside the corpus",
};

/**
 * The bench's processes lint each file once, as `eslint .` does, and say so to the plugin, which
 * infers it on its own for ESLint's command line only (src/util/single-run.ts): its module graph
 * then keeps what it read for the whole run, where in a long-lived process it looks at the disk
 * again after a second. `EVENT_LOOP_SINGLE_RUN=false node bench/run.js` measures the latter.
 */
export const SINGLE_RUN_ENV = { EVENT_LOOP_SINGLE_RUN: process.env.EVENT_LOOP_SINGLE_RUN ?? 'true' };

const WIDEST = { 'event-loop': { scope: 'async-functions' } };
const SAME_FILE = { 'event-loop': { followCalls: 'same-file' } };

/**
 * A rule that does nothing. ESLint itself costs more per file once any rule is on (in our runs
 * even a rule with no listeners adds major GCs), so this baseline separates what enabling a rule
 * costs in ESLint from what the plugin's rules cost.
 * @type {import('eslint').Rule.RuleModule}
 */
const noopRule = { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) };

/** @type {Record<string, Variant>} */
const UNTYPED = {
  'parse-only': {
    group: 'untyped',
    description: 'ESLint with @typescript-eslint/parser and no rules',
    baseline: true,
    configs: () => [],
  },
  'noop-rule': {
    group: 'untyped',
    description: 'ESLint with one rule that does nothing: what enabling any rule costs in ESLint',
    baseline: true,
    configs: () => [{ plugins: { bench: { rules: { noop: noopRule } } }, rules: { 'bench/noop': 'error' } }],
  },
  // The 5% target is for the rules without cross-module analysis: same-file helpers only.
  recommended: {
    group: 'untyped',
    description: "the plugin's `recommended` config with `settings['event-loop'].followCalls: 'same-file'`",
    configs: ({ plugin }) => [plugin.configs.recommended, { settings: SAME_FILE }],
  },
  'all-widest': {
    group: 'untyped',
    description: "the plugin's `all` config with `settings['event-loop'].scope: 'async-functions'`",
    configs: ({ plugin }) => [plugin.configs.all, { settings: WIDEST }],
  },
  // `recommended` as shipped: helpers are followed into local modules (followCalls: 'cross-module').
  'recommended-cross-module': {
    group: 'untyped',
    description: "the plugin's `recommended` config as shipped, following calls into local modules",
    configs: ({ plugin }) => [plugin.configs.recommended],
  },
};

/** @type {Record<string, Variant>} */
export const VARIANTS = {
  ...UNTYPED,
  'espree/parse-only': {
    group: 'espree',
    description: 'ESLint with its default parser and no rules',
    baseline: true,
    configs: () => [],
  },
  'espree/recommended': {
    group: 'espree',
    description: "the plugin's `recommended` config",
    configs: ({ plugin }) => [plugin.configs.recommended],
  },
  'espree/n/no-sync': {
    group: 'espree',
    description: "eslint-plugin-n's `n/no-sync`, alone",
    configs: ({ n }) => [{ plugins: { n }, rules: { 'n/no-sync': 'error' } }],
  },
  // The NestJS app's source form, beside the corpus: three of the untyped variants on its files.
  ...Object.fromEntries(
    ['parse-only', 'recommended', 'recommended-cross-module'].map((name) => [`nestjs/${name}`, { ...UNTYPED[name], group: 'nestjs' }]),
  ),
  'typed/parse-only': {
    group: 'typed',
    description: 'parse-only, with type information',
    baseline: true,
    configs: () => [],
  },
  'typed/recommended': {
    group: 'typed',
    description: "the plugin's `recommended-type-checked` config (`recommended` while there is none)",
    configs: ({ plugin }) => [plugin.configs['recommended-type-checked'] ?? plugin.configs.recommended],
  },
};

/**
 * The whole flat config a variant lints with, the same for the separate-process runs (ESLint's
 * Node API) and the paired run (Linter): the parser of its group, then its rules.
 * @param {string} name a key of VARIANTS
 * @param {'module' | 'commonjs'} sourceType
 * @param {Plugins & { tsParser: import('eslint').Linter.Parser, root: string, sourceGlobs: string[] }} context
 * @returns {Config[]}
 */
export function variantConfig(name, sourceType, { tsParser, root, sourceGlobs, ...plugins }) {
  const variant = VARIANTS[name];
  if (!variant) throw new Error(`Unknown variant ${name}`);
  /** @type {Record<Group, import('eslint').Linter.LanguageOptions>} */
  const parsers = {
    untyped: { parser: tsParser },
    espree: {},
    nestjs: { parser: tsParser },
    typed: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: root } },
  };
  return [
    // The same for every variant: directives in real files name rules no variant loads.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    { files: sourceGlobs, languageOptions: { ...parsers[variant.group], sourceType } },
    ...variant.configs(plugins),
  ];
}
