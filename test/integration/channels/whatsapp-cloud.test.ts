import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWhatsAppCloudAdapter, type ChannelLog } from '../../../bots/channels/whatsapp-cloud';
import type { ChannelAdapter, InboundMessage, WebhookRoute } from '../../../bots/types';
import {
  buttonMessagePayload, documentMessagePayload, imageMessagePayload, interactiveReplyPayload, newWamid, sign, startGraphApiEmulator,
  statusPayload, textMessagePayload, webhookPayload, type GraphApiEmulator,
} from '../../support/graph-api-emulator';

const tenantId = 'tenant-wac';
const appSecret = 'app-secret-9f8e7d';
const verifyToken = 'verify-me-please';
const phoneId = '106540352242922';
const waId = '393331234567';
const address = { channel: 'whatsapp_cloud' as const, tenantId, externalId: waId };

/** Mounts webhook routes on node:http the way the server does: raw body bytes, headers, query. */
async function serveWebhooks(routes: readonly WebhookRoute[]): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes.find((r) => r.method === req.method && r.path === url.pathname);
    if (!route) return void res.writeHead(404).end();
    const answer = await route.handle({ method: req.method ?? 'GET', headers: req.headers, query: Object.fromEntries(url.searchParams), rawBody: Buffer.concat(chunks) });
    const text = typeof answer.body === 'string';
    res.writeHead(answer.status, { 'content-type': text ? 'text/plain' : 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : text ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let graph: GraphApiEmulator;
let adapter: ChannelAdapter;
let server: Server;
let baseUrl: string;
let inbox: InboundMessage[];
let store: (m: InboundMessage) => Promise<void>;
const lines: { level: string; message: string }[] = [];
const log: ChannelLog = {
  info: (_c, message) => lines.push({ level: 'info', message }),
  warn: (_c, message) => lines.push({ level: 'warn', message }),
  error: (_c, message) => lines.push({ level: 'error', message }),
};

beforeAll(async () => {
  graph = await startGraphApiEmulator();
  adapter = createWhatsAppCloudAdapter({ tenantId, token: graph.token, phoneNumberId: phoneId, appSecret, verifyToken, graphApiRoot: graph.root, log });
  await adapter.start((m) => store(m));
  ({ url: baseUrl, server } = await serveWebhooks(adapter.webhooks ?? []));
});

beforeEach(() => {
  inbox = [];
  lines.length = 0;
  store = async (m) => { inbox.push(m); };
});

afterAll(async () => {
  await adapter.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await graph.close();
});

/** The adapter's answer: `{}` on success, the uniform error body otherwise. */
type Answer = { status: number; body: { error: { code: string; message: string } } };

async function postWebhook(body: unknown, signature: string | null = 'valid'): Promise<Answer> {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hub-signature-256'] = signature === 'valid' ? sign(appSecret, raw) : signature;
  const res = await fetch(`${baseUrl}/webhooks/whatsapp`, { method: 'POST', headers, body: new Uint8Array(raw) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : (undefined as never) };
}

describe('WhatsApp Cloud webhook, verification', () => {
  const verify = (query: Record<string, string>) => fetch(`${baseUrl}/webhooks/whatsapp?${new URLSearchParams(query)}`);

  it('when Meta verifies with the right token, then the challenge comes back as plain text', async () => {
    const res = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken, 'hub.challenge': '1158201444' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it.each([
    ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    ['a wrong mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': verifyToken, 'hub.challenge': '1' }],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken }],
  ])('when verification comes with %s, then it is refused with 403', async (_what, query) => {
    const res = await verify(query);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'Webhook verification failed.' } });
  });
});

