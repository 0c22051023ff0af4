import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client';
import { createTenant, findTenantBySlug, type Tenant } from '../db/tenants';
import { createUser, findUserByEmail, setPassword } from '../db/users';
import { verifySecret } from '../db/secrets';
import { createAnswer, listAnswers } from '../db/answers';
import { demoAnswers } from './demo-answers';
import { countInstructions, insertInstructions } from '../db/work-instructions';
import { countCannedResponses, insertCannedResponses } from '../db/canned-responses';
import { demoInstructions } from './demo-instructions';
import { demoCanned } from './demo-canned';

export interface DemoSeed {
  tenant: Tenant;
  email: string;
  /** Set when this start generated or changed the password, so it can be printed. */
  password: string | null;
}

/**
 * On every start the demo tenant and its admin (also the installation operator) exist. Without
 * DEMO_AGENT_PASSWORD a random password is generated and printed — again at each start, as long as
 * nobody set one of their own, because only its hash is kept.
 */
export async function seedDemo(db: Database, email: string, password: string | undefined): Promise<DemoSeed> {
  const tenant = (await findTenantBySlug(db, 'demo')) ?? (await createTenant(db, {
    slug: 'demo',
    name: 'Demo Retail & Utilities',
    settings: { pricePerComplaint: 6, currency: 'EUR' },
  }));
  if ((await listAnswers(db, tenant.tenantId)).length === 0) {
    for (const answer of demoAnswers) await createAnswer(db, tenant.tenantId, answer);
  }
  if ((await countInstructions(db, tenant.tenantId)) === 0) await insertInstructions(db, tenant.tenantId, demoInstructions);
  if ((await countCannedResponses(db, tenant.tenantId)) === 0) await insertCannedResponses(db, tenant.tenantId, demoCanned);
  const existing = await findUserByEmail(db, email);
  if (!existing) {
    const chosen = password ?? randomPassword();
    await createUser(db, {
      tenantId: tenant.tenantId, email, password: chosen, role: 'admin', displayName: 'Demo Agent',
      isOperator: true, passwordGenerated: !password,
    });
    // A password the operator chose is not echoed back; only a generated one is printed.
    return { tenant, email, password: password ? null : chosen };
  }
  if (password) {
    if (await verifySecret(existing.passwordHash, password)) return { tenant, email, password: null };
    await setPassword(db, existing.id, password, false);
    return { tenant, email, password: null };
  }
  if (existing.passwordGenerated) {
    const fresh = randomPassword();
    await setPassword(db, existing.id, fresh, true);
    return { tenant, email, password: fresh };
  }
  return { tenant, email, password: null };
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}
