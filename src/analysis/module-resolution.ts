/**
 * Where a module's imports lead: a relative specifier, a tsconfig `paths` alias or a package.json
 * `imports` entry (`#db`), resolved to the project file it names as Node or TypeScript would find
 * it (`./store.js` may be `store.ts`; `#db` mapped into the build output is the output's source).
 * A package name resolves only where an alias maps it or it names one of the project's own
 * packages (of its workspace, or itself): the module graph follows the project's own modules, not
 * its dependencies. Every answer is kept, as are the directory listings it came from, for the
 * whole run of ESLint's command line, and for a few seconds in a long-lived process (an editor's
 * ESLint server), which sees new files soon. The tsconfig.json and package.json files the aliases
 * and packages come from, and a workspace's links, are read once per run; a long-lived process
 * looks at them again every few seconds (util/config-files.ts), and an edit of one makes every
 * import resolve again (forgetChangedAliases).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { createPathsMatcher, getTsconfig, type TsConfigResult } from 'get-tsconfig';
import createDebug from 'debug';
import picomatch from 'picomatch';
import { exports as packageExports, imports as packageImports, type Options as ConditionOptions } from 'resolve.exports';
import { isPathSpecifier } from '../catalog/index.js';
import { isWithin } from '../util/clock.js';
import { configChangeCheck, isConfigDirectory, isConfigFile, lstatConfigPath, readConfigDirectory, readConfigFile, watchTsconfigExtends } from '../util/config-files.js';
import { isSingleRun } from '../util/single-run.js';
import { ownString } from '../util/strings.js';

const debug = createDebug('eslint-plugin-event-loop:modules');

/** Resolutions are reused for a few seconds (in a single run, never looked at again): an editor sees new files soon. */
export const RESOLUTION_TTL_MS = isSingleRun() ? Infinity : 5000;

const TYPESCRIPT = ['.ts', '.tsx', '.mts', '.cts'];
const JAVASCRIPT = ['.js', '.jsx', '.mjs', '.cjs'];
const EXTENSIONS = [...TYPESCRIPT, ...JAVASCRIPT];
/** The order extensions are tried in, for an importer written in JavaScript or in TypeScript. */
const JAVASCRIPT_FIRST = [...JAVASCRIPT, ...TYPESCRIPT];
const TYPESCRIPT_FIRST = EXTENSIONS;
const JS_TO_TS: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

interface Resolution {
  readonly file: string | undefined;
  /** When it was found (Date.now()). */
  readonly at: number;
}

/**
 * What is known for importers of one language, which try extensions in one order: a JavaScript
 * and a TypeScript file of one directory may mean different files by `./store`.
 */
interface Resolutions {
  readonly extensions: readonly string[];
  /**
   * By the importer's directory, then specifier: a module's specifiers share its directory
   * string, so no key is built per specifier (that cost more than the lookup).
   */
  readonly bySpecifier: Map<string, Map<string, Resolution>>;
  /**
   * Path specifiers by the path they name: `../lib/store.js` from `routes/` and `./store.js` from
   * `lib/` are one question. On the bench's corpus that halves the look-ups of files (2,789 →
   * 1,434), and a linted file knows more of its imports for modules other files' imports led to,
   * so it climbs along fewer imports' uses (loadReaches: 3,021 → 2,574).
   */
  readonly byPath: Map<string, Resolution>;
}

const JAVASCRIPT_RESOLUTIONS: Resolutions = { extensions: JAVASCRIPT_FIRST, bySpecifier: new Map(), byPath: new Map() };
const TYPESCRIPT_RESOLUTIONS: Resolutions = { extensions: TYPESCRIPT_FIRST, bySpecifier: new Map(), byPath: new Map() };

/** A JavaScript importer most likely means a JavaScript file (and Node would load that one first). */
function resolutionsFor(fromFile: string): Resolutions {
  return JAVASCRIPT.includes(extname(fromFile)) ? JAVASCRIPT_RESOLUTIONS : TYPESCRIPT_RESOLUTIONS;
}

/**
 * The module a specifier names, for relative specifiers and aliases (tsconfig `paths`, package.json
 * `imports`); `directory` is the importer's, which every caller has at hand.
 */
