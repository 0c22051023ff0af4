/**
 * The whole intake over WhatsApp: the Cloud API (signed webhooks in, the Graph API emulator's
 * /messages out) and WhatsApp Web (the fake whatsapp-web.js client handed in as a dependency).
 * On both, the platform tells the customer's phone, so the bot asks for an e-mail only as an option.
 */
import { eq } from 'drizzle-orm';
import { catalogues } from '../../../bots/engine/catalogues';
import { messages } from '../../../db/schema';
import { startTestApp, type TestApp } from '../../support/app';
import { fakeClientFactory, type FakeWhatsAppWebClient } from '../../support/fake-whatsapp-web';
import { sign, startGraphApiEmulator, textMessagePayload, webhookPayload, type GraphApiEmulator, type SentRequest } from '../../support/graph-api-emulator';
import { checkDialog, databaseAnswers, expectScriptComplaint, prefixOf, rowCounts, sleep, turnAnswered, until, within } from '../../support/intake-checks';
import { scripts } from '../../support/scripts';

const PHONE_ID = '106540352242922';
const APP_SECRET = 'intake-app-secret-4f2a';
const VERIFY_TOKEN = 'intake-verify-token-91';
const PATH = '/webhooks/whatsapp';

/** The text of a Graph API message as the customer sees it: a plain text or an interactive message's body. */
function textOf(sent: SentRequest): string {
  const body = sent.body as { type?: string; text?: { body?: string }; interactive?: { body?: { text?: string } } };
  return (body.type === 'interactive' ? body.interactive?.body?.text : body.text?.body) ?? '';
}
const buttonTitles = (sent: SentRequest | undefined) =>
  ((sent?.body as { interactive?: { action?: { buttons?: { reply: { title: string } }[] } } } | undefined)?.interactive?.action?.buttons ?? []).map((b) => b.reply.title);

