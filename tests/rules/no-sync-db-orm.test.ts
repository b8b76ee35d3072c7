import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sync-db.js';
import { adviceOf, helper, invalid, query, type Case } from './db-cases.js';
import { express, expressCjs, reportedMessages, runRuleTests, suggestionDescriptions } from './helpers.js';

/**
 * ORMs and query builders over synchronous drivers (issue #4): the client is recognised where it is
 * built, from its literal configuration, and its queries are reported in handlers even awaited.
 * The same library over an asynchronous driver is not reported.
 */

const KNEX = `import knex from 'knex';\nconst db = knex({ client: 'better-sqlite3', connection: { filename: 'app.db' }, useNullAsDefault: true });`;
const KYSELY = [
  `import Database from 'better-sqlite3';`,
  `import { Kysely, SqliteDialect } from 'kysely';`,
  `const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database('app.db') }) });`,
].join('\n');
const TYPEORM = [
  `import { DataSource } from 'typeorm';`,
  `export const AppDataSource = new DataSource({ type: 'better-sqlite3', database: 'app.db', entities: [User, Post] });`,
  `const users = AppDataSource.getRepository(User);`,
].join('\n');
const MIKRO_ORM = `import { MikroORM } from '@mikro-orm/better-sqlite';\nconst orm = await MikroORM.init({ dbName: 'app.db', entities: [User, Post] });`;
const DB0 = `import { createDatabase } from 'db0';\nimport sqlite from 'db0/connectors/better-sqlite3';\nconst db = createDatabase(sqlite({ name: 'app' }));`;
const LOWDB = `import { LowSync } from 'lowdb';\nimport { JSONFileSync } from 'lowdb/node';\nconst db = new LowSync(new JSONFileSync('db.json'), { posts: [] });`;

/** A Fastify app with `body` inside an async route handler. */
const fastify = (imports: string, body: string) => `${imports}
import Fastify from 'fastify';
const app = Fastify();
app.get('/x', async (request, reply) => {
  ${body}
});
`;
const FASTIFY_ROUTE = 'Fastify route handler';

