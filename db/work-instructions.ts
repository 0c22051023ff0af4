/**
 * Work instructions (seed 001: "at least 30 work instructions" for verifying each kind of
 * complaint) and the per-complaint checklist built from them. Every query filters on the tenant;
 * each tick or untick writes its audit row in the same transaction.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from './client';
import { AppError } from './domain/errors';
import { complaintEvents, complaints, users } from './schema';
import { checklistTicks, workInstructions } from './schema-work';

export type WorkInstruction = typeof workInstructions.$inferSelect;

export interface InstructionInput {
  category: string;
  text: string;
  /** 1-based place in the category's list; the step is inserted there and later ones move down. Default: last. */
  position?: number;
}

export interface InstructionPatch {
  text?: string;
  /** Moves the step to this place in its category (clamped to the list). */
  position?: number;
  active?: boolean;
}

/** One step of a complaint's checklist. */
export interface ChecklistItem {
  id: string;
  text: string;
  position: number;
  done: boolean;
  /** The user who ticked it; null when not done, or when that user has since been removed. */
  doneBy: string | null;
  doneByName: string | null;
  doneAt: Date | null;
}

const byTenant = (tenantId: string) => eq(workInstructions.tenantId, tenantId);

/** The tenant's steps ordered by category and position; inactive ones only when asked for. */
export async function listInstructions(
  db: Executor, tenantId: string, filter: { category?: string; includeInactive?: boolean } = {},
): Promise<WorkInstruction[]> {
  const where = [byTenant(tenantId)];
  if (filter.category) where.push(eq(workInstructions.category, filter.category));
  if (!filter.includeInactive) where.push(eq(workInstructions.active, true));
  return db.select().from(workInstructions).where(and(...where))
    .orderBy(asc(workInstructions.category), asc(workInstructions.position), asc(workInstructions.createdAt));
}

export async function countInstructions(db: Executor, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(workInstructions).where(byTenant(tenantId));
  return row?.n ?? 0;
}

export async function getInstruction(db: Executor, tenantId: string, id: string): Promise<WorkInstruction> {
  const [row] = await db.select().from(workInstructions).where(and(byTenant(tenantId), eq(workInstructions.id, id))).limit(1);
  if (!row) throw new AppError('not_found', 'Work instruction not found.');
  return row;
}

/** Inserts steps with the positions they carry, as they are (demo data, imports). */
export async function insertInstructions(db: Executor, tenantId: string, steps: readonly Required<InstructionInput>[]): Promise<void> {
  if (steps.length === 0) return;
  await db.insert(workInstructions).values(steps.map((s) => ({ tenantId, category: s.category, position: s.position, text: s.text })));
}

/**
 * Steps of one category, locked, in their order. Positions are renumbered 1..n after every change,
 * so "put it at 2" always means the second step an agent sees.
 */
async function lockedCategory(tx: Executor, tenantId: string, category: string): Promise<WorkInstruction[]> {
  return tx.select().from(workInstructions)
    .where(and(byTenant(tenantId), eq(workInstructions.category, category)))
    .orderBy(asc(workInstructions.position), asc(workInstructions.createdAt)).for('update');
}

async function renumber(tx: Executor, ordered: readonly WorkInstruction[]): Promise<void> {
  for (const [index, step] of ordered.entries()) {
    if (step.position !== index + 1) await tx.update(workInstructions).set({ position: index + 1 }).where(eq(workInstructions.id, step.id));
  }
}

const placeAt = (list: WorkInstruction[], step: WorkInstruction, position: number | undefined): WorkInstruction[] => {
  const index = position === undefined ? list.length : Math.min(Math.max(position, 1), list.length + 1) - 1;
  return [...list.slice(0, index), step, ...list.slice(index)];
};

export async function createInstruction(db: Database, tenantId: string, input: InstructionInput): Promise<WorkInstruction> {
  return db.transaction(async (tx) => {
    const existing = await lockedCategory(tx, tenantId, input.category);
    const [row] = await tx.insert(workInstructions).values({
      tenantId, category: input.category, text: input.text, position: existing.length + 1,
    }).returning();
    const ordered = placeAt(existing, row!, input.position);
    await renumber(tx, ordered);
    return { ...row!, position: ordered.indexOf(row!) + 1 };
  });
}

export async function updateInstruction(db: Database, tenantId: string, id: string, patch: InstructionPatch): Promise<WorkInstruction> {
  return db.transaction(async (tx) => {
    const current = await getInstruction(tx, tenantId, id);
    const siblings = await lockedCategory(tx, tenantId, current.category);
    const changes: Partial<WorkInstruction> = {};
    if (patch.text !== undefined) changes.text = patch.text;
    if (patch.active !== undefined) changes.active = patch.active;
    if (Object.keys(changes).length > 0) await tx.update(workInstructions).set(changes).where(eq(workInstructions.id, id));
    let position = current.position;
    if (patch.position !== undefined) {
      const others = siblings.filter((s) => s.id !== id);
      const ordered = placeAt(others, current, patch.position);
      await renumber(tx, ordered);
      position = ordered.indexOf(current) + 1;
    }
    return { ...current, ...changes, position };
  });
}

