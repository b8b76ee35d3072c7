import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/**
 * A suggestion must keep typed code type-correct: each input below type-checks against
 * @types/node, and so must every suggestion output. Handlers use node:http and the Fetch API
 * (Next.js-style route files), whose types ship with @types/node.
 */
const inputs: { name: string; filename: string; code: string }[] = [
  {
    name: 'sync node:http listener becomes async, named import added',
    filename: 'server.ts',
    code: `import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

createServer((req, res) => {
  const body: string = readFileSync('index.html', 'utf8');
  res.end(body.toUpperCase());
}).listen(3000);
`,
  },
  {
    name: 'module object rewritten to fs.promises, parenthesised member access',
    filename: 'server.ts',
    code: `import * as http from 'node:http';
import fs from 'node:fs';

http.createServer(async (req, res) => {
  const size: number = fs.readFileSync('index.html').byteLength;
  res.end(String(size));
});
`,
  },
  {
    name: 'route handler with a return type becomes Promise<Response>',
    filename: 'app/api/posts/route.ts',
    code: `import { readdirSync, statSync } from 'fs';

export function GET(request: Request): Response {
  const names = readdirSync('posts');
  const newest = statSync('posts/' + names[0]).mtimeMs;
  return Response.json({ names, newest, url: request.url });
}
`,
  },
  {
    name: 'existing fs/promises import is extended',
    filename: 'app/api/upload/route.ts',
    code: `import { writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';

export async function POST(request: Request) {
  writeFileSync('upload.bin', new Uint8Array(await request.arrayBuffer()));
  return Response.json({ size: (await stat('upload.bin')).size });
}
`,
  },
];

const require = createRequire(import.meta.url);
const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  typeRoots: [dirname(dirname(require.resolve('@types/node/package.json')))],
  skipLibCheck: true,
};
// Library files (lib.d.ts, @types/node) are parsed once and shared by every program below.
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

function typeErrors(filename: string, code: string): string[] {
  const fileName = `/virtual/${filename}`;
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.readFile = (name) => (name === fileName ? code : readFile(name));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    if (name === fileName) return ts.createSourceFile(name, code, version);
    if (!libraryFiles.has(name)) libraryFiles.set(name, getSourceFile(name, version));
    return libraryFiles.get(name);
  };
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(fileName))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const linter = new Linter();
const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  plugin.configs.recommended,
];

describe('suggestion outputs type-check', () => {
  it.each(inputs)('$name', ({ filename, code }) => {
    expect(typeErrors(filename, code)).toEqual([]);
    const messages = linter.verify(code, config, { filename });
    const suggestions = messages.flatMap((message) => message.suggestions ?? []);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBe(messages.length);
    for (const { fix } of suggestions) {
      const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
      expect({ output, errors: typeErrors(filename, output) }).toEqual({ output, errors: [] });
    }
  });
});
