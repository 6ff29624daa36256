import { describe, expect, it } from 'vitest';

import { createFactExtractor, extractFacts, prepareText } from '../../src/llm/facts/extract.js';
import { findAllMatches } from '../../src/llm/facts/findAllMatches.js';
import { findLooseSpans, findLooseSpansIn, toLooseText } from '../../src/llm/facts/looseText.js';

const asArrays = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, ...m]);

describe('findAllMatches', () => {
  const patterns = [
    /\bcan(?:not)?\b/giu,
    /\b(?:paragraph|para)\.?\s*\(?(\d+)\)?/giu,
    /(?<!\p{Script=Hangul})정오|\bnoon\b|\bmidday\b/giu,
    /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu,
    /(\d+)\s*(?:%\s*p\b|percent\b)/giu,
    /(\w)\b(?=\1)/giu,
    /\b/giu,
    /x*\b/giu,
    /[\b]|\bb/giu,
    /\d+/gu,
  ];
  const texts = [
    'It cannot be done, but it can.',
    'ſcannot Kan can_ can1 CAN 𝐜an 😀can😀',
    'paragraph 3, para.(4), ſpara 5, Para 6',
    '정오, 한정오, noon, afternoon, ſnoon, Midday',
    'see https://x.kr/a and WWW.Y.COM, ſwww.z.com',
    '50 %p and 3 percent, 7percentage',
    'aa bb a_a ſs Kk',
    '',
    '😀\ud800x\udc00',
    'abc\bdef b',
  ];

  it.each(patterns.map((pattern) => [pattern.source, pattern] as const))(
    'finds what matchAll finds for %s',
    (_source, pattern) => {
      for (const text of texts) {
        expect(asArrays(findAllMatches(text, pattern)), text).toEqual(asArrays(text.matchAll(pattern)));
      }
    },
  );

  it('keeps named and numbered groups', () => {
    const [match] = findAllMatches('see Para 12 here', /\b(?:para)\s*(?<number>\d+)\b/giu);
    expect(match?.index).toBe(4);
    expect(match?.[1]).toBe('12');
    expect(match?.groups?.['number']).toBe('12');
  });
});

describe('toLooseText and findLooseSpansIn', () => {
  it.each([
    ['a\u00a0B\u3000c\ufeffD', 'abcd'],
    ['xİy İ', 'i'],
    ['xİy', 'i̇y'],
    ['ΣΑΣ σας', 'σα'],
    ['a😀 B 😀b', '😀b'],
    ['정부 24와 정부24', '정부24'],
    ['no match here', 'zz'],
  ] as const)('looks up %j like findLooseSpans', (haystack, needle) => {
    const loose = toLooseText(haystack);
    expect(findLooseSpansIn(loose, needle)).toEqual(findLooseSpans(haystack, needle));
    // A second lookup reuses the offsets built by the first.
    expect(findLooseSpansIn(loose, needle)).toEqual(findLooseSpans(haystack, needle));
  });

  it('finds nothing for an empty needle', () => {
    expect(findLooseSpansIn(toLooseText('abc'), '')).toEqual([]);
  });
});

describe('createFactExtractor', () => {
  it('extracts from prepared text what extractFacts extracts with the same mask phrases', () => {
    const maskPhrases = ['정부24 생활맞춤형 연계서비스 기반 구축 (신규)', '정부24', ' 9', 'x'];
    const extract = createFactExtractor({ maskPhrases });
    for (const text of [
      '정부24 생활맞춤형 연계서비스 기반 구축 (신규)는 2021년 1월 21일 설명회의 9개 과제입니다.',
      'COVID-19 rules for 정부 24 at 2 p.m.',
      '',
    ]) {
      expect(extract(prepareText(text))).toEqual(extractFacts(text, { maskPhrases }));
    }
  });
});
