import { startTestApp, type TestApp } from '../../support/app';
import { WebchatVisitor } from '../../support/webchat-client';

let t: TestApp;
let admin: string;
let anna: string;
let ben: string;
const visitors: WebchatVisitor[] = [];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  for (const [email, name] of [['anna@demo.local', 'Anna'], ['ben@demo.local', 'Ben']]) {
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'demo', email, password: 'agent-pass-1', role: 'agent', displayName: name } });
  }
  anna = await t.login('anna@demo.local', 'agent-pass-1');
  ben = await t.login('ben@demo.local', 'agent-pass-1');
});
afterAll(async () => { for (const v of visitors) v.close(); await t.close(); });

/** A web-chat customer who asks for a person; returns the waiting conversation's id. */
async function waitingCustomer(): Promise<{ v: WebchatVisitor; id: string }> {
  const v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
  visitors.push(v);
  await v.say('Hello');
  await v.say('I want to talk to a human');
  const list = await t.request('GET', '/api/conversations?state=waiting', { token: anna });
  const mine = list.body.items[0];
  expect(mine).toMatchObject({ state: 'waiting', waitingReason: 'customer_asked', channel: 'webchat' });
  return { v, id: mine.id };
}

describe('agents and conversations', () => {
  it('when a customer asks for a person, the conversation waits with its reason; an agent claims it and a second claim is refused', async () => {
    const { id } = await waitingCustomer();
    const claimed = await t.request('POST', `/api/conversations/${id}/claim`, { token: anna });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ state: 'assigned', assignedAgentId: expect.any(String) });
    const second = await t.request('POST', `/api/conversations/${id}/claim`, { token: ben });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
  });

  it('when two agents claim the same conversation at once, exactly one wins', async () => {
    const { id } = await waitingCustomer();
    const results = await Promise.all([anna, ben].map((token) => t.request('POST', `/api/conversations/${id}/claim`, { token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("when the agent replies, the customer receives it on the conversation's own channel; an internal note never reaches them", async () => {
    const { v, id } = await waitingCustomer();
    await t.request('POST', `/api/conversations/${id}/claim`, { token: anna });
    const before = v.received.length;
    const note = await t.request('POST', `/api/conversations/${id}/messages`, { token: anna, body: { text: 'Customer sounds upset; check order first', internal: true } });
    expect(note.status).toBe(201);
    const sent = await t.request('POST', `/api/conversations/${id}/messages`, { token: anna, body: { text: 'Hello, I am Anna. <b>How</b> can I help?' } });
    expect(sent.status).toBe(201);
    const deadline = Date.now() + 5000;
    while (v.received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const got = v.received.slice(before);
    expect(got.map((m) => [m.from, m.text])).toEqual([['agent', 'Hello, I am Anna. <b>How</b> can I help?']]);
    const history = await t.request('GET', `/api/conversations/${id}/messages`, { token: anna });
    expect(history.body.items.filter((m: { internal: boolean }) => m.internal).map((m: { text: string }) => m.text)).toEqual(['Customer sounds upset; check order first']);
    expect(history.body.items.find((m: { text: string }) => m.text.startsWith('Hello, I am Anna')).status).toBe('sent');
  });

  it('when the agent releases the conversation, it goes back to the bot', async () => {
    const { id } = await waitingCustomer();
    await t.request('POST', `/api/conversations/${id}/claim`, { token: anna });
    expect((await t.request('POST', `/api/conversations/${id}/release`, { token: ben })).status).toBe(403);
    const released = await t.request('POST', `/api/conversations/${id}/release`, { token: anna });
    expect(released.body).toMatchObject({ state: 'bot', assignedAgentId: null, waitingReason: null });
  });

  it('when an agent of another tenant or a viewer tries, it is 404 or 403', async () => {
    const { id } = await waitingCustomer();
    await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'rival2', name: 'Rival' } });
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'rival2', email: 'x@rival2.example', password: 'agent-pass-1', role: 'agent' } });
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'demo', email: 'viewer2@demo.local', password: 'agent-pass-1', role: 'viewer' } });
    const rival = await t.login('x@rival2.example', 'agent-pass-1');
    const viewer = await t.login('viewer2@demo.local', 'agent-pass-1');
    for (const path of ['claim', 'release']) expect((await t.request('POST', `/api/conversations/${id}/${path}`, { token: rival })).status).toBe(404);
    expect((await t.request('POST', `/api/conversations/${id}/messages`, { token: rival, body: { text: 'hi' } })).status).toBe(404);
    expect((await t.request('GET', `/api/conversations/${id}/messages`, { token: rival })).status).toBe(404);
    expect((await t.request('POST', `/api/conversations/${id}/claim`, { token: viewer })).status).toBe(403);
    expect((await t.request('GET', '/api/conversations', { token: rival })).body.items).toEqual([]);
  });
});
