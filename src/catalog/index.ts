import { isBuiltin } from 'node:module';
import { ASTUtils } from '@typescript-eslint/utils';
import { fsPackageApis } from './fs-packages.js';
import { httpApis } from './http.js';
import { nodeChildProcessApis } from './node-child-process.js';
import { nodeCryptoApis } from './node-crypto.js';
import { nodeFsApis } from './node-fs.js';
import { nodeZlibApis } from './node-zlib.js';
import { packageApis } from './packages.js';
import { syncDbApis } from './sync-db.js';
import type { BlockingApi } from './types.js';
import { quotedSpecifierPattern, wholeWordSearch } from '../util/regexp.js';

export { BLOCKING_FAMILIES } from './types.js';
export type { AwaitedReplacement, BlockingApi, BlockingCondition, BlockingFamily } from './types.js';

export const blockingApis: readonly BlockingApi[] = [
  ...nodeFsApis,
  ...nodeChildProcessApis,
  ...nodeCryptoApis,
  ...nodeZlibApis,
  ...packageApis,
  ...syncDbApis,
  ...fsPackageApis,
  ...httpApis,
];

/** `fs.readFileSync`: how messages and allow-lists name an API. */
export function apiName(api: BlockingApi): string {
  return [api.modules[0], ...api.path].join('.');
}

/**
 * Every name a module can be imported under: Node core modules also as `node:x` (ESLint-plugin-n
 * keeps this in one helper too, so no table has to list both spellings).
 */
export function importSpecifiers(moduleName: string): string[] {
  return isBuiltin(moduleName) && !moduleName.startsWith('node:')
    ? [moduleName, `node:${moduleName}`]
    : [moduleName];
}

/** `node:fs` → `fs`: catalogs store core modules bare, and importSpecifiers derives the prefixed form. */
export function bareModuleName(moduleName: string): string {
  const bare = moduleName.startsWith('node:') ? moduleName.slice('node:'.length) : moduleName;
  return bare !== moduleName && isBuiltin(bare) ? bare : moduleName;
}

/** A relative or absolute path (`./x`, `../x`, `/x`): a module of the project, never a package. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

export type TraceMapNode = Record<string | symbol, unknown>;
declare const leafType: unique symbol;
/** A ReferenceTracker trace map whose READ leaves hold a `T`. */
export type TraceMap<T> = Record<string, TraceMapNode> & { readonly [leafType]?: T };

/**
 * ReferenceTracker trace map for the given entries: module → export path → READ, CALL and
 * CONSTRUCT. CALL finds calls through every alias (named imports, destructuring); READ finds
 * `fs.readFileSync.call(...)`. Consumers tell them apart by the node they get back.
 */
export function buildTraceMap<T>(
  entries: Iterable<T>,
  locate: (entry: T) => { modules: readonly string[]; path: readonly string[] },
): TraceMap<T> {
  const root: TraceMapNode = {};
  for (const entry of entries) {
    const { modules, path } = locate(entry);
    for (const moduleName of modules.flatMap(importSpecifiers)) {
      let node = (root[moduleName] ??= {}) as TraceMapNode;
      for (const key of path) node = (node[key] ??= {}) as TraceMapNode;
      const { READ, CALL, CONSTRUCT } = ASTUtils.ReferenceTracker;
      node[READ] = node[CALL] = node[CONSTRUCT] = entry;
    }
  }
  return root as TraceMap<T>;
}

const catalogTraceMaps = new WeakMap<readonly BlockingApi[], TraceMap<BlockingApi>>();

/**
 * The trace map of a catalog (the built-in one, or it plus a config's `blockingApis`), built once
 * per catalog array: settings are parsed once per config, so every file of a config shares it.
 */
export function blockingApiTraceMap(catalog: readonly BlockingApi[]): TraceMap<BlockingApi> {
  let traceMap = catalogTraceMaps.get(catalog);
  if (!traceMap) {
    traceMap = buildTraceMap(catalog.filter((api) => !api.onValue), (api) => api);
    catalogTraceMaps.set(catalog, traceMap);
  }
  return traceMap;
}

/**
 * The text pre-check of a module: whether it may call a catalog API. `loaded`, when the module is
 * parsed already, is every specifier it loads (moduleLoads): those are its only catalog modules,
 * and its text need not be searched for them.
 */
export type CatalogTextCheck = (text: string, loaded?: Iterable<string>) => boolean;

/** The longest of `keys` (the first of equals), or none. */
function longest(keys: readonly string[]): string[] {
  return keys.length === 0 ? [] : [keys.reduce((best, key) => (key.length > best.length ? key : best))];
}

const catalogTextChecks = new WeakMap<readonly BlockingApi[], CatalogTextCheck>();

/**
 * Whether a module's text may call a catalog API: it names a catalog module in quotes (`'fs'`,
 * `"node:fs/promises"` counts as `node:fs`) and the giveaway of one of that module's APIs, or for a
 * value the module creates, one of the names that create it (`'better-sqlite3'` for knex; any
 * import when the module itself always creates it). The cheap pre-check that lets a helper go
 * unparsed: most modules that import `node:crypto` or `fs` use `randomUUID` or `createReadStream`,
 * which no analysis would flag anyway.
 *
 * An API's giveaway is the longest name on its export path: a reference names every one of them,
 * and the longest is the rarest (`realpathSync` of `realpathSync.native`: a comment that says
 * "native" is no reason to parse). Names are whole words, `$` counting as a letter (zx's `$`).
 */
export function catalogTextCheck(catalog: readonly BlockingApi[]): CatalogTextCheck {
  let check = catalogTextChecks.get(catalog);
  if (!check) {
    /** Per module specifier: the export names that give a call away, or null when any import may block. */
    const names = new Map<string, Set<string> | null>();
    for (const api of catalog) {
      const keys = api.path.filter((key) => key !== 'default');
      for (const specifier of api.modules.flatMap(importSpecifiers)) {
        const known = names.get(specifier);
        if (known === null) continue;
        const giveaways = api.onValue ? api.createdBy : longest(keys);
        if (!giveaways?.length) names.set(specifier, null);
        else names.set(specifier, new Set([...(known ?? []), ...giveaways]));
      }
    }
    const specifiers = quotedSpecifierPattern(names.keys(), 'g');
    const giveaways = new Map(
      [...names].map(([specifier, keys]) => [specifier, keys && wholeWordSearch([...keys])]),
    );
    /** The catalog module a loaded specifier names: itself, or the module a subpath is of (`db0/connectors/x`). */
    const catalogModuleOf = (specifier: string): string | undefined => {
      // Most of a file's loads are its own modules, whatever their parts.
      if (isPathSpecifier(specifier)) return undefined;
      if (giveaways.has(specifier)) return specifier;
      for (let slash = specifier.indexOf('/'); slash !== -1; slash = specifier.indexOf('/', slash + 1)) {
        if (giveaways.has(specifier.slice(0, slash))) return specifier.slice(0, slash);
      }
      return undefined;
    };
    function* quotedModules(text: string): Generator<string> {
      for (const [, specifier] of text.matchAll(specifiers)) yield specifier!;
    }
    check = (text, loaded) => {
      for (const specifier of loaded ?? quotedModules(text)) {
        const module = loaded ? catalogModuleOf(specifier) : specifier;
        if (module === undefined) continue;
        const giveaway = giveaways.get(module);
        if (!giveaway || giveaway(text)) return true;
      }
      return false;
    };
    catalogTextChecks.set(catalog, check);
  }
  return check;
}
