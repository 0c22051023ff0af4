/**
 * Picks a tenant's predefined (routine) answer for a classified complaint. Pure: no IO, no model.
 * Keywords are compared after the same folding and stemming the model uses, so "fattură",
 * "fatture" and "fattura" meet, and a Persian keyword typed with ZWNJ matches one typed with a space.
 */
import { LANGUAGE_SPECS } from './languages';
import { foldText, tokenize } from './normalize';
import type { Category, Lang, Severity } from './types';

export interface PredefinedAnswer {
  readonly id: string;
  readonly category: Category;
  readonly lang: Lang;
  /** Words or phrases; when present, at least one must occur in the complaint. */
  readonly keywords?: readonly string[];
  readonly text: string;
  /** Breaks ties between equally specific answers; higher wins. Default 0. */
  readonly priority?: number;
}

export interface ClassifiedComplaint {
  readonly category: Category;
  readonly lang: Lang;
  readonly severity: Severity;
  readonly text: string;
}

function stems(text: string, lang: Lang): string[] {
  const stem = LANGUAGE_SPECS[lang].stem;
  return tokenize(foldText(text)).map(stem);
}

/** True when the keyword's stems occur consecutively in the text's stems. */
function containsPhrase(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The answer for `complaint`, or null. Critical complaints never get a routine answer: they go
 * to people. Candidates share the complaint's category and language; an answer with keywords
 * needs at least one in the text. The most specific wins: most keywords matched, then priority,
 * then list order (so a tenant's list order is a stable last resort).
 */
export function pickAnswer(answers: readonly PredefinedAnswer[], complaint: ClassifiedComplaint): PredefinedAnswer | null {
  if (complaint.severity === 'critical') return null;
  const textStems = stems(complaint.text, complaint.lang);
  let best: { answer: PredefinedAnswer; matched: number; priority: number } | null = null;
  for (const answer of answers) {
    if (answer.category !== complaint.category || answer.lang !== complaint.lang) continue;
    const keywords = answer.keywords ?? [];
    const matched = keywords.filter((k) => containsPhrase(textStems, stems(k, answer.lang))).length;
    if (keywords.length > 0 && matched === 0) continue;
    const priority = answer.priority ?? 0;
    if (!best || matched > best.matched || (matched === best.matched && priority > best.priority)) best = { answer, matched, priority };
  }
  return best?.answer ?? null;
}
