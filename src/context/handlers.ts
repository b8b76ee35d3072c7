import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  checkedTypes,
  CONNECT_PROPERTY,
  GENERIC_ROUTE_METHODS,
  GRAPHQL,
  instanceKinds,
  ROUTE_VERBS,
  serverFrameworks,
  SIGNATURE_METHODS,
  TRPC,
  USE_SERVER_DIRECTIVE,
  type CallSpec,
  type EntryPoint,
  type FrameworkId,
  type OptionsSpec,
  type ServerFramework,
} from '../catalog/frameworks.js';
import { buildTraceMap, type TraceMap } from '../catalog/index.js';
import { iterateGlobalReferences, iterateModuleReferences, mayReference } from '../analysis/module-references.js';
import {
  classVariables,
  holdingSlot,
  instanceMemberReads,
  memberReadsWithName,
  namesOf,
  returnedValueReads,
  SYNC_CALLBACK_METHODS,
  thisMembers,
  type MemberRead,
} from '../analysis/reachability.js';
import { getTypeInformation, packageRoot, type DeclaredType } from '../analysis/types.js';
import type { EventLoopSettings } from '../options.js';
import { contains, isFunctionNode, isObjectFreeze, namedVariables, propertyName, skipTypeWrappers, type FunctionNode } from '../util/ast.js';
import { classMethodRole } from './classes.js';
import { exportedHandlers, hasDirective, type ExportedHandlers } from './conventions.js';
import { moduleOrigin } from './imports.js';
import { isOffloaded, isWorkerFile } from './offload.js';

export interface HandlerInfo {
  /** The handler function; undefined for one this file registers but another module writes (`registeredAs`). */
  readonly node?: FunctionNode;
  /** "Express route handler", "NestJS controller method": how messages name it. */
  readonly description: string;
}

export interface HandlerContext {
  /**
   * The request handler that `node` runs in: the innermost enclosing function recognised as a
   * handler. Everything lexically inside a handler counts (nested callbacks, `.then` callbacks,
   * timers, promise executors all run on the event loop while requests are served), up to an
   * offload boundary: code written into `new Worker(...)` or a worker pool's `exec(fn)`, and every
   * function of a worker file, runs on another thread.
   */
  enclosingHandler(node: TSESTree.Node): HandlerInfo | undefined;
  /**
   * How a value that is not a function written here is registered where it stands, if it is:
   * `listUsers` in `router.get('/users', listUsers)` (imported from a controller module), also
   * wrapped (`asyncHandler(users.list)`) or in an array. The framework calls it per request.
   */
  registeredAs(value: TSESTree.Node): HandlerInfo | undefined;
}

export interface HandlerContextOptions {
  /** `settings['event-loop']`, parsed: the user's handler shapes and the framework switches. */
  readonly settings?: Pick<EventLoopSettings, 'handlers' | 'frameworks'>;
  /** ESLint's working directory, which `handlers.files` globs are relative to. */
  readonly cwd?: string;
}

/** classMemberUse's reads of a class's members, by member name. */
interface ClassMemberReads {
  readonly statics: ReadonlyMap<string, readonly MemberRead['read'][]>;
  readonly instances: ReadonlyMap<string, readonly MemberRead['read'][]>;
}

/** How a function is used: what it is to a framework, and what its first parameter receives. */
interface Use {
  /** Set when the function is a request handler: "Hono route handler". */
  readonly description?: string;
  /** The kind of instance (see instanceKinds) its first parameter receives: `register(async (app) => ...)`. */
  readonly receives?: string;
}

interface Entry {
  readonly framework: ServerFramework;
  readonly entry: EntryPoint;
}

/** `record[key]` for the record's own keys only: a method named `constructor` is not Object's. */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** How far a value is followed through wrappers, variables and objects (`asyncHandler(fn)`). */
const MAX_DEPTH = 4;
const GENERIC_METHODS = new Set<string>(GENERIC_ROUTE_METHODS);
/**
 * The methods of every instance kind. A call of any other method (`items.map(fn)`, `p.then(fn)`)
 * registers nothing on an instance, so what its receiver is need not be asked (with type
 * information that question is the checker's, and costly).
 */
const INSTANCE_METHODS = new Set(Object.values(instanceKinds).flatMap((kind) => Object.keys(kind.methods)));
const VERBS = new Set<string>(ROUTE_VERBS);
const ROUTER_FRAMEWORKS = serverFrameworks.filter((framework) =>
  framework.entryPoints.some((entry) => entry.creates && instanceKinds[entry.creates]?.methods.get),
);

