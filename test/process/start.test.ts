import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, mainJs, root, startServer } from '../support/process';

// Each test starts real server processes, some twice; on a busy machine that takes a while.
jest.setTimeout(120_000);

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'ombuds-start-')); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('starting the server', () => {
  it('on the embedded database, GET /health answers 200 and the output says where everything is', async () => {
    const port = await freePort();
    const server = startServer({ DATA_DIR: tempDir() }, port);
    try {
      // Start-up time is a figure to watch, not a pass mark: a loaded machine would fail it.
      console.log(`GET /health answered 200 ${await server.ready()} ms after the process started`);
      const out = server.stdout();
      expect(out).toContain(`http://127.0.0.1:${port}/docs`);
      expect(out).toMatch(/Demo agent:\s+agent@demo\.local \/ password \S{12,}/);
      const docs = await fetch(`${server.url}/docs/json`);
      expect((await docs.json()).openapi).toMatch(/^3\./);
    } finally {
      const code = await server.stop('SIGTERM');
      // The output is part of the expectation so that a failed shutdown says why.
      expect({ code, stderr: server.stderr() }).toEqual({ code: 0, stderr: '' });
    }
  });

  it('when the demo password is given, the demo agent signs in with it', async () => {
    const port = await freePort();
    const server = startServer({ DATABASE_URL: 'memory://', DEMO_AGENT_EMAIL: 'boss@example.org', DEMO_AGENT_PASSWORD: 'chosen-password' }, port);
    try {
      await server.ready();
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@example.org', password: 'chosen-password' }) });
      expect(res.status).toBe(200);
      expect(server.stdout()).not.toContain('chosen-password');
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://nope'],
    ['TELEGRAM_API_ROOT', 'not a url'],
    ['WHATSAPP_WEB', 'maybe'],
    ['LOG_LEVEL', 'loud'],
  ])('when %s=%s, start-up stops with exit code 1 and one line naming the variable', (name, value) => {
    const result = spawnSync(process.execPath, [mainJs], { cwd: root, env: { PATH: process.env.PATH, [name]: value, DATA_DIR: tempDir() }, encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(result.stdout).toBe('');
  });

  it('PORT=abc npm start exits 1 and names PORT', () => {
    const result = spawnSync('npm', ['start', '--silent'], { cwd: root, env: { ...process.env, PORT: 'abc', DATA_DIR: tempDir() }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
  });

  it('when a second server opens the same embedded database, it refuses with a clear message', async () => {
    const dir = tempDir();
    const first = startServer({ DATA_DIR: dir }, await freePort());
    try {
      await first.ready();
      const second = spawnSync(process.execPath, [mainJs], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dir, PORT: String(await freePort()) }, encoding: 'utf8', timeout: 15_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/in use by process \d+/);
    } finally {
      await first.stop();
    }
  });
});
