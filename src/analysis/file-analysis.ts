import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { blockingApiTraceMap, type BlockingApi } from '../catalog/index.js';
import { createHandlerContext, type HandlerContextOptions, type HandlerInfo } from '../context/handlers.js';
import { readSettings } from '../options.js';
import { isFunctionNode, propertyName } from '../util/ast.js';
import { iterateModuleReferences } from './module-references.js';

/** A call to a catalog API, with the request-time context it runs in. */
export interface BlockingCall {
  readonly node: TSESTree.CallExpression;
  /** The callee that names the API: `readFileSync`, `fs.readFileSync`, or `fs.readFileSync.call`'s object. */
  readonly reference: TSESTree.Node;
  readonly api: BlockingApi;
  /** The module specifier the API was imported from, as written (`node:fs`). */
  readonly moduleName: string;
  /** `fs.readFileSync(...)` called as written, or through `.call(...)` / `.apply(...)`. */
  readonly invocation: 'direct' | 'call' | 'apply';
  /** The innermost request handler the call runs in. */
  readonly handler: HandlerInfo | undefined;
  /** Some enclosing function is async (for the `async-functions` scope). */
  readonly inAsyncFunction: boolean;
}

export interface FileAnalysis {
  readonly calls: readonly BlockingCall[];
}

const cache = new WeakMap<TSESTree.Program, FileAnalysis>();

/**
 * The shared per-file result: computed on first use by any rule, cached on the Program node, so
 * the file is analysed once however many rules are on.
 */
export function getFileAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const { sourceCode } = context;
  let analysis = cache.get(sourceCode.ast);
  if (!analysis) {
    analysis = analyseFile(sourceCode, context.filename, { settings: readSettings(context.settings), cwd: context.cwd });
    cache.set(sourceCode.ast, analysis);
  }
  return analysis;
}

function analyseFile(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  options: HandlerContextOptions,
): FileAnalysis {
  const calls: BlockingCall[] = [];
  // Cheap first: most files import no blocking API at all and never reach the handler context.
  let handlers: ReturnType<typeof createHandlerContext> | undefined;
  const seen = new Set<TSESTree.Node>();
  for (const reference of iterateModuleReferences(sourceCode, blockingApiTraceMap)) {
    const call = callThrough(reference.node);
    if (!call || seen.has(call.node)) continue;
    seen.add(call.node);
    handlers ??= createHandlerContext(sourceCode, filename, options);
    calls.push({
      node: call.node,
      reference: call.reference,
      api: reference.info,
      moduleName: reference.moduleName,
      invocation: call.invocation,
      handler: handlers.enclosingHandler(call.node),
      inAsyncFunction: hasAsyncAncestor(call.node),
    });
  }
  calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { calls };
}

/**
 * The call that invokes a reference: the tracker reports `f(...)` itself, and a read `fs.f` whose
 * parent may be `fs.f(...)`, `fs.f.call(thisArg, ...)` or `fs.f.apply(thisArg, args)`.
 */
function callThrough(
  reference: TSESTree.Node,
): Pick<BlockingCall, 'node' | 'reference' | 'invocation'> | undefined {
  if (reference.type === AST_NODE_TYPES.CallExpression) {
    return { node: reference, reference: reference.callee, invocation: 'direct' };
  }
  const parent = reference.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference) {
    return { node: parent, reference, invocation: 'direct' };
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference) {
    const method = propertyName(parent.property, parent.computed);
    const call = parent.parent;
    if (
      (method === 'call' || method === 'apply') &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === parent
    ) {
      return { node: call, reference, invocation: method };
    }
  }
  return undefined;
}

function hasAsyncAncestor(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.async) return true;
  }
  return false;
}
