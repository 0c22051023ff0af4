import { loadCorpus } from '../../../nlp/corpus';
import { en as enCues } from '../../../nlp/cues/en';
import { fa as faCues } from '../../../nlp/cues/fa';
import { it as itCues } from '../../../nlp/cues/it';
import { pt as ptCues } from '../../../nlp/cues/pt';
import { ro as roCues } from '../../../nlp/cues/ro';
import { ru as ruCues } from '../../../nlp/cues/ru';
import { scanCues } from '../../../nlp/cues/scan';
import { foldText } from '../../../nlp/normalize';
import { defaultCorpusDir } from '../../../nlp/paths';
import { compilePattern, literalPrefixes, PrefixFilter } from '../../../nlp/patterns';
import { en } from '../../../nlp/safety/en';
import { fa } from '../../../nlp/safety/fa';
import { it as itSafety } from '../../../nlp/safety/it';
import { pt } from '../../../nlp/safety/pt';
import { ro } from '../../../nlp/safety/ro';
import { ru } from '../../../nlp/safety/ru';
import { scanSafety } from '../../../nlp/safety/scan';
import type { SafetyVocabulary } from '../../../nlp/safety/vocab';
import { LANGS, type Lang } from '../../../nlp/types';

// The safety and cue scans skip regexes that cannot match (nlp/patterns.ts PrefixFilter). The
// skip must never change a result: compare with running every regex, the way the scans used to.
const SAFETY: Record<Lang, SafetyVocabulary> = { en, it: itSafety, ro, fa, ru, pt };
const CUES = { en: enCues, it: itCues, ro: roCues, fa: faCues, ru: ruCues, pt: ptCues };

const compiled = new Map<string, RegExp>();
function re(pattern: string): RegExp {
  let r = compiled.get(pattern);
  if (!r) compiled.set(pattern, (r = compilePattern(pattern)));
  r.lastIndex = 0;
  return r;
}

function everySafetyRegex(folded: string, lang: Lang): { signals: string[]; idioms: string[] } {
  const spans: [number, number][] = [];
  const idioms: string[] = [];
  for (const [name, p] of SAFETY[lang].idioms) {
    for (const m of folded.matchAll(re(p))) {
      if (m[0].length === 0) continue;
      spans.push([m.index, m.index + m[0].length]);
      if (!idioms.includes(name)) idioms.push(name);
    }
  }
  const signals: string[] = [];
  for (const [kind, , p] of SAFETY[lang].rules) {
    for (const m of folded.matchAll(re(p))) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start || spans.some(([s, e]) => start < e && end > s)) continue;
      signals.push(`${kind}:${m[0]}`);
      break;
    }
  }
  return { signals, idioms };
}

function everyCueRegex(folded: string, lang: Lang): string[] {
  return CUES[lang].filter(([, p]) => re(p).test(folded)).map(([g]) => g);
}

describe('literal prefixes of a pattern', () => {
  it('lists the literal beginning of every alternative', () => {
    expect(literalPrefixes('fires?|caught fire|(glass|metal)s? (in|inside)|mou?ld~')).toEqual(['fire', 'caught', 'glass', 'metal', 'mo']);
  });

  it('gives up (null) when an alternative can begin with anything', () => {
    expect(literalPrefixes('fire|(\\d+|a) days')).toBeNull();
    expect(literalPrefixes('(my )?fire')).toBeNull();
    expect(literalPrefixes('\\p{l}+ fell')).toBeNull();
  });

  it('marks only patterns whose prefix starts a word, with the first such position', () => {
    const f = new PrefixFilter(['fire', 'smok(e|y)', '(\\d+) days']);
    expect([...f.candidates('the smoke alarm, no fire')]).toEqual([21, 5, 1]);
    expect([...f.candidates('bonfire')]).toEqual([0, 0, 1]);
  });
});

describe('safety and cue scans with the prefix pre-check', () => {
  const texts = loadCorpus(defaultCorpusDir()).examples.map((e) => e.text);
  // Perturbed copies: words glued by hyphens, digits and symbols at word boundaries.
  const all = [...texts, ...texts.map((t) => t.replace(/ /g, '-')), ...texts.map((t) => `x${t.replace(/ /g, '€')}`), ...texts.map((t) => t.replace(/ /g, '1 '))];

  it.each([...LANGS])('find exactly what running every regex finds, read as %s', (lang) => {
    for (const text of all) {
      const folded = foldText(text);
      const scan = scanSafety(folded, lang);
      expect({ signals: scan.signals.map((s) => `${s.kind}:${s.match}`), idioms: scan.idioms }).toEqual(everySafetyRegex(folded, lang));
      expect([...scanCues(folded, lang).keys()]).toEqual(everyCueRegex(folded, lang));
    }
  });
});
