/**
 * Feature lookup without building feature-name strings: a feature name is hashed character by
 * character into two independent 32-bit hashes (≈64 bits together), and the model's feature names
 * are hashed the same way once at load into an open-addressing table. Classifying a message then
 * costs integer arithmetic per character n-gram instead of a string slice, a template string and
 * a Map lookup. Two different model features with the same pair of hashes would be ambiguous, so
 * the table refuses them at load (it has never happened; the chance is about n²/2⁶⁴).
 */

const SEED_A = 0x811c9dc5 | 0;
const SEED_B = 0x9747b28c | 0;

/** The running hash pair. Module state, not an object: no allocation per feature. */
let hashA = SEED_A;
let hashB = SEED_B;

export function hashStart(): void {
  hashA = SEED_A;
  hashB = SEED_B;
}

/** Feeds one UTF-16 code unit. */
export function hashFeed(code: number): void {
  hashA = Math.imul(hashA ^ code, 0x01000193);
  let b = Math.imul(hashB ^ code, 0x5bd1e995);
  b ^= b >>> 13;
  hashB = b;
}

export function hashFeedString(s: string): void {
  for (let i = 0; i < s.length; i++) hashFeed(s.charCodeAt(i));
}

/** Saves the running hash (e.g. after a feature prefix such as `c:`) to resume from it later. */
export function hashSave(into: Int32Array, at: number): void {
  into[at] = hashA;
  into[at + 1] = hashB;
}

export function hashRestore(from: Int32Array, at: number): void {
  hashA = from[at] as number;
  hashB = from[at + 1] as number;
}

/**
 * Maps feature names to row numbers 0…n-1 (their order in `names`). Each slot holds its two hashes
 * and its row side by side (one cache line per probe), at most half the slots are used.
 */
export class FeatureTable {
  /** Slot i: [hashA, hashB, row] at 3i; row -1 when empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(names: readonly string[]) {
    let capacity = 16;
    while (capacity < names.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 3);
    for (let i = 2; i < this.slots.length; i += 3) this.slots[i] = -1;
    this.size = names.length;
    names.forEach((name, row) => {
      hashStart();
      hashFeedString(name);
      const at = this.slotOf(hashA, hashB);
      if ((this.slots[at + 2] as number) >= 0) throw new Error(`feature hash collision: ${name} and row ${this.slots[at + 2]}`);
      this.slots[at] = hashA;
      this.slots[at + 1] = hashB;
      this.slots[at + 2] = row;
    });
  }

  /** Index (×3) of the slot holding (a, b), or of the empty slot where it would go. */
  private slotOf(a: number, b: number): number {
    let slot = (a ^ (a >>> 16)) & this.mask;
    for (;;) {
      const at = slot * 3;
      if ((this.slots[at + 2] as number) < 0) return at;
      if (this.slots[at] === a && this.slots[at + 1] === b) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Row of the feature hashed so far (hashStart/hashFeed…), or -1. */
  current(): number {
    return this.slots[this.slotOf(hashA, hashB) + 2] as number;
  }

  /** Row of a feature given by name, or -1. */
  get(name: string): number {
    hashStart();
    hashFeedString(name);
    return this.current();
  }
}
