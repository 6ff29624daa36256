import { describe, expect, it } from 'vitest';
import { questionParts } from '../../src/core/otherParts.js';
import { ask } from '../support/engine.js';

describe('questionParts', () => {
  it('finds the questions of a message: question marks and asking words', () => {
    expect(
      questionParts(
        '작년엔 1월 21일이었는데 올해도 비슷한 때 하나요? 그리고 소상공인 플랫폼 몇 차인지도 궁금합니다. 감사해요',
      ),
    ).toEqual([
      '작년엔 1월 21일이었는데 올해도 비슷한 때 하나요?',
      '그리고 소상공인 플랫폼 몇 차인지도 궁금합니다.',
    ]);
  });

  it('leaves a message of one question alone', () => {
    expect(questionParts('설명회 언제야?')).toEqual([]);
    expect(questionParts('국민비서 예산 얼마야? ㅎㅎ?')).toEqual([]);
  });
});

describe('a message of several questions', () => {
  it('answers each plain fact asked', () => {
    const answer = ask(
      'My boss wants to know how much money is on the table overall for the MOIS e-government support program, and whether we already missed the live session, it was the 21st right? what time did it start??',
    );
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('645억');
    expect(answer.text).toContain('14:00');
  });

  it('never adds a verdict read from a question cut off from its message', () => {
    const answer = ask('설명회 언제였지? 그리고 그때 1회 유찰되면 수의계약 돼?', { today: '2026-11-30' });
    const verdictLines = answer.text.split('\n').filter((line) => line.startsWith('판단:'));
    expect(verdictLines.length).toBeLessThanOrEqual(1);
  });
});
