import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import createDebug from 'debug';
import type { BlockingApi, BlockingCondition, CatalogTextCheck, TraceMap, TraceMapNode } from '../catalog/index.js';
import { argumentsOf, calleeOf, isFunctionNode, isTypeWrapper, lastName, propertyName, pushChildNodes, skipTypeWrappers, type CallSite } from '../util/ast.js';
import { isWithin } from '../util/clock.js';
import { isSingleRun } from '../util/single-run.js';
import { ownString } from '../util/strings.js';
import { bindsOptions, blocksWith } from './blocking-conditions.js';
import { iterateModuleReferences, moduleLoads } from './module-references.js';
import {
  forgetChangedAliases,
  mayNameProjectModule,
  RESOLUTION_TTL_MS,
  resolveFrom,
  resolvesAsBefore,
  wasResolved,
  type ImportResolution,
} from './module-resolution.js';
import { parseModule, startLine, type ModuleSource, type Parser } from './module-source.js';
import { blockingExportUse, readModuleText, textImports } from './module-text.js';
import { getTypeInformation, type TypedSource, type TypeInformation } from './types.js';
import {
  assignedMembers,
  callersOf,
  callOf,
  callThrough,
  classFactories,
  factoriesHandingOut,
  factoryResultReads,
  innermostFunction,
  instanceMemberCalls,
  instanceMemberReads,
  namesOf,
  propagate,
  readsOfField,
  type FamilyReach,
  type MemberReach,
  type Propagation,
  type Reach,
  type ReportableCalls,
  type Site,
  type SiteLocation,
} from './reachability.js';
import { NO_DATABASES, syncDbSites, type DbValue } from './sync-db.js';

const debug = createDebug('eslint-plugin-event-loop:modules');

/** What calling an export reaches. */
export interface ExportReach {
  readonly call?: FamilyReach;
  /** `exported.member()`: an object literal or an instance. */
  readonly members?: MemberReach;
  /** `instance.member()` on instances of an exported class (`new C()`, injected `C`). */
  readonly instanceMembers?: MemberReach;
  /** `exported().member()` on the instance an exported factory returns (`getStore().load()`). */
  readonly returns?: MemberReach;
  /** `Exported.factory().member()` on the instance a static factory of an exported class returns, by factory. */
  readonly staticReturns?: ReadonlyMap<string, MemberReach>;
  /** `exported.property.member()` on an instance an exported object holds (`services.store.load()`), by property. */
  readonly properties?: ReadonlyMap<string, MemberReach>;
  /** A synchronous database, statement or ORM client (`export const db = new Database()`). */
  readonly db?: DbValue;
}

export interface ModuleSummary {
  /** Written with import/export syntax: a default import means the `default` export. */
  readonly esm: boolean;
  /** Export name (`''` for CommonJS `module.exports = fn`) → what it reaches. Only blocking ones. */
  readonly exports: ReadonlyMap<string, ExportReach>;
}

const EMPTY: ModuleSummary = { esm: true, exports: new Map() };
/** Larger files are generated or bundled code, not helpers worth parsing on every lint. */
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Summaries nest as imports do; a module further down an import chain than this is taken as not
 * blocking. Far beyond any helper chain worth reporting (maxDepth), and well within the stack.
 */
const MAX_IMPORT_NESTING = 200;

export interface GraphOptions {
  readonly parser: Parser;
  readonly parserOptions: Readonly<Record<string, unknown>>;
  readonly maxDepth: number;
  readonly catalogTraceMap: TraceMap<BlockingApi>;
  /** The text pre-check: whether a module's text may call a catalog API (catalogTextCheck). */
  readonly mayCallCatalog: CatalogTextCheck;
}

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly summary: ModuleSummary;
  readonly dependencies: readonly string[];
  /** What its imports named (outside a single run): once one names another module, it is stale. */
  readonly resolutions: readonly ImportResolution[];
  /** When the file and its dependencies were last found unchanged on disk (Date.now()). */
  checkedAt: number;
  /**
   * When its imports were last found to name what they named. Asked again only once resolutions
   * may have expired: within their lifetime module resolution gives the same answers.
   */
  resolvedAt: number;
}

/**
 * Summaries live for the whole process (an ESLint run, or an editor session) and are shared by
 * every file that imports the module; a changed file (mtime or size) is summarised again. They are
 * kept per parser and depth: a TypeScript helper seen first from a file linted with espree must not
 * stay unparsed for the TypeScript files that import it too.
 */
let summariesByParser = new WeakMap<Parser, Map<string, CacheEntry>>();
/** Summaries being computed, outermost first. */
const inProgress = new Set<string>();
/**
 * Summaries of the current pass that saw an incomplete summary: a module of an import cycle (which
 * saw the module the cycle started at before that one was done), or a module that imports one. Not
 * cached until the pass settles them.
 */
const provisional = new Set<string>();
/**
 * Every summary of the current top-level pass, provisional ones included: within a pass each module
 * is computed once, so a large graph full of cycles stays linear instead of recomputing subtrees.
 */
const passSummaries = new Map<string, ModuleSummary>();
/** What the cache needs of each provisional summary of the pass, once it is settled. */
const passEntries = new Map<string, CacheInputs>();
/** The parsed provisional modules of the current pass: summarised again while settling, but parsed once. */
const passSources = new Map<string, ModuleSource | undefined>();
/**
 * The unparsed provisional modules of the current pass (their text names no catalog API): settling
 * only asks their imports again, without reading and resolving them a second time. In a graph full
 * of cycles these are about a quarter of all the modules a pass reads.
 */
const passTexts = new Map<string, CacheInputs & { text: string }>();
/**
 * Rounds of settling a pass's cycles. A round summarises each module after the modules it imports,
 * and can only add to the summaries (another export, a shorter chain), so most passes settle in one
 * or two; this many covers cycles nested as deep as the longest helper chain (maxDepth ≤ 20).
 */
const MAX_SETTLING_ROUNDS = 20;

/**
 * The files ESLint linted last in this process, with the parser that parsed them: a helper among
 * them is summarised from ESLint's tree instead of being parsed a second time. In a CLI run a file
 * is mostly imported soon after it was linted (its neighbours come next). Each entry holds a whole
 * tree, tokens and scopes included, a few megabytes: on the bench's corpus the last 64 made the
 * cross-module run's peak RSS 830-940 MB, against 580-615 MB with 16 (540-565 MB with none), for
 * 29 trees not parsed again against 17 with 16, which oxc parses in about 30 ms.
 */
const lintedSources = new Map<string, { source: ModuleSource; parser: Parser }>();
const LINTED_SOURCES_KEPT = 16;

/**
 * Offers the tree of a file being linted to the summaries of the files that import it. Only a tree
 * that gives the summary its own parse would: an ES module (helpers are parsed as modules; a
 * CommonJS tree scopes its top level otherwise) without type information (helpers are summarised
 * without it, or a summary would depend on which file was linted first).
 */
export function rememberLintedSource(
  file: string,
  sourceCode: ModuleSource & { readonly parserServices?: { readonly program?: unknown } },
  parser: Parser,
): void {
  if (sourceCode.ast.sourceType !== 'module' || sourceCode.parserServices?.program || sourceCode.text === undefined) return;
  lintedSources.delete(file);
  lintedSources.set(file, { source: sourceCode, parser });
  if (lintedSources.size > LINTED_SOURCES_KEPT) lintedSources.delete(lintedSources.keys().next().value!);
}

/** The tree ESLint made of `file`, if it is of this text and this parser. */
function lintedSource(file: string, text: string, parser: Parser): ModuleSource | undefined {
  const linted = lintedSources.get(file);
  return linted && linted.parser === parser && linted.source.text === text ? linted.source : undefined;
}

/**
 * Before a file is linted with cross-module analysis. In a long-lived process, once a config file
 * that aliases may come from changed (a tsconfig.json, a package.json, a workspace's link:
 * forgetChangedAliases), every summary goes: any may have been built on an import that now leads
 * elsewhere, and the first lint after the edit reads the graph again.
 */
export function forgetSummariesIfAliasesChanged(): void {
  if (forgetChangedAliases()) summariesByParser = new WeakMap();
}

function summaryCache(options: GraphOptions): Map<string, CacheEntry> {
  let byFile = summariesByParser.get(options.parser);
  if (!byFile) summariesByParser.set(options.parser, (byFile = new Map()));
  return byFile;
}

