import { eq } from 'drizzle-orm';
import { catalogues } from '../../../bots/engine/catalogues';
import { complaints, customers, messages } from '../../../db/schema';
import { startTestApp, type TestApp } from '../../support/app';
import { ackPattern, scripts } from '../../support/scripts';
import { WebchatVisitor } from '../../support/webchat-client';

let t: TestApp;
const visitors: WebchatVisitor[] = [];
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { for (const v of visitors) v.close(); await t.close(); });

async function visitor(auth: Record<string, unknown> = { tenant: 'demo' }) {
  const v = await new WebchatVisitor(t.url, auth).connect();
  visitors.push(v);
  return v;
}

describe('intake on web chat', () => {
  it.each(scripts.map((s) => [s.lang, s] as const))('a customer writing in %s gets the whole dialog in that language, a tracking code and PIN, and the complaint is on record', async (lang, script) => {
    const v = await visitor();
    const said: string[] = [];
    for (const turn of script.turns) said.push(...(await v.say(turn)).map((m) => m.text));
    const c = catalogues[lang];
    // Every bot line is in the customer's language: the consent question is the catalogue's own.
    const consentStart = c.consent({ url: 'URL' }).split('URL')[0]!;
    expect(said.some((line) => line.startsWith(consentStart))).toBe(true);
    const ack = said.find((s) => ackPattern.test(s));
    expect(ack).toBeDefined();
    const [, code, pin] = ackPattern.exec(ack!)!;
    expect(ack).toBe(c.acknowledgement({ code: code!, pin: pin! }));
    if (lang !== 'en') {
      const english = catalogues.en;
      for (const line of said) for (const s of [english.askName, english.askContact, english.askProduct, english.askOrderRef, english.doesThisSolveIt]) expect(line).not.toContain(s);
    }
    const [complaint] = await t.db.db.select().from(complaints).where(eq(complaints.code, code!));
    expect(complaint).toMatchObject({
      language: lang, channel: 'webchat', severity: script.expect.severity, category: script.expect.category,
      product: script.expect.product, orderRef: script.expect.orderRef,
    });
    expect(complaint!.description).toContain(script.turns[0]!.slice(-30));
    const [customer] = await t.db.db.select().from(customers).where(eq(customers.id, complaint!.customerId!));
    expect(customer).toMatchObject({ name: script.expect.name, email: script.expect.email, language: lang });
    // Critical: handed to people at once, with the interim reply.
    expect(complaint!.status).toBe('evaluating');
    const track = await t.request('GET', `/api/track/${code}?pin=${pin}`);
    expect(track.body.status).toBe('evaluating');
  });

  it('when the same clientMessageId is sent twice, it is stored and answered once', async () => {
    const v = await visitor();
    const first = await v.send('Hello', { clientMessageId: 'dup-1' });
    await new Promise((r) => setTimeout(r, 300));
    const count = v.received.length;
    const second = await v.send('Hello', { clientMessageId: 'dup-1' });
    await new Promise((r) => setTimeout(r, 300));
    expect(second.id).toBe(first.id);
    expect(v.received.length).toBe(count);
    const rows = await t.db.db.select().from(messages).where(eq(messages.channelMessageId, `wc:${v.sessionId}:dup-1`));
    expect(rows).toHaveLength(1);
  });

  it('when the visitor reloads with the session id, the conversation continues where it was, with its history', async () => {
    const v = await visitor();
    await v.say('Hello');
    await v.say(catalogues.en.yes);
    v.close();
    const again = await visitor({ tenant: 'demo', sessionId: v.sessionId });
    expect(again.sessionId).toBe(v.sessionId);
    expect(again.history.map((m) => m.text)).toContain(catalogues.en.askName);
    const next = await again.say('Anna Bianchi');
    expect(next.map((m) => m.text)).toContain(catalogues.en.askContact);
  });

  it('when a message of 10,000 characters arrives, it is stored whole', async () => {
    const v = await visitor();
    const long = 'The invoice is wrong. '.repeat(455).slice(0, 10_000);
    await v.say(long);
    const rows = await t.db.db.select().from(messages).where(eq(messages.text, long));
    expect(rows).toHaveLength(1);
  });

  it('when the tenant is unknown or the payload malformed, the visitor is told and nothing is stored', async () => {
    const before = (await t.db.db.select().from(messages)).length;
    await expect(visitor({ tenant: 'no-such-tenant' })).rejects.toBeDefined();
    const v = await visitor();
    for (const bad of [{}, { text: 5, clientMessageId: 'x' }, { text: 'hi' }, { text: '', clientMessageId: 'e' }, { text: 'x'.repeat(30_000), clientMessageId: 'big' }, { text: 'hi', clientMessageId: 'a', attachmentIds: ['not-a-uuid'] }]) {
      const ack = await v.raw().timeout(5000).emitWithAck('message', bad);
      expect(ack.error.code).toBe('validation_failed');
    }
    expect((await t.db.db.select().from(messages)).length).toBe(before);
  });
});
