import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredPassword } from '@acme/auth';
import { storageRoot } from './paths.js';

export interface UserRecord {
  id: string;
  email: string;
  password: StoredPassword;
}

/** Every user, from the JSON file the admin tool writes. */
export function loadUsers(): UserRecord[] {
  return JSON.parse(readFileSync(join(storageRoot, 'users.json'), 'utf8')) as UserRecord[];
}