export function resolveFrom(fromFile: string, directory: string, specifier: string): string | undefined {
  const known = resolutionsFor(fromFile);
  let inDirectory = known.bySpecifier.get(directory);
  if (!inDirectory) known.bySpecifier.set(directory, (inDirectory = new Map()));
  const now = Date.now();
  const cached = inDirectory.get(specifier);
  if (cached && isWithin(now, cached.at, RESOLUTION_TTL_MS)) return cached.file;
  const resolution = isPathSpecifier(specifier)
    ? pathResolution(known, resolvedPath(directory, specifier), now)
    : { file: aliasedFile(known.extensions, directory, specifier), at: now };
  inDirectory.set(ownString(specifier), resolution);
  return resolution.file;
}

/**
 * The path a path specifier names from a directory, kept: a linted file asks for its imports'
 * paths before any resolution (wasResolved) and again to resolve them, and `path.resolve` makes a
 * new string each time.
 */
function resolvedPath(directory: string, specifier: string): string {
  let inDirectory = resolvedPathStrings.get(directory);
  if (!inDirectory) resolvedPathStrings.set(directory, (inDirectory = new Map()));
  let path = inDirectory.get(specifier);
  if (path === undefined) inDirectory.set(ownString(specifier), (path = resolve(directory, specifier)));
  return path;
}

const resolvedPathStrings = new Map<string, Map<string, string>>();

/**
 * Whether `specifier` was resolved before: from this directory, or (a path) to the path it names
 * from any directory. Asks no file system, even once the resolution has expired.
 */
export function wasResolved(fromFile: string, directory: string, specifier: string): boolean {
  const known = resolutionsFor(fromFile);
  return (
    known.bySpecifier.get(directory)?.has(specifier) === true ||
    (isPathSpecifier(specifier) && known.byPath.has(resolvedPath(directory, specifier)))
  );
}

/**
 * A specifier of a module that may name a local module, with the module it named when the module
 * was summarised (undefined: none, not written yet).
 */
export type ImportResolution = readonly [specifier: string, file: string | undefined];

/**
 * Whether each of a module's imports still names the module it named (resolved again once its
 * resolution expired): a long-lived process asks before it trusts the module's summary, so a
 * helper that imports a file written after it, or a file now found before the one it named
 * (`store.ts` beside `store.js`), is summarised again.
 */
export function resolvesAsBefore(fromFile: string, resolutions: readonly ImportResolution[]): boolean {
  if (resolutions.length === 0) return true;
  const directory = dirname(fromFile);
  return resolutions.every(([specifier, file]) => resolveFrom(fromFile, directory, specifier) === file);
}

/** The module at `path` (a path specifier resolved against its importer's directory), found or reused. */
function pathResolution(known: Resolutions, path: string, now: number): Resolution {
  let resolution = known.byPath.get(path);
  if (!resolution || !isWithin(now, resolution.at, RESOLUTION_TTL_MS)) {
    known.byPath.set(path, (resolution = { file: existingFile(path, known.extensions), at: now }));
  }
  return resolution;
}

/**
 * The module a package name names where an alias maps it to the project's files, or it names a
 * package of the project's own; none for a dependency (`express`) or a builtin (`fs`).
 */
function aliasedFile(extensions: readonly string[], directory: string, specifier: string): string | undefined {
  for (const base of aliasTargets(directory, specifier)) {
    const found = existingFile(base, extensions);
    if (found) return found;
  }
  return undefined;
}

/** Whether the project's config files (util/config-files.ts) changed since the caches below were last checked. */
const aliasFilesChanged = configChangeCheck();

/**
 * In a long-lived process, whether a config file changed since the aliases were read (looked at
 * every few seconds: util/config-files.ts). If one did, everything read from them is forgotten, and
 * every resolution with it: the next import resolves under the aliases as they are now.
 */
