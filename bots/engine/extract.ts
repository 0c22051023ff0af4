/**
 * Reads what a customer already said: e-mail, phone (libphonenumber-js), order/invoice number and
 * name, in the six languages, so the bot does not ask for them again.
 */
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { BotLang } from './catalogue';

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;

/** The country a bare local number most likely belongs to, by conversation language. */
export const defaultCountry: Readonly<Record<BotLang, CountryCode>> = { en: 'GB', it: 'IT', ro: 'RO', fa: 'IR', ru: 'RU', pt: 'BR' };

/** Persian and Arabic-Indic digits as ASCII, so numbers typed in Persian are understood. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

export function findEmail(text: string): string | null {
  const match = emailPattern.exec(text);
  return match ? match[0].toLowerCase().replace(/\.$/, '') : null;
}

export function findPhone(text: string, lang: BotLang): string | null {
  const plain = asciiDigits(text).replace(emailPattern, ' ');
  const found = findPhoneNumbersInText(plain, { defaultCountry: defaultCountry[lang] });
  const valid = found.find((f) => f.number.isValid());
  return valid ? valid.number.number : null;
}

/** A whole answer that is a phone number ("0721 123 456", "+39 333 1234567"). */
export function parsePhone(text: string, lang: BotLang): string | null {
  const parsed = parsePhoneNumberFromString(asciiDigits(text).trim(), defaultCountry[lang]);
  return parsed?.isValid() ? parsed.number : findPhone(text, lang);
}

const orderWords = [
  'order', 'invoice', 'bill', 'contract', 'account', 'ref', 'reference', 'customer number', 'meter',
  'ordine', 'fattura', 'bolletta', 'contratto', 'codice cliente', 'pratica', 'pod', 'pdr',
  'comanda', 'comanda nr', 'factura', 'factură', 'contract', 'cod client', 'cod', 'loc de consum', 'contor',
  'заказ', 'счет', 'счёт', 'договор', 'лицевой счет', 'лицевой счёт', 'номер',
  'سفارش', 'فاکتور', 'قبض', 'شناسه', 'کد', 'شماره اشتراک', 'شماره سفارش', 'قرارداد',
  'pedido', 'nota fiscal', 'fatura', 'protocolo', 'contrato', 'conta', 'número do pedido',
];
const orderPattern = new RegExp(
  `(?:${orderWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\p{L}*\\s*(?:no\\.?|n\\.?|nr\\.?|nº|n°|#|№|number|numero|número|număr(?:ul)?|номер|شماره)?\\s*[:#№]?\\s*([A-Z0-9][A-Z0-9/_-]{3,30})`,
  'iu',
);

/** An order, invoice, contract or customer number mentioned with its word ("ordine n. 4500123"). */
export function findOrderRef(text: string): string | null {
  const match = orderPattern.exec(asciiDigits(text));
  if (!match) return null;
  const ref = match[1]!.replace(/[-/_]+$/, '');
  return /\d/.test(ref) ? ref : null;
}

/** A bare reference typed as an answer ("4500123", "FT-2024/0098"). */
export function parseOrderRef(text: string): string | null {
  const named = findOrderRef(text);
  if (named) return named;
  const t = asciiDigits(text).trim().replace(/^(?:#|№|n\.?\s*|nr\.?\s*)/i, '');
  if (/^[A-Z0-9][A-Z0-9/_.-]{2,40}$/i.test(t) && /\d/.test(t)) return t;
  return null;
}

/** A phrase whose first letter may be upper or lower case ("Меня зовут", "меня зовут"). */
const anyCase = (phrases: string[]) => phrases.map((p) => `[${p[0]!.toUpperCase()}${p[0]!.toLowerCase()}]${p.slice(1)}`).join('|');
const capitalised = "([\\p{Lu}][\\p{L}'’-]+(?:\\s+[\\p{Lu}][\\p{L}'’-]+){0,3})";

const namePatterns: RegExp[] = [
  new RegExp(`(?<![\\p{L}])(?:${anyCase(['my name is', "i'm", 'i am', 'this is'])})\\s+${capitalised}`, 'u'),
  new RegExp(`(?<![\\p{L}])(?:${anyCase(['mi chiamo', 'il mio nome è', 'sono'])})\\s+${capitalised}`, 'u'),
  new RegExp(`(?<![\\p{L}])(?:${anyCase(['mă numesc', 'ma numesc', 'numele meu este', 'numele meu e', 'sunt'])})\\s+${capitalised}`, 'u'),
  new RegExp(`(?<![\\p{L}])(?:${anyCase(['меня зовут', 'моё имя', 'мое имя', 'это'])})\\s+${capitalised}`, 'u'),
  new RegExp(`(?<![\\p{L}])(?:${anyCase(['meu nome é', 'meu nome e', 'me chamo', 'sou o', 'sou a'])})\\s+${capitalised}`, 'u'),
  /(?:اسم من|اسمم)\s+([\p{L}\u200c]+(?:\s+[\p{L}\u200c]+){0,2}?)\s*(?:است|هست|هستم)/u,
  /(?:^|\s)من\s+([\p{L}\u200c]+(?:\s+[\p{L}\u200c]+)?)\s+هستم/u,
];

/** "My name is Maria Rossi" and its equivalents. Capitalised names only, except in Persian script. */
export function findName(text: string): string | null {
  for (const pattern of namePatterns) {
    const match = pattern.exec(text);
    if (match) return match[1]!.trim();
  }
  return null;
}

const nameIntro = /^(?:hi|hello|ciao|salut|привет|سلام|olá|oi)?[,!\s]*(?:my name is|my name's|i am|i'm|it's|this is|name:?|mi chiamo|il mio nome è|sono|mă numesc|ma numesc|numele meu este|numele meu e|sunt|меня зовут|я|это|meu nome é|meu nome e|me chamo|sou o|sou a|sou|اسم من|اسمم|من)\s+/iu;
const nameOutro = /\s+(?:است|هست|هستم|هستش)$/u;

/** A whole answer to "What is your name?": letters, 2–80 characters, at most five words. */
export function parseName(text: string): string | null {
  const found = findName(text);
  if (found) return found;
  const t = text.trim().replace(/[.!]+$/, '').replace(nameIntro, '').replace(nameOutro, '').trim();
  if (t.length < 2 || t.length > 80) return null;
  if (!/^[\p{L}][\p{L}\p{M}'’ .\u200c-]*$/u.test(t)) return null;
  if (t.split(/\s+/).length > 5) return null;
  return t;
}

/** True when a message has nothing but emoji, symbols or whitespace. */
export function isBlank(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** A short answer as compared with word lists: case, final punctuation and common variants folded. */
export function normaliseWord(text: string): string {
  return text.trim().toLowerCase()
    .replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\u200c/g, ' ')
    .replace(/ё/g, 'е').replace(/ş/g, 'ș').replace(/ţ/g, 'ț').replace(/[’‘]/g, "'")
    .replace(/[.!?¡¿。،؟]+$/u, '').replace(/\s+/g, ' ');
}
