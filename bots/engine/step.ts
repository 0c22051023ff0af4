/**
 * The conversation engine: `step(state, input, ctx) → { state, replies, effects }`. Pure — the
 * caller stores the state, sends the replies on the customer's channel and carries out the effects,
 * feeding results (a registered complaint, a status lookup) back in as the next input.
 */
import { findTrackingCode } from '../../db/domain/tracking-code';
import { botLanguages, type BotLang, type Catalogue } from './catalogue';
import { catalogues } from './catalogues';
import { isBlank } from './extract';
import { absorb, answer, askNext, question, reply } from './intake';
import { initialState, type Field, type IntakeState } from './state';
import type { EngineContext, EngineInput, Reply, StepResult } from './types';
import { asksForPerson, asksRestart, means, namedLanguage, parsePin, parseScore } from './understand';

const isBotLang = (l: string): l is BotLang => (botLanguages as readonly string[]).includes(l);

const greetings: Readonly<Record<BotLang, string[]>> = {
  en: ['hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening'],
  it: ['ciao', 'salve', 'buongiorno', 'buonasera', 'pronto'],
  ro: ['salut', 'bună', 'buna', 'bună ziua', 'buna ziua', 'bună seara', 'buna seara', 'servus'],
  fa: ['سلام', 'درود', 'وقت بخیر', 'روز بخیر'],
  ru: ['привет', 'здравствуйте', 'здрасте', 'добрый день', 'доброе утро', 'добрый вечер'],
  pt: ['olá', 'ola', 'oi', 'bom dia', 'boa tarde', 'boa noite'],
};

/** The language of a one-word message, when the word belongs to exactly one language. */
function singleWordLanguage(text: string): BotLang | null {
  const w = text.trim().toLowerCase().replace(/[!.,?؟]+$/u, '');
  const hits = botLanguages.filter((l) => greetings[l].includes(w) || [...catalogues[l].words.yes, ...catalogues[l].words.no].includes(w));
  return hits.length === 1 ? hits[0]! : null;
}

/** Fields whose answers are names, numbers or addresses: never a reason to change language. */
const literalFields: ReadonlyArray<Field | null> = ['name', 'contact', 'email', 'product', 'orderRef'];

export function step(previous: IntakeState, input: EngineInput, ctx: EngineContext): StepResult {
  const state: IntakeState = structuredClone(previous);
  const out: StepResult = { state, replies: [], effects: [] };
  switch (input.type) {
    case 'registered': return registered(out, input, ctx);
    case 'track_result': return trackResult(out, input);
    case 'ask_survey':
      state.phase = 'survey';
      out.replies.push(reply(state, cat(state).askSurvey, ['1', '2', '3', '4', '5']));
      return out;
    case 'message': return message(out, input, ctx);
    case 'proposal':
      state.phase = 'proposal';
      out.replies.push(reply(state, cat(state).proposal({ code: input.code, remedy: cat(state).remedyNames[input.remedy], text: input.text }), [cat(state).accept, cat(state).reject]));
      return out;
    case 'decision_recorded': return decisionRecorded(out, input);
    case 'notice': {
      const c = cat(state);
      const n = input.notice;
      out.replies.push(reply(state, n.kind === 'status' ? c.statusChanged({ code: n.code, status: n.status }) : c.delayNotice({ code: n.code, when: n.when })));
      return out;
    }
  }
}

/** Phases in which the customer answers the bot even while people have the conversation. */
const botAsks: ReadonlyArray<IntakeState['phase']> = ['proposal', 'proposal_reason', 'survey', 'survey_comment'];

const cat = (state: IntakeState): Catalogue => catalogues[state.lang];

