import { createBlockingCallRule } from '../src/blocking-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-db',
  family: 'db',
  description: 'Disallow synchronous SQLite queries (better-sqlite3, `node:sqlite`, `bun:sqlite`) in request handlers',
});
