import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint } from '@typescript-eslint/utils';
import type { BlockingCall } from './analysis/file-analysis.js';
import { apiName } from './catalog/index.js';
import { FRAMEWORK_IDS, type FrameworkId } from './catalog/frameworks.js';

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

/** A user's file convention: files matching `glob` (relative to ESLint's cwd) export handlers by name. */
export interface HandlerFileSetting {
  readonly glob: string;
  /** Export names (`default` for the default export). */
  readonly exports: readonly string[];
}

/** `settings['event-loop'].handlers`: handler shapes the user's own code declares. */
export interface HandlerSettings {
  /**
   * Callees whose function arguments are handlers, as written: `defineHandler`, `router.route`, or
   * `*.route` for any receiver.
   */
  readonly calls: readonly string[];
  /** Method decorators that make a method a handler (`Endpoint` for `@Endpoint()`). */
  readonly decorators: readonly string[];
  readonly files: readonly HandlerFileSetting[];
}

/** `settings['event-loop']`: defaults shared by every rule of the plugin. */
export interface EventLoopSettings {
  scope?: Scope;
  handlers?: HandlerSettings;
  /** Framework detectors to turn off (`{ nextjs: false }`); all are on by default. */
  frameworks?: Readonly<Partial<Record<FrameworkId, boolean>>>;
}

const SETTINGS = "settings['event-loop']";
const CALL_PATH = /^(?:\*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)+|[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*)$/u;
const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const parsed = new WeakMap<object, EventLoopSettings>();

/**
 * Reads and validates `settings['event-loop']`, once per settings object (ESLint hands every file
 * of a config the same one). Throws a TypeError naming the bad entry and what was expected.
 */
export function readSettings(settings: TSESLint.SharedConfigurationSettings): EventLoopSettings {
  const raw = settings['event-loop'];
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) {
    throw new TypeError(`${SETTINGS} must be an object, got ${JSON.stringify(raw)}.`);
  }
  let result = parsed.get(raw);
  if (!result) {
    result = parseSettings(raw);
    parsed.set(raw, result);
  }
  return result;
}

function parseSettings(raw: Record<string, unknown>): EventLoopSettings {
  const { scope, handlers, frameworks } = raw;
  if (scope !== undefined && !SCOPES.includes(scope as Scope)) {
    throw new TypeError(
      `${SETTINGS}.scope must be one of ${SCOPES.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(scope)}.`,
    );
  }
  return {
    scope: scope as Scope | undefined,
    ...(handlers === undefined ? {} : { handlers: parseHandlers(handlers) }),
    ...(frameworks === undefined ? {} : { frameworks: parseFrameworks(frameworks) }),
  };
}

function parseHandlers(raw: unknown): HandlerSettings {
  const where = `${SETTINGS}.handlers`;
  if (!isPlainObject(raw)) {
    throw new TypeError(`${where} must be an object with "calls", "decorators" and/or "files", got ${JSON.stringify(raw)}.`);
  }
  const { calls = [], decorators = [], files = [], ...unknown } = raw;
  const [extra] = Object.keys(unknown);
  if (extra !== undefined) {
    throw new TypeError(`${where} has an unknown key ${JSON.stringify(extra)}; expected "calls", "decorators" or "files".`);
  }
  return {
    calls: stringList(calls, `${where}.calls`, CALL_PATH, 'a callee path such as "defineHandler", "router.route" or "*.route"'),
    decorators: stringList(decorators, `${where}.decorators`, IDENTIFIER, 'a decorator name such as "Endpoint"'),
    files: list(files, `${where}.files`).map((entry, index) => parseFileSetting(entry, `${where}.files[${index}]`)),
  };
}

function parseFileSetting(raw: unknown, where: string): HandlerFileSetting {
  const example = '{ glob: "src/api/**/*.ts", exports: ["default", "handler"] }';
  if (!isPlainObject(raw)) throw new TypeError(`${where} must be an object such as ${example}, got ${JSON.stringify(raw)}.`);
  const { glob, exports, ...unknown } = raw;
  const [extra] = Object.keys(unknown);
  if (extra !== undefined) {
    throw new TypeError(`${where} has an unknown key ${JSON.stringify(extra)}; expected "glob" and "exports".`);
  }
  if (typeof glob !== 'string' || glob === '') {
    throw new TypeError(`${where}.glob must be a non-empty glob string such as "src/api/**/*.ts", got ${JSON.stringify(glob)}.`);
  }
  const names = stringList(exports ?? [], `${where}.exports`, IDENTIFIER, 'an export name such as "default" or "handler"');
  if (names.length === 0) {
    throw new TypeError(`${where}.exports must name at least one export, such as ["default"].`);
  }
  return { glob, exports: names };
}

function parseFrameworks(raw: unknown): Partial<Record<FrameworkId, boolean>> {
  const where = `${SETTINGS}.frameworks`;
  const known = FRAMEWORK_IDS.map((id) => `"${id}"`).join(', ');
  if (!isPlainObject(raw)) {
    throw new TypeError(`${where} must be an object such as { nextjs: false }, got ${JSON.stringify(raw)}.`);
  }
  for (const [id, value] of Object.entries(raw)) {
    if (!(FRAMEWORK_IDS as readonly string[]).includes(id)) {
      throw new TypeError(`${where} has an unknown framework ${JSON.stringify(id)}; known frameworks: ${known}.`);
    }
    if (typeof value !== 'boolean') {
      throw new TypeError(`${where}.${id} must be true or false, got ${JSON.stringify(value)}.`);
    }
  }
  return raw as Partial<Record<FrameworkId, boolean>>;
}

function list(raw: unknown, where: string): unknown[] {
  if (!Array.isArray(raw)) throw new TypeError(`${where} must be an array, got ${JSON.stringify(raw)}.`);
  return raw;
}

function stringList(raw: unknown, where: string, pattern: RegExp, expected: string): string[] {
  return list(raw, where).map((entry, index) => {
    if (typeof entry !== 'string' || !pattern.test(entry)) {
      throw new TypeError(`${where}[${index}] must be ${expected}, got ${JSON.stringify(entry)}.`);
    }
    return entry;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
