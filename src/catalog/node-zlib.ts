import type { BlockingApi } from './types.js';

/**
 * Every synchronous function of `node:zlib` in current @types/node (zstd since Node 22.15 and the
 * experimental ZIP archive API since Node 26.8 included: a call to them means the runtime has them).
 * tests/catalog.test.ts reads @types/node and fails when Node adds a `*Sync` function that is
 * missing here. Methods of ZIP objects (`zipFile.addSync()`, `entry.contentSync()`) need the values
 * those objects flow through, which the analysis does not track yet.
 */

const MODULES = ['zlib'] as const;

/** One-shot (de)compression of a buffer: `promisify(name)` takes the same arguments, resolves to the same Buffer. */
const oneShot = (name: string): BlockingApi => ({
  family: 'zlib',
  modules: MODULES,
  path: [`${name}Sync`],
  replacement: { module: 'node:zlib', name, promisified: true },
});

export const nodeZlibApis: readonly BlockingApi[] = [
  ...[
    'brotliCompress',
    'brotliDecompress',
    'deflate',
    'deflateRaw',
    'gunzip',
    'gzip',
    'inflate',
    'inflateRaw',
    'unzip',
    'zstdCompress',
    'zstdDecompress',
  ].map(oneShot),
  {
    family: 'zlib',
    modules: MODULES,
    path: ['createZipArchiveSync'],
    advice:
      'Use `createZipArchive()` from `node:zlib`, which returns a readable stream you can pipe to the response.',
  },
  {
    family: 'zlib',
    modules: MODULES,
    path: ['ZipEntry', 'createSync'],
    replacement: { module: 'node:zlib', name: 'ZipEntry.create' },
  },
  {
    family: 'zlib',
    modules: MODULES,
    path: ['ZipFile', 'openSync'],
    replacement: { module: 'node:zlib', name: 'ZipFile.open' },
  },
];
