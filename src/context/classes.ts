import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { classFrameworks, type ClassConvention, type ClassFramework, type FrameworkId } from '../catalog/frameworks.js';
import { propertyName, type FunctionNode } from '../util/ast.js';
import { moduleOrigin } from './imports.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A class method a framework calls per request: a NestJS controller route, resolver field, gateway
 * message, guard, interceptor, pipe, middleware or exception filter; a TypeGraphQL resolver; an
 * Egg.js controller action; or a method with one of the user's `handlers.decorators`.
 */
export function classMethodRole(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  { decorators, enabled }: { decorators: readonly string[]; enabled: (id: FrameworkId) => boolean },
): string | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.static) return undefined;
  if (method.kind !== 'method') return undefined;
  const classNode = method.parent.parent;
  const name = propertyName(method.key, method.computed);

  // Parsers without decorator or TypeScript support (espree) leave these lists out.
  const userDecorator = (method.decorators ?? [])
    .map(decoratorName)
    .find((decorator) => decorator && decorators.includes(decorator));
  if (userDecorator) return `@${userDecorator}() handler`;

  for (const framework of classFrameworks) {
    if (!enabled(framework.id)) continue;
    const belongs = (node: TSESTree.Node | undefined) => node !== undefined && isFrameworks(sourceCode, framework, node);
    for (const convention of framework.conventions) {
      if (matches(sourceCode, convention, framework, classNode, method, name, belongs)) {
        return `${framework.label} ${convention.role}`;
      }
    }
  }
  return undefined;
}

function matches(
  sourceCode: Readonly<TSESLint.SourceCode>,
  convention: ClassConvention,
  framework: ClassFramework,
  classNode: ClassNode,
  method: TSESTree.MethodDefinition,
  name: string | undefined,
  belongs: (node: TSESTree.Node | undefined) => boolean,
): boolean {
  const { classDecorators, methodDecorators, implements: interfaces, extendsCall, extendsExport, methods } = convention;
  if (methods && (name === undefined || !methods.includes(name))) return false;
  const isPublic =
    method.accessibility !== 'private' &&
    method.accessibility !== 'protected' &&
    method.key.type !== AST_NODE_TYPES.PrivateIdentifier &&
    name !== 'constructor';
  if (!methods && !methodDecorators && !isPublic) return false;
  const decorated = (list: readonly TSESTree.Decorator[], names: readonly string[]) =>
    list.some((decorator) => names.includes(decoratorName(decorator) ?? '') && belongs(decoratorCallee(decorator)));
  if (classDecorators && !decorated(classNode.decorators ?? [], classDecorators)) return false;
  if (methodDecorators && !decorated(method.decorators ?? [], methodDecorators)) return false;
  if (
    interfaces &&
    !(classNode.implements ?? []).some(
      (clause) => interfaces.includes(typeName(clause.expression) ?? '') && belongs(clause.expression),
    )
  ) {
    return false;
  }
  const superClass = classNode.superClass;
  if (extendsCall) {
    if (superClass?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (!extendsCall.includes(typeName(superClass.callee) ?? '') || !belongs(superClass.callee)) return false;
  }
  if (extendsExport) {
    const origin = superClass ? moduleOrigin(sourceCode, superClass) : undefined;
    if (!origin || !framework.modules.includes(origin.module) || origin.path.join('.') !== extendsExport) return false;
  }
  return true;
}

/**
 * A decorator, interface or base class of this framework: imported from one of its modules, or not
 * imported at all (declared or re-exported locally: taken by name).
 */
function isFrameworks(sourceCode: Readonly<TSESLint.SourceCode>, framework: ClassFramework, node: TSESTree.Node): boolean {
  const origin = moduleOrigin(sourceCode, node);
  return origin === undefined || framework.modules.includes(origin.module);
}

function decoratorCallee(decorator: TSESTree.Decorator): TSESTree.Node {
  return decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  return typeName(decoratorCallee(decorator));
}

/** `Get`, `common.Get`, `CanActivate`: the last name of an identifier or qualified chain. */
function typeName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node.property, node.computed);
  return undefined;
}
