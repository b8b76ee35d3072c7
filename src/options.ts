import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint } from '@typescript-eslint/utils';
import type { AnalysisOptions, BlockingCall, FollowCalls, RequestSite } from './analysis/file-analysis.js';
import {
  apiName,
  bareModuleName,
  BLOCKING_FAMILIES,
  blockingApis,
  type AwaitedReplacement,
  type BlockingApi,
  type BlockingFamily,
} from './catalog/index.js';
import { FRAMEWORK_IDS, type FrameworkId } from './catalog/frameworks.js';

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
  reportLazyInit?: boolean;
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
      reportLazyInit: {
        description:
          'Also report one-time initialisation of a shared value (`cache ??= readFileSync(p)`, `if (!cache) cache = ...`), which blocks only the first request. Off by default.',
        type: 'boolean',
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

export interface HandlerFileSetting {
  readonly glob: string;
  /** Export names (`default` for the default export). */
  readonly exports: readonly string[];
}

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
  readonly scope?: Scope;
  readonly handlers?: HandlerSettings;
  /** Framework detectors to turn off (`{ nextjs: false }`); all are on by default. */
  readonly frameworks?: Readonly<Partial<Record<FrameworkId, boolean>>>;
  readonly followCalls?: FollowCalls;
  readonly maxDepth?: number;
  /** The built-in catalog followed by the user's `blockingApis` (a later entry wins for the same API). */
  readonly catalog: readonly BlockingApi[];
}

const DEFAULT_SETTINGS: EventLoopSettings = { catalog: blockingApis };
const SETTINGS = "settings['event-loop']";
const CALL_PATH = /^(?:\*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)+|[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*)$/u;
const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Parsed once per settings object: ESLint passes the same object for every file of a config. */
const parsed = new WeakMap<object, EventLoopSettings>();

export function readSettings(settings: TSESLint.SharedConfigurationSettings): EventLoopSettings {
  const raw = settings['event-loop'];
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (!isRecord(raw)) {
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
  const { scope, followCalls, maxDepth, blockingApis: userApis, handlers, frameworks } = raw;
  oneOf('scope', scope, SCOPES);
  oneOf('followCalls', followCalls, FOLLOW_CALLS);
  if (maxDepth !== undefined && !(Number.isInteger(maxDepth) && (maxDepth as number) >= 1 && (maxDepth as number) <= MAX_MAX_DEPTH)) {
    throw new TypeError(`${SETTINGS}.maxDepth must be an integer from 1 to ${MAX_MAX_DEPTH}, got ${JSON.stringify(maxDepth)}.`);
  }
  if (userApis !== undefined && !Array.isArray(userApis)) {
    throw new TypeError(`${SETTINGS}.blockingApis must be an array, got ${JSON.stringify(userApis)}.`);
  }
  return {
    scope: scope as Scope | undefined,
    followCalls: followCalls as FollowCalls | undefined,
    maxDepth: maxDepth as number | undefined,
    catalog: userApis?.length ? [...blockingApis, ...userApis.map((entry, index) => userApi(entry, index))] : blockingApis,
    ...(handlers === undefined ? {} : { handlers: parseHandlers(handlers) }),
    ...(frameworks === undefined ? {} : { frameworks: parseFrameworks(frameworks) }),
  };
}

function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new TypeError(`${SETTINGS}.${name} must be one of ${quoteAll(allowed)}, got ${JSON.stringify(value)}.`);
  }
}

/**
 * One entry of `settings['event-loop'].blockingApis`:
 * `{ module, path, family, message }` for an API with no awaited form, or
 * `{ module, path, family, replacement: { module, name, promisified? } }` for one with an awaited form.
 */
function userApi(entry: unknown, index: number): BlockingApi {
  const where = `${SETTINGS}.blockingApis[${index}]`;
  if (!isRecord(entry)) throw new TypeError(`${where} must be an object, got ${JSON.stringify(entry)}.`);
  rejectUnknownKeys(entry, ['module', 'path', 'family', 'message', 'replacement'], where);
  const module = nonEmptyString(entry.module, `${where}.module`);
  const path = nonEmptyString(entry.path, `${where}.path`).split('.');
  if (path.some((key) => key === '')) {
    throw new TypeError(`${where}.path must be export names joined by dots ("hashSync", "ZipFile.openSync"), got ${JSON.stringify(entry.path)}.`);
  }
  const { family, message, replacement } = entry;
  if (!BLOCKING_FAMILIES.includes(family as BlockingFamily)) {
    throw new TypeError(`${where}.family must be one of ${quoteAll(BLOCKING_FAMILIES)}, got ${JSON.stringify(family)}.`);
  }
  if ((message === undefined) === (replacement === undefined)) {
    throw new TypeError(
      `${where} needs exactly one of "message" (what to do instead) and "replacement" (the awaited form a suggestion switches to).`,
    );
  }
  const api = { family: family as BlockingFamily, modules: [bareModuleName(module)], path };
  return message === undefined
    ? { ...api, replacement: userReplacement(replacement, `${where}.replacement`) }
    : { ...api, advice: nonEmptyString(message, `${where}.message`) };
}