const cases: Case[] = [
  // knex
  invalid(
    'knex over better-sqlite3: awaited chains rooted at the instance, a then-ed chain, raw',
    express(
      KNEX,
      `const user = await db('users').where({ id: req.params.id }).first(); const posts = await db.select('*').from('posts'); db('sessions').where('expires', '<', Date.now()).del().then(() => res.json(user)); await db.raw('VACUUM');`,
    ),
    query('knex.Knex', `db('users').where({ id: req.params.id }).first()`),
    query('knex.Knex.select', `db.select('*').from('posts')`),
    query('knex.Knex', `db('sessions').where('expires', '<', Date.now()).del()`),
    query('knex.Knex.raw', `db.raw('VACUUM')`),
  ),
  invalid(
    'knex through require(), behind a repository function',
    expressCjs(
      [
        `const db = require('knex')({ client: 'better-sqlite3', connection: { filename: 'app.db' } });`,
        `function findUser(id) {`,
        `  return db('users').where({ id }).first();`,
        `}`,
      ].join('\n'),
      `res.json(await findUser(req.params.id));`,
    ),
    helper('findUser', '`knex.Knex()` (file.ts:3)', 'knex.Knex', `findUser(req.params.id)`),
  ),
  invalid(
    'knex named import, client from a const, transaction(fn)',
    express(
      `import { knex } from 'knex';\nconst CLIENT = 'better-sqlite3';\nconst db = knex({ client: CLIENT, connection: { filename: 'app.db' } });`,
      `await db.transaction(async (trx) => { await trx('users').insert(req.body); });`,
    ),
    query('knex.Knex.transaction', `db.transaction(async (trx) => { await trx('users').insert(req.body); })`),
  ),
  // Kysely
  invalid(
    'Kysely with SqliteDialect: an execute terminal, and a repository class',
    express(
      [
        KYSELY,
        `class UserRepository {`,
        `  findById(id: string) {`,
        `    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();`,
        `  }`,
        `}`,
        `const users = new UserRepository();`,
      ].join('\n'),
      `const user = await users.findById(req.params.id); await db.deleteFrom('sessions').where('userId', '=', req.params.id).execute(); res.json(user);`,
    ),
    helper('users.findById', '`kysely.Kysely.executeTakeFirst()` (file.ts:6)', 'kysely.Kysely.executeTakeFirst', `users.findById(req.params.id)`),
    query('kysely.Kysely.execute', `db.deleteFrom('sessions').where('userId', '=', req.params.id).execute()`),
  ),
  invalid(
    'Kysely with the dialect in a const, in a Fastify handler',
    fastify(
      `import Database from 'better-sqlite3';\nimport { Kysely, SqliteDialect } from 'kysely';\nconst dialect = new SqliteDialect({ database: new Database('app.db') });\nconst db = new Kysely({ dialect });`,
      `return db.selectFrom('posts').selectAll().execute();`,
    ),
    query('kysely.Kysely.execute', `db.selectFrom('posts').selectAll().execute()`, 1, FASTIFY_ROUTE),
  ),
  invalid(
    'Kysely: a raw sql template executed on the client',
    express(`${KYSELY}\nimport { sql } from 'kysely';`, `const { rows } = await sql<Row>\`SELECT * FROM users WHERE name LIKE \${req.query.q}\`.execute(db); res.json(rows);`),
    query('kysely.Kysely.execute', `sql<Row>\`SELECT * FROM users WHERE name LIKE \${req.query.q}\`.execute(db)`),
  ),
  invalid(
    'Kysely behind a lazily built module-level singleton',
    express(
      [
        `import Database from 'better-sqlite3';`,
        `import { Kysely, SqliteDialect } from 'kysely';`,
        `let db: Kysely<DB> | undefined;`,
        `function getDb() {`,
        `  return (db ??= new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database('app.db') }) }));`,
        `}`,
      ].join('\n'),
      `res.json(await getDb().selectFrom('users').selectAll().execute());`,
    ),
    query('kysely.Kysely.execute', `getDb().selectFrom('users').selectAll().execute()`),
  ),
  // TypeORM
  invalid(
    'TypeORM over better-sqlite3: a repository, the manager, query(), and a query builder',
    express(
      TYPEORM,
      `const user = await users.findOneBy({ id: Number(req.params.id) }); await AppDataSource.manager.save(user); const [row] = await AppDataSource.query('SELECT 1'); res.json(await AppDataSource.createQueryBuilder().select('p').from(Post, 'p').where('p.authorId = :id', { id: user.id }).getMany());`,
    ),
    query('typeorm.Repository.findOneBy', `users.findOneBy({ id: Number(req.params.id) })`),
    query('typeorm.EntityManager.save', `AppDataSource.manager.save(user)`),
    query('typeorm.DataSource.query', `AppDataSource.query('SELECT 1')`),
    query('typeorm.QueryBuilder.getMany', `AppDataSource.createQueryBuilder().select('p').from(Post, 'p').where('p.authorId = :id', { id: user.id }).getMany()`),
  ),
  invalid(
    'TypeORM: a service holding its repository in a class field',
    express(
      [
        TYPEORM,
        `class PostService {`,
        `  private posts = AppDataSource.getRepository(Post);`,
        `  latest() { return this.posts.find({ order: { createdAt: 'DESC' }, take: 20 }); }`,
        `}`,
        `const service = new PostService();`,
      ].join('\n'),
      `res.json(await service.latest());`,
    ),
    helper('service.latest', '`typeorm.Repository.find()` (file.ts:6)', 'typeorm.Repository.find', `service.latest()`),
  ),
  invalid(
    'TypeORM over sql.js',
    express(
      `import { DataSource } from 'typeorm';\nconst ds = new DataSource({ type: 'sqljs', location: 'app.db', autoSave: true });`,
      `res.json(await ds.getRepository(User).count());`,
    ),
    query('typeorm.Repository.count', `ds.getRepository(User).count()`),
  ),
  // MikroORM
  invalid(
    'MikroORM from @mikro-orm/better-sqlite: a forked EntityManager, flush, a repository',
    express(
      MIKRO_ORM,
      `const em = orm.em.fork(); const user = await em.findOneOrFail(User, { id: req.params.id }); user.name = req.body.name; await em.flush(); res.json(await orm.em.getRepository(Post).find({ author: user }));`,
    ),
    query('@mikro-orm/better-sqlite.EntityManager.findOneOrFail', `em.findOneOrFail(User, { id: req.params.id })`),
    query('@mikro-orm/better-sqlite.EntityManager.flush', `em.flush()`),
    query('@mikro-orm/better-sqlite.EntityRepository.find', `orm.em.getRepository(Post).find({ author: user })`),
  ),
  invalid(
    'MikroORM from @mikro-orm/core with the BetterSqliteDriver, initSync',
    express(
      `import { MikroORM } from '@mikro-orm/core';\nimport { BetterSqliteDriver } from '@mikro-orm/better-sqlite';\nconst orm = MikroORM.initSync({ driver: BetterSqliteDriver, dbName: 'app.db', entities: [User] });`,
      `await orm.em.persistAndFlush(orm.em.create(User, req.body));`,
    ),
    query('@mikro-orm/better-sqlite.EntityManager.persistAndFlush', `orm.em.persistAndFlush(orm.em.create(User, req.body))`),
  ),
  invalid(
    'MikroORM through require(), new MikroORM()',
    expressCjs(
      `const { MikroORM } = require('@mikro-orm/core');\nconst { BetterSqliteDriver } = require('@mikro-orm/better-sqlite');\nconst orm = new MikroORM({ driver: BetterSqliteDriver, dbName: 'app.db' });`,
      `res.json(await orm.em.fork().count(User));`,
    ),
    query('@mikro-orm/better-sqlite.EntityManager.count', `orm.em.fork().count(User)`),
  ),
  invalid(
    'MikroORM initialised in a start-up function into a module-level variable',
    express(
      [
        `import { MikroORM } from '@mikro-orm/better-sqlite';`,
        `let orm: MikroORM;`,
        `export async function connect() {`,
        `  orm = await MikroORM.init({ dbName: 'app.db', entities: [User] });`,
        `}`,
      ].join('\n'),
      `res.json(await orm.em.fork().find(User, {}, { limit: 20 }));`,
    ),
    query('@mikro-orm/better-sqlite.EntityManager.find', `orm.em.fork().find(User, {}, { limit: 20 })`),
  ),
  // db0
  invalid(
    'db0 with the better-sqlite3 connector: prepared statements and exec',
    express(DB0, `const user = await db.prepare('SELECT * FROM users WHERE id = ?').get(req.params.id); await db.exec('DELETE FROM sessions'); res.json(user);`),
    query('db0.Statement.get', `db.prepare('SELECT * FROM users WHERE id = ?').get(req.params.id)`),
    query('db0.Database.exec', `db.exec('DELETE FROM sessions')`),
  ),
  invalid(
    'db0: the sql tagged template runs a query',
    express(DB0, 'const { rows } = await db.sql`SELECT * FROM users WHERE id = ${req.params.id}`; res.json(rows);'),
    query('db0.Database.sql', 'db.sql`SELECT * FROM users WHERE id = ${req.params.id}`'),
  ),
  invalid(
    'db0: the sql tagged template in a helper, shown as a template in the chain',
    express(
      `${DB0}\nfunction findUser(id) {\n  return db.sql\`SELECT * FROM users WHERE id = \${id}\`;\n}`,
      'res.json(await findUser(req.params.id));',
    ),
    helper('findUser', '`` db0.Database.sql`…` `` (file.ts:5)', 'db0.Database.sql', 'findUser(req.params.id)'),
  ),
  invalid(
    'db0 with the node:sqlite connector, a bound statement',
    express(
      `import { createDatabase } from 'db0';\nimport nodeSqlite from 'db0/connectors/node-sqlite';\nconst db = createDatabase(nodeSqlite({ name: 'app' }));`,
      `res.json(await db.prepare('SELECT * FROM posts WHERE author = ?').bind(req.params.id).all());`,
    ),
    query('db0.Statement.all', `db.prepare('SELECT * FROM posts WHERE author = ?').bind(req.params.id).all()`),
  ),
  // lowdb
  invalid(
    'lowdb LowSync over JSONFileSync: write() and update()',
    express(LOWDB, `db.data.posts.push(req.body); db.write(); db.update(({ posts }) => posts.pop()); res.json(db.data.posts);`),
    query('lowdb.LowSync.write', `db.write()`),
    query('lowdb.LowSync.update', `db.update(({ posts }) => posts.pop())`),
  ),
  invalid(
    'lowdb 1 with the FileSync adapter, through require()',
    expressCjs(
      `const low = require('lowdb');\nconst FileSync = require('lowdb/adapters/FileSync');\nconst adapter = new FileSync('db.json');\nconst db = low(adapter);`,
      `db.get('posts').push(req.body).write(); db.read(); res.json(db.get('posts').value());`,
    ),
    query('lowdb.LowSync.write', `db.get('posts').push(req.body).write()`),
    query('lowdb.LowSync.read', `db.read()`),
  ),
  invalid(
    'lowdb JSONFileSyncPreset',
    express(`import { JSONFileSyncPreset } from 'lowdb/node';\nconst db = JSONFileSyncPreset('db.json', { posts: [] });`, `db.read(); res.json(db.data.posts);`),
    query('lowdb.LowSync.read', `db.read()`),
  ),
];

