/**
 * The whole intake over Telegram: the real app with TELEGRAM_BOT_TOKEN/TELEGRAM_API_ROOT pointing at
 * the Bot API emulator (long polling), and a second app in webhook mode on a port fixed in advance
 * (its own URL must be in TELEGRAM_WEBHOOK_URL before it starts).
 */
import { and, eq } from 'drizzle-orm';
import { catalogues } from '../../../bots/engine/catalogues';
import { attachments, conversations, messages } from '../../../db/schema';
import { startTestApp, type TestApp } from '../../support/app';
import { checkDialog, databaseAnswers, expectScriptComplaint, prefixOf, rowCounts, sleep, until, within } from '../../support/intake-checks';
import { freePort } from '../../support/process';
import { scripts } from '../../support/scripts';
import { TelegramCustomer } from '../../support/telegram-customer';
import { photoUpdate, startTelegramEmulator, textUpdate, type SentMessage, type TelegramEmulator, type TgMessage } from '../../support/telegram-emulator';

const TOKEN = '700001:intake-polling-token';
const HOOK_TOKEN = '700002:intake-webhook-token';
const SECRET = 'intake-hook_secret-0123';
const HOOK_PATH = '/webhooks/telegram/demo';
/** The smallest byte sequence file-type recognises as a JPEG (SOI, APP0/JFIF, EOI). */
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

let tg: TelegramEmulator;
let t: TestApp;
beforeAll(async () => {
  tg = await startTelegramEmulator({ webhookRetryMs: 20, webhookMaxAttempts: 3 });
  t = await startTestApp({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: tg.url } });
});
afterAll(async () => {
  await within('closing the polling app', t?.close() ?? Promise.resolve());
  await tg?.close();
});

const keyboard = (m: SentMessage | undefined) => (m?.replyMarkup as { keyboard?: { text: string }[][] } | undefined)?.keyboard;
const channelMessageId = (token: string, chatId: number, messageId: number) => `tg:${token.split(':')[0]}:${chatId}:${messageId}`;

