import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { visitorKeys as TYPESCRIPT_KEYS } from '@typescript-eslint/visitor-keys';
import type { BlockingApi, BlockingFamily } from '../catalog/index.js';
import {
  contains,
  isFunctionNode,
  isObjectFreeze,
  lastName,
  namedVariables,
  outermost,
  propertyName,
  pushChildNodes,
  skipTypeWrappers,
  someInside,
  type CallSite,
  type FunctionNode,
} from '../util/ast.js';
import type { ModuleSource } from './module-source.js';

/** Where a catalog API is called: shown at the end of a chain ("(src/templates.ts:14)"). */
export interface SiteLocation {
  /** The module as it was analysed (absolute for imported modules); messages show it relative to the lint's cwd. */
  readonly file: string;
  readonly line: number;
  /** The API runs as the tag of a template (`` db.sql`...` ``): messages show it as one. */
  readonly tagged: boolean;
}

/** How a call blocks: the catalog API at the end and the helpers that lead to it. */
export interface Reach {
  readonly api: BlockingApi;
  readonly site: SiteLocation;
  /** Helpers from the reported call inward: `['buildReport', 'loadRows']`; empty for a catalog call. */
  readonly helpers: readonly string[];
  /** Some step of the chain is in another module. */
  readonly crossModule: boolean;
  /**
   * The call fills a shared value once (`cache ??= readFileSync(p)`), so it blocks only the first
   * request that gets there: reported only when a rule's `reportLazyInit` option asks.
   */
  readonly lazy?: boolean;
}

/** A call that blocks: a catalog API itself, or a helper that reaches one. */
export interface Site {
  readonly node: CallSite;
  readonly reach: Reach;
  /** For a call of a helper in the same module: the helper. */
  readonly callee?: FunctionNode;
  /** The call runs the helper it is given (`items.map(helper)`), not one its callee names. */
  readonly callback?: boolean;
}

/** What a function reaches: one chain per family, so each rule sees the helper that blocks its way. */
export type FamilyReach = ReadonlyMap<BlockingFamily, Reach>;

/**
 * Blocking members of a class or object: `store.load()` or, for a class, `this.service.load()` on an
 * instance. Keyed by member name.
 */
export type MemberReach = ReadonlyMap<string, FamilyReach>;

/** Array methods that call their callback before they return, so passing a blocking helper blocks. */
export const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'flatMap', 'sort', 'toSorted',
]);

export interface Propagation {
  /** Every blocking call of the module: the given sites plus calls of helpers that reach one. */
  readonly sites: readonly Site[];
  /**
   * For each function, one chain per family to a blocking call it reaches, lexically or through
   * helpers: the one with the fewest helpers, the first in source order among those.
   */
  readonly reachOf: ReadonlyMap<FunctionNode, FamilyReach>;
}

/**
 * Spreads blocking from call sites to the functions that contain them, then to the calls of those
 * functions elsewhere in the module, until nothing changes or chains reach `maxDepth` helpers.
 * Callers are found through scope references (`helper()`, `items.map(helper)`), `this.method()`
 * inside the class, `obj.method()` on object literals, and instances (`new C()`, `this.c.method()`
 * on constructor parameters or fields typed or initialised with the class).
 */
