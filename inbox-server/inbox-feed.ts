/**
 * What agents see live. Every event is first written to `inbox_events` (its id is the event id)
 * and then emitted to the tenant's room, or to one agent's room; a reconnecting agent asks for
 * the rows after the last id it saw, which works whichever process it reconnects to.
 */
import type { Namespace } from 'socket.io';
import type { Database } from '../db/client';
import { appendInboxEvent, type NewInboxEvent } from '../db/inbox-events';
import type { IntakeEvent, Log } from '../bots/events';

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

/** The wire form: Socket.IO event name, routing columns and payload. */
export function toInboxEvent(e: IntakeEvent): Omit<NewInboxEvent, 'at'> {
  const base = { tenantId: e.tenantId };
  switch (e.type) {
    case 'message':
      return { ...base, type: 'message', conversationId: e.conversationId, payload: { conversationId: e.conversationId, message: e.message } };
    case 'conversation_waiting':
      return { ...base, type: 'conversation:waiting', conversationId: e.conversationId, complaintId: e.complaintId, payload: { conversationId: e.conversationId, reason: e.reason, complaintId: e.complaintId } };
    case 'conversation_assigned':
      return { ...base, type: 'conversation:assigned', conversationId: e.conversationId, payload: { conversationId: e.conversationId, agentId: e.agentId, by: e.by } };
    case 'conversation_released':
      return { ...base, type: 'conversation:released', conversationId: e.conversationId, payload: { conversationId: e.conversationId, by: e.by } };
    case 'conversation_closed':
      return { ...base, type: 'conversation:closed', conversationId: e.conversationId, complaintId: e.complaintId, payload: { conversationId: e.conversationId, complaintId: e.complaintId, reason: e.reason } };
    case 'complaint_created':
      return { ...base, type: 'complaint:created', complaintId: e.complaintId, payload: { complaintId: e.complaintId, code: e.code, severity: e.severity, category: e.category } };
    case 'complaint_changed':
      return { ...base, type: 'complaint:changed', complaintId: e.complaintId, payload: { complaintId: e.complaintId, status: e.status } };
    case 'deadline_warning':
      return { ...base, type: 'deadline:warning', complaintId: e.complaintId, userId: e.userId, payload: { complaintId: e.complaintId, stage: e.stage, dueAt: e.dueAt } };
    case 'deadline_breached':
      return { ...base, type: 'deadline:breached', complaintId: e.complaintId, payload: { complaintId: e.complaintId, stage: e.stage, dueAt: e.dueAt } };
  }
}

export interface InboxFeed {
  /** Stores and emits; resolves when done (events are written in the order they are published). */
  publish(e: IntakeEvent): Promise<void>;
  /** Resolves once everything published so far is written and emitted. */
  drained(): Promise<void>;
}

export function createInboxFeed(deps: { db: Database; namespace: Namespace; now: () => Date; log: Log; after?: (e: IntakeEvent) => void }): InboxFeed {
  let chain: Promise<void> = Promise.resolve();

  async function write(e: IntakeEvent): Promise<void> {
    const row = await appendInboxEvent(deps.db, { ...toInboxEvent(e), at: deps.now() });
    const body = { eventId: row.id, at: row.at.toISOString(), ...row.payload };
    (row.userId ? deps.namespace.to(userRoom(row.userId)) : deps.namespace.to(tenantRoom(row.tenantId))).emit(row.type, body);
    deps.after?.(e);
  }

  return {
    publish(e) {
      const next = chain.then(() => write(e)).catch((error: unknown) => deps.log.error({ err: error, event: e.type }, 'inbox event could not be stored'));
      chain = next;
      return next;
    },
    drained: () => chain,
  };
}
