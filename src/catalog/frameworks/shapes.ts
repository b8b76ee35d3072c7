/**
 * Handler shapes recognised by how code is written rather than by one module's exports: tRPC
 * procedures (usually built from a `publicProcedure` imported from the app's own `trpc.ts`),
 * GraphQL resolver maps, the any-receiver route shape, and the offload boundaries that end
 * request-time context.
 */

/** tRPC: `<procedure>.input(...).query(fn)`. */
export const TRPC = {
  modules: ['@trpc/server'],
  /** `initTRPC.create()` (also `initTRPC.context<C>().create()`) makes the `t` object. */
  root: 'initTRPC',
  /** Resolvers: the last call of a procedure chain. */
  resolvers: { query: 'query resolver', mutation: 'mutation resolver', subscription: 'subscription resolver' },
  /** Calls that keep a procedure a procedure. */
  builders: ['input', 'output', 'use', 'meta', 'concat', 'unstable_concat'],
  /** `t.procedure`, and names ending in "procedure" (`publicProcedure`, `protectedProcedure`). */
  procedureProperty: 'procedure',
  procedureName: /procedure$/i,
  /** `t.middleware(fn)` and `procedure.use(fn)`. */
  middleware: ['middleware', 'use'],
} as const;

/** GraphQL resolver maps: `{ Query: { users: fn }, User: { posts: { resolve: fn } } }`. */
export const GRAPHQL = {
  /** A map with one of these root types is a resolver map wherever it is. */
  rootTypes: ['Query', 'Mutation', 'Subscription'],
  /** Field resolver objects: `{ resolve, subscribe }`. */
  fieldFunctions: ['resolve', 'subscribe'],
  /** Passed as this property (to Apollo, Yoga's `createSchema`, `makeExecutableSchema`, Mercurius). */
  optionName: 'resolvers',
  /** Or held by a variable of this name or of one of these types (graphql-codegen, graphql-tools). */
  variableName: 'resolvers',
  mapTypes: ['Resolvers', 'IResolvers'],
  /** One type's resolvers: `const User: UserResolvers = {...}` (or a variable named after a root type). */
  typeSuffix: 'Resolvers',
} as const;

/** `x.get('/path', fn)` on any receiver: a router passed in, or one this plugin cannot trace. */
export const GENERIC_ROUTE_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all', 'del', 'use'] as const;

/**
 * Offload boundaries: code that runs on another thread, not on the request's event loop.
 * A file that reads one of `workerFileSignals` is a worker's entry or task file; a function passed
 * to one of `offloadCalls` is serialised and run in a worker.
 */
export const OFFLOAD = {
  workerFileSignals: [
    { module: 'worker_threads', path: ['parentPort'] },
    { module: 'worker_threads', path: ['workerData'] },
    { module: 'workerpool', path: ['worker'] },
    { module: 'piscina', path: ['isWorkerThread'] },
    { module: 'piscina', path: ['workerData'] },
    { module: 'piscina', path: ['move'] },
    { module: 'tinypool', path: ['isWorkerThread'] },
    { module: 'tinypool', path: ['workerId'] },
  ],
  /** `new Worker(...)`, from worker_threads or the global: code written into it runs in the worker. */
  workerConstructor: 'Worker',
  /** `workerpool.pool().exec(fn, args)` serialises `fn` into a worker. */
  poolModule: 'workerpool',
  poolFactory: 'pool',
  poolExec: 'exec',
} as const;
