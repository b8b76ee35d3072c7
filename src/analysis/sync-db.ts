import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { buildTraceMap, type BlockingApi } from '../catalog/index.js';
import { syncDbApi, syncDbSources, type SyncDbDriver, type SyncDbOrm, type SyncDbSource } from '../catalog/sync-db.js';
import { isFunctionNode, propertyName, skipTypeWrappers } from '../util/ast.js';
import { iterateModuleReferences } from './module-references.js';
import type { ModuleSource } from './module-source.js';
import { callersOf, descendants } from './reachability.js';

/** A query of a synchronous driver: found like a catalog call, reported like one. */
export interface DbSite {
  readonly node: TSESTree.CallExpression;
  readonly api: BlockingApi;
  /** The driver module as the file imports it (`node:sqlite`). */
  readonly moduleName: string;
}

/** What a followed expression evaluates to. */
type Kind = 'database' | 'statement' | 'transaction' | 'client';

/** A database, statement, transaction function or ORM client: what module summaries record of an export. */
export interface DbValue {
  readonly kind: Kind;
  readonly source: SyncDbSource;
  /** The driver module as the file that built the value imports it. */
  readonly moduleName: string;
}

interface Value extends DbValue {
  readonly node: TSESTree.Node;
}

export interface DbAnalysis {
  readonly sites: readonly DbSite[];
  /** Every expression that evaluates to a followed value, for the module's exports. */
  readonly values: ReadonlyMap<TSESTree.Node, DbValue>;
}

const constructors = buildTraceMap(syncDbSources, (source) => ({ modules: [source.module], path: source.constructorPath }));

/** Transaction functions of better-sqlite3 and bun:sqlite also run through these variants. */
const TRANSACTION_VARIANTS = new Set(['deferred', 'exclusive', 'immediate']);

/**
 * The queries of synchronous database drivers in a module. Each database is followed from its
 * constructor call (`new Database()`, `Database()`, `new DatabaseSync()`, `drizzle(...)`) through
 * what holds it: variables (also assigned later), class fields (`this.db`, `db = new Database()`),
 * functions that return it (`getDb()`), and the statements and transaction functions it makes.
 * Only those calls are reported: a `db.get()` on anything else (a `pg` pool, a Map) is not followed.
 * `imported` are the module's imports of values other modules export (`import { db } from './db.js'`).
 */
export function syncDbSites(
  source: ModuleSource,
  imported: Iterable<[TSESLint.Scope.Variable, DbValue]> = [],
): DbAnalysis {
  const sites = new Map<TSESTree.CallExpression, DbSite>();
  const seen = new Map<TSESTree.Node, Set<Kind>>();
  const values = new Map<TSESTree.Node, DbValue>();
  const queue: Value[] = [];

  const push = (value: Value): void => {
    let kinds = seen.get(value.node);
    if (!kinds) seen.set(value.node, (kinds = new Set()));
    if (kinds.has(value.kind)) return;
    kinds.add(value.kind);
    if (!values.has(value.node)) values.set(value.node, { kind: value.kind, source: value.source, moduleName: value.moduleName });
    queue.push(value);
  };
  const site = (node: TSESTree.CallExpression, value: Value, type: string, method: string): void => {
    const api = syncDbApi(value.source, type, method);
    if (api && !sites.has(node)) sites.set(node, { node, api, moduleName: value.moduleName });
  };

  for (const reference of iterateModuleReferences(source, constructors)) {
    const { node } = reference;
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) continue;
    const kind = reference.info.kind === 'orm' ? 'client' : 'database';
    push({ node, kind, source: reference.info, moduleName: reference.moduleName });
  }
  for (const [variable, value] of imported) {
    for (const node of reads(variable)) push({ ...value, node });
  }

  while (queue.length > 0) {
    const value = queue.shift()!;
    const { node, parent } = outermost(value.node);
    const next = (node: TSESTree.Node, kind = value.kind): void => push({ ...value, node, kind });

    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      if (value.source.kind === 'orm') {
        clientQuery(parent, value, value.source, site);
      } else {
        member(parent, value, value.source, next, site);
      }
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
      if (value.kind === 'transaction' && value.source.kind === 'driver' && value.source.transaction) {
        site(parent, value, value.source.databaseType, value.source.transaction);
      }
      continue;
    }
    for (const holder of holders(source, node, parent)) next(holder);
  }
  return { sites: [...sites.values()].sort((a, b) => a.node.range[0] - b.node.range[0]), values };
}

/** `node` seen through TypeScript wrappers and optional chains (`(db as Database)`, `db!`). */
function outermost(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.ChainExpression || skipTypeWrappers(parent) !== parent) &&
    'expression' in parent &&
    parent.expression === current
  ) {
    current = parent;
    parent = current.parent;
  }
  return { node: current, parent };
}

