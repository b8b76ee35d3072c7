/**
 * Frameworks recognised by their imports (or globals): the calls that create an app, router or
 * server, and the methods of those instances that register request handlers. Shapes are taken from
 * each framework's own documentation.
 */
import type { CallSpec, InstanceKind, OptionsSpec, ServerFramework } from './types.js';

/** Lower-case HTTP verbs routers expose as methods. */
export const ROUTE_VERBS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all'] as const;

/** Upper-case HTTP methods, as file-based routers name their exports. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

const each = <T>(names: readonly string[], value: T): Record<string, T> =>
  Object.fromEntries(names.map((name) => [name, value]));

/** `{ onRequest: 'onRequest hook', ... }` */
const hooks = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((name) => [name, `${name} hook`]));

const routes = (verbs: readonly string[] = ROUTE_VERBS, extra: CallSpec = {}): Record<string, CallSpec> =>
  each(verbs, { role: 'route handler', ...extra });

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

/** Route options of `fastify.route({ ... })` and the shorthand `fastify.get(path, options, fn)`. */
const FASTIFY_ROUTE_OPTIONS: OptionsSpec = {
  handler: 'route handler',
  errorHandler: 'error handler',
  ...hooks(FASTIFY_REQUEST_HOOKS),
};

/** Elysia's lifecycle: `.onBeforeHandle(fn)` on the instance, `{ beforeHandle: fn }` on a route. */
const ELYSIA_HOOKS = ['Request', 'Parse', 'Transform', 'BeforeHandle', 'AfterHandle', 'AfterResponse', 'Error'] as const;
const ELYSIA_ROUTE_OPTIONS: OptionsSpec = {
  ...Object.fromEntries(
    ELYSIA_HOOKS.filter((hook) => hook !== 'Request').map((hook) => {
      const key = hook[0]!.toLowerCase() + hook.slice(1);
      return [key, `${key} hook`];
    }),
  ),
  mapResponse: 'mapResponse hook',
};
const ELYSIA_WEBSOCKET: OptionsSpec = {
  message: 'WebSocket message handler',
  open: 'WebSocket open handler',
  close: 'WebSocket close handler',
  drain: 'WebSocket drain handler',
  ...ELYSIA_ROUTE_OPTIONS,
};

/** Node's HTTP servers: events that fire per request (or per HTTP/2 stream). */
const HTTP_REQUEST_EVENTS = { request: 'request listener', checkContinue: 'checkContinue listener', upgrade: 'upgrade listener' };
const HTTP2_REQUEST_EVENTS = { ...HTTP_REQUEST_EVENTS, stream: 'stream listener' };
const listen = (events: Record<string, string>): Record<string, CallSpec> =>
  each(['on', 'once', 'addListener', 'prependListener'], { events });

/** h3 event handler options (`defineEventHandler({ onRequest: [], handler })`). */
const H3_HANDLER_OPTIONS: OptionsSpec = {
  handler: 'event handler',
  onRequest: 'onRequest hook',
  onBeforeResponse: 'onBeforeResponse hook',
};
const WEBSOCKET_HOOKS: OptionsSpec = {
  message: 'WebSocket message handler',
  open: 'WebSocket open handler',
  close: 'WebSocket close handler',
  error: 'WebSocket error handler',
  upgrade: 'WebSocket upgrade hook',
};

