import type { Category } from '../types';

/**
 * Cue groups: everyday words of each complaint category, named the same in every language so the
 * model learns one weight per group from all languages together (a Persian billing word helps a
 * Romanian billing message). Patterns use the safety vocabulary's mini-syntax (safety/vocab.ts).
 */
export type CueVocabulary = readonly (readonly [CueGroup, string])[];

export const CUE_GROUPS = {
  defect: 'product_defect',
  wear: 'product_defect',
  product: 'product_defect',
  defect2: 'product_defect',
  hazard: 'safety_hazard',
  food: 'food_contamination',
  food_bad: 'food_contamination',
  bill: 'billing',
  deliver: 'delivery',
  staff: 'service_staff',
  wait: 'service_staff',
  refund: 'refund_return',
  login: 'account_access',
  supply: 'utility_supply',
  meter: 'utility_supply',
  ask: 'other',
} as const satisfies Record<string, Category>;

export type CueGroup = keyof typeof CUE_GROUPS;