export function propagate(source: ModuleSource, seeds: readonly Site[], maxDepth: number): Propagation {
  const sites: Site[] = [];
  const familiesAt = new Map<TSESTree.Node, Set<BlockingFamily>>();
  const reachOf = new Map<FunctionNode, Map<BlockingFamily, Reach>>();
  // Sites wait in one bucket per chain length and are taken shortest first, so each function keeps a
  // chain with the fewest helpers: one found first but longer could pass `maxDepth` at a caller
  // (another module's handler) while the function calls the API itself.
  const pending: Site[][] = [];
  // A function reached in several families is a callee once per family: its calls are found once.
  const callers = new Map<FunctionNode, TSESTree.CallExpression[]>();
  const enqueue = (site: Site): void => {
    (pending[site.reach.helpers.length] ??= []).push(site);
  };

  /** Records the site; returns the functions around it whose reach of its family it sets. */
  const addSite = (site: Site): FunctionNode[] => {
    const family = site.reach.api.family;
    let families = familiesAt.get(site.node);
    if (!families) familiesAt.set(site.node, (families = new Set()));
    if (families.has(family)) return [];
    families.add(family);
    sites.push(site);
    const reached: FunctionNode[] = [];
    let inner: FunctionNode | undefined;
    for (let current: TSESTree.Node | undefined = site.node.parent; current; current = current.parent) {
      if (!isFunctionNode(current)) continue;
      // Asked only of a function with another around it: most are not nested.
      if (inner && isReturnedMember(inner)) break;
      inner = current;
      let reaches = reachOf.get(current);
      if (!reaches) reachOf.set(current, (reaches = new Map()));
      // A blocking call that runs every time outranks a one-time initialisation seen first.
      if (!reaches.has(family) || (reaches.get(family)!.lazy && !site.reach.lazy)) {
        reaches.set(family, site.reach);
        reached.push(current);
      }
    }
    return reached;
  };
  /**
   * A function a factory hands out in the object it returns (`return { read: () => ... }`, `return
   * { read }`) runs when it is called on that object, not when the factory is: the factory does not
   * reach what it calls.
   */
  const returnedMembers = new Map<FunctionNode, boolean>();
  const isReturnedMember = (fn: FunctionNode): boolean => {
    let returned = returnedMembers.get(fn);
    if (returned === undefined) {
      returned = !factoriesHandingOut(source, fn).next().done;
      returnedMembers.set(fn, returned);
    }
    return returned;
  };

  for (const seed of seeds) {
    enqueue(!seed.reach.lazy && isLazyInitialisation(source, seed.node) ? { ...seed, reach: { ...seed.reach, lazy: true } } : seed);
  }

  for (let length = 0; length < pending.length; length++) {
    // Within one length, source order decides (stable sort).
    const batch = (pending[length] ?? []).sort((a, b) => a.node.range[0] - b.node.range[0]);
    const reached: [FunctionNode, BlockingFamily][] = [];
    for (const site of batch) for (const fn of addSite(site)) reached.push([fn, site.reach.api.family]);
    if (length >= maxDepth) continue;
    // The whole batch first: a later site of the same length may have replaced a lazy reach.
    for (const [fn, family] of reached) {
      const reach = reachOf.get(fn)!.get(family)!;
      const name = functionName(fn);
      if (!name) continue;
      let calls = callers.get(fn);
      if (!calls) callers.set(fn, (calls = [...callersOf(source, fn)]));
      for (const call of calls) {
        // A recursive call inside the helper itself adds nothing.
        if (contains(fn, call)) continue;
        const caller: Site = { node: call, reach: { ...reach, helpers: [name, ...reach.helpers] }, callee: fn };
        enqueue(passesFunction(source, call, fn) ? { ...caller, callback: true } : caller);
      }
    }
  }
  sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { sites, reachOf };
}

/** Where a blocking call of a linted file could be reported (reachesCheckedCode). */
export interface ReportableCalls {
  /** Whether anywhere: the file has code the rules check. */
  readonly any: () => boolean;
  /** Whether a call at this node could be. */
  readonly at: (node: TSESTree.Node) => boolean;
  /** Whether a call written in this function could be (`at` for a node inside it). */
  readonly within: (fn: FunctionNode) => boolean;
  /**
   * Whether this value, passed by name where it stands, is registered as a request handler
   * (`router.get('/users', listUsers)`): what it calls runs per request wherever it is written.
   */
  readonly registered: (value: TSESTree.Node) => boolean;
}

/**
 * Where a blocking call could be reported, for the cross-module analysis of a linted file: only in
 * code the rules check (`checked`: a request handler, or any async function under the widest scope),
 * or in a named helper that such code calls through the calls `propagate` follows, at any depth.
 * Code outside every function runs once, at start-up.
 */
export function reachesCheckedCode(
  source: ModuleSource,
  checked: (fn: FunctionNode) => boolean,
  registered: (value: TSESTree.Node) => boolean = () => false,
): ReportableCalls {
  const known = new Map<FunctionNode, boolean>();
  /** The functions whose checking would check `fn` too: the one around it, and those calling it. */
  const onwards = (fn: FunctionNode): FunctionNode[] => {
    const next: FunctionNode[] = [];
    const outer = innermostFunction(fn);
    if (outer) next.push(outer);
    if (functionName(fn) === undefined) return next;
    for (const call of callersOf(source, fn)) {
      if (contains(fn, call)) continue;
      const caller = innermostFunction(call);
      if (caller) next.push(caller);
    }
    return next;
  };
  const reaches = (start: FunctionNode): boolean => {
    const answer = known.get(start);
    if (answer !== undefined) return answer;
    // A search from `start` over calls and nesting (cycles included); a "no" holds for every
    // function it visited, as everything they lead to was visited too.
    const visited = new Set([start]);
    const pending = [start];
    while (pending.length > 0) {
      const fn = pending.pop()!;
      const verdict = known.get(fn);
      if (verdict === false) continue;
      if (verdict === true || checked(fn)) {
        known.set(start, true);
        return true;
      }
      for (const next of onwards(fn)) {
        if (visited.has(next)) continue;
        visited.add(next);
        pending.push(next);
      }
    }
    for (const fn of visited) known.set(fn, false);
    return false;
  };
  // Most files have no checked code at all: one pass over their functions answers every question.
  let checksAny: boolean | undefined;
  const any = (): boolean =>
    (checksAny ??= (source.scopeManager?.scopes ?? []).some(({ block }) => isFunctionNode(block) && checked(block)));
  const within = (fn: FunctionNode): boolean => any() && reaches(fn);
  return {
    any,
    within,
    registered,
    at(node) {
      // Code outside every function runs at start-up: no need to know whether anything is checked.
      const fn = innermostFunction(node);
      return fn !== undefined && within(fn);
    },
  };
}

