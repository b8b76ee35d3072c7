import { requestSite, siteDescription, type RequestSite } from '../src/analysis/file-analysis.js';
import { arrayBuilds, classifyHeavyLoop } from '../src/analysis/heavy-loops.js';
import { CONDITION_LOOPS, loopHeadLoc, type ConditionLoop } from '../src/analysis/loops.js';
import { createScopeFilter, readSettings, scopeSchemaProperty, type ScopeOptions } from '../src/options.js';
import { createRule } from '../src/util/create-rule.js';

export interface CpuHeavyLoopOptions extends ScopeOptions {
  threshold?: number;
}
export type Options = [CpuHeavyLoopOptions];
export type MessageIds = 'iterations' | 'requestBound' | 'endless' | 'hugeArray';

export const DEFAULT_THRESHOLD = 1_000_000;

const GUIDE = 'see docs/guides/worker-pool.md';

const formatCount = (count: number): string => Math.round(count).toLocaleString('en-US');

export default createRule<Options, MessageIds>({
  name: 'no-cpu-heavy-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CPU-heavy loops and huge array builds inside request handlers',
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          scope: scopeSchemaProperty,
          threshold: {
            description:
              'How many iterations (nested counting loops multiplied) or array elements count as heavy. Defaults to 1000000.',
            type: 'number',
            minimum: 1,
          },
        },
      },
    ],
    defaultOptions: [{ threshold: DEFAULT_THRESHOLD }],
    messages: {
      iterations: `This loop runs {{count}} iterations{{nesting}} without awaiting: the {{context}} holds the event loop for the whole loop, and every other request waits. Move the computation to a worker pool and \`await pool.run(...)\` in the handler (${GUIDE}).`,
      requestBound: `This loop runs as many times as the request says (\`{{bound}}\`), with no upper limit: the {{context}} holds the event loop for the whole loop, and every other request waits for as long as the client likes. Clamp the bound (\`Math.min({{bound}}, LIMIT)\`) or reject large values, and run heavy work in a worker pool (${GUIDE}).`,
      endless: `This loop has no \`await\`, \`break\`, \`return\` or \`throw\`: once the {{context}} enters it, it holds the event loop for good, and every other request waits forever. Give the loop an exit; long-running work belongs in a worker (${GUIDE}).`,
      hugeArray: `This fills an array of {{count}} elements: the {{context}} holds the event loop until every element is written, and every other request waits. Build it once at start-up, or in a worker pool with \`await pool.run(...)\` (${GUIDE}).`,
    },
  },
  defaultOptions: [{ threshold: DEFAULT_THRESHOLD }],
  create(context, [options]) {
    const inScope = createScopeFilter(options, readSettings(context.settings));
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const { sourceCode } = context;
    return {
      [CONDITION_LOOPS](loop: ConditionLoop) {
        // The loop first: most loops are light, and where code runs (the file's request handlers)
        // costs more to work out.
        let site: RequestSite | undefined;
        const siteOfLoop = (): RequestSite => (site ??= requestSite(context, loop));
        const heavy = classifyHeavyLoop(loop, sourceCode, () => siteOfLoop().handler?.node, threshold);
        if (!heavy || !inScope(siteOfLoop())) return;
        const where = siteDescription(siteOfLoop());
        const loc = loopHeadLoc(sourceCode, loop);
        switch (heavy.kind) {
          case 'iterations':
            context.report({
              loc,
              messageId: 'iterations',
              data: {
                count: formatCount(heavy.iterations),
                nesting:
                  heavy.factors.length > 1
                    ? ` (${heavy.factors.map(formatCount).join(' × ')}, counting the loops around it)`
                    : '',
                context: where,
              },
            });
            return;
          case 'requestBound':
            context.report({
              loc,
              messageId: 'requestBound',
              data: { bound: sourceCode.getText(heavy.bound), context: where },
            });
            return;
          case 'endless':
            context.report({ loc, messageId: 'endless', data: { context: where } });
            return;
        }
      },
      Program() {
        for (const { call, length } of arrayBuilds(sourceCode)) {
          if (length < threshold) continue;
          const site = requestSite(context, call);
          if (!inScope(site)) continue;
          context.report({
            node: call,
            messageId: 'hugeArray',
            data: { count: formatCount(length), context: siteDescription(site) },
          });
        }
      },
    };
  },
});
