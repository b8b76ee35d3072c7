import { join } from 'node:path';

export const storageRoot = process.env.STORAGE_ROOT ?? join(process.cwd(), 'data');
