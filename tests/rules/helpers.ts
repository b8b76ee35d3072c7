import * as typescriptParser from '@typescript-eslint/parser';
import { parse } from '@typescript-eslint/parser';
import { RuleTester, type InvalidTestCase, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
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

interface LintOptions {
  options?: unknown[];
  settings?: Record<string, unknown>;
}

/** What ESLint reports for `rule` on `code` (a TypeScript file), rendered as users see it. */
function lint(rule: unknown, code: string, { options = [], settings = {} }: LintOptions = {}): Linter.LintMessage[] {
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: typescriptParser },
        plugins: { test: { rules: { rule: rule as never } } },
        rules: { 'test/rule': ['error', ...options] },
        settings,
      },
    ],
    'file.ts',
  );
}

export const reportedMessages = (rule: unknown, code: string, options?: LintOptions): string[] =>
  lint(rule, code, options).map((message) => message.message);

export const suggestionDescriptions = (rule: unknown, code: string, options?: LintOptions): string[] =>
  lint(rule, code, options).flatMap((message) => (message.suggestions ?? []).map((suggestion) => suggestion.desc));

const ruleTester = new RuleTester();

/**
 * `RuleTester.run` for the plugin's rules. rule-tester 8.72 (the newest published) bundles its own
 * @typescript-eslint/utils, whose RuleModule type differs from 8.73's only in private class fields;
 * the cast bridges the two copies of one type and keeps message ids and options checked.
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options, unknown>,
  tests: RunTests<MessageIds, Options>,
): void {
  ruleTester.run(name, rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1], tests);
}

/** `code` (from `express()` / `expressCjs()`) with `statements` added after the `express` import, where fixes add imports. */
export function withAddedImports(code: string, ...statements: string[]): string {
  return code.replace(/^(import express from 'express';|const express = require\('express'\);)$/m, (line) =>
    [line, ...statements].join('\n'),
  );
}

/** How messages show a direct call of `api` (src/blocking-rule.ts): `` `fs.readFileSync()` ``, or for a tagged template `` `` execa.execaSync`…` `` ``. */
export function shownCall(api: string, tagged = false): string {
  return tagged ? `\`\` ${api}\`…\` \`\`` : `\`${api}()\``;
}
