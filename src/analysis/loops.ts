import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { childNodes, contains, isFunctionNode } from '../util/ast.js';

/** Loops that run until a condition says stop (not `for...of` / `for...in` over a collection). */
export type ConditionLoop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;
export type Loop = ConditionLoop | TSESTree.ForInStatement | TSESTree.ForOfStatement;

/** Selector for {@link ConditionLoop} nodes. */
export const CONDITION_LOOPS = 'ForStatement, WhileStatement, DoWhileStatement';

const LOOP_TYPES = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
]);

export function isLoop(node: TSESTree.Node): node is Loop {
  return LOOP_TYPES.has(node.type);
}

export interface LoopFacts {
  /**
   * `await`, `for await` or `yield` in the loop's test, update or body (not in functions it
   * creates): each iteration may give the event loop back.
   */
  readonly yields: boolean;
  /** A `break`, `return`, `throw` or labelled `continue` in the loop that leaves it. */
  readonly exits: boolean;
  /**
   * What decides that the loop ends: its test, and the tests of `if`s in its own body (not in a
   * nested loop, which is the one they end first) with a branch that leaves it.
   */
  readonly exitConditions: readonly TSESTree.Node[];
}

const factsCache = new WeakMap<Loop, LoopFacts>();

/** Facts about what a loop's iterations do, computed once per loop (nested loops ask about their ancestors). */
export function loopFacts(loop: Loop, visitorKeys: TSESLint.SourceCode.VisitorKeys): LoopFacts {
  let facts = factsCache.get(loop);
  if (!facts) {
    facts = scanLoop(loop, visitorKeys);
    factsCache.set(loop, facts);
  }
  return facts;
}

interface Nesting {
  /** Inside a loop or `switch` nested in the scanned loop: an unlabelled `break` stays inside. */
  readonly breakable: boolean;
  /** Inside a loop nested in the scanned loop. */
  readonly inLoop: boolean;
  /** Labels declared inside the scanned loop: jumps to them stay inside. */
  readonly labels: ReadonlySet<string>;
}

/**
 * One walk over what runs on every iteration. A jump leaves the loop when it targets the loop or
 * something around it; `continue` to the loop's own label does not. Presence is enough: whether
 * the jump is reachable is not checked.
 */
function scanLoop(loop: Loop, visitorKeys: TSESLint.SourceCode.VisitorKeys): LoopFacts {
  const ownLabels = new Set<string>();
  for (let parent = loop.parent; parent?.type === AST_NODE_TYPES.LabeledStatement; parent = parent.parent) {
    ownLabels.add(parent.label.name);
  }
  let yields = loop.type === AST_NODE_TYPES.ForOfStatement && loop.await;
  const exitConditions: TSESTree.Node[] = [];

  /** Whether `node` contains a jump out of the loop; notes `yields` and exit conditions on the way. */
  const visit = (node: TSESTree.Node, nesting: Nesting): boolean => {
    if (isFunctionNode(node)) return false;
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
        yields = true;
        break;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        visitChildren(node, nesting);
        return true;
      case AST_NODE_TYPES.BreakStatement:
        return node.label ? !nesting.labels.has(node.label.name) : !nesting.breakable;
      case AST_NODE_TYPES.ContinueStatement:
        return node.label !== null && !nesting.labels.has(node.label.name) && !ownLabels.has(node.label.name);
      case AST_NODE_TYPES.LabeledStatement:
        return visitChildren(node, { ...nesting, labels: new Set([...nesting.labels, node.label.name]) });
      case AST_NODE_TYPES.SwitchStatement:
        return visitChildren(node, { ...nesting, breakable: true });
      case AST_NODE_TYPES.IfStatement: {
        const test = visit(node.test, nesting);
        const consequent = visit(node.consequent, nesting);
        const alternate = node.alternate ? visit(node.alternate, nesting) : false;
        if ((consequent || alternate) && !nesting.inLoop) exitConditions.push(node.test);
        return test || consequent || alternate;
      }
      default:
        if (isLoop(node)) {
          if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) yields = true;
          return visitChildren(node, { ...nesting, breakable: true, inLoop: true });
        }
    }
    return visitChildren(node, nesting);
  };

  const visitChildren = (node: TSESTree.Node, nesting: Nesting): boolean => {
    let exits = false;
    // Every child is visited, not just up to the first exit: `yields` must see them all.
    for (const child of childNodes(node, visitorKeys)) {
      if (visit(child, nesting)) exits = true;
    }
    return exits;
  };

  const top: Nesting = { breakable: false, inLoop: false, labels: new Set() };
  let exits = false;
  // What runs on every iteration: not a `for` loop's init, nor the collection of `for...of`/`for...in`.
  for (const part of iterationParts(loop)) {
    if (visit(part, top)) exits = true;
  }
  if (loop.type !== AST_NODE_TYPES.ForInStatement && loop.type !== AST_NODE_TYPES.ForOfStatement && loop.test) {
    exitConditions.unshift(loop.test);
  }
  return { yields, exits, exitConditions };
}

