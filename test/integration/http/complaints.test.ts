import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
});
afterAll(() => t.close());

const phone = { customer: { name: 'Ion Popescu', phone: '+40 721 123 456' }, language: 'ro', placeOfConsumption: 'Str. Lalelelor 4, Cluj, POD 5940000123', description: 'Factura la gaz este estimată de trei luni, nu s-a citit contorul.', category: 'utility_supply', severity: 'commercial' };

describe('complaints over HTTP', () => {
  it('when a call-centre agent registers a phone complaint, the caller gets code and PIN and the complaint is on record with its deadlines', async () => {
    const created = await t.request('POST', '/api/complaints', { token: admin, body: phone });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'received', channel: 'phone', language: 'ro', category: 'utility_supply', placeOfConsumption: phone.placeOfConsumption });
    expect(created.body.pin).toMatch(/^\d{6}$/);
    expect(created.body.deadlines.stage).toBe('receipt');
    expect(Date.parse(created.body.deadlines.dueAt)).toBeGreaterThan(Date.parse(created.body.receivedAt));

    const one = await t.request('GET', `/api/complaints/${created.body.id}`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('pin');
    expect(one.body.history).toEqual([expect.objectContaining({ type: 'created', to: 'received', actor: { type: 'agent', id: expect.any(String) } })]);

    const list = await t.request('GET', '/api/complaints?status=received', { token: admin });
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const none = await t.request('GET', '/api/complaints?status=closed', { token: admin });
    expect(none.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
  });

  it('when the list is paged, pages do not overlap and end', async () => {
    for (let i = 0; i < 3; i++) await t.request('POST', '/api/complaints', { token: admin, body: phone });
    const first = await t.request('GET', '/api/complaints?limit=2', { token: admin });
    expect(first.body.items).toHaveLength(2);
    const second = await t.request('GET', `/api/complaints?limit=2&before=${encodeURIComponent(first.body.nextBefore)}`, { token: admin });
    const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when an agent of another tenant asks for the complaint, it does not exist for them', async () => {
    const created = await t.request('POST', '/api/complaints', { token: admin, body: phone });
    await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'rival', name: 'Rival' } });
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'rival', email: 'agent@rival.example', password: 'rival-pass-1', role: 'agent' } });
    const rival = await t.login('agent@rival.example', 'rival-pass-1');
    expect((await t.request('GET', `/api/complaints/${created.body.id}`, { token: rival })).status).toBe(404);
    const list = await t.request('GET', '/api/complaints', { token: rival });
    expect(list.body.items).toEqual([]);
  });

  it('when a client viewer tries to register a complaint, it is forbidden', async () => {
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'demo', email: 'viewer@client.example', password: 'viewer-pass-1', role: 'viewer' } });
    const viewer = await t.login('viewer@client.example', 'viewer-pass-1');
    expect((await t.request('POST', '/api/complaints', { token: viewer, body: phone })).status).toBe(403);
    expect((await t.request('GET', '/api/complaints', { token: viewer })).status).toBe(200);
  });
});
