/**
 * Benchmark of the triage classifier against @nlpjs/nlp (NluNeural) on the same corpus split:
 * accuracy side by side, then load time, throughput and latency. Run: `npm run bench:nlp`.
 * nlp.js gets one intent per category+severity pair (e.g. `account_access.critical`), so a single
 * network predicts both, the closest match to what our two models decide together.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, type Example } from '../../nlp/corpus';
import { scoreByLang, type Outcome, type Scores } from '../../nlp/metrics';
import { defaultCorpusDir, projectRoot } from '../../nlp/paths';
import { loadTriage } from '../../nlp/triage';
import { CATEGORIES, isCategory, isLang, type Lang } from '../../nlp/types';

interface NlpJs {
  addLanguage(locales: string[]): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  guessLanguage(utterance: string): string;
  classify(locale: string, utterance: string): Promise<{ classifications: { intent: string; score: number }[] }>;
}

const root = projectRoot(__dirname);
const load = createRequire(join(root, 'package.json'));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface Speed {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Per-call latencies of one round over `texts`, appended to `into`; returns the round's total ms. */
async function round(texts: readonly string[], run: (t: string) => unknown, into: number[]): Promise<number> {
  const start = process.hrtime.bigint();
  for (const t of texts) {
    const s = process.hrtime.bigint();
    await run(t);
    into.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(times: number[], totalMs: number): Speed {
  times.sort((a, b) => a - b);
  return { perSecond: (times.length / totalMs) * 1000, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * Both classifiers, the same way: the same number of rounds over the same texts, alternating
 * (ours, theirs, ours, …) so that garbage collection debt and machine noise fall on both alike.
 */
async function measureBoth(texts: readonly string[], rounds: number, a: (t: string) => unknown, b: (t: string) => unknown): Promise<[Speed, Speed]> {
  const times: [number[], number[]] = [[], []];
  const total = [0, 0];
  for (let r = 0; r < rounds; r++) {
    total[0] = (total[0] as number) + (await round(texts, a, times[0]));
    total[1] = (total[1] as number) + (await round(texts, b, times[1]));
  }
  return [summary(times[0], total[0] as number), summary(times[1], total[1] as number)];
}

async function nlpjsModel(train: readonly Example[], langs: readonly Lang[]): Promise<{ nlp: NlpJs; trainMs: number }> {
  const { containerBootstrap } = load('@nlpjs/core') as { containerBootstrap: () => Promise<{ use(p: unknown): void; get(n: string): NlpJs }> };
  const { Nlp } = load('@nlpjs/nlp') as { Nlp: unknown };
  const { LangAll } = load('@nlpjs/lang-all') as { LangAll: unknown };
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangAll);
  const nlp = container.get('nlp');
  (nlp as unknown as { settings: Record<string, unknown> }).settings.autoSave = false;
  nlp.addLanguage([...langs]);
  for (const e of train) nlp.addDocument(e.lang, e.text, `${e.category}.${e.severity}`);
  const started = Date.now();
  // NluNeural logs every epoch with console.log; keep the report readable.
  const log = console.log;
  console.log = () => undefined;
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  return { nlp, trainMs: Date.now() - started };
}

async function nlpjsPredict(nlp: NlpJs, text: string, langs: readonly Lang[]): Promise<Outcome['predicted']> {
  const guessed = nlp.guessLanguage(text);
  const lang: Lang = isLang(guessed) && langs.includes(guessed) ? guessed : (langs[0] as Lang);
  const r = await nlp.classify(lang, text);
  const [category, severity] = (r.classifications[0]?.intent ?? 'other.commercial').split('.');
  return { lang, category: isCategory(category) ? category : 'other', severity: severity === 'critical' ? 'critical' : 'commercial' };
}

function coldLoadMs(): number {
  const script = `const t=process.hrtime.bigint();const {loadTriage}=require(${JSON.stringify(join(root, 'dist', 'nlp', 'index.js'))});loadTriage();process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return runs.sort((a, b) => a - b)[1] as number;
}

const f3 = (x: number) => x.toFixed(3);

function accuracyTable(ours: ReadonlyMap<Lang | 'all', Scores>, theirs: ReadonlyMap<Lang | 'all', Scores>): string {
  const lines = [
    '| lang | critical P (ours / nlp.js) | critical R | category macro-F1 | language acc. |',
    '|---|---|---|---|---|',
  ];
  for (const l of [...ours.keys()].sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1))) {
    const a = ours.get(l) as Scores;
    const b = theirs.get(l) as Scores;
    lines.push(`| ${l} | ${f3(a.criticalPrecision)} / ${f3(b.criticalPrecision)} | ${f3(a.criticalRecall)} / ${f3(b.criticalRecall)} | ${f3(a.categoryMacroF1)} / ${f3(b.categoryMacroF1)} | ${f3(a.languageAccuracy)} / ${f3(b.languageAccuracy)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const corpus = loadCorpus(defaultCorpusDir());
  const train = corpus.examples.filter((e) => e.split === 'train');
  const test = corpus.examples.filter((e) => e.split === 'test');
  const langs = corpus.langs;

  const loadStart = process.hrtime.bigint();
  const triage = loadTriage();
  const warmLoadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const ours = test.map((e) => ({ lang: e.lang, gold: e, predicted: triage.classify(e.text) }));

  const { nlp, trainMs } = await nlpjsModel(train, langs);
  const theirs: Outcome[] = [];
  for (const e of test) theirs.push({ lang: e.lang, gold: e, predicted: await nlpjsPredict(nlp, e.text, langs) });

  const texts = test.map((e) => e.text);
  // First pass over messages neither has classified before: cold caches (stems, JIT, regex code).
  const ours1: number[] = [];
  const theirs1: number[] = [];
  const ourFirst = summary(ours1, await round(texts, (t) => triage.classify(t), ours1));
  const theirFirst = summary(theirs1, await round(texts, (t) => nlpjsPredict(nlp, t, langs), theirs1));
  // Steady state, after that pass: what a long-running classifier sees.
  const [ourSpeed, theirSpeed] = await measureBoth(texts, 10, (t) => triage.classify(t), (t) => nlpjsPredict(nlp, t, langs));

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    [
      `# NLP benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (${cpu})`,
      '',
      `Corpus: ${train.length} train / ${test.length} test messages (${langs.join(', ')}); ${CATEGORIES.length} categories.`,
      '',
      '## Accuracy on the test split (ours / @nlpjs/nlp NluNeural)',
      '',
      accuracyTable(scoreByLang(ours), scoreByLang(theirs)),
      '',
      '## Speed',
      '',
      '| | ours | @nlpjs/nlp |',
      '|---|---:|---:|',
      `| model load, cold process (require + load, median of 3) | ${coldLoadMs().toFixed(0)} ms | — (trains in memory: ${trainMs} ms) |`,
      `| model load, in process | ${warmLoadMs.toFixed(0)} ms | — |`,
      `| classifications / s | ${ourSpeed.perSecond.toFixed(0)} | ${theirSpeed.perSecond.toFixed(0)} |`,
      `| latency p50 | ${ourSpeed.p50.toFixed(3)} ms | ${theirSpeed.p50.toFixed(3)} ms |`,
      `| latency p99 | ${ourSpeed.p99.toFixed(3)} ms | ${theirSpeed.p99.toFixed(3)} ms |`,
      `| first pass over the test split (cold caches): p50 / p99 | ${ourFirst.p50.toFixed(3)} / ${ourFirst.p99.toFixed(3)} ms | ${theirFirst.p50.toFixed(3)} / ${theirFirst.p99.toFixed(3)} ms |`,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
