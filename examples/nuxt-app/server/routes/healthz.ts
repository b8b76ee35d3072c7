import { access } from 'node:fs/promises';

export default defineEventHandler(async () => {
  await access('data/catalog');
  return { status: 'ok' };
});
