/**
 * Carrying out what the conversation engine asks (register, look up, hand off, record feedback)
 * inside the message's transaction. Results that the dialog needs come back as the next input.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { activeAnswers } from '../db/answers';
import { findComplaintByCode, getComplaint, recordComplaintEvent, registerComplaint, transitionComplaint, type Complaint } from '../db/complaints';
import { decideProposal } from '../db/resolutions';
import type { Conversation } from '../db/conversations';
import { updateCustomer } from '../db/customers';
import { statusLabel, type ComplaintStatus } from '../db/domain/complaint-status';
import { rejectAnswer, reopensOnScore } from '../db/domain/lifecycle';
import { surveys } from '../db/schema';
import { verifySecret } from '../db/secrets';
import type { Tenant } from '../db/tenants';
import { pickAnswer } from '../nlp/answers';
import type { Category, Lang } from '../nlp/types';
import type { Effect, EngineInput, HandoffReason } from './engine/types';
import type { IntakeEvent } from './events';
import { KeyedLimiter } from './keyed-limiter';

/** PIN guesses in chat, per tracking code: the same bound as the public tracking endpoint. */
const pinGuesses = new KeyedLimiter(10, 60 * 60_000);

export interface EffectScope {
  tx: Database;
  tenant: Tenant;
  conversation: Conversation;
  now: Date;
  /** Changes to the conversation row, applied with the new dialog state. */
  patch: Partial<Conversation>;
  /** Events to publish once the transaction has committed. */
  events: IntakeEvent[];
  /** Formats an instant for the customer, in their language and the tenant's time zone. */
  formatTime(at: Date, lang: string): string;
  /** Complaints whose routine answer went out or that were escalated: staff are notified (seed 000). */
  staffNotices: { kind: 'routine_answer' | 'escalated'; complaint: Complaint }[];
}

const bot = { type: 'bot' as const };

export async function applyEffect(effect: Effect, s: EffectScope): Promise<EngineInput | null> {
  const { tx, tenant, conversation: conv, now } = s;
  switch (effect.type) {
    case 'register': return register(effect, s);
    case 'track': return track(effect.code, effect.pin, s);
    case 'handoff':
      handoff(s, effect.reason, ((conv.botState as { complaint?: { id: string } | null }).complaint?.id) ?? null);
      return null;
    case 'customer_details':
      await updateCustomer(tx, tenant.tenantId, conv.customerId, { name: effect.name, phone: effect.phone, email: effect.email, language: effect.language });
      return null;
    case 'answer_feedback': {
      const complaint = await currentComplaint(s);
      if (!complaint || complaint.status !== 'answered') return null;
      const actor = { type: 'customer' as const, id: conv.customerId };
      const changed = effect.accepted
        ? await transitionComplaint(tx, tenant.tenantId, complaint.id, 'closed', { actor, now, reason: 'the customer accepted the routine answer' })
        : await transitionComplaint(tx, tenant.tenantId, complaint.id, rejectAnswer, { actor, now, reason: 'the customer rejected the routine answer' });
      s.events.push({ type: 'complaint_changed', tenantId: tenant.tenantId, complaintId: complaint.id, status: changed.complaint.status });
      return null;
    }
    case 'survey_score': {
      const complaint = await currentComplaint(s);
      if (!complaint) return null;
      await tx.insert(surveys).values({ tenantId: tenant.tenantId, complaintId: complaint.id, round: complaint.round, score: effect.score })
        .onConflictDoUpdate({ target: [surveys.complaintId, surveys.round], set: { score: effect.score } });
      await recordComplaintEvent(tx, complaint, { type: 'survey_answered', actor: { type: 'customer', id: conv.customerId }, at: now, data: { score: effect.score, round: complaint.round } });
      if (reopensOnScore(effect.score) && complaint.status === 'closed') {
        await transitionComplaint(tx, tenant.tenantId, complaint.id, 'evaluating', { actor: { type: 'customer', id: conv.customerId }, now, reason: `satisfaction score ${effect.score}` });
        s.events.push({ type: 'complaint_changed', tenantId: tenant.tenantId, complaintId: complaint.id, status: 'evaluating' });
        handoff(s, 'low_satisfaction', complaint.id);
      }
      return null;
    }
    case 'survey_comment': {
      const complaint = await currentComplaint(s);
      if (complaint) {
        await tx.update(surveys).set({ comment: effect.comment.slice(0, 5000) })
          .where(and(eq(surveys.complaintId, complaint.id), eq(surveys.round, complaint.round)));
      }
      return null;
    }
    case 'add_to_complaint':
      return null;
    case 'proposal_decision': return proposalDecision(effect, s);
  }
}

async function proposalDecision(effect: Extract<Effect, { type: 'proposal_decision' }>, s: EffectScope): Promise<EngineInput | null> {
  const { tx, tenant, conversation: conv, now } = s;
  const current = await currentComplaint(s);
  if (!current || current.status !== 'proposed') return null;
  const { complaint } = await decideProposal(tx, tenant.tenantId, current.id, {
    accepted: effect.accepted, reason: effect.reason ?? null, actor: { type: 'customer', id: conv.customerId }, now,
  });
  s.events.push({ type: 'complaint_changed', tenantId: tenant.tenantId, complaintId: complaint.id, status: complaint.status });
  const lang = conv.language ?? complaint.language;
  if (complaint.status === 'closed') {
    // People's work is done: the bot has the conversation again, for the survey.
    Object.assign(s.patch, { state: 'bot', assignedAgentId: null, waitingReason: null, waitingSince: null });
    s.events.push({ type: 'conversation_closed', tenantId: tenant.tenantId, conversationId: conv.id, complaintId: complaint.id, reason: 'resolved' });
    return { type: 'decision_recorded', code: complaint.code, status: 'closed' };
  }
  if (conv.state !== 'assigned') handoff(s, 'rejected_answer', complaint.id);
  if (complaint.status === 'escalated') {
    s.staffNotices.push({ kind: 'escalated', complaint });
    return { type: 'decision_recorded', code: complaint.code, status: 'escalated', remedies: externalRemedies(tenant) };
  }
  return { type: 'decision_recorded', code: complaint.code, status: 'evaluating', when: complaint.dueAt ? s.formatTime(complaint.dueAt, lang) : undefined };
}

