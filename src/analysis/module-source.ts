import { createRequire } from 'node:module';
import { analyze as analyzeTypeScript } from '@typescript-eslint/scope-manager';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys as TYPESCRIPT_KEYS } from '@typescript-eslint/visitor-keys';
import { analyze } from 'eslint-scope';
import { getKeys, KEYS } from 'eslint-visitor-keys';
import { parse as parseEspree } from 'espree';
import { pushChildNodes } from '../util/ast.js';

/**
 * What the analysis needs of a module: its tree (with `parent` links), its scopes, and the scope
 * of a node. ESLint's SourceCode is one; `parseModule` makes one for a module ESLint is not linting.
 */
export interface ModuleSource {
  /** The module's text, when known: lets cheap text checks skip work on the tree. */
  readonly text?: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  getScope(node: TSESTree.Node): TSESLint.Scope.Scope;
}

/** A parser as ESLint configs hold it (`languageOptions.parser`). */
export interface Parser {
  parse?(text: string, options?: unknown): unknown;
  parseForESLint?(text: string, options?: unknown): {
    ast: unknown;
    scopeManager?: unknown;
    visitorKeys?: Record<string, readonly string[]>;
  };
}

/** Parser options that would make a parser build a type-checked program: far too slow per helper file. */
const PROGRAM_OPTIONS = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService'];

/**
 * Parses another module with the parser the user configured for the file being linted, so a
 * TypeScript project's helpers parse as TypeScript. A JavaScript file that is not valid as an ES
 * module (strict mode: `0644`, `var package`, `with`) parses as CommonJS, as Node loads it.
 * Returns undefined when the text does not parse.
 */
export function parseModule(
  text: string,
  filePath: string,
  parser: Parser,
  parserOptions: Readonly<Record<string, unknown>>,
): ModuleSource | undefined {
  const options: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(parserOptions).filter(([key]) => !PROGRAM_OPTIONS.includes(key))),
    ecmaVersion: 'latest',
    sourceType: 'module',
    filePath,
    range: true,
    loc: true,
    tokens: false,
    comment: false,
  };
  const typeScript = isTypeScriptEslintParser(parser);
  let sourceType: 'module' | 'commonjs' = 'module';
  let tree = parseTree(text, filePath, parser, typeScript, options);
  if (!tree && MAYBE_COMMON_JS.test(filePath)) {
    sourceType = 'commonjs';
    const ecmaFeatures = { ...(options.ecmaFeatures as object | undefined), globalReturn: true };
    tree = parseTree(text, filePath, parser, typeScript, { ...options, sourceType, ecmaFeatures });
  }
  if (!tree) return undefined;
  const { ast, visitorKeys } = tree;
  linkParents(ast, visitorKeys ?? KEYS);
  const scopeManager =
    tree.scopeManager ??
    (analyze(ast as never, {
      ecmaVersion: 2022,
      sourceType,
      // Given visitor keys, eslint-scope merges them into its own in every visitor it makes (one per
      // pattern): several times slower than its own keys, which know ESTree. Other nodes are walked
      // by their own keys without `parent`, as ESLint does.
      ...(visitorKeys ? { childVisitorKeys: visitorKeys as Record<string, string[]> } : {}),
      fallback: getKeys as (node: object) => string[],
    }) as unknown as TSESLint.Scope.ScopeManager);
  return { text, ast, scopeManager, getScope: (node) => scopeOf(scopeManager, node) };
}

/** JavaScript that Node may load as CommonJS: not `.mjs`, and no TypeScript (always parsed as modules). */
const MAYBE_COMMON_JS = /\.c?js$/;

interface Tree {
  readonly ast: TSESTree.Program;
  readonly scopeManager?: TSESLint.Scope.ScopeManager;
  /** The parser's own visitor keys, when it has them; ESTree's otherwise. */
  readonly visitorKeys?: Record<string, readonly string[]>;
}

