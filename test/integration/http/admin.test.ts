import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await startTestApp();
  operator = await t.login();
});
afterAll(() => t.close());

describe('installation operator', () => {
  it('when the operator creates a tenant and an agent, the agent can sign in to that tenant', async () => {
    const tenant = await t.request('POST', '/api/admin/tenants', { token: operator, body: { slug: 'enel-desk', name: 'Energy Desk' } });
    expect(tenant.status).toBe(201);
    expect(tenant.body).toEqual({ id: expect.any(String), slug: 'enel-desk', name: 'Energy Desk' });
    const user = await t.request('POST', '/api/admin/users', { token: operator, body: { tenant: 'enel-desk', email: 'Ana@Energy.example', password: 'secret-pass', role: 'supervisor' } });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ tenant: 'enel-desk', email: 'ana@energy.example', role: 'supervisor' });
    const token = await t.login('ana@energy.example', 'secret-pass');
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.body).toMatchObject({ tenantId: tenant.body.id, role: 'supervisor', isOperator: false });
  });

  it('when a slug or e-mail is taken, the answer is 409 and nothing is duplicated', async () => {
    expect((await t.request('POST', '/api/admin/tenants', { token: operator, body: { slug: 'demo', name: 'Again' } })).status).toBe(409);
    const dup = await t.request('POST', '/api/admin/users', { token: operator, body: { tenant: 'demo', email: 'AGENT@demo.local', password: 'whatever-1', role: 'agent' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
  });

  it('when a tenant does not exist, creating a user in it is 404', async () => {
    const res = await t.request('POST', '/api/admin/users', { token: operator, body: { tenant: 'nowhere', email: 'a@b.example', password: 'whatever-1', role: 'agent' } });
    expect(res.status).toBe(404);
  });

  it('when a tenant admin who is not the operator tries, it is forbidden', async () => {
    await t.request('POST', '/api/admin/users', { token: operator, body: { tenant: 'demo', email: 'boss@demo.local', password: 'boss-pass-1', role: 'admin' } });
    const boss = await t.login('boss@demo.local', 'boss-pass-1');
    expect((await t.request('POST', '/api/admin/tenants', { token: boss, body: { slug: 'mine', name: 'Mine' } })).status).toBe(403);
  });
});
