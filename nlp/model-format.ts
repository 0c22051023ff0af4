/** The shipped model file (nlp/model/triage-model.json): everything `train` learned, nothing else. */
import { readFileSync } from 'node:fs';
import type { FeatureOptions } from './features';
import type { LangIdJson } from './langid';
import type { LinearJson, LinearParams } from './linear';
import type { Lang } from './types';

// 2: weights and language counts stored flat (faster to parse), per-language thresholds.
export const MODEL_FORMAT = 'ombuds-triage/2';

export interface TriageModelJson {
  readonly format: typeof MODEL_FORMAT;
  /** Languages the model was trained on (a subset of LANGS while the corpus is partial). */
  readonly langs: Lang[];
  readonly features: FeatureOptions;
  readonly linear: LinearParams;
  /** P(critical) threshold chosen by cross-validation on the train split. */
  readonly criticalThreshold: number;
  /** Per-language P(critical) thresholds (cross-validated); a language without one uses criticalThreshold. */
  readonly criticalThresholds?: Partial<Record<Lang, number>>;
  /** Weight of the severity model in P(critical), chosen by cross-validation (absent: 0.5). */
  readonly severityWeight?: number;
  /** Minimum P(critical) when every danger word was inside an idiom (decide.ts thresholdFor; absent: 0). */
  readonly idiomThreshold?: number;
  /** What the model saw and how cross-validation scored the chosen settings (for the README). */
  readonly training: {
    readonly examples: number;
    readonly perLang: Record<string, number>;
    readonly crossValidation: Record<string, number>;
  };
  readonly langid: LangIdJson;
  readonly category: LinearJson;
  readonly severity: LinearJson;
  /** The breach detector (critical vs commercial among account_access messages), when CV chose it. */
  readonly breach?: LinearJson;
}

export function readModelFile(path: string): TriageModelJson {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read the triage model at ${path} (run \`npm run nlp -- train\`): ${(err as Error).message}`);
  }
  const m = json as Partial<TriageModelJson>;
  if (m.format !== MODEL_FORMAT || !m.langid || !m.category || !m.severity) {
    throw new Error(`${path} is not a ${MODEL_FORMAT} model; run \`npm run nlp -- train\``);
  }
  return m as TriageModelJson;
}
