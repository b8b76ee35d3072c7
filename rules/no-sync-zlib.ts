import { createBlockingCallRule } from '../src/blocking-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-zlib',
  family: 'zlib',
  description: 'Disallow synchronous `zlib` compression and decompression inside request handlers',
});
