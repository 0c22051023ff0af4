/**
 * Deadlines and notifications, wired: the mailer and SMS gateway behind the outbox, the deadline
 * sweeper and what each of its flags causes — a warning to the assigned agent, e-mails to
 * supervisors and an inbox alert on a breach, and a word to the customer when the answer will be
 * later than promised (seed 004): in their chat, or by SMS/e-mail for a phone complaint.
 */
import type { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import type { Complaint } from '../db/complaints';
import { getCustomer } from '../db/customers';
import { tenantClock, type Tenant } from '../db/tenants';
import { catalogues } from '../bots/engine/catalogues';
import type { BotLang } from '../bots/engine/catalogue';
import type { IntakeEvent } from '../bots/events';
import { formatTime, type IntakeService } from '../bots/intake-service';
import type { AppDeps } from './deps';
import { createMailer } from './notify/mailer';
import { createOutbox, notifyCustomer, notifyEscalation, notifyRoutineAnswer, type Outbox } from './notify/outbox';
import { createSmsGateway } from './notify/sms';
import { createSweeper, notifyBreach, type Sweeper, type SweepNotice } from './sweeper';

export interface Notifications {
  outbox: Outbox;
  sweeper: Sweeper;
  /** For the intake: queues the staff e-mails of a routine answer or an escalation in its transaction. */
  staffNotice(tx: Database, kind: 'routine_answer' | 'escalated', complaint: Complaint, tenant: Tenant): Promise<void>;
  /** Starts the sweeper and the dispatcher once the intake exists (the delay notice needs it). */
  start(intake: IntakeService): void;
  stop(): Promise<void>;
}

/** When the customer can now expect the answer: the stage's due time if still ahead, else one working day on. */
function expectedBy(n: SweepNotice, now: Date): Date {
  const { dueAt } = n.complaint;
  return dueAt && dueAt > now ? dueAt : tenantClock(n.tenant).calendar.addWorkingDays(now, 1);
}

export function setUpNotifications(app: FastifyInstance, deps: AppDeps, events: EventEmitter): Notifications {
  const db = deps.db.db;
  const log = app.log.child({ component: 'notify' });
  const mailer = createMailer({ smtpUrl: deps.config.SMTP_URL, from: deps.config.MAIL_FROM, log });
  const sms = createSmsGateway({ url: deps.config.SMS_GATEWAY_URL, token: deps.config.SMS_GATEWAY_TOKEN, log });
  const outbox = createOutbox({ db, mailer, sms, log, now: deps.now });
  const publish = (e: IntakeEvent) => events.emit('intake', e);
  // A complaint change is published after its commit: whatever it queued can go out now.
  events.on('intake', (e: IntakeEvent) => { if (e.type === 'complaint_changed') outbox.kick(); });
  let intake: IntakeService | null = null;

  async function tellCustomerOfDelay(n: SweepNotice): Promise<void> {
    const c = n.complaint;
    const lang = (c.language in catalogues ? c.language : 'en') as BotLang;
    const when = formatTime(n.tenant, expectedBy(n, deps.now()), lang);
    if (c.conversationId && intake) {
      await intake.notify(c.tenantId, c.conversationId, { type: 'notice', notice: { kind: 'delay', code: c.code, when } });
      return;
    }
    if (!c.customerId) return;
    const customer = await getCustomer(db, c.tenantId, c.customerId);
    await db.transaction(async (tx) => {
      await notifyCustomer(tx, c, n.tenant, customer, { kind: 'delay', text: catalogues[lang].delayNotice({ code: c.code, when }), dedupeKey: `delay:${c.id}:${n.stage}:${n.dueAt.toISOString()}` });
    });
    outbox.kick();
  }

  const sweeper = createSweeper({
    db, now: deps.now, log: app.log.child({ component: 'sweeper' }), intervalMs: deps.config.SWEEP_INTERVAL_MS,
    // Supervisors' e-mails are queued with the flag itself: exactly once, whichever process claims it.
    withinClaim: async (tx, n) => { if (n.kind !== 'warning') await notifyBreach(tx, n); },
    onWarning: (n) => {
      if (n.complaint.assignedAgentId) publish({ type: 'deadline_warning', tenantId: n.tenant.tenantId, complaintId: n.complaint.id, userId: n.complaint.assignedAgentId, stage: n.stage, dueAt: n.dueAt.toISOString() });
    },
    onBreach: async (n) => {
      publish({ type: 'deadline_breached', tenantId: n.tenant.tenantId, complaintId: n.complaint.id, stage: n.stage, dueAt: n.dueAt.toISOString() });
      outbox.kick();
      // Closure waits on the customer's own answer: no apology for that one.
      if (n.stage !== 'closure') await tellCustomerOfDelay(n);
    },
    onFirstAnswerOverdue: async (n) => {
      publish({ type: 'deadline_breached', tenantId: n.tenant.tenantId, complaintId: n.complaint.id, stage: n.stage, dueAt: n.dueAt.toISOString() });
      outbox.kick();
      await tellCustomerOfDelay(n);
    },
  });

  return {
    outbox, sweeper,
    async staffNotice(tx, kind, complaint, tenant) {
      await (kind === 'routine_answer' ? notifyRoutineAnswer(tx, complaint, tenant) : notifyEscalation(tx, complaint, tenant));
    },
    start(started) {
      intake = started;
      outbox.start();
      sweeper.start();
    },
    async stop() {
      await sweeper.stop();
      await outbox.stop();
      mailer.close();
    },
  };
}
