import { ASTUtils, type TSESLint, TSESTree, AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TraceMap, TraceMapNode } from '../catalog/index.js';
import { lastName, propertyName } from '../util/ast.js';
import type { ModuleSource } from './module-source.js';

const { ReferenceTracker } = ASTUtils;

export interface ModuleReference<T> {
  /**
   * A call or `new` of the traced export (CallExpression, NewExpression), or a read of it
   * (MemberExpression, or the import/destructuring that binds it).
   */
  readonly node: TSESTree.Node;
  readonly info: T;
  /** Module specifier the reference came from, as written (`node:fs`); for globals, the global's name. */
  readonly moduleName: string;
  /** Export path below the module (`['readFileSync']`) or the global (`['now']`). */
  readonly path: readonly string[];
}

interface FoundReference {
  readonly node: TSESTree.Node;
  readonly info: unknown;
  readonly path: readonly string[];
}

/** The tracker as it is at run time: `iteratePropertyReferences` is missing from its typings. */
interface Tracker {
  iterateEsmReferences(traceMap: TraceMapNode): IterableIterator<FoundReference>;
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMapNode): IterableIterator<FoundReference>;
}

/**
 * Every reference to a traced module export, in every import style: ESM default, namespace and
 * named imports and `export ... from` (ReferenceTracker); `require()` with destructuring or
 * aliases; the `node:` prefix (via the trace map); `process.getBuiltinModule('fs')`; and
 * TypeScript's `import fs = require('fs')`.
 *
 * `require` and `process` are found whether or not the config declares Node globals: TypeScript
 * projects often do not, and ReferenceTracker's own CJS search only sees declared globals.
 */
export function* iterateModuleReferences<T>(
  sourceCode: ModuleSource,
  traceMap: TraceMap<T>,
): Generator<ModuleReference<T>> {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return;
  const loads = moduleLoads(sourceCode);
  if (!loadsAny(loads, traceMap)) return;
  const tracker = new ReferenceTracker(globalScope, { mode: 'legacy' }) as unknown as Tracker;
  const seen = new Set<TSESTree.Node>();
  const emit = function* (found: Iterable<FoundReference>, prefix: readonly string[] = []): Generator<ModuleReference<T>> {
    for (const { node, info, path } of found) {
      if (seen.has(node)) continue;
      seen.add(node);
      const fullPath = [...prefix, ...path];
      const reference = { info: info as T, moduleName: fullPath[0] ?? '', path: fullPath.slice(1) };
      yield { node, ...reference };
      for (const use of indirectUses(sourceCode, node)) {
        if (!seen.has(use)) yield { node: use, ...reference };
      }
    }
  };
  yield* emit(tracker.iterateEsmReferences(traceMap));

  for (const { call, name, interop } of loads.calls) {
    const moduleMap = traceMap[name];
    if (!moduleMap) continue;
    if (!interop) {
      yield* emit(tracker.iteratePropertyReferences(call, moduleMap), [name]);
      continue;
    }
    // As the tracker reads `import fs from 'fs'` of a CommonJS module: `.default` is the module itself.
    const found = tracker.iteratePropertyReferences(call, interopTraceMap(moduleMap, interop));
    yield* emit(withoutDefault(found), [name]);
  }

  for (const statement of sourceCode.ast.body) {
    if (
      statement.type !== AST_NODE_TYPES.TSImportEqualsDeclaration ||
      statement.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference
    ) {
      continue;
    }
    const name = statement.moduleReference.expression.value;
    const moduleMap = traceMap[name];
    const variable = moduleMap && sourceCode.scopeManager?.getDeclaredVariables(statement)[0];
    if (!variable) continue;
    for (const reference of variable.references) {
      if (reference.isRead()) {
        yield* emit(tracker.iteratePropertyReferences(reference.identifier, moduleMap), [name]);
      }
    }
  }
}

