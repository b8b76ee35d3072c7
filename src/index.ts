import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import { rules as ruleModules } from '../rules/index.js';

// Self-reference through package.json "exports": the same path from src/ (tests) and dist/ (users).
const { name, version } = createRequire(import.meta.url)('eslint-plugin-event-loop/package.json') as {
  name: string;
  version: string;
};

export const NAMESPACE = 'event-loop';

type RuleId = keyof typeof ruleModules;
const ruleIds = Object.keys(ruleModules) as RuleId[];

const rulesWhere = (include: (id: RuleId) => boolean): Linter.RulesRecord =>
  Object.fromEntries(ruleIds.filter(include).map((id) => [`${NAMESPACE}/${id}`, 'error']));

export interface EventLoopPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleId, Rule.RuleModule>;
  configs: Record<'recommended' | 'recommended-type-checked' | 'all', Linter.Config & { rules: Linter.RulesRecord }>;
}

/** A flat config that registers the plugin; a getter avoids naming `plugin` before it exists. */
const config = (configName: string, rules: Linter.RulesRecord): Linter.Config & { rules: Linter.RulesRecord } => ({
  name: `${NAMESPACE}/${configName}`,
  plugins: {
    get [NAMESPACE]() {
      return plugin;
    },
  },
  rules,
});

const recommendedRules = rulesWhere((id) => ruleModules[id].meta.docs?.recommended === true);

const plugin: EventLoopPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  // typescript-eslint's rule type and ESLint's describe the same object; ESLint's is what users consume.
  rules: ruleModules as unknown as Record<RuleId, Rule.RuleModule>,
  configs: {
    recommended: config('recommended', recommendedRules),
    // typescript-eslint's convention: the same rules, for projects that lint with type information
    // (`parserOptions.projectService`). Typed behaviour follows the parser's program, never the config,
    // so the config sets no parser and each rule still works without types.
    'recommended-type-checked': config('recommended-type-checked', recommendedRules),
    all: config('all', rulesWhere(() => true)),
  },
};

export default plugin;
// Named exports too: tools that `require()` the ESM entry (eslint-doc-generator) see the namespace.
export const { meta, rules, configs } = plugin;