describe('intake on Telegram (long polling)', () => {
  beforeEach(() => databaseAnswers(t.db.db));

  it.each(scripts.map((s, i) => [s.lang, s, 91_000 + i] as const))(
    'when a Telegram user with language_code %s sends the script turn by turn, then every sendMessage to that chat is in that language, choices come as a reply keyboard, the acknowledgement carries code and PIN and the complaint is on record',
    async (lang, script, chatId) => {
      const chat = new TelegramCustomer(tg, TOKEN, chatId, { firstName: 'Kim', languageCode: lang });
      const replies: SentMessage[] = [];
      for (const turn of script.turns) replies.push(...(await chat.say(turn)));
      expect(chat.sent()).toEqual(replies);
      const c = catalogues[lang];
      const said = replies.map((r) => r.text);
      const { code, pin, ack } = checkDialog(lang, said, [c.askContact, c.askProduct, c.askOrderRef]);

      // Quick replies are a one-time reply keyboard, one button a row; plain lines take the keyboard away.
      const consent = replies.find((r) => r.text.startsWith(prefixOf((url) => c.consent({ url }))));
      expect(consent?.replyMarkup).toEqual({ keyboard: [[{ text: c.yes }], [{ text: c.no }]], one_time_keyboard: true, resize_keyboard: true });
      expect(keyboard(replies.find((r) => r.text === c.askOrderRef))).toEqual([[{ text: c.skip }]]);
      expect(replies.some((r) => JSON.stringify(keyboard(r)) === JSON.stringify([[{ text: c.confirm }], [{ text: c.change }]]))).toBe(true);
      const ackMessage = replies.find((r) => r.text === ack)!;
      expect(keyboard(ackMessage)).toBeUndefined();

      const complaint = await expectScriptComplaint(t.db.db, code, script, 'telegram');
      const [conversation] = await t.db.db.select().from(conversations).where(eq(conversations.id, complaint.conversationId!));
      expect(conversation!.address).toMatchObject({ channel: 'telegram', externalId: String(chatId) });
      // One stored row per turn and per reply; every reply went out.
      const rows = await t.db.db.select().from(messages).where(eq(messages.conversationId, conversation!.id));
      expect(rows.filter((m) => m.direction === 'in')).toHaveLength(script.turns.length);
      expect(rows.filter((m) => m.direction === 'out').map((m) => m.status)).toEqual(replies.map(() => 'sent'));
      const track = await t.request('GET', `/api/track/${code}?pin=${pin}`);
      expect(track.status).toBe(200);
      expect(track.body.status).toBe('evaluating');
    },
  );

  it('when the Bot API delivers the same update again, then it is stored once and answered once', async () => {
    const chatId = 92_001;
    const chat = new TelegramCustomer(tg, TOKEN, chatId, { languageCode: 'en' });
    const pushed = tg.pushUpdate(TOKEN, textUpdate(chatId, 'Hello', chat.sender));
    await chat.handled(pushed.update_id);
    const answered = chat.sent().length;
    expect(answered).toBe(2); // greeting + consent question
    const id = channelMessageId(TOKEN, chatId, pushed.message!.message_id);
    const [row] = await t.db.db.select().from(messages).where(eq(messages.channelMessageId, id));
    expect(row).toMatchObject({ direction: 'in', status: 'processed', text: 'Hello' });
    const stored = (await t.db.db.select().from(messages).where(eq(messages.conversationId, row!.conversationId))).length;

    const pollsBefore = tg.calls(TOKEN).filter((c) => c.method === 'getUpdates').length;
    tg.redeliver(TOKEN, pushed.update_id);
    // Handled again once a later poll is held open: the adapter polls only after finishing a batch.
    await until(() => (tg.calls(TOKEN).filter((c) => c.method === 'getUpdates').length > pollsBefore && tg.pollers(TOKEN) === 1) || undefined);
    await sleep(200);

    expect(await t.db.db.select().from(messages).where(eq(messages.channelMessageId, id))).toHaveLength(1);
    expect(await t.db.db.select().from(messages).where(eq(messages.conversationId, row!.conversationId))).toHaveLength(stored);
    expect(chat.sent()).toHaveLength(answered);
  });

  it('when a photo is sent while the customer describes what happened, then it is stored as an attachment of the conversation and counted in the summary', async () => {
    const chatId = 93_001;
    const en = catalogues.en;
    const chat = new TelegramCustomer(tg, TOKEN, chatId, { firstName: 'Ada', languageCode: 'en' });
    for (const turn of ['Hello', en.yes, 'Ada Lovelace', 'ada.lovelace@example.com', 'Toaster T-1000', en.skip]) await chat.say(turn);
    expect(chat.sent().at(-1)!.text).toBe(en.askDescription);
    expect((await chat.say('The toaster caught fire in the kitchen')).map((m) => m.text)).toEqual([en.askMore]);

    const small = tg.addFile(Buffer.from('thumbnail'), 'photos/intake_small.jpg');
    const photo = tg.addFile(JPEG, 'photos/intake_large.jpg');
    const update = photoUpdate(chatId, [small, photo], chat.sender);
    const replies = await chat.send(update);
    expect(replies.map((m) => m.text)).toEqual([en.gotAttachment({ count: 1 })]);
    expect(keyboard(replies[0])).toEqual([[{ text: en.done }]]);

    const [inbound] = await t.db.db.select().from(messages).where(eq(messages.channelMessageId, channelMessageId(TOKEN, chatId, (update.message as TgMessage).message_id)));
    expect(inbound!.attachments).toHaveLength(1);
    const files = await t.db.db.select().from(attachments).where(and(eq(attachments.conversationId, inbound!.conversationId), eq(attachments.tenantId, t.demo.tenantId)));
    expect(files).toEqual([expect.objectContaining({ id: inbound!.attachments[0], contentType: 'image/jpeg', size: JPEG.length, fileName: 'intake_large.jpg' })]);

    const summary = await chat.say(en.done);
    expect(summary.map((m) => m.text)).toEqual([en.summary({
      name: 'Ada Lovelace', email: 'ada.lovelace@example.com', product: 'Toaster T-1000', description: 'The toaster caught fire in the kitchen', attachments: 1,
    })]);
    const done = await chat.say(en.confirm);
    expect(done.some((m) => m.text.startsWith(prefixOf((code) => en.acknowledgement({ code, pin: '' }))))).toBe(true);
  });
});

