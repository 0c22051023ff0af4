/**
 * Training: builds the whole model from the corpus train split. Hyper-parameters and the
 * P(critical) threshold are chosen by k-fold cross-validation on the train split only — the test
 * split is never looked at here, so `eval` stays an honest estimate for unseen complaints.
 * Deterministic: fixed seed, folds by file order, sorted feature order.
 */
import type { Example } from './corpus';
import { decide, thresholdFor } from './decide';
import { analyse, DEFAULT_FEATURE_OPTIONS, type FeatureOptions, type FeatureVector } from './features';
import { trainLangId } from './langid';
import { linearToJson, predictLinear, trainLinear, type LinearModel, type LinearParams } from './linear';
import { score, type Outcome, type Scores } from './metrics';
import { MODEL_FORMAT, type TriageModelJson } from './model-format';
import { CATEGORIES, SEVERITIES, type Lang, type SafetySignal } from './types';

export interface TrainProgress {
  start(total: number, what: string): void;
  tick(what: string): void;
  stop(): void;
}

export interface TrainOptions {
  readonly seed?: number;
  readonly folds?: number;
  /** Candidate settings; the best by cross-validation wins. */
  readonly grid?: readonly Omit<LinearParams, 'seed'>[];
  readonly features?: FeatureOptions;
  /** Candidate feature settings; each is cross-validated with every grid entry. */
  readonly featureGrid?: readonly FeatureOptions[];
  /** Candidate weights of the severity model in P(critical) (see decide.ts combinedCritical). */
  readonly severityWeights?: readonly number[];
  /** Whether to try P(critical) of account_access from a dedicated breach model (true), the severity model (false) or both. */
  readonly breachModel?: readonly boolean[];
  /** Out-of-fold critical recall the threshold must reach in every language. */
  readonly recallTarget?: number;
  /** Candidate minimum P(critical) for messages whose danger words were all idioms (0: none). */
  readonly idiomThresholds?: readonly number[];
  /** Give each language its own threshold (default true); false: one threshold for all. */
  readonly perLanguageThresholds?: boolean;
  /** Out-of-fold critical recall each language's own threshold must reach. */
  readonly perLanguageRecallTarget?: number;
  readonly progress?: TrainProgress;
  /** Called with every candidate's cross-validated scores (experiments, reports). */
  readonly onCandidate?: (c: Candidate) => void;
  /** Called with the out-of-fold predictions of every grid entry (error analysis). */
  readonly onHeldout?: (rows: readonly { example: Example; pCategory: Float64Array; pCritical: number; pBreach: number; signals: readonly SafetySignal[] }[], params: LinearParams, features: FeatureOptions) => void;
}

export interface Candidate {
  readonly features: FeatureOptions;
  readonly params: LinearParams;
  readonly severityWeight: number;
  readonly breach: boolean;
  readonly idiomThreshold: number;
  readonly threshold: number;
  readonly minRecall: number;
  readonly meanPrecision: number;
  readonly meanMacroF1: number;
  readonly objective: number;
}

/** The issue asks for critical recall ≥ 0.97 in every language; the threshold is held to it out of fold. */
export const DEFAULT_RECALL_TARGET = 0.97;
/** Per-language thresholds are estimated on fewer messages, so they are held to a higher recall. */
export const DEFAULT_PER_LANGUAGE_RECALL_TARGET = 0.98;

export const DEFAULT_IDIOM_THRESHOLDS: readonly number[] = [0, 0.3, 0.5, 0.7];

export const DEFAULT_SEVERITY_WEIGHTS: readonly number[] = [0, 0.25, 0.5];

// Lower learning rates (0.02–0.03) beat 0.05–0.3 in cross-validation once the corpus reached
// ≈400 messages per language; the grid keeps the neighbourhood of the winner.
export const DEFAULT_GRID: readonly Omit<LinearParams, 'seed'>[] = [
  { epochs: 40, learningRate: 0.03, l2: 3e-4, minDf: 2 },
  { epochs: 40, learningRate: 0.03, l2: 1e-3, minDf: 2 },
  { epochs: 40, learningRate: 0.02, l2: 3e-4, minDf: 2 },
];

const THRESHOLDS = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);
const quiet: TrainProgress = { start() {}, tick() {}, stop() {} };

interface Prepared {
  readonly ex: Example;
  readonly x: FeatureVector;
  readonly signals: readonly SafetySignal[];
  readonly idioms: number;
  readonly cat: number;
  readonly sev: number;
  readonly fold: number;
}

