import { mkdirSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

export const UPLOAD_DIR = path.resolve('uploads');

export function saveUpload(id: string, data: Buffer): Stats {
  mkdirSync(UPLOAD_DIR, { recursive: true });
  const target = path.join(UPLOAD_DIR, id);
  writeFileSync(target, data);
  return statSync(target);
}
