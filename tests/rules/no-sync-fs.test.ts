import rule from '../../rules/no-sync-fs.js';
import { expect, it } from 'vitest';
import { express, expressCjs, itParsesEverySuggestion, reportedMessages, runRuleTests, suggestionDescriptions } from './helpers.js';

// Pins no-sync-fs as the scaffold shipped it: the families work generalised the shared fixer and
// messages, and these outputs must not move.

const FS_NAMESPACE_BODY = `fs.openSync('a'); fs.existsSync('b'); fs.readSync(1); fs.statSync('c', { throwIfNoEntry: false });`;

const message = (api: string, rest: string) =>
  `\`${api}()\` blocks the event loop in this Express route handler: every other request waits until it returns. ${rest}`;

const invalid = [
  {
    code: express(`import fs from 'node:fs';`, `const a = fs.readFileSync('a');`),
    errors: [
      {
        messageId: 'blocking' as const,
        line: 5,
        column: 13,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'useAwaited' as const,
            output: express(`import fs from 'node:fs';`, `const a = await fs.promises.readFile('a');`),
          },
        ],
      },
    ],
  },
  {
    code: express(`import { readFileSync } from 'fs';`, `res.send(readFileSync('a', 'utf8').trim());`, { sync: true }),
    errors: [
      {
        messageId: 'blocking' as const,
        suggestions: [
          {
            messageId: 'useAwaitedInAsyncHandler' as const,
            output: express(
              `import { readFileSync } from 'fs';`,
              `res.send((await readFile('a', 'utf8')).trim());`,
            ).replace(`import express from 'express';`, `import express from 'express';\nimport { readFile } from 'fs/promises';`),
          },
        ],
      },
    ],
  },
  {
    code: expressCjs(`const { statSync } = require('fs');`, `statSync('a');`),
    errors: [
      {
        messageId: 'blocking' as const,
        suggestions: [
          {
            messageId: 'useAwaited' as const,
            output: expressCjs(`const { statSync } = require('fs');`, `await stat('a');`).replace(
              `const express = require('express');`,
              `const express = require('express');\nconst { stat } = require('fs/promises');`,
            ),
          },
        ],
      },
    ],
  },
  {
    code: express(`import { readFileSync } from 'fs';\nimport { writeFile } from 'node:fs/promises';`, `readFileSync('a');`),
    errors: [
      {
        messageId: 'blocking' as const,
        suggestions: [
          {
            messageId: 'useAwaited' as const,
            output: express(
              `import { readFileSync } from 'fs';\nimport { writeFile, readFile } from 'node:fs/promises';`,
              `await readFile('a');`,
            ),
          },
        ],
      },
    ],
  },
  {
    code: express(`import * as fs from 'fs';`, FS_NAMESPACE_BODY),
    errors: [
      { messageId: 'blocking' as const, suggestions: [] },
      { messageId: 'blockingNoEquivalent' as const },
      { messageId: 'blockingNoEquivalent' as const },
      { messageId: 'blocking' as const, suggestions: [] },
    ],
  },
  {
    // The rewrite keeps the object as written, without the line break before the member.
    code: express(`import fs from 'fs';`, `const list = fs\n    .readdirSync(dir);`),
    errors: [
      {
        messageId: 'blocking' as const,
        suggestions: [
          {
            messageId: 'useAwaited' as const,
            output: express(`import fs from 'fs';`, `const list = await fs.promises.readdir(dir);`),
          },
        ],
      },
    ],
  },
  {
    code: express(`import { readFileSync } from 'fs';`, `readFileSync(3);`),
    errors: [{ messageId: 'blocking' as const, suggestions: [] }],
  },
];

runRuleTests('no-sync-fs', rule, {
  valid: [
    `import fs from 'fs'; const config = fs.readFileSync('config.json', 'utf8');`,
    express(`import { readFile } from 'node:fs/promises';`, `await readFile('a');`),
    express(``, `function readFileSync(p) { return p; } readFileSync('a');`),
  ],
  invalid,
});

itParsesEverySuggestion(invalid);

it('renders the fs messages as before', () => {
  expect(reportedMessages(rule, express(`import * as fs from 'fs';`, FS_NAMESPACE_BODY))).toEqual([
    message('fs.openSync', 'Use `await open()` from `node:fs/promises` instead (note that it resolves to a FileHandle, not a numeric file descriptor).'),
    message('fs.existsSync', 'Use `await access(path)` from `node:fs/promises`, which rejects when the path is missing, or `await stat(path)` when you need the entry anyway.'),
    message('fs.readSync', 'Open the file with `await open()` from `node:fs/promises` and use `await handle.read()` on the FileHandle.'),
    message('fs.statSync', 'Use `await stat()` from `node:fs/promises` instead.'),
  ]);
});

it('renders the fs suggestion descriptions as before', () => {
  const descriptions = (code: string) => suggestionDescriptions(rule, code);
  expect(descriptions(express(`import fs from 'fs';`, `fs.readFileSync('a');`))).toEqual([
    'Replace with `await readFile()` from `node:fs/promises`.',
  ]);
  expect(descriptions(express(`import fs from 'fs';`, `fs.readFileSync('a');`, { sync: true }))).toEqual([
    'Make this Express route handler async and replace the call with `await readFile()` from `node:fs/promises`.',
  ]);
});
