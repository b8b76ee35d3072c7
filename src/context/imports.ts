import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, skipTypeWrappers } from '../util/ast.js';

/** The module export an expression reads: `Router` from `import { Router } from 'express'` is `express` `['Router']`. */
export interface ModuleOrigin {
  /** As written, without a `node:` prefix. */
  readonly module: string;
  /** Export path below the module; a default or namespace import is the module itself (`[]`). */
  readonly path: readonly string[];
}

const MAX_DEPTH = 4;

/**
 * Where a name or property chain comes from, when the file shows it: ESM imports of every kind,
 * `require()` with or without destructuring, and properties of either. Works for identifiers in
 * type positions too (`app: FastifyInstance`), so type annotations can be traced to their module.
 */
export function moduleOrigin(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  depth = 0,
): ModuleOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierOrigin(sourceCode, expression, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const key = propertyName(expression.property, expression.computed);
      const object = key === undefined ? undefined : moduleOrigin(sourceCode, expression.object, depth + 1);
      return object && key !== undefined ? { module: object.module, path: [...object.path, key] } : undefined;
    }
    case AST_NODE_TYPES.TSQualifiedName: {
      const object = moduleOrigin(sourceCode, expression.left, depth + 1);
      return object && { module: object.module, path: [...object.path, expression.right.name] };
    }
    case AST_NODE_TYPES.CallExpression: {
      const name = requiredModule(expression);
      return name === undefined ? undefined : { module: name, path: [] };
    }
    default:
      return undefined;
  }
}

function identifierOrigin(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
  depth: number,
): ModuleOrigin | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') {
    const specifier = definition.node;
    const declaration = specifier.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const module = withoutNodePrefix(declaration.source.value);
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = propertyName(specifier.imported);
      return imported === undefined || imported === 'default' ? { module, path: [] } : { module, path: [imported] };
    }
    return { module, path: [] };
  }
  if (definition.type === 'Variable' && definition.node.init) {
    const declarator = definition.node;
    const init = moduleOrigin(sourceCode, declarator.init!, depth + 1);
    if (!init) return undefined;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return init;
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const property = declarator.id.properties.find(
        (candidate) =>
          candidate.type === AST_NODE_TYPES.Property &&
          (candidate.value === definition.name ||
            (candidate.value.type === AST_NODE_TYPES.AssignmentPattern && candidate.value.left === definition.name)),
      );
      const key = property?.type === AST_NODE_TYPES.Property ? propertyName(property.key, property.computed) : undefined;
      return key === undefined ? undefined : { module: init.module, path: [...init.path, key] };
    }
  }
  return undefined;
}

/** `require('x')` → `x` (no `node:` prefix). */
function requiredModule(call: TSESTree.CallExpression): string | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require') return undefined;
  const name = ASTUtils.getStringIfConstant(call.arguments[0] as TSESTree.Node);
  return name == null ? undefined : withoutNodePrefix(name);
}

export function withoutNodePrefix(name: string): string {
  return name.startsWith('node:') ? name.slice('node:'.length) : name;
}

/** `module` is `prefix` or a subpath of it: `next` matches `next/server`, `astro` matches `astro:actions`. */
export function isModuleOrSubpath(module: string, prefix: string): boolean {
  return module === prefix || module.startsWith(`${prefix}/`) || module.startsWith(`${prefix}:`);
}