/**
 * In a single run (ESLint's command line: src/util/single-run.ts) files do not change until it
 * ends, so summaries (and resolutions, module-resolution.ts) never expire. Elsewhere (an editor's
 * ESLint server) the disk is looked at again after their lifetimes. A run of the bench's corpus
 * checked its summaries' modules 3,100 times with them, and 8,200 times when its files were spread
 * over the four times as long a paired run.
 */
const singleRun = isSingleRun();
debug('single run: %s', singleRun);
/**
 * A cached summary is checked against the disk (its file and, transitively, every module it
 * imports) at most once a second. Checking on every lint made a long run stat the project's whole
 * import graph once per file linted; an editor user is slower than a second between saving a
 * helper and the next lint of a file that imports it.
 */
const FRESHNESS_MS = singleRun ? Infinity : 1000;

/** What the module at `file` exports that blocks, summarised once per process and file version. */
export function summarise(file: string, options: GraphOptions): ModuleSummary {
  const key = summaryKey(file, options);
  const cached = cachedSummary(key, options);
  if (cached) return cached;
  if (inProgress.size > 0) return summariseInPass(file, key, options);
  // The outermost summary of a pass: once every module it imports is summarised, the cycles among
  // them are settled, and it returns its settled summary.
  try {
    const summary = summariseInPass(file, key, options);
    if (provisional.size === 0) return summary;
    settleCycles(options);
    return passSummaries.get(key) ?? summary;
  } finally {
    provisional.clear();
    passSummaries.clear();
    passEntries.clear();
    passSources.clear();
    passTexts.clear();
  }
}

function summariseInPass(file: string, key: string, options: GraphOptions): ModuleSummary {
  const inPass = passSummaries.get(key);
  if (inPass) {
    // A provisional summary seen again: whoever uses it is provisional too.
    if (provisional.has(key)) for (const current of inProgress) provisional.add(current);
    return inPass;
  }
  if (inProgress.has(key)) {
    // An import cycle: every module of it, from the one it started at, sees a summary that is
    // not complete yet (this one, empty for now).
    let inCycle = false;
    for (const current of inProgress) {
      inCycle ||= current === key;
      if (inCycle) provisional.add(current);
    }
    return EMPTY;
  }
  if (inProgress.size >= MAX_IMPORT_NESTING) {
    // An import chain this long is generated code; going on would overflow the stack.
    debug('skipped %s: imported through %d modules', file, inProgress.size);
    return EMPTY;
  }
  const { summary, inputs } = computeInProgress(file, key, options);
  passSummaries.set(key, summary);
  if (provisional.has(key)) {
    // The modules that import this one build on an incomplete summary as well.
    for (const current of inProgress) provisional.add(current);
    if (inputs) passEntries.set(key, inputs);
  } else if (inputs) {
    cacheSummary(key, summary, inputs, options);
  }
  return summary;
}

/**
 * Summarises the provisional modules of a pass again, each against the others' latest summaries,
 * until none changes, and caches them. Their imports outside the cycles are cached already.
 */
function settleCycles(options: GraphOptions): void {
  // In the order the pass finished them: a module after those it imports (but for the cycle's own
  // back edge), so what one round learns reaches the modules that import it in that same round.
  const keys = [...passSummaries.keys()].filter((key) => provisional.has(key));
  for (let round = 1; ; round++) {
    let changed = false;
    for (const key of keys) {
      const result = computeInProgress(fileOfKey(key), key, options);
      changed ||= summarySignature(result.summary) !== summarySignature(passSummaries.get(key));
      passSummaries.set(key, result.summary);
      if (result.inputs) passEntries.set(key, result.inputs);
    }
    if (!changed) break;
    if (round === MAX_SETTLING_ROUNDS) {
      debug('cycles through %s not settled after %d rounds', fileOfKey(keys[0]!), round);
      break;
    }
  }
  for (const key of keys) {
    const entry = passEntries.get(key);
    const summary = passSummaries.get(key);
    if (entry && summary) cacheSummary(key, summary, entry, options);
  }
}

/** `computeSummary` with `key` in progress, so an import cycle back to it is seen as one. */
function computeInProgress(file: string, key: string, options: GraphOptions): ReturnType<typeof computeSummary> {
  inProgress.add(key);
  try {
    return computeSummary(file, key, options);
  } finally {
    inProgress.delete(key);
  }
}

function cacheSummary(key: string, summary: ModuleSummary, { dependencies, resolutions, stat }: CacheInputs, options: GraphOptions): void {
  const now = Date.now();
  summaryCache(options).set(key, {
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    summary,
    dependencies: dependencies.map((dependency) => summaryKey(dependency, options)),
    resolutions,
    checkedAt: now,
    resolvedAt: now,
  });
}

/** Everything a summary tells its importers, as text: two summaries that tell the same are equal. */
function summarySignature(summary: ModuleSummary | undefined): string {
  if (!summary) return '';
  const parts: string[] = [];
  for (const [name, reach] of summary.exports) {
    const db = reach.db ? `${reach.db.kind}:${reach.db.moduleName}:${reach.db.type ?? ''}` : '';
    parts.push(
      `${name}(${familySignature(reach.call)}|${membersSignature(reach.members)}|${membersSignature(reach.instanceMembers)}|${membersSignature(reach.returns)}|${byNameSignature(reach.staticReturns)}|${byNameSignature(reach.properties)}|${db})`,
    );
  }
  return parts.join(' ');
}

function byNameSignature(byName: ReadonlyMap<string, MemberReach> | undefined): string {
  return byName ? [...byName].map(([name, members]) => `${name}>${membersSignature(members)}`).join(',') : '';
}

function membersSignature(members: MemberReach | undefined): string {
  return members ? [...members].map(([name, reaches]) => `${name}:${familySignature(reaches)}`).join(',') : '';
}

function familySignature(reaches: FamilyReach | undefined): string {
  if (!reaches) return '';
  return [...reaches]
    .map(([family, { api, site, helpers, lazy }]) => `${family}=${api.path.join('.')}@${site.file}:${site.line}/${helpers.join('>')}${lazy ? '~' : ''}`)
    .join(';');
}

const summaryKeys = new Map<number, Map<string, string>>();

/** Summaries are cached per depth and file. */
function summaryKey(file: string, options: GraphOptions): string {
  // One string per depth and file: a key built anew each time is hashed anew on every lookup.
  let byFile = summaryKeys.get(options.maxDepth);
  if (!byFile) summaryKeys.set(options.maxDepth, (byFile = new Map()));
  let key = byFile.get(file);
  if (key === undefined) byFile.set(file, (key = `${options.maxDepth}\0${file}`));
  return key;
}

/** The file a `summaryKey` names. */
function fileOfKey(key: string): string {
  return key.slice(key.indexOf('\0') + 1);
}

/**
 * The summary of the module `specifier` names, if it is known: the specifier was resolved before
 * from the same directory, or the path it names from any, and the module summarised, and the
 * summary is not stale. Never summarises: a linted file looks here before asking where its import
 * is used. A specifier that names no module has the empty summary.
 *
 * An expired resolution is made again here (its directory's listing is at hand: a look-up, or
 * one stat of the directory), so a module found to export nothing that blocks stays
 * known for the whole run, and the files linted after the first seconds do not climb along their
 * imports' uses again for it.
 */
function knownSummary(file: string, directory: string, specifier: string, options: GraphOptions): ModuleSummary | undefined {
  if (!wasResolved(file, directory, specifier)) return undefined;
  const target = resolveFrom(file, directory, specifier);
  return target === undefined ? EMPTY : cachedSummary(summaryKey(target, options), options);
}

/** The cached summary (by `summaryKey`) if it is still fresh; never summarises. */
function cachedSummary(key: string, options: GraphOptions): ModuleSummary | undefined {
  const summaries = summaryCache(options);
  const cached = summaries.get(key);
  return cached && isFresh(summaries, key, cached, Date.now()) ? cached.summary : undefined;
}

