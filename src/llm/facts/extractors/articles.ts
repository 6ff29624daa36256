/** Article references: 제27조③, 제27조제3항, 제48조의2, Article 27(3), paragraph 3 of Article 27. */
import { NUM } from '../numbers.js';
import { articleToken } from '../tokens.js';
import type { Extractor } from './types.js';

export const ARTICLE_EXTRACTORS: readonly Extractor[] = [
  // Articles (조, 조의, 항, 호). Bare "N조" before 원 or a further 억/만 group is an amount, not an article.
  {
    pattern: new RegExp(
      String.raw`(?:제\s*)?(?<![\d.,])(\d+)\s*조(?![달정치건사합])(?!\s*원)(?!\s*${NUM}\s*[십백천]?\s*[억만])(?:\s*의\s*(\d+))?(?:\s*(?:제\s*)?(\d+)\s*항(?![목공]))?(?:\s*(?:제\s*)?(\d+)\s*호)?`,
      'gu',
    ),
    hint: /조/u,
    build: (m) => articleToken(m[0], m[1], m[2], m[3], m[4]),
  },
  {
    pattern:
      /\b(?:paragraph|para)\.?\s*\(?(\d+)\)?\s+of\s+(?:Article|Art)\.?\s*(\d+)(?:-(\d+))?(?:\s+of\s+the\b)?/giu,
    hint: /para/iu,
    build: (m) => articleToken(m[0], m[2], m[3], m[1], undefined),
  },
  {
    pattern:
      /\b(?:Article|Art)\.?\s*(\d+)(?:-(\d+))?(?:\s*\((\d+)\)|,?\s*(?:paragraph|para)\.?\s*\(?(\d+)\)?)?(?:\s*\((\d+)\)|,?\s*(?:item|subparagraph|subpara)\.?\s*\(?(\d+)\)?)?/giu,
    hint: /art/iu,
    build: (m) => articleToken(m[0], m[1], m[2], m[3] ?? m[4], m[5] ?? m[6]),
  },
  {
    pattern: /(?:제\s*)?(?<![\d.,])(\d+)\s*항(?![목공])(?:\s*(?:제\s*)?(\d+)\s*호)?/gu,
    hint: /항/u,
    build: (m) => articleToken(m[0], undefined, undefined, m[1], m[2]),
  },
  {
    pattern: /제\s*(\d+)\s*호/gu,
    hint: /호/u,
    build: (m) => articleToken(m[0], undefined, undefined, undefined, m[1]),
  },
  {
    pattern: /\b(?:paragraph|para)\.?\s*\(?(\d+)\)?/giu,
    hint: /para/iu,
    build: (m) => articleToken(m[0], undefined, undefined, m[1], undefined),
  },
  {
    pattern: /\b(?:item|subparagraph|subpara)\.?\s*\(?(\d+)\)?/giu,
    hint: /item|subpara/iu,
    build: (m) => articleToken(m[0], undefined, undefined, undefined, m[1]),
  },
];
