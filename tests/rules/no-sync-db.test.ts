import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-db.js';
import { helper, invalid, query, type Case } from './db-cases.js';
import { express, expressCjs, reportedMessages, runRuleTests } from './helpers.js';

const BETTER = `import Database from 'better-sqlite3';\nconst db = new Database('app.db');`;
const GET = 'better-sqlite3.Statement.get';

const cases: Case[] = [
  invalid(
    'better-sqlite3 default import, prepare().get() inline',
    express(BETTER, `res.json(db.prepare('SELECT * FROM users WHERE id = ?').get(req.params.id));`),
    query(GET, `db.prepare('SELECT * FROM users WHERE id = ?').get(req.params.id)`),
  ),
  invalid(
    'better-sqlite3 through require, called without new',
    expressCjs(`const Database = require('better-sqlite3');\nconst db = Database('app.db');`, `res.json(db.prepare('SELECT * FROM users').all());`),
    query('better-sqlite3.Statement.all', `db.prepare('SELECT * FROM users').all()`),
  ),
  invalid(
    'a statement in a variable; chainable statement methods',
    express(
      `${BETTER}\nconst findUser = db.prepare('SELECT * FROM users WHERE id = ?');`,
      `const user = findUser.get(req.params.id); const names = findUser.pluck().raw(false).all(); for (const row of findUser.iterate()) res.write(row);`,
    ),
    query(GET, `findUser.get(req.params.id)`),
    query('better-sqlite3.Statement.all', `findUser.pluck().raw(false).all()`),
    query('better-sqlite3.Statement.iterate', `findUser.iterate()`),
  ),
  invalid(
    'exec, pragma and serialize on the database',
    express(BETTER, `db.exec('DELETE FROM sessions'); const mode = db.pragma('journal_mode', { simple: true }); res.send(db.serialize());`),
    query('better-sqlite3.Database.exec', `db.exec('DELETE FROM sessions')`),
    query('better-sqlite3.Database.pragma', `db.pragma('journal_mode', { simple: true })`),
    query('better-sqlite3.Database.serialize', `db.serialize()`),
  ),
  invalid(
    'transaction(fn)() inline, stored, and its variants',
    express(
      `${BETTER}\nconst insert = db.prepare('INSERT INTO items VALUES (?)');\nconst insertMany = db.transaction((rows) => { for (const row of rows) insert.run(row); });`,
      `db.transaction(() => insert.run(req.body))(); insertMany(req.body.items); insertMany.immediate(req.body.items);`,
    ),
    query('better-sqlite3.Database.transaction', `db.transaction(() => insert.run(req.body))()`),
    query('better-sqlite3.Statement.run', `insert.run(req.body)`),
    query('better-sqlite3.Database.transaction', `insertMany(req.body.items)`),
    query('better-sqlite3.Database.transaction', `insertMany.immediate(req.body.items)`),
  ),
  invalid(
    'a module-level singleton behind a getter function',
    express(
      `import Database from 'better-sqlite3';\nlet db: Database.Database | undefined;\nfunction getDb() { return (db ??= new Database('app.db')); }`,
      `res.json(getDb().prepare('SELECT 1').get());`,
    ),
    query(GET, `getDb().prepare('SELECT 1').get()`),
  ),
  invalid(
    'a database kept on globalThis across hot reloads',
    express(
      `import Database from 'better-sqlite3';\nconst db = globalThis.__db ?? (globalThis.__db = new Database('app.db'));`,
      `res.json(db.prepare('SELECT 1').get());`,
    ),
    query(GET, `db.prepare('SELECT 1').get()`),
  ),
  invalid(
    'better-sqlite3 forks with the same API',
    express(`import Database from 'libsql';\nconst db = new Database('app.db');`, `res.json(db.prepare('SELECT 1').get());`),
    query('libsql.Statement.get', `db.prepare('SELECT 1').get()`),
  ),
  invalid(
    'node:sqlite DatabaseSync and its statements',
    express(
      `import { DatabaseSync } from 'node:sqlite';\nconst db = new DatabaseSync(':memory:');`,
      `db.exec('CREATE TABLE IF NOT EXISTS t (x)'); const stmt = db.prepare('SELECT * FROM t'); res.json(stmt.all());`,
    ),
    query('node:sqlite.DatabaseSync.exec', `db.exec('CREATE TABLE IF NOT EXISTS t (x)')`),
    query('node:sqlite.StatementSync.all', `stmt.all()`),
  ),
  invalid(
    'node:sqlite tag store (Node 24.9+): each tagged template runs a query',
    express(
      `import { DatabaseSync } from 'node:sqlite';\nconst db = new DatabaseSync('app.db');\nconst sql = db.createTagStore();`,
      'const user = sql.get`SELECT * FROM users WHERE id = ${req.params.id}`; sql.run`DELETE FROM sessions`; for (const row of sql.iterate`SELECT * FROM posts`) res.write(row); res.json(sql.all`SELECT * FROM users`);',
    ),
    query('node:sqlite.SQLTagStore.get', 'sql.get`SELECT * FROM users WHERE id = ${req.params.id}`'),
    query('node:sqlite.SQLTagStore.run', 'sql.run`DELETE FROM sessions`'),
    query('node:sqlite.SQLTagStore.iterate', 'sql.iterate`SELECT * FROM posts`'),
    query('node:sqlite.SQLTagStore.all', 'sql.all`SELECT * FROM users`'),
  ),
  invalid(
    'bun:sqlite query() and statements',
    express(
      `import { Database } from 'bun:sqlite';\nconst db = new Database('app.db');`,
      `res.json(db.query('SELECT * FROM users').all()); db.run('DELETE FROM sessions'); res.json(db.prepare('SELECT 1').as(Row).values());`,
    ),
    query('bun:sqlite.Statement.all', `db.query('SELECT * FROM users').all()`),
    query('bun:sqlite.Database.run', `db.run('DELETE FROM sessions')`),
    query('bun:sqlite.Statement.values', `db.prepare('SELECT 1').as(Row).values()`),
  ),
  invalid(
    'drizzle over better-sqlite3: terminal methods and awaited chains',
    express(
      `import Database from 'better-sqlite3';\nimport { drizzle } from 'drizzle-orm/better-sqlite3';\nconst db = drizzle(new Database('app.db'));`,
      `const rows = await db.select().from(users); db.insert(users).values(req.body).run(); const one = await db.query.users.findFirst(); res.json(db.select().from(users).all());`,
    ),
    query('drizzle-orm/better-sqlite3.drizzle.select', `db.select().from(users)`),
    query('drizzle-orm/better-sqlite3.drizzle.run', `db.insert(users).values(req.body).run()`),
    query('drizzle-orm/better-sqlite3.drizzle.query', `db.query.users.findFirst()`),
    query('drizzle-orm/better-sqlite3.drizzle.all', `db.select().from(users).all()`),
  ),
  invalid(
    'drizzle over bun:sqlite, client built from a variable',
    express(
      `import { Database } from 'bun:sqlite';\nimport { drizzle } from 'drizzle-orm/bun-sqlite';\nconst sqlite = new Database();\nconst db = drizzle(sqlite);`,
      `await db.delete(sessions).where(eq(sessions.id, req.params.id));`,
    ),
    query('drizzle-orm/bun-sqlite.drizzle.delete', `db.delete(sessions).where(eq(sessions.id, req.params.id))`),
  ),
  invalid(
    'class fields: the database and a prepared statement, reached through the store',
    express(
      [
        `import Database from 'better-sqlite3';`,
        `class UserStore {`,
        `  private db = new Database('app.db');`,
        `  private byId = this.db.prepare('SELECT * FROM users WHERE id = ?');`,
        `  find(id: string) { return this.byId.get(id); }`,
        `}`,
        `const store = new UserStore();`,
      ].join('\n'),
      `res.json(store.find(req.params.id));`,
    ),
    helper('store.find', `\`${GET}()\` (file.ts:5)`, GET, `store.find(req.params.id)`),
  ),
  invalid(
    'a field assigned in the constructor',
    express(
      [
        `import Database from 'better-sqlite3';`,
        `class Repo {`,
        `  db;`,
        `  constructor() { this.db = new Database('app.db'); }`,
        `  count() { return this.db.prepare('SELECT count(*) FROM t').pluck().get(); }`,
        `}`,
        `const repo = new Repo();`,
      ].join('\n'),
      `res.json({ count: repo.count() });`,
    ),
    helper('repo.count', `\`${GET}()\` (file.ts:5)`, GET, `repo.count()`),
  ),
];