function iterationParts(loop: Loop): TSESTree.Node[] {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return [loop.test, loop.update, loop.body].filter((part): part is NonNullable<typeof part> => part !== null);
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return [loop.test, loop.body];
    default:
      return [loop.body];
  }
}

/** Whether the loop's test is missing or always true: `for (;;)`, `while (true)`, `while (1)`. */
export function runsForever(loop: ConditionLoop, scope: TSESLint.Scope.Scope): boolean {
  if (!loop.test) return true;
  const value = ASTUtils.getStaticValue(loop.test, scope);
  return value !== null && Boolean(value.value);
}

/** The value of a constant numeric expression (`1e6`, `10 ** 6`, `1_000_000`, `10n ** 6n`, a `const`), as a number. */
export function staticNumber(node: TSESTree.Node, scope: TSESLint.Scope.Scope): number | undefined {
  const value = ASTUtils.getStaticValue(node, scope)?.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

type Comparison = '<' | '<=' | '>' | '>=' | '!=' | '!==';
/** Each comparison that can bound a counter, and the same comparison with its operands swapped. */
const MIRRORED: Readonly<Record<Comparison, Comparison>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '!=': '!=',
  '!==': '!==',
};

/** `a < b`, `a >= b`, `a !== b`: a comparison that can bound a loop counter. */
export function isBoundComparison(
  node: TSESTree.Node | null,
): node is TSESTree.BinaryExpression & { operator: Comparison } {
  return node?.type === AST_NODE_TYPES.BinaryExpression && Object.hasOwn(MIRRORED, node.operator);
}

/**
 * How many times a counting `for` loop runs, when every part is a constant:
 * `for (let i = START; i < BOUND; i += STEP)` with `<`, `<=`, `>`, `>=`, `!==`, the counter on
 * either side, `i++`/`i--`/`i += c`/`i -= c`/`i = i + c`, and the counter not written in the body.
 * Anything else (a bound read from a variable that changes, a counter set before the loop, a step
 * that moves away from the bound) is unknown.
 */
export function tripCount(loop: TSESTree.ForStatement, sourceCode: Readonly<TSESLint.SourceCode>): number | undefined {
  const { test } = loop;
  if (!isBoundComparison(test)) return undefined;
  const scope = sourceCode.getScope(loop);
  const sides: [TSESTree.Node, TSESTree.Node, Comparison][] = [
    [test.left, test.right, test.operator],
    [test.right, test.left, MIRRORED[test.operator]],
  ];
  for (const [counter, bound, comparison] of sides) {
    if (counter.type !== AST_NODE_TYPES.Identifier) continue;
    const step = stepOf(loop.update, counter.name, scope);
    const start = startOf(loop.init, counter.name, scope);
    const end = staticNumber(bound, scope);
    if (step === undefined || start === undefined || end === undefined) continue;
    if (isWrittenIn(loop, counter, sourceCode)) return undefined;
    return iterations(start, end, step, comparison);
  }
  return undefined;
}

