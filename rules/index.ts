import noBusyWait from './no-busy-wait.js';
import noCpuHeavyLoop from './no-cpu-heavy-loop.js';
import noSyncChildProcess from './no-sync-child-process.js';
import noSyncCrypto from './no-sync-crypto.js';
import noSyncDb from './no-sync-db.js';
import noSyncFs from './no-sync-fs.js';
import noSyncHttp from './no-sync-http.js';
import noSyncZlib from './no-sync-zlib.js';

/** Every rule of the plugin by id, sorted; tests/meta.test.ts keeps this in step with `rules/`. */
export const rules = {
  'no-busy-wait': noBusyWait,
  'no-cpu-heavy-loop': noCpuHeavyLoop,
  'no-sync-child-process': noSyncChildProcess,
  'no-sync-crypto': noSyncCrypto,
  'no-sync-db': noSyncDb,
  'no-sync-fs': noSyncFs,
  'no-sync-http': noSyncHttp,
  'no-sync-zlib': noSyncZlib,
};
