import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { expect, it } from 'vitest';
import type { BlockingRuleMessageIds, BlockingRuleOptionsTuple } from '../../src/blocking-rule.js';
import { apiName, blockingApis, type BlockingFamily } from '../../src/catalog/index.js';
import { BODY_LINE, express } from './helpers.js';

/** One catalog entry, called through a namespace import `m` of its module inside an Express handler. */
export interface EntryCase {
  /** The entry's name as messages show it (`crypto.pbkdf2Sync`). */
  readonly api: string;
  /** What follows `m.` (`pbkdf2Sync(password, salt, 600000, 64, 'sha512')`). */
  readonly call: string;
  /** The expression the suggestion turns `m.<call>` into; none for entries without one. */
  readonly awaited?: string;
  /** The import the suggestion adds after the last import, when it adds one. */
  readonly addsImport?: string;
}

const PREFIX = '  const result = ';

/**
 * An invalid test per entry: reported at the exact call, with the expected message kind and the
 * exact suggestion output.
 */
export function entryCases(cases: readonly EntryCase[]): InvalidTestCase<BlockingRuleMessageIds, BlockingRuleOptionsTuple>[] {
  return cases.map(({ api, call, awaited, addsImport }) => {
    const module = api.slice(0, api.length - apiPath(api).length - 1);
    const imports = `import * as m from '${module}';`;
    const entry = blockingApis.find((candidate) => apiName(candidate) === api)!;
    const output =
      awaited &&
      express(imports, `const result = ${awaited};`).replace(
        `import express from 'express';`,
        `import express from 'express';${addsImport ? `\n${addsImport}` : ''}`,
      );
    return {
      code: express(imports, `const result = m.${call};`),
      errors: [
        {
          messageId: entry.replacement ? 'blocking' : 'blockingNoEquivalent',
          line: BODY_LINE,
          column: PREFIX.length + 1,
          endLine: BODY_LINE,
          endColumn: PREFIX.length + 1 + `m.${call}`.length,
          suggestions: output ? [{ messageId: 'useAwaited', output }] : [],
        },
      ],
    };
  });
}

/** `path` of `module.path` for module names with dots or slashes (`@node-rs/bcrypt.hashSync`). */
function apiPath(api: string): string {
  const entry = blockingApis.find((candidate) => apiName(candidate) === api);
  if (!entry) throw new Error(`${api} is not in the catalog`);
  return entry.path.join('.');
}

/** The entry table of a family's test must cover every catalog entry of the family. */
export function itCoversTheFamily(family: BlockingFamily, cases: readonly EntryCase[]): void {
  it(`has a case for every ${family} catalog entry`, () => {
    const expected = blockingApis.filter((api) => api.family === family).map(apiName);
    expect(cases.map((testCase) => testCase.api).sort()).toEqual(expected.sort());
  });
}