describe('WhatsApp Cloud webhook, incoming messages', () => {
  it('when a signed text message arrives, then the engine gets it and Meta gets 200 {} after it is stored', async () => {
    const wamid = newWamid();
    const answer = await postWebhook(textMessagePayload(phoneId, waId, 'My parcel never arrived', 'Giulia Rossi', { wamid, timestamp: '1760000000' }));
    expect(answer).toEqual({ status: 200, body: {} });
    expect(inbox).toEqual([{
      tenantId, channel: 'whatsapp_cloud', channelMessageId: `wac:${phoneId}:${wamid}`,
      from: { externalId: waId, name: 'Giulia Rossi', phone: '+393331234567' },
      address: { channel: 'whatsapp_cloud', tenantId, externalId: waId },
      text: 'My parcel never arrived', attachments: [], receivedAt: new Date(1_760_000_000_000),
    }]);
  });

  it('when a photo arrives, then its bytes are fetched through the media endpoint with the bearer token', async () => {
    const bytes = randomBytes(2048);
    const mediaId = graph.addMedia(bytes, 'image/jpeg');
    const before = graph.mediaRequests().length;
    expect((await postWebhook(imageMessagePayload(phoneId, waId, mediaId, { caption: 'the broken seal' }))).status).toBe(200);
    expect(inbox[0]).toMatchObject({ text: 'the broken seal', attachments: [{ kind: 'image', contentType: 'image/jpeg', data: bytes }] });
    expect(graph.mediaRequests().slice(before)).toEqual([
      { path: `/v21.0/${mediaId}`, token: graph.token },
      { path: `/media-download/${mediaId}`, token: graph.token },
    ]);
  });

  it('when a document arrives, then it keeps its file name', async () => {
    const mediaId = graph.addMedia(Buffer.from('%PDF-1.7'), 'application/pdf');
    await postWebhook(documentMessagePayload(phoneId, waId, mediaId, 'invoice-0042.pdf'));
    expect(inbox[0]!.attachments).toEqual([{ kind: 'document', contentType: 'application/pdf', fileName: 'invoice-0042.pdf', data: Buffer.from('%PDF-1.7') }]);
  });

  it.each([
    ['a reply button', interactiveReplyPayload(phoneId, waId, { id: 'qr:1', title: 'Yes, close it' })],
    ['a list row', interactiveReplyPayload(phoneId, waId, { id: 'qr:4', title: 'Yes, close it' }, { kind: 'list_reply' })],
    ['a template quick reply', buttonMessagePayload(phoneId, waId, 'Yes, close it')],
  ])('when the customer taps %s, then its title is taken as the text', async (_what, payload) => {
    expect((await postWebhook(payload)).status).toBe(200);
    expect(inbox.map((m) => m.text)).toEqual(['Yes, close it']);
  });

  it('when Meta delivers the same wamid twice, then both carry the same channelMessageId', async () => {
    const payload = textMessagePayload(phoneId, waId, 'twice', 'G', { wamid: 'wamid.SAME' });
    await postWebhook(payload);
    await postWebhook(payload);
    expect(inbox.map((m) => m.channelMessageId)).toEqual([`wac:${phoneId}:wamid.SAME`, `wac:${phoneId}:wamid.SAME`]);
  });

  it('when storing fails, then Meta gets 503 to deliver again, and the redelivery is acknowledged', async () => {
    const payload = textMessagePayload(phoneId, waId, 'store me');
    store = async () => { throw new Error('database busy'); };
    expect((await postWebhook(payload)).status).toBe(503);
    expect(lines).toContainEqual({ level: 'error', message: 'WhatsApp Cloud message not stored; Meta will deliver it again' });
    store = async (m) => { inbox.push(m); };
    expect((await postWebhook(payload)).status).toBe(200);
    expect(inbox).toHaveLength(1);
  });

  it('when the media endpoint is down, then Meta gets 503; when the media is gone, then the text is kept without it', async () => {
    const mediaId = graph.addMedia(Buffer.from('x'), 'image/png');
    graph.failNext('media', 500);
    expect((await postWebhook(imageMessagePayload(phoneId, waId, mediaId))).status).toBe(503);
    expect((await postWebhook(imageMessagePayload(phoneId, waId, '999', { caption: 'gone' }))).status).toBe(200);
    expect(inbox).toMatchObject([{ text: 'gone', attachments: [] }]);
    expect(lines.map((l) => l.level)).toContain('warn');
  });

  it('when only delivery statuses, another number\'s messages or an unhandled type arrive, then 200 and nothing is handled', async () => {
    expect((await postWebhook(statusPayload(phoneId, waId, newWamid()))).status).toBe(200);
    expect((await postWebhook(textMessagePayload('999000111', waId, 'for another number'))).status).toBe(200);
    const reaction = webhookPayload(phoneId, { messages: [{ from: waId, id: newWamid(), timestamp: '1760000000', type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }] });
    expect((await postWebhook(reaction)).status).toBe(200);
    expect((await postWebhook({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }] })).status).toBe(200);
    expect(inbox).toHaveLength(0);
  });
});

