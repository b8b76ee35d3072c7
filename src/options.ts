import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint } from '@typescript-eslint/utils';
import type { AnalysisOptions, BlockingCall, FollowCalls, RequestSite } from './analysis/file-analysis.js';
import { apiName } from './catalog/index.js';

/**
 * Which code a rule checks. Every handler blocks the loop in Node, sync or async, so `handlers` is
 * the default; `async-handlers` is FastAPI's literal rule; `async-functions` widens the net to every
 * async function (what Deno's `no-sync-fn-in-async-fn` does).
 */
export const SCOPES = ['handlers', 'async-handlers', 'async-functions'] as const;
export type Scope = (typeof SCOPES)[number];

export const FOLLOW_CALLS = ['off', 'same-file', 'cross-module'] as const satisfies readonly FollowCalls[];
const DEFAULT_MAX_DEPTH = 5;
const MAX_MAX_DEPTH = 20;

export interface ScopeOptions {
  scope?: Scope;
}

export interface BlockingRuleOptions extends ScopeOptions {
  allow?: string[];
  followCalls?: FollowCalls;
  maxDepth?: number;
}

/** The `scope` property every rule's options object has. */
export const scopeSchemaProperty: JSONSchema4 = {
  description:
    'Which code to check: every request handler (`handlers`, the default), only async handlers (`async-handlers`), or handlers plus every async function (`async-functions`). Defaults to `settings["event-loop"].scope`, then `handlers`.',
  type: 'string',
  enum: [...SCOPES],
};

export const blockingRuleSchema: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      scope: scopeSchemaProperty,
      allow: {
        description:
          'APIs to leave alone, by full name (`fs.existsSync`) or export name (`existsSync`).',
        type: 'array',
        items: { type: 'string', minLength: 1 },
        uniqueItems: true,
      },
      followCalls: {
        description:
          'Follow calls into helpers that block: `off` (only calls written in the handler), `same-file`, or `cross-module` (the default: helpers imported from local modules too). Defaults to `settings["event-loop"].followCalls`.',
        type: 'string',
        enum: [...FOLLOW_CALLS],
      },
      maxDepth: {
        description: `The most helpers a reported chain may pass through. Defaults to \`settings["event-loop"].maxDepth\`, then ${DEFAULT_MAX_DEPTH}.`,
        type: 'integer',
        minimum: 1,
        maximum: MAX_MAX_DEPTH,
      },
    },
  },
];

/** `settings['event-loop']`: defaults shared by every rule of the plugin. */
export interface EventLoopSettings {
  scope?: Scope;
  followCalls?: FollowCalls;
  maxDepth?: number;
}

export function readSettings(settings: TSESLint.SharedConfigurationSettings): EventLoopSettings {
  const raw = settings['event-loop'];
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(`settings['event-loop'] must be an object, got ${JSON.stringify(raw)}.`);
  }
  const { scope, followCalls, maxDepth } = raw as Record<string, unknown>;
  const oneOf = (name: string, value: unknown, allowed: readonly string[]): void => {
    if (value !== undefined && !allowed.includes(value as string)) {
      throw new TypeError(
        `settings['event-loop'].${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}.`,
      );
    }
  };
  oneOf('scope', scope, SCOPES);
  oneOf('followCalls', followCalls, FOLLOW_CALLS);
  if (maxDepth !== undefined && !(Number.isInteger(maxDepth) && (maxDepth as number) >= 1 && (maxDepth as number) <= MAX_MAX_DEPTH)) {
    throw new TypeError(
      `settings['event-loop'].maxDepth must be an integer from 1 to ${MAX_MAX_DEPTH}, got ${JSON.stringify(maxDepth)}.`,
    );
  }
  return {
    scope: scope as Scope | undefined,
    followCalls: followCalls as FollowCalls | undefined,
    maxDepth: maxDepth as number | undefined,
  };
}

/** The analysis a rule asks for: its options, then the shared settings, then the defaults. */
export function analysisOptions(options: BlockingRuleOptions, settings: EventLoopSettings): AnalysisOptions {
  return {
    followCalls: options.followCalls ?? settings.followCalls ?? 'cross-module',
    maxDepth: options.maxDepth ?? settings.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
}

/** Whether code at a site is inside the code the rule checks: the option, then the setting, then `handlers`. */
export function createScopeFilter(options: ScopeOptions, settings: EventLoopSettings): (site: RequestSite) => boolean {
  const scope = options.scope ?? settings.scope ?? 'handlers';
  return (site) => {
    switch (scope) {
      case 'handlers':
        return site.handler !== undefined;
      case 'async-handlers':
        return site.handler?.node.async === true;
      case 'async-functions':
        return site.handler !== undefined || site.inAsyncFunction;
    }
  };
}

/** Whether a call is inside the code the rule checks, and is not allowed by the user. */
export function createCallFilter(
  options: BlockingRuleOptions,
  settings: EventLoopSettings,
): (call: BlockingCall) => boolean {
  const inScope = createScopeFilter(options, settings);
  const allowed = new Set(options.allow);
  return (call) => !allowed.has(apiName(call.api)) && !allowed.has(call.api.path.join('.')) && inScope(call);
}
