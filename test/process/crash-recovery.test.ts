import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer } from '../support/process';

// Each test starts real server processes, some twice; on a busy machine that takes a while.
jest.setTimeout(120_000);

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ombuds-kill-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ DATA_DIR: dir, DEMO_AGENT_PASSWORD: 'kill-test-pass' });

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@demo.local', password: 'kill-test-pass' }) });
  return (await res.json()).token;
}

describe('crash recovery on the file-backed embedded database', () => {
  it('when the server is killed with SIGKILL while complaints arrive, every acknowledged one is there after a restart', async () => {
    const first = startServer(env(), await freePort());
    await first.ready();
    const token = await login(first.url);
    const acknowledged: { code: string; pin: string }[] = [];
    let stop = false;
    // Keep registering complaints; the kill lands in the middle of the stream.
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${first.url}/api/complaints`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ customer: { name: `Caller ${i}`, phone: '+39 02 1234 5678' }, description: `Complaint number ${i}` }),
          });
          if (res.status === 201) { const b = await res.json(); acknowledged.push({ code: b.code, pin: b.pin }); }
        } catch { break; }
      }
    })();
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await writer;
    expect(await first.exited).toBeNull();

    const second = startServer(env(), await freePort());
    try {
      await second.ready();
      for (const { code, pin } of acknowledged) {
        const res = await fetch(`${second.url}/api/track/${code}?pin=${pin}`);
        expect(res.status).toBe(200);
      }
      const token2 = await login(second.url);
      const list = await (await fetch(`${second.url}/api/complaints?limit=200`, { headers: { authorization: `Bearer ${token2}` } })).json();
      const codes = list.items.map((c: { code: string }) => c.code);
      for (const { code } of acknowledged) expect(codes.filter((c: string) => c === code)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
