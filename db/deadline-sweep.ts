/**
 * The deadline sweeper's claims. Each claim flags due complaints once — `warned_at`,
 * `breached_at` or `first_answer_breached_at` set to the sweep's `now` — and writes one audit row
 * per flag, in one transaction. Rows are picked `FOR UPDATE SKIP LOCKED` and the flag is checked
 * again by the update, so sweepers in several processes never claim the same row twice.
 */
import { and, asc, inArray, isNull, lte, notInArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import type { Complaint, ComplaintEvent } from './complaints';
import { complaintEvents, complaints } from './schema';

export type DeadlineKind = 'warning' | 'breach' | 'first_answer_overdue';

/** The audit event type each kind of claim writes. */
export const deadlineEventTypes: Readonly<Record<DeadlineKind, string>> = {
  warning: 'deadline_warning',
  breach: 'deadline_breached',
  first_answer_overdue: 'first_answer_overdue',
};

/** One complaint flagged by a claim, as it is after the flag, with the audit row written for it. */
export interface DeadlineClaim {
  kind: DeadlineKind;
  complaint: Complaint;
  /** The stage whose deadline it is (`receipt`, `evaluation`, `closure` or `first_answer`). */
  stage: string;
  dueAt: Date;
  event: ComplaintEvent;
}

export interface ClaimOptions {
  /** The sweep's instant: what is due at or before it is claimed, and the flag is set to it. */
  now: Date;
  /** Most rows one claim takes (default 100); call again while a claim comes back full. */
  limit?: number;
  /**
   * Runs inside the claim's transaction before it commits, with the claims it made: writes that
   * must happen exactly once with the flag (outbox rows, inbox events) belong here.
   */
  withinTransaction?: (tx: Database, claims: DeadlineClaim[]) => Promise<void>;
}

/** Statuses without a running clock: nothing is warned or breached there. */
const finished = ['closed', 'escalated'];

interface ClaimSpec {
  kind: DeadlineKind;
  /** The instant that must have passed. */
  due: PgColumn;
  /** The flag the claim sets; null until claimed. */
  flag: PgColumn;
  flagField: 'warnedAt' | 'breachedAt' | 'firstAnswerBreachedAt';
  extra?: SQL[];
  stageOf: (c: Complaint) => string;
  dueOf: (c: Complaint) => Date;
}

async function claim(db: Database, spec: ClaimSpec, options: ClaimOptions): Promise<DeadlineClaim[]> {
  const { now } = options;
  const limit = options.limit ?? 100;
  return db.transaction(async (tx) => {
    const eligible = and(lte(spec.due, now), isNull(spec.flag), notInArray(complaints.status, finished), ...(spec.extra ?? []));
    const candidates = tx.select({ id: complaints.id }).from(complaints).where(eligible)
      .orderBy(asc(spec.due)).limit(limit).for('update', { skipLocked: true });
    // The outer condition repeats the check: a row another sweeper flagged after this statement's
    // snapshot was taken is re-read under its lock and no longer matches.
    const flagged = await tx.update(complaints).set({ [spec.flagField]: now })
      .where(and(inArray(complaints.id, candidates), isNull(spec.flag))).returning();
    // A warning that comes when the deadline itself has passed (the sweeper was down) is only
    // marked: the breach claimed in the same sweep tells the same people more.
    const reported = spec.kind === 'warning' ? flagged.filter((c) => c.dueAt !== null && c.dueAt > now) : flagged;
    if (reported.length === 0) return [];
    const events = await tx.insert(complaintEvents).values(reported.map((c) => ({
      tenantId: c.tenantId,
      complaintId: c.id,
      type: deadlineEventTypes[spec.kind],
      actorType: 'system',
      actorId: null,
      fromStatus: c.status,
      toStatus: c.status,
      reason: null,
      data: { stage: spec.stageOf(c), dueAt: spec.dueOf(c).toISOString() },
      at: now,
    }))).returning();
    const eventOf = new Map(events.map((e) => [e.complaintId, e]));
    const claims = reported.map((c) => ({ kind: spec.kind, complaint: c, stage: spec.stageOf(c), dueAt: spec.dueOf(c), event: eventOf.get(c.id)! }));
    if (options.withinTransaction) await options.withinTransaction(tx as unknown as Database, claims);
    return claims;
  });
}

const stageOf = (c: Complaint) => c.dueStage ?? 'unknown';

/** Complaints whose current stage has used 80% of its working time: the assigned agent is warned. */
export function claimDeadlineWarnings(db: Database, options: ClaimOptions): Promise<DeadlineClaim[]> {
  return claim(db, {
    kind: 'warning', due: complaints.warnAt, flag: complaints.warnedAt, flagField: 'warnedAt',
    stageOf, dueOf: (c) => c.dueAt!,
  }, options);
}

/** Complaints whose current stage is past its due time: supervisors are told. */
export function claimDeadlineBreaches(db: Database, options: ClaimOptions): Promise<DeadlineClaim[]> {
  return claim(db, {
    kind: 'breach', due: complaints.dueAt, flag: complaints.breachedAt, flagField: 'breachedAt',
    stageOf, dueOf: (c) => c.dueAt!,
  }, options);
}

/** Complaints still without a substantive answer when the promised bound (seed 004: 48 h) passed. */
export function claimFirstAnswerOverdue(db: Database, options: ClaimOptions): Promise<DeadlineClaim[]> {
  return claim(db, {
    kind: 'first_answer_overdue', due: complaints.firstAnswerDueAt, flag: complaints.firstAnswerBreachedAt, flagField: 'firstAnswerBreachedAt',
    extra: [isNull(complaints.firstAnsweredAt)],
    stageOf: () => 'first_answer', dueOf: (c) => c.firstAnswerDueAt!,
  }, options);
}
