/** The circuit breaker: after repeated service failures the model is skipped for a cool-down. */
import type { PhraserLogger } from './phraser.js';

/** Circuit breaker settings: open after `failureThreshold` consecutive failures, try again after `cooldownMs`. */
export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

/** Circuit breaker state. */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface Breaker {
  /** Whether a request may go out now; moves an open breaker to half-open once the cool-down is over. */
  admit(): boolean;
  record(failed: boolean): void;
  readonly state: BreakerState;
  readonly failures: number;
}

export function createBreaker(options: BreakerOptions, now: () => number, logger?: PhraserLogger): Breaker {
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  return {
    get state() {
      return state;
    },
    get failures() {
      return failures;
    },
    admit() {
      if (state === 'closed') return true;
      if (state === 'open') {
        if (now() - openedAt < options.cooldownMs) return false;
        state = 'half_open';
        trialInFlight = false;
        logger?.info({ event: 'llm_breaker_half_open' }, 'LLM circuit breaker half-open: trying one request');
      }
      if (trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    record(failed) {
      trialInFlight = false;
      if (!failed) {
        if (state !== 'closed') logger?.info({ event: 'llm_breaker_closed' }, 'LLM circuit breaker closed');
        state = 'closed';
        failures = 0;
        return;
      }
      failures += 1;
      if (state === 'half_open' || failures >= options.failureThreshold) {
        if (state !== 'open') {
          logger?.warn(
            { event: 'llm_breaker_open', failures, cooldownMs: options.cooldownMs },
            'LLM circuit breaker open: sending templates during the cool-down',
          );
        }
        state = 'open';
        openedAt = now();
      }
    },
  };
}
