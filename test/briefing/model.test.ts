import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../src/shared/coalescer.js';
import { toCsv, toMarkdown } from '../../src/briefing/export.js';
import { formatGapGroups, groupGaps } from '../../src/briefing/gaps.js';
import {
  buildViews,
  canApply,
  checkQuestion,
  questionId,
  questionKey,
  rankQueue,
  voteToggle,
  type BriefingRecord,
  type BriefingSnapshot,
  type QuestionRecord,
  type VoteRecord,
} from '../../src/briefing/model.js';
import type { GapRecord } from '../../src/briefing/repository.js';
import { csvRecords } from './helpers.js';

function question(
  id: string,
  text: string,
  askedAt: string,
  autoAnswer: string | null = null,
): QuestionRecord {
  return {
    id,
    key: questionKey(text),
    text,
    askerId: `u-${id}`,
    askerName: `asker ${id}`,
    askedAt,
    source: 'command',
    autoAnswer,
  };
}

function votes(n: number, at = '2021-01-21T05:00:00.000Z'): VoteRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: `v${i}`,
    userName: `voter ${i}`,
    at,
    asked: i === 0,
  }));
}

const snapshot: BriefingSnapshot = {
  questions: [
    question('a', '점심시간은 언제인가요?', '2021-01-21T05:00:00.000Z'),
    question('b', '녹화본은 언제 올라오나요?', '2021-01-21T05:01:00.000Z'),
    question('c', '주차는 어디에 하나요?', '2021-01-21T05:02:00.000Z'),
    question('d', '전자증명서 예산 얼마야?', '2021-01-21T05:03:00.000Z', '82억원'),
    question('e', '와이파이 비밀번호는?', '2021-01-21T05:04:00.000Z'),
    question('f', '발표 자료, "최종본"은 =어디?', '2021-01-21T05:05:00.000Z'),
  ],
  statuses: new Map([
    ['c', { status: 'dismissed', answer: null, by: 'org', at: '2021-01-21T06:00:00.000Z' }],
  ]),
  votes: new Map([
    ['a', votes(2)],
    ['b', votes(5)],
    ['c', votes(9)],
    ['d', votes(1)],
    ['e', votes(2)],
    ['f', votes(1)],
  ]),
  pinned: 'e',
};

describe('checkQuestion', () => {
  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['가'.repeat(501), 'too_long'],
    ['<@1> <@2> <@&3> 질문', 'mentions'],
    ['@everyone @here @everyone 질문', 'mentions'],
    ['?!?! ... 123', 'no_words'],
  ] as const)('rejects %j as %s', (text, reason) => {
    expect(checkQuestion(text)).toEqual({ ok: false, reason });
  });

  it('accepts a question with up to two mentions and collapses its spacing', () => {
    expect(checkQuestion('  <@1> 점심은\n 언제?  ')).toMatchObject({ ok: true, text: '<@1> 점심은 언제?' });
  });

  it('accepts exactly the maximum length', () => {
    expect(checkQuestion('가'.repeat(500)).ok).toBe(true);
  });
});

describe('questionKey', () => {
  it.each([
    ['점심시간은 언제인가요?', '  점심 시간은 언제인가요 ??'],
    ['When is LUNCH?', 'when is lunch'],
    ['ＡＢＣ 예산', 'abc 예산!'],
    ['<@123> 점심시간은 언제인가요?', '점심시간은 언제인가요'],
  ])('gives %j and %j the same key and id', (a, b) => {
    expect(questionKey(a)).toBe(questionKey(b));
    expect(questionId(questionKey(a))).toBe(questionId(questionKey(b)));
  });

  it('tells different questions apart', () => {
    expect(questionId(questionKey('점심시간은 언제인가요?'))).not.toBe(
      questionId(questionKey('저녁시간은 언제인가요?')),
    );
  });
});

describe('queue', () => {
  it('ranks the pinned question first, then by votes, then oldest first; decided and auto-answered ones leave', () => {
    expect(rankQueue(snapshot).map((v) => v.question.id)).toEqual(['e', 'b', 'a', 'f']);
  });

  it('gives every question its status, answer and vote count', () => {
    const views = new Map(buildViews(snapshot).map((v) => [v.question.id, v]));
    expect(views.get('c')).toMatchObject({
      status: 'dismissed',
      pinned: false,
      decidedAt: '2021-01-21T06:00:00.000Z',
    });
    expect(views.get('d')).toMatchObject({ status: 'auto', answer: '82억원' });
    expect(views.get('e')).toMatchObject({ status: 'queued', pinned: true });
    expect(views.get('b')!.votes).toHaveLength(5);
  });

  it('applies organiser actions only to queued questions', () => {
    for (const action of ['answer', 'dismiss', 'pin'] as const) {
      expect(canApply(action, 'queued')).toBe(true);
      expect(canApply(action, 'answered')).toBe(false);
      expect(canApply(action, 'dismissed')).toBe(false);
      expect(canApply(action, 'auto')).toBe(false);
    }
  });

  it('toggles a vote: add when not voted, withdraw when voted', () => {
    expect(voteToggle(false)).toBe('add');
    expect(voteToggle(true)).toBe('withdraw');
  });
});

