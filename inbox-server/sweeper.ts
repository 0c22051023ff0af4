/**
 * The deadline sweeper: on an interval it claims the complaints whose 80% warning, stage deadline
 * or promised first answer has passed (db/deadline-sweep.ts — each flagged once, whichever process
 * sweeps), and hands each to the callbacks once the claim has committed.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Log } from '../bots/events';
import type { Database, Executor } from '../db/client';
import type { Complaint } from '../db/complaints';
import {
  claimDeadlineBreaches, claimDeadlineWarnings, claimFirstAnswerOverdue, type ClaimOptions, type DeadlineClaim,
} from '../db/deadline-sweep';
import { enqueueNotification } from '../db/notifications';
import { tenants, users } from '../db/schema';
import type { Tenant } from '../db/tenants';
import { breachMail } from './notify/messages';
import { tenantTimeZone } from './notify/outbox';

/** A claimed complaint with its tenant, as the callbacks get it. */
export interface SweepNotice extends DeadlineClaim {
  tenant: Tenant;
}

type Callback = (notice: SweepNotice) => Promise<void> | void;

export interface SweeperOptions {
  db: Database;
  /** The clock; tests pass a controllable one. */
  now: () => Date;
  log: Log;
  /** Milliseconds between sweeps (SWEEP_INTERVAL_MS). */
  intervalMs: number;
  /** Rows per claim (default 100); a sweep claims again while batches come back full. */
  batchSize?: number;
  /**
   * Runs inside each claim's transaction, once per claimed complaint, before the flag commits:
   * durable follow-ups that must happen exactly once with it (outbox rows such as `notifyBreach`,
   * inbox_events rows). A throw rolls the claim back; the next sweep tries again.
   */
  withinClaim?: (tx: Database, notice: SweepNotice) => Promise<void>;
  /** After commit: the 80% warning of the current stage (for the assigned agent). */
  onWarning?: Callback;
  /** After commit: the current stage's deadline passed (for supervisors, and the customer). */
  onBreach?: Callback;
  /** After commit: no substantive answer by the promised bound (seed 004). */
  onFirstAnswerOverdue?: Callback;
}

export interface SweepResult {
  warnings: number;
  breaches: number;
  firstAnswersOverdue: number;
}

export interface Sweeper {
  /** Sweeps every `intervalMs` (unref'd timer); a sweep still running when the next is due is not doubled. */
  start(): void;
  /** Stops the timer and waits for a sweep in progress; `start` does nothing afterwards. */
  stop(): Promise<void>;
  /** One sweep now; resolves after the callbacks of everything it claimed have run. */
  sweepOnce(): Promise<SweepResult>;
}

/** A sweep claims batch after batch; this bounds one sweep's work so a backlog cannot starve the timer. */
const maxBatchesPerKind = 50;

export function createSweeper(o: SweeperOptions): Sweeper {
  const limit = o.batchSize ?? 100;
  let running: Promise<SweepResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function withTenants(tx: Executor, claims: DeadlineClaim[]): Promise<SweepNotice[]> {
    const ids = [...new Set(claims.map((c) => c.complaint.tenantId))];
    const rows = ids.length ? await tx.select().from(tenants).where(inArray(tenants.tenantId, ids)) : [];
    const byId = new Map(rows.map((t) => [t.tenantId, t]));
    return claims.map((c) => ({ ...c, tenant: byId.get(c.complaint.tenantId)! }));
  }

  async function sweepKind(claim: (db: Database, options: ClaimOptions) => Promise<DeadlineClaim[]>, callback: Callback | undefined): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < maxBatchesPerKind; batch++) {
      let notices: SweepNotice[] = [];
      const claimed = await claim(o.db, {
        now: o.now(),
        limit,
        withinTransaction: async (tx, claims) => {
          notices = await withTenants(tx, claims);
          if (o.withinClaim) for (const notice of notices) await o.withinClaim(tx, notice);
        },
      });
      total += notices.length;
      for (const notice of notices) {
        try {
          await callback?.(notice);
        } catch (error) {
          o.log.error({ err: error, complaintId: notice.complaint.id, kind: notice.kind }, 'deadline callback failed');
        }
      }
      // A full batch may leave more behind. (Warnings marked silently because their deadline has
      // passed too are not counted; any left over are marked by the next sweep.)
      if (claimed.length < limit) break;
    }
    return total;
  }

  async function sweep(): Promise<SweepResult> {
    // Warnings first: a complaint past both in one sweep is warned (silently) before it is breached.
    const warnings = await sweepKind(claimDeadlineWarnings, o.onWarning);
    const breaches = await sweepKind(claimDeadlineBreaches, o.onBreach);
    const firstAnswersOverdue = await sweepKind(claimFirstAnswerOverdue, o.onFirstAnswerOverdue);
    if (warnings + breaches + firstAnswersOverdue > 0) o.log.info({ warnings, breaches, firstAnswersOverdue }, 'deadline sweep');
    return { warnings, breaches, firstAnswersOverdue };
  }

  function sweepOnce(): Promise<SweepResult> {
    running ??= sweep().finally(() => { running = null; });
    return running;
  }

  return {
    sweepOnce,
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => {
        if (running) return;
        sweepOnce().catch((error: unknown) => o.log.error({ err: error }, 'deadline sweep failed'));
      }, o.intervalMs);
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

const supervisorRoles = ['supervisor', 'admin'] as const;

/**
 * A missed deadline (a stage's, or the promised first answer's): one e-mail to each supervisor and
 * admin of the tenant, keyed `breach:<complaintId>:<stage>:<dueAt ISO>:<userId>` so each person
 * hears of each missed deadline once. Answers how many e-mails were newly queued.
 */
export async function notifyBreach(
  tx: Executor, p: { complaint: Complaint; tenant: Tenant; stage: string; dueAt: Date },
): Promise<number> {
  const { complaint, tenant } = p;
  const recipients = await tx.select({ id: users.id, email: users.email }).from(users)
    .where(and(eq(users.tenantId, tenant.tenantId), inArray(users.role, [...supervisorRoles])));
  if (recipients.length === 0) return 0;
  const [agent] = complaint.assignedAgentId
    ? await tx.select({ displayName: users.displayName, email: users.email }).from(users).where(eq(users.id, complaint.assignedAgentId)).limit(1)
    : [];
  const mail = breachMail({
    complaint, tenantName: tenant.name, timeZone: tenantTimeZone(tenant), stage: p.stage, dueAt: p.dueAt,
    assignedTo: agent ? `${agent.displayName} <${agent.email}>` : null,
  });
  let queued = 0;
  for (const r of recipients) {
    const { created } = await enqueueNotification(tx, {
      tenantId: tenant.tenantId, kind: 'deadline_breached', channel: 'email', recipient: r.email,
      subject: mail.subject, body: mail.text, complaintId: complaint.id,
      dedupeKey: `breach:${complaint.id}:${p.stage}:${p.dueAt.toISOString()}:${r.id}`,
    });
    if (created) queued++;
  }
  return queued;
}
