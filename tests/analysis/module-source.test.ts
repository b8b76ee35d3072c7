/**
 * parseModule: helpers parse as ES modules, and a JavaScript file that is not valid as one (strict
 * mode rejects `0644` and a variable named `package`) parses as CommonJS, as Node loads it.
 */
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { parseModule, type Parser } from '../../src/analysis/module-source.js';

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
});
