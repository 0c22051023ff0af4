/**
 * Language identification: the script decides when only one supported language uses it
 * (Cyrillic → ru, Arabic script → fa); otherwise a naive Bayes model over character 1–4-grams,
 * folded words and raw diacritics, trained on the corpus, chooses among the languages of that
 * script. See README.md for why this beat tinyld, eld and franc-min on short chat messages.
 */
import { FeatureTable, hashFeed, hashFeedString, hashStart } from './hashing';
import { LANGUAGE_SPECS } from './languages';
import { dominantScript, foldText, tokenize } from './normalize';
import type { Lang, LanguageGuess } from './types';

const LANGID_MAX_CHARS = 200;

export interface LangIdJson {
  readonly langs: Lang[];
  readonly alpha: number;
  readonly maxN: number;
  readonly features: string[];
  /** Per feature, its count in each language (same order as `langs`), flat: features × langs. */
  readonly counts: number[];
}

export interface LangIdModel {
  readonly langs: readonly Lang[];
  readonly maxN: number;
  /** Feature name (hashed, see hashing.ts) → row of `logProb`. */
  readonly table: FeatureTable;
  /** Row r: log P(feature r | language i) at r × langs.length + i. */
  readonly logProb: Float64Array;
}

/** The evidence counted for language identification, with multiplicity. */
export function langFeatures(text: string, maxN: number): string[] {
  const out: string[] = [];
  for (const ch of text.toLowerCase()) {
    const c = ch.codePointAt(0) ?? 0;
    // Diacritics are strong evidence when present (ș, ã, è); folded text alone would lose them.
    if (c >= 0xc0 && c <= 0x24f) out.push(`d:${ch}`);
  }
  for (const token of tokenize(foldText(text))) {
    if (token === '#') continue;
    out.push(`w:${token}`);
    const padded = `_${token}_`;
    for (let n = 1; n <= maxN; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const g = padded.slice(i, i + n);
        if (g !== '_') out.push(g);
      }
    }
  }
  return out;
}

export function trainLangId(samples: readonly { text: string; lang: Lang }[], langs: readonly Lang[], alpha = 0.5, maxN = 4): LangIdJson {
  const sorted = [...langs].sort();
  const col = new Map(sorted.map((l, i) => [l, i]));
  const counts = new Map<string, number[]>();
  for (const s of samples) {
    const i = col.get(s.lang);
    if (i === undefined) continue;
    for (const f of langFeatures(s.text, maxN)) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = new Array<number>(sorted.length).fill(0)));
      row[i] = (row[i] as number) + 1;
    }
  }
  const features: string[] = [];
  const flat: number[] = [];
  for (const f of [...counts.keys()].sort()) {
    const row = counts.get(f) as number[];
    // Features seen once are mostly names and typos: they bloat the file and add noise.
    if (row.reduce((a, b) => a + b, 0) >= 2) {
      features.push(f);
      flat.push(...row);
    }
  }
  return { langs: sorted, alpha, maxN, features, counts: flat };
}

export function langIdFromJson(json: LangIdJson): LangIdModel {
  const L = json.langs.length;
  const totals = new Float64Array(L);
  const V = json.features.length;
  for (let r = 0; r < V; r++) for (let i = 0; i < L; i++) totals[i] = (totals[i] as number) + (json.counts[r * L + i] as number);
  const denom = Float64Array.from(totals, (t) => Math.log(t + json.alpha * V));
  const logProb = Float64Array.from(json.counts, (c, at) => Math.log(c + json.alpha) - (denom[at % L] as number));
  return { langs: json.langs, maxN: json.maxN, table: new FeatureTable(json.features), logProb };
}

/**
 * Detects the language of `text` among the model's languages; `fallback` when nothing tells.
 * `tokens` may pass tokenize(foldText(text)) when the caller has it already (texts up to
 * LANGID_MAX_CHARS only: longer ones are read from their beginning).
 */
export function detectLanguage(model: LangIdModel, text: string, fallback: Lang = 'en', tokens?: readonly string[]): LanguageGuess {
  // The first few hundred characters decide as well as the whole text and bound the cost.
  if (text.length > LANGID_MAX_CHARS) {
    text = text.slice(0, LANGID_MAX_CHARS);
    tokens = undefined;
  }
  const script = dominantScript(text);
  const candidates: number[] = [];
  model.langs.forEach((l, i) => {
    if (LANGUAGE_SPECS[l].script === script) candidates.push(i);
  });
  if (candidates.length === 0) return { lang: fallback, confidence: 0, method: 'default' };
  if (candidates.length === 1) return { lang: model.langs[candidates[0] as number] as Lang, confidence: 1, method: 'script' };
  // The features of langFeatures(), hashed instead of built as strings.
  const L = model.langs.length;
  const scores = new Float64Array(candidates.length);
  let seen = 0;
  const add = (): void => {
    const row = model.table.current();
    if (row < 0) return;
    seen++;
    for (let k = 0; k < candidates.length; k++) scores[k] = (scores[k] as number) + (model.logProb[row * L + (candidates[k] as number)] as number);
  };
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 0xc0 && c <= 0x24f) {
      hashStart();
      hashFeedString('d:');
      hashFeed(c);
      add();
    }
  }
  for (const token of tokens ?? tokenize(foldText(text))) {
    if (token === '#') continue;
    hashStart();
    hashFeedString('w:');
    hashFeedString(token);
    add();
    // Every n-gram starting at i is the previous one plus a character: hash them in one pass.
    // The n-grams of `_token_`, read without building that string; a lone `_` is not a feature.
    const L = token.length + 2;
    for (let i = 0; i < L; i++) {
      hashStart();
      const end = Math.min(L, i + model.maxN);
      for (let j = i; j < end; j++) {
        hashFeed(j === 0 || j === L - 1 ? 0x5f : token.charCodeAt(j - 1));
        if (j > i || (i !== 0 && i !== L - 1)) add();
      }
    }
  }
  if (seen === 0) return { lang: fallback, confidence: 0, method: 'default' };
  let best = 0;
  for (let k = 1; k < scores.length; k++) if ((scores[k] as number) > (scores[best] as number)) best = k;
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - (scores[best] as number));
  return { lang: model.langs[candidates[best] as number] as Lang, confidence: 1 / sum, method: 'model' };
}
