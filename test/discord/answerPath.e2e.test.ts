import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPhrasing } from '../../src/llm/phrasing.js';
import { customIds, message } from '../briefing/helpers.js';
import {
  askByMention,
  descriptionOf,
  startBotOnStandin,
  type BotOnStandin,
} from '../support/botOnStandin.js';
import { realEngine } from '../support/engine.js';
import { startOpenAIStandin, type OpenAIStandin } from '../support/openaiStandin.js';

const QUESTION = '건축행정 예산 알려줘';
const REWORDED = '클라우드 기반 건축행정시스템 재구축 사업의 2021년 예산은 112억원(KRW 11.2 billion)입니다.';

/** Every surface rewords on the one answer path: the same wording, the same small print. */
describe('one answer path with phrasing on, through the stand-in', () => {
  let llm: OpenAIStandin;
  let s: BotOnStandin;

  beforeAll(async () => {
    llm = await startOpenAIStandin();
    llm.setBehaviour({ content: JSON.stringify({ text: REWORDED }) });
    const phrasing = createPhrasing(
      { apiKey: 'k', baseUrl: llm.baseURL, model: 'stand-in', budgetMs: 2000 },
      realEngine().kb,
    );
    s = await startBotOnStandin({ phrase: phrasing.phrase });
  });

  afterAll(async () => {
    await s.close();
    await llm.close();
  });

  it('rewords /ask (after a deferral) and its shared copy, with the Discord small print', async () => {
    const asked = s.standin.sendCommand('ask', { question: QUESTION, private: true }, { locale: 'ko' });
    expect((await asked.callback).type).toBe(5);
    const reply = message(await asked.waitForFinal());
    expect(descriptionOf(reply)).toBe(REWORDED);
    expect(reply.embeds.at(-1)!.footer?.text).toContain('AI 모델');

    const shared = s.standin.clickButton(
      reply,
      customIds(reply).find((id) => id.startsWith('share:'))!,
    );
    expect((await shared.callback).type).toBe(5);
    const copy = message(await shared.waitForFinal());
    expect((await shared.callback).ephemeral).toBe(false);
    expect(descriptionOf(copy)).toBe(REWORDED);
  });

  it('rewords a mention', async () => {
    const reply = await askByMention(s.standin, QUESTION);
    expect(descriptionOf(reply)).toBe(REWORDED);
  });

  it('rewords a briefing question the knowledge base answers at once', async () => {
    const owner = { user: s.standin.users.owner.id, locale: 'ko' };
    message(
      await s.standin
        .sendCommand(
          'briefing-qa',
          [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: '설명회' }] }],
          owner,
        )
        .waitForFinal(),
    );
    const asked = s.standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: QUESTION }] }],
      { user: s.standin.users.member.id, locale: 'ko' },
    );
    expect((await asked.callback).type).toBe(5);
    const reply = message(await asked.waitForFinal());
    expect((await asked.callback).ephemeral).toBe(true);
    expect(reply.content).toContain('바로 답변');
    expect(descriptionOf(reply)).toBe(REWORDED);
    expect(reply.embeds.at(-1)!.footer?.text).toContain('AI 모델');
  });

  it('never sends an answer the engine did not decide to the model', async () => {
    const before = llm.requests.length;
    const reply = message(
      await s.standin
        .sendCommand('ask', { question: '오늘 점심 메뉴 추천해줘' }, { locale: 'ko' })
        .waitForFinal(),
    );
    expect(descriptionOf(reply)).toBe(
      realEngine().answer({ text: '오늘 점심 메뉴 추천해줘', today: '2026-11-26' }).text,
    );
    expect(reply.embeds.at(-1)!.footer?.text ?? '').not.toContain('AI 모델');
    expect(llm.requests.length).toBe(before);
  });
});
