import { AppError } from './errors';
import { canTransition, type ComplaintStatus } from './complaint-status';

/** Who did something. `id` is a user id for agents, a customer id for customers. */
export interface Actor {
  type: 'customer' | 'bot' | 'agent' | 'system';
  id?: string | null;
}

/** The deadline stages a complaint passes through (seeds 003, 004). */
export type DeadlineStage = 'receipt' | 'evaluation' | 'closure' | 'first_answer';

/** The part of a complaint the lifecycle reads and writes. */
export interface LifecycleState {
  status: ComplaintStatus;
  round: number;
  receivedAt: Date;
  dueAt: Date | null;
  dueStage: DeadlineStage | null;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
}

/** One append-only audit row (complaint_events). */
export interface LifecycleEvent {
  type: 'created' | 'status_changed';
  actor: Actor;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  reason: string | null;
  at: Date;
  data: Record<string, unknown>;
}

export interface TransitionContext {
  actor: Actor;
  now: Date;
  reason?: string | null;
  /** Due time of a stage that starts at `from`, in the tenant's working calendar. */
  dueFor: (stage: DeadlineStage, from: Date) => Date;
}

/** Where the clock runs while a complaint is in a status. */
const stageOf: Readonly<Record<ComplaintStatus, DeadlineStage | null>> = {
  received: 'receipt',
  evaluating: 'evaluation',
  answered: 'closure',
  proposed: 'closure',
  closed: null,
  escalated: null,
};

/** A new complaint: status `received`, round 1, receipt deadline set, one `created` event. */
export function openComplaint(ctx: TransitionContext): { state: LifecycleState; event: LifecycleEvent } {
  const state: LifecycleState = {
    status: 'received',
    round: 1,
    receivedAt: ctx.now,
    dueAt: ctx.dueFor('receipt', ctx.now),
    dueStage: 'receipt',
    firstAnsweredAt: null,
    closedAt: null,
  };
  const event: LifecycleEvent = {
    type: 'created', actor: ctx.actor, fromStatus: null, toStatus: 'received',
    reason: ctx.reason ?? null, at: ctx.now, data: { dueAt: state.dueAt?.toISOString() },
  };
  return { state, event };
}

/**
 * Moves a complaint to `to`. Returns the new state and exactly one event; the caller persists
 * both in one transaction. An illegal transition throws `illegal_transition` and changes nothing.
 */
export function changeStatus<S extends LifecycleState>(
  current: S,
  to: ComplaintStatus,
  ctx: TransitionContext,
): { state: S; event: LifecycleEvent } {
  if (!canTransition(current.status, to)) {
    throw new AppError('illegal_transition', `A complaint cannot go from ${current.status} to ${to}.`, {
      from: current.status,
      to,
    });
  }
  const stage = stageOf[to];
  // A rejected proposal starts the next round; a reopened (closed/escalated) complaint too.
  const nextRound = to === 'evaluating' && current.status !== 'received' && current.status !== 'answered'
    ? current.round + 1
    : current.round;
  const substantive = to === 'answered' || to === 'proposed';
  const state: S = {
    ...current,
    status: to,
    round: nextRound,
    dueAt: stage ? ctx.dueFor(stage, ctx.now) : null,
    dueStage: stage,
    firstAnsweredAt: current.firstAnsweredAt ?? (substantive ? ctx.now : null),
    closedAt: to === 'closed' ? ctx.now : null,
  };
  const event: LifecycleEvent = {
    type: 'status_changed', actor: ctx.actor, fromStatus: current.status, toStatus: to,
    reason: ctx.reason ?? null, at: ctx.now,
    data: { round: state.round, dueAt: state.dueAt?.toISOString() ?? null, dueStage: state.dueStage },
  };
  return { state, event };
}

/** Rounds of proposals a customer may reject before the complaint is escalated (seed 003). */
export const maxProposalRounds = 2;

/**
 * The customer said no. A routine answer or a first proposal goes back to evaluation (second
 * round); a rejected proposal in the last round escalates the complaint.
 */
export function rejectAnswer<S extends LifecycleState>(current: S, ctx: TransitionContext): { state: S; event: LifecycleEvent } {
  if (current.status === 'proposed' && current.round >= maxProposalRounds) return changeStatus(current, 'escalated', ctx);
  if (current.status !== 'proposed' && current.status !== 'answered') {
    throw new AppError('illegal_transition', `There is no answer to reject while the complaint is ${current.status}.`, {
      from: current.status,
    });
  }
  return changeStatus(current, 'evaluating', ctx);
}

/** A satisfaction score that reopens a closed complaint (seed 002). */
export function reopensOnScore(score: number): boolean {
  return score <= 2;
}
