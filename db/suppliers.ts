/**
 * Suppliers of a tenant and their scorecard (seed 000: complaints "contribute to the supplier's
 * record", used to qualify suppliers). The scorecard is computed from complaints and resolutions
 * on every read, so it never drifts from the record it summarises.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from './client';
import { AppError } from './domain/errors';
import { isUniqueViolation } from './errors';
import { complaints, resolutions, suppliers } from './schema';

export type Supplier = typeof suppliers.$inferSelect;

export const scorecardSeverities = ['critical', 'commercial'] as const;
export const scorecardCategories = [
  'safety_hazard', 'product_defect', 'food_contamination', 'billing', 'delivery', 'service_staff',
  'refund_return', 'account_access', 'utility_supply', 'other',
] as const;
export const scorecardRemedies = ['repair', 'replacement', 'compensation', 'refund', 'apology', 'explanation'] as const;
/** Responsibilities that make a complaint founded against the supplier's side of the chain. */
const foundedResponsibilities = ['supplier', 'sale', 'internal'];

export interface Scorecard {
  supplier: { id: string; name: string };
  complaints: {
    total: number;
    /** Complaints not yet classified are in `total` and under `unclassified`. */
    bySeverity: Record<(typeof scorecardSeverities)[number] | 'unclassified', number>;
    byCategory: Record<(typeof scorecardCategories)[number] | 'unclassified', number>;
  };
  resolutions: {
    total: number;
    founded: number;
    /** founded / total, 3 decimals; null without resolutions. */
    foundedShare: number | null;
    byRemedy: Record<(typeof scorecardRemedies)[number], number>;
  };
  /** Mean days from receipt to closure over closed complaints, 2 decimals; null when none is closed. */
  averageDaysToResolve: number | null;
  /** Complaints neither closed nor escalated. */
  open: number;
}

const byTenant = (tenantId: string) => eq(suppliers.tenantId, tenantId);

/** Trimmed, inner runs of white space made one space: "ACME  Foods " is "ACME Foods". */
export function normaliseSupplierName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function validName(name: string, field: string): string {
  const clean = normaliseSupplierName(name);
  if (!clean) throw new AppError('validation_failed', 'A supplier needs a name.', { field });
  if (clean.length > 200) throw new AppError('validation_failed', 'A supplier name has at most 200 characters.', { field });
  return clean;
}

const sameName = (name: string) => sql`lower(${suppliers.name}) = lower(${name})`;

export async function listSuppliers(db: Executor, tenantId: string): Promise<Supplier[]> {
  return db.select().from(suppliers).where(byTenant(tenantId)).orderBy(asc(sql`lower(${suppliers.name})`), asc(suppliers.createdAt));
}

export async function getSupplier(db: Executor, tenantId: string, id: string): Promise<Supplier> {
  const [row] = await db.select().from(suppliers).where(and(byTenant(tenantId), eq(suppliers.id, id))).limit(1);
  if (!row) throw new AppError('not_found', 'Supplier not found.');
  return row;
}

async function findByName(db: Executor, tenantId: string, name: string): Promise<Supplier | null> {
  const [row] = await db.select().from(suppliers).where(and(byTenant(tenantId), sameName(name))).orderBy(asc(suppliers.createdAt)).limit(1);
  return row ?? null;
}

/** A new supplier; a name the tenant already has, in any letter case, is a `conflict`. */
export async function createSupplier(db: Executor, tenantId: string, input: { name: string; email?: string | null }): Promise<Supplier> {
  const name = validName(input.name, 'name');
  const conflict = () => new AppError('conflict', `A supplier named "${name}" already exists.`, { field: 'name' });
  if (await findByName(db, tenantId, name)) throw conflict();
  try {
    const [row] = await db.insert(suppliers).values({ tenantId, name, email: input.email ?? null }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'suppliers_tenant_name_key')) throw conflict();
    throw error;
  }
}

/**
 * The tenant's supplier with this name (ignoring letter case and extra spaces), created when
 * there is none. Safe when two callers name the same new supplier at once: both get the same row.
 */
