/**
 * The database handle: embedded PGlite (file-backed or in memory) or a PostgreSQL server pool,
 * chosen by the URL exactly as INTERFACES.md describes, behind one drizzle API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as coreSchema from './schema';
import * as workSchema from './schema-work';

const schema = { ...coreSchema, ...workSchema };
import { lockDataDir } from './embedded-lock';
import { projectRoot } from './project-root';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle inside `db.transaction(async (tx) => …)`; repositories accept either. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'> & Partial<Pick<Database, 'transaction'>>;

export interface DbHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations (the same SQL on both kinds). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** Where an embedded, file-backed database lives (`DATA_DIR/db`). */
  dataDir?: string;
  /** A data directory dump (PGlite `dumpDataDir`) to start from: tests clone a migrated template. */
  loadDataDir?: Blob | File;
  /** Pool size on a server. */
  maxConnections?: number;
}

export const migrationsFolder = () => join(projectRoot(), 'db', 'migrations');

/**
 * `undefined` → embedded PGlite in `dataDir`; `memory://` → embedded in memory;
 * `postgres://…` or `postgresql://…` → a server pool.
 */
export async function createDb(url: string | undefined, options: DbOptions = {}): Promise<DbHandle> {
  if (url && /^postgres(ql)?:\/\//.test(url)) return createServerDb(url, options);
  if (url && url !== 'memory://') throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
  return createEmbeddedDb(url === 'memory://' ? undefined : options.dataDir ?? './.data', options);
}

async function createEmbeddedDb(dataDir: string | undefined, options: DbOptions): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let path: string | undefined;
  let unlock = () => undefined as void;
  if (dataDir) {
    path = join(dataDir, 'db');
    mkdirSync(path, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(path, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migrate(drizzle(client, { schema }), { migrationsFolder: migrationsFolder() });
    },
    close: async () => {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

async function createServerDb(url: string, options: DbOptions): Promise<DbHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // A server restart kills idle clients; the pool replaces them, so an idle error is not fatal.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // Several processes may start at once: a transaction-level advisory lock serialises migrations.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock(7406310)');
        await migrate(drizzle(pool, { schema }), { migrationsFolder: migrationsFolder() });
      } finally {
        await lockClient.query('select pg_advisory_unlock(7406310)').catch(() => undefined);
        lockClient.release();
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
