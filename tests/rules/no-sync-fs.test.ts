import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-sync-fs.js';
import { express, expressCjs, itParsesEverySuggestion } from './helpers.js';

// Pins no-sync-fs as the scaffold shipped it: the families work generalised the shared fixer and
// messages, and these outputs must not move.

const ruleTester = new RuleTester();

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
    code: express(`import * as fs from 'fs';`, `fs.openSync('a'); fs.existsSync('b'); fs.readSync(1); fs.statSync('c', { throwIfNoEntry: false });`),
    errors: [
      { message: message('fs.openSync', 'Use `await open()` from `node:fs/promises` instead (note that it resolves to a FileHandle, not a numeric file descriptor).'), suggestions: [] },
      { message: message('fs.existsSync', 'Use `await access(path)` from `node:fs/promises`, which rejects when the path is missing, or `await stat(path)` when you need the entry anyway.') },
      { message: message('fs.readSync', 'Open the file with `await open()` from `node:fs/promises` and use `await handle.read()` on the FileHandle.') },
      { messageId: 'blocking' as const, suggestions: [] },
    ],
  },
  {
    code: express(`import { readFileSync } from 'fs';`, `readFileSync(3);`),
    errors: [{ messageId: 'blocking' as const, suggestions: [] }],
  },
];

ruleTester.run('no-sync-fs', rule, {
  valid: [
    `import fs from 'fs'; const config = fs.readFileSync('config.json', 'utf8');`,
    express(`import { readFile } from 'node:fs/promises';`, `await readFile('a');`),
    express(``, `function readFileSync(p) { return p; } readFileSync('a');`),
  ],
  invalid,
});

itParsesEverySuggestion(invalid);
