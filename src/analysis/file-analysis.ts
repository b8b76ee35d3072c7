import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { blockingApiTraceMap, catalogTextCheck, type BlockingApi } from '../catalog/index.js';
import { getHandlerContext, type HandlerContext, type HandlerInfo } from '../context/handlers.js';
import { readSettings } from '../options.js';
import { isFunctionNode, type CallSite, type FunctionNode } from '../util/ast.js';
import { analyseModuleSites, forgetSummariesIfAliasesChanged, rememberLintedSource, type DirectCall, type GraphOptions } from './module-graph.js';
import type { Parser } from './module-source.js';
import { reachesCheckedCode, type Reach, type ReportableCalls } from './reachability.js';

/** How far calls are followed: not at all, through helpers in the same file, or into other modules. */
export type FollowCalls = 'off' | 'same-file' | 'cross-module';

export interface AnalysisOptions {
  readonly followCalls: FollowCalls;
  /** The most helpers a chain may pass through. */
  readonly maxDepth: number;
  /** The rule checks every async function, not only request handlers (the `async-functions` scope). */
  readonly checksAsyncFunctions: boolean;
  /** The three above as text: rules with the same options share the file's analysis. */
  readonly key: string;
}

/** Where code runs, as the `scope` option sees it. */
export interface RequestSite {
  /** The innermost request handler the code runs in. */
  readonly handler: HandlerInfo | undefined;
  /** Some enclosing function is async (for the `async-functions` scope). */
  readonly inAsyncFunction: boolean;
}

/** A call that blocks, with the request-time context it runs in. */
export interface BlockingCall extends RequestSite {
  readonly node: CallSite;
  /** The catalog API the call reaches (itself, or at the end of the helper chain). */
  readonly api: BlockingApi;
  readonly reach: Reach;
  /** Set when the call is the catalog API itself (not a helper that reaches one). */
  readonly direct?: DirectCall;
  /** The call runs the first helper of the chain as a callback (`items.map(helper)`). */
  readonly callback?: boolean;
  /** The first helper, passed by name to `node`, which registers it as the handler (AnalysedSite). */
  readonly registered?: TSESTree.Expression;
}

export interface FileAnalysis {
  readonly calls: readonly BlockingCall[];
}

const cache = new WeakMap<TSESTree.Program, Map<string, FileAnalysis>>();

/**
 * The shared per-file result: computed on first use by any rule, cached on the Program node, so
 * the file is analysed once however many rules are on (once per distinct follow-calls setting).
 */
export function getFileAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: AnalysisOptions,
): FileAnalysis {
  const { sourceCode } = context;
  let byOptions = cache.get(sourceCode.ast);
  if (!byOptions) cache.set(sourceCode.ast, (byOptions = new Map()));
  let analysis = byOptions.get(options.key);
  if (!analysis) {
    analysis = analyseFile(context, options, readSettings(context.settings).catalog);
    byOptions.set(options.key, analysis);
  }
  return analysis;
}

function analyseFile(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  { followCalls, maxDepth, checksAsyncFunctions }: AnalysisOptions,
  catalog: readonly BlockingApi[],
): FileAnalysis {
  const { sourceCode, filename } = context;
  const graphOptions: GraphOptions = {
    parser: context.languageOptions.parser as Parser,
    parserOptions: (context.languageOptions.parserOptions ?? {}) as Record<string, unknown>,
    maxDepth: followCalls === 'off' ? 0 : maxDepth,
    catalogTraceMap: blockingApiTraceMap(catalog),
    mayCallCatalog: catalogTextCheck(catalog),
  };
  // For a local import only (a relative path, a tsconfig paths alias, a package.json `#` import),
  // before it is resolved: which of the file's functions a request runs decides whether what the
  // import gives can matter.
  const followImports =
    followCalls === 'cross-module' && reportableCalls(sourceCode, () => handlerContextOf(context), checksAsyncFunctions);
  if (followCalls === 'cross-module') {
    forgetSummariesIfAliasesChanged();
    rememberLintedSource(filename, sourceCode, graphOptions.parser);
  }
  const { sites } = analyseModuleSites(sourceCode, filename, graphOptions, followImports);
  if (sites.length === 0) return { calls: [] };

  const handlers = handlerContextOf(context);
  const calls: BlockingCall[] = [];
  for (const site of sites) {
    // A helper nested inside a handler is part of it: its own blocking calls are reported there.
    if (site.callee && handlers.enclosingHandler(site.callee)) continue;
    // A handler registered here and written elsewhere: its own async-ness is not known here.
    const { handler, inAsyncFunction } = site.registered
      ? { handler: handlers.registeredAs(site.registered), inAsyncFunction: false }
      : siteOf(handlers, site.node);
    // One object shape for every call (no spread): rules and fixers read these in hot loops.
    calls.push({
      node: site.node,
      api: site.reach.api,
      reach: site.reach,
      direct: site.direct,
      callback: site.callback,
      registered: site.registered,
      handler,
      inAsyncFunction,
    });
  }
  return { calls };
}

/** Where `node` runs: the request handler around it (classified once per file) and whether it is in async code. */
export function requestSite(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  node: TSESTree.Node,
): RequestSite {
  return siteOf(handlerContextOf(context), node);
}

/** The file's handler context, as the rule's settings and working directory define it (cached per file). */
function handlerContextOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): HandlerContext {
  const options = { settings: readSettings(context.settings), cwd: context.cwd };
  return getHandlerContext(context.sourceCode, context.filename, options);
}

/** How messages name where code runs: "Express route handler", or "async function" under the `async-functions` scope. */
export function siteDescription(site: RequestSite): string {
  return site.handler?.description ?? 'async function';
}

function siteOf(handlers: HandlerContext, node: TSESTree.Node): RequestSite {
  return { handler: handlers.enclosingHandler(node), inAsyncFunction: hasAsyncAncestor(node) };
}

/**
 * Where a blocking call reached from this file could be reported: code the rules check, and
 * handlers registered by name. The handler context is made on the first question: a file that
 * imports no local module, or uses what it imports at start-up only, is asked none.
 */
function reportableCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handlerContext: () => HandlerContext,
  checksAsyncFunctions: boolean,
): ReportableCalls {
  let handlers: HandlerContext | undefined;
  const lazyHandlers = (): HandlerContext => (handlers ??= handlerContext());
  return reachesCheckedCode(
    sourceCode,
    checkedCode(lazyHandlers, checksAsyncFunctions),
    (value) => lazyHandlers().registeredAs(value) !== undefined,
  );
}

/** Code the rules check: a request handler (or a function inside one), or any async function when they check those too. */
function checkedCode(handlers: () => HandlerContext, checksAsyncFunctions: boolean): (fn: FunctionNode) => boolean {
  // The function's body is inside it: this asks about the function itself, then what encloses it.
  return (fn) => (checksAsyncFunctions && fn.async) || handlers().enclosingHandler(fn.body) !== undefined;
}

function hasAsyncAncestor(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.async) return true;
  }
  return false;
}