function isFresh(summaries: Map<string, CacheEntry>, key: string, entry: CacheEntry, now: number, visited?: Set<string>): boolean {
  if (isWithin(now, entry.checkedAt, FRESHNESS_MS) || visited?.has(key)) return true;
  // Past the check of the last second (most questions end there): the modules seen on the way.
  visited ??= new Set();
  visited.add(key);
  const file = fileOfKey(key);
  try {
    const stat = statSync(file);
    if (stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size) return false;
  } catch {
    return false;
  }
  if (!isWithin(now, entry.resolvedAt, RESOLUTION_TTL_MS)) {
    if (!resolvesAsBefore(file, entry.resolutions)) return false;
    entry.resolvedAt = now;
  }
  const fresh = entry.dependencies.every((dependency) => {
    const dependencyEntry = summaries.get(dependency);
    return dependencyEntry !== undefined && isFresh(summaries, dependency, dependencyEntry, now, visited);
  });
  if (fresh) entry.checkedAt = now;
  return fresh;
}

interface FileStat {
  readonly mtimeMs: number;
  readonly size: number;
}

/** What a summary was made from, which the cache checks before it gives the summary again. */
interface CacheInputs {
  readonly stat: FileStat;
  readonly dependencies: readonly string[];
  readonly resolutions: readonly ImportResolution[];
}

/** The summary of the module at `file`, and (unless its file could not be looked at) what it was made from. */
function computeSummary(file: string, key: string, options: GraphOptions): { summary: ModuleSummary; inputs?: CacheInputs } {
  let source = passSources.get(key);
  const known = passTexts.get(key);
  let stat: FileStat;
  try {
    stat = known?.stat ?? statSync(file);
  } catch (error) {
    debug('skipped %s: %s', file, error);
    return { summary: EMPTY };
  }
  const empty = (): ReturnType<typeof computeSummary> => ({ summary: EMPTY, inputs: { stat, dependencies: [], resolutions: [] } });
  if (!passSources.has(key)) {
    if (stat.size > MAX_FILE_BYTES) {
      debug('skipped %s: %d bytes', file, stat.size);
      return empty();
    }
    const text = known?.text ?? readModuleText(file);
    if (text === undefined) return empty();
    // The cheap pre-check: a module whose text calls no catalog API can only block through a
    // module it imports, so it is parsed only when one of those has blocking exports that its
    // text may use.
    if (known || !options.mayCallCatalog(text)) {
      const imports = known ?? textImports(file, text);
      const mayUse = blockingExportUse(text);
      if (!imports.dependencies.some((dependency) => mayUse(summarise(dependency, options)))) {
        const inputs = { stat, dependencies: imports.dependencies, resolutions: imports.resolutions };
        if (provisional.has(key)) passTexts.set(key, { ...inputs, text });
        return { summary: EMPTY, inputs };
      }
    }
    source = lintedSource(file, text, options.parser) ?? parseModule(text, file, options.parser, options.parserOptions);
    if (!source) debug('skipped %s: does not parse', file);
  }
  if (!source) return empty();
  const analysis = analyseModuleSites(source, file, options, true);
  if (provisional.has(key)) passSources.set(key, source);
  return {
    summary: detached(exportsOf(source, analysis)),
    inputs: { stat, dependencies: analysis.dependencies, resolutions: analysis.resolutions },
  };
}

/**
 * The summary with its own copy of every name it took from the module's tree: its exports, their
 * members, and the helpers of each chain (`loadRecordsFile()`). ESLint's parsers cut names out of
 * the text (typescript-estree's and espree's identifiers; oxc's come out of JSON, copied), so a
 * summary made from ESLint's tree of a file (lintedSource) kept that file's text alive for as long
 * as it was cached: in an editor, one text for each module opened and then imported.
 */
function detached(summary: ModuleSummary): ModuleSummary {
  if (summary.exports.size === 0) return summary;
  const copies = new Map<Reach, Reach>();
  const reach = (original: Reach): Reach => {
    let copy = copies.get(original);
    if (!copy) copies.set(original, (copy = { ...original, helpers: original.helpers.map(ownString) }));
    return copy;
  };
  const family = (reaches: FamilyReach): FamilyReach => new Map([...reaches].map(([kind, value]) => [kind, reach(value)]));
  const members = (byName: MemberReach): MemberReach => new Map([...byName].map(([name, value]) => [ownString(name), family(value)]));
  const byName = (map: ReadonlyMap<string, MemberReach>): ReadonlyMap<string, MemberReach> =>
    new Map([...map].map(([name, value]) => [ownString(name), members(value)]));
  const db = (value: DbValue): DbValue => ({
    ...value,
    moduleName: ownString(value.moduleName),
    ...(value.type !== undefined && { type: ownString(value.type) }),
  });
  const exports = new Map<string, ExportReach>();
  for (const [name, value] of summary.exports) {
    exports.set(ownString(name), {
      ...(value.call && { call: family(value.call) }),
      ...(value.members && { members: members(value.members) }),
      ...(value.instanceMembers && { instanceMembers: members(value.instanceMembers) }),
      ...(value.returns && { returns: members(value.returns) }),
      ...(value.staticReturns && { staticReturns: byName(value.staticReturns) }),
      ...(value.properties && { properties: byName(value.properties) }),
      ...(value.db && { db: db(value.db) }),
    });
  }
  return { esm: summary.esm, exports };
}

export interface DirectCall {
  /** The callee that names the API: `readFileSync`, `fs.readFileSync`, or `fs.readFileSync.call`'s object. */
  readonly reference: TSESTree.Node;
  /** The module specifier the API was imported from, as written (`node:fs`). */
  readonly moduleName: string;
  /** Called as written, through `.call`/`.apply`, or passed to an array method that calls it. */
  readonly invocation: 'direct' | 'call' | 'apply' | 'callback';
}

export interface AnalysedSite extends Site {
  /** Set for a call of a catalog API itself. */
  readonly direct?: DirectCall;
  /**
   * Set for an imported function this file registers as a request handler (`listUsers` in
   * `router.get('/users', listUsers)`); `node` is the call it is passed to.
   */
  readonly registered?: TSESTree.Expression;
}

export interface ModuleSites extends Propagation {
  readonly sites: readonly AnalysedSite[];
  /** Modules whose summaries this analysis used (for cache invalidation). */
  readonly dependencies: string[];
  /** What the specifiers it followed named (outside a single run: resolvesAsBefore). */
  readonly resolutions: ImportResolution[];
  /** Local bindings of imported exports that block, for re-exports. */
  readonly importedBindings: ReadonlyMap<TSESLint.Scope.Variable, ExportReach>;
  /** Summaries of the local modules this one imports or re-exports, by specifier. */
  readonly imported: ReadonlyMap<string, ModuleSummary>;
  /** Expressions that evaluate to a synchronous database value (src/analysis/sync-db.ts). */
  readonly dbValues: ReadonlyMap<TSESTree.Node, DbValue>;
}

/**
 * The blocking sites of one module: catalog calls, calls of blocking exports of local modules, and
 * calls of helpers that reach either (up to `maxDepth` helpers). `followImports` says which local
 * modules are followed: all (a helper's summary), none, or for a linted file those whose imported
 * values reach a place where a blocking call could be reported.
 */
