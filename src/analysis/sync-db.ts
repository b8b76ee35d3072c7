import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { buildTraceMap, type BlockingApi } from '../catalog/index.js';
import {
  syncDbApi,
  syncDbSources,
  type SyncDbDriver,
  type SyncDbOrmCondition,
  type SyncDbOrmConstructor,
  type SyncDbOrmType,
  type SyncDbSource,
} from '../catalog/sync-db.js';
import { outermost, propertyName, skipTypeWrappers, type CallSite } from '../util/ast.js';
import { iterateModuleReferences } from './module-references.js';
import type { ModuleSource } from './module-source.js';
import { callersOf, innermostFunction, thisMembers } from './reachability.js';

/** A query of a synchronous driver: found like a catalog call, reported like one. */
export interface DbSite {
  readonly node: CallSite;
  readonly api: BlockingApi;
  /** The driver module as the file imports it (`node:sqlite`). */
  readonly moduleName: string;
}

/** What a followed expression evaluates to. */
type Kind = 'database' | 'statement' | 'tagStore' | 'transaction' | 'client';

/** A database, statement, transaction function or ORM client: what module summaries record of an export. */
export interface DbValue {
  readonly kind: Kind;
  readonly source: SyncDbSource;
  /** The driver module as the file that built the value imports it. */
  readonly moduleName: string;
  /** For an ORM value: its type (`Repository`), a key of the ORM's `types`. */
  readonly type?: string;
}

interface Value extends DbValue {
  readonly node: TSESTree.Node;
}

/** Records a query at `node`: the entry of `path` (`Statement`, `get`) of the value's source. */
type Site = (node: CallSite, value: Value, ...path: string[]) => void;

export interface DbAnalysis {
  readonly sites: readonly DbSite[];
  /** Every expression that evaluates to a followed value, for the module's exports. */
  readonly values: ReadonlyMap<TSESTree.Node, DbValue>;
}

/** The analysis of a module that builds and imports no database. */
export const NO_DATABASES: DbAnalysis = { sites: [], values: new Map() };

/** A constructor of a driver or ORM: where it is imported from, and, for an ORM, how. */
interface Construction {
  readonly source: SyncDbSource;
  readonly module: string;
  readonly path: readonly string[];
  readonly orm?: SyncDbOrmConstructor;
}

const constructors = buildTraceMap(
  syncDbSources.flatMap((source): Construction[] =>
    source.kind === 'orm'
      ? source.constructors.map((orm) => ({ source, module: orm.module ?? source.module, path: orm.path, orm }))
      : [{ source, module: source.module, path: source.constructorPath }],
  ),
  ({ module, path }) => ({ modules: [module], path }),
);

/** The exports ORM constructors are configured with (`new SqliteDialect()`, `BetterSqliteDriver`). */
const configExports = buildTraceMap(
  syncDbSources.flatMap((source) =>
    source.kind === 'orm' ? source.constructors.flatMap((orm) => orm.when?.exports ?? []) : [],
  ),
  ({ module, path }) => ({ modules: [module], path }),
);

/** A `.then()` (or `.catch()`, `.finally()`) at the end of a chain runs it, like `await`. */
const THEN = new Set(['then', 'catch', 'finally']);

/** Transaction functions of better-sqlite3 and bun:sqlite also run through these variants. */
const TRANSACTION_VARIANTS = new Set(['deferred', 'exclusive', 'immediate']);

/**
 * The queries of synchronous database drivers in a module. Each database is followed from its
 * constructor call (`new Database()`, `Database()`, `new DatabaseSync()`, `drizzle(...)`, and ORM
 * constructors whose configuration picks a synchronous driver: `knex({ client: 'better-sqlite3' })`)
 * through what holds it: variables (also assigned later), class fields (`this.db`, `db = new Database()`),
 * functions that return it (`getDb()`), and the statements, transaction functions and ORM values
 * (entity managers, repositories, query builders) it makes.
 * Only those calls are reported: a `db.get()` on anything else (a `pg` pool, a Map) is not followed.
 * `imported` are the module's imports of values other modules export (`import { db } from './db.js'`).
 */
