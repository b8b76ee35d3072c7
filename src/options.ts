import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint } from '@typescript-eslint/utils';
import type { BlockingCall, RequestSite } from './analysis/file-analysis.js';
import { apiName } from './catalog/index.js';

/**
 * Which code a rule checks. Every handler blocks the loop in Node, sync or async, so `handlers` is
 * the default; `async-handlers` is FastAPI's literal rule; `async-functions` widens the net to every
 * async function (what Deno's `no-sync-fn-in-async-fn` does).
 */
export const SCOPES = ['handlers', 'async-handlers', 'async-functions'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ScopeOptions {
  scope?: Scope;
}

export interface BlockingRuleOptions extends ScopeOptions {
  allow?: string[];
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
    },
  },
];

/** `settings['event-loop']`: defaults shared by every rule of the plugin. */
export interface EventLoopSettings {
  scope?: Scope;
}

export function readSettings(settings: TSESLint.SharedConfigurationSettings): EventLoopSettings {
  const raw = settings['event-loop'];
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(`settings['event-loop'] must be an object, got ${JSON.stringify(raw)}.`);
  }
  const { scope } = raw as Record<string, unknown>;
  if (scope !== undefined && !SCOPES.includes(scope as Scope)) {
    throw new TypeError(
      `settings['event-loop'].scope must be one of ${SCOPES.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(scope)}.`,
    );
  }
  return { scope: scope as Scope | undefined };
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
