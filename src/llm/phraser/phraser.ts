/**
 * Rewords decided answers with a model under the fact lock: one request within a time budget, a circuit
 * breaker, a cache of accepted phrasings (checked by the current lock again when read), and the template
 * whenever anything fails.
 */
import type OpenAI from 'openai';

import type { FactLock } from '../lock/factLock.js';
import type { FactLockReason } from '../lock/reasons.js';
import type { DecidedAnswer } from '../types.js';
import { createBreaker, type BreakerOptions, type BreakerState } from './breaker.js';
import { askModel, type ModelSettings } from './modelRequest.js';
import { computeCacheKey, computeMaxLength } from './prompt.js';

/** The part of a keyv store the phraser uses; `new Keyv()` fits. */
export interface KeyvLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttl?: number): Promise<unknown>;
}

/** The part of a pino logger the phraser uses. */
export interface PhraserLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Options of {@link createPhraser}. */
export interface PhraserOptions {
  client: Pick<OpenAI, 'chat'>;
  model: string;
  /** The fact lock of the knowledge base the answers come from. */
  lock: FactLock;
  /** Time for the whole model response, headers and body (ms). Default 2500. */
  budgetMs?: number;
  /** Accepted phrasings are stored here and re-checked by the fact lock when read. */
  cache?: KeyvLike;
  /** Passed to `cache.set` as the entry's time to live (ms). */
  cacheTtlMs?: number;
  /** Longest wait for a cache read or write (ms). Default 200. */
  cacheTimeoutMs?: number;
  logger?: PhraserLogger;
  /** Default: 5 failures, 30 s cool-down. */
  breaker?: BreakerOptions;
  /** Clock for the breaker (ms). Default `Date.now`. */
  now?: () => number;
  /** Stream the completion. Default false; the budget applies either way. */
  stream?: boolean;
  /** Longest rewording in code points, whatever the template. Default 1800 (Discord allows 2000). */
  maxLength?: number;
  /** Longest rewording relative to the template length. Default 1.6. */
  maxGrowth?: number;
  /** Sampling temperature; left out of the request when undefined (some models reject it). */
  temperature?: number;
  /** `max_completion_tokens` of the request. Default 1024. */
  maxCompletionTokens?: number;
}

/** Why the template was sent instead of a model phrasing. */
export type PhrasingFailure =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'api_error'
  | 'connection_error'
  | 'malformed'
  | 'refusal'
  | 'empty'
  | 'truncated'
  | 'breaker_open'
  | 'error'
  | `fact_lock:${FactLockReason}`;

/** What {@link Phraser.phrase} returns: always a text that can be sent. */
export interface PhraseResult {
  text: string;
  phrasing: 'model' | 'template';
  /** Set when `phrasing` is `template`. */
  reason?: PhrasingFailure;
  /** Set when the phrasing came from the cache. */
  cached?: boolean;
}

/** Counters of a phraser since it was created. */
export interface PhraserStats {
  calls: number;
  model: number;
  template: number;
  cacheHits: number;
  /** Requests sent to the model. */
  requests: number;
  fallbacks: Partial<Record<PhrasingFailure, number>>;
  rejections: Partial<Record<FactLockReason, number>>;
  breakerOpen: boolean;
  breakerState: BreakerState;
  consecutiveFailures: number;
}

/** Rewords decided answers under the fact lock, falling back to the template text. */
export interface Phraser {
  phrase(decided: DecidedAnswer): Promise<PhraseResult>;
  stats(): PhraserStats;
}

const DEFAULTS = {
  budgetMs: 2500,
  cacheTimeoutMs: 200,
  breaker: { failureThreshold: 5, cooldownMs: 30_000 },
  maxLength: 1800,
  maxGrowth: 1.6,
  maxCompletionTokens: 1024,
} as const;

/** Failures that say the model service is unwell; refusals and fact-lock rejections do not. */
const SERVICE_FAILURES: ReadonlySet<PhrasingFailure> = new Set<PhrasingFailure>([
  'timeout',
  'rate_limited',
  'server_error',
  'api_error',
  'connection_error',
  'malformed',
  'error',
]);

function raceWithTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/** A cache that never waits longer than `timeoutMs` and never throws: phrasing works without it. */
function guardCache(options: PhraserOptions, logger: PhraserLogger | undefined) {
  const timeoutMs = options.cacheTimeoutMs ?? DEFAULTS.cacheTimeoutMs;
  return {
    async read(key: string): Promise<string | undefined> {
      if (options.cache === undefined) return undefined;
      try {
        const value = await raceWithTimeout(options.cache.get(key), timeoutMs);
        return typeof value === 'string' ? value : undefined;
      } catch (error) {
        logger?.warn({ event: 'llm_cache_error', op: 'get', err: error }, 'phrasing cache read failed');
        return undefined;
      }
    },
    async write(key: string, text: string): Promise<void> {
      if (options.cache === undefined) return;
      try {
        const ttl = options.cacheTtlMs;
        await raceWithTimeout(
          ttl === undefined ? options.cache.set(key, text) : options.cache.set(key, text, ttl),
          timeoutMs,
        );
      } catch (error) {
        logger?.warn({ event: 'llm_cache_error', op: 'set', err: error }, 'phrasing cache write failed');
      }
    },
  };
}

