import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { reportedMessages } from './rules/helpers.js';

const SECTIONS = ['## Rule details', '## Options', '## When not to use it'];

describe.each(Object.entries(rules))('docs/rules/%s.md', (id, rule) => {
  const file = new URL(`../docs/rules/${id}.md`, import.meta.url);

  it('exists, with the generated header and the sections in order', () => {
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# event-loop/${id}`);
    expect(lines[2]).toBe(`📝 ${rule.meta.docs?.description}.`);
    expect(lines).toContain('<!-- end auto-generated rule header -->');
    const positions = SECTIONS.map((heading) => lines.indexOf(heading));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has ❌ examples the rule reports and ✅ examples it does not', () => {
    const text = readFileSync(file, 'utf8');
    // A ❌ or ✅ label (a paragraph or a `###` heading) followed by its first ```js example.
    const examples = [...text.matchAll(/^(?:### )?(❌ Incorrect|✅ Correct)\n\n```js\n([\s\S]*?)```$/gm)];
    expect(new Set(examples.map(([, kind]) => kind))).toEqual(new Set(['❌ Incorrect', '✅ Correct']));
    for (const [, kind, code] of examples) {
      const messages = reportedMessages(rule, code!);
      if (kind === '❌ Incorrect') expect(messages.length, code).toBeGreaterThan(0);
      else expect(messages, code).toEqual([]);
    }
  });
});
