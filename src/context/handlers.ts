import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  FASTIFY_REQUEST_HOOKS,
  frameworks,
  NEST_CONTROLLER_DECORATOR,
  NEST_ROUTE_DECORATORS,
  NEXT_ROUTE_EXPORTS,
  NEXT_ROUTE_FILE,
  ROUTE_VERBS,
  type FrameworkSpec,
  type InstanceFactory,
} from '../catalog/frameworks.js';
import { buildTraceMap } from '../catalog/index.js';
import { iterateModuleReferences } from '../analysis/module-references.js';
import { isFunctionNode, propertyName, skipTypeWrappers, type FunctionNode } from '../util/ast.js';

export interface HandlerInfo {
  readonly node: FunctionNode;
  /** "Express route handler", "NestJS controller method": how messages name it. */
  readonly description: string;
}

export interface HandlerContext {
  /**
   * The request handler that `node` runs in: the innermost enclosing function recognised as a
   * handler. Everything lexically inside a handler counts (nested callbacks, `.then` callbacks,
   * promise executors all run on the event loop while requests are served).
   */
  enclosingHandler(node: TSESTree.Node): HandlerInfo | undefined;
}

/** A shape-only route (`x.get('/path', fn)`) needs one of these methods and a path literal. */
const ROUTE_SHAPE_METHODS = new Set<string>([...ROUTE_VERBS, 'del', 'use']);
const NEST_ROUTES = new Set<string>(NEST_ROUTE_DECORATORS);
const NEXT_EXPORTS = new Set<string>(NEXT_ROUTE_EXPORTS);
const FASTIFY_OPTION_KEYS = new Set<string>(['handler', ...FASTIFY_REQUEST_HOOKS]);
/** How far a handler's value is followed through wrappers and variables (`asyncHandler(fn)`). */
const MAX_USE_DEPTH = 4;

interface Factory {
  readonly spec: FrameworkSpec;
  readonly factory: InstanceFactory;
}

const factoryTraceMap = buildTraceMap(
  frameworks.flatMap((spec) => spec.factories.map((factory): Factory => ({ spec, factory }))),
  ({ spec, factory }) => ({ modules: spec.modules, path: factory.path }),
);

/**
 * Recognises request handlers by asking, for each function enclosing a node, how that function is
 * used: registered on a framework instance, decorated as a controller route, or exported from a
 * route file. Works bottom-up from the nodes a rule asks about, so a file is never walked whole.
 */