const entryTraceMaps = (() => {
  const entries = serverFrameworks.flatMap((framework) => framework.entryPoints.map((entry): Entry => ({ framework, entry })));
  const modules = buildTraceMap(
    entries.filter(({ framework }) => framework.modules.length > 0),
    ({ framework, entry }) => ({ modules: framework.modules, path: entry.path }),
  );
  // Globals (`Bun.serve`) and auto-imports (Nuxt's `defineEventHandler`) are keyed by global name.
  const globals = buildTraceMap(
    entries.flatMap((item) => [
      ...(item.framework.globals ?? []).map((name) => ({ item, name, path: item.entry.path })),
      ...(item.framework.autoImported && item.entry.path.length > 0
        ? [{ item, name: item.entry.path[0]!, path: item.entry.path.slice(1) }]
        : []),
    ]),
    ({ name, path }) => ({ modules: [name], path }),
  ) as unknown as TraceMap<{ item: Entry }>;
  return { modules, globals };
})();

/**
 * Recognises request handlers by asking, for each function enclosing a node, how that function is
 * used: registered on a framework instance, passed to a framework's entry point, decorated as a
 * controller route, exported from a route file. Works bottom-up from the nodes a rule asks about,
 * so a file is never walked whole, and nothing is computed for a file no rule asks about.
 */
const contexts = new WeakMap<TSESTree.Program, HandlerContext>();

/**
 * The file's handler context, shared by every rule and analysis that asks (cached on the Program
 * node), so each function is classified once per file.
 */
export function getHandlerContext(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  options: HandlerContextOptions = {},
): HandlerContext {
  let context = contexts.get(sourceCode.ast);
  if (!context) {
    context = createHandlerContext(sourceCode, filename, options);
    contexts.set(sourceCode.ast, context);
  }
  return context;
}

