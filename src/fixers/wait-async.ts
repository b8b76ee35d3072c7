import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { RequestSite } from '../analysis/file-analysis.js';
import { isGlobalReference, propertyName } from '../util/ast.js';
import { canBecomeAsync, enclosingFunction, makeAsync, needsParentheses, type AwaitedSuggestion } from './awaited-call.js';

/** TypeScript declares `Atomics.waitAsync` only from `lib` ES2024 on, which the rule cannot see. */
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * `Atomics.wait(...)` → `await Atomics.waitAsync(...).value`: the same arguments, and the awaited
 * value is the same string (`'ok'`, `'not-equal'`, `'timed-out'`). Offered only for the call
 * written on the global itself, in JavaScript files, where an `await` can go: the function is
 * async already, or it is the handler and can become async.
 */
export function waitAsyncSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  call: TSESTree.CallExpression,
  site: RequestSite,
): AwaitedSuggestion | undefined {
  const { callee } = call;
  if (
    TYPESCRIPT_FILE.test(filename) ||
    call.optional ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.optional ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    callee.object.name !== 'Atomics' ||
    !isGlobalReference(sourceCode, callee.object) ||
    propertyName(callee.property, callee.computed) !== 'wait'
  ) {
    return undefined;
  }
  const fn = enclosingFunction(call);
  if (!fn || (fn.generator && !fn.async)) return undefined;
  const makesHandlerAsync = !fn.async;
  if (makesHandlerAsync && !canBecomeAsync(fn, site)) return undefined;
  return {
    makesHandlerAsync,
    fix: (fixer) => {
      // Parentheses around the callee stay where they are: `(Atomics.wait)(...)`.
      const { text } = sourceCode;
      const rewritten = `${text.slice(call.range[0], callee.range[0])}Atomics.waitAsync${text.slice(callee.range[1], call.range[1])}.value`;
      const awaited =
        call.parent.type === AST_NODE_TYPES.AwaitExpression
          ? rewritten
          : needsParentheses(call)
            ? `(await ${rewritten})`
            : `await ${rewritten}`;
      return [fixer.replaceText(call, awaited), ...(makesHandlerAsync ? makeAsync(sourceCode, fn, fixer) : [])];
    },
  };
}
