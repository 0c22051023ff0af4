/**
 * Restarting between two turns loses nothing: the compiled server (what `npm start` runs) as a child
 * process on a file-backed DATA_DIR shared by the tests, Telegram through the emulator (long polling), stopped with
 * SIGTERM or killed with SIGKILL mid-dialog and started again on the same DATA_DIR. The database is
 * read directly once the last server has stopped (the embedded database has one owner at a time).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { BotLang } from '../../bots/engine/catalogue';
import { catalogues } from '../../bots/engine/catalogues';
import { createDb } from '../../db/client';
import { channelIdentities, complaints, messages } from '../../db/schema';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy';
import { checkDialog, expectScriptComplaint, until } from '../support/intake-checks';
import { freePort, startServer, type ServerProcess } from '../support/process';
import { scripts, type Script } from '../support/scripts';
import { TelegramCustomer } from '../support/telegram-customer';
import { startTelegramEmulator, textUpdate, type TelegramEmulator } from '../support/telegram-emulator';

// Each test starts real server processes, some twice; on a busy machine that takes a while.
jest.setTimeout(120_000);

const TOKEN = '700003:intake-restart-token';

let tg: TelegramEmulator;
let proxy: HoldingProxy;
/** One DATA_DIR for the file (migrated once: a fresh one costs seconds); each test has its own chat. */
let dir: string;
const servers: ServerProcess[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ombuds-restart-'));
  tg = await startTelegramEmulator();
  proxy = await startHoldingProxy(tg.url);
});
// A server a failed test left running would hold the DATA_DIR: none outlives its test.
afterEach(async () => { for (const s of servers.splice(0)) await s.stop('SIGKILL'); });
afterAll(async () => {
  await proxy?.close();
  await tg?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The compiled server on the DATA_DIR, healthy, with Telegram polling `apiRoot` (the emulator or the proxy in front of it). */
async function serve(apiRoot = tg.url): Promise<ServerProcess> {
  const server = startServer({ DATA_DIR: dir, DEMO_AGENT_PASSWORD: 'restart-test-pass', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot }, await freePort());
  servers.push(server);
  await server.ready();
  return server;
}

const script = (lang: BotLang): Script => scripts.find((s) => s.lang === lang)!;

/**
 * After the last stop: exactly one complaint for this chat's customer, with all the script's
 * fields; every turn stored once and processed; every stored reply sent, once, in order.
 */
async function expectOnRecord(chat: TelegramCustomer, s: Script): Promise<void> {
  const c = catalogues[s.lang];
  const said = chat.sent().map((m) => m.text);
  const { code } = checkDialog(s.lang, said, [c.askContact, c.askProduct, c.askOrderRef]);
  const handle = await createDb(undefined, { dataDir: dir });
  try {
    const db = handle.db;
    const complaint = await expectScriptComplaint(db, code, s, 'telegram');
    const [identity] = await db.select().from(channelIdentities).where(and(eq(channelIdentities.channel, 'telegram'), eq(channelIdentities.externalId, String(chat.chatId))));
    expect(identity!.customerId).toBe(complaint.customerId);
    expect(await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.customerId, identity!.customerId))).toHaveLength(1);
    const rows = await db.select().from(messages).where(eq(messages.conversationId, complaint.conversationId!)).orderBy(messages.id);
    const inbound = rows.filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.text)).toEqual(s.turns);
    expect(inbound.every((m) => m.status === 'processed')).toBe(true);
    const outbound = rows.filter((m) => m.direction === 'out');
    expect(outbound.every((m) => m.status === 'sent')).toBe(true);
    expect(said).toEqual(outbound.map((m) => m.text));
    expect(await db.select({ id: messages.id }).from(messages).where(inArray(messages.status, ['received', 'failed', 'pending']))).toEqual([]);
  } finally {
    await handle.close();
  }
}

describe('restarting the server in the middle of a Telegram dialog', () => {
  it('when the server is stopped with SIGTERM after three turns and started again on the same DATA_DIR, then the remaining turns reach the acknowledgement and exactly one complaint exists with all fields', async () => {
    const s = script('it');
    const chat = new TelegramCustomer(tg, TOKEN, 95_001, { firstName: 'Maria', languageCode: 'it' });
    const first = await serve();
    for (const turn of s.turns.slice(0, 3)) await chat.say(turn);
    expect(chat.sent().at(-1)!.text).toBe(catalogues.it.askProduct);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await serve();
    for (const turn of s.turns.slice(3)) await chat.say(turn);
    expect(await second.stop('SIGTERM')).toBe(0);
    await expectOnRecord(chat, s);
  });

  it('when the server is killed with SIGKILL right after a turn was pushed, then after the restart that turn is answered, once, and the dialog reaches the acknowledgement', async () => {
    const s = script('pt');
    const pt = catalogues.pt;
    const chat = new TelegramCustomer(tg, TOKEN, 95_002, { firstName: 'João', languageCode: 'pt' });
    const first = await serve();
    for (const turn of s.turns.slice(0, 3)) await chat.say(turn);
    const pushed = tg.pushUpdate(TOKEN, textUpdate(chat.chatId, s.turns[3]!, chat.sender));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = await serve();
    await chat.handled(pushed.update_id, 10_000);
    expect(chat.sent().filter((m) => m.text === pt.askOrderRef)).toHaveLength(1);
    for (const turn of s.turns.slice(4)) await chat.say(turn);
    expect(await second.stop('SIGTERM')).toBe(0);
    await expectOnRecord(chat, s);
  });

  it('when the server is killed with SIGKILL while sending the answer to a stored turn, then the restart sends that stored answer, once, and the dialog reaches the acknowledgement', async () => {
    const s = script('ru');
    const ru = catalogues.ru;
    const chat = new TelegramCustomer(tg, TOKEN, 95_003, { firstName: 'Иван', languageCode: 'ru' });
    const first = await serve(proxy.url);
    for (const turn of s.turns.slice(0, 2)) await chat.say(turn);
    // The answer to the e-mail turn is held inside sendMessage: the turn is stored and processed,
    // its reply stored but not sent, the update not yet confirmed. Then the server dies.
    proxy.hold((r) => r.path.endsWith('/sendMessage') && r.body.includes(String(chat.chatId)));
    const pushed = tg.pushUpdate(TOKEN, textUpdate(chat.chatId, s.turns[2]!, chat.sender));
    await until(() => proxy.held().length > 0 || undefined, 10_000, 'the reply held in sendMessage');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    proxy.hold(null);
    expect(chat.sent().some((m) => m.text === ru.askProduct)).toBe(false);

    const second = await serve(proxy.url);
    // Sent by the retry on start: the periodic sweeper would need 10 s or more.
    await tg.waitForSent(TOKEN, (m) => m.chatId === String(chat.chatId) && m.text === ru.askProduct, 3000);
    await chat.handled(pushed.update_id, 10_000);
    expect(chat.sent().filter((m) => m.text === ru.askProduct)).toHaveLength(1);
    for (const turn of s.turns.slice(3)) await chat.say(turn);
    expect(await second.stop('SIGTERM')).toBe(0);
    await expectOnRecord(chat, s);
  });
});
