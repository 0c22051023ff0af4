/**
 * `langid`: measures maintained detectors (tinyld, eld, franc-min) against our script + n-gram
 * detector on the corpus test split, whole messages and short ones (first 4 words, diacritics
 * stripped — how people write in chat). Only this command loads those packages.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Example } from './corpus';
import { foldText } from './normalize';
import { projectRoot } from './paths';
import type { Triage } from './triage';
import { LANGS, type Lang } from './types';

type Detector = (text: string) => string;

const ISO3: Record<Lang, string> = { en: 'eng', it: 'ita', ro: 'ron', fa: 'pes', ru: 'rus', pt: 'por' };

interface FrancModule {
  franc(text: string, options: { only: string[]; minLength: number }): string;
}
interface TinyldModule {
  detect(text: string, options: { only: string[] }): string;
}
interface EldModule {
  eld: { setLanguageSubset(langs: string[]): unknown; detect(text: string): { language: string } };
}

/** The three maintained detectors, restricted to our languages (their best case). */
export function maintainedDetectors(): Record<string, Detector> {
  const root = projectRoot();
  const load = createRequire(join(root, 'package.json'));
  // eld and franc-min are ES modules; Node 20 can require() them, but eld's exports map only
  // names `import`, so its entry file is required by path.
  const tinyld = load('tinyld') as TinyldModule;
  const franc = load('franc-min') as FrancModule;
  const eld = (load(join(root, 'node_modules', 'eld', 'src', 'entries', 'static.medium.js')) as EldModule).eld;
  eld.setLanguageSubset([...LANGS]);
  const fromIso3 = new Map(Object.entries(ISO3).map(([k, v]) => [v, k]));
  return {
    tinyld: (t) => tinyld.detect(t, { only: [...LANGS] }),
    eld: (t) => eld.detect(t).language,
    'franc-min': (t) => fromIso3.get(franc.franc(t, { only: Object.values(ISO3), minLength: 1 })) ?? 'und',
  };
}

/** First `words` words, diacritics folded: a short chat message without ș/ț or tildes. */
export function shortVersion(text: string, words = 4): string {
  return foldText(text).split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}

export function compareDetectors(triage: Pick<Triage, 'detectLanguage'>, examples: readonly Example[]): string {
  const test = examples.filter((e) => e.split === 'test');
  const langs = [...new Set(test.map((e) => e.lang))].sort();
  const detectors: Record<string, Detector> = { ...maintainedDetectors(), 'ombuds (script + n-gram NB)': (t) => triage.detectLanguage(t).lang };
  const lines = [
    `| detector | set | ${langs.join(' | ')} | all | µs/msg |`,
    `|---|---|${langs.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const [name, detect] of Object.entries(detectors)) {
    for (const [set, transform] of [['whole', (t: string) => t], ['short (4 words, folded)', (t: string) => shortVersion(t)]] as const) {
      const inputs = test.map((e) => transform(e.text));
      const start = process.hrtime.bigint();
      const guesses = inputs.map((t) => detect(t));
      const micros = Number(process.hrtime.bigint() - start) / 1000 / inputs.length;
      const acc = (l?: Lang) => {
        const idx = test.map((e, i) => [e, i] as const).filter(([e]) => !l || e.lang === l);
        return (idx.filter(([e, i]) => guesses[i] === e.lang).length / Math.max(1, idx.length)).toFixed(3);
      };
      lines.push(`| ${name} | ${set} | ${langs.map((l) => acc(l)).join(' | ')} | ${acc()} | ${micros.toFixed(0)} |`);
    }
  }
  return lines.join('\n');
}
