import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// defineEventHandler and useRuntimeConfig are auto-imported by Nuxt
export default defineEventHandler((event) => {
  const { catalogDir } = useRuntimeConfig(event);
  return readdirSync(catalogDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(catalogDir, name), 'utf8')));
});