export function analyseModuleSites(
  source: ModuleSource,
  file: string,
  options: Omit<GraphOptions, 'parser' | 'parserOptions'> & Partial<Pick<GraphOptions, 'parser' | 'parserOptions'>>,
  followImports: boolean | ReportableCalls,
): ModuleSites {
  const seeds: AnalysedSite[] = [];
  const seen = new Set<TSESTree.Node>();
  // The text pre-check again: most files that import `fs` or `crypto` name no blocking export of
  // it. The tree tells which modules the file loads, so the text is not searched for them.
  const mayCallCatalog = source.text === undefined || options.mayCallCatalog(source.text, moduleLoads(source).specifiers);
  for (const reference of mayCallCatalog ? iterateModuleReferences(source, options.catalogTraceMap) : []) {
    if (reference.info.blocksWhen?.kind === 'through-result') {
      for (const derived of resultCalls(source, reference.node, reference.info.blocksWhen)) {
        if (seen.has(derived)) continue;
        seen.add(derived);
        seeds.push({
          node: derived,
          reach: { api: reference.info, site: siteLocation(file, source, derived), helpers: [], crossModule: false },
          direct: {
            reference: derived.type === AST_NODE_TYPES.CallExpression ? derived.callee : derived.tag,
            moduleName: reference.moduleName,
            invocation: 'direct',
          },
        });
      }
      continue;
    }
    let call = callThrough(reference.node);
    if (!call) continue;
    // `$.sync({ cwd })\`ls\``: the call binds options, and the template it is the tag of runs the command.
    if (reference.info.blocksWhen?.kind === 'unless-options-bound' && call.node.type === AST_NODE_TYPES.CallExpression) {
      const { parent } = call.node;
      if (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === call.node && bindsOptions(call.node.arguments)) {
        call = { ...call, node: parent };
      }
    }
    if (seen.has(call.node)) continue;
    seen.add(call.node);
    if (reference.info.blocksWhen && !blocksWithArguments(source, call, reference.info.blocksWhen)) continue;
    seeds.push({
      node: call.node,
      reach: { api: reference.info, site: siteLocation(file, source, call.node), helpers: [], crossModule: false },
      direct: { reference: call.reference, moduleName: reference.moduleName, invocation: call.invocation },
    });
  }

  const types = getTypeInformation(source as TypedSource);
  if (types) {
    for (const { call, api, moduleName } of declaredCatalogCalls(source, types, options.catalogTraceMap)) {
      if (seen.has(call)) continue;
      seen.add(call);
      if (api.blocksWhen && !blocksWithArguments(source, { node: call, invocation: 'direct' }, api.blocksWhen)) continue;
      seeds.push({
        node: call,
        reach: { api, site: siteLocation(file, source, call), helpers: [], crossModule: false },
        direct: { reference: call.callee, moduleName, invocation: 'direct' },
      });
    }
  }

  const dependencies: string[] = [];
  const resolutions: ImportResolution[] = [];
  const registrations: AnalysedSite[] = [];
  const importedBindings = new Map<TSESLint.Scope.Variable, ExportReach>();
  const imported = new Map<string, ModuleSummary>();
  const reportable = typeof followImports === 'object' ? followImports : undefined;
  if (followImports && options.parser && options.parserOptions && options.maxDepth > 0) {
    const graphOptions = options as GraphOptions;
    const traceMap: Record<string, TraceMapNode> = {};
    // Exported classes and factories, by the members of their instances.
    const classes: { specifier: string; exportName: string; members: MemberReach }[] = [];
    // A factory is the export itself, or a static method of it (`factory`).
    const factories: { specifier: string; exportName: string; members: MemberReach; factory?: string }[] = [];
    const bindingsBySpecifier = new Map<string, ModuleBindings>();
    // Variables holding a module whose value blocks (`module.exports = function audit(req, res, next)`).
    const wholeFunctions: (readonly [TSESLint.Scope.Variable, FamilyReach])[] = [];
    const directory = dirname(file);
    for (const specifier of localSpecifiers(source)) {
      // A package's name resolves to nothing here (unless an alias maps it): no reason to ask.
      if (!mayNameProjectModule(directory, specifier)) continue;
      // A module found before to export nothing that blocks: where the file uses it cannot matter.
      if (reportable && knownSummary(file, directory, specifier, graphOptions)?.exports.size === 0) continue;
      // Asked before any resolution, which lists the directories an import may name: most files
      // have no code the rules check, and most that do use most of their imports at start-up.
      // A file whose imports are all used at start-up is not even classified.
      if (reportable && !loadReaches(source, specifier, reportable)) continue;
      const target = resolveFrom(file, directory, specifier);
      // A copy: the parser may have cut the specifier out of the text, which the cache would keep.
      if (!singleRun) resolutions.push([ownString(specifier), target]);
      if (!target) continue;
      dependencies.push(target);
      const summary = summarise(target, graphOptions);
      if (summary.exports.size === 0) continue;
      imported.set(specifier, summary);
      traceMap[specifier] = traceMapOf(summary);
      for (const [exportName, reach] of summary.exports) {
        if (reach.instanceMembers) classes.push({ specifier, exportName, members: reach.instanceMembers });
        if (reach.returns) factories.push({ specifier, exportName, members: reach.returns });
        for (const [factory, members] of reach.staticReturns ?? []) factories.push({ specifier, exportName, members, factory });
      }
      const bindings = moduleBindings(source, specifier, summary.esm);
      bindingsBySpecifier.set(specifier, bindings);
      for (const [variable, exportName] of bindings.named) {
        const reach = summary.exports.get(exportName);
        if (reach) importedBindings.set(variable, reach);
      }
      const moduleCall = summary.exports.get('')?.call;
      if (moduleCall) for (const variable of bindings.whole) wholeFunctions.push([variable, moduleCall]);
    }
    /** Each family's chain through the helper `name`, one hop longer, within maxDepth. */
    function* hopsThrough(reaches: FamilyReach, name: string): Generator<Reach> {
      for (const reach of reaches.values()) {
        if (reach.helpers.length + 1 > options.maxDepth) continue;
        yield { ...reach, helpers: [name, ...reach.helpers], crossModule: true };
      }
    }
    /** A handler registered here runs per request wherever it is written: one site per family, not spread to callers. */
    const addRegistration = (value: TSESTree.Expression, reaches: FamilyReach, name: string): void => {
      const call = registrationCall(value);
      if (!call || seen.has(value)) return;
      seen.add(value);
      for (const reach of hopsThrough(reaches, name)) registrations.push({ node: call, registered: value, reach });
    };
    /** One seed per family the helper reaches, each chain one hop longer. */
    const addHops = (call: TSESTree.CallExpression, reaches: FamilyReach, name: string): void => {
      if (seen.has(call)) return;
      seen.add(call);
      for (const reach of hopsThrough(reaches, name)) seeds.push({ node: call, reach });
    };
    for (const reference of iterateModuleReferences(source, traceMap as TraceMap<FamilyReach>)) {
      if (reference.node.type === AST_NODE_TYPES.CallExpression) {
        addHops(reference.node, reference.info, calleeName(reference.node.callee));
      } else if (reportable) {
        for (const [read, value] of passedValues(source, reference.node)) {
          if (reportable.registered(value)) addRegistration(value, reference.info, calleeName(read));
        }
      }
    }
    // `const audit = require('./audit'); app.use(audit)`: ReferenceTracker reports the calls of such
    // a variable, not its reads, so a registration of it is looked for here.
    for (const [variable, reaches] of reportable ? wholeFunctions : []) {
      for (const reference of variable.references) {
        const value = reference.isRead() ? passedValue(reference.identifier) : undefined;
        if (value && reportable!.registered(value)) addRegistration(value, reaches, calleeName(reference.identifier));
      }
    }
    const namesBySpecifier = new Map<string, ReadonlyMap<string, TSESTree.Node[]>>();
    const namesOfExport = (specifier: string, exportName: string): readonly TSESTree.Node[] => {
      let names = namesBySpecifier.get(specifier);
      if (!names) namesBySpecifier.set(specifier, (names = exportNames(bindingsBySpecifier.get(specifier)!)));
      return names.get(exportName) ?? [];
    };
    for (const { specifier, exportName, members } of classes) {
      const classNames = namesOfExport(specifier, exportName);
      if (classNames.length === 0) continue;
      const names = new Set(members.keys());
      // Named in chains as the class's own methods are (`Cache.get()`), by the name the file gives it.
      const className = lastName(classNames[0]!);
      for (const { call, member } of instanceMemberCalls(source, classNames, names)) {
        addHops(call, members.get(member)!, `${className}.${member}`);
      }
      if (!reportable) continue;
      // `router.get('/', users.list)` on `const users = new UsersController()`, a parameter
      // `users: UsersController`, or a field (`this.users.list`).
      for (const { read, member } of instanceMemberReads(source, classNames, names)) {
        const value = passedValue(read);
        if (value && reportable.registered(value)) addRegistration(value, members.get(member)!, calleeName(read));
      }
    }
    // `getStore().load()`, `const store = await openStore(); store.load()`, `Store.open().load()`;
    // registered: `const users = createUsersController(); router.get('/users', users.list)`.
    for (const { specifier, exportName, members, factory } of factories) {
      const factoryNames = namesOfExport(specifier, exportName);
      for (const { read, member } of factoryResultReads(source, factoryNames, new Set(members.keys()), factory)) {
        const call = callOf(read);
        if (call) addHops(call, members.get(member)!, calleeName(call.callee));
        const value = reportable && !call ? passedValue(read) : undefined;
        if (value && reportable!.registered(value)) addRegistration(value, members.get(member)!, calleeName(read));
      }
    }
    // With type information: a method the checker resolves to one of the project's classes, however
    // the instance reached the code (`deps.store.load()` with `store: Store`, implemented once).
    if (types) {
      for (const { call, member } of memberCalls(source)) {
        if (seen.has(call) || (reportable && !reportable.at(call))) continue;
        const method = types.declaredMethod(member);
        if (!method || method.file === file) continue;
        dependencies.push(method.file);
        const reach = summarise(method.file, graphOptions).exports.get(method.className)?.instanceMembers?.get(method.member);
        if (reach) addHops(call, reach, calleeName(call.callee));
      }
    }
  }

  // Queries of synchronous database drivers, found by following each database from its constructor
  // here, or from its import when another module exports it. The catalog's database entries name
  // what a module must write to build one, so a module the pre-check rules out can only query
  // a database it imports (most files that import knex or typeorm only use their types).
  const importedDbs: [TSESLint.Scope.Variable, DbValue][] = [];
  for (const [variable, reach] of importedBindings) if (reach.db) importedDbs.push([variable, reach.db]);
  const db = mayCallCatalog || importedDbs.length > 0 ? syncDbSites(source, importedDbs) : NO_DATABASES;
  for (const { node, api, moduleName } of db.sites) {
    if (seen.has(node)) continue;
    seen.add(node);
    seeds.push({
      node,
      reach: { api, site: siteLocation(file, source, node), helpers: [], crossModule: false },
      direct: { reference: calleeOf(node), moduleName, invocation: 'direct' },
    });
  }

  const { sites, reachOf } = propagate(source, seeds, options.maxDepth);
  // Properties one by one: a spread of the propagation here took half of this function's time
  // for a file without blocking calls (most files).
  return {
    sites:
      registrations.length === 0
        ? (sites as AnalysedSite[])
        : [...sites, ...registrations].sort((a, b) => a.node.range[0] - b.node.range[0]),
    reachOf,
    dependencies,
    resolutions,
    importedBindings,
    imported,
    dbValues: db.values,
  };
}

