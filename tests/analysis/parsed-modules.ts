/**
 * Which modules the module graph parses itself (rather than summarising from text or from ESLint's
 * tree): a test file mocks module-source.js with `recordingModuleSource` and reads `parsed`.
 *
 *   vi.mock('../../src/analysis/module-source.js', async (importOriginal) =>
 *     (await import('./parsed-modules.js')).recordingModuleSource(importOriginal),
 *   );
 *
 * The factory imports this module itself because vi.mock is hoisted above the test file's imports.
 */
type ModuleSource = typeof import('../../src/analysis/module-source.js');

/** The files `parseModule` was called for, in order; a test empties it before each case. */
export const parsed: string[] = [];

/** module-source.js as it is, with `parseModule` recording each file it parses in `parsed`. */
export async function recordingModuleSource(importOriginal: <T>() => Promise<T>): Promise<ModuleSource> {
  const actual = await importOriginal<ModuleSource>();
  return {
    ...actual,
    parseModule: (...args: Parameters<ModuleSource['parseModule']>) => {
      parsed.push(args[1]);
      return actual.parseModule(...args);
    },
  };
}
