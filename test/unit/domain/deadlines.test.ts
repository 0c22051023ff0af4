import { createCalendar, defaultCalendar } from '../../../db/domain/calendar';
import {
  deadlineTargetsSchema,
  deadlineWarningAt,
  defaultDeadlineTargets,
  dueFor,
  initialDeadlines,
  progress,
  stageDeadline,
  type Stage,
} from '../../../db/domain/deadlines';
import { AppError } from '../../../db/domain/errors';
import { openComplaint } from '../../../db/domain/lifecycle';
import { parseField } from '../../../db/domain/validate';

const at = (iso: string) => new Date(iso);
const hour = 3_600_000;
const rome = createCalendar(defaultCalendar);
const targets = defaultDeadlineTargets;

describe('deadline targets', () => {
  it('when a tenant sets nothing, the targets are seed 003’s 1/3/1 working days and seed 004’s 48 hours', () => {
    expect(deadlineTargetsSchema.parse({})).toEqual({
      receiptWorkingDays: 1, evaluationWorkingDays: 3, closureWorkingDays: 1, firstAnswerHours: 48,
    });
    expect(deadlineTargetsSchema.parse({ firstAnswerHours: 24 })).toMatchObject({ firstAnswerHours: 24, evaluationWorkingDays: 3 });
  });

  it.each([
    ['a zero receipt target', { receiptWorkingDays: 0 }, 'receiptWorkingDays must be more than 0'],
    ['a negative evaluation target', { evaluationWorkingDays: -3 }, 'evaluationWorkingDays must be more than 0'],
    ['300 working days for closure', { closureWorkingDays: 300 }, 'closureWorkingDays must be at most 90'],
    ['a first answer bound of 1000 hours', { firstAnswerHours: 1000 }, 'firstAnswerHours must be at most 720'],
    ['a number written as text', { evaluationWorkingDays: '3' }, 'expected number'],
  ])('when targets have %s, they are refused with validation_failed and a message saying why', (_what, input, message) => {
    expect(deadlineTargetsSchema.safeParse(input).success).toBe(false);
    try {
      parseField(deadlineTargetsSchema, input, 'deadlineTargets');
      throw new Error('expected the targets to be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect((error as AppError).message).toContain(message);
    }
  });
});

describe('stage deadlines', () => {
  // Thursday 15 October 2026, 10:00 in Rome.
  const thursday = at('2026-10-15T10:00:00+02:00');
  it.each<[Stage, string]>([
    ['receipt', '2026-10-16T10:00:00+02:00'],
    ['evaluation', '2026-10-20T10:00:00+02:00'],
    ['closure', '2026-10-16T10:00:00+02:00'],
    ['first_answer', '2026-10-17T10:00:00+02:00'],
  ])('when the %s stage starts on Thursday at 10:00, it is due %s', (stage, due) => {
    expect(stageDeadline(rome, targets, stage, thursday)).toEqual(at(due));
  });

  it('when a complaint arrives at 17:29 on a Friday, receipt is due Monday 17:29 and the 48-hour first answer Sunday 17:29', () => {
    expect(initialDeadlines(rome, targets, at('2026-10-16T17:29:00+02:00'))).toEqual({
      receiptDueAt: at('2026-10-19T17:29:00+02:00'),
      firstAnswerDueAt: at('2026-10-18T17:29:00+02:00'),
    });
  });

  it('when a complaint arrives at 17:29 on the Friday before Easter Monday, receipt is due on Tuesday but the first answer still on Sunday', () => {
    expect(initialDeadlines(rome, targets, at('2026-04-03T17:29:00+02:00'))).toEqual({
      receiptDueAt: at('2026-04-07T17:29:00+02:00'),
      firstAnswerDueAt: at('2026-04-05T17:29:00+02:00'),
    });
  });

  it('when a complaint arrives on Saturday night, receipt counts from Monday 08:00 while the first-answer clock runs at once', () => {
    const { receiptDueAt, firstAnswerDueAt } = initialDeadlines(rome, targets, at('2026-10-17T23:00:00+02:00'));
    expect(receiptDueAt).toEqual(at('2026-10-19T17:30:00+02:00'));
    expect(firstAnswerDueAt).toEqual(at('2026-10-19T23:00:00+02:00'));
  });

  it('when the clocks go forward, the first answer is due 48 real hours later, 13:00 on the Sunday', () => {
    const due = stageDeadline(rome, targets, 'first_answer', at('2026-03-27T12:00:00+01:00'));
    expect(due).toEqual(at('2026-03-29T13:00:00+02:00'));
    expect(due.getTime() - at('2026-03-27T12:00:00+01:00').getTime()).toBe(48 * hour);
  });

  it('when a tenant in Tehran works Saturday to Wednesday, an evaluation started on Wednesday afternoon is due on Monday afternoon', () => {
    const tehran = createCalendar({ ...defaultCalendar, timeZone: 'Asia/Tehran', holidayCountry: 'IR', workingDays: [6, 7, 1, 2, 3] });
    expect(stageDeadline(tehran, targets, 'evaluation', at('2026-10-14T15:00:00+03:30'))).toEqual(at('2026-10-19T15:00:00+03:30'));
  });

  it('when a tenant promises a 24-hour answer and half a working day for receipt, those targets are used', () => {
    const fast = { ...targets, firstAnswerHours: 24, receiptWorkingDays: 0.5 };
    expect(initialDeadlines(rome, fast, at('2026-10-15T10:00:00+02:00'))).toEqual({
      receiptDueAt: at('2026-10-15T14:45:00+02:00'),
      firstAnswerDueAt: at('2026-10-16T10:00:00+02:00'),
    });
  });

  it('when the lifecycle opens a complaint with this tenant’s dueFor, the receipt deadline follows the working calendar', () => {
    const { state } = openComplaint({ actor: { type: 'bot' }, now: at('2026-10-16T17:29:00+02:00'), dueFor: dueFor(rome, targets) });
    expect(state.dueAt).toEqual(at('2026-10-19T17:29:00+02:00'));
  });
});

describe('deadline progress', () => {
  it('when no calendar is given, progress is the share of clock time used: 80% after 8 of 10 hours', () => {
    const start = at('2026-10-15T00:00:00Z');
    expect(progress(at('2026-10-15T10:00:00Z'), start, at('2026-10-15T08:00:00Z'))).toBeCloseTo(0.8, 10);
  });

  // Evaluation from Thursday 08:00: 3 working days = 28.5 h, due Monday 17:30.
  const start = at('2026-10-15T08:00:00+02:00');
  const due = stageDeadline(rome, targets, 'evaluation', start);

  it('when a working-day stage waits over a weekend, its progress does not move until Monday', () => {
    expect(due).toEqual(at('2026-10-19T17:30:00+02:00'));
    const friday = progress(due, start, at('2026-10-16T17:30:00+02:00'), rome);
    expect(friday).toBeCloseTo(19 / 28.5, 10);
    expect(progress(due, start, at('2026-10-18T12:00:00+02:00'), rome)).toBe(friday);
  });

  it('when 80% of the working time is used (Monday 11:48), the warning threshold is reached, not before', () => {
    expect(progress(due, start, at('2026-10-19T11:48:00+02:00'), rome)).toBeCloseTo(deadlineWarningAt, 10);
    expect(progress(due, start, at('2026-10-19T11:47:00+02:00'), rome)).toBeLessThan(deadlineWarningAt);
  });

  it('when the deadline is reached progress is 1, once overdue it keeps growing, before the start it is 0', () => {
    expect(progress(due, start, due, rome)).toBe(1);
    expect(progress(due, start, at('2026-10-20T12:00:00+02:00'), rome)).toBeCloseTo(1 + 4 / 28.5, 10);
    expect(progress(due, start, at('2026-10-14T12:00:00+02:00'), rome)).toBe(0);
  });

  it('when a deadline is not after its start, progress is 0 before it and 1 from then on', () => {
    const instant = at('2026-10-15T10:00:00Z');
    expect(progress(instant, instant, at('2026-10-15T09:00:00Z'))).toBe(0);
    expect(progress(instant, instant, instant)).toBe(1);
  });
});
