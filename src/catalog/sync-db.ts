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
}

/**
 * An ORM or query builder whose client runs on a synchronous driver: every query the client's
 * chains run blocks, even awaited (drizzle's sync SQLite sessions resolve promises they have
 * already computed).
 */
export interface SyncDbOrm {
  readonly kind: 'orm';
  readonly module: string;
  /** Export path of the function that builds the client (`['drizzle']`). */
  readonly constructorPath: readonly string[];
  /** The driver underneath, for messages. */
  readonly driver: string;
  /** Chain methods that run the query when they are the last call (`db.select().from(t).all()`). */
  readonly terminals: readonly string[];
  /** First members of an awaited chain that run a query (`await db.select().from(t)`). */
  readonly builders: readonly string[];
}

export type SyncDbSource = SyncDbDriver | SyncDbOrm;

const WORKER_POOL = 'move slow queries to a worker pool (piscina) or use an async driver.';

/** The advice of every entry of a driver or ORM: a full sentence. */
export function syncDbAdvice(source: SyncDbSource): string {
  return source.kind === 'orm'
    ? `\`${source.module}\` runs the query synchronously on \`${source.driver}\`, on the event loop; \`await\` does not make a synchronous driver yield: ${WORKER_POOL}`
    : `\`${source.module}\` runs the query on the event loop; \`await\` does not make a synchronous driver yield: ${WORKER_POOL}`;
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
      constructorPath: ['drizzle'],
      driver: driver === 'bun-sqlite' ? 'bun:sqlite' : driver,
      terminals: ['all', 'execute', 'get', 'run', 'transaction', 'values'],
      builders: ['$count', 'delete', 'insert', 'query', 'select', 'selectDistinct', 'update', 'with'],
    }),
  ),
];

const entry = (source: SyncDbSource, path: readonly string[]): BlockingApi => ({
  family: 'db',
  modules: [source.module],
  path,
  advice: syncDbAdvice(source),
  onValue: true,
});

/** The catalog entry of each query method: `Database.exec`, `Statement.get`, `drizzle.select`. */
function entriesOf(source: SyncDbSource): BlockingApi[] {
  if (source.kind === 'orm') {
    const name = source.constructorPath.at(-1)!;
    return [...new Set([...source.terminals, ...source.builders])].sort().map((method) => entry(source, [name, method]));
  }
  return [
    ...[...source.queries, ...(source.transaction ? [source.transaction] : [])].map((method) =>
      entry(source, [source.databaseType, method]),
    ),
    ...source.statementQueries.map((method) => entry(source, [source.statementType, method])),
  ];
}

export const syncDbApis: readonly BlockingApi[] = syncDbSources.flatMap(entriesOf);

const byName = new Map(syncDbApis.map((api) => [`${api.modules[0]}\0${api.path.join('.')}`, api]));

/** The entry for `method` of a source's database, statement or client type. */
export function syncDbApi(source: SyncDbSource, type: string, method: string): BlockingApi | undefined {
  return byName.get(`${source.module}\0${type}.${method}`);
}
