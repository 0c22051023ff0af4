import type { BotLang } from './catalogue';
import type { IntakeState } from './state';

export interface Reply {
  text: string;
  quickReplies?: string[];
  lang: BotLang;
}

export interface Classification {
  severity: 'critical' | 'commercial';
  category: string;
  confidence: number;
  needsHuman: boolean;
}

export type HandoffReason = 'critical' | 'no_routine_answer' | 'customer_asked' | 'bot_failed' | 'low_satisfaction' | 'rejected_answer' | 'uncertain';

export interface ComplaintDraft {
  name?: string;
  phone?: string;
  email?: string;
  product?: string;
  orderRef?: string;
  description: string;
  attachmentIds: string[];
  language: BotLang;
}

/** What the caller must do after a step; results come back as the next input. */
export type Effect =
  | { type: 'register'; draft: ComplaintDraft; classification: Classification }
  | { type: 'track'; code: string; pin?: string }
  | { type: 'handoff'; reason: HandoffReason }
  | { type: 'answer_feedback'; accepted: boolean }
  | { type: 'survey_score'; score: number }
  | { type: 'survey_comment'; comment: string }
  | { type: 'customer_details'; name?: string; phone?: string; email?: string; language: BotLang }
  | { type: 'add_to_complaint'; text: string; attachmentIds: string[] }
  | { type: 'proposal_decision'; accepted: boolean; reason?: string };

/** What the desk tells the customer on its own initiative, between their messages. */
export type Notice =
  | { kind: 'status'; code: string; status: string }
  | { kind: 'delay'; code: string; when: string };

export type EngineInput =
  | {
      type: 'message';
      text: string;
      attachmentIds: string[];
      hints: { name?: string; phone?: string; email?: string; languageCode?: string };
    }
  | {
      type: 'registered';
      code: string;
      pin: string;
      complaintId: string;
      outcome: { kind: 'answer'; text: string } | { kind: 'handoff' };
    }
  | { type: 'track_result'; code: string; found: boolean; statusLabel?: string; updated?: string; needsPin?: boolean }
  | { type: 'ask_survey' }
  /** The agent's proposal: the bot puts it to the customer and waits for accept or reject. */
  | { type: 'proposal'; code: string; remedy: Remedy; text: string }
  /** The lifecycle's answer to the customer's decision. `when`: end of the next round; `remedies`: external ones. */
  | { type: 'decision_recorded'; code: string; status: 'closed' | 'evaluating' | 'escalated'; when?: string; remedies?: string[] }
  | { type: 'notice'; notice: Notice };

export type Remedy = 'repair' | 'replacement' | 'compensation' | 'refund' | 'apology' | 'explanation';

/** What the engine may ask of the world; all pure (the model is loaded once, the rest is data). */
export interface EngineContext {
  company: string;
  privacyUrl: string;
  trackUrl?: string;
  /** When a person will answer, already phrased in the language ("today by 17:30"). */
  personWhen(lang: BotLang): string;
  detectLanguage(text: string): { lang: string; confidence: number } | null;
  classify(text: string): Classification;
  /** The conversation is with people (waiting or assigned): the bot keeps quiet. */
  withPeople: boolean;
}

export interface StepResult {
  state: IntakeState;
  replies: Reply[];
  effects: Effect[];
}
