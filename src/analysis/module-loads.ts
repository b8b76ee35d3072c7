import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { BlockingApi } from '../catalog/index.js';
import { requestSite, type BlockingCall } from './file-analysis.js';
import { globalReferences } from './module-references.js';
import { innermostFunction } from './reachability.js';

/**
 * Calls of the CommonJS `require` (not a local variable of that name) whose specifier is not a
 * literal (`require(\`./locales/${lang}\`)`) or is a relative path (`require('./report.json')`), as
 * blocking calls of `api`. Only calls written in the function itself: helpers are not followed.
 */
export function moduleLoadCalls(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  api: BlockingApi,
): BlockingCall[] {
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const calls: BlockingCall[] = [];
  for (const identifier of globalReferences(globalScope, 'require')) {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    const specifier = call.arguments[0];
    if (!specifier || specifier.type === AST_NODE_TYPES.SpreadElement || !loadsAtRunTime(specifier)) continue;
    // Top-level requires (most of them) run at start-up: skip the handler look-up for them.
    if (innermostFunction(call) === undefined) continue;
    calls.push({
      node: call,
      api,
      reach: { api, site: { file: context.filename, line: call.loc.start.line, tagged: false }, helpers: [], crossModule: false },
      direct: { reference: identifier, moduleName: 'require', invocation: 'direct' },
      ...requestSite(context, call),
    });
  }
  return calls;
}

/** Not a literal package name: computed, or a relative path. */
function loadsAtRunTime(specifier: TSESTree.Expression): boolean {
  let text: string | undefined;
  if (specifier.type === AST_NODE_TYPES.Literal) {
    if (typeof specifier.value !== 'string') return false;
    text = specifier.value;
  } else if (specifier.type === AST_NODE_TYPES.TemplateLiteral && specifier.expressions.length === 0) {
    text = specifier.quasis[0]?.value.cooked ?? undefined;
  }
  return text === undefined || /^\.\.?(?:\/|$)/.test(text);
}
