import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer } from '../support/process';

// Each test starts real server processes, some twice; on a busy machine that takes a while.
jest.setTimeout(120_000);

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ombuds-logs-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('logs', () => {
  it('when people sign in, register complaints and track them, no password, token or PIN reaches the log', async () => {
    const password = 'Secret-Pass-4242';
    const server = startServer({ DATA_DIR: dir, LOG_LEVEL: 'debug', DEMO_AGENT_PASSWORD: password }, await freePort());
    try {
      await server.ready();
      const json = { 'content-type': 'application/json' };
      const login = await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'agent@demo.local', password }) })).json();
      await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'agent@demo.local', password: 'Wrong-Pass-1717' }) });
      const created = await (await fetch(`${server.url}/api/complaints`, {
        method: 'POST', headers: { ...json, authorization: `Bearer ${login.token}` },
        body: JSON.stringify({ customer: { name: 'Log Test', phone: '+39 02 1234 5678' }, description: 'The meter reading is wrong' }),
      })).json();
      await fetch(`${server.url}/api/track/${created.code}?pin=${created.pin}`);
      await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `ombuds_token=${login.token}` } });
      await fetch(`${server.url}/api/complaints?limit=x`, { headers: { authorization: `Bearer ${login.token}` } });
    } finally {
      await server.stop();
    }
    const log = server.stdout() + server.stderr();
    expect(log).toContain('"url":"/api/track/'); // requests are logged…
    for (const secret of [password, 'Wrong-Pass-1717']) expect(log).not.toContain(secret);
    // …but not their secrets
    const pins = [...log.matchAll(/pin=(\d{6})/g)];
    expect(pins).toEqual([]);
    expect(log).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
    expect(log).not.toMatch(/ombuds_token=[A-Za-z0-9_-]{20,}/);
  });
});
