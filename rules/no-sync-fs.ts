import { moduleLoadCalls } from '../src/analysis/module-loads.js';
import { createBlockingCallRule } from '../src/blocking-rule.js';
import { moduleLoadApi } from '../src/catalog/fs-packages.js';

export default createBlockingCallRule({
  name: 'no-sync-fs',
  family: 'fs',
  description: 'Disallow synchronous `fs` calls inside request handlers',
  moreCalls: (context) => moduleLoadCalls(context, moduleLoadApi),
});
