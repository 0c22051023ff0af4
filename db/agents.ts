/**
 * Agents as the queue sees them: presence (kept in the database so every server process agrees)
 * and the choice of who gets the next conversation.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { queryRows } from './raw';
import { conversations, users } from './schema';

// Spelled out: inside a one-table select drizzle leaves column names unqualified, and a bare "id"
// in the subquery would mean the conversation's id.
const assignedLoad = sql<number>`(select count(*)::int from conversations c where c.assigned_agent_id = "users"."id" and c.state = 'assigned')`;

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
    load: assignedLoad,
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

export interface TeamMember {
  id: string; email: string; displayName: string; role: string; capacity: number; categories: string[];
  online: boolean; load: number;
}

/** The tenant's people as the queue sees them: role, capacity, categories, online, current load. */
export async function teamOf(db: Executor, tenantId: string, now: Date): Promise<TeamMember[]> {
  const rows = await db.select({
    id: users.id, email: users.email, displayName: users.displayName, role: users.role, capacity: users.capacity,
    categories: users.categories, presentUntil: users.presentUntil,
    load: assignedLoad,
  }).from(users).where(eq(users.tenantId, tenantId)).orderBy(users.displayName);
  return rows.map(({ presentUntil, ...r }) => ({ ...r, load: Number(r.load), online: Boolean(presentUntil && presentUntil > now) }));
}

/** Capacity and categories of one member of the tenant; false when there is no such member. */
export async function setAssignmentProfile(db: Executor, tenantId: string, userId: string, p: { capacity?: number; categories?: string[] }): Promise<boolean> {
  const patch = { ...(p.capacity !== undefined ? { capacity: p.capacity } : {}), ...(p.categories !== undefined ? { categories: [...new Set(p.categories)] } : {}) };
  if (!Object.keys(patch).length) return (await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))).length > 0;
  const updated = await db.update(users).set(patch).where(and(eq(users.tenantId, tenantId), eq(users.id, userId))).returning({ id: users.id });
  return updated.length > 0;
}
