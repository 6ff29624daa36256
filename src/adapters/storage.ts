import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvRedis, { createClient } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';

/** The key-value stores the adapters use, one namespace each, on SQLite or Redis. */
export interface Stores {
  readonly kind: 'sqlite' | 'redis';
  /** Answer requests behind buttons (share, feedback, candidate picks). */
  readonly answers: Keyv;
  /** 👍/👎 votes. */
  readonly feedback: Keyv;
  /** Accepted LLM phrasings. */
  readonly phrasing: Keyv;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** SQLite file, created with its folder on first use. */
  readonly storePath: string;
  /** When set, Redis is used instead of SQLite. */
  readonly redisUrl?: string | undefined;
}

const NAMESPACES = ['answers', 'feedback', 'phrasing'] as const;

/**
 * Opens the stores. Errors are thrown, not turned into misses (keyv's default), so a broken
 * store is noticed instead of silently losing votes.
 */
export async function openStores(options: StorageOptions): Promise<Stores> {
  if (options.redisUrl !== undefined) {
    // Fail fast while disconnected instead of queueing commands: an interaction must not hang.
    const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
    await client.connect();
    const make = (namespace: string) =>
      new Keyv({ store: new KeyvRedis(client, { throwOnErrors: true }), namespace, throwOnErrors: true });
    const [answers, feedback, phrasing] = NAMESPACES.map(make) as [Keyv, Keyv, Keyv];
    return {
      kind: 'redis',
      answers,
      feedback,
      phrasing,
      close: async () => {
        if (client.isReady) await client.quit();
        else if (client.isOpen) client.destroy();
      },
    };
  }
  const file = resolve(options.storePath);
  mkdirSync(dirname(file), { recursive: true });
  const adapters: KeyvSqlite[] = [];
  const make = (namespace: string) => {
    const store = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
    adapters.push(store);
    return new Keyv({ store, namespace, throwOnErrors: true });
  };
  const [answers, feedback, phrasing] = NAMESPACES.map(make) as [Keyv, Keyv, Keyv];
  // Surface the first connection problem now rather than at the first vote.
  await answers.get('__open__');
  return {
    kind: 'sqlite',
    answers,
    feedback,
    phrasing,
    close: async () => {
      await Promise.all(adapters.map((a) => a.disconnect()));
    },
  };
}
