/** A started app on a free port of 127.0.0.1, with its own database and a demo tenant + admin. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../../db/client';
import { buildApp } from '../../inbox-server/app';
import type { AppDeps } from '../../inbox-server/deps';
import { parseConfig, type Config } from '../../inbox-server/config';
import { seedDemo } from '../../inbox-server/seed';
import type { Tenant } from '../../db/tenants';
import { testDb } from './db';
import { loadTriage, type Triage } from '../../nlp/triage';

let sharedTriage: Triage | undefined;
/** The shipped model, loaded once per test file. */
export function triage(): Triage {
  sharedTriage ??= loadTriage();
  return sharedTriage;
}

export const demoEmail = 'agent@demo.local';
export const demoPassword = 'demo-password-1';

export interface TestApp {
  app: FastifyInstance;
  db: DbHandle;
  url: string;
  demo: Tenant;
  clock: { now: Date };
  /** fetch against the app; JSON bodies are encoded; answers `{ status, body, headers }`. */
  request(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * `port`: listen on a port chosen in advance, for configurations that must name the app's own URL
 * before it starts (TELEGRAM_WEBHOOK_URL); by default any free port.
 */
export async function startTestApp(options: { env?: Record<string, string>; now?: Date; deps?: Partial<AppDeps>; port?: number } = {}): Promise<TestApp> {
  const port = options.port ?? 0;
  const parsed = parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'ombuds-app-')), ...options.env, ...(port ? { PORT: String(port) } : {}) });
  if (!parsed.ok) throw new Error(parsed.message);
  const config: Config = parsed.config;
  const db = await testDb();
  const seeded = await seedDemo(db.db, demoEmail, demoPassword);
  const clock = { now: options.now ?? new Date() };
  const useRealTime = !options.now;
  const app = await buildApp({ db, config, now: () => (useRealTime ? new Date() : clock.now), triage: triage(), ...options.deps });
  try {
    await app.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.close();
    throw error;
  }
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const request: TestApp['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    let parsedBody: unknown = text;
    try { parsedBody = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: response.status, body: parsedBody, headers: response.headers };
  };

  return {
    app, db, url, demo: seeded.tenant, clock, request,
    async login(email = demoEmail, password = demoPassword) {
      const res = await request('POST', '/api/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