describe('export', () => {
  const briefing: BriefingRecord = {
    id: 'b1',
    guildId: 'g',
    channelId: 'c',
    title: '설명회 *제목*',
    language: 'ko',
    startedBy: 'org',
    startedAt: '2021-01-21T05:00:00.000Z',
    stoppedAt: '2021-01-21T07:00:00.000Z',
    queueMessageId: null,
  };
  const views = buildViews(snapshot);

  it('writes every question to CSV with quoting, formula guarding, and no names by default', () => {
    const csv = toCsv(views, { includeNames: false });
    expect(csv.startsWith('\ufeffid,question,status,votes,answer,asked_at,decided_at,source\r\n')).toBe(true);
    const records = csvRecords(csv);
    expect(records).toHaveLength(6);
    expect(records.find((r) => r.id === 'f')!.question).toBe('발표 자료, "최종본"은 =어디?');
    expect(records.find((r) => r.id === 'd')).toMatchObject({ status: 'auto', votes: '1', answer: '82억원' });
    expect(csv).not.toContain('asker a');
    expect(
      csvRecords(
        toCsv([{ ...views[0]!, question: { ...views[0]!.question, text: '=HYPERLINK("x")' } }], {
          includeNames: false,
        }),
      )[0]!.question,
    ).toBe(`'=HYPERLINK("x")`);
  });

  it('adds asker and voter names only when asked', () => {
    const records = csvRecords(toCsv(views, { includeNames: true }));
    expect(records.find((r) => r.id === 'a')).toMatchObject({ asker: 'asker a', voters: 'voter 0; voter 1' });
  });

  it('writes Markdown grouped by status, with escaped text', () => {
    const md = toMarkdown(briefing, views, { includeNames: false });
    expect(md).toContain('# 설명회 \\*제목\\*');
    expect(md).toContain('## Not answered (4)');
    expect(md).toContain('## Dismissed (1)');
    expect(md).toContain('## Answered automatically (1)');
    expect(md).toContain('  - Answer: 82억원');
    expect(md).not.toContain('asker');
  });
});

describe('groupGaps', () => {
  const gap = (text: string, at: string, source: GapRecord['source'] = 'briefing'): GapRecord => ({
    text,
    status: 'no_match',
    source,
    at,
  });

  it('groups similar questions and orders the groups by count', () => {
    const groups = groupGaps([
      gap('행사장 주차 요금은 얼마인가요?', '2021-01-21T05:00:00Z', 'command'),
      gap('점심시간은 언제인가요?', '2021-01-21T05:01:00Z'),
      gap('행사장 주차 요금은 얼마인가요', '2021-01-21T05:02:00Z', 'mention'),
      gap('행사장 주차요금은 얼마인가여?', '2021-01-21T05:03:00Z'),
      gap('점심 시간은 언제인가요', '2021-01-21T05:04:00Z'),
      gap('Where is the recording?', '2021-01-21T05:05:00Z'),
    ]);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['행사장 주차 요금은 얼마인가요?', 3],
      ['점심시간은 언제인가요?', 2],
      ['Where is the recording?', 1],
    ]);
    expect(groups[0]!.sources).toEqual(['briefing', 'command', 'mention']);
    expect(formatGapGroups(groups)).toContain('6 gap question(s) in 3 group(s)');
  });

  it('says so when there are none', () => {
    expect(formatGapGroups(groupGaps([]))).toBe('No gap questions recorded.');
  });
});

describe('Coalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('coalesces a burst into one edit now and one trailing edit, never closer than the interval', async () => {
    const at: number[] = [];
    const updater = new Coalescer(
      () => {
        at.push(Date.now());
        return Promise.resolve();
      },
      2000,
      () => undefined,
    );
    const start = Date.now();
    for (let i = 0; i < 100; i++) {
      updater.request('b');
      await vi.advanceTimersByTimeAsync(30);
    }
    await vi.advanceTimersByTimeAsync(5000);
    expect(at.length).toBe(3);
    expect(updater.edits).toBe(3);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(2000);
    // The trailing edit comes after the last request.
    expect(at.at(-1)!).toBeGreaterThanOrEqual(start + 99 * 30);
    updater.close();
  });

  it('edits each briefing on its own schedule and reports render errors', async () => {
    const keys: string[] = [];
    const errors: string[] = [];
    const updater = new Coalescer(
      (key) => {
        keys.push(key);
        return key === 'bad' ? Promise.reject(new Error('boom')) : Promise.resolve();
      },
      2000,
      (_error, key) => errors.push(key),
    );
    updater.request('a');
    updater.request('bad');
    await vi.advanceTimersByTimeAsync(10);
    expect(keys.sort()).toEqual(['a', 'bad']);
    expect(errors).toEqual(['bad']);
    updater.close();
    updater.request('a');
    await vi.advanceTimersByTimeAsync(5000);
    expect(keys).toHaveLength(2);
  });
});
