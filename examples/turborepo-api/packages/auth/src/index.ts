import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface StoredPassword {
  salt: string;
  hash: string;
}

const ITERATIONS = 210_000;

/** Hashes a new password for storage. */
export function hashPassword(password: string): StoredPassword {
  const salt = randomBytes(16).toString('hex');
  const hash = pbkdf2Sync(password, salt, ITERATIONS, 64, 'sha512').toString('hex');
  return { salt, hash };
}

/** Checks a login attempt against the stored hash. */
export function verifyPassword(password: string, stored: StoredPassword): boolean {
  const attempt = pbkdf2Sync(password, stored.salt, ITERATIONS, 64, 'sha512');
  return timingSafeEqual(attempt, Buffer.from(stored.hash, 'hex'));
}
