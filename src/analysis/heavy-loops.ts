import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, isGlobalReference, isTypeWrapper, propertyName, skipTypeWrappers, type FunctionNode } from '../util/ast.js';
import {
  isBoundComparison,
  isLoop,
  loopFacts,
  runsForever,
  staticNumber,
  tripCount,
  type ConditionLoop,
  type LoopFacts,
} from './loops.js';
import { globalReferences } from './module-references.js';
import { mayBeRequestInput, unlimitedRequestInput } from './request-input.js';

export type HeavyLoop =
  /** A counting loop whose constant trip count, times that of the counting loops around it, reaches the threshold. */
  | { readonly kind: 'iterations'; readonly iterations: number; readonly factors: readonly number[] }
  /** A loop whose bound the client picks, with no limit. */
  | { readonly kind: 'requestBound'; readonly bound: TSESTree.Node }
  /** `while (true)` / `for (;;)` with no way out and no `await`. */
  | { readonly kind: 'endless' };

/**
 * Why a loop in request-serving code keeps the event loop busy, if it does. Loops that `await`
 * (or `yield`) give the event loop back on each iteration and are never reported. `handlerOf`
 * gives the request handler the loop runs in; it is asked only for a loop whose bound could come
 * from a request, as working it out costs more than the rest.
 */
export function classifyHeavyLoop(
  loop: ConditionLoop,
  sourceCode: Readonly<TSESLint.SourceCode>,
  handlerOf: () => FunctionNode | undefined,
  threshold: number,
): HeavyLoop | undefined {
  // What the loop's head says first: the walk of its body (loopFacts) only for a loop that may be heavy.
  const facts = (): LoopFacts => loopFacts(loop, sourceCode.visitorKeys);
  if (runsForever(loop, sourceCode.getScope(loop))) {
    if (facts().yields) return undefined;
    if (!facts().exits) return { kind: 'endless' };
  }
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const factors = nestedTripCounts(loop, sourceCode);
    if (factors) {
      const outer = product(factors.slice(0, -1));
      const iterations = outer * factors.at(-1)!;
      // Reported once per nest: at the loop where the count first reaches the threshold.
      if (iterations >= threshold && outer < threshold) return facts().yields ? undefined : { kind: 'iterations', iterations, factors };
    }
  }
  if (!requestBound(loop, undefined, sourceCode) || facts().yields) return undefined;
  const handler = handlerOf();
  const bound = handler && requestBound(loop, handler, sourceCode);
  return bound ? { kind: 'requestBound', bound } : undefined;
}

/**
 * The loop's trip count after those of the counting `for` loops around it in the same function
 * (outermost first). Stops at a loop that awaits: between two awaits, only the inner loops run.
 */
function nestedTripCounts(loop: TSESTree.ForStatement, sourceCode: Readonly<TSESLint.SourceCode>): number[] | undefined {
  const own = tripCount(loop, sourceCode);
  if (own === undefined) return undefined;
  const factors = [own];
  for (let node: TSESTree.Node | undefined = loop.parent; node && !isFunctionNode(node); node = node.parent) {
    if (!isLoop(node)) continue;
    if (loopFacts(node, sourceCode.visitorKeys).yields) break;
    const count = node.type === AST_NODE_TYPES.ForStatement ? tripCount(node, sourceCode) : undefined;
    if (count !== undefined) factors.unshift(count);
  }
  return factors;
}

function product(factors: readonly number[]): number {
  return factors.reduce((total, factor) => total * factor, 1);
}

/**
 * The request value that bounds the loop, when nothing else does. The loop runs while every
 * `&&`-joined part of its test holds, and stops as soon as one `||`-joined part of an `if` that
 * leaves it holds; a comparison in either place with no operand from the request (`i < 1000`,
 * `i < items.length`, `if (i >= LIMIT) break`) limits the loop, whatever the rest says. Without a
 * handler, a value that could be request input in any function counts (mayBeRequestInput): the
 * answer is then a superset, to rule loops out before the handler is known.
 */
