/**
 * Per-language settings: the script that identifies a language cheaply and its stemmer.
 * natural has Porter stemmers for en, it, pt and ru; Romanian has none and natural's Persian one
 * is a no-op, so both get a light suffix stripper here (character n-grams cover what it misses).
 */
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer';
import porterIt from 'natural/lib/natural/stemmers/porter_stemmer_it';
import porterPt from 'natural/lib/natural/stemmers/porter_stemmer_pt';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru';
import type { Script } from './normalize';
import type { Lang } from './types';

export interface LanguageSpec {
  readonly script: Exclude<Script, 'other'>;
  /** Stems one folded, lower-case token. */
  readonly stem: (token: string) => string;
}

// Longest first; Romanian inflection is mostly suffixed articles and plural/case endings.
const RO_SUFFIXES = [
  'urilor', 'iilor', 'ilor', 'elor', 'ului', 'ules', 'eaza', 'easca', 'uri', 'ile', 'ele', 'lor',
  'ata', 'ate', 'ati', 'ita', 'ite', 'uta', 'ute', 'esc', 'ul', 'ua', 'ei', 'ii', 'ea', 'le', 'at',
  'it', 'ut', 'a', 'e', 'i', 'u',
];
const FA_SUFFIXES = ['هایی', 'های', 'ها', 'ترین', 'تر', 'مان', 'تان', 'شان', 'ام', 'ات', 'اش', 'ای', 'ی'];

function stripSuffix(token: string, suffixes: readonly string[], minStem: number): string {
  for (const suffix of suffixes) {
    if (token.length - suffix.length >= minStem && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}

export function stemRomanian(token: string): string {
  return stripSuffix(token, RO_SUFFIXES, 3);
}

export function stemPersian(token: string): string {
  // Joined verb prefixes (میخواهم, نمیدهند) as people type them without ZWNJ.
  let t = token;
  if (t.length >= 5 && t.startsWith('نمی')) t = t.slice(3);
  else if (t.length >= 5 && t.startsWith('می')) t = t.slice(2);
  return stripSuffix(t, FA_SUFFIXES, 3);
}

// Porter stemmers are written for words that may carry accents; folded input is fine for them.
function porter(stemmer: { stem(token: string): string }): (token: string) => string {
  return (token) => (token.length <= 2 || token === '#' ? token : stemmer.stem(token));
}

const CACHE_LIMIT = 50_000;

/**
 * Chat vocabulary repeats: caching stems makes stemming ~10× cheaper per message. The cache is
 * emptied when full, so memory stays bounded whatever the input; results never depend on it.
 */
function cached(stem: (token: string) => string): (token: string) => string {
  const cache = new Map<string, string>();
  return (token) => {
    let s = cache.get(token);
    if (s === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      s = stem(token);
      cache.set(token, s);
    }
    return s;
  };
}

export const LANGUAGE_SPECS: Readonly<Record<Lang, LanguageSpec>> = {
  en: { script: 'latin', stem: cached(porter(porterEn)) },
  it: { script: 'latin', stem: cached(porter(porterIt)) },
  ro: { script: 'latin', stem: cached(stemRomanian) },
  fa: { script: 'arabic', stem: cached(stemPersian) },
  ru: { script: 'cyrillic', stem: cached(porter(porterRu)) },
  pt: { script: 'latin', stem: cached(porter(porterPt)) },
};
