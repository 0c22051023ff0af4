/** Evaluation measures: critical precision/recall/F1, category macro-F1, language accuracy. */
import { CATEGORIES, type Category, type Lang, type Severity } from './types';

export interface Outcome {
  readonly lang: Lang;
  readonly gold: { readonly severity: Severity; readonly category: Category };
  readonly predicted: { readonly severity: Severity; readonly category: Category; readonly lang: Lang };
}

export interface Scores {
  readonly n: number;
  readonly criticalPrecision: number;
  readonly criticalRecall: number;
  readonly criticalF1: number;
  readonly categoryMacroF1: number;
  readonly languageAccuracy: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Macro-F1 over the categories that occur in the gold labels or the predictions (as sklearn). */
export function macroF1(pairs: readonly { gold: Category; predicted: Category }[]): number {
  const labels = CATEGORIES.filter((c) => pairs.some((x) => x.gold === c || x.predicted === c));
  if (labels.length === 0) return 0;
  let sum = 0;
  for (const c of labels) {
    const tp = pairs.filter((x) => x.gold === c && x.predicted === c).length;
    const fp = pairs.filter((x) => x.gold !== c && x.predicted === c).length;
    const fn = pairs.filter((x) => x.gold === c && x.predicted !== c).length;
    sum += f1(tp + fp === 0 ? 0 : tp / (tp + fp), tp + fn === 0 ? 0 : tp / (tp + fn));
  }
  return sum / labels.length;
}

export function score(outcomes: readonly Outcome[]): Scores {
  const tp = outcomes.filter((o) => o.gold.severity === 'critical' && o.predicted.severity === 'critical').length;
  const fp = outcomes.filter((o) => o.gold.severity !== 'critical' && o.predicted.severity === 'critical').length;
  const fn = outcomes.filter((o) => o.gold.severity === 'critical' && o.predicted.severity !== 'critical').length;
  // No critical message and none predicted: nothing was missed or raised wrongly.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    n: outcomes.length,
    criticalPrecision: precision,
    criticalRecall: recall,
    criticalF1: f1(precision, recall),
    categoryMacroF1: macroF1(outcomes.map((o) => ({ gold: o.gold.category, predicted: o.predicted.category }))),
    languageAccuracy: outcomes.length === 0 ? 0 : outcomes.filter((o) => o.predicted.lang === o.lang).length / outcomes.length,
  };
}

/** Scores per language plus `all`. */
export function scoreByLang(outcomes: readonly Outcome[]): Map<Lang | 'all', Scores> {
  const out = new Map<Lang | 'all', Scores>();
  const langs = [...new Set(outcomes.map((o) => o.lang))];
  for (const l of langs) out.set(l, score(outcomes.filter((o) => o.lang === l)));
  out.set('all', score(outcomes));
  return out;
}

/** Category confusion matrix: rows gold, columns predicted, in CATEGORIES order. */
export function confusion(outcomes: readonly Outcome[]): number[][] {
  const m = CATEGORIES.map(() => CATEGORIES.map(() => 0));
  for (const o of outcomes) {
    const row = m[CATEGORIES.indexOf(o.gold.category)] as number[];
    const j = CATEGORIES.indexOf(o.predicted.category);
    row[j] = (row[j] as number) + 1;
  }
  return m;
}
