import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from './client';
import { tenants } from './schema';
import { AppError } from './domain/errors';
import { parseField } from './domain/validate';
import { createCalendar, defaultCalendar, workingCalendarSchema, type CalendarOps, type WorkingCalendar } from './domain/calendar';
import { deadlineWarningAt, defaultDeadlineTargets, deadlineTargetsSchema, stageDeadline, type DeadlineTargets } from './domain/deadlines';
import type { DeadlineStage } from './domain/lifecycle';
import { isUniqueViolation } from './errors';

export type Tenant = typeof tenants.$inferSelect;

export const tenantSlugSchema = z.string().trim().toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'a slug is 1–40 lower-case letters, digits or dashes');

export interface NewTenant {
  slug: string;
  name: string;
  calendar?: Partial<WorkingCalendar>;
  deadlineTargets?: Partial<DeadlineTargets>;
  languages?: string[];
  responsibleEmail?: string | null;
  settings?: Record<string, unknown>;
}

export async function createTenant(db: Executor, input: NewTenant): Promise<Tenant> {
  const slug = parseField(tenantSlugSchema, input.slug, 'slug');
  const name = parseField(z.string().trim().min(1).max(200), input.name, 'name');
  const calendar = parseField(workingCalendarSchema, { ...defaultCalendar, ...input.calendar }, 'calendar');
  const targets = parseField(deadlineTargetsSchema, { ...defaultDeadlineTargets, ...input.deadlineTargets }, 'deadlineTargets');
  try {
    const [row] = await db.insert(tenants).values({
      slug,
      name,
      calendar: calendar as unknown as Record<string, unknown>,
      deadlineTargets: targets as unknown as Record<string, unknown>,
      ...(input.languages ? { languages: input.languages } : {}),
      responsibleEmail: input.responsibleEmail ?? null,
      settings: input.settings ?? {},
    }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_slug_key')) throw new AppError('conflict', `A tenant with slug "${slug}" already exists.`);
    throw error;
  }
}

export async function findTenantBySlug(db: Executor, slug: string): Promise<Tenant | null> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug.toLowerCase())).limit(1);
  return row ?? null;
}

export async function getTenant(db: Executor, tenantId: string): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.tenantId, tenantId)).limit(1);
  if (!row) throw new AppError('not_found', 'Tenant not found.');
  return row;
}

export interface TenantClock {
  calendar: CalendarOps;
  targets: DeadlineTargets;
  dueFor: (stage: DeadlineStage, from: Date) => Date;
  /** Where 80% of the working time between a stage's start and its due time is used up. */
  warnAt: (startedAt: Date, dueAt: Date) => Date;
}

const clocks = new Map<string, TenantClock>();

/** The tenant's working calendar and deadline targets, built once per distinct configuration. */
export function tenantClock(tenant: Pick<Tenant, 'calendar' | 'deadlineTargets'>): TenantClock {
  const key = JSON.stringify([tenant.calendar, tenant.deadlineTargets]);
  let clock = clocks.get(key);
  if (!clock) {
    const calendar = createCalendar(workingCalendarSchema.parse({ ...defaultCalendar, ...tenant.calendar }));
    const targets = deadlineTargetsSchema.parse({ ...defaultDeadlineTargets, ...tenant.deadlineTargets });
    clock = {
      calendar, targets,
      dueFor: (stage, from) => stageDeadline(calendar, targets, stage, from),
      warnAt: (startedAt, dueAt) => calendar.addWorkingTime(startedAt, deadlineWarningAt * calendar.workingMsBetween(startedAt, dueAt)),
    };
    clocks.set(key, clock);
  }
  return clock;
}