export function createHandlerContext(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  { settings = {}, cwd = process.cwd() }: HandlerContextOptions = {},
): HandlerContext {
  const enabled = (id: FrameworkId): boolean => settings.frameworks?.[id] !== false;
  const userCalls = (settings.handlers?.calls ?? []).map((path) => path.split('.'));
  const verdicts = new Map<FunctionNode, HandlerInfo | null>();
  const offloaded = new Map<FunctionNode, boolean>();
  const uses = new Map<TSESTree.Node, Use | null>();
  // Asked twice per registration: whether to follow it (the cross-module gate), then how to name it.
  const registrations = new Map<TSESTree.Node, HandlerInfo | undefined>();
  const instances = new Map<TSESLint.Scope.Variable, string | null>();

  let workerFile: boolean | undefined;
  let exportsCache: ExportedHandlers | undefined;
  const exported = (): ExportedHandlers =>
    (exportsCache ??= exportedHandlers(sourceCode, filename, { cwd, handlers: settings.handlers, enabled }));

  let entries: Map<TSESTree.Node, Entry> | undefined;
  /** The framework entry point a call or `new` invokes (`express()`, `new Hono()`, `Bun.serve(...)`). */
  const entryAt = (node: TSESTree.Node): Entry | undefined => {
    if (!entries) {
      entries = new Map();
      if (!mayReference(sourceCode, entryTraceMaps)) return undefined;
      const found = [
        ...iterateModuleReferences(sourceCode, entryTraceMaps.modules),
        ...[...iterateGlobalReferences(sourceCode, entryTraceMaps.globals)].map((reference) => ({
          ...reference,
          info: reference.info.item,
        })),
      ];
      for (const { node: call, info } of found) {
        if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
          if (enabled(info.framework.id) && !entries.has(call)) entries.set(call, info);
        }
      }
    }
    return entries.get(node);
  };

  const classify = (fn: FunctionNode): HandlerInfo | null => {
    const description =
      classMethodRole(sourceCode, fn, { decorators: settings.handlers?.decorators ?? [], enabled }) ??
      serverAction(fn) ??
      useOf(fn).description ??
      checkedHandler(fn);
    return description ? { node: fn, description } : null;
  };

  // With type information (and only then): what the checker says a value or parameter is.
  const types = getTypeInformation(sourceCode);

  /** The first framework type table entry that `declared` matches, with the value `pick` gives. */
  const checkedMatch = <T>(
    declared: readonly DeclaredType[],
    pick: (entry: (typeof checkedTypes)[number], name: string) => T | undefined,
  ): T | undefined => {
    for (const { name, module } of declared) {
      if (module === undefined) continue;
      const root = packageRoot(module);
      for (const entry of checkedTypes) {
        if (!enabled(entry.framework) || !entry.modules.includes(root)) continue;
        const found = pick(entry, name);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };

  /** `r.get(...)` where the checker types `r` as a framework instance (`Router`, `FastifyInstance`). */
  const checkedInstance = (node: TSESTree.Node): string | undefined =>
    types && checkedMatch(types.declaredTypes(skipTypeWrappers(node)), (entry, name) => own(entry.instances, name));

  /**
   * A function whose first parameter the checker types as a framework's request (`req: Request`,
   * `ctx: Context`, `event: H3Event`) serves requests once it is registered (passed to a call) or
   * exported. A helper that is only called is left to the helper-following analysis, which reports
   * at the call in the handler.
   */
  const checkedHandler = (fn: FunctionNode): string | undefined => {
    if (!types || isValueCallback(fn)) return undefined;
    const parameter = fn.params.find((param) => param.type !== AST_NODE_TYPES.Identifier || param.name !== 'this');
    // The checker last: its answer about the parameter costs far more than the look at the function's use.
    if (!parameter || !isRegisteredOrExported(fn)) return undefined;
    const label = requestLabel(types.declaredTypes(parameter));
    return label === undefined ? undefined : `${label} request handler`;
  };

  /** The framework whose request one of `declared` is ("Express"), if any is. */
  const requestLabel = (declared: readonly DeclaredType[]): string | undefined =>
    checkedMatch(declared, (entry, name) => (entry.requests?.includes(name) ? entry.label : undefined));

  /**
   * A registered function that its own file sees as a handler (checkedHandler there: exported, its
   * first parameter typed as the framework's request): that file reports what it calls, at the
   * calls, so the registration does not report it a second time.
   */
  const handlesRequestsInItsFile = (value: TSESTree.Node): boolean => {
    const parameter = types?.exportedFunctionParameter(value);
    return parameter !== undefined && requestLabel(parameter) !== undefined;
  };

  const isRegisteredOrExported = (fn: FunctionNode): boolean => {
    const parent = skipTypeWrappersUp(fn);
    if (isPassedOrExported(fn, parent)) return true;
    const declaration =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn
        : parent.type === AST_NODE_TYPES.VariableDeclarator
          ? parent
          : undefined;
    if (!declaration) return false;
    if (declaration.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
    return namedVariables(sourceCode.scopeManager, declaration).some((variable) =>
      variable.references.some(
        (reference) =>
          !reference.init &&
          reference.identifier.type === AST_NODE_TYPES.Identifier &&
          isPassedOrExported(reference.identifier, skipTypeWrappersUp(reference.identifier)),
      ),
    );
  };

  /** React's `'use server'` as the function's first statement: a server action. */
  const serverAction = (fn: FunctionNode): string | undefined =>
    enabled('nextjs') && fn.body.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, USE_SERVER_DIRECTIVE)
      ? 'server action'
      : undefined;

  const useOf = (fn: FunctionNode): Use => {
    const known = uses.get(fn);
    if (known !== undefined) return known ?? {};
    uses.set(fn, null); // a function registered through itself is not a handler for that reason
    const use = valueUse(fn, 0) ?? {};
    uses.set(fn, use);
    return use;
  };

  /** Where a value (the function, or a wrapper around it) ends up decides what it is. */
  const valueUse = (value: TSESTree.Node, depth: number): Use | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (value.type === AST_NODE_TYPES.FunctionDeclaration) {
      return exportUse(value.parent) ?? (value.id ? referencesUse(value, depth) : undefined);
    }
    const parent = value.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
        if (index === -1) return undefined;
        // Not a registration itself: a wrapper such as `asyncHandler(fn)`; follow the wrapper.
        return callUse(parent, index) ?? (wrapsValue(parent, value) ? valueUse(parent, depth + 1) : undefined);
      }
      case AST_NODE_TYPES.ArrayExpression:
        return valueUse(parent, depth);
      case AST_NODE_TYPES.Property:
        return parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression
          ? objectUse(parent.parent, [propertyName(parent.key, parent.computed) ?? ''], depth)
          : undefined;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier
          ? (exportUse(parent.parent.parent, parent.id.name) ?? referencesUse(parent, depth))
          : undefined;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return exportUse(parent);
      case AST_NODE_TYPES.ExportSpecifier:
        return parent.local === value ? exportUse(parent, propertyName(parent.exported)) : undefined;
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition:
        return parent.value === value ? classMemberUse(parent, depth) : undefined;
      // `controller.list = (req, res) => {...}` on `const controller = {}`: a member of that object.
      case AST_NODE_TYPES.AssignmentExpression: {
        const slot = holdingSlot(sourceCode, parent, value);
        return slot?.member === undefined ? undefined : objectUse(slot.object, [slot.member], depth);
      }
      // `users.list.bind(users)`: the bound copy is used in its place.
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        const binds =
          parent.object === value &&
          propertyName(parent.property, parent.computed) === 'bind' &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === parent;
        return binds ? valueUse(call, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return valueUse(parent, depth);
      default:
        return undefined;
    }
  };

  /**
   * Whether what `call` returns may be `value` or a function `value` makes. Not for `p.then(fn)` or
   * `items.filter(fn)`: a promise, an array of the items, a boolean. `routes.map(fn)` returns what
   * `fn` returns: only a function that makes functions (`(route) => (req, res) => ...`) can be the
   * one registered, and then the outer one stands for the functions it makes.
   */
  const wrapsValue = (call: TSESTree.CallExpression | TSESTree.NewExpression, value: TSESTree.Node): boolean => {
    const method = runsCallback(call);
    if (!method) return true;
    if (!BUILDS_RESULT.has(method)) return false;
    return !isFunctionNode(value) || makesFunctions(sourceCode.scopeManager?.acquire(value));
  };

  /** A named function or variable: whatever its first recognised use makes it. */
  const referencesUse = (
    declaration: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator,
    depth: number,
    use: (identifier: TSESTree.Identifier) => Use | undefined = (identifier) => valueUse(identifier, depth + 1),
  ): Use | undefined => {
    for (const variable of namedVariables(sourceCode.scopeManager, declaration)) {
      for (const reference of variable.references) {
        if (reference.init || !reference.isRead() || reference.identifier.type !== AST_NODE_TYPES.Identifier) continue;
        const found = use(reference.identifier);
        if (found) return found;
      }
    }
    return undefined;
  };

  /**
   * An export the file's conventions name (`export async function GET`, `export default`,
   * `export { handler as GET }`); `exportNode` is the export declaration or specifier, if any.
   */
  const exportUse = (exportNode: TSESTree.Node | undefined, name?: string, path: readonly string[] = []): Use | undefined => {
    if (!exportNode) return undefined;
    let exportName = name;
    if (exportNode.type === AST_NODE_TYPES.ExportDefaultDeclaration) exportName = 'default';
    else if (exportNode.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = exportNode.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) exportName = declaration.id?.name;
    } else if (exportNode.type !== AST_NODE_TYPES.ExportSpecifier) return undefined;
    const handler = exportName === undefined ? undefined : exported().get(exportName);
    if (!handler || handler.members !== path.length > 0 || path.length > 1) return undefined;
    return { description: handler.description };
  };

  /**
   * A function stored at `path` in object `object` (`{ handler: fn }` is `['handler']`): what the
   * object is passed to decides (route options, `Bun.serve({ fetch })`, a resolver map, an
   * exported `actions` object).
   */
  const objectUse = (object: TSESTree.Node, path: readonly string[], depth: number): Use | undefined => {
    if (depth > MAX_DEPTH || path.length > 4) return undefined;
    const graphql =
      enabled('graphql') && object.type === AST_NODE_TYPES.ObjectExpression ? resolverMapUse(object, path) : undefined;
    if (graphql) return graphql;
    const parent = object.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (isObjectFreeze(parent, object)) return objectUse(parent, path, depth);
        return parent.arguments.includes(object as TSESTree.CallExpressionArgument) ? optionsUse(parent, path) : undefined;
      case AST_NODE_TYPES.Property:
        return parent.value === object && parent.parent.type === AST_NODE_TYPES.ObjectExpression
          ? objectUse(parent.parent, [propertyName(parent.key, parent.computed) ?? '', ...path], depth)
          : undefined;
      case AST_NODE_TYPES.ArrayExpression:
        return objectUse(parent, path, depth);
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== object || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
        const name = parent.id.name;
        return (
          exportUse(parent.parent.parent, name, path) ??
          (enabled('graphql') ? namedResolverUse(parent.id, path) : undefined) ??
          referencesUse(parent, depth, (identifier) =>
            identifier.parent.type === AST_NODE_TYPES.ExportSpecifier
              ? exportUse(identifier.parent, propertyName(identifier.parent.exported), path)
              : objectUse(identifier, path, depth + 1),
          )
        );
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return exportUse(parent, 'default', path);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return objectUse(parent, path, depth);
      // `app.get('/users', controller.list)`: the function read off the object where it is used.
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === object ? memberReadUse(parent, path, depth) : undefined;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return returnedObjectUse(object, path, depth);
      default:
        return undefined;
    }
  };

  /**
   * `read` is `object.name`, or a variable `name` was destructured into: the function at `path` if
   * `name` leads there, or an object on the way.
   */
  const memberReadUse = (read: MemberRead['read'], path: readonly string[], depth: number): Use | undefined => {
    const [name, ...rest] = path;
    if (name === undefined) return undefined;
    if (read.type === AST_NODE_TYPES.MemberExpression && propertyName(read.property, read.computed) !== name) return undefined;
    return rest.length === 0 ? valueUse(read, depth + 1) : objectUse(read, rest, depth + 1);
  };

  /**
   * An object a factory returns (`function createUsersController() { return { list(req, res) {...} } }`):
   * the function at `path` is used where it is read off the factory's results
   * (`const users = createUsersController(); app.get('/users', users.list)`).
   */
  const returnedObjectUse = (object: TSESTree.Node, path: readonly string[], depth: number): Use | undefined => {
    const [name] = path;
    if (name === undefined) return undefined;
    for (const { read } of returnedValueReads(sourceCode, object, new Set([name]))) {
      const use = memberReadUse(read, path, depth);
      if (use) return use;
    }
    return undefined;
  };

  /**
   * A method or function-valued field of a class written here, read off the class (`Users.list`,
   * static), inside it (`this.list`), or off its instances (`const users = new UsersController();
   * app.get('/users', users.list)`, `this.users.list`, an instance a factory returns): the first
   * use of a read decides.
   */
  const classMemberUse = (member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, depth: number): Use | undefined => {
    const name = propertyName(member.key, member.computed);
    if (name === undefined) return undefined;
    const reads = classMemberReads(member.parent.parent)[member.static ? 'statics' : 'instances'].get(name) ?? [];
    for (const read of reads) {
      const use = valueUse(read, depth + 1);
      if (use) return use;
    }
    return undefined;
  };

  /**
   * The reads of a class's members by name, static and instance ones apart, found once for all its
   * members: when no function of a file is a handler, each of its methods is asked about.
   */
  const memberReadsByClass = new Map<TSESTree.Node, ClassMemberReads>();
  const classMemberReads = (classNode: TSESTree.Node): ClassMemberReads => {
    let found = memberReadsByClass.get(classNode);
    if (found) return found;
    const staticNames = new Set<string>();
    const instanceNames = new Set<string>();
    if (classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression) {
      for (const element of classNode.body.body) {
        // The functions: a method, or a field holding an arrow (`list = (req, res) => ...`).
        if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
        const name = isFunctionNode(element.value) ? propertyName(element.key, element.computed) : undefined;
        if (name !== undefined) (element.static ? staticNames : instanceNames).add(name);
      }
    }
    const statics = new Map<string, MemberRead['read'][]>();
    const instances = new Map<string, MemberRead['read'][]>();
    const add = (byName: Map<string, MemberRead['read'][]>, member: string, read: MemberRead['read']): void => {
      const list = byName.get(member);
      if (list) list.push(read);
      else byName.set(member, [read]);
    };
    for (const variable of classVariables(sourceCode, classNode)) {
      for (const { read, member } of memberReadsWithName(variable, staticNames)) add(statics, member, read);
      for (const { read, member } of instanceMemberReads(sourceCode, namesOf(variable), instanceNames)) add(instances, member, read);
    }
    // An instance member read inside the class and passed on: `this.router.get('/users', this.list)`.
    // The class's text is looked at first: the walk that finds `this.` reads costs more than the rest.
    if (passesThisMember(sourceCode.text, classNode.range, instanceNames)) {
      for (const [member, reads] of thisMembers(classNode)) {
        if (instanceNames.has(member)) for (const read of reads) add(instances, member, read);
      }
    }
    memberReadsByClass.set(classNode, (found = { statics, instances }));
    return found;
  };

  /** `call` registers its argument at `index` as a handler, or hands it an instance. */
  const callUse = (call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): Use | undefined => {
    const user = userCallUse(call);
    if (user) return user;

    const entry = entryAt(call);
    if (entry) return callSpecUse(entry.framework.label, entry.entry, call, index);

    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee.property, callee.computed);
    if (!method) return undefined;

    const kind = INSTANCE_METHODS.has(method)
      ? (instanceOf(callee.object, 0) ?? checkedInstance(callee.object) ?? signatureKind(SIGNATURE_METHODS.calls, method))
      : undefined;
    const spec = kind === undefined ? undefined : own(instanceKinds[kind]?.methods, method);
    if (kind && spec) return callSpecUse(instanceKinds[kind]!.label, spec, call, index);

    if (enabled('trpc')) {
      const trpc = trpcUse(callee.object, method);
      if (trpc) return trpc;
    }
    if (!enabled('generic')) return undefined;
    // `router.route('/users').get(fn)`: the chained route object of Express, on any router.
    if (isRouteChain(callee.object) && VERBS.has(method)) {
      return { description: `${importedRouterLabel() ?? 'Express'} route handler` };
    }
    if (GENERIC_METHODS.has(method) && index > 0 && isPathLiteral(call.arguments[0])) {
      const label = importedRouterLabel();
      const kindName = method === 'use' ? 'middleware' : 'route handler';
      return { description: label ? `${label} ${kindName}` : kindName };
    }
    return undefined;
  };

  /** What a method or entry point's spec makes of its function argument at `index`. */
  const callSpecUse = (
    label: string,
    spec: CallSpec,
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    index: number,
  ): Use | undefined => {
    let role = spec.role;
    if (spec.events) {
      if (index === 0) return undefined;
      const event = ASTUtils.getStringIfConstant(call.arguments[0] as TSESTree.Node);
      role = event == null ? undefined : (own(spec.events, event) ?? own(spec.events, '*'));
      if (!role) return undefined;
    }
    if (!role && !spec.callbackReceives) return undefined;
    return {
      ...(role ? { description: `${label} ${role}` } : {}),
      ...(spec.callbackReceives ? { receives: spec.callbackReceives } : {}),
    };
  };

  /** An object passed to `call` holds a function at `path`: a handler if the call's options say so. */
  const optionsUse = (call: TSESTree.CallExpression | TSESTree.NewExpression, path: readonly string[]): Use | undefined => {
    if (enabled('graphql') && path[0] === GRAPHQL.optionName && isResolverPath(path.slice(1))) {
      return { description: 'GraphQL resolver' };
    }
    const entry = entryAt(call);
    if (entry) return optionRole(entry.framework.label, entry.entry.options, path);

    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee.property, callee.computed);
    if (!method || !INSTANCE_METHODS.has(method)) return undefined;
    // A route options object on a receiver the file does not show: the file's router framework, or
    // the one framework with this method.
    const kind =
      instanceOf(callee.object, 0) ??
      checkedInstance(callee.object) ??
      (enabled('generic') ? importedRouterKind() : undefined) ??
      signatureKind(SIGNATURE_METHODS.optionMethods, method);
    const spec = kind === undefined ? undefined : own(instanceKinds[kind]?.methods, method);
    return spec ? optionRole(instanceKinds[kind!]!.label, spec.options, path) : undefined;
  };

  /** The user's `handlers.calls`: `defineHandler(fn)`, `router.route(...)`, `*.route(...)`. */
  const userCallUse = (call: TSESTree.CallExpression | TSESTree.NewExpression): Use | undefined => {
    if (userCalls.length === 0) return undefined;
    const written = calleePath(call.callee);
    if (!written) return undefined;
    const match = userCalls.find((pattern) => {
      // `*.route`: any receiver, so only the names after the `*` are compared, from the end.
      const offset = written.length - pattern.length;
      return pattern[0] === '*'
        ? offset >= 0 && pattern.every((segment, i) => i === 0 || segment === written[offset + i])
        : offset === 0 && pattern.every((segment, i) => segment === written[i]);
    });
    return match ? { description: `${match.join('.')}() handler` } : undefined;
  };

  /** The kind of instance `node` evaluates to, when the file shows it. */
  const instanceOf = (node: TSESTree.Node, depth: number): string | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    const expression = skipTypeWrappers(node);
    switch (expression.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
        if (!variable) return undefined;
        const known = instances.get(variable);
        if (known !== undefined) return known ?? undefined;
        instances.set(variable, null);
        const kind = variableInstance(variable, depth);
        instances.set(variable, kind ?? null);
        return kind;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const entry = entryAt(expression);
        if (entry) return entry.entry.creates;
        const callee = skipTypeWrappers(expression.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const kind = instanceOf(callee.object, depth + 1);
        const method = propertyName(callee.property, callee.computed);
        const spec = kind === undefined || method === undefined ? undefined : own(instanceKinds[kind]?.methods, method);
        // Registrations return the instance (`new Hono().get(...).post(...)`), unless the spec says otherwise.
        return spec ? (spec.returns === undefined ? kind : (spec.returns ?? undefined)) : undefined;
      }
      case AST_NODE_TYPES.MemberExpression:
        // Vite's `server.middlewares` (and any object's `middlewares`) is a Connect app.
        return enabled('connect') && propertyName(expression.property, expression.computed) === CONNECT_PROPERTY
          ? 'connect'
          : undefined;
      case AST_NODE_TYPES.AwaitExpression:
        return instanceOf(expression.argument, depth + 1);
      default:
        return undefined;
    }
  };

  const variableInstance = (variable: TSESLint.Scope.Variable, depth: number): string | undefined => {
    const definition = variable.defs[0];
    if (!definition) return undefined;
    if (definition.type === 'Variable') {
      const declarator = definition.node;
      if (declarator.id !== definition.name) return undefined;
      return (
        typeInstance(declarator.id.typeAnnotation?.typeAnnotation) ??
        (declarator.init ? instanceOf(declarator.init, depth + 1) : undefined)
      );
    }
    if (definition.type === 'Parameter' && isFunctionNode(definition.node)) {
      const fn = definition.node;
      const parameter = definition.name;
      const annotated = typeInstance(parameter.typeAnnotation?.typeAnnotation);
      if (annotated) return annotated;
      if (fn.params[0] !== parameter) return undefined;
      return pluginTypeInstance(fn) ?? useOf(fn).receives;
    }
    return undefined;
  };

  /** `app: FastifyInstance`, `router: express.Router`, `socket: Socket` from a framework's module. */
  const typeInstance = (type: TSESTree.TypeNode | undefined): string | undefined => {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    return typeKind(type.typeName, 'instanceTypes');
  };

  /** `const plugin: FastifyPluginAsync = async (app) => ...`: the first parameter is the instance. */
  const pluginTypeInstance = (fn: FunctionNode): string | undefined => {
    let holder: TSESTree.Node | undefined = fn.parent;
    while (holder?.type === AST_NODE_TYPES.TSAsExpression || holder?.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      if (holder.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference) {
        const kind = typeKind(holder.typeAnnotation.typeName, 'pluginTypes');
        if (kind) return kind;
      }
      holder = holder.parent;
    }
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const type = holder.id.typeAnnotation?.typeAnnotation;
    return type?.type === AST_NODE_TYPES.TSTypeReference ? typeKind(type.typeName, 'pluginTypes') : undefined;
  };

  const typeKind = (name: TSESTree.EntityName, table: 'instanceTypes' | 'pluginTypes'): string | undefined => {
    const origin = moduleOrigin(sourceCode, name);
    if (!origin || origin.path.length > 1) return undefined;
    const exportName = origin.path[0] ?? 'default';
    for (const framework of serverFrameworks) {
      const kind = own(framework[table], exportName);
      if (kind && enabled(framework.id) && framework.modules.includes(origin.module)) return kind;
    }
    return undefined;
  };

  /** The kind a framework-specific method implies, when that framework is on. */
  const signatureKind = (table: Readonly<Record<string, string>>, method: string): string | undefined => {
    const kind = own(table, method);
    return kind !== undefined && enabled(instanceKinds[kind]!.framework) ? kind : undefined;
  };

  let routerFramework: ServerFramework | null | undefined;
  /** The first router framework the file imports: names shape-only routes in messages. */
  const importedRouter = (): ServerFramework | undefined => {
    if (routerFramework === undefined) {
      const imported = new Set(
        sourceCode.ast.body.flatMap((statement) =>
          statement.type === AST_NODE_TYPES.ImportDeclaration ? [statement.source.value] : [],
        ),
      );
      routerFramework =
        ROUTER_FRAMEWORKS.find((framework) => enabled(framework.id) && framework.modules.some((m) => imported.has(m))) ?? null;
    }
    return routerFramework ?? undefined;
  };
  const importedRouterLabel = (): string | undefined => importedRouter()?.label;
  const importedRouterKind = (): string | undefined =>
    importedRouter()?.entryPoints.find((entry) => entry.creates && instanceKinds[entry.creates]?.methods.get)?.creates;

  /** tRPC: `publicProcedure.input(...).query(fn)`, `t.middleware(fn)`, `procedure.use(fn)`. */
  const trpcUse = (receiver: TSESTree.Node, method: string): Use | undefined => {
    const resolver = own<string>(TRPC.resolvers, method);
    if (resolver && isProcedure(receiver, 0)) return { description: `tRPC ${resolver}` };
    if ((TRPC.middleware as readonly string[]).includes(method) && (isProcedure(receiver, 0) || isTrpcRoot(receiver, 0))) {
      return { description: 'tRPC middleware' };
    }
    return undefined;
  };

  const isProcedure = (node: TSESTree.Node, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    let expression = skipTypeWrappers(node);
    while (expression.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(expression.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = propertyName(callee.property, callee.computed);
      if (!method || !(TRPC.builders as readonly string[]).includes(method)) return false;
      expression = skipTypeWrappers(callee.object);
    }
    if (expression.type === AST_NODE_TYPES.MemberExpression) {
      return propertyName(expression.property, expression.computed) === TRPC.procedureProperty;
    }
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    if (TRPC.procedureName.test(expression.name)) return true;
    const definition = ASTUtils.findVariable(sourceCode.getScope(expression), expression)?.defs[0];
    return definition?.type === 'Variable' && definition.node.init !== null && isProcedure(definition.node.init, depth + 1);
  };

  /** `t` from `const t = initTRPC.create()` (or `initTRPC.context<C>().create()`). */
  const isTrpcRoot = (node: TSESTree.Node, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    let expression = skipTypeWrappers(node);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const definition = ASTUtils.findVariable(sourceCode.getScope(expression), expression)?.defs[0];
      if (definition?.type !== 'Variable' || !definition.node.init) return false;
      expression = skipTypeWrappers(definition.node.init);
    }
    while (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.MemberExpression) {
      expression = skipTypeWrappers(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression.object);
    }
    const origin = moduleOrigin(sourceCode, expression);
    return origin !== undefined && TRPC.modules.includes(origin.module as never) && origin.path[0] === TRPC.root;
  };

  /**
   * GraphQL: `object` is a resolver map (it has a `Query`, `Mutation` or `Subscription` type) and
   * `path` leads to a field resolver (`Query.users`, `User.posts.resolve`).
   */
  const resolverMapUse = (object: TSESTree.ObjectExpression, path: readonly string[]): Use | undefined => {
    if (!isResolverPath(path)) return undefined;
    const isMap = object.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        (GRAPHQL.rootTypes as readonly string[]).includes(propertyName(property.key, property.computed) ?? ''),
    );
    return isMap ? { description: 'GraphQL resolver' } : undefined;
  };

  /**
   * A resolver map held by a variable named `resolvers` or typed `Resolvers` (`path` is
   * `Type.field`), or one type's resolvers: `const Query = {...}`, `const User: UserResolvers = {...}`.
   */
  const namedResolverUse = (id: TSESTree.Identifier, path: readonly string[]): Use | undefined => {
    const type = id.typeAnnotation?.typeAnnotation;
    const typeName =
      type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
        ? type.typeName.name
        : '';
    const isMap = id.name === GRAPHQL.variableName || (GRAPHQL.mapTypes as readonly string[]).includes(typeName);
    const isType =
      (GRAPHQL.rootTypes as readonly string[]).includes(id.name) || (!isMap && typeName.endsWith(GRAPHQL.typeSuffix));
    const fieldPath = isMap ? path : isType ? [id.name, ...path] : undefined;
    return fieldPath && isResolverPath(fieldPath) ? { description: 'GraphQL resolver' } : undefined;
  };

  const isOffloadedFunction = (fn: FunctionNode): boolean => {
    let known = offloaded.get(fn);
    if (known === undefined) offloaded.set(fn, (known = isOffloaded(sourceCode, fn)));
    return known;
  };

  return {
    registeredAs(value) {
      workerFile ??= isWorkerFile(sourceCode);
      if (workerFile) return undefined;
      if (registrations.has(value)) return registrations.get(value);
      const description = valueUse(value, 0)?.description;
      const registration =
        description === undefined || handlesRequestsInItsFile(value) ? undefined : { description };
      registrations.set(value, registration);
      return registration;
    },
    enclosingHandler(node) {
      workerFile ??= isWorkerFile(sourceCode);
      if (workerFile) return undefined;
      // The innermost handler, unless some function on the way to it runs on a worker thread
      // (nothing around worker code makes it request-time). Worker code is looked for only once a
      // handler is found: most functions are no handler, and the look costs as much as classifying.
      const inner: FunctionNode[] = [];
      for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        inner.push(current);
        let verdict = verdicts.get(current);
        if (verdict === undefined) {
          verdict = classify(current);
          verdicts.set(current, verdict);
        }
        if (verdict) return inner.some(isOffloadedFunction) ? undefined : verdict;
      }
      return undefined;
    },
  };
}

