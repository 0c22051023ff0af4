/**
 * The second level's outcome (seeds 000, 002, 003): the agent's analysis and proposal, and the
 * customer's decision on it. Each runs inside the caller's transaction, with its audit rows.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from './client';
import { getComplaint, recordComplaintEvent, transitionComplaint, type Complaint } from './complaints';
import { AppError } from './domain/errors';
import { rejectAnswer, type Actor } from './domain/lifecycle';
import { complaints, resolutions, suppliers } from './schema';

export type Resolution = typeof resolutions.$inferSelect;

export const responsibilities = ['supplier', 'sale', 'internal', 'customer', 'none'] as const;
export const remedies = ['repair', 'replacement', 'compensation', 'refund', 'apology', 'explanation'] as const;
export type Remedy = (typeof remedies)[number];

export interface Proposal {
  rootCause: string;
  correctiveAction: string;
  responsibility?: (typeof responsibilities)[number] | null;
  supplierId?: string | null;
  remedy: Remedy;
  text: string;
}

/**
 * Records the analysis and the proposal of this round and moves the complaint to `proposed`.
 * Only a complaint under evaluation can get a proposal; anything else is `illegal_transition`.
 */
export async function proposeResolution(
  db: Database, tenantId: string, complaintId: string, p: Proposal, ctx: { actor: Actor; now: Date },
): Promise<{ complaint: Complaint; resolution: Resolution }> {
  return db.transaction(async (tx) => {
    const current = await getComplaint(tx, tenantId, complaintId);
    if (p.supplierId) {
      const [supplier] = await tx.select({ id: suppliers.id }).from(suppliers)
        .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, p.supplierId))).limit(1);
      if (!supplier) throw new AppError('validation_failed', 'No supplier with this id in your tenant.', { field: 'supplierId' });
    }
    if (current.status !== 'evaluating') {
      throw new AppError('illegal_transition', `A solution can be proposed only while the complaint is being evaluated (it is ${current.status}).`, { from: current.status, to: 'proposed' });
    }
    const [resolution] = await tx.insert(resolutions).values({
      tenantId, complaintId, round: current.round, rootCause: p.rootCause, responsibility: p.responsibility ?? null,
      supplierId: p.supplierId ?? null, correctiveAction: p.correctiveAction, remedy: p.remedy, text: p.text,
      proposedByUserId: ctx.actor.type === 'agent' ? ctx.actor.id ?? null : null, proposedAt: ctx.now,
    }).returning();
    if (p.supplierId !== undefined) await tx.update(complaints).set({ supplierId: p.supplierId }).where(eq(complaints.id, complaintId));
    await recordComplaintEvent(tx, current, {
      type: 'analysis_recorded', actor: ctx.actor, at: ctx.now,
      data: { resolutionId: resolution!.id, round: current.round, rootCause: p.rootCause, correctiveAction: p.correctiveAction, responsibility: p.responsibility ?? null, supplierId: p.supplierId ?? null, remedy: p.remedy },
    });
    const { complaint } = await transitionComplaint(tx, tenantId, complaintId, 'proposed', { ...ctx, reason: `solution proposed: ${p.remedy}` });
    return { complaint, resolution: resolution! };
  });
}

export async function pendingResolution(db: Executor, tenantId: string, complaintId: string): Promise<Resolution | null> {
  const [row] = await db.select().from(resolutions)
    .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.complaintId, complaintId), eq(resolutions.decision, 'pending')))
    .orderBy(desc(resolutions.proposedAt)).limit(1);
  return row ?? null;
}

export async function complaintResolutions(db: Executor, tenantId: string, complaintId: string): Promise<Resolution[]> {
  return db.select().from(resolutions).where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.complaintId, complaintId)))
    .orderBy(resolutions.round, resolutions.proposedAt);
}

/**
 * The customer's answer to the pending proposal: approved → `closed`; rejected → a second round
 * (`evaluating`), or `escalated` when the last round's proposal is rejected (seed 003). The
 * reason is kept on the resolution and in the audit row.
 */
export async function decideProposal(
  db: Database, tenantId: string, complaintId: string, d: { accepted: boolean; reason?: string | null; actor: Actor; now: Date },
): Promise<{ complaint: Complaint; resolution: Resolution }> {
  return db.transaction(async (tx) => {
    const current = await getComplaint(tx, tenantId, complaintId);
    const pending = await pendingResolution(tx, tenantId, complaintId);
    if (current.status !== 'proposed' || !pending) {
      throw new AppError('illegal_transition', `There is no proposal waiting for an answer (the complaint is ${current.status}).`, { from: current.status });
    }
    const reason = d.reason?.trim().slice(0, 5000) || null;
    const [resolution] = await tx.update(resolutions).set({ decision: d.accepted ? 'approved' : 'rejected', decisionReason: reason, decidedAt: d.now })
      .where(eq(resolutions.id, pending.id)).returning();
    const why = d.accepted ? 'the customer approved the proposed solution' : `the customer rejected the proposed solution${reason ? `: ${reason}` : ''}`;
    const { complaint } = d.accepted
      ? await transitionComplaint(tx, tenantId, complaintId, 'closed', { actor: d.actor, now: d.now, reason: why })
      : await transitionComplaint(tx, tenantId, complaintId, rejectAnswer, { actor: d.actor, now: d.now, reason: why });
    return { complaint, resolution: resolution! };
  });
}
