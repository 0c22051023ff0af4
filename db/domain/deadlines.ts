/**
 * Deadline targets of a tenant and the due instants they give. Seed 003 (ISO 10002) counts the
 * stages in working days; seed 004 bounds the first substantive answer in clock hours (24h/48h).
 */
import { z } from 'zod';
import type { CalendarOps } from './calendar';

export interface DeadlineTargets {
  /** Receipt and preliminary review, in working days (seed 003: 1). */
  receiptWorkingDays: number;
  /** Evaluation of the complaint, in working days (seed 003: 3). */
  evaluationWorkingDays: number;
  /** Closure once an answer is out, in working days (seed 003: 1). */
  closureWorkingDays: number;
  /** Outer bound for a first substantive answer, in clock hours, nights and holidays included (seed 004: 48). */
  firstAnswerHours: number;
}

export const defaultDeadlineTargets: Readonly<DeadlineTargets> = Object.freeze({
  receiptWorkingDays: 1,
  evaluationWorkingDays: 3,
  closureWorkingDays: 1,
  firstAnswerHours: 48,
});

// Upper bounds catch typos (300 instead of 3) while leaving room for the longer legal deadlines
// a regulated supplier may have to meet (seed 001): a quarter of a year of working days, a month of hours.
const maxWorkingDays = 90;
const maxFirstAnswerHours = 30 * 24;

const workingDays = (field: keyof DeadlineTargets) =>
  z
    .number()
    .positive(`${field} must be more than 0`)
    .max(maxWorkingDays, `${field} must be at most ${maxWorkingDays} working days`)
    .default(defaultDeadlineTargets[field]);

/** Validates a tenant's targets; a missing field takes its default. */
export const deadlineTargetsSchema = z.object({
  receiptWorkingDays: workingDays('receiptWorkingDays'),
  evaluationWorkingDays: workingDays('evaluationWorkingDays'),
  closureWorkingDays: workingDays('closureWorkingDays'),
  firstAnswerHours: z
    .number()
    .positive('firstAnswerHours must be more than 0')
    .max(maxFirstAnswerHours, `firstAnswerHours must be at most ${maxFirstAnswerHours} hours`)
    .default(defaultDeadlineTargets.firstAnswerHours),
});

export const stages = ['receipt', 'evaluation', 'closure', 'first_answer'] as const;
/** The same stages as the lifecycle's `DeadlineStage`. */
export type Stage = (typeof stages)[number];

const workingDaysOf: Readonly<Record<Exclude<Stage, 'first_answer'>, keyof DeadlineTargets>> = {
  receipt: 'receiptWorkingDays',
  evaluation: 'evaluationWorkingDays',
  closure: 'closureWorkingDays',
};

/**
 * When a stage that started at `stageStartedAt` is due. Working-day stages count only the
 * calendar's working time, so a stage started outside hours starts counting at the next opening;
 * `first_answer` adds clock hours because the customer is promised a wall-clock bound.
 */
export function stageDeadline(cal: CalendarOps, targets: DeadlineTargets, stage: Stage, stageStartedAt: Date): Date {
  if (stage === 'first_answer') return new Date(stageStartedAt.getTime() + targets.firstAnswerHours * 3_600_000);
  return cal.addWorkingDays(stageStartedAt, targets[workingDaysOf[stage]]);
}

/** The deadlines a new complaint gets on arrival: the receipt stage and the first-answer bound. */
export function initialDeadlines(
  cal: CalendarOps,
  targets: DeadlineTargets,
  receivedAt: Date,
): { receiptDueAt: Date; firstAnswerDueAt: Date } {
  return {
    receiptDueAt: stageDeadline(cal, targets, 'receipt', receivedAt),
    firstAnswerDueAt: stageDeadline(cal, targets, 'first_answer', receivedAt),
  };
}

/** The lifecycle's `dueFor(stage, from)` for one tenant. */
export function dueFor(cal: CalendarOps, targets: DeadlineTargets): (stage: Stage, from: Date) => Date {
  return (stage, from) => stageDeadline(cal, targets, stage, from);
}

/** Progress at which agents are warned that a deadline is near. */
export const deadlineWarningAt = 0.8;

/**
 * Fraction of the allowed time used at `now`: 0 at the start, 1 at the deadline, above 1 once
 * overdue (1.5 = half the allowance again), never below 0. With `cal` only working time counts
 * (pass it for working-day stages, leave it out for the clock-hour first answer), so a complaint
 * does not creep towards its warning over a weekend. A deadline not after its start is either
 * fully used (1) or not yet reached (0).
 */
export function progress(dueAt: Date, startedAt: Date, now: Date, cal?: CalendarOps): number {
  const span = (a: Date, b: Date) => (cal ? cal.workingMsBetween(a, b) : Math.max(0, b.getTime() - a.getTime()));
  const allowed = span(startedAt, dueAt);
  if (allowed <= 0) return now.getTime() >= dueAt.getTime() ? 1 : 0;
  return span(startedAt, now) / allowed;
}
