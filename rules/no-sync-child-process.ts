import { createBlockingCallRule } from '../src/blocking-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-child-process',
  family: 'child-process',
  description: 'Disallow synchronous child processes (`execSync`, `spawnSync`, execa, zx, shelljs) inside request handlers',
});
