/**
 * The `/inbox` namespace: who may connect, what a reconnecting agent gets back, typing both ways,
 * presence, and automatic round-robin assignment among online agents with free capacity.
 */
import { sql } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../support/app';
import { AgentSocket } from '../../support/agent-socket';
import { sleep, until } from '../../support/intake-checks';
import { WebchatVisitor } from '../../support/webchat-client';

let t: TestApp;
let admin: string;
const tokens: Record<string, string> = {};
const sockets: AgentSocket[] = [];
const visitors: WebchatVisitor[] = [];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const people: [string, string, Record<string, unknown>][] = [
    ['anna', 'agent', {}], ['ben', 'agent', {}], ['vera', 'viewer', {}], ['carl', 'agent', {}],
  ];
  for (const [name, role] of people) {
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'demo', email: `${name}@demo.local`, password: 'agent-pass-1', role, displayName: name } });
    tokens[name] = await t.login(`${name}@demo.local`, 'agent-pass-1');
  }
  await setAutoAssign(false);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const v of visitors) v.close();
  await t.close();
});

const setAutoAssign = (on: boolean) => t.db.db.execute(sql`update tenants set settings = settings || ${JSON.stringify({ autoAssign: on })}::jsonb where slug = 'demo'`);

async function agent(name: string, extra: { lastEventId?: number } = {}): Promise<AgentSocket> {
  const s = await new AgentSocket(t.url, { token: tokens[name] ?? admin, ...extra }).connect();
  sockets.push(s);
  return s;
}

/** A web-chat customer who asks for a person: their conversation enters the queue. */
async function waitingCustomer(): Promise<{ v: WebchatVisitor; conversationId: string }> {
  const v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
  visitors.push(v);
  await v.say('Hello');
  await v.say('I want to talk to a human');
  const list = (await t.request('GET', '/api/conversations?state=waiting,assigned', { token: admin })).body.items;
  return { v, conversationId: list[0].id };
}

