import type { Category } from '../types';

/**
 * Safety vocabulary of one language, written for folded text (lower case, no Latin diacritics,
 * Persian ی/ک). Pattern mini-syntax, compiled in scan.ts: `~` continues a word (any letters), a
 * space matches spaces, hyphens or apostrophes (` ?` also none), `\\p{l}` is a letter, the rest is
 * a regular expression anchored on word boundaries that work for Cyrillic and Persian too.
 */
export interface SafetyVocabulary {
  /** [kind, category it points to, pattern] */
  readonly rules: readonly (readonly [string, Category, string])[];
  /** Idioms: a safety hit inside a matched idiom is ignored ("burning with anger", "fire-red"). */
  readonly idioms: readonly (readonly [string, string])[];
}

export const SAFETY = 'safety_hazard' as const;
export const FOOD = 'food_contamination' as const;
export const ACCOUNT = 'account_access' as const;
export const DEFECT = 'product_defect' as const;