/** `db.prepare(...)`, `stmt.get(...)`, `db.transaction(fn)`, `tx.immediate(...)` on a driver's value. */
function member(
  expression: TSESTree.MemberExpression,
  value: Value,
  driver: SyncDbDriver,
  next: (node: TSESTree.Node, kind: Kind) => void,
  site: (node: TSESTree.CallExpression, value: Value, type: string, method: string) => void,
): void {
  const method = propertyName(expression.property, expression.computed);
  const call = expression.parent;
  if (!method || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== expression) return;
  switch (value.kind) {
    case 'database':
      if (driver.queries.includes(method)) site(call, value, driver.databaseType, method);
      else if (driver.prepares.includes(method)) next(call, 'statement');
      else if (method === driver.transaction) next(call, 'transaction');
      break;
    case 'statement':
      if (driver.statementQueries.includes(method)) site(call, value, driver.statementType, method);
      else if (driver.statementChain.includes(method)) next(call, 'statement');
      break;
    case 'transaction':
      if (TRANSACTION_VARIANTS.has(method) && driver.transaction) site(call, value, driver.databaseType, driver.transaction);
      break;
    default:
      break;
  }
}

/**
 * A query chain on an ORM client: `db.select().from(users).all()` runs where its last call is a
 * terminal method, `await db.select().from(users)` where it is awaited. A chain stored in a
 * variable and run later is not followed.
 */
function clientQuery(
  first: TSESTree.MemberExpression,
  value: Value,
  orm: SyncDbOrm,
  site: (node: TSESTree.CallExpression, value: Value, type: string, method: string) => void,
): void {
  const builder = propertyName(first.property, first.computed);
  let current: TSESTree.Node = first;
  let last: { call: TSESTree.CallExpression; method: string | undefined } | undefined;
  let method = builder;
  let calls = 0;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
      method = propertyName(parent.property, parent.computed);
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) {
      last = { call: parent, method };
      calls += 1;
    } else if (!(parent.type === AST_NODE_TYPES.ChainExpression || skipTypeWrappers(parent) !== parent)) {
      break;
    }
    current = parent;
  }
  if (!last) return;
  const type = orm.constructorPath.at(-1)!;
  const ends = outermost(last.call);
  // `insert(t).values({...})` builds; `select().values()` and `db.values(sql)` run.
  const terminal =
    last.method !== undefined &&
    orm.terminals.includes(last.method) &&
    (last.method !== 'values' || calls === 1 || last.call.arguments.length === 0);
  if (ends.node === current && terminal) {
    site(last.call, value, type, last.method!);
  } else if (ends.node === current && ends.parent?.type === AST_NODE_TYPES.AwaitExpression && builder && orm.builders.includes(builder)) {
    site(last.call, value, type, builder);
  }
}

/**
 * Where a value goes when it is stored: the reads of the variable or class field that holds it,
 * and the calls of a function that returns it.
 */
function* holders(source: ModuleSource, node: TSESTree.Node, parent: TSESTree.Node | undefined): Generator<TSESTree.Node> {
  if (!parent) return;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
        yield* reads(source.scopeManager?.getDeclaredVariables(parent)[0]);
      }
      return;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== node) return;
      if (parent.left.type === AST_NODE_TYPES.Identifier) {
        yield* reads(ASTUtils.findVariable(source.getScope(parent.left), parent.left) ?? undefined);
      } else if (parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.object.type === AST_NODE_TYPES.ThisExpression) {
        yield* fieldReads(enclosingClass(parent), propertyName(parent.left.property, parent.left.computed));
      }
      // `return (db ??= new Database())`: the assignment is the value too.
      yield parent;
      return;
    // `existing ?? new Database()`, `ok ? db : other`; in `db && x` the value is `x`.
    case AST_NODE_TYPES.LogicalExpression:
      if (parent.operator !== '&&' || parent.right === node) yield parent;
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      if (parent.test !== node) yield parent;
      return;
    case AST_NODE_TYPES.PropertyDefinition:
      if (parent.value === node && !parent.static) yield* fieldReads(parent.parent.parent, propertyName(parent.key, parent.computed));
      return;
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression: {
      if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body !== node) return;
      let fn: TSESTree.Node | undefined = parent;
      while (fn && !isFunctionNode(fn)) fn = fn.parent;
      if (isFunctionNode(fn) && !fn.async && !fn.generator) yield* callersOf(source, fn);
      return;
    }
    default:
      return;
  }
}

function* reads(variable: TSESLint.Scope.Variable | null | undefined): Generator<TSESTree.Node> {
  for (const reference of variable?.references ?? []) {
    if (reference.isRead() && !reference.isWrite()) yield reference.identifier;
  }
}

/** `this.<name>` read anywhere in the class (arrow functions keep `this`). */
function* fieldReads(classNode: TSESTree.Node | undefined, name: string | undefined): Generator<TSESTree.Node> {
  if (!classNode || !name) return;
  for (const node of descendants(classNode)) {
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.ThisExpression &&
      propertyName(node.property, node.computed) === name &&
      !(node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node)
    ) {
      yield node;
    }
  }
}

function enclosingClass(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}
