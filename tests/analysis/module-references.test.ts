/**
 * The cheap gates in front of ReferenceTracker: a module is searched only when the file loads it
 * in a way the search follows, and a global only when the file reads it and writes the name of a
 * property its trace map follows. These cases pin that the gates let every such reference through.
 */
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { iterateGlobalReferences, iterateModuleReferences } from '../../src/analysis/module-references.js';
import { parseModule, type ModuleSource, type Parser } from '../../src/analysis/module-source.js';
import { buildTraceMap } from '../../src/catalog/index.js';

function parse(code: string): ModuleSource {
  const source = parseModule(code, '/project/src/routes.ts', tsParser as unknown as Parser, {});
  if (!source) throw new Error('fixture code does not parse');
  return source;
}

const readFileSync = { modules: ['fs'], path: ['readFileSync'] };
const moduleMap = buildTraceMap([readFileSync], (api) => api);

/** Each reference the search finds, as the module it came from and the reference's text. */
function texts(source: ModuleSource, references: Iterable<{ node: TSESTree.Node; moduleName: string }>, callsOnly = true): string[] {
  return [...references]
    .filter(({ node }) => !callsOnly || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
    .map(({ node, moduleName }) => `${moduleName}: ${source.text!.slice(...node.range)}`);
}

/** The calls of `fs.readFileSync` the search finds. */
function moduleReferences(code: string): string[] {
  const source = parse(code);
  return texts(source, iterateModuleReferences(source, moduleMap));
}

describe('iterateModuleReferences: the loaded-module gate', () => {
  it.each([
    ['an import', `import { readFileSync } from 'node:fs';\nreadFileSync(p);`, ['node:fs: readFileSync(p)']],
    ['a namespace import', `import * as fs from 'fs';\nfs.readFileSync(p);`, ['fs: fs.readFileSync(p)']],
    ['require()', `const fs = require('fs');\nfs.readFileSync(p);`, ['fs: fs.readFileSync(p)']],
    ['require() of a template literal', 'const { readFileSync: read } = require(`node:fs`);\nread(p);', ['node:fs: read(p)']],
    ['require() inside a function', `function load() {\n  return require('fs').readFileSync(p);\n}`, ["fs: require('fs').readFileSync(p)"]],
    ['process.getBuiltinModule()', `const fs = process.getBuiltinModule('fs');\nfs.readFileSync(p);`, ['fs: fs.readFileSync(p)']],
    ['import = require()', `import fs = require('fs');\nfs.readFileSync(p);`, ['fs: fs.readFileSync(p)']],
  ])('finds the module loaded through %s', (_, code, expected) => {
    expect(moduleReferences(code)).toEqual(expected);
  });

  // Compilers' CommonJS output wraps the require in an interop helper; `.default` is the module.
  it.each([
    [
      "tsc's __importDefault",
      `const fs_1 = __importDefault(require("fs"));\nfs_1.default.readFileSync(p);`,
      ['fs: fs_1.default.readFileSync(p)'],
    ],
    [
      "tsc's __importStar, from tslib",
      `const fs = tslib_1.__importStar(require("node:fs"));\nfs.readFileSync(p);\n(0, fs.readFileSync)(p);\nfs.default.readFileSync(p);`,
      ['node:fs: fs.readFileSync(p)', 'node:fs: (0, fs.readFileSync)(p)', 'node:fs: fs.default.readFileSync(p)'],
    ],
    ["Babel's _interopRequireDefault", `var _fs = _interopRequireDefault(require("fs"));\n_fs.default.readFileSync(p);`, ['fs: _fs.default.readFileSync(p)']],
    ["Babel's _interopRequireWildcard", `var fs = _interopRequireWildcard(require("fs"));\nfs.readFileSync(p);`, ['fs: fs.readFileSync(p)']],
    ["esbuild's __toESM", `var import_fs = __toESM(require("fs"), 1);\n(0, import_fs.readFileSync)(p);`, ['fs: (0, import_fs.readFileSync)(p)']],
  ])('finds the module loaded through %s', (_, code, expected) => {
    expect(moduleReferences(code)).toEqual(expected);
  });

  it('gives the path below the module, without the interop `default`', () => {
    const source = parse(`const fs_1 = __importDefault(require("fs"));\nfs_1.default.readFileSync(p);`);
    const references = [...iterateModuleReferences(source, moduleMap)];
    // The read of the member (how `fs.readFileSync.call(...)` is found), then the call.
    expect(references.map(({ node, moduleName, path }) => [node.type, moduleName, path])).toEqual([
      [AST_NODE_TYPES.MemberExpression, 'fs', ['readFileSync']],
      [AST_NODE_TYPES.CallExpression, 'fs', ['readFileSync']],
    ]);
  });

  it.each([
    ['an __importDefault object read without `.default`', `const fs_1 = __importDefault(require("fs"));\nfs_1.readFileSync(p);`],
    ['a call of a function that is no interop helper', `const fs = wrap(require("fs"));\nfs.readFileSync(p);\nfs.default.readFileSync(p);`],
    ['a require passed to a helper as its second argument', `const fs = __importStar(options, require("fs"));\nfs.readFileSync(p);`],
  ])('finds nothing through %s', (_, code) => {
    expect(moduleReferences(code)).toEqual([]);
  });

  it('finds the binding of a re-export', () => {
    const source = parse(`export { readFileSync } from 'fs';`);
    expect(texts(source, iterateModuleReferences(source, moduleMap), false)).toEqual(['fs: readFileSync']);
  });

  it.each([
    ['names the module only in a string', `const name = 'fs';\nlog(name, "fs");`],
    ['loads another module', `import { readFile } from 'fs/promises';\nreadFile(p);`],
    ['calls a local require', `const require = createRequire();\nrequire('fs').readFileSync(p);`],
  ])('finds nothing in a file that %s', (_, code) => {
    expect(moduleReferences(code)).toEqual([]);
  });
});

const hrtime = { globals: ['process'], path: ['hrtime'] };
const newDate = { globals: ['Date'], path: [] };
const globalMap = buildTraceMap([hrtime, newDate], (api) => ({ modules: api.globals, path: api.path }));

function globalReferenceTexts(code: string): string[] {
  const source = parse(code);
  return texts(source, iterateGlobalReferences(source as unknown as TSESLint.SourceCode, globalMap));
}

describe('iterateGlobalReferences: the read-global gate', () => {
  it('finds a traced property read on the global, and through a destructured alias', () => {
    expect(globalReferenceTexts(`process.hrtime();\nconst { hrtime: clock } = process;\nclock();`)).toEqual([
      'process: process.hrtime()',
      'process: clock()',
    ]);
  });

  it('finds the global itself when its trace map follows it (`new Date()`)', () => {
    expect(globalReferenceTexts(`const now = new Date();`)).toEqual(['Date: new Date()']);
  });

  it('finds nothing where the file reads the global but none of its traced properties', () => {
    expect(globalReferenceTexts(`const port = process.env.PORT;\nprocess.exit(1);`)).toEqual([]);
  });

  it('finds nothing where the name belongs to a local variable', () => {
    expect(globalReferenceTexts(`const process = { hrtime() {} };\nprocess.hrtime();`)).toEqual([]);
  });
});
