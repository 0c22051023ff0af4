import { startTestApp, type TestApp } from '../../support/app';

// Its own app: the per-client login limit (10 a minute) counts every sign-in of the file.
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

describe('login abuse', () => {
  it('when someone guesses passwords, the account locks even for the right password', async () => {
    const token = await t.login();
    await t.request('POST', '/api/admin/users', { token, body: { tenant: 'demo', email: 'victim@demo.local', password: 'right-password', role: 'agent' } });
    for (let i = 0; i < 5; i++) {
      expect((await t.request('POST', '/api/auth/login', { body: { email: 'victim@demo.local', password: `guess-${i}xx` }, headers: { 'x-forwarded-for': `10.0.0.${i}` } })).status).toBe(401);
    }
    const right = await t.request('POST', '/api/auth/login', { body: { email: 'victim@demo.local', password: 'right-password' } });
    expect(right.status).toBe(401);
  });

  it('when one client hammers the login, it is rate limited with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await t.request('POST', '/api/auth/login', { body: { email: 'x@y.z', password: 'whatever1' } })).status);
    expect(statuses).toContain(429);
    const limited = await t.request('POST', '/api/auth/login', { body: { email: 'x@y.z', password: 'whatever1' } });
    expect(limited.body.error.code).toBe('rate_limited');
  });
});
