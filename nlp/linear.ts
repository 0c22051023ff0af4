/**
 * Multinomial logistic regression over sparse features, trained with AdaGrad and L2 in a fixed,
 * seeded order (deterministic), scored sparsely: a message touches only its own features, so
 * classification cost does not grow with the vocabulary.
 */
import type { FeatureVector } from './features';

export interface LinearParams {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
  /** Minimum number of training messages a feature must occur in. */
  readonly minDf: number;
}

/**
 * The serialised form: feature names, and one flat array of integer weights (weight × scale),
 * `classes.length` per feature in the order of `features`. Flat because JSON.parse reads one long
 * number array 2–3× faster than tens of thousands of small ones (model load time).
 */
export interface LinearJson {
  readonly classes: string[];
  readonly scale: number;
  readonly features: string[];
  readonly weights: number[];
}

export interface LinearModel {
  readonly classes: readonly string[];
  readonly weights: ReadonlyMap<string, Float64Array>;
}

/** mulberry32: a tiny seeded PRNG, so training order is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k] as number) - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] as number) / sum;
}

/**
 * Trains on `docs` with labels `y` (indices into `classes`). Classes are weighted by inverse
 * frequency so rare categories count as much as common ones (we are judged on macro-F1).
 */
export function trainLinear(docs: readonly FeatureVector[], y: readonly number[], classes: readonly string[], p: LinearParams): LinearModel {
  const K = classes.length;
  // A feature seen in a single message cannot generalise; dropping it halves the model file.
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const names = [...df].filter(([, n]) => n >= p.minDf).map(([f]) => f).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const sparse = docs.map((d) => {
    const entries = [...d.entries()].filter(([f]) => index.has(f)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return { idx: Int32Array.from(entries, ([f]) => index.get(f) as number), val: Float64Array.from(entries, ([, v]) => v) };
  });
  const counts = new Array<number>(K).fill(0);
  for (const label of y) counts[label] = (counts[label] ?? 0) + 1;
  const present = counts.filter((c) => c > 0).length;
  const classWeight = counts.map((c) => (c > 0 ? docs.length / (present * c) : 0));
  const W = new Float64Array(names.length * K);
  const G = new Float64Array(names.length * K).fill(1e-8);
  const random = seededRandom(p.seed);
  const scores = new Float64Array(K);
  // Averaging the weights of the later epochs (Polyak) smooths SGD's last-step noise.
  const avg = new Float64Array(W.length);
  let averaged = 0;
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (const i of shuffled(docs.length, random)) {
      const doc = sparse[i] as { idx: Int32Array; val: Float64Array };
      const label = y[i] as number;
      scores.fill(0);
      for (let j = 0; j < doc.idx.length; j++) {
        const base = (doc.idx[j] as number) * K;
        const v = doc.val[j] as number;
        for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + (W[base + k] as number) * v;
      }
      softmaxInPlace(scores);
      const cw = classWeight[label] as number;
      for (let j = 0; j < doc.idx.length; j++) {
        const base = (doc.idx[j] as number) * K;
        const v = doc.val[j] as number;
        for (let k = 0; k < K; k++) {
          const at = base + k;
          const w = W[at] as number;
          const g = cw * ((scores[k] as number) - (k === label ? 1 : 0)) * v + p.l2 * w;
          G[at] = (G[at] as number) + g * g;
          W[at] = w - (p.learningRate * g) / Math.sqrt(G[at] as number);
        }
      }
    }
    if (epoch >= p.epochs / 2) {
      for (let k = 0; k < W.length; k++) avg[k] = (avg[k] as number) + (W[k] as number);
      averaged++;
    }
  }
  const final = averaged > 0 ? avg.map((x) => x / averaged) : W;
  const weights = new Map<string, Float64Array>();
  names.forEach((n, i) => weights.set(n, final.slice(i * K, (i + 1) * K)));
  return { classes: [...classes], weights };
}

/** Class probabilities for one message; features unknown to the model are ignored. */
export function predictLinear(model: LinearModel, x: FeatureVector): Float64Array {
  const K = model.classes.length;
  const scores = new Float64Array(K);
  for (const [f, v] of x) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + (w[k] as number) * v;
  }
  softmaxInPlace(scores);
  return scores;
}

/** Quantises to integers and drops features whose every weight rounds to zero (a smaller file). */
export function linearToJson(model: LinearModel, scale = 1000): LinearJson {
  const features: string[] = [];
  const weights: number[] = [];
  for (const [f, w] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const q = Array.from(w, (x) => Math.round(x * scale));
    if (q.some((x) => x !== 0)) {
      features.push(f);
      weights.push(...q);
    }
  }
  return { classes: [...model.classes], scale, features, weights };
}

export function linearFromJson(json: LinearJson): LinearModel {
  const K = json.classes.length;
  // One buffer with a view per feature: far fewer allocations than an array per feature at load.
  const buffer = Float64Array.from(json.weights, (x) => x / json.scale);
  const weights = new Map<string, Float64Array>();
  json.features.forEach((f, i) => weights.set(f, buffer.subarray(i * K, (i + 1) * K)));
  return { classes: json.classes, weights };
}

/** Several models over the same features, stored side by side so a message costs one lookup per feature. */
export interface JointModel {
  readonly sizes: readonly number[];
  readonly weights: ReadonlyMap<string, Float64Array>;
}

export function joinModels(models: readonly LinearModel[]): JointModel {
  const sizes = models.map((m) => m.classes.length);
  const width = sizes.reduce((a, b) => a + b, 0);
  const names = [...new Set(models.flatMap((m) => [...m.weights.keys()]))];
  const buffer = new Float64Array(names.length * width);
  const weights = new Map<string, Float64Array>();
  names.forEach((f, i) => {
    const row = buffer.subarray(i * width, (i + 1) * width);
    let offset = 0;
    models.forEach((m, k) => {
      const w = m.weights.get(f);
      if (w) row.set(w, offset);
      offset += sizes[k] as number;
    });
    weights.set(f, row);
  });
  return { sizes, weights };
}

/** Each model's class probabilities for one message, in the order given to joinModels. */
export function predictJoint(model: JointModel, x: FeatureVector): Float64Array[] {
  const width = model.sizes.reduce((a, b) => a + b, 0);
  const scores = new Float64Array(width);
  for (const [f, v] of x) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let k = 0; k < width; k++) scores[k] = (scores[k] as number) + (w[k] as number) * v;
  }
  const out: Float64Array[] = [];
  let offset = 0;
  for (const size of model.sizes) {
    const part = scores.slice(offset, offset + size);
    softmaxInPlace(part);
    out.push(part);
    offset += size;
  }
  return out;
}
