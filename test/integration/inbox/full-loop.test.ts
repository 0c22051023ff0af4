/**
 * The whole second-level loop over public interfaces only (issue: live inbox): a critical complaint
 * in chat reaches the agent's `/inbox` socket; the agent claims it and replies; a proposal is
 * rejected in chat with a reason (second round), a second one approved; the survey is answered;
 * tracking shows `closed` with its history, and the audit log has every step, in order, by actor.
 * Once with a web-chat visitor, once with a Telegram user (emulated Bot API).
 */
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../support/app';
import { AgentSocket } from '../../support/agent-socket';
import { until } from '../../support/intake-checks';
import { ackPattern, scripts } from '../../support/scripts';
import { TelegramCustomer } from '../../support/telegram-customer';
import { startTelegramEmulator, type TelegramEmulator } from '../../support/telegram-emulator';
import { WebchatVisitor } from '../../support/webchat-client';

const TOKEN = '777001:loop-test-token';
const english = scripts.find((s) => s.lang === 'en')!;

/** What the loop needs of a customer, whichever channel they are on. */
interface Customer {
  say(text: string): Promise<void>;
  /** Every text the customer has received so far, with its quick replies. */
  received(): { text: string; quickReplies: string[] }[];
}

let tg: TelegramEmulator;
let t: TestApp;
const visitors: WebchatVisitor[] = [];
beforeAll(async () => {
  tg = await startTelegramEmulator({});
  t = await startTestApp({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: tg.url } });
  // The loop claims by hand; automatic assignment has its own test.
  await t.db.db.execute(sql`update tenants set settings = settings || '{"autoAssign": false, "externalRemedies": [{"name": "Consumer Ombudsman", "contact": "https://ombudsman.example.org"}]}'::jsonb where slug = 'demo'`);
});
afterAll(async () => {
  for (const v of visitors) v.close();
  await t?.close();
  await tg?.close();
});

async function webchatCustomer(): Promise<Customer> {
  const visitor = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
  visitors.push(visitor);
  return {
    async say(text) { await visitor.say(text); },
    received: () => visitor.received.map((m) => ({ text: m.text, quickReplies: m.quickReplies ?? [] })),
  };
}

function telegramCustomer(chatId: number): Customer {
  const chat = new TelegramCustomer(tg, TOKEN, chatId, { firstName: 'John', languageCode: 'en' });
  return {
    async say(text) { await chat.say(text); },
    received: () => chat.sent().map((m) => ({
      text: m.text,
      quickReplies: ((m.replyMarkup as { keyboard?: { text: string }[][] } | undefined)?.keyboard ?? []).flat().map((b) => b.text),
    })),
  };
}

async function nextMessage(customer: Customer, after: number, match: RegExp): Promise<{ text: string; quickReplies: string[] }> {
  return until(() => customer.received().slice(after).find((m) => match.test(m.text)), 5_000, `a customer message matching ${match}`);
}

