import type { TSESTree } from '@typescript-eslint/utils';
import { findClockReads, findSleepCalls, spinsOnClock } from '../src/analysis/busy-wait.js';
import { requestSite, siteDescription } from '../src/analysis/file-analysis.js';
import { CONDITION_LOOPS, loopHeadLoc, type ConditionLoop } from '../src/analysis/loops.js';
import { tracedApiName } from '../src/catalog/busy-wait.js';
import { waitAsyncSuggestion } from '../src/fixers/wait-async.js';
import { createScopeFilter, readSettings, scopeSchemaProperty, type ScopeOptions } from '../src/options.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [ScopeOptions];
export type MessageIds = 'clockLoop' | 'syncSleep' | 'useWaitAsync' | 'useWaitAsyncInAsyncHandler';

const WAIT_ASYNC = '`await Atomics.waitAsync(...).value`';

export default createRule<Options, MessageIds>({
  name: 'no-busy-wait',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow busy-waits and synchronous sleeps inside request handlers',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [{ type: 'object', additionalProperties: false, properties: { scope: scopeSchemaProperty } }],
    defaultOptions: [{}],
    messages: {
      clockLoop:
        'This loop spins until the clock passes a deadline, without awaiting: the {{context}} holds the event loop for the whole wait, and every other request waits with it. Wait with `await setTimeout(ms)` from `node:timers/promises`; work that must keep the CPU busy belongs in a worker pool (see docs/guides/worker-pool.md).',
      syncSleep:
        '`{{api}}()` {{why}}: the {{context}} holds the event loop until it returns, and every other request waits. {{instead}}',
      useWaitAsync: `Replace with ${WAIT_ASYNC}.`,
      useWaitAsyncInAsyncHandler: `Make this {{context}} async and replace the call with ${WAIT_ASYNC}.`,
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const inScope = createScopeFilter(options, readSettings(context.settings));
    const { sourceCode } = context;
    let clockReads: TSESTree.Node[] | undefined;
    return {
      Program() {
        for (const call of findSleepCalls(sourceCode)) {
          const site = requestSite(context, call.node);
          if (!inScope(site)) continue;
          const where = siteDescription(site);
          const suggestion = waitAsyncSuggestion(sourceCode, context.filename, call.node, site);
          context.report({
            node: call.node,
            messageId: 'syncSleep',
            data: { api: tracedApiName(call.api), why: call.api.why, context: where, instead: call.api.instead },
            suggest: suggestion
              ? [
                  {
                    messageId: suggestion.makesHandlerAsync ? 'useWaitAsyncInAsyncHandler' : 'useWaitAsync',
                    data: { context: where },
                    fix: suggestion.fix,
                  },
                ]
              : [],
          });
        }
      },
      [CONDITION_LOOPS](loop: ConditionLoop) {
        // The loop first: most files have loops, few spin on the clock, and where code runs
        // (request handlers of the whole file) costs more to work out.
        clockReads ??= findClockReads(sourceCode);
        if (!spinsOnClock(loop, clockReads, sourceCode)) return;
        const site = requestSite(context, loop);
        if (!inScope(site)) return;
        context.report({
          loc: loopHeadLoc(sourceCode, loop),
          messageId: 'clockLoop',
          data: { context: siteDescription(site) },
        });
      },
    };
  },
});