/** Clients another module builds and exports (tests/fixtures/sync-db/orm.ts). */
const imported: Case = {
  ...invalid(
    'a knex instance, a TypeORM data source and a repository exported by another module',
    express(
      `import { db, AppDataSource, userRepository } from './orm.js';`,
      `const user = await db('users').where({ id: req.params.id }).first(); await AppDataSource.manager.remove(user); res.json(await userRepository.find());`,
    ),
    query('knex.Knex', `db('users').where({ id: req.params.id }).first()`),
    query('typeorm.EntityManager.remove', `AppDataSource.manager.remove(user)`),
    query('typeorm.Repository.find', `userRepository.find()`),
  ),
  filename: 'tests/fixtures/sync-db/routes.ts',
};

const SAME_QUERIES = {
  knex: `const user = await db('users').where({ id: req.params.id }).first(); await db.select('*').from('posts'); await db.transaction(async (trx) => trx('t').insert({}));`,
  typeorm: `await ds.getRepository(User).findOneBy({ id: 1 }); await ds.manager.save(user); await ds.query('SELECT 1');`,
  mikroOrm: `const em = orm.em.fork(); await em.findOneOrFail(User, { id: 1 }); await em.flush();`,
};

/** The same check written out: the handler's body is line 7 (three import lines, then express()'s three). */
const literalPosition: Case = {
  name: 'db0: the exact range of an awaited statement query',
  code: express(DB0, `res.json(await db.prepare('SELECT 1').all());`),
  errors: [
    {
      messageId: 'blockingNoEquivalent',
      data: { call: '`db0.Statement.all()`', context: 'Express route handler', advice: adviceOf('db0.Statement.all') },
      line: 7,
      column: 18,
      endLine: 7,
      endColumn: 46,
      suggestions: [],
    },
  ],
};