/** The tree the parser gives with these options (`sourceType` among them), or undefined when it throws. */
function parseTree(
  text: string,
  filePath: string,
  parser: Parser,
  typeScript: boolean,
  options: Record<string, unknown>,
): Tree | undefined {
  try {
    // A JavaScript helper of a TypeScript project parses as JavaScript when it can (parseJavaScript):
    // typescript-estree builds a TypeScript tree and converts it, in three times the time. A helper
    // of a project that lints with espree parses the same way (faster than espree, same tree).
    const espree = isEspree(parser);
    const javaScript = espree || (typeScript && JAVASCRIPT_FILE.test(filePath)) ? parseJavaScript(text, options) : undefined;
    if (javaScript) return { ast: javaScript };
    if (espree) return undefined;
    // typescript-estree has no source type: a CommonJS retry is parseJavaScript's alone.
    if (typeScript && options.sourceType === 'module') {
      const { ast, scopeManager } = parseTypeScript(text, options);
      return { ast, scopeManager, visitorKeys: TYPESCRIPT_KEYS as Record<string, readonly string[]> };
    }
    if (typeScript) return undefined;
    if (parser.parseForESLint) {
      const result = parser.parseForESLint(text, options);
      return {
        ast: result.ast as TSESTree.Program,
        scopeManager: result.scopeManager as TSESLint.Scope.ScopeManager | undefined,
        visitorKeys: result.visitorKeys,
      };
    }
    if (parser.parse) return { ast: parser.parse(text, options) as TSESTree.Program };
  } catch {
    // Did not parse with these options.
  }
  return undefined;
}

const JAVASCRIPT_FILE = /\.[cm]?js$/;
/** `.ts`, `.mts`, `.cts` and `.tsx`, not `.d.ts`: what oxc parses as TypeScript. */
const TYPESCRIPT_FILE = /(?<!\.d)\.(?:[cm]?ts|(tsx))$/;

/**
 * A JavaScript module's ESTree, or undefined when it does not parse (Flow, say). Parsed by oxc where
 * its native binding loads: parsing helpers is most of what following calls into other modules
 * costs, and oxc takes half of espree's time on them, started cold in a process that lints with
 * another parser (the bench's corpus: 53 helpers, 62-97 ms against 165-196 ms, same findings).
 * Elsewhere, and for a text oxc finds errors in, by espree. Without locations: they are three
 * objects per node, and the analysis needs only the line of a few calls (startLine).
 */
function parseJavaScript(text: string, options: Record<string, unknown>): TSESTree.Program | undefined {
  const ecmaFeatures = (options.ecmaFeatures ?? {}) as { jsx?: boolean };
  const oxc = parseWithOxc(text, options, ecmaFeatures.jsx === true ? 'jsx' : 'js');
  if (oxc) return oxc;
  try {
    return parseEspree(text, {
      ecmaVersion: 'latest',
      sourceType: options.sourceType as 'module' | 'commonjs',
      range: true,
      loc: false,
      ecmaFeatures: { jsx: ecmaFeatures.jsx === true },
    }) as unknown as TSESTree.Program;
  } catch {
    return undefined;
  }
}

type Oxc = typeof import('oxc-parser');
let oxcModule: Oxc | null | undefined;

/**
 * The tree oxc gives, without `loc` (it has none), or undefined when oxc does not load or finds an
 * error: rarely, and then the parser it stands in for (espree, typescript-estree) decides whether
 * the text parses, as it did before oxc. For TypeScript its tree is typescript-estree's TS-ESTree.
 */
function parseWithOxc(text: string, options: Record<string, unknown>, lang: 'js' | 'jsx' | 'ts' | 'tsx'): TSESTree.Program | undefined {
  const oxc = oxcParser();
  if (!oxc) return undefined;
  const { program, errors } = oxc.parseSync(String(options.filePath ?? 'module.js'), text, {
    lang,
    sourceType: options.sourceType as 'module' | 'commonjs',
    range: true,
    // ESTree has none: `(a)` is `a`, as espree and typescript-estree give it.
    preserveParens: false,
    // Strict mode's errors too (`0644`, `var package`), which make a module parse as CommonJS.
    showSemanticErrors: true,
  });
  return errors.length === 0 ? (program as unknown as TSESTree.Program) : undefined;
}

/**
 * oxc's parser, loaded on first use (a native addon, about 10 ms to load, which a file that follows
 * no helper never pays), or null on a platform it has no binding for.
 */
