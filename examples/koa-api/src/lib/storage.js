import { statSync } from 'node:fs';
import path from 'node:path';

const DOCUMENT_DIR = path.resolve('data/documents');

export function documentInfo(name) {
  const stats = statSync(path.join(DOCUMENT_DIR, path.basename(name)));
  return { name, size: stats.size, modifiedAt: stats.mtime };
}