export function forgetChangedAliases(): boolean {
  if (!aliasFilesChanged()) return false;
  const caches: readonly Map<string, unknown>[] = [
    tsconfigs,
    nearestTsconfigs,
    pathsMatchers,
    importsMatchers,
    nearestPackageFiles,
    manifests,
    ownPackagesByDirectory,
    workspacePackageMaps,
    linkedPackages,
    nodeModulesDirectories,
    workspaceRoots,
    entryMatchers,
  ];
  for (const cache of caches) cache.clear();
  for (const known of [JAVASCRIPT_RESOLUTIONS, TYPESCRIPT_RESOLUTIONS]) {
    known.bySpecifier.clear();
    known.byPath.clear();
  }
  debug('aliases changed: resolving again');
  return true;
}

/** Whether the specifier may name a module of the project: a path, or a package name an alias maps. */
export function mayNameProjectModule(directory: string, specifier: string): boolean {
  return isPathSpecifier(specifier) || aliasTargets(directory, specifier).length > 0;
}

/**
 * Where the aliases seen from `directory` map a package name, as paths: the nearest package.json's
 * `imports` for a `#` specifier, as Node resolves it, then the nearest tsconfig.json's `paths`,
 * then the project's own packages (projectPackageTargets).
 */
function aliasTargets(directory: string, specifier: string): readonly string[] {
  // Asked for every package a linted file imports: no array is made where no alias maps it.
  const subpathImport = specifier.startsWith('#');
  const imports = subpathImport ? (importsMatcher(directory)?.(specifier) ?? NO_TARGETS) : NO_TARGETS;
  const paths = pathsMatcher(directory)?.(specifier) ?? NO_TARGETS;
  const packages = subpathImport ? NO_TARGETS : projectPackageTargets(directory, specifier);
  if (paths.length === 0 && packages.length === 0) return imports;
  if (imports.length === 0 && packages.length === 0) return paths;
  return [...imports, ...paths, ...packages];
}

const NO_TARGETS: readonly string[] = [];

/** Where an alias maps a package-like specifier, as paths (none: it maps nothing there). */
type Matcher = (specifier: string) => readonly string[];

/** Each tsconfig.json read (`extends` followed), the nearest one of each directory, and its `paths` matcher. */
const tsconfigs = new Map<string, TsConfigResult | null>();
const nearestTsconfigs = new Map<string, string | null>();
const pathsMatchers = new Map<string, Matcher | null>();

/**
 * The tsconfig.json nearest to `directory`, read once per file (until a config file changes:
 * forgetChangedAliases); none where it cannot be read.
 */
function nearestTsconfig(directory: string): TsConfigResult | null {
  const configFile = nearestFile(directory, 'tsconfig.json', nearestTsconfigs);
  if (!configFile) return null;
  let tsconfig = tsconfigs.get(configFile);
  if (tsconfig === undefined) {
    try {
      tsconfig = getTsconfig(dirname(configFile));
      watchTsconfigExtends(configFile);
    } catch (error) {
      debug('%s unreadable: %s', configFile, error);
      tsconfig = null;
    }
    tsconfigs.set(configFile, tsconfig);
  }
  return tsconfig;
}

function pathsMatcher(directory: string): Matcher | null {
  return nearestMatcher(directory, 'tsconfig.json', nearestTsconfigs, pathsMatchers, tsconfigPaths);
}

function tsconfigPaths(configFile: string): Matcher | null {
  const tsconfig = nearestTsconfig(dirname(configFile));
  const match = tsconfig ? createPathsMatcher(tsconfig) : null;
  return match && memoised(match);
}

/** The `imports` matcher of each package.json, and the nearest package.json of each directory. */
const importsMatchers = new Map<string, Matcher | null>();
const nearestPackageFiles = new Map<string, string | null>();

/**
 * The package.json `imports` (subpath imports: `"#db": "./src/db.js"`, `"#lib/*": "./lib/*.js"`)
 * of the package `directory` is in, as Node finds it: the nearest package.json, whether or not it
 * has any.
 */
function importsMatcher(directory: string): Matcher | null {
  return nearestMatcher(directory, 'package.json', nearestPackageFiles, importsMatchers, packageImportsOf);
}

function packageImportsOf(packageFile: string): Matcher | null {
  const manifest = manifestOf(packageFile);
  if (!manifest || !isObject(manifest.imports)) return null;
  return packageMatcher(dirname(packageFile), (conditions) => (specifier) =>
    conditionalTargets(conditions, (options) => packageImports(manifest, specifier, options)),
  );
}

