import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../../db/client';
import { complaintHistory, findComplaintByCode, getComplaint, registerComplaint, transitionComplaint } from '../../../db/complaints';
import { trackingCodePattern } from '../../../db/domain/tracking-code';
import { complaintEvents, complaints } from '../../../db/schema';
import { verifySecret } from '../../../db/secrets';
import { createTenant, type Tenant } from '../../../db/tenants';
import { testDb } from '../../support/db';

let db: DbHandle;
let tenant: Tenant;
const now = new Date('2026-11-20T16:29:00Z'); // Friday 17:29 in Rome

beforeAll(async () => {
  db = await testDb();
  tenant = await createTenant(db.db, { slug: 'acme', name: 'Acme', calendar: { timeZone: 'Europe/Rome', holidayCountry: 'IT' } });
});
afterAll(() => db.close());

const register = (over: Partial<Parameters<typeof registerComplaint>[1]> = {}) => registerComplaint(db.db, {
  tenantId: tenant.tenantId, channel: 'webchat', language: 'it', description: 'Il frigorifero perde acqua',
  actor: { type: 'bot' }, now, ...over,
});

describe('complaints in the system of record', () => {
  it('when a complaint is registered, it gets a tracking code, a PIN stored only as a hash, a receipt deadline and one created event', async () => {
    const { complaint, pin } = await register();
    expect(complaint.code).toMatch(trackingCodePattern);
    expect(pin).toMatch(/^\d{6}$/);
    expect(complaint.pinHash).not.toContain(pin);
    expect(await verifySecret(complaint.pinHash, pin)).toBe(true);
    expect(complaint).toMatchObject({ status: 'received', round: 1, dueStage: 'receipt' });
    // Received Friday 17:29 in Rome, one working day (9.5 working hours) → Monday 17:29 local (16:29Z).
    expect(complaint.dueAt).toEqual(new Date('2026-11-23T16:29:00Z'));
    expect(complaint.firstAnswerDueAt).toEqual(new Date('2026-11-22T16:29:00Z'));
    const events = await complaintHistory(db.db, tenant.tenantId, complaint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'created', toStatus: 'received', actorType: 'bot' });
    expect(await findComplaintByCode(db.db, complaint.code)).toMatchObject({ id: complaint.id });
  });

  it('when a status changes, the row and exactly one event change in the same transaction', async () => {
    const { complaint } = await register();
    const later = new Date(now.getTime() + 3_600_000);
    const { complaint: evaluating } = await transitionComplaint(db.db, tenant.tenantId, complaint.id, 'evaluating', { actor: { type: 'agent', id: 'u1' }, now: later, reason: 'needs analysis' });
    expect(evaluating).toMatchObject({ status: 'evaluating', dueStage: 'evaluation' });
    const events = await complaintHistory(db.db, tenant.tenantId, complaint.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorType, e.reason])).toEqual([
      [null, 'received', 'bot', null],
      ['received', 'evaluating', 'agent', 'needs analysis'],
    ]);
  });

  it('when a transition is illegal, it raises illegal_transition and neither the row nor the events change', async () => {
    const { complaint } = await register();
    await expect(transitionComplaint(db.db, tenant.tenantId, complaint.id, 'closed', { actor: { type: 'agent' }, now }))
      .rejects.toMatchObject({ code: 'illegal_transition' });
    expect((await getComplaint(db.db, tenant.tenantId, complaint.id)).status).toBe('received');
    expect(await db.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id))).toHaveLength(1);
  });

  it('when the event cannot be written, the status change is rolled back too', async () => {
    const { complaint } = await register();
    // The event insert fails (NOT NULL actor type) after the row update inside the transaction.
    await expect(transitionComplaint(db.db, tenant.tenantId, complaint.id, 'evaluating', {
      actor: { type: null as unknown as 'agent' }, now,
    })).rejects.toThrow();
    const [row] = await db.db.select().from(complaints).where(eq(complaints.id, complaint.id));
    expect(row!.status).toBe('received');
    expect(await db.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id))).toHaveLength(1);
  });

  it('when another tenant asks for a complaint by id, it is not found', async () => {
    const { complaint } = await register();
    const other = await createTenant(db.db, { slug: 'other', name: 'Other' });
    await expect(getComplaint(db.db, other.tenantId, complaint.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(transitionComplaint(db.db, other.tenantId, complaint.id, 'evaluating', { actor: { type: 'agent' }, now }))
      .rejects.toMatchObject({ code: 'not_found' });
  });

  it('many complaints registered at once all get distinct codes', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => register()));
    expect(new Set(results.map((r) => r.complaint.code)).size).toBe(20);
  });
});
