/**
 * Who works on a handed-off conversation: automatic round-robin among online agents with free
 * capacity and the right category (seed 002's teams), or the agent who claims it. Either way the
 * complaint records who has it, in its audit log.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { nextAgent, noteAssigned } from '../db/agents';
import { recordComplaintEvent } from '../db/complaints';
import { updateConversation, type Conversation } from '../db/conversations';
import type { Actor } from '../db/domain/lifecycle';
import { queryRows } from '../db/raw';
import { complaints } from '../db/schema';
import type { IntakeEvent } from '../bots/events';

export const complaintIdOf = (c: Pick<Conversation, 'botState'>): string | null =>
  (c.botState as { complaint?: { id: string } | null }).complaint?.id ?? null;

/** Gives `conversation` (locked by the caller) to `agentId`, and its complaint too. */
export async function assignConversation(
  tx: Database, conversation: Conversation, agentId: string, by: 'auto' | 'claim' | 'reply', actor: Actor, now: Date,
): Promise<IntakeEvent> {
  await updateConversation(tx, conversation.id, { state: 'assigned', assignedAgentId: agentId });
  await noteAssigned(tx, agentId, now);
  const complaintId = complaintIdOf(conversation);
  if (complaintId) {
    const [complaint] = await tx.update(complaints).set({ assignedAgentId: agentId })
      .where(and(eq(complaints.tenantId, conversation.tenantId), eq(complaints.id, complaintId))).returning();
    if (complaint) await recordComplaintEvent(tx, complaint, { type: 'assigned', actor, at: now, data: { agentId, by, conversationId: conversation.id } });
  }
  return { type: 'conversation_assigned', tenantId: conversation.tenantId, conversationId: conversation.id, agentId, by };
}

export interface Assigner {
  /** Assigns what can be assigned now in one tenant; returns the events (already published). */
  assignWaiting(tenantId: string): Promise<IntakeEvent[]>;
}

export function createAssigner(deps: { db: Database; now: () => Date; publish: (e: IntakeEvent) => void; enabled: (tenantId: string) => Promise<boolean> }): Assigner {
  const running = new Map<string, Promise<IntakeEvent[]>>();

  async function run(tenantId: string): Promise<IntakeEvent[]> {
    if (!(await deps.enabled(tenantId))) return [];
    const now = deps.now();
    const events = await deps.db.transaction(async (tx) => {
      // SKIP LOCKED: another process assigning the same queue takes other rows, never the same one.
      const waiting = await queryRows<{ id: string }>(tx, sql`
        select id from conversations where tenant_id = ${tenantId} and state = 'waiting'
        order by waiting_since asc nulls last, id limit 50 for update skip locked`);
      const out: IntakeEvent[] = [];
      for (const { id } of waiting) {
        const conversation = (await tx.query.conversations.findFirst({ where: (c, { eq: is }) => is(c.id, id) }))!;
        const complaintId = complaintIdOf(conversation);
        const complaint = complaintId ? await tx.query.complaints.findFirst({ where: (c, { eq: is }) => is(c.id, complaintId) }) : undefined;
        const agent = await nextAgent(tx as unknown as Database, tenantId, complaint?.category ?? null, now);
        if (!agent) continue;
        out.push(await assignConversation(tx as unknown as Database, conversation, agent.id, 'auto', { type: 'system' }, now));
      }
      return out;
    });
    for (const e of events) deps.publish(e);
    return events;
  }

  return {
    // One run per tenant at a time in this process; a request during a run waits for the next one.
    async assignWaiting(tenantId) {
      const previous = running.get(tenantId) ?? Promise.resolve([]);
      const next = previous.catch(() => []).then(() => run(tenantId));
      running.set(tenantId, next);
      try {
        return await next;
      } finally {
        if (running.get(tenantId) === next) running.delete(tenantId);
      }
    },
  };
}
