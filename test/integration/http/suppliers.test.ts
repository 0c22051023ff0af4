import { eq } from 'drizzle-orm';
import { complaints, resolutions } from '../../../db/schema';
import { findOrCreateSupplier } from '../../../db/suppliers';
import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let admin: string;
let agent: string;
let viewer: string;
let rival: string;
let rivalTenantId: string;

async function tokenOf(tenant: string, email: string, role: string): Promise<string> {
  expect((await t.request('POST', '/api/admin/users', { token: admin, body: { tenant, email, password: 'pass-word-1', role } })).status).toBe(201);
  return t.login(email, 'pass-word-1');
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  agent = await tokenOf('demo', 'agent@demo.example', 'agent');
  viewer = await tokenOf('demo', 'viewer@demo.example', 'viewer');
  rivalTenantId = (await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'rival', name: 'Rival' } })).body.id;
  rival = await tokenOf('rival', 'admin@rival.example', 'admin');
});
afterAll(() => t.close());

async function newSupplier(name: string): Promise<string> {
  const res = await t.request('POST', '/api/suppliers', { token: admin, body: { name } });
  expect(res.status).toBe(201);
  return res.body.id;
}

const day = 24 * 3600 * 1000;
const received = new Date('2026-03-02T09:00:00Z');

/** A complaint registered over HTTP, then placed where the scenario needs it. */
async function complaintFor(supplierId: string, c: { category: string; severity: string; status: string; closedAfterDays?: number }): Promise<string> {
  const res = await t.request('POST', '/api/complaints', {
    token: admin,
    body: { customer: { name: 'Ana Costa', email: 'ana@example.com' }, language: 'pt', description: 'Produto com defeito.', category: c.category, severity: c.severity },
  });
  expect(res.status).toBe(201);
  await t.db.db.update(complaints).set({
    supplierId, status: c.status, receivedAt: received,
    closedAt: c.closedAfterDays === undefined ? null : new Date(received.getTime() + c.closedAfterDays * day),
  }).where(eq(complaints.id, res.body.id));
  return res.body.id;
}

async function resolution(complaintId: string, r: { supplierId: string | null; round: number; responsibility: string | null; remedy: string; decision?: 'pending' | 'approved' | 'rejected' }) {
  await t.db.db.insert(resolutions).values({
    tenantId: t.demo.tenantId, complaintId, round: r.round, supplierId: r.supplierId, responsibility: r.responsibility,
    remedy: r.remedy, text: 'Proposta ao cliente.', rootCause: 'Analysed', correctiveAction: 'Acted',
    decision: r.decision ?? 'pending', proposedAt: new Date(received.getTime() + r.round * day),
  });
}