function oxcParser(): Oxc | null {
  if (oxcModule === undefined) {
    try {
      oxcModule = createRequire(import.meta.url)('oxc-parser') as Oxc;
    } catch {
      oxcModule = null;
    }
  }
  return oxcModule;
}

/** ESLint's default parser (ESLint passes the espree module itself). */
function isEspree(parser: Parser): boolean {
  return (parser as { name?: unknown }).name === 'espree';
}

function isTypeScriptEslintParser(parser: Parser): boolean {
  return (parser as { meta?: { name?: string } }).meta?.name === 'typescript-eslint/parser';
}

type TypeScriptEstree = typeof import('@typescript-eslint/typescript-estree');
let typeScriptEstree: TypeScriptEstree | undefined;

/**
 * What `@typescript-eslint/parser` would give, without the tokens and comments it always converts
 * for ESLint (half its time on a helper, and the analysis never reads them). A TypeScript file
 * parses with oxc where it loads (four times faster than typescript-estree once both are warm, on
 * 80 files of node_modules: 98 ms against 378 ms), else with typescript-estree, loaded on first use:
 * it loads TypeScript, which a project linting with espree may not have.
 */
function parseTypeScript(
  text: string,
  options: Record<string, unknown>,
): { ast: TSESTree.Program; scopeManager: TSESLint.Scope.ScopeManager } {
  const typeScriptFile = TYPESCRIPT_FILE.exec(String(options.filePath));
  const ast =
    (typeScriptFile && parseWithOxc(text, options, typeScriptFile[1] ? 'tsx' : 'ts')) || parseWithTypeScriptEstree(text, options);
  const scopeManager = analyzeTypeScript(ast, {
    sourceType: 'module',
    jsxPragma: options.jsxPragma as string | null | undefined,
    jsxFragmentName: options.jsxFragmentName as string | null | undefined,
    lib: options.lib as never,
  }) as unknown as TSESLint.Scope.ScopeManager;
  return { ast, scopeManager };
}

function parseWithTypeScriptEstree(text: string, options: Record<string, unknown>): TSESTree.Program {
  typeScriptEstree ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as TypeScriptEstree;
  const ecmaFeatures = (options.ecmaFeatures ?? {}) as { jsx?: boolean };
  return typeScriptEstree.parse(text, {
    filePath: options.filePath as string,
    jsx: ecmaFeatures.jsx === true,
    loc: true,
    range: true,
    tokens: false,
    comment: false,
  }) as TSESTree.Program;
}

/**
 * ESLint sets `parent` while it traverses; a module parsed here gets the same links up front, by the
 * walk the analysis itself takes (pushChildNodes): each node's children are the ones it just pushed.
 */
function linkParents(root: TSESTree.Node, visitorKeys: Record<string, readonly string[]>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const firstChild = stack.length;
    pushChildNodes(node, stack, visitorKeys);
    for (let i = firstChild; i < stack.length; i++) (stack[i] as { parent: TSESTree.Node }).parent = node;
  }
}

/** The innermost scope containing `node`, as ESLint's `SourceCode#getScope` finds it. */
function scopeOf(manager: TSESLint.Scope.ScopeManager, node: TSESTree.Node): TSESLint.Scope.Scope {
  const inner = node.type !== 'Program';
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = manager.acquire(current, inner);
    if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
  }
  return manager.scopes[0]!;
}

const lineStarts = new WeakMap<TSESTree.Program, number[]>();

/** Where each line of `text` starts, after the line breaks ESLint counts (`\r\n`, `\n`, `\r`, U+2028, U+2029). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) starts.push(index + 1);
  }
  return starts;
}

/**
 * The line `node` starts on. ESLint's trees have locations; a helper parsed here by oxc or espree
 * has only ranges, and its line is found from the text (the first call indexes where its lines
 * start).
 */
export function startLine(source: ModuleSource, node: TSESTree.Node): number {
  const { loc } = node as { loc?: TSESTree.SourceLocation };
  if (loc) return loc.start.line;
  let starts = lineStarts.get(source.ast);
  if (!starts) {
    starts = lineStartsOf(source.text ?? '');
    lineStarts.set(source.ast, starts);
  }
  const offset = node.range[0];
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
