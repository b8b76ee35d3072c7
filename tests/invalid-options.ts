import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Asserts that ESLint refuses each of `invalidOptions` for the rule, as it does for a user's config. */
export function rejectsOptions(
  name: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  invalidOptions: readonly unknown[],
): void {
  describe(`${name} options`, () => {
    const plugin = { rules: { [name]: rule } } as unknown as NonNullable<Linter.Config['plugins']>[string];
    it.each(invalidOptions.map((option) => [JSON.stringify(option), option]))('rejects %s', (_, option) => {
      const config: Linter.Config = {
        plugins: { 'event-loop': plugin },
        rules: { [`event-loop/${name}`]: ['error', option] },
      };
      // ESLint validates options against the rule's schema and names the rule and the bad value.
      expect(() => new Linter().verify('', config)).toThrow(new RegExp(`Key "event-loop/${name}":\\s+Value`));
    });
  });
}