/** The handler role `options` gives a function at `path` in an options object. */
function optionRole(label: string, options: OptionsSpec | undefined, path: readonly string[]): Use | undefined {
  let spec: string | OptionsSpec | undefined = options;
  for (const key of path) {
    if (spec === undefined || typeof spec === 'string') return undefined;
    spec = own(spec, key) ?? own(spec, '*');
  }
  if (spec !== undefined && typeof spec !== 'string') spec = own(spec, '.');
  return typeof spec === 'string' ? { description: `${label} ${spec}` } : undefined;
}

/** `Type.field` or `Type.field.resolve` / `.subscribe`. */
function isResolverPath(path: readonly string[]): boolean {
  return (
    path.length === 2 ||
    (path.length === 3 && (GRAPHQL.fieldFunctions as readonly string[]).includes(path[2]!))
  );
}

/** `a.b.c(...)` as written: `['a', 'b', 'c']`; `this` counts as a name. */
function calleePath(callee: TSESTree.Node): string[] | undefined {
  const expression = skipTypeWrappers(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return [expression.name];
  if (expression.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const key = propertyName(expression.property, expression.computed);
  const object = calleePath(expression.object);
  if (key === undefined) return undefined;
  return object ? [...object, key] : ['*', key];
}

/** The parent of `node` and of the type assertions around it (`fn as Handler`). */
function skipTypeWrappersUp(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    current = current.parent;
  }
  return current.parent ?? current;
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * `items.map(fn)`, `promise.then(fn)`: the array or promise calls `fn`, never a framework. Asking
 * the checker about such a callback's parameter means typing the call around it, for nothing.
 */
function isValueCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee !== fn && runsCallback(call) !== undefined;
}

/** `items.map(...)`, `p.then(...)`: the array or promise method that runs the callback it is given. */
function runsCallback(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee.property, callee.computed);
  return method !== undefined && (SYNC_CALLBACK_METHODS.has(method) || PROMISE_METHODS.has(method)) ? method : undefined;
}

