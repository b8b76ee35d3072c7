/**
 * Every rule, with and without type information, on a route registered on a router imported from
 * another module at a non-literal path: only the checker shows it is an Express router, so the
 * typed run reports and the untyped run does not. (no-sync-fs has its own file, with more cases.)
 */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../../rules/index.js';
import { typedRuleTester, untypedRuleTester } from './helpers.js';

/** A route on the imported router; `added` imports go where suggestions add them, after the others. */
function route(imports: string, body: string, { added = '', async = false } = {}): string {
  return `${imports}
import { router } from './app.js';
import { ROUTES } from './routes.js';
${added}router.post(ROUTES.users, ${async ? 'async ' : ''}(req, res) => {
  ${body}
});
`;
}

const PROMISIFY = "import { promisify } from 'node:util';\n";

/** Line of the first body line in `route()` output, when `imports` is one line. */
const BODY_LINE = 5;

interface RuleCase {
  readonly code: string;
  readonly error: InvalidTestCase<string, readonly unknown[]>['errors'][number];
}

const cases: Record<keyof typeof rules, RuleCase> = {
  'no-busy-wait': {
    code: route('', 'const end = Date.now() + 200;\n  while (Date.now() < end) {}'),
    error: { messageId: 'clockLoop', line: BODY_LINE + 1, column: 3, endLine: BODY_LINE + 1, endColumn: 27 },
  },
  'no-cpu-heavy-loop': {
    code: route('', 'for (let i = 2; i < 50_000_000; i++) {}'),
    error: { messageId: 'iterations', line: BODY_LINE, column: 3, endLine: BODY_LINE, endColumn: 39 },
  },
  'no-sync-child-process': {
    code: route("import { execSync } from 'node:child_process';", "execSync('ls');"),
    error: {
      messageId: 'blocking',
      line: BODY_LINE,
      column: 3,
      endLine: BODY_LINE,
      endColumn: 17,
      suggestions: [
        {
          messageId: 'useAwaitedInAsyncHandler',
          output: route("import { execSync, exec } from 'node:child_process';", "await promisify(exec)('ls');", {
            added: PROMISIFY,
            async: true,
          }),
        },
      ],
    },
  },
  'no-sync-crypto': {
    code: route("import { pbkdf2Sync } from 'node:crypto';", "pbkdf2Sync('pw', 'salt', 100_000, 64, 'sha512');"),
    error: {
      messageId: 'blocking',
      line: BODY_LINE,
      column: 3,
      endLine: BODY_LINE,
      endColumn: 50,
      suggestions: [
        {
          messageId: 'useAwaitedInAsyncHandler',
          output: route(
            "import { pbkdf2Sync, pbkdf2 } from 'node:crypto';",
            "await promisify(pbkdf2)('pw', 'salt', 100_000, 64, 'sha512');",
            { added: PROMISIFY, async: true },
          ),
        },
      ],
    },
  },
  'no-sync-db': {
    code: route("import Database from 'better-sqlite3';", "new Database('app.db').exec('VACUUM');"),
    error: { messageId: 'blockingNoEquivalent', line: BODY_LINE, column: 3, endLine: BODY_LINE, endColumn: 40 },
  },
  'no-sync-fs': {
    code: route("import { readFileSync } from 'node:fs';", "readFileSync('users.json');"),
    error: {
      messageId: 'blocking',
      line: BODY_LINE,
      column: 3,
      endLine: BODY_LINE,
      endColumn: 29,
      suggestions: [
        {
          messageId: 'useAwaitedInAsyncHandler',
          output: route("import { readFileSync } from 'node:fs';", "await readFile('users.json');", {
            added: "import { readFile } from 'node:fs/promises';\n",
            async: true,
          }),
        },
      ],
    },
  },
  'no-sync-http': {
    code: route("import request from 'sync-request';", "request('GET', 'http://localhost/health');"),
    error: { messageId: 'blockingNoEquivalent', line: BODY_LINE, column: 3, endLine: BODY_LINE, endColumn: 44 },
  },
  'no-sync-zlib': {
    code: route("import { gzipSync } from 'node:zlib';", "gzipSync('body');"),
    error: {
      messageId: 'blocking',
      line: BODY_LINE,
      column: 3,
      endLine: BODY_LINE,
      endColumn: 19,
      suggestions: [
        {
          messageId: 'useAwaitedInAsyncHandler',
          output: route("import { gzipSync, gzip } from 'node:zlib';", "await promisify(gzip)('body');", {
            added: PROMISIFY,
            async: true,
          }),
        },
      ],
    },
  },
};

for (const [id, rule] of Object.entries(rules) as [keyof typeof rules, TSESLint.RuleModule<string, readonly unknown[]>][]) {
  const { code, error } = cases[id];
  typedRuleTester.run(`${id} with type information`, rule, {
    valid: [],
    invalid: [{ name: 'a route on a router imported from another module', code, errors: [error] }],
  });
  untypedRuleTester.run(`${id} without type information`, rule, {
    valid: [{ name: 'a route on a router imported from another module: not seen', code }],
    invalid: [],
  });
}
