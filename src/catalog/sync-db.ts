import type { BlockingApi } from './types.js';

/**
 * Synchronous database drivers, and ORMs built over them. Their queries run on the calling thread:
 * a handler that runs one waits for SQLite (and the disk) with the event loop stopped, and `await`
 * on the result changes nothing. Values are followed from the constructor (src/analysis/sync-db.ts);
 * each method below that runs a query is a catalog entry of family `db` (`onValue`), named after
 * the value's type (`better-sqlite3.Statement.get`).
 */

/** A driver whose constructor returns a database: queries run on it, or on the statements it prepares. */
export interface SyncDbDriver {
  readonly kind: 'driver';
  readonly module: string;
  /** Export path of the constructor (`[]`: the module itself); called with or without `new`. */
  readonly constructorPath: readonly string[];
  /** How entries name the database and statement types (`Database`, `Statement`). */
  readonly databaseType: string;
  readonly statementType: string;
  /** Database methods that run SQL before they return. */
  readonly queries: readonly string[];
  /** Database methods that return a prepared statement. */
  readonly prepares: readonly string[];
  /** Database method that wraps a function in a transaction: calling what it returns runs it. */
  readonly transaction?: string;
  /** Statement methods that run the statement. */
  readonly statementQueries: readonly string[];
  /** Statement methods that configure the statement and return it (chainable, not a query). */
  readonly statementChain: readonly string[];
  /**
   * A database method that returns a tag store, whose methods run a tagged template as a
   * prepared query (`` sql.get`SELECT ...` ``), and how entries name the store's type.
   */
  readonly tagStore?: { readonly create: string; readonly type: string; readonly queries: readonly string[] };
}

/**
 * An ORM or query builder whose client runs on a synchronous driver: every query the client's
 * chains run blocks, even awaited (drizzle's sync SQLite sessions resolve promises they have
 * already computed; knex, Kysely, TypeORM and MikroORM call better-sqlite3 inside an async
 * function, which runs on the event loop all the same).
 */
export interface SyncDbOrm {
  readonly kind: 'orm';
  /** The package that names the entries (`typeorm.Repository.find`) and the messages. */
  readonly module: string;
  /** The synchronous drivers underneath, for messages (`better-sqlite3`). */
  readonly drivers: readonly string[];
  /** The advice's second half, when it is not "use an async driver". */
  readonly instead?: string;
  /** The calls that build a client over a synchronous driver. */
  readonly constructors: readonly SyncDbOrmConstructor[];
  /** The type of what the constructors return: a key of `types`. */
  readonly clientType: string;
  /** The client's type and the types reached from it (`ds.manager`, `ds.getRepository(User)`). */
  readonly types: Readonly<Record<string, SyncDbOrmType>>;
}

/** `knex(...)`, `new DataSource(...)`, `await MikroORM.init(...)`: one way to build a client. */
export interface SyncDbOrmConstructor {
  /** Where it is imported from, when not the ORM's module (`lowdb/node`). */
  readonly module?: string;
  /** Export path (`[]`: the module itself); called with or without `new`. */
  readonly path: readonly string[];
  /** It returns a promise of the client: the client is the awaited call (`await MikroORM.init()`). */
  readonly resolves?: boolean;
  /** The driver is chosen by the configuration: the client blocks only when it says so. */
  readonly when?: SyncDbOrmCondition;
}

/**
 * What the constructor is given when its driver is synchronous, decided where it is called: an
 * argument (or a property of the object literal there) that is one of `strings`
 * (`client: 'better-sqlite3'`), or a value of one of `exports` (`dialect: new SqliteDialect(...)`,
 * `driver: BetterSqliteDriver`, `low(new FileSync('db.json'))`). A `const` of the same file
 * holding the object, string or value counts as written there.
 */
export interface SyncDbOrmCondition {
  readonly argument: number;
  readonly property?: string;
  readonly strings?: readonly string[];
  readonly exports?: readonly { readonly module: string; readonly path: readonly string[] }[];
}

/** What runs a query on a value of an ORM type. */
export interface SyncDbOrmType {
  /** Calling the value itself starts a query chain (`db('users')` on a knex instance). */
  readonly callable?: boolean;
  /** Members that give another value of the ORM: a property (`ds.manager`) or a method's result (`em.fork()`). */
  readonly members?: Readonly<Record<string, string>>;
  /** Methods that run a query as soon as they are called (`repo.find()`, `em.flush()`). */
  readonly runs?: readonly string[];
  /** First members of a chain that runs when it is awaited or returned (`await db.select().from(t)`). */
  readonly builders?: readonly string[];
  /** Chain methods that run the query (`.all()`, `.execute()`); the last one in a chain is reported. */
  readonly terminals?: readonly string[];
  /** Methods of other values that run a query on the value they are given (`sql\`...\`.execute(db)`). */
  readonly runOn?: readonly string[];
  /** Members that run a tagged template as a query (`` db.sql`SELECT ...` ``). */
  readonly tags?: readonly string[];
}

