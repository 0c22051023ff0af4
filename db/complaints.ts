import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from './client';
import { complaintEvents, complaints } from './schema';
import { AppError } from './domain/errors';
import type { ComplaintStatus } from './domain/complaint-status';
import { changeStatus, openComplaint, type Actor, type LifecycleEvent, type LifecycleState, type TransitionContext } from './domain/lifecycle';
import { generatePin, generateTrackingCode } from './domain/tracking-code';
import { isUniqueViolation } from './errors';
import { hashSecret } from './secrets';
import { getTenant, tenantClock } from './tenants';

export type Complaint = typeof complaints.$inferSelect;
export type ComplaintEvent = typeof complaintEvents.$inferSelect;

export interface NewComplaint {
  tenantId: string;
  channel: string;
  language: string;
  description: string;
  customerId?: string | null;
  conversationId?: string | null;
  createdByUserId?: string | null;
  product?: string | null;
  placeOfConsumption?: string | null;
  orderRef?: string | null;
  severity?: string | null;
  category?: string | null;
  confidence?: number | null;
  actor: Actor;
  now: Date;
}

/** A registered complaint and its PIN in clear, which exists only here, to be told to the customer once. */
export interface Registered {
  complaint: Complaint;
  pin: string;
}

/**
 * Registers a complaint: tracking code + PIN, status `received` with its receipt deadline, and the
 * `created` audit event, in one transaction. A code collision (1 in 10^12) is retried.
 */
export async function registerComplaint(db: Database, input: NewComplaint): Promise<Registered> {
  const tenant = await getTenant(db, input.tenantId);
  const clock = tenantClock(tenant);
  const pin = generatePin();
  const pinHash = await hashSecret(pin);
  const { state, event } = openComplaint({ actor: input.actor, now: input.now, dueFor: clock.dueFor });
  for (let attempt = 0; ; attempt++) {
    try {
      const complaint = await db.transaction(async (tx) => {
        const [row] = await tx.insert(complaints).values({
          tenantId: input.tenantId,
          code: generateTrackingCode(),
          pinHash,
          status: state.status,
          severity: input.severity ?? null,
          category: input.category ?? null,
          confidence: input.confidence ?? null,
          language: input.language,
          channel: input.channel,
          customerId: input.customerId ?? null,
          conversationId: input.conversationId ?? null,
          createdByUserId: input.createdByUserId ?? null,
          product: input.product ?? null,
          placeOfConsumption: input.placeOfConsumption ?? null,
          orderRef: input.orderRef ?? null,
          description: input.description,
          round: state.round,
          receivedAt: state.receivedAt,
          dueAt: state.dueAt,
          dueStage: state.dueStage,
          stageStartedAt: input.now,
          warnAt: state.dueAt ? clock.warnAt(input.now, state.dueAt) : null,
          assignedAgentId: input.createdByUserId ?? null,
          firstAnswerDueAt: clock.dueFor('first_answer', input.now),
        }).returning();
        await insertEvent(tx, row!, { ...event, data: { ...event.data, channel: input.channel, severity: input.severity, category: input.category } });
        return row!;
      });
      return { complaint, pin };
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error, 'complaints_code_key')) continue;
      throw error;
    }
  }
}

async function insertEvent(db: Executor, complaint: Pick<Complaint, 'id' | 'tenantId'>, event: LifecycleEvent): Promise<ComplaintEvent> {
  const [row] = await db.insert(complaintEvents).values({
    tenantId: complaint.tenantId,
    complaintId: complaint.id,
    type: event.type,
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    data: event.data,
    at: event.at,
  }).returning();
  return row!;
}

/**
 * Records a step that does not change the status (an assignment, an analysis, a survey answer):
 * one audit row with the complaint's current status on both sides.
 */
export async function recordComplaintEvent(
  db: Executor, complaint: Pick<Complaint, 'id' | 'tenantId' | 'status'>,
  e: { type: string; actor: Actor; at: Date; reason?: string | null; data?: Record<string, unknown> },
): Promise<ComplaintEvent> {
  const status = complaint.status as ComplaintStatus;
  return insertEvent(db, complaint, {
    type: e.type as LifecycleEvent['type'], actor: e.actor, fromStatus: status, toStatus: status, reason: e.reason ?? null, at: e.at, data: e.data ?? {},
  });
}

function lifecycleState(c: Complaint): LifecycleState {
  return {
    status: c.status as ComplaintStatus,
    round: c.round,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    dueStage: c.dueStage as LifecycleState['dueStage'],
    firstAnsweredAt: c.firstAnsweredAt,
    closedAt: c.closedAt,
  };
}

