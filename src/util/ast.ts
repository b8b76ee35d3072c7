import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * What runs a function where it is written: a call, or a tagged template (`execaSync\`git status\``
 * calls its tag with the template's parts).
 */
export type CallSite = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

/** The function a call site runs: the callee, or the tag. */
export function calleeOf(site: CallSite): TSESTree.Expression {
  return site.type === AST_NODE_TYPES.TaggedTemplateExpression ? site.tag : site.callee;
}

/** The arguments as written; a tagged template's parts are not arguments any option or condition reads. */
export function argumentsOf(site: CallSite): readonly TSESTree.CallExpressionArgument[] {
  return site.type === AST_NODE_TYPES.TaggedTemplateExpression ? [] : site.arguments;
}

/** The static name of a property key (`a.b`, `a['b']`, `{ b: 1 }`), if it has one. */
export function propertyName(key: TSESTree.Node, computed = false): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The name a reference ends in: `Worker` of `Worker` and of `threads.Worker` (also as a type), if it has a static one. */
export function lastName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.TSQualifiedName) return node.right.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? propertyName(node.property, node.computed) : undefined;
}

type TypeWrapper = TSESTree.TSNonNullExpression | TSESTree.TSAsExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion;

/** A TypeScript-only wrapper around a value: `x!`, `x as T`, `<T>x`, `x satisfies T`. */
export function isTypeWrapper(node: TSESTree.Node): node is TypeWrapper {
  return (
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** Looks through TypeScript-only wrappers (isTypeWrapper) to the value. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}

/**
 * `node` is `Object.freeze(value)`: the same object, made read-only, as factories of controllers
 * and services often return it (`return Object.freeze({ list, show })`).
 */
export function isObjectFreeze(node: TSESTree.Node, value: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments[0] !== value) return false;
  const callee = node.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    propertyName(callee.property, callee.computed) === 'freeze'
  );
}

/** `node` seen through TypeScript wrappers and optional chains (`(db as Database)`, `db!`), and what holds that. */
export function outermost(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
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

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Pushes the child nodes of `node` onto `stack`, by `visitorKeys`, or by its own keys for a type
 * they do not know (another parser's). Walking by the keys skips `range`, `loc` and the scalar
 * fields that a walk over all of a node's keys visits too: half the time over a whole class
 * (Directus' ItemsService and FieldsService and Parse Server's PostgresStorageAdapter: 5 ms
 * against 11).
 */
export function pushChildNodes(
  node: TSESTree.Node,
  stack: TSESTree.Node[],
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
): void {
  const keys = visitorKeys[node.type];
  if (keys) {
    // Indexed loops: iterators allocate where V8 has not optimised the walk yet.
    for (let k = 0; k < keys.length; k++) pushNodes((node as unknown as Record<string, unknown>)[keys[k]!], stack);
    return;
  }
  for (const key in node) if (key !== 'parent') pushNodes((node as unknown as Record<string, unknown>)[key], stack);
}

function pushNodes(value: unknown, stack: TSESTree.Node[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (isNode(value[i])) stack.push(value[i] as TSESTree.Node);
  } else if (isNode(value)) {
    stack.push(value);
  }
}

/** The child nodes of `node`, in source order, by the parser's visitor keys. */
export function* childNodes(
  node: TSESTree.Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
): Generator<TSESTree.Node> {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) yield child;
    }
  }
}

/** Whether `predicate` holds for `node` or a node inside it, not looking into functions it creates. */
export function someInside(
  node: TSESTree.Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  predicate: (node: TSESTree.Node) => boolean,
): boolean {
  if (isFunctionNode(node)) return false;
  if (predicate(node)) return true;
  for (const child of childNodes(node, visitorKeys)) {
    if (someInside(child, visitorKeys, predicate)) return true;
  }
  return false;
}

/** `identifier` names a global (declared by the environment, or not declared at all), not a variable of the file. */
export function isGlobalReference(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return !variable || variable.defs.length === 0;
}

/**
 * The variables a function declaration or a variable declarator names: a function's own name, not
 * its parameters, which scope analysis also gives as declared by it. A parameter passed to a call,
 * called, or read inside worker code says nothing about how the function itself is used.
 */
export function namedVariables(
  scopeManager: TSESLint.Scope.ScopeManager | null | undefined,
  declaration: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator,
): TSESLint.Scope.Variable[] {
  const variables = scopeManager?.getDeclaredVariables(declaration) ?? [];
  if (declaration.type !== AST_NODE_TYPES.FunctionDeclaration) return variables;
  return variables.filter((variable) => variable.defs.some((definition) => definition.type === 'FunctionName'));
}

/** Whether `inner` lies within `outer`'s source range. */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