/** Every kind of instance, by id. Ids are global so kinds can refer to each other. */
export const instanceKinds: Readonly<Record<string, InstanceKind>> = {
  'express.app': {
    framework: 'express',
    label: 'Express',
    methods: {
      ...routes(),
      use: { role: 'middleware' },
      param: { role: 'param callback' },
      route: { returns: 'express.route' },
    },
  },
  'express.route': { framework: 'express', label: 'Express', methods: routes() },
  fastify: {
    framework: 'fastify',
    label: 'Fastify',
    methods: {
      ...routes([...ROUTE_VERBS], { options: FASTIFY_ROUTE_OPTIONS }),
      route: { options: FASTIFY_ROUTE_OPTIONS },
      addHook: { events: hooks(FASTIFY_REQUEST_HOOKS) },
      setErrorHandler: { role: 'error handler' },
      setNotFoundHandler: { role: 'not-found handler' },
      addContentTypeParser: { role: 'content-type parser' },
      register: { callbackReceives: 'fastify' },
      after: { returns: 'fastify' },
    },
  },
  koa: { framework: 'koa', label: 'Koa', methods: { use: { role: 'middleware' } } },
  'koa.router': {
    framework: 'koa',
    label: 'Koa router',
    methods: { ...routes([...ROUTE_VERBS, 'del']), use: { role: 'middleware' }, param: { role: 'param middleware' } },
  },
  hono: {
    framework: 'hono',
    label: 'Hono',
    methods: {
      ...routes(),
      on: { role: 'route handler' },
      use: { role: 'middleware' },
      onError: { role: 'error handler' },
      notFound: { role: 'not-found handler' },
      route: {},
      basePath: {},
    },
  },
  'hono.factory': {
    framework: 'hono',
    label: 'Hono',
    methods: {
      createHandlers: { role: 'route handler', returns: null },
      createMiddleware: { role: 'middleware', returns: null },
      createApp: { returns: 'hono' },
    },
  },
  elysia: {
    framework: 'elysia',
    label: 'Elysia',
    methods: {
      ...routes(ROUTE_VERBS, { options: ELYSIA_ROUTE_OPTIONS }),
      route: { role: 'route handler', options: ELYSIA_ROUTE_OPTIONS },
      ws: { options: ELYSIA_WEBSOCKET },
      ...Object.fromEntries(ELYSIA_HOOKS.map((hook) => [`on${hook}`, { role: `on${hook} hook` }])),
      mapResponse: { role: 'mapResponse hook' },
      derive: { role: 'derive hook' },
      resolve: { role: 'resolve hook' },
      group: { callbackReceives: 'elysia', options: ELYSIA_ROUTE_OPTIONS },
      guard: { callbackReceives: 'elysia', options: ELYSIA_ROUTE_OPTIONS },
      // Elysia's `use` takes plugins (instances or `(app) => app.get(...)`), not middleware.
      use: { callbackReceives: 'elysia' },
    },
  },
  connect: { framework: 'connect', label: 'Connect', methods: { use: { role: 'middleware' } } },
  'node:http': { framework: 'http', label: 'node:http', methods: listen(HTTP_REQUEST_EVENTS) },
  'node:http2': { framework: 'http', label: 'node:http2', methods: listen(HTTP2_REQUEST_EVENTS) },
  'socket.io.server': {
    framework: 'socketio',
    label: 'Socket.IO',
    methods: {
      ...each(['on', 'once'], {
        events: { connection: 'connection listener', connect: 'connection listener' },
        callbackReceives: 'socket.io.socket',
      }),
      use: { role: 'middleware' },
      of: { returns: 'socket.io.server' },
    },
  },
  'socket.io.socket': {
    framework: 'socketio',
    label: 'Socket.IO',
    methods: {
      ...each(['on', 'once'], { events: { '*': 'event handler' } }),
      onAny: { role: 'event handler' },
      use: { role: 'middleware' },
    },
  },
  'ws.server': {
    framework: 'ws',
    label: 'ws',
    methods: each(['on', 'once', 'addListener'], {
      events: { connection: 'connection listener' },
      callbackReceives: 'ws.socket',
    }),
  },
  'ws.socket': {
    framework: 'ws',
    label: 'ws',
    methods: {
      ...each(['on', 'once', 'addListener'], {
        events: { '*': 'message listener', close: 'close listener', error: 'error listener' },
      }),
      addEventListener: { events: { '*': 'message listener' } },
    },
  },
};

/**
 * Entry points below the module. A default import is the module itself (`import express from
 * 'express'` calls path `[]`), so no path starts with `default`.
 */