function prepare(train: readonly Example[], features: FeatureOptions, folds: number): Prepared[] {
  // Folds stratified by language and category, assigned in file order (no randomness needed).
  const seen = new Map<string, number>();
  return train.map((ex) => {
    const key = `${ex.lang}/${ex.category}/${ex.severity}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const a = analyse(ex.text, ex.lang, features);
    return {
      ex,
      x: a.x,
      signals: a.scan.signals,
      idioms: a.scan.idioms.length,
      cat: CATEGORIES.indexOf(ex.category),
      sev: SEVERITIES.indexOf(ex.severity),
      fold: n % folds,
    };
  });
}

const ACCOUNT = CATEGORIES.indexOf('account_access');

function fit(items: readonly Prepared[], p: LinearParams): { cat: LinearModel; sev: LinearModel; breach: LinearModel } {
  const xs = items.map((i) => i.x);
  // The breach detector: severity among account_access messages only, where "critical" means a
  // breach or takeover and "commercial" a login problem — a distinction the all-message severity
  // model, dominated by fire and food, learns poorly.
  const account = items.filter((i) => i.cat === ACCOUNT);
  return {
    cat: trainLinear(xs, items.map((i) => i.cat), CATEGORIES, p),
    sev: trainLinear(xs, items.map((i) => i.sev), SEVERITIES, p),
    breach: trainLinear(account.map((i) => i.x), account.map((i) => i.sev), SEVERITIES, p),
  };
}

interface Heldout {
  readonly item: Prepared;
  readonly pCat: Float64Array;
  readonly pCrit: number;
  readonly pBreach: number;
}

interface DecisionSettings {
  readonly severityWeight: number;
  readonly breach: boolean;
  readonly idiomThreshold: number;
}

function outcomesAt(heldout: readonly Heldout[], threshold: number, ds: DecisionSettings): Outcome[] {
  return heldout.map(({ item, pCat, pCrit, pBreach }) => {
    const t = thresholdFor(threshold, item.signals, item.idioms, ds.idiomThreshold);
    const d = decide(pCat, pCrit, item.signals, t, ds.severityWeight, ds.breach ? pBreach : pCrit);
    return { lang: item.ex.lang, gold: item.ex, predicted: { severity: d.severity, category: d.category, lang: item.ex.lang } };
  });
}

/** The highest threshold whose out-of-fold critical recall reaches the target in every language. */
function chooseThreshold(heldout: readonly Heldout[], langs: readonly Lang[], target: number, ds: DecisionSettings): { threshold: number; minRecall: number } {
  let fallback = { threshold: THRESHOLDS[0] as number, minRecall: -1 };
  for (const t of [...THRESHOLDS].reverse()) {
    const outs = outcomesAt(heldout, t, ds);
    const minRecall = Math.min(...langs.map((l) => score(outs.filter((o) => o.lang === l)).criticalRecall));
    if (minRecall >= target) return { threshold: t, minRecall };
    if (minRecall > fallback.minRecall) fallback = { threshold: t, minRecall };
  }
  return fallback;
}

export function trainModel(examples: readonly Example[], options: TrainOptions = {}): TriageModelJson {
  const seed = options.seed ?? 20260101;
  const folds = options.folds ?? 5;
  const grid = options.grid ?? DEFAULT_GRID;
  const features = options.features ?? DEFAULT_FEATURE_OPTIONS;
  const target = options.recallTarget ?? DEFAULT_RECALL_TARGET;
  const progress = options.progress ?? quiet;
  const train = examples.filter((e) => e.split === 'train');
  const langs = [...new Set(train.map((e) => e.lang))].sort();
  if (train.length === 0) throw new Error('No training examples (split "train") in the corpus');

  const featureGrid = options.featureGrid ?? [features];
  const weights = options.severityWeights ?? DEFAULT_SEVERITY_WEIGHTS;
  const breachOptions = options.breachModel ?? [false, true];
  const idiomThresholds = options.idiomThresholds ?? DEFAULT_IDIOM_THRESHOLDS;
  progress.start(featureGrid.length * grid.length * folds + 1, 'cross-validation');
  type Best = { features: FeatureOptions; items: Prepared[]; heldout: Heldout[]; params: LinearParams; threshold: number; severityWeight: number; breach: boolean; idiomThreshold: number; objective: number; cv: Record<string, number> };
  let best: Best | undefined;
  for (const fo of featureGrid) {
    const items = prepare(train, fo, folds);
    for (const g of grid) {
      const params: LinearParams = { ...g, seed };
      const heldout: Heldout[] = [];
      for (let f = 0; f < folds; f++) {
        const m = fit(items.filter((i) => i.fold !== f), params);
        for (const item of items.filter((i) => i.fold === f)) {
          heldout.push({
            item,
            pCat: predictLinear(m.cat, item.x),
            pCrit: predictLinear(m.sev, item.x)[0] as number,
            pBreach: predictLinear(m.breach, item.x)[0] as number,
          });
        }
        progress.tick(`cv epochs=${g.epochs} l2=${g.l2} fold ${f + 1}/${folds}`);
      }
      options.onHeldout?.(heldout.map((h) => ({ example: h.item.ex, pCategory: h.pCat, pCritical: h.pCrit, pBreach: h.pBreach, signals: h.item.signals })), params, fo);
      const settings = weights.flatMap((severityWeight) =>
        breachOptions.flatMap((breach) => idiomThresholds.map((idiomThreshold): DecisionSettings => ({ severityWeight, breach, idiomThreshold }))),
      );
      for (const ds of settings) {
        const { severityWeight, breach, idiomThreshold } = ds;
        const { threshold, minRecall } = chooseThreshold(heldout, langs, target, ds);
        const outs = outcomesAt(heldout, threshold, ds);
        const per = langs.map((l) => score(outs.filter((o) => o.lang === l)));
        const mean = (k: 'categoryMacroF1' | 'criticalPrecision') => per.reduce((a, s) => a + s[k], 0) / per.length;
        // Recall is held by the threshold; among settings, prefer category quality and precision.
        const objective = mean('categoryMacroF1') + mean('criticalPrecision') + Math.min(0, minRecall - target) * 10;
        options.onCandidate?.({ features: fo, params, severityWeight, breach, idiomThreshold, threshold, minRecall, meanPrecision: mean('criticalPrecision'), meanMacroF1: mean('categoryMacroF1'), objective });
        if (!best || objective > best.objective + 1e-9) {
          best = {
            features: fo,
            items,
            heldout,
            params,
            threshold,
            severityWeight,
            breach,
            idiomThreshold,
            objective,
            cv: {
              threshold,
              severityWeight,
              breachModel: breach ? 1 : 0,
              idiomThreshold,
              minCriticalRecall: minRecall,
              meanCriticalPrecision: mean('criticalPrecision'),
              meanCategoryMacroF1: mean('categoryMacroF1'),
              ...Object.fromEntries(langs.flatMap((l, i) => [
                [`${l}.criticalRecall`, (per[i] as Scores).criticalRecall],
                [`${l}.criticalPrecision`, (per[i] as Scores).criticalPrecision],
                [`${l}.categoryMacroF1`, (per[i] as Scores).categoryMacroF1],
              ])),
            },
          };
        }
      }
    }
  }
  const chosen = best as NonNullable<typeof best>;
  // Per-language thresholds: each language's highest τ whose out-of-fold recall reaches
  // perLanguageRecallTarget. Nested cross-validation (τ chosen on 4 folds' out-of-fold predictions,
  // scored on the 5th) measured per-language τ at 0.98 against one τ at 0.97: the same worst-language
  // recall (0.975) and mean precision 0.64 instead of 0.58 — the hardest language no longer sets
  // the threshold of the others.
  const perLangTarget = options.perLanguageRecallTarget ?? DEFAULT_PER_LANGUAGE_RECALL_TARGET;
  const thresholds: Partial<Record<Lang, number>> = {};
  for (const l of options.perLanguageThresholds === false ? [] : langs) {
    const own = chosen.heldout.filter((h) => h.item.ex.lang === l);
    thresholds[l] = chooseThreshold(own, [l], perLangTarget, chosen).threshold;
  }
  const perLangOuts = chosen.heldout.filter((h) => thresholds[h.item.ex.lang] !== undefined).map((h) => outcomesAt([h], thresholds[h.item.ex.lang] as number, chosen)[0] as Outcome);
  for (const l of Object.keys(thresholds) as Lang[]) {
    const sc = score(perLangOuts.filter((o) => o.lang === l));
    chosen.cv[`${l}.threshold`] = thresholds[l] as number;
    chosen.cv[`${l}.criticalRecall`] = sc.criticalRecall;
    chosen.cv[`${l}.criticalPrecision`] = sc.criticalPrecision;
    chosen.cv[`${l}.categoryMacroF1`] = sc.categoryMacroF1;
  }
  if (perLangOuts.length > 0) {
    const perLangScores = langs.map((l) => score(perLangOuts.filter((o) => o.lang === l)));
    chosen.cv.minCriticalRecall = Math.min(...perLangScores.map((x) => x.criticalRecall));
    chosen.cv.meanCriticalPrecision = perLangScores.reduce((a, x) => a + x.criticalPrecision, 0) / langs.length;
    chosen.cv.meanCategoryMacroF1 = perLangScores.reduce((a, x) => a + x.categoryMacroF1, 0) / langs.length;
  }
  const final = fit(chosen.items, chosen.params);
  progress.tick('final model');
  progress.stop();

  const perLang: Record<string, number> = {};
  for (const l of langs) perLang[l] = train.filter((e) => e.lang === l).length;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    format: MODEL_FORMAT,
    langs,
    features: chosen.features,
    linear: chosen.params,
    criticalThreshold: round(chosen.threshold),
    ...(Object.keys(thresholds).length > 0 ? { criticalThresholds: Object.fromEntries(Object.entries(thresholds).map(([l, t]) => [l, round(t as number)])) } : {}),
    severityWeight: chosen.severityWeight,
    idiomThreshold: chosen.idiomThreshold,
    training: { examples: train.length, perLang, crossValidation: Object.fromEntries(Object.entries(chosen.cv).map(([k, v]) => [k, round(v)])) },
    langid: trainLangId(train, langs),
    category: linearToJson(final.cat),
    severity: linearToJson(final.sev),
    ...(chosen.breach ? { breach: linearToJson(final.breach) } : {}),
  };
}
