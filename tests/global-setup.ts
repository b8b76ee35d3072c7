import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const builtEntry = join(root, 'dist/src/index.js');

function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * The CLI and language-server tests run ESLint as a user does, so they load the plugin from dist/
 * (the package's self-reference). Build it once here when it is missing or older than the sources,
 * so `npx vitest run` never tests stale code; after `npm run build` (as in .ci/run) this costs nothing.
 */
export default function setup(): void {
  const sourcesTime = Math.max(newestSourceTime(join(root, 'src')), newestSourceTime(join(root, 'rules')));
  if (existsSync(builtEntry) && statSync(builtEntry).mtimeMs >= sourcesTime) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
