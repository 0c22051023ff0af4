/**
 * The Telegram adapter against the local Bot API emulator, through its ordinary options: long polling
 * for one bot, a webhook mounted on a small HTTP server for another, both served by one emulator.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTelegramAdapter, type TelegramLog } from '../../../bots/channels/telegram';
import type { ChannelAdapter, InboundMessage, WebhookRoute } from '../../../bots/types';
import {
  commandUpdate, contactUpdate, documentUpdate, photoUpdate, startTelegramEmulator, textUpdate, type TelegramEmulator,
} from '../../support/telegram-emulator';

const POLL_TOKEN = '111111:polling-bot-token';
const HOOK_TOKEN = '222222:webhook-bot-token';
const SECRET = 'hook-secret_0123456789';
const HOOK_PATH = '/webhooks/telegram/demo';
const fast = { attempts: 3, baseDelayMs: 10 };

/** onMessage as a plain function: records what it stored; `failFor` makes it throw for a chat. */
function recorder() {
  const stored: InboundMessage[] = [];
  const calls: InboundMessage[] = [];
  const failFor = new Map<string, number>();
  return {
    stored, calls, failFor,
    onMessage: async (m: InboundMessage) => {
      calls.push(m);
      const failures = failFor.get(m.from.externalId) ?? 0;
      if (failures > 0) {
        failFor.set(m.from.externalId, failures - 1);
        throw new Error('database unavailable');
      }
      stored.push(m);
    },
    forChat: (chatId: number) => stored.filter((m) => m.from.externalId === String(chatId)),
  };
}

function captureLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  const log: TelegramLog = { info: at('info'), warn: at('warn'), error: at('error') };
  return { lines, log };
}

async function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's role in production: turns HTTP into a WebhookRequest with the raw body. */
async function serveRoutes(routes: () => readonly WebhookRoute[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes().find((r) => r.method === req.method && r.path === url.pathname);
      if (!route) return void res.writeHead(404).end();
      route.handle({ method: req.method ?? 'POST', headers: req.headers, query: Object.fromEntries(url.searchParams), rawBody: Buffer.concat(chunks) })
        .then((out) => res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers }).end(JSON.stringify(out.body ?? null)))
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let emulator: TelegramEmulator;
beforeAll(async () => {
  emulator = await startTelegramEmulator({ webhookRetryMs: 20 });
});
afterAll(() => emulator.close());

