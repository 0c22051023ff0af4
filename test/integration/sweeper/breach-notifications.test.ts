import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { createDb, type DbHandle } from '../../../db/client';
import { registerComplaint, type Complaint } from '../../../db/complaints';
import { listNotifications } from '../../../db/notifications';
import { queryRows } from '../../../db/raw';
import { users } from '../../../db/schema';
import { notifications } from '../../../db/schema-work';
import { createTenant, type Tenant } from '../../../db/tenants';
import { createUser, type User } from '../../../db/users';
import { loggerOptions } from '../../../inbox-server/logging';
import { createMailer } from '../../../inbox-server/notify/mailer';
import { createOutbox } from '../../../inbox-server/notify/outbox';
import { createSmsGateway } from '../../../inbox-server/notify/sms';
import { createSweeper, notifyBreach, type SweeperOptions } from '../../../inbox-server/sweeper';
import { onServer, testDb } from '../../support/db';
import { withDatabase } from '../../support/global-setup';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

let db: DbHandle;
/** A second pool on the same database when on PostgreSQL (a second server process), else the same handle. */
let second: DbHandle;
let sink: SmtpSink;
const clock = { now: new Date() };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  db = await testDb();
  second = db;
  if (onServer) {
    const [row] = await queryRows<{ name: string }>(db.db, sql`select current_database() as name`);
    second = await createDb(withDatabase(process.env.TEST_DATABASE_URL!, row!.name), { maxConnections: 5 });
  }
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  if (second !== db) await second.close();
  await db.close();
});

