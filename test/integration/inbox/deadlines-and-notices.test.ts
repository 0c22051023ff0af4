/**
 * Deadlines and notifications through the running app, with a controllable clock: the 48-hour
 * promise and the evaluation stage pass over a weekend in Rome; the assigned agent is warned at
 * 80%, supervisors get one e-mail per breach over real SMTP, the customer is told in their chat
 * that the answer is late, and nothing is sent twice. A phone caller gets the code by SMS.
 */
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../support/app';
import { AgentSocket } from '../../support/agent-socket';
import { until } from '../../support/intake-checks';
import { ackPattern, scripts } from '../../support/scripts';
import { startSmsSink, type SmsSink } from '../../support/sms-sink';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { WebchatVisitor } from '../../support/webchat-client';

let t: TestApp;
let smtp: SmtpSink;
let sms: SmsSink;
const visitors: WebchatVisitor[] = [];
const english = scripts.find((s) => s.lang === 'en')!;

beforeAll(async () => {
  smtp = await startSmtpSink();
  sms = await startSmsSink();
  // Friday 20 November 2026, 17:00 in Rome: half an hour before closing, a weekend ahead.
  t = await startTestApp({ now: new Date('2026-11-20T16:00:00Z'), env: { SMTP_URL: smtp.url, SMS_GATEWAY_URL: sms.url } });
  await t.db.db.execute(sql`update tenants set settings = settings || '{"autoAssign": false}'::jsonb,
    calendar = '{"timeZone": "Europe/Rome", "holidayCountry": "IT"}'::jsonb, responsible_email = 'quality@client.example' where slug = 'demo'`);
  const admin = await t.login();
  await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'demo', email: 'sup@demo.local', password: 'supervisor-pass-1', role: 'supervisor', displayName: 'Sue' } });
});
afterAll(async () => {
  for (const v of visitors) v.close();
  await t.close();
  await smtp.close();
  await sms.close();
});

const sweep = () => t.app.ombuds.notifications.sweeper.sweepOnce();

describe('deadlines over a weekend', () => {
  it('warn the agent at 80%, e-mail supervisors and tell the customer on a breach, once each', async () => {
    const token = await t.login();
    const agent = await new AgentSocket(t.url, { token }).connect();
    const visitor = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
    visitors.push(visitor);
    try {
      for (const turn of english.turns) await visitor.say(turn);
      const [, code] = ackPattern.exec(visitor.received.map((m) => m.text).join('\n'))!;
      const { complaintId, conversationId } = (await agent.waitFor('conversation:waiting')).body;
      expect((await t.request('POST', `/api/conversations/${conversationId}/claim`, { token })).status).toBe(200);
      let complaint = (await t.request('GET', `/api/complaints/${complaintId}`, { token })).body;
      // Evaluation: 3 working days of 9.5 h from Friday 17:00 → Wednesday 17:00; 80% of its 28.5 working hours → Wednesday 11:18.
      expect(complaint.deadlines).toMatchObject({ stage: 'evaluation', dueAt: '2026-11-25T16:00:00.000Z', warnAt: '2026-11-25T10:18:00.000Z', firstAnswerDueAt: '2026-11-22T16:00:00.000Z' });

      t.clock.now = new Date('2026-11-21T12:00:00Z'); // Saturday: nothing is due
      expect(await sweep()).toEqual({ warnings: 0, breaches: 0, firstAnswersOverdue: 0 });

      // Sunday 17:00: the 48 hours promised for a first answer are over.
      t.clock.now = new Date('2026-11-22T16:00:00Z');
      let seen = visitor.received.length;
      expect(await sweep()).toMatchObject({ firstAnswersOverdue: 1 });
      const late = await until(() => visitor.received.slice(seen).find((m) => /taking longer than we promised/.test(m.text)), 5_000, 'the delay notice');
      expect(late.text).toContain(code);
      expect(late.text).toContain('Wed 25 Nov');
      await agent.waitFor('deadline:breached', (b) => b.complaintId === complaintId && b.stage === 'first_answer');

      t.clock.now = new Date('2026-11-25T10:18:00Z');
      expect(await sweep()).toMatchObject({ warnings: 1, breaches: 0 });
      await agent.waitFor('deadline:warning', (b) => b.complaintId === complaintId && b.stage === 'evaluation');

      t.clock.now = new Date('2026-11-25T16:00:00Z');
      seen = visitor.received.length;
      expect(await sweep()).toMatchObject({ breaches: 1 });
      await until(() => visitor.received.slice(seen).find((m) => /taking longer than we promised/.test(m.text)), 5_000, 'the second delay notice');
      // Two breaches (the first answer, the evaluation), each to the supervisor and the admin.
      const mails = await smtp.waitFor(4);
      expect(mails.flatMap((m) => m.to).sort()).toEqual(['agent@demo.local', 'agent@demo.local', 'sup@demo.local', 'sup@demo.local']);
      expect(mails.every((m) => m.subject.includes(code!))).toBe(true);

      // Sweeping again finds nothing: no second warning, e-mail or notice.
      const before = { mails: smtp.mails.length, received: visitor.received.length };
      expect(await sweep()).toEqual({ warnings: 0, breaches: 0, firstAnswersOverdue: 0 });
      await new Promise((r) => setTimeout(r, 300));
      expect({ mails: smtp.mails.length, received: visitor.received.length }).toEqual(before);

      complaint = (await t.request('GET', `/api/complaints/${complaintId}`, { token })).body;
      const flags = complaint.history.filter((e: any) => e.actor.type === 'system').map((e: any) => [e.type, e.data.stage]);
      expect(flags).toEqual([['first_answer_overdue', 'first_answer'], ['deadline_warning', 'evaluation'], ['deadline_breached', 'evaluation']]);
    } finally {
      agent.close();
    }
  });
});

describe('a complaint taken by phone', () => {
  it('sends the caller the tracking code and PIN by SMS through the gateway', async () => {
    const token = await t.login();
    const res = await t.request('POST', '/api/complaints', {
      token,
      body: { customer: { name: 'Giulia Bianchi', phone: '+39 333 123 4567' }, language: 'it', description: 'La bolletta di ottobre è doppia rispetto al solito.', category: 'billing', severity: 'commercial' },
    });
    expect(res.status).toBe(201);
    expect(res.body.codeSentBy).toBe('sms');
    const sent = await until(() => sms.messages.find((m) => m.text.includes(res.body.code)), 5_000, 'the SMS');
    expect(sent.to).toBe('+393331234567');
    expect(sent.text).toContain(res.body.pin);
  });
});
