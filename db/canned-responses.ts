/**
 * Canned responses: texts an agent inserts in a reply by typing "/" and a shortcut, per tenant and
 * language. A shortcut is unique within its tenant and language.
 */
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { AppError } from './domain/errors';
import { isUniqueViolation } from './errors';
import { cannedResponses } from './schema-work';

export type CannedResponse = typeof cannedResponses.$inferSelect;

export interface CannedInput {
  lang: string;
  shortcut: string;
  title: string;
  text: string;
}

const byTenant = (tenantId: string) => eq(cannedResponses.tenantId, tenantId);
const uniqueKey = 'canned_responses_shortcut_key';

const duplicate = (input: Partial<CannedInput>) => new AppError('conflict', input.shortcut
  ? `The shortcut "${input.shortcut}" is already used in this language.`
  : 'This shortcut is already used in that language.', { field: 'shortcut' });

/** `%`, `_` and `\` typed by the user are literal characters, not patterns. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The tenant's canned responses by language and shortcut; `q` matches shortcut or title,
 * anywhere and ignoring case.
 */
export async function listCannedResponses(db: Executor, tenantId: string, filter: { lang?: string; q?: string } = {}): Promise<CannedResponse[]> {
  const where = [byTenant(tenantId)];
  if (filter.lang) where.push(eq(cannedResponses.lang, filter.lang));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    where.push(or(ilike(cannedResponses.shortcut, pattern), ilike(cannedResponses.title, pattern))!);
  }
  return db.select().from(cannedResponses).where(and(...where))
    .orderBy(asc(cannedResponses.lang), asc(cannedResponses.shortcut));
}

export async function countCannedResponses(db: Executor, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(cannedResponses).where(byTenant(tenantId));
  return row?.n ?? 0;
}

/** Inserts many at once (demo data); a shortcut already present in the language is left as it is. */
export async function insertCannedResponses(db: Executor, tenantId: string, items: readonly CannedInput[]): Promise<void> {
  if (items.length === 0) return;
  await db.insert(cannedResponses).values(items.map((i) => ({ tenantId, ...i }))).onConflictDoNothing();
}

export async function createCannedResponse(db: Executor, tenantId: string, input: CannedInput): Promise<CannedResponse> {
  try {
    const [row] = await db.insert(cannedResponses).values({ tenantId, ...input }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, uniqueKey)) throw duplicate(input);
    throw error;
  }
}

export async function updateCannedResponse(db: Executor, tenantId: string, id: string, patch: Partial<CannedInput>, now: Date): Promise<CannedResponse> {
  let row: CannedResponse | undefined;
  try {
    [row] = await db.update(cannedResponses).set({ ...patch, updatedAt: now })
      .where(and(byTenant(tenantId), eq(cannedResponses.id, id))).returning();
  } catch (error) {
    if (isUniqueViolation(error, uniqueKey)) throw duplicate(patch);
    throw error;
  }
  if (!row) throw new AppError('not_found', 'Canned response not found.');
  return row;
}

export async function deleteCannedResponse(db: Executor, tenantId: string, id: string): Promise<void> {
  const rows = await db.delete(cannedResponses).where(and(byTenant(tenantId), eq(cannedResponses.id, id))).returning();
  if (rows.length === 0) throw new AppError('not_found', 'Canned response not found.');
}
