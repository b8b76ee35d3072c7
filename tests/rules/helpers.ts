import { parse } from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import ts from 'typescript';
import { expect, it } from 'vitest';

/** An Express app with `body` inside an async route handler; `imports` go first. */
export function express(imports: string, body: string, { sync = false } = {}): string {
  return `${imports}
import express from 'express';
const app = express();
app.get('/x', ${sync ? '' : 'async '}(req, res) => {
  ${body}
});
`;
}

/** The same app written as CommonJS. */
export function expressCjs(requires: string, body: string): string {
  return `${requires}
const express = require('express');
const app = express();
app.get('/x', async (req, res) => {
  ${body}
});
`;
}

/** Line of the handler body in `express()` / `expressCjs()` output, when `imports` is one line. */
export const BODY_LINE = 5;

/**
 * Every suggestion output a test expects must parse as TypeScript (and therefore as JavaScript when
 * it is JavaScript): the suggestions are one-click rewrites, a syntax error would be a broken file.
 */
export function itParsesEverySuggestion(cases: readonly InvalidTestCase<string, readonly unknown[]>[]): void {
  const outputs = cases.flatMap((testCase) =>
    testCase.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => suggestion.output)),
  );
  it(`every suggestion output parses (${outputs.length})`, () => {
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(syntaxErrors(output), output).toEqual([]);
  });
}

const linter = new Linter({ configType: 'flat' });

/**
 * Syntax errors in `code`: typescript-eslint's parser for TypeScript syntax, then ESLint's own
 * parser (espree) on the JavaScript TypeScript emits, which also rejects what TypeScript's parser
 * leaves to its type checker (`await` outside an async function).
 */
export function syntaxErrors(code: string): string[] {
  try {
    parse(code, { sourceType: 'module', range: true });
  } catch (error) {
    return [String(error)];
  }
  const javascript = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve, verbatimModuleSyntax: true },
  }).outputText;
  return linter
    .verify(javascript, [{ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }])
    .filter((message) => message.fatal)
    .map((message) => message.message);
}
