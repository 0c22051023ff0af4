/**
 * The bot's message catalogues: every language has every sentence of the English one, written in its
 * own language and script, with the parameters it is given, short button labels, and word lists
 * that the understanding code (bots/engine/understand.ts) can match.
 */
import { botLanguages, type BotLang, type Catalogue } from '../../../bots/engine/catalogue';
import { catalogues } from '../../../bots/engine/catalogues';
import { asciiDigits, normaliseWord } from '../../../bots/engine/extract';
import { asksForPerson, asksRestart, means, namedLanguage, type Intent } from '../../../bots/engine/understand';

type Key = keyof Catalogue;
type FnKey = { [K in Key]: Catalogue[K] extends (p: never) => string ? K : never }[Key];
type WordList = keyof Catalogue['words'];

const en = catalogues.en;
const others = botLanguages.filter((l): l is Exclude<BotLang, 'en'> => l !== 'en');

/** Sample parameters for every function entry (a new function in the interface must be added here). */
const samples: { [K in FnKey]: Parameters<Catalogue[K]>[0][] } = {
  greeting: [{ company: 'Acme Energia' }],
  consent: [{ url: 'https://example.org/privacy' }],
  askEmailOptional: [{ phone: '+393331234567' }],
  gotAttachment: [{ count: 1 }, { count: 3 }],
  summary: [
    { name: 'Maria Rossi', phone: '+393331234567', email: 'maria@example.org', product: 'Contatore 12345', orderRef: 'FT-2024/0098', description: 'Bolletta doppia a marzo', attachments: 2 },
    { description: 'Bolletta doppia a marzo', attachments: 0 },
  ],
  acknowledgement: [{ code: 'K7QX-M2PD', pin: '042917' }, { code: 'K7QX-M2PD', pin: '042917', trackUrl: 'https://example.org/track' }],
  interimReply: [{ when: '⟨W1⟩' }],
  handoffAsked: [{ when: '⟨W2⟩' }],
  askPin: [{ code: 'K7QX-M2PD' }],
  trackStatus: [{ code: 'K7QX-M2PD', status: '⟨S⟩', updated: '2025-03-14 10:30' }],
  addedToComplaint: [{ code: 'K7QX-M2PD' }],
  proposal: [{ code: 'K7QX-M2PD', remedy: '⟨R⟩', text: '⟨T⟩' }],
  proposalAccepted: [{ code: 'K7QX-M2PD' }],
  secondRound: [{ code: 'K7QX-M2PD', when: '⟨W3⟩' }],
  escalated: [{ code: 'K7QX-M2PD', remedies: '⟨L⟩' }],
  statusChanged: [{ code: 'K7QX-M2PD', status: '⟨S⟩' }],
  delayNotice: [{ code: 'K7QX-M2PD', when: '⟨W4⟩' }],
};

const isFnKey = (k: Key): k is FnKey => k in samples;
const labelKeys = ['yes', 'no', 'skip', 'done', 'confirm', 'change', 'talkToPerson', 'fieldName', 'fieldContact', 'fieldProduct', 'fieldOrderRef', 'fieldDescription'] as const;
const wordLists: readonly WordList[] = ['yes', 'no', 'skip', 'done', 'human', 'restart'];

interface Rendered { key: string; text: string; params: string[] }

/** Every sentence of a catalogue: strings as they are, functions called with each sample. */
function rendered(c: Catalogue): Rendered[] {
  const out: Rendered[] = [];
  for (const key of Object.keys(en) as Key[]) {
    if (key === 'words') continue;
    if (key === 'remedyNames') {
      for (const [remedy, text] of Object.entries(c.remedyNames)) out.push({ key: `remedyNames.${remedy}`, text, params: [] });
      continue;
    }
    if (isFnKey(key)) {
      for (const p of samples[key]) {
        const text = (c[key] as (q: typeof p) => string)(p);
        const params = Object.values(p).filter((v) => typeof v === 'string' || (typeof v === 'number' && v > 1)).map(String);
        out.push({ key, text, params });
      }
    } else {
      out.push({ key, text: c[key] as string, params: [] });
    }
  }
  return out;
}

/** The text without its parameters: what the catalogue itself wrote. */
const own = (r: Rendered): string => r.params.reduce((t, p) => t.split(p).join(' '), r.text);

