/**
 * The entry point (`npm start`): reads and validates the environment, opens and migrates the
 * database, seeds the demo tenant, starts HTTP, prints where everything is, and shuts down
 * gracefully on SIGTERM/SIGINT.
 */
import { resolve } from 'node:path';
import { createDb } from '../db/client';
import { loadTriage } from '../nlp/triage';
import { buildApp } from './app';
import { parseConfig } from './config';
import { seedDemo } from './seed';

/** Long enough for a slow disk to flush the embedded database, short enough for an orchestrator's kill timeout (30 s). */
const SHUTDOWN_GRACE_MS = 20_000;

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exit(1);
  }
  const config = parsed.config;
  const db = await createDb(config.DATABASE_URL, { dataDir: config.DATA_DIR });
  await db.migrate();
  const demo = await seedDemo(db.db, config.DEMO_AGENT_EMAIL, config.DEMO_AGENT_PASSWORD);
  const triage = loadTriage();
  const app = await buildApp({ db, config, now: () => new Date(), triage });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Work still in flight when the database closes fails; that is expected while stopping and
    // must not turn a clean shutdown into a crash.
    process.on('unhandledRejection', (error) => app.log.warn({ err: error }, 'unfinished work abandoned at shutdown'));
    const force = setTimeout(() => {
      process.stderr.write(`Ombuds did not stop within ${SHUTDOWN_GRACE_MS / 1000} s after ${signal}; exiting anyway.\n`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      await db.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`Ombuds shutdown failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = config.PUBLIC_URL ?? `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  const where = db.kind === 'postgres' ? 'PostgreSQL server (DATABASE_URL)'
    : config.DATABASE_URL === 'memory://' ? 'embedded PostgreSQL (PGlite), in memory'
      : `embedded PostgreSQL (PGlite) in ${resolve(config.DATA_DIR, 'db')}`;
  process.stdout.write([
    '',
    'Ombuds is running',
    `  API docs:       ${base}/docs`,
    `  Health:         ${base}/health`,
    `  Tracking:       ${base}/api/track/CODE?pin=PIN`,
    `  Database:       ${where}`,
    `  Demo tenant:    demo`,
    `  Demo agent:     ${demo.email}` + (demo.password ? ` / password ${demo.password}` : ' / password as set before (DEMO_AGENT_PASSWORD)'),
    '',
  ].join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`Ombuds could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
