import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  contains,
  isGlobalReference,
  propertyName,
  skipTypeWrappers,
  someInside,
  type FunctionNode,
} from '../util/ast.js';

/**
 * Request-object properties that hold what the client sent: Express and Fastify `req.query`,
 * `req.params`, `req.body`, `req.headers`; Koa `ctx.query`, `ctx.request.body`; Hono
 * `c.req.query('n')`, `c.req.param('n')`, `c.req.json()`; Next.js `request.nextUrl.searchParams`.
 */
const INPUT_PROPERTIES = new Set([
  'body',
  'cookies',
  'formData',
  'header',
  'headers',
  'json',
  'param',
  'params',
  'query',
  'querystring',
  'searchParams',
  'signedCookies',
  'text',
  'url',
]);

/**
 * The size of something already received (`req.body.items.length`) is bounded by the body and URL
 * limits of the server, not by a number the client picks: looping over it is not flagged.
 */
const SIZE_PROPERTIES = new Set(['length', 'byteLength']);

/** NestJS parameter decorators that inject one request value: `@Query('n') n: string`. */
const NEST_INPUT_DECORATORS = new Set(['Body', 'Headers', 'Param', 'Query']);

/** Global functions that turn input into a number without limiting it. */
const CONVERSIONS = new Set([
  'BigInt',
  'Math.abs',
  'Math.ceil',
  'Math.floor',
  'Math.round',
  'Math.trunc',
  'Number',
  'Number.parseFloat',
  'Number.parseInt',
  'parseFloat',
  'parseInt',
]);

/** Operators whose result grows with an unbounded operand (`n * 2`, `n | 0`); `%` and `&` are left out, they bound it. */
const GROWING_OPERATORS = new Set(['+', '-', '*', '/', '**', '|', '<<']);

/** Comparisons that make an `if` a guard on a value. */
const GUARD_COMPARISONS = new Set(['<', '<=', '>', '>=']);

/** How many variables and wrappers a value is followed through. */
const MAX_DEPTH = 8;

/** A value the client chooses, and the variables it passed through on its way (a guard on any of them limits it). */
export interface RequestInput {
  readonly variables: readonly TSESLint.Scope.Variable[];
}

/**
 * Whether `expression`, used in `handler`, is a number the client picks with no upper limit:
 * read from the request (a member chain on one of the handler's parameters through an input
 * property, see INPUT_PROPERTIES, or a NestJS `@Query('n')` parameter), possibly converted
 * (`Number()`, `parseInt()`, unary `+`, `Math.floor()`), combined (`n * 2`, `n ?? 10`) and stored in
 * variables that are never reassigned.
 *
 * It is limited, and not reported, when it passes through `Math.min()` with any argument that does
 * not come from the request, or when an `if` around `site`, or an earlier `if` that returns or
 * throws, compares it (`if (n > 1000) return res.sendStatus(400)`). The direction of the comparison
 * is not checked: a guard is trusted to be one.
 */
export function unlimitedRequestInput(
  expression: TSESTree.Node,
  site: TSESTree.Node,
  handler: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): RequestInput | undefined {
  const input = new RequestInputTracer(handler, sourceCode).value(expression, 0);
  return input && !isGuarded(sourceCode, site, handler, expression, input) ? input : undefined;
}

/**
 * Whether `expression` could be request input in some handler: read as unlimitedRequestInput reads
 * it, from the parameters of any function around it, guards aside. Cheap next to finding out which
 * function is the handler, and false for nearly every loop bound (`i < items.length`, `i < 10`).
 */
export function mayBeRequestInput(expression: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return new RequestInputTracer(undefined, sourceCode).value(expression, 0) !== undefined;
}