/** How a file loads modules, in the ways the search above follows. */
interface ModuleLoads {
  /** Every specifier the file loads: top-level imports and re-exports, `import x = require()`, and the calls below. */
  readonly specifiers: ReadonlySet<string>;
  /**
   * The specifiers loaded for their values, in source order: not by type-only imports and
   * re-exports, side-effect imports (`import './x.js'`), nor `process.getBuiltinModule()` (always
   * one of Node's). The modules the cross-module analysis follows are among these.
   */
  readonly valueSpecifiers: ReadonlySet<string>;
  /**
   * `require('x')` and `process.getBuiltinModule('x')` calls, with the constant specifier. A
   * `require()` wrapped in a compiler's interop helper is given as the helper's call.
   */
  readonly calls: readonly ModuleLoadCall[];
}

interface ModuleLoadCall {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
  /** The interop helper `call` is, when the module's value is wrapped in one. */
  readonly interop: Interop | undefined;
}

/**
 * How compilers' CommonJS output wraps `require()` for ES import semantics: `default` gives
 * `{ default: module }` (`import fs from 'fs'`), `namespace` the module's properties and
 * `default` (`import * as fs from 'fs'`). A module compiled from ES (`__esModule`) passes through
 * either as it is, so its `.default` is its own default export.
 */
type Interop = 'default' | 'namespace';

/** The helpers of tsc (and tslib), Babel and esbuild, by name. */
const INTEROP_HELPERS: ReadonlyMap<string, Interop> = new Map([
  ['__importDefault', 'default'],
  ['__importStar', 'namespace'],
  ['_interopRequireDefault', 'default'],
  ['_interopRequireWildcard', 'namespace'],
  ['__toESM', 'namespace'],
]);

/** The interop helper call whose argument `call` is: `__importDefault(require('fs'))`, `tslib_1.__importStar(require('fs'))`. */
function interopOf(call: TSESTree.CallExpression): { call: TSESTree.CallExpression; interop: Interop } | undefined {
  const helper = call.parent;
  if (helper?.type !== AST_NODE_TYPES.CallExpression || helper.arguments[0] !== call) return undefined;
  const name = lastName(helper.callee);
  const interop = name === undefined ? undefined : INTEROP_HELPERS.get(name);
  return interop && { call: helper, interop };
}

const interopTraceMaps = { default: new WeakMap<TraceMapNode, TraceMapNode>(), namespace: new WeakMap<TraceMapNode, TraceMapNode>() };

/**
 * A module's trace map as seen through an interop helper, made once per map and helper kind.
 * `.default` is the module itself or, for a module compiled from ES, its default export: the
 * map follows both, as ReferenceTracker does for `import fs from 'fs'` of a CommonJS module.
 */
function interopTraceMap(moduleMap: TraceMapNode, interop: Interop): TraceMapNode {
  let wrapped = interopTraceMaps[interop].get(moduleMap);
  if (!wrapped) {
    const ownDefault = moduleMap.default;
    const asDefault = typeof ownDefault === 'object' && ownDefault ? { ...moduleMap, ...ownDefault } : moduleMap;
    // A namespace object is neither called nor read as the module: its names only.
    wrapped = interop === 'default' ? { default: asDefault } : { ...Object.fromEntries(Object.entries(moduleMap)), default: asDefault };
    interopTraceMaps[interop].set(moduleMap, wrapped);
  }
  return wrapped;
}

/** References found through an interop helper, with `default` out of their paths (the module's own names). */
function* withoutDefault(found: Iterable<FoundReference>): Generator<FoundReference> {
  for (const reference of found) yield { ...reference, path: reference.path.filter((key) => key !== 'default') };
}

const moduleLoadsByProgram = new WeakMap<TSESTree.Program, ModuleLoads>();

/**
 * The file's module loads, collected once per file: every rule asks the search about its own
 * trace map, and most files load none of its modules, so they are spared a ReferenceTracker (a
 * question costs a few set lookups, where a search of the text for each map's names scanned the file).
 */