/**
 * Each package.json read, once (until a config file changes: forgetChangedAliases); null where it
 * cannot be read or is not an object.
 */
const manifests = new Map<string, Record<string, unknown> | null>();

function manifestOf(packageFile: string): Record<string, unknown> | null {
  let manifest = manifests.get(packageFile);
  if (manifest === undefined) {
    try {
      const parsed = JSON.parse(readConfigFile(packageFile)) as unknown;
      manifest = isObject(parsed) ? parsed : null;
    } catch (error) {
      debug('%s unreadable: %s', packageFile, error);
      manifest = null;
    }
    manifests.set(packageFile, manifest);
  }
  return manifest;
}

/**
 * A matcher for the package at `root`: `targets` gives a specifier's `./`-relative targets under
 * the package's conditions (its tsconfig's `customConditions` among them), and each is taken as a
 * path, its source first where it is a build output (sourceOfOutput).
 */
function packageMatcher(root: string, targets: (conditions: readonly ConditionOptions[]) => (specifier: string) => readonly string[]): Matcher {
  const tsconfig = nearestTsconfig(root);
  const targetsOf = targets(importConditions(customConditionsOf(tsconfig)));
  const sourceOf = sourceOfOutput(root, tsconfig);
  return memoised((specifier) =>
    targetsOf(specifier).flatMap((target) => {
      const file = join(root, target);
      const source = sourceOf(file);
      return source === undefined ? [file] : [source, file];
    }),
  );
}

/**
 * Where a package name leads when the package is the project's own: the package the importer is in,
 * named by itself (`@acme/api/db` inside @acme/api, through its `exports`, as Node allows), or, in a
 * workspace (npm, yarn, pnpm or bun), a package of it (workspacePackage). Within it, `exports` as
 * Node reads them, else `types`, `module` and `main` for the package itself and the path for a
 * subpath; a target in the package's build output is followed into its source. None for an
 * installed dependency.
 */
function projectPackageTargets(directory: string, specifier: string): readonly string[] {
  // Asked for every package a linted file imports: most directories are in no workspace, and in
  // no package that can name itself, and need not look at the name at all.
  const own = ownPackagesOf(directory);
  if (own === NO_OWN_PACKAGES) return NO_TARGETS;
  const name = packageNameOf(specifier);
  if (name === undefined) return NO_TARGETS;
  const packageDirectory =
    own.self?.name === name ? own.self.directory : own.workspace === undefined ? undefined : workspacePackage(own.workspace, directory, name);
  if (packageDirectory === undefined) return NO_TARGETS;
  let matcher = entryMatchers.get(packageDirectory);
  if (!matcher) entryMatchers.set(packageDirectory, (matcher = packageEntries(packageDirectory)));
  return matcher(`.${specifier.slice(name.length)}`);
}

