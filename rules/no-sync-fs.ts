import { createBlockingCallRule } from '../src/blocking-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-fs',
  family: 'fs',
  description: 'Disallow synchronous `fs` calls inside request handlers',
});