export function moduleLoads(source: ModuleSource): ModuleLoads {
  let loads = moduleLoadsByProgram.get(source.ast);
  if (loads) return loads;
  const specifiers = new Set<string>();
  const valueSpecifiers = new Set<string>();
  const add = (specifier: string, forValues: boolean): void => {
    specifiers.add(specifier);
    if (forValues) valueSpecifiers.add(specifier);
  };
  for (const statement of source.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        // `import './polyfills.js'` runs the module for its effects and gives the file no value.
        add(statement.source.value, statement.importKind !== 'type' && statement.specifiers.length > 0);
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.source) add(statement.source.value, statement.exportKind !== 'type');
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        if (statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
          add(statement.moduleReference.expression.value, true);
        }
        break;
    }
  }
  const calls: ModuleLoadCall[] = [];
  const addCall = (call: TSESTree.CallExpression, forValues: boolean): void => {
    const name = ASTUtils.getStringIfConstant(call.arguments[0] as TSESTree.Node);
    if (name == null) return;
    // One object shape for every entry: each rule's search reads them.
    const wrapped = forValues ? interopOf(call) : undefined;
    calls.push({ call: wrapped?.call ?? call, name, interop: wrapped?.interop });
    add(name, forValues);
  };
  const globalScope = source.scopeManager?.globalScope;
  for (const identifier of globalScope ? globalReferences(globalScope, 'require') : []) {
    const call = identifier.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee === identifier) addCall(call, true);
  }
  for (const identifier of globalScope ? globalReferences(globalScope, 'process') : []) {
    const member = identifier.parent;
    if (
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object === identifier &&
      propertyName(member.property, member.computed) === 'getBuiltinModule' &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    ) {
      // Always one of Node's modules, never a local one.
      addCall(member.parent, false);
    }
  }
  loads = { specifiers, valueSpecifiers, calls };
  moduleLoadsByProgram.set(source.ast, loads);
  return loads;
}

/**
 * Whether the file may hold a reference that iterateModuleReferences or iterateGlobalReferences
 * would find: it loads one of the modules, or reads one of the globals. Asked before those
 * generators are made, for a file (most files) that has none.
 */
export function mayReference(source: ModuleSource, maps: { readonly modules: object; readonly globals: object }): boolean {
  if (loadsAny(moduleLoads(source), maps.modules)) return true;
  const globalScope = source.scopeManager?.globalScope;
  return !!globalScope && globalEntries(maps.globals).some(([name]) => globalReferences(globalScope, name).length > 0);
}

function loadsAny(loads: ModuleLoads, traceMap: object): boolean {
  let modules = tracedModules.get(traceMap);
  if (!modules) tracedModules.set(traceMap, (modules = new Set(Object.keys(traceMap))));
  for (const specifier of loads.specifiers) if (modules.has(specifier)) return true;
  return false;
}

/**
 * The modules of each trace map, as a set: every file asks each map about its specifiers, and a
 * set answers a parser's string several times faster than a property lookup on the map. (A trace
 * map is complete before it is first asked, and never changes after.)
 */
const tracedModules = new WeakMap<object, ReadonlySet<string>>();

/**
 * Where a binding of a traced export (`import { readFileSync }`, `const { readFileSync } = require()`)
 * is passed on rather than called, or runs as a tag: `readFileSync.call(null, p)`,
 * `paths.map(readFileSync)`, `` execaSync`git status` ``. ReferenceTracker reports the binding and
 * the direct calls, not these uses.
 */
function* indirectUses(source: ModuleSource, binding: TSESTree.Node): Generator<TSESTree.Identifier> {
  const local =
    binding.type === AST_NODE_TYPES.ImportSpecifier || binding.type === AST_NODE_TYPES.ImportDefaultSpecifier
      ? binding.local
      : binding.type === AST_NODE_TYPES.Property && binding.parent.type === AST_NODE_TYPES.ObjectPattern
        ? binding.value
        : undefined;
  if (local?.type !== AST_NODE_TYPES.Identifier) return;
  const variable = ASTUtils.findVariable(source.getScope(local), local);
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier;
    const parent = use.parent;
    if (!reference.isRead() || use.type !== AST_NODE_TYPES.Identifier) continue;
    const passed = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use);
    const method =
      parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use ? propertyName(parent.property, parent.computed) : undefined;
    const tag = parent?.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === use;
    if (passed || tag || method === 'call' || method === 'apply') yield use;
  }
}

/**
 * Every reference to a traced global (`Atomics.wait(...)`, `Date.now()`, `Bun.serve`, Nuxt's
 * auto-imported `defineEventHandler`), written
 * on the global or on a local alias or destructuring of it. Like `require` above, the global is
 * found whether or not the config declares it; a variable the file declares under its name is not it.
 */
