import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../src/adapters/storage/index.js';
import { startRedis, type RedisServer } from '../support/redis.js';

describe('stores', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stores-'));
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

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

  it('fails to open with a clear error when Redis is unreachable', async () => {
    await expect(
      openStores({ storePath: join(dir, 'x.sqlite'), redisUrl: 'redis://127.0.0.1:1' }),
    ).rejects.toThrow();
  });
});
