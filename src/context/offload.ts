import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { OFFLOAD } from '../catalog/frameworks.js';
import { buildTraceMap } from '../catalog/index.js';
import { iterateModuleReferences } from '../analysis/module-references.js';
import { isFunctionNode, lastName, namedVariables, propertyName, skipTypeWrappers, type FunctionNode } from '../util/ast.js';
import { moduleOrigin } from './imports.js';

const workerSignals = buildTraceMap(OFFLOAD.workerFileSignals, ({ module, path }) => ({ modules: [module], path }));

/**
 * A worker's entry or task file: it reads `parentPort`/`workerData` of `worker_threads`, registers
 * workerpool functions (`workerpool.worker({...})`), or reads piscina's or tinypool's worker-side
 * exports. Its code runs on a worker thread, not on the event loop that serves requests.
 * (A task file that shows none of these, known only as some pool's `filename`, is not recognised.)
 */
export function isWorkerFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (const reference of iterateModuleReferences(sourceCode, workerSignals)) {
    // `workerpool.worker` counts when called; the other signals when read at all.
    if (reference.path.at(-1) !== 'worker' || reference.node.type === AST_NODE_TYPES.CallExpression) return true;
  }
  return false;
}

/**
 * `fn` runs in a worker: it is written inside `new Worker(...)`'s arguments (``new Worker(`(${fn})()`, { eval: true })``),
 * a variable holding it is, or it is passed to a workerpool pool's `exec(fn, args)`.
 */
export function isOffloaded(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): boolean {
  if (insideWorkerCode(sourceCode, fn)) return true;
  const declaration =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn
        ? fn.parent
        : undefined;
  if (!declaration) return false;
  return namedVariables(sourceCode.scopeManager, declaration).some((variable) =>
    variable.references.some((reference) => !reference.init && insideWorkerCode(sourceCode, reference.identifier)),
  );
}

/** `node` is (inside) an argument of `new Worker(...)` or the function argument of a pool's `exec`. */
function insideWorkerCode(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.NewExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
      return isWorkerConstructor(parent.callee);
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && isPoolExec(sourceCode, parent)) {
      return true;
    }
    // Code in the worker is written right there: a template, a `String(fn)`, `fn.toString()`.
    if (isFunctionNode(parent) || parent.type.endsWith('Statement') || parent.type === AST_NODE_TYPES.Program) return false;
  }
  return false;
}

function isWorkerConstructor(callee: TSESTree.Node): boolean {
  return lastName(skipTypeWrappers(callee)) === OFFLOAD.workerConstructor;
}

/** `pool.exec(fn, args)` where `pool` is `workerpool.pool(...)`. */
function isPoolExec(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee.property, callee.computed) !== OFFLOAD.poolExec) {
    return false;
  }
  let pool = skipTypeWrappers(callee.object);
  if (pool.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(sourceCode.getScope(pool), pool)?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return false;
    pool = skipTypeWrappers(definition.node.init);
  }
  if (pool.type !== AST_NODE_TYPES.CallExpression) return false;
  const origin = moduleOrigin(sourceCode, pool.callee);
  return origin?.module === OFFLOAD.poolModule && origin.path.join('.') === OFFLOAD.poolFactory;
}
