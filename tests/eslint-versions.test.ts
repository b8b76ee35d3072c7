import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The peer range is `^9.0.0 || ^10.0.0` and the rest of the suite runs on ESLint 10. Here the first
// and the newest ESLint 9 (devDependencies `eslint-v9-0` and `eslint-v9`) lint the example servers
// and must give what 10 gives, message for message and suggestion for suggestion. One difference
// the plugin has to bridge: ESLint before 9.15 does not merge a rule's `meta.defaultOptions` into
// its options (createRule does it then).

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const files = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
/**
 * The configs, each with a parser object of its own: module summaries (and the trees of linted files
 * that helpers reuse) are kept per parser object, so each ESLint's run summarises the helpers itself
 * rather than finding what an earlier run left.
 */
const configs: Record<string, () => Linter.Config[]> = {
  recommended: () => [{ files, languageOptions: { parser: { ...tsParser } } }, plugin.configs.recommended],
  'all, every async function in scope': () => [
    { files, languageOptions: { parser: { ...tsParser } } },
    plugin.configs.all,
    { settings: { 'event-loop': { scope: 'async-functions' } } },
  ],
};

type ESLintClass = typeof ESLint;
const require = createRequire(import.meta.url);
/** ESLint 9.0 ships no type declarations: its class is taken as 10's, which it matches where used here. */
const eslint9 = (name: 'eslint-v9-0' | 'eslint-v9'): ESLintClass => (require(name) as { ESLint: ESLintClass }).ESLint;

async function lintExamples(Class: ESLintClass, config: () => Linter.Config[]) {
  const eslint = new Class({ cwd: examples, overrideConfigFile: true, overrideConfig: config() });
  const results = await eslint.lintFiles(['.']);
  return results
    .sort((a, b) => (a.filePath < b.filePath ? -1 : 1))
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: relative(examples, result.filePath),
        ruleId: message.ruleId,
        at: [message.line, message.column, message.endLine, message.endColumn],
        messageId: message.messageId,
        message: message.message,
        fatal: message.fatal ?? false,
        suggestions: (message.suggestions ?? []).map(({ messageId, desc, fix }) => ({ messageId, desc, fix })),
      })),
    );
}

const onTen = Object.fromEntries(
  await Promise.all(Object.entries(configs).map(async ([name, config]) => [name, await lintExamples(ESLint, config)] as const)),
);

describe.each([
  { name: 'eslint-v9-0', version: '9.0.0' },
  { name: 'eslint-v9', version: /^9\./ },
] as const)('ESLint $version ($name)', ({ name, version }) => {
  const Class = eslint9(name);

  it('is the ESLint it is named for', () => {
    expect(Class.version).toMatch(version);
    expect(ESLint.version).toMatch(/^10\./);
  });

  it.each(Object.keys(configs))('reports on the examples what ESLint 10 reports, with %s', async (configName) => {
    const expected = onTen[configName]!;
    // Not an empty comparison: the examples have findings with suggestions under either config.
    expect(expected.filter((finding) => finding.suggestions.length > 0).length).toBeGreaterThan(10);
    expect(expected.some((finding) => finding.fatal)).toBe(false);
    expect(await lintExamples(Class, configs[configName]!)).toEqual(expected);
  });
});
