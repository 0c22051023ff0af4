/**
 * What the desk tells people, and the dispatcher that delivers it. The `notify…` functions queue
 * outbox rows inside the caller's transaction (so a rolled-back change notifies nobody, and a
 * repeated one is queued once, by its dedupe key); the dispatcher drains the outbox after each
 * commit (`kick`) and on an interval, sending through the mailer or the SMS gateway.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Database, Executor } from '../../db/client';
import type { Complaint } from '../../db/complaints';
import type { Customer } from '../../db/customers';
import {
  claimPendingNotifications, enqueueNotification, markNotificationDone, markNotificationFailed,
  maskSecrets, revealSecrets, secret, secretsOf, type Notification,
} from '../../db/notifications';
import type { Tenant } from '../../db/tenants';
import type { Log } from '../../bots/events';
import type { Mailer } from './mailer';
import { callerMail, callerSms, customerSubject, escalationMail, routineAnswerMail } from './messages';
import type { SmsGateway } from './sms';

export const tenantTimeZone = (tenant: Pick<Tenant, 'calendar'>) => (tenant.calendar as { timeZone?: string }).timeZone ?? 'UTC';

/**
 * Routine answer sent (seed 000): an e-mail to the tenant's responsible person. False when the
 * tenant has none, or when this complaint's notice was queued before.
 */
export async function notifyRoutineAnswer(tx: Executor, complaint: Complaint, tenant: Tenant, options: { answerText?: string | null } = {}): Promise<boolean> {
  if (!tenant.responsibleEmail) return false;
  const mail = routineAnswerMail({ complaint, tenantName: tenant.name, timeZone: tenantTimeZone(tenant), answerText: options.answerText });
  const { created } = await enqueueNotification(tx, {
    tenantId: tenant.tenantId, kind: 'routine_answer', channel: 'email', recipient: tenant.responsibleEmail,
    subject: mail.subject, body: mail.text, complaintId: complaint.id, dedupeKey: `routine_answer:${complaint.id}:${complaint.round}`,
  });
  return created;
}

/** Complaint escalated (seed 000): an e-mail to the tenant's responsible person, once per escalation (round). */
export async function notifyEscalation(tx: Executor, complaint: Complaint, tenant: Tenant): Promise<boolean> {
  if (!tenant.responsibleEmail) return false;
  const mail = escalationMail({ complaint, tenantName: tenant.name, timeZone: tenantTimeZone(tenant) });
  const { created } = await enqueueNotification(tx, {
    tenantId: tenant.tenantId, kind: 'escalated', channel: 'email', recipient: tenant.responsibleEmail,
    subject: mail.subject, body: mail.text, complaintId: complaint.id, dedupeKey: `escalated:${complaint.id}:${complaint.round}`,
  });
  return created;
}

/** A number as SMS gateways want it: E.164 when it can be read (national numbers in the tenant's country). */
export function smsNumber(raw: string, tenant: Pick<Tenant, 'calendar'>): string {
  const country = (tenant.calendar as { holidayCountry?: string }).holidayCountry as CountryCode | undefined;
  const parsed = parsePhoneNumberFromString(raw, country);
  return parsed?.isValid() ? parsed.number : raw.replace(/[^\d+]/g, '');
}

/**
 * A phone complaint's tracking code and PIN for the caller (seeds 002, 003): by SMS when the
 * customer has a phone number, else by e-mail, in the complaint's language. The PIN is kept in the
 * outbox only until the message is out. Answers the channel used, or null when there is none.
 */
export async function notifyPhoneCaller(
  tx: Executor, complaint: Complaint, tenant: Tenant, customer: Pick<Customer, 'phone' | 'email'>, pin: string,
  options: { trackUrl?: string } = {},
): Promise<'sms' | 'email' | null> {
  const texts = { lang: complaint.language, company: tenant.name, code: complaint.code, pin: secret(pin), trackUrl: options.trackUrl };
  const base = { tenantId: tenant.tenantId, kind: 'tracking_code', complaintId: complaint.id, dedupeKey: `tracking_code:${complaint.id}` };
  if (customer.phone) {
    await enqueueNotification(tx, { ...base, channel: 'sms', recipient: smsNumber(customer.phone, tenant), body: callerSms(texts) });
    return 'sms';
  }
  if (customer.email) {
    const mail = callerMail(texts);
    await enqueueNotification(tx, { ...base, channel: 'email', recipient: customer.email, subject: mail.subject, body: mail.text });
    return 'email';
  }
  return null;
}