runRuleTests('no-sync-db', rule, {
  valid: [
    // knex over asynchronous clients, and a configuration the rule cannot see.
    express(`import knex from 'knex';\nconst db = knex({ client: 'sqlite3', connection: { filename: 'app.db' } });`, SAME_QUERIES.knex),
    express(`import knex from 'knex';\nconst db = knex({ client: 'pg', connection: process.env.DATABASE_URL });`, SAME_QUERIES.knex),
    express(`import knex from 'knex';\nimport config from './knexfile.js';\nconst db = knex(config);`, SAME_QUERIES.knex),
    // A knex builder that is neither awaited, then-ed nor returned does not run.
    express(KNEX, `const pending = db('users').where({ id: req.params.id }); res.json(pending.toSQL());`),
    // Kysely over PostgreSQL.
    express(
      `import { Kysely, PostgresDialect } from 'kysely';\nimport { Pool } from 'pg';\nconst db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool() }) });`,
      `res.json(await db.selectFrom('users').selectAll().execute());`,
    ),
    // Building a Kysely query without executing it.
    express(KYSELY, `res.json(db.selectFrom('users').selectAll().compile());`),
    // TypeORM over sqlite3 (asynchronous) and PostgreSQL.
    express(`import { DataSource } from 'typeorm';\nconst ds = new DataSource({ type: 'sqlite', database: 'app.db' });`, SAME_QUERIES.typeorm),
    express(`import { DataSource } from 'typeorm';\nconst ds = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });`, SAME_QUERIES.typeorm),
    // Repository methods that run no query.
    express(TYPEORM, `const user = users.create(req.body); res.json(users.merge(user, { name: 'x' }));`),
    // MikroORM over PostgreSQL; `persist()` only queues a change.
    express(`import { MikroORM } from '@mikro-orm/postgresql';\nconst orm = await MikroORM.init({ dbName: 'app' });`, SAME_QUERIES.mikroOrm),
    express(
      `import { MikroORM } from '@mikro-orm/core';\nimport { PostgreSqlDriver } from '@mikro-orm/postgresql';\nconst orm = await MikroORM.init({ driver: PostgreSqlDriver, dbName: 'app' });`,
      SAME_QUERIES.mikroOrm,
    ),
    express(MIKRO_ORM, `orm.em.persist(orm.em.create(User, req.body)); res.sendStatus(202);`),
    // db0 over asynchronous connectors.
    express(
      `import { createDatabase } from 'db0';\nimport sqlite3 from 'db0/connectors/sqlite3';\nconst db = createDatabase(sqlite3({ name: 'app' }));`,
      `res.json(await db.prepare('SELECT 1').all()); await db.exec('VACUUM');`,
    ),
    express(
      `import { createDatabase } from 'db0';\nimport postgresql from 'db0/connectors/postgresql';\nconst db = createDatabase(postgresql({ url: process.env.DATABASE_URL }));`,
      `res.json(await db.prepare('SELECT 1').all());`,
    ),
    // lowdb's asynchronous Low with JSONFile, and LowSync over memory.
    express(
      `import { Low } from 'lowdb';\nimport { JSONFile } from 'lowdb/node';\nconst db = new Low(new JSONFile('db.json'), { posts: [] });`,
      `await db.read(); db.data.posts.push(req.body); await db.write(); await db.update(({ posts }) => posts.pop());`,
    ),
    express(`import { LowSync, MemorySync } from 'lowdb';\nconst db = new LowSync(new MemorySync(), { posts: [] });`, `db.write(); res.json(db.data);`),
    // Reading the in-memory data of a synchronous lowdb does not touch the file.
    express(LOWDB, `res.json(db.data.posts.filter((post) => post.published));`),
    // Inherited names are not ORM members or types.
    express(TYPEORM, `res.json([AppDataSource.constructor.name, users.toString(), AppDataSource['__proto__']]);`),
    // The allow option, by full name: `db('users')` chains are `knex.Knex`.
    { code: express(KNEX, `res.json(await db('users'));`), options: [{ allow: ['knex.Knex'] }] },
    // Start-up: migrating at module top level.
    `${KNEX}\nawait db.migrate.latest();\nawait db('settings').insert({ key: 'boot', value: Date.now() });`,
  ],
  invalid: [...cases, imported, literalPosition],
});

