import { allowedTransitions, complaintStatuses, statusLabel, type ComplaintStatus } from '../../../db/domain/complaint-status';
import { AppError } from '../../../db/domain/errors';
import { changeStatus, openComplaint, rejectAnswer, reopensOnScore, type LifecycleState, type TransitionContext } from '../../../db/domain/lifecycle';

const now = new Date('2026-03-02T09:00:00Z');
const hour = 3_600_000;
// A plain stand-in calendar: each stage is due a fixed number of hours later, so due times are checkable.
const stageHours = { receipt: 8, evaluation: 24, closure: 8, first_answer: 48 } as const;
const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({
  actor: { type: 'agent', id: 'agent-1' },
  now,
  dueFor: (stage, from) => new Date(from.getTime() + stageHours[stage] * hour),
  ...over,
});

function state(status: ComplaintStatus, round = 1): LifecycleState {
  return { status, round, receivedAt: new Date('2026-03-01T10:00:00Z'), dueAt: null, dueStage: null, firstAnsweredAt: null, closedAt: null };
}

const allPairs = complaintStatuses.flatMap((from) => complaintStatuses.map((to) => [from, to] as const));
const legal = allPairs.filter(([from, to]) => allowedTransitions[from].includes(to));
const illegal = allPairs.filter(([from, to]) => !allowedTransitions[from].includes(to));

describe('complaint lifecycle', () => {
  it('when a complaint is opened, it is received in round 1 with its receipt deadline and one created event', () => {
    const { state: s, event } = openComplaint(ctx({ actor: { type: 'bot' } }));
    expect(s).toMatchObject({ status: 'received', round: 1, dueStage: 'receipt', receivedAt: now });
    expect(s.dueAt).toEqual(new Date(now.getTime() + 8 * hour));
    expect(event).toMatchObject({ type: 'created', fromStatus: null, toStatus: 'received', actor: { type: 'bot' } });
  });

  it.each(legal)('when a complaint goes from %s to %s, it changes with exactly one event saying so', (from, to) => {
    const before = state(from);
    const { state: after, event } = changeStatus(before, to, ctx({ reason: 'because' }));
    expect(after.status).toBe(to);
    expect(event).toMatchObject({ type: 'status_changed', fromStatus: from, toStatus: to, reason: 'because', at: now, actor: { type: 'agent', id: 'agent-1' } });
    expect(before.status).toBe(from);
  });

  it.each(illegal)('when a complaint is asked to go from %s to %s, it refuses with illegal_transition and nothing changes', (from, to) => {
    const before = state(from);
    const copy = structuredClone(before);
    let thrown: unknown;
    try { changeStatus(before, to, ctx()); } catch (error) { thrown = error; }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('illegal_transition');
    expect(before).toEqual(copy);
  });

  it('when a stage starts, its deadline is set from the tenant clock; closed and escalated have none', () => {
    expect(changeStatus(state('received'), 'evaluating', ctx()).state).toMatchObject({ dueStage: 'evaluation', dueAt: new Date(now.getTime() + 24 * hour) });
    expect(changeStatus(state('evaluating'), 'proposed', ctx()).state).toMatchObject({ dueStage: 'closure', dueAt: new Date(now.getTime() + 8 * hour) });
    expect(changeStatus(state('proposed'), 'closed', ctx()).state).toMatchObject({ dueStage: null, dueAt: null, closedAt: now });
    expect(changeStatus(state('proposed', 2), 'escalated', ctx()).state).toMatchObject({ dueStage: null, dueAt: null });
  });

  it('when the first substantive answer goes out, its time is kept and later answers do not move it', () => {
    const first = changeStatus(state('evaluating'), 'proposed', ctx()).state;
    expect(first.firstAnsweredAt).toEqual(now);
    const later = new Date(now.getTime() + 5 * hour);
    const again = changeStatus(changeStatus(first, 'evaluating', ctx({ now: later })).state, 'proposed', ctx({ now: later })).state;
    expect(again.firstAnsweredAt).toEqual(now);
  });

  it('when a customer rejects the first proposal, the complaint goes back to evaluation for a second round', () => {
    const { state: s, event } = rejectAnswer(state('proposed', 1), ctx({ actor: { type: 'customer', id: 'c1' }, reason: 'too little' }));
    expect(s).toMatchObject({ status: 'evaluating', round: 2 });
    expect(event).toMatchObject({ fromStatus: 'proposed', toStatus: 'evaluating', reason: 'too little', actor: { type: 'customer' } });
  });

  it('when a customer rejects the second proposal, the complaint is escalated', () => {
    expect(rejectAnswer(state('proposed', 2), ctx()).state.status).toBe('escalated');
  });

  it('when a customer rejects a routine answer, people evaluate it in the same round', () => {
    expect(rejectAnswer(state('answered', 1), ctx()).state).toMatchObject({ status: 'evaluating', round: 1 });
  });

  it('when there is no answer to reject, rejecting is an illegal transition', () => {
    expect(() => rejectAnswer(state('evaluating'), ctx())).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
  });

  it('when a closed complaint is reopened by a low score, a new round starts', () => {
    expect(reopensOnScore(1)).toBe(true);
    expect(reopensOnScore(2)).toBe(true);
    expect(reopensOnScore(3)).toBe(false);
    expect(changeStatus({ ...state('closed', 2), closedAt: now }, 'evaluating', ctx()).state).toMatchObject({ status: 'evaluating', round: 3, closedAt: null });
  });

  it.each(['en', 'it', 'ro', 'fa', 'ru', 'pt'])('status labels exist in %s for every status, and differ from English outside English', (lang) => {
    for (const s of complaintStatuses) {
      const label = statusLabel(s, lang);
      expect(label.length).toBeGreaterThan(2);
      if (lang !== 'en') expect(label).not.toBe(statusLabel(s, 'en'));
    }
  });
});
