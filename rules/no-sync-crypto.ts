import { createBlockingCallRule } from '../src/blocking-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-crypto',
  family: 'crypto',
  description: 'Disallow synchronous key derivation, key generation and password hashing inside request handlers',
});