const leafNamesByTraceMap = new WeakMap<TraceMap<BlockingApi>, Set<string>>();

/** The last names of the catalog's export paths (`readFileSync`): the calls worth asking the checker about. */
function leafNames(traceMap: TraceMap<BlockingApi>): Set<string> {
  let names = leafNamesByTraceMap.get(traceMap);
  if (!names) {
    names = new Set();
    const visit = (node: TraceMapNode): void => {
      for (const [key, child] of Object.entries(node)) {
        names!.add(key);
        visit(child as TraceMapNode);
      }
    };
    for (const moduleNode of Object.values(traceMap)) visit(moduleNode);
    leafNamesByTraceMap.set(traceMap, names);
  }
  return names;
}

/**
 * With type information: calls of catalog APIs that imports do not show, found by the declaration
 * the checker resolves the callee to (`fs.readFileSync()` where `fs: typeof import('node:fs')`).
 */
function* declaredCatalogCalls(
  source: ModuleSource,
  types: TypeInformation,
  traceMap: TraceMap<BlockingApi>,
): Generator<{ call: TSESTree.CallExpression; api: BlockingApi; moduleName: string }> {
  const names = leafNames(traceMap);
  const { CALL } = ASTUtils.ReferenceTracker;
  for (const { call, member, name } of memberCalls(source)) {
    const declared = names.has(name) ? types.declaredExport(member) : undefined;
    if (!declared) continue;
    let entry = (traceMap[declared.module] ?? traceMap[`node:${declared.module}`]) as TraceMapNode | undefined;
    for (const key of declared.path) entry = entry?.[key] as TraceMapNode | undefined;
    const api = entry?.[CALL] as BlockingApi | undefined;
    if (api) yield { call, api, moduleName: declared.module };
  }
}

const memberCallLists = new WeakMap<TSESTree.Program, MemberCall[]>();

interface MemberCall {
  readonly call: TSESTree.CallExpression;
  readonly member: TSESTree.MemberExpression;
  readonly name: string;
}

/**
 * Every `x.name(...)` call of a module (the typed analyses ask the checker about some of them),
 * found once per tree: walked along the parser's visitor keys when the source has them.
 */
function memberCalls(source: ModuleSource): readonly MemberCall[] {
  let calls = memberCallLists.get(source.ast);
  if (calls) return calls;
  calls = [];
  const keys = (source as { visitorKeys?: Record<string, readonly string[] | undefined> }).visitorKeys;
  const pending: TSESTree.Node[] = [source.ast];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(node.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee.property, callee.computed) : undefined;
      if (name !== undefined) calls.push({ call: node, member: callee as TSESTree.MemberExpression, name });
    }
    pushChildNodes(node, pending, keys ?? {});
  }
  memberCallLists.set(source.ast, calls);
  return calls;
}

/**
 * Calls of what a `through-result` API returned: `const get = deasync(fn)` → `get(url)`;
 * `const xhr = new XMLHttpRequest()` → `xhr.open('GET', url, false)`; `` $({ sync: true })`ls` ``.
 * Only a `const` of the file is followed, so the value cannot have been replaced.
 */
function resultCalls(
  source: ModuleSource,
  node: TSESTree.Node,
  condition: Extract<BlockingCondition, { kind: 'through-result' }>,
): ResultCall[] {
  // ReferenceTracker gives the call (CALL, CONSTRUCT) and the callee read (READ): the call, either way.
  const parent = node.parent;
  const producer =
    node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression
      ? node
      : (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee === node
        ? parent
        : undefined;
  if (!producer) return [];
  if (condition.option !== undefined && !setsOption(producer.arguments, condition.option)) return [];
  // `deasync(fn)(url)`, `` $({ sync: true })`ls` ``: the result used at once.
  const direct = condition.method ? undefined : invocationOf(producer);
  if (direct) return [direct];
  let holder: TSESTree.Node = producer;
  while (holder.parent && (holder.parent.type === AST_NODE_TYPES.TSAsExpression || holder.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    holder = holder.parent;
  }
  const declarator = holder.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== holder ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  ) {
    return [];
  }
  const variable = ASTUtils.findVariable(source.getScope(declarator), declarator.id);
  if (!variable) return [];
  const calls: ResultCall[] = [];
  for (const { identifier } of variable.references) {
    const use = identifier.parent;
    if (!condition.method) {
      const call = use && invocationOf(identifier);
      if (call) calls.push(call);
      continue;
    }
    if (
      use?.type !== AST_NODE_TYPES.MemberExpression ||
      use.object !== identifier ||
      propertyName(use.property, use.computed) !== condition.method ||
      use.parent.type !== AST_NODE_TYPES.CallExpression ||
      use.parent.callee !== use
    ) {
      continue;
    }
    const call = use.parent;
    if (condition.argument) {
      const argument = call.arguments[condition.argument.index];
      if (argument?.type !== AST_NODE_TYPES.Literal || argument.value !== condition.argument.equals) continue;
    }
    calls.push(call);
  }
  return calls;
}

type ResultCall = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

/** The call or tagged template that runs `value` as its callee or tag, if any. */
function invocationOf(value: TSESTree.Node): ResultCall | undefined {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === value) return parent;
  if (parent?.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === value) return parent;
  return undefined;
}

/** `{ [option]: true }` as the only argument, written so: `$({ sync: true, cwd })`. */
function setsOption(args: readonly TSESTree.CallExpressionArgument[], option: string): boolean {
  const [options] = args;
  return (
    args.length === 1 &&
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        propertyName(property.key, property.computed) === option &&
        property.value.type === AST_NODE_TYPES.Literal &&
        property.value.value === true,
    )
  );
}

/** The API's own arguments (after `thisArg` for `.call()`; unknown, so not blocking, for `.apply()`) decide. */
function blocksWithArguments(
  source: ModuleSource,
  call: { node: CallSite; invocation: DirectCall['invocation'] },
  condition: BlockingCondition,
): boolean {
  if (call.invocation === 'apply' || call.invocation === 'callback') return false;
  const args = call.invocation === 'call' ? argumentsOf(call.node).slice(1) : argumentsOf(call.node);
  return blocksWith(condition, args, source.getScope(call.node));
}