describe('suppliers', () => {
  it('when a supervisor adds suppliers, everyone of the tenant sees them by name; a name taken in any letter case is 409', async () => {
    const created = await t.request('POST', '/api/suppliers', { token: admin, body: { name: '  Latteria  Sole S.p.A. ', email: 'Qualita@LatteriaSole.example' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Latteria Sole S.p.A.', email: 'qualita@latteriasole.example', createdAt: expect.any(String) });
    await newSupplier('Elettro Casa Srl');

    const listed = await t.request('GET', '/api/suppliers', { token: viewer });
    expect(listed.status).toBe(200);
    const names = listed.body.items.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Latteria Sole S.p.A.', 'Elettro Casa Srl']));
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));

    const duplicate = await t.request('POST', '/api/suppliers', { token: admin, body: { name: 'LATTERIA SOLE S.P.A.' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('conflict');
  });

  it.each([
    ['no name', {}],
    ['a name of blanks', { name: '   ' }],
    ['a name too long', { name: 'x'.repeat(201) }],
    ['an e-mail that is not one', { name: 'Somebody', email: 'not-an-address' }],
  ])('when a supplier has %s, it is refused with 400', async (_what, body) => {
    const res = await t.request('POST', '/api/suppliers', { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('when an agent or a viewer adds a supplier, it is forbidden', async () => {
    expect((await t.request('POST', '/api/suppliers', { token: agent, body: { name: 'Agent Supplier' } })).status).toBe(403);
    expect((await t.request('POST', '/api/suppliers', { token: viewer, body: { name: 'Viewer Supplier' } })).status).toBe(403);
    expect((await t.request('GET', '/api/suppliers')).status).toBe(401);
  });

  it("the scorecard counts the supplier's complaints and each complaint's latest proposal, from the record", async () => {
    const supplier = await newSupplier('Caseificio Monti');
    const other = await newSupplier('Other Foods');
    const closedFast = await complaintFor(supplier, { category: 'food_contamination', severity: 'critical', status: 'closed', closedAfterDays: 2 });
    const closedSlow = await complaintFor(supplier, { category: 'food_contamination', severity: 'critical', status: 'closed', closedAfterDays: 5 });
    const evaluating = await complaintFor(supplier, { category: 'product_defect', severity: 'critical', status: 'evaluating' });
    const escalated = await complaintFor(supplier, { category: 'delivery', severity: 'commercial', status: 'escalated' });
    const proposed = await complaintFor(supplier, { category: 'product_defect', severity: 'commercial', status: 'proposed' });
    const customersFault = await complaintFor(supplier, { category: 'refund_return', severity: 'commercial', status: 'answered' });
    const elsewhere = await complaintFor(other, { category: 'billing', severity: 'commercial', status: 'closed', closedAfterDays: 30 });

    await resolution(closedFast, { supplierId: supplier, round: 1, responsibility: 'supplier', remedy: 'replacement', decision: 'approved' });
    // Rejected in round 1 (the customer's fault, an explanation), then founded in round 2: round 2 stands.
    await resolution(closedSlow, { supplierId: supplier, round: 1, responsibility: 'customer', remedy: 'explanation', decision: 'rejected' });
    await resolution(closedSlow, { supplierId: supplier, round: 2, responsibility: 'supplier', remedy: 'refund', decision: 'approved' });
    await resolution(evaluating, { supplierId: supplier, round: 1, responsibility: null, remedy: 'repair' });
    await resolution(escalated, { supplierId: supplier, round: 1, responsibility: 'none', remedy: 'apology', decision: 'rejected' });
    await resolution(proposed, { supplierId: supplier, round: 1, responsibility: 'sale', remedy: 'compensation' });
    await resolution(customersFault, { supplierId: supplier, round: 1, responsibility: 'customer', remedy: 'explanation' });
    await resolution(elsewhere, { supplierId: other, round: 1, responsibility: 'supplier', remedy: 'refund', decision: 'approved' });

    const res = await t.request('GET', `/api/suppliers/${supplier}/scorecard`, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      supplier: { id: supplier, name: 'Caseificio Monti' },
      complaints: {
        total: 6,
        bySeverity: { critical: 3, commercial: 3, unclassified: 0 },
        byCategory: {
          safety_hazard: 0, product_defect: 2, food_contamination: 2, billing: 0, delivery: 1, service_staff: 0,
          refund_return: 1, account_access: 0, utility_supply: 0, other: 0, unclassified: 0,
        },
      },
      resolutions: {
        total: 6, founded: 3, foundedShare: 0.5,
        byRemedy: { repair: 1, replacement: 1, compensation: 1, refund: 1, apology: 1, explanation: 1 },
      },
      averageDaysToResolve: 3.5,
      open: 3,
    });
  });

  it('when a round-2 proposal names another supplier, the complaint leaves the first supplier\'s resolutions', async () => {
    const first = await newSupplier('First Packaging');
    const second = await newSupplier('Second Packaging');
    const complaintId = await complaintFor(first, { category: 'product_defect', severity: 'critical', status: 'proposed' });
    await resolution(complaintId, { supplierId: first, round: 1, responsibility: 'supplier', remedy: 'repair', decision: 'rejected' });
    await resolution(complaintId, { supplierId: second, round: 2, responsibility: 'supplier', remedy: 'replacement' });
    const a = (await t.request('GET', `/api/suppliers/${first}/scorecard`, { token: admin })).body;
    const b = (await t.request('GET', `/api/suppliers/${second}/scorecard`, { token: admin })).body;
    expect(a.resolutions).toMatchObject({ total: 0, founded: 0, foundedShare: null });
    expect(b.resolutions).toMatchObject({ total: 1, founded: 1, foundedShare: 1, byRemedy: expect.objectContaining({ replacement: 1 }) });
  });

  it('a supplier without complaints has an empty scorecard, with no share and no average', async () => {
    const id = await newSupplier('Brand New Supplier');
    const res = await t.request('GET', `/api/suppliers/${id}/scorecard`, { token: agent });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      complaints: { total: 0, bySeverity: { critical: 0, commercial: 0, unclassified: 0 } },
      resolutions: { total: 0, founded: 0, foundedShare: null },
      averageDaysToResolve: null,
      open: 0,
    });
  });

  it('when another tenant asks, the suppliers and their scorecards do not exist for them', async () => {
    const ours = await newSupplier('Private Supplier');
    const theirs = await t.request('GET', '/api/suppliers', { token: rival });
    expect(theirs.body.items).toEqual([]);
    const scorecard = await t.request('GET', `/api/suppliers/${ours}/scorecard`, { token: rival });
    expect(scorecard.status).toBe(404);
    expect(scorecard.body.error.code).toBe('not_found');
    // The same name is free in another tenant.
    expect((await t.request('POST', '/api/suppliers', { token: rival, body: { name: 'Private Supplier' } })).status).toBe(201);
    expect((await t.request('GET', '/api/suppliers/00000000-0000-4000-8000-000000000000/scorecard', { token: admin })).status).toBe(404);
    expect((await t.request('GET', '/api/suppliers/123/scorecard', { token: admin })).status).toBe(400);
  });
});

describe('findOrCreateSupplier', () => {
  it('finds a supplier whatever the letter case and spacing, creates it once when two callers race, and keeps tenants apart', async () => {
    const db = t.db.db;
    const created = await findOrCreateSupplier(db, t.demo.tenantId, 'Acme  Foods');
    expect(created.name).toBe('Acme Foods');
    expect((await findOrCreateSupplier(db, t.demo.tenantId, '  ACME foods ')).id).toBe(created.id);
    const [a, b] = await Promise.all([
      findOrCreateSupplier(db, t.demo.tenantId, 'Raced Supplier'),
      findOrCreateSupplier(db, t.demo.tenantId, 'Raced Supplier'),
    ]);
    expect(a.id).toBe(b.id);
    const elsewhere = await findOrCreateSupplier(db, rivalTenantId, 'Acme Foods');
    expect(elsewhere.id).not.toBe(created.id);
    await expect(findOrCreateSupplier(db, t.demo.tenantId, '   ')).rejects.toMatchObject({ code: 'validation_failed' });
    const listed = (await t.request('GET', '/api/suppliers', { token: admin })).body.items.map((s: { name: string }) => s.name);
    expect(listed.filter((n: string) => n.toLowerCase() === 'acme foods')).toHaveLength(1);
  });
});
