import type { BlockingApi, BlockingFamily } from './types.js';

/**
 * Well-known npm packages with synchronous APIs for child processes and password hashing. Each
 * replacement is the same package's promise API, checked against the package's published code
 * and typings.
 */

/** `module`'s `syncName` has the promise twin `name`: same arguments, same resolved value. */
const promiseTwin = (
  family: BlockingFamily,
  module: string,
  syncName: string,
  name: string,
  requiredArguments?: number,
): BlockingApi => ({
  family,
  modules: [module],
  path: [syncName],
  replacement: { module, name, ...(requiredArguments && { requiredArguments }) },
});

/** An execa 6+ method, which given only options binds them (`execaSync({ cwd })`) and runs nothing. */
const execaTwin = (syncName: string, name: string): BlockingApi => ({
  ...promiseTwin('child-process', 'execa', syncName, name),
  blocksWhen: { kind: 'unless-options-bound' },
});

/** `$.<syncName>` of a script module, whose promise twin is `$` itself. */
const scriptSync = (module: string, syncName: string): BlockingApi => ({
  family: 'child-process',
  modules: [module],
  path: ['$', syncName],
  replacement: { module, name: '$' },
  blocksWhen: { kind: 'unless-options-bound' },
});

/**
 * zx 8+'s preset `$({ sync: true })`: the `$` it returns runs each command synchronously, tagged
 * right away or through a `const` that holds it. Not a drop-in rewrite: the preset may carry other
 * options, so the advice says what to change.
 */
const scriptSyncPreset = (module: string): BlockingApi => ({
  family: 'child-process',
  modules: [module],
  path: ['$'],
  shownAs: `${module}.$({ sync: true })`,
  blocksWhen: { kind: 'through-result', option: 'sync' },
  advice: 'Leave `sync: true` out of the preset and await the template: `` await $`…` `` resolves to the same output.',
});

const AWAITED_PROCESS = '`await execa()` or promisified `execFile()` from `node:child_process`';

export const packageApis: readonly BlockingApi[] = [
  // execa 6-9 (ESM, named exports); execa 10 dropped the `execaCommand*` pair.
  execaTwin('execaSync', 'execa'),
  execaTwin('execaCommandSync', 'execaCommand'),
  // execa 5 and older (CommonJS): the module is the async function, `sync` hangs off it.
  {
    family: 'child-process',
    modules: ['execa'],
    path: ['sync'],
    advice: 'Call the module itself and await it: `await execa(file, args)` takes the same arguments.',
  },
  promiseTwin('child-process', 'execa', 'commandSync', 'command'),
  // execa 8+ and zx 8+ scripts: `$.sync\`git status\`` (execa also spells it `$.s`); `await $\`...\``
  // resolves to the same result.
  scriptSync('execa', 'sync'),
  scriptSync('execa', 's'),
  scriptSync('zx', 'sync'),
  scriptSync('zx/core', 'sync'),
  scriptSyncPreset('zx'),
  scriptSyncPreset('zx/core'),
  {
    family: 'child-process',
    modules: ['cross-spawn'],
    path: ['sync'],
    advice: `Use \`spawn()\` from \`cross-spawn\` and wait for its \`close\` event, or use ${AWAITED_PROCESS}.`,
  },
  {
    family: 'child-process',
    modules: ['shelljs'],
    path: ['exec'],
    blocksWhen: { kind: 'sync-unless-option', option: 'async' },
    advice: `Use ${AWAITED_PROCESS}, or pass \`{ async: true }\` and a callback.`,
  },
  {
    family: 'child-process',
    modules: ['shelljs'],
    path: ['cmd'],
    advice: `Use ${AWAITED_PROCESS} instead.`,
  },

  promiseTwin('crypto', 'bcrypt', 'hashSync', 'hash'),
  promiseTwin('crypto', 'bcrypt', 'compareSync', 'compare'),
  // bcryptjs' `hash` has no default salt, where `hashSync(password)` uses 10 rounds.
  promiseTwin('crypto', 'bcryptjs', 'hashSync', 'hash', 2),
  promiseTwin('crypto', 'bcryptjs', 'compareSync', 'compare'),
  promiseTwin('crypto', '@node-rs/bcrypt', 'hashSync', 'hash'),
  promiseTwin('crypto', '@node-rs/bcrypt', 'verifySync', 'verify'),
  promiseTwin('crypto', '@node-rs/bcrypt', 'compareSync', 'compare'),
  promiseTwin('crypto', '@node-rs/argon2', 'hashSync', 'hash'),
  promiseTwin('crypto', '@node-rs/argon2', 'hashRawSync', 'hashRaw'),
  promiseTwin('crypto', '@node-rs/argon2', 'verifySync', 'verify'),
  promiseTwin('crypto', 'scrypt-js', 'syncScrypt', 'scrypt'),
];
