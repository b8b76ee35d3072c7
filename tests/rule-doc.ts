import { readFileSync } from 'node:fs';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const SECTIONS = ['## Rule details', '### ❌ Incorrect', '### ✅ Correct', '## Options', '## When not to use it'];

/** The ```js blocks between `heading` and the next heading of the same or a higher level. */
function examples(doc: string, heading: string): string[] {
  const start = doc.indexOf(`${heading}\n`);
  const end = doc.slice(start + heading.length).search(/\n#{1,3} /);
  const section = doc.slice(start, end === -1 ? undefined : start + heading.length + end);
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/**
 * docs/rules/<name>.md: the required sections, a link to the worker-pool guide, and examples that
 * do what they claim: every ❌ block is reported by the rule, no ✅ block is.
 */
export function checksRuleDoc(name: string, rule: TSESLint.RuleModule<string, readonly unknown[]>): void {
  const doc = readFileSync(new URL(`../docs/rules/${name}.md`, import.meta.url), 'utf8');
  const lint = (code: string) =>
    new Linter().verify(
      code,
      {
        files: ['**/*.js'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { 'event-loop': { rules: { [name]: rule } } as never },
        rules: { [`event-loop/${name}`]: 'error' },
      },
      'server.js',
    );

  describe(`docs/rules/${name}.md`, () => {
    it('has the header, the sections and the guide link', () => {
      const [title, blank, description] = doc.split('\n');
      expect([title, blank]).toEqual([`# event-loop/${name}`, '']);
      expect(description).toBe(`📝 ${rule.meta.docs?.description}.`); // eslint-doc-generator's header
      let position = 0;
      for (const section of SECTIONS) {
        const found = doc.indexOf(`\n${section}\n`, position);
        expect(found, section).toBeGreaterThan(position);
        position = found;
      }
      expect(doc).toContain('](../guides/worker-pool.md)');
    });

    it.each(examples(doc, '### ❌ Incorrect'))('reports the ❌ example %#', (code) => {
      const messages = lint(code);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.length).toBeGreaterThan(0);
    });

    it.each(examples(doc, '### ✅ Correct'))('accepts the ✅ example %#', (code) => {
      expect(lint(code)).toEqual([]);
    });
  });
}
