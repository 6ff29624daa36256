import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/adapters/discord/bot.js';
import { openStores, type Stores } from '../../src/adapters/storage/index.js';
import { boardBaseUrl, openPages, type Pages } from '../../src/app/pages.js';
import { loadEnv } from '../../src/config/env.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { hasChromium, launchChromium, type Browser } from '../support/browser.js';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';
import { realEngine } from '../support/engine.js';
import {
  csvRecords,
  customIds,
  message,
  queueMessage,
  queueText,
  waitForQueue,
} from '../briefing/helpers.js';

const attendee = (n: number) => `13120000000000${String(5000 + n)}`;
/**
 * How long a test waits for a change in Discord to show on the page. The issue asks for 1 s; that is
 * measured by `npm run bench -- board` (vote → page p50/p99 under a 1,000-question burst), not here:
 * on a shared 2-core CI machine running every test file at once, a 1 s deadline would fail on
 * scheduling noise, not on the board. These tests prove the update arrives without a reload.
 */
const LIVE_MS = 5000;
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] === '1';

const logs: { level: number; msg: string }[] = [];
const logger = pino(
  { level: 'info' },
  { write: (line: string) => logs.push(JSON.parse(line) as { level: number; msg: string }) },
);

/**
 * Waits until `expression`, JavaScript run in the page, is true: by default at most the 1 s the
 * issue allows between a change in Discord and the page. (Page code is written as strings: the
 * tests are typed without the DOM library.)
 */
function until(page: Page, expression: string, timeout = LIVE_MS) {
  // Polled by timer: animation frames (the default) pause in a page that is not in front.
  return page.waitForFunction(expression, undefined, { timeout, polling: 20 });
}

/** A piece of page code (inserted as is by `js`). */
class Code {
  constructor(readonly text: string) {}
}

/** Page code with values inserted as JSON literals, and Code as it is. */
function js(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, i) => {
    const value = values[i - 1];
    return `${out}${value instanceof Code ? value.text : JSON.stringify(value)}${part}`;
  });
}

/** Page code: the text of the first element matching `selector` (''), or the texts of all. */
const first = (selector: string) =>
  new Code(`(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '')`);