describe('telegram adapter, long polling', () => {
  const rec = recorder();
  const logs = captureLog();
  let adapter: ChannelAdapter;
  beforeAll(async () => {
    adapter = createTelegramAdapter({ tenantId: 'demo', token: POLL_TOKEN, apiRoot: emulator.url, log: logs.log, maxFileBytes: 1000, retry: fast });
    await adapter.start(rec.onMessage);
  });
  afterAll(() => adapter.stop());

  it('when a customer writes text, one InboundMessage arrives with chat id, name, language hint and reply address', async () => {
    const update = emulator.pushUpdate(POLL_TOKEN, textUpdate(501, 'My parcel never arrived', { firstName: 'Giulia', lastName: 'Rossi', languageCode: 'it' }));
    const [m] = await until(() => (rec.forChat(501).length ? rec.forChat(501) : undefined));
    expect(m).toMatchObject({
      tenantId: 'demo', channel: 'telegram', text: 'My parcel never arrived', attachments: [],
      channelMessageId: `tg:111111:501:${update.message!.message_id}`,
      from: { externalId: '501', name: 'Giulia Rossi', languageCode: 'it' },
      address: { channel: 'telegram', tenantId: 'demo', externalId: '501' },
    });
    expect(m!.receivedAt).toBeInstanceOf(Date);
  });

  it('when a customer taps /start, it arrives as the text /start', async () => {
    emulator.pushUpdate(POLL_TOKEN, commandUpdate(502, '/start'));
    const [m] = await until(() => (rec.forChat(502).length ? rec.forChat(502) : undefined));
    expect(m!.text).toBe('/start');
  });

  it('when a customer sends a photo with a caption, the largest size arrives with its bytes as image/jpeg', async () => {
    const small = emulator.addFile(Buffer.from('small'), 'photos/file_small.jpg');
    const large = emulator.addFile(Buffer.from('LARGE-JPEG-BYTES'), 'photos/file_large.jpg');
    emulator.pushUpdate(POLL_TOKEN, photoUpdate(503, [small, large], { caption: 'the broken seal' }));
    const [m] = await until(() => (rec.forChat(503).length ? rec.forChat(503) : undefined));
    expect(m!.text).toBe('the broken seal');
    expect(m!.attachments).toEqual([{ kind: 'image', contentType: 'image/jpeg', fileName: 'file_large.jpg', data: Buffer.from('LARGE-JPEG-BYTES') }]);
  });

  it('when a customer sends a document, it arrives with its type and name', async () => {
    const pdf = emulator.addFile(Buffer.from('%PDF-1.4 receipt'), 'documents/file_9.pdf');
    emulator.pushUpdate(POLL_TOKEN, documentUpdate(504, pdf, { fileName: 'receipt.pdf', mimeType: 'application/pdf' }));
    const [m] = await until(() => (rec.forChat(504).length ? rec.forChat(504) : undefined));
    expect(m!.attachments).toEqual([{ kind: 'document', contentType: 'application/pdf', fileName: 'receipt.pdf', data: Buffer.from('%PDF-1.4 receipt') }]);
  });

  it('when a file is over maxFileBytes, it is skipped with a log line and the caption still arrives', async () => {
    const big = emulator.addFile(Buffer.alloc(2000, 1), 'documents/big.bin');
    emulator.pushUpdate(POLL_TOKEN, documentUpdate(505, big, { caption: 'see attached' }));
    const [m] = await until(() => (rec.forChat(505).length ? rec.forChat(505) : undefined));
    expect(m).toMatchObject({ text: 'see attached', attachments: [] });
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'telegram attachment skipped: too large' }));
  });

  it('when a customer shares their own contact, the phone arrives in E.164', async () => {
    emulator.pushUpdate(POLL_TOKEN, contactUpdate(506, '393471234567'));
    const [m] = await until(() => (rec.forChat(506).length ? rec.forChat(506) : undefined));
    expect(m!.from.phone).toBe('+393471234567');
  });

  it('when Telegram delivers the same update again, both carry the same channelMessageId', async () => {
    const update = emulator.pushUpdate(POLL_TOKEN, textUpdate(507, 'hello once'));
    await until(() => (rec.forChat(507).length === 1 ? true : undefined));
    emulator.redeliver(POLL_TOKEN, update.update_id);
    const both = await until(() => (rec.forChat(507).length === 2 ? rec.forChat(507) : undefined));
    expect(both[0]!.channelMessageId).toBe(both[1]!.channelMessageId);
  });

  it('when onMessage throws twice, it is retried until stored and later messages still arrive', async () => {
    rec.failFor.set('508', 2);
    emulator.pushUpdate(POLL_TOKEN, textUpdate(508, 'third time lucky'));
    emulator.pushUpdate(POLL_TOKEN, textUpdate(509, 'right behind'));
    await until(() => (rec.forChat(509).length ? true : undefined));
    expect(rec.calls.filter((m) => m.from.externalId === '508')).toHaveLength(3);
    expect(rec.forChat(508).map((m) => m.text)).toEqual(['third time lucky']);
  });

  it('when onMessage keeps throwing, the adapter gives up with an error log and keeps polling', async () => {
    rec.failFor.set('510', 99);
    const lost = emulator.pushUpdate(POLL_TOKEN, textUpdate(510, 'lost'));
    emulator.pushUpdate(POLL_TOKEN, textUpdate(511, 'still heard'));
    await until(() => (rec.forChat(511).length ? true : undefined));
    expect(rec.forChat(510)).toEqual([]);
    expect(logs.lines).toContainEqual({ level: 'error', obj: expect.objectContaining({ updateId: lost.update_id }), msg: 'telegram update not stored' });
    expect(JSON.stringify(logs.lines)).not.toContain('polling-bot-token');
  });

  it('when a reply has quick replies, they become a one-time reply keyboard with one button per row', async () => {
    const result = await adapter.send({ channel: 'telegram', tenantId: 'demo', externalId: '520' }, { text: 'Was this helpful?', quickReplies: ['Yes', 'No'] });
    const sent = await emulator.waitForSent(POLL_TOKEN, (m) => m.chatId === '520');
    expect(sent).toMatchObject({
      text: 'Was this helpful?',
      replyMarkup: { keyboard: [[{ text: 'Yes' }], [{ text: 'No' }]], one_time_keyboard: true, resize_keyboard: true },
    });
    expect(result).toEqual({ externalMessageId: String(sent.messageId) });
  });

  it('when a reply has no quick replies, the keyboard is removed', async () => {
    await adapter.send({ channel: 'telegram', tenantId: 'demo', externalId: '521' }, { text: 'Thanks.' });
    const sent = await emulator.waitForSent(POLL_TOKEN, (m) => m.chatId === '521');
    expect(sent.replyMarkup).toEqual({ remove_keyboard: true });
  });

  it('when a reply has 5000 characters, it goes out as two messages and the id of the last is returned', async () => {
    const text = 'A'.repeat(3000) + '. ' + 'B'.repeat(1998);
    const result = await adapter.send({ channel: 'telegram', tenantId: 'demo', externalId: '522' }, { text });
    const parts = emulator.sent(POLL_TOKEN).filter((m) => m.chatId === '522');
    expect(parts.map((p) => p.text.length)).toEqual([3001, 1998]);
    expect(parts.every((p) => p.text.length <= 4096)).toBe(true);
    expect(result.externalMessageId).toBe(String(parts[1]!.messageId));
    expect(emulator.sent(HOOK_TOKEN).filter((m) => m.chatId === '522')).toEqual([]);
  });

  it('when stopped twice, it stops polling and leaves the next update for a later start', async () => {
    const token = '333333:stop-test-token';
    const other = recorder();
    const short = createTelegramAdapter({ tenantId: 'demo', token, apiRoot: emulator.url });
    await short.start(other.onMessage);
    await until(() => (emulator.pollers(token) === 1 ? true : undefined));
    const callsBeforeStop = emulator.calls(token).length;
    await Promise.all([short.stop(), short.stop()]);
    await short.stop();
    await until(() => (emulator.pollers(token) === 0 ? true : undefined));
    emulator.pushUpdate(token, textUpdate(530, 'after stop'));
    await sleep(200);
    expect(other.stored).toEqual([]);
    expect(emulator.calls(token).slice(callsBeforeStop).map((c) => c.method).filter((m) => m !== 'getUpdates')).toEqual([]);
    await short.start(other.onMessage);
    await until(() => (other.forChat(530).length ? true : undefined));
    await short.stop();
  });
});

