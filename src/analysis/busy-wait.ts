import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AWAIT_TIMER, clockReads, sleepApis, type SleepApi, type TracedApi } from '../catalog/busy-wait.js';
import { buildTraceMap, type TraceMap } from '../catalog/index.js';
import { contains, skipTypeWrappers } from '../util/ast.js';
import { callThrough } from './reachability.js';
import { loopFacts, type ConditionLoop } from './loops.js';
import { iterateGlobalReferences, iterateModuleReferences, mayReference, type ModuleReference } from './module-references.js';

/** A call that sleeps or waits synchronously. */
export interface SleepCall extends NonNullable<ReturnType<typeof callThrough>> {
  readonly node: TSESTree.CallExpression;
  readonly api: SleepApi;
}

/**
 * `child_process` calls that wait for their child: a sleep when the child is `sleep`. Kept here, not
 * in a catalog: no-busy-wait only needs to recognise the sleep idiom, not child processes in general.
 */
interface ChildSleep extends SleepApi {
  /** The first argument is a shell command line (`execSync('sleep 1')`), not a file name. */
  readonly shell: boolean;
}

const childSleep = (name: string, shell: boolean): ChildSleep => ({
  modules: ['child_process'],
  path: [name],
  shell,
  why: 'runs `sleep` in a child process and waits for it to exit',
  instead: AWAIT_TIMER,
});

const CHILD_SLEEPS: readonly ChildSleep[] = [
  childSleep('execSync', true),
  childSleep('execFileSync', false),
  childSleep('spawnSync', false),
];

interface TraceMaps<T> {
  readonly modules: TraceMap<T>;
  readonly globals: TraceMap<T>;
}

function traceMaps<T extends TracedApi>(apis: readonly T[]): TraceMaps<T> {
  return {
    modules: buildTraceMap(
      apis.filter((api) => api.modules),
      (api) => ({ modules: api.modules!, path: api.path }),
    ),
    globals: buildTraceMap(
      apis.filter((api) => api.globals),
      (api) => ({ modules: api.globals!, path: api.path }),
    ),
  };
}

function* iterateTraced<T>(sourceCode: Readonly<TSESLint.SourceCode>, maps: TraceMaps<T>): Generator<ModuleReference<T>> {
  yield* iterateModuleReferences(sourceCode, maps.modules);
  yield* iterateGlobalReferences(sourceCode, maps.globals);
}

const sleepMaps = traceMaps<SleepApi | ChildSleep>([...sleepApis, ...CHILD_SLEEPS]);
const clockMaps = traceMaps(clockReads);

/** Every call in the file that sleeps synchronously, in source order. */
export function findSleepCalls(sourceCode: Readonly<TSESLint.SourceCode>): SleepCall[] {
  if (!mayReference(sourceCode, sleepMaps)) return [];
  const calls = new Map<TSESTree.CallExpression, SleepCall>();
  for (const reference of iterateTraced(sourceCode, sleepMaps)) {
    const through = callThrough(reference.node);
    // A tagged template runs no sleep the catalog names: its tags are other APIs (`$.sync`).
    if (through?.node.type !== AST_NODE_TYPES.CallExpression || calls.has(through.node)) continue;
    const call = { node: through.node, reference: through.reference, invocation: through.invocation };
    const api = reference.info;
    if ('shell' in api && !runsSleep(sourceCode, call, api)) continue;
    calls.set(call.node, { ...call, api });
  }
  return [...calls.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

const SLEEP_COMMAND = /^\s*sleep(?:\s|$)/;
const SLEEP_FILE = /(?:^|\/)sleep$/;

/** `execSync('sleep 1')`, `` execSync(`sleep ${n}`) ``, `execFileSync('sleep', ['1'])`, `spawnSync('/bin/sleep', ...)`. */
function runsSleep(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: Pick<SleepCall, 'node' | 'invocation'>,
  api: ChildSleep,
): boolean {
  const command = call.invocation === 'direct' ? call.node.arguments[0] : undefined;
  if (!command) return false;
  const text = ASTUtils.getStringIfConstant(command, sourceCode.getScope(command));
  if (text !== null) return (api.shell ? SLEEP_COMMAND : SLEEP_FILE).test(text);
  // A template's fixed start names the command: `sleep ${seconds}`.
  return api.shell && command.type === AST_NODE_TYPES.TemplateLiteral && SLEEP_COMMAND.test(command.quasis[0]?.value.cooked ?? '');
}

/** Every call in the file that reads the clock (`Date.now()`, `new Date()`, `performance.now()`, `process.hrtime()`). */
export function findClockReads(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const reads: TSESTree.Node[] = [];
  for (const { node } of iterateTraced(sourceCode, clockMaps)) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) reads.push(node);
  }
  return reads;
}

/**
 * A loop that waits for the clock: no `await` in it, and what ends it (its test, or an `if` that
 * breaks out) reads the clock on each iteration, directly (`while (Date.now() < end)`) or through a
 * variable the loop sets from it (`now = Date.now()` ... `while (now < end)`). A clock read before
 * the loop (`const end = Date.now() + 100`) is not a spin. Clocks read inside helpers are not seen.
 */
export function spinsOnClock(
  loop: ConditionLoop,
  clockReadsInFile: readonly TSESTree.Node[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const reads = clockReadsInFile.filter(
    (read) =>
      contains(loop, read) && !(loop.type === AST_NODE_TYPES.ForStatement && loop.init && contains(loop.init, read)),
  );
  if (reads.length === 0) return false;
  const facts = loopFacts(loop, sourceCode.visitorKeys);
  if (facts.yields) return false;
  const clockVariables = reads.flatMap((read) => assignedVariable(sourceCode, read) ?? []);
  return facts.exitConditions.some(
    (condition) =>
      reads.some((read) => contains(condition, read)) ||
      clockVariables.some((variable) => variable.references.some((ref) => contains(condition, ref.identifier))),
  );
}

/** The variable a clock read is stored in: `const now = Date.now()`, `elapsed = performance.now() - start`. */
function assignedVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  read: TSESTree.Node,
): TSESLint.Scope.Variable | undefined {
  let child = read;
  for (let parent = read.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier
          ? sourceCode.scopeManager?.getDeclaredVariables(parent)[0]
          : undefined;
      case AST_NODE_TYPES.AssignmentExpression: {
        const target = skipTypeWrappers(parent.left);
        return parent.right === child && target.type === AST_NODE_TYPES.Identifier
          ? (ASTUtils.findVariable(sourceCode.getScope(target), target) ?? undefined)
          : undefined;
      }
      // The value flows on through these: `new Date().getTime()`, `performance.now() - start`, `+new Date()`.
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}
