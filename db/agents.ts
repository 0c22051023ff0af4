/**
 * Agents as the queue sees them: presence (kept in the database so every server process agrees)
 * and the choice of who gets the next conversation.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { queryRows } from './raw';
import { conversations, users } from './schema';

/** How long one heartbeat keeps an agent online; sockets renew it well before. */
export const presenceTtlMs = 60_000;

export async function markPresent(db: Executor, userIds: string[], until: Date): Promise<void> {
  if (userIds.length) await db.update(users).set({ presentUntil: until }).where(inArray(users.id, userIds));
}

export async function markAbsent(db: Executor, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ presentUntil: now }).where(eq(users.id, userId));
}

export interface OnlineAgent { id: string; displayName: string; load: number; capacity: number }

export async function onlineAgents(db: Executor, tenantId: string, now: Date): Promise<OnlineAgent[]> {
  const rows = await db.select({
    id: users.id, displayName: users.displayName, capacity: users.capacity,
    load: sql<number>`(select count(*)::int from ${conversations} c where c.assigned_agent_id = ${users.id} and c.state = 'assigned')`,
  }).from(users).where(and(eq(users.tenantId, tenantId), sql`${users.presentUntil} > ${now}`, sql`${users.role} <> 'viewer'`));
  return rows.map((r) => ({ ...r, load: Number(r.load) }));
}

/**
 * The next agent for a conversation of `category`: online, handling the category (or all), below
 * capacity, and the one assigned longest ago (round-robin). The agent row is locked (SKIP LOCKED)
 * so two processes assigning at once pick different agents or wait their turn.
 */
export async function nextAgent(db: Executor, tenantId: string, category: string | null, now: Date): Promise<{ id: string } | null> {
  const rows = await queryRows<{ id: string }>(db, sql`
    select u.id from ${users} u
    where u.tenant_id = ${tenantId} and u.role <> 'viewer' and u.present_until > ${now.toISOString()}::timestamptz
      and (jsonb_array_length(u.categories) = 0 or ${category}::text is null or u.categories ? ${category}::text)
      and (select count(*) from ${conversations} c where c.assigned_agent_id = u.id and c.state = 'assigned') < u.capacity
    order by u.last_assigned_at asc nulls first, u.id
    limit 1
    for update of u skip locked`);
  return rows[0] ?? null;
}

export async function noteAssigned(db: Executor, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ lastAssignedAt: now }).where(eq(users.id, userId));
}