/** `@acme/db` of `@acme/db/store`, `lodash` of `lodash/get`; none for what is not a package name (`node:fs`, a URL). */
function packageNameOf(specifier: string): string | undefined {
  if (specifier.includes(':') || specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const slash = specifier.indexOf('/');
  if (!specifier.startsWith('@')) return slash === -1 ? specifier : specifier.slice(0, slash);
  const second = specifier.indexOf('/', slash + 1);
  return slash <= 1 ? undefined : second === -1 ? specifier : specifier.slice(0, second);
}

/** The packages of its own a directory's imports may name: the package it is in (if it can name itself) and its workspace. */
interface OwnPackages {
  /** The package the directory is in, where it has `exports`, through which Node lets it import itself by name. */
  readonly self?: { readonly name: string; readonly directory: string };
  /** The root of the workspace the directory is in. */
  readonly workspace?: string;
}

const NO_OWN_PACKAGES: OwnPackages = {};
const ownPackagesByDirectory = new Map<string, OwnPackages>();

function ownPackagesOf(directory: string): OwnPackages {
  let own = ownPackagesByDirectory.get(directory);
  if (!own) {
    const packageFile = nearestFile(directory, 'package.json', nearestPackageFiles);
    const manifest = packageFile ? manifestOf(packageFile) : null;
    const self =
      packageFile && typeof manifest?.name === 'string' && manifest.exports !== undefined
        ? { name: manifest.name, directory: dirname(packageFile) }
        : undefined;
    const workspace = workspaceRoot(directory);
    own = self || workspace !== undefined ? { self, workspace } : NO_OWN_PACKAGES;
    ownPackagesByDirectory.set(directory, own);
  }
  return own;
}

/**
 * The package of the workspace at `root` called `name`, as the importer in `directory` gets it:
 * through node_modules, where the package manager links it (linkedPackage); in a workspace without
 * node_modules (Yarn's Plug'n'Play, or not installed yet), the package its `workspaces` globs name.
 */
function workspacePackage(root: string, directory: string, name: string): string | undefined {
  return hasNodeModules(root) ? linkedPackage(root, directory, name) : workspacePackagesOf(root).get(name);
}

/** The packages each workspace root's package.json `workspaces` globs name, by name. */
const workspacePackageMaps = new Map<string, ReadonlyMap<string, string>>();

function workspacePackagesOf(root: string): ReadonlyMap<string, string> {
  let packages = workspacePackageMaps.get(root);
  if (!packages) {
    const byName = new Map<string, string>();
    const workspaces = manifestOf(join(root, 'package.json'))?.workspaces;
    // npm and bun take a list; yarn also `{ packages: [...] }`.
    const patterns = Array.isArray(workspaces) ? workspaces : isObject(workspaces) && Array.isArray(workspaces.packages) ? workspaces.packages : [];
    const globs = patterns.filter((pattern): pattern is string => typeof pattern === 'string');
    // picomatch throws for an empty pattern, which `./` or `!` leaves.
    const included = globs.filter((glob) => !glob.startsWith('!')).map(withoutDotSlash).filter(Boolean);
    const excluded = picomatch(globs.filter((glob) => glob.startsWith('!')).map((glob) => withoutDotSlash(glob.slice(1))).filter(Boolean));
    for (const glob of included) {
      // Only below the glob's static part (`packages` of `packages/*`), as deep as it reaches.
      const { base, glob: rest, isGlob } = picomatch.scan(glob);
      const matches = picomatch(glob);
      const depth = rest.includes('**') ? WORKSPACE_DEPTH : rest.split('/').length;
      for (const relativeDirectory of isGlob ? directoriesBelow(root, depth, base) : [base]) {
        if (!matches(relativeDirectory) || excluded(relativeDirectory)) continue;
        const name = manifestOf(join(root, relativeDirectory, 'package.json'))?.name;
        if (typeof name === 'string' && !byName.has(name)) byName.set(name, join(root, relativeDirectory));
      }
    }
    workspacePackageMaps.set(root, (packages = byName));
  }
  return packages;
}

/** How deep below its static part a `**` workspace glob is followed. */
const WORKSPACE_DEPTH = 4;

function withoutDotSlash(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/\/$/, '');
}

/** The directories below `prefix` in `root`, relative to `root`, to `depth` levels; not node_modules, nor hidden ones. */
function directoriesBelow(root: string, depth: number, prefix: string): string[] {
  if (depth === 0) return [];
  const found: string[] = [];
  let entries: Dirent[] = [];
  try {
    entries = readConfigDirectory(join(root, prefix));
  } catch {
    // Unreadable: nothing below it.
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const relativeDirectory = prefix ? `${prefix}/${entry.name}` : entry.name;
    found.push(relativeDirectory, ...directoriesBelow(root, depth - 1, relativeDirectory));
  }
  return found;
}

/** What linkedPackage found for each name from each directory of a workspace; null for nothing. */
const linkedPackages = new Map<string, Map<string, string | null>>();

/**
 * The package of the workspace at `root` that Node finds for `name` from `directory`: in the nearest
 * node_modules up to the root that has the name, a link out of every node_modules. None where Node
 * finds an installed package.
 */
