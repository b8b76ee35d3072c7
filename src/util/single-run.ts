import { realpathSync } from 'node:fs';

/** Set to `true` or `false`, it says whether this process is a single run; any other value leaves it to the inference. */
const SINGLE_RUN_VARIABLE = 'EVENT_LOOP_SINGLE_RUN';

/**
 * ESLint's command line and the worker threads it lints with under `--concurrency`: each lints
 * its files once and ends. Files of the `eslint` package, by their real path (`npx eslint`
 * starts `node_modules/.bin/eslint`, a link to the first).
 */
const ESLINT_ENTRY_POINTS = ['/eslint/bin/eslint.js', '/eslint/lib/eslint/worker.js'];

/**
 * Whether this process lints each file once and ends, so that files do not change under it
 * (typescript-eslint makes the same inference for its programs): ESLint's command line, or a
 * process that says so through `EVENT_LOOP_SINGLE_RUN`. An editor's ESLint server lints the same
 * files again for as long as it runs, and so does any other process by default. Unlike
 * typescript-eslint, `CI=true` is no sign: a CI job may run a long-lived server (this plugin's own
 * tests run an editor's).
 */
export function inferSingleRun(
  env: Readonly<Record<string, string | undefined>>,
  mainScript: string | undefined,
  realpath: (path: string) => string = realpathSync.native,
): boolean {
  const declared = env[SINGLE_RUN_VARIABLE];
  if (declared === 'true') return true;
  if (declared === 'false' || !mainScript) return false;
  let script: string;
  try {
    script = realpath(mainScript).replaceAll('\\', '/');
  } catch {
    // Not a file (`node -e`, a REPL): not ESLint's command line.
    return false;
  }
  return ESLINT_ENTRY_POINTS.some((entry) => script.endsWith(entry));
}

let singleRun: boolean | undefined;

/** inferSingleRun for this process, inferred once (the module graph and module resolution ask when they load). */
export function isSingleRun(): boolean {
  return (singleRun ??= inferSingleRun(process.env, process.argv[1]));
}
