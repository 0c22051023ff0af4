import { fastModel, fastScores } from '../../../nlp/fast';
import { analyse } from '../../../nlp/features';
import { FeatureTable } from '../../../nlp/hashing';
import { LANGUAGE_SPECS } from '../../../nlp/languages';
import { detectLanguage, langFeatures, langIdFromJson } from '../../../nlp/langid';
import { joinModels, linearFromJson, predictJoint } from '../../../nlp/linear';
import { readModelFile } from '../../../nlp/model-format';
import { foldText, tokenize } from '../../../nlp/normalize';
import { defaultModelPath } from '../../../nlp/paths';
import type { Lang } from '../../../nlp/types';

// The classify path hashes feature names instead of building them (nlp/fast.ts, nlp/hashing.ts).
// It must compute what the readable string-keyed path that training uses computes.
const json = readModelFile(defaultModelPath());
const joint = joinModels([linearFromJson(json.category), linearFromJson(json.severity)]);
const fast = fastModel([json.category, json.severity]);
const langid = langIdFromJson(json.langid);

// Written for this test: every script, digits, repeats, mixed danger and commercial wording.
const texts: [Lang, string][] = [
  ['en', 'The charger caught fire and the bill is wrong: charged twice, order #12345!!'],
  ['en', 'fire fire fire fire'],
  ['en', 'x'],
  ['it', 'La bolletta è sbagliata e la stufa ha fatto scintille, 2 volte in 3 giorni'],
  ['ro', 'Prăjitorul a luat foc; factura e greșită'],
  ['pt', 'Não recebi o reembolso do pedido 998877 e a tomada soltou faíscas'],
  ['ru', 'Обогреватель задымился, а счёт пришёл двойной'],
  ['fa', 'شارژر گوشی آتش گرفت و قبض ۱۲۳ اشتباه است'],
  ['en', ''],
  ['en', '12345 678'],
];

function reference(text: string, lang: Lang): Float64Array {
  const [pCat, pSev] = predictJoint(joint, analyse(text, lang, json.features).x) as [Float64Array, Float64Array];
  return Float64Array.from([...pCat, ...pSev]);
}

function sharedOf(text: string, lang: Lang): string[] {
  return [...analyse(text, lang, json.features).x.keys()].filter((f) => /^[sik]:/.test(f));
}

describe('hashed scoring (the classify path)', () => {
  it.each(texts)('gives the same probabilities as the string-keyed features in %s: %s', (lang, text) => {
    const tokens = tokenize(foldText(text));
    const p = fastScores(fast, tokens, LANGUAGE_SPECS[lang].stem, sharedOf(text, lang), json.features);
    const ref = reference(text, lang);
    expect(p.length).toBe(ref.length);
    p.forEach((x, i) => expect(x).toBeCloseTo(ref[i] as number, 9));
  });

  it('detects the same language as the string-keyed naive Bayes', () => {
    for (const [, text] of texts) {
      const guess = detectLanguage(langid, text, 'en');
      if (guess.method !== 'model') continue;
      // The readable version: sum log P(feature | language) over langFeatures().
      const L = langid.langs.length;
      const sums = langid.langs.map(() => 0);
      for (const f of langFeatures(text, langid.maxN)) {
        const row = langid.table.get(f);
        if (row >= 0) langid.langs.forEach((_, i) => (sums[i] = (sums[i] as number) + (langid.logProb[row * L + i] as number)));
      }
      const latin = langid.langs.map((l, i) => [l, i] as const).filter(([l]) => LANGUAGE_SPECS[l].script === 'latin');
      const best = latin.reduce((a, b) => ((sums[b[1]] as number) > (sums[a[1]] as number) ? b : a));
      expect(guess.lang).toBe(best[0]);
    }
  });
});

describe('FeatureTable', () => {
  it('maps each name to its row and unknown names to -1', () => {
    const t = new FeatureTable(['w:fire', 'c:_fi', 'bias', 'w:фон', 'w:آتش']);
    expect(['w:fire', 'c:_fi', 'bias', 'w:фон', 'w:آتش'].map((n) => t.get(n))).toEqual([0, 1, 2, 3, 4]);
    expect(t.get('w:fir')).toBe(-1);
    expect(t.get('')).toBe(-1);
  });

  it('holds every feature of the shipped model, each in its own row', () => {
    const names = new Set([...json.category.features, ...json.severity.features]);
    const rows = new Set([...names].map((n) => fast.table.get(n)));
    expect(fast.table.size).toBe(names.size);
    expect(rows.size).toBe(names.size);
    expect(rows.has(-1)).toBe(false);
  });
});
