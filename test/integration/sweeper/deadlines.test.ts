import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../../db/client';
import { complaintHistory, getComplaint, registerComplaint, transitionComplaint } from '../../../db/complaints';
import { complaintEvents } from '../../../db/schema';
import { createTenant, type Tenant } from '../../../db/tenants';
import { createUser, type User } from '../../../db/users';
import { parseConfig } from '../../../inbox-server/config';
import { createSweeper, type SweepNotice } from '../../../inbox-server/sweeper';
import { testDb } from '../../support/db';

let db: DbHandle;
let tenant: Tenant;
let agent: User;
const clock = { now: new Date() };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

// Friday 20 November 2026, 17:00 in Rome (CET, UTC+1): half an hour before the desk closes.
const friday1700 = new Date('2026-11-20T16:00:00Z');
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = await testDb();
  tenant = await createTenant(db.db, { slug: 'rome', name: 'Rome Desk', calendar: { timeZone: 'Europe/Rome', holidayCountry: 'IT' } });
  agent = await createUser(db.db, { tenantId: tenant.tenantId, email: 'agent@rome.test', password: 'agent-password', role: 'agent' });
});
afterAll(() => db.close());

const register = (now = friday1700) => registerComplaint(db.db, {
  tenantId: tenant.tenantId, channel: 'phone', language: 'it', description: 'La lavatrice non centrifuga',
  createdByUserId: agent.id, actor: { type: 'agent', id: agent.id }, now,
}).then((r) => r.complaint);

/** A sweeper on the test clock that records what each callback got. */
function recordingSweeper(options: { batchSize?: number; log?: typeof silent } = {}) {
  const seen: SweepNotice[] = [];
  const sweeper = createSweeper({
    db: db.db, now: () => clock.now, log: options.log ?? silent, intervalMs: 60_000, batchSize: options.batchSize,
    onWarning: (n) => { seen.push(n); },
    onBreach: (n) => { seen.push(n); },
    onFirstAnswerOverdue: (n) => { seen.push(n); },
  });
  const sweepAt = async (iso: string) => {
    clock.now = at(iso);
    await sweeper.sweepOnce();
  };
  /** What the callbacks got for one complaint: [kind, stage, dueAt ISO]. */
  const of = (id: string) => seen.filter((n) => n.complaint.id === id).map((n) => [n.kind, n.stage, n.dueAt.toISOString()]);
  return { sweeper, sweepAt, of, seen };
}

const eventsOf = async (id: string, type: string) =>
  db.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, id), eq(complaintEvents.type, type)));

