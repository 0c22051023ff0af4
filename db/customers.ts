import { and, eq } from 'drizzle-orm';
import type { Executor } from './client';
import { channelIdentities, customers } from './schema';
import { AppError } from './domain/errors';

export type Customer = typeof customers.$inferSelect;

export interface CustomerDetails {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
}

/** The customer behind a chat identity, created on first contact. */
export async function customerForIdentity(
  db: Executor, tenantId: string, channel: string, externalId: string, details: CustomerDetails = {},
): Promise<Customer> {
  const [known] = await db.select({ customer: customers }).from(channelIdentities)
    .innerJoin(customers, eq(customers.id, channelIdentities.customerId))
    .where(and(eq(channelIdentities.tenantId, tenantId), eq(channelIdentities.channel, channel), eq(channelIdentities.externalId, externalId)))
    .limit(1);
  if (known) return known.customer;
  const customer = await createCustomer(db, tenantId, details);
  // Two first messages racing: the unique key keeps one identity; the loser reads the winner's.
  const inserted = await db.insert(channelIdentities)
    .values({ tenantId, customerId: customer.id, channel, externalId })
    .onConflictDoNothing().returning();
  if (inserted.length > 0) return customer;
  return customerForIdentity(db, tenantId, channel, externalId, details);
}

export async function createCustomer(db: Executor, tenantId: string, details: CustomerDetails): Promise<Customer> {
  const [row] = await db.insert(customers).values({
    tenantId,
    name: details.name ?? null,
    email: details.email ?? null,
    phone: details.phone ?? null,
    language: details.language ?? null,
  }).returning();
  return row!;
}

export async function updateCustomer(db: Executor, tenantId: string, customerId: string, details: CustomerDetails): Promise<void> {
  const patch = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return;
  await db.update(customers).set(patch).where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
}

export async function getCustomer(db: Executor, tenantId: string, customerId: string): Promise<Customer> {
  const [row] = await db.select().from(customers).where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId))).limit(1);
  if (!row) throw new AppError('not_found', 'Customer not found.');
  return row;
}
