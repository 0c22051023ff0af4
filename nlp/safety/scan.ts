/**
 * The safety layer: per-language vocabulary for the dangers that must reach a person, with idiom
 * guards. It runs on folded text so "fumaca" and "fumaça", "ars" and "arș" are the same.
 */
import { compilePattern, PrefixFilter } from '../patterns';
import type { Category, Lang, SafetySignal } from '../types';
import { en } from './en';
import { fa } from './fa';
import { it } from './it';
import { pt } from './pt';
import { ro } from './ro';
import { ru } from './ru';
import type { SafetyVocabulary } from './vocab';

const VOCABULARIES: Readonly<Record<Lang, SafetyVocabulary>> = { en, it, ro, fa, ru, pt };

interface CompiledLanguage {
  readonly rules: readonly { readonly kind: string; readonly category: Category; readonly re: RegExp }[];
  readonly idioms: readonly { readonly name: string; readonly re: RegExp }[];
  /** Which rules / idioms can match a text at all (patterns.ts): most need not run. */
  readonly ruleFilter: PrefixFilter;
  readonly idiomFilter: PrefixFilter;
}

const compiled = new Map<Lang, CompiledLanguage>();

// One regex per rule measured faster than one big alternation with named groups (V8 optimises
// each small pattern's scan; the alternation defeats it).
function compileLanguage(lang: Lang): CompiledLanguage {
  let c = compiled.get(lang);
  if (!c) {
    const v = VOCABULARIES[lang];
    c = {
      rules: v.rules.map(([kind, category, p]) => ({ kind, category, re: compilePattern(p) })),
      idioms: v.idioms.map(([name, p]) => ({ name, re: compilePattern(p) })),
      ruleFilter: new PrefixFilter(v.rules.map(([, , p]) => p)),
      idiomFilter: new PrefixFilter(v.idioms.map(([, p]) => p)),
    };
    compiled.set(lang, c);
  }
  return c;
}

export interface SafetyScan {
  readonly signals: SafetySignal[];
  /** Names of idioms that matched (and so hid any danger word inside them). */
  readonly idioms: string[];
}

/**
 * Finds safety vocabulary in already folded text, one signal per kind. A hit that overlaps a
 * matched idiom is dropped: "burning with anger about the invoice" yields the idiom `anger` and
 * no `burn` signal, while "burning with anger: the charger is burning" still yields `burn`.
 */
export function scanSafety(folded: string, lang: Lang): SafetyScan {
  const c = compileLanguage(lang);
  const spans: [number, number][] = [];
  const idioms: string[] = [];
  let may = c.idiomFilter.candidates(folded);
  for (let k = 0; k < c.idioms.length; k++) {
    if (may[k] === 0) continue;
    const { name, re } = c.idioms[k] as CompiledLanguage['idioms'][number];
    const from = (may[k] as number) - 1;
    re.lastIndex = from;
    if (!re.test(folded)) continue; // the common case, and much cheaper than a match iterator
    re.lastIndex = from; // matchAll starts where test() stopped
    for (const m of folded.matchAll(re)) {
      if (m[0].length === 0) continue;
      spans.push([m.index, m.index + m[0].length]);
      if (!idioms.includes(name)) idioms.push(name);
    }
  }
  const signals: SafetySignal[] = [];
  may = c.ruleFilter.candidates(folded);
  for (let k = 0; k < c.rules.length; k++) {
    if (may[k] === 0) continue;
    const { kind, category, re } = c.rules[k] as CompiledLanguage['rules'][number];
    const from = (may[k] as number) - 1;
    re.lastIndex = from;
    if (!re.test(folded)) continue;
    re.lastIndex = from;
    for (const m of folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start || spans.some(([s, e]) => start < e && end > s)) continue;
      signals.push({ kind, category, match: m[0] });
      break;
    }
  }
  return { signals, idioms };
}

/**
 * Runs every regex once now, on a text of its language's script (V8 compiles a regex on its first
 * run, separately for one-byte and two-byte strings): the prefix pre-check skips most regexes on
 * any given text, so warming up by scanning a sample text would leave that to customers' messages.
 */
export function compileSafety(langs: readonly Lang[]): void {
  for (const lang of langs) {
    const c = compileLanguage(lang);
    for (const { re } of [...c.rules, ...c.idioms]) warm(re, lang);
  }
}

const SAMPLE: Readonly<Record<Lang, string>> = { en: 'warm up', it: 'warm up', ro: 'warm up', pt: 'warm up', ru: 'разогрев', fa: 'گرم کردن' };

/** Runs a regex once on a text of its language's script. */
export function warm(re: RegExp, lang: Lang): void {
  re.lastIndex = 0;
  re.test(SAMPLE[lang]);
  re.lastIndex = 0;
}
