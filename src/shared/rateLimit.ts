/** What a rate limiter decides for one event. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/**
 * A per-key sliding-window limit: at most `limit` events in any `windowMs`. In one process it is
 * kept in memory; with Redis every process shares it (see the storage adapter).
 */
export interface RateLimiter {
  /** Records an event for `key` if allowed; otherwise says how long to wait. */
  take(key: string): RateDecision | Promise<RateDecision>;
}

/** Makes the limiter for one purpose (`name` keeps purposes apart in a shared store). */
export type RateLimiterFactory = (name: string, limit: number, windowMs: number) => RateLimiter;

/** The in-memory sliding window, for one process. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly events = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return { ok: false, retryAfterMs: this.windowMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.events.set(key, recent);
    // Keep the map from growing without bound on a busy server (a sweep at most once a window).
    if (this.events.size > 10_000 && now - this.lastSweep >= this.windowMs) {
      this.lastSweep = now;
      for (const [k, times] of this.events)
        if (times.every((t) => now - t >= this.windowMs)) this.events.delete(k);
    }
    return { ok: true };
  }
}

export const memoryRateLimiters: RateLimiterFactory = (_name, limit, windowMs) =>
  new MemoryRateLimiter(limit, windowMs);
