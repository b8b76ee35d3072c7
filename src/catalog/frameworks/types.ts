/**
 * Vocabulary of the framework catalog: how request-serving code is declared, as data. The context
 * layer (src/context/) reads these tables; a framework of a known shape is a new entry, not new code.
 */

/**
 * Keys of `settings['event-loop'].frameworks`: one per detector, so a user can turn one off.
 * `remix` covers React Router's framework mode, `nuxt` covers h3 and Nitro, `http` covers
 * `node:http`, `node:https` and `node:http2`, `generic` is the any-receiver `x.get('/path', fn)` shape.
 */
export const FRAMEWORK_IDS = [
  'astro',
  'bun',
  'connect',
  'deno',
  'egg',
  'elysia',
  'express',
  'fastify',
  'generic',
  'graphql',
  'hono',
  'http',
  'koa',
  'nestjs',
  'nextjs',
  'nuxt',
  'remix',
  'socketio',
  'sveltekit',
  'trpc',
  'ws',
] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/**
 * Function-valued properties of an object that are handlers, by key (`'*'`: any key), as roles
 * ("route handler"). A nested table describes an object-valued property; its `'.'` entry is the
 * role of a function written directly at that key (`routes: { '/a': fn, '/b': { GET: fn } }`).
 */
export interface OptionsSpec {
  readonly [key: string]: string | OptionsSpec;
}

/** What a method of an instance (or a module export) does with its arguments. */
export interface CallSpec {
  /** Its function arguments are handlers with this role (`app.get(path, fn)`: "route handler"). */
  readonly role?: string;
  /**
   * Its first argument names an event; only these events register per-request code, each with its
   * role (`'*'`: any event). `server.on('request', fn)`; `fastify.addHook('onRequest', fn)`.
   */
  readonly events?: Readonly<Record<string, string>>;
  /** Handlers among the properties of its object arguments (`route({ handler, preHandler })`). */
  readonly options?: OptionsSpec;
  /**
   * Its function arguments receive an instance of this kind as first parameter, and run at
   * registration, not per request (`fastify.register(async (app) => ...)`, `io.on('connection', (socket) => ...)`).
   */
  readonly callbackReceives?: string;
  /**
   * The kind of instance the call returns: by default the receiver's own kind (registrations chain:
   * `new Hono().get(...).post(...)`); `null` when it returns nothing of interest.
   */
  readonly returns?: string | null;
}

/** A kind of object whose methods register handlers: an Express app, a Socket.IO socket. */
export interface InstanceKind {
  readonly framework: FrameworkId;
  /** First word of a handler's description: "Express" in "Express route handler". */
  readonly label: string;
  readonly methods: Readonly<Record<string, CallSpec>>;
}

/** A function or class exported by a module (or a global) that creates instances or takes handlers. */
export interface EntryPoint extends CallSpec {
  /** Export path below the module or global (`[]` is the module itself: `express()`, `new Koa()`). */
  readonly path: readonly string[];
  /** The call creates an instance of this kind. */
  readonly creates?: string;
}

/** A framework recognised by its imports (or globals) and the calls made on what they create. */
export interface ServerFramework {
  readonly id: FrameworkId;
  readonly label: string;
  /** Module specifiers the entry points are imported from (without `node:`, which is derived). */
  readonly modules: readonly string[];
  /** Globals the entry points hang off (`Bun` for `Bun.serve`): the path starts below the global. */
  readonly globals?: readonly string[];
  /** The entry points can also be called without an import (Nuxt's auto-imported `defineEventHandler`). */
  readonly autoImported?: boolean;
  readonly entryPoints: readonly EntryPoint[];
  /**
   * Type names the modules export that, written as a parameter's type, make the parameter an
   * instance (`app: FastifyInstance`, `router: express.Router`); `default` is the default export.
   */
  readonly instanceTypes?: Readonly<Record<string, string>>;
  /**
   * Type names of functions whose first parameter is an instance
   * (`const plugin: FastifyPluginAsync = async (app) => ...`).
   */
  readonly pluginTypes?: Readonly<Record<string, string>>;
}