/**
 * Tells a customer without a chat (a phone complaint) something the chat would have told them —
 * e.g. that the answer will take longer than promised (seed 004) — by SMS or e-mail. `text` is
 * already in the customer's language; `dedupeKey` makes it once (e.g. `delay:<id>:<stage>:<dueAt>`).
 */
export async function notifyCustomer(
  tx: Executor, complaint: Complaint, tenant: Tenant, customer: Pick<Customer, 'phone' | 'email'>,
  notice: { kind: string; text: string; dedupeKey: string },
): Promise<'sms' | 'email' | null> {
  const base = { tenantId: tenant.tenantId, kind: notice.kind, complaintId: complaint.id, dedupeKey: notice.dedupeKey };
  if (customer.phone) {
    await enqueueNotification(tx, { ...base, channel: 'sms', recipient: smsNumber(customer.phone, tenant), body: notice.text });
    return 'sms';
  }
  if (customer.email) {
    const subject = customerSubject({ lang: complaint.language, company: tenant.name, code: complaint.code });
    await enqueueNotification(tx, { ...base, channel: 'email', recipient: customer.email, subject, body: notice.text });
    return 'email';
  }
  return null;
}

export interface OutboxOptions {
  db: Database;
  mailer: Mailer;
  sms: SmsGateway;
  log: Log;
  now: () => Date;
  /** How often the outbox is drained besides `kick()` (default 15 s). */
  intervalMs?: number;
  /** Rows per claim (default 20). */
  batchSize?: number;
  /** Attempts before a row is `failed` (default 5). */
  maxAttempts?: number;
  /** Lease of a send and first retry delay, doubled per failure (default 60 s; longer than a send's timeouts). */
  retryAfterMs?: number;
}

export interface DrainResult {
  sent: number;
  logged: number;
  /** Failed this time, to be tried again. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

export interface Outbox {
  /** Sends what is due now; resolves when done. Concurrent calls share one run (plus one more if asked meanwhile). */
  drain(): Promise<DrainResult>;
  /** Drain soon, without waiting: call it after committing a transaction that queued notifications. A no-op once stopped. */
  kick(): void;
  /** Drains on an interval (unref'd: it never keeps the process alive). */
  start(): void;
  /** Stops the interval and waits for a drain in progress; `kick` and `start` do nothing afterwards. */
  stop(): Promise<void>;
}

const maxRoundsPerDrain = 10;

export function createOutbox(o: OutboxOptions): Outbox {
  const batchSize = o.batchSize ?? 20;
  const maxAttempts = o.maxAttempts ?? 5;
  const retryAfterMs = o.retryAfterMs ?? 60_000;
  let running: Promise<DrainResult> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function deliver(n: Notification, result: DrainResult): Promise<void> {
    const loggableText = maskSecrets(n.body);
    const message = { to: n.recipient, text: revealSecrets(n.body), loggableText };
    try {
      const outcome = n.channel === 'sms' ? await o.sms.send(message) : await o.mailer.send({ ...message, subject: n.subject ?? '' });
      await markNotificationDone(o.db, n.id, { status: outcome, now: o.now() });
      result[outcome]++;
    } catch (error) {
      // An error may quote what was sent; the secrets are taken out before it is stored or logged.
      const text = secretsOf(n.body).reduce((t, s) => t.split(s).join('******'), error instanceof Error ? error.message : String(error));
      const status = await markNotificationFailed(o.db, n.id, { error: text, maxAttempts });
      result[status === 'failed' ? 'failed' : 'retrying']++;
      const fields = { notificationId: n.id, kind: n.kind, channel: n.channel, complaintId: n.complaintId, attempt: n.attempts, error: text };
      if (status === 'failed') o.log.error(fields, `notification failed ${n.attempts} times; given up`);
      else o.log.warn(fields, 'notification not delivered; will retry');
    }
  }

  async function run(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, logged: 0, retrying: 0, failed: 0 };
    do {
      again = false;
      for (let round = 0; round < maxRoundsPerDrain; round++) {
        const batch = await claimPendingNotifications(o.db, { now: o.now(), limit: batchSize, retryAfterMs });
        for (const n of batch) await deliver(n, result);
        if (batch.length < batchSize) break;
      }
    } while (again);
    return result;
  }

  function drain(): Promise<DrainResult> {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => { running = null; });
    return running;
  }

  return {
    drain,
    kick() {
      if (stopped) return;
      drain().catch((error: unknown) => o.log.error({ err: error }, 'outbox drain failed'));
    },
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => {
        drain().catch((error: unknown) => o.log.error({ err: error }, 'outbox drain failed'));
      }, o.intervalMs ?? 15_000);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
