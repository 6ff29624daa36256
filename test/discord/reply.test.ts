import { describe, expect, it } from 'vitest';
import { buildReply, defuseMentions, LIMITS, splitText, truncate } from '../../src/adapters/discord/reply.js';
import type { Answer } from '../../src/core/types.js';
import { MessageBook } from '../../src/core/messages.js';
import { realEngine } from '../support/engine.js';

const book = () => new MessageBook(realEngine().kb.messages);

function answerWith(text: string, sources = 3): Answer {
  return {
    status: 'answered',
    language: 'ko',
    projects: [],
    verdict: null,
    rule: null,
    text,
    sources: Array.from({ length: sources }, (_, i) => ({
      title: `출처 ${i} `.repeat(8),
      url: `https://example.org/source/${i}`,
    })),
    facts: [],
    keyFacts: [],
    traces: [],
    candidates: [],
    hasInferred: true,
    kind: 'topic',
  };
}

function totalLength(reply: ReturnType<typeof buildReply>): number {
  return reply.embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}

describe('Discord replies stay within Discord limits', () => {
  it.each([10, 2500, 4096, 5000, 9000, 50_000])(
    'a %i-character answer fits (description ≤ 4096, total ≤ 6000, ≤ 10 embeds)',
    (n) => {
      const text = Array.from({ length: Math.ceil(n / 50) }, (_, i) => `${i}번째 줄입니다. `.padEnd(49, '가'))
        .join('\n')
        .slice(0, n);
      const reply = buildReply(answerWith(text, 75), book(), { answerKey: 'k', title: 'x'.repeat(400) });
      expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      for (const embed of reply.embeds) {
        expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
        for (const field of embed.fields ?? [])
          expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
      expect(totalLength(reply)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    },
  );

  it('splits long text at line breaks and marks a cut', () => {
    expect(splitText('가\n나\n다', 3)).toEqual(['가\n나', '다']);
    expect(truncate('abc def ghi', 8)).toBe('abc def…');
  });

  it('always disables mentions and defuses echoed @everyone', () => {
    const reply = buildReply(answerWith('본문'), book(), { title: '@everyone <@123456789012345678> 질문' });
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(reply.embeds[0]!.title).not.toMatch(/@everyone|<@\d/);
    expect(defuseMentions('@here')).not.toBe('@here');
  });

  it('adds feedback buttons, a share button only for private answers, and explains (추정)', () => {
    const shared = buildReply(answerWith('본문'), book(), { answerKey: 'abc', shareable: true });
    const ids = shared.components.flatMap((r) =>
      r.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
    );
    expect(ids).toEqual(['fb:up:abc', 'fb:down:abc', 'share:abc']);
    expect(shared.embeds.at(-1)!.footer!.text).toContain('(추정)');
    const public_ = buildReply(answerWith('본문'), book(), { answerKey: 'abc' });
    expect(public_.components[0]!.components).toHaveLength(2);
  });

  it('renders every real answer of the engine within the limits', () => {
    const engine = realEngine();
    for (const q of [
      '사업 목록',
      '출처',
      '과업심의위원회',
      '지금 한 번 유찰 수의계약?',
      'List the projects',
      '클라우드 사업',
    ]) {
      const reply = buildReply(engine.answer({ text: q, today: '2026-11-26' }), book(), {
        answerKey: 'k',
        shareable: true,
      });
      expect(totalLength(reply)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    }
    const sources = buildReply(engine.listSources('ko'), book(), { answerKey: 'k' });
    expect(totalLength(sources)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(sources.embeds.at(-1)!.fields!.at(-1)!.value).toMatch(/외 \d+건/);
  });
});