describe.each([
  ['web chat', 'webchat', () => webchatCustomer()],
  ['Telegram', 'telegram', () => Promise.resolve(telegramCustomer(97_001))],
] as const)('the whole loop with the customer on %s', (_label, channel, makeCustomer) => {
  it('goes from a critical complaint to closed with a satisfied customer, every step audited', async () => {
    const token = await t.login();
    const agent = await new AgentSocket(t.url, { token }).connect();
    const me = (await t.request('GET', '/api/auth/me', { token })).body;
    const customer = await makeCustomer();
    try {
      // Intake: the English script tells of a kettle that sparked and burned a hand (critical).
      for (const turn of english.turns.slice(0, -1)) await customer.say(turn);
      const sentAt = performance.now();
      await customer.say(english.turns.at(-1)!);
      const [, code, pin] = ackPattern.exec(customer.received().map((m) => m.text).join('\n'))!;
      const waiting = await agent.waitFor('conversation:waiting', (b) => b.reason === 'critical');
      console.log(`${channel}: customer confirmation → agent's conversation:waiting event in ${(waiting.receivedAt - sentAt).toFixed(1)} ms`);
      const conversationId: string = waiting.body.conversationId;
      const complaintId: string = waiting.body.complaintId;
      expect(typeof waiting.body.eventId).toBe('number');

      // Claim and reply over the socket: the reply reaches the customer on their own channel.
      expect(await agent.emit('claim', { conversationId })).toMatchObject({ state: 'assigned', assignedAgentId: me.id });
      let seen = customer.received().length;
      expect(await agent.emit('message', { conversationId, text: 'I am Sara from the quality team. Please keep the kettle for us.' })).toHaveProperty('id');
      await nextMessage(customer, seen, /Sara from the quality team/);
      await agent.emit('message', { conversationId, text: 'Internal: batch KX-200/44 suspected', internal: true });

      // First proposal, rejected in chat with a reason.
      seen = customer.received().length;
      const first = await t.request('POST', `/api/complaints/${complaintId}/resolution`, {
        token,
        body: { internal: { rootCause: 'Faulty thermostat in batch 44', correctiveAction: 'Batch 44 withdrawn', responsibility: 'supplier' }, external: { remedy: 'replacement', text: 'We will replace your kettle with a new one.' } },
      });
      expect(first.status).toBe(201);
      expect(first.body.sentToCustomer).toBe(true);
      const proposal = await nextMessage(customer, seen, /replace your kettle/);
      expect(proposal.quickReplies).toEqual(['Accept', 'Reject']);
      seen = customer.received().length;
      await customer.say('Reject');
      await nextMessage(customer, seen, /What is wrong with the proposal/);
      seen = customer.received().length;
      await customer.say('I do not want the same model again, I want my money back');
      await nextMessage(customer, seen, /second review/);
      let complaint = (await t.request('GET', `/api/complaints/${complaintId}`, { token })).body;
      expect(complaint).toMatchObject({ status: 'evaluating', round: 2 });

      // Second proposal, approved; the survey follows and is answered 5.
      seen = customer.received().length;
      const second = await t.request('POST', `/api/complaints/${complaintId}/resolution`, {
        token,
        body: { internal: { rootCause: 'Faulty thermostat in batch 44', correctiveAction: 'Batch 44 withdrawn; supplier audited', responsibility: 'supplier', supplier: `Kettle Works ${channel}` }, external: { remedy: 'refund', text: 'We will refund the full price of 39.90 EUR within 5 days.' } },
      });
      expect(second.status).toBe(201);
      await nextMessage(customer, seen, /refund the full price/);
      seen = customer.received().length;
      await customer.say('Accept');
      const survey = await nextMessage(customer, seen, /from 1 \(not at all\) to 5/);
      expect(survey.quickReplies).toEqual(['1', '2', '3', '4', '5']);
      await customer.say('5');
      await customer.say('Skip');
      await agent.waitFor('conversation:closed', (b) => b.conversationId === conversationId);

      // The supplier named in the analysis has the complaint on its scorecard, founded and resolved.
      const supplierId = second.body.complaint.supplierId;
      const card = (await t.request('GET', `/api/suppliers/${supplierId}/scorecard`, { token })).body;
      expect(card).toMatchObject({ supplier: { name: `Kettle Works ${channel}` }, complaints: { total: 1, bySeverity: { critical: 1 } }, resolutions: { total: 1, founded: 1 } });
      expect(card.averageDaysToResolve).toEqual(expect.any(Number));

      // Public tracking: closed, with its history.
      const track = await t.request('GET', `/api/track/${code}?pin=${pin}`);
      expect(track.status).toBe(200);
      expect(track.body.status).toBe('closed');
      expect(track.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'evaluating', 'proposed', 'evaluating', 'proposed', 'closed']);

      // The audit log: every step, in order, with its actor.
      complaint = (await t.request('GET', `/api/complaints/${complaintId}`, { token })).body;
      const steps = complaint.history.map((e: any) => [e.type, e.actor.type, e.to]);
      expect(steps).toEqual([
        ['created', 'bot', 'received'],
        ['status_changed', 'bot', 'evaluating'],
        ['assigned', 'agent', 'evaluating'],
        ['analysis_recorded', 'agent', 'evaluating'],
        ['status_changed', 'agent', 'proposed'],
        ['status_changed', 'customer', 'evaluating'],
        ['analysis_recorded', 'agent', 'evaluating'],
        ['status_changed', 'agent', 'proposed'],
        ['status_changed', 'customer', 'closed'],
        ['survey_answered', 'customer', 'closed'],
      ]);
      expect(complaint.history[2].actor.id).toBe(me.id);
      expect(complaint.history[5].reason).toMatch(/money back/);
      expect(complaint.history[9].data.score).toBe(5);

      // The inbox saw the customer's messages and the agent's, and never sent the note to the customer.
      expect(agent.named('message').some((e) => e.body.message.direction === 'in' && /money back/.test(e.body.message.text))).toBe(true);
      expect(agent.named('message').some((e) => e.body.message.internal === true)).toBe(true);
      expect(customer.received().some((m) => /batch KX-200\/44/.test(m.text))).toBe(false);
      expect(agent.named('complaint:changed').map((e) => e.body.status)).toEqual(expect.arrayContaining(['proposed', 'evaluating', 'closed']));
    } finally {
      agent.close();
    }
  });
});

describe('a second rejection', () => {
  it('escalates the complaint and tells the customer the external remedies', async () => {
    const token = await t.login();
    const customer = await webchatCustomer();
    for (const turn of english.turns) await customer.say(turn);
    const complaints = (await t.request('GET', '/api/complaints?status=evaluating', { token })).body.items;
    const complaintId = complaints[0].id;
    const propose = (remedy: string) => t.request('POST', `/api/complaints/${complaintId}/resolution`, {
      token, body: { internal: { rootCause: 'Thermostat', correctiveAction: 'Withdrawn' }, external: { remedy, text: `Our offer: ${remedy}.` } },
    });
    expect((await propose('repair')).status).toBe(201);
    await until(() => customer.received().find((m) => /Our offer: repair/.test(m.text)), 5_000, 'first proposal');
    await customer.say('No, a repair is not enough for a burn');
    expect((await propose('compensation')).status).toBe(201);
    await until(() => customer.received().find((m) => /Our offer: compensation/.test(m.text)), 5_000, 'second proposal');
    const seen = customer.received().length;
    await customer.say('No, this is still not acceptable to me');
    const told = await nextMessage(customer, seen, /escalated/);
    expect(told.text).toContain('Consumer Ombudsman — https://ombudsman.example.org');
    const complaint = (await t.request('GET', `/api/complaints/${complaintId}`, { token })).body;
    expect(complaint.status).toBe('escalated');
    // A proposal now is refused: there is nothing under evaluation.
    const late = await propose('refund');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('illegal_transition');
  });
});