function linkedPackage(root: string, directory: string, name: string): string | undefined {
  let byName = linkedPackages.get(directory);
  if (!byName) linkedPackages.set(directory, (byName = new Map()));
  let found = byName.get(name);
  if (found === undefined) {
    const here = hasNodeModules(directory) ? packageInNodeModules(join(directory, 'node_modules'), name) : undefined;
    const parent = dirname(directory);
    // Where this node_modules has no such package, Node looks in its parent's.
    found = here !== undefined ? here : directory === root || parent === directory ? null : (linkedPackage(root, parent, name) ?? null);
    byName.set(ownString(name), found);
  }
  return found ?? undefined;
}

/** Whether each directory of a workspace has a node_modules: most have none, and need no look-up per name. */
const nodeModulesDirectories = new Map<string, boolean>();

function hasNodeModules(directory: string): boolean {
  let has = nodeModulesDirectories.get(directory);
  if (has === undefined) nodeModulesDirectories.set(directory, (has = isConfigDirectory(join(directory, 'node_modules'))));
  return has;
}

/**
 * `name` in one node_modules directory: the real directory of a link that leads out of every
 * node_modules, null for an installed package (Node loads it, and looks no further), undefined
 * when it is not there.
 */
function packageInNodeModules(nodeModules: string, name: string): string | null | undefined {
  const path = join(nodeModules, name);
  try {
    const stat = lstatConfigPath(path);
    if (!stat) return undefined;
    if (!stat.isSymbolicLink()) return null;
    const real = realpathSync.native(path);
    return real.includes(`${sep}node_modules${sep}`) ? null : real;
  } catch {
    return null;
  }
}

/** The root of the workspace each directory is in (package.json `workspaces`, or pnpm-workspace.yaml); null for none. */
const workspaceRoots = new Map<string, string | null>();

function workspaceRoot(directory: string): string | undefined {
  let root = workspaceRoots.get(directory);
  if (root === undefined) {
    root = null;
    const packageFile = nearestFile(directory, 'package.json', nearestPackageFiles);
    if (packageFile && dirname(packageFile) !== directory) {
      // Every directory of a package is in its package's workspace: asked once, of the package's directory.
      root = workspaceRoot(dirname(packageFile)) ?? null;
    } else if (packageFile) {
      const parent = dirname(directory);
      if (manifestOf(packageFile)?.workspaces !== undefined || isConfigFile(join(directory, 'pnpm-workspace.yaml'))) {
        root = directory;
      } else if (parent !== directory) {
        // A package of a workspace has a package.json of its own: the root's is further up.
        root = workspaceRoot(parent) ?? null;
      }
    }
    workspaceRoots.set(directory, root);
  }
  return root ?? undefined;
}

/** The entry matcher of each of the project's own packages that an import named, by directory. */
const entryMatchers = new Map<string, Matcher>();

/** What a subpath (`.`, `./store`) of the package at `root` names: by its `exports`, else by its fields or the path. */
function packageEntries(root: string): Matcher {
  const manifest = manifestOf(join(root, 'package.json')) ?? {};
  if (manifest.exports !== undefined) {
    return packageMatcher(root, (conditions) => (subpath) =>
      conditionalTargets(conditions, (options) => packageExports(manifest, subpath, options)),
    );
  }
  const fields = ENTRY_FIELDS.flatMap((field) => (typeof manifest[field] === 'string' ? [`./${manifest[field]}`] : []));
  return packageMatcher(root, () => (subpath) => (subpath === '.' ? [...fields, './index'] : [subpath]));
}

/** The fields naming a package's own entry, in the order TypeScript and bundlers read them (Node reads only `main`). */
const ENTRY_FIELDS = ['types', 'typings', 'module', 'main'];

/**
 * The matcher `build` makes of the nearest file called `name` (tsconfig.json, package.json), made
 * once per file and process; none where there is no such file, or it cannot be read.
 */
function nearestMatcher(
  directory: string,
  name: string,
  nearest: Map<string, string | null>,
  made: Map<string, Matcher | null>,
  build: (file: string) => Matcher | null,
): Matcher | null {
  const file = nearestFile(directory, name, nearest);
  if (!file) return null;
  let matcher = made.get(file);
  if (matcher === undefined) {
    try {
      matcher = build(file);
    } catch (error) {
      debug('%s unreadable: %s', file, error);
      matcher = null;
    }
    made.set(file, matcher);
  }
  return matcher;
}

