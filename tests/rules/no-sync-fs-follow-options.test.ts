/**
 * no-sync-fs: how far calls are followed. `followCalls` (`off`, `same-file`, `cross-module`) and
 * `maxDepth`, as rule options and as `settings['event-loop']`, and the values that are rejected.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { config } from '../linter-config.js';
import { blockingData, EXPRESS_ROUTE, rule, ruleTester, suggestionData, ts } from './no-sync-fs.helpers.js';
import { FIX, helperData } from './no-sync-fs-follow.helpers.js';

const filename = `${FIX}/routes/orders.ts`;

/** A direct call, a helper (one step), a helper of a helper (two), and an imported helper (two). */
const code = ts`
  import fs from 'node:fs';
  import express from 'express';
  import { renderTemplate } from '../lib/templates.js';

  const app = express();

  function readOrder(id: string) {
    return fs.readFileSync(\`orders/\${id}.json\`, 'utf8');
  }

  function orderSummary(id: string) {
    return readOrder(id).slice(0, 80);
  }

  app.get('/orders/:id', async (req, res) => {
    const header = fs.readFileSync('header.html', 'utf8');
    res.send([header, readOrder(req.params.id), orderSummary(req.params.id), renderTemplate('order', {})]);
  });
`;

const direct = {
  messageId: 'blocking',
  data: blockingData(EXPRESS_ROUTE),
  line: 16,
  column: 18,
  endLine: 16,
  endColumn: 56,
  suggestions: [
    {
      messageId: 'useAwaited',
      data: suggestionData(EXPRESS_ROUTE),
      output: code.replace(
        "const header = fs.readFileSync('header.html', 'utf8');",
        "const header = await fs.promises.readFile('header.html', 'utf8');",
      ),
    },
  ],
} as const;

const oneHelper = {
  messageId: 'blockingHelper',
  data: helperData(EXPRESS_ROUTE, 'readOrder', `\`fs.readFileSync()\` (${filename}:8)`),
  line: 17,
  column: 21,
  endLine: 17,
  endColumn: 45,
  suggestions: [],
} as const;

const twoHelpers = {
  messageId: 'blockingHelper',
  data: helperData(EXPRESS_ROUTE, 'orderSummary', `\`readOrder()\` → \`fs.readFileSync()\` (${filename}:8)`),
  line: 17,
  column: 47,
  endLine: 17,
  endColumn: 74,
  suggestions: [],
} as const;

const otherModule = {
  messageId: 'blockingHelper',
  data: helperData(
    EXPRESS_ROUTE,
    'renderTemplate',
    `\`loadTemplate()\` → \`fs.readFileSync()\` (${FIX}/lib/templates.ts:8)`,
  ),
  line: 17,
  column: 76,
  endLine: 17,
  endColumn: 103,
  suggestions: [],
} as const;

ruleTester.run('no-sync-fs: followCalls and maxDepth', rule, {
  valid: [],
  invalid: [
    { name: 'default: cross-module, depth 5', filename, code, errors: [direct, oneHelper, twoHelpers, otherModule] },
    {
      name: "followCalls: 'cross-module'",
      filename,
      code,
      options: [{ followCalls: 'cross-module' }],
      errors: [direct, oneHelper, twoHelpers, otherModule],
    },
    {
      name: "followCalls: 'same-file': no findings through other modules",
      filename,
      code,
      options: [{ followCalls: 'same-file' }],
      errors: [direct, oneHelper, twoHelpers],
    },
    {
      name: "followCalls: 'off': only the calls written in the handler",
      filename,
      code,
      options: [{ followCalls: 'off' }],
      errors: [direct],
    },
    {
      name: 'maxDepth: 1 cuts chains of two helpers, in this file and across modules',
      filename,
      code,
      options: [{ maxDepth: 1 }],
      errors: [direct, oneHelper],
    },
    { name: 'maxDepth: 2 keeps them', filename, code, options: [{ maxDepth: 2 }], errors: [direct, oneHelper, twoHelpers, otherModule] },
    {
      name: 'maxDepth with followCalls: same-file',
      filename,
      code,
      options: [{ followCalls: 'same-file', maxDepth: 1 }],
      errors: [direct, oneHelper],
    },
    {
      name: 'maxDepth does nothing when followCalls is off',
      filename,
      code,
      options: [{ followCalls: 'off', maxDepth: 20 }],
      errors: [direct],
    },
    {
      name: "settings['event-loop'].followCalls: 'off'",
      filename,
      code,
      settings: { 'event-loop': { followCalls: 'off' } },
      errors: [direct],
    },
    {
      name: "settings['event-loop'].followCalls: 'same-file'",
      filename,
      code,
      settings: { 'event-loop': { followCalls: 'same-file' } },
      errors: [direct, oneHelper, twoHelpers],
    },
    {
      name: "settings['event-loop'].maxDepth: 1",
      filename,
      code,
      settings: { 'event-loop': { maxDepth: 1 } },
      errors: [direct, oneHelper],
    },
    {
      name: "settings['event-loop'].maxDepth: 2",
      filename,
      code,
      settings: { 'event-loop': { maxDepth: 2 } },
      errors: [direct, oneHelper, twoHelpers, otherModule],
    },
    {
      name: 'rule options override the settings',
      filename,
      code,
      settings: { 'event-loop': { followCalls: 'off', maxDepth: 1 } },
      options: [{ followCalls: 'cross-module', maxDepth: 2 }],
      errors: [direct, oneHelper, twoHelpers, otherModule],
    },
    {
      name: 'a setting fills in what the rule options leave out',
      filename,
      code,
      settings: { 'event-loop': { followCalls: 'same-file' } },
      options: [{ maxDepth: 1 }],
      errors: [direct, oneHelper],
    },
  ],
});

