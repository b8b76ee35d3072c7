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
/**
 * Type declarations of packages the machine does not install, served as node_modules/<name>: the
 * call signatures the suggestions rely on, as the packages' own typings declare them.
 */
const PACKAGES: Record<string, string> = {
  // execa 9: every method takes a template, an options object (returning the method with them
  // bound), or a file and arguments; the sync ones return the result the async ones resolve to.
  execa: `
    export interface Result { stdout: string; stderr: string; exitCode?: number }
    type TemplateString = readonly [TemplateStringsArray, ...unknown[]];
    interface Options { cwd?: string }
    export interface SyncMethod {
      (...template: TemplateString): Result;
      (options: Options): SyncMethod;
      (file: string, args?: readonly string[], options?: Options): Result;
    }
    export interface Method {
      (...template: TemplateString): Promise<Result>;
      (options: Options): Method;
      (file: string, args?: readonly string[], options?: Options): Promise<Result>;
    }
    export declare const execa: Method;
    export declare const execaSync: SyncMethod;
    export declare const $: Method & { sync: SyncMethod; s: SyncMethod };
  `,
};

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
  {
    name: 'execa tagged templates become awaited templates, bound options kept',
    filename: 'server.ts',
    code: `import { createServer } from 'node:http';
import { $, execaSync } from 'execa';

createServer((req, res) => {
  const branch: string = execaSync\`git branch --show-current\`.stdout;
  const log: string = $.sync({ cwd: '/srv/repo' })\`git log -1\`.stdout;
  res.end(branch + log);
}).listen(3000);
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
  const virtual = new Map([[fileName, code]]);
  for (const [name, declarations] of Object.entries(PACKAGES)) {
    virtual.set(`/virtual/node_modules/${name}/package.json`, JSON.stringify({ name, type: 'module', types: 'index.d.ts' }));
    virtual.set(`/virtual/node_modules/${name}/index.d.ts`, declarations);
  }
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) =>
    [...virtual.keys()].some((file) => file.startsWith(`${name}/`)) || (directoryExists?.(name) ?? false);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    const text = virtual.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, version);
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