function userReplacement(raw: unknown, where: string): AwaitedReplacement {
  if (!isRecord(raw)) throw new TypeError(`${where} must be an object, got ${JSON.stringify(raw)}.`);
  rejectUnknownKeys(raw, ['module', 'name', 'promisified'], where);
  if (raw.promisified !== undefined && typeof raw.promisified !== 'boolean') {
    throw new TypeError(`${where}.promisified must be true or false, got ${JSON.stringify(raw.promisified)}.`);
  }
  return {
    module: nonEmptyString(raw.module, `${where}.module`),
    name: nonEmptyString(raw.name, `${where}.name`),
    ...(raw.promisified === true && { promisified: true }),
  };
}

function parseHandlers(raw: unknown): HandlerSettings {
  const where = `${SETTINGS}.handlers`;
  if (!isRecord(raw)) {
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
  if (!isRecord(raw)) throw new TypeError(`${where} must be an object such as ${example}, got ${JSON.stringify(raw)}.`);
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
  if (!isRecord(raw)) {
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

/** The analysis a rule asks for: its options, then the shared settings, then the defaults. */
export function analysisOptions(options: BlockingRuleOptions, settings: EventLoopSettings): AnalysisOptions {
  const followCalls = options.followCalls ?? settings.followCalls ?? 'cross-module';
  const maxDepth = options.maxDepth ?? settings.maxDepth ?? DEFAULT_MAX_DEPTH;
  const checksAsyncFunctions = scopeOf(options, settings) === 'async-functions';
  return { followCalls, maxDepth, checksAsyncFunctions, key: `${followCalls}:${maxDepth}:${checksAsyncFunctions}` };
}

/** Which code a rule checks: its option, then the setting, then `handlers`. */
function scopeOf(options: ScopeOptions, settings: EventLoopSettings): Scope {
  return options.scope ?? settings.scope ?? 'handlers';
}

/** Whether code at a site is inside the code the rule checks (scopeOf). */
export function createScopeFilter(options: ScopeOptions, settings: EventLoopSettings): (site: RequestSite) => boolean {
  const scope = scopeOf(options, settings);
  return (site) => {
    switch (scope) {
      case 'handlers':
        return site.handler !== undefined;
      case 'async-handlers':
        return site.handler?.node?.async === true;
      case 'async-functions':
        return site.handler !== undefined || site.inAsyncFunction;
    }
  };
}

/** Whether a call is inside the code the rule checks, and is not allowed by the user. */
export function createCallFilter(
  options: BlockingRuleOptions,
  settings: EventLoopSettings,
  family: BlockingFamily,
): (call: BlockingCall) => boolean {
  const inScope = createScopeFilter(options, settings);
  const allowed = new Set(options.allow);
  if (allowed.size > 0) checkAllowList(allowed, settings.catalog, family);
  return (call) =>
    (!call.reach.lazy || options.reportLazyInit === true) &&
    !allowed.has(apiName(call.api)) &&
    !allowed.has(call.api.path.join('.')) &&
    inScope(call);
}

/** An allow-list entry that names nothing this rule reports is a typo or belongs to another rule. */
function checkAllowList(allowed: ReadonlySet<string>, catalog: readonly BlockingApi[], family: BlockingFamily): void {
  const apis = catalog.filter((api) => api.family === family);
  const names = new Set(apis.flatMap((api) => [apiName(api), api.path.join('.')]));
  for (const name of allowed) {
    if (names.has(name)) continue;
    const example = apis[0];
    throw new TypeError(
      `"allow" entry ${JSON.stringify(name)} names no ${family} API in the catalog${
        example ? `; write a full name such as "${apiName(example)}" or an export name such as "${example.path.join('.')}"` : ''
      }.`,
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where} must be a non-empty string, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function rejectUnknownKeys(value: Record<string, unknown>, known: readonly string[], where: string): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new TypeError(`${where} has unknown property ${JSON.stringify(unknown)}; expected ${quoteAll(known)}.`);
  }
}

const quoteAll = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');
