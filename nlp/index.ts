/**
 * The triage module's public API: the rest of Ombuds imports only from here.
 *
 *   const triage = loadTriage();            // once at start (reads nlp/model/triage-model.json)
 *   triage.classify('the heater sparked')   // { lang, severity, category, confidence, needsHuman, signals }
 *   pickAnswer(tenantAnswers, { ...classification, text })
 */
export { loadTriage, DEFAULT_NEEDS_HUMAN_THRESHOLD, type Triage, type TriageOptions } from './triage';
export { pickAnswer, type ClassifiedComplaint, type PredefinedAnswer } from './answers';
export { foldText } from './normalize';
export {
  CATEGORIES,
  LANGS,
  SEVERITIES,
  isCategory,
  isLang,
  type Category,
  type Classification,
  type Lang,
  type LanguageGuess,
  type SafetySignal,
  type Severity,
} from './types';