/** Creates a phraser that asks an OpenAI-compatible model to reword decided answers within a time budget. */
export function createPhraser(opts: PhraserOptions): Phraser {
  const logger = opts.logger;
  const settings: ModelSettings = {
    client: opts.client,
    model: opts.model,
    budgetMs: Math.max(1, Math.round(opts.budgetMs ?? DEFAULTS.budgetMs)),
    stream: opts.stream === true,
    maxCompletionTokens: opts.maxCompletionTokens ?? DEFAULTS.maxCompletionTokens,
    temperature: opts.temperature,
  };
  const cache = guardCache(opts, logger);
  const breaker = createBreaker(opts.breaker ?? DEFAULTS.breaker, opts.now ?? Date.now, logger);
  const counters = {
    calls: 0,
    model: 0,
    template: 0,
    cacheHits: 0,
    requests: 0,
    fallbacks: {} as Partial<Record<PhrasingFailure, number>>,
    rejections: {} as Partial<Record<FactLockReason, number>>,
  };

  function fallBack(decided: DecidedAnswer, reason: PhrasingFailure): PhraseResult {
    counters.template += 1;
    counters.fallbacks[reason] = (counters.fallbacks[reason] ?? 0) + 1;
    return { text: decided.text, phrasing: 'template', reason };
  }

  async function phraseOrThrow(decided: DecidedAnswer): Promise<PhraseResult> {
    const maxLength = computeMaxLength(
      decided.text,
      opts.maxLength ?? DEFAULTS.maxLength,
      opts.maxGrowth ?? DEFAULTS.maxGrowth,
    );
    const key = opts.cache === undefined ? undefined : computeCacheKey(decided, opts.model);
    if (key !== undefined) {
      const cached = await cache.read(key);
      // A shared cache is re-checked: an entry must pass the current lock, like a fresh reply.
      if (cached !== undefined && opts.lock.check(decided, cached, { maxLength }).ok) {
        counters.cacheHits += 1;
        counters.model += 1;
        return { text: cached, phrasing: 'model', cached: true };
      }
    }
    if (!breaker.admit()) return fallBack(decided, 'breaker_open');

    counters.requests += 1;
    const attempt = await askModel(settings, decided, maxLength);
    breaker.record(!attempt.ok && SERVICE_FAILURES.has(attempt.reason));
    const context = { kbVersion: decided.kbVersion, language: decided.language, model: opts.model };
    if (!attempt.ok) {
      logger?.warn(
        { event: 'llm_phrasing_failed', reason: attempt.reason, detail: attempt.detail, ...context },
        'model phrasing failed; sending the template',
      );
      return fallBack(decided, attempt.reason);
    }
    const lock = opts.lock.check(decided, attempt.text, { maxLength });
    if (!lock.ok) {
      counters.rejections[lock.reason] = (counters.rejections[lock.reason] ?? 0) + 1;
      logger?.warn(
        { event: 'llm_fact_lock_rejected', reason: lock.reason, detail: lock.detail, ...context },
        'fact lock rejected the rewording; sending the template',
      );
      return fallBack(decided, `fact_lock:${lock.reason}`);
    }
    if (key !== undefined) await cache.write(key, attempt.text);
    counters.model += 1;
    logger?.debug({ event: 'llm_phrasing_accepted', ...context }, 'model phrasing accepted');
    return { text: attempt.text, phrasing: 'model' };
  }

  return {
    async phrase(decided) {
      counters.calls += 1;
      try {
        return await phraseOrThrow(decided);
      } catch (error) {
        // Phrasing is optional: whatever goes wrong here, the decided answer still goes out.
        logger?.warn({ event: 'llm_phrasing_error', err: error }, 'phrasing crashed; sending the template');
        return fallBack(decided, 'error');
      }
    },
    stats() {
      return {
        calls: counters.calls,
        model: counters.model,
        template: counters.template,
        cacheHits: counters.cacheHits,
        requests: counters.requests,
        fallbacks: { ...counters.fallbacks },
        rejections: { ...counters.rejections },
        breakerOpen: breaker.state === 'open',
        breakerState: breaker.state,
        consecutiveFailures: breaker.failures,
      };
    },
  };
}
