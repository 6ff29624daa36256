import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  /** Live briefing records and the briefing of each channel. */
  readonly briefings: Keyv;
  /** Questions the knowledge base could not answer, for curators (`npm run gaps`). */
  readonly gaps: Keyv;
  /**
   * A store in a namespace of its own, listable with `iterator()` (one briefing's questions,
   * statuses and votes). One instance per name, closed with the stores.
   */
  namespace(name: string): Keyv;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** SQLite file, created with its folder on first use. */
  readonly storePath: string;
  /** When set, Redis is used instead of SQLite. */
  readonly redisUrl?: string | undefined;
}

const NAMESPACES = ['answers', 'feedback', 'phrasing', 'briefings', 'gaps'] as const;

// The SQLite adapter lists a namespace in pages (LIMIT/OFFSET); a write between two pages would
// shift rows and skip or repeat one, so list in one page: one consistent snapshot.
const SQLITE_ITERATION_LIMIT = 1_000_000;

/**
 * Opens the stores. Errors are thrown, not turned into misses (keyv's default), so a broken
 * store is noticed instead of silently losing votes.
 */
export async function openStores(options: StorageOptions): Promise<Stores> {
  if (options.redisUrl !== undefined) {
    // Loaded only when used: the Redis client is a sizeable module a SQLite setup doesn't need.
    const { default: KeyvRedis, createClient } = await import('@keyv/redis');
    // Fail fast while disconnected instead of queueing commands: an interaction must not hang.
    const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
    await client.connect();
    const make = (namespace: string) =>
      new Keyv({ store: new KeyvRedis(client, { throwOnErrors: true }), namespace, throwOnErrors: true });
    return assemble('redis', make, async () => {
      if (client.isReady) await client.quit();
      else if (client.isOpen) client.destroy();
    });
  }
  const file = resolve(options.storePath);
  mkdirSync(dirname(file), { recursive: true });
  const adapters: KeyvSqlite[] = [];
  const make = (namespace: string) => {
    const store = new KeyvSqlite({
      uri: `sqlite://${file}`,
      busyTimeout: 5000,
      iterationLimit: SQLITE_ITERATION_LIMIT,
    });
    adapters.push(store);
    return new Keyv({ store, namespace, throwOnErrors: true });
  };
  const stores = assemble('sqlite', make, async () => {
    await Promise.all(adapters.map((a) => a.disconnect()));
  });
  // Surface the first connection problem now rather than at the first vote.
  await stores.answers.get('__open__');
  // Several connections write to this file (one per namespace). In WAL mode a commit appends to
  // the log instead of rewriting a rollback journal, so each write holds the lock briefly and
  // the others wait less; synchronous=FULL (the default) still syncs the log on every commit.
  await adapters[0]!.query('PRAGMA journal_mode=WAL');
  // The requests behind buttons, the phrasing cache and the gap log skip the sync on each commit:
  // WAL with synchronous=NORMAL still survives a crash or kill -9 of the process (the log is in
  // the OS's hands); only a power loss may drop the last commits. Votes and briefings keep FULL.
  const relaxed = [
    adapters[NAMESPACES.indexOf('answers')]!,
    adapters[NAMESPACES.indexOf('phrasing')]!,
    adapters[NAMESPACES.indexOf('gaps')]!,
  ];
  await Promise.all(relaxed.map((a) => a.query('PRAGMA synchronous=NORMAL')));
  return stores;
}

/** The named stores over one backend; `make` opens a namespace. */
function assemble(
  kind: Stores['kind'],
  make: (namespace: string) => Keyv,
  close: () => Promise<void>,
): Stores {
  const [answers, feedback, phrasing, briefings, gaps] = NAMESPACES.map(make) as [
    Keyv,
    Keyv,
    Keyv,
    Keyv,
    Keyv,
  ];
  return { kind, answers, feedback, phrasing, briefings, gaps, namespace: cached(make), close };
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