/** `readCache`, `store.load`, `this.reports.render`: how a chain names the helper a call runs. */
export function calleeName(node: TSESTree.Node): string {
  const callee = skipTypeWrappers(node); // `(req.body.ids as string[]).map`
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.ThisExpression) return 'this';
  // `(0, settings_1.loadSettings)(...)`: how tsc's CommonJS output calls an import.
  if (callee.type === AST_NODE_TYPES.SequenceExpression) return calleeName(callee.expressions.at(-1)!);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = propertyName(callee.property, callee.computed);
    return property ? `${calleeName(callee.object)}.${property}` : calleeName(callee.object);
  }
  // An instance a call or `new` returns: `getStore().load`, `Store.open(…).load`, `new Store(…).load`.
  const args = (call: TSESTree.CallExpression | TSESTree.NewExpression): string => (call.arguments.length > 0 ? '…' : '');
  if (callee.type === AST_NODE_TYPES.CallExpression) return `${calleeName(callee.callee)}(${args(callee)})`;
  if (callee.type === AST_NODE_TYPES.NewExpression) return `new ${calleeName(callee.callee)}(${args(callee)})`;
  if (callee.type === AST_NODE_TYPES.AwaitExpression) return `(await ${calleeName(callee.argument)})`;
  return 'helper';
}

/** A trace map for ReferenceTracker: export → CALL and READ → reach, and the same for each member. */
function traceMapOf(summary: ModuleSummary): TraceMapNode {
  const { CALL, READ, ESM } = ASTUtils.ReferenceTracker;
  const root: TraceMapNode = summary.esm ? { [ESM]: true } : {};
  // READ too: a function passed by name may be registered as a handler (`router.get('/', listUsers)`).
  const set = (node: TraceMapNode, reach: FamilyReach): void => {
    node[CALL] = reach;
    node[READ] = reach;
  };
  for (const [name, reach] of summary.exports) {
    const node = name === '' ? root : ((root[name] ??= {}) as TraceMapNode);
    if (reach.call) set(node, reach.call);
    for (const [member, memberReach] of reach.members ?? []) set((node[member] ??= {}) as TraceMapNode, memberReach);
    for (const [property, members] of reach.properties ?? []) {
      const held = (node[property] ??= {}) as TraceMapNode;
      for (const [member, memberReach] of members) set((held[member] ??= {}) as TraceMapNode, memberReach);
    }
  }
  return root;
}

/** A function passed by name, not a value made at start-up: `list`, `orders.list`, `users.show.bind(users)`. */
function isFunctionReference(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression || isBindCall(node);
}

/** `fn.bind(...)`: a bound copy of `fn`. */
function isBindCall(node: TSESTree.Node | undefined): node is TSESTree.CallExpression {
  return node?.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && lastName(node.callee) === 'bind';
}

/**
 * The values a read of an export passes on: for a binding (`import { list } from './orders'`,
 * `const { list } = require('./orders')`, which ReferenceTracker reports once, where it is bound),
 * those of each read of it; each with the read that names the function.
 */
function* passedValues(source: ModuleSource, node: TSESTree.Node): Generator<[TSESTree.Node, TSESTree.Expression]> {
  const binding =
    node.type === AST_NODE_TYPES.ImportSpecifier || node.type === AST_NODE_TYPES.ImportDefaultSpecifier
      ? node.local
      : node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern
        ? node.value.type === AST_NODE_TYPES.AssignmentPattern
          ? node.value.left
          : node.value
        : undefined;
  if (!binding) {
    const value = passedValue(node);
    if (value) yield [node, value];
    return;
  }
  if (binding.type !== AST_NODE_TYPES.Identifier) return;
  for (const reference of ASTUtils.findVariable(source.getScope(binding), binding)?.references ?? []) {
    if (!reference.isRead()) continue;
    const value = passedValue(reference.identifier);
    if (value) yield [reference.identifier, value];
  }
}

/**
 * The value a read of a function passes on, if it is not called or read further: `listUsers` in
 * `router.get('/', listUsers)` (not in `listUsers(req)`), or a bound copy (`users.show.bind(users)`).
 */
function passedValue(node: TSESTree.Node): TSESTree.Expression | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.callee === node ? undefined : (node as TSESTree.Expression);
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return node as TSESTree.Expression;
  const call = parent.parent;
  return isBindCall(call) && call.callee === parent ? call : undefined;
}

/**
 * The call a registered value is an argument of, through wrappers, arrays and route options
 * (`asyncHandler(listUsers)`, `[auth, list]`, `route({ url: '/', handler: list })`).
 */
function registrationCall(value: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (let node = value, parent = value.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) return parent;
    const within =
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      parent.type === AST_NODE_TYPES.ObjectExpression ||
      (parent.type === AST_NODE_TYPES.Property && parent.value === node) ||
      isTypeWrapper(parent);
    if (!within) return undefined;
  }
  return undefined;
}

/** Where a catalog call is, as chains name it: the file, its line, and whether it is a template's tag. */
function siteLocation(file: string, source: ModuleSource, node: TSESTree.Node): SiteLocation {
  return { file, line: startLine(source, node), tagged: node.type === AST_NODE_TYPES.TaggedTemplateExpression };
}

/** Specifiers of `import`, `export ... from` and `require()` that may name a local module. */
function localSpecifiers(source: ModuleSource): string[] {
  return [...moduleLoads(source).valueSpecifiers].filter((specifier) => !specifier.startsWith('node:') && !specifier.startsWith('@types/'));
}

/**
 * How deep below a module the summaries describe its values: an export (`show`) and a member of it
 * (`users.show`); `api.users.show` is matched by no trace map (traceMapOf), so registering it is
 * not followed.
 */
const TRACED_DEPTH = 2;

/**
 * Whether a value `specifier` loads can reach a node `reportable` accepts: each binding of the
 * import (or each `require()` of it) is followed further than the analyses follow imported values
 * (ReferenceTracker's paths, instances of imported classes, imported databases): through member
 * reads, calls, `new` and `await`, variables (also assigned later), and the calls of a function
 * that returns it. Where those would go on in a way not followed here (a class field, read all over
 * the class; a destructuring assignment), the answer is yes if the file has checked code at all; in
 * a file without, a field's reads are followed for a registration.
 */
