import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configSchema, parseConfig } from '../../../inbox-server/config';

const root = join(__dirname, '..', '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const known = new Set(Object.keys(configSchema.shape));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16 with a volume and a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:16/);
    expect(db.volumes.some((v: string) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
  });

  it('starts the app only once the database is healthy, with a health check on /health', () => {
    const app = compose.services.app;
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.healthcheck.test.join(' ')).toContain('/health');
    expect(app.env_file).toBe('.env');
    expect(app.ports[0]).toMatch(/:3000$/);
  });

  it('sets only variables the configuration knows, with values it accepts', () => {
    const env: Record<string, string> = compose.services.app.environment;
    for (const name of Object.keys(env)) expect(known).toContain(name);
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace('${POSTGRES_PASSWORD}', 'secret')]));
    const result = parseConfig(resolved);
    expect(result).toMatchObject({ ok: true, config: { HOST: '0.0.0.0', PORT: 3000, DATABASE_URL: 'postgres://ombuds:secret@db:5432/ombuds' } });
  });

  it('.env.example names only known variables (plus the database password)', () => {
    const lines = readFileSync(join(root, '.env.example'), 'utf8').split('\n').map((l) => l.replace(/^#\s*/, '')).filter((l) => /^[A-Z_]+=/.test(l));
    for (const line of lines) {
      const name = line.split('=')[0]!;
      if (name !== 'POSTGRES_PASSWORD') expect(known).toContain(name);
    }
  });

  it('the Dockerfile uses Node 20 slim with Debian Chromium and never downloads a browser', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM node:20-bookworm-slim/);
    expect(dockerfile).toMatch(/apt-get install[^\n]*chromium/);
    expect(dockerfile).toContain('PUPPETEER_SKIP_DOWNLOAD=1');
  });
});

describe('configuration', () => {
  it('defaults are those of INTERFACES.md', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({ ok: true, config: {
      PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './.data', DEMO_AGENT_EMAIL: 'agent@demo.local',
      TELEGRAM_API_ROOT: 'https://api.telegram.org', CHROMIUM_PATH: '/usr/bin/chromium',
      WHATSAPP_GRAPH_API_ROOT: 'https://graph.facebook.com/v21.0', WHATSAPP_WEB: false, BOTFRAMEWORK_ANONYMOUS: false,
    } });
  });

  it('a bad value is one line naming the variable and what it needs', () => {
    const result = parseConfig({ PORT: 'abc' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Invalid configuration: PORT /);
      expect(result.message).not.toContain('\n');
    }
  });

  it('memory:// and postgres URLs are accepted for DATABASE_URL, others not', () => {
    expect(parseConfig({ DATABASE_URL: 'memory://' }).ok).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'postgresql://u:p@h:5432/d' }).ok).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'mongodb://x' }).ok).toBe(false);
  });
});