/** The function `node` is written in (its body or its parameters), as `propagate` spreads a site to it. */
export function innermostFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** How a chain names a function: `loadTemplate`, `ReportsService.render`, `helpers.load`. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const member = propertyName(parent.key, parent.computed);
    const owner = parent.parent.parent;
    const className = 'id' in owner && owner.id ? owner.id.name : undefined;
    return member && (className ? `${className}.${member}` : member);
  }
  // `helpers.load = () => {}`
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const { object, property, computed } = parent.left;
    const member = propertyName(property, computed);
    return member && (object.type === AST_NODE_TYPES.Identifier && object.name !== 'exports' ? `${object.name}.${member}` : member);
  }
  if (parent.type === AST_NODE_TYPES.Property) {
    const member = propertyName(parent.key, parent.computed);
    const declarator = parent.parent.parent;
    return member && declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
      ? `${declarator.id.name}.${member}`
      : member;
  }
  return undefined;
}

/** The calls in this module that run `fn`. */
export function* callersOf(source: ModuleSource, fn: FunctionNode): Generator<TSESTree.CallExpression> {
  const parent = fn.parent;
  // `const helpers = { load() {} }`, `return { load }`, `helpers.load = () => {}`: called as a member of the object.
  const slot = holdingSlot(source, parent, fn);
  if (slot) yield* slotCalls(source, slot);
  // function helper() {} / const helper = () => {}: `helper(...)`, `helper.call(...)`,
  // `items.map(helper)`, and `{ helper }` or `helpers.load = helper` as above.
  const declaration = declarationOf(fn);
  for (const variable of declaration ? namedVariables(source.scopeManager, declaration) : []) {
    for (const reference of variable.references) {
      const { identifier } = reference;
      const call = reference.isRead() ? callOf(identifier) : undefined;
      if (call) {
        yield call;
        continue;
      }
      const named = holdingSlot(source, identifier.parent, identifier);
      if (named) yield* slotCalls(source, named);
    }
  }
  // class C { method() {} }
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const member = propertyName(parent.key, parent.computed);
    const classNode = parent.parent.parent;
    if (!member) return;
    if (parent.static) {
      for (const variable of classVariables(source, classNode)) {
        yield* memberCallsOf(variable, new Set([member]));
      }
      return;
    }
    yield* thisMemberCalls(classNode, member);
    for (const variable of classVariables(source, classNode)) {
      for (const { call } of instanceMemberCalls(source, namesOf(variable), new Set([member]))) yield call;
    }
  }
}

/** What declares `fn` by name: `function helper() {}`, or the declarator of `const helper = () => {}`. */
function declarationOf(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn;
  return fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
}

/**
 * The factories that hand `fn` out in the object literal they return, each with the member `fn` is
 * there (`createTemplates` and `render` for `return { render }`; no member for a computed key).
 */
export function* factoriesHandingOut(
  source: ModuleSource,
  fn: FunctionNode,
): Generator<{ readonly factory: FunctionNode; readonly member: string | undefined }> {
  for (const { object, member } of slotsHolding(source, fn)) {
    const factory = returningFunction(object);
    if (factory) yield { factory, member };
  }
}

/** A member of an object literal: the object, and the member's name (undefined for a computed key). */
interface MemberSlot {
  readonly object: TSESTree.ObjectExpression;
  readonly member: string | undefined;
}

/**
 * The members of object literals that hold `fn`: written there (`{ load() {} }`, `{ load: () => {}
 * }`), named (`{ load }`, `{ load: load }` for a function declared or kept in a const), or assigned
 * (`helpers.load = () => {}`, `helpers.load = load`; see holdingSlot).
 */
