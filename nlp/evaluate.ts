/** `eval`: the shipped model against the corpus test split, as tables a person can read. */
import type { Example } from './corpus';
import { confusion, scoreByLang, type Outcome, type Scores } from './metrics';
import type { Triage } from './triage';
import { CATEGORIES, type Lang } from './types';

export function evaluate(triage: Pick<Triage, 'classify'>, examples: readonly Example[]): Outcome[] {
  return examples
    .filter((e) => e.split === 'test')
    .map((e) => ({ lang: e.lang, gold: e, predicted: triage.classify(e.text) }));
}

const pct = (x: number) => x.toFixed(3);

/** One markdown table row per language plus `all`. */
export function scoresTable(byLang: ReadonlyMap<Lang | 'all', Scores>): string {
  const lines = [
    '| lang | n | critical P | critical R | critical F1 | category macro-F1 | language acc. |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const order = [...byLang.keys()].sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1));
  for (const l of order) {
    const s = byLang.get(l) as Scores;
    lines.push(`| ${l} | ${s.n} | ${pct(s.criticalPrecision)} | ${pct(s.criticalRecall)} | ${pct(s.criticalF1)} | ${pct(s.categoryMacroF1)} | ${pct(s.languageAccuracy)} |`);
  }
  return lines.join('\n');
}

const SHORT: Record<string, string> = {
  safety_hazard: 'safety',
  product_defect: 'defect',
  food_contamination: 'food',
  billing: 'billing',
  delivery: 'deliv',
  service_staff: 'staff',
  refund_return: 'refund',
  account_access: 'account',
  utility_supply: 'utility',
  other: 'other',
};

/** Category confusion matrix, rows gold, columns predicted. */
export function confusionTable(outcomes: readonly Outcome[]): string {
  const m = confusion(outcomes);
  const head = `| gold \\ predicted | ${CATEGORIES.map((c) => SHORT[c]).join(' | ')} |`;
  const rule = `|---|${CATEGORIES.map(() => '---:').join('|')}|`;
  const rows = CATEGORIES.map((c, i) => `| ${c} | ${(m[i] as number[]).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

export function evalReport(outcomes: readonly Outcome[]): string {
  return [
    `## Test split (${outcomes.length} messages)`,
    '',
    scoresTable(scoreByLang(outcomes)),
    '',
    '## Category confusion matrix (all languages)',
    '',
    confusionTable(outcomes),
    '',
  ].join('\n');
}
