/**
 * The triage classifier as the rest of Ombuds sees it: load once, then classify plain text.
 */
import { decide, DEFAULT_SEVERITY_WEIGHT, thresholdFor } from './decide';
import { fastModel, fastScores } from './fast';
import { LANGUAGE_SPECS } from './languages';
import { foldText, tokenize } from './normalize';
import { detectLanguage as detectWith, langIdFromJson, type LangIdModel } from './langid';
import { readModelFile, type TriageModelJson } from './model-format';
import { defaultModelPath } from './paths';
import { compileCues, scanCues } from './cues/scan';
import { compileSafety, scanSafety, type SafetyScan } from './safety/scan';
import { CATEGORIES, type Classification, type Lang, type LanguageGuess } from './types';

export interface TriageOptions {
  /** Model file; default nlp/model/triage-model.json under the project root. */
  readonly modelPath?: string;
  /** An already parsed model (tests, training's evaluation). */
  readonly model?: TriageModelJson;
  /** Below this confidence a classification is flagged `needsHuman`. Default 0.6. */
  readonly needsHumanThreshold?: number;
  /** Overrides the model's P(critical) thresholds, in every language (lower: more recall, less precision). */
  readonly criticalThreshold?: number;
  /** Language assumed when a text has no letters to tell (only digits, emoji). Default `en`. */
  readonly fallbackLang?: Lang;
}

export interface Triage {
  /** Language, severity, category and confidence of one message. Pure and synchronous. */
  classify(text: string): Classification;
  detectLanguage(text: string): LanguageGuess;
  /** Languages the loaded model knows. */
  readonly langs: readonly Lang[];
}

export const DEFAULT_NEEDS_HUMAN_THRESHOLD = 0.6;

/** Loads the model (synchronously, once) and returns the classifier. Throws if the model is missing. */
export function loadTriage(options: TriageOptions = {}): Triage {
  const json = options.model ?? readModelFile(options.modelPath ?? defaultModelPath());
  return createTriage(json, options);
}

export function createTriage(json: TriageModelJson, options: TriageOptions = {}): Triage {
  const langid: LangIdModel = langIdFromJson(json.langid);
  if (json.category.classes.join() !== CATEGORIES.join()) throw new Error('model categories differ from CATEGORIES; retrain the model');
  const criticalAt = CATEGORIES.length + json.severity.classes.indexOf('critical');
  // Both models side by side over one hashed feature table: one lookup per feature (fast.ts).
  const model = fastModel(json.breach ? [json.category, json.severity, json.breach] : [json.category, json.severity]);
  const breachAt = json.breach ? criticalAt + json.severity.classes.length + json.breach.classes.indexOf('critical') : -1;
  const threshold = options.needsHumanThreshold ?? DEFAULT_NEEDS_HUMAN_THRESHOLD;
  const thresholdOf = (lang: Lang): number => options.criticalThreshold ?? json.criticalThresholds?.[lang] ?? json.criticalThreshold;
  const severityWeight = json.severityWeight ?? DEFAULT_SEVERITY_WEIGHT;
  const idiomThreshold = json.idiomThreshold ?? 0;
  const fallback = options.fallbackLang ?? json.langs[0] ?? 'en';
  compileSafety(json.langs);
  compileCues(json.langs);

  function detectLanguage(text: string): LanguageGuess {
    return detectWith(langid, text, fallback);
  }

  /** What features.ts analyse() + linear.ts predictJoint() compute, folding and tokenising once. */
  function read(text: string, forceLang?: Lang): { guess: LanguageGuess; scan: SafetyScan; p: Float64Array } {
    const folded = foldText(text);
    const tokens = tokenize(folded);
    const guess: LanguageGuess = forceLang ? { lang: forceLang, confidence: 1, method: 'script' } : detectWith(langid, text, fallback, tokens);
    const scan = scanSafety(folded, guess.lang);
    const shared: string[] = [];
    for (const s of scan.signals) {
      const name = `s:${s.kind}`;
      if (!shared.includes(name)) shared.push(name);
    }
    for (const i of scan.idioms) shared.push(`i:${i}`);
    for (const group of scanCues(folded, guess.lang).keys()) shared.push(`k:${group}`);
    return { guess, scan, p: fastScores(model, tokens, LANGUAGE_SPECS[guess.lang].stem, shared, json.features) };
  }

  // Run every step once per language at load (regexes are compiled by compileSafety/compileCues).
  for (const lang of json.langs) read('warm up', lang);

  function classify(text: string): Classification {
    const { guess, scan, p } = read(text);
    const pCategory = p.subarray(0, CATEGORIES.length);
    const pSeverity = p[criticalAt] as number;
    const d = decide(pCategory, pSeverity, scan.signals, thresholdFor(thresholdOf(guess.lang), scan.signals, scan.idioms.length, idiomThreshold), severityWeight, breachAt >= 0 ? (p[breachAt] as number) : pSeverity);
    const needsHuman = d.confidence < threshold || guess.method === 'default';
    return {
      lang: guess.lang,
      severity: d.severity,
      category: d.category,
      confidence: Math.round(d.confidence * 1000) / 1000,
      needsHuman,
      signals: { safety: scan.signals, idioms: scan.idioms, langConfidence: Math.round(guess.confidence * 1000) / 1000, criticalProbability: Math.round(d.criticalProbability * 1000) / 1000 },
    };
  }

  return { classify, detectLanguage, langs: json.langs };
}
