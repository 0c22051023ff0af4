/**
 * Turns model probabilities and safety signals into one decision. Safety first: a message is
 * critical when the models' combined belief reaches the threshold, or when the safety vocabulary
 * found a danger the idiom guards did not explain away. Training's cross-validation calls this
 * same function, so the threshold it picks is the one used here.
 */
import { ALWAYS_CRITICAL, CATEGORIES, type Category, type SafetySignal, type Severity } from './types';

export interface Decision {
  readonly severity: Severity;
  readonly category: Category;
  readonly confidence: number;
  /** The models' combined probability that the message is critical. */
  readonly criticalProbability: number;
}

const index = (c: Category) => CATEGORIES.indexOf(c);
const ALL = CATEGORIES.map((_, i) => i);
const CRITICAL_CAPABLE = (['safety_hazard', 'product_defect', 'food_contamination', 'account_access'] as const).map(index);
const COMMERCIAL_CAPABLE = ALL.filter((i) => !ALWAYS_CRITICAL.has(CATEGORIES[i] as Category));
const ACCOUNT = index('account_access');

function argmax(p: Float64Array, among: readonly number[]): number {
  let best = among[0] as number;
  for (const i of among) if ((p[i] as number) > (p[best] as number)) best = i;
  return best;
}

const ALWAYS_CRITICAL_INDEX = [...ALWAYS_CRITICAL].map(index);

/** Weight of the severity model's own estimate in P(critical) when a model file does not say. */
export const DEFAULT_SEVERITY_WEIGHT = 0.5;

/**
 * P(critical) from both models: the category model's mass on critical categories (account_access
 * counts as far as the breach model — or, without one, the severity model — thinks it is a
 * breach or takeover), blended with the severity model's
 * own estimate by `severityWeight` (0: severity follows the category decision strictly). Training
 * chooses the weight by cross-validation.
 */
export function combinedCritical(pCategory: Float64Array, pSeverityCritical: number, severityWeight = DEFAULT_SEVERITY_WEIGHT, pBreach = pSeverityCritical): number {
  let mass = (pCategory[ACCOUNT] as number) * pBreach;
  for (const i of ALWAYS_CRITICAL_INDEX) mass += pCategory[i] as number;
  return severityWeight * pSeverityCritical + (1 - severityWeight) * mass;
}

/**
 * The threshold for one message: a message whose only danger words sat inside recognised idioms
 * ("sto bruciando di rabbia per la bolletta") and that has no safety hit left must convince the
 * models at least `idiomThreshold` (chosen by cross-validation; 0 turns this off).
 */
export function thresholdFor(threshold: number, signals: readonly SafetySignal[], idioms: number, idiomThreshold: number): number {
  return idioms > 0 && signals.length === 0 ? Math.max(threshold, idiomThreshold) : threshold;
}

/**
 * @param pCategory probabilities over CATEGORIES (same order)
 * @param pSeverityCritical the severity model's P(critical)
 * @param criticalThreshold combined P(critical) at or above which the models alone make it critical
 * @param severityWeight weight of the severity model in P(critical) (see combinedCritical)
 * @param pBreach the breach model's P(critical) for an account_access message, if the model has one
 */
export function decide(
  pCategory: Float64Array,
  pSeverityCritical: number,
  signals: readonly SafetySignal[],
  criticalThreshold: number,
  severityWeight = DEFAULT_SEVERITY_WEIGHT,
  pBreach = pSeverityCritical,
): Decision {
  const pCritical = combinedCritical(pCategory, pSeverityCritical, severityWeight, pBreach);
  const critical = pCritical >= criticalThreshold || signals.length > 0;
  let c = argmax(pCategory, ALL);
  if (critical && !CRITICAL_CAPABLE.includes(c)) {
    // A mixed message ("the bill is wrong and the heater gave me a shock") takes the category of
    // its dangerous part: the safety vocabulary's if it spoke, else the likeliest critical one.
    const fromSignal = signals[0]?.category;
    c = fromSignal ? index(fromSignal) : argmax(pCategory, CRITICAL_CAPABLE);
  } else if (!critical && !COMMERCIAL_CAPABLE.includes(c)) {
    c = argmax(pCategory, COMMERCIAL_CAPABLE);
  }
  const category = CATEGORIES[c] as Category;
  const severityBelief = critical ? pCritical : 1 - pCritical;
  // A danger word the models did not believe in still counts as a coin flip, not as certainty.
  const severityConfidence = signals.length > 0 ? Math.max(severityBelief, 0.5) : severityBelief;
  const confidence = Math.min(pCategory[c] as number, severityConfidence);
  return { severity: critical ? 'critical' : 'commercial', category, confidence, criticalProbability: pCritical };
}