function* slotsHolding(source: ModuleSource, fn: FunctionNode): Generator<MemberSlot> {
  const slot = holdingSlot(source, fn.parent, fn);
  if (slot) yield slot;
  const declaration = declarationOf(fn);
  for (const variable of declaration ? namedVariables(source.scopeManager, declaration) : []) {
    for (const { identifier } of variable.references) {
      const named = holdingSlot(source, identifier.parent, identifier);
      if (named) yield named;
    }
  }
}

/**
 * The member of an object literal that `node` (the parent of `value`) puts `value` in: a property
 * (`{ load: value }`), or an assignment to a member of a variable declared with the object
 * (`const helpers = {}; helpers.load = value`, as older CommonJS controllers fill theirs).
 */
export function holdingSlot(source: ModuleSource, node: TSESTree.Node | undefined, value: TSESTree.Node): MemberSlot | undefined {
  if (node?.type === AST_NODE_TYPES.Property) {
    return node.value === value && node.parent.type === AST_NODE_TYPES.ObjectExpression
      ? { object: node.parent, member: propertyName(node.key, node.computed) }
      : undefined;
  }
  if (node?.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.right !== value) return undefined;
  const target = node.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(source.getScope(target.object), target.object);
  const declarator = variable?.defs.length === 1 ? variable.defs[0]!.node : undefined;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init?.type === AST_NODE_TYPES.ObjectExpression
    ? { object: declarator.init, member: propertyName(target.property, target.computed) }
    : undefined;
}

/**
 * The functions a module assigns to members of the object literal a variable is declared with:
 * `list` and `show` for `const controller = {}; controller.list = ...; controller.show = ...`.
 */
export function* assignedMembers(
  source: ModuleSource,
  object: TSESTree.ObjectExpression,
): Generator<{ readonly member: string; readonly value: TSESTree.Expression }> {
  const declarator = object.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== object) return;
  for (const variable of source.scopeManager?.getDeclaredVariables(declarator) ?? []) {
    for (const { identifier } of variable.references) {
      const target = identifier.parent;
      const assignment = target?.parent;
      if (
        target?.type === AST_NODE_TYPES.MemberExpression &&
        target.object === identifier &&
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.operator === '=' &&
        assignment.left === target
      ) {
        const member = propertyName(target.property, target.computed);
        if (member !== undefined) yield { member, value: assignment.right };
      }
    }
  }
}

/**
 * The calls of what a member of an object literal holds, on the object: `helpers.load()` for `const
 * helpers = { load }`, or for `const helpers = makeHelpers()` where makeHelpers returns `{ load }`
 * (or keeps it in a const it returns).
 */
function* slotCalls(source: ModuleSource, { object, member }: MemberSlot): Generator<TSESTree.CallExpression> {
  if (member === undefined) return;
  const members = new Set([member]);
  const declarator = object.parent;
  const kept = declarator.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === object;
  for (const variable of kept ? (source.scopeManager?.getDeclaredVariables(declarator) ?? []) : []) {
    for (const { read } of memberReadsWithName(variable, members)) {
      const call = callOf(read);
      if (call) yield call;
    }
  }
  for (const { read } of returnedValueReads(source, object, members)) {
    const call = callOf(read);
    if (call) yield call;
  }
}

/** `items.map(fn)`, `items.map(helpers.load)`: `call` is given `fn` to run, rather than naming it as its callee. */
function passesFunction(source: ModuleSource, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const argument = call.arguments[0];
  if (argument?.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(source.getScope(argument), argument)?.defs[0]?.node;
    return definition === fn || (definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init === fn);
  }
  const member = fn.parent;
  return (
    argument?.type === AST_NODE_TYPES.MemberExpression &&
    (member.type === AST_NODE_TYPES.MethodDefinition ||
      member.type === AST_NODE_TYPES.PropertyDefinition ||
      member.type === AST_NODE_TYPES.Property) &&
    propertyName(argument.property, argument.computed) === propertyName(member.key, member.computed)
  );
}

/** The call that runs the function `node` evaluates to, if it is run here and now. */
export function callOf(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) {
    if (parent.callee === node) return parent;
    // `items.map(helper)`: the array method runs the helper before it returns.
    const callee = parent.callee;
    if (
      parent.arguments[0] === node &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      SYNC_CALLBACK_METHODS.has(propertyName(callee.property, callee.computed) ?? '')
    ) {
      return parent;
    }
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const method = propertyName(parent.property, parent.computed);
    const call = parent.parent;
    if ((method === 'call' || method === 'apply') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
      return call;
    }
  }
  return undefined;
}

/** `variable.member(...)` for each member named. */
function* memberCallsOf(
  variable: TSESLint.Scope.Variable,
  members: ReadonlySet<string>,
): Generator<TSESTree.CallExpression> {
  for (const { read } of memberReadsWithName(variable, members)) {
    const call = callOf(read);
    if (call) yield call;
  }
}

