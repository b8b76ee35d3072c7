import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';

// Self-reference through package.json "exports": the same path from src/ (tests) and dist/ (users).
const { name, version } = createRequire(import.meta.url)('eslint-plugin-event-loop/package.json') as {
  name: string;
  version: string;
};

export const NAMESPACE = 'event-loop';

type RuleId = keyof typeof rules;
type RulesRecord = Partial<Record<`${typeof NAMESPACE}/${RuleId}`, TSESLint.SharedConfig.RuleEntry>>;

const ruleIds = Object.keys(rules) as RuleId[];

const rulesWhere = (include: (id: RuleId) => boolean): RulesRecord =>
  Object.fromEntries(ruleIds.filter(include).map((id) => [`${NAMESPACE}/${id}`, 'error'])) as RulesRecord;

interface EventLoopPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'all', { name: string; plugins: Record<string, unknown>; rules: RulesRecord }>;
}

const plugin: EventLoopPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs: {
    recommended: {
      name: `${NAMESPACE}/recommended`,
      // A getter, so the configs can name the plugin object they belong to without a circular import.
      plugins: {
        get [NAMESPACE]() {
          return plugin;
        },
      },
      rules: rulesWhere((id) => rules[id].meta.docs?.recommended === true),
    },
    all: {
      name: `${NAMESPACE}/all`,
      plugins: {
        get [NAMESPACE]() {
          return plugin;
        },
      },
      rules: rulesWhere(() => true),
    },
  },
};

export default plugin;
// Named exports too: tools that `require()` the ESM entry (eslint-doc-generator) see the namespace.
export const { meta, configs } = plugin;
export { rules };
