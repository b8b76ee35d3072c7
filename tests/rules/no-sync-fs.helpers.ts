import { RuleTester } from '@typescript-eslint/rule-tester';
import noSyncFs from '../../rules/no-sync-fs.js';

/** The default parser (@typescript-eslint/parser), ES modules; tests/setup.ts wires it to vitest. */
export const ruleTester = new RuleTester();

export const rule = noSyncFs;

/**
 * Test source without the indentation of the test file: drops the first line break and the
 * common leading whitespace, and ends the text with exactly one line break.
 */
export function ts(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values);
  const lines = text.split('\n');
  if (lines[0]?.trim() === '') lines.shift();
  if (lines.at(-1)?.trim() === '') lines.pop();
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length),
  );
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

export const PROMISES = 'node:fs/promises';

/** `data` of a `blocking` message. */
export function blockingData(
  context: string,
  { api = 'fs.readFileSync', replacement = 'readFile', caveat = '' } = {},
): Record<string, string> {
  return { call: `\`${api}()\``, context, replacement: awaitedPhrase(replacement), caveat };
}

/** `data` of a `useAwaited` / `useAwaitedInAsyncHandler` suggestion. */
export function suggestionData(
  context: string,
  { api = 'fs.readFileSync', replacement = 'readFile' } = {},
): Record<string, string> {
  return { api, context, replacement: awaitedPhrase(replacement) };
}

/** How messages name the awaited form of an fs API (built from the catalog by src/blocking-rule.ts). */
function awaitedPhrase(name: string): string {
  return `\`await ${name}()\` from \`${PROMISES}\``;
}

export const EXPRESS_ROUTE = 'Express route handler';
