import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The on-disk fixtures (tests/fixtures/follow-calls/), named relative to the working directory.
 * RuleTester gets filenames inside this folder: the handler is the test's `code`, the modules it
 * imports are read from disk, and messages name them relative to the working directory.
 *
 * (With an absolute filename RuleTester would lint with its cwd set to the filesystem root, and
 * messages would show paths from there; no-sync-fs-follow-modules.test.ts covers that too.)
 */
export const FIX = 'tests/fixtures/follow-calls';

const fixturesDir = fileURLToPath(new URL('../fixtures/follow-calls', import.meta.url));
if (path.resolve(FIX) !== fixturesDir) {
  throw new Error(`Run vitest from the repository root: ${FIX} does not name ${fixturesDir} from ${process.cwd()}.`);
}

/** A fixture's absolute path: `fixture('lib/templates.ts')`. */
export function fixture(relativePath: string): string {
  return path.join(fixturesDir, relativePath);
}

/**
 * The `fix` sentence of a `blockingHelper` message, for an API with a drop-in awaited form; a
 * helper call awaited already needs only the helper changed.
 */
export function helperFix(replacement = 'readFile', awaited = false): string {
  return `Use \`await ${replacement}()\` from \`node:fs/promises\` there${awaited ? '' : ', and await the helper here'}.`;
}

/** `data` of a `blockingHelper` message. */
export function helperData(
  context: string,
  callee: string,
  chain: string,
  replacement = 'readFile',
  awaited = false,
): Record<string, string> {
  return { callee, context, chain, fix: helperFix(replacement, awaited) };
}

/** The whole `blockingHelper` message, as ESLint's Linter returns it. */
export function helperMessage(context: string, callee: string, chain: string, replacement = 'readFile', awaited = false): string {
  return `\`${callee}()\` blocks the event loop in this ${context}: it calls ${chain}, and every other request waits until it returns. ${helperFix(replacement, awaited)}`;
}

export const NEST_METHOD = 'NestJS controller method';
