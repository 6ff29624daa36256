import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreOpenError, StoreUnavailableError, openStores } from '../../src/adapters/storage/index.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

const dir = mkdtempSync(join(tmpdir(), 'stores-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const waitFor = async (probe: () => Promise<boolean>, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('SQLite stores', () => {
  it('creates the SQLite file and its folder on first use, and keeps data across reopen', async () => {
    const path = join(dir, 'nested', 'folder', 'bot.sqlite');
    const first = await openStores({ storePath: path });
    expect(first.kind).toBe('sqlite');
    expect(existsSync(path)).toBe(true);
    await first.feedback.set('k:u', { vote: 'up' });
    await first.close();
    const second = await openStores({ storePath: path });
    expect(await second.feedback.get('k:u')).toEqual({ vote: 'up' });
    expect(await second.answers.get('k:u')).toBeUndefined();
    await second.close();
  });

  it('lists a namespace, and only that namespace', async () => {
    const stores = await openStores({ storePath: join(dir, 'list.sqlite') });
    try {
      const a = stores.namespace('bq-a');
      await a.set('q:1', { n: 1 });
      await a.set('v:1:u', { n: 2 });
      await stores.namespace('bq-ab').set('q:9', { n: 9 });
      const keys: string[] = [];
      for await (const [key] of a.iterator!(undefined) as AsyncGenerator<[string, unknown]>) keys.push(key);
      expect(keys.sort()).toEqual(['q:1', 'v:1:u']);
    } finally {
      await stores.close();
    }
  });

  it('refuses every write while its file is removed, then reopens a fresh file at the path', async () => {
    const path = join(dir, 'removed', 'bot.sqlite');
    const stores = await openStores({ storePath: path });
    try {
      await stores.briefings.set('before', 1);
      rmSync(join(dir, 'removed'), { recursive: true, force: true });
      // The write lands in the deleted file's inode: not acknowledged.
      await expect(stores.briefings.set('lost', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await stores.problem()).toMatch(/removed/);
      await waitFor(async () => (await stores.problem()) === null);
      await stores.briefings.set('after', 3);
      expect(await stores.briefings.get('after')).toBe(3);
    } finally {
      await stores.close();
    }
    const reopened = await openStores({ storePath: path });
    try {
      expect(await reopened.briefings.get('after')).toBe(3);
      expect(await reopened.briefings.get('lost')).toBeUndefined();
    } finally {
      await reopened.close();
    }
  });

  it('notices its file replaced on disk, refuses, then uses the new file', async () => {
    const path = join(dir, 'replaced.sqlite');
    const other = join(dir, 'other.sqlite');
    const seed = await openStores({ storePath: other });
    await seed.feedback.set('from-other', 'yes');
    await seed.close();
    const stores = await openStores({ storePath: path });
    try {
      await stores.feedback.set('mine', 1);
      renameSync(other, path);
      await expect(stores.feedback.get('mine')).rejects.toBeInstanceOf(StoreUnavailableError);
      await waitFor(async () => (await stores.problem()) === null);
      expect(await stores.feedback.get('from-other')).toBe('yes');
    } finally {
      await stores.close();
    }
  });

  it.each([
    ['a folder', () => mkdirSync(join(dir, 'folder.sqlite'), { recursive: true }), 'folder.sqlite'],
    [
      'not a database',
      () => {
        writeFileSync(join(dir, 'text.sqlite'), 'x'.repeat(4096));
      },
      'text.sqlite',
    ],
    [
      'below a file',
      () => {
        writeFileSync(join(dir, 'plain'), 'x');
      },
      'plain/bot.sqlite',
    ],
  ])('fails to open at once with one line when STORE_PATH is %s', async (_what, make, name) => {
    make();
    const error: unknown = await openStores({ storePath: join(dir, name) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toContain('STORE_PATH');
    expect((error as Error).message).not.toContain('\n');
  });
});

describe.skipIf(!hasRedis())('Redis stores', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('uses Redis when a URL is given, shared between two connections', async () => {
    const a = await openStores({ storePath: join(dir, 'unused.sqlite'), redisUrl: redis.url });
    const b = await openStores({ storePath: join(dir, 'unused.sqlite'), redisUrl: redis.url });
    expect(a.kind).toBe('redis');
    await a.feedback.set('shared:u', { vote: 'down' });
    expect(await b.feedback.get('shared:u')).toEqual({ vote: 'down' });
    expect(await b.phrasing.get('shared:u')).toBeUndefined();
    await a.close();
    await b.close();
  });

  it('raises store errors instead of turning them into misses', async () => {
    const own = await startRedis();
    const stores = await openStores({ storePath: join(dir, 'unused.sqlite'), redisUrl: own.url });
    await stores.feedback.set('x', 1);
    await own.stop();
    await expect(stores.feedback.set('x', 2)).rejects.toThrow();
    await expect(stores.feedback.get('x')).rejects.toThrow();
    await stores.close().catch(() => undefined);
  });

  it('fails to open with one clear line when Redis is unreachable', async () => {
    const error: unknown = await openStores({
      storePath: join(dir, 'x.sqlite'),
      redisUrl: 'redis://:secret@127.0.0.1:1',
      connectTimeoutMs: 2000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(/^cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    expect((error as Error).message).not.toContain('secret');
  });

  it('shares a rate limit between two connections (two processes)', async () => {
    const a = await openStores({ storePath: join(dir, 'unused.sqlite'), redisUrl: redis.url });
    const b = await openStores({ storePath: join(dir, 'unused.sqlite'), redisUrl: redis.url });
    try {
      const limitA = a.rateLimiter('test', 3, 60_000);
      const limitB = b.rateLimiter('test', 3, 60_000);
      const results = [
        await limitA.take('user'),
        await limitB.take('user'),
        await limitA.take('user'),
        await limitB.take('user'),
        await limitA.take('other'),
      ];
      expect(results.map((r) => r.ok)).toEqual([true, true, true, false, true]);
      const refused = results[3]!;
      expect(refused.ok ? 0 : refused.retryAfterMs).toBeGreaterThan(59_000);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