function loadReaches(source: ModuleSource, specifier: string, reportable: ReportableCalls): boolean {
  // Each use with its depth: how many members below the module its value is (`import { a }` and
  // `require('./x').a` are 1 deep), so that a registration deeper than summaries go is passed over.
  // Two stacks, not a pair per use: every linted file that imports a local module climbs here.
  const pendingNodes: TSESTree.Node[] = [];
  const pendingDepths: number[] = [];
  const push = (node: TSESTree.Node, depth: number): void => {
    pendingNodes.push(node);
    pendingDepths.push(depth);
  };
  // Uses in type positions (`Promise<Report>`, `cache: Cache`), as typescript-eslint's scope
  // analysis marks them: a type carries no value, so one inside checked code is not reason enough
  // to follow the import; the climb below still follows a parameter, field or variable it types.
  const typeNames = new Set<TSESTree.Node>();
  const readsOf = (variable: TSESLint.Scope.Variable | null | undefined, depth: number): void => {
    const references = variable?.references ?? [];
    for (let index = 0; index < references.length; index++) {
      const reference = references[index]!;
      push(reference.identifier, depth);
      if (isTypeOnly(reference)) typeNames.add(reference.identifier);
    }
  };
  for (const statement of source.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.source.value !== specifier || statement.importKind === 'type') continue;
      for (const binding of statement.specifiers) {
        if (binding.type === AST_NODE_TYPES.ImportSpecifier && binding.importKind === 'type') continue;
        const depth = binding.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? 0 : 1;
        for (const variable of source.scopeManager?.getDeclaredVariables(binding) ?? []) readsOf(variable, depth);
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      statement.moduleReference.expression.value === specifier
    ) {
      for (const variable of source.scopeManager?.getDeclaredVariables(statement) ?? []) readsOf(variable, 0);
    }
  }
  for (const { call, name } of moduleLoads(source).calls) if (name === specifier) push(call, 0);
  const callersOfFunction = (fn: TSESTree.Node | undefined, depth: number): void => {
    if (isFunctionNode(fn)) for (const call of callersOf(source, fn)) push(call, depth);
  };
  /**
   * A value kept in a class field (`this.store`, however it got there) is read all over the class:
   * in a file with checked code that is reason enough to follow it (climbing each read cost more
   * than it spared); in one without, the field's reads are climbed in turn, for a registration
   * (`router.get('/', this.users.list)`). True when the answer is yes already.
   */
  const viaField = (holder: TSESTree.Node, depth: number): boolean => {
    if (reportable.any()) return true;
    for (const read of readsOfField(holder) ?? []) push(read, depth);
    return false;
  };
  /** A value passed by name that this file registers as a handler, at a depth the summaries describe. */
  const registered = (node: TSESTree.Node, depth: number): boolean =>
    depth <= TRACED_DEPTH && isFunctionReference(node) && reportable.registered(node);
  // The shallowest depth each use was climbed from: a deeper one cannot find more.
  const seen = new Map<TSESTree.Node, number>();
  while (pendingNodes.length > 0) {
    const start = pendingNodes.pop()!;
    const startDepth = pendingDepths.pop()!;
    if ((seen.get(start) ?? Infinity) <= startDepth) continue;
    seen.set(start, startDepth);
    let depth = startDepth;
    // The climb below never leaves the function `start` is written in. A use outside every
    // function runs at start-up; one inside matters if the file has checked code at all (asked
    // there and remembered) and the function reaches it. Either way the value may still be
    // registered as a handler by name, which the climb finds.
    const fn = innermostFunction(start);
    if (fn !== undefined && !typeNames.has(start) && reportable.any() && reportable.within(fn)) return true;
    climb: for (let node = start, parent = node.parent; parent; node = parent, parent = parent.parent) {
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          if (parent.object !== node) break climb;
          depth++;
          continue;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          // Passed by name: the framework calls it per request if this registers it as a handler.
          if (parent.callee !== node) {
            if (registered(node, depth)) return true;
            break climb;
          }
          // What a call returns is a new value (an instance's members are one deep); a bound copy is the function.
          depth = isBindCall(parent) ? depth - 1 : 0;
          continue;
        case AST_NODE_TYPES.TaggedTemplateExpression:
          if (parent.tag !== node) break climb;
          continue;
        case AST_NODE_TYPES.ArrayExpression:
          // `router.get('/', [auth, list])`: handlers in an array are registered one by one.
          if (registered(node, depth)) return true;
          break climb;
        case AST_NODE_TYPES.Property:
          // `app.route({ url: '/', handler: list })`: route options name their handlers.
          if (parent.value === node && registered(node, depth)) return true;
          break climb;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === node) break climb;
          continue;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) !== node) break climb;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.TSInstantiationExpression:
        case AST_NODE_TYPES.TSQualifiedName:
          continue;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === node) for (const variable of source.scopeManager?.getDeclaredVariables(parent) ?? []) readsOf(variable, depth);
          break climb;
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== node) break climb;
          if (parent.left.type === AST_NODE_TYPES.Identifier) {
            readsOf(ASTUtils.findVariable(source.getScope(parent.left), parent.left), depth);
          } else if (parent.left.type !== AST_NODE_TYPES.MemberExpression || parent.left.object.type === AST_NODE_TYPES.ThisExpression) {
            if (viaField(node, depth)) return true; // also a destructuring
            break climb;
          }
          continue; // `return (db ??= new Database())`: the assignment is the value too.
        case AST_NODE_TYPES.ReturnStatement:
          callersOfFunction(innermostFunction(parent), depth);
          break climb;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (parent.body === node) callersOfFunction(parent, depth);
          break climb;
        case AST_NODE_TYPES.PropertyDefinition:
          if (parent.value === node && viaField(node, depth)) return true;
          break climb;
        case AST_NODE_TYPES.TSTypeReference: {
          // `store: Store` holds an instance (its members one deep): a parameter or a field, followed to its reads.
          const holder = parent.parent.type === AST_NODE_TYPES.TSTypeAnnotation ? parent.parent.parent : undefined;
          if (!holder) break climb;
          if (holder.type === AST_NODE_TYPES.Identifier && holder.parent.type !== AST_NODE_TYPES.TSParameterProperty) {
            readsOf(ASTUtils.findVariable(source.getScope(holder), holder), 0);
          } else if (viaField(holder, 0)) {
            return true;
          }
          break climb;
        }
        default:
          break climb;
      }
    }
  }
  return false;
}

/** A reference in a type position only (typescript-eslint's scope analysis; eslint-scope has no types). */
function isTypeOnly(reference: TSESLint.Scope.Reference): boolean {
  const flags = reference as { readonly isTypeReference?: boolean; readonly isValueReference?: boolean };
  return flags.isTypeReference === true && flags.isValueReference !== true;
}

/** How a file binds a module it imports (moduleBindings). */
interface ModuleBindings {
  /** Imports of one export each, with its name: `import { a }`, `import a from` ('default'), `const { a } = require(…)`. */
  readonly named: readonly (readonly [TSESLint.Scope.Variable, string])[];
  /**
   * Variables that hold the whole module: `import * as m`, `import m = require(…)`, `const m =
   * require(…)`, and the default import of a CommonJS module, which is its `module.exports`.
   */
  readonly whole: readonly TSESLint.Scope.Variable[];
}

/** The file's bindings of `specifier`'s module, whose summary says whether it is an ES module. */
function moduleBindings(source: ModuleSource, specifier: string, esm: boolean): ModuleBindings {
  const named: [TSESLint.Scope.Variable, string][] = [];
  const whole: TSESLint.Scope.Variable[] = [];
  const declared = (node: TSESTree.Node): TSESLint.Scope.Variable[] => source.scopeManager?.getDeclaredVariables(node) ?? [];
  for (const statement of source.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.source.value !== specifier) continue;
      for (const binding of statement.specifiers) {
        const variable = declared(binding)[0];
        if (!variable) continue;
        if (binding.type === AST_NODE_TYPES.ImportNamespaceSpecifier) whole.push(variable);
        else if (binding.type === AST_NODE_TYPES.ImportSpecifier) {
          const exportName = propertyName(binding.imported);
          if (exportName) named.push([variable, exportName]);
        } else {
          named.push([variable, 'default']);
          if (!esm) whole.push(variable);
        }
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      statement.moduleReference.expression.value === specifier
    ) {
      whole.push(...declared(statement));
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          init?.type !== AST_NODE_TYPES.CallExpression ||
          init.callee.type !== AST_NODE_TYPES.Identifier ||
          init.callee.name !== 'require' ||
          ASTUtils.getStringIfConstant(init.arguments[0] as TSESTree.Node) !== specifier
        ) {
          continue;
        }
        if (declarator.id.type === AST_NODE_TYPES.Identifier) whole.push(...declared(declarator));
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          const exportName = property.type === AST_NODE_TYPES.Property ? propertyName(property.key, property.computed) : undefined;
          if (exportName && property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) {
            const variable = ASTUtils.findVariable(source.getScope(property.value), property.value);
            if (variable) named.push([variable, exportName]);
          }
        }
      }
    }
  }
  return { named, whole };
}

/**
 * Where the file names each export of a module it binds so, by export name: `Store` for
 * `import { Store }` or `const { Store } = require(…)`; `models.Store` (or the type `models.Store`)
 * for a variable holding the whole module, whose own name stands for `module.exports` ('').
 */
function exportNames({ named, whole }: ModuleBindings): ReadonlyMap<string, TSESTree.Node[]> {
  const names = new Map<string, TSESTree.Node[]>();
  const add = (exportName: string, node: TSESTree.Node): void => {
    const list = names.get(exportName);
    if (list) list.push(node);
    else names.set(exportName, [node]);
  };
  for (const [variable, exportName] of named) {
    for (const reference of variable.references) add(exportName, reference.identifier);
  }
  for (const variable of whole) {
    for (const { identifier } of variable.references) {
      add('', identifier);
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
        const name = propertyName(parent.property, parent.computed);
        if (name !== undefined) add(name, parent);
      } else if (parent?.type === AST_NODE_TYPES.TSQualifiedName && parent.left === identifier) {
        add(parent.right.name, parent);
      }
    }
  }
  return names;
}

