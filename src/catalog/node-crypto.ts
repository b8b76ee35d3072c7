import type { BlockingApi } from './types.js';

/**
 * The synchronous functions of `node:crypto` that do real work: key derivation, key and prime
 * generation, and large random fills. Each has a callback form that runs on libuv's thread pool.
 * tests/catalog.test.ts reads @types/node and fails when Node adds a `*Sync` function that is
 * missing here.
 *
 * Not listed because they are fast: `randomUUID`, `randomInt`, `createHash`/`hash` and HMACs on
 * request-sized input, `timingSafeEqual`, ciphers and signatures over small messages.
 */

const MODULES = ['crypto'] as const;

/** `name` through `promisify()`, same arguments, same resolved value. */
const promisified = (name: string, requiredArguments?: number): BlockingApi => ({
  family: 'crypto',
  modules: MODULES,
  path: [`${name}Sync`],
  replacement: { module: 'node:crypto', name, promisified: true, ...(requiredArguments && { requiredArguments }) },
});

/** Below this many bytes `randomFillSync` returns in microseconds (nonces, ids, salts). */
export const LARGE_RANDOM_FILL_BYTES = 64 * 1024;

export const nodeCryptoApis: readonly BlockingApi[] = [
  promisified('argon2'),
  // `promisify()` types these by their last overload, which takes the options argument.
  promisified('checkPrime', 2),
  promisified('generateKey'),
  // Resolves to `{ publicKey, privateKey }` through generateKeyPair's custom promisified form.
  promisified('generateKeyPair'),
  promisified('generatePrime', 2),
  promisified('hkdf'),
  promisified('pbkdf2'),
  promisified('scrypt', 4),
  {
    ...promisified('randomFill', 3),
    blocksWhen: { kind: 'fills-at-least', bytes: LARGE_RANDOM_FILL_BYTES },
  },
];