/** Array methods whose result the callback builds. */
const BUILDS_RESULT = new Set(['map', 'flatMap', 'reduce', 'reduceRight']);

/** Some function is written inside the scope. */
function makesFunctions(scope: TSESLint.Scope.Scope | null | undefined): boolean {
  return scope?.childScopes.some((child) => child.type === 'function' || makesFunctions(child)) ?? false;
}

/** `value` (whose parent, past type assertions, is `parent`) is a call's argument or is exported. */
function isPassedOrExported(value: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== value && !contains(parent.callee, value);
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ExportSpecifier:
      return true;
    default:
      return false;
  }
}

function isPathLiteral(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const text =
    node.type === AST_NODE_TYPES.Literal
      ? node.value
      : node.type === AST_NODE_TYPES.TemplateLiteral
        ? node.quasis[0]?.value.cooked
        : undefined;
  return typeof text === 'string' && (text.startsWith('/') || text === '*');
}

/** `x.route('/users')`, or a verb already chained on it: `x.route('/users').get(fn)`. */
function isRouteChain(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee.property, callee.computed);
  if (method === 'route') return expression.arguments.length === 1;
  return VERBS.has(method ?? '') && isRouteChain(callee.object);
}

/**
 * `this.name` followed by `,`, `)`, `]`, `}` or `.bind`: where a member of `this` may be passed on,
 * also in route options (`{ handler: this.list }`).
 */
const PASSED_THIS_MEMBER = /\bthis\s*\.\s*([\w$]+)\s*(?:[,)\]}]|\.\s*bind\b)/g;

/** Whether the text in `range` may pass on one of `members` of `this` (PASSED_THIS_MEMBER). */
function passesThisMember(text: string, [start, end]: readonly [number, number], members: ReadonlySet<string>): boolean {
  if (members.size === 0) return false;
  for (const [, name] of text.slice(start, end).matchAll(PASSED_THIS_MEMBER)) if (members.has(name!)) return true;
  return false;
}
