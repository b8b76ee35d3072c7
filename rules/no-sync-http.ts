import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { BlockingCall } from '../src/analysis/file-analysis.js';
import type { BlockingApi } from '../src/catalog/index.js';
import { shellHttpClients } from '../src/catalog/http.js';
import { createBlockingCallRule } from '../src/blocking-rule.js';
import { argumentsOf } from '../src/util/ast.js';

export default createBlockingCallRule({
  name: 'no-sync-http',
  family: 'http',
  description: 'Disallow synchronous HTTP requests inside request handlers',
  adopt: shellHttpCall,
});

/** `execSync('curl -s ' + url)` written in the handler: reported as HTTP too, with fetch advice. */
function shellHttpCall(call: BlockingCall): BlockingApi | undefined {
  const { api, direct, node } = call;
  if (!direct || direct.invocation !== 'direct' || api.family !== 'child-process') return undefined;
  if (!api.modules.includes(shellHttpClients.module) || api.path.length !== 1) return undefined;
  const commandLine = shellHttpClients.functions.get(api.path[0]!);
  const first = argumentsOf(node)[0];
  if (commandLine === undefined || !first) return undefined;
  const text = leadingText(first);
  if (text === undefined) return undefined;
  const pattern = commandLine ? shellHttpClients.commandLine : shellHttpClients.fileName;
  if (!pattern.test(commandLine ? text : text.trim())) return undefined;
  return { family: 'http', modules: api.modules, path: api.path, advice: shellHttpClients.advice };
}

/**
 * The literal text an argument starts with: a string, a template literal up to its first
 * expression, or the left end of a `+` chain. For a file name (no spaces), a partial text only
 * matches if it is complete, so `execFileSync(\`${bin}curl\`)` is not taken for curl.
 */
function leadingText(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const head = node.quasis[0]?.value.cooked ?? undefined;
    return node.expressions.length === 0 ? head : head && `${head}\u0000`;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const left = leadingText(node.left);
    return left === undefined ? undefined : `${left}\u0000`;
  }
  return undefined;
}