/** The app's own pino configuration, writing into an array. */
function capturedLog() {
  const lines: string[] = [];
  const app = Fastify({ logger: { ...(loggerOptions('info') as object), stream: { write: (line: string) => { lines.push(line); } } } });
  return { log: app.log, entries: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

/** A tenant with two supervisors, an admin, an agent (the assignee) and a viewer. */
async function desk(slug: string): Promise<{ tenant: Tenant; agent: User; supervisors: string[] }> {
  const tenant = await createTenant(db.db, { slug, name: `${slug} desk`, calendar: { timeZone: 'Europe/Rome', holidayCountry: 'IT' } });
  const user = (email: string, role: User['role'], displayName?: string) =>
    createUser(db.db, { tenantId: tenant.tenantId, email, password: 'password-123', role, displayName });
  await user(`sup1@${slug}.test`, 'supervisor');
  await user(`sup2@${slug}.test`, 'supervisor');
  await user(`boss@${slug}.test`, 'admin');
  const agent = await user(`agent@${slug}.test`, 'agent', 'Giulia Bianchi');
  await user(`viewer@${slug}.test`, 'viewer');
  return { tenant, agent, supervisors: [`boss@${slug}.test`, `sup1@${slug}.test`, `sup2@${slug}.test`] };
}

const register = (tenant: Tenant, agent: User): Promise<Complaint> => registerComplaint(db.db, {
  tenantId: tenant.tenantId, channel: 'phone', language: 'it', description: 'Bolletta del gas doppia',
  createdByUserId: agent.id, actor: { type: 'agent', id: agent.id }, now: new Date('2026-11-20T16:00:00Z'),
}).then((r) => r.complaint);

/** The wiring the app uses: supervisors' e-mails are queued inside the claim, for breaches and broken first-answer promises. */
const sweeperOn = (extra: Partial<SweeperOptions> = {}) => createSweeper({
  db: db.db, now: () => clock.now, log: silent, intervalMs: 60_000, batchSize: 2,
  withinClaim: async (tx, n) => {
    if (n.kind !== 'warning') await notifyBreach(tx, { complaint: n.complaint, tenant: n.tenant, stage: n.stage, dueAt: n.dueAt });
  },
  ...extra,
});

describe('breach notifications', () => {
  it('when a deadline is missed and two sweepers and two dispatchers race, each supervisor and admin gets exactly one e-mail per missed deadline over SMTP', async () => {
    const { tenant, agent, supervisors } = await desk('acme');
    const complaint = await register(tenant, agent);
    const mailer = createMailer({ smtpUrl: `${sink.url}/?ignoreTLS=true`, from: 'Ombuds <desk@ombuds.test>', log: silent });
    const outboxOf = (h: DbHandle) => createOutbox({ db: h.db, mailer, sms: createSmsGateway({ log: silent }), log: silent, now: () => clock.now, batchSize: 2 });
    const [outboxA, outboxB] = [outboxOf(db), outboxOf(second)];

    clock.now = new Date('2026-11-23T16:00:00Z'); // Monday 17:00 in Rome: the receipt deadline
    await Promise.all([sweeperOn().sweepOnce(), sweeperOn({ db: second.db }).sweepOnce()]);
    await sweeperOn().sweepOnce();
    await Promise.all([outboxA.drain(), outboxB.drain()]);
    await outboxA.drain();

    const mine = sink.mails.filter((m) => m.subject.includes(complaint.code));
    // Two missed deadlines by Monday 17:00: the receipt stage and the 48 h first-answer promise.
    expect(mine.map((m) => m.to.join()).sort()).toEqual([...supervisors, ...supervisors].sort());
    const receipt = mine.filter((m) => m.subject.includes('(receipt and preliminary review)'));
    expect(receipt.map((m) => m.to[0]).sort()).toEqual(supervisors);
    const mail = receipt[0]!;
    expect(mail.from).toBe('desk@ombuds.test');
    expect(mail.subject).toBe(`[acme desk] Deadline missed: complaint ${complaint.code} (receipt and preliminary review)`);
    expect(mail.text).toContain('passed on Monday 23 November 2026, 17:00 (Europe/Rome)');
    expect(mail.text).toContain('It is assigned to Giulia Bianchi <agent@acme.test>.');
    expect(mail.text).toContain('Bolletta del gas doppia');
    const promise = mine.find((m) => m.subject.includes('(first answer promised to the customer)'))!;
    expect(promise.text).toContain('passed on Sunday 22 November 2026, 17:00 (Europe/Rome). The customer was promised a first substantive answer');

    const rows = await listNotifications(db.db, tenant.tenantId, complaint.id);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.kind === 'deadline_breached')).toBe(true);
    expect(rows.map((r) => r.dedupeKey)).toContain(`breach:${complaint.id}:receipt:2026-11-23T16:00:00.000Z:${(await userId('sup1@acme.test'))}`);
    // Asking again (a retried callback, another process) queues nothing new.
    expect(await notifyBreach(db.db, { complaint, tenant, stage: 'receipt', dueAt: complaint.dueAt! })).toBe(0);
    mailer.close();
  });

  it('when SMTP_URL is unset, the breach e-mails are written to the log at info level and the rows are "logged", not "sent"', async () => {
    const { tenant, agent } = await desk('nosmtp');
    const complaint = await register(tenant, agent);
    const { log, entries } = capturedLog();
    const outbox = createOutbox({ db: db.db, mailer: createMailer({ from: 'Ombuds <desk@ombuds.test>', log }), sms: createSmsGateway({ log }), log, now: () => clock.now });
    clock.now = new Date('2026-11-23T16:00:00Z');
    await sweeperOn().sweepOnce();
    const before = sink.mails.length;
    await outbox.drain();

    expect(sink.mails.length).toBe(before);
    const rows = await listNotifications(db.db, tenant.tenantId, complaint.id);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'logged'));
    const logged = entries().filter((e) => e.mail?.subject?.includes(complaint.code));
    expect(logged).toHaveLength(6);
    expect(logged[0]).toMatchObject({ level: 30, msg: 'e-mail logged, not sent (SMTP_URL is not set)', mail: { from: 'Ombuds <desk@ombuds.test>' } });
    expect(logged.map((e) => e.mail.to).sort()).toEqual(rows.map((r) => r.recipient).sort());
  });

  it('when the SMTP server refuses a mail for a while, the row stays pending with the error and is sent by a later drain after the back-off', async () => {
    const { tenant, agent } = await desk('flaky');
    const complaint = await register(tenant, agent);
    const warnings: unknown[] = [];
    const log = { ...silent, warn: (obj: object) => { warnings.push(obj); } };
    const mailer = createMailer({ smtpUrl: sink.url, from: 'desk@ombuds.test', log });
    const outbox = createOutbox({ db: db.db, mailer, sms: createSmsGateway({ log }), log, now: () => clock.now, retryAfterMs: 60_000 });
    clock.now = new Date('2026-11-22T16:00:00Z'); // only the first-answer promise is broken yet
    await sweeperOn().sweepOnce();
    sink.failNext(1);
    const first = await outbox.drain();
    expect(first).toMatchObject({ sent: 2, retrying: 1 });
    const [failed] = (await listNotifications(db.db, tenant.tenantId, complaint.id)).filter((r) => r.status === 'pending');
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringContaining('451') });
    expect(warnings).toEqual([expect.objectContaining({ notificationId: failed!.id, attempt: 1 })]);

    expect(await outbox.drain()).toMatchObject({ sent: 0, retrying: 0 }); // still inside the back-off
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(await outbox.drain()).toMatchObject({ sent: 1 });
    const [row] = await db.db.select().from(notifications).where(eq(notifications.id, failed!.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sentAt: clock.now });
    expect(sink.mails.filter((m) => m.subject.includes(complaint.code))).toHaveLength(3);
    mailer.close();
  });
});

async function userId(email: string): Promise<string> {
  const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}