/** Methods of classes that a framework calls per request, recognised by decorators or base classes. */
export interface ClassConvention {
  readonly role: string;
  /** The class carries one of these decorators (`@Controller()`). */
  readonly classDecorators?: readonly string[];
  /** The method carries one of these decorators (`@Get()`); without it, `methods` decides. */
  readonly methodDecorators?: readonly string[];
  /** The class implements one of these interfaces (`implements CanActivate`). */
  readonly implements?: readonly string[];
  /** The class extends the result of calling one of these (`extends AuthGuard('jwt')`). */
  readonly extendsCall?: readonly string[];
  /** The class extends this export of one of the framework's modules (`extends Controller` from egg). */
  readonly extendsExport?: string;
  /** The methods that serve requests, by name; omitted: every public instance method. */
  readonly methods?: readonly string[];
}

export interface ClassFramework {
  readonly id: FrameworkId;
  readonly label: string;
  /**
   * Modules the decorators and base classes come from. A decorator imported from another module
   * belongs to another framework; one that is not imported at all is taken by name.
   */
  readonly modules: readonly string[];
  readonly conventions: readonly ClassConvention[];
}

/** An export of a file, found by its path, that the framework calls per request. */
export interface ExportSpec {
  readonly role: string;
  /** The export is an object whose function-valued properties are the handlers (`actions`). */
  readonly members?: boolean;
}

/** `export const <name> = <value>` renders `exports` (all of them when omitted) at build time. */
export interface BuildTimeSwitch {
  readonly name: string;
  readonly value: string | boolean;
  readonly exports?: readonly string[];
}

/**
 * A file convention: files whose path matches `file` (slashes normalised) export handlers by name
 * (`default` for the default export).
 */
export interface FileConvention {
  readonly framework: FrameworkId;
  readonly label: string;
  readonly file: RegExp;
  readonly exports: Readonly<Record<string, ExportSpec>>;
  /**
   * The file must also import one of these modules or a subpath of one (`next` matches `next/server`,
   * `astro` matches `astro:middleware`).
   */
  readonly requiresImport?: readonly string[];
  /** A file that imports one of these modules (or a subpath) belongs to another framework. */
  readonly unlessImport?: readonly string[];
  /**
   * Build-time switches: `export const <name> = <value>` makes the listed exports (all when
   * omitted) run at build time, not per request (`prerender = true`, `dynamic = 'force-static'`).
   */
  readonly buildTime?: readonly BuildTimeSwitch[];
  /**
   * Astro's static output: these exports are prerendered at build time unless the file exports
   * `prerender = false` or the project's config (one of `configFiles`, in the folder `root`
   * captures) matches `serverOutput`. A file that imports none of `requiresImport` still follows
   * the convention when that config exists.
   */
  readonly staticOutput?: {
    readonly exports: readonly string[];
    readonly root: RegExp;
    readonly configFiles: readonly string[];
    readonly serverOutput: RegExp;
  };
  /** The label depends on what the file imports: the first prefix that matches wins. */
  readonly labelsByImport?: readonly { readonly prefix: string; readonly label: string }[];
}

/** A framework's types, as the type checker names them (see checked-types.ts). */
export interface CheckedTypes {
  readonly framework: FrameworkId;
  /** First word of a handler's description: "Express" in "Express request handler". */
  readonly label: string;
  /**
   * Modules that declare the types: a package (`@types/<name>` counts as `<name>`) or an ambient
   * `declare module '<name>'`; subpaths of a package and `node:` prefixes count as the module.
   */
  readonly modules: readonly string[];
  /** A value whose type has one of these names is an instance of that kind (see instanceKinds). */
  readonly instances?: Readonly<Record<string, string>>;
  /** A function whose first parameter has one of these types serves requests, once registered or exported. */
  readonly requests?: readonly string[];
}
