import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionType } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/adapters/discord/bot.js';
import { openStores } from '../../src/adapters/storage/index.js';
import { createPhrasing } from '../../src/llm/phrasing.js';
import { startDiscordStandin } from '../support/discordStandin.js';
import { realEngine } from '../support/engine.js';
import { startOpenAIStandin, type OpenAIStandin } from '../support/openaiStandin.js';
import { runScript, type RunResult } from '../support/run.js';

const reply = (text: string) => JSON.stringify({ text });

function ask(args: string[], env: Record<string, string>, input = ''): Promise<RunResult> {
  return runScript('src/bin/ask.ts', args, { input, env: { DISCORD_TOKEN: '', ...env } });
}

describe('LLM phrasing through npm run ask (real openai client, local stand-in)', () => {
  let llm: OpenAIStandin;
  const dir = mkdtempSync(join(tmpdir(), 'phrasing-'));
  let env: Record<string, string>;

  beforeAll(async () => {
    llm = await startOpenAIStandin();
    env = {
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: llm.baseURL,
      OPENAI_MODEL: 'stand-in',
      PHRASING_BUDGET_MS: '1500',
      STORE_PATH: join(dir, 'cache.sqlite'),
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await llm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends an accepted rewording and says so with "phrasing": "model"', async () => {
    llm.setBehaviour({
      content: reply('전자증명서 발급·유통 시스템 구축 사업의 2021년 예산은 82억원(KRW 8.2 billion)입니다.'),
    });
    const r = await ask(['--json', '전자증명서 예산 얼마야?'], env);
    const answer = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual([
      'status',
      'language',
      'projects',
      'verdict',
      'rule',
      'text',
      'sources',
      'phrasing',
    ]);
    expect(answer).toMatchObject({ phrasing: 'model', status: 'answered' });
    expect(answer['text']).toContain('사업의 2021년 예산은 82억원');
  });

  it('serves an accepted rewording from the cache the second time', async () => {
    llm.reset();
    llm.setBehaviour({
      content: reply('폐기물 안전처리 사업의 2021년 예산은 71억원(KRW 7.1 billion)입니다.'),
    });
    const first = JSON.parse((await ask(['--json', '폐기물 사업 예산'], env)).stdout) as { phrasing: string };
    const requestsAfterFirst = llm.requests.length;
    const second = JSON.parse((await ask(['--json', '폐기물 사업 예산'], env)).stdout) as {
      phrasing: string;
      text: string;
    };
    expect(first.phrasing).toBe('model');
    expect(second.phrasing).toBe('model');
    expect(llm.requests.length).toBe(requestsAfterFirst);
  });

  it('sends the template when the rewording changes the amount, and logs why', async () => {
    llm.reset();
    llm.setBehaviour({ content: reply('전자증명서 사업의 2021년 예산은 100억원입니다.') });
    // A fresh cache, so the good phrasing accepted above for the same answer is not reused.
    const r = await ask(['--json', '전자증명서 사업비는?'], {
      ...env,
      STORE_PATH: join(dir, 'other.sqlite'),
    });
    const answer = JSON.parse(r.stdout) as { phrasing: string; text: string };
    expect(answer.phrasing).toBe('template');
    expect(answer.text).toContain('82억원');
    expect(answer.text).not.toContain('100억원');
    expect(r.stderr).toMatch(/fact_lock|rejected/i);
  });

  it('never sends a no_match or rejected question to the model', async () => {
    llm.reset();
    llm.setBehaviour({ content: reply('무엇이든') });
    const r = await ask(['--json'], env, '오늘 점심 메뉴 추천해줘\n\n');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; phrasing: string });
    expect(lines.map((l) => [l.status, l.phrasing])).toEqual([
      ['no_match', 'template'],
      ['rejected', 'template'],
    ]);
    expect(llm.requests).toHaveLength(0);
  });
});

describe('LLM phrasing in Discord', () => {
  it('defers at once, then edits in the template when the model is too slow', async () => {
    const llm = await startOpenAIStandin();
    const standin = await startDiscordStandin();
    const dir = mkdtempSync(join(tmpdir(), 'phrasing-discord-'));
    const stores = await openStores({ storePath: join(dir, 's.sqlite') });
    const engine = realEngine();
    const phrasing = createPhrasing(
      { apiKey: 'k', baseUrl: llm.baseURL, model: 'stand-in', budgetMs: 300 },
      engine.kb,
      { cache: stores.phrasing },
    );
    const bot = createBot({
      token: standin.token,
      apiUrl: standin.apiUrl,
      engine,
      stores,
      logger: pino({ level: 'silent' }),
      rateLimitPerMinute: 100,
      phrase: phrasing.phrase,
    });
    try {
      await bot.ready;
      llm.setBehaviour({ headerDelayMs: 5000, content: reply('늦은 답') });
      const slow = standin.sendInteraction({
        type: InteractionType.ApplicationCommand,
        locale: 'ko',
        data: {
          name: 'ask',
          type: 1,
          id: '123456789012345670',
          options: [{ type: 3, name: 'question', value: '세움터 예산' }],
        },
      });
      expect((await slow.callback).type).toBe(5);
      const edited = await slow.waitForOriginalEdit();
      expect(edited.embeds[0]!.description).toContain('112억원');
      expect(edited.embeds[0]!.description).not.toContain('늦은 답');

      llm.reset();
      llm.setBehaviour({
        content: reply(
          '클라우드 기반 건축행정시스템 재구축 사업의 2021년 예산은 112억원(KRW 11.2 billion)입니다.',
        ),
      });
      const good = standin.sendInteraction({
        type: InteractionType.ApplicationCommand,
        locale: 'ko',
        data: {
          name: 'ask',
          type: 1,
          id: '123456789012345670',
          options: [{ type: 3, name: 'question', value: '건축행정 예산 알려줘' }],
        },
      });
      const phrased = await good.waitForOriginalEdit();
      expect(phrased.embeds[0]!.description).toContain('재구축 사업의 2021년 예산은 112억원');
      expect(phrased.embeds.at(-1)!.footer?.text).toContain('AI 모델');
    } finally {
      await bot.stop();
      await stores.close();
      await standin.close();
      await llm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
