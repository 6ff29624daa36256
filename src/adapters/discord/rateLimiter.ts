/** A per-key sliding-window limit: at most `limit` events in any `windowMs`. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event for `key` if allowed; otherwise says how long to wait. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.now();
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return { ok: false, retryAfterMs: this.windowMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.events.set(key, recent);
    // Keep the map from growing without bound on a busy server.
    if (this.events.size > 10_000) {
      for (const [k, times] of this.events)
        if (times.every((t) => now - t >= this.windowMs)) this.events.delete(k);
    }
    return { ok: true };
  }
}
