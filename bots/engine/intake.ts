/** Collecting the complaint: the questions in order, answers taken in any order, three tries each. */
import type { Catalogue } from './catalogue';
import { findEmail, findName, findOrderRef, findPhone, isBlank, parseName, parseOrderRef, parsePhone } from './extract';
import type { Field, IntakeState } from './state';
import type { Reply } from './types';
import { means } from './understand';

const maxTries = 3;
/** A first message this long is taken as the story itself. */
const storyWords = 12;

export function reply(state: IntakeState, text: string, quickReplies?: string[]): Reply {
  return quickReplies ? { text, quickReplies, lang: state.lang } : { text, lang: state.lang };
}

/** Takes everything recognisable from a free message; returns whether anything new was noted. */
export function absorb(state: IntakeState, text: string, asStory: boolean): boolean {
  const f = state.fields;
  let noted = false;
  const email = findEmail(text);
  if (email && !f.email) { f.email = email; noted = true; }
  const phone = findPhone(text, state.lang);
  if (phone && !f.phone) { f.phone = phone; noted = true; }
  const order = findOrderRef(text);
  if (order && !f.orderRef) { f.orderRef = order; noted = true; }
  const name = findName(text);
  if (name && !f.name) { f.name = name; noted = true; }
  if (asStory && f.description.length === 0 && text.trim().split(/\s+/).length >= storyWords) {
    f.description.push(text.trim());
    noted = true;
  }
  return noted;
}

export function nextField(state: IntakeState): Field | null {
  const f = state.fields;
  const open = (field: Field) => !f.skipped.includes(field);
  if (!f.name && open('name')) return 'name';
  if (!f.phone && !f.email && open('contact')) return 'contact';
  if (f.phone && !f.email && open('email')) return 'email';
  if (!f.product && open('product')) return 'product';
  if (!f.orderRef && open('orderRef')) return 'orderRef';
  if (f.description.length === 0) return 'description';
  return null;
}

export function question(state: IntakeState, field: Field, c: Catalogue): Reply {
  switch (field) {
    case 'name': return reply(state, c.askName, [c.talkToPerson]);
    case 'contact': return reply(state, c.askContact);
    case 'email': return reply(state, c.askEmailOptional({ phone: state.fields.phone ?? '' }), [c.skip]);
    case 'product': return reply(state, c.askProduct);
    case 'orderRef': return reply(state, c.askOrderRef, [c.skip]);
    case 'description': return reply(state, c.askDescription);
  }
}

function invalidFor(field: Field, c: Catalogue): string {
  if (field === 'name') return c.invalidName;
  if (field === 'contact') return c.invalidContact;
  if (field === 'email') return c.invalidEmail;
  return c.invalidGeneric;
}

/** Stores the answer to `field`; false when it is not a valid answer. */
function take(state: IntakeState, field: Field, text: string): boolean {
  const f = state.fields;
  const t = text.trim();
  const optional = field === 'email' || field === 'orderRef';
  if (optional && means(t, 'skip', state.lang)) { f.skipped.push(field); return true; }
  switch (field) {
    case 'name': {
      // "Ana Pop, 0722 123 456": the contact is taken too, the name is what is left.
      const rest = t.replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, ' ').replace(/\+?[\d\u06F0-\u06F9][\d\u06F0-\u06F9 ()./-]{5,}/g, ' ')
        .replace(/[,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
      const n = parseName(rest || t);
      if (n) f.name = n;
      return Boolean(n);
    }
    case 'contact': {
      const email = findEmail(t);
      const phone = parsePhone(t, state.lang);
      if (email) f.email = email;
      if (phone) f.phone = phone;
      return Boolean(email || phone);
    }
    case 'email': { const e = findEmail(t); if (e) f.email = e; return Boolean(e); }
    case 'product': {
      // "done", "yes", "no" are not products.
      const intentWord = (['yes', 'no', 'done', 'skip'] as const).some((i) => means(t, i, state.lang) && t.split(/\s+/).length <= 2);
      if (!intentWord && t.length >= 2 && /[\p{L}\p{N}]/u.test(t)) { f.product = t.slice(0, 500); return true; }
      return false;
    }
    case 'orderRef': { const r = parseOrderRef(t); if (r) f.orderRef = r; return Boolean(r); }
    case 'description': { if (/[\p{L}\p{N}]/u.test(t)) { f.description.push(t); return true; } return false; }
  }
}

/**
 * The answer to the current question. Valid → next question (or the summary); invalid → a friendly
 * re-ask; the third failure moves on and reminds of the way to a person.
 */
export function answer(state: IntakeState, text: string, c: Catalogue, summary: () => Reply): Reply[] {
  const field = state.asking;
  if (!field) return askNext(state, c, summary);
  if (isBlank(text)) return [reply(state, c.emptyMessage), question(state, field, c)];
  // The whole story told in answer to another question: keep it as the description, skip an
  // optional question, and carry on (re-asking a required one) instead of calling it invalid.
  const looksLikeStory = field !== 'description' && state.fields.description.length === 0 && text.trim().split(/\s+/).length >= storyWords;
  if (looksLikeStory && (field === 'product' || !take(state, field, text))) {
    absorb(state, text, true);
    if (field === 'email' || field === 'orderRef') state.fields.skipped.push(field);
    state.returnToConfirm = false;
    return [reply(state, c.noted), ...askNext(state, c, summary)];
  }
  if (!take(state, field, text)) {
    // Not an answer to an optional question but words for another one ("the electricity bill"
    // when asked for an e-mail): skip the optional question and take the words for the next.
    const optional = field === 'email' || field === 'orderRef';
    if (optional && !means(text, 'yes', state.lang) && /\p{L}{2,}/u.test(text)) {
      state.fields.skipped.push(field);
      absorb(state, text, false);
      const next = nextField(state);
      if (next && next !== field) {
        state.asking = next;
        return answer(state, text, c, summary);
      }
      return askNext(state, c, summary);
    }
    const tries = (state.failures[field] ?? 0) + 1;
    state.failures[field] = tries;
    // Other details in the message are still taken, so a wrong turn loses nothing.
    absorb(state, text, false);
    if (tries < maxTries) return [reply(state, invalidFor(field, c), field === 'email' || field === 'orderRef' ? [c.skip] : undefined)];
    state.fields.skipped.push(field);
    return [reply(state, c.movingOn, [c.talkToPerson]), ...askNext(state, c, summary)];
  }
  if (field !== 'description') absorb(state, text, false);
  if (field === 'description' && !state.returnToConfirm) {
    state.phase = 'more';
    state.asking = null;
    return [reply(state, c.askMore, [c.done])];
  }
  return askNext(state, c, summary);
}

export function askNext(state: IntakeState, c: Catalogue, summary: () => Reply): Reply[] {
  if (state.returnToConfirm) {
    state.returnToConfirm = false;
    state.phase = 'confirm';
    state.asking = null;
    return [summary()];
  }
  const field = nextField(state);
  if (!field) {
    state.phase = 'confirm';
    state.asking = null;
    return [summary()];
  }
  state.phase = 'collect';
  state.asking = field;
  return [question(state, field, c)];
}
