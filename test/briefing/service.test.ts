import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/adapters/storage/index.js';
import { questionId, questionKey } from '../../src/briefing/model.js';
import { BriefingService } from '../../src/briefing/service.js';
import { realEngine } from '../support/engine.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-svc-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function service(stores: Stores, questionsPerMinute = 100): BriefingService {
  return new BriefingService({ engine: realEngine(), stores, today: () => '2026-11-26', questionsPerMinute });
}

const start = (s: BriefingService, channelId: string) =>
  s.start({ guildId: 'g', channelId, title: 't', language: 'ko', startedBy: 'org' });

// SQLite always; Redis where redis-server is installed (see test/support/globalSetup.ts).
const backends = hasRedis() ? (['sqlite', 'redis'] as const) : (['sqlite'] as const);

describe.each(backends)('BriefingService on %s', (kind) => {
  let redis: RedisServer | undefined;
  beforeAll(async () => {
    if (kind === 'redis') redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const open = () =>
    openStores({
      storePath: join(dir, `${kind}.sqlite`),
      redisUrl: redis?.url,
    });

  it('auto-answers, queues, merges duplicates, refuses repeats, and keeps gaps', async () => {
    const stores = await open();
    try {
      const s = service(stores);
      const started = await start(s, `${kind}-1`);
      if (started.kind !== 'started') throw new Error('not started');
      const id = started.briefing.id;
      expect(
        (await s.submit(`${kind}-1`, { id: 'u1', name: 'one' }, '전자증명서 예산 얼마야?', 'command')).kind,
      ).toBe('auto');
      expect(
        await s.submit(`${kind}-1`, { id: 'u2', name: 'two' }, '점심시간은 언제인가요?', 'command'),
      ).toEqual({ kind: 'queued', questionId: questionId(questionKey('점심시간은 언제인가요?')) });
      expect(
        (await s.submit(`${kind}-1`, { id: 'u3', name: 'three' }, '점심 시간은 언제인가요', 'message')).kind,
      ).toBe('merged');
      expect(
        (await s.submit(`${kind}-1`, { id: 'u2', name: 'two' }, '점심시간은 언제인가요', 'command')).kind,
      ).toBe('repeat');
      expect(await s.submit('elsewhere', { id: 'u2', name: 'two' }, '점심?', 'command')).toEqual({
        kind: 'not_running',
      });
      const { queue, views } = await s.queue(id);
      expect(queue.map((v) => [v.question.text, v.votes.length])).toEqual([['점심시간은 언제인가요?', 2]]);
      expect(views.map((v) => v.status).sort()).toEqual(['auto', 'queued']);
      const gaps = await s.repository.listGaps();
      expect(gaps.filter((g) => g.text.startsWith('점심')).length).toBeGreaterThanOrEqual(2);
      expect(gaps.some((g) => g.text.startsWith('전자증명서'))).toBe(false);
    } finally {
      await stores.close();
    }
  });

  it('keeps one vote per account, and toggles', async () => {
    const stores = await open();
    try {
      const s = service(stores);
      const started = await start(s, `${kind}-2`);
      if (started.kind !== 'started') throw new Error('not started');
      const id = started.briefing.id;
      const asked = await s.submit(
        `${kind}-2`,
        { id: 'u1', name: 'one' },
        '녹화본은 언제 올라오나요?',
        'command',
      );
      if (asked.kind !== 'queued') throw new Error('not queued');
      const qid = asked.questionId;
      expect(await s.toggleVote(id, qid, { id: 'u2', name: 'two' })).toEqual({ kind: 'added' });
      expect(await s.toggleVote(id, qid, { id: 'u2', name: 'two' })).toEqual({ kind: 'withdrawn' });
      await Promise.all([
        s.toggleVote(id, qid, { id: 'u3', name: 'three' }),
        s.toggleVote(id, qid, { id: 'u3', name: 'three' }),
      ]);
      const votes = (await s.repository.snapshot(id)).votes.get(qid)!;
      expect(votes.filter((v) => v.userId === 'u3').length).toBeLessThanOrEqual(1);
      expect(await s.toggleVote(id, 'nope', { id: 'u2', name: 'two' })).toEqual({ kind: 'unknown' });
      expect((await s.decide(id, qid, 'dismiss', 'org')).kind).toBe('done');
      expect(await s.toggleVote(id, qid, { id: 'u4', name: 'four' })).toEqual({ kind: 'not_open' });
      expect(await s.decide(id, qid, 'answer', 'org')).toEqual({
        kind: 'not_applicable',
        status: 'dismissed',
      });
    } finally {
      await stores.close();
    }
  });

  it('loses no vote when two store connections (two processes) vote at once', async () => {
    const [a, b] = [await open(), await open()];
    try {
      const sa = service(a);
      const sb = service(b);
      const started = await start(sa, `${kind}-3`);
      if (started.kind !== 'started') throw new Error('not started');
      const id = started.briefing.id;
      const asked = await sb.submit(
        `${kind}-3`,
        { id: 'asker', name: 'asker' },
        '와이파이 비밀번호는?',
        'command',
      );
      if (asked.kind !== 'queued') throw new Error('not queued');
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (i % 2 === 0 ? sa : sb).toggleVote(id, asked.questionId, { id: `v${i}`, name: `v${i}` }),
        ),
      );
      const [fromA, fromB] = [await sa.queue(id), await sb.queue(id)];
      expect(fromA.queue[0]!.votes).toHaveLength(61);
      expect(fromB.queue[0]!.votes).toHaveLength(61);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses a second briefing in a running channel, stops, and exports', async () => {
    const stores = await open();
    try {
      const s = service(stores);
      expect((await start(s, `${kind}-4`)).kind).toBe('started');
      expect((await start(s, `${kind}-4`)).kind).toBe('already_running');
      const stopped = (await s.stop(`${kind}-4`))!;
      expect(stopped.stoppedAt).not.toBeNull();
      expect(await s.stop(`${kind}-4`)).toBeUndefined();
      expect((await s.export(stopped, false)).count).toBe(0);
      expect((await start(s, `${kind}-4`)).kind).toBe('started');
    } finally {
      await stores.close();
    }
  });
});

describe('submission limits', () => {
  it('limits questions per account per minute', async () => {
    const stores = await openStores({ storePath: join(dir, 'limit.sqlite') });
    try {
      const s = service(stores, 2);
      await start(s, 'limit');
      expect((await s.submit('limit', { id: 'u', name: 'u' }, '첫 번째 질문 점심', 'command')).kind).toBe(
        'queued',
      );
      expect((await s.submit('limit', { id: 'u', name: 'u' }, '두 번째 질문 저녁', 'command')).kind).toBe(
        'queued',
      );
      expect((await s.submit('limit', { id: 'u', name: 'u' }, '세 번째 질문 주차', 'command')).kind).toBe(
        'limited',
      );
      expect((await s.submit('limit', { id: 'w', name: 'w' }, '세 번째 질문 주차', 'command')).kind).toBe(
        'queued',
      );
    } finally {
      await stores.close();
    }
  });
});
