import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default defineEventHandler((event) => {
  const { catalogDir } = useRuntimeConfig(event);
  const id = getRouterParam(event, 'id') ?? '';
  if (!existsSync(join(catalogDir, `${id}.json`))) {
    throw createError({ statusCode: 404, statusMessage: 'Product not found' });
  }
  return readProduct(catalogDir, id);
});