describe('WhatsApp Cloud webhook, refused deliveries', () => {
  const valid = () => textMessagePayload(phoneId, waId, 'forged?');

  it.each([
    ['has no signature', null, 401, 'unauthorized'],
    ['is signed with another secret', sign('another-secret', JSON.stringify(valid())), 403, 'forbidden'],
    ['has a malformed signature', 'sha256=nothex', 403, 'forbidden'],
    ['has a signature of the wrong algorithm', 'sha1=' + 'a'.repeat(40), 403, 'forbidden'],
  ])('when a delivery %s, then it is refused and nothing is handled', async (_what, signature, status, code) => {
    const answer = await postWebhook(valid(), signature);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(inbox).toHaveLength(0);
  });

  it('when the body is changed after signing, then it is refused with 403', async () => {
    const raw = JSON.stringify(valid());
    const answer = await postWebhook(raw.replace('forged?', 'forged!'), sign(appSecret, raw));
    expect(answer.status).toBe(403);
    expect(inbox).toHaveLength(0);
  });

  const message = (patch: Record<string, unknown>) => webhookPayload(phoneId, { messages: [{ from: waId, id: 'wamid.A', timestamp: '1760000000', type: 'text', text: { body: 'hi' }, ...patch }] });
  const nested = '['.repeat(50_000) + ']'.repeat(50_000);
  const malformed: [string, string | Buffer | unknown, number, string][] = [
    ['truncated JSON', '{"object":"whatsapp_business_account","entry":[', 400, 'not valid JSON'],
    ['an empty body', '', 400, 'not valid JSON'],
    ['JSON null', 'null', 400, 'body'],
    ['a JSON array', '[]', 400, 'body'],
    ['a JSON number', '42', 400, 'body'],
    ['a JSON string', '"whatsapp_business_account"', 400, 'body'],
    ['random bytes under a valid signature', randomBytes(512), 400, 'not valid JSON'],
    ['the wrong object', { ...valid(), object: 'page' }, 400, 'object'],
    ['no object', { entry: valid().entry }, 400, 'object'],
    ['an object for entry', { object: 'whatsapp_business_account', entry: {} }, 400, 'entry'],
    ['an empty entry list', { object: 'whatsapp_business_account', entry: [] }, 400, 'entry'],
    ['an entry without changes', { object: 'whatsapp_business_account', entry: [{ id: '1' }] }, 400, 'entry.0.changes'],
    ['changes as a string', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: 'messages' }] }, 400, 'entry.0.changes'],
    ['a messages change without metadata', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages: [] } }] }] }, 400, 'value.metadata'],
    ['a numeric phone_number_id', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: 106540352242922 } } }] }] }, 400, 'phone_number_id'],
    ['another messaging product', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'instagram', metadata: { display_phone_number: '1', phone_number_id: phoneId } } }] }] }, 400, 'messaging_product'],
    ['messages as an object', webhookPayload(phoneId, { messages: { 0: {} } as unknown as unknown[] }), 400, 'value.messages'],
    ['a sender that is not a number', message({ from: 'evil@example.com' }), 400, 'messages.0.from'],
    ['a message without id', message({ id: undefined }), 400, 'messages.0.id'],
    ['a numeric timestamp', message({ timestamp: 1760000000 }), 400, 'messages.0.timestamp'],
    ['a text message without text', message({ text: undefined }), 400, 'messages.0.text'],
    ['a numeric text body', message({ text: { body: 42 } }), 400, 'text.body'],
    ['a text body of 70 000 characters', message({ text: { body: 'a'.repeat(70_000) } }), 400, 'text.body'],
    ['an image without media id', message({ type: 'image', text: undefined, image: { mime_type: 'image/jpeg' } }), 400, 'image.id'],
    ['a button reply without title', message({ type: 'interactive', text: undefined, interactive: { type: 'button_reply', button_reply: { id: 'x' } } }), 400, 'button_reply.title'],
    ['contacts with a numeric wa_id', webhookPayload(phoneId, { contacts: [{ wa_id: 393331234567 }], messages: [] }), 400, 'contacts.0.wa_id'],
    ['1001 entries', { object: 'whatsapp_business_account', entry: Array.from({ length: 1001 }, () => valid().entry[0]) }, 400, 'entry'],
    ['an own __proto__ key instead of object', `{"__proto__":{"object":"whatsapp_business_account"},"entry":${JSON.stringify(valid().entry)}}`, 400, 'object'],
    ['50 000 levels of nesting', `{"object":"whatsapp_business_account","entry":${nested}}`, 400, 'entry.0'],
    ['a 4 MB body', message({ text: { body: 'a'.repeat(4 * 1024 * 1024) } }), 413, 'too large'],
  ];

  it.each(malformed)('when a signed delivery carries %s, then it is refused with a 4xx naming the problem and nothing is handled', async (_what, body, status, named) => {
    const answer = await postWebhook(body);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code: status === 413 ? 'payload_too_large' : 'validation_failed', message: expect.stringContaining(named) } });
    expect(inbox).toHaveLength(0);
  });

  it('when a payload is invalid, then the message names the field', async () => {
    const answer = await postWebhook(message({ from: 'evil' }));
    expect(answer.body.error.message).toBe('Invalid webhook payload: entry.0.changes.0.value.messages.0.from must be a WhatsApp id (digits)');
  });
});

