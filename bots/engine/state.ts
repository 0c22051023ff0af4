/** The intake dialog's state, stored as JSON on the conversation row between messages. */
import type { BotLang } from './catalogue';

export type Field = 'name' | 'contact' | 'email' | 'product' | 'orderRef' | 'description';

export type Phase =
  | 'start' | 'consent' | 'declined' | 'collect' | 'more' | 'confirm' | 'change'
  | 'registering' | 'answer_feedback' | 'with_people' | 'survey' | 'survey_comment' | 'done'
  | 'proposal' | 'proposal_reason';

export interface IntakeFields {
  name?: string;
  phone?: string;
  email?: string;
  product?: string;
  orderRef?: string;
  description: string[];
  attachments: string[];
  /** Fields the customer skipped or the bot gave up on after three tries. */
  skipped: Field[];
}

export interface IntakeState {
  version: 1;
  phase: Phase;
  lang: BotLang;
  /** How the language was chosen; a platform hint or the default yields to what the customer writes. */
  langSource: 'default' | 'hint' | 'detected' | 'chosen';
  consent: boolean;
  asking: Field | null;
  /** Set while correcting one field from the summary: afterwards, back to the summary. */
  returnToConfirm: boolean;
  failures: Partial<Record<Field | 'consent' | 'confirm', number>>;
  fields: IntakeFields;
  complaint: { id: string; code: string } | null;
  /** A tracking code waiting for its PIN. */
  pinFor: string | null;
}

export function initialState(lang: BotLang, langSource: IntakeState['langSource'] = 'default'): IntakeState {
  return {
    version: 1, phase: 'start', lang, langSource, consent: false, asking: null, returnToConfirm: false,
    failures: {}, fields: { description: [], attachments: [], skipped: [] }, complaint: null, pinFor: null,
  };
}

/** Reads a stored state defensively: anything unrecognisable starts a fresh dialog. */
export function restoreState(stored: unknown, fallbackLang: BotLang): IntakeState {
  const s = stored as Partial<IntakeState> | null;
  if (!s || s.version !== 1 || typeof s.phase !== 'string' || !s.fields) return initialState(fallbackLang);
  return { ...initialState(s.lang ?? fallbackLang), ...s, fields: { ...initialState(fallbackLang).fields, ...s.fields } };
}
