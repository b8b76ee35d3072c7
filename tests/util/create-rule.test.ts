import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it, vi } from 'vitest';
import { createRule } from '../../src/util/create-rule.js';

type Options = [{ threshold?: number; allow?: string[] }];

/** A rule that records the options its `create` was given, file by file. */
function recordingRule() {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'found'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'records its options' },
      schema: [{ type: 'object', properties: { threshold: { type: 'number' }, allow: { type: 'array' } } }],
      defaultOptions: [{ threshold: 10, allow: [] }],
      messages: { found: 'found' },
    },
    defaultOptions: [{ threshold: 10, allow: [] }],
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  const lint = (options: readonly unknown[]): Options[0] => {
    rule.create({ options } as unknown as TSESLint.RuleContext<'found', Options>);
    return seen.at(-1)!;
  };
  return { rule, lint };
}

describe('createRule', () => {
  it('merges the defaults into the configured options', () => {
    const { lint } = recordingRule();
    expect(lint([{ threshold: 3 }])).toEqual({ threshold: 3, allow: [] });
    expect(lint([])).toEqual({ threshold: 10, allow: [] });
  });

  it('merges once per distinct options: every file of a config gets the same merged options', () => {
    const { lint } = recordingRule();
    const configured = [{ threshold: 3 }];
    const first = lint(configured);
    expect(lint(configured)).toBe(first);
    // ESLint builds a new, equal array per file when the rule's entry has options.
    expect(lint([{ threshold: 3 }])).toBe(first);
  });

  it('finds them by the element object, without building text, when a new array holds the same one', () => {
    const { lint } = recordingRule();
    // ESLint 9.15+ for a rule set by severity alone: a new array around meta.defaultOptions' entry.
    const element = { threshold: 10, allow: [] };
    const first = lint([element]);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(lint([element])).toBe(first);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  it('keeps different options apart', () => {
    const { lint } = recordingRule();
    const three = lint([{ threshold: 3 }]);
    const four = lint([{ threshold: 4, allow: ['readFileSync'] }]);
    expect(four).not.toBe(three);
    expect(four).toEqual({ threshold: 4, allow: ['readFileSync'] });
    expect(lint([{ threshold: 3 }])).toEqual({ threshold: 3, allow: [] });
  });

  it('keeps the docs URL and metadata of RuleCreator', () => {
    const { rule } = recordingRule();
    expect(rule.name).toBe('recording');
    expect(rule.meta.docs?.url).toMatch(/\/docs\/rules\/recording\.md$/);
  });
});