function requestBound(
  loop: ConditionLoop,
  handler: FunctionNode | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Node | undefined {
  if (!loop.test) return undefined;
  const isInput = (side: TSESTree.Node): boolean =>
    handler ? unlimitedRequestInput(side, loop, handler, sourceCode) !== undefined : mayBeRequestInput(side, sourceCode);
  const inputSide = (comparison: TSESTree.BinaryExpression): TSESTree.Node | undefined =>
    [comparison.left, comparison.right].find(isInput);
  const bounds = comparisons(loop.test, '&&').map(inputSide);
  if (bounds.length === 0 || bounds.includes(undefined)) return undefined;
  const { exitConditions } = loopFacts(loop, sourceCode.visitorKeys);
  const limitedInside = exitConditions.some(
    (condition) => condition !== loop.test && comparisons(condition, '||').some((comparison) => !inputSide(comparison)),
  );
  return limitedInside ? undefined : bounds[0];
}

/** The bound comparisons among the `operator`-joined parts of a condition. */
function comparisons(condition: TSESTree.Node, operator: '&&' | '||'): TSESTree.BinaryExpression[] {
  const expression = skipTypeWrappers(condition);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === operator) {
    return [...comparisons(expression.left, operator), ...comparisons(expression.right, operator)];
  }
  return isBoundComparison(expression) ? [expression] : [];
}

/** A call that builds an array, and how many elements (builtArrayLength). */
export interface ArrayBuild {
  readonly call: TSESTree.CallExpression;
  readonly length: number;
}

/**
 * Every call of the file that builds an array up front (builtArrayLength), found from the file's
 * reads of the global `Array`: most files never write it, and a listener on every call of every
 * file cost more than the search.
 */
export function arrayBuilds(sourceCode: Readonly<TSESLint.SourceCode>): ArrayBuild[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  const builds: ArrayBuild[] = [];
  for (const array of globalScope ? globalReferences(globalScope, 'Array') : []) {
    for (const call of callsOn(array)) {
      const length = builtArrayLength(call, sourceCode);
      if (length !== undefined) builds.push({ call, length });
    }
  }
  return builds;
}

/**
 * The calls made on what `array` is the start of: `Array(n)` and its `.fill(x)`, `new Array(n)`'s
 * `.fill(x)`, `Array.from(...)`, through type wrappers. Where the value is passed on, not called
 * on, the search stops.
 */
function* callsOn(array: TSESTree.Identifier): Generator<TSESTree.CallExpression> {
  let child: TSESTree.Node = array;
  for (let parent = array.parent; parent; child = parent, parent = parent.parent) {
    if (isTypeWrapper(parent)) continue;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee !== child) return;
        yield parent;
        continue;
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee !== child) return;
        continue;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== child) return;
        continue;
      default:
        return;
    }
  }
}

/**
 * The number of elements a call builds an array of, for the shapes that touch every element up
 * front: `new Array(n).fill(x)`, `Array(n).fill(x)` and `Array.from({ length: n }, ...)`, with a
 * constant `n`. (`new Array(n)` alone only sets a length and is cheap.)
 */
function builtArrayLength(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): number | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  // Every member call of the file comes here: look the scope up only for the two shapes.
  switch (propertyName(callee.property, callee.computed)) {
    case 'fill': {
      const array = skipTypeWrappers(callee.object);
      if (
        (array.type !== AST_NODE_TYPES.NewExpression && array.type !== AST_NODE_TYPES.CallExpression) ||
        !isGlobalArray(sourceCode, array.callee) ||
        array.arguments.length !== 1
      ) {
        return undefined;
      }
      return staticNumber(array.arguments[0]!, sourceCode.getScope(call));
    }
    case 'from': {
      const [source] = call.arguments;
      if (!isGlobalArray(sourceCode, callee.object) || source?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const length = source.properties.find(
        (property): property is TSESTree.Property =>
          property.type === AST_NODE_TYPES.Property && propertyName(property.key, property.computed) === 'length',
      );
      return length ? staticNumber(length.value, sourceCode.getScope(call)) : undefined;
    }
    default:
      return undefined;
  }
}

function isGlobalArray(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'Array' && isGlobalReference(sourceCode, node);
}