/** `variable.member` for each of `members`, as read (called or not). */
export function* memberReadsWithName(
  variable: TSESLint.Scope.Variable,
  members: ReadonlySet<string>,
): Generator<{ read: TSESTree.MemberExpression; member: string }> {
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const read = namedMemberRead(reference.identifier, members);
    if (read) yield read;
  }
}

/** `object.member` where `object` is read and `member` is one of `members`. */
function namedMemberRead(
  object: TSESTree.Node,
  members: ReadonlySet<string>,
): { read: TSESTree.MemberExpression; member: string } | undefined {
  const read = object.parent;
  if (read?.type !== AST_NODE_TYPES.MemberExpression || read.object !== object) return undefined;
  const member = propertyName(read.property, read.computed);
  return member && members.has(member) ? { read, member } : undefined;
}

/** `this.member(...)` inside the class body (arrow functions keep `this`). */
function* thisMemberCalls(classNode: TSESTree.Node, member: string): Generator<TSESTree.CallExpression> {
  for (const read of thisMembers(classNode).get(member) ?? []) {
    const call = callOf(read);
    if (call) yield call;
  }
}

const thisMemberIndexes = new WeakMap<TSESTree.Node, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

/**
 * Every `this.name` of a class body, by name, from one walk of the class kept for the file: each
 * blocking method used to walk the whole class for its own `this.method()` calls (once per family),
 * and each injected field for its `this.field.method()` calls.
 */
export function thisMembers(classNode: TSESTree.Node): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  let index = thisMemberIndexes.get(classNode);
  if (!index) {
    const byName = new Map<string, TSESTree.MemberExpression[]>();
    const stack: TSESTree.Node[] = [classNode];
    while (stack.length > 0) {
      const node = stack.pop()!;
      // ESLint's trees and the helpers parsed here are TS-ESTree (or ESTree, a part of it).
      pushChildNodes(node, stack, TYPESCRIPT_KEYS);
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) continue;
      const name = propertyName(node.property, node.computed);
      if (name === undefined) continue;
      const reads = byName.get(name);
      if (reads) reads.push(node);
      else byName.set(name, [node]);
    }
    thisMemberIndexes.set(classNode, (index = byName));
  }
  return index;
}

export function classVariables(source: ModuleSource, classNode: TSESTree.Node): TSESLint.Scope.Variable[] {
  if (classNode.type === AST_NODE_TYPES.ClassDeclaration) {
    return source.scopeManager?.getDeclaredVariables(classNode) ?? [];
  }
  if (classNode.type === AST_NODE_TYPES.ClassExpression && classNode.parent.type === AST_NODE_TYPES.VariableDeclarator) {
    return source.scopeManager?.getDeclaredVariables(classNode.parent) ?? [];
  }
  return [];
}

/** Where a variable is named: its references' identifiers, for the functions below that take a class's or a factory's names. */
export function namesOf(variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  return variable.references.map((reference) => reference.identifier);
}

/**
 * Reads of `members` on instances of the class that `classNames` name (namesOf a variable declared
 * here or imported, or `models.Store` read from a namespace import), called or not:
 * `const s = new C(); s.m()`, `new C().m()`, `this.s.m` where the class gets `s` from
 * `constructor(private s: C)` (NestJS injection), a field `s: C` or `s = new C()`, or a parameter
 * `(s: C) => s.m()`; `router.get('/', s.m)` passes one to a framework. An instance a factory
 * returns is one too (`getStore().m()`, `const s = Store.open(); s.m()`): see factoryOf.
 */
export function* instanceMemberReads(
  source: ModuleSource,
  classNames: readonly TSESTree.Node[],
  members: ReadonlySet<string>,
): Generator<MemberRead> {
  // A factory typed `(): C` that returns `new C()` is found twice.
  const factories = new Set<FunctionNode>();
  for (const name of classNames) {
    const holder = instanceHolder(name);
    if (!holder) continue;
    yield* holderReads(source, holder, members);
    const factory = factoryOf(holder);
    if (!factory || factories.has(factory)) continue;
    factories.add(factory);
    for (const call of factoryCalls(source, factory)) yield* holderReads(source, resultOf(call), members);
  }
}

/** The functions that return instances of the class `classNames` name (factoryOf): `getStore`, `Store.open`. */
export function* classFactories(classNames: readonly TSESTree.Node[]): Generator<FunctionNode> {
  for (const name of classNames) {
    const holder = instanceHolder(name);
    const factory = holder && factoryOf(holder);
    if (factory) yield factory;
  }
}