describe('the deadline sweeper', () => {
  it('when a complaint is registered on Friday 17:00 in Rome, its agent is warned on Monday at 15:06 (80% of one working day), never before, and the breach comes at 17:00, not before', async () => {
    const complaint = await register();
    // 1 working day = 9.5 h: 0.5 h on Friday + 9 h on Monday → Monday 17:00; 80% = 7.6 h → Monday 15:06.
    expect(complaint.dueAt).toEqual(at('2026-11-23T16:00:00Z'));
    expect(complaint.warnAt).toEqual(at('2026-11-23T14:06:00Z'));
    // The first-answer promise (seed 004, 48 h) counts clock hours: Sunday 17:00.
    expect(complaint.firstAnswerDueAt).toEqual(at('2026-11-22T16:00:00Z'));
    const { sweepAt, of } = recordingSweeper();

    await sweepAt('2026-11-21T11:00:00Z'); // Saturday: the desk is closed, the clock does not run
    await sweepAt('2026-11-22T15:59:59.999Z');
    expect(of(complaint.id)).toEqual([]);
    await sweepAt('2026-11-22T16:00:00Z');
    expect(of(complaint.id)).toEqual([['first_answer_overdue', 'first_answer', '2026-11-22T16:00:00.000Z']]);

    await sweepAt('2026-11-23T14:05:59.999Z');
    expect(of(complaint.id)).toHaveLength(1);
    await sweepAt('2026-11-23T14:06:00Z');
    await sweepAt('2026-11-23T15:59:59.999Z');
    expect(of(complaint.id).slice(1)).toEqual([['warning', 'receipt', '2026-11-23T16:00:00.000Z']]);

    await sweepAt('2026-11-23T16:00:00Z');
    await sweepAt('2026-11-24T09:00:00Z');
    expect(of(complaint.id).slice(2)).toEqual([['breach', 'receipt', '2026-11-23T16:00:00.000Z']]);

    const stored = await getComplaint(db.db, tenant.tenantId, complaint.id);
    expect(stored).toMatchObject({
      warnedAt: at('2026-11-23T14:06:00Z'), breachedAt: at('2026-11-23T16:00:00Z'), firstAnswerBreachedAt: at('2026-11-22T16:00:00Z'),
    });
    const history = await complaintHistory(db.db, tenant.tenantId, complaint.id);
    expect(history.map((e) => [e.type, e.actorType, e.fromStatus, e.toStatus, e.data, e.at.toISOString()])).toEqual([
      ['created', 'agent', null, 'received', { dueAt: '2026-11-23T16:00:00.000Z', channel: 'phone' }, '2026-11-20T16:00:00.000Z'],
      ['first_answer_overdue', 'system', 'received', 'received', { stage: 'first_answer', dueAt: '2026-11-22T16:00:00.000Z' }, '2026-11-22T16:00:00.000Z'],
      ['deadline_warning', 'system', 'received', 'received', { stage: 'receipt', dueAt: '2026-11-23T16:00:00.000Z' }, '2026-11-23T14:06:00.000Z'],
      ['deadline_breached', 'system', 'received', 'received', { stage: 'receipt', dueAt: '2026-11-23T16:00:00.000Z' }, '2026-11-23T16:00:00.000Z'],
    ]);
  });

  it('when the callbacks run, the claim has committed: the flag and the audit row are visible outside its transaction, and the tenant comes with the complaint', async () => {
    const complaint = await register();
    const observed: unknown[] = [];
    const sweeper = createSweeper({
      db: db.db, now: () => clock.now, log: silent, intervalMs: 60_000,
      // Reading through the pool (not the claim's transaction): on PGlite this would wait forever
      // inside the transaction; on a server it would not see uncommitted rows.
      onWarning: async (n) => {
        if (n.complaint.id !== complaint.id) return;
        const row = await getComplaint(db.db, tenant.tenantId, complaint.id);
        observed.push([row.warnedAt?.toISOString(), (await eventsOf(complaint.id, 'deadline_warning')).length, n.tenant.slug, n.event.type]);
      },
    });
    clock.now = at('2026-11-23T14:06:00Z');
    await sweeper.sweepOnce();
    expect(observed).toEqual([['2026-11-23T14:06:00.000Z', 1, 'rome', 'deadline_warning']]);
  });

  it('when a complaint moves to a new stage, the new stage has its own clock: a second warning comes at 80% of the evaluation time', async () => {
    const complaint = await register();
    const { sweepAt, of } = recordingSweeper();
    await sweepAt('2026-11-23T14:06:00Z');
    const { complaint: evaluating } = await transitionComplaint(db.db, tenant.tenantId, complaint.id, 'evaluating', {
      actor: { type: 'agent', id: agent.id }, now: at('2026-11-23T14:30:00Z'),
    });
    expect(evaluating).toMatchObject({ dueStage: 'evaluation', warnedAt: null, breachedAt: null });
    const warnAt = evaluating.warnAt!;
    await sweepAt('2026-11-23T16:00:00Z'); // the receipt deadline no longer applies
    await sweepAt(new Date(warnAt.getTime() - 1).toISOString());
    expect(of(complaint.id).filter(([k]) => k !== 'first_answer_overdue')).toEqual([['warning', 'receipt', '2026-11-23T16:00:00.000Z']]);
    await sweepAt(warnAt.toISOString());
    expect(of(complaint.id).filter(([k]) => k === 'warning')).toEqual([
      ['warning', 'receipt', '2026-11-23T16:00:00.000Z'],
      ['warning', 'evaluation', evaluating.dueAt!.toISOString()],
    ]);
  });

  it('when a complaint is answered in time and closed, it is never overdue, warned or breached', async () => {
    const complaint = await register();
    await transitionComplaint(db.db, tenant.tenantId, complaint.id, 'answered', { actor: { type: 'agent', id: agent.id }, now: at('2026-11-20T16:10:00Z') });
    await transitionComplaint(db.db, tenant.tenantId, complaint.id, 'closed', { actor: { type: 'customer' }, now: at('2026-11-20T16:20:00Z') });
    const { sweepAt, of } = recordingSweeper();
    await sweepAt('2026-12-31T12:00:00Z');
    expect(of(complaint.id)).toEqual([]);
  });

  it('when the sweeper was down past the due time, the breach is reported and the stale 80% warning is only marked', async () => {
    const complaint = await register();
    const { sweepAt, of } = recordingSweeper();
    await sweepAt('2026-11-23T16:30:00Z');
    expect(of(complaint.id)).toEqual([
      ['breach', 'receipt', '2026-11-23T16:00:00.000Z'],
      ['first_answer_overdue', 'first_answer', '2026-11-22T16:00:00.000Z'],
    ]);
    expect((await getComplaint(db.db, tenant.tenantId, complaint.id)).warnedAt).toEqual(at('2026-11-23T16:30:00Z'));
    expect(await eventsOf(complaint.id, 'deadline_warning')).toHaveLength(0);
  });

  it('when a callback throws, the error is logged and the other complaints still get theirs', async () => {
    const first = await register(at('2026-11-20T16:01:00Z'));
    const second = await register(at('2026-11-20T16:02:00Z'));
    const errors: unknown[] = [];
    const got: string[] = [];
    const sweeper = createSweeper({
      db: db.db, now: () => clock.now, intervalMs: 60_000,
      log: { ...silent, error: (obj) => { errors.push(obj); } },
      onBreach: (n) => {
        if (n.complaint.id === first.id) throw new Error('socket gone');
        got.push(n.complaint.id);
      },
    });
    clock.now = at('2026-11-23T16:05:00Z');
    await sweeper.sweepOnce();
    expect(got).toContain(second.id);
    expect(errors).toEqual([expect.objectContaining({ complaintId: first.id, kind: 'breach' })]);
  });

  it('when started, it sweeps on its interval without keeping the process alive, and stops cleanly', async () => {
    const complaint = await register();
    clock.now = at('2026-11-23T14:06:30Z');
    const seen: string[] = [];
    const sweeper = createSweeper({ db: db.db, now: () => clock.now, log: silent, intervalMs: 100, onWarning: (n) => { seen.push(n.complaint.id); } });
    sweeper.start();
    const until = Date.now() + 5000;
    while (!seen.includes(complaint.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await sweeper.stop();
    expect(seen.filter((id) => id === complaint.id)).toHaveLength(1);
  });
});

describe('SWEEP_INTERVAL_MS', () => {
  it('defaults to 30 s, takes whole milliseconds from 100 up, and a bad value is one line naming the variable', () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { SWEEP_INTERVAL_MS: 30_000 } });
    expect(parseConfig({ SWEEP_INTERVAL_MS: '100' })).toMatchObject({ ok: true, config: { SWEEP_INTERVAL_MS: 100 } });
    for (const bad of ['99', '1.5', 'soon', '86400001']) {
      expect(parseConfig({ SWEEP_INTERVAL_MS: bad })).toEqual({ ok: false, message: expect.stringMatching(/^Invalid configuration: SWEEP_INTERVAL_MS must be a whole number of milliseconds \(100–86400000\)/) });
    }
  });
});
