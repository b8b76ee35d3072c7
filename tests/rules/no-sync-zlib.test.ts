import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-zlib.js';
import { notBlockingApis } from '../../src/catalog/not-blocking.js';
import { entryCases, itCoversTheFamily, type EntryCase } from './catalog-cases.js';
import { express, expressCjs, itParsesEverySuggestion, reportedMessages, runRuleTests, withAddedImports } from './helpers.js';

const PROMISIFY = `import { promisify } from 'util';`;
const oneShot = (name: string, args = 'body'): EntryCase => ({
  api: `zlib.${name}Sync`,
  call: `${name}Sync(${args})`,
  awaited: `await promisify(m.${name})(${args})`,
  addsImport: PROMISIFY,
});

const entries: EntryCase[] = [
  oneShot('brotliCompress', `body, { params: { [m.constants.BROTLI_PARAM_QUALITY]: 11 } }`),
  oneShot('brotliDecompress'),
  oneShot('deflate', `body, { level: 9 }`),
  oneShot('deflateRaw'),
  oneShot('gunzip'),
  oneShot('gzip'),
  oneShot('inflate'),
  oneShot('inflateRaw'),
  oneShot('unzip'),
  oneShot('zstdCompress'),
  oneShot('zstdDecompress'),
  { api: 'zlib.createZipArchiveSync', call: `createZipArchiveSync(entries)` },
  {
    api: 'zlib.ZipEntry.createSync',
    call: `ZipEntry.createSync('report.csv', csv)`,
    awaited: `await m.ZipEntry.create('report.csv', csv)`,
  },
  {
    api: 'zlib.ZipFile.openSync',
    call: `ZipFile.openSync('archive.zip')`,
    awaited: `await m.ZipFile.open('archive.zip')`,
  },
];

const entryInvalid = entryCases(entries);

const importStyles = [
  {
    code: express(`import zlib from 'zlib';`, `res.send(zlib.gzipSync(body));`),
    output: withAddedImports(express(`import zlib from 'zlib';`, `res.send(await promisify(zlib.gzip)(body));`), PROMISIFY),
  },
  {
    code: express(`import * as zlib from 'node:zlib';`, `res.send(zlib.gzipSync(body));`),
    output: withAddedImports(
      express(`import * as zlib from 'node:zlib';`, `res.send(await promisify(zlib.gzip)(body));`),
      `import { promisify } from 'node:util';`,
    ),
  },
  {
    code: express(`import { gunzipSync as gunzip } from 'node:zlib';\nimport { promisify } from 'node:util';`, `const json = JSON.parse(gunzip(body).toString());`),
    output: express(
      `import { gunzipSync as gunzip, gunzip as gunzipAsync } from 'node:zlib';\nimport { promisify } from 'node:util';`,
      `const json = JSON.parse((await promisify(gunzipAsync)(body)).toString());`,
    ),
    line: 6,
  },
  {
    code: express(`import zlib = require('node:zlib');`, `res.send(zlib.unzipSync(body));`),
    output: withAddedImports(
      express(`import zlib = require('node:zlib');`, `res.send(await promisify(zlib.unzip)(body));`),
      `import { promisify } from 'node:util';`,
    ),
  },
  {
    code: expressCjs(`const zlib = require('zlib');`, `res.send(zlib.brotliCompressSync(body));`),
    output: withAddedImports(
      expressCjs(`const zlib = require('zlib');`, `res.send(await promisify(zlib.brotliCompress)(body));`),
      `const { promisify } = require('util');`,
    ),
  },
  {
    code: expressCjs(`const { inflateSync } = require('node:zlib');`, `res.send(inflateSync(body));`),
    output: withAddedImports(
      expressCjs(`const { inflateSync } = require('node:zlib');`, `res.send(await promisify(inflate)(body));`),
      `const { promisify } = require('node:util');`,
      `const { inflate } = require('node:zlib');`,
    ),
  },
  {
    code: express(``, `res.send(process.getBuiltinModule('node:zlib').deflateSync(body));`),
    output: withAddedImports(
      express(``, `res.send(await promisify(process.getBuiltinModule('node:zlib').deflate)(body));`),
      `import { promisify } from 'node:util';`,
    ),
  },
  {
    code: express(`import { ZipFile } from 'node:zlib';`, `const archive = ZipFile.openSync(path);`, { sync: true }),
    output: express(`import { ZipFile } from 'node:zlib';`, `const archive = await ZipFile.open(path);`),
    messageId: 'useAwaitedInAsyncHandler' as const,
  },
].map(({ code, output, line = 5, messageId = 'useAwaited' as const }) => ({
  code,
  errors: [{ messageId: 'blocking' as const, line, suggestions: [{ messageId, output }] }],
}));

const invalid = [...entryInvalid, ...importStyles];

runRuleTests('no-sync-zlib', rule, {
  valid: [
    // The async forms.
    express(`import { gzip, createGzip } from 'node:zlib';\nimport { promisify } from 'node:util';`, `res.send(await promisify(gzip)(body)); gzip(body, (error, out) => res.send(out)); stream.pipe(createGzip()).pipe(res);`),
    express(`import { ZipEntry } from 'node:zlib';`, `const entry = await ZipEntry.create('a.txt', text);`),
    // zlib/iter's *Sync functions only build transforms (see src/catalog/not-blocking.ts).
    ...notBlockingApis
      .filter((api) => api.module === 'zlib/iter')
      .map((api) => express(`import * as m from 'node:${api.module}';`, `m.${api.path.join('.')}();`)),
    // Start-up code and functions that are not handlers.
    `import { brotliCompressSync } from 'node:zlib'; export const precompressed = brotliCompressSync(indexHtml);`,
    `import zlib from 'node:zlib'; export function pack(data) { return zlib.gzipSync(data); }`,
    // Look-alikes.
    express(`import { gzipSync } from './compression.js';`, `res.send(gzipSync(body));`),
    express(``, `const zlib = { gzipSync: (value) => value }; res.send(zlib.gzipSync(body));`),
  ],
  invalid,
});

itParsesEverySuggestion(invalid);
itCoversTheFamily('zlib', entries);

describe('messages', () => {
  const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
  it('names the promisified form, the promise static, or what to do instead', () => {
    expect(
      reportedMessages(
        rule,
        express(`import zlib from 'zlib';`, `zlib.gzipSync(a); zlib.ZipEntry.createSync('a', b); zlib.createZipArchiveSync(entries);`),
      ),
    ).toEqual([
      `\`zlib.gzipSync()\` ${COST} Use \`await promisify(gzip)()\` from \`node:zlib\` and \`node:util\` instead.`,
      `\`zlib.ZipEntry.createSync()\` ${COST} Use \`await ZipEntry.create()\` from \`node:zlib\` instead.`,
      `\`zlib.createZipArchiveSync()\` ${COST} Use \`createZipArchive()\` from \`node:zlib\`, which returns a readable stream you can pipe to the response.`,
    ]);
  });
});
