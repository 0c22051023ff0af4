import { and, eq, inArray, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { createDb, type DbHandle } from '../../../db/client';
import { registerComplaint, type Complaint } from '../../../db/complaints';
import { claimDeadlineBreaches, claimDeadlineWarnings } from '../../../db/deadline-sweep';
import { queryRows } from '../../../db/raw';
import { complaintEvents } from '../../../db/schema';
import { createTenant, type Tenant } from '../../../db/tenants';
import { createSweeper, type SweepNotice } from '../../../inbox-server/sweeper';
import { onServer, testDb } from '../../support/db';
import { withDatabase } from '../../support/global-setup';

/**
 * Two server processes are two connection pools on one database: on PostgreSQL (TEST_DATABASE_URL)
 * the second sweeper gets a pool of its own, and the sweeps really run at once. PGlite has one
 * connection, so there the two sweeps interleave transaction by transaction.
 */
let db: DbHandle;
let second: DbHandle;
let serverUrl: string | undefined;
let tenant: Tenant;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const friday1700 = new Date('2026-11-20T16:00:00Z');

beforeAll(async () => {
  db = await testDb();
  if (onServer) {
    const [row] = await queryRows<{ name: string }>(db.db, sql`select current_database() as name`);
    serverUrl = withDatabase(process.env.TEST_DATABASE_URL!, row!.name);
    second = await createDb(serverUrl, { maxConnections: 5 });
  } else {
    second = db;
  }
  tenant = await createTenant(db.db, { slug: 'race', name: 'Race Desk', calendar: { timeZone: 'Europe/Rome', holidayCountry: 'IT' } });
});
afterAll(async () => {
  if (second !== db) await second.close();
  await db.close();
});

async function registerMany(n: number, start: Date): Promise<Complaint[]> {
  const out: Complaint[] = [];
  for (let i = 0; i < n; i++) {
    const { complaint } = await registerComplaint(db.db, {
      tenantId: tenant.tenantId, channel: 'phone', language: 'en', description: `complaint ${i}`,
      actor: { type: 'agent' }, now: new Date(start.getTime() + i * 1000),
    });
    out.push(complaint);
  }
  return out;
}

const countEvents = async (ids: string[], type: string) => {
  const rows = await db.db.select({ id: complaintEvents.complaintId }).from(complaintEvents)
    .where(and(inArray(complaintEvents.complaintId, ids), eq(complaintEvents.type, type)));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  return ids.map((id) => counts.get(id) ?? 0);
};

describe('several sweepers at once', () => {
  it('when two sweepers race over the same due complaints, each warning and each breach is claimed, recorded and called back exactly once', async () => {
    const complaints = await registerMany(24, friday1700);
    const ids = complaints.map((c) => c.id);
    const clock = { now: new Date() };
    const seen: SweepNotice[] = [];
    const sweeperOn = (handle: DbHandle) => createSweeper({
      db: handle.db, now: () => clock.now, log: silent, intervalMs: 60_000, batchSize: 3,
      onWarning: (n) => { seen.push(n); }, onBreach: (n) => { seen.push(n); },
    });
    const [a, b] = [sweeperOn(db), sweeperOn(second)];

    clock.now = new Date('2026-11-23T14:30:00Z'); // after every warning, before any receipt deadline
    await Promise.all([a.sweepOnce(), b.sweepOnce()]);
    clock.now = new Date('2026-11-23T17:00:00Z'); // after every deadline
    await Promise.all([a.sweepOnce(), b.sweepOnce()]);

    const mine = seen.filter((n) => ids.includes(n.complaint.id));
    const warnings = mine.filter((n) => n.kind === 'warning').map((n) => n.complaint.id);
    const breaches = mine.filter((n) => n.kind === 'breach').map((n) => n.complaint.id);
    expect(new Set(warnings).size).toBe(24);
    expect(warnings).toHaveLength(24);
    expect(new Set(breaches).size).toBe(24);
    expect(breaches).toHaveLength(24);
    expect(await countEvents(ids, 'deadline_warning')).toEqual(ids.map(() => 1));
    expect(await countEvents(ids, 'deadline_breached')).toEqual(ids.map(() => 1));
  });

  it('when many claims run at once with small batches, no row is claimed twice', async () => {
    const complaints = await registerMany(15, new Date('2026-11-27T16:00:00Z')); // next Friday 17:00
    const ids = new Set(complaints.map((c) => c.id));
    const now = new Date('2026-11-30T17:00:00Z');
    const handles = [db, second, db, second, db, second];
    const rounds = await Promise.all(handles.map(async (h) => {
      const got: string[] = [];
      for (;;) {
        const batch = await claimDeadlineBreaches(h.db, { now, limit: 2 });
        if (batch.length === 0) return got;
        got.push(...batch.map((c) => c.complaint.id));
      }
    }));
    const claimed = rounds.flat().filter((id) => ids.has(id));
    expect(claimed).toHaveLength(15);
    expect(new Set(claimed).size).toBe(15);
  });

  (onServer ? it : it.skip)('(PostgreSQL) when another process holds a due complaint locked, the sweep skips it without waiting and a later sweep takes it', async () => {
    const [locked, free] = await registerMany(2, new Date('2026-12-04T16:00:00Z')); // Friday 17:00
    const now = new Date('2026-12-07T14:30:00Z');
    const other = new Client({ connectionString: serverUrl });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from complaints where id = $1 for update', [locked!.id]);
      // The lock is still held here: had the claim waited for it, this would never return.
      const first = await claimDeadlineWarnings(second.db, { now });
      const firstIds = first.map((c) => c.complaint.id);
      expect(firstIds).toContain(free!.id);
      expect(firstIds).not.toContain(locked!.id);
      await other.query('commit');
      const later = await claimDeadlineWarnings(db.db, { now: new Date('2026-12-07T14:31:00Z') });
      expect(later.map((c) => c.complaint.id)).toEqual([locked!.id]);
    } finally {
      await other.query('rollback').catch(() => undefined);
      await other.end();
    }
  });
});