/**
 * The conditions a subpath import is resolved under, in turn: TypeScript's (`types`, and the
 * package's tsconfig `customConditions`, which a project may map its sources under), then Node's
 * for `import` and for `require`. Within each, the mapping's own order of conditions decides, as in
 * Node and TypeScript.
 */
function importConditions(customConditions: readonly string[]): readonly ConditionOptions[] {
  return [{ conditions: [...customConditions, 'types'] }, {}, { require: true }];
}

/** The tsconfig.json's `customConditions`; none without one. */
function customConditionsOf(tsconfig: TsConfigResult | null): readonly string[] {
  const conditions: unknown = tsconfig?.config.compilerOptions?.customConditions;
  return Array.isArray(conditions) ? conditions.filter((condition): condition is string => typeof condition === 'string') : [];
}

/**
 * Where the source of a build output is, as TypeScript finds it for an `imports` target in the
 * `outDir` or `declarationDir` of the package's own tsconfig.json (`"#db": "./dist/db.js"` names
 * src/db.ts with `rootDir: "src"`, built or not): the same path under `rootDir`, a declaration
 * file's name as its JavaScript's (whose TypeScript source existingFile tries). TypeScript asks
 * this before the target itself, and only with a `rootDir` (or `composite`, whose root is the
 * tsconfig's directory); without one it reports the project root as ambiguous. None for a target
 * elsewhere, or where the nearest tsconfig.json is outside the package.
 */
function sourceOfOutput(root: string, tsconfig: TsConfigResult | null): (file: string) => string | undefined {
  const options = tsconfig?.config.compilerOptions;
  // get-tsconfig gives the path with `/` on every platform: resolved, it compares with `root`.
  const configDirectory = tsconfig ? dirname(resolve(tsconfig.path)) : undefined;
  if (!options || configDirectory === undefined || (configDirectory !== root && !isInside(root, configDirectory))) {
    return () => undefined;
  }
  // A hand-written tsconfig may hold anything: only a string is a directory.
  const rootDir: unknown = options.rootDir;
  const sourceRoot = typeof rootDir === 'string' && rootDir ? resolve(configDirectory, rootDir) : options.composite ? configDirectory : undefined;
  const outputs = [...new Set([options.declarationDir, options.outDir])]
    .filter((directory): directory is string => typeof directory === 'string')
    .map((directory) => resolve(configDirectory, directory));
  if (sourceRoot === undefined || outputs.length === 0) return () => undefined;
  return (file) => {
    if (!OUTPUT_FILE.test(file) || file.includes(`${sep}node_modules${sep}`)) return undefined;
    const output = outputs.find((directory) => isInside(directory, file));
    if (!output) return undefined;
    return join(sourceRoot, file.slice(output.length + 1)).replace(DECLARATION_EXTENSION, '.$1js');
  };
}

/** What a build writes that a source stands behind: JavaScript and declaration files. */
const OUTPUT_FILE = /\.[cm]?js$|\.d\.[cm]?ts$/;
const DECLARATION_EXTENSION = /\.d\.([cm]?)ts$/;

/** Whether `path` is below `directory`. */
function isInside(directory: string, path: string): boolean {
  return path.startsWith(directory.endsWith(sep) ? directory : directory + sep);
}

/**
 * The files of a package (`./`-relative) that `targetsUnder` maps a specifier to under each of
 * `conditions` in turn; a target that is another package is none.
 */
