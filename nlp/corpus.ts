/** Reads the labelled corpus (nlp/corpus/<lang>.jsonl, format in nlp/corpus/README.md). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CATEGORIES, LANGS, SEVERITIES, type Category, type Lang, type Severity } from './types';

export interface Example {
  readonly id: string;
  readonly lang: Lang;
  readonly text: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly split: 'train' | 'test';
}

const exampleSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(LANGS),
  text: z.string().min(1),
  severity: z.enum(SEVERITIES),
  category: z.enum(CATEGORIES),
  split: z.enum(['train', 'test']),
});

export interface Corpus {
  readonly examples: Example[];
  /** Languages whose file exists (a corpus may be partial while it is being written). */
  readonly langs: Lang[];
  readonly missing: Lang[];
  /** Lines that did not parse, with their file and line number, so a labelling slip is visible. */
  readonly rejected: { file: string; line: number; reason: string }[];
}

export function loadCorpus(dir: string, langs: readonly Lang[] = LANGS): Corpus {
  const examples: Example[] = [];
  const present: Lang[] = [];
  const missing: Lang[] = [];
  const rejected: Corpus['rejected'] = [];
  for (const lang of langs) {
    const file = join(dir, `${lang}.jsonl`);
    if (!existsSync(file)) {
      missing.push(lang);
      continue;
    }
    present.push(lang);
    readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        rejected.push({ file, line: i + 1, reason: 'not JSON' });
        return;
      }
      const r = exampleSchema.safeParse(parsed);
      if (!r.success) rejected.push({ file, line: i + 1, reason: r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      else if (r.data.lang !== lang) rejected.push({ file, line: i + 1, reason: `lang ${r.data.lang} in ${lang}.jsonl` });
      else examples.push(r.data);
    });
  }
  return { examples, langs: present, missing, rejected };
}