export type SyncDbSource = SyncDbDriver | SyncDbOrm;

const WORKER_POOL = 'move slow queries to a worker pool (piscina) or';

/** `a`, `a` or `b`, `a`, `b` or `c`. */
function codeList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)!}` : quoted.join('');
}

/** The advice of every entry of a driver or ORM: a full sentence. */
export function syncDbAdvice(source: SyncDbSource): string {
  return source.kind === 'orm'
    ? `\`${source.module}\` runs the query synchronously on ${codeList(source.drivers)}, on the event loop; \`await\` does not make a synchronous driver yield: ${WORKER_POOL} ${source.instead ?? 'use an async driver'}.`
    : `\`${source.module}\` runs the query on the event loop; \`await\` does not make a synchronous driver yield: ${WORKER_POOL} use an async driver.`;
}

/** better-sqlite3 and the packages that keep its API: the module is the `Database` class. */
const betterSqlite3Like = (module: string): SyncDbDriver => ({
  kind: 'driver',
  module,
  constructorPath: [],
  databaseType: 'Database',
  statementType: 'Statement',
  // `backup()` returns a promise and copies in steps between event-loop turns: not listed.
  queries: ['exec', 'pragma', 'serialize'],
  prepares: ['prepare'],
  transaction: 'transaction',
  statementQueries: ['all', 'get', 'iterate', 'run'],
  statementChain: ['bind', 'expand', 'pluck', 'raw', 'safeIntegers'],
});

/** Repository and EntityManager methods of TypeORM that run SQL. */
const TYPEORM_QUERIES = [
  'average', 'clear', 'count', 'countBy', 'decrement', 'delete', 'exists', 'existsBy', 'find', 'findAndCount',
  'findAndCountBy', 'findBy', 'findOne', 'findOneBy', 'findOneByOrFail', 'findOneOrFail', 'increment', 'insert',
  'maximum', 'minimum', 'query', 'recover', 'remove', 'restore', 'save', 'softDelete', 'softRemove', 'sum', 'update', 'upsert',
];

/** EntityManager and EntityRepository methods of MikroORM that run SQL. */
const MIKRO_ORM_QUERIES = [
  'count', 'find', 'findAll', 'findAndCount', 'findByCursor', 'findOne', 'findOneOrFail', 'insert', 'insertMany',
  'nativeDelete', 'nativeInsert', 'nativeUpdate', 'populate', 'refresh', 'upsert', 'upsertMany',
];