/** The blocking exports of a module, from its propagation: functions, objects, classes, instances. */
function exportsOf(source: ModuleSource, analysis: ModuleSites): ModuleSummary {
  const exports = new Map<string, ExportReach>();
  let esm = false;
  const set = (name: string, reach: ExportReach | undefined): void => {
    const blocks =
      reach &&
      (reach.call || reach.members?.size || reach.instanceMembers?.size || reach.returns?.size || reach.staticReturns?.size || reach.properties?.size || reach.db);
    if (blocks) exports.set(name, reach);
  };
  const factories = factoriesOf(source, analysis);
  const valueReach = (node: TSESTree.Node | null | undefined, depth = 0): ExportReach | undefined => {
    if (!node || depth > 3) return undefined;
    const db = analysis.dbValues.get(node);
    if (db) return { db };
    if (isFunctionNode(node)) {
      const call = analysis.reachOf.get(node);
      const returns = factories.get(node);
      return call || returns ? { ...(call && { call }), ...(returns && { returns }) } : undefined;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return classReach(node, analysis, factories);
      case AST_NODE_TYPES.ObjectExpression: {
        const members = new Map<string, FamilyReach>();
        const properties = new Map<string, MemberReach>();
        const add = (name: string | undefined, value: TSESTree.Node): void => {
          if (name === undefined) return;
          const reach = valueReach(value, depth + 1);
          if (reach?.call) members.set(name, reach.call);
          // An instance (or an object of functions) the object holds: `services.store.load()`.
          else if (reach?.members?.size) properties.set(name, reach.members);
        };
        for (const property of node.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          add(propertyName(property.key, property.computed), property.shorthand ? property.key : property.value);
        }
        // `const controller = {}; controller.list = ...; module.exports = controller`.
        for (const { member, value } of assignedMembers(source, node)) add(member, value);
        return { members, ...(properties.size > 0 && { properties }) };
      }
      case AST_NODE_TYPES.NewExpression: {
        const instanceMembers = valueReach(node.callee, depth + 1)?.instanceMembers;
        return instanceMembers && { members: instanceMembers };
      }
      // `export const store = getStore()`: the instance a factory returns.
      case AST_NODE_TYPES.CallExpression: {
        const returns = valueReach(node.callee, depth + 1)?.returns;
        return returns && { members: returns };
      }
      // `Store.open`, a static factory of a class: `export const store = Store.open()`.
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node.property, node.computed);
        const returns = name === undefined ? undefined : valueReach(node.object, depth + 1)?.staticReturns?.get(name);
        return returns && { returns };
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(source.getScope(node), node);
        if (!variable) return undefined;
        const imported = analysis.importedBindings.get(variable);
        if (imported) return imported;
        const definition = variable.defs[0]?.node;
        if (definition?.type === AST_NODE_TYPES.VariableDeclarator) return valueReach(definition.init, depth + 1);
        return definition === node ? undefined : valueReach(definition as TSESTree.Node | undefined, depth + 1);
      }
      default:
        return undefined;
    }
  };

  for (const statement of source.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        esm = true;
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        esm = true;
        if (statement.source) {
          const target = analysis.imported.get(statement.source.value);
          for (const specifier of statement.specifiers) {
            const local = propertyName(specifier.local);
            const exported = propertyName(specifier.exported);
            if (local && exported) set(exported, target?.exports.get(local));
          }
        } else if (statement.declaration) {
          const declaration = statement.declaration;
          if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === AST_NODE_TYPES.Identifier) set(declarator.id.name, valueReach(declarator.init));
            }
          } else if ('id' in declaration && declaration.id?.type === AST_NODE_TYPES.Identifier) {
            set(declaration.id.name, valueReach(declaration));
          }
        } else {
          for (const specifier of statement.specifiers) {
            const exported = propertyName(specifier.exported);
            if (exported) set(exported, valueReach(specifier.local));
          }
        }
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration: {
        esm = true;
        const target = analysis.imported.get(statement.source.value);
        if (!target) break;
        if (statement.exported) {
          const members = new Map<string, FamilyReach>();
          for (const [name, reach] of target.exports) if (reach.call) members.set(name, reach.call);
          set(propertyName(statement.exported) ?? '', { members });
        } else {
          for (const [name, reach] of target.exports) if (name !== 'default' && name !== '') set(name, reach);
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        esm = true;
        set('default', valueReach(statement.declaration));
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        commonJsExport(statement.expression, valueReach, set);
        break;
      default:
        break;
    }
  }
  return { esm, exports };
}

/**
 * The functions of a module that return an instance of a class with blocking methods, declared in
 * the module or imported, and those methods: `export function getStore(): Store`, `() => new Store()`;
 * or an object literal with blocking functions, and those: `() => ({ list(req, res) {...} })`.
 */
function factoriesOf(source: ModuleSource, analysis: ModuleSites): ReadonlyMap<TSESTree.Node, MemberReach> {
  const factories = new Map<TSESTree.Node, MemberReach>();
  const add = (variable: TSESLint.Scope.Variable, instanceMembers: MemberReach | undefined): void => {
    if (!instanceMembers?.size) return;
    for (const factory of classFactories(namesOf(variable))) factories.set(factory, instanceMembers);
  };
  for (const [variable, reach] of analysis.importedBindings) add(variable, reach.instanceMembers);
  for (const statement of source.ast.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression
          ? statement.expression.right // `module.exports = class Store { static open() { return new Store() } }`
          : statement;
    if (declaration?.type !== AST_NODE_TYPES.ClassDeclaration && declaration?.type !== AST_NODE_TYPES.ClassExpression) continue;
    for (const variable of source.scopeManager?.getDeclaredVariables(declaration) ?? []) {
      add(variable, classReach(declaration, analysis).instanceMembers);
    }
  }
  // `createUsersController()` returning `{ list(req, res) {...} }` or `{ list }`: the object's blocking functions.
  const objects = new Map<TSESTree.Node, Map<string, FamilyReach>>();
  for (const [fn, reach] of analysis.reachOf) {
    for (const { factory, member } of factoriesHandingOut(source, fn)) {
      // A function found above to return a class's instances keeps those members.
      if (member === undefined || (factories.has(factory) && !objects.has(factory))) continue;
      let members = objects.get(factory);
      if (!members) {
        members = new Map();
        objects.set(factory, members);
        factories.set(factory, members);
      }
      members.set(member, reach);
    }
  }
  return factories;
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`. */
function commonJsExport(
  expression: TSESTree.Expression,
  valueReach: (node: TSESTree.Node) => ExportReach | undefined,
  set: (name: string, reach: ExportReach | undefined) => void,
): void {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.left.type !== AST_NODE_TYPES.MemberExpression) return;
  const left = expression.left;
  const isModuleExports = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    propertyName(node.property, node.computed) === 'exports';
  if (isModuleExports(left)) {
    const reach = valueReach(expression.right);
    if (expression.right.type === AST_NODE_TYPES.ObjectExpression) {
      // `module.exports = { a, b }`: `require('./x').a()` and `const { a } = require('./x')`.
      for (const [name, member] of reach?.members ?? []) set(name, { call: member });
      for (const [name, held] of reach?.properties ?? []) set(name, { members: held });
    } else {
      const { call, members, instanceMembers, returns, staticReturns } = reach ?? {};
      set('', { call, members, instanceMembers, returns, staticReturns });
    }
    return;
  }
  const target = left.object;
  const name = propertyName(left.property, left.computed);
  if (name && ((target.type === AST_NODE_TYPES.Identifier && target.name === 'exports') || isModuleExports(target))) {
    set(name, valueReach(expression.right));
  }
}

/** Blocking methods of a class: instance methods for `new C()`, static ones for `C.m()`. */
function classReach(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  analysis: ModuleSites,
  factories?: ReadonlyMap<TSESTree.Node, MemberReach>,
): ExportReach {
  const members = new Map<string, FamilyReach>();
  const instanceMembers = new Map<string, FamilyReach>();
  const staticReturns = new Map<string, MemberReach>();
  for (const element of classNode.body.body) {
    // Methods, and fields holding a function (`list = (req, res) => ...`, bound to the instance).
    const method =
      (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method') ||
      (element.type === AST_NODE_TYPES.PropertyDefinition && isFunctionNode(element.value));
    if (!method) continue;
    const name = propertyName(element.key, element.computed);
    const reach = isFunctionNode(element.value) ? analysis.reachOf.get(element.value) : undefined;
    if (name && reach) (element.static ? members : instanceMembers).set(name, reach);
    const returned = element.static && element.value ? factories?.get(element.value) : undefined;
    if (name && returned) staticReturns.set(name, returned);
  }
  return { members, instanceMembers, ...(staticReturns.size > 0 && { staticReturns }) };
}
