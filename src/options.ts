import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint } from '@typescript-eslint/utils';
import type { BlockingCall } from './analysis/file-analysis.js';
import { apiName } from './catalog/index.js';

/**
 * Which code a rule checks. Every handler blocks the loop in Node, sync or async, so `handlers` is
 * the default; `async-handlers` is FastAPI's literal rule; `async-functions` widens the net to every
 * async function (what Deno's `no-sync-fn-in-async-fn` does).
 */
export const SCOPES = ['handlers', 'async-handlers', 'async-functions'] as const;
export type Scope = (typeof SCOPES)[number];

export interface BlockingRuleOptions {
  scope?: Scope;
  allow?: string[];
}

export const blockingRuleSchema: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      scope: {
        description:
          'Which code to check: every request handler (`handlers`, the default), only async handlers (`async-handlers`), or handlers plus every async function (`async-functions`). Defaults to `settings["event-loop"].scope`, then `handlers`.',
        type: 'string',
        enum: [...SCOPES],
      },
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

/** Whether a call is inside the code the rule checks, and is not allowed by the user. */
export function createCallFilter(
  options: BlockingRuleOptions,
  settings: EventLoopSettings,
): (call: BlockingCall) => boolean {
  const scope = options.scope ?? settings.scope ?? 'handlers';
  const allowed = new Set(options.allow);
  return (call) => {
    if (allowed.has(apiName(call.api)) || allowed.has(call.api.path.join('.'))) return false;
    switch (scope) {
      case 'handlers':
        return call.handler !== undefined;
      case 'async-handlers':
        return call.handler?.node.async === true;
      case 'async-functions':
        return call.handler !== undefined || call.inAsyncFunction;
    }
  };
}
