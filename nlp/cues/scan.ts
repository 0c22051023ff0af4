/** Finds the cue groups (groups.ts) present in folded text, for the model's shared features. */
import { compilePattern, PrefixFilter } from '../patterns';
import { warm } from '../safety/scan';
import type { Lang } from '../types';
import { en } from './en';
import { fa } from './fa';
import type { CueGroup, CueVocabulary } from './groups';
import { it } from './it';
import { pt } from './pt';
import { ro } from './ro';
import { ru } from './ru';

const VOCABULARIES: Readonly<Record<Lang, CueVocabulary>> = { en, it, ro, fa, ru, pt };
interface CompiledCues {
  readonly cues: readonly (readonly [CueGroup, RegExp])[];
  /** Which cues can match a text at all (patterns.ts): most need not run. */
  readonly filter: PrefixFilter;
}
const compiled = new Map<Lang, CompiledCues>();

function compileLanguage(lang: Lang): CompiledCues {
  let c = compiled.get(lang);
  if (!c) {
    c = {
      cues: VOCABULARIES[lang].map(([group, p]) => [group, compilePattern(p)] as const),
      filter: new PrefixFilter(VOCABULARIES[lang].map(([, p]) => p)),
    };
    compiled.set(lang, c);
  }
  return c;
}

/** Cue groups present in `folded` (the model uses presence, so one match per group is enough). */
export function scanCues(folded: string, lang: Lang): Map<CueGroup, number> {
  const out = new Map<CueGroup, number>();
  const c = compileLanguage(lang);
  const may = c.filter.candidates(folded);
  for (let k = 0; k < c.cues.length; k++) {
    if (may[k] === 0) continue;
    const [group, re] = c.cues[k] as CompiledCues['cues'][number];
    re.lastIndex = (may[k] as number) - 1;
    if (re.test(folded)) out.set(group, (out.get(group) ?? 0) + 1);
  }
  return out;
}

/** Compiles every cue regex now (see compileSafety). */
export function compileCues(langs: readonly Lang[]): void {
  for (const lang of langs) for (const [, re] of compileLanguage(lang).cues) warm(re, lang);
}
