import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { BlockingCall, RequestSite } from '../analysis/file-analysis.js';
import type { DirectCall } from '../analysis/module-graph.js';
import type { AwaitedReplacement } from '../catalog/index.js';
import { isFunctionNode, propertyName, type FunctionNode } from '../util/ast.js';

export interface AwaitedSuggestion {
  /** The enclosing handler had to become async for `await` to be valid. */
  readonly makesHandlerAsync: boolean;
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * The rewrite of a blocking call to its awaited equivalent, or undefined where the rewrite would
 * not keep the code valid and meaning the same: no drop-in replacement, an option the awaited form
 * ignores, `.call`/optional calls, or an enclosing function that cannot become async.
 */
export function awaitedSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: BlockingCall,
): AwaitedSuggestion | undefined {
  const replacement = blocking.api.replacement;
  const { node: call, direct } = blocking;
  if (!direct || !replacement || replacement.differs || direct.invocation !== 'direct' || call.optional) return undefined;
  if (!argumentsSupported(call, replacement)) return undefined;

  const fn = enclosingFunction(call);
  if (!fn || (fn.generator && !fn.async)) return undefined;
  const makesHandlerAsync = !fn.async;
  if (makesHandlerAsync && !canBecomeAsync(fn, blocking)) return undefined;

  const callee = calleeRewrite(sourceCode, blocking, direct, replacement);
  if (!callee) return undefined;

  return {
    makesHandlerAsync,
    fix: (fixer) => {
      const rest = sourceCode.text.slice(blocking.node.callee.range[1], call.range[1]);
      const awaited = `await ${callee.text}${rest}`;
      const fixes = [
        fixer.replaceText(call, call.parent.type === AST_NODE_TYPES.AwaitExpression
          ? `${callee.text}${rest}`
          : needsParentheses(call) ? `(${awaited})` : awaited),
      ];
      if (callee.importFix) fixes.push(callee.importFix(fixer));
      if (makesHandlerAsync) fixes.push(...makeAsync(sourceCode, fn, fixer));
      return fixes;
    },
  };
}

/** The await must be evaluated in `fn`'s body: not in its parameters, a class field or a static block. */
export function enclosingFunction(call: TSESTree.CallExpression): FunctionNode | undefined {
  let child: TSESTree.Node = call;
  for (let current: TSESTree.Node | undefined = call.parent; current; child = current, current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      current.type === AST_NODE_TYPES.AccessorProperty
    ) {
      return undefined;
    }
    if (isFunctionNode(current)) return current.body === child ? current : undefined;
  }
  return undefined;
}

/** Only the handler itself may become async: its framework awaits it. A nested sync callback may not. */
export function canBecomeAsync(fn: FunctionNode, site: RequestSite): boolean {
  if (site.handler?.node !== fn || fn.generator) return false;
  const owner = fn.parent;
  if (owner?.type === AST_NODE_TYPES.MethodDefinition && owner.kind !== 'method') return false;
  if (owner?.type === AST_NODE_TYPES.Property && owner.kind !== 'init') return false;
  return fn.returnType?.typeAnnotation.type !== AST_NODE_TYPES.TSTypePredicate;
}

export function makeAsync(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  fixer: TSESLint.RuleFixer,
): TSESLint.RuleFix[] {
  const owner = fn.parent;
  const isMethod =
    (owner?.type === AST_NODE_TYPES.MethodDefinition || (owner?.type === AST_NODE_TYPES.Property && owner.method)) &&
    owner.value === fn;
  const head = isMethod
    ? owner.computed
      ? sourceCode.getTokenBefore(owner.key)!
      : owner.key
    : sourceCode.getFirstToken(fn)!;
  const fixes = [fixer.insertTextBefore(head, 'async ')];
  const returnType = fn.returnType?.typeAnnotation;
  if (returnType && !isPromiseType(returnType)) {
    fixes.push(fixer.replaceText(returnType, `Promise<${sourceCode.getText(returnType)}>`));
  }
  return fixes;
}

function isPromiseType(type: TSESTree.TypeNode): boolean {
  return (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    type.typeName.name === 'Promise'
  );
}

/** `await` binds tighter than these positions allow, so the awaited call needs parentheses there. */
export function needsParentheses(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === call;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === call;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === call;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === call;
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return true;
    default:
      return false;
  }
}

/**
 * The awaited form must receive the same arguments: no spread (the rule cannot see them), no file
 * descriptor literal where the promise API wants a FileHandle, and no option the awaited form ignores.
 */
function argumentsSupported(call: TSESTree.CallExpression, replacement: AwaitedReplacement): boolean {
  const [first, ...rest] = call.arguments;
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number') return false;
  const unsupported = replacement.unsupportedOptions;
  if (!unsupported) return true;
  return rest.every((argument) => {
    if (argument.type === AST_NODE_TYPES.Literal) return true;
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return argument.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !unsupported.includes(propertyName(property.key, property.computed) ?? ''),
    );
  });
}

