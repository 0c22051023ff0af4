/** What a short answer means: yes, no, skip, done, a person, restart, a language, a score. */
import { botLanguages, type BotLang, type Catalogue } from './catalogue';
import { catalogues } from './catalogues';
import { normaliseWord } from './extract';

export type Intent = 'yes' | 'no' | 'skip' | 'done' | 'human' | 'restart';

function labelsFor(intent: Intent, c: Catalogue): string[] {
  const label = { yes: [c.yes, c.confirm, c.accept], no: [c.no, c.change, c.reject], skip: [c.skip], done: [c.done], human: [c.talkToPerson], restart: [] }[intent];
  return [...c.words[intent], ...label].map(normaliseWord);
}

/**
 * True when the message is one of the intent's words in the conversation language or English, or
 * a short message that starts with one ("yes please", "sì, certo", "да, всё верно").
 */
export function means(text: string, intent: Intent, lang: BotLang): boolean {
  const w = normaliseWord(text);
  if (!w) return false;
  const words = w.split(/[\s,;:!]+/u).filter(Boolean);
  for (const l of new Set<BotLang>([lang, 'en'])) {
    const list = labelsFor(intent, catalogues[l]);
    if (list.includes(w)) return true;
    if (words.length <= 6 && (intent === 'yes' || intent === 'no')) {
      for (let n = Math.min(3, words.length - 1); n >= 1; n--) if (list.includes(words.slice(0, n).join(' '))) return true;
    }
  }
  return false;
}

/**
 * "human", "operatore", "оператор"… in any of the languages. A single word counts only as a whole
 * word of a short message ("agent please"; long words also inflected: "оператором"), a phrase
 * anywhere in a short one: "l'operatore mi ha
 * detto…" or "dati personali" inside a complaint must not hand the customer over by accident.
 */
export function asksForPerson(text: string): boolean {
  const w = normaliseWord(text);
  if (w.length > 80) return false;
  const tokens = w.split(/[\s,;:!?.]+/u).filter(Boolean);
  return botLanguages.some((l) => {
    const c = catalogues[l];
    if (normaliseWord(c.talkToPerson) === w) return true;
    return c.words.human.map(normaliseWord).some((h) => (h.includes(' ') ? w.includes(h) : tokens.length <= 8 && tokens.some((t) => t === h || (h.length >= 6 && t.startsWith(h)))));
  });
}

export function asksRestart(text: string): boolean {
  const w = normaliseWord(text);
  return botLanguages.some((l) => catalogues[l].words.restart.map(normaliseWord).includes(w));
}

/** A language named by the customer ("italiano", "по-русски", "فارسی"). */
export function namedLanguage(text: string): BotLang | null {
  const w = normaliseWord(text);
  for (const l of botLanguages) {
    if (normaliseWord(catalogues[l].languageName) === w) return l;
  }
  const aliases: Record<string, BotLang> = {
    english: 'en', inglese: 'en', engleza: 'en', 'engleză': 'en', 'английский': 'en', 'انگلیسی': 'en', 'inglês': 'en', ingles: 'en',
    italian: 'it', italiano: 'it', 'italiană': 'it', italiana: 'it', 'итальянский': 'it',
    romanian: 'ro', romana: 'ro', 'română': 'ro', 'rumeno': 'ro', 'румынский': 'ro', romeno: 'ro',
    persian: 'fa', farsi: 'fa', 'فارسی': 'fa', 'персидский': 'fa', persa: 'fa', persiano: 'fa',
    russian: 'ru', 'русский': 'ru', 'по-русски': 'ru', russo: 'ru', rusa: 'ru', 'روسی': 'ru',
    portuguese: 'pt', 'português': 'pt', portugues: 'pt', portoghese: 'pt', 'португальский': 'pt',
  };
  return aliases[w] ?? null;
}

/** A satisfaction score 1–5 typed as a digit (also Persian digits) or chosen from the buttons. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const m = /^([1-5])(?:\s*\/\s*5)?(?:\s*[⭐★]+)?[.!]?$/u.exec(t) ?? /^[⭐★]{1,5}$/u.exec(t);
  if (!m) return null;
  return m[1] ? Number(m[1]) : t.length;
}

/** A six-digit PIN typed on its own. */
export function parsePin(text: string): string | null {
  const t = text.trim().replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/\s/g, '');
  return /^\d{6}$/.test(t) ? t : null;
}
