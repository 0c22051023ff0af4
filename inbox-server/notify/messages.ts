/**
 * The texts of e-mails and SMS. Staff get English (the desk's working language); a caller gets
 * the complaint's language, worded as the chat bot words the same thing (bots/engine/catalogues).
 * Pure: every value is passed in, secrets included (the outbox passes a marker, not the PIN).
 */
import { statusLabel, type ComplaintStatus } from '../../db/domain/complaint-status';

export interface MailText {
  subject: string;
  text: string;
}

/** The complaint fields the texts show. */
export interface ComplaintFacts {
  code: string;
  status: string;
  round: number;
  category: string | null;
  severity: string | null;
  product: string | null;
  channel: string;
  language: string;
  description: string;
  receivedAt: Date;
}

export const callerLanguages = ['en', 'it', 'ro', 'fa', 'ru', 'pt'] as const;
export type CallerLanguage = (typeof callerLanguages)[number];

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const excerpt = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const indent = (s: string) => s.split('\n').map((l) => `  ${l}`).join('\n');

/** "Monday 23 November 2026, 17:00 (Europe/Rome)": staff read times in the desk's own zone. */
export function staffTime(at: Date, timeZone: string): string {
  // Assembled from parts: the punctuation of a formatted date differs between ICU versions.
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} (${timeZone})`;
}

function factsBlock(c: ComplaintFacts, timeZone: string): string {
  return [
    `Tracking code: ${c.code}`,
    `Received:      ${staffTime(c.receivedAt, timeZone)} by ${c.channel}`,
    `Status:        ${statusLabel(c.status as ComplaintStatus, 'en') ?? c.status}${c.round > 1 ? ` (round ${c.round})` : ''}`,
    `Category:      ${c.category ?? 'not classified'}`,
    `Severity:      ${c.severity ?? 'not classified'}`,
    ...(c.product ? [`Product:       ${oneLine(c.product)}`] : []),
    `Language:      ${c.language}`,
    '',
    "The customer's description:",
    indent(excerpt(c.description.trim(), 2000)),
  ].join('\n');
}

const signature = (tenantName: string) => `\n\n-- \nOmbuds complaint desk for ${oneLine(tenantName)}. This message was sent automatically; the complaint and its full history are in the inbox.`;
const subjectOf = (tenantName: string, what: string) => `[${excerpt(oneLine(tenantName), 60)}] ${what}`;

/** To the client company's responsible person when a routine answer went out (seed 000). */
export function routineAnswerMail(p: { complaint: ComplaintFacts; tenantName: string; timeZone: string; answerText?: string | null }): MailText {
  const c = p.complaint;
  const answer = p.answerText?.trim()
    ? `\n\nThe answer sent to the customer:\n${indent(excerpt(p.answerText.trim(), 4000))}`
    : '';
  return {
    subject: subjectOf(p.tenantName, `Routine answer sent for complaint ${c.code}`),
    text: `Hello,\n\ncomplaint ${c.code} was answered with the predefined answer agreed for its category. `
      + 'No action is needed unless the customer rejects the answer; you will be told if the complaint is escalated.'
      + `\n\n${factsBlock(c, p.timeZone)}${answer}${signature(p.tenantName)}`,
  };
}

/** To the client company's responsible person when a complaint is escalated (seed 000, seed 003). */
export function escalationMail(p: { complaint: ComplaintFacts; tenantName: string; timeZone: string }): MailText {
  const c = p.complaint;
  return {
    subject: subjectOf(p.tenantName, `Complaint ${c.code} escalated`),
    text: `Hello,\n\ncomplaint ${c.code} has been escalated: the customer did not accept the solution proposed in round ${c.round}. `
      + 'The customer has been told about the external remedies open to them. A supervisor should review the case and decide how to settle it.'
      + `\n\n${factsBlock(c, p.timeZone)}${signature(p.tenantName)}`,
  };
}

const stageNames: Readonly<Record<string, string>> = {
  receipt: 'receipt and preliminary review',
  evaluation: 'evaluation',
  closure: 'closure',
  first_answer: 'first answer promised to the customer',
};

/** To each supervisor when a deadline is missed. */
export function breachMail(p: {
  complaint: ComplaintFacts; tenantName: string; timeZone: string; stage: string; dueAt: Date; assignedTo?: string | null;
}): MailText {
  const c = p.complaint;
  const stage = stageNames[p.stage] ?? p.stage;
  const who = p.assignedTo ? `It is assigned to ${oneLine(p.assignedTo)}.` : 'Nobody is assigned to it.';
  const promise = p.stage === 'first_answer'
    ? 'The customer was promised a first substantive answer by then and has not had one yet.'
    : `Its status is still "${statusLabel(c.status as ComplaintStatus, 'en') ?? c.status}".`;
  return {
    subject: subjectOf(p.tenantName, `Deadline missed: complaint ${c.code} (${stage})`),
    text: `Hello,\n\nthe ${stage} deadline of complaint ${c.code} passed on ${staffTime(p.dueAt, p.timeZone)}. ${promise} ${who}`
      + `\n\n${factsBlock(c, p.timeZone)}${signature(p.tenantName)}`,
  };
}

interface CallerTexts {
  sms: (p: { company: string; code: string; pin: string; trackUrl?: string }) => string;
  subject: (p: { company: string; code: string }) => string;
  mail: (p: { company: string; code: string; pin: string; trackUrl?: string }) => string;
}

// The terms follow the chat bot's catalogues: it "Codice reclamo", ro "Cod de urmărire",
// fa "کد پیگیری"/"رمز", ru "Номер жалобы"/"ПИН-код", pt (Brazil) "Protocolo"/"Senha".
const caller: Readonly<Record<CallerLanguage, CallerTexts>> = {
  en: {
    sms: ({ company, code, pin, trackUrl }) => `${company}: your complaint is registered.\nTracking code: ${code}\nPIN: ${pin}\nKeep them to check where it stands${trackUrl ? ` at ${trackUrl}` : ''}. Do not share the PIN.`,
    subject: ({ company, code }) => `${company}: your complaint ${code}`,
    mail: ({ company, code, pin, trackUrl }) => `Hello,\n\nthank you for calling ${company}. Your complaint is registered.\n\nTracking code: ${code}\nPIN: ${pin}\n\n`
      + `Please keep them: with the code and the PIN you can check where your complaint stands${trackUrl ? ` at ${trackUrl}` : ''}. Do not share the PIN with anyone.\n\nKind regards,\n${company}`,
  },
  it: {
    sms: ({ company, code, pin, trackUrl }) => `${company}: il suo reclamo è stato registrato.\nCodice reclamo: ${code}\nPIN: ${pin}\nLi conservi per sapere a che punto è il reclamo${trackUrl ? ` su ${trackUrl}` : ''}. Non comunichi il PIN a nessuno.`,
    subject: ({ company, code }) => `${company}: il suo reclamo ${code}`,
    mail: ({ company, code, pin, trackUrl }) => `Gentile cliente,\n\nla ringraziamo per aver chiamato ${company}. Il suo reclamo è stato registrato.\n\nCodice reclamo: ${code}\nPIN: ${pin}\n\n`
      + `Li conservi: con il codice e il PIN può sapere in qualsiasi momento a che punto è il suo reclamo${trackUrl ? ` su ${trackUrl}` : ''}. Non comunichi il PIN a nessuno.\n\nCordiali saluti,\n${company}`,
  },
  ro: {
    sms: ({ company, code, pin, trackUrl }) => `${company}: reclamația dumneavoastră a fost înregistrată.\nCod de urmărire: ${code}\nPIN: ${pin}\nPăstrați-le pentru a afla stadiul reclamației${trackUrl ? ` pe ${trackUrl}` : ''}. Nu comunicați PIN-ul nimănui.`,
    subject: ({ company, code }) => `${company}: reclamația dumneavoastră ${code}`,
    mail: ({ company, code, pin, trackUrl }) => `Bună ziua,\n\nvă mulțumim că ați sunat la ${company}. Reclamația dumneavoastră a fost înregistrată.\n\nCod de urmărire: ${code}\nPIN: ${pin}\n\n`
      + `Vă rugăm să le păstrați: cu acest cod și cu PIN-ul puteți afla oricând stadiul reclamației${trackUrl ? ` pe ${trackUrl}` : ''}. Nu comunicați PIN-ul nimănui.\n\nCu stimă,\n${company}`,
  },
  fa: {
    sms: ({ company, code, pin, trackUrl }) => `${company}: شکایت شما ثبت شد.\nکد پیگیری: ${code}\nرمز: ${pin}\nاین دو را نگه دارید تا از وضعیت شکایت خود باخبر شوید${trackUrl ? ` (${trackUrl})` : ''}. رمز را در اختیار هیچ‌کس قرار ندهید.`,
    subject: ({ company, code }) => `${company}: شکایت شما با کد پیگیری ${code}`,
    mail: ({ company, code, pin, trackUrl }) => `با سلام،\n\nاز تماس شما با ${company} سپاسگزاریم. شکایت شما ثبت شد.\n\nکد پیگیری: ${code}\nرمز: ${pin}\n\n`
      + `لطفاً این دو را نگه دارید: با کد پیگیری و رمز، هر زمان می‌توانید از وضعیت شکایت خود باخبر شوید${trackUrl ? ` (${trackUrl})` : ''}. رمز را در اختیار هیچ‌کس قرار ندهید.\n\nبا احترام،\n${company}`,
  },
  ru: {
    sms: ({ company, code, pin, trackUrl }) => `${company}: ваша жалоба зарегистрирована.\nНомер жалобы: ${code}\nПИН-код: ${pin}\nСохраните их, чтобы следить за ходом рассмотрения${trackUrl ? ` на ${trackUrl}` : ''}. Никому не сообщайте ПИН-код.`,
    subject: ({ company, code }) => `${company}: ваша жалоба ${code}`,
    mail: ({ company, code, pin, trackUrl }) => `Здравствуйте!\n\nСпасибо, что обратились в ${company}. Ваша жалоба зарегистрирована.\n\nНомер жалобы: ${code}\nПИН-код: ${pin}\n\n`
      + `Сохраните их: по номеру и ПИН-коду вы в любой момент узнаете, на каком этапе рассмотрение${trackUrl ? ` (${trackUrl})` : ''}. Никому не сообщайте ПИН-код.\n\nС уважением,\n${company}`,
  },
  pt: {
    sms: ({ company, code, pin, trackUrl }) => `${company}: sua reclamação foi registrada.\nProtocolo: ${code}\nSenha: ${pin}\nGuarde esses dados para acompanhar o andamento${trackUrl ? ` em ${trackUrl}` : ''}. Não compartilhe a senha com ninguém.`,
    subject: ({ company, code }) => `${company}: sua reclamação, protocolo ${code}`,
    mail: ({ company, code, pin, trackUrl }) => `Olá,\n\nobrigado por entrar em contato com ${company}. Sua reclamação foi registrada.\n\nProtocolo: ${code}\nSenha: ${pin}\n\n`
      + `Guarde esses dados: com o protocolo e a senha você acompanha o andamento da sua reclamação a qualquer momento${trackUrl ? ` em ${trackUrl}` : ''}. Não compartilhe a senha com ninguém.\n\nAtenciosamente,\n${company}`,
  },
};

const callerTexts = (lang: string): CallerTexts => caller[(callerLanguages as readonly string[]).includes(lang) ? (lang as CallerLanguage) : 'en'];

/** The SMS a phone caller gets with the tracking code and PIN, in the complaint's language. */
export function callerSms(p: { lang: string; company: string; code: string; pin: string; trackUrl?: string }): string {
  return callerTexts(p.lang).sms({ ...p, company: oneLine(p.company) });
}

/** The same by e-mail, for a caller without a mobile number. */
export function callerMail(p: { lang: string; company: string; code: string; pin: string; trackUrl?: string }): MailText {
  const t = callerTexts(p.lang);
  const company = oneLine(p.company);
  return { subject: t.subject({ company, code: p.code }), text: t.mail({ ...p, company }) };
}

/** Subject of any other e-mail to the customer about their complaint (e.g. a delay notice). */
export function customerSubject(p: { lang: string; company: string; code: string }): string {
  return callerTexts(p.lang).subject({ company: oneLine(p.company), code: p.code });
}