/** Values another module exports (tests/fixtures/sync-db/db.ts), imported by the linted file. */
const DB_MODULE = `import db, { findUser, insertMany, orm } from './db.js';\nimport { db as database } from './db.js';`;
const imported: Case = {
  ...invalid(
    'a database, statement, transaction function and drizzle client exported by another module',
    express(
      DB_MODULE,
      `res.json(db.prepare('SELECT 1').get()); findUser.get(req.params.id); insertMany(req.body); database.exec('VACUUM'); await orm.select().from(users);`,
    ),
    query(GET, `db.prepare('SELECT 1').get()`),
    query(GET, `findUser.get(req.params.id)`),
    query('better-sqlite3.Database.transaction', `insertMany(req.body)`),
    query('better-sqlite3.Database.exec', `database.exec('VACUUM')`),
    query('drizzle-orm/better-sqlite3.drizzle.select', `orm.select().from(users)`),
  ),
  filename: 'tests/fixtures/sync-db/routes.ts',
};

runRuleTests('no-sync-db', rule, {
  valid: [
    // backup() is asynchronous: it copies in steps between event-loop turns.
    express(BETTER, `await db.backup('backup.db');`),
    // Start-up code: opening the database and migrating it before the server listens.
    `import Database from 'better-sqlite3';\nexport const db = new Database('app.db');\ndb.pragma('journal_mode = WAL');\ndb.exec('CREATE TABLE IF NOT EXISTS t (x)');`,
    // Registering functions and closing do not run queries.
    express(BETTER, `db.function('slugify', slugify); db.close();`),
    // An async driver with the same method names.
    express(`import { Pool } from 'pg';\nconst db = new Pool();`, `const rows = await db.query('SELECT 1'); db.prepare('x').get(); db.exec('x');`),
    express(`import sqlite3 from 'sqlite3';\nconst db = new sqlite3.Database('app.db');`, `db.get('SELECT 1', (error, row) => res.json(row));`),
    // Creating, sizing and clearing a tag store run no query; `get` called as a method is not a tag.
    express(
      `import { DatabaseSync } from 'node:sqlite';\nconst db = new DatabaseSync('app.db');`,
      'const sql = db.createTagStore(10); res.json({ size: sql.size(), capacity: sql.capacity }); sql.clear();',
    ),
    // A user object and a Map with `.get()`.
    express(``, `const cache = new Map(); const store = { prepare: () => ({ get: () => 1 }) }; res.json([cache.get(req.params.id), store.prepare('x').get()]);`),
    // drizzle over an async driver.
    express(`import { drizzle } from 'drizzle-orm/node-postgres';\nconst db = drizzle(process.env.DATABASE_URL);`, `res.json(await db.select().from(users)); db.select().from(users).all();`),
    // A drizzle builder that is neither run nor awaited.
    express(`import Database from 'better-sqlite3';\nimport { drizzle } from 'drizzle-orm/better-sqlite3';\nconst db = drizzle(new Database());`, `const query = db.insert(users).values(req.body);`),
    // Imported values are followed only with followCalls: 'cross-module' (the default).
    {
      code: express(DB_MODULE, `res.json(db.prepare('SELECT 1').get());`),
      filename: 'tests/fixtures/sync-db/routes.ts',
      options: [{ followCalls: 'same-file' }],
    },
    // In `db && x` the value is `x`, not the database.
    express(BETTER, `const other = db && cache; res.json(other.get(req.params.id));`),
    // The allow option.
    {
      code: express(BETTER, `res.json(db.prepare('SELECT 1').get());`),
      options: [{ allow: [GET] }],
    },
  ],
  invalid: [...cases, imported],
});

describe('messages', () => {
  const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
  it('say the query runs on the event loop, that await does not help, and what to do instead', () => {
    expect(
      reportedMessages(
        rule,
        express(
          `import Database from 'better-sqlite3';\nimport { drizzle } from 'drizzle-orm/better-sqlite3';\nconst db = drizzle(new Database());`,
          `res.json(await db.select().from(users));`,
        ),
      ),
    ).toEqual([
      `\`drizzle-orm/better-sqlite3.drizzle.select()\` ${COST} \`drizzle-orm/better-sqlite3\` runs the query synchronously on \`better-sqlite3\`, on the event loop; \`await\` does not make a synchronous driver yield: move slow queries to a worker pool (piscina) or use an async driver.`,
    ]);
    expect(reportedMessages(rule, express(BETTER, `db.exec('VACUUM');`))).toEqual([
      `\`better-sqlite3.Database.exec()\` ${COST} \`better-sqlite3\` runs the query on the event loop; \`await\` does not make a synchronous driver yield: move slow queries to a worker pool (piscina) or use an async driver.`,
    ]);
  });
});
