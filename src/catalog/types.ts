/**
 * Catalog vocabulary. The catalogs are data: each blocking API is one entry, and every message and
 * suggestion is built from that entry, so a fact about an API lives in exactly one place.
 */

/** One rule per family; the family decides which rule reports an entry. */
export type BlockingFamily = 'fs';

/** The awaited form of a blocking API that a suggestion can switch to. */
export interface AwaitedReplacement {
  /** Module the replacement is imported from, as it is written in an import (`node:fs/promises`). */
  readonly module: string;
  /** Export of that module (`readFile`). */
  readonly name: string;
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
}
