import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { BlockingCall, RequestSite } from '../analysis/file-analysis.js';
import type { DirectCall } from '../analysis/module-graph.js';
import { unresolvedByName } from '../analysis/module-references.js';
import { bareModuleName, importSpecifiers, type AwaitedReplacement, type BlockingApi } from '../catalog/index.js';
import { argumentsOf, isFunctionNode, propertyName, type CallSite, type FunctionNode } from '../util/ast.js';

/** A call of a catalog API itself, with how it was written: what the rewrite works from. */
interface DirectBlockingCall extends DirectCall {
  readonly node: CallSite;
  readonly api: BlockingApi;
}

export interface AwaitedSuggestion {
  /** The enclosing handler had to become async for `await` to be valid. */
  readonly makesHandlerAsync: boolean;
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * The rewrite of a blocking call to its awaited equivalent, or undefined where the rewrite would
 * not keep the code valid and meaning the same: no drop-in replacement, an option or argument
 * count the awaited form does not take, a result the awaited form gives differently, `.call`/
 * optional calls, or an enclosing function that cannot become async.
 */
export function awaitedSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: BlockingCall,
): AwaitedSuggestion | undefined {
  const replacement = blocking.api.replacement;
  const { node: call, direct } = blocking;
  if (!direct || !replacement || replacement.differs || direct.invocation !== 'direct' || (call.type === AST_NODE_TYPES.CallExpression && call.optional)) return undefined;
  if (!argumentsSupported(call, replacement)) return undefined;
  const result = resultUse(call, replacement);
  if (!result) return undefined;

  const fn = enclosingFunction(call);
  if (!fn || (fn.generator && !fn.async)) return undefined;
  const makesHandlerAsync = !fn.async;
  if (makesHandlerAsync && !canBecomeAsync(fn, blocking)) return undefined;

  const named = namedCallee(direct.reference);
  if (!named) return undefined;
  // Built field by field: spreading the whole BlockingCall cost more than the rest of the rewrite.
  const directCall: DirectBlockingCall = {
    node: call,
    api: blocking.api,
    reference: named,
    moduleName: direct.moduleName,
    invocation: direct.invocation,
  };
  const callee = calleeRewrite(sourceCode, directCall, replacement);
  if (!callee) return undefined;

  return {
    makesHandlerAsync,
    fix: (fixer) => {
      // Only the name changes: what surrounds it stays, the parentheses of `(fs.readFileSync)(p)` and
      // `(0, fs_1.readFileSync)(p)` (TypeScript's CommonJS output), then the arguments, a template
      // or both (`$.sync({ cwd })\`ls\``).
      const { text: source } = sourceCode;
      const rewritten = `${source.slice(call.range[0], named.range[0])}${callee.text}${source.slice(named.range[1], call.range[1])}`;
      const awaited = `await ${rewritten}`;
      const { target, property } = result;
      let text: string;
      if (property) text = `(${awaited}).${property}`;
      else if (target.parent.type === AST_NODE_TYPES.AwaitExpression) text = rewritten;
      else text = needsParentheses(target) ? `(${awaited})` : awaited;
      const fixes = [fixer.replaceText(target, text), ...callee.importFixes(fixer)];
      if (makesHandlerAsync) fixes.push(...makeAsync(sourceCode, fn, fixer));
      return fixes;
    },
  };
}

/**
 * The name the call goes through, which the rewrite replaces: the callee itself, or the last
 * expression of `(0, fs_1.readFileSync)`. None for a callee that picks one of several functions
 * (`(a ? fs.readFileSync : read)(p)`), which ReferenceTracker also reports as a call.
 */
function namedCallee(reference: TSESTree.Node): TSESTree.Identifier | TSESTree.MemberExpression | undefined {
  const named = reference.type === AST_NODE_TYPES.SequenceExpression ? reference.expressions.at(-1) : reference;
  return named?.type === AST_NODE_TYPES.Identifier || named?.type === AST_NODE_TYPES.MemberExpression ? named : undefined;
}

interface ResultUse {
  /** The node the awaited expression replaces: the call, or `call.toString()` when the rewrite drops it. */
  readonly target: CallSite;
  /** Property of the resolved value to read (`stdout`); undefined when the whole value is the result or it is unused. */
  readonly property?: string;
}

/**
 * How the sync call's result is used, and so what the rewrite must produce to keep it: nothing
 * when it is discarded; the replacement's `resultProperty` otherwise; and for a replacement that
 * decodes output the sync form returns as a Buffer, only a string use (an `encoding` option, or
 * `.toString()`, which the rewrite drops because the awaited form already decoded it).
 */
