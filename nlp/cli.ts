/**
 * `npm run nlp -- <command>`: classify | train | eval | langid | --help.
 * Paths come from the project root, so it works from sources and from dist/ alike.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { classifyStream } from './classify-stream';
import { loadCorpus } from './corpus';
import { evalReport, evaluate } from './evaluate';
import { compareDetectors } from './langid-compare';
import { defaultCorpusDir, defaultModelPath } from './paths';
import { consoleProgress } from './progress';
import { trainModel } from './train';
import { loadTriage } from './triage';

const HELP = `Usage: npm run nlp -- <command>

Commands:
  classify   read JSON lines {"id","text"} on stdin, write one JSON line per input on stdout:
             {"id","severity","category","lang","confidence","needsHuman"} or {"id"?,"error":{"code","message"}}
  train      rebuild nlp/model/triage-model.json from the corpus train split (nlp/corpus/*.jsonl)
  eval       precision/recall/F1 for critical, category macro-F1, language accuracy and a
             confusion matrix, per language, on the corpus test split
  langid     compare language detectors (tinyld, eld, franc-min, ours) on the test split
  --help     this text

Options (classify, eval, langid): --model PATH   use another model file
Options (train): --out PATH   write the model elsewhere`;

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function corpusOrExit(): ReturnType<typeof loadCorpus> {
  const corpus = loadCorpus(defaultCorpusDir());
  for (const r of corpus.rejected) process.stderr.write(`skipped ${r.file}:${r.line}: ${r.reason}\n`);
  if (corpus.missing.length > 0) process.stderr.write(`missing corpus files: ${corpus.missing.map((l) => `${l}.jsonl`).join(', ')}\n`);
  if (corpus.examples.length === 0) {
    process.stderr.write(`no corpus in ${defaultCorpusDir()}\n`);
    process.exit(1);
  }
  return corpus;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  const modelPath = option(args, '--model') ?? defaultModelPath();
  switch (command) {
    case 'classify': {
      const triage = loadTriage({ modelPath });
      await classifyStream(triage, process.stdin, process.stdout);
      return 0;
    }
    case 'train': {
      const corpus = corpusOrExit();
      const out = option(args, '--out') ?? defaultModelPath();
      const started = Date.now();
      const model = trainModel(corpus.examples, { progress: consoleProgress(process.stderr) });
      mkdirSync(dirname(out), { recursive: true });
      const json = `${JSON.stringify(model)}\n`;
      writeFileSync(out, json);
      const cv = model.training.crossValidation;
      process.stdout.write(
        `trained on ${model.training.examples} messages (${Object.entries(model.training.perLang).map(([l, n]) => `${l} ${n}`).join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
          `chosen by 5-fold cross-validation on the train split: epochs ${model.linear.epochs}, learning rate ${model.linear.learningRate}, l2 ${model.linear.l2}, ` +
          `char weight ${model.features.charWeight}, severity weight ${model.severityWeight}, breach model ${model.breach ? 'yes' : 'no'}, idiom threshold ${model.idiomThreshold ?? 0}\n` +
          `critical thresholds: ${Object.entries(model.criticalThresholds ?? {}).map(([l, t]) => `${l} ${t}`).join(', ')} (one threshold: ${model.criticalThreshold})\n` +
          `cross-validated: min critical recall ${cv.minCriticalRecall}, mean critical precision ${cv.meanCriticalPrecision}, mean category macro-F1 ${cv.meanCategoryMacroF1}\n` +
          `wrote ${out} (${(json.length / 1e6).toFixed(2)} MB)\n`,
      );
      return 0;
    }
    case 'eval': {
      const corpus = corpusOrExit();
      process.stdout.write(evalReport(evaluate(loadTriage({ modelPath }), corpus.examples)));
      return 0;
    }
    case 'langid': {
      const corpus = corpusOrExit();
      process.stdout.write(`${compareDetectors(loadTriage({ modelPath }), corpus.examples)}\n`);
      return 0;
    }
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${HELP}\n`);
      return 0;
    default:
      process.stderr.write(`${command === undefined ? 'no command given' : `unknown command: ${command}`}\n\n${HELP}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`nlp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