class RequestInputTracer {
  /** `handler` undefined: the parameters of any function may be the request's. */
  constructor(
    private readonly handler: FunctionNode | undefined,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  /** A number computed from request input. */
  value(node: TSESTree.Node, depth: number): RequestInput | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expression = skipTypeWrappers(node);
    switch (expression.type) {
      case AST_NODE_TYPES.ChainExpression:
        return this.value(expression.expression, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return this.value(expression.argument, depth + 1);
      case AST_NODE_TYPES.UnaryExpression:
        return ['+', '-', '~'].includes(expression.operator) ? this.value(expression.argument, depth + 1) : undefined;
      case AST_NODE_TYPES.BinaryExpression:
        return GROWING_OPERATORS.has(expression.operator)
          ? (this.value(expression.left, depth + 1) ?? this.value(expression.right, depth + 1))
          : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        return this.value(expression.left, depth + 1) ?? this.value(expression.right, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return this.variable(expression, [], depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return this.chain(expression, [], depth + 1);
      case AST_NODE_TYPES.CallExpression:
        return this.call(expression, depth + 1);
      default:
        return undefined;
    }
  }

  private call(call: TSESTree.CallExpression, depth: number): RequestInput | undefined {
    const name = this.globalFunctionName(call.callee);
    if (name && CONVERSIONS.has(name)) return call.arguments[0] && this.value(call.arguments[0], depth);
    if (name === 'Math.min') {
      // Limited as soon as one argument is not the client's: `Math.min(n, 1000)`, `Math.min(n, MAX)`.
      const inputs = call.arguments.map((argument) => this.value(argument, depth));
      return inputs.length > 0 && inputs.every(Boolean) ? { variables: inputs.flatMap((i) => i!.variables) } : undefined;
    }
    if (name === 'Math.max') {
      for (const argument of call.arguments) {
        const input = this.value(argument, depth);
        if (input) return input;
      }
      return undefined;
    }
    // A method on the request: `c.req.query('n')`, `searchParams.get('n')`.
    return this.chain(call, [], depth);
  }

  /** `Number`, `Math.min`: the name of a call to a global function, when it is one. */
  private globalFunctionName(callee: TSESTree.Node): string | undefined {
    const expression = skipTypeWrappers(callee);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      return isGlobalReference(this.sourceCode, expression) ? expression.name : undefined;
    }
    if (
      expression.type === AST_NODE_TYPES.MemberExpression &&
      expression.object.type === AST_NODE_TYPES.Identifier &&
      isGlobalReference(this.sourceCode, expression.object)
    ) {
      const property = propertyName(expression.property, expression.computed);
      return property && `${expression.object.name}.${property}`;
    }
    return undefined;
  }

  /**
   * A member chain (`req.query.n`, `c.req.query('n')`, `(await c.req.json()).count`), walked down to
   * its root; `properties` are the names read below `node` so far.
   */
  private chain(node: TSESTree.Node, properties: readonly string[], depth: number): RequestInput | undefined {
    const path = [...properties];
    let current = node;
    for (;;) {
      current = skipTypeWrappers(current);
      if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
      else if (current.type === AST_NODE_TYPES.AwaitExpression) current = current.argument;
      else if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
      else if (current.type === AST_NODE_TYPES.MemberExpression) {
        path.unshift(propertyName(current.property, current.computed) ?? '[]');
        current = current.object;
      } else break;
    }
    if (current.type === AST_NODE_TYPES.Identifier) return this.variable(current, path, depth);
    // `new URL(req.url).searchParams.get('n')`: a URL parsed from the request is request input too.
    if (
      current.type === AST_NODE_TYPES.NewExpression &&
      current.callee.type === AST_NODE_TYPES.Identifier &&
      (current.callee.name === 'URL' || current.callee.name === 'URLSearchParams') &&
      isGlobalReference(this.sourceCode, current.callee) &&
      current.arguments[0] &&
      !SIZE_PROPERTIES.has(path.at(-1) ?? '')
    ) {
      return this.chain(current.arguments[0], [], depth + 1);
    }
    return undefined;
  }

  /** A variable read with `properties` below it: a handler parameter, or a never-reassigned local. */
  private variable(
    identifier: TSESTree.Identifier,
    properties: readonly string[],
    depth: number,
  ): RequestInput | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    const path = [...patternPath(definition.name), ...properties];
    if (definition.type === 'Parameter') {
      const fn = definition.node;
      if ((this.handler && fn !== this.handler) || SIZE_PROPERTIES.has(path.at(-1) ?? '')) return undefined;
      const fromRequest = path.some((property) => INPUT_PROPERTIES.has(property)) || isNestInput(definition.name, fn);
      return fromRequest ? { variables: [variable] } : undefined;
    }
    if (definition.type !== 'Variable' || !definition.node.init) return undefined;
    if (variable.references.filter((reference) => reference.isWrite()).length !== 1) return undefined;
    const { init } = definition.node;
    const input = path.length === 0 ? this.value(init, depth + 1) : this.chain(init, path, depth + 1);
    return input && { variables: [variable, ...input.variables] };
  }
}

/** Where a declared name sits in its destructuring pattern: `n` in `{ query: { n } }` is at `['query', 'n']`. */
function patternPath(name: TSESTree.Node): string[] {
  const path: string[] = [];
  let node = name;
  for (let parent = node.parent; parent; parent = node.parent) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
      path.unshift(propertyName(parent.key, parent.computed) ?? '[]');
      node = parent.parent;
    } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      path.unshift('[]');
      node = parent;
    } else if (
      (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) ||
      parent.type === AST_NODE_TYPES.RestElement ||
      (parent.type === AST_NODE_TYPES.ObjectPattern && node.type === AST_NODE_TYPES.RestElement)
    ) {
      node = parent;
    } else {
      break;
    }
  }
  return path;
}