function resultUse(call: CallSite, replacement: AwaitedReplacement): ResultUse | undefined {
  if (call.parent.type === AST_NODE_TYPES.ExpressionStatement) return { target: call };
  // The result is called: `execaSync(options)` and `$.sync(options)` bind options to a new
  // function (`$.sync({ cwd })\`ls\``), and awaiting that function would not run the command.
  if (
    (call.parent.type === AST_NODE_TYPES.TaggedTemplateExpression && call.parent.tag === call) ||
    (call.parent.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call)
  ) {
    return undefined;
  }
  const property = replacement.resultProperty;
  if (!replacement.decodesByDefault || hasEncodingOption(call)) return { target: call, property };
  const member = call.parent;
  const toString = member.parent;
  if (
    member.type === AST_NODE_TYPES.MemberExpression &&
    member.object === call &&
    propertyName(member.property, member.computed) === 'toString' &&
    toString?.type === AST_NODE_TYPES.CallExpression &&
    toString.callee === member &&
    toString.arguments.every(
      (argument) => argument.type === AST_NODE_TYPES.Literal && UTF8.has(String(argument.value).toLowerCase()),
    ) &&
    toString.arguments.length <= 1
  ) {
    return { target: toString, property };
  }
  return undefined;
}

const UTF8 = new Set(['utf8', 'utf-8']);

/** An options object literal with an `encoding` string: both forms then return that encoding's result. */
function hasEncodingOption(call: CallSite): boolean {
  return argumentsOf(call).some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          propertyName(property.key, property.computed) === 'encoding' &&
          property.value.type === AST_NODE_TYPES.Literal &&
          typeof property.value.value === 'string',
      ),
  );
}

