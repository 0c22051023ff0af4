import { eq } from 'drizzle-orm';
import { catalogues } from '../../../bots/engine/catalogues';
import { complaints, conversations, surveys } from '../../../db/schema';
import { startTestApp, type TestApp } from '../../support/app';
import { ackPattern } from '../../support/scripts';
import { WebchatVisitor } from '../../support/webchat-client';

const en = catalogues.en;
let t: TestApp;
let admin: string;
const visitors: WebchatVisitor[] = [];
const answerText = 'We have checked: the October invoice was issued twice by mistake. The duplicate is cancelled and nothing more will be charged.';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const created = await t.request('POST', '/api/answers', { token: admin, body: { category: 'billing', lang: 'en', keywords: ['twice', 'duplicate'], priority: 50, text: answerText } });
  expect(created.status).toBe(201);
});
afterAll(async () => { for (const v of visitors) v.close(); await t.close(); });

const story = 'Hello, my name is Anna Clark. My electricity invoice for October charges me twice for the same month, please correct it.';

async function complainUntilAnswered(tenant = 'demo') {
  const v = await new WebchatVisitor(t.url, { tenant }).connect();
  visitors.push(v);
  const said: string[] = [];
  for (const turn of [story, en.yes, 'anna.clark@example.com', 'Electricity contract', en.skip, en.confirm]) said.push(...(await v.say(turn)).map((m) => m.text));
  const ack = said.find((s) => ackPattern.test(s))!;
  const code = ackPattern.exec(ack)![1]!;
  const [complaint] = await t.db.db.select().from(complaints).where(eq(complaints.code, code));
  return { v, said, complaint: complaint!, ack };
}

async function complaintById(id: string) {
  return (await t.db.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
}

describe('routine answers', () => {
  it('when a commercial complaint matches a predefined answer, the bot gives it after the acknowledgement and asks whether it solves the problem; yes closes it and the survey follows', async () => {
    const { v, said, complaint } = await complainUntilAnswered();
    expect(complaint).toMatchObject({ severity: 'commercial', category: 'billing', status: 'answered' });
    const ackAt = said.findIndex((s) => ackPattern.test(s));
    expect(said[ackAt + 1]).toBe(`${en.routineAnswerIntro}\n${answerText}`);
    expect(said[ackAt + 2]).toBe(en.doesThisSolveIt);

    expect((await v.say(en.yes)).map((m) => m.text)).toEqual([en.answerAccepted, en.askSurvey]);
    expect((await complaintById(complaint.id)).status).toBe('closed');
    expect((await v.say('5')).map((m) => m.text)).toEqual([en.surveyComment]);
    expect((await v.say('Quick and clear, thanks')).map((m) => m.text)).toEqual([en.surveyThanks]);
    const [survey] = await t.db.db.select().from(surveys).where(eq(surveys.complaintId, complaint.id));
    expect(survey).toMatchObject({ score: 5, comment: 'Quick and clear, thanks' });
  });

  it('when the customer says the answer does not solve it, the complaint goes to people for evaluation', async () => {
    const { v, complaint } = await complainUntilAnswered();
    expect((await v.say(en.no)).map((m) => m.text)).toEqual([en.answerRejected]);
    expect((await complaintById(complaint.id)).status).toBe('evaluating');
    const [conversation] = await t.db.db.select().from(conversations).where(eq(conversations.id, complaint.conversationId!));
    expect(conversation).toMatchObject({ state: 'waiting', waitingReason: 'rejected_answer' });
  });

  it('when the customer gives a score of 1 or 2, the closed complaint is reopened for people', async () => {
    const { v, complaint } = await complainUntilAnswered();
    await v.say(en.yes);
    await v.say('1');
    expect((await complaintById(complaint.id)).status).toBe('evaluating');
    const [conversation] = await t.db.db.select().from(conversations).where(eq(conversations.id, complaint.conversationId!));
    expect(conversation).toMatchObject({ state: 'waiting', waitingReason: 'low_satisfaction' });
  });

  it('when no predefined answer matches, the customer gets an interim reply with the deadline and the complaint goes to people', async () => {
    const made = await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'bare', name: 'Bare Utilities' } });
    expect(made.status).toBe(201);
    const { said, complaint } = await complainUntilAnswered('bare');
    expect(complaint).toMatchObject({ status: 'evaluating', severity: 'commercial' });
    const ackAt = said.findIndex((s) => ackPattern.test(s));
    expect(said[ackAt + 1]).toMatch(new RegExp(`^${en.interimReply({ when: 'WHEN' }).split('WHEN')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const [conversation] = await t.db.db.select().from(conversations).where(eq(conversations.id, complaint.conversationId!));
    expect(conversation).toMatchObject({ state: 'waiting', waitingReason: 'no_routine_answer' });
  });

  it('answers are per tenant: another tenant neither sees nor edits them', async () => {
    await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'bare', email: 'boss@bare.example', password: 'bare-pass-1', role: 'admin' } });
    const other = await t.login('boss@bare.example', 'bare-pass-1');
    const mine = await t.request('GET', '/api/answers', { token: admin });
    const id = mine.body.items.find((a: { text: string }) => a.text === answerText).id;
    expect((await t.request('GET', '/api/answers', { token: other })).body.items).toEqual([]);
    expect((await t.request('PATCH', `/api/answers/${id}`, { token: other, body: { text: 'hijacked answer text' } })).status).toBe(404);
    expect((await t.request('DELETE', `/api/answers/${id}`, { token: other })).status).toBe(404);
  });
});
