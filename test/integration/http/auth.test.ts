import { startTestApp, demoEmail, demoPassword, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

describe('signing in', () => {
  it('when the demo agent signs in, the token works as a Bearer token and as an HttpOnly cookie', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: demoEmail, password: demoPassword } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: demoEmail, role: 'admin', isOperator: true });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`ombuds_token=${res.body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    expect((await t.request('GET', '/api/auth/me', { token: res.body.token })).body.email).toBe(demoEmail);
    const viaCookie = await t.request('GET', '/api/auth/me', { headers: { cookie: `ombuds_token=${res.body.token}` } });
    expect(viaCookie.status).toBe(200);
  });

  it('when the password is wrong or the e-mail unknown, the answer is the same 401', async () => {
    const wrong = await t.request('POST', '/api/auth/login', { body: { email: demoEmail, password: 'nope-nope' } });
    const unknown = await t.request('POST', '/api/auth/login', { body: { email: 'ghost@demo.local', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('when there is no token or a made-up one, /api routes answer 401 in the uniform shape', async () => {
    for (const token of [undefined, 'made-up-token']) {
      const res = await t.request('GET', '/api/complaints', { token });
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'unauthorized', message: expect.any(String) });
    }
  });

  it('when an agent signs out, the token stops working', async () => {
    const token = await t.login();
    expect((await t.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });
});
