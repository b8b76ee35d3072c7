/**
 * Functions named like blocking APIs (`*Sync`) that are deliberately not in the catalog, each with
 * the reason. tests/catalog.test.ts accepts a Node `*Sync` function only if it is catalogued or
 * listed here, and the rule tests check that none of these is reported.
 */
export interface NotBlockingApi {
  /** Module name as imported, without the `node:` prefix. */
  readonly module: string;
  readonly path: readonly string[];
  readonly why: string;
}

const transform = (name: string): NotBlockingApi => ({
  module: 'zlib/iter',
  path: [name],
  why: 'builds a transform object; nothing is (de)compressed until a stream/iter pipeline drains it',
});

const salt = (module: string): NotBlockingApi => ({
  module,
  path: ['genSaltSync'],
  why: 'a salt is 16 random bytes; the cost factor only takes effect in hashSync',
});

export const notBlockingApis: readonly NotBlockingApi[] = [
  ...[
    'compressBrotliSync',
    'compressDeflateSync',
    'compressGzipSync',
    'compressZstdSync',
    'decompressBrotliSync',
    'decompressDeflateSync',
    'decompressGzipSync',
    'decompressZstdSync',
  ].map(transform),
  salt('bcrypt'),
  salt('bcryptjs'),
  salt('@node-rs/bcrypt'),
];
