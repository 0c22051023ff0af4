import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding package.json. The model and the corpus are found from here, never from the
 * working directory, because the code runs both from sources (jest) and compiled in dist/.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
}

export function defaultModelPath(): string {
  return join(projectRoot(), 'nlp', 'model', 'triage-model.json');
}

export function defaultCorpusDir(): string {
  return join(projectRoot(), 'nlp', 'corpus');
}