export function* iterateGlobalReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
): Generator<ModuleReference<T>> {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return;
  let tracker: Tracker | undefined;
  for (const [name, globalMap] of globalEntries(traceMap)) {
    // Most files never read the global (`Atomics`), and a file that reads it (nearly every file
    // reads `process.env`) cannot reach a traced property without writing its name (`hrtime`).
    const identifiers = globalReferences(globalScope, name);
    if (identifiers.length === 0 || !writesTracedProperty(sourceCode.text, globalMap)) continue;
    tracker ??= new ReferenceTracker(globalScope, { mode: 'legacy' }) as unknown as Tracker;
    for (const identifier of identifiers) {
      for (const { node, info, path } of tracker.iteratePropertyReferences(identifier, globalMap)) {
        yield { node, info: info as T, moduleName: name, path };
      }
    }
  }
}

const globalEntriesByMap = new WeakMap<object, readonly (readonly [string, TraceMapNode])[]>();

/** A globals trace map's entries, listed once per map: every file asks about the same few maps. */
function globalEntries(traceMap: object): readonly (readonly [string, TraceMapNode])[] {
  let entries = globalEntriesByMap.get(traceMap);
  if (!entries) globalEntriesByMap.set(traceMap, (entries = Object.entries(traceMap) as [string, TraceMapNode][]));
  return entries;
}

const tracedProperties = new WeakMap<TraceMapNode, readonly string[] | null>();

/**
 * Whether `text` writes one of the properties a global's trace map follows (`hrtime`, `uptime` of
 * `process`, which nearly every file names for `process.env`); always true when the map traces
 * the global itself (`new Date()`).
 */
function writesTracedProperty(text: string, globalMap: TraceMapNode): boolean {
  let properties = tracedProperties.get(globalMap);
  if (properties === undefined) {
    properties = Object.getOwnPropertySymbols(globalMap).length > 0 ? null : Object.keys(globalMap);
    tracedProperties.set(globalMap, properties);
  }
  return properties === null || properties.some((property) => text.includes(property));
}

/**
 * Identifiers that read the global `name`: through a global the config declares, or unresolved
 * when it declares none. A variable the file itself declares under that name is not the global.
 * Found once per file and name: every rule's searches ask for `require`, and several for `process`.
 */
export function globalReferences(globalScope: TSESLint.Scope.Scope, name: string): readonly TSESTree.Identifier[] {
  let byName = globalReadIndexes.get(globalScope);
  if (!byName) globalReadIndexes.set(globalScope, (byName = new Map()));
  const known = byName.get(name);
  if (known) return known;
  const identifiers: TSESTree.Identifier[] = [];
  const declared = globalScope.set.get(name);
  if (declared && declared.defs.length === 0) addReads(declared.references, identifiers);
  addReads(unresolvedByName(globalScope).get(name) ?? [], identifiers);
  byName.set(name, identifiers);
  return identifiers;
}

const globalReadIndexes = new WeakMap<TSESLint.Scope.Scope, Map<string, readonly TSESTree.Identifier[]>>();

function addReads(references: readonly TSESLint.Scope.Reference[], identifiers: TSESTree.Identifier[]): void {
  for (const reference of references) {
    if (reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier) identifiers.push(reference.identifier);
  }
}

const unresolvedIndexes = new WeakMap<TSESLint.Scope.Scope, Map<string, TSESLint.Scope.Reference[]>>();

/**
 * The global scope's unresolved references by name, indexed once per file: every rule asks for a
 * few names (`require`, `process`, `Date`, ...), every suggestion for the names its imports must
 * avoid, and a large file has thousands of them.
 */
export function unresolvedByName(globalScope: TSESLint.Scope.Scope): Map<string, TSESLint.Scope.Reference[]> {
  let index = unresolvedIndexes.get(globalScope);
  if (!index) {
    index = new Map();
    for (const reference of globalScope.through) {
      const list = index.get(reference.identifier.name);
      if (list) list.push(reference);
      else index.set(reference.identifier.name, [reference]);
    }
    unresolvedIndexes.set(globalScope, index);
  }
  return index;
}
