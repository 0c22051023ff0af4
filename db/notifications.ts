/**
 * The notification outbox: every e-mail and SMS is a row first, written in the transaction of
 * what caused it, and sent afterwards by a dispatcher. The unique `dedupe_key` makes a notice that
 * two processes (or a retry) both decide on one row; a claim leases rows with `FOR UPDATE SKIP
 * LOCKED`, so two dispatchers never send the same row at once.
 *
 * A secret (the caller's PIN) is stored in the body between markers only until the row is sent,
 * logged or given up; then the marker becomes `******`, so the database does not keep it in clear.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, Executor } from './client';
import { notifications } from './schema-work';

export type Notification = typeof notifications.$inferSelect;
export type NotificationChannel = Notification['channel'];

export interface NewNotification {
  tenantId: string;
  /** What the notice is about: `routine_answer`, `escalated`, `deadline_breached`, `tracking_code`, … */
  kind: string;
  channel: NotificationChannel;
  /** An e-mail address or a phone number. */
  recipient: string;
  subject?: string | null;
  body: string;
  complaintId?: string | null;
  /** Unique across the installation: the same key is enqueued once, whoever tries again. */
  dedupeKey: string;
}

/** Queues a notification. `created` is false when the dedupe key was already there (nothing written). */
export async function enqueueNotification(db: Executor, n: NewNotification): Promise<{ created: boolean; id: string | null }> {
  const rows = await db.insert(notifications).values({
    tenantId: n.tenantId,
    kind: n.kind,
    channel: n.channel,
    recipient: n.recipient,
    subject: n.subject ?? null,
    body: n.body,
    complaintId: n.complaintId ?? null,
    dedupeKey: n.dedupeKey,
  }).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id });
  return { created: rows.length > 0, id: rows[0]?.id ?? null };
}

const mask = '******';
const secretPattern = /⟦secret:([^⟧]*)⟧/g;
// The same pattern for PostgreSQL's regexp_replace (ARE syntax).
const secretPatternSql = '⟦secret:[^⟧]*⟧';

/** A secret inside a body: sent in clear, stored only until the row is done, logged masked. */
export function secret(value: string): string {
  if (/[⟦⟧]/.test(value)) throw new RangeError('A secret cannot contain ⟦ or ⟧.');
  return `⟦secret:${value}⟧`;
}

/** The text as it goes out: secrets in clear. */
export function revealSecrets(text: string): string {
  return text.replace(secretPattern, (_m, value: string) => value);
}

/** The text as it may be logged or kept: secrets masked. */
export function maskSecrets(text: string): string {
  return text.replace(secretPattern, mask);
}

/** The secret values of a text, to scrub from error messages that might echo them. */
export function secretsOf(text: string): string[] {
  return [...text.matchAll(secretPattern)].map((m) => m[1]!).filter((v) => v.length > 0);
}

export interface ClaimNotificationOptions {
  now: Date;
  limit?: number;
  /**
   * How long a claimed row is left alone before it may be tried again: the lease of a send in
   * progress (longer than any send may take) and the wait before the first retry, doubled after
   * each further failure.
   */
  retryAfterMs: number;
}

/**
 * Leases pending notifications due for an attempt: `attempts` goes up by one and `sent_at` holds
 * the attempt's start until the row is marked. A row whose dispatcher died mid-send is taken again
 * once its lease has run out.
 */
export async function claimPendingNotifications(db: Database, o: ClaimNotificationOptions): Promise<Notification[]> {
  const limit = o.limit ?? 20;
  return db.transaction(async (tx) => {
    // sent_at of a pending row is the start of its last attempt; each failure doubles the wait.
    const waitOver = sql`${notifications.sentAt} + make_interval(secs => ${o.retryAfterMs / 1000}::float8 * power(2, greatest(${notifications.attempts} - 1, 0))) <= ${o.now.toISOString()}::timestamptz`;
    const candidates = tx.select({ id: notifications.id }).from(notifications)
      .where(and(eq(notifications.status, 'pending'), or(isNull(notifications.sentAt), waitOver)))
      .orderBy(asc(notifications.createdAt)).limit(limit).for('update', { skipLocked: true });
    const rows = await tx.update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1`, sentAt: o.now })
      .where(and(inArray(notifications.id, candidates), eq(notifications.status, 'pending')))
      .returning();
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  });
}

/** Masks any secret in the stored body (SQL side, so nothing in clear is written back). */
const maskedBody = sql`regexp_replace(${notifications.body}, ${secretPatternSql}, ${mask}, 'g')`;

/** The row went out (`sent`) or, without a transport, was written to the log (`logged`). */
export async function markNotificationDone(db: Executor, id: string, outcome: { status: 'sent' | 'logged'; now: Date }): Promise<void> {
  await db.update(notifications)
    .set({ status: outcome.status, sentAt: outcome.now, lastError: null, body: maskedBody })
    .where(eq(notifications.id, id));
}

/**
 * An attempt failed: the row stays pending for a retry, or becomes `failed` (secrets masked) once
 * it has had `maxAttempts`. Answers the status it is left in.
 */
export async function markNotificationFailed(
  db: Executor, id: string, failure: { error: string; maxAttempts: number },
): Promise<'pending' | 'failed'> {
  const giveUp = sql`${notifications.attempts} >= ${failure.maxAttempts}`;
  const [row] = await db.update(notifications).set({
    status: sql`case when ${giveUp} then 'failed' else 'pending' end`,
    body: sql`case when ${giveUp} then ${maskedBody} else ${notifications.body} end`,
    // A row given up on was never sent; a pending one keeps its attempt's start for the back-off.
    sentAt: sql`case when ${giveUp} then null else ${notifications.sentAt} end`,
    lastError: failure.error.slice(0, 1000),
  }).where(eq(notifications.id, id)).returning({ status: notifications.status });
  return row?.status === 'failed' ? 'failed' : 'pending';
}

/** The notifications of a complaint, newest first, with secrets masked. */
export async function listNotifications(db: Executor, tenantId: string, complaintId: string): Promise<Notification[]> {
  const rows = await db.select().from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.complaintId, complaintId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
  return rows.map((n) => ({ ...n, body: maskSecrets(n.body) }));
}