function message(out: StepResult, input: Extract<EngineInput, { type: 'message' }>, ctx: EngineContext): StepResult {
  const { state } = out;
  const text = input.text.trim();
  if (state.phase === 'start' && state.langSource === 'default' && input.hints.languageCode) {
    const hinted = input.hints.languageCode.slice(0, 2).toLowerCase();
    if (isBotLang(hinted)) { state.lang = hinted; state.langSource = 'hint'; }
  }
  chooseLanguage(out, text, ctx);
  const c = cat(state);
  takeHints(state, input.hints);

  if (asksRestart(text)) {
    const fresh = initialState(state.lang, state.langSource === 'default' ? 'default' : 'chosen');
    Object.assign(state, fresh);
    out.replies.push(reply(state, c.restarted), ...opening(state, ctx));
    state.phase = 'consent';
    return out;
  }
  if (asksForPerson(text) && state.phase !== 'with_people') {
    state.phase = 'with_people';
    out.effects.push({ type: 'handoff', reason: 'customer_asked' });
    out.replies.push(reply(state, c.handoffAsked({ when: ctx.personWhen(state.lang) })));
    return out;
  }
  const pin = state.pinFor ? parsePin(text) : null;
  if (state.pinFor && pin) {
    out.effects.push({ type: 'track', code: state.pinFor, pin });
    state.pinFor = null;
    return out;
  }
  const code = findTrackingCode(text);
  if (code && (text.length <= 40 || state.phase !== 'more')) {
    out.effects.push({ type: 'track', code });
    return out;
  }
  if ((ctx.withPeople || state.phase === 'with_people') && !botAsks.includes(state.phase)) {
    // People have the conversation: the message reaches them; the bot stays quiet.
    if (state.complaint && (text || input.attachmentIds.length)) out.effects.push({ type: 'add_to_complaint', text, attachmentIds: input.attachmentIds });
    return out;
  }
  state.fields.attachments.push(...input.attachmentIds);
  const summary = () => summaryReply(state, c);

  switch (state.phase) {
    case 'start':
    case 'done': {
      if (state.phase === 'done') Object.assign(state, initialState(state.lang, state.langSource));
      const noted = absorb(state, text, true);
      out.replies.push(...opening(state, ctx, noted));
      state.phase = 'consent';
      return out;
    }
    case 'declined':
      out.replies.push(...opening(state, ctx));
      state.phase = 'consent';
      return out;
    case 'consent':
      if (means(text, 'yes', state.lang)) {
        state.consent = true;
        if (normaliseWordCount(text) > 3) absorb(state, text, true);
        out.replies.push(...askNext(state, c, summary));
      } else if (means(text, 'no', state.lang)) {
        state.phase = 'declined';
        out.replies.push(reply(state, c.consentDeclined));
      } else {
        const noted = absorb(state, text, true);
        const tries = (state.failures.consent ?? 0) + 1;
        state.failures.consent = tries;
        if (noted) out.replies.push(reply(state, c.noted));
        out.replies.push(reply(state, c.consent({ url: ctx.privacyUrl }), [c.yes, c.no]));
      }
      return out;
    case 'collect':
      out.replies.push(...answer(state, text, c, summary));
      return out;
    case 'more':
      if (means(text, 'done', state.lang) || (!text && input.attachmentIds.length === 0)) {
        out.replies.push(...askNext(state, c, summary));
      } else if (input.attachmentIds.length && !text) {
        out.replies.push(reply(state, c.gotAttachment({ count: state.fields.attachments.length }), [c.done]));
      } else {
        if (!isBlank(text)) state.fields.description.push(text);
        absorb(state, text, false);
        // A fourth part of the story moves on by itself, so nobody is stuck without "Done".
        if (state.fields.description.length >= 4) out.replies.push(...askNext(state, c, summary));
        else out.replies.push(reply(state, input.attachmentIds.length ? c.gotAttachment({ count: state.fields.attachments.length }) : c.noted, [c.done]));
      }
      return out;
    case 'confirm':
      return confirm(out, text, c, ctx);
    case 'change': {
      const field = fieldNamed(text, c);
      if (!field) {
        out.replies.push(reply(state, c.askWhatToChange, changeChoices(c)));
        return out;
      }
      if (field === 'description') state.fields.description = [];
      state.fields.skipped = state.fields.skipped.filter((f) => f !== field);
      state.phase = 'collect';
      state.asking = field;
      state.returnToConfirm = true;
      out.replies.push(question(state, field, c));
      return out;
    }
    case 'answer_feedback':
      if (means(text, 'yes', state.lang)) {
        out.effects.push({ type: 'answer_feedback', accepted: true });
        state.phase = 'survey';
        out.replies.push(reply(state, c.answerAccepted), reply(state, c.askSurvey, ['1', '2', '3', '4', '5']));
      } else if (means(text, 'no', state.lang)) {
        out.effects.push({ type: 'answer_feedback', accepted: false }, { type: 'handoff', reason: 'rejected_answer' });
        state.phase = 'with_people';
        out.replies.push(reply(state, c.answerRejected));
      } else {
        out.replies.push(reply(state, c.doesThisSolveIt, [c.yes, c.no]));
      }
      return out;
    case 'survey': {
      const score = parseScore(text);
      if (score === null) { out.replies.push(reply(state, c.invalidScore, ['1', '2', '3', '4', '5'])); return out; }
      out.effects.push({ type: 'survey_score', score });
      state.phase = 'survey_comment';
      out.replies.push(reply(state, c.surveyComment, [c.skip]));
      return out;
    }
    case 'survey_comment':
      if (!means(text, 'skip', state.lang) && !isBlank(text)) out.effects.push({ type: 'survey_comment', comment: text });
      state.phase = 'done';
      out.replies.push(reply(state, c.surveyThanks));
      return out;
    case 'proposal':
      return proposalAnswer(out, text, c);
    case 'proposal_reason':
      if (isBlank(text)) out.replies.push(reply(state, c.askRejectReason));
      else out.effects.push({ type: 'proposal_decision', accepted: false, reason: text });
      return out;
    case 'registering':
    case 'with_people':
      return out;
  }
}

