import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { conversations, messages, type ConversationState } from './schema';
import { AppError } from './domain/errors';

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;

/** The customer's open conversation on a channel, or a new one. */
export async function openConversation(
  db: Executor, input: { tenantId: string; customerId: string; channel: string; address: Record<string, unknown>; language?: string | null },
): Promise<Conversation> {
  const [open] = await db.select().from(conversations).where(and(
    eq(conversations.tenantId, input.tenantId), eq(conversations.customerId, input.customerId),
    eq(conversations.channel, input.channel), ne(conversations.state, 'closed'),
  )).orderBy(desc(conversations.createdAt)).limit(1);
  if (open) {
    // The platform may hand a newer reply address (a new Bot Framework reference): keep it current.
    if (JSON.stringify(open.address) !== JSON.stringify(input.address)) {
      await db.update(conversations).set({ address: input.address }).where(eq(conversations.id, open.id));
      return { ...open, address: input.address };
    }
    return open;
  }
  const [row] = await db.insert(conversations).values({
    tenantId: input.tenantId, customerId: input.customerId, channel: input.channel, address: input.address,
    language: input.language ?? null,
  }).returning();
  return row!;
}

export async function getConversation(db: Executor, tenantId: string, id: string): Promise<Conversation> {
  const [row] = await db.select().from(conversations).where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id))).limit(1);
  if (!row) throw new AppError('not_found', 'Conversation not found.');
  return row;
}

/** Row lock: messages of one conversation are processed one at a time, in order. */
export async function lockConversation(db: Executor, id: string): Promise<Conversation> {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id)).for('update').limit(1);
  if (!row) throw new AppError('not_found', 'Conversation not found.');
  return row;
}

export async function updateConversation(db: Executor, id: string, patch: Partial<Omit<Conversation, 'id' | 'tenantId'>>): Promise<void> {
  await db.update(conversations).set({ ...patch, updatedAt: new Date() }).where(eq(conversations.id, id));
}

export async function listConversations(db: Executor, tenantId: string, states: ConversationState[] | undefined, limit: number): Promise<Conversation[]> {
  const where = [eq(conversations.tenantId, tenantId)];
  if (states?.length) where.push(inArray(conversations.state, states));
  return db.select().from(conversations).where(and(...where))
    .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`)).limit(limit);
}

export interface NewInbound {
  tenantId: string;
  conversationId: string;
  channel: string;
  channelMessageId: string;
  text: string;
  attachments: string[];
  at: Date;
  meta?: Record<string, unknown>;
}

/**
 * Stores an inbound message before anything acts on it. A redelivery (same channel message id)
 * hits the unique key: nothing is stored twice, and the first row is returned.
 */
export async function storeInbound(db: Executor, m: NewInbound): Promise<{ message: Message; duplicate: boolean }> {
  const inserted = await db.insert(messages).values({
    tenantId: m.tenantId, conversationId: m.conversationId, direction: 'in', sender: 'customer', text: m.text,
    attachments: m.attachments, channel: m.channel, channelMessageId: m.channelMessageId, status: 'received', createdAt: m.at,
    meta: m.meta ?? {},
  }).onConflictDoNothing().returning();
  if (inserted[0]) {
    await db.update(conversations).set({ lastMessageAt: m.at }).where(eq(conversations.id, m.conversationId));
    return { message: inserted[0], duplicate: false };
  }
  const [existing] = await db.select().from(messages)
    .where(and(eq(messages.channel, m.channel), eq(messages.channelMessageId, m.channelMessageId))).limit(1);
  if (!existing) throw new Error('unique conflict without a row');
  return { message: existing, duplicate: true };
}

export async function storeOutbound(db: Executor, m: {
  tenantId: string; conversationId: string; channel: string; text: string; sender: 'bot' | 'agent' | 'system';
  authorUserId?: string | null; quickReplies?: string[]; lang?: string; internal?: boolean; at: Date;
}): Promise<Message> {
  const [row] = await db.insert(messages).values({
    tenantId: m.tenantId, conversationId: m.conversationId, direction: 'out', sender: m.sender, authorUserId: m.authorUserId ?? null,
    text: m.text, channel: m.channel, internal: m.internal ?? false, status: m.internal ? 'processed' : 'pending',
    meta: { quickReplies: m.quickReplies ?? [], lang: m.lang ?? null }, createdAt: m.at,
  }).returning();
  return row!;
}

export async function setMessageStatus(db: Executor, id: number, status: Message['status'], channelMessageId?: string): Promise<void> {
  await db.update(messages).set({ status, ...(channelMessageId ? { channelMessageId } : {}) }).where(eq(messages.id, id));
}

export async function getMessage(db: Executor, id: number): Promise<Message | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row ?? null;
}

/** Inbound messages not yet processed (a crash or a failure) and outbound ones not yet sent. */
export async function unfinishedMessages(db: Executor, olderThan: Date, limit: number): Promise<Message[]> {
  return db.select().from(messages).where(and(
    inArray(messages.status, ['received', 'failed', 'pending']), lt(messages.createdAt, olderThan),
  )).orderBy(asc(messages.id)).limit(limit);
}

export async function conversationMessages(db: Executor, tenantId: string, conversationId: string, limit = 500): Promise<Message[]> {
  return db.select().from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.conversationId, conversationId)))
    .orderBy(asc(messages.id)).limit(limit);
}
