/**
 * classifyHeavyLoop asks for the loop's request handler only when the loop's bound could come from
 * a request: working out the handler classifies the functions around the loop, and most loops
 * (`i < items.length`, `i < 10`, a parameter that is no request) are ruled out without it.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { classifyHeavyLoop } from '../../src/analysis/heavy-loops.js';
import { CONDITION_LOOPS, type ConditionLoop } from '../../src/analysis/loops.js';
import { innermostFunction } from '../../src/analysis/reachability.js';
import type { FunctionNode } from '../../src/util/ast.js';

/** Each loop's test as written, with whether its handler was asked for and what the loop is. */
function classify(code: string): [string, boolean, string | undefined][] {
  const results: [string, boolean, string | undefined][] = [];
  const probe: Rule.RuleModule = {
    create: (context) => ({
      [CONDITION_LOOPS](node: Rule.Node) {
        const loop = node as unknown as ConditionLoop;
        const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
        let asked = false;
        // The function the loop is written in stands for its handler.
        const handlerOf = (): FunctionNode | undefined => {
          asked = true;
          return innermostFunction(loop);
        };
        const heavy = classifyHeavyLoop(loop, sourceCode, handlerOf, 1_000_000);
        results.push([sourceCode.getText(loop.test!), asked, heavy?.kind]);
      },
    }),
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser },
    plugins: { test: { rules: { probe } } },
    rules: { 'test/probe': 'error' },
  }, 'routes.ts');
  expect(messages).toEqual([]);
  return results;
}

describe('classifyHeavyLoop: the handler is asked for only when the bound could come from a request', () => {
  it('rules out constant, size and plain-parameter bounds without asking', () => {
    expect(
      classify(`
        export function total(items: number[], limit: number) {
          let sum = 0;
          for (let i = 0; i < items.length; i++) sum += items[i]!;
          for (let i = 0; i < 10; i++) sum += i;
          for (let i = 0; i < limit; i++) sum += i;
          let j = 0;
          while (j < items.length && j < limit) j++;
          return sum;
        }
      `),
    ).toEqual([
      ['i < items.length', false, undefined],
      ['i < 10', false, undefined],
      ['i < limit', false, undefined],
      ['j < items.length && j < limit', false, undefined],
    ]);
  });

  it('asks for a bound read from a request, directly, converted or through a variable', () => {
    expect(
      classify(`
        export const list = (req: { query: { n: string } }, res: { send(v: unknown): void }) => {
          const count = Number(req.query.n);
          for (let i = 0; i < req.query.n; i++) res.send(i);
          for (let i = 0; i < count; i++) res.send(i);
          for (let i = 0; i < Math.min(count, 100); i++) res.send(i);
        };
      `),
    ).toEqual([
      ['i < req.query.n', true, 'requestBound'],
      ['i < count', true, 'requestBound'],
      ['i < Math.min(count, 100)', false, undefined],
    ]);
  });

  it('asks when the bound might be a request but the handler says it is not', () => {
    // `req` is a parameter of the inner function, not of the one handlerOf names here.
    expect(
      classify(`
        export function outer() {
          return (req: { query: { n: number } }) => {
            const run = () => { for (let i = 0; i < req.query.n; i++) void i; };
            run();
          };
        }
      `),
    ).toEqual([['i < req.query.n', true, undefined]]);
  });
});