export type Transition = (current: LifecycleState, ctx: TransitionContext) => { state: LifecycleState; event: LifecycleEvent };

/**
 * Applies a lifecycle transition under a row lock: the complaint row and exactly one
 * `complaint_events` row change together or not at all.
 */
export async function transitionComplaint(
  db: Database, tenantId: string, complaintId: string, transition: Transition | ComplaintStatus,
  context: { actor: Actor; now: Date; reason?: string | null },
): Promise<{ complaint: Complaint; event: ComplaintEvent }> {
  const tenant = await getTenant(db, tenantId);
  const { dueFor, warnAt } = tenantClock(tenant);
  const apply: Transition = typeof transition === 'string' ? (s, ctx) => changeStatus(s, transition, ctx) : transition;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(complaints)
      .where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, complaintId))).for('update').limit(1);
    if (!current) throw new AppError('not_found', 'Complaint not found.');
    const { state, event } = apply(lifecycleState(current), { ...context, dueFor });
    const [updated] = await tx.update(complaints).set({
      status: state.status,
      round: state.round,
      dueAt: state.dueAt,
      dueStage: state.dueStage,
      stageStartedAt: context.now,
      warnAt: state.dueAt ? warnAt(context.now, state.dueAt) : null,
      firstAnsweredAt: state.firstAnsweredAt,
      closedAt: state.closedAt,
      // A new stage has a new clock: its warning and breach are flagged afresh.
      warnedAt: null,
      breachedAt: null,
      updatedAt: context.now,
    }).where(eq(complaints.id, current.id)).returning();
    const stored = await insertEvent(tx, current, event);
    return { complaint: updated!, event: stored };
  });
}

export async function getComplaint(db: Executor, tenantId: string, complaintId: string): Promise<Complaint> {
  const [row] = await db.select().from(complaints)
    .where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, complaintId))).limit(1);
  if (!row) throw new AppError('not_found', 'Complaint not found.');
  return row;
}

/** Installation-wide lookup by tracking code (codes are unique across tenants). */
export async function findComplaintByCode(db: Executor, code: string): Promise<Complaint | null> {
  const [row] = await db.select().from(complaints).where(eq(complaints.code, code)).limit(1);
  return row ?? null;
}

export interface ComplaintQuery {
  statuses?: ComplaintStatus[];
  limit: number;
  /** Keyset paging: complaints received before this instant. */
  before?: Date;
}

export async function listComplaints(db: Executor, tenantId: string, q: ComplaintQuery): Promise<Complaint[]> {
  const conditions = [eq(complaints.tenantId, tenantId)];
  if (q.statuses?.length) conditions.push(inArray(complaints.status, q.statuses));
  if (q.before) conditions.push(lt(complaints.receivedAt, q.before));
  return db.select().from(complaints).where(and(...conditions))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id)).limit(q.limit);
}

export async function complaintHistory(db: Executor, tenantId: string, complaintId: string): Promise<ComplaintEvent[]> {
  return db.select().from(complaintEvents)
    .where(and(eq(complaintEvents.tenantId, tenantId), eq(complaintEvents.complaintId, complaintId)))
    .orderBy(asc(complaintEvents.id));
}

export async function countComplaints(db: Executor, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(eq(complaints.tenantId, tenantId));
  return row?.n ?? 0;
}

/**
 * A person corrects the triage: the new severity and/or category, with the reason, in the audit
 * log (before and after). The status and deadlines stay as they are.
 */
export async function correctClassification(
  db: Database, tenantId: string, complaintId: string,
  c: { severity?: string; category?: string; reason: string; actor: Actor; now: Date },
): Promise<{ complaint: Complaint; event: ComplaintEvent }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(complaints)
      .where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, complaintId))).for('update').limit(1);
    if (!current) throw new AppError('not_found', 'Complaint not found.');
    const next = { severity: c.severity ?? current.severity, category: c.category ?? current.category };
    if (next.severity === current.severity && next.category === current.category) {
      throw new AppError('validation_failed', 'That is the classification already; nothing to correct.');
    }
    const [updated] = await tx.update(complaints).set({ ...next, updatedAt: c.now }).where(eq(complaints.id, current.id)).returning();
    const event = await recordComplaintEvent(tx, current, {
      type: 'classification_corrected', actor: c.actor, at: c.now, reason: c.reason,
      data: { from: { severity: current.severity, category: current.category, confidence: current.confidence }, to: next },
    });
    return { complaint: updated!, event };
  });
}
