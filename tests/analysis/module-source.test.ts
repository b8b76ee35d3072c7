/**
 * parseModule: helpers parse as ES modules, and a JavaScript file that is not valid as one (strict
 * mode rejects `0644` and a variable named `package`) parses as CommonJS, as Node loads it.
 * JavaScript parses with oxc (espree where oxc finds errors), whichever parser the file is linted with.
 * startLine: the line of a node in a tree parsed without locations, as ESLint counts lines.
 */
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { parseModule, startLine, type ModuleSource, type Parser } from '../../src/analysis/module-source.js';
import type { TSESTree } from '@typescript-eslint/utils';

const SLOPPY = "var fs = require('fs');\nvar package = require('./package.json');\nfs.chmodSync(package.main, 0644);\n";
const MODULE = "import fs from 'fs';\nexport const mode = fs.statSync('x').mode;\n";

describe.each<[string, Parser]>([
  ['@typescript-eslint/parser', tsParser as unknown as Parser],
  ["ESLint's default parser", espree as unknown as Parser],
])('parseModule with %s', (_, parser) => {
  /** The type of the scope that holds the file's top-level declarations. */
  const topScope = (text: string, file: string): string | undefined => {
    const source = parseModule(text, file, parser, {});
    const scope = source?.scopeManager?.globalScope?.childScopes[0];
    return source && (scope?.block.type === 'Program' ? scope.type : 'global');
  };

  it('an ES module parses as one', () => {
    expect(topScope(MODULE, '/project/lib/mode.js')).toBe('module');
  });

  it.each(['/project/lib/store.js', '/project/lib/store.cjs'])('sloppy CommonJS in %s parses as CommonJS', (file) => {
    expect(topScope(SLOPPY, file)).toBe('function');
  });

  it('not in an .mjs file, which Node loads as a module only', () => {
    expect(topScope(SLOPPY, '/project/lib/store.mjs')).toBeUndefined();
  });

  it('JavaScript parses with oxc, without locations: its Program has a `hashbang`, which espree does not give', () => {
    const { ast } = parseModule('#!/usr/bin/env node\n' + MODULE, '/project/lib/mode.js', parser, {})!;
    expect(ast).toMatchObject({ type: 'Program', sourceType: 'module', hashbang: { value: '/usr/bin/env node' } });
    expect(ast.body[1]).toMatchObject({ type: 'ExportNamedDeclaration', range: [41, 83] });
    expect(ast.body[1]).not.toHaveProperty('loc');
  });

  it("oxc's tree has a range and a parent on every node, and scope analysis resolves by them", () => {
    // Scope analysis compares ranges: `fs` in the parameter's default is the import, not the body's `fs`.
    const text = "import fs from 'fs';\nexport function read(size = fs.statSync('x').size) {\n  var fs = 1;\n  return size + fs;\n}\n";
    const source = parseModule(text, '/project/lib/read.js', parser, {})!;
    const nodes: TSESTree.Node[] = [];
    const visit = (node: TSESTree.Node): void => {
      nodes.push(node);
      for (const value of Object.values(node)) {
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && typeof child.type === 'string' && child !== node.parent) visit(child as TSESTree.Node);
        }
      }
    };
    visit(source.ast);
    expect(nodes).toHaveLength(26);
    for (const node of nodes) {
      expect(node.range).toEqual([(node as unknown as { start: number }).start, (node as unknown as { end: number }).end]);
      if (node !== source.ast) expect(node.parent!.range[0] <= node.range[0] && node.range[1] <= node.parent!.range[1]).toBe(true);
    }
    const call = nodes.find((node) => node.type === 'CallExpression')!;
    expect(text.slice(...call.range)).toBe("fs.statSync('x')");
    const imported = source.scopeManager?.globalScope?.childScopes[0]?.set.get('fs');
    expect(imported?.references.map((reference) => reference.identifier.range)).toEqual([[49, 51]]);
  });

});

