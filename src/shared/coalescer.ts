interface State {
  lastAt: number;
  running: boolean;
  dirty: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Coalesces work per key: at most one run per `intervalMs` for each key (a briefing), the first
 * at once, and always one trailing run after the last request, so what it renders ends current
 * however many changes arrived in a burst. The Discord queue message uses it with 2 s (Discord
 * allows about 5 edits per 5 s per channel); the live board with a fraction of a second.
 */
export class Coalescer {
  private readonly states = new Map<string, State>();
  private closed = false;
  /** Runs started (for the bench and tests). */
  edits = 0;

  constructor(
    private readonly render: (key: string) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown, key: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Asks for an edit of `key` soon. */
  request(key: string): void {
    if (this.closed) return;
    let state = this.states.get(key);
    if (state === undefined) {
      state = { lastAt: Number.NEGATIVE_INFINITY, running: false, dirty: false, timer: undefined };
      this.states.set(key, state);
    }
    state.dirty = true;
    if (!state.running && state.timer === undefined) this.schedule(key, state);
  }

  private schedule(key: string, state: State): void {
    const wait = Math.max(0, state.lastAt + this.intervalMs - this.now());
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(key, state);
    }, wait);
  }

  private async run(key: string, state: State): Promise<void> {
    if (this.closed) return;
    state.running = true;
    state.dirty = false;
    state.lastAt = this.now();
    this.edits++;
    try {
      await this.render(key);
    } catch (error) {
      this.onError(error, key);
    } finally {
      state.running = false;
      this.scheduleIfDirty(key, state);
    }
  }

  /** Requests that arrived during the edit get one trailing edit. */
  private scheduleIfDirty(key: string, state: State): void {
    if (state.dirty && !this.closed) this.schedule(key, state);
  }

  /** Resolves once no edit is pending or running (tests, shutdown). */
  async settled(): Promise<void> {
    while ([...this.states.values()].some((s) => s.running || s.timer !== undefined)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Runs every pending edit now and waits for them (shutdown: the last change is not dropped),
   * at most `timeoutMs`.
   */
  async flush(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.states.values()].some((s) => s.running || s.timer !== undefined)) {
      if (Date.now() > deadline) return;
      for (const [key, state] of this.states) {
        // A change that arrived during an edit: send it now instead of waiting out the interval.
        if (state.timer !== undefined && !state.running) {
          clearTimeout(state.timer);
          state.timer = undefined;
          void this.run(key, state);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.closed = true;
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.states.clear();
  }
}
