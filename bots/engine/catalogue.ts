/**
 * Message catalogues: every sentence the bot says, per language, plus the words it understands.
 * Written natively in each language; a missing key is a type error, so no English can leak.
 */
export const botLanguages = ['en', 'it', 'ro', 'fa', 'ru', 'pt'] as const;
export type BotLang = (typeof botLanguages)[number];

export interface SummaryFields {
  name?: string;
  phone?: string;
  email?: string;
  product?: string;
  orderRef?: string;
  description: string;
  attachments: number;
}

export interface Catalogue {
  /** The language's own name, as offered in a language switch. */
  languageName: string;
  greeting: (p: { company: string }) => string;
  /** The privacy notice and the consent question. */
  consent: (p: { url: string }) => string;
  consentDeclined: string;
  askName: string;
  askContact: string;
  /** When the phone is known from the platform: e-mail is optional. */
  askEmailOptional: (p: { phone: string }) => string;
  askProduct: string;
  askOrderRef: string;
  askDescription: string;
  askMore: string;
  gotAttachment: (p: { count: number }) => string;
  /** Acknowledges details taken from a message before asking the next question. */
  noted: string;
  summary: (p: SummaryFields) => string;
  askWhatToChange: string;
  /** Field labels, also used as quick replies when changing something. */
  fieldName: string;
  fieldContact: string;
  fieldProduct: string;
  fieldOrderRef: string;
  fieldDescription: string;
  invalidName: string;
  invalidContact: string;
  invalidEmail: string;
  invalidGeneric: string;
  /** After three failed tries: the bot moves on and reminds of the way to a person. */
  movingOn: string;
  emptyMessage: string;
  acknowledgement: (p: { code: string; pin: string; trackUrl?: string }) => string;
  routineAnswerIntro: string;
  doesThisSolveIt: string;
  answerAccepted: string;
  answerRejected: string;
  /** `when` is a formatted date and time ("Tue 24 Nov, 17:29"): the tenant's deadline for a person's answer. */
  interimReply: (p: { when: string }) => string;
  handoffAsked: (p: { when: string }) => string;
  askSurvey: string;
  surveyComment: string;
  surveyThanks: string;
  invalidScore: string;
  askPin: (p: { code: string }) => string;
  trackStatus: (p: { code: string; status: string; updated: string }) => string;
  trackNotFound: string;
  withPeople: string;
  addedToComplaint: (p: { code: string }) => string;
  restarted: string;
  languageSwitched: string;
  /** The agent's proposal (seed 003), put to the customer with accept/reject quick replies. */
  proposal: (p: { code: string; remedy: string; text: string }) => string;
  remedyNames: Readonly<Record<'repair' | 'replacement' | 'compensation' | 'refund' | 'apology' | 'explanation', string>>;
  accept: string;
  reject: string;
  askProposalDecision: string;
  askRejectReason: string;
  proposalAccepted: (p: { code: string }) => string;
  /** `when`: the end of the second evaluation round, formatted. */
  secondRound: (p: { code: string; when: string }) => string;
  /** `remedies`: one line per external remedy configured for the tenant (ombudsman, regulator, ADR). */
  escalated: (p: { code: string; remedies: string }) => string;
  noRemediesConfigured: string;
  statusChanged: (p: { code: string; status: string }) => string;
  /** Seed 004: the customer is told when an answer will take longer than promised. */
  delayNotice: (p: { code: string; when: string }) => string;
  // Quick-reply labels
  yes: string;
  no: string;
  skip: string;
  done: string;
  confirm: string;
  change: string;
  talkToPerson: string;
  /** Words (lower case, accents as typed) the bot recognises in this language. */
  words: {
    yes: string[];
    no: string[];
    skip: string[];
    done: string[];
    human: string[];
    restart: string[];
  };
}