/**
 * Reads of `members` on what calls of a factory return: `getStore().m()`, `const s = getStore(); s.m()`
 * where `factoryNames` name the factory (`getStore`, `stores.getStore`), or with `staticMember`,
 * `Store.open().m()` where they name the class whose static factory it is.
 */
export function* factoryResultReads(
  source: ModuleSource,
  factoryNames: readonly TSESTree.Node[],
  members: ReadonlySet<string>,
  staticMember?: string,
): Generator<MemberRead> {
  const statics = staticMember === undefined ? undefined : new Set([staticMember]);
  for (const name of factoryNames) {
    let callee: TSESTree.Node = name;
    if (statics) {
      const read = namedMemberRead(callee, statics);
      if (!read) continue;
      callee = read.read;
    }
    const call = callee.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) yield* holderReads(source, resultOf(call), members);
  }
}

/**
 * What a name of a class makes or types as an instance: `new C()`, or what the annotation `: C` is
 * on (`new models.C()`, `: models.C` for a namespace's class).
 */
function instanceHolder(name: TSESTree.Node): TSESTree.Node | undefined {
  const parent = name.parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === name) return parent;
  if (parent?.type === AST_NODE_TYPES.TSTypeReference && parent.typeName === name) {
    const annotation = parent.parent;
    return annotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? annotation.parent : undefined;
  }
  return undefined;
}

/**
 * The function that returns the instance `holder` makes or names: `new C()` returned
 * (returningFunction), or a return type (`function open(): C`).
 */
function factoryOf(holder: TSESTree.Node): FunctionNode | undefined {
  if (isFunctionNode(holder)) return factoryFunction(holder); // `(): C`: the annotation's holder is the function whose return type it is.
  return holder.type === AST_NODE_TYPES.NewExpression ? returningFunction(holder) : undefined;
}

/**
 * The function that returns `value` (`new C()`, `{ list() {...} }`): in a return (`return value`,
 * `() => value`, `return (cached ??= value)`, `return Object.freeze(value)`), or kept and then
 * returned (returnerOf): `Db.instance = value`, or `const controller = value; ...; return controller`.
 */
function returningFunction(value: TSESTree.Node): FunctionNode | undefined {
  let parent: TSESTree.Node | undefined = value.parent;
  while (
    parent &&
    (skipTypeWrappers(parent) !== parent ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) ||
      (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) ||
      isObjectFreeze(parent, value))
  ) {
    value = parent;
    parent = value.parent;
  }
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) return factoryFunction(parent);
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return factoryFunction(innermostFunction(parent));
  if (value.type === AST_NODE_TYPES.AssignmentExpression) return factoryFunction(returnerOf(value.left, innermostFunction(value)));
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    return factoryFunction(returnerOf(parent.id, innermostFunction(parent)));
  }
  return undefined;
}

/**
 * `fn`, unless it is an instance method: `clone() { return new C() }` needs an instance already,
 * and following its calls would climb back through the class's instances forever.
 */
function factoryFunction(fn: TSESTree.Node | undefined): FunctionNode | undefined {
  if (!isFunctionNode(fn)) return undefined;
  const member = fn.parent;
  const instanceMethod =
    (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.static;
  return instanceMethod ? undefined : fn;
}

/**
 * Reads of `members` on what the calls of the function that returns `value` return:
 * `const users = createUsersController(); users.list` for `return { list(req, res) {...} }`.
 */
export function* returnedValueReads(
  source: ModuleSource,
  value: TSESTree.Node,
  members: ReadonlySet<string>,
): Generator<MemberRead> {
  const factory = returningFunction(value);
  if (!factory) return;
  for (const call of factoryCalls(source, factory)) yield* holderReads(source, resultOf(call), members);
}

/**
 * `fn`, if it returns what `target` names: `if (!Db.instance) Db.instance = new Db(); return
 * Db.instance;`, a singleton kept in a static field or a module's variable, then returned; or
 * `const controller = {...}; return Object.freeze(controller);`, kept in a const of `fn`.
 */
function returnerOf(target: TSESTree.Node, fn: FunctionNode | undefined): FunctionNode | undefined {
  const returnsTarget = (node: TSESTree.Node): boolean => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || node.argument === null) return false;
    const returned = skipTypeWrappers(node.argument);
    const frozen = returned.type === AST_NODE_TYPES.CallExpression ? returned.arguments[0] : undefined;
    return sameReference(frozen && isObjectFreeze(returned, frozen) ? frozen : returned, target);
  };
  return fn && someInside(fn.body, TYPESCRIPT_KEYS, returnsTarget) ? fn : undefined;
}

