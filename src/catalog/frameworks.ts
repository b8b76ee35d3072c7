/**
 * How each framework declares request-serving code, as data. The context layer
 * (src/context/handlers.ts) reads these tables; adding a framework of the same shape is a new entry here.
 */

/** What a registered function is to its framework; shown in messages ("Express middleware"). */
export type HandlerRole = 'route handler' | 'middleware' | 'hook' | 'listener' | 'request listener';

export interface InstanceFactory {
  /** Export path below the module (`[]` is the module itself: `express()`). */
  readonly path: readonly string[];
  /** `new Koa()` rather than `express()`. */
  readonly construct?: boolean;
  /** The factory's own function arguments are handlers (`http.createServer((req, res) => ...)`). */
  readonly takesHandler?: HandlerRole;
}

export interface FrameworkSpec {
  readonly label: string;
  /** Module specifiers whose import marks a file as this framework's. */
  readonly modules: readonly string[];
  /** Calls that create an app, router or server. */
  readonly factories: readonly InstanceFactory[];
  /** Methods of a created instance whose function arguments are handlers. */
  readonly methods: Readonly<Record<string, HandlerRole>>;
  /** For methods whose first argument names an event or hook: the names that mean "per request". */
  readonly requestEvents?: Readonly<Record<string, readonly string[]>>;
}

/** Lower-case HTTP verbs routers expose as methods. */
export const ROUTE_VERBS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all'] as const;

const routes = (verbs: readonly string[] = ROUTE_VERBS): Record<string, HandlerRole> =>
  Object.fromEntries(verbs.map((verb) => [verb, 'route handler' as const]));

/**
 * Fastify hooks that run for every request (application hooks such as onReady or onClose run once
 * and are left out on purpose).
 */
export const FASTIFY_REQUEST_HOOKS = [
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
  'onRequestAbort',
] as const;

export const frameworks: readonly FrameworkSpec[] = [
  {
    label: 'Express',
    modules: ['express'],
    factories: [{ path: [] }, { path: ['Router'] }],
    methods: { ...routes(), use: 'middleware' },
  },
  {
    label: 'Fastify',
    modules: ['fastify'],
    factories: [{ path: [] }, { path: ['fastify'] }, { path: ['default'] }],
    // Event-named roles read "<label> <event> <role>": "Fastify onRequest hook".
    methods: { ...routes(), route: 'route handler', addHook: 'hook' },
    requestEvents: { addHook: FASTIFY_REQUEST_HOOKS },
  },
  {
    label: 'Koa',
    modules: ['koa'],
    factories: [{ path: [], construct: true }, { path: ['default'], construct: true }],
    methods: { use: 'middleware' },
  },
  {
    label: 'Koa router',
    modules: ['@koa/router', 'koa-router'],
    factories: [{ path: [], construct: true }, { path: ['default'], construct: true }],
    methods: { ...routes([...ROUTE_VERBS, 'del']), use: 'middleware' },
  },
  {
    label: 'Hono',
    modules: ['hono'],
    factories: [{ path: ['Hono'], construct: true }],
    methods: { ...routes(), on: 'route handler', use: 'middleware' },
  },
  {
    label: 'Connect',
    modules: ['connect'],
    factories: [{ path: [] }],
    methods: { use: 'middleware' },
  },
  {
    label: 'node:http',
    modules: ['http', 'https', 'http2'],
    factories: [
      { path: ['createServer'], takesHandler: 'request listener' },
      { path: ['createSecureServer'], takesHandler: 'request listener' },
      { path: ['Server'], construct: true, takesHandler: 'request listener' },
    ],
    methods: { on: 'listener', addListener: 'listener', once: 'listener' },
    requestEvents: { on: ['request'], addListener: ['request'], once: ['request'] },
  },
];

/** NestJS: methods of `@Controller()` classes carrying one of these decorators serve requests. */
export const NEST_CONTROLLER_DECORATOR = 'Controller';
export const NEST_ROUTE_DECORATORS = [
  'Get',
  'Post',
  'Put',
  'Delete',
  'Patch',
  'Options',
  'Head',
  'All',
  'Search',
  'Sse',
] as const;

/** Next.js App Router: `app/**\/route.{js,ts,...}` files export one function per HTTP method. */
export const NEXT_ROUTE_FILE = /(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$/;
export const NEXT_ROUTE_EXPORTS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