describe('telegram adapter, start-up', () => {
  it('when the token is malformed, creating the adapter fails naming the expected shape', () => {
    expect(() => createTelegramAdapter({ tenantId: 'demo', token: 'not-a-token', apiRoot: emulator.url })).toThrow(/123456:ABC/);
  });

  it('when the Bot API is unreachable, start rejects without revealing the token', async () => {
    const adapter = createTelegramAdapter({ tenantId: 'demo', token: '444444:secret-token-value', apiRoot: 'http://127.0.0.1:1' });
    const error = await adapter.start(async () => undefined).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^Telegram channel did not start/);
    expect(error?.message).not.toContain('secret-token-value');
    await adapter.stop();
  });
});

describe('telegram adapter, webhook mode', () => {
  const rec = recorder();
  let adapter: ChannelAdapter;
  let http: { url: string; server: Server };
  const post = (body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
    fetch(http.url + HOOK_PATH, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const valid = (chatId: number, updateId: number) => JSON.stringify({ update_id: updateId, ...textUpdate(chatId, 'valid') });

  beforeAll(async () => {
    http = await serveRoutes(() => adapter?.webhooks ?? []);
    adapter = createTelegramAdapter({ tenantId: 'demo', token: HOOK_TOKEN, apiRoot: emulator.url, retry: fast, webhook: { url: http.url + HOOK_PATH, secret: SECRET, path: HOOK_PATH } });
    await adapter.start(rec.onMessage);
  });
  afterAll(async () => {
    await adapter.stop();
    http.server.closeAllConnections();
    await new Promise((resolve) => http.server.close(resolve));
  });

  it('when started, it registers its URL and secret with setWebhook and exposes one POST route', () => {
    expect(emulator.calls(HOOK_TOKEN)).toContainEqual({ method: 'setWebhook', params: expect.objectContaining({ url: http.url + HOOK_PATH, secret_token: SECRET }) });
    expect(adapter.webhooks?.map((w) => [w.method, w.path])).toEqual([['POST', HOOK_PATH]]);
  });

  it('when Telegram posts an update with the secret, it is stored and answered 200', async () => {
    const update = emulator.pushUpdate(HOOK_TOKEN, textUpdate(601, 'ciao', { languageCode: 'it' }));
    const [m] = await until(() => (rec.forChat(601).length ? rec.forChat(601) : undefined));
    expect(m).toMatchObject({ text: 'ciao', from: { externalId: '601', languageCode: 'it' }, channelMessageId: `tg:222222:601:${update.message!.message_id}` });
    await until(() => emulator.deliveries(HOOK_TOKEN).find((d) => d.updateId === update.update_id && d.status === 200));
    expect(emulator.deliveries(HOOK_TOKEN).filter((d) => d.updateId === update.update_id)).toEqual([{ updateId: update.update_id, status: 200, secret: SECRET }]);
  });

  it('when storing fails, Telegram is answered 503 and its next delivery is stored', async () => {
    rec.failFor.set('602', 3); // the first delivery uses all 3 tries
    const update = emulator.pushUpdate(HOOK_TOKEN, textUpdate(602, 'second delivery'));
    await until(() => (rec.forChat(602).length ? true : undefined));
    await until(() => emulator.deliveries(HOOK_TOKEN).find((d) => d.updateId === update.update_id && d.status === 200));
    expect(emulator.deliveries(HOOK_TOKEN).filter((d) => d.updateId === update.update_id).map((d) => d.status)).toEqual([503, 200]);
  });

  it('when an update is not a message, it is acknowledged and nothing is stored', async () => {
    const before = rec.calls.length;
    const res = await post(JSON.stringify({ update_id: 7000, callback_query: { id: '1', data: 'x' } }));
    expect(res.status).toBe(200);
    expect(rec.calls.length).toBe(before);
  });

  it.each([
    ['missing', {}, 401, 'unauthorized'],
    ['empty', { 'x-telegram-bot-api-secret-token': '' }, 401, 'unauthorized'],
    ['wrong', { 'x-telegram-bot-api-secret-token': 'guess' }, 403, 'forbidden'],
    ['wrong by one character', { 'x-telegram-bot-api-secret-token': SECRET.slice(0, -1) + 'X' }, 403, 'forbidden'],
  ])('when the secret header is %s, the request is refused and nothing is stored', async (_name, headers, status, code) => {
    const before = rec.calls.length;
    const res = await post(valid(603, 7001), headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(rec.calls.length).toBe(before);
  });

  const message = (patch: Record<string, unknown>) => JSON.stringify({ update_id: 7100, message: { message_id: 1, date: 1_700_000_000, chat: { id: 604, type: 'private' }, text: 'x', ...patch } });
  it.each([
    ['not JSON', 'hello'],
    ['empty', ''],
    ['truncated JSON', '{"update_id": 1,'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON string', '"update"'],
    ['an empty array', '[]'],
    ['an array of updates', `[${valid(604, 7102)}]`],
    ['an empty object', '{}'],
    ['update_id as a string', '{"update_id": "7103"}'],
    ['update_id as a fraction', '{"update_id": 1.5}'],
    ['a negative update_id', '{"update_id": -1}'],
    ['update_id as a boolean', '{"update_id": true}'],
    ['update_id as an object', '{"update_id": {"$gt": 0}}'],
    ['update_id beyond safe integers', '{"update_id": 123456789012345678901234567890}'],
    ['update_id overflowing to Infinity', '{"update_id": 1e400}'],
    ['a null message', '{"update_id": 7104, "message": null}'],
    ['message as a string', '{"update_id": 7105, "message": "hi"}'],
    ['message as an array', '{"update_id": 7106, "message": []}'],
    ['message without chat', message({ chat: undefined })],
    ['chat id as a string', message({ chat: { id: '604', type: 'private' } })],
    ['a huge chat id', message({ chat: { id: 1e300, type: 'private' } })],
    ['a message without message_id', message({ message_id: undefined })],
    ['date as a string', message({ date: 'yesterday' })],
    ['text as a number', message({ text: 42 })],
    ['text as an object', message({ text: { evil: true } })],
    ['text over 4096 characters', message({ text: 'x'.repeat(5000) })],
    ['photo not an array', message({ photo: 'abc' })],
    ['a photo size without file_id', message({ photo: [{ file_unique_id: 'u', width: 1, height: 1 }] })],
    ['a negative document size', message({ document: { file_id: 'f', file_unique_id: 'u', file_size: -5 } })],
    ['from.first_name as a number', message({ from: { id: 604, is_bot: false, first_name: 7 } })],
    ['a contact without phone_number', message({ contact: { first_name: 'Ada' } })],
    ['over 1 MB', JSON.stringify({ update_id: 7107, padding: 'x'.repeat(1_100_000) })],
  ])('when the body is %s, it is refused with 4xx and nothing is stored', async (_name, body) => {
    const before = rec.calls.length;
    const res = await post(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(['validation_failed', 'payload_too_large']).toContain(json.error.code);
    expect(rec.calls.length).toBe(before);
  });

  it('when malformed bodies came before, a valid update is still stored', async () => {
    const res = await post(valid(605, 7200));
    expect(res.status).toBe(200);
    expect(rec.forChat(605).map((m) => m.text)).toEqual(['valid']);
  });

  it('when stopped, the webhook stays registered and requests are refused 503 so Telegram retries them', async () => {
    await adapter.stop();
    const res = await post(valid(606, 7300));
    expect(res.status).toBe(503);
    expect(rec.forChat(606)).toEqual([]);
    expect(emulator.calls(HOOK_TOKEN).map((c) => c.method)).not.toContain('deleteWebhook');
  });
});
