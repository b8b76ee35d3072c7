// Linting every file with several ESLint instances in one process, the way the paired and the
// comparison runs measure: each file with every instance in turn, in an order that rotates from
// file to file, so a slow moment of the machine lands on all of them alike.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Files linted untimed first: whichever instance met them first would pay for compiling the parser and ESLint. */
const WARM_UP_FILES = 30;

/**
 * @param {{ module: import('eslint').ESLint[], commonjs: import('eslint').ESLint[] }} eslints the
 *   instances by source type, in the same order for both
 * @param {{ module: string[], commonjs: string[] }} files
 * @param {(instance: number, result: import('eslint').ESLint.LintResult, wallMs: number) => void} record
 *   called after each timed lint with the instance's index
 * @param {(index: number, count: number) => number[]} [orderOf] the order of the instances for the
 *   file at `index`: by default each starts every count-th file
 * @returns {Promise<number>} how many files were linted
 */
export async function lintInRotation(eslints, files, record, orderOf = rotation) {
  const texts = /** @type {const} */ (['module', 'commonjs']).flatMap((sourceType) =>
    files[sourceType].map((file) => ({ file, sourceType, text: readFileSync(file, 'utf8') })),
  );
  for (const { file, sourceType, text } of texts.slice(0, WARM_UP_FILES)) {
    for (const eslint of eslints[sourceType]) await eslint.lintText(text, { filePath: file });
  }
  for (const [index, { file, sourceType, text }] of texts.entries()) {
    const instances = eslints[sourceType];
    for (const instance of orderOf(index, instances.length)) {
      const eslint = /** @type {import('eslint').ESLint} */ (instances[instance]);
      const start = performance.now();
      const [result] = await eslint.lintText(text, { filePath: file });
      const wallMs = performance.now() - start;
      if (result) record(instance, result, wallMs);
    }
  }
  return texts.length;
}

/** The default order: the instances in turn, starting one later with each file. */
export const rotation = (/** @type {number} */ index, /** @type {number} */ count) =>
  Array.from({ length: count }, (_, step) => (index + step) % count);

/** Rule findings only: `noInlineConfig` makes ESLint warn (with no rule id) about directive comments. */
export const ruleFindings = (/** @type {import('eslint').ESLint.LintResult} */ result) =>
  result.messages.filter((message) => message.ruleId).length;