export function syncDbSites(
  source: ModuleSource,
  imported: Iterable<[TSESLint.Scope.Variable, DbValue]> = [],
): DbAnalysis {
  const sites = new Map<CallSite, DbSite>();
  const seen = new Map<TSESTree.Node, Set<string>>();
  const values = new Map<TSESTree.Node, DbValue>();
  const queue: Value[] = [];

  const push = (value: Value): void => {
    let kinds = seen.get(value.node);
    if (!kinds) seen.set(value.node, (kinds = new Set()));
    const key = `${value.kind} ${value.type ?? ''}`;
    if (kinds.has(key)) return;
    kinds.add(key);
    if (!values.has(value.node)) {
      const { kind, source, moduleName, type } = value;
      values.set(value.node, type === undefined ? { kind, source, moduleName } : { kind, source, moduleName, type });
    }
    queue.push(value);
  };
  const site: Site = (node, value, ...path) => {
    const api = syncDbApi(value.source, ...path);
    if (api && !sites.has(node)) sites.set(node, { node, api, moduleName: value.moduleName });
  };
  let configValues: Set<TSESTree.Node> | undefined;
  const configured = (call: TSESTree.CallExpression | TSESTree.NewExpression, when: SyncDbOrmCondition): boolean => {
    configValues ??= new Set([...iterateModuleReferences(source, configExports)].map((reference) => reference.node));
    return isConfigured(source, call, when, configValues);
  };

  for (const reference of iterateModuleReferences(source, constructors)) {
    let node: TSESTree.Node = reference.node;
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) continue;
    const { source: built, orm } = reference.info;
    if (built.kind === 'driver') {
      push({ node, kind: 'database', source: built, moduleName: reference.moduleName });
      continue;
    }
    if (orm?.when && !configured(node, orm.when)) continue;
    if (orm?.resolves) {
      // `await MikroORM.init(...)`: the client is what the promise resolves to.
      const awaited = outermost(node).parent;
      if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) continue;
      node = awaited;
    }
    push({ node, kind: 'client', source: built, moduleName: reference.moduleName, type: built.clientType });
  }
  for (const [variable, value] of imported) {
    for (const node of reads(variable)) push({ ...value, node });
  }

  while (queue.length > 0) {
    const value = queue.shift()!;
    const { node, parent } = outermost(value.node);
    const next = (node: TSESTree.Node, kind = value.kind, type = value.type): void => push({ ...value, node, kind, type });

    if (value.source.kind === 'orm') {
      const type = value.type === undefined ? undefined : own(value.source.types, value.type);
      if (type && ormUse(node, parent, value, type, next, site)) continue;
    } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      member(parent, value, value.source, next, site);
      continue;
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
      if (value.kind === 'transaction' && value.source.transaction) {
        site(parent, value, value.source.databaseType, value.source.transaction);
      }
      continue;
    }
    for (const holder of holders(source, node, parent)) next(holder);
  }
  return { sites: [...sites.values()].sort((a, b) => a.node.range[0] - b.node.range[0]), values };
}

