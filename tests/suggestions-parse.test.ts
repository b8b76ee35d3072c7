/**
 * Every suggestion the plugin offers must leave a file that still parses. For a varied set of
 * inputs, lint with the plugin, apply each suggestion of each message on its own (as an editor
 * does: replace `fix.range` with `fix.text`), then parse the result with no rules on and require
 * no fatal message. The expected number of suggestions per input keeps the test from passing on
 * an input that offers none. Each applied suggestion must also remove exactly its own report.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { config, FILES, type SourceType } from './linter-config.js';

interface Case {
  readonly name: string;
  readonly code: string;
  readonly suggestions: number;
  readonly filename?: string;
  readonly sourceType?: SourceType;
}

const express = (imports: string, handler: string, body: string): string =>
  `${imports}\nimport express from 'express';\nconst app = express();\napp.get('/', ${handler} {\n${body}\n});\n`;
const asyncExpress = (imports: string, body: string) => express(imports, 'async (req, res) =>', body);
const syncExpress = (imports: string, body: string) => express(imports, '(req, res) =>', body);

const cases: readonly Case[] = [
  // The awaited call and its import.
  { name: 'fs.readFileSync → fs.promises.readFile', code: asyncExpress(`import fs from 'fs';`, `  res.send(fs.readFileSync(p));`), suggestions: 1 },
  { name: 'node:fs named import', code: asyncExpress(`import { readFileSync } from 'node:fs';`, `  res.send(readFileSync(p));`), suggestions: 1 },
  { name: 'fs named import', code: asyncExpress(`import { readFileSync } from 'fs';`, `  res.send(readFileSync(p));`), suggestions: 1 },
  { name: 'aliased named import', code: asyncExpress(`import { readFileSync as r } from 'fs';`, `  res.send(r(p));`), suggestions: 1 },
  { name: 'existing readFile import reused', code: asyncExpress(`import { readFileSync } from 'fs';\nimport { readFile } from 'node:fs/promises';`, `  res.send(readFileSync(p), await readFile(p));`), suggestions: 1 },
  { name: 'existing namespace import reused', code: asyncExpress(`import { readFileSync } from 'fs';\nimport * as fsp from 'fs/promises';`, `  res.send(readFileSync(p));`), suggestions: 1 },
  { name: 'appended to an existing named import', code: asyncExpress(`import { readFileSync } from 'node:fs';\nimport { stat } from 'node:fs/promises';`, `  res.send(readFileSync(p), await stat(p));`), suggestions: 1 },
  { name: 'appended to a named import with a trailing comma', code: asyncExpress(`import { readFileSync } from 'node:fs';\nimport {\n  stat,\n} from 'node:fs/promises';`, `  res.send(readFileSync(p), await stat(p));`), suggestions: 1 },
  { name: 'name clash with the sync import', code: asyncExpress(`import { readFileSync as readFile } from 'fs';`, `  res.send(readFile(p));`), suggestions: 1 },
  { name: 'name clash with a local', code: asyncExpress(`import { readFileSync } from 'fs';`, `  const readFile = p;\n  res.send(readFileSync(readFile));`), suggestions: 1 },
  { name: 'shadowed existing import', code: asyncExpress(`import { readFileSync } from 'fs';\nimport { readFile } from 'fs/promises';`, `  const readFile = p;\n  res.send(readFileSync(readFile));`), suggestions: 1 },
  { name: 'graceful-fs', code: asyncExpress(`import gfs from 'graceful-fs';`, `  res.send(gfs.readFileSync(p));`), suggestions: 1 },
  { name: 'realpathSync.native', code: asyncExpress(`import fs from 'fs';`, `  res.send(fs.realpathSync.native(p));`), suggestions: 1 },
  { name: 'getBuiltinModule inline', code: asyncExpress(``, `  res.send(process.getBuiltinModule('fs').readFileSync(p));`), suggestions: 1 },
  { name: 'TypeScript import = require, called through an alias', code: `import fs = require('fs');\nimport express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  const read = fs.readFileSync;\n  res.send(read(p));\n});\n`, suggestions: 1 },
  // CommonJS and directives.
  { name: 'CommonJS (script)', code: `const { readFileSync } = require('fs');\nconst express = require('express');\nconst app = express();\napp.get('/', async (req, res) => {\n  res.send(readFileSync(p));\n});\n`, sourceType: 'script', filename: 'server.js', suggestions: 1 },
  { name: 'CommonJS (commonjs)', code: `const { readFileSync } = require('fs');\nconst app = require('express')();\napp.get('/', (req, res) => {\n  res.send(readFileSync(p));\n});\n`, sourceType: 'commonjs', filename: 'server.cjs', suggestions: 1 },
  { name: "tsc's esModuleInterop output (__importDefault)", code: `"use strict";\nvar __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };\nconst node_fs_1 = __importDefault(require("node:fs"));\nconst express_1 = __importDefault(require("express"));\nconst app = (0, express_1.default)();\napp.get('/', async (req, res) => {\n  res.send(node_fs_1.default.readFileSync(p));\n});\n`, sourceType: 'commonjs', filename: 'server.cjs', suggestions: 1 },
  { name: "Babel's output (_interopRequireWildcard), a sync handler", code: `"use strict";\nvar fs = _interopRequireWildcard(require("fs"));\nvar _express = _interopRequireDefault(require("express"));\nconst app = (0, _express.default)();\napp.get('/', (req, res) => {\n  res.send(fs.readFileSync(p));\n});\n`, sourceType: 'commonjs', filename: 'server.cjs', suggestions: 1 },
  { name: "'use strict' with no require before the call", code: `'use strict';\nconst app = require('express')();\napp.get('/', async (req, res) => {\n  const { readFileSync } = require('fs');\n  res.send(readFileSync(p));\n});\n`, sourceType: 'script', filename: 'server.js', suggestions: 1 },
  { name: 'shebang and directive', code: `#!/usr/bin/env node\n'use strict';\nconst { readFileSync } = process.getBuiltinModule('fs');\nprocess.getBuiltinModule('http').createServer((req, res) => {\n  res.end(readFileSync(p));\n});\n`, sourceType: 'script', filename: 'server.js', suggestions: 1 },
  { name: "'use server' without imports", code: `'use server';\nexport async function GET() {\n  const { readFileSync } = process.getBuiltinModule('fs');\n  return new Response(readFileSync(p));\n}\n`, filename: 'app/api/x/route.ts', suggestions: 1 },
  { name: "'use server' with imports", code: `'use server';\nimport { readFileSync } from 'node:fs';\nexport async function GET() {\n  return new Response(readFileSync(p));\n}\n`, filename: 'app/api/x/route.ts', suggestions: 1 },
  // Parentheses and expression positions.
  { name: 'member access on the result', code: asyncExpress(`import { readFileSync } from 'fs';`, `  res.send(readFileSync(p).toString());`), suggestions: 1 },
  { name: 'argument', code: asyncExpress(`import { readFileSync } from 'fs';`, `  res.json(JSON.parse(readFileSync(p, 'utf8')));`), suggestions: 1 },
  { name: 'optional member access', code: asyncExpress(`import { readFileSync } from 'fs';`, `  res.send(readFileSync(p)?.length);`), suggestions: 1 },
  { name: 'optional call on the result', code: asyncExpress(`import fs from 'fs';`, `  res.send(fs.readFileSync(p)?.toString());`), suggestions: 1 },
  { name: 'already awaited', code: asyncExpress(`import fs from 'fs';`, `  res.send(await fs.readFileSync(p));`), suggestions: 1 },
  {
    name: 'operators, non-null, as, spread, template, typeof, ** on both sides',
    code: syncExpress(
      `import fs from 'fs';`,
      [
        `  const a = fs.readFileSync(p)!.length;`,
        `  const b = fs.readFileSync(p) as Buffer;`,
        `  const c = [...fs.readdirSync(p)];`,
        `  const d = \`\${fs.readFileSync(p, 'utf8')}\`;`,
        `  const e = typeof fs.statSync(p);`,
        `  const f = fs.statSync(p).size ** 2 + 2 ** fs.statSync(p).size;`,
        `  const g = -fs.statSync(p).size;`,
        `  const h = p ? fs.readFileSync(p) : fs.readFileSync(q);`,
        `  res.send({ a, b, c, d, e, f, g, h });`,
      ].join('\n'),
    ),
    suggestions: 10,
  },
  {
    name: 'callee of new, tag of a template, class heritage',
    code: syncExpress(
      `import fs from 'fs';`,
      [
        `  const a = new (fs.readFileSync(p) as any)();`,
        `  const b = new (fs.readFileSync as any)(p);`,
        `  class C extends fs.readFileSync(p) {}`,
        `  res.send({ a, b, C });`,
      ].join('\n'),
    ),
    suggestions: 2,
  },
  {
    name: 'a callee in parentheses, or the last of a sequence as TypeScript compiles CommonJS calls',
    code: asyncExpress(
      `import fs from 'fs';`,
      [
        `  const a = (fs.readFileSync)(p);`,
        `  const b = (0, fs.readFileSync)(p);`,
        `  const c = ((0, fs.statSync))(p).size;`,
        `  res.send({ a, b, c });`,
      ].join('\n'),
    ),
    suggestions: 3,
  },
  {
    name: 'a call over several lines with a comment',
    code: asyncExpress(`import fs from 'fs';`, `  res.send(\n    fs.readFileSync /* why */ (\n      p,\n      'utf8',\n    ),\n  );`),
    suggestions: 1,
  },
  // A sync handler becomes async.
  { name: 'arrow with a block body', code: `import fs from 'fs';\nimport express from 'express';\nconst app = express();\napp.get('/', (req, res) => { res.send(fs.readFileSync(p)) });\n`, suggestions: 1 },
  { name: 'arrow with a concise body returning an object', code: `import fs from 'fs';\nimport express from 'express';\nconst app = express();\napp.get('/', (req) => ({ data: fs.readFileSync(p) }));\n`, suggestions: 1 },
  { name: 'arrow with one bare parameter', code: `import fs from 'fs';\nimport express from 'express';\nconst app = express();\napp.use(req => fs.readFileSync(p));\n`, suggestions: 1 },
  { name: 'generic arrow', code: `import fs from 'fs';\nimport express from 'express';\nconst app = express();\napp.get('/', <T,>(req: T): Buffer => fs.readFileSync(p));\n`, suggestions: 1 },
  { name: 'function expression', code: `import fs from 'fs';\nimport express from 'express';\nconst app = express();\napp.get('/', function show(req, res) {\n  res.send(fs.readFileSync(p));\n});\n`, suggestions: 1 },
  { name: 'function declaration registered by name', code: `import fs from 'fs';\nimport express from 'express';\nconst app = express();\nfunction list(req, res): void {\n  res.send(fs.readFileSync(p));\n}\napp.get('/', list);\n`, suggestions: 1 },
  { name: 'object method', code: `import fs from 'fs';\nimport Fastify from 'fastify';\nconst app = Fastify();\napp.route({ method: 'GET', url: '/x', handler(req, reply) {\n  return fs.readFileSync(p);\n} });\n`, suggestions: 1 },
  { name: 'computed object method', code: `import fs from 'fs';\nimport Fastify from 'fastify';\nconst app = Fastify();\napp.route({ method: 'GET', url: '/x', ['handler'](req, reply) {\n  return fs.readFileSync(p);\n} });\n`, suggestions: 1 },
  {
    name: 'NestJS methods: plain, modifier, computed name, Promise return type',
    code: `import fs from 'fs';\nimport { Controller, Get } from '@nestjs/common';\n@Controller()\nexport class C {\n  @Get('a')\n  a(): string {\n    return fs.readFileSync(p, 'utf8');\n  }\n  @Get('b')\n  public b(): Buffer | undefined {\n    return fs.readFileSync(p);\n  }\n  @Get('c')\n  ['c'](): Buffer {\n    return fs.readFileSync(p);\n  }\n  @Get('d')\n  d(): Promise<Buffer> {\n    return Promise.resolve(fs.readFileSync(p));\n  }\n}\n`,
    suggestions: 4,
  },
  { name: 'Next.js function declaration with a return type', code: `import fs from 'fs';\nexport function GET(): Response {\n  return new Response(fs.readFileSync(p));\n}\n`, filename: 'app/api/x/route.ts', suggestions: 1 },
  { name: 'Next.js arrow with a return type', code: `import fs from 'fs';\nexport const POST = (): Response => new Response(fs.readFileSync(p));\n`, filename: 'app/api/x/route.ts', suggestions: 1 },
  { name: 'Next.js export { handler as GET }', code: `import { readFileSync } from 'fs';\nfunction handler(): Response {\n  return new Response(readFileSync(p));\n}\nexport { handler as GET };\n`, filename: 'app/api/x/route.ts', suggestions: 1 },
  { name: 'node:http listener', code: `import fs from 'fs';\nimport http from 'node:http';\nhttp.createServer(function (req, res) {\n  res.end(fs.readFileSync(p));\n});\n`, suggestions: 1 },
  {
    name: 'several calls in one sync handler, each suggestion alone',
    code: syncExpress(`import { readFileSync, statSync, readdirSync } from 'node:fs';`, `  res.send(readFileSync(p), statSync(p), readdirSync(p));`),
    suggestions: 3,
  },
  { name: 'async-functions scope outside a handler', code: `import fs from 'fs';\nexport async function load() {\n  return fs.readFileSync(p);\n}\n`, suggestions: 1 },
  // Reported, but no suggestion is safe.
  {
    name: 'no suggestion: .call/.apply, optional call, fd, spread, unknown options, existsSync, openSync',
    code: asyncExpress(
      `import fs from 'fs';`,
      `  const opts = {};\n  res.send(fs.readFileSync.call(fs, p), fs.readFileSync.apply(fs, [p]), fs.readFileSync?.(p), fs.readFileSync(0), fs.readFileSync(...[p]), fs.statSync(p, opts), fs.existsSync(p), fs.openSync(p, 'r'));`,
    ),
    suggestions: 0,
  },
  {
    name: 'no suggestion: sync callbacks, nested functions, generators',
    code: syncExpress(`import fs from 'fs';`, `  [p].map((x) => fs.readFileSync(x));\n  function f() { return fs.readFileSync(p); }\n  function* g() { yield fs.readFileSync(p); }`),
    suggestions: 0,
  },
];

/** Cases linted with `async-functions`, so the call outside a handler is reported too. */
const SCOPE_OPTIONS = { scope: 'async-functions' } as const;

function applySuggestion(code: string, fix: { range: [number, number]; text: string }): string {
  return `${code.slice(0, fix.range[0])}${fix.text}${code.slice(fix.range[1])}`;
}

describe('every suggestion output parses', () => {
  const linter = new Linter();
  let applied = 0;

  it.each(cases)('$name', ({ code, filename = 'file.ts', sourceType = 'module', suggestions }) => {
    const rule = ['error', SCOPE_OPTIONS] as Linter.RuleEntry;
    const before = linter.verify(code, config({ rule, sourceType }), filename);
    expect(before.filter((m) => m.fatal)).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((m) => m.ruleId === 'event-loop/no-sync-fs')).toBe(true);

    let count = 0;
    for (const message of before) {
      for (const suggestion of message.suggestions ?? []) {
        const output = applySuggestion(code, suggestion.fix);
        expect(output).not.toBe(code);
        const parsed = linter.verify(output, config({ rule: null, sourceType }), filename);
        expect(parsed.filter((m) => m.fatal), output).toEqual([]);
        // JavaScript files must stay JavaScript: parse them with ESLint's default parser too.
        if (/\.[cm]?js$/.test(filename)) {
          const plain = linter.verify(output, [{ files: FILES, languageOptions: { sourceType } }], filename);
          expect(plain.filter((m) => m.fatal), output).toEqual([]);
        }
        // The suggestion fixes its own report and no other.
        const after = linter.verify(output, config({ rule, sourceType }), filename);
        expect(after.filter((m) => m.fatal), output).toEqual([]);
        expect(after, output).toHaveLength(before.length - 1);
        count += 1;
      }
    }
    expect(count).toBe(suggestions);
    applied += count;
  });

  it('applied every expected suggestion', () => {
    const expected = cases.reduce((sum, c) => sum + c.suggestions, 0);
    expect(expected).toBeGreaterThanOrEqual(50);
    expect(applied).toBe(expected);
  });
});
