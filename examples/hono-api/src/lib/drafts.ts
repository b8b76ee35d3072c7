import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DRAFTS_DIR = path.resolve('data/drafts');

/** A user's unpublished notes: one directory each. */
export class DraftStore {
  constructor(private readonly dir: string) {}

  list(): string[] {
    return readdirSync(this.dir).filter((name) => name.endsWith('.md'));
  }

  async read(name: string): Promise<string> {
    return readFile(path.join(this.dir, `${path.basename(name)}.md`), 'utf8');
  }
}

const stores = new Map<string, DraftStore>();

/** The draft store of a user, made on first use and kept for the process. */
export function draftsFor(user: string): DraftStore {
  let store = stores.get(user);
  if (!store) stores.set(user, (store = new DraftStore(path.join(DRAFTS_DIR, path.basename(user)))));
  return store;
}