/** The tenant's external remedies (ombudsman, regulator, ADR body), one line each (seed 003). */
export function externalRemedies(tenant: Tenant): string[] {
  const list = (tenant.settings as { externalRemedies?: unknown }).externalRemedies;
  if (!Array.isArray(list)) return [];
  return list.flatMap((r: unknown) => {
    if (typeof r === 'string') return [r];
    const { name, contact } = (r ?? {}) as { name?: unknown; contact?: unknown };
    return typeof name === 'string' ? [typeof contact === 'string' && contact ? `${name} — ${contact}` : name] : [];
  });
}

function handoff(s: EffectScope, reason: HandoffReason, complaintId: string | null): void {
  s.patch.state = 'waiting';
  s.patch.waitingReason = reason;
  s.patch.waitingSince = s.now;
  s.events.push({ type: 'conversation_waiting', tenantId: s.tenant.tenantId, conversationId: s.conversation.id, reason, complaintId });
}

async function currentComplaint(s: EffectScope): Promise<Complaint | null> {
  const state = s.conversation.botState as { complaint?: { id: string } | null };
  const id = state.complaint?.id;
  return id ? getComplaint(s.tx, s.tenant.tenantId, id).catch(() => null) : null;
}

async function register(effect: Extract<Effect, { type: 'register' }>, s: EffectScope): Promise<EngineInput> {
  const { tx, tenant, conversation: conv, now } = s;
  const { draft, classification } = effect;
  await updateCustomer(tx, tenant.tenantId, conv.customerId, { name: draft.name, phone: draft.phone, email: draft.email, language: draft.language });
  const { complaint, pin } = await registerComplaint(tx, {
    tenantId: tenant.tenantId, channel: conv.channel, language: draft.language, description: draft.description,
    customerId: conv.customerId, conversationId: conv.id, product: draft.product, orderRef: draft.orderRef,
    severity: classification.severity, category: classification.category, confidence: classification.confidence,
    actor: bot, now,
  });
  s.events.push({ type: 'complaint_created', tenantId: tenant.tenantId, complaintId: complaint.id, code: complaint.code, severity: complaint.severity, category: complaint.category });
  // Triage (seeds 000, 003): routine commercial complaints get the tenant's predefined answer;
  // critical or uncertain ones, and those without an answer, go to people.
  const routine = classification.severity === 'commercial' && !classification.needsHuman;
  const answers = routine ? await activeAnswers(tx, tenant.tenantId, { category: classification.category, lang: draft.language }) : [];
  const answer = routine
    ? pickAnswer(answers.map((a) => ({ id: a.id, category: a.category as Category, lang: a.lang as Lang, keywords: a.keywords, text: a.text, priority: a.priority })),
      { category: classification.category as Category, lang: draft.language, text: draft.description, severity: classification.severity })
    : null;
  if (answer) {
    const answered = await transitionComplaint(tx, tenant.tenantId, complaint.id, 'answered', { actor: bot, now, reason: `routine answer ${answer.id}` });
    s.staffNotices.push({ kind: 'routine_answer', complaint: answered.complaint });
    s.events.push({ type: 'complaint_changed', tenantId: tenant.tenantId, complaintId: complaint.id, status: 'answered' });
    return { type: 'registered', code: complaint.code, pin, complaintId: complaint.id, outcome: { kind: 'answer', text: answer.text } };
  }
  const reason: HandoffReason = classification.severity === 'critical' ? 'critical' : classification.needsHuman ? 'uncertain' : 'no_routine_answer';
  await transitionComplaint(tx, tenant.tenantId, complaint.id, 'evaluating', { actor: bot, now, reason: `handed to people: ${reason}` });
  s.events.push({ type: 'complaint_changed', tenantId: tenant.tenantId, complaintId: complaint.id, status: 'evaluating' });
  handoff(s, reason, complaint.id);
  return { type: 'registered', code: complaint.code, pin, complaintId: complaint.id, outcome: { kind: 'handoff' } };
}

async function track(code: string, pin: string | undefined, s: EffectScope): Promise<EngineInput> {
  const complaint = await findComplaintByCode(s.tx, code);
  const lang = s.conversation.language ?? 'en';
  const sameTenant = complaint && complaint.tenantId === s.tenant.tenantId;
  const owned = sameTenant && complaint.customerId === s.conversation.customerId;
  if (!complaint || !sameTenant) return pin ? { type: 'track_result', code, found: false } : { type: 'track_result', code, found: false, needsPin: true };
  if (!owned) {
    if (!pin) return { type: 'track_result', code, found: false, needsPin: true };
    if (!pinGuesses.hit(code, s.now.getTime())) return { type: 'track_result', code, found: false };
    if (!(await verifySecret(complaint.pinHash, pin))) return { type: 'track_result', code, found: false };
  }
  return {
    type: 'track_result', code, found: true,
    statusLabel: statusLabel(complaint.status as ComplaintStatus, lang),
    updated: s.formatTime(complaint.updatedAt, lang),
  };
}