/** Removes a step and its ticks; the ticks' audit rows stay in the complaints' history. */
export async function deleteInstruction(db: Database, tenantId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await getInstruction(tx, tenantId, id);
    const siblings = await lockedCategory(tx, tenantId, current.category);
    await tx.delete(workInstructions).where(and(byTenant(tenantId), eq(workInstructions.id, id)));
    await renumber(tx, siblings.filter((s) => s.id !== id));
  });
}

async function findComplaint(db: Executor, tenantId: string, complaintId: string, lock: boolean) {
  const query = db.select({ id: complaints.id, tenantId: complaints.tenantId, status: complaints.status, category: complaints.category })
    .from(complaints).where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, complaintId))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'Complaint not found.');
  return row;
}

async function checklistRows(db: Executor, tenantId: string, complaintId: string, category: string, instructionId?: string): Promise<ChecklistItem[]> {
  const where = [byTenant(tenantId), eq(workInstructions.category, category), eq(workInstructions.active, true)];
  if (instructionId) where.push(eq(workInstructions.id, instructionId));
  const rows = await db.select({
    id: workInstructions.id, text: workInstructions.text, position: workInstructions.position,
    tickId: checklistTicks.id, doneBy: checklistTicks.userId, doneByName: users.displayName, doneAt: checklistTicks.at,
  }).from(workInstructions)
    .leftJoin(checklistTicks, and(
      eq(checklistTicks.instructionId, workInstructions.id),
      eq(checklistTicks.complaintId, complaintId),
      eq(checklistTicks.tenantId, tenantId),
    ))
    .leftJoin(users, eq(users.id, checklistTicks.userId))
    .where(and(...where))
    .orderBy(asc(workInstructions.position), asc(workInstructions.createdAt));
  return rows.map((r) => ({
    id: r.id, text: r.text, position: r.position, done: r.tickId !== null,
    doneBy: r.doneBy ?? null, doneByName: r.doneByName ?? null, doneAt: r.doneAt ?? null,
  }));
}

/**
 * The active steps of the complaint's category with who ticked them and when. A complaint not yet
 * classified has no category and so an empty checklist.
 */
export async function complaintChecklist(
  db: Executor, tenantId: string, complaintId: string,
): Promise<{ complaintId: string; category: string | null; items: ChecklistItem[] }> {
  const complaint = await findComplaint(db, tenantId, complaintId, false);
  const items = complaint.category ? await checklistRows(db, tenantId, complaintId, complaint.category) : [];
  return { complaintId, category: complaint.category, items };
}

/**
 * Ticks (`done`) or unticks a step of the complaint's checklist, with a `checklist_ticked` /
 * `checklist_unticked` audit row in the same transaction. Asking for the state the step is
 * already in changes nothing and records nothing. Another tenant's complaint or step is
 * `not_found`; a step of another category, or one no longer active, is `validation_failed`.
 */
export async function setChecklistTick(
  db: Database, tenantId: string, complaintId: string, instructionId: string,
  tick: { done: boolean; userId: string; now: Date },
): Promise<{ item: ChecklistItem; changed: boolean }> {
  return db.transaction(async (tx) => {
    // The row lock serialises ticks on one complaint, so the audit trail follows the real order.
    const complaint = await findComplaint(tx, tenantId, complaintId, true);
    const step = await getInstruction(tx, tenantId, instructionId);
    if (step.category !== complaint.category) {
      throw new AppError('validation_failed', `This step belongs to the checklist of ${step.category}; the complaint is ${complaint.category ?? 'not classified yet'}.`, { instructionId, category: step.category });
    }
    if (!step.active) throw new AppError('validation_failed', 'This step is no longer part of the checklist.', { instructionId });

    const where = and(eq(checklistTicks.tenantId, tenantId), eq(checklistTicks.complaintId, complaintId), eq(checklistTicks.instructionId, instructionId));
    const changed = tick.done
      ? (await tx.insert(checklistTicks).values({ tenantId, complaintId, instructionId, userId: tick.userId, at: tick.now })
        .onConflictDoNothing({ target: [checklistTicks.complaintId, checklistTicks.instructionId] }).returning()).length > 0
      : (await tx.delete(checklistTicks).where(where).returning()).length > 0;
    if (changed) {
      await tx.insert(complaintEvents).values({
        tenantId, complaintId, type: tick.done ? 'checklist_ticked' : 'checklist_unticked',
        actorType: 'agent', actorId: tick.userId, fromStatus: complaint.status, toStatus: complaint.status,
        data: { instructionId, text: step.text }, at: tick.now,
      });
    }
    const [item] = await checklistRows(tx, tenantId, complaintId, step.category, instructionId);
    return { item: item!, changed };
  });
}
