/** Dates and times: 2021-06-30, 2021년 6월 30일, June 30, 2021, 2021. 6., 오후 2시, 14:00, 2 p.m. */
import { MONTH, monthOf, toInt, isYear } from '../numbers.js';
import { dateToken, monthDayToken, monthToken, timeToken, to12h } from '../tokens.js';
import type { Extractor } from './types.js';

export const DATE_EXTRACTORS: readonly Extractor[] = [
  // Dates, most specific first.
  {
    pattern: /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu,
    hint: /월/u,
    build: (m) => dateToken(m[0], toInt(m[1]), toInt(m[2]), toInt(m[3])),
  },
  {
    pattern: /(?<![\d.])(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)(?:\s*\.(?!\d))?/gu,
    hint: /\d{4}\s*[-./]/u,
    build: (m) => dateToken(m[0], toInt(m[1]), toInt(m[3]), toInt(m[4])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gu'),
    hint: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu,
    build: (m) => dateToken(m[0], toInt(m[3]), monthOf(m[1] ?? ''), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})\b`, 'gu'),
    hint: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu,
    build: (m) => dateToken(m[0], toInt(m[3]), monthOf(m[2] ?? ''), toInt(m[1])),
  },
  {
    pattern: /(\d{4})\s*년\s*(\d{1,2})\s*월/gu,
    hint: /월/u,
    build: (m) => monthToken(m[0], toInt(m[1]), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?,?\s+(?:of\s+)?(\d{4})\b`, 'gu'),
    hint: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu,
    build: (m) => monthToken(m[0], toInt(m[2]), monthOf(m[1] ?? '')),
  },
  {
    pattern: /(?<![\d.])(\d{4})\s*([-./])\s*(\d{1,2})(?!\d)(?:\s*\.(?!\d))?/gu,
    hint: /\d{4}\s*[-./]/u,
    build: (m) => monthToken(m[0], toInt(m[1]), toInt(m[3])),
  },
  {
    pattern: /(?<![\d.])(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu,
    hint: /월/u,
    build: (m) => monthDayToken(m[0], toInt(m[1]), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'gu'),
    hint: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu,
    build: (m) => monthDayToken(m[0], monthOf(m[1] ?? ''), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?`, 'gu'),
    hint: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu,
    build: (m) => monthDayToken(m[0], monthOf(m[2] ?? ''), toInt(m[1])),
  },
  {
    pattern: /(?<![\d.,])(\d{4})\s*년(?:도)?/gu,
    hint: /년/u,
    build: (m) =>
      isYear(toInt(m[1])) ? { kind: 'year', canonical: `year:${toInt(m[1])}`, raw: m[0] } : null,
  },
  {
    pattern: /\bFY\s?'?(\d{4})\b/gu,
    hint: /FY/u,
    build: (m) =>
      isYear(toInt(m[1])) ? { kind: 'year', canonical: `year:${toInt(m[1])}`, raw: m[0] } : null,
  },
];

export const TIME_EXTRACTORS: readonly Extractor[] = [
  {
    pattern:
      /(오전|오후|낮|밤|저녁|새벽|아침)?\s*(?<![\d.,])(\d{1,2})\s*시(?![간행점기장책범설정작스청민])(?:\s*(\d{1,2})\s*분|\s*(반))?/gu,
    // The leading \s* retries at every space of a long run, such as a masked project name.
    hint: /\d\s*시/u,
    build: (m) => {
      const minute = m[4] === undefined ? toInt(m[3] ?? '0') : 30;
      return timeToken(m[0], to12h(m[1], toInt(m[2])), minute);
    },
  },
  {
    pattern: /(?<![\d:.])(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)(?:\s*([ap])\.?\s*m\.?(?![a-z]))?/giu,
    hint: /\d:\d/u,
    build: (m) => timeToken(m[0], to12h(m[3], toInt(m[1])), toInt(m[2])),
  },
  {
    pattern: /(?<![\d:.,])(\d{1,2})\s*([ap])\.?\s*m\.?(?![a-z])/giu,
    hint: /\d\s*[ap]\.?\s*m/iu,
    build: (m) => timeToken(m[0], to12h(m[2], toInt(m[1])), 0),
  },
  // 정오/자정 only at the start of a word: "전자정부" contains 자정.
  {
    pattern: /(?<!\p{Script=Hangul})정오|\bnoon\b|\bmidday\b/giu,
    hint: /정오|noon|midday/iu,
    build: (m) => timeToken(m[0], 12, 0),
  },
  {
    pattern: /(?<!\p{Script=Hangul})자정|\bmidnight\b/giu,
    hint: /자정|midnight/iu,
    build: (m) => timeToken(m[0], 0, 0),
  },
];
