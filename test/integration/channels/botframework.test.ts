import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBotFrameworkAdapter } from '../../../bots/channels/botframework';
import type { BotFrameworkLog } from '../../../bots/channels/botframework';
import type { ChannelAdapter, InboundMessage, WebhookRoute } from '../../../bots/types';
import { messageActivity, otherActivity, startFakeConnector } from '../../support/botframework-connector';
import type { FakeConnector } from '../../support/botframework-connector';

/** Mounts webhook routes the way the server does: raw body bytes in, plain response out. */
async function serveRoutes(routes: readonly WebhookRoute[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes.find((r) => r.method === req.method && r.path === url.pathname);
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      route
        .handle({ method: req.method ?? 'POST', headers: req.headers, query: Object.fromEntries(url.searchParams), rawBody: Buffer.concat(chunks) })
        .then((out) => {
          res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
          res.end(out.body === undefined ? undefined : JSON.stringify(out.body));
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function recordingLog(): BotFrameworkLog & { lines: { level: string; msg?: string }[] } {
  const lines: { level: string; msg?: string }[] = [];
  return { lines, warn: (_o, msg) => lines.push({ level: 'warn', msg }), error: (_o, msg) => lines.push({ level: 'error', msg }) };
}

describe('Bot Framework channel, anonymous mode', () => {
  let connector: FakeConnector;
  let adapter: ChannelAdapter;
  let endpoint: string;
  let server: Server;
  const log = recordingLog();
  const inbound: InboundMessage[] = [];
  const activity = (text: string, extra: Partial<Parameters<typeof messageActivity>[0]> = {}) =>
    messageActivity({ serviceUrl: connector.serviceUrl, conversationId: `conv-${randomUUID()}`, userId: 'user-1', text, locale: 'it-IT', ...extra });

  beforeAll(async () => {
    connector = await startFakeConnector();
    adapter = createBotFrameworkAdapter({ tenantId: 'demo', anonymous: true, log });
    await adapter.start(async (message) => {
      inbound.push(message);
      if (message.text === 'boom') throw new Error('storage is down');
      await adapter.send(message.address, { text: 'Thanks', quickReplies: ['Yes', 'No'] });
    });
    const mounted = await serveRoutes(adapter.webhooks ?? []);
    server = mounted.server;
    endpoint = `${mounted.url}/api/messages`;
  });

  afterAll(async () => {
    await adapter.stop();
    await closeServer(server);
    await connector.close();
  });

  it('when started without credentials, then a loud warning about anonymous mode is logged', () => {
    expect(log.lines).toContainEqual({ level: 'warn', msg: expect.stringMatching(/ANONYMOUS MODE/) });
  });

  it('when a message asks for expectReplies, then onMessage gets the mapped message and the replies come back in the HTTP body with suggested actions', async () => {
    const sent = activity('My parcel never arrived', { deliveryMode: 'expectReplies', userName: 'Ada' });
    const before = connector.received.length;

    const res = await post(endpoint, sent);

    expect(res.status).toBe(200);
    const replies = (res.body as { activities: Record<string, unknown>[] }).activities;
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      type: 'message', text: 'Thanks', conversation: { id: (sent.conversation as { id: string }).id },
      suggestedActions: { actions: [{ type: 'imBack', title: 'Yes', value: 'Yes' }, { type: 'imBack', title: 'No', value: 'No' }] },
    });
    expect(connector.received.length).toBe(before);
    const message = inbound.find((m) => m.text === 'My parcel never arrived');
    expect(message).toMatchObject({
      tenantId: 'demo', channel: 'botframework',
      channelMessageId: `bf:webchat:${(sent.conversation as { id: string }).id}:${String(sent.id)}`,
      from: { externalId: 'user-1', name: 'Ada', languageCode: 'it-IT' },
      address: { channel: 'botframework', tenantId: 'demo', externalId: (sent.conversation as { id: string }).id },
      attachments: [],
    });
    expect(message?.address.data?.reference).toMatchObject({ serviceUrl: connector.serviceUrl, channelId: 'webchat', activityId: sent.id });
  });

  it('when a normal message arrives, then the reply is posted to the activity serviceUrl as a reply to it', async () => {
    const sent = activity('Hello');
    const conversationId = (sent.conversation as { id: string }).id;

    const res = await post(endpoint, sent);

    expect(res.status).toBe(200);
    const reply = await connector.waitFor((r) => r.conversationId === conversationId);
    expect(reply.replyToId).toBe(sent.id);
    expect(reply.activity).toMatchObject({ type: 'message', text: 'Thanks', suggestedActions: { actions: [{ title: 'Yes' }, { title: 'No' }] } });
  });

  it('when an agent replies later, then send() to the stored address reaches the connector proactively and returns its id', async () => {
    const sent = activity('I want a person');
    const conversationId = (sent.conversation as { id: string }).id;
    await post(endpoint, sent);
    const address = inbound.find((m) => m.address.externalId === conversationId)!.address;

    const result = await adapter.send(JSON.parse(JSON.stringify(address)), { text: 'Agent Maria here', from: 'agent', lang: 'it' });

    const proactive = await connector.waitFor((r) => r.conversationId === conversationId && r.activity.text === 'Agent Maria here');
    expect(result.externalMessageId).toBe(proactive.id);
    expect(proactive.activity).toMatchObject({ type: 'message', locale: 'it', recipient: { id: 'user-1' } });
    expect(proactive.activity.suggestedActions).toBeUndefined();
  });

  it('when a proactive text exceeds the channel limit, then it is split into several activities', async () => {
    const sent = activity('long please');
    const conversationId = (sent.conversation as { id: string }).id;
    await post(endpoint, sent);
    const address = inbound.find((m) => m.address.externalId === conversationId)!.address;
    const paragraph = 'x'.repeat(20_000);

    await adapter.send(address, { text: `${paragraph}\n\n${paragraph}` });

    // send() resolves once every part was posted.
    expect(connector.received.filter((r) => r.conversationId === conversationId && r.activity.text === paragraph)).toHaveLength(2);
  });

  it('when the same activity is delivered twice, then both deliveries carry the same channelMessageId', async () => {
    const sent = activity('duplicate me');

    await post(endpoint, sent);
    await post(endpoint, sent);

    const ids = inbound.filter((m) => m.text === 'duplicate me').map((m) => m.channelMessageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it.each(['conversationUpdate', 'typing', 'event', 'messageReaction', 'invoke'])('when a %s activity arrives, then it is answered 200 and onMessage is not called', async (type) => {
    const before = inbound.length;
    const res = await post(endpoint, otherActivity(type, { serviceUrl: connector.serviceUrl, conversationId: `conv-${randomUUID()}`, userId: 'user-1' }));
    expect(res.status).toBe(200);
    expect(inbound.length).toBe(before);
  });

  it('when a message carries an http image and an inline data: document, then both reach onMessage as bytes and cards are ignored', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const url = connector.serveFile('photo.png', png, 'image/png');
    const sent = activity('see attached', {
      attachments: [
        { contentType: 'image/png', contentUrl: url, name: 'photo.png' },
        { contentType: 'application/pdf', contentUrl: `data:application/pdf;base64,${Buffer.from('%PDF-1.4').toString('base64')}`, name: 'receipt.pdf' },
        { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'card' } },
        { contentType: 'text/html', content: '<p>see attached</p>' },
      ],
    });

    expect((await post(endpoint, sent)).status).toBe(200);

    const message = inbound.find((m) => m.text === 'see attached')!;
    expect(message.attachments).toEqual([
      { kind: 'image', contentType: 'image/png', fileName: 'photo.png', data: png },
      { kind: 'document', contentType: 'application/pdf', fileName: 'receipt.pdf', data: Buffer.from('%PDF-1.4') },
    ]);
  });

  it('when Teams sends a file as download info, then its bytes are fetched and typed from the download', async () => {
    const url = connector.serveFile('report.docx', Buffer.from('PK docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const sent = activity('teams file', {
      channelId: 'msteams',
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'report.docx', content: { downloadUrl: url, fileType: 'docx' } }],
    });

    expect((await post(endpoint, sent)).status).toBe(200);

    const message = inbound.find((m) => m.text === 'teams file')!;
    expect(message.channelMessageId).toMatch(/^bf:msteams:/);
    expect(message.attachments).toEqual([
      { kind: 'document', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'report.docx', data: Buffer.from('PK docx') },
    ]);
  });

  it('when an attachment is over 10 MB or cannot be downloaded, then it is dropped and the message still arrives', async () => {
    const big = connector.serveFile('big.jpg', Buffer.alloc(10 * 1024 * 1024 + 1), 'image/jpeg');
    const sent = activity('too big', {
      attachments: [
        { contentType: 'image/jpeg', contentUrl: big },
        { contentType: 'image/jpeg', contentUrl: `${connector.serviceUrl}files/missing.jpg` },
      ],
    });

    const dropped = () => log.lines.filter((l) => l.msg === 'botframework: attachment dropped').length;
    const before = dropped();

    expect((await post(endpoint, sent)).status).toBe(200);

    expect(inbound.find((m) => m.text === 'too big')?.attachments).toEqual([]);
    expect(dropped() - before).toBe(2);
  });

  it('when onMessage throws, then the request gets a 500 error body, the process survives and the next message is handled', async () => {
    const res = await post(endpoint, activity('boom'));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(log.lines).toContainEqual({ level: 'error', msg: 'botframework: turn failed' });

    expect((await post(endpoint, activity('still alive', { deliveryMode: 'expectReplies' }))).status).toBe(200);
  });

  it('when the channel refuses a proactive reply, then send() rejects instead of reporting a delivery', async () => {
    const sent = activity('then I blocked the bot', { conversationId: `blocked-${randomUUID()}` });
    await post(endpoint, sent);
    const address = inbound.find((m) => m.text === 'then I blocked the bot')!.address;

    await expect(adapter.send(address, { text: 'Are you there?' })).rejects.toThrow();
  });

  it('when send() gets an address without a conversation reference, then it rejects clearly', async () => {
    await expect(adapter.send({ channel: 'botframework', tenantId: 'demo', externalId: 'nowhere' }, { text: 'hi' })).rejects.toThrow(/conversation reference/);
  });

  const valid = () => messageActivity({ serviceUrl: 'http://127.0.0.1:1/', conversationId: 'conv-bad', userId: 'u', text: 'hi' });
  const without = (key: string) => {
    const a = valid();
    delete a[key];
    return a;
  };
  const malformed: [string, unknown][] = [
    ['invalid JSON', '{"type": "message",'],
    ['an empty body', ''],
    ['JSON null', 'null'],
    ['a JSON string', '"message"'],
    ['a JSON number', '42'],
    ['an array of activities', [valid()]],
    ['an empty object', {}],
    ['no type', without('type')],
    ['a numeric type', { ...valid(), type: 7 }],
    ['an empty type', { ...valid(), type: '' }],
    ['no channelId', without('channelId')],
    ['no serviceUrl', without('serviceUrl')],
    ['a serviceUrl that is not a URL', { ...valid(), serviceUrl: 'not a url' }],
    ['a file: serviceUrl', { ...valid(), serviceUrl: 'file:///etc/passwd' }],
    ['no from', without('from')],
    ['from without id', { ...valid(), from: { name: 'x' } }],
    ['from as a string', { ...valid(), from: 'user' }],
    ['no conversation', without('conversation')],
    ['conversation id as a number', { ...valid(), conversation: { id: 12 } }],
    ['a message without id', without('id')],
    ['text as a number', { ...valid(), text: 42 }],
    ['text as an object', { ...valid(), text: { value: 'hi' } }],
    ['attachments as an object', { ...valid(), attachments: { contentType: 'image/png' } }],
    ['an attachment without contentType', { ...valid(), attachments: [{ contentUrl: 'http://x/y' }] }],
    ['locale as an array', { ...valid(), locale: ['en'] }],
    ['an unknown deliveryMode', { ...valid(), deliveryMode: 'carrierPigeon' }],
    ['recipient as a number', { ...valid(), recipient: 1 }],
  ];

  it.each(malformed)('when the body is %s, then it is refused with 400 validation_failed and nothing is handled', async (_name, body) => {
    const before = inbound.length;

    const res = await post(endpoint, body);

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation_failed', message: expect.any(String) } });
    expect(inbound.length).toBe(before);
  });

  it('when malformed payloads have been refused, then the endpoint still serves valid messages', async () => {
    const res = await post(endpoint, activity('after the garbage', { deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    expect(inbound.some((m) => m.text === 'after the garbage')).toBe(true);
  });
});

describe('Bot Framework channel with app credentials', () => {
  const appId = '00000000-0000-0000-0000-000000000001';
  let connector: FakeConnector;
  let adapter: ChannelAdapter;
  let endpoint: string;
  let server: Server;
  const handled: InboundMessage[] = [];
  let errorSpy: jest.SpyInstance;
  const message = (text: string) => messageActivity({ serviceUrl: connector.serviceUrl, conversationId: `conv-${randomUUID()}`, userId: 'u', text });

  beforeAll(async () => {
    // botbuilder prints refused tokens with console.error; keep the test output readable.
    errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    connector = await startFakeConnector();
    adapter = createBotFrameworkAdapter({ tenantId: 'demo', appId, appPassword: 'secret', anonymous: false, openIdMetadataUrl: connector.openIdMetadataUrl, log: recordingLog() });
    await adapter.start(async (m) => {
      handled.push(m);
    });
    const mounted = await serveRoutes(adapter.webhooks ?? []);
    server = mounted.server;
    endpoint = `${mounted.url}/api/messages`;
  });

  afterAll(async () => {
    await adapter.stop();
    await closeServer(server);
    await connector.close();
    errorSpy.mockRestore();
  });

  const unsigned = (claims: Record<string, unknown>) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it.each<[string, () => Record<string, string>]>([
    ['no Authorization header', () => ({})],
    ['a token that is not a JWT', () => bearer('not-a-token')],
    ['a non-Bearer scheme', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['an unsigned token from an unknown issuer', () => bearer(unsigned({ iss: 'https://evil.example', aud: appId }))],
    ['an unsigned token claiming the Bot Framework issuer', () => bearer(unsigned({ iss: 'https://api.botframework.com', aud: appId, serviceurl: connector.serviceUrl }))],
    ['a token signed by another key', () => bearer(connector.issueToken({ appId, serviceUrl: connector.serviceUrl, signedByStranger: true }))],
    ['a token for another bot', () => bearer(connector.issueToken({ appId: 'someone-else', serviceUrl: connector.serviceUrl }))],
    ['a token for another serviceUrl', () => bearer(connector.issueToken({ appId, serviceUrl: 'https://elsewhere.example/' }))],
    ['an expired token', () => bearer(connector.issueToken({ appId, serviceUrl: connector.serviceUrl, expiresInSeconds: -3600 }))],
  ])('when a request carries %s, then it is refused with 401/403 and onMessage is not called', async (_name, headers) => {
    const before = handled.length;

    const res = await post(endpoint, message('let me in'), headers());

    expect([401, 403]).toContain(res.status);
    expect(res.body).toMatchObject({ error: { code: expect.stringMatching(/unauthorized|forbidden/) } });
    expect(handled.length).toBe(before);
    expect(connector.received).toHaveLength(0);
  });

  it('when a request carries a token the channel signed for this bot, then the message reaches onMessage', async () => {
    const res = await post(endpoint, message('signed and sealed'), bearer(connector.issueToken({ appId, serviceUrl: connector.serviceUrl })));

    expect(res.status).toBe(200);
    expect(handled.map((m) => m.text)).toContain('signed and sealed');
  });

  it('when the signing keys cannot be fetched, then the request gets 503 (not 500) and onMessage is not called', async () => {
    const offline = createBotFrameworkAdapter({ tenantId: 'demo', appId, appPassword: 'secret', anonymous: false, openIdMetadataUrl: 'http://127.0.0.1:1/openid', log: recordingLog() });
    const seen: InboundMessage[] = [];
    await offline.start(async (m) => {
      seen.push(m);
    });

    const res = await offline.webhooks![0]!.handle({
      method: 'POST', query: {}, headers: bearer(connector.issueToken({ appId, serviceUrl: connector.serviceUrl })),
      rawBody: Buffer.from(JSON.stringify(message('keys are offline'))),
    });

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: { code: 'unavailable' } });
    expect(seen).toHaveLength(0);
    await offline.stop();
  });

  it('when a single-tenant app is configured, then the adapter is created with a webhook', () => {
    const single = createBotFrameworkAdapter({ tenantId: 'demo', appId: 'app', appPassword: 'pw', appTenantId: 'contoso-tenant', anonymous: false, log: recordingLog() });
    expect(single.webhooks?.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /api/messages']);
  });
});

describe('Bot Framework channel configuration', () => {
  it('when neither credentials nor anonymous mode are configured, then creating the adapter throws', () => {
    expect(() => createBotFrameworkAdapter({ tenantId: 'demo', anonymous: false })).toThrow(/BOTFRAMEWORK_ANONYMOUS/);
  });

  it('when only the app id is configured, then creating the adapter throws', () => {
    expect(() => createBotFrameworkAdapter({ tenantId: 'demo', appId: 'app', anonymous: false })).toThrow(/together/);
  });

  it('when a custom path is given, then the webhook is mounted there', () => {
    const custom = createBotFrameworkAdapter({ tenantId: 't1', anonymous: true, path: '/webhooks/botframework/t1', log: recordingLog() });
    expect(custom.webhooks?.[0]?.path).toBe('/webhooks/botframework/t1');
    expect(custom.name).toBe('botframework');
    expect(custom.tenantId).toBe('t1');
  });
});