describe('WhatsApp Cloud sending', () => {
  const lastSent = async () => (await graph.waitForSent(1)).at(-1)!;
  let sentBefore = 0;
  beforeEach(() => { sentBefore = graph.sent().length; });
  const newlySent = () => graph.sent().slice(sentBefore);

  it('when a plain reply is sent, then Graph gets a text message with the bearer token and its wamid is returned', async () => {
    const result = await adapter.send(address, { text: 'We received your complaint.' });
    const sent = await lastSent();
    expect(sent).toEqual({ phoneNumberId: phoneId, token: graph.token, body: { messaging_product: 'whatsapp', to: waId, type: 'text', text: { body: 'We received your complaint.', preview_url: false } } });
    expect(result.externalMessageId).toMatch(/^wamid\./);
  });

  it('when up to 3 short quick replies are offered, then they become reply buttons', async () => {
    await adapter.send(address, { text: 'Is it resolved?', quickReplies: ['Yes', 'No', 'Talk to a person'] });
    expect(newlySent()[0]!.body).toEqual({
      messaging_product: 'whatsapp', to: waId, type: 'interactive',
      interactive: { type: 'button', body: { text: 'Is it resolved?' }, action: { buttons: [
        { type: 'reply', reply: { id: 'qr:1', title: 'Yes' } }, { type: 'reply', reply: { id: 'qr:2', title: 'No' } },
        { type: 'reply', reply: { id: 'qr:3', title: 'Talk to a person' } },
      ] } },
    });
  });

  it('when up to 10 quick replies of at most 24 characters are offered, then they become a list labelled in the customer\'s language', async () => {
    const replies = ['Consegna', 'Fatturazione', 'Prodotto difettoso', 'Rimborso', 'Personale del negozio'];
    await adapter.send(address, { text: 'Di cosa si tratta?', quickReplies: replies, lang: 'it' });
    expect(newlySent()[0]!.body.interactive).toEqual({
      type: 'list', body: { text: 'Di cosa si tratta?' },
      action: { button: 'Scegli', sections: [{ rows: replies.map((title, i) => ({ id: `qr:${i + 1}`, title })) }] },
    });
  });

  it.each([
    ['more than 10 choices', Array.from({ length: 11 }, (_, i) => `Option ${i + 1}`)],
    ['a choice over 24 characters', ['Yes', 'No, and I would like to explain why']],
    ['duplicate choices', ['Yes', 'Yes']],
  ])('when a reply offers %s, then they are sent as a numbered list in the text', async (_what, replies) => {
    await adapter.send(address, { text: 'Choose:', quickReplies: replies });
    const [sent] = newlySent();
    expect(sent!.body.type).toBe('text');
    expect((sent!.body.text as { body: string }).body).toBe(`Choose:\n\n${replies.map((r, i) => `${i + 1}. ${r}`).join('\n')}`);
  });

  it('when a long reply carries buttons, then the text goes in parts and only the last carries the buttons', async () => {
    const long = Array.from({ length: 12 }, () => 'Here is what we found about your order. '.repeat(10).trim()).join('\n\n');
    await adapter.send(address, { text: long, quickReplies: ['Yes', 'No'] });
    const sent = newlySent();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.slice(0, -1).every((s) => s.body.type === 'text')).toBe(true);
    expect(sent.at(-1)!.body).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
  });

  it('when Graph refuses a message, then send() rejects with the Graph error message', async () => {
    graph.failNext('messages', 400, '(#131030) Recipient phone number not in allowed list');
    await expect(adapter.send(address, { text: 'hello' })).rejects.toThrow('WhatsApp Cloud API: (#131030) Recipient phone number not in allowed list (code 100)');
  });

  it('when the token is wrong, then send() rejects with the OAuth error and nothing is recorded', async () => {
    const wrong = createWhatsAppCloudAdapter({ tenantId, token: 'stale', phoneNumberId: phoneId, appSecret, verifyToken, graphApiRoot: graph.root, log });
    await expect(wrong.send(address, { text: 'hello' })).rejects.toThrow('Invalid OAuth access token');
    expect(newlySent()).toHaveLength(0);
  });
});