describe('connecting to /inbox', () => {
  it('without a valid token is refused; a viewer may watch but not act', async () => {
    for (const auth of [{}, { token: 'not-a-token' }]) {
      const socket = io(`${t.url}/inbox`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      socket.close();
      expect(error.message).toMatch(/unauthorized/);
    }
    const viewer = await agent('vera');
    const { conversationId } = await waitingCustomer();
    await viewer.waitFor('conversation:waiting', (b) => b.conversationId === conversationId);
    expect(await viewer.emit('claim', { conversationId })).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect(await viewer.emit('message', { conversationId, text: 'hi' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await viewer.emit('message', { conversationId: 'nope', text: '' })).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('a reconnecting agent', () => {
  it('gets every event it missed, from the database, then the live ones', async () => {
    const first = await agent('anna');
    const { v, conversationId } = await waitingCustomer();
    await first.waitFor('conversation:waiting', (b) => b.conversationId === conversationId);
    const lastSeen = first.lastEventId();
    first.close();

    // While Anna is away: Ben claims and replies, and the customer answers.
    await t.request('POST', `/api/conversations/${conversationId}/claim`, { token: tokens.ben });
    await t.request('POST', `/api/conversations/${conversationId}/messages`, { token: tokens.ben, body: { text: 'Ben here, how can I help?' } });
    await until(() => v.received.find((m) => m.text === 'Ben here, how can I help?'), 5_000, 'the reply');
    await v.send('My bill is wrong');

    const back = await agent('anna', { lastEventId: lastSeen });
    await until(() => back.named('message').find((e) => e.body.message.text === 'My bill is wrong'), 5_000, 'the replayed customer message');
    const missed = back.events.filter((e) => e.body?.eventId > lastSeen);
    expect(missed.map((e) => e.name)).toEqual(expect.arrayContaining(['conversation:assigned', 'message']));
    const ids = missed.map((e) => e.body.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(back.ready.missed).toBeGreaterThanOrEqual(3);
    expect(back.ready.lastEventId).toBeGreaterThanOrEqual(Math.max(...ids));
  });
});

describe('typing and presence', () => {
  it("the customer sees the agent typing, the agent sees the customer typing, and agents see who is online", async () => {
    const carl = await agent('carl');
    const watcher = await agent('admin');
    const { v, conversationId } = await waitingCustomer();
    await t.request('POST', `/api/conversations/${conversationId}/claim`, { token: tokens.carl });
    expect(await carl.emit('join', { conversationId })).toEqual({ ok: true });
    let customerSaw = false;
    v.raw().on('typing', (b: { from: string }) => { if (b.from === 'agent') customerSaw = true; });
    expect(await carl.emit('typing', { conversationId })).toEqual({ ok: true });
    await until(() => customerSaw || undefined, 5_000, 'the customer seeing the agent typing');
    v.raw().emit('typing');
    await carl.waitFor('typing', (b) => b.conversationId === conversationId && b.from === 'customer');

    const me = (await t.request('GET', '/api/auth/me', { token: tokens.carl })).body;
    expect(watcher.ready.online.map((a: { id: string }) => a.id)).toContain(me.id);
    carl.close();
    await watcher.waitFor('presence', (b) => b.userId === me.id && b.online === false);
  });
});

describe('automatic assignment', () => {
  afterAll(() => setAutoAssign(false));

  it('gives waiting conversations round-robin to online agents, skips a full agent and an offline one', async () => {
    // Start from an empty queue: everyone's earlier conversations are closed.
    await t.db.db.execute(sql`update conversations set state = 'closed', assigned_agent_id = null`);
    await t.db.db.execute(sql`update users set present_until = null, capacity = 2`);
    await setAutoAssign(true);
    const anna = await agent('anna');
    const ben = await agent('ben');
    const ids = { anna: anna.ready.user.id as string, ben: ben.ready.user.id as string };
    const assigned: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { conversationId } = await waitingCustomer();
      const e = await anna.waitFor('conversation:assigned', (b) => b.conversationId === conversationId);
      assigned.push(e.body.agentId);
      expect(e.body.by).toBe('auto');
    }
    // Alternating, two each: both are now at capacity (2).
    expect(assigned.filter((a) => a === ids.anna)).toHaveLength(2);
    expect(assigned.filter((a) => a === ids.ben)).toHaveLength(2);
    expect(assigned[0]).not.toBe(assigned[1]);

    const { conversationId: fifth } = await waitingCustomer();
    await sleep(300);
    expect(anna.named('conversation:assigned').some((e) => e.body.conversationId === fifth)).toBe(false);

    // Carl comes online with free capacity: the waiting one is his at once.
    const carl = await agent('carl');
    const e = await carl.waitFor('conversation:assigned', (b) => b.conversationId === fifth);
    expect(e.body.agentId).toBe(carl.ready.user.id);
    const conversation = (await t.request('GET', '/api/conversations?state=assigned', { token: admin })).body.items.find((c: { id: string }) => c.id === fifth);
    expect(conversation.assignedAgentId).toBe(carl.ready.user.id);
    for (const s of [anna, ben, carl]) s.close();
  });

  it("routes a complaint to the team of its category, and only supervisors set who takes what", async () => {
    await t.db.db.execute(sql`update conversations set state = 'closed', assigned_agent_id = null`);
    await t.db.db.execute(sql`update users set present_until = null`);
    await setAutoAssign(true);
    const team = (await t.request('GET', '/api/team', { token: admin })).body.items as { id: string; email: string }[];
    const id = (name: string) => team.find((m) => m.email === `${name}@demo.local`)!.id;
    expect((await t.request('PATCH', `/api/team/${id('anna')}`, { token: tokens.ben, body: { categories: ['billing'] } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/team/${id('anna')}`, { token: admin, body: { categories: ['nonsense'] } })).status).toBe(400);
    const set = await t.request('PATCH', `/api/team/${id('anna')}`, { token: admin, body: { categories: ['billing', 'delivery'], capacity: 3 } });
    expect(set.body).toMatchObject({ categories: ['billing', 'delivery'], capacity: 3 });
    await t.request('PATCH', `/api/team/${id('ben')}`, { token: admin, body: { categories: ['safety_hazard', 'product_defect'] } });

    const anna = await agent('anna');
    const ben = await agent('ben');
    // The English script: a kettle that sparked and burned a hand — safety_hazard, Ben's team.
    const v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
    visitors.push(v);
    const { scripts } = await import('../../support/scripts');
    for (const turn of scripts.find((x) => x.lang === 'en')!.turns) await v.say(turn);
    const e = await anna.waitFor('conversation:assigned', (b) => b.by === 'auto');
    expect(e.body.agentId).toBe(id('ben'));
    const listed = (await t.request('GET', '/api/team', { token: admin })).body.items.find((m: { id: string }) => m.id === id('ben'));
    expect(listed).toMatchObject({ online: true, load: 1 });
    anna.close();
    ben.close();
  });
});
