import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/adapters/storage/index.js';
import {
  BOARD_LINK_TTL_MS,
  archivePath,
  boardPath,
  decideAccess,
  issueTokens,
  type BoardTokens,
} from '../../src/briefing/board.js';
import type { BriefingChange } from '../../src/briefing/changes.js';
import type { BriefingRecord } from '../../src/briefing/model.js';
import { BriefingService } from '../../src/briefing/service.js';
import { projectRows, rowsToCsv } from '../../src/core/projectTable.js';
import { BoardHub } from '../../src/http/board/hub.js';
import { pageRoutes } from '../../src/http/board/routes.js';
import { startHttpServer } from '../../src/http/server.js';
import { memoryRateLimiters } from '../../src/shared/rateLimit.js';
import { realEngine } from '../support/engine.js';
import { hasRedis, startRedis } from '../support/redis.js';
import { csvRecords } from '../briefing/helpers.js';

const engine = realEngine();
const logger = pino({ level: 'silent' });
const XSS = '<script>alert(1)</script> 점심시간은 언제인가요?';

describe('board access tokens', () => {
  const briefing: BriefingRecord = {
    id: '0123456789',
    guildId: '1',
    channelId: '2',
    title: 't',
    language: 'ko',
    startedBy: '3',
    startedAt: '2026-11-26T01:00:00.000Z',
    stoppedAt: null,
    queueMessageId: null,
  };

  it('issues 256-bit base64url tokens and stores only the hashes of the board tokens', () => {
    const { tokens, record } = issueTokens();
    for (const token of [tokens.viewer, tokens.organiser, tokens.archive])
      expect(token).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(record)).not.toContain(tokens.viewer);
    expect(JSON.stringify(record)).not.toContain(tokens.organiser);
    expect(issueTokens().tokens.viewer).not.toBe(tokens.viewer);
  });

  it('tells the organiser token from the presenter token, and refuses any other', () => {
    const { tokens, record } = issueTokens();
    const now = new Date('2026-11-26T02:00:00Z');
    expect(decideAccess(briefing, record, tokens.organiser, now)).toEqual({
      kind: 'granted',
      role: 'organiser',
    });
    expect(decideAccess(briefing, record, tokens.viewer, now)).toEqual({ kind: 'granted', role: 'viewer' });
    expect(decideAccess(briefing, record, tokens.archive, now)).toEqual({ kind: 'denied' });
    expect(decideAccess(briefing, record, `${tokens.viewer.slice(0, -1)}x`, now).kind).toBe('denied');
    expect(decideAccess(briefing, record, '', now).kind).toBe('denied');
  });

  it('expires 24 h after the briefing stopped, not before', () => {
    const { tokens, record } = issueTokens();
    const stopped = { ...briefing, stoppedAt: '2026-11-26T03:00:00.000Z' };
    const at = (ms: number) => new Date(Date.parse(stopped.stoppedAt) + ms);
    expect(decideAccess(stopped, record, tokens.viewer, at(BOARD_LINK_TTL_MS)).kind).toBe('granted');
    expect(decideAccess(stopped, record, tokens.viewer, at(BOARD_LINK_TTL_MS + 1)).kind).toBe('expired');
    expect(decideAccess(stopped, record, 'A'.repeat(43), at(BOARD_LINK_TTL_MS + 1)).kind).toBe('denied');
  });
});

/** A briefing with a few questions on a service without Discord, and its board served over HTTP. */
async function serve(stores: Stores, requestsPerMinute: number) {
  const service = new BriefingService({
    engine,
    stores,
    today: () => '2026-11-26',
    questionsPerMinute: 100,
    changes: stores.changes,
  });
  const hub = new BoardHub({ service, logger });
  const http = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    routes: [pageRoutes({ service, hub, kb: engine.kb, rateLimiter: memoryRateLimiters, requestsPerMinute })],
  });
  return { service, hub, http };
}

