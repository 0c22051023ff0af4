/** The inbox's replay log: what a reconnecting agent may see, in order, and its pruning. */
import type { DbHandle } from '../../../db/client';
import { appendInboxEvent, inboxEventsAfter, lastInboxEventId, pruneInboxEvents } from '../../../db/inbox-events';
import { createTenant, type Tenant } from '../../../db/tenants';
import { testDb } from '../../support/db';

let db: DbHandle;
let acme: Tenant;
let other: Tenant;
const anna = '00000000-0000-4000-8000-00000000000a';
const ben = '00000000-0000-4000-8000-00000000000b';

beforeAll(async () => {
  db = await testDb();
  acme = await createTenant(db.db, { slug: 'acme-events', name: 'Acme' });
  other = await createTenant(db.db, { slug: 'other-events', name: 'Other' });
});
afterAll(() => db.close());

const append = (tenant: Tenant, type: string, at: string, userId: string | null = null) =>
  appendInboxEvent(db.db, { tenantId: tenant.tenantId, type, userId, payload: { type }, at: new Date(at) });

describe('the inbox event log', () => {
  it("replays a tenant's events after an id, in order, with only the reader's own private ones", async () => {
    const start = await lastInboxEventId(db.db, acme.tenantId);
    await append(acme, 'conversation:waiting', '2026-11-20T10:00:00Z');
    await append(other, 'conversation:waiting', '2026-11-20T10:00:01Z');
    await append(acme, 'deadline:warning', '2026-11-20T10:00:02Z', ben);
    await append(acme, 'deadline:warning', '2026-11-20T10:00:03Z', anna);
    await append(acme, 'message', '2026-11-20T10:00:04Z');
    const forAnna = await inboxEventsAfter(db.db, acme.tenantId, anna, start, 100);
    expect(forAnna.map((e) => [e.type, e.userId])).toEqual([['conversation:waiting', null], ['deadline:warning', anna], ['message', null]]);
    expect((await inboxEventsAfter(db.db, acme.tenantId, anna, forAnna[1]!.id, 100)).map((e) => e.type)).toEqual(['message']);
    expect(await lastInboxEventId(db.db, acme.tenantId)).toBe(forAnna[2]!.id);
  });

  it('prunes what is older than the cut-off and keeps the rest', async () => {
    const old = await append(acme, 'message', '2026-10-01T00:00:00Z');
    const recent = await append(acme, 'message', '2026-11-21T00:00:00Z');
    expect(await pruneInboxEvents(db.db, new Date('2026-11-14T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    const left = (await inboxEventsAfter(db.db, acme.tenantId, anna, 0, 1000)).map((e) => e.id);
    expect(left).not.toContain(old.id);
    expect(left).toContain(recent.id);
  });
});