describe('messages for ORMs', () => {
  const COST = 'blocks the event loop in this Express route handler: every other request waits until it returns.';
  it('name the synchronous driver under the ORM and say that await does not make it yield', () => {
    expect(reportedMessages(rule, express(KNEX, `res.json(await db('users'));`))).toEqual([
      `\`knex.Knex()\` ${COST} \`knex\` runs the query synchronously on \`better-sqlite3\`, on the event loop; \`await\` does not make a synchronous driver yield: move slow queries to a worker pool (piscina) or use an async driver.`,
    ]);
    expect(reportedMessages(rule, express(TYPEORM, `res.json(await users.find());`))).toEqual([
      `\`typeorm.Repository.find()\` ${COST} \`typeorm\` runs the query synchronously on \`better-sqlite3\` or \`sql.js\`, on the event loop; \`await\` does not make a synchronous driver yield: move slow queries to a worker pool (piscina) or use an async driver.`,
    ]);
    expect(reportedMessages(rule, express(LOWDB, `db.write();`))).toEqual([
      `\`lowdb.LowSync.write()\` ${COST} \`lowdb\` runs the query synchronously on \`FileSync\` or \`JSONFileSync\`, on the event loop; \`await\` does not make a synchronous driver yield: move slow queries to a worker pool (piscina) or use \`Low\` with the asynchronous \`JSONFile\` adapter.`,
    ]);
  });

  it('offer no suggestion: a synchronous driver has no awaited form to switch to', () => {
    for (const code of [express(KNEX, `await db('users');`), express(MIKRO_ORM, `await orm.em.flush();`), express(DB0, `await db.exec('VACUUM');`)]) {
      expect(reportedMessages(rule, code)).toHaveLength(1);
      expect(suggestionDescriptions(rule, code)).toEqual([]);
    }
  });
});