/** Accept, reject with a reason ("no, I want a refund"), or reject and be asked why. */
function proposalAnswer(out: StepResult, text: string, c: Catalogue): StepResult {
  const { state } = out;
  // The first clause decides ("No, a repair is not enough…"); the rest is the reason.
  const head = text.split(/[,.;:!?،]/u)[0] ?? text;
  const saysNo = means(text, 'no', state.lang) || means(head, 'no', state.lang);
  if (!saysNo && (means(text, 'yes', state.lang) || means(head, 'yes', state.lang))) out.effects.push({ type: 'proposal_decision', accepted: true });
  else if (saysNo) {
    if (normaliseWordCount(text) >= 3) out.effects.push({ type: 'proposal_decision', accepted: false, reason: text });
    else {
      state.phase = 'proposal_reason';
      out.replies.push(reply(state, c.askRejectReason));
    }
  } else out.replies.push(reply(state, c.askProposalDecision, [c.accept, c.reject]));
  return out;
}

function decisionRecorded(out: StepResult, input: Extract<EngineInput, { type: 'decision_recorded' }>): StepResult {
  const { state } = out;
  const c = cat(state);
  if (input.status === 'closed') {
    state.phase = 'survey';
    out.replies.push(reply(state, c.proposalAccepted({ code: input.code })), reply(state, c.askSurvey, ['1', '2', '3', '4', '5']));
  } else if (input.status === 'evaluating') {
    state.phase = 'with_people';
    out.replies.push(reply(state, c.secondRound({ code: input.code, when: input.when ?? '' })));
  } else {
    state.phase = 'with_people';
    const remedies = input.remedies?.length ? input.remedies.map((r) => `• ${r}`).join('\n') : `• ${c.noRemediesConfigured}`;
    out.replies.push(reply(state, c.escalated({ code: input.code, remedies })));
  }
  return out;
}

const normaliseWordCount = (text: string) => text.trim().split(/\s+/).length;

function opening(state: IntakeState, ctx: EngineContext, noted = false): Reply[] {
  const c = cat(state);
  return [
    reply(state, c.greeting({ company: ctx.company }) + (noted ? `\n${c.noted}` : '')),
    reply(state, c.consent({ url: ctx.privacyUrl }), [c.yes, c.no]),
  ];
}

function confirm(out: StepResult, text: string, c: Catalogue, ctx: EngineContext): StepResult {
  const { state } = out;
  if (means(text, 'yes', state.lang)) {
    const f = state.fields;
    const description = f.description.join('\n');
    state.phase = 'registering';
    out.effects.push({
      type: 'register',
      draft: { name: f.name, phone: f.phone, email: f.email, product: f.product, orderRef: f.orderRef, description, attachmentIds: f.attachments, language: state.lang },
      classification: ctx.classify([f.product, description].filter(Boolean).join('\n')),
    });
    return out;
  }
  if (means(text, 'no', state.lang)) {
    state.phase = 'change';
    out.replies.push(reply(state, c.askWhatToChange, changeChoices(c)));
    return out;
  }
  const field = fieldNamed(text, c);
  if (field) {
    state.phase = 'change';
    return message(out, { type: 'message', text, attachmentIds: [], hints: {} }, ctx);
  }
  // Three unclear answers to a summary they have read three times: register rather than loop;
  // people can still correct the complaint.
  const tries = (state.failures.confirm ?? 0) + 1;
  state.failures.confirm = tries;
  if (tries >= 3) return confirm(out, c.yes, c, ctx);
  out.replies.push(summaryReply(state, c));
  return out;
}

