import { describe, expect, it } from 'vitest';
import noSyncChildProcess from '../rules/no-sync-child-process.js';
import noSyncCrypto from '../rules/no-sync-crypto.js';
import noSyncZlib from '../rules/no-sync-zlib.js';
import { blockingApiTraceMap } from '../src/catalog/index.js';
import { readSettings } from '../src/options.js';
import { express, expressCjs, reportedMessages, runRuleTests, syntaxErrors } from './rules/helpers.js';

const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';

const pdfSettings = {
  'event-loop': {
    blockingApis: [
      {
        module: 'legacy-pdf',
        path: 'renderSync',
        family: 'child-process',
        message: 'Render in the worker pool with `await pool.run(job)` instead.',
      },
      {
        module: 'image-kit',
        path: 'Image.resizeSync',
        family: 'zlib',
        replacement: { module: 'image-kit', name: 'Image.resize' },
      },
      {
        module: 'node:crypto',
        path: 'deriveSync',
        family: 'crypto',
        replacement: { module: 'node:crypto', name: 'derive', promisified: true },
      },
      {
        module: 'zip-lite',
        path: 'packSync',
        family: 'zlib',
        replacement: { module: 'zip-lite', name: 'pack' },
      },
    ],
  },
};

describe("settings['event-loop'].blockingApis", () => {
  it('reports a user entry with its message, in every import style', () => {
    const message = `\`legacy-pdf.renderSync()\` ${COST} Render in the worker pool with \`await pool.run(job)\` instead.`;
    for (const code of [
      express(`import pdf from 'legacy-pdf';`, `pdf.renderSync(job);`),
      express(`import * as pdf from 'legacy-pdf';`, `pdf.renderSync(job);`),
      express(`import { renderSync as render } from 'legacy-pdf';`, `render(job);`),
      expressCjs(`const pdf = require('legacy-pdf');`, `pdf.renderSync(job);`),
      expressCjs(`const { renderSync } = require('legacy-pdf');`, `renderSync(job);`),
    ]) {
      expect(reportedMessages(noSyncChildProcess, code, { settings: pdfSettings }), code).toEqual([message]);
      expect(reportedMessages(noSyncZlib, code, { settings: pdfSettings }), code).toEqual([]);
    }
  });

  it('derives node: prefixes of user entries for core modules', () => {
    const code = express(`import { deriveSync } from 'crypto';`, `deriveSync(a);`);
    expect(reportedMessages(noSyncCrypto, code, { settings: pdfSettings })).toEqual([
      `\`crypto.deriveSync()\` ${COST} Use \`await promisify(derive)()\` from \`node:crypto\` and \`node:util\` instead.`,
    ]);
  });

  it('is read once per settings object, and so is its trace map', () => {
    const first = readSettings(pdfSettings);
    expect(readSettings(pdfSettings)).toBe(first);
    expect(blockingApiTraceMap(first.catalog)).toBe(blockingApiTraceMap(readSettings(pdfSettings).catalog));
    expect(readSettings({}).catalog).toBe(readSettings({ 'event-loop': {} }).catalog);
  });

  const invalid = [
    {
      code: express(`import { Image } from 'image-kit';`, `const small = Image.resizeSync(photo, 64);`),
      settings: pdfSettings,
      errors: [
        {
          messageId: 'blocking' as const,
          line: 5,
          column: 17,
          suggestions: [
            {
              messageId: 'useAwaited' as const,
              output: express(`import { Image } from 'image-kit';`, `const small = await Image.resize(photo, 64);`),
            },
          ],
        },
      ],
    },
    {
      code: expressCjs(`const { packSync } = require('zip-lite');`, `res.send(packSync(files));`),
      settings: pdfSettings,
      errors: [
        {
          messageId: 'blocking' as const,
          suggestions: [
            {
              messageId: 'useAwaited' as const,
              output: expressCjs(`const { packSync } = require('zip-lite');`, `res.send(await pack(files));`).replace(
                `const express = require('express');`,
                `const express = require('express');\nconst { pack } = require('zip-lite');`,
              ),
            },
          ],
        },
      ],
    },
  ];
  runRuleTests('no-sync-zlib', noSyncZlib, { valid: [], invalid });
  it('suggestions from user entries parse', () => {
    for (const testCase of invalid) {
      for (const suggestion of testCase.errors[0]!.suggestions) expect(syntaxErrors(suggestion.output)).toEqual([]);
    }
  });

  const code = express(`import { execSync } from 'child_process';`, `execSync('ls');`);
  const rejects = (value: unknown, error: string | RegExp) =>
    expect(() => reportedMessages(noSyncChildProcess, code, { settings: { 'event-loop': value } })).toThrow(error);

  it('rejects malformed settings with a message that names the setting', () => {
    rejects(7, `settings['event-loop'] must be an object, got 7.`);
    rejects({ scope: 'everywhere' }, `settings['event-loop'].scope must be one of "handlers", "async-handlers", "async-functions", got "everywhere".`);
    rejects({ blockingApis: {} }, `settings['event-loop'].blockingApis must be an array, got {}.`);
    rejects({ blockingApis: ['fs.readSync'] }, `settings['event-loop'].blockingApis[0] must be an object, got "fs.readSync".`);
    const entry = { module: 'm', path: 'xSync', family: 'zlib', message: 'Use x.' };
    rejects({ blockingApis: [entry, { ...entry, family: 'gpu' }] }, `settings['event-loop'].blockingApis[1].family must be one of "fs", "child-process", "crypto", "zlib", "db", "http", got "gpu".`);
    rejects({ blockingApis: [{ ...entry, module: '' }] }, `settings['event-loop'].blockingApis[0].module must be a non-empty string, got "".`);
    rejects({ blockingApis: [{ ...entry, path: ['xSync'] }] }, `settings['event-loop'].blockingApis[0].path must be a non-empty string, got ["xSync"].`);
    rejects({ blockingApis: [{ ...entry, path: 'a..b' }] }, /blockingApis\[0\]\.path must be export names joined by dots/);
    rejects({ blockingApis: [{ ...entry, modules: ['m'] }] }, `settings['event-loop'].blockingApis[0] has unknown property "modules"; expected "module", "path", "family", "message", "replacement".`);
    rejects({ blockingApis: [{ ...entry, message: undefined }] }, /blockingApis\[0\] needs exactly one of "message" .* and "replacement"/);
    rejects({ blockingApis: [{ ...entry, replacement: { module: 'm', name: 'x' } }] }, /needs exactly one of/);
    rejects({ blockingApis: [{ ...entry, message: undefined, replacement: { module: 'm' } }] }, `settings['event-loop'].blockingApis[0].replacement.name must be a non-empty string, got undefined.`);
    rejects({ blockingApis: [{ ...entry, message: undefined, replacement: { module: 'm', name: 'x', promisified: 'yes' } }] }, `settings['event-loop'].blockingApis[0].replacement.promisified must be true or false, got "yes".`);
    rejects({ blockingApis: [{ ...entry, message: undefined, replacement: { module: 'm', name: 'x', result: 'stdout' } }] }, /replacement has unknown property "result"/);
  });
});

describe('allow', () => {
  const code = express(
    `import { execSync } from 'child_process';\nimport pdf from 'legacy-pdf';`,
    `execSync('ls'); pdf.renderSync(job);`,
  );
  const lint = (allow: string[]) => reportedMessages(noSyncChildProcess, code, { options: [{ allow }], settings: pdfSettings });

  it('silences built-in and user entries by full name or export path', () => {
    expect(lint([])).toHaveLength(2);
    expect(lint(['child_process.execSync'])).toHaveLength(1);
    expect(lint(['execSync', 'renderSync'])).toEqual([]);
    expect(lint(['legacy-pdf.renderSync'])).toEqual([expect.stringContaining('child_process.execSync')]);
  });

  it('rejects an entry that names no API of the rule', () => {
    expect(() => lint(['execSnyc'])).toThrow(
      `"allow" entry "execSnyc" names no child-process API in the catalog; write a full name such as "child_process.execSync" or an export name such as "execSync".`,
    );
    expect(() => lint(['pbkdf2Sync'])).toThrow(/"allow" entry "pbkdf2Sync" names no child-process API/);
  });
});
