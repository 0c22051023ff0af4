/**
 * A fixed-window counter keyed by anything (a tracking code, an e-mail address). Used where the
 * key is not the client address, which @fastify/rate-limit already covers. Per process: with
 * several processes each allows its own window, so the per-client limit stays the outer bound.
 */
export class KeyedLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly maxKeys = 100_000) {}

  /** Counts one attempt for `key`; false when the key is over its limit in this window. */
  hit(key: string, nowMs: number): boolean {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= nowMs) {
      if (this.windows.size >= this.maxKeys) this.evict(nowMs);
      w = { count: 0, resetAt: nowMs + this.windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count <= this.max;
  }

  private evict(nowMs: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= nowMs) this.windows.delete(k);
    // Still full under attack: drop the oldest half rather than grow without bound.
    if (this.windows.size >= this.maxKeys) {
      let n = Math.floor(this.maxKeys / 2);
      for (const k of this.windows.keys()) { if (n-- <= 0) break; this.windows.delete(k); }
    }
  }
}