const settingsRoute = ts`
  import express from 'express';
  import { loadSettings } from '../lib/settings.js';

  const app = express();

  app.get('/settings', (req, res) => {
    res.json(loadSettings('settings.json'));
  });
`;

/** loadSettings() reaches readFileSync() itself, and first (in source order) through two helpers of another module. */
const loadSettingsDirectly = {
  messageId: 'blockingHelper',
  data: helperData(EXPRESS_ROUTE, 'loadSettings', `\`fs.readFileSync()\` (${FIX}/lib/settings.ts:7)`),
  line: 7,
  column: 12,
  endLine: 7,
  endColumn: 41,
  suggestions: [],
} as const;

ruleTester.run('no-sync-fs: maxDepth across modules', rule, {
  valid: [
    {
      name: 'maxDepth: 2 cuts buildReport() → renderTemplate() → loadTemplate() → readFileSync()',
      filename: `${FIX}/routes/reports.ts`,
      code: ts`
        import express from 'express';
        import { buildReport } from '../lib/reports.js';

        const app = express();

        app.post('/reports', (req, res) => {
          res.send(buildReport(req.body.rows));
        });
      `,
      options: [{ maxDepth: 2 }],
    },
  ],
  invalid: [
    {
      // Taken in source order, the chain through feature-flags.ts has three helpers here: over the limit.
      name: 'maxDepth: 2 still finds the shorter chain of a helper that also blocks through a longer one',
      filename: `${FIX}/routes/settings.ts`,
      code: settingsRoute,
      options: [{ maxDepth: 2 }],
      errors: [loadSettingsDirectly],
    },
    {
      name: 'the chain shown is the shortest, not the first in source order',
      filename: `${FIX}/routes/settings.ts`,
      code: settingsRoute,
      errors: [loadSettingsDirectly],
    },
    {
      name: 'maxDepth: 3 keeps it',
      filename: `${FIX}/routes/reports.ts`,
      code: ts`
        import express from 'express';
        import { buildReport } from '../lib/reports.js';

        const app = express();

        app.post('/reports', (req, res) => {
          res.send(buildReport(req.body.rows));
        });
      `,
      options: [{ maxDepth: 3 }],
      errors: [
        {
          messageId: 'blockingHelper',
          data: helperData(
            EXPRESS_ROUTE,
            'buildReport',
            `\`renderTemplate()\` → \`loadTemplate()\` → \`fs.readFileSync()\` (${FIX}/lib/templates.ts:8)`,
          ),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
  ],
});

function lint(options: Parameters<typeof config>[0]): Linter.LintMessage[] {
  return new Linter().verify(code, config(options), filename);
}

describe('no-sync-fs: rejected followCalls and maxDepth', () => {
  it('accepts every valid value', () => {
    for (const [options, reports] of [
      [{ followCalls: 'off' }, 1],
      [{ followCalls: 'same-file' }, 3],
      [{ followCalls: 'cross-module' }, 4],
      [{ maxDepth: 1 }, 2],
      [{ maxDepth: 20 }, 4],
    ] as const) {
      expect(lint({ rule: ['error', options] })).toHaveLength(reports);
    }
  });

  it('rejects an unknown followCalls', () => {
    expect(() => lint({ rule: ['error', { followCalls: 'everywhere' }] })).toThrow(
      /Key "event-loop\/no-sync-fs":[\s\S]*Value "everywhere" should be equal to one of the allowed values/,
    );
    expect(() => lint({ rule: ['error', { followCalls: true }] })).toThrow(
      /Key "event-loop\/no-sync-fs":[\s\S]*Value true should be string/,
    );
  });

  it('rejects a maxDepth out of range or not an integer', () => {
    expect(() => lint({ rule: ['error', { maxDepth: 0 }] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*Value 0 should be >= 1/);
    expect(() => lint({ rule: ['error', { maxDepth: 21 }] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*Value 21 should be <= 20/);
    expect(() => lint({ rule: ['error', { maxDepth: 1.5 }] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*Value 1.5 should be integer/);
    expect(() => lint({ rule: ['error', { maxDepth: '2' }] })).toThrow(/Key "event-loop\/no-sync-fs":[\s\S]*Value "2" should be integer/);
  });

  it("rejects an unknown settings['event-loop'].followCalls with a clear error", () => {
    expect(() => lint({ settings: { 'event-loop': { followCalls: 'everywhere' } } })).toThrow(
      `settings['event-loop'].followCalls must be one of "off", "same-file", "cross-module", got "everywhere".`,
    );
    expect(() => lint({ settings: { 'event-loop': { followCalls: false } } })).toThrow(
      `settings['event-loop'].followCalls must be one of "off", "same-file", "cross-module", got false.`,
    );
  });

  it("rejects a settings['event-loop'].maxDepth out of range or not an integer", () => {
    for (const [value, shown] of [
      [0, '0'],
      [21, '21'],
      [2.5, '2.5'],
      ['3', '"3"'],
      [null, 'null'],
    ] as const) {
      expect(() => lint({ settings: { 'event-loop': { maxDepth: value } } })).toThrow(
        `settings['event-loop'].maxDepth must be an integer from 1 to 20, got ${shown}.`,
      );
    }
  });

  it('the error names the rule that read the settings', () => {
    expect(() => lint({ settings: { 'event-loop': { maxDepth: 0 } } })).toThrow(/Error while loading rule 'event-loop\/no-sync-fs'/);
  });
});
