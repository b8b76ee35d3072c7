import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const NOTES_DIR = path.resolve('data/notes');

export function listNotes(): string[] {
  return readdirSync(NOTES_DIR)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.basename(name, '.md'));
}

export function readNote(id: string): string | null {
  const file = path.join(NOTES_DIR, `${path.basename(id)}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