function conditionalTargets(
  conditions: readonly ConditionOptions[],
  targetsUnder: (options: ConditionOptions) => readonly string[] | void,
): string[] {
  const targets = new Set<string>();
  for (const options of conditions) {
    try {
      for (const target of targetsUnder(options) ?? []) if (target.startsWith('./')) targets.add(target);
    } catch {
      // Not mapped (resolve.exports throws for a specifier no entry matches).
    }
  }
  return [...targets];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A matcher that answers each specifier once: every file of a project names the same few
 * packages (`express`, `@medusajs/framework/utils`), and get-tsconfig and resolve.exports match
 * every pattern anew.
 */
function memoised(match: Matcher): Matcher {
  const answers = new Map<string, readonly string[]>();
  return (specifier) => {
    let answer = answers.get(specifier);
    if (!answer) answers.set(ownString(specifier), (answer = match(specifier)));
    return answer;
  };
}

/**
 * The nearest file called `name` in `directory` or above it, found up the tree as TypeScript and
 * Node do, with one look per directory (kept in `found`, until a config file changes:
 * forgetChangedAliases).
 */
function nearestFile(directory: string, name: string, found: Map<string, string | null>): string | null {
  let file = found.get(directory);
  if (file === undefined) {
    const candidate = join(directory, name);
    const parent = dirname(directory);
    // Unreadable counts as missing: look further up.
    file = isConfigFile(candidate) ? candidate : parent === directory ? null : nearestFile(parent, name, found);
    found.set(directory, file);
  }
  return file;
}

/**
 * The file `base` names: as written (or the TypeScript source a `.js` name stands for), else with
 * one of `extensions` added, else its directory's index file, trying `extensions` in their order.
 */
function existingFile(base: string, extensions: readonly string[]): string | undefined {
  const name = basename(base);
  const extension = extname(name);
  const siblings = EXTENSIONS.includes(extension)
    ? [name, ...(JS_TO_TS[extension] ?? []).map((ts) => name.slice(0, -extension.length) + ts)]
    : [];
  for (const ext of extensions) siblings.push(name + ext);
  return firstFileIn(dirname(base), siblings) ?? firstFileIn(base, extensions.map((ext) => `index${ext}`));
}

interface Listing {
  /** Entry name → its kind; a symbolic link is followed when it is a candidate. */
  readonly entries: ReadonlyMap<string, 'file' | 'link' | 'other'>;
  /** The directory's real path (symbolic links on the way resolved), read with the entries. */
  readonly realDirectory: string | undefined;
  /** The directory's mtime when it was read (undefined: missing or unreadable). */
  readonly mtimeMs: number | undefined;
  /** When the listing was last found current (Date.now()). */
  checkedAt: number;
}

/**
 * Directory listings, reused like resolutions: most candidate spellings of a specifier do not
 * exist, and one listing per directory (with each entry's kind) answers every candidate in it
 * without a system call each. An expired listing is read again only if the directory's mtime
 * changed (an entry was added, removed or renamed): one stat instead of a listing of a large
 * directory, every few seconds of a long run.
 */
const listings = new Map<string, Listing>();

/**
 * The real path of the first of `names` that is a file in `directory`, from its listing: the
 * candidates of one specifier cost one map lookup each, without a system call or a path operation.
 */
function firstFileIn(directory: string, names: readonly string[]): string | undefined {
  const listing = listingOf(directory);
  for (const name of names) {
    if (name.endsWith('.d.ts')) continue;
    const kind = listing.entries.get(name);
    if (kind === 'file' && listing.realDirectory) return join(listing.realDirectory, name);
    if (kind !== 'link') continue;
    try {
      const real = realpathSync.native(join(directory, name));
      if (statSync(real).isFile()) return real;
    } catch {
      // A dangling link, or a cycle of them.
    }
  }
  return undefined;
}

function listingOf(directory: string): Listing {
  const now = Date.now();
  const cached = listings.get(directory);
  if (cached && isWithin(now, cached.checkedAt, RESOLUTION_TTL_MS)) return cached;
  const mtimeMs = directoryMtime(directory);
  if (cached && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now;
    return cached;
  }
  const entries = new Map<string, 'file' | 'link' | 'other'>();
  let realDirectory: string | undefined;
  if (mtimeMs !== undefined) {
    try {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        entries.set(entry.name, entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'other');
      }
      realDirectory = realpathSync.native(directory);
    } catch {
      // Unreadable: nothing in it resolves.
    }
  }
  const listing: Listing = { entries, realDirectory, mtimeMs, checkedAt: now };
  listings.set(directory, listing);
  return listing;
}

function directoryMtime(directory: string): number | undefined {
  try {
    const stat = statSync(directory, { throwIfNoEntry: false });
    return stat?.isDirectory() ? stat.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