function iterations(start: number, bound: number, step: number, comparison: Comparison): number | undefined {
  if (!Number.isFinite(start) || !Number.isFinite(bound) || !Number.isFinite(step) || step === 0) return undefined;
  const distance = (bound - start) / step;
  switch (comparison) {
    case '<':
    case '>':
      if ((comparison === '<') !== step > 0) return undefined;
      return Math.max(0, Math.ceil(distance));
    case '<=':
    case '>=':
      if ((comparison === '<=') !== step > 0) return undefined;
      return Math.max(0, Math.floor(distance) + 1);
    case '!=':
    case '!==':
      return Number.isInteger(distance) && distance >= 0 ? distance : undefined;
  }
}

/** How much the update moves the counter each time: `i++`, `i -= 2`, `i = i + 4`, or one of them in a sequence. */
function stepOf(update: TSESTree.Expression | null, name: string, scope: TSESLint.Scope.Scope): number | undefined {
  if (!update) return undefined;
  if (update.type === AST_NODE_TYPES.SequenceExpression) {
    const steps = update.expressions.flatMap((expression) => {
      const step = stepOf(expression, name, scope);
      return step === undefined ? [] : [step];
    });
    return steps.length === 1 ? steps[0] : undefined;
  }
  if (update.type === AST_NODE_TYPES.UpdateExpression) {
    return isNamed(update.argument, name) ? (update.operator === '++' ? 1 : -1) : undefined;
  }
  if (update.type !== AST_NODE_TYPES.AssignmentExpression || !isNamed(update.left, name)) return undefined;
  const { right } = update;
  switch (update.operator) {
    case '+=':
      return staticNumber(right, scope);
    case '-=': {
      const step = staticNumber(right, scope);
      return step === undefined ? undefined : -step;
    }
    case '=': {
      if (right.type !== AST_NODE_TYPES.BinaryExpression || (right.operator !== '+' && right.operator !== '-')) {
        return undefined;
      }
      const sign = right.operator === '+' ? 1 : -1;
      if (isNamed(right.left, name)) {
        const step = staticNumber(right.right, scope);
        return step === undefined ? undefined : sign * step;
      }
      return sign === 1 && isNamed(right.right, name) ? staticNumber(right.left, scope) : undefined;
    }
    default:
      return undefined;
  }
}

/** The counter's value before the first iteration, from the loop's own init (`let i = 0`, `i = 0`). */
function startOf(
  init: TSESTree.ForStatement['init'],
  name: string,
  scope: TSESLint.Scope.Scope,
): number | undefined {
  if (!init) return undefined;
  if (init.type === AST_NODE_TYPES.VariableDeclaration) {
    const declarator = init.declarations.find((d) => isNamed(d.id, name));
    return declarator?.init ? staticNumber(declarator.init, scope) : undefined;
  }
  const assignments = init.type === AST_NODE_TYPES.SequenceExpression ? init.expressions : [init];
  const assignment = assignments.find(
    (e): e is TSESTree.AssignmentExpression =>
      e.type === AST_NODE_TYPES.AssignmentExpression && e.operator === '=' && isNamed(e.left, name),
  );
  return assignment ? staticNumber(assignment.right, scope) : undefined;
}

function isNamed(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** The counter is assigned in the loop's test or body (anywhere but its update), so the count is not what the head says. */
function isWrittenIn(
  loop: TSESTree.ForStatement,
  counter: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(counter), counter);
  if (!variable) return true;
  const inside = [loop.test, loop.body].filter((part): part is NonNullable<typeof part> => part !== null);
  return variable.references.some(
    (reference) => reference.isWrite() && inside.some((part) => contains(part, reference.identifier)),
  );
}

/**
 * Where to report a loop: its head, not the whole body. `for (...)` and `while (...)` from the
 * keyword to the closing parenthesis; a `do...while` at its `while (...)`, where the condition is.
 */
export function loopHeadLoc(sourceCode: Readonly<TSESLint.SourceCode>, loop: Loop): TSESTree.SourceLocation {
  if (loop.type === AST_NODE_TYPES.DoWhileStatement) {
    const keyword = sourceCode.getTokenAfter(loop.body)!;
    let last = sourceCode.getLastToken(loop)!;
    if (last.value === ';') last = sourceCode.getTokenBefore(last)!;
    return { start: keyword.loc.start, end: last.loc.end };
  }
  return { start: loop.loc.start, end: sourceCode.getTokenBefore(loop.body)!.loc.end };
}
