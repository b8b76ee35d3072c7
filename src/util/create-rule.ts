import { ESLintUtils } from '@typescript-eslint/utils';

export interface EventLoopRuleDocs {
  /** Included in `configs.recommended` (the config is generated from this flag). */
  recommended?: boolean;
  /** Needs type information; such rules are only in `recommended-type-checked`. */
  requiresTypeChecking?: boolean;
}

const REPOSITORY = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop';

export const ruleDocsUrl = (name: string): string => `${REPOSITORY}/blob/main/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<EventLoopRuleDocs>(ruleDocsUrl);
