import { readdir, readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { storageRoot } from './paths.js';

const uploads = join(storageRoot, 'uploads');

/** The names of the uploaded files. */
export function listUploads(): string[] {
  return readdirSync(uploads);
}

/** One uploaded file, read without blocking. */
export async function readUpload(name: string): Promise<Buffer> {
  return readFile(join(uploads, name));
}

/** How many files were uploaded, counted without blocking. */
export async function countUploads(): Promise<number> {
  return (await readdir(uploads)).length;
}
