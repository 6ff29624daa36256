import { InteractionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askByMention,
  descriptionOf,
  startBotOnStandin,
  type BotOnStandin,
} from '../support/botOnStandin.js';
import { realEngine } from '../support/engine.js';
import { customIds, message } from '../briefing/helpers.js';

const TODAY = '2026-11-26';

/**
 * Questions that read two or three ways ("an overview of the program": its size, what it is, its
 * aim). The engine asks back on at least one of them; the test takes the first it asks back on.
 */
const AMBIGUOUS = ['지원사업 개요', '지원사업이 뭐하는 거야', '설명회 자료'];

function askedBack() {
  for (const question of AMBIGUOUS) {
    const answer = realEngine().answer({ text: question, today: TODAY });
    if (answer.status === 'clarify') return { question, answer };
  }
  throw new Error(`the engine asks back on none of ${AMBIGUOUS.join(', ')}`);
}

describe('"did you mean…" buttons in Discord through the stand-in', () => {
  let s: BotOnStandin;

  beforeAll(async () => {
    s = await startBotOnStandin({ today: () => TODAY });
  });

  afterAll(async () => {
    await s.close();
  });

  it('shows one button per reading (at most 3), labelled as the engine labels them', async () => {
    const { question, answer } = askedBack();
    const reply = message(await s.standin.sendCommand('ask', { question }, { locale: 'ko' }).waitForFinal());
    expect(descriptionOf(reply)).toBe(answer.text);
    const buttons = (reply.components ?? []).flatMap((row) =>
      'components' in row
        ? row.components.filter((c) => 'custom_id' in c && c.custom_id.startsWith('clarify:'))
        : [],
    );
    expect(buttons.length).toBe(Math.min(3, answer.candidates.length));
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(
      answer.candidates.slice(0, 3).map((c) => c.label),
    );
    expect(customIds(reply).some((id) => id.startsWith('pick:'))).toBe(false);
  });

  it.each([
    [false, 0],
    [true, 1],
    [false, 2],
  ])('pressing a reading asks its question (private: %s, reading %i)', async (isPrivate, index) => {
    const { question, answer } = askedBack();
    const candidate = answer.candidates[Math.min(index, answer.candidates.length - 1)]!;
    const asked = s.standin.sendCommand('ask', { question, private: isPrivate }, { locale: 'ko' });
    const reply = message(await asked.waitForFinal());
    const buttonId = customIds(reply).find(
      (id) => id.startsWith('clarify:') && id.endsWith(`:${answer.candidates.indexOf(candidate)}`),
    )!;
    expect(buttonId).toBeDefined();

    const pressed = s.standin.clickButton(reply, buttonId, { locale: 'ko' });
    const picked = message(await pressed.waitForFinal());
    expect((await pressed.callback).ephemeral).toBe(isPrivate);
    expect(picked.embeds[0]!.title).toBe(candidate.question);
    const expected = realEngine().answer({ text: candidate.question!, today: TODAY });
    expect(descriptionOf(picked)).toBe(expected.text);
    // The picked answer is an ordinary answer: feedback buttons, and Share only when private.
    expect(customIds(picked).some((id) => id.startsWith('fb:up:'))).toBe(true);
    expect(customIds(picked).some((id) => id.startsWith('share:'))).toBe(isPrivate);
  });

  it('answers a mention the same way, buttons included', async () => {
    const { question, answer } = askedBack();
    const reply = await askByMention(s.standin, question);
    const buttonId = customIds(reply).find((id) => /^clarify:[^:]+:0$/.test(id))!;
    expect(buttonId).toBeDefined();
    const pressed = s.standin.clickButton(reply, buttonId, { locale: 'ko' });
    const picked = message(await pressed.waitForFinal());
    expect((await pressed.callback).ephemeral).toBe(false);
    expect(picked.embeds[0]!.title).toBe(answer.candidates[0]!.question);
  });

  it('says the buttons expired when the stored question is gone', async () => {
    const { question } = askedBack();
    const reply = message(
      await s.standin.sendCommand('ask', { question }, { locale: 'en-US' }).waitForFinal(),
    );
    const pressed = s.standin.sendInteraction({
      type: InteractionType.MessageComponent,
      message: reply,
      locale: 'en-US',
      data: { component_type: 2, custom_id: 'clarify:gone:0' },
    });
    const notice = message(await pressed.waitForFinal());
    expect((await pressed.callback).ephemeral).toBe(true);
    expect(notice.content).toContain('expired');
  });
});
