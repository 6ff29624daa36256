import { performance } from 'node:perf_hooks';

/** What became of one interaction or mention, for its log line and the metrics. */
export interface Outcome {
  /** The answer status when an answer was sent; otherwise ok, rate_limited, invalid, unknown, error… */
  status: string;
  readonly startedAt: number;
}

// Kept on the event object itself: cheaper than a WeakMap entry per interaction, and gone with it.
const OUTCOME = Symbol('outcome');
type Tracked = object & { [OUTCOME]?: Outcome };

/** Starts tracking an interaction or message (the router and the mention handler do). */
export function track(event: object): Outcome {
  const outcome: Outcome = { status: 'ok', startedAt: performance.now() };
  (event as Tracked)[OUTCOME] = outcome;
  return outcome;
}

/** Records how an interaction ended; returns the seconds since it arrived. */
export function settle(event: object, status: string): number {
  const outcome = (event as Tracked)[OUTCOME];
  if (outcome === undefined) return 0;
  outcome.status = status;
  return (performance.now() - outcome.startedAt) / 1000;
}
