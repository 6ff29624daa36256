import { AMOUNT_EXTRACTORS } from './amounts.js';
import { ARTICLE_EXTRACTORS } from './articles.js';
import { COUNT_EXTRACTORS } from './counts.js';
import { DATE_EXTRACTORS, TIME_EXTRACTORS } from './dates.js';
import type { Extractor } from './types.js';

/** Every extractor, most specific first: each one's matches are blanked before the next runs. */
export const EXTRACTORS: readonly Extractor[] = [
  ...DATE_EXTRACTORS,
  ...TIME_EXTRACTORS,
  ...ARTICLE_EXTRACTORS,
  ...AMOUNT_EXTRACTORS,
  ...COUNT_EXTRACTORS,
];
