/**
 * Classification-time scoring: the same features and the same numbers as
 * `predictJoint(joinModels(…), extractFeatures(…))` (features.ts, linear.ts), computed without
 * building a feature vector. Feature names are hashed as they are read (hashing.ts), the weights
 * of all models sit side by side in one Float64Array, and per-message counts live in scratch
 * arrays reused by every call. Training keeps the readable string-keyed path; a unit test checks
 * that both give the same probabilities.
 */
import type { FeatureOptions } from './features';
import { FeatureTable, hashFeed, hashFeedString, hashRestore, hashSave, hashStart } from './hashing';
import type { LinearJson } from './linear';

export interface FastModel {
  readonly table: FeatureTable;
  /** Row r holds every model's weights for feature r, models side by side. */
  readonly weights: Float64Array;
  readonly width: number;
  readonly sizes: readonly number[];
  readonly bias: number;
  /** Scratch: per-row counts of the current message and the rows it touched. */
  readonly counts: Float64Array;
  readonly touched: Int32Array;
}

// Hash states after the feature-name prefixes, so each feature only hashes its own characters.
const PREFIX = new Int32Array(6);
const WORD = 0;
const BIGRAM = 2;
const CHAR = 4;
for (const [at, prefix] of [[WORD, 'w:'], [BIGRAM, 'b:'], [CHAR, 'c:']] as const) {
  hashStart();
  hashFeedString(prefix);
  hashSave(PREFIX, at);
}
const UNDERSCORE = 0x5f;
const DOLLAR = 0x24;

/**
 * All feature names of the models, each once. Training writes them sorted, so a merge does it
 * without a 70,000-entry Set (a measurable part of load time); unsorted input falls back to a Set.
 */
function unionOfNames(lists: readonly string[][]): string[] {
  let out = lists[0] ?? [];
  for (const next of lists.slice(1)) {
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < out.length || j < next.length) {
      const a = out[i];
      const b = next[j];
      const pick = b === undefined || (a !== undefined && a <= b) ? (a as string) : b;
      if (a === pick) i++;
      if (b === pick) j++;
      const previous = merged[merged.length - 1];
      if (previous !== undefined && previous >= pick) return [...new Set(lists.flat())];
      merged.push(pick);
    }
    out = merged;
  }
  return out;
}

/** Several models over the same features (e.g. category and severity), from their JSON. */
export function fastModel(models: readonly LinearJson[]): FastModel {
  const sizes = models.map((m) => m.classes.length);
  const width = sizes.reduce((a, b) => a + b, 0);
  const names = unionOfNames(models.map((m) => m.features));
  const table = new FeatureTable(names);
  const buffer = new Float64Array(names.length * width);
  let offset = 0;
  for (const m of models) {
    const inv = 1 / m.scale;
    const K = m.classes.length;
    // Sorted lists: each model's next feature is at or after the previous one's row in `names`
    // (a walk, no hashing); unsorted input falls back to the table.
    let r = 0;
    m.features.forEach((f, i) => {
      while (r < names.length && names[r] !== f) r++;
      if (r === names.length) r = table.get(f);
      for (let k = 0; k < K; k++) buffer[r * width + offset + k] = (m.weights[i * K + k] as number) * inv;
    });
    offset += K;
  }
  return { table, weights: buffer, width, sizes, bias: table.get('bias'), counts: new Float64Array(names.length), touched: new Int32Array(names.length) };
}

function addRow(m: FastModel, scores: Float64Array, row: number, v: number): void {
  const base = row * m.width;
  for (let k = 0; k < m.width; k++) scores[k] = (scores[k] as number) + (m.weights[base + k] as number) * v;
}

/** Adds the block counted in m.counts (rows in m.touched[0…n)) with values √count·k, and clears it. */
function flush(m: FastModel, scores: Float64Array, n: number, k: number): void {
  for (let t = 0; t < n; t++) {
    const row = m.touched[t] as number;
    addRow(m, scores, row, Math.sqrt(m.counts[row] as number) * k);
    m.counts[row] = 0;
  }
}

/** Counts the feature hashed so far; returns the new number of touched rows. */
function count(m: FastModel, n: number): number {
  const row = m.table.current();
  if (row < 0) return n;
  if (m.counts[row] === 0) m.touched[n++] = row;
  m.counts[row] = (m.counts[row] as number) + 1;
  return n;
}

function softmax(scores: Float64Array, from: number, to: number): void {
  let max = -Infinity;
  for (let k = from; k < to; k++) if ((scores[k] as number) > max) max = scores[k] as number;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const e = Math.exp((scores[k] as number) - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = from; k < to; k++) scores[k] = (scores[k] as number) / sum;
}

/**
 * Each model's class probabilities for one message, side by side in one array (model i's classes
 * start at the sum of the earlier sizes). `tokens` are tokenize(folded text); `shared` the names
 * of the shared features present (`s:fire`, `i:anger`, `k:bill`), each counted once.
 */
export function fastScores(m: FastModel, tokens: readonly string[], stem: (token: string) => string, shared: readonly string[], opts: FeatureOptions): Float64Array {
  const scores = new Float64Array(m.width);
  // Word block: stems and stem bigrams (with ^ and $ at the ends).
  let n = 0;
  let prev = '^';
  for (const token of tokens) {
    const s = stem(token);
    hashRestore(PREFIX, WORD);
    hashFeedString(s);
    n = count(m, n);
    hashRestore(PREFIX, BIGRAM);
    hashFeedString(prev);
    hashFeed(UNDERSCORE);
    hashFeedString(s);
    n = count(m, n);
    prev = s;
  }
  if (tokens.length > 0) {
    hashRestore(PREFIX, BIGRAM);
    hashFeedString(prev);
    hashFeed(UNDERSCORE);
    hashFeed(DOLLAR);
    n = count(m, n);
    // Every token adds a stem and a bigram, plus the final bigram: Σ(√count)² = Σ count = 2T + 1.
    flush(m, scores, n, 1 / Math.sqrt(2 * tokens.length + 1));
  }
  // Character block: n-grams of `_token_` (numbers have none).
  n = 0;
  let total = 0;
  for (const token of tokens) {
    if (token === '#') continue;
    // The n-grams of `_token_`, read without building that string.
    const L = token.length + 2;
    for (let i = 0; i + opts.charMin <= L; i++) {
      hashRestore(PREFIX, CHAR);
      const end = Math.min(L, i + opts.charMax);
      for (let j = i; j < end; j++) {
        hashFeed(j === 0 || j === L - 1 ? UNDERSCORE : token.charCodeAt(j - 1));
        if (j - i + 1 >= opts.charMin) {
          total++;
          n = count(m, n);
        }
      }
    }
  }
  if (total > 0) flush(m, scores, n, opts.charWeight / Math.sqrt(total));
  for (const name of shared) {
    const row = m.table.get(name);
    if (row >= 0) addRow(m, scores, row, opts.sharedWeight);
  }
  if (m.bias >= 0) addRow(m, scores, m.bias, 1);
  let from = 0;
  for (const size of m.sizes) {
    softmax(scores, from, from + size);
    from += size;
  }
  return scores;
}