/** A parameter decorated `@Query('n')`, `@Param('id')`, `@Body('count')`: NestJS injects one client value. */
function isNestInput(name: TSESTree.Node, fn: { readonly params: readonly TSESTree.Parameter[] }): boolean {
  const parameter = fn.params.find((param) => contains(param, name));
  const decorators = parameter && 'decorators' in parameter ? (parameter.decorators ?? []) : [];
  return decorators.some(
    ({ expression }) =>
      expression.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.Identifier &&
      NEST_INPUT_DECORATORS.has(expression.callee.name) &&
      expression.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      typeof expression.arguments[0].value === 'string',
  );
}

/**
 * An `if` around `site` whose test compares the value, or an earlier `if` in an enclosing block
 * whose test compares it and whose branch always returns or throws.
 */
function isGuarded(
  sourceCode: Readonly<TSESLint.SourceCode>,
  site: TSESTree.Node,
  handler: FunctionNode,
  expression: TSESTree.Node,
  input: RequestInput,
): boolean {
  const text = sourceCode.getText(expression);
  const isValue = (node: TSESTree.Node): boolean => {
    const operand = skipTypeWrappers(node);
    if (sourceCode.getText(operand) === text) return true;
    if (operand.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(operand), operand);
    return variable !== null && input.variables.includes(variable);
  };
  const compares = (test: TSESTree.Node): boolean =>
    someInside(
      test,
      sourceCode.visitorKeys,
      (node) =>
        node.type === AST_NODE_TYPES.BinaryExpression &&
        GUARD_COMPARISONS.has(node.operator) &&
        (isValue(node.left) || isValue(node.right)),
    );

  let child: TSESTree.Node = site;
  for (let parent = site.parent; parent && child !== handler; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child && compares(parent.test)) return true;
    const statements = statementList(parent);
    if (!statements) continue;
    for (const statement of statements) {
      if (statement === child) break;
      if (statement.type === AST_NODE_TYPES.IfStatement && leaves(statement.consequent) && compares(statement.test)) {
        return true;
      }
    }
  }
  return false;
}

function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.Program:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return undefined;
  }
}

/** The statement always returns or throws: `return res.sendStatus(400)`, `{ reply.code(400); return; }`. */
function leaves(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body.at(-1);
      return last !== undefined && leaves(last);
    }
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && leaves(statement.consequent) && leaves(statement.alternate);
    default:
      return false;
  }
}
