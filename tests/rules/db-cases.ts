import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { BlockingRuleMessageIds, BlockingRuleOptionsTuple } from '../../src/blocking-rule.js';
import { apiName, blockingApis } from '../../src/catalog/index.js';
import { shownCall } from './helpers.js';

/** Expected reports of no-sync-db, shared by its test files. */
export type Case = InvalidTestCase<BlockingRuleMessageIds, BlockingRuleOptionsTuple>;
export const EXPRESS_ROUTE = 'Express route handler';

/** The exact range of the `occurrence`-th `text` in `code`, as RuleTester checks it (1-based columns). */
export function rangeOf(code: string, text: string, occurrence = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`${text} not found ${occurrence} times in\n${code}`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const start = position(index);
  const end = position(index + text.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function adviceOf(api: string): string {
  const entry = blockingApis.find((candidate) => apiName(candidate) === api);
  if (!entry?.advice) throw new Error(`${api} is not a db entry with advice`);
  return entry.advice;
}

/** A direct query: reported at `call` (the `occurrence`-th in `code`) with the entry's advice. */
export const query = (api: string, call: string, occurrence = 1, context = EXPRESS_ROUTE) => (code: string) => ({
  messageId: 'blockingNoEquivalent' as const,
  // A query run by a tagged template (`` sql`select 1` ``) is shown as one.
  data: { call: shownCall(api, call.endsWith('`')), context, advice: adviceOf(api) },
  ...rangeOf(code, call, occurrence),
  suggestions: [],
});

/** A helper call that reaches a query. */
export const helper = (callee: string, chain: string, api: string, call: string) => (code: string) => ({
  messageId: 'blockingHelper' as const,
  data: { callee, context: EXPRESS_ROUTE, chain, fix: adviceOf(api) },
  ...rangeOf(code, call),
  suggestions: [],
});

export function invalid(name: string, code: string, ...errors: ((code: string) => Case['errors'][number])[]): Case {
  return { name, code, errors: errors.map((error) => error(code)) };
}
