import { isAbsolute, join, relative } from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import picomatch from 'picomatch';
import { fileConventions, USE_SERVER_DIRECTIVE, type FileConvention, type FrameworkId } from '../catalog/frameworks.js';
import type { HandlerSettings } from '../options.js';
import { configChangeCheck, isConfigFile, readConfigFile } from '../util/config-files.js';
import { isModuleOrSubpath, withoutNodePrefix } from './imports.js';

/** How the framework names a function exported under some name, and whether its members are the handlers. */
export interface ExportedHandler {
  readonly description: string;
  /** The export is an object whose function-valued properties are the handlers (SvelteKit `actions`). */
  readonly members: boolean;
}

/** Handlers this file exports, by export name (`default` for the default export). */
export type ExportedHandlers = ReadonlyMap<string, ExportedHandler>;

/**
 * What this file's exports are to the frameworks whose conventions its path matches (Next.js route
 * files, SvelteKit `+server`, Remix route modules, ...), to `'use server'`, and to the user's own
 * `handlers.files`. Build-time switches the file exports (`prerender = true`) remove exports.
 */
export function exportedHandlers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  { cwd, handlers, enabled }: { cwd: string; handlers: HandlerSettings | undefined; enabled: (id: FrameworkId) => boolean },
): ExportedHandlers {
  const result = new Map<string, ExportedHandler>();
  const add = (name: string, description: string, members = false) => {
    if (!result.has(name)) result.set(name, { description, members });
  };
  const path = filename.replaceAll('\\', '/');

  for (const { glob, exports } of handlers?.files ?? []) {
    if (matcher(glob)(relativePath(cwd, path))) {
      for (const name of exports) add(name, name === 'default' ? 'default export' : `${name} export`);
    }
  }

  const program = sourceCode.ast;
  const matching = fileConventions.filter((convention) => enabled(convention.framework) && convention.file.test(path));
  const imports = matching.length > 0 ? importedModules(program) : [];
  const constants = matching.length > 0 ? exportedConstants(program) : new Map<string, unknown>();
  for (const convention of matching) {
    const serverOutput = convention.staticOutput && astroServerOutput(convention, path);
    const imported = convention.requiresImport?.some((prefix) => imports.some((module) => isModuleOrSubpath(module, prefix)));
    if (convention.requiresImport && !imported && serverOutput === undefined) continue;
    if (convention.unlessImport?.some((prefix) => imports.some((module) => isModuleOrSubpath(module, prefix)))) continue;

    const label =
      convention.labelsByImport?.find(({ prefix }) => imports.some((module) => module.startsWith(prefix)))?.label ??
      convention.label;
    const buildTime = buildTimeExports(convention, constants, serverOutput);
    for (const [name, { role, members }] of Object.entries(convention.exports)) {
      if (buildTime === 'all' || buildTime.has(name)) continue;
      add(name, `${label} ${role}`, members ?? false);
    }
  }
  if (enabled('nextjs') && hasDirective(program.body, USE_SERVER_DIRECTIVE)) {
    for (const name of exportNames(program)) add(name, 'server action');
  }
  return result;
}

/** Exports of this file that run at build time: `'all'`, or their names. */
function buildTimeExports(
  convention: FileConvention,
  constants: ReadonlyMap<string, unknown>,
  serverOutput: boolean | undefined,
): 'all' | ReadonlySet<string> {
  const names = new Set<string>();
  for (const { name, value, exports } of convention.buildTime ?? []) {
    if (constants.get(name) !== value) continue;
    if (!exports) return 'all';
    for (const exported of exports) names.add(exported);
  }
  // Static output prerenders unless the file opts out (`prerender = false`) or the project is server-rendered.
  if (convention.staticOutput && constants.get('prerender') !== false && serverOutput !== true) {
    for (const exported of convention.staticOutput.exports) names.add(exported);
  }
  return names;
}

const astroOutputs = new Map<string, boolean | undefined>();
/** Whether the project's config files (util/config-files.ts) changed since astroOutputs was last checked. */
const astroConfigChanged = configChangeCheck();

/**
 * For a file under an Astro project's `src/pages/`: whether its config sets `output: 'server'`
 * (`undefined` when there is no config). Read once per project root, and again in a long-lived
 * process once a config file changed.
 */
function astroServerOutput(convention: FileConvention, path: string): boolean | undefined {
  const { root, configFiles, serverOutput } = convention.staticOutput!;
  const folder = root.exec(path)?.[1];
  if (folder === undefined) return undefined;
  if (astroConfigChanged()) astroOutputs.clear();
  if (!astroOutputs.has(folder)) {
    const config = configFiles.map((name) => join(folder, name)).find((candidate) => isConfigFile(candidate));
    astroOutputs.set(folder, config === undefined ? undefined : serverOutput.test(readText(config)));
  }
  return astroOutputs.get(folder);
}

const matchers = new Map<string, (path: string) => boolean>();
function matcher(glob: string): (path: string) => boolean {
  let match = matchers.get(glob);
  if (!match) {
    match = picomatch(glob, { dot: true });
    matchers.set(glob, match);
  }
  return match;
}

function relativePath(cwd: string, path: string): string {
  return isAbsolute(path) ? relative(cwd, path).replaceAll('\\', '/') : path;
}

export function hasDirective(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

function importedModules(program: TSESTree.Program): string[] {
  return program.body.flatMap((statement) =>
    (statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration) &&
    statement.source
      ? [withoutNodePrefix(statement.source.value)]
      : [],
  );
}

/** `export const prerender = true`, `export const dynamic = 'force-static'`: literal values by name. */
function exportedConstants(program: TSESTree.Program): Map<string, unknown> {
  const constants = new Map<string, unknown>();
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      let init = declarator.init;
      while (init?.type === AST_NODE_TYPES.TSAsExpression || init?.type === AST_NODE_TYPES.TSSatisfiesExpression) {
        init = init.expression;
      }
      if (declarator.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.Literal) {
        constants.set(declarator.id.name, init.value);
      }
    }
  }
  return constants;
}

function exportNames(program: TSESTree.Program): string[] {
  return program.body.flatMap((statement): string[] => {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return ['default'];
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) return [];
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) return [declaration.id.name];
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      return declaration.declarations.flatMap((d) => (d.id.type === AST_NODE_TYPES.Identifier ? [d.id.name] : []));
    }
    return statement.specifiers.flatMap((specifier) =>
      specifier.exported.type === AST_NODE_TYPES.Identifier ? [specifier.exported.name] : [],
    );
  });
}

/** A config file's text; empty where it went before it could be read (it is looked at again). */
function readText(file: string): string {
  try {
    return readConfigFile(file);
  } catch {
    return '';
  }
}