/** `db.prepare(...)`, `stmt.get(...)`, `db.transaction(fn)`, `tx.immediate(...)` on a driver's value. */
function member(
  expression: TSESTree.MemberExpression,
  value: Value,
  driver: SyncDbDriver,
  next: (node: TSESTree.Node, kind: Kind) => void,
  site: Site,
): void {
  const method = propertyName(expression.property, expression.computed);
  const use = expression.parent;
  if (!method) return;
  if (value.kind === 'tagStore') {
    const { tagStore } = driver;
    if (use?.type === AST_NODE_TYPES.TaggedTemplateExpression && use.tag === expression && tagStore?.queries.includes(method)) {
      site(use, value, tagStore.type, method);
    }
    return;
  }
  if (use?.type !== AST_NODE_TYPES.CallExpression || use.callee !== expression) return;
  const call = use;
  switch (value.kind) {
    case 'database':
      if (driver.queries.includes(method)) site(call, value, driver.databaseType, method);
      else if (driver.prepares.includes(method)) next(call, 'statement');
      else if (method === driver.transaction) next(call, 'transaction');
      else if (method === driver.tagStore?.create) next(call, 'tagStore');
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
 * A use of an ORM value: a member that gives another value of the ORM (`ds.manager`,
 * `em.fork()`), a method that runs a query when called (`repo.find()`), a query chain
 * (`db.select().from(users).all()`, `await db('users').where(...)`), or a call that runs a query
 * on it (`sql\`...\`.execute(db)`). False when the value is not used here but stored or passed on.
 */
function ormUse(
  node: TSESTree.Node,
  parent: TSESTree.Node | undefined,
  value: Value,
  type: SyncDbOrmType,
  next: (node: TSESTree.Node, kind: Kind, type: string) => void,
  site: Site,
): boolean {
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
    if (type.callable) chainQuery(parent, undefined, value, type, site);
    return true;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(parent.callee.property, parent.callee.computed);
    if (method && type.runOn?.includes(method) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      site(parent, value, value.type!, method);
      return true;
    }
  }
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return false;
  const name = propertyName(parent.property, parent.computed);
  if (!name) return true;
  const use = parent.parent;
  if (use.type === AST_NODE_TYPES.TaggedTemplateExpression && use.tag === parent && type.tags?.includes(name)) {
    site(use, value, value.type!, name);
    return true;
  }
  const call = use.type === AST_NODE_TYPES.CallExpression && use.callee === parent ? use : undefined;
  const derived = type.members && own(type.members, name);
  if (derived) next(call ?? parent, 'client', derived);
  else if (call && type.runs?.includes(name)) site(call, value, value.type!, name);
  else chainQuery(parent, name, value, type, site);
  return true;
}

/**
 * A query chain on an ORM value, from its first member (`builder`) or from a call of the value
 * itself (`db('users')`, no builder). It runs at its last terminal method (`.all()`, `.execute()`),
 * or, when its first member is a builder (or the value is called), where the chain is awaited,
 * returned to a caller (who awaits it), or ended by `.then()`. A chain stored in a variable and
 * run later is not followed.
 */
function chainQuery(
  first: TSESTree.MemberExpression | TSESTree.CallExpression,
  builder: string | undefined,
  value: Value,
  type: SyncDbOrmType,
  site: Site,
): void {
  const calls: { call: TSESTree.CallExpression; method: string | undefined }[] = [];
  let current: TSESTree.Node = first;
  let method = builder;
  if (first.type === AST_NODE_TYPES.CallExpression) calls.push({ call: first, method });
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
      method = propertyName(parent.property, parent.computed);
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) {
      calls.push({ call: parent, method });
    } else if (!(parent.type === AST_NODE_TYPES.ChainExpression || skipTypeWrappers(parent) !== parent)) {
      break;
    }
    current = parent;
  }
  // `insert(t).values({...})` builds; `select().values()` and `db.values(sql)` run.
  const terminal = calls.findLast(
    ({ call, method }, index) =>
      method !== undefined &&
      type.terminals?.includes(method) &&
      (method !== 'values' || index === 0 || call.arguments.length === 0),
  );
  if (terminal) {
    site(terminal.call, value, value.type!, terminal.method!);
    return;
  }
  if (builder === undefined ? !type.callable : !type.builders?.includes(builder)) return;
  let end = calls.length - 1;
  let then = false;
  while (end > 0 && THEN.has(calls[end]!.method!)) {
    end -= 1;
    then = true;
  }
  const query = calls[end];
  if (!query) return;
  const ends = outermost(query.call);
  const runs =
    then ||
    (ends.node === current &&
      (ends.parent?.type === AST_NODE_TYPES.AwaitExpression ||
        ends.parent?.type === AST_NODE_TYPES.ReturnStatement ||
        (ends.parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && ends.parent.body === ends.node)));
  if (runs) site(query.call, value, ...(builder === undefined ? [value.type!] : [value.type!, builder]));
}

/** `record[key]` when the record has it, not what it inherits (`constructor`, `toString`). */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether an ORM constructor's configuration picks a synchronous driver (`client: 'better-sqlite3'`). */
function isConfigured(
  source: ModuleSource,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  when: SyncDbOrmCondition,
  configValues: ReadonlySet<TSESTree.Node>,
): boolean {
  let node = constant(source, call.arguments[when.argument]);
  if (when.property !== undefined) {
    if (node?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const property = node.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && propertyName(candidate.key, candidate.computed) === when.property,
    );
    node = constant(source, property?.value);
  }
  if (!node) return false;
  if (when.strings) {
    const text = ASTUtils.getStringIfConstant(node);
    if (text !== null && when.strings.includes(text)) return true;
  }
  if (!when.exports) return false;
  if (configValues.has(node)) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  // An imported or destructured export: the tracker reports the binding (`import { X }`, `{ X } = require()`).
  const variable = ASTUtils.findVariable(source.getScope(node), node);
  return (variable?.defs ?? []).some((def) => configValues.has(def.node) || (def.name.parent !== undefined && configValues.has(def.name.parent)));
}

/** `node`, or what the `const` it names was initialised with. */
function constant(source: ModuleSource, node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (!node) return undefined;
  node = skipTypeWrappers(node);
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const variable = ASTUtils.findVariable(source.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.node.id === def.name &&
    def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    def.parent.kind === 'const' &&
    def.node.init
  ) {
    return skipTypeWrappers(def.node.init);
  }
  return node;
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
      const fn = innermostFunction(node);
      if (fn && !fn.async && !fn.generator) yield* callersOf(source, fn);
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
  for (const node of thisMembers(classNode).get(name) ?? []) {
    if (!(node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node)) yield node;
  }
}

function enclosingClass(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}