interface CalleeRewrite {
  readonly text: string;
  readonly importFix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

const PROMISES_SPECIFIERS = new Set(['fs/promises', 'node:fs/promises']);

/** What to call instead, and the import that makes it available when the file has none yet. */
function calleeRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: BlockingCall,
  { reference, moduleName }: DirectCall,
  replacement: AwaitedReplacement,
): CalleeRewrite | undefined {
  const isNodeFs = moduleName === 'fs' || moduleName === 'node:fs';
  // `fs.readFileSync(...)` on the module object itself: `fs.promises.readFile(...)` needs no import.
  if (
    isNodeFs &&
    replacement.module === 'node:fs/promises' &&
    blocking.api.path.length === 1 &&
    reference.type === AST_NODE_TYPES.MemberExpression
  ) {
    return { text: `${sourceCode.getText(reference.object)}.promises.${replacement.name}` };
  }
  if (replacement.module !== 'node:fs/promises') return undefined;

  const scope = sourceCode.getScope(blocking.node);
  const existing = existingPromisesBinding(sourceCode, replacement.name, scope);
  if (existing) return { text: existing };

  const specifier = moduleName.startsWith('node:') ? 'node:fs/promises' : 'fs/promises';
  const local = freeName(sourceCode, scope, replacement.name);
  const binding = local === replacement.name ? local : `${replacement.name} as ${local}`;
  const program = sourceCode.ast;
  const imports = program.body.filter(
    (statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const usesRequire = sourceCode.scopeManager?.globalScope?.through.some((ref) => ref.identifier.name === 'require');
  const esm = imports.length > 0 || (program.sourceType === 'module' && !usesRequire);

  if (esm) {
    const namedImport = imports.find(
      (declaration) =>
        PROMISES_SPECIFIERS.has(declaration.source.value) &&
        declaration.importKind !== 'type' &&
        declaration.specifiers.length > 0 &&
        declaration.specifiers.every((s) => s.type === AST_NODE_TYPES.ImportSpecifier),
    );
    if (namedImport) {
      const last = namedImport.specifiers.at(-1)!;
      return { text: local, importFix: (fixer) => fixer.insertTextAfter(last, `, ${binding}`) };
    }
    const statement = `import { ${binding} } from '${specifier}';`;
    const lastImport = imports.at(-1);
    return {
      text: local,
      importFix: (fixer) =>
        lastImport
          ? fixer.insertTextAfter(lastImport, `\n${statement}`)
          : fixer.insertTextBefore(firstStatement(program), `${statement}\n`),
    };
  }
  const destructured = local === replacement.name ? local : `${replacement.name}: ${local}`;
  const statement = `const { ${destructured} } = require('${specifier}');`;
  const lastRequire = program.body.findLast(
    (s) => s.range[1] <= blocking.node.range[0] && isRequireDeclaration(s),
  );
  return {
    text: local,
    importFix: (fixer) =>
      lastRequire
        ? fixer.insertTextAfter(lastRequire, `\n${statement}`)
        : fixer.insertTextBefore(firstStatement(program), `${statement}\n`),
  };
}

/** `import { readFile } from 'node:fs/promises'`, `import * as fsp from ...` or `const fsp = require(...)`. */
function existingPromisesBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
  scope: TSESLint.Scope.Scope,
): string | undefined {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (!PROMISES_SPECIFIERS.has(statement.source.value) || statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind !== 'type' && propertyName(specifier.imported) === name) {
            if (isVisible(scope, specifier.local)) return specifier.local.name;
          }
        } else if (isVisible(scope, specifier.local)) {
          return `${specifier.local.name}.${name}`;
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = requireSource(declarator.init);
        if (!source || !PROMISES_SPECIFIERS.has(source)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier && isVisible(scope, declarator.id)) {
          return `${declarator.id.name}.${name}`;
        }
        if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              propertyName(property.key, property.computed) === name &&
              property.value.type === AST_NODE_TYPES.Identifier &&
              isVisible(scope, property.value)
            ) {
              return property.value.name;
            }
          }
        }
      }
    }
  }
  return undefined;
}

/** The module-level binding `id` is what its name means at the call (not shadowed). */
function isVisible(scope: TSESLint.Scope.Scope, id: TSESTree.Identifier): boolean {
  return ASTUtils.findVariable(scope, id.name)?.identifiers.includes(id) ?? false;
}

/** `preferred`, or `preferredAsync`, `preferredAsync2`, ...: a name that neither shadows nor is shadowed. */
function freeName(sourceCode: Readonly<TSESLint.SourceCode>, scope: TSESLint.Scope.Scope, preferred: string): string {
  const globalThrough = new Set(sourceCode.scopeManager?.globalScope?.through.map((ref) => ref.identifier.name));
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((s) => s.type === 'module');
  const taken = (name: string): boolean =>
    ASTUtils.findVariable(scope, name) !== null || globalThrough.has(name) || (moduleScope?.set.has(name) ?? false);
  if (!taken(preferred)) return preferred;
  for (let index = 1; ; index++) {
    const candidate = `${preferred}Async${index === 1 ? '' : index}`;
    if (!taken(candidate)) return candidate;
  }
}

function requireSource(node: TSESTree.Node | null): string | undefined {
  if (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => requireSource(declarator.init) !== undefined)
  );
}

/** Imports go after directives such as `'use strict'` or `'use server'`, which must stay first. */
function firstStatement(program: TSESTree.Program): TSESTree.ProgramStatement {
  return program.body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive)) ?? program.body[0]!;
}