export const syncDbSources: readonly SyncDbSource[] = [
  betterSqlite3Like('better-sqlite3'),
  // better-sqlite3 with SQLCipher and other encryption, same API.
  betterSqlite3Like('better-sqlite3-multiple-ciphers'),
  // Turso's libSQL behind better-sqlite3's synchronous API (`@libsql/client` is the async one).
  betterSqlite3Like('libsql'),
  {
    kind: 'driver',
    module: 'node:sqlite',
    constructorPath: ['DatabaseSync'],
    databaseType: 'DatabaseSync',
    statementType: 'StatementSync',
    queries: ['exec'],
    prepares: ['prepare'],
    statementQueries: ['all', 'get', 'iterate', 'run'],
    statementChain: [],
    // Node 24.9+: `const sql = db.createTagStore(); sql.get\`SELECT ... ${id}\``.
    tagStore: { create: 'createTagStore', type: 'SQLTagStore', queries: ['all', 'get', 'iterate', 'run'] },
  },
  {
    kind: 'driver',
    module: 'bun:sqlite',
    constructorPath: ['Database'],
    databaseType: 'Database',
    statementType: 'Statement',
    // `run` and its alias `exec` run SQL directly; `query()` prepares (and caches) a statement.
    queries: ['exec', 'run', 'serialize'],
    prepares: ['prepare', 'query'],
    transaction: 'transaction',
    statementQueries: ['all', 'get', 'iterate', 'run', 'values'],
    statementChain: ['as'],
  },
  {
    kind: 'driver',
    module: 'node-sqlite3-wasm',
    constructorPath: ['Database'],
    databaseType: 'Database',
    statementType: 'Statement',
    queries: ['all', 'exec', 'get', 'run'],
    prepares: ['prepare'],
    statementQueries: ['all', 'get', 'iterate', 'run'],
    statementChain: [],
  },
  ...(['better-sqlite3', 'bun-sqlite'] as const).map(
    (driver): SyncDbOrm => ({
      kind: 'orm',
      module: `drizzle-orm/${driver}`,
      drivers: [driver === 'bun-sqlite' ? 'bun:sqlite' : driver],
      constructors: [{ path: ['drizzle'] }],
      clientType: 'drizzle',
      types: {
        drizzle: {
          terminals: ['all', 'execute', 'get', 'run', 'transaction', 'values'],
          builders: ['$count', 'delete', 'insert', 'query', 'select', 'selectDistinct', 'update', 'with'],
        },
      },
    }),
  ),
  {
    // Only the `better-sqlite3` client is synchronous; `sqlite3`, `pg`, `mysql2`... are not.
    kind: 'orm',
    module: 'knex',
    drivers: ['better-sqlite3'],
    constructors: [[], ['knex']].map((path) => ({ path, when: { argument: 0, property: 'client', strings: ['better-sqlite3'] } })),
    clientType: 'Knex',
    types: {
      Knex: {
        // `db('users')` starts a builder; builders run when awaited (or then-ed), `transaction(fn)` at once.
        callable: true,
        runs: ['transaction'],
        builders: [
          'avg', 'count', 'countDistinct', 'del', 'delete', 'distinct', 'first', 'from', 'insert', 'into', 'max', 'min',
          'pluck', 'raw', 'select', 'sum', 'table', 'truncate', 'update', 'upsert', 'where', 'with', 'withRecursive',
        ],
      },
    },
  },
  {
    // Kysely's `SqliteDialect` runs better-sqlite3 (or any database with its synchronous API).
    kind: 'orm',
    module: 'kysely',
    drivers: ['better-sqlite3'],
    constructors: [
      { path: ['Kysely'], when: { argument: 0, property: 'dialect', exports: [{ module: 'kysely', path: ['SqliteDialect'] }] } },
    ],
    clientType: 'Kysely',
    types: {
      Kysely: {
        runs: ['executeQuery'],
        terminals: ['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream'],
        runOn: ['execute'],
      },
    },
  },
  {
    // `type: 'sqlite'` is the asynchronous sqlite3 package; sql.js runs SQLite compiled to wasm, synchronously.
    kind: 'orm',
    module: 'typeorm',
    drivers: ['better-sqlite3', 'sql.js'],
    constructors: [{ path: ['DataSource'], when: { argument: 0, property: 'type', strings: ['better-sqlite3', 'sqljs'] } }],
    clientType: 'DataSource',
    types: {
      DataSource: {
        members: { manager: 'EntityManager', getRepository: 'Repository', getTreeRepository: 'Repository', createQueryBuilder: 'QueryBuilder' },
        runs: ['query', 'transaction'],
      },
      EntityManager: {
        members: { getRepository: 'Repository', getTreeRepository: 'Repository', createQueryBuilder: 'QueryBuilder' },
        runs: [...TYPEORM_QUERIES, 'transaction'],
      },
      Repository: { members: { manager: 'EntityManager', createQueryBuilder: 'QueryBuilder' }, runs: TYPEORM_QUERIES },
      QueryBuilder: {
        terminals: ['execute', 'getCount', 'getExists', 'getMany', 'getManyAndCount', 'getOne', 'getOneOrFail', 'getRawMany', 'getRawOne', 'stream'],
      },
    },
  },
  {
    // `@mikro-orm/better-sqlite` exports a `MikroORM` bound to its driver; `@mikro-orm/core`'s takes
    // `driver: BetterSqliteDriver`. (`@mikro-orm/sqlite` is sqlite3, asynchronous, up to v6, and
    // better-sqlite3 from v7: which one a project has is not in its code, so it is not recognised.)
    kind: 'orm',
    module: '@mikro-orm/better-sqlite',
    drivers: ['better-sqlite3'],
    constructors: ([undefined, '@mikro-orm/core'] as const).flatMap((module) => {
      const when = module && { argument: 0, property: 'driver', exports: [{ module: '@mikro-orm/better-sqlite', path: ['BetterSqliteDriver'] }] };
      return [
        { module, path: ['MikroORM', 'init'], resolves: true, when },
        { module, path: ['MikroORM', 'initSync'], when },
        { module, path: ['MikroORM'], when },
      ];
    }),
    clientType: 'MikroORM',
    types: {
      MikroORM: { members: { em: 'EntityManager' } },
      EntityManager: {
        members: { fork: 'EntityManager', getRepository: 'EntityRepository', createQueryBuilder: 'QueryBuilder', qb: 'QueryBuilder' },
        runs: [...MIKRO_ORM_QUERIES, 'begin', 'commit', 'execute', 'flush', 'lock', 'persistAndFlush', 'removeAndFlush', 'rollback', 'transactional'],
      },
      EntityRepository: {
        members: { createQueryBuilder: 'QueryBuilder', qb: 'QueryBuilder', getEntityManager: 'EntityManager' },
        runs: MIKRO_ORM_QUERIES,
      },
      QueryBuilder: { terminals: ['execute', 'getCount', 'getResult', 'getResultAndCount', 'getResultList', 'getSingleResult'] },
    },
  },
  {
    // The connectors over synchronous drivers; `sqlite3`, `libsql`, `postgresql`... are asynchronous.
    kind: 'orm',
    module: 'db0',
    drivers: ['better-sqlite3', 'node:sqlite', 'bun:sqlite'],
    constructors: [
      {
        path: ['createDatabase'],
        when: { argument: 0, exports: ['better-sqlite3', 'node-sqlite', 'bun-sqlite'].map((name) => ({ module: `db0/connectors/${name}`, path: [] })) },
      },
    ],
    clientType: 'Database',
    types: {
      Database: { members: { prepare: 'Statement' }, runs: ['exec'], tags: ['sql'] },
      Statement: { members: { bind: 'Statement' }, runs: ['all', 'get', 'run'] },
    },
  },
  {
    // lowdb 1 (`low(new FileSync(file))`, lodash chains ending in `.write()`) and lowdb 2+
    // (`LowSync` over a synchronous file adapter): every read and write is a synchronous file
    // read or write. `Low` with `JSONFile`, and `LowSync` over memory, do not block.
    kind: 'orm',
    module: 'lowdb',
    drivers: ['FileSync', 'JSONFileSync'],
    instead: 'use `Low` with the asynchronous `JSONFile` adapter',
    constructors: [
      { path: [], when: { argument: 0, exports: [{ module: 'lowdb/adapters/FileSync', path: [] }] } },
      {
        path: ['LowSync'],
        when: {
          argument: 0,
          exports: ['lowdb', 'lowdb/node'].flatMap((module) =>
            ['DataFileSync', 'JSONFileSync', 'TextFileSync'].map((name) => ({ module, path: [name] })),
          ),
        },
      },
      { module: 'lowdb/node', path: ['JSONFileSyncPreset'] },
    ],
    clientType: 'LowSync',
    types: { LowSync: { terminals: ['read', 'update', 'write'] } },
  },
];