export function createHandlerContext(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
): HandlerContext {
  const verdicts = new Map<FunctionNode, HandlerInfo | null>();
  let instances: InstanceIndex | undefined;
  const instanceIndex = (): InstanceIndex => (instances ??= indexInstances(sourceCode));
  const isNextRouteFile = NEXT_ROUTE_FILE.test(filename.replaceAll('\\', '/'));

  const classify = (fn: FunctionNode): HandlerInfo | null => {
    const role = nestRoute(fn) ?? nextRoute(fn) ?? classifyValue(fn, 0);
    return role ? { node: fn, description: role } : null;
  };

  const nextRoute = (fn: FunctionNode): string | undefined => {
    if (!isNextRouteFile) return undefined;
    const declared =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? { id: fn.id, exportNode: fn.parent }
        : fn.parent.type === AST_NODE_TYPES.VariableDeclarator
          ? { id: fn.parent.id, exportNode: fn.parent.parent.parent }
          : undefined;
    if (
      declared?.id?.type === AST_NODE_TYPES.Identifier &&
      NEXT_EXPORTS.has(declared.id.name) &&
      declared.exportNode?.type === AST_NODE_TYPES.ExportNamedDeclaration
    ) {
      return 'Next.js route handler';
    }
    return undefined;
  };

  /** Where a value (the function, or a wrapper around it) ends up decides what it is. */
  const classifyValue = (value: TSESTree.Node, depth: number): string | undefined => {
    if (depth > MAX_USE_DEPTH) return undefined;
    if (value.type === AST_NODE_TYPES.FunctionDeclaration) {
      return value.id ? classifyReferences(value, depth) : undefined;
    }
    const parent = value.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
        if (index === -1) return undefined;
        // Not a registration itself: a wrapper such as `asyncHandler(fn)`; follow the wrapper.
        return registration(parent, index) ?? classifyValue(parent, depth + 1);
      }
      case AST_NODE_TYPES.ArrayExpression:
        return classifyValue(parent, depth);
      case AST_NODE_TYPES.Property:
        return parent.value === value ? optionProperty(parent) : undefined;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier
          ? classifyReferences(parent, depth)
          : undefined;
      case AST_NODE_TYPES.ExportSpecifier: {
        const exported = propertyName(parent.exported);
        return isNextRouteFile && exported && NEXT_EXPORTS.has(exported) ? 'Next.js route handler' : undefined;
      }
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return classifyValue(parent, depth);
      default:
        return undefined;
    }
  };

  /** A named function or variable: handler if any of its uses registers it. */
  const classifyReferences = (
    declaration: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator,
    depth: number,
  ): string | undefined => {
    if (declaration.type === AST_NODE_TYPES.VariableDeclarator && isFunctionNode(declaration.init)) {
      const next = nextRoute(declaration.init);
      if (next) return next;
    }
    for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? []) {
      for (const reference of variable.references) {
        if (reference.init || !reference.isRead()) continue;
        const role = classifyValue(reference.identifier, depth + 1);
        if (role) return role;
      }
    }
    return undefined;
  };

  /** `call` registers its argument at `index` as a handler: what kind? */
  const registration = (
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    index: number,
  ): string | undefined => {
    const factory = instanceIndex().factories.get(call);
    if (factory?.factory.takesHandler) return `${factory.spec.label} ${factory.factory.takesHandler}`;

    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee.property, callee.computed);
    if (!method) return undefined;

    const spec = instanceOf(callee.object);
    const role = spec?.methods[method];
    if (spec && role) {
      const events = spec.requestEvents?.[method];
      if (events) {
        const event = ASTUtils.getStringIfConstant(call.arguments[0] as TSESTree.Node);
        return event && events.includes(event) ? `${spec.label} ${event} ${role}` : undefined;
      }
      return `${spec.label} ${role}`;
    }
    // `app.route('/users').get(fn)`: the chained route object of Express.
    if (isRouteChain(callee.object) && (ROUTE_VERBS as readonly string[]).includes(method)) {
      return `${labelFromImports() ?? 'Express'} route handler`;
    }
    if (ROUTE_SHAPE_METHODS.has(method) && index > 0 && isPathLiteral(call.arguments[0])) {
      const label = labelFromImports();
      const kind = method === 'use' ? 'middleware' : 'route handler';
      return label ? `${label} ${kind}` : kind;
    }
    return undefined;
  };

  /** `{ handler: fn }` or `{ preHandler: fn }` passed to a Fastify route registration. */
  const optionProperty = (property: TSESTree.Property): string | undefined => {
    const key = propertyName(property.key, property.computed);
    const object = property.parent;
    if (!key || !FASTIFY_OPTION_KEYS.has(key) || object.type !== AST_NODE_TYPES.ObjectExpression) {
      return undefined;
    }
    const call = object.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(object)) return undefined;
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee.property, callee.computed);
    const spec = instanceOf(callee.object);
    const isFastify = spec?.label === 'Fastify' || (!spec && labelFromImports() === 'Fastify');
    if (!isFastify || !method || !(method === 'route' || (ROUTE_VERBS as readonly string[]).includes(method))) {
      return undefined;
    }
    return key === 'handler' ? 'Fastify route handler' : `Fastify ${key} hook`;
  };

  /** The framework that created `node`'s value, when the file shows it. */
  const instanceOf = (node: TSESTree.Node): FrameworkSpec | undefined => {
    const expression = skipTypeWrappers(node);
    const index = instanceIndex();
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      return variable ? index.variables.get(variable) : undefined;
    }
    if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression) {
      const factory = index.factories.get(expression);
      if (factory) return factory.spec;
      // Chained registration returns the instance: `new Hono().get(...).post(...)`.
      const callee = skipTypeWrappers(expression.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const spec = instanceOf(callee.object);
        const method = propertyName(callee.property, callee.computed);
        if (spec && method && spec.methods[method]) return spec;
      }
    }
    return undefined;
  };

  let importedLabel: string | null | undefined;
  /** The first server framework the file imports: names shape-only routes in messages. */
  const labelFromImports = (): string | undefined => {
    if (importedLabel === undefined) {
      const imported = new Set(instanceIndex().importedModules);
      importedLabel =
        frameworks.find((spec) => spec.label !== 'node:http' && spec.modules.some((m) => imported.has(m)))
          ?.label ?? null;
    }
    return importedLabel ?? undefined;
  };

  return {
    enclosingHandler(node) {
      for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        let verdict = verdicts.get(current);
        if (verdict === undefined) {
          verdict = classify(current);
          verdicts.set(current, verdict);
        }
        if (verdict) return verdict;
      }
      return undefined;
    },
  };
}

/** NestJS: a method with a route decorator in a `@Controller()` class. */
function nestRoute(fn: FunctionNode): string | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return undefined;
  const classNode = method.parent.parent;
  if (
    decoratorsOf(method).some((d) => NEST_ROUTES.has(decoratorName(d) ?? '')) &&
    decoratorsOf(classNode).some((d) => decoratorName(d) === NEST_CONTROLLER_DECORATOR)
  ) {
    return 'NestJS controller method';
  }
  return undefined;
}

/** ESLint's default parser has no decorators: its nodes lack the property TS-ESTree always sets. */
function decoratorsOf(node: TSESTree.MethodDefinition | TSESTree.ClassDeclaration | TSESTree.ClassExpression) {
  return (node.decorators as TSESTree.Decorator[] | undefined) ?? [];
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression =
    decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  return expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
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
  return (ROUTE_VERBS as readonly string[]).includes(method ?? '') && isRouteChain(callee.object);
}

interface InstanceIndex {
  /** Calls that create an instance (`express()`, `new Koa()`, `http.createServer(fn)`). */
  readonly factories: ReadonlyMap<TSESTree.Node, Factory>;
  /** Variables holding an instance (`const app = express()`). */
  readonly variables: ReadonlyMap<TSESLint.Scope.Variable, FrameworkSpec>;
  readonly importedModules: readonly string[];
}

function indexInstances(sourceCode: Readonly<TSESLint.SourceCode>): InstanceIndex {
  const factories = new Map<TSESTree.Node, Factory>();
  const variables = new Map<TSESLint.Scope.Variable, FrameworkSpec>();
  for (const { node: call, info } of iterateModuleReferences(sourceCode, factoryTraceMap)) {
    const expected = info.factory.construct ? AST_NODE_TYPES.NewExpression : AST_NODE_TYPES.CallExpression;
    if (call.type !== expected) continue;
    factories.set(call, info);
    const declarator = call.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === call) {
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []) {
        variables.set(variable, info.spec);
      }
    }
  }
  const importedModules = sourceCode.ast.body.flatMap((statement) =>
    statement.type === AST_NODE_TYPES.ImportDeclaration ? [statement.source.value] : [],
  );
  return { factories, variables, importedModules };
}