describe('the board and projects pages over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  let stores: Stores;
  let served: Awaited<ReturnType<typeof serve>>;
  let tokens: BoardTokens;
  let briefing: BriefingRecord;

  beforeAll(async () => {
    stores = await openStores({ storePath: join(dir, 'pages.sqlite') });
    served = await serve(stores, 10_000);
    const started = await served.service.start({
      guildId: '1',
      channelId: '2',
      title: '설명회 <b>제목</b>',
      language: 'ko',
      startedBy: '3',
    });
    briefing = started.briefing;
    tokens = await served.service.openBoard(briefing.id);
    await served.service.submit('2', { id: '10', name: 'olive<img>' }, XSS, 'command');
    await served.service.submit('2', { id: '11', name: 'brown' }, '녹화본은 언제 올라오나요?', 'command');
  });

  afterAll(async () => {
    served.hub.close();
    await served.http.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${served.http.url}${path}`);

  it('sends the Content-Security-Policy and the other security headers on pages, files and errors', async () => {
    for (const path of [
      boardPath(briefing.id, tokens.viewer),
      '/projects',
      '/projects.csv',
      '/assets/board.js',
      boardPath(briefing.id, 'A'.repeat(43)),
    ]) {
      const response = await get(path);
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('escapes user text in the page: markup in a question or a title never reaches the HTML as markup', async () => {
    const page = await (await get(boardPath(briefing.id, tokens.organiser))).text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<b>제목</b>');
    expect(page).toContain('설명회 &lt;b&gt;제목&lt;/b&gt;');
    expect(page).toContain('\\u003cscript\\u003ealert(1)');
    // No inline script: the only script is the board file.
    expect([...page.matchAll(/<script(?![^>]*application\/json)[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/assets/board.js" defer>',
    ]);
  });

  it('shows no names on the board unless the organiser turns them on', async () => {
    const page = await (await get(boardPath(briefing.id, tokens.viewer))).text();
    expect(page).not.toContain('olive');
    await served.service.setShowNames(briefing.id, true);
    expect(await (await get(boardPath(briefing.id, tokens.viewer))).text()).toContain(
      'olive\\u003cimg\\u003e',
    );
    await served.service.setShowNames(briefing.id, false);
    expect(await (await get(boardPath(briefing.id, tokens.viewer))).text()).not.toContain('olive');
  });

  it('streams the board as Server-Sent Events: the state at once, then every change', async () => {
    const controller = new AbortController();
    const response = await fetch(`${served.http.url}${boardPath(briefing.id, tokens.viewer)}/events`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const chunks = (response.body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextState = async () => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (data !== undefined) return JSON.parse(data) as { queue: { text: string; votes: number }[] };
          continue;
        }
        const next = (await chunks.next()) as IteratorResult<Uint8Array, undefined>;
        if (next.done === true) throw new Error('the board stream ended');
        buffer += decoder.decode(next.value, { stream: true });
      }
    };
    const first = await nextState();
    expect(first.queue.map((q) => q.text)).toContain(XSS);
    await served.service.submit('2', { id: '12', name: 'cyan' }, '주차는 어디에 하나요?', 'message');
    const second = await nextState();
    expect(second.queue.map((q) => q.text)).toContain('주차는 어디에 하나요?');
    controller.abort();
  });

  it('answers 404 for an unknown briefing or a malformed id, and 403 for a wrong token', async () => {
    expect((await get(boardPath('ffffffffff', tokens.viewer))).status).toBe(404);
    expect((await get('/board/..%2F..%2Fetc/x')).status).toBe(404);
    expect((await get(boardPath(briefing.id, 'short'))).status).toBe(403);
    expect((await get(boardPath(briefing.id, tokens.archive))).status).toBe(403);
    expect((await get(archivePath(briefing.id, tokens.viewer))).status).toBe(403);
    // The archive opens only after the briefing.
    expect((await get(archivePath(briefing.id, tokens.archive))).status).toBe(404);
  });

  it('refuses organiser actions without the same origin, and validates them', async () => {
    const url = `${served.http.url}${boardPath(briefing.id, tokens.organiser)}/actions`;
    const post = (body: unknown, headers: Record<string, string> = { origin: served.http.url }) =>
      fetch(url, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      });
    expect((await post({ action: 'pin-next' }, {})).status).toBe(403);
    expect((await post({ action: 'pin-next' }, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await post({ action: 'drop-table' })).status).toBe(400);
    expect((await post({ action: 'dismiss', questionId: '000000000000' })).status).toBe(404);
    const pinned = await post({ action: 'pin-next' });
    expect(pinned.status).toBe(200);
    expect((await served.service.boardState(briefing.id))!.pinned).not.toBeNull();
  });

  it('serves the projects CSV as the same rows /projects exports, filtered like /projects', async () => {
    // Read as bytes: the BOM spreadsheet programs need is part of it.
    const all = Buffer.from(await (await get('/projects.csv?year=2021&lang=en')).arrayBuffer()).toString(
      'utf8',
    );
    expect(all).toBe(rowsToCsv(engine.kb, projectRows(engine.kb, 'en', 2021), 'en'));
    const phase3 = csvRecords(await (await get('/projects.csv?year=2021&phase=3')).text());
    const listed = engine.listProjects({ year: 2021, phase: 3 }, 'ko').projects;
    const rows = projectRows(engine.kb, 'ko', 2021);
    expect(phase3.map((r) => r['사업명'])).toEqual(listed.map((id) => rows.find((r) => r.id === id)!.name));
    // Every edition, latest first, when no year is given.
    const years = csvRecords(await (await get('/projects.csv')).text()).map((r) => r['연도']);
    expect(years).toEqual([...years].sort().reverse());
    expect(new Set(years)).toEqual(new Set(engine.kb.editions.map((e) => String(e.year))));
  });

  it('escapes a search word echoed in the projects page', async () => {
    const page = await (await get(`/projects?q=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('HTTP rate limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pages-limit-'));

  it('answers 429 with Retry-After once an address made its requests for the minute', async () => {
    const stores = await openStores({ storePath: join(dir, 'limit.sqlite') });
    const served = await serve(stores, 10);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await fetch(`${served.http.url}/projects`)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
      const limited = await fetch(`${served.http.url}/projects`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      served.hub.close();
      await served.http.close();
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasRedis())('briefing changes across processes (Redis pub/sub)', () => {
  it('announces a change stored through one connection to the listeners of another', async () => {
    const redis = await startRedis();
    const [a, b] = await Promise.all([
      openStores({ storePath: '', redisUrl: redis.url }),
      openStores({ storePath: '', redisUrl: redis.url }),
    ]);
    try {
      const heard: BriefingChange[] = [];
      b.changes.subscribe((change) => heard.push(change));
      const service = new BriefingService({
        engine,
        stores: a,
        today: () => '2026-11-26',
        questionsPerMinute: 10,
        changes: a.changes,
      });
      const { briefing } = await service.start({
        guildId: '1',
        channelId: '9',
        title: 'x',
        language: 'en',
        startedBy: '3',
      });
      await service.submit('9', { id: '10', name: 'n' }, '녹화본은 언제 올라오나요?', 'command');
      await expect.poll(() => heard.map((c) => c.kind)).toEqual(['started', 'question']);
      expect(heard.every((c) => c.briefingId === briefing.id)).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await redis.stop();
    }
  });
});
