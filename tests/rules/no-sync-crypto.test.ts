import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-crypto.js';
import { notBlockingApis } from '../../src/catalog/not-blocking.js';
import { entryCases, itCoversTheFamily, type EntryCase } from './catalog-cases.js';
import { express, expressCjs, itParsesEverySuggestion, reportedMessages, runRuleTests, withAddedImports } from './helpers.js';

const PROMISIFY = `import { promisify } from 'util';`;
const promisified = (syncName: string, args: string, addsImport = PROMISIFY): EntryCase => ({
  api: `crypto.${syncName}`,
  call: `${syncName}(${args})`,
  awaited: `await promisify(m.${syncName.slice(0, -'Sync'.length)})(${args})`,
  addsImport,
});

const entries: EntryCase[] = [
  promisified('argon2Sync', `'argon2id', { message: password, nonce, parallelism: 4, tagLength: 64, memory: 65536, passes: 3 }`),
  promisified('checkPrimeSync', `candidate, { checks: 64 }`),
  promisified('generateKeySync', `'hmac', { length: 512 }`),
  promisified('generateKeyPairSync', `'rsa', { modulusLength: 4096 }`),
  promisified('generatePrimeSync', `2048, { bigint: true }`),
  promisified('hkdfSync', `'sha512', secret, salt, info, 64`),
  promisified('pbkdf2Sync', `password, salt, 600000, 64, 'sha512'`),
  promisified('scryptSync', `password, salt, 64, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }`),
  promisified('randomFillSync', `Buffer.alloc(1 << 20), 0, 1 << 20`),
  { api: 'bcrypt.hashSync', call: `hashSync(password, 12)`, awaited: `await m.hash(password, 12)` },
  { api: 'bcrypt.compareSync', call: `compareSync(password, stored)`, awaited: `await m.compare(password, stored)` },
  { api: 'bcryptjs.hashSync', call: `hashSync(password, 12)`, awaited: `await m.hash(password, 12)` },
  { api: 'bcryptjs.compareSync', call: `compareSync(password, stored)`, awaited: `await m.compare(password, stored)` },
  { api: '@node-rs/bcrypt.hashSync', call: `hashSync(password, { cost: 12 })`, awaited: `await m.hash(password, { cost: 12 })` },
  { api: '@node-rs/bcrypt.verifySync', call: `verifySync(password, stored)`, awaited: `await m.verify(password, stored)` },
  { api: '@node-rs/bcrypt.compareSync', call: `compareSync(password, stored)`, awaited: `await m.compare(password, stored)` },
  { api: '@node-rs/argon2.hashSync', call: `hashSync(password)`, awaited: `await m.hash(password)` },
  { api: '@node-rs/argon2.hashRawSync', call: `hashRawSync(password, { outputLen: 32 })`, awaited: `await m.hashRaw(password, { outputLen: 32 })` },
  { api: '@node-rs/argon2.verifySync', call: `verifySync(stored, password)`, awaited: `await m.verify(stored, password)` },
  { api: 'scrypt-js.syncScrypt', call: `syncScrypt(password, salt, 16384, 8, 1, 64)`, awaited: `await m.scrypt(password, salt, 16384, 8, 1, 64)` },
];

const entryInvalid = entryCases(entries);

