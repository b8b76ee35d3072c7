/**
 * Handler-recognition tests run no-sync-fs (the rule that reads the handler context) on code whose
 * blocking calls are `fs.existsSync(<name>)`: it has no awaited form, so a report carries only the
 * context ("Hono route handler") and no suggestion, and each call's text is unique in its test.
 */
import { blockingApis } from '../../src/catalog/index.js';

export { rule, ruleTester, ts } from '../rules/no-sync-fs.helpers.js';

const existsSync = blockingApis.find((api) => api.path.join('.') === 'existsSync')!;

/** The report for the call written exactly as `call` (once in `code`) in a handler named `context`. */
export function flagged(code: string, call: string, context: string) {
  const start = code.indexOf(call);
  if (start === -1 || code.indexOf(call, start + 1) !== -1) {
    throw new Error(`${JSON.stringify(call)} must occur exactly once in the test code.`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const begin = position(start);
  const end = position(start + call.length);
  return {
    messageId: 'blockingNoEquivalent' as const,
    data: { call: '`fs.existsSync()`', context, advice: existsSync.advice! },
    line: begin.line,
    column: begin.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** An invalid case: `calls` maps each flagged call's text to its handler's description, in source order. */
export function invalid(
  name: string,
  code: string,
  calls: Record<string, string>,
  extra: { filename?: string; settings?: Record<string, unknown> } = {},
) {
  return {
    name,
    code,
    ...extra,
    errors: Object.entries(calls).map(([call, context]) => flagged(code, call, context)),
  };
}
