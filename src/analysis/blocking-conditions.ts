import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { BlockingCondition } from '../catalog/index.js';
import { propertyName, skipTypeWrappers } from '../util/ast.js';

/**
 * Whether a call of an API that blocks only for some arguments blocks with these arguments (the
 * call's own arguments, after `thisArg` for `.call()`). Unknown means no: such APIs are mostly
 * called the fast way, and a report the rule cannot justify is noise.
 */
export function blocksWith(
  condition: BlockingCondition,
  args: readonly TSESTree.CallExpressionArgument[],
  scope: TSESLint.Scope.Scope,
): boolean {
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  switch (condition.kind) {
    case 'fills-at-least':
      return (filledBytes(args, scope) ?? 0) >= condition.bytes;
    case 'sync-unless-option':
      return args.slice(1).every((argument) => {
        if (argument.type !== AST_NODE_TYPES.ObjectExpression) return false;
        return argument.properties.every((property) => {
          if (property.type !== AST_NODE_TYPES.Property) return false;
          if (propertyName(property.key, property.computed) !== condition.option) return true;
          return property.value.type === AST_NODE_TYPES.Literal && property.value.value === false;
        });
      });
    case 'unless-options-bound':
      return !bindsOptions(args);
    case 'through-result':
      // Decided where the result is used (resultCalls in module-graph.ts), never at the call itself.
      return false;
  }
}

/** One options object literal and nothing else: `execaSync({ cwd })`, `$.sync({ stdio: 'inherit' })`. */
export function bindsOptions(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.length === 1 && args[0]!.type === AST_NODE_TYPES.ObjectExpression;
}

/** `randomFillSync(buffer, offset?, size?)`: bytes filled, when the arguments say. */
function filledBytes(args: readonly TSESTree.CallExpressionArgument[], scope: TSESLint.Scope.Scope): number | undefined {
  const [buffer, offset, size] = args;
  if (size) return staticNumber(size, scope);
  const length = buffer && allocatedBytes(buffer, scope);
  if (length === undefined) return undefined;
  if (!offset) return length;
  const skipped = staticNumber(offset, scope);
  return skipped === undefined ? undefined : length - skipped;
}

const BUFFER_ALLOCATORS = new Set(['alloc', 'allocUnsafe', 'allocUnsafeSlow']);
const BYTES_PER_ELEMENT: Readonly<Record<string, number>> = {
  ArrayBuffer: 1,
  SharedArrayBuffer: 1,
  Int8Array: 1,
  Uint8Array: 1,
  Uint8ClampedArray: 1,
  Int16Array: 2,
  Uint16Array: 2,
  Float16Array: 2,
  Int32Array: 4,
  Uint32Array: 4,
  Float32Array: 4,
  Float64Array: 8,
  BigInt64Array: 8,
  BigUint64Array: 8,
};

/**
 * Size of a buffer allocated with a constant length where the call can see it: `Buffer.alloc(n)`,
 * `new Uint8Array(n)`, `new ArrayBuffer(n)`, or a `const` initialised with one of them.
 */
function allocatedBytes(node: TSESTree.Node, scope: TSESLint.Scope.Scope, followed = false): number | undefined {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier && !followed) {
    const definition = ASTUtils.findVariable(scope, value)?.defs[0];
    const declarator = definition?.node;
    if (
      declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.parent.kind === 'const' &&
      declarator.id === definition?.name &&
      declarator.init
    ) {
      return allocatedBytes(declarator.init, scope, true);
    }
    return undefined;
  }
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const { callee } = value;
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      isGlobal(callee.object, 'Buffer', scope) &&
      BUFFER_ALLOCATORS.has(propertyName(callee.property, callee.computed) ?? '')
    ) {
      return value.arguments[0] && staticNumber(value.arguments[0], scope);
    }
    return undefined;
  }
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
    const elementBytes = BYTES_PER_ELEMENT[value.callee.name];
    const length = value.arguments[0] && staticNumber(value.arguments[0], scope);
    if (elementBytes && length !== undefined && isGlobal(value.callee, value.callee.name, scope)) {
      return length * elementBytes;
    }
  }
  return undefined;
}

function staticNumber(node: TSESTree.Node, scope: TSESLint.Scope.Scope): number | undefined {
  const result = ASTUtils.getStaticValue(node, scope);
  return typeof result?.value === 'number' ? result.value : undefined;
}

/** `node` is the global `name`, not a variable of the file that shadows it. */
function isGlobal(node: TSESTree.Node, name: string, scope: TSESLint.Scope.Scope): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
  const variable = ASTUtils.findVariable(scope, node);
  return !variable || variable.defs.length === 0;
}
