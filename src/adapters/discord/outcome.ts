import { performance } from 'node:perf_hooks';

/** What became of one interaction or mention, for its log line and the metrics. */
export interface Outcome {
  /** The answer status when an answer was sent; otherwise ok, rate_limited, invalid, unknown, error… */
  status: string;
  readonly startedAt: number;
}

const outcomes = new WeakMap<object, Outcome>();

/** Starts tracking an interaction or message (the router and the mention handler do). */
export function track(event: object): Outcome {
  const outcome: Outcome = { status: 'ok', startedAt: performance.now() };
  outcomes.set(event, outcome);
  return outcome;
}

/** Records how an interaction ended; returns the seconds since it arrived. */
export function settle(event: object, status: string): number {
  const outcome = outcomes.get(event);
  if (outcome === undefined) return 0;
  outcome.status = status;
  return (performance.now() - outcome.startedAt) / 1000;
}
