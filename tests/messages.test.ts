import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { ruleDocsUrl } from '../src/util/create-rule.js';

// What a user reads in the editor, in CI logs and in code scanning: every reported message names the
// call, says what it costs (every other request waits) and what to do instead, and its rule links
// its documentation page. Checked on every finding in the example servers, with every rule on.

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const eslint = new ESLint({
  cwd: examples,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], languageOptions: { parser: tsParser } },
    plugin.configs.all,
  ],
});
const messages = (await eslint.lintFiles(['.'])).flatMap((result) => result.messages);
const distinct = [...new Map(messages.map((message) => [`${message.ruleId} ${message.message}`, message])).values()];

describe('report messages on the example servers', () => {
  it('exist for every rule that the examples exercise', () => {
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
  });

  it.each(distinct.map((message) => [message.ruleId, message.message] as const))('%s: %s', (ruleId, text) => {
    // The call, first, in code font: `fs.readFileSync()`.
    expect(text).toMatch(/^`[^`]+\(\)`/);
    // The cost, in the same words everywhere.
    expect(text).toContain('every other request waits');
    // The fix: a sentence after the cost, ending the message.
    expect(text).toMatch(/every other request waits[^.]*\.\s+[A-Z`][^]*\.$/);
    const rule = plugin.rules[ruleId!.replace('event-loop/', '') as keyof typeof plugin.rules];
    expect(rule.meta?.docs?.url).toBe(ruleDocsUrl(ruleId!.replace('event-loop/', '')));
  });
});
