import { relative, sep } from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis, siteDescription, type AnalysisOptions, type BlockingCall } from './analysis/file-analysis.js';
import { calleeName } from './analysis/module-graph.js';
import { apiName, type AwaitedReplacement, type BlockingApi, type BlockingFamily } from './catalog/index.js';
import { awaitedSuggestion } from './fixers/awaited-call.js';
import {
  analysisOptions,
  blockingRuleSchema,
  createCallFilter,
  readSettings,
  type BlockingRuleOptions,
  type EventLoopSettings,
} from './options.js';
import { createRule } from './util/create-rule.js';
import { calleeOf, isFunctionNode, outermost } from './util/ast.js';

export type BlockingRuleMessageIds =
  | 'blocking'
  | 'blockingNoEquivalent'
  | 'blockingHelper'
  | 'blockingRegisteredHandler'
  | 'blockingOnFirstRequest'
  | 'useAwaited'
  | 'useAwaitedInAsyncHandler';
export type BlockingRuleOptionsTuple = [BlockingRuleOptions];

const COST = 'blocks the event loop in this {{context}}: every other request waits until it returns.';

/**
 * Every family rule is this rule with another family: the catalog and the shared per-file analysis
 * do the work, the rule filters by family, scope and allow-list, then reports.
 */
export function createBlockingCallRule({
  name,
  family,
  description,
  adopt,
  moreCalls,
}: {
  name: string;
  family: BlockingFamily;
  description: string;
  /**
   * For a call of another family that this rule reports as well (no-sync-http: `execSync('curl ...')`),
   * the API to report it as.
   */
  adopt?: (call: BlockingCall) => BlockingApi | undefined;
  /** Blocking calls found outside the catalog's trace map (no-sync-fs: `require('./x')`). */
  moreCalls?: (context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) => readonly BlockingCall[];
}) {
  /**
   * The rule's filter and analysis options for its options and settings, made once per pair:
   * ESLint gives every file of a config the same two objects.
   */
  const prepared = new WeakMap<BlockingRuleOptions, WeakMap<EventLoopSettings, Prepared>>();
  const prepare = (options: BlockingRuleOptions, settings: EventLoopSettings): Prepared => {
    let bySettings = prepared.get(options);
    if (!bySettings) prepared.set(options, (bySettings = new WeakMap()));
    let result = bySettings.get(settings);
    if (!result) {
      result = { inScope: createCallFilter(options, settings, family), analysis: analysisOptions(options, settings) };
      bySettings.set(settings, result);
    }
    return result;
  };

  return createRule<BlockingRuleOptionsTuple, BlockingRuleMessageIds>({
    name,
    meta: {
      type: 'problem',
      docs: { description, recommended: true },
      hasSuggestions: true,
      schema: blockingRuleSchema,
      defaultOptions: [{ allow: [] }],
      messages: {
        blocking: `{{call}} ${COST} Use {{replacement}} instead{{caveat}}.`,
        blockingNoEquivalent: `{{call}} ${COST} {{advice}}`,
        blockingOnFirstRequest:
          '{{call}} blocks the event loop in this {{context}} once, on the first request that reaches it, while it initialises a shared value; that request and every other one wait until it returns. Load it at start-up, before the server listens.',
        blockingHelper:
          '`{{callee}}()` blocks the event loop in this {{context}}: it calls {{chain}}, and every other request waits until it returns. {{fix}}',
        blockingRegisteredHandler:
          '`{{handler}}()` blocks the event loop as the {{context}} registered here: it calls {{chain}}, and every other request waits until it returns. {{fix}}',
        useAwaited: 'Replace with {{replacement}}.',
        useAwaitedInAsyncHandler: 'Make this {{context}} async and replace the call with {{replacement}}.',
      },
    },
    defaultOptions: [{ allow: [] }],
    create(context, [options]) {
      const { inScope, analysis } = prepare(options, readSettings(context.settings));
      return {
        Program() {
          for (const call of getFileAnalysis(context, analysis).calls) {
            const adopted = call.api.family === family ? call : adoptedCall(call, adopt?.(call));
            if (adopted && inScope(adopted)) report(context, adopted);
          }
          for (const call of moreCalls?.(context) ?? []) {
            if (inScope(call)) report(context, call);
          }
        },
      };
    },
  });
}

interface Prepared {
  readonly inScope: (call: BlockingCall) => boolean;
  readonly analysis: AnalysisOptions;
}

function adoptedCall(call: BlockingCall, api: BlockingApi | undefined): BlockingCall | undefined {
  return api && { ...call, api, reach: { ...call.reach, api } };
}

