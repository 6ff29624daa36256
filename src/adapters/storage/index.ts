import { resolve } from 'node:path';
import Keyv from 'keyv';
import { MemoryChangeFeed, type ChangeFeed } from '../../briefing/changes.js';
import { memoryRateLimiters, type RateLimiterFactory } from '../../shared/rateLimit.js';
import { openRedis } from './redis.js';
import { SqliteBackend, type Durability, type StoreLogger } from './sqlite.js';

export { StoreOpenError, StoreUnavailableError } from './errors.js';
export type { StoreLogger } from './sqlite.js';

/** The key-value stores the adapters use, one namespace each, on SQLite or Redis. */
export interface Stores {
  readonly kind: 'sqlite' | 'redis';
  /** Answer requests behind buttons (share, feedback, candidate picks). */
  readonly answers: Keyv;
  /** 👍/👎 votes. */
  readonly feedback: Keyv;
  /** Accepted LLM phrasings. */
  readonly phrasing: Keyv;
  /** Live briefing records and the briefing of each channel. */
  readonly briefings: Keyv;
  /** Questions the knowledge base could not answer, for curators (`npm run gaps`). */
  readonly gaps: Keyv;
  /** Per-server settings (the briefing organiser role). */
  readonly settings: Keyv;
  /**
   * A store in a namespace of its own, listable with `iterator()` (one briefing's questions,
   * statuses and votes). One instance per name, closed with the stores.
   */
  namespace(name: string): Keyv;
  /** Rate limits: in this process's memory on SQLite (one process), shared by all processes on Redis. */
  readonly rateLimiter: RateLimiterFactory;
  /** Briefing changes: in this process on SQLite, to every process on Redis (pub/sub). */
  readonly changes: ChangeFeed;
  /** Null while the store answers; otherwise why it does not (for /healthz). */
  problem(): Promise<string | null>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** SQLite file, created with its folder on first use. */
  readonly storePath: string;
  /** When set, Redis is used instead of SQLite. */
  readonly redisUrl?: string | undefined;
  /** How long connecting to Redis may take. Default 10 s. */
  readonly connectTimeoutMs?: number | undefined;
  readonly logger?: StoreLogger | undefined;
  /** Called for every failed store operation (before it is thrown), e.g. to count it. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

const NAMESPACES = ['answers', 'feedback', 'phrasing', 'briefings', 'gaps', 'settings'] as const;
// Rebuildable data skips the sync on every commit (see SqliteBackend).
const RELAXED = new Set<string>(['answers', 'phrasing', 'gaps']);

/**
 * Opens the stores. Errors are thrown, not turned into misses (keyv's default), so a broken
 * store is noticed instead of silently losing votes. An unusable store fails here with a
 * StoreOpenError whose message is one line.
 */
export async function openStores(options: StorageOptions): Promise<Stores> {
  const onError = options.onError ?? (() => undefined);
  if (options.redisUrl !== undefined) {
    const redis = await openRedis(options.redisUrl, options.connectTimeoutMs ?? 10_000, options.logger);
    const make = (namespace: string) =>
      new Keyv({ store: redis.adapter(namespace, onError), namespace, throwOnErrors: true });
    return assemble('redis', make, {
      rateLimiter: redis.rateLimiter,
      changes: redis.changes,
      problem: () => redis.problem(),
      close: () => redis.close(),
    });
  }
  const backend = await SqliteBackend.open(resolve(options.storePath), options.logger);
  const make = (namespace: string) => {
    const durability: Durability = RELAXED.has(namespace) ? 'relaxed' : 'durable';
    return new Keyv({ store: backend.adapter(durability, onError), namespace, throwOnErrors: true });
  };
  return assemble('sqlite', make, {
    rateLimiter: memoryRateLimiters,
    changes: new MemoryChangeFeed(),
    problem: () => Promise.resolve(backend.problem),
    close: () => backend.close(),
  });
}

/** The named stores over one backend; `make` opens a namespace. */
function assemble(
  kind: Stores['kind'],
  make: (namespace: string) => Keyv,
  rest: Pick<Stores, 'rateLimiter' | 'changes' | 'problem' | 'close'>,
): Stores {
  const namespace = cached(make);
  const [answers, feedback, phrasing, briefings, gaps, settings] = NAMESPACES.map(namespace) as [
    Keyv,
    Keyv,
    Keyv,
    Keyv,
    Keyv,
    Keyv,
  ];
  return { kind, answers, feedback, phrasing, briefings, gaps, settings, namespace, ...rest };
}

function cached(make: (namespace: string) => Keyv): (namespace: string) => Keyv {
  const made = new Map<string, Keyv>();
  return (namespace) => {
    let store = made.get(namespace);
    if (store === undefined) {
      store = make(namespace);
      made.set(namespace, store);
    }
    return store;
  };
}