describe('intake on Telegram (webhook mode)', () => {
  let hook: TestApp;
  let hookUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    hookUrl = `http://127.0.0.1:${port}${HOOK_PATH}`;
    hook = await startTestApp({
      port,
      env: { TELEGRAM_BOT_TOKEN: HOOK_TOKEN, TELEGRAM_API_ROOT: tg.url, TELEGRAM_WEBHOOK_URL: hookUrl, TELEGRAM_WEBHOOK_SECRET: SECRET },
    });
  });
  beforeEach(() => databaseAnswers(hook.db.db));
  afterAll(async () => { await within('closing the webhook app', hook?.close() ?? Promise.resolve()); });

  const update = (chatId: number, text: string) => {
    const u = textUpdate(chatId, text, { firstName: 'Eve', languageCode: 'en' });
    return { update_id: 800_000 + chatId, ...u };
  };
  const post = (body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
    hook.request('POST', HOOK_PATH, { body, headers: { 'content-type': 'application/json', ...headers } });

  it('when the app starts, then it registers its own URL and the secret with setWebhook and does not poll', () => {
    expect(tg.calls(HOOK_TOKEN)).toContainEqual({ method: 'setWebhook', params: expect.objectContaining({ url: hookUrl, secret_token: SECRET }) });
    expect(tg.calls(HOOK_TOKEN).some((c) => c.method === 'getUpdates')).toBe(false);
  });

  it('when a delivery comes without the secret header or with a wrong one, then it is refused with 401/403 and nothing is stored', async () => {
    const before = await rowCounts(hook.db.db);
    const body = JSON.stringify(update(94_001, 'Hello, let me in'));
    const missing = await post(body, {});
    const wrong = await post(body, { 'x-telegram-bot-api-secret-token': 'not-the-secret' });
    const empty = await post(body, { 'x-telegram-bot-api-secret-token': '' });
    for (const res of [missing, wrong, empty]) {
      expect([401, 403]).toContain(res.status);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    await sleep(100);
    expect(await rowCounts(hook.db.db)).toEqual(before);
    expect(tg.sent(HOOK_TOKEN).filter((m) => m.chatId === '94001')).toEqual([]);
  });

  it('when the Bot API delivers the script with the secret header, then every turn is processed and the complaint is on record', async () => {
    const script = scripts.find((s) => s.lang === 'ro')!;
    const chat = new TelegramCustomer(tg, HOOK_TOKEN, 94_002, { firstName: 'Ion', languageCode: 'ro' }, 'webhook');
    const said: string[] = [];
    for (const turn of script.turns) said.push(...(await chat.say(turn)).map((m) => m.text));
    expect(tg.deliveries(HOOK_TOKEN).every((d) => d.secret === SECRET)).toBe(true);
    const ro = catalogues.ro;
    const { code } = checkDialog('ro', said, [ro.askContact, ro.askProduct, ro.askOrderRef]);
    await expectScriptComplaint(hook.db.db, code, script, 'telegram');
  });

  it('when the same update is delivered to the webhook twice, then it is stored once and answered once', async () => {
    const chatId = 94_003;
    const body = JSON.stringify(update(chatId, 'Hello'));
    const first = await post(body);
    expect(first.status).toBe(200);
    const answered = tg.sent(HOOK_TOKEN).filter((m) => m.chatId === String(chatId)).length;
    expect(answered).toBe(2);
    const before = await rowCounts(hook.db.db);
    const second = await post(body);
    expect(second.status).toBe(200);
    await sleep(200);
    expect(await rowCounts(hook.db.db)).toEqual(before);
    expect(tg.sent(HOOK_TOKEN).filter((m) => m.chatId === String(chatId))).toHaveLength(answered);
  });

  it('when twenty-odd malformed or unauthenticated deliveries arrive, then each gets a 4xx, nothing is stored and the server keeps serving', async () => {
    const now = Math.floor(Date.now() / 1000);
    const message = (fields: Record<string, unknown> = {}) => ({
      message_id: 7, date: now, chat: { id: 94_004, type: 'private', first_name: 'Mallory' },
      from: { id: 94_004, is_bot: false, first_name: 'Mallory' }, text: 'hello', ...fields,
    });
    const json = (value: unknown) => JSON.stringify(value);
    const cases: [string, string, Record<string, string>?][] = [
      ['bad JSON', 'this is not json'],
      ['truncated JSON', '{"update_id": 1, "message": {"message_id": 1'],
      ['an empty body', ''],
      ['null', 'null'],
      ['an array', json([{ update_id: 1, message: message() }])],
      ['a string', json('update')],
      ['a number', '42'],
      ['no update_id', json({ message: message() })],
      ['update_id as a string', json({ update_id: '12', message: message() })],
      ['a negative update_id', json({ update_id: -5, message: message() })],
      ['a fractional update_id', json({ update_id: 1.5, message: message() })],
      ['message null', json({ update_id: 2, message: null })],
      ['message as a string', json({ update_id: 3, message: 'hello' })],
      ['message without chat', json({ update_id: 4, message: { ...message(), chat: undefined } })],
      ['chat id as a string', json({ update_id: 5, message: message({ chat: { id: 'abc', type: 'private' } }) })],
      ['message_id zero', json({ update_id: 6, message: message({ message_id: 0 }) })],
      ['date as a string', json({ update_id: 7, message: message({ date: 'yesterday' }) })],
      ['text as a number', json({ update_id: 8, message: message({ text: 12345 }) })],
      ['from without is_bot', json({ update_id: 9, message: message({ from: { id: 94_004, first_name: 'Mallory' } }) })],
      ['an empty photo list', json({ update_id: 10, message: message({ photo: [] }) })],
      ['a document with an empty file_id', json({ update_id: 11, message: message({ document: { file_id: '', file_unique_id: 'u' } }) })],
      ['text over 4096 characters', json({ update_id: 12, message: message({ text: 'x'.repeat(5000) }) })],
      ['a body over 1 MB', json({ update_id: 13, message: message(), padding: 'p'.repeat(1_100_000) })],
      ['no secret header', json({ update_id: 14, message: message() }), {}],
      ['a wrong secret', json({ update_id: 15, message: message() }), { 'x-telegram-bot-api-secret-token': `${SECRET}x` }],
    ];
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const before = await rowCounts(hook.db.db);
    for (const [what, body, headers] of cases) {
      const res = await post(body, headers);
      expect({ what, status: res.status >= 400 && res.status < 500 }).toEqual({ what, status: true });
      expect({ what, error: typeof res.body?.error?.code }).toEqual({ what, error: 'string' });
    }
    await sleep(100);
    expect(await rowCounts(hook.db.db)).toEqual(before);
    expect(tg.sent(HOOK_TOKEN).filter((m) => m.chatId === '94004')).toEqual([]);

    expect((await hook.request('GET', '/health')).status).toBe(200);
    const chat = new TelegramCustomer(tg, HOOK_TOKEN, 94_005, { languageCode: 'en' }, 'webhook');
    expect((await chat.say('Hello')).map((m) => m.text)).toContain(catalogues.en.greeting({ company: hook.demo.name }));
  });
});
