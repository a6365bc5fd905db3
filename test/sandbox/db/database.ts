import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The one way the training register talks SQL: the same queries on PGlite and on PostgreSQL. */
export interface Sql {
  /**
   * `prepared` names a statement that PostgreSQL parses and plans once per connection (hot
   * queries; the name must always come with the same text). PGlite ignores it.
   */
  query<T extends object>(
    text: string,
    params?: readonly unknown[],
    prepared?: string,
  ): Promise<T[]>;
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; an exception rolls it back. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server (`postgres://…`); when absent the embedded PGlite is used. */
  readonly databaseUrl?: string;
  /** PGlite's data directory; absent = in memory (tests). */
  readonly dataDir?: string;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // PGlite's pages are in memory (or the OS cache): an index lookup costs no more than a sequential
  // read. With the default 4 the planner scans all key rows for the § 5 candidate statement once
  // the register has grown by a few hundred Erstmeldungen since its statistics (about 40 ms instead
  // of 9 ms at 2,000 persons). The PostgreSQL benchmark database has the same setting
  // (test/bench/sandbox/REPORT.md).
  await db.exec('set random_page_cost = 1.1');
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      return (await target.query<T>(text, [...params])).rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  // Fail at start with a clear message rather than on the first request.
  await pool.query('select 1');
  const wrap = (target: pg.Pool | pg.PoolClient): Sql => ({
    async query<T extends object>(
      text: string,
      params: readonly unknown[] = [],
      prepared?: string,
    ) {
      const values = [...params];
      const config = prepared ? { name: prepared, text, values } : { text, values };
      return (await target.query<T & pg.QueryResultRow>(config)).rows;
    },
    async exec(text: string) {
      await target.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