/** The calls of `factory` by its name (`getStore()`, `Store.open()`): not `items.map(getStore)` or `.call`. */
function* factoryCalls(source: ModuleSource, factory: FunctionNode): Generator<TSESTree.CallExpression> {
  const name = functionName(factory)?.split('.').pop();
  if (name === undefined) return;
  for (const call of callersOf(source, factory)) if (lastName(call.callee) === name) yield call;
}

/** What holds a call's result: the call, or `await call()` where the factory is async. */
function resultOf(call: TSESTree.CallExpression): TSESTree.Node {
  const { node, parent } = outermost(call);
  return parent?.type === AST_NODE_TYPES.AwaitExpression ? parent : node;
}

/** The calls among instanceMemberReads: `s.m()`, `this.s.m()`. */
export function* instanceMemberCalls(
  source: ModuleSource,
  classNames: readonly TSESTree.Node[],
  members: ReadonlySet<string>,
): Generator<{ call: TSESTree.CallExpression; member: string }> {
  for (const { read, member } of instanceMemberReads(source, classNames, members)) {
    const call = callOf(read);
    if (call) yield { call, member };
  }
}

/**
 * A read of a member of an instance or object: `store.load` (called or not), or the variable a
 * destructuring binds it to (`list` of `const { list } = createUsersController()`).
 */
export interface MemberRead {
  readonly read: TSESTree.MemberExpression | TSESTree.Identifier;
  readonly member: string;
}

/** Reads of `members` on what `holder` holds: a variable, a parameter, or a class field. */
function* holderReads(
  source: ModuleSource,
  holder: TSESTree.Node,
  members: ReadonlySet<string>,
): Generator<MemberRead> {
  const fieldReads = readsOfField(holder);
  if (fieldReads) {
    // `this.field.member`
    for (const fieldRead of fieldReads) {
      const read = namedMemberRead(fieldRead, members);
      if (read) yield read;
    }
    return;
  }
  // `new C().m()`, `getStore().m()`.
  const direct = namedMemberRead(holder, members);
  if (direct) {
    yield direct;
    return;
  }
  const parent = holder.parent;
  // `const services = { store: new C() }`: `services.store.m()`.
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === holder) {
    const name = propertyName(parent.key, parent.computed);
    const declarator = parent.parent.parent;
    if (name === undefined || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== parent.parent) return;
    for (const variable of source.scopeManager?.getDeclaredVariables(declarator) ?? []) {
      for (const { read } of memberReadsWithName(variable, new Set([name]))) {
        const held = namedMemberRead(read, members);
        if (held) yield held;
      }
    }
    return;
  }
  // `const s = new C()` or a parameter `s: C`.
  const declaration =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === skipTypeWrappers(holder) ? parent : holder;
  if (declaration.type === AST_NODE_TYPES.VariableDeclarator && declaration.id.type === AST_NODE_TYPES.ObjectPattern) {
    yield* destructuredReads(source, declaration.id, members);
    return;
  }
  if (declaration.type !== AST_NODE_TYPES.VariableDeclarator && declaration.type !== AST_NODE_TYPES.Identifier) return;
  const variable =
    declaration.type === AST_NODE_TYPES.VariableDeclarator
      ? source.scopeManager?.getDeclaredVariables(declaration)[0]
      : ASTUtils.findVariable(source.getScope(declaration), declaration);
  if (variable) yield* memberReadsWithName(variable, members);
}

/** `const { list } = createUsersController()`: the reads of each variable a member of `members` is bound to. */
function* destructuredReads(source: ModuleSource, pattern: TSESTree.ObjectPattern, members: ReadonlySet<string>): Generator<MemberRead> {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
    const member = propertyName(property.key, property.computed);
    if (member === undefined || !members.has(member)) continue;
    const variable = ASTUtils.findVariable(source.getScope(property.value), property.value);
    for (const reference of variable?.references ?? []) if (reference.isRead()) yield { read: reference.identifier as TSESTree.Identifier, member };
  }
}

/**
 * The class's reads of the field (`this.s`) that `holder` is kept in, if it is kept in one (none
 * when the field's name or class is not known); undefined when it is not.
 */
export function readsOfField(holder: TSESTree.Node): readonly TSESTree.MemberExpression[] | undefined {
  const field = heldInField(holder);
  if (!field) return undefined;
  return field.name && field.classNode ? (thisMembers(field.classNode).get(field.name) ?? []) : [];
}

/**
 * The class field `holder` is kept in, if it is one: a constructor parameter property
 * (`constructor(private s: C)`), a field (`s = new C()`, `s: C`), or `this.s = new C()`.
 */