export const serverFrameworks: readonly ServerFramework[] = [
  {
    id: 'express',
    label: 'Express',
    modules: ['express'],
    entryPoints: [
      { path: [], creates: 'express.app' },
      { path: ['Router'], creates: 'express.app' },
    ],
    instanceTypes: {
      Router: 'express.app',
      IRouter: 'express.app',
      Express: 'express.app',
      Application: 'express.app',
    },
  },
  {
    id: 'fastify',
    label: 'Fastify',
    modules: ['fastify'],
    entryPoints: [
      { path: [], creates: 'fastify' },
      { path: ['fastify'], creates: 'fastify' },
    ],
    instanceTypes: { FastifyInstance: 'fastify' },
    pluginTypes: { FastifyPluginAsync: 'fastify', FastifyPluginCallback: 'fastify', FastifyPluginAsyncTypebox: 'fastify' },
  },
  {
    id: 'fastify',
    label: 'Fastify',
    // `fp(plugin)`: the plugin still runs once, at registration; its instance parameter is Fastify's.
    modules: ['fastify-plugin'],
    entryPoints: [{ path: [], callbackReceives: 'fastify', returns: null }],
  },
  {
    id: 'koa',
    label: 'Koa',
    modules: ['koa'],
    entryPoints: [{ path: [], creates: 'koa' }],
    instanceTypes: { default: 'koa' },
  },
  {
    id: 'koa',
    label: 'Koa router',
    modules: ['@koa/router', 'koa-router'],
    entryPoints: [
      { path: [], creates: 'koa.router' },
      { path: ['Router'], creates: 'koa.router' },
    ],
    instanceTypes: { default: 'koa.router', Router: 'koa.router' },
  },
  {
    id: 'hono',
    label: 'Hono',
    modules: ['hono', 'hono/tiny', 'hono/quick'],
    entryPoints: [{ path: ['Hono'], creates: 'hono' }],
    instanceTypes: { Hono: 'hono' },
  },
  {
    id: 'hono',
    label: 'Hono',
    modules: ['hono/factory'],
    entryPoints: [
      { path: ['createMiddleware'], role: 'middleware', returns: null },
      { path: ['createFactory'], creates: 'hono.factory' },
      { path: ['Factory'], creates: 'hono.factory' },
    ],
  },
  {
    id: 'elysia',
    label: 'Elysia',
    modules: ['elysia'],
    entryPoints: [{ path: ['Elysia'], creates: 'elysia' }],
    instanceTypes: { Elysia: 'elysia' },
  },
  {
    id: 'connect',
    label: 'Connect',
    modules: ['connect'],
    entryPoints: [{ path: [], creates: 'connect' }],
  },
  {
    id: 'http',
    label: 'node:http',
    modules: ['http', 'https'],
    entryPoints: [
      { path: ['createServer'], role: 'request listener', creates: 'node:http' },
      { path: ['Server'], role: 'request listener', creates: 'node:http' },
    ],
    instanceTypes: { Server: 'node:http' },
  },
  {
    id: 'http',
    label: 'node:http2',
    modules: ['http2'],
    entryPoints: [
      { path: ['createServer'], role: 'request listener', creates: 'node:http2' },
      { path: ['createSecureServer'], role: 'request listener', creates: 'node:http2' },
    ],
    instanceTypes: { Http2Server: 'node:http2', Http2SecureServer: 'node:http2' },
  },
  {
    id: 'socketio',
    label: 'Socket.IO',
    modules: ['socket.io'],
    entryPoints: [
      { path: ['Server'], creates: 'socket.io.server' },
      { path: [], creates: 'socket.io.server' },
    ],
    instanceTypes: { Server: 'socket.io.server', Namespace: 'socket.io.server', Socket: 'socket.io.socket' },
  },
  {
    id: 'ws',
    label: 'ws',
    modules: ['ws'],
    entryPoints: [
      { path: ['WebSocketServer'], creates: 'ws.server' },
      { path: ['Server'], creates: 'ws.server' },
    ],
    instanceTypes: { WebSocketServer: 'ws.server', WebSocket: 'ws.socket' },
  },
  {
    id: 'bun',
    label: 'Bun.serve',
    modules: [],
    globals: ['Bun'],
    entryPoints: [
      {
        path: ['serve'],
        options: {
          fetch: 'fetch handler',
          error: 'error handler',
          websocket: WEBSOCKET_HOOKS,
          routes: { '*': { '.': 'route handler', '*': 'route handler' } },
        },
        returns: null,
      },
    ],
  },
  {
    id: 'deno',
    label: 'Deno.serve',
    modules: [],
    globals: ['Deno'],
    entryPoints: [{ path: ['serve'], role: 'handler', options: { handler: 'handler', onError: 'error handler' }, returns: null }],
  },
  {
    id: 'nuxt',
    label: 'h3',
    modules: ['h3'],
    entryPoints: [
      ...['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler', 'fromNodeMiddleware'].map(
        (name) => ({ path: [name], role: 'event handler', options: H3_HANDLER_OPTIONS, returns: null }),
      ),
      { path: ['defineWebSocketHandler'], options: WEBSOCKET_HOOKS, returns: null },
      { path: ['defineWebSocket'], options: WEBSOCKET_HOOKS, returns: null },
    ],
  },
  {
    id: 'nuxt',
    label: 'Nitro',
    // Nuxt and Nitro auto-import these: without an import, or through their virtual modules.
    modules: ['nitropack', 'nitropack/runtime', 'nitro/runtime', '#imports'],
    autoImported: true,
    entryPoints: [
      ...['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler', 'fromNodeMiddleware'].map(
        (name) => ({ path: [name], role: 'event handler', options: H3_HANDLER_OPTIONS, returns: null }),
      ),
      { path: ['defineWebSocketHandler'], options: WEBSOCKET_HOOKS, returns: null },
    ],
  },
  {
    id: 'astro',
    label: 'Astro',
    modules: ['astro:actions'],
    entryPoints: [{ path: ['defineAction'], options: { handler: 'action' }, returns: null }],
  },
];

/**
 * Any object's `middlewares` property is a Connect app: Vite's `server.middlewares.use(fn)` in
 * `configureServer`, and `configurePreviewServer`.
 */
export const CONNECT_PROPERTY = 'middlewares';

/**
 * Methods only one framework's instances have: on a receiver the file does not show (a plugin's
 * un-annotated `fastify` parameter, `module.exports = async (fastify) => ...`) they mean that
 * framework. `optionMethods` count when called with an options object (`fastify.route({ handler })`).
 */
export const SIGNATURE_METHODS: {
  readonly calls: Readonly<Record<string, string>>;
  readonly optionMethods: Readonly<Record<string, string>>;
} = {
  calls: { addHook: 'fastify', setErrorHandler: 'fastify', setNotFoundHandler: 'fastify' },
  optionMethods: { route: 'fastify' },
};