const commonEnglish = [
  'complaint', 'please', 'thank', 'thanks', 'your', 'the', 'hello', 'sorry', 'skip', 'done', 'agree', 'person', 'name',
  'phone', 'tracking', 'code', 'privacy', 'order', 'invoice', 'status', 'yes', 'agent', 'team', 'feedback', 'chat',
  'file', 'update', 'you', 'what', 'with', 'and',
];
const englishWord = new RegExp(`(?<!\\p{L})(?:${commonEnglish.join('|')})(?!\\p{L})`, 'iu');

describe.each(others)('the %s catalogue', (lang) => {
  const c = catalogues[lang];

  it('when compared with English, then every key exists with the same kind of value and is not empty', () => {
    for (const key of Object.keys(en) as Key[]) {
      expect({ key, type: typeof c[key] }).toEqual({ key, type: typeof en[key] });
      if (typeof c[key] === 'string') expect({ key, text: (c[key] as string).trim() }).not.toEqual({ key, text: '' });
    }
    for (const list of wordLists) expect({ list, size: c.words[list].length > 0 }).toEqual({ list, size: true });
  });

  it('when function entries are called with sample parameters, then every text holds its parameters and nothing undefined', () => {
    for (const r of rendered(c)) {
      const text = asciiDigits(r.text);
      for (const p of r.params) expect({ key: r.key, holds: text.includes(p), p }).toEqual({ key: r.key, holds: true, p });
      expect({ key: r.key, text: r.text }).not.toEqual({ key: r.key, text: expect.stringMatching(/undefined|null|NaN|\[object/) });
      expect({ key: r.key, text: r.text.trim() }).not.toEqual({ key: r.key, text: '' });
    }
  });

  it('when a complaint is acknowledged, then the text gives both the code and the PIN, and the tracking page only when there is one', () => {
    const plain = c.acknowledgement({ code: 'K7QX-M2PD', pin: '042917' });
    expect(plain).toContain('K7QX-M2PD');
    expect(plain).toContain('042917');
    expect(plain).not.toMatch(/https?:/);
    const withPage = c.acknowledgement({ code: 'K7QX-M2PD', pin: '042917', trackUrl: 'https://example.org/track' });
    expect(withPage).toContain('https://example.org/track');
  });

  it('when consent is asked, then the privacy notice address is in the text', () => {
    expect(c.consent({ url: 'https://example.org/privacy' })).toContain('https://example.org/privacy');
  });

  it('when any text is rendered, then it holds none of the common English words', () => {
    for (const r of rendered(c)) {
      const found = englishWord.exec(own(r))?.[0] ?? null;
      expect({ key: r.key, found }).toEqual({ key: r.key, found: null });
    }
  });

  it('when the survey asks for a score, then the 1 to 5 scale is stated', () => {
    for (const text of [c.askSurvey, c.invalidScore].map(asciiDigits)) {
      expect(text).toMatch(/1/);
      expect(text).toMatch(/5/);
    }
  });

  it('when a text tells people which button to press, then it names the button label', () => {
    expect(c.askMore.toLowerCase()).toContain(c.done.toLowerCase());
    for (const text of [c.askOrderRef, c.invalidEmail, c.surveyComment, c.askEmailOptional({ phone: '+393331234567' })]) {
      expect(text.toLowerCase()).toContain(c.skip.toLowerCase());
    }
  });

  it('when the language is named by its own name, then it is recognised as this language', () => {
    expect(namedLanguage(c.languageName)).toBe(lang);
    expect(namedLanguage(c.languageName.toLowerCase())).toBe(lang);
  });
});

describe.each(['fa', 'ru'] as const)('the %s script', (lang) => {
  const script = { fa: /\p{Script=Arabic}/u, ru: /\p{Script=Cyrillic}/u }[lang];

  it('when any text is rendered, then every letter apart from the parameters is in the language’s own script', () => {
    for (const r of rendered(catalogues[lang])) {
      const foreign = [...own(r)].filter((ch) => /\p{L}/u.test(ch) && !script.test(ch)).join('');
      expect({ key: r.key, foreign }).toEqual({ key: r.key, foreign: '' });
      expect({ key: r.key, latinRun: /[A-Za-z]{2,}/.test(own(r)) }).toEqual({ key: r.key, latinRun: false });
    }
  });

  it('when the word lists are read, then the only Latin entries are the universal "/start" and "ok"', () => {
    const latin = wordLists.flatMap((l) => catalogues[lang].words[l]).filter((w) => /[A-Za-z]/.test(w));
    expect(latin.filter((w) => w !== '/start' && w !== 'ok')).toEqual([]);
  });
});

describe('Persian punctuation', () => {
  it('when Persian texts ask a question or list things, then they use ؟ and ، rather than ? and ,', () => {
    for (const r of rendered(catalogues.fa)) {
      expect({ key: r.key, latin: /[?,;]/.test(own(r)) }).toEqual({ key: r.key, latin: false });
    }
    expect(catalogues.fa.consent({ url: 'https://example.org/privacy' })).toMatch(/؟/);
  });
});

describe('Romanian diacritics', () => {
  it('when Romanian texts are rendered, then they use comma-below ș ț and never the cedilla ş ţ', () => {
    const all = rendered(catalogues.ro).map(own).join('\n');
    expect(all).not.toMatch(/[şţŞŢ]/);
    expect(all).toMatch(/ș/);
    expect(all).toMatch(/ț/);
    expect(all).toMatch(/[ăâî]/);
  });
});

describe.each(botLanguages)('the %s buttons and words', (lang) => {
  const c = catalogues[lang];

  it('when quick-reply labels are shown, then each is at most 20 characters (WhatsApp buttons)', () => {
    for (const key of labelKeys) expect({ key, long: [...c[key]].length > 20 }).toEqual({ key, long: false });
  });

  it('when the field labels are offered for a change, then they are distinct and none reads as yes or no', () => {
    const fields = [c.fieldName, c.fieldContact, c.fieldProduct, c.fieldOrderRef, c.fieldDescription].map((f) => f.toLowerCase());
    expect(new Set(fields).size).toBe(fields.length);
    for (const f of fields) expect({ f, yes: means(f, 'yes', lang), no: means(f, 'no', lang) }).toEqual({ f, yes: false, no: false });
  });

  it('when the word lists are matched, then every entry is lower case and already normalised, and restart holds "/start"', () => {
    for (const list of wordLists) {
      for (const w of c.words[list]) expect({ list, w }).toEqual({ list, w: w.toLowerCase().trim() });
    }
    expect(c.words.restart).toContain('/start');
  });

  it('when a word means yes, then it never also means no in the same language', () => {
    expect(c.words.yes.filter((w) => c.words.no.includes(w))).toEqual([]);
  });

  it('when an answer word (yes, no, skip, done) is typed, then it neither restarts nor asks for a person', () => {
    for (const list of ['yes', 'no', 'skip', 'done'] as const) {
      for (const w of c.words[list]) expect({ list, w, restart: asksRestart(w), human: asksForPerson(w) }).toEqual({ list, w, restart: false, human: false });
    }
  });

  it('when the "talk to a person" button is tapped or the word named in the moving-on message is typed, then a person is asked for', () => {
    expect(asksForPerson(c.talkToPerson)).toBe(true);
    const named = /["«„“]([^"»”]+)["»”]/u.exec(c.movingOn)?.[1];
    expect(named).toBeDefined();
    expect(asksForPerson(named ?? '')).toBe(true);
    expect(c.words.human).toContain(normaliseWord(named ?? ''));
  });

  it('when the yes, no, skip, done and confirm buttons are tapped, then they are understood', () => {
    expect(means(c.yes, 'yes', lang)).toBe(true);
    expect(means(c.confirm, 'yes', lang)).toBe(true);
    expect(means(c.no, 'no', lang)).toBe(true);
    expect(means(c.change, 'no', lang)).toBe(true);
    expect(means(c.skip, 'skip', lang)).toBe(true);
    expect(means(c.done, 'done', lang)).toBe(true);
  });
});

/** What people really type, per language and intent. */
const typed: Record<Exclude<BotLang, 'en'>, Partial<Record<Intent, string[]>>> = {
  it: {
    yes: ['Sì', 'si', 'Certo', 'va bene', "d'accordo", 'ok'],
    no: ['No', 'non sono d’accordo', 'non risolto'],
    skip: ['salta', 'non ce l’ho', 'nessuno'],
    done: ['fatto', 'basta così', 'basta cosi', 'ho finito', 'è tutto'],
    human: ['operatore', 'Voglio parlare con un operatore', 'una persona vera per favore'],
  },
  ro: {
    yes: ['Da', 'sunt de acord', 'sigur', 'ok'],
    no: ['Nu', 'nu sunt de acord', 'greșit', 'gresit'],
    skip: ['sări', 'sari', 'sari peste', 'nu am', 'omite'],
    done: ['gata', 'Gata!', 'am terminat', 'atât', 'atat'],
    human: ['operator', 'om', 'vreau să vorbesc cu cineva', 'vreau sa vorbesc cu cineva'],
  },
  ru: {
    yes: ['Да', 'да', 'согласен', 'согласна', 'хорошо', 'всё верно'],
    no: ['Нет', 'не согласен', 'не помогло'],
    skip: ['пропустить', 'Пропустить', 'нету', 'дальше'],
    done: ['готово', 'всё', 'все', 'Это всё.', 'больше ничего'],
    human: ['оператор', 'Позовите оператора', 'соедините с оператором', 'живой человек'],
  },
  fa: {
    yes: ['بله', 'آره', 'اره', 'موافقم', 'باشه'],
    no: ['نه', 'خیر', 'نخیر', 'موافق نیستم'],
    skip: ['رد کردن', 'ندارم', 'بعدی'],
    done: ['تمام', 'تموم', 'همین', 'کافیه'],
    human: ['اپراتور', 'کارشناس', 'می‌خواهم با کارشناس صحبت کنم', 'میخوام با یه نفر صحبت کنم'],
  },
  pt: {
    yes: ['Sim', 'sim', 'ok', 'claro', 'concordo', 'tá bom', 'ta bom'],
    no: ['Não', 'nao', 'não concordo', 'não resolveu'],
    skip: ['pular', 'não tenho', 'nao tenho'],
    done: ['pronto', 'é só isso', 'so isso', 'mais nada'],
    human: ['atendente', 'quero falar com um atendente', 'atendimento humano', 'falar com uma pessoa'],
  },
};

/** Everyday short complaint messages that mention people without asking for one. */
const everyday: Record<Exclude<BotLang, 'en'>, string[]> = {
  it: ['in casa vive una sola persona', 'è stato un errore umano', 'siamo in quattro persone'],
  ro: ['a venit un om de la distribuție să citească contorul', 'locuiește o singură persoană aici', 'suntem trei oameni în casă'],
  ru: ['прописано 3 человека', 'начислили за двух человек', 'пришёл человек снимать показания', 'живёт один человек'],
  fa: ['یک آدم از شرکت آمد', 'با یک نفر صحبت کردم ولی فایده نداشت', 'در خانه سه نفر زندگی می‌کنند'],
  pt: ['foi erro humano na fatura', 'a operadora cortou minha luz', 'moram três pessoas aqui'],
};

describe.each(others)('what people type in %s', (lang) => {
  const c = catalogues[lang];

  it('when people type the usual short answers, then yes, no, skip and done are understood', () => {
    for (const intent of ['yes', 'no', 'skip', 'done'] as const) {
      for (const text of typed[lang][intent] ?? []) expect({ intent, text, means: means(text, intent, lang) }).toEqual({ intent, text, means: true });
    }
  });

  it('when people ask for a person in their words, then a person is asked for', () => {
    for (const text of typed[lang].human ?? []) expect({ text, human: asksForPerson(text) }).toEqual({ text, human: true });
  });

  it('when a short everyday complaint mentions people, then the language’s own person words do not fire', () => {
    for (const text of everyday[lang]) {
      const w = normaliseWord(text);
      const hit = c.words.human.find((h) => w === h || (h.length > 4 && w.includes(h))) ?? null;
      expect({ text, hit }).toEqual({ text, hit: null });
    }
  });

  it('when "/start" or a restart phrase is typed, then the conversation restarts', () => {
    expect(asksRestart('/start')).toBe(true);
    for (const w of c.words.restart) expect({ w, restart: asksRestart(w) }).toEqual({ w, restart: true });
  });
});
