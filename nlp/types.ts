/**
 * The triage vocabulary shared with the rest of Ombuds (see shared INTERFACES.md).
 * Adding a language: append it to LANGS, give it a script and a stemmer in languages.ts, add
 * safety vocabulary in safety-*.ts and a corpus file; the model learns the rest at `train`.
 */
export const LANGS = ['en', 'it', 'ro', 'fa', 'ru', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

export const SEVERITIES = ['critical', 'commercial'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'safety_hazard',
  'product_defect',
  'food_contamination',
  'billing',
  'delivery',
  'service_staff',
  'refund_return',
  'account_access',
  'utility_supply',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that are critical whatever the text says (account_access is critical only for breaches). */
export const ALWAYS_CRITICAL: ReadonlySet<Category> = new Set<Category>(['safety_hazard', 'product_defect', 'food_contamination']);

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** One safety-vocabulary hit, reported so an agent can see why a message was routed to people. */
export interface SafetySignal {
  /** e.g. `fire`, `gas`, `foreign_body`, `breach`. */
  readonly kind: string;
  readonly category: Category;
  /** The matched text (normalised). */
  readonly match: string;
}

export interface Classification {
  readonly lang: Lang;
  readonly severity: Severity;
  readonly category: Category;
  /** Confidence in [0, 1] of the severity and category together. */
  readonly confidence: number;
  /** True when a person should look: low confidence, or a safety signal the model disagreed with. */
  readonly needsHuman: boolean;
  readonly signals?: {
    readonly safety: readonly SafetySignal[];
    /** Idioms recognised and ignored ("burning with anger"), for transparency. */
    readonly idioms: readonly string[];
    readonly langConfidence: number;
    readonly criticalProbability: number;
  };
}

export interface LanguageGuess {
  readonly lang: Lang;
  /** Posterior probability in [0, 1] among the supported languages. */
  readonly confidence: number;
  /** `script` when the alphabet alone decided (Cyrillic → ru, Arabic script → fa). */
  readonly method: 'script' | 'model' | 'default';
}
