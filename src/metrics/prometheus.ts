import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type MetricObjectWithValues,
  type MetricValue,
} from 'prom-client';
import type { Metrics } from '../shared/metrics.js';

/** The bot's metrics in a prom-client registry (with the default process metrics). */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly interactions: Counter<'command'>;
  private readonly answers: Counter<'status'>;
  private readonly answerSeconds: Histogram;
  private readonly phrasings: Counter<'outcome' | 'reason'>;
  private readonly limited: Counter<'scope'>;
  private readonly storeErrors: Counter;
  private readonly queue: Gauge<'briefing'>;
  private readonly containedErrors: Counter<'kind'>;
  private readonly memo: Counter<'result'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.interactions = new Counter({
      name: 'egov_interactions_total',
      help: 'Interactions and mentions received, by command (or component kind)',
      labelNames: ['command'],
      registers,
    });
    this.answers = new Counter({
      name: 'egov_answers_total',
      help: 'Answers sent, by answer status',
      labelNames: ['status'],
      registers,
    });
    this.answerSeconds = new Histogram({
      name: 'egov_answer_duration_seconds',
      help: 'Time from an interaction or mention arriving to its answer being sent',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.phrasings = new Counter({
      name: 'egov_phrasing_total',
      help: 'LLM rewording attempts: model (accepted) or template (with the reason)',
      labelNames: ['outcome', 'reason'],
      registers,
    });
    this.limited = new Counter({
      name: 'egov_rate_limited_total',
      help: 'Requests over a rate limit, by scope',
      labelNames: ['scope'],
      registers,
    });
    this.storeErrors = new Counter({
      name: 'egov_store_errors_total',
      help: 'Failed store operations (SQLite or Redis)',
      registers,
    });
    this.queue = new Gauge({
      name: 'egov_briefing_queue_size',
      help: 'Questions waiting in the queue of each running briefing',
      labelNames: ['briefing'],
      registers,
    });
    this.containedErrors = new Counter({
      name: 'egov_contained_errors_total',
      help: 'Malformed gateway events and uncaught errors caught without ending the process',
      labelNames: ['kind'],
      registers,
    });
    this.memo = new Counter({
      name: 'egov_answer_memo_total',
      help: 'Free questions answered from the answer memo (hit) or read afresh (miss)',
      labelNames: ['result'],
      registers,
    });
  }

  interaction(command: string): void {
    this.interactions.inc({ command });
  }

  answer(status: string, seconds: number): void {
    this.answers.inc({ status });
    this.answerSeconds.observe(seconds);
  }

  phrasing(outcome: 'model' | 'template', reason: string | undefined): void {
    this.phrasings.inc({ outcome, reason: reason ?? 'none' });
  }

  rateLimited(scope: 'interaction' | 'mention' | 'briefing'): void {
    this.limited.inc({ scope });
  }

  storeError(): void {
    this.storeErrors.inc();
  }

  briefingQueue(briefingId: string, size: number | null): void {
    if (size === null) this.queue.remove({ briefing: briefingId });
    else this.queue.set({ briefing: briefingId }, size);
  }

  contained(kind: 'malformed_event' | 'uncaught_exception' | 'unhandled_rejection'): void {
    this.containedErrors.inc({ kind });
  }

  answerMemo(result: 'hit' | 'miss'): void {
    this.memo.inc({ result });
  }
}

/** Prometheus text for the metrics of several processes (shards): counters summed. */
export async function aggregateMetrics(
  perProcess: MetricObjectWithValues<MetricValue<string>>[][],
): Promise<{ contentType: string; text: string }> {
  const registry = AggregatorRegistry.aggregate(perProcess);
  return { contentType: registry.contentType, text: await registry.metrics() };
}
