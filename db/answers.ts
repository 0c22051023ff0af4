import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from './client';
import { predefinedAnswers } from './schema';
import { AppError } from './domain/errors';

export type PredefinedAnswer = typeof predefinedAnswers.$inferSelect;

export interface AnswerInput {
  category: string;
  lang: string;
  keywords?: string[];
  text: string;
  priority?: number;
  active?: boolean;
}

/** The tenant's routine answers, optionally for one category and language (active ones only). */
export async function activeAnswers(db: Executor, tenantId: string, filter: { category?: string; lang?: string } = {}): Promise<PredefinedAnswer[]> {
  const where = [eq(predefinedAnswers.tenantId, tenantId), eq(predefinedAnswers.active, true)];
  if (filter.category) where.push(eq(predefinedAnswers.category, filter.category));
  if (filter.lang) where.push(eq(predefinedAnswers.lang, filter.lang));
  return db.select().from(predefinedAnswers).where(and(...where)).orderBy(asc(predefinedAnswers.createdAt));
}

export async function listAnswers(db: Executor, tenantId: string): Promise<PredefinedAnswer[]> {
  return db.select().from(predefinedAnswers).where(eq(predefinedAnswers.tenantId, tenantId))
    .orderBy(asc(predefinedAnswers.category), asc(predefinedAnswers.lang), asc(predefinedAnswers.createdAt));
}

export async function createAnswer(db: Executor, tenantId: string, input: AnswerInput): Promise<PredefinedAnswer> {
  const [row] = await db.insert(predefinedAnswers).values({
    tenantId, category: input.category, lang: input.lang, keywords: input.keywords ?? [], text: input.text,
    priority: input.priority ?? 0, active: input.active ?? true,
  }).returning();
  return row!;
}

export async function updateAnswer(db: Executor, tenantId: string, id: string, patch: Partial<AnswerInput>): Promise<PredefinedAnswer> {
  const [row] = await db.update(predefinedAnswers).set({ ...patch, updatedAt: new Date() })
    .where(and(eq(predefinedAnswers.tenantId, tenantId), eq(predefinedAnswers.id, id))).returning();
  if (!row) throw new AppError('not_found', 'Answer not found.');
  return row;
}

export async function deleteAnswer(db: Executor, tenantId: string, id: string): Promise<void> {
  const rows = await db.delete(predefinedAnswers).where(and(eq(predefinedAnswers.tenantId, tenantId), eq(predefinedAnswers.id, id))).returning();
  if (rows.length === 0) throw new AppError('not_found', 'Answer not found.');
}
