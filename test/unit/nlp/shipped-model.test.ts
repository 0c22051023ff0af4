import { loadCorpus } from '../../../nlp/corpus';
import { evaluate } from '../../../nlp/evaluate';
import { scoreByLang, type Scores } from '../../../nlp/metrics';
import { defaultCorpusDir } from '../../../nlp/paths';
import { loadTriage } from '../../../nlp/triage';

// A real check of nlp/model/triage-model.json on the corpus test split (which training never
// reads). Nothing here feeds back into training: if a number drops, fix the model, not the test.
const corpus = loadCorpus(defaultCorpusDir());
const byLang = scoreByLang(evaluate(loadTriage(), corpus.examples));
const langs = corpus.langs.map((l) => [l, byLang.get(l) as Scores] as const);

/** The targets of the triage issue, in every language. */
const TARGETS = { criticalRecall: 0.97, criticalPrecision: 0.85, categoryMacroF1: 0.8, languageAccuracy: 0.98 };
/**
 * What the shipped model reaches today, minus a small margin: a regression floor so a worse model
 * cannot be shipped silently. Raise it whenever a better model is trained.
 * 2026-11-22: the test split grew from 275 to 473 messages (harder ones: mixed messages, subtle
 * breaches, idioms), and the thresholds were lowered to hold critical recall at 0.97–0.98 out of
 * fold (nlp/README.md, Decision). On this split the lowest per-language figures of the shipped
 * model are recall 0.90 (ro), precision 0.55 and macro-F1 0.59 (pt); the previous model reached
 * recall 0.87 (ro) and precision 0.69 (pt) at worst on the same split. Recall was bought with
 * precision on purpose, so the precision floor moved down with it.
 */
const FLOOR = { criticalRecall: 0.87, criticalPrecision: 0.5, categoryMacroF1: 0.55, languageAccuracy: 0.97 };

describe('the shipped model on the corpus test split', () => {
  it('covers all six languages', () => {
    expect(corpus.langs.sort()).toEqual(['en', 'fa', 'it', 'pt', 'ro', 'ru']);
  });

  it.each(langs)('in %s it does not fall below the regression floor', (_lang, s) => {
    expect(s.criticalRecall).toBeGreaterThanOrEqual(FLOOR.criticalRecall);
    expect(s.criticalPrecision).toBeGreaterThanOrEqual(FLOOR.criticalPrecision);
    expect(s.categoryMacroF1).toBeGreaterThanOrEqual(FLOOR.categoryMacroF1);
    expect(s.languageAccuracy).toBeGreaterThanOrEqual(FLOOR.languageAccuracy);
  });

  // Known gap, reported in nlp/README.md: the targets are not met in every language yet.
  // `it.failing` keeps the suite green while the gap exists and turns red the day a model meets
  // them all — then make it a plain `it` and raise FLOOR.
  it.failing('meets the issue targets in every language (known gap)', () => {
    for (const [, s] of langs) {
      expect(s.criticalRecall).toBeGreaterThanOrEqual(TARGETS.criticalRecall);
      expect(s.criticalPrecision).toBeGreaterThanOrEqual(TARGETS.criticalPrecision);
      expect(s.categoryMacroF1).toBeGreaterThanOrEqual(TARGETS.categoryMacroF1);
      expect(s.languageAccuracy).toBeGreaterThanOrEqual(TARGETS.languageAccuracy);
    }
  });
});
