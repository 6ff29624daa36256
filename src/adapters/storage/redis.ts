import type { KeyvStoreAdapter } from 'keyv';
import { deliver, parseChange, type BriefingChange, type ChangeFeed } from '../../briefing/changes.js';
import type { RateDecision, RateLimiter, RateLimiterFactory } from '../../shared/rateLimit.js';
import { StoreOpenError, describeError } from './errors.js';
import type { StoreLogger } from './sqlite.js';

/** What the rate limiter needs from the client. */
interface ScriptRunner {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Open Redis connection shared by every namespace. */
export interface RedisBackend {
  adapter(namespace: string, onError: (error: unknown) => void): KeyvStoreAdapter;
  readonly rateLimiter: RateLimiterFactory;
  /** Briefing changes announced to every process on this Redis (pub/sub). */
  readonly changes: ChangeFeed;
  /** Null when Redis answers a PING within a second, else why not. */
  problem(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Connects within `timeoutMs` or fails with one line. Commands fail fast while disconnected (no
 * offline queue: an interaction must not hang), and the client keeps reconnecting in the
 * background; errors are logged at most every 10 s instead of crashing the process.
 */
export async function openRedis(
  url: string,
  timeoutMs: number,
  logger: StoreLogger | undefined,
): Promise<RedisBackend> {
  // Loaded only when used: the Redis client is a sizeable module a SQLite setup doesn't need.
  const redis = await import('@keyv/redis');
  let connected = false;
  const client = redis.createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.min(timeoutMs, 5000),
      // At start a refused connection fails at once (returning the cause stops retrying);
      // once connected, a lost connection is retried every 2 s at most.
      reconnectStrategy: (retries: number, cause: Error) =>
        connected ? Math.min(100 * 2 ** retries, 2000) : cause,
    },
  });
  let lastLogged = 0;
  client.on('error', (error: unknown) => {
    // Before the first connection the thrown StoreOpenError says it in one line.
    if (!connected || Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger?.error({ err: error, redis: redactUrl(url) }, 'redis connection error');
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no connection within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new StoreOpenError(`cannot connect to Redis at ${redactUrl(url)}: ${describeError(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  // A subscribed connection can do nothing else, so the change feed listens on a second one.
  const subscriber = client.duplicate();
  subscriber.on('error', () => {
    // Reconnects on its own; the main connection's handler already reports an outage.
  });
  const changes = new RedisChangeFeed(client, (error) => {
    logger?.error({ err: error }, 'could not announce a briefing change on redis');
  });
  try {
    await subscriber.connect();
    await subscriber.subscribe(CHANGES_CHANNEL, (message: string) => {
      changes.receive(message);
    });
  } catch (error) {
    if (subscriber.isOpen) subscriber.destroy();
    if (client.isOpen) client.destroy();
    throw new StoreOpenError(`cannot subscribe on Redis at ${redactUrl(url)}: ${describeError(error)}`, {
      cause: error,
    });
  }
  return {
    adapter: (_namespace, onError) => observed(new redis.default(client, { throwOnErrors: true }), onError),
    rateLimiter: (name, limit, windowMs) => new RedisRateLimiter(client, `rl:${name}`, limit, windowMs),
    changes,
    async problem() {
      if (!client.isReady) return 'redis is not connected';
      try {
        await Promise.race([
          client.ping(),
          new Promise((_, reject) =>
            setTimeout(() => {
              reject(new Error('no PING reply within 1 s'));
            }, 1000),
          ),
        ]);
        return null;
      } catch (error) {
        return `redis does not answer: ${describeError(error)}`;
      }
    },
    async close() {
      if (subscriber.isOpen) subscriber.destroy();
      if (client.isReady) await client.quit();
      else if (client.isOpen) client.destroy();
    },
  };
}

const CHANGES_CHANNEL = 'egov:briefing-changes';

/** Briefing changes over Redis pub/sub: every process on the Redis hears every change, its own too. */
class RedisChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<(change: BriefingChange) => void>();

  constructor(
    private readonly client: { publish(channel: string, message: string): Promise<unknown> },
    private readonly onError: (error: unknown) => void,
  ) {}

  async publish(change: BriefingChange): Promise<void> {
    try {
      await this.client.publish(CHANGES_CHANNEL, JSON.stringify(change));
    } catch (error) {
      // The change is stored; views catch up with the next one. Reported, never thrown at the user.
      this.onError(error);
    }
  }

  subscribe(listener: (change: BriefingChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  receive(message: string): void {
    const change = parseChange(message);
    if (change !== undefined) deliver(this.listeners, change);
  }
}

const OBSERVED = new Set(['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'clear']);

/** The adapter with every failing call reported (counted as a store error) before it is rethrown. */
function observed(adapter: KeyvStoreAdapter, onError: (error: unknown) => void): KeyvStoreAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !OBSERVED.has(property) || typeof value !== 'function')
        return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          onError(error);
          throw error;
        }
      };
    },
  });
}

// A sliding window per key in a sorted set, decided atomically on the server with the server's
// clock, so every process counts the same events.
const SLIDING_WINDOW = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - ms)
end
redis.call('ZADD', KEYS[1], ms, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0
`;

let sequence = 0;

class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: ScriptRunner,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async take(key: string): Promise<RateDecision> {
    const member = `${process.pid}:${Date.now()}:${sequence++}`;
    const wait = Number(
      await this.client.eval(SLIDING_WINDOW, {
        keys: [`${this.prefix}:${key}`],
        arguments: [String(this.windowMs), String(this.limit), member],
      }),
    );
    return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
  }
}