describe('intake on WhatsApp Cloud API', () => {
  let graph: GraphApiEmulator;
  let t: TestApp;
  beforeAll(async () => {
    graph = await startGraphApiEmulator();
    t = await startTestApp({
      env: {
        WHATSAPP_CLOUD_TOKEN: graph.token, WHATSAPP_CLOUD_PHONE_ID: PHONE_ID, WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
        WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN, WHATSAPP_GRAPH_API_ROOT: graph.root,
      },
    });
  });
  beforeEach(() => databaseAnswers(t.db.db));
  afterAll(async () => {
    await within('closing the Cloud API app', t?.close() ?? Promise.resolve());
    await graph?.close();
  });

  /** POSTs a webhook body as Meta does (signed unless `signature` says otherwise); answers once the app has. */
  async function deliver(body: string, signature: string | null = sign(APP_SECRET, body)): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    const res = await fetch(t.url + PATH, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed };
  }

  /** One customer turn: the signed delivery is answered 200 once stored and answered; returns the bot's messages to this number. */
  async function say(waId: string, text: string, name = 'Customer'): Promise<SentRequest[]> {
    const before = graph.sent().length;
    const res = await deliver(JSON.stringify(textMessagePayload(PHONE_ID, waId, text, name)));
    expect(res.status).toBe(200);
    const replies = graph.sent().slice(before).filter((s) => s.body.to === waId);
    if (replies.length === 0) throw new Error(`the bot did not answer ${JSON.stringify(text)} on ${waId}`);
    return replies;
  }

  it('when Meta verifies the webhook with the right token, then the challenge comes back as plain text; a wrong token gets 403', async () => {
    const query = (token: string) => `${PATH}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;
    const ok = await fetch(t.url + query(VERIFY_TOKEN));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(t.url + query('not-the-token'));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
  });

  it.each(scripts.map((s, i) => [s.lang, s, `3933312000${i}`] as const))(
    'when a customer writes the %s script in signed webhooks, then the bot asks for e-mail only as an option, the e-mail turn answers it, the acknowledgement is sent through /messages and the complaint is on record',
    async (lang, script, waId) => {
      const replies: SentRequest[] = [];
      for (const turn of script.turns) replies.push(...(await say(waId, turn, script.expect.name)));
      expect(replies.every((r) => r.phoneNumberId === PHONE_ID && r.token === graph.token && r.body.messaging_product === 'whatsapp')).toBe(true);
      const c = catalogues[lang];
      const said = replies.map(textOf);
      const emailQuestion = c.askEmailOptional({ phone: `+${waId}` });
      const { code } = checkDialog(lang, said, [emailQuestion, c.askProduct, c.askOrderRef]);
      // The phone came from WhatsApp: no question for a contact, the e-mail question right after consent.
      expect(said).not.toContain(c.askContact);
      expect(said[said.indexOf(emailQuestion) + 1]).toBe(c.askProduct);
      // Choices are reply buttons.
      expect(buttonTitles(replies.find((r) => textOf(r).startsWith(prefixOf((url) => c.consent({ url })))))).toEqual([c.yes, c.no]);
      expect(buttonTitles(replies.find((r) => textOf(r) === emailQuestion))).toEqual([c.skip]);
      await expectScriptComplaint(t.db.db, code, script, 'whatsapp_cloud', { phone: `+${waId}` });
    },
  );

  it('when Meta delivers the same message twice, then it is stored once and answered once', async () => {
    const waId = '393331299999';
    const body = JSON.stringify(textMessagePayload(PHONE_ID, waId, 'Hello', 'Ada'));
    expect((await deliver(body)).status).toBe(200);
    const answered = graph.sent().filter((s) => s.body.to === waId).length;
    expect(answered).toBe(2);
    const before = await rowCounts(t.db.db);
    expect((await deliver(body)).status).toBe(200);
    await sleep(200);
    expect(await rowCounts(t.db.db)).toEqual(before);
    expect(graph.sent().filter((s) => s.body.to === waId)).toHaveLength(answered);
  });

  it('when twenty-odd malformed or wrongly signed payloads arrive, then each gets a 4xx, nothing is stored or sent and the webhook keeps working', async () => {
    const waId = '393331288888';
    const good = () => textMessagePayload(PHONE_ID, waId, 'hello there', 'Mallory');
    const withMessage = (patch: Record<string, unknown>) => {
      const p = good();
      const value = p.entry[0]!.changes[0]!.value as { messages: Record<string, unknown>[] };
      value.messages[0] = { ...value.messages[0], ...patch };
      return JSON.stringify(p);
    };
    const withValue = (patch: Record<string, unknown>) => {
      const p = good();
      p.entry[0]!.changes[0]!.value = { ...p.entry[0]!.changes[0]!.value, ...patch } as never;
      return JSON.stringify(p);
    };
    const valid = JSON.stringify(good());
    const cases: [string, string, (string | null)?][] = [
      ['no signature', valid, null],
      ['signed with another secret', valid, sign('another-secret', valid)],
      ['a signature of another body', valid, sign(APP_SECRET, `${valid} `)],
      ['a signature without sha256=', valid, sign(APP_SECRET, valid).slice('sha256='.length)],
      ['a sha1 signature', valid, sign(APP_SECRET, valid).replace('sha256=', 'sha1=')],
      ['a truncated signature', valid, sign(APP_SECRET, valid).slice(0, 40)],
      ['bad JSON', '{"object": "whatsapp_business_account", '],
      ['an empty body', ''],
      ['null', 'null'],
      ['an array', JSON.stringify([good()])],
      ['an empty object', '{}'],
      ['another object type', JSON.stringify({ ...good(), object: 'page' })],
      ['no entries', JSON.stringify({ ...good(), entry: [] })],
      ['entry not a list', JSON.stringify({ ...good(), entry: { id: '1' } })],
      ['changes not a list', JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: 'messages' }] })],
      ['another messaging product', withValue({ messaging_product: 'sms' })],
      ['no metadata', withValue({ metadata: undefined })],
      ['messages not a list', withValue({ messages: { from: waId } })],
      ['a sender that is not a WhatsApp id', withMessage({ from: 'mallory' })],
      ['a timestamp that is not seconds', withMessage({ timestamp: 'yesterday' })],
      ['an empty message id', withMessage({ id: '' })],
      ['a text message without text', withMessage({ text: undefined })],
      ['a text body that is a number', withMessage({ text: { body: 42 } })],
      ['a body over 3 MB', JSON.stringify({ ...good(), padding: 'p'.repeat(3_200_000) })],
    ];
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const before = await rowCounts(t.db.db);
    const sentBefore = graph.sent().length;
    for (const [what, body, signature] of cases) {
      const res = await deliver(body, signature === undefined ? sign(APP_SECRET, body) : signature);
      expect({ what, clientError: res.status >= 400 && res.status < 500 }).toEqual({ what, clientError: true });
      expect({ what, code: typeof res.body?.error?.code }).toEqual({ what, code: 'string' });
    }
    await sleep(100);
    expect(await rowCounts(t.db.db)).toEqual(before);
    expect(graph.sent()).toHaveLength(sentBefore);

    expect((await t.request('GET', '/health')).status).toBe(200);
    expect((await say(waId, 'Hello', 'Mallory')).map(textOf)).toContain(catalogues.en.greeting({ company: t.demo.name }));
  });

  it('when a delivery carries only a status receipt, then it is acknowledged and nothing is stored', async () => {
    const before = await rowCounts(t.db.db);
    const body = JSON.stringify(webhookPayload(PHONE_ID, { statuses: [{ id: 'wamid.x', status: 'delivered', timestamp: '1700000000', recipient_id: '393331288888' }] }));
    expect((await deliver(body)).status).toBe(200);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });
});

describe('intake on WhatsApp Web', () => {
  const fakes = fakeClientFactory();
  let t: TestApp;
  let client: FakeWhatsAppWebClient;
  beforeAll(async () => {
    t = await startTestApp({ env: { WHATSAPP_WEB: '1', CHROMIUM_PATH: '/nonexistent/chromium' }, deps: { whatsappWebClientFactory: fakes.factory } });
    client = await until(() => (fakes.clients.length && fakes.last().initializeCalls > 0 ? fakes.last() : undefined));
    client.emitReady();
  });
  beforeEach(() => databaseAnswers(t.db.db));
  afterAll(async () => { await within('closing the WhatsApp Web app', t?.close() ?? Promise.resolve()); });

  /** WhatsApp Web has no buttons: choices follow the text as a numbered list. */
  const numbered = (text: string, choices: string[]) => `${text}\n\n${choices.map((choice, i) => `${i + 1}. ${choice}`).join('\n')}`;

  it('when the client is ready, then the channel reports ready', () => {
    expect(t.app.ombuds.channels.whatsappWeb?.status().state).toBe('ready');
  });

  it.each(scripts.map((script, i) => [script.lang, script, `39333130000${i}`] as const))(
    'when a customer writes the %s script to the linked phone, then every answer is in that language, the acknowledgement arrives and the complaint is on record with channel whatsapp',
    async (lang, script, number) => {
      const from = `${number}@c.us`;
      const said: string[] = [];
      for (const turn of script.turns) {
        const before = client.sent.length;
        const incoming = client.receive({ from, body: turn, pushname: script.expect.name });
        await turnAnswered(t.db.db, `wa:${t.demo.tenantId}:${incoming.id._serialized}`);
        const replies = client.sent.slice(before).filter((m) => m.chatId === from).map((m) => m.content);
        expect({ turn, answered: replies.length > 0 }).toEqual({ turn, answered: true });
        said.push(...replies);
      }
      const c = catalogues[lang];
      const emailQuestion = numbered(c.askEmailOptional({ phone: `+${number}` }), [c.skip]);
      const { code } = checkDialog(lang, said, [emailQuestion, c.askProduct, numbered(c.askOrderRef, [c.skip])]);
      const consent = said.find((line) => line.startsWith(prefixOf((url) => c.consent({ url }))));
      expect(consent?.endsWith(`\n\n1. ${c.yes}\n2. ${c.no}`)).toBe(true);
      const complaint = await expectScriptComplaint(t.db.db, code, script, 'whatsapp', { phone: `+${number}` });
      const stored = await t.db.db.select().from(messages).where(eq(messages.conversationId, complaint.conversationId!));
      expect(stored.filter((m) => m.direction === 'in')).toHaveLength(script.turns.length);
    },
  );
});
