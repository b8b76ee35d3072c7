/**
 * The project's configuration files the plugin reads: those module resolution takes its aliases
 * from (tsconfig.json `paths` and what it extends, package.json `imports`, `exports` and
 * `workspaces`, pnpm-workspace.yaml, a workspace's links in node_modules) and Astro's config (whether
 * endpoints are prerendered). They are read through here so that a long-lived process (an editor's
 * ESLint server) sees an edit of them: each look is kept with what it found (kind, mtime and size,
 * or nothing there), and `configGeneration` looks again at every one, at most every few seconds. A
 * single run (ESLint's command line) keeps nothing and never looks again: its files do not change
 * under it.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isWithin } from './clock.js';
import { isSingleRun } from './single-run.js';

/** How often the files are looked at again: as often as resolutions expire (module-resolution.ts). */
export const CONFIG_CHECK_MS = 5000;

const singleRun = isSingleRun();

/** How a path was looked at: by `stat`, by `lstat` (a link itself), or by `stat` for its kind only. */
type Look = 'stat' | 'lstat' | 'kind';

/** What each look at a path found, by look and path: see `signature`. */
const seen = new Map<Look, Map<string, string>>([
  ['stat', new Map()],
  ['lstat', new Map()],
  ['kind', new Map()],
]);
let checkedAt = Date.now();

/** What a look found: the kind, and the mtime and size unless only the kind matters; `-` for nothing there. */
function signature(stats: Stats | undefined, look: Look): string {
  if (!stats) return '-';
  const kind = stats.isFile() ? 'f' : stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : 'o';
  return look === 'kind' ? kind : `${kind}:${stats.mtimeMs}:${stats.size}`;
}

/** A path's stats as `look` takes them, undefined where nothing is there. Throws where it cannot be read. */
function statsOf(path: string, look: Look): Stats | undefined {
  return look === 'lstat' ? lstatSync(path, { throwIfNoEntry: false }) : statSync(path, { throwIfNoEntry: false });
}

/** Looks at a path as `look` says, keeps what it found (outside a single run) and gives the stats. Throws where it cannot be read. */
function lookAt(path: string, look: Look): Stats | undefined {
  const stats = statsOf(path, look);
  if (!singleRun) seen.get(look)!.set(path, signature(stats, look));
  return stats;
}

/** `stat` of a path, undefined where nothing is there; kept, with its mtime and size. Throws where it cannot be read. */
export function statConfigPath(path: string): Stats | undefined {
  return lookAt(path, 'stat');
}

/** `lstat` of a path (a link itself), undefined where nothing is there; kept. Throws where it cannot be read. */
export function lstatConfigPath(path: string): Stats | undefined {
  return lookAt(path, 'lstat');
}

/** Whether a file is there (not a directory), kept; false where it cannot be read. */
export function isConfigFile(path: string): boolean {
  try {
    return lookAt(path, 'stat')?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * Whether a directory is there, kept by its kind only: a node_modules directory, which every install
 * touches, matters only by being there. False where it cannot be read.
 */
export function isConfigDirectory(path: string): boolean {
  try {
    return lookAt(path, 'kind')?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** A file's text, its stat kept; throws as readFileSync does. */
export function readConfigFile(path: string): string {
  if (!singleRun) statConfigPath(path);
  return readFileSync(path, 'utf8');
}

/** A directory's entries, its stat kept (an entry added or removed changes its mtime); throws as readdirSync does. */
export function readConfigDirectory(path: string): Dirent[] {
  if (!singleRun) statConfigPath(path);
  return readdirSync(path, { withFileTypes: true });
}

/** `"extends": "./base.json"`, or a list of them, as a tsconfig.json (JSON with comments) writes it. */
const EXTENDS = /"extends"\s*:\s*(\[[^\]]*\]|"[^"]*")/;
/** How deep a chain of tsconfig files extending each other is followed. */
const MAX_EXTENDS_DEPTH = 8;

/**
 * Keeps the files a tsconfig.json extends by path (`./tsconfig.base.json`, or a list), which
 * get-tsconfig reads without telling: an edit of one changes the `paths` of every tsconfig.json
 * that extends it. A package it extends (`@tsconfig/node20`) changes with an install only.
 */
export function watchTsconfigExtends(file: string, depth = 0): void {
  if (singleRun || depth > MAX_EXTENDS_DEPTH) return;
  let list: string | undefined;
  try {
    list = EXTENDS.exec(readConfigFile(file))?.[1];
  } catch {
    return;
  }
  for (const [, target] of list?.matchAll(/"([^"]+)"/g) ?? []) {
    if (!target!.startsWith('.')) continue;
    const path = resolve(dirname(file), target!);
    // TypeScript adds `.json` to a name without it where that is the file.
    for (const candidate of path.endsWith('.json') ? [path] : [path, `${path}.json`]) {
      if (isConfigFile(candidate)) {
        watchTsconfigExtends(candidate, depth + 1);
        break;
      }
    }
  }
}

let generation = 0;

/**
 * A number that changes whenever a look finds a path read through here different (edited, created,
 * removed, its entries changed): what a caller built on these files, kept with the number it had,
 * is stale once the number moves. Looks at most every CONFIG_CHECK_MS, and never in a single run. A
 * change forgets every look: each caller reads again what it needs, and keeps those looks anew.
 */
export function configGeneration(now = Date.now()): number {
  if (singleRun || isWithin(now, checkedAt, CONFIG_CHECK_MS)) return generation;
  checkedAt = now;
  if (anyLookChanged()) {
    for (const looks of seen.values()) looks.clear();
    generation++;
  }
  return generation;
}

/**
 * For something built on these files and kept (a cache): a check that tells, each time it is
 * asked, whether the files changed since it was last asked (configGeneration moved), so the caller
 * forgets what it kept then.
 */
export function configChangeCheck(): () => boolean {
  let known = generation;
  return () => {
    const current = configGeneration();
    if (current === known) return false;
    known = current;
    return true;
  };
}

function anyLookChanged(): boolean {
  for (const [look, looks] of seen) {
    for (const [path, before] of looks) {
      let after: string;
      try {
        after = signature(statsOf(path, look), look);
      } catch {
        after = '-';
      }
      if (after !== before) return true;
    }
  }
  return false;
}
