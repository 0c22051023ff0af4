/** The inbox's durable event log (schema-work.ts): append, and read what a reconnecting agent missed. */
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { inboxEvents } from './schema-work';

export type InboxEventRow = typeof inboxEvents.$inferSelect;

export interface NewInboxEvent {
  tenantId: string;
  type: string;
  conversationId?: string | null;
  complaintId?: string | null;
  userId?: string | null;
  payload: Record<string, unknown>;
  at: Date;
}

export async function appendInboxEvent(db: Executor, e: NewInboxEvent): Promise<InboxEventRow> {
  const [row] = await db.insert(inboxEvents).values({
    tenantId: e.tenantId, type: e.type, conversationId: e.conversationId ?? null, complaintId: e.complaintId ?? null,
    userId: e.userId ?? null, payload: e.payload, at: e.at,
  }).returning();
  return row!;
}

/** Events after `afterId` that `userId` may see (the tenant's, and those addressed to them), oldest first. */
export async function inboxEventsAfter(db: Executor, tenantId: string, userId: string, afterId: number, limit: number): Promise<InboxEventRow[]> {
  return db.select().from(inboxEvents)
    .where(and(eq(inboxEvents.tenantId, tenantId), gt(inboxEvents.id, afterId), or(isNull(inboxEvents.userId), eq(inboxEvents.userId, userId))))
    .orderBy(inboxEvents.id).limit(limit);
}

export async function lastInboxEventId(db: Executor, tenantId: string): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${inboxEvents.id}), 0)::bigint` }).from(inboxEvents).where(eq(inboxEvents.tenantId, tenantId));
  return Number(row?.id ?? 0);
}

/** Events older than `before` are of no use to a reconnecting agent: the lists are reloaded instead. */
export async function pruneInboxEvents(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(inboxEvents).where(lt(inboxEvents.at, before)).returning({ id: inboxEvents.id });
  return rows.length;
}
