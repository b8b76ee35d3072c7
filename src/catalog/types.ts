/**
 * Catalog vocabulary. The catalogs are data: each blocking API is one entry, and every message and
 * suggestion is built from that entry, so a fact about an API lives in exactly one place.
 */

/** One rule per family (`no-sync-<family>`); the family decides which rule reports an entry. */
export const BLOCKING_FAMILIES = ['fs', 'child-process', 'crypto', 'zlib', 'db', 'http'] as const;
export type BlockingFamily = (typeof BLOCKING_FAMILIES)[number];

/** The awaited form of a blocking API that a suggestion can switch to. */
export interface AwaitedReplacement {
  /** Module the replacement is imported from, as it is written in an import (`node:fs/promises`). */
  readonly module: string;
  /**
   * Export of that module (`readFile`), or a dotted path below one (`ZipEntry.create`): such a
   * replacement is only reached through the object the sync API was read from (`ZipEntry.createSync`).
   */
  readonly name: string;
  /**
   * `name` takes a Node-style callback instead of returning a promise: the awaited form is
   * `await promisify(name)(...)`, with `promisify` from `node:util`.
   */
  readonly promisified?: boolean;
  /**
   * The property of the resolved value that holds what the sync call returned: `promisify(exec)`
   * resolves to `{ stdout, stderr }` where `execSync` returns stdout, so the rewrite reads `.stdout`.
   */
  readonly resultProperty?: string;
  /**
   * The sync form returns a Buffer unless an `encoding` option asks for a string, while the awaited
   * form decodes UTF-8 by default. The suggestion is offered only where both give the same value:
   * an `encoding` option is written out, the result is turned into a string with `.toString()`
   * (which the rewrite drops), or the result is not used.
   */
  readonly decodesByDefault?: boolean;
  /**
   * Fewest arguments the awaited form accepts (bcryptjs' `hash` has no default salt; `promisify()`
   * types a function by its last overload, which for `scrypt` takes options): with fewer, no
   * suggestion, so that every suggestion runs and type-checks.
   */
  readonly requiredArguments?: number;
  /**
   * The sync form also takes a numeric file descriptor as its first argument where the awaited form
   * takes a path or a FileHandle (`readFileSync(fd)`): a number literal there withholds the suggestion.
   */
  readonly fileDescriptorArgument?: boolean;
  /**
   * Set when awaiting the replacement does not give the same value or accept the same arguments
   * (`open()` resolves to a FileHandle, not an fd): the message names the replacement, but no
   * one-click suggestion is offered, because it would change what the code does.
   */
  readonly differs?: string;
  /**
   * Options the sync form accepts and the awaited form ignores (`statSync`'s `throwIfNoEntry`). The
   * suggestion is withheld when a call may pass one of them (an options object that names it, or
   * one the rule cannot see into).
   */
  readonly unsupportedOptions?: readonly string[];
}

/**
 * For APIs that block only for some arguments: the condition under which a call blocks. A call whose
 * arguments the rule cannot see into is not reported (these APIs are mostly called the fast way).
 */
export type BlockingCondition =
  /**
   * `randomFillSync(buffer, offset?, size?)`: blocks when it fills at least `bytes` bytes, known
   * from a constant `size`, or from a buffer allocated with a constant length.
   */
  | { readonly kind: 'fills-at-least'; readonly bytes: number }
  /**
   * shelljs `exec(command, options?, callback?)`: synchronous unless given a callback or
   * `{ [option]: true }`; reported when every argument after the command is an options object
   * literal without that option set.
   */
  | { readonly kind: 'sync-unless-option'; readonly option: string }
  /**
   * execa's and zx's sync methods given one options object (`$.sync({ cwd })`) return a method
   * with those options bound instead of running anything; used as a tag right away
   * (`` $.sync({ cwd })`ls` ``), the template runs the command and is the call reported.
   */
  | { readonly kind: 'unless-options-bound' }
  /**
   * The call itself does not block; its result does (`deasync(fn)` returns a blocking function,
   * `new XMLHttpRequest()` an object whose `open(method, url, false)` makes it synchronous). When the
   * result is held in a `const` of the same file, its calls are reported (calls of `method` on it,
   * when set, and only when their `argument` is written as the literal `equals`); a result without
   * `method` is also reported where it is called or used as a tag right away (`deasync(fn)(url)`).
   * With `option`, only a call given `{ [option]: true }` as its one argument makes such a result
   * (zx's `$({ sync: true })`, a preset of `$` that runs commands synchronously).
   */
  | {
      readonly kind: 'through-result';
      readonly method?: string;
      readonly argument?: { readonly index: number; readonly equals: string | number | boolean | null };
      readonly option?: string;
    };

export interface BlockingApi {
  readonly family: BlockingFamily;
  /**
   * Module names that export the API, as they appear in `import`/`require` (without the `node:`
   * prefix; the prefixed form is derived). The first is the one shown in messages.
   */
  readonly modules: readonly string[];
  /** Property path from the module's exports to the function (`['realpathSync', 'native']`). */
  readonly path: readonly string[];
  readonly replacement?: AwaitedReplacement;
  /** What to do instead, for APIs with no awaited equivalent (a full sentence). */
  readonly advice?: string;
  /**
   * How messages name the call when module and path would name another one: zx's preset
   * `$({ sync: true })`, where `zx.$` is the asynchronous tag.
   */
  readonly shownAs?: string;
  /** Absent: every call blocks. */
  readonly blocksWhen?: BlockingCondition;
  /**
   * Set for a method of a value the module creates rather than an export (better-sqlite3's
   * `Statement.get`, on what `new Database().prepare()` returns): `path` names the value's type and
   * the method, the import trace map leaves the entry out, and src/analysis/sync-db.ts finds its
   * calls by following the value from its constructor.
   */
  readonly onValue?: true;
  /**
   * For an `onValue` entry: names a module's text must contain to create the value (knex's and
   * typeorm's `'better-sqlite3'`, drizzle's `drizzle`), for the text pre-check. Absent, any import
   * of the module may create it (better-sqlite3's default export, under any local name).
   */
  readonly createdBy?: readonly string[];
}
