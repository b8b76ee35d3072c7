import noBusyWait from './no-busy-wait.js';
import noCpuHeavyLoop from './no-cpu-heavy-loop.js';
import noSyncFs from './no-sync-fs.js';

/** Every rule of the plugin by id, sorted; tests/meta.test.ts keeps this in step with `rules/`. */
export const rules = {
  'no-busy-wait': noBusyWait,
  'no-cpu-heavy-loop': noCpuHeavyLoop,
  'no-sync-fs': noSyncFs,
};