const pbkdf2Args = `password, salt, 600000, 64, 'sha512'`;
const importStyles = [
  {
    code: express(`import crypto from 'crypto';`, `const key = crypto.pbkdf2Sync(${pbkdf2Args});`),
    output: withAddedImports(express(`import crypto from 'crypto';`, `const key = await promisify(crypto.pbkdf2)(${pbkdf2Args});`), PROMISIFY),
  },
  {
    code: express(`import * as crypto from 'node:crypto';`, `const key = crypto.pbkdf2Sync(${pbkdf2Args});`),
    output: withAddedImports(
      express(`import * as crypto from 'node:crypto';`, `const key = await promisify(crypto.pbkdf2)(${pbkdf2Args});`),
      `import { promisify } from 'node:util';`,
    ),
  },
  {
    code: express(`import { pbkdf2Sync as derive } from 'node:crypto';`, `const key = derive(${pbkdf2Args});`),
    output: withAddedImports(
      express(`import { pbkdf2Sync as derive, pbkdf2 } from 'node:crypto';`, `const key = await promisify(pbkdf2)(${pbkdf2Args});`),
      `import { promisify } from 'node:util';`,
    ),
  },
  {
    code: expressCjs(`const crypto = require('crypto');`, `const key = crypto.pbkdf2Sync(${pbkdf2Args});`),
    output: withAddedImports(
      expressCjs(`const crypto = require('crypto');`, `const key = await promisify(crypto.pbkdf2)(${pbkdf2Args});`),
      `const { promisify } = require('util');`,
    ),
  },
  {
    // promisify is already there; only pbkdf2 is added.
    code: expressCjs(`const { pbkdf2Sync } = require('node:crypto');\nconst { promisify } = require('node:util');`, `const key = pbkdf2Sync(${pbkdf2Args});`),
    output: withAddedImports(
      expressCjs(`const { pbkdf2Sync } = require('node:crypto');\nconst { promisify } = require('node:util');`, `const key = await promisify(pbkdf2)(${pbkdf2Args});`),
      `const { pbkdf2 } = require('node:crypto');`,
    ),
    line: 6,
  },
  {
    code: express(``, `const key = process.getBuiltinModule('crypto').pbkdf2Sync(${pbkdf2Args});`),
    output: withAddedImports(
      express(``, `const key = await promisify(process.getBuiltinModule('crypto').pbkdf2)(${pbkdf2Args});`),
      PROMISIFY,
    ),
  },
  {
    code: express(`import crypto = require('crypto');`, `const key = crypto.scryptSync(password, salt, 64, { N: 16384 });`),
    output: withAddedImports(
      express(`import crypto = require('crypto');`, `const key = await promisify(crypto.scrypt)(password, salt, 64, { N: 16384 });`),
      PROMISIFY,
    ),
  },
  {
    code: express(`import bcrypt from 'bcryptjs';`, `if (!bcrypt.compareSync(req.body.password, user.hash)) return res.sendStatus(401);`),
    output: express(`import bcrypt from 'bcryptjs';`, `if (!await bcrypt.compare(req.body.password, user.hash)) return res.sendStatus(401);`),
  },
  {
    code: express(`import { hashSync } from 'bcrypt';`, `user.hash = hashSync(req.body.password, 12);`),
    output: express(`import { hashSync, hash } from 'bcrypt';`, `user.hash = await hash(req.body.password, 12);`),
  },
  {
    code: expressCjs(`const { hashSync: hashPassword } = require('bcrypt');`, `user.hash = hashPassword(req.body.password, 12);`),
    output: withAddedImports(
      expressCjs(`const { hashSync: hashPassword } = require('bcrypt');`, `user.hash = await hash(req.body.password, 12);`),
      `const { hash } = require('bcrypt');`,
    ),
  },
  {
    code: express(`import { generateKeyPairSync } from 'crypto';`, `const { publicKey, privateKey } = generateKeyPairSync('ed25519', {});`, { sync: true }),
    output: withAddedImports(
      express(`import { generateKeyPairSync, generateKeyPair } from 'crypto';`, `const { publicKey, privateKey } = await promisify(generateKeyPair)('ed25519', {});`),
      PROMISIFY,
    ),
    messageId: 'useAwaitedInAsyncHandler' as const,
  },
].map(({ code, output, line = 5, messageId = 'useAwaited' as const }) => ({
  code,
  errors: [{ messageId: 'blocking' as const, line, suggestions: [{ messageId, output }] }],
}));

const withoutSuggestion = [
  // promisify() types these by their last overload: fewer arguments would not type-check.
  express(`import { scryptSync } from 'node:crypto';`, `const key = scryptSync(password, salt, 64);`),
  express(`import { generatePrimeSync } from 'node:crypto';`, `const prime = generatePrimeSync(2048);`),
  express(`import { randomFillSync } from 'node:crypto';`, `randomFillSync(Buffer.alloc(1 << 20));`),
  // bcryptjs' hash needs the salt that hashSync defaults.
  express(`import bcrypt from 'bcryptjs';`, `const hash = bcrypt.hashSync(password);`),
].map((code) => ({ code, errors: [{ messageId: 'blocking' as const, suggestions: [] }] }));

