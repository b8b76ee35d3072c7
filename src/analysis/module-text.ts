/**
 * What a module's text tells before it is parsed: which local modules it imports, and whether it
 * may use what one of them exports that blocks. The summaries (module-graph.ts) parse a module
 * only when its text may call a blocking API (the catalog's text check) or may use a blocking
 * export of a module it imports (blockingExportUse), so most of the modules a run reads are never
 * parsed. Each check may answer yes where the tree would say no (a name in a string or a comment):
 * that costs a parse; a no must hold, or a finding is lost.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import createDebug from 'debug';
import { escapeRegExp, wholeWordSearch } from '../util/regexp.js';
import { isSingleRun } from '../util/single-run.js';
import { ownString } from '../util/strings.js';
import type { ModuleSummary } from './module-graph.js';
import { mayNameProjectModule, resolveFrom, type ImportResolution } from './module-resolution.js';

const debug = createDebug('eslint-plugin-event-loop:modules');

/**
 * Specifiers of `import ... from 'x'`, `export ... from 'x'`, `import('x')`, `require('x')`, found in
 * text. Not `import 'x'`: a side-effect import gives the module no value that could block.
 */
const SPECIFIER = /(?:\bfrom\s*|\b(?:import|require)\s*\(\s*)['"`]([^'"`\n]+)['"`]/g;

/** A single run never asks whether a module's imports still resolve as they did (resolvesAsBefore). */
const keepsResolutions = !isSingleRun();

export interface TextImports {
  /** The local modules the text imports, resolved. */
  readonly dependencies: string[];
  /** Its specifiers that may name a local module, with what each named (outside a single run). */
  readonly resolutions: readonly ImportResolution[];
}

const NO_RESOLUTIONS: readonly ImportResolution[] = [];

/** The local modules a module's text imports. */
export function textImports(file: string, text: string): TextImports {
  const dependencies = new Set<string>();
  const resolved = keepsResolutions ? new Map<string, string | undefined>() : undefined;
  const directory = dirname(file);
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1]!;
    const target = resolveFrom(file, directory, specifier);
    if (target && target !== file) dependencies.add(target);
    // A copy: the match is a view into the text, which the summary's cache would keep alive.
    if (resolved && (target || mayNameProjectModule(directory, specifier))) resolved.set(ownString(specifier), target);
  }
  return { dependencies: [...dependencies], resolutions: resolved ? [...resolved] : NO_RESOLUTIONS };
}

/**
 * The second text pre-check, for a module that calls no catalog API: whether it may use what a
 * module it imports exports that blocks. Summaries describe blocking code by name, so a module
 * can use it only by writing a name: a blocking function or database it imports, or a blocking
 * member (`this.config.readSecrets()`). A class or object holding such members passes them on
 * without their names only when the module exports it again (`export { Store }`, `export const
 * store = new Store()`), so its name counts where the text may export a value it did not declare.
 * An unnamed export (a default export, CommonJS `module.exports = fn`) and `export *` take no name
 * at all. What this spares: a NestJS service that injects a blocking service and calls only its
 * other members (in the bench's NestJS app, 9 of the 12 services parsed only for what they inject).
 */
export function blockingExportUse(text: string): (summary: ModuleSummary) => boolean {
  let reexportsAll: boolean | undefined;
  let exportsOtherValues: boolean | undefined;
  return (summary) => {
    if (summary.exports.size === 0) return false;
    const names = exportNames(summary);
    if (names.unnamed || (reexportsAll ??= REEXPORT_ALL.test(text))) return true;
    if (names.used?.(text)) return true;
    return names.holders !== undefined && names.holders(text) && (exportsOtherValues ??= mayExportUndeclared(text));
  };
}

interface ExportNames {
  /** A blocking export without a name of its own: the importer names it as it likes. */
  readonly unnamed: boolean;
  /** Whether a text names a blocking function or database export, or a blocking member. */
  readonly used?: (text: string) => boolean;
  /** Whether a text names an export that holds blocking members (a class, an object). */
  readonly holders?: (text: string) => boolean;
}

const exportNamesOf = new WeakMap<ModuleSummary, ExportNames>();

function exportNames(summary: ModuleSummary): ExportNames {
  let names = exportNamesOf.get(summary);
  if (!names) {
    let unnamed = false;
    const used = new Set<string>();
    const holders = new Set<string>();
    for (const [name, reach] of summary.exports) {
      if (name === '' || name === 'default') unnamed = true;
      if (reach.call || reach.db) used.add(name);
      for (const members of [reach.members, reach.instanceMembers]) {
        if (!members?.size) continue;
        holders.add(name);
        for (const member of members.keys()) used.add(member);
      }
    }
    names = {
      unnamed,
      used: used.size > 0 ? wholeWordSearch([...used]) : undefined,
      holders: holders.size > 0 ? wholeWordSearch([...holders]) : undefined,
    };
    exportNamesOf.set(summary, names);
  }
  return names;
}

/** `export * from`, `export * as ns from`: every export of the other module, unnamed here. */
const REEXPORT_ALL = /\bexport\s*\*/;
/** Exports whose value may be anything, an imported class or an instance of it among them. */
const VALUE_EXPORT = /\b(?:module\.)?exports\b|\bexport\s+(?:const|let|var|using|import)\b|\bexport\s*=|\bexport\s+default\s+(?!(?:abstract\s+)?class\b|(?:async\s+)?function\b|interface\b|enum\b)/;
/** `export { a, b as c }` (group 1: the list) and `export { a } from './x'` (group 2). */
const EXPORT_LIST = /\bexport\s*\{([^}]*)\}(\s*from\b)?/g;

/**
 * Whether a module's text may export a value it did not declare (an imported class, say): a value
 * export (`export const`, `export default store`, CommonJS), a re-export from another module, or
 * an export list naming something not declared here as a class or function (`const S = Store;
 * export { S }`). tsc's `let Service = class Service`, exported by a list, is declared.
 */
function mayExportUndeclared(text: string): boolean {
  if (VALUE_EXPORT.test(text)) return true;
  for (const [, list, from] of text.matchAll(EXPORT_LIST)) {
    if (from) return true;
    for (const specifier of list!.split(',')) {
      const [local] = specifier.trim().split(/\s+as\s+/);
      if (!local || /^type\s/.test(local)) continue;
      if (!declaresClassOrFunction(text, local)) return true;
    }
  }
  return false;
}

/** Whether the text declares `name` as a class or a function, outside anything that may be a comment. */
function declaresClassOrFunction(text: string, name: string): boolean {
  const declaration = new RegExp(`\\b(?:class|function\\s*\\*?)\\s+${escapeRegExp(name)}(?![\\w$])`, 'g');
  for (const { index } of text.matchAll(declaration)) if (!mayBeInComment(text, index)) return true;
  return false;
}

/**
 * Whether the text at `index` may be in a comment (`// class Records was split`): a `//` before it
 * on its line, or a `/*` not closed before it. A string can hold either (a URL, a glob), so the
 * answer may be yes outside a comment. The module is then parsed, which costs time only; a comment
 * taken for a declaration would leave a module that passes on what blocks unparsed.
 */
function mayBeInComment(text: string, index: number): boolean {
  if (text.lastIndexOf('//', index) > text.lastIndexOf('\n', index)) return true;
  return text.lastIndexOf('/*', index) > text.lastIndexOf('*/', index);
}

/** The file's text, unless it cannot be read or is binary. */
export function readModuleText(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('\0')) return text;
    debug('skipped %s: binary', file);
  } catch (error) {
    debug('skipped %s: %s', file, error);
  }
  return undefined;
}
