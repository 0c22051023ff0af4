/**
 * Once per test run: compile the backend (process-level tests start dist/), and build one migrated
 * database template that every test clones — a fresh PGlite costs seconds, a clone a fraction.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDb } from '../../db/client';

export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `ombuds_tpl_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const handle = await createDb(withDatabase(serverUrl, name));
    await handle.migrate();
    await handle.close();
    process.env.OMBUDS_TEST_TEMPLATE_DB = name;
    return;
  }
  const handle = await createDb('memory://');
  await handle.migrate();
  const dump = await (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client.dumpDataDir('none');
  await handle.close();
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-test-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.OMBUDS_TEST_TEMPLATE_FILE = file;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
