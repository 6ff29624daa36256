/**
 * What the bot counts, as an interface: the adapters record through it, and the Prometheus
 * registry (src/metrics) implements it. Without HTTP it is a no-op.
 */
export interface Metrics {
  /** An interaction (or mention) arrived; `command` is the slash command, `button`, `mention`… */
  interaction(command: string): void;
  /** An answer was sent: its status and the time from arrival to the reply. */
  answer(status: string, seconds: number): void;
  /** A rewording attempt ended: `model` (accepted) or `template` (with the reason). */
  phrasing(outcome: 'model' | 'template', reason: string | undefined): void;
  /** Someone was over a rate limit. */
  rateLimited(scope: 'interaction' | 'mention' | 'briefing'): void;
  /** A store operation failed. */
  storeError(): void;
  /** Questions waiting in a running briefing's queue; `null` once it stops. */
  briefingQueue(briefingId: string, size: number | null): void;
  /** A gateway event or error was caught before it could end the process. */
  contained(kind: 'malformed_event' | 'uncaught_exception' | 'unhandled_rejection'): void;
  /** A free question was answered from the answer memo (`hit`) or read afresh (`miss`). */
  answerMemo(result: 'hit' | 'miss'): void;
}

export const NO_METRICS: Metrics = {
  interaction: () => undefined,
  answer: () => undefined,
  phrasing: () => undefined,
  rateLimited: () => undefined,
  storeError: () => undefined,
  briefingQueue: () => undefined,
  contained: () => undefined,
  answerMemo: () => undefined,
};