const all = (selector: string) =>
  new Code(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent)`);

/** The question texts on a board page, top first (the pinned one is not in this list). */
async function boardQuestions(page: Page): Promise<string[]> {
  return page.locator('#queue li .text').allTextContents();
}

describe.skipIf(!hasChromium())('the live board in Chromium, driven through the Discord stand-in', () => {
  let standin: DiscordStandin;
  let stores: Stores;
  let bot: Bot;
  let pages: Pages;
  let http: HttpServer;
  let browser: Browser;
  let presenter: Page;
  let organiserPage: Page;
  let links: { viewer: string; organiser: string };
  const dir = mkdtempSync(join(tmpdir(), 'board-e2e-'));

  beforeAll(async () => {
    // The same wiring as `npm start` with HTTP_PORT set (src/app/bot.ts), on a free port.
    const env = loadEnv({ HTTP_PORT: '0', HTTP_REQUESTS_PER_MINUTE: '100000' });
    standin = await startDiscordStandin();
    stores = await openStores({ storePath: join(dir, 'bot.sqlite') });
    const engine = realEngine();
    // The server's address is known once it listens, after the bot is made.
    const bound: { url?: string } = {};
    bot = createBot({
      token: standin.token,
      apiUrl: standin.apiUrl,
      engine,
      stores,
      logger,
      rateLimitPerMinute: 1000,
      today: () => '2026-11-26',
      briefing: {
        readMessages: true,
        questionsPerMinute: 100,
        editIntervalMs: 250,
        boardUrl: () => boardBaseUrl(env, bound.url),
      },
    });
    pages = (await openPages(env, bot.briefingService, engine.kb, stores, logger))!;
    http = await startHttpServer({ host: env.HTTP_HOST, port: 0, logger, routes: [pages.routes] });
    bound.url = http.url;
    await bot.ready;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    pages.close();
    await http.close();
    await bot.stop();
    await stores.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = (question: string, user: string) =>
    standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: question }] }],
      { user, locale: 'ko' },
    );
  const organiser = (sub: string, options: unknown[] = [], locale = 'ko') =>
    standin.sendCommand('briefing-qa', [{ type: 1, name: sub, options }], {
      user: standin.users.organiser.id,
      locale,
    });
  /** Presses the ▲ button of `question` on the queue message as `user`. */
  async function vote(question: string, user: string): Promise<void> {
    const queue = await waitForQueue(standin, (m) => queueText(m).includes(question));
    const index = queueText(queue)
      .split('\n')
      .findIndex((l) => l.includes(question));
    const id = customIds(queue)[index]!;
    expect(id).toMatch(/^bq:v:/);
    await standin.clickButton(queue, id, { user, locale: 'ko' }).waitForFinal();
  }

  it('gives the organiser who starts a briefing a private presenter link and organiser link with unguessable tokens', async () => {
    const handle = organiser('start', [{ type: 3, name: 'title', value: '2021 전자정부지원사업 설명회' }]);
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    const found = [...reply.content.matchAll(/http:\/\/\S+\/board\/([0-9a-f]{10})\/([A-Za-z0-9_-]+)/g)];
    expect(found).toHaveLength(2);
    // 43 base64url characters: 256 random bits each; the two links differ.
    for (const m of found) expect(m[2]).toHaveLength(43);
    expect(found[0]![2]).not.toBe(found[1]![2]);
    links = { viewer: found[0]![0], organiser: found[1]![0] };
    // The channel sees the queue message, never a link.
    expect(queueMessage(standin)!.embeds[0]!.description).not.toContain('/board/');
  });

  it('opens the presenter board, empty, in Korean, with the security headers', async () => {
    presenter = await browser.context.newPage();
    const response = await presenter.goto(links.viewer);
    expect(response!.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    await presenter.waitForSelector('#board[data-ready="true"]');
    expect(await presenter.textContent('#title')).toBe('2021 전자정부지원사업 설명회');
    expect(await presenter.isVisible('#empty')).toBe(true);
    expect(await presenter.textContent('#empty')).toContain('아직 대기 중인 질문이 없습니다');
    // The presenter link has no controls.
    expect(await presenter.locator('button').count()).toBe(0);
  });

  it('shows questions asked in Discord live, and reorders them by votes, without a reload', async () => {
    await ask('점심시간은 언제인가요?', attendee(1)).waitForFinal();
    await until(presenter, `document.querySelectorAll('#queue li').length === 1`);
    await ask('녹화본은 언제 올라오나요?', attendee(2)).waitForFinal();
    await until(presenter, `document.querySelectorAll('#queue li').length === 2`);
    expect(await boardQuestions(presenter)).toEqual(['점심시간은 언제인가요?', '녹화본은 언제 올라오나요?']);
    // Two votes for the second question put it on top.
    await vote('녹화본은 언제 올라오나요?', attendee(3));
    await vote('녹화본은 언제 올라오나요?', attendee(4));
    await until(
      presenter,
      js`${first('#queue li .text')} === ${'녹화본은 언제 올라오나요?'} && ${first('#queue li .votes')} === ${'▲ 3'}`,
    );
    expect(await boardQuestions(presenter)).toEqual(['녹화본은 언제 올라오나요?', '점심시간은 언제인가요?']);
    expect(await presenter.locator('#queue li .votes').allTextContents()).toEqual(['▲ 3', '▲ 1']);
    expect(await presenter.textContent('[data-count="waiting"] b')).toBe('2');
  });

  it('renders a question with markup as text: no script runs, no element is made', async () => {
    const attack =
      '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> 휴게실 커피는 몇 시까지 나오나요?';
    await ask(attack, attendee(5)).waitForFinal();
    await until(presenter, js`${all('#queue li .text')}.includes(${attack})`);
    expect(await presenter.evaluate('window.__xss')).toBeUndefined();
    expect(await presenter.locator('#queue img, #queue script').count()).toBe(0);
    // A fresh load renders it from the embedded state the same way.
    await presenter.reload();
    await presenter.waitForSelector('#board[data-ready="true"]');
    expect(await boardQuestions(presenter)).toContain(attack);
    expect(await presenter.evaluate('window.__xss')).toBeUndefined();
  });

  it('shows no names until the organiser turns them on (T), and hides them again', async () => {
    organiserPage = await browser.context.newPage();
    await organiserPage.goto(links.organiser);
    await organiserPage.waitForSelector('#board[data-ready="true"]');
    const asker = standin.users.member.username;
    await ask('설명회 슬라이드 공유되나요?', standin.users.member.id).waitForFinal();
    await until(presenter, js`${all('#queue .text')}.some((t) => t.includes(${'슬라이드'}))`);
    expect(await presenter.textContent('#board')).not.toContain(asker);
    await organiserPage.keyboard.press('t');
    await until(presenter, js`${first('#queue')}.includes(${asker})`);
    await organiserPage.keyboard.press('t');
    await until(presenter, js`!${first('#queue')}.includes(${asker})`);
  });

  it('pins the next question from the board (N): the presenter board and the Discord queue message both show it', async () => {
    await organiserPage.keyboard.press('n');
    await until(presenter, js`${first('#now .text')} === ${'녹화본은 언제 올라오나요?'}`);
    expect(await presenter.isVisible('#now')).toBe(true);
    expect(await boardQuestions(presenter)).not.toContain('녹화본은 언제 올라오나요?');
    const queue = await waitForQueue(standin, (m) => queueText(m).split('\n')[0]!.includes('📌'));
    expect(queueText(queue).split('\n')[0]).toContain('녹화본은 언제 올라오나요?');
  });

  it('marks the pinned question answered from the board (A, a short answer, Enter): Discord gets the answer post and the queue drops it', async () => {
    // The selection starts on the pinned question.
    await organiserPage.waitForSelector('#now.selected');
    await organiserPage.keyboard.press('a');
    await organiserPage.waitForSelector('#answer-form:not([hidden])');
    await organiserPage.keyboard.type('내일 오후 유튜브 채널에 올립니다. @everyone');
    await organiserPage.keyboard.press('Enter');
    const posted = await standin.waitForMessage((m) =>
      m.content.includes('내일 오후 유튜브 채널에 올립니다'),
    );
    expect(posted.content).toContain('**Q.** 녹화본은 언제 올라오나요?');
    expect(posted.mention_everyone).toBe(false);
    await waitForQueue(standin, (m) => !queueText(m).includes('녹화본은'));
    await until(presenter, `document.querySelector('#now').hidden`);
    expect(await presenter.textContent('[data-count="answered"] b')).toBe('1');
  });

  it('dismisses the selected question from the board (↓ ↓ then D), and Discord drops it from the queue', async () => {
    const before = await boardQuestions(organiserPage);
    expect(before.length).toBeGreaterThanOrEqual(3);
    await organiserPage.keyboard.press('ArrowDown');
    await organiserPage.keyboard.press('j');
    const target = before[2]!;
    expect(await organiserPage.textContent('#queue li.selected .text')).toBe(target);
    await organiserPage.keyboard.press('d');
    await until(presenter, js`!${all('#queue .text')}.includes(${target})`);
    expect(await boardQuestions(presenter)).toEqual(before.filter((q) => q !== target));
    await waitForQueue(standin, (m) => !queueText(m).includes(target));
  });

  it('shows a decision made in Discord on the board live', async () => {
    const queue = queueMessage(standin)!;
    const menu = customIds(queue).find((id) => id.startsWith('bq:m:'))!;
    const briefingId = menu.split(':')[2]!;
    const target = '점심시간은 언제인가요?';
    const index = queueText(queue)
      .split('\n')
      .findIndex((l) => l.includes(target));
    const qid = customIds(queue)[index]!.split(':')[3]!;
    const picked = message(
      await standin
        .selectMenu(queue, menu, [qid], { user: standin.users.organiser.id, locale: 'ko' })
        .waitForFinal(),
    );
    await standin
      .clickButton(picked, `bq:p:${briefingId}:${qid}`, { user: standin.users.organiser.id, locale: 'ko' })
      .waitForFinal();
    await until(presenter, js`${first('#now .text')} === ${target}`);
    await until(organiserPage, js`${first('#now .text')} === ${target}`);
    await standin
      .clickButton(picked, `bq:d:${briefingId}:${qid}`, { user: standin.users.organiser.id, locale: 'ko' })
      .waitForFinal();
    await until(presenter, `document.querySelector('#now').hidden`);
  });

  it('is readable on a projector at 1920×1080 and 1280×720: large type, the top questions in view', async () => {
    const questions = [
      '발표 순서는 어떻게 정해지나요?',
      '발표자 마이크 소리가 작아요',
      '회의실 와이파이 비밀번호는?',
      '주차는 어디에 하나요?',
      '세션 2번 휴식 시간은 몇 분인가요?',
      '휴게실 커피는 몇 시까지 나오나요?',
    ];
    for (const [i, q] of questions.entries()) await ask(q, attendee(20 + i)).waitForFinal();
    for (const n of [30, 31, 32]) await vote('발표 순서는 어떻게 정해지나요?', attendee(n));
    for (const n of [33, 34]) await vote('발표자 마이크 소리가 작아요', attendee(n));
    await vote('주차는 어디에 하나요?', attendee(35));
    await until(
      presenter,
      js`document.querySelectorAll('#queue li').length >= 7 && ${first('#queue li .votes')} === ${'▲ 4'}`,
      5000,
    );
    await organiserPage.keyboard.press('n');
    await until(presenter, `!document.querySelector('#now').hidden`);
    for (const [width, height, minPx] of [
      [1920, 1080, 36],
      [1280, 720, 24],
    ] as const) {
      await presenter.setViewportSize({ width, height });
      const size = Number.parseFloat(
        await presenter.evaluate<string>(
          `getComputedStyle(document.querySelector('#queue li .text')).fontSize`,
        ),
      );
      expect(size).toBeGreaterThanOrEqual(minPx);
      const pinned = await presenter.locator('#now').boundingBox();
      expect(pinned!.y + pinned!.height).toBeLessThanOrEqual(height);
      // The first five questions are fully on screen, and nothing scrolls sideways.
      const boxes = await presenter.evaluate<number[]>(
        `[...document.querySelectorAll('#queue li')].slice(0, 5).map((i) => i.getBoundingClientRect().bottom)`,
      );
      expect(boxes.length).toBe(5);
      for (const bottom of boxes) expect(bottom).toBeLessThanOrEqual(height);
      expect(await presenter.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        width,
      );
      if (SCREENSHOTS) {
        mkdirSync('docs', { recursive: true });
        await presenter.screenshot({ path: `docs/board-${width}x${height}.png` });
      }
    }
    if (SCREENSHOTS) {
      await organiserPage.setViewportSize({ width: 1280, height: 720 });
      await organiserPage.screenshot({ path: 'docs/board-organiser-1280x720.png' });
    }
  });

  it('switches the board to English', async () => {
    await presenter.goto(`${links.viewer}?lang=en`);
    await presenter.waitForSelector('#board[data-ready="true"]');
    expect(await presenter.textContent('.queue-section h2')).toBe('Top questions');
    expect(await presenter.textContent('#now h2')).toContain('Answering now');
  });

  it('refuses a wrong token (403), an unknown briefing (404), and board actions without the organiser token or from another origin', async () => {
    const wrong = links.viewer.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43));
    expect((await fetch(wrong)).status).toBe(403);
    expect((await fetch(`${wrong}/events`)).status).toBe(403);
    expect((await fetch(links.viewer.replace(/\/board\/[0-9a-f]{10}\//, '/board/0000000000/'))).status).toBe(
      404,
    );
    const body = JSON.stringify({ action: 'pin-next' });
    const origin = new URL(links.viewer).origin;
    const post = (url: string, headers: Record<string, string>) =>
      fetch(`${url}/actions`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    expect((await post(links.viewer, { origin })).status).toBe(403);
    expect((await post(links.organiser, {})).status).toBe(403);
    expect((await post(links.organiser, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(links.organiser, { origin, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // A plain HTML form cannot send JSON: the same action as a form post is refused.
    const form = await fetch(`${links.organiser}/actions`, {
      method: 'POST',
      body: 'action=pin-next',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    });
    expect(form.status).toBe(415);
  });

  it('after the stop: the archive at its lasting link, without names, markup as text; the board links expire 24 h later', async () => {
    const reply = message(await organiser('stop').waitForFinal());
    const archiveUrl = /http:\/\/\S+\/archive\/[0-9a-f]{10}\/[A-Za-z0-9_-]{43}/.exec(reply.content)![0];
    const archive = await browser.context.newPage();
    expect((await archive.goto(archiveUrl))!.status()).toBe(200);
    const text = await archive.textContent('main');
    expect(text).toContain('녹화본은 언제 올라오나요?');
    expect(text).toContain('내일 오후 유튜브 채널에 올립니다');
    expect(text).toContain('<script>window.__xss=1</script>');
    expect(text).not.toContain(standin.users.member.username);
    expect(await archive.evaluate('window.__xss')).toBeUndefined();
    // Still open right after the stop; the board shows it ended.
    await until(presenter, `document.querySelector('#status').classList.contains('ended')`);
    expect((await fetch(links.viewer)).status).toBe(200);
    // 25 hours later (the stop time moved back in the store): both board links are gone, the archive stays.
    const repository = bot.briefingService.repository;
    const briefing = (await repository.latestInChannel(standin.channelId))!;
    await repository.saveBriefing({
      ...briefing,
      stoppedAt: new Date(Date.now() - 25 * 3600_000).toISOString(),
    });
    expect((await fetch(links.viewer)).status).toBe(404);
    expect((await fetch(links.organiser)).status).toBe(404);
    expect((await fetch(`${links.organiser}/events`)).status).toBe(404);
    expect((await archive.goto(archiveUrl))!.status()).toBe(200);
    const wrongArchive = archiveUrl.replace(/[A-Za-z0-9_-]{43}$/, 'B'.repeat(43));
    expect((await fetch(wrongArchive)).status).toBe(403);
    await archive.close();
  });

  it('filters the projects page like /projects, and its CSV is what /projects lists', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${http.url}/projects?year=2021`);
    const all = await page.locator('table.projects tbody tr').count();
    expect(all).toBe(realEngine().listProjects({ year: 2021 }, 'ko').projects.length);
    // Picking a phase submits the filter form.
    await Promise.all([page.waitForURL(/phase=3/), page.selectOption('select[name="phase"]', '3')]);
    const names = await page.locator('table.projects tbody tr td:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(all);
    // Discord's /projects with the same filter lists the same projects.
    const listed = message(
      await standin.sendCommand('projects', { phase: 3 }, { locale: 'ko' }).waitForFinal(),
    );
    const text = listed.embeds.map((e) => e.description ?? '').join('\n');
    const bare = (name: string) => name.replace(/\s*\(추정\)$/, '');
    for (const name of names) expect(text).toContain(bare(name));
    const csvHref = await page.getAttribute('#csv', 'href');
    const csv = await (await fetch(new URL(csvHref!, http.url))).text();
    const rows = csvRecords(csv);
    expect(rows.map((r) => r['사업명'])).toEqual(names);
    expect(rows.every((r) => r['차수'] === '3차')).toBe(true);
    // Sorting by budget (a header link) puts the largest first when descending.
    await page.click('th a:has-text("예산")');
    await page.click('th a:has-text("예산")');
    expect(page.url()).toContain('dir=desc');
    if (SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${http.url}/projects?year=2021`);
      await page.screenshot({ path: 'docs/projects-2021.png', fullPage: true });
    }
    await page.close();
  });

  it('logged no error and left no interaction unanswered', async () => {
    await bot.briefing.updater.settled();
    expect(standin.interactions.filter((i) => i.acknowledged === undefined)).toEqual([]);
    expect(logs.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  });
});