/**
 * A name a module's text must contain to build a client this way, for the text pre-check: what a
 * configuration over a synchronous driver names (`'better-sqlite3'`, `SqliteDialect`, the
 * `FileSync` of `lowdb/adapters/FileSync`), which must be written in the module that builds the
 * client; else the constructor's export (`DataSource`); undefined when the module itself is the
 * constructor and always builds one.
 */
function clientGiveaways({ when, path }: SyncDbOrmConstructor): readonly string[] | undefined {
  if (when) {
    return [...(when.strings ?? []), ...(when.exports ?? []).map((value) => value.path.at(-1) ?? value.module.split('/').at(-1)!)];
  }
  return path[0] === undefined ? undefined : [path[0]];
}

const entry = (source: SyncDbSource, path: readonly string[]): BlockingApi => {
  const giveaways = source.kind === 'orm' ? source.constructors.map(clientGiveaways) : [];
  const createdBy = giveaways.every((names) => names !== undefined) ? giveaways.flat() : [];
  return {
    family: 'db',
    modules: [source.module],
    path,
    advice: syncDbAdvice(source),
    onValue: true,
    ...(createdBy.length > 0 ? { createdBy: [...new Set(createdBy)] } : {}),
  };
};

/** The catalog entry of each query method: `Database.exec`, `Statement.get`, `drizzle.select`, `Knex` (`db('users')`). */
function entriesOf(source: SyncDbSource): BlockingApi[] {
  if (source.kind === 'orm') {
    return Object.entries(source.types).flatMap(([type, { callable, runs = [], builders = [], terminals = [], tags = [] }]) => [
      ...(callable ? [entry(source, [type])] : []),
      ...[...new Set([...runs, ...builders, ...terminals, ...tags])].sort().map((method) => entry(source, [type, method])),
    ]);
  }
  const { tagStore } = source;
  return [
    ...[...source.queries, ...(source.transaction ? [source.transaction] : [])].map((method) =>
      entry(source, [source.databaseType, method]),
    ),
    ...source.statementQueries.map((method) => entry(source, [source.statementType, method])),
    ...(tagStore ? tagStore.queries.map((method) => entry(source, [tagStore.type, method])) : []),
  ];
}

export const syncDbApis: readonly BlockingApi[] = syncDbSources.flatMap(entriesOf);

const byName = new Map(syncDbApis.map((api) => [`${api.modules[0]}\0${api.path.join('.')}`, api]));

/** The entry of a source's query: its type and method (`Statement`, `get`), or an ORM type alone when calling it runs one (`Knex`). */
export function syncDbApi(source: SyncDbSource, ...path: readonly string[]): BlockingApi | undefined {
  return byName.get(`${source.module}\0${path.join('.')}`);
}
