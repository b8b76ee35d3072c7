import { describe, expect, it } from 'vitest';
import { wholeWordSearch } from '../../src/util/regexp.js';

describe('wholeWordSearch', () => {
  const crypto = wholeWordSearch(['pbkdf2Sync', 'scryptSync', 'randomFillSync']);

  it('finds a name as a whole word, `$` counting as a letter', () => {
    expect(crypto('const key = crypto.pbkdf2Sync(secret, salt, 1, 32, "sha256");')).toBe(true);
    expect(crypto('scryptSync(a, b, 64)')).toBe(true);
    expect(crypto('const my_pbkdf2Sync = 1;')).toBe(false);
    expect(crypto('$scryptSync()')).toBe(false);
    expect(crypto('scryptSync$()')).toBe(false);
    expect(crypto('scryptSyncAll()')).toBe(false);
  });

  it('says no to a text with the shared ending elsewhere but no name', () => {
    expect(crypto('fs.existsSync(p); crypto.randomUUID();')).toBe(false);
    expect(crypto('export const id = crypto.randomUUID();')).toBe(false);
  });

  it('searches names without a shared ending, and special characters literally', () => {
    const zx = wholeWordSearch(['$', 'sync']);
    expect(zx('const out = $.sync`ls`;')).toBe(true);
    expect(zx('await $`ls`')).toBe(true);
    expect(zx('async function run() {}')).toBe(false);
    const glob = wholeWordSearch(['glob.sync']);
    expect(glob('glob.sync("*.md")')).toBe(true);
    expect(glob('globXsync("*.md")')).toBe(false);
  });
});