function heldInField(holder: TSESTree.Node): { name: string | undefined; classNode: TSESTree.Node | undefined } | undefined {
  const parent = holder.parent;
  if (parent?.type === AST_NODE_TYPES.TSParameterProperty && holder.type === AST_NODE_TYPES.Identifier) {
    return { name: holder.name, classNode: enclosingClass(parent) };
  }
  if (holder.type === AST_NODE_TYPES.PropertyDefinition) {
    return { name: propertyName(holder.key, holder.computed), classNode: holder.parent.parent };
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === holder) {
    return { name: propertyName(parent.key, parent.computed), classNode: parent.parent.parent };
  }
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === holder &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.ThisExpression
  ) {
    return { name: propertyName(parent.left.property, parent.left.computed), classNode: enclosingClass(parent) };
  }
  return undefined;
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      return current;
    }
  }
  return undefined;
}

/**
 * The call that runs a catalog reference: the tracker reports `f(...)` itself, and a read such as
 * `fs.f` whose parent may be `fs.f(...)`, `fs.f.call(...)`, `fs.f.apply(...)`, `items.map(fs.f)`
 * or the tagged template `$.sync\`...\``.
 */
export function callThrough(
  reference: TSESTree.Node,
): { node: CallSite; reference: TSESTree.Node; invocation: 'direct' | 'call' | 'apply' | 'callback' } | undefined {
  if (reference.type === AST_NODE_TYPES.CallExpression) {
    return { node: reference, reference: reference.callee, invocation: 'direct' };
  }
  if (reference.parent?.type === AST_NODE_TYPES.TaggedTemplateExpression && reference.parent.tag === reference) {
    return { node: reference.parent, reference, invocation: 'direct' };
  }
  const call = callOf(reference);
  if (!call) return undefined;
  if (call.callee === reference) return { node: call, reference, invocation: 'direct' };
  const callee = call.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression && callee.object === reference ? propertyName(callee.property) : undefined;
  return { node: call, reference, invocation: method === 'call' || method === 'apply' ? method : 'callback' };
}

/**
 * `shared ??= call()`, `shared ||= call()`, or `shared = call()` under `if (!shared)` (also
 * `== null`, `=== undefined`), where `shared` lives beyond the request: a module-level variable,
 * a property of one, or a property of `this`. Such a call runs on the first request only.
 */
export function isLazyInitialisation(source: ModuleSource, call: TSESTree.Node): boolean {
  let child: TSESTree.Node = call;
  for (let node = call.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.right === child) {
      if (!isShared(source, node.left)) return false;
      if (node.operator === '??=' || node.operator === '||=') return true;
      return node.operator === '=' && guardedByAbsence(node, node.left);
    }
    if (/(?:Statement|Declaration|Declarator)$/.test(node.type)) return false;
  }
  return false;
}

function isShared(source: ModuleSource, target: TSESTree.Node): boolean {
  let root = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type === AST_NODE_TYPES.ThisExpression) return target !== root;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const scope = ASTUtils.findVariable(source.getScope(root), root)?.scope;
  // A CommonJS file's top level is the function Node wraps it in (`sourceType: 'commonjs'`).
  return scope?.type === 'module' || scope?.type === 'global' || (scope?.type === 'function' && scope.block.type === AST_NODE_TYPES.Program);
}

/** The assignment sits in the consequent of an `if` that tests `target` for absence. */
function guardedByAbsence(assignment: TSESTree.Node, target: TSESTree.Node): boolean {
  let child: TSESTree.Node = assignment;
  for (let node = assignment.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement && node.consequent === child) return testsAbsence(node.test, target);
  }
  return false;
}

function testsAbsence(test: TSESTree.Expression, target: TSESTree.Node): boolean {
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return sameReference(test.argument, target);
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['==', '==='].includes(test.operator)) {
    const [value, other] = sameReference(test.left, target) ? [test.left, test.right] : [test.right, test.left];
    const absent =
      (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
      (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
    return absent && sameReference(value, target);
  }
  return false;
}

/** `a.b.c` and `a.b.c` (or `this.x` and `this.x`): the same static reference. */
function sameReference(a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier) return a.name === b.name;
  if (a.type === AST_NODE_TYPES.ThisExpression && b.type === AST_NODE_TYPES.ThisExpression) return true;
  if (a.type === AST_NODE_TYPES.MemberExpression && b.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(a.property, a.computed);
    return name !== undefined && name === propertyName(b.property, b.computed) && sameReference(a.object, b.object);
  }
  return false;
}