it('TypeScript parses with oxc too, to typescript-estree\'s tree (decorators, parameter properties, TSX)', () => {
  const parser = tsParser as unknown as Parser;
  const service = [
    "import { Injectable } from '@nestjs/common';",
    "import fs from 'node:fs';",
    '@Injectable()',
    'export class Reports {',
    '  constructor(private readonly root: string) {}',
    "  read(name: string): string { return fs.readFileSync(`${this.root}/${name}`, 'utf8') as string; }",
    '}',
  ].join('\n');
  const { ast, scopeManager } = parseModule(service, '/project/src/reports.service.ts', parser, {})!;
  expect(ast).toHaveProperty('hashbang', null);
  expect(ast.body[2]).toMatchObject({
    type: 'ExportNamedDeclaration',
    declaration: {
      type: 'ClassDeclaration',
      decorators: [{ type: 'Decorator', expression: { type: 'CallExpression' } }],
      body: { body: [{ kind: 'constructor', value: { params: [{ type: 'TSParameterProperty', readonly: true }] } }, { key: { name: 'read' } }] },
    },
  });
  // @typescript-eslint/scope-manager on oxc's tree: the default import is found where it is read.
  const fs = scopeManager?.globalScope?.childScopes[0]?.set.get('fs');
  expect(fs?.references.map((reference) => reference.identifier.range)).toEqual([[194, 196]]);

  const page = "import fs from 'node:fs';\nexport const Page = () => <p>{fs.readFileSync('x', 'utf8')}</p>;\n";
  expect(parseModule(page, '/project/src/page.tsx', parser, {})?.ast).toHaveProperty(['body', 1, 'declaration', 'declarations', 0, 'init', 'body', 'type'], 'JSXElement');
});

it('JSX where the parser options ask for it', () => {
  const jsx = "import fs from 'fs';\nexport const page = () => <p>{fs.readFileSync('x', 'utf8')}</p>;\n";
  const parser = espree as unknown as Parser;
  expect(parseModule(jsx, '/project/lib/page.js', parser, {})).toBeUndefined();
  expect(parseModule(jsx, '/project/lib/page.js', parser, { ecmaFeatures: { jsx: true } })?.ast.body[1]).toMatchObject({
    type: 'ExportNamedDeclaration',
    declaration: { declarations: [{ init: { body: { type: 'JSXElement' } } }] },
  });
});

it('a JavaScript text that neither oxc nor espree parses is not summarised (Flow)', () => {
  const flow = "// @flow\nimport fs from 'fs';\nexport function read(path: string): string { return fs.readFileSync(path, 'utf8'); }\n";
  expect(parseModule(flow, '/project/lib/read.js', espree as unknown as Parser, {})).toBeUndefined();
});

describe('startLine', () => {
  // Every line break ESLint counts: \n, \r\n, \r, U+2028 and U+2029 (the last two inside a comment).
  const TEXT = "import fs from 'fs';\r\n// a\u2028b\u2029c\rlet x = 1;\n\nexport const read = () => fs.readFileSync('x');\n";
  /** The lines of the calls in a module, as `startLine` counts them, and whether its tree has locations. */
  const callLines = (source: ModuleSource): { lines: number[]; located: boolean } => {
    const lines: number[] = [];
    let located = false;
    const visit = (node: TSESTree.Node): void => {
      if (node.type === 'CallExpression') {
        lines.push(startLine(source, node));
        located ||= (node as { loc?: unknown }).loc !== undefined;
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node);
        }
      }
    };
    visit(source.ast);
    return { lines, located };
  };
  const parsed = (file: string, parser: Parser): ModuleSource => parseModule(TEXT, file, parser, {})!;

  it('counts lines from the text of a helper parsed here, which has no locations', () => {
    expect(callLines(parsed('/project/lib/read.js', tsParser as unknown as Parser))).toEqual({ lines: [7], located: false });
    expect(callLines(parsed('/project/lib/read.ts', tsParser as unknown as Parser))).toEqual({ lines: [7], located: false });
    expect(callLines(parsed('/project/lib/read.js', espree as unknown as Parser))).toEqual({ lines: [7], located: false });
  });

  it("reads the location where the tree has one (a linted file's, as ESLint's parser gives it)", () => {
    const { ast, scopeManager } = tsParser.parseForESLint(TEXT, { filePath: '/project/lib/read.ts', range: true, loc: true });
    const source = { text: TEXT, ast, scopeManager, getScope: () => scopeManager.globalScope! } as unknown as ModuleSource;
    expect(callLines(source)).toEqual({ lines: [7], located: true });
  });
});