function report(
  context: Readonly<TSESLint.RuleContext<BlockingRuleMessageIds, BlockingRuleOptionsTuple>>,
  call: BlockingCall,
): void {
  const { api } = call;
  const where = siteDescription(call);
  const replacement = api.replacement;
  if (call.reach.lazy) {
    const helper = call.registered ? call.reach.helpers[0]! : calleeName(calleeOf(call.node));
    context.report({
      node: call.registered ?? call.node,
      messageId: 'blockingOnFirstRequest',
      data: { call: call.direct ? shownCall(api, call.reach.site.tagged) : code(`${helper}()`), context: where },
    });
    return;
  }
  if (!call.direct) {
    // The callee names the first helper, unless the call is given it to run (`items.map(helper)`).
    const inner = call.callback ? call.reach.helpers : call.reach.helpers.slice(1);
    const { file, line, tagged } = call.reach.site;
    const chain = [...inner.map((helper) => `\`${helper}()\``), `${shownCall(api, tagged)} (${display(context.cwd, file)}:${line})`].join(' → ');
    if (call.registered) {
      context.report({
        node: call.registered,
        messageId: 'blockingRegisteredHandler',
        data: {
          handler: call.reach.helpers[0]!,
          context: where,
          chain,
          fix: replacement ? `Use ${describeReplacement(replacement, tagged)} there.` : (api.advice ?? ''),
        },
      });
      return;
    }
    // An async helper awaited already (`await loadReport()`), or returned from an async function,
    // needs only its own call changed.
    const awaited = isAwaitedOrReturned(call.node);
    context.report({
      node: call.node,
      messageId: 'blockingHelper',
      data: {
        callee: calleeName(calleeOf(call.node)),
        context: where,
        chain,
        fix: replacement
          ? `Use ${describeReplacement(replacement, tagged)} there${awaited ? '' : ', and await the helper here'}.`
          : (api.advice ?? ''),
      },
    });
    return;
  }
  // A tagged template runs its tag (`` execaSync`git status` ``): shown as one, and so is its replacement.
  const { tagged } = call.reach.site;
  const shown = shownCall(api, tagged);
  if (!replacement) {
    context.report({
      node: call.node,
      messageId: 'blockingNoEquivalent',
      data: { call: shown, context: where, advice: api.advice ?? '' },
    });
    return;
  }
  const suggestion = awaitedSuggestion(context.sourceCode, call);
  const data = { call: shown, context: where, replacement: describeReplacement(replacement, tagged) };
  context.report({
    node: call.node,
    messageId: 'blocking',
    data: { ...data, caveat: replacement.differs ? ` (note that ${replacement.differs})` : '' },
    suggest: suggestion
      ? [
          {
            messageId: suggestion.makesHandlerAsync ? 'useAwaitedInAsyncHandler' : 'useAwaited',
            data,
            fix: suggestion.fix,
          },
        ]
      : [],
  });
}

/**
 * Whether the value of `node` is awaited (`await loadReport()`, through type assertions and optional
 * chains) or returned from an async function (`return loadReport()`, `async () => loadReport()`),
 * which awaits it for its caller: once the helper is async, this call needs no change. Not a return
 * inside `try`, where only `return await` lets the `catch` or `finally` see the helper fail.
 */
function isAwaitedOrReturned(node: TSESTree.Node): boolean {
  const { node: value, parent } = outermost(node);
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression) return parent.body === value && parent.async;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  for (let ancestor: TSESTree.Node | undefined = parent.parent; ancestor; ancestor = ancestor.parent) {
    if (isFunctionNode(ancestor)) return ancestor.async;
    if (ancestor.type === AST_NODE_TYPES.TryStatement) return false;
  }
  return false;
}

/** How messages show the template of a tagged template call: its text is the user's, not the API's. */
const TEMPLATE = '`…`';

/** A call of `api` as messages show it: `` `fs.readFileSync()` ``, or `` `` execa.execaSync`…` `` `` for a tag. */
function shownCall(api: BlockingApi, tagged: boolean): string {
  return code(`${api.shownAs ?? apiName(api)}${tagged ? TEMPLATE : '()'}`);
}

/** Code in a message, as Markdown writes it: `` execaSync`…` `` needs two backticks around it. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/**
 * How messages show a replacement, built from its catalog entry:
 * "`await readFile()` from `node:fs/promises`",
 * "`(await promisify(exec)()).stdout` from `node:child_process` and `node:util`",
 * and for a tagged template "`` await execa`…` `` from `execa`".
 */
function describeReplacement({ module, name, promisified, resultProperty }: AwaitedReplacement, tagged = false): string {
  const awaited = `await ${promisified ? `promisify(${name})` : name}${tagged ? TEMPLATE : '()'}`;
  const expression = resultProperty ? `(${awaited}).${resultProperty}` : awaited;
  return `${code(expression)} from \`${module}\`${promisified ? ' and `node:util`' : ''}`;
}

/** A path as messages show it: relative to the lint's working directory, with `/` separators. */
function display(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}