/** randomFillSync is reported when it fills a known 64 KiB or more. */
const randomFill = `import { randomFillSync } from 'node:crypto';`;
const largeFills = [
  ...[
    `randomFillSync(Buffer.alloc(65536));`,
    `randomFillSync(new Float64Array(8192));`,
    `randomFillSync(new ArrayBuffer(1024 * 1024));`,
    `const pool = Buffer.allocUnsafe(1 << 20); randomFillSync(pool);`,
    `randomFillSync(Buffer.alloc(1 << 20), 1024);`,
  ].map((body) => ({ code: express(randomFill, body), errors: [{ messageId: 'blocking' as const, suggestions: [] }] })),
  {
    // `.call()`: the fill size is read after `thisArg`.
    code: express(`import * as crypto from 'node:crypto';`, `crypto.randomFillSync.call(crypto, Buffer.alloc(1 << 20));`),
    errors: [{ messageId: 'blocking' as const, suggestions: [] }],
  },
  {
    code: express(randomFill, `randomFillSync(buffer, 0, 128 * 1024);`),
    errors: [
      {
        messageId: 'blocking' as const,
        suggestions: [
          {
            messageId: 'useAwaited' as const,
            output: withAddedImports(
              express(`import { randomFillSync, randomFill } from 'node:crypto';`, `await promisify(randomFill)(buffer, 0, 128 * 1024);`),
              `import { promisify } from 'node:util';`,
            ),
          },
        ],
      },
    ],
  },
];

const invalid = [...entryInvalid, ...importStyles, ...withoutSuggestion, ...largeFills];

runRuleTests('no-sync-crypto', rule, {
  valid: [
    // Fast calls.
    express(
      `import crypto, { randomUUID, createHash, timingSafeEqual, randomBytes, randomInt, createHmac } from 'node:crypto';`,
      `randomUUID(); createHash('sha256').update(req.body).digest('hex'); timingSafeEqual(a, b); randomBytes(16); randomInt(6); createHmac('sha256', key).update(body).digest(); crypto.hash('sha1', body);`,
    ),
    // Small or unknown random fills.
    express(
      `import { randomFillSync } from 'node:crypto';`,
      `randomFillSync(new Uint32Array(4)); randomFillSync(Buffer.alloc(65535)); randomFillSync(buffer); randomFillSync(Buffer.alloc(1 << 20), 0, 32); randomFillSync(Buffer.alloc(65536), 1); randomFillSync(Buffer.alloc(size)); randomFillSync(...args);`,
    ),
    // `.apply()` hides the arguments; `.call()` with a small buffer.
    express(`import * as crypto from 'node:crypto';`, `crypto.randomFillSync.apply(crypto, [Buffer.alloc(1 << 20)]); crypto.randomFillSync.call(crypto, Buffer.alloc(16));`),
    express(``, `const Buffer = { alloc: () => new Uint8Array(1) }; require('crypto').randomFillSync(Buffer.alloc(1 << 20));`),
    // genSaltSync and friends (see src/catalog/not-blocking.ts).
    ...notBlockingApis
      .filter((api) => !api.module.startsWith('zlib'))
      .map((api) => express(`import * as m from '${api.module}';`, `m.${api.path.join('.')}(10);`)),
    // The async forms.
    express(`import { pbkdf2, scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';`, `await promisify(pbkdf2)(password, salt, 1e5, 64, 'sha512'); scrypt(password, salt, 64, (error, key) => res.send(key));`),
    express(`import bcrypt from 'bcrypt';`, `const ok = await bcrypt.compare(password, hash); await bcrypt.hash(password, 12);`),
    // Start-up code and functions that are not handlers.
    `import { generateKeyPairSync } from 'node:crypto'; const { publicKey, privateKey } = generateKeyPairSync('ed25519');`,
    `import { scryptSync } from 'node:crypto'; export function deriveKey(password) { return scryptSync(password, 'salt', 64); }`,
    // Look-alikes.
    express(`import { pbkdf2Sync } from './kdf.js';`, `pbkdf2Sync(password);`),
    express(``, `const hashSync = (value) => value; hashSync(password);`),
  ],
  invalid,
});

itParsesEverySuggestion(invalid);
itCoversTheFamily('crypto', entries);

describe('messages', () => {
  const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
  it('names the promisified form and the modules to import', () => {
    expect(
      reportedMessages(rule, express(`import { hkdfSync } from 'crypto';\nimport bcrypt from 'bcrypt';`, `hkdfSync('sha256', k, s, i, 32); bcrypt.hashSync(p, 12);`)),
    ).toEqual([
      `\`crypto.hkdfSync()\` ${COST} Use \`await promisify(hkdf)()\` from \`node:crypto\` and \`node:util\` instead.`,
      `\`bcrypt.hashSync()\` ${COST} Use \`await hash()\` from \`bcrypt\` instead.`,
    ]);
  });
});
