/**
 * A fresh, migrated database per test file: a clone of the run's template, on PGlite by default or
 * on the PostgreSQL server named by TEST_DATABASE_URL. Always `close()` it (afterAll).
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDb, type DbHandle } from '../../db/client';
import { withDatabase } from './global-setup';

export const onServer = Boolean(process.env.TEST_DATABASE_URL);

export async function testDb(): Promise<DbHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = process.env.OMBUDS_TEST_TEMPLATE_DB;
    if (!template) throw new Error('global setup did not build the template database');
    const name = `ombuds_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name} template ${template}`);
    const handle = await createDb(withDatabase(serverUrl, name), { maxConnections: 5 });
    return {
      ...handle,
      db: handle.db,
      kind: handle.kind,
      migrate: handle.migrate,
      close: async () => {
        await handle.close();
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const file = process.env.OMBUDS_TEST_TEMPLATE_FILE;
  if (!file) throw new Error('global setup did not build the template database');
  return createDb('memory://', { loadDataDir: new Blob([readFileSync(file)]) });
}

async function adminQuery(url: string, query: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}
