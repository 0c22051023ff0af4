/**
 * What every channel's end-to-end intake test checks the same way: the bot's lines are the
 * customer's language's catalogue, the acknowledgement carries code and PIN, and the complaint
 * on record matches the script. Plus waiting and row counting.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { BotLang } from '../../bots/engine/catalogue';
import { catalogues } from '../../bots/engine/catalogues';
import type { ChannelName } from '../../bots/types';
import type { Database } from '../../db/client';
import type { Message } from '../../db/conversations';
import { complaints, conversations, customers, messages, tenants as tenantsTable } from '../../db/schema';
import { ackPattern, type Script } from './scripts';

/** Resolves with the first defined value `read` gives; rejects after `timeoutMs`, even while a read hangs. */
export async function until<T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { expired = true; reject(new Error(`${what}: not met within ${timeoutMs} ms`)); }, timeoutMs);
  });
  const poll = async (): Promise<T> => {
    while (!expired) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined as never;
  };
  try {
    return await Promise.race([poll(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The text before a placeholder of a catalogue function: what every rendering of it starts with. */
export function prefixOf(render: (placeholder: string) => string): string {
  return render('\u0000PLACEHOLDER\u0000').split('\u0000PLACEHOLDER\u0000')[0]!;
}

export interface RowCounts { messages: number; conversations: number; customers: number }

export async function rowCounts(db: Database): Promise<RowCounts> {
  const count = async (table: typeof messages | typeof conversations | typeof customers) =>
    Number((await db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
  return { messages: await count(messages), conversations: await count(conversations), customers: await count(customers) };
}

/**
 * The whole dialog as the customer saw it: the consent question, the questions the script answers
 * (`questions`, exactly as the channel shows them) and the interim reply come from the customer's
 * catalogue, nothing English leaks into another language, and the acknowledgement is the
 * catalogue's own with the code and PIN. Returns them.
 */
export function checkDialog(lang: BotLang, said: string[], questions: string[]): { code: string; pin: string; ack: string } {
  const c = catalogues[lang];
  expect(said.some((line) => line.startsWith(prefixOf((url) => c.consent({ url }))))).toBe(true);
  for (const question of questions) expect(said).toContain(question);
  expect(said.some((line) => line.startsWith(prefixOf((when) => c.interimReply({ when }))))).toBe(true);
  const ack = said.find((line) => ackPattern.test(line));
  expect(ack).toBeDefined();
  const [, code, pin] = ackPattern.exec(ack!)!;
  expect(ack).toBe(c.acknowledgement({ code: code!, pin: pin! }));
  if (lang !== 'en') {
    const english = catalogues.en;
    const englishLines = [english.askName, english.askContact, english.askProduct, english.askOrderRef, english.doesThisSolveIt,
      prefixOf((url) => english.consent({ url })), prefixOf((code) => english.acknowledgement({ code, pin: '000000' }))];
    for (const line of said) for (const s of englishLines) expect(line).not.toContain(s);
  }
  return { code: code!, pin: pin!, ack: ack! };
}

/** The complaint registered with `code` is the script's, on `channel`, handed to people (critical). */
/**
 * Resolves once the inbound message with this channel message id is stored and processed and every
 * reply of its conversation went out (none left pending): the bot has answered that turn.
 */
export async function turnAnswered(db: Database, channelMessageId: string, timeoutMs = 5000): Promise<Message> {
  return until(async () => {
    const [inbound] = await db.select().from(messages).where(eq(messages.channelMessageId, channelMessageId));
    if (!inbound || inbound.status !== 'processed') return undefined;
    const pending = await db.select({ id: messages.id }).from(messages)
      .where(and(eq(messages.conversationId, inbound.conversationId), eq(messages.direction, 'out'), eq(messages.status, 'pending')));
    return pending.length ? undefined : inbound;
  }, timeoutMs, `message ${channelMessageId} answered`);
}

export async function expectScriptComplaint(db: Database, code: string, script: Script, channel: ChannelName, customer: { phone?: string | null } = {}) {
  const found = await db.select().from(complaints).where(eq(complaints.code, code));
  expect(found).toHaveLength(1);
  const complaint = found[0]!;
  expect(complaint).toMatchObject({
    language: script.lang, channel, severity: script.expect.severity, category: script.expect.category,
    product: script.expect.product, orderRef: script.expect.orderRef, status: 'evaluating',
  });
  expect(complaint.description).toContain(script.turns[0]!.slice(-30));
  const [person] = await db.select().from(customers).where(eq(customers.id, complaint.customerId!));
  expect(person).toMatchObject({ name: script.expect.name, email: script.expect.email, language: script.lang, ...customer });
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, complaint.conversationId!));
  expect(conversation).toMatchObject({ channel, customerId: complaint.customerId, language: script.lang });
  return complaint;
}

/**
 * Fails at once, with the reason, when the app's database no longer answers (a transaction that
 * never ends holds the embedded database): later tests then fail in seconds, not at their timeout.
 */
export async function databaseAnswers(db: Database, timeoutMs = 2000): Promise<void> {
  await until(async () => (await db.select({ n: sql<number>`1` }).from(tenantsTable)).length >= 0 || undefined, timeoutMs,
    'the app database answers a query (if not, a transaction holding the embedded database never finished)');
}

/** Runs a clean-up that must finish; rejects after `timeoutMs` instead of hanging the suite. */
export async function within<T>(what: string, work: Promise<T>, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeoutMs} ms`)), timeoutMs); })]);
  } finally {
    clearTimeout(timer);
  }
}
