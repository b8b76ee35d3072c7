/**
 * Projects on disk for the tests of what reads them: module resolution and the module graph list
 * real directories and read real files. Each project is a new directory, so no test sees another's
 * cached resolutions or summaries; all of a test file's projects are removed after its tests.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Files by their path in a project: text or bytes, or null for an empty directory. */
export type ProjectFiles = Record<string, string | Uint8Array | null>;

/**
 * A new project with `files`, as its real path (the resolver answers with real paths, and macOS's
 * temporary directory is a link); `name` goes into the directory's name.
 */
export function tempProject(files: ProjectFiles = {}, name = 'project'): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `event-loop-${name}-`)));
  roots.push(root);
  writeFiles(root, files);
  return root;
}

/** Writes `files` into the project at `root`, making the directories they need. */
export function writeFiles(root: string, files: ProjectFiles): void {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      mkdirSync(join(root, path), { recursive: true });
    } else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
}

/** Whether this platform lets the tests create symlinks (Windows without developer mode does not). */
export const symlinksWork = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'event-loop-symlink-'));
  try {
    symlinkSync('target', join(dir, 'link'));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