/** The await must be evaluated in `fn`'s body: not in its parameters, a class field or a static block. */
export function enclosingFunction(call: CallSite): FunctionNode | undefined {
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
export function needsParentheses(call: CallSite): boolean {
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
 * The awaited form must receive the same arguments: no spread (the rule cannot see them), at least
 * as many as it needs, no file descriptor literal where it wants a FileHandle, and no option it
 * ignores (an options object it cannot see into may hold one).
 */
function argumentsSupported(call: CallSite, replacement: AwaitedReplacement): boolean {
  const args = argumentsOf(call);
  const [first, ...rest] = args;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  if (args.length < (replacement.requiredArguments ?? 0)) return false;
  if (
    replacement.fileDescriptorArgument &&
    first?.type === AST_NODE_TYPES.Literal &&
    typeof first.value === 'number'
  ) {
    return false;
  }
  const unsupported = replacement.unsupportedOptions;
  if (!unsupported) return true;
  return rest.every((argument) => {
    if (
      argument.type === AST_NODE_TYPES.Literal ||
      argument.type === AST_NODE_TYPES.TemplateLiteral ||
      argument.type === AST_NODE_TYPES.ArrayExpression
    ) {
      return true;
    }
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
  readonly importFixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/** A value the rewrite refers to: an expression already in scope, or an import the fix adds. */
interface Binding {
  readonly text: string;
  readonly newImport?: NewImport;
}

interface NewImport {
  /** Module specifier to import from, in the file's spelling (`node:util` or `util`). */
  readonly specifier: string;
  readonly name: string;
  readonly local: string;
}

const FS_PROMISES = 'node:fs/promises';
const UTIL = 'node:util';

/** What to call instead, and the imports that make it available when the file has none yet. */
function calleeRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: DirectBlockingCall,
  replacement: AwaitedReplacement,
): CalleeRewrite | undefined {
  const scope = sourceCode.getScope(blocking.node);
  const taken = new Set<string>();
  const fn = replacementBinding(sourceCode, blocking, replacement, scope, taken);
  if (!fn) return undefined;
  if (!replacement.promisified) return { text: fn.text, importFixes: importFixes(sourceCode, blocking, [fn]) };

  const promisify = moduleExport(sourceCode, blocking, UTIL, 'promisify', scope, taken);
  // `const execAsync = promisify(exec)` already in the file: call that.
  const alias = fn.newImport || promisify.newImport ? undefined : promisifiedAlias(sourceCode, scope, promisify.text, fn.text);
  if (alias) return { text: alias, importFixes: () => [] };
  return { text: `${promisify.text}(${fn.text})`, importFixes: importFixes(sourceCode, blocking, [promisify, fn]) };
}

/** The replacement function: next to the sync API on the same object, or imported by name. */
function replacementBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: DirectBlockingCall,
  replacement: AwaitedReplacement,
  scope: TSESLint.Scope.Scope,
  taken: Set<string>,
): Binding | undefined {
  const { reference, moduleName, api } = blocking;
  const namePath = replacement.name.split('.');
  if (reference.type === AST_NODE_TYPES.MemberExpression && !reference.optional) {
    const object = memberObjectText(sourceCode, reference);
    // `fs.readFileSync(...)` on the module object itself: `fs.promises.readFile(...)` needs no import.
    if (
      bareModuleName(moduleName) === 'fs' &&
      replacement.module === FS_PROMISES &&
      api.path.length === 1
    ) {
      return { text: `${object}.promises.${replacement.name}` };
    }
    // `cp.execSync` → `cp.exec`, `ZipEntry.createSync` → `ZipEntry.create`: a sibling of the same module.
    if (
      bareModuleName(replacement.module) === bareModuleName(moduleName) &&
      namePath.length === api.path.length &&
      namePath.slice(0, -1).every((key, index) => key === api.path[index])
    ) {
      return { text: `${object}.${namePath.at(-1)!}` };
    }
  }
  if (namePath.length > 1) return undefined;
  return moduleExport(sourceCode, blocking, replacement.module, replacement.name, scope, taken);
}

/** `module`'s export `name`, as a binding the file already has or as a new import. */
function moduleExport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: DirectBlockingCall,
  module: string,
  name: string,
  scope: TSESLint.Scope.Scope,
  taken: Set<string>,
): Binding {
  const specifiers = new Set(importSpecifiers(bareModuleName(module)));
  const existing = existingBinding(sourceCode, specifiers, name, scope);
  if (existing) return { text: existing };
  const local = freeName(sourceCode, scope, name, taken);
  taken.add(local);
  return { text: local, newImport: { specifier: specifierLike(module, blocking.moduleName), name, local } };
}

/**
 * A core module in the spelling the file used for the blocking import (`node:fs` → `node:util`,
 * `fs` → `util`); a package as it is.
 */
function specifierLike(module: string, blockingModuleName: string): string {
  const bare = bareModuleName(module);
  if (bare === module && !module.startsWith('node:')) return module;
  return blockingModuleName.startsWith('node:') ? `node:${bare}` : bare;
}

/** `x` of `x.f` / `x['f']` with its parentheses, so `(cp as any).execSync` keeps them. */
function memberObjectText(sourceCode: Readonly<TSESLint.SourceCode>, member: TSESTree.MemberExpression): string {
  // The accessor right after the object: no parentheses to keep, and no tokens to look up.
  const next = sourceCode.text[member.object.range[1]];
  if (next === '.' || next === '[' || next === '?') return sourceCode.text.slice(member.range[0], member.object.range[1]);
  const accessor = sourceCode.getTokenAfter(member.object, ASTUtils.isNotClosingParenToken)!;
  return sourceCode.text.slice(member.range[0], sourceCode.getTokenBefore(accessor)!.range[1]);
}

/** A module-level `const name = promisify(fn)` visible at the call. */
function promisifiedAlias(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scope: TSESLint.Scope.Scope,
  promisifyText: string,
  fnText: string,
): string | undefined {
  for (const statement of sourceCode.ast.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const { id, init } of declaration.declarations) {
      if (
        id.type === AST_NODE_TYPES.Identifier &&
        init?.type === AST_NODE_TYPES.CallExpression &&
        init.arguments.length === 1 &&
        sourceCode.getText(init.callee) === promisifyText &&
        sourceCode.getText(init.arguments[0]) === fnText &&
        isVisible(scope, id)
      ) {
        return id.name;
      }
    }
  }
  return undefined;
}

/**
 * The imports the rewrite needs, in the file's module style: a name added to an existing named
 * import of the module, or new statements after the last import (ESM) or the last `require`
 * before the call (CommonJS). New statements at one place become one insertion.
 */
function importFixes(
  sourceCode: Readonly<TSESLint.SourceCode>,
  blocking: DirectBlockingCall,
  bindings: readonly Binding[],
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] {
  const needed = bindings.flatMap((binding) => (binding.newImport ? [binding.newImport] : []));
  if (needed.length === 0) return () => [];
  const program = sourceCode.ast;
  const { imports, esm } = moduleStyle(sourceCode);

  const additions: { after: TSESTree.Node; text: string }[] = [];
  const statements: string[] = [];
  for (const { specifier, name, local } of needed) {
    if (esm) {
      const binding = local === name ? local : `${name} as ${local}`;
      const specifiers = new Set(importSpecifiers(bareModuleName(specifier)));
      const namedImport = imports.find(
        (declaration) =>
          specifiers.has(declaration.source.value) &&
          declaration.importKind !== 'type' &&
          declaration.specifiers.length > 0 &&
          declaration.specifiers.every((s) => s.type === AST_NODE_TYPES.ImportSpecifier),
      );
      if (namedImport) additions.push({ after: namedImport.specifiers.at(-1)!, text: `, ${binding}` });
      else statements.push(`import { ${binding} } from '${specifier}';`);
    } else {
      const destructured = local === name ? local : `${name}: ${local}`;
      statements.push(`const { ${destructured} } = require('${specifier}');`);
    }
  }
  const anchor = esm
    ? imports.at(-1)
    : program.body.findLast((s) => s.range[1] <= blocking.node.range[0] && isRequireDeclaration(s));
  return (fixer) => {
    const fixes = additions.map(({ after, text }) => fixer.insertTextAfter(after, text));
    if (statements.length > 0) {
      fixes.push(
        anchor
          ? fixer.insertTextAfter(anchor, `\n${statements.join('\n')}`)
          : fixer.insertTextBefore(firstStatement(program), `${statements.join('\n')}\n`),
      );
    }
    return fixes;
  };
}

interface ModuleStyle {
  readonly imports: readonly TSESTree.ImportDeclaration[];
  /** New imports are `import` statements (else `require` declarations). */
  readonly esm: boolean;
}

/** Per file: a file with many blocking calls asks for every one of them. */
const moduleStyles = new WeakMap<TSESTree.Program, ModuleStyle>();

function moduleStyle(sourceCode: Readonly<TSESLint.SourceCode>): ModuleStyle {
  const program = sourceCode.ast;
  let style = moduleStyles.get(program);
  if (!style) {
    const imports = program.body.filter(
      (statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration,
    );
    const globalScope = sourceCode.scopeManager?.globalScope;
    const usesRequire = globalScope ? unresolvedByName(globalScope).has('require') : false;
    style = { imports, esm: imports.length > 0 || (program.sourceType === 'module' && !usesRequire) };
    moduleStyles.set(program, style);
  }
  return style;
}

/**
 * `name` of a module the file already imports: `import { name } from 'm'`, `import * as m` or a
 * default import (`m.name`), `const { name } = require('m')` or `const m = require('m')`.
 */
function existingBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifiers: ReadonlySet<string>,
  name: string,
  scope: TSESLint.Scope.Scope,
): string | undefined {
  for (const binding of moduleBindings(sourceCode.ast)) {
    if (!specifiers.has(binding.source)) continue;
    if (binding.imported === undefined) {
      if (isVisible(scope, binding.local)) return `${binding.local.name}.${name}`;
    } else if (binding.imported === name && isVisible(scope, binding.local)) {
      return binding.local.name;
    }
  }
  return undefined;
}

interface ModuleBinding {
  /** The specifier as written. */
  readonly source: string;
  readonly local: TSESTree.Identifier;
  /** The export it binds, or undefined for the module object (namespace, default or whole `require`). */
  readonly imported?: string;
}

const moduleBindingsByProgram = new WeakMap<TSESTree.Program, readonly ModuleBinding[]>();

/** The file's top-level bindings of modules (values, not types), in source order; once per file. */
function moduleBindings(program: TSESTree.Program): readonly ModuleBinding[] {
  let bindings = moduleBindingsByProgram.get(program);
  if (bindings) return bindings;
  const found: ModuleBinding[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      const source = statement.source.value;
      for (const specifier of statement.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
          found.push({ source, local: specifier.local });
          continue;
        }
        const imported = propertyName(specifier.imported);
        if (specifier.importKind !== 'type' && imported !== undefined) found.push({ source, local: specifier.local, imported });
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = requireSource(declarator.init);
        if (!source) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) found.push({ source, local: declarator.id });
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const imported = propertyName(property.key, property.computed);
          if (imported !== undefined) found.push({ source, local: property.value, imported });
        }
      }
    }
  }
  moduleBindingsByProgram.set(program, (bindings = found));
  return bindings;
}

/** The module-level binding `id` is what its name means at the call (not shadowed). */
function isVisible(scope: TSESLint.Scope.Scope, id: TSESTree.Identifier): boolean {
  return ASTUtils.findVariable(scope, id.name)?.identifiers.includes(id) ?? false;
}

/**
 * `preferred`, or `preferredAsync`, `preferredAsync2`, ...: a name that neither shadows nor is
 * shadowed, and that no other import of the same fix (`also`) takes.
 */
function freeName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scope: TSESLint.Scope.Scope,
  preferred: string,
  also: ReadonlySet<string>,
): string {
  const globalScope = sourceCode.scopeManager?.globalScope;
  const unresolved = globalScope ? unresolvedByName(globalScope) : undefined;
  const moduleScope = globalScope?.childScopes.find((s) => s.type === 'module');
  const taken = (name: string): boolean =>
    also.has(name) ||
    ASTUtils.findVariable(scope, name) !== null ||
    (unresolved?.has(name) ?? false) ||
    (moduleScope?.set.has(name) ?? false);
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