function registered(out: StepResult, input: Extract<EngineInput, { type: 'registered' }>, ctx: EngineContext): StepResult {
  const { state } = out;
  const c = cat(state);
  state.complaint = { id: input.complaintId, code: input.code };
  out.replies.push(reply(state, c.acknowledgement({ code: input.code, pin: input.pin, trackUrl: ctx.trackUrl })));
  if (input.outcome.kind === 'answer') {
    state.phase = 'answer_feedback';
    out.replies.push(reply(state, `${c.routineAnswerIntro}\n${input.outcome.text}`), reply(state, c.doesThisSolveIt, [c.yes, c.no]));
  } else {
    state.phase = 'with_people';
    out.replies.push(reply(state, c.interimReply({ when: ctx.personWhen(state.lang) })));
  }
  return out;
}

function trackResult(out: StepResult, input: Extract<EngineInput, { type: 'track_result' }>): StepResult {
  const { state } = out;
  const c = cat(state);
  if (input.needsPin) {
    state.pinFor = input.code;
    out.replies.push(reply(state, c.askPin({ code: input.code })));
  } else if (input.found && input.statusLabel) {
    out.replies.push(reply(state, c.trackStatus({ code: input.code, status: input.statusLabel, updated: input.updated ?? '' })));
  } else {
    out.replies.push(reply(state, c.trackNotFound));
  }
  return out;
}

function summaryReply(state: IntakeState, c: Catalogue): Reply {
  const f = state.fields;
  return reply(state, c.summary({
    name: f.name, phone: f.phone, email: f.email, product: f.product, orderRef: f.orderRef,
    description: f.description.join('\n'), attachments: f.attachments.length,
  }), [c.confirm, c.change]);
}

function changeChoices(c: Catalogue): string[] {
  return [c.fieldName, c.fieldContact, c.fieldProduct, c.fieldOrderRef, c.fieldDescription];
}

function fieldNamed(text: string, c: Catalogue): Field | null {
  const w = text.trim().toLowerCase();
  const pairs: [string, Field][] = [[c.fieldName, 'name'], [c.fieldContact, 'contact'], [c.fieldProduct, 'product'], [c.fieldOrderRef, 'orderRef'], [c.fieldDescription, 'description']];
  return pairs.find(([label]) => label.toLowerCase() === w)?.[1] ?? null;
}

function takeHints(state: IntakeState, hints: Extract<EngineInput, { type: 'message' }>['hints']): void {
  if (hints.phone && !state.fields.phone) state.fields.phone = hints.phone;
  if (hints.email && !state.fields.email) state.fields.email = hints.email;
}

/** The language follows the customer: first free text decides; a clear switch later is followed. */
function chooseLanguage(out: StepResult, text: string, ctx: EngineContext): void {
  const { state } = out;
  const named = namedLanguage(text);
  if (named) {
    const changed = named !== state.lang;
    state.lang = named;
    state.langSource = 'chosen';
    if (changed) out.replies.push(reply(state, cat(state).languageSwitched));
    return;
  }
  if (state.phase === 'collect' && literalFields.includes(state.asking)) return;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
  if (words === 0 || state.langSource === 'chosen') return;
  const firstFreeText = state.langSource === 'default' || state.langSource === 'hint';
  // One word says little (detectors take "Ciao" for Portuguese): only a greeting or a yes/no word
  // of one language decides, and only before the language is known.
  if (words < 2) {
    const known = firstFreeText ? singleWordLanguage(text) : null;
    if (known) { state.lang = known; state.langSource = 'detected'; }
    return;
  }
  const detected = ctx.detectLanguage(text);
  if (!detected || !isBotLang(detected.lang)) return;
  const sure = firstFreeText ? detected.confidence >= 0.5 : words >= 4 && detected.confidence >= 0.85;
  if (!sure) return;
  const switching = !firstFreeText && detected.lang !== state.lang;
  state.lang = detected.lang;
  state.langSource = 'detected';
  if (switching) out.replies.push(reply(state, cat(state).languageSwitched));
}