export async function findOrCreateSupplier(db: Executor, tenantId: string, name: string): Promise<Supplier> {
  const clean = validName(name, 'supplier');
  const found = await findByName(db, tenantId, clean);
  if (found) return found;
  const [row] = await db.insert(suppliers).values({ tenantId, name: clean }).onConflictDoNothing().returning();
  if (row) return row;
  const raced = await findByName(db, tenantId, clean);
  if (!raced) throw new Error(`supplier "${clean}" neither inserted nor found`);
  return raced;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * The supplier's record. A complaint counts when `complaints.supplier_id` is the supplier. For
 * resolutions, each complaint's latest proposal (highest round, then latest) is the standing
 * analysis: it counts when it names the supplier, and it is founded when the responsibility is
 * the supplier's, the sale's or internal (not the customer's, not nobody's, not yet allocated).
 */
export async function supplierScorecard(db: Database, tenantId: string, supplierId: string): Promise<Scorecard> {
  const supplier = await getSupplier(db, tenantId, supplierId);
  const ofSupplier = and(eq(complaints.tenantId, tenantId), eq(complaints.supplierId, supplierId));

  const [totals] = await db.select({
    total: sql<number>`count(*)::int`,
    critical: sql<number>`(count(*) filter (where ${complaints.severity} = 'critical'))::int`,
    commercial: sql<number>`(count(*) filter (where ${complaints.severity} = 'commercial'))::int`,
    open: sql<number>`(count(*) filter (where ${complaints.status} not in ('closed', 'escalated')))::int`,
    averageDays: sql<number | null>`(avg(extract(epoch from ${complaints.closedAt} - ${complaints.receivedAt}))
      filter (where ${complaints.status} = 'closed' and ${complaints.closedAt} is not null))::float8 / 86400`,
  }).from(complaints).where(ofSupplier);
  const categories = await db.select({ category: complaints.category, n: sql<number>`count(*)::int` })
    .from(complaints).where(ofSupplier).groupBy(complaints.category);

  const attributed = db.select({ id: resolutions.complaintId }).from(resolutions)
    .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.supplierId, supplierId)));
  const latest = await db.selectDistinctOn([resolutions.complaintId], {
    supplierId: resolutions.supplierId, remedy: resolutions.remedy, responsibility: resolutions.responsibility,
  }).from(resolutions)
    .where(and(eq(resolutions.tenantId, tenantId), inArray(resolutions.complaintId, attributed)))
    .orderBy(resolutions.complaintId, desc(resolutions.round), desc(resolutions.proposedAt));
  const standing = latest.filter((r) => r.supplierId === supplierId);

  const total = totals?.total ?? 0;
  const bySeverity = { ...zeroes(scorecardSeverities), unclassified: 0 };
  bySeverity.critical = totals?.critical ?? 0;
  bySeverity.commercial = totals?.commercial ?? 0;
  bySeverity.unclassified = total - bySeverity.critical - bySeverity.commercial;
  const byCategory = { ...zeroes(scorecardCategories), unclassified: 0 };
  for (const { category, n } of categories) {
    const key = category && (scorecardCategories as readonly string[]).includes(category) ? category as keyof typeof byCategory : 'unclassified';
    byCategory[key] += n;
  }
  const byRemedy = zeroes(scorecardRemedies);
  for (const r of standing) if (r.remedy in byRemedy) byRemedy[r.remedy as keyof typeof byRemedy] += 1;
  const founded = standing.filter((r) => r.responsibility !== null && foundedResponsibilities.includes(r.responsibility)).length;

  return {
    supplier: { id: supplier.id, name: supplier.name },
    complaints: { total, bySeverity, byCategory },
    resolutions: {
      total: standing.length, founded, foundedShare: standing.length ? round(founded / standing.length, 3) : null, byRemedy,
    },
    averageDaysToResolve: totals?.averageDays === null || totals?.averageDays === undefined ? null : round(Number(totals.averageDays), 2),
    open: totals?.open ?? 0,
  };
}
