/** Extracts fact tokens from text: masks names, links and mentions, then runs the extractors in order. */
import { EXTRACTORS } from './extractors/index.js';
import { findAllMatches } from './findAllMatches.js';
import {
  blankLooseSpans,
  blankSpans,
  compactText,
  findLooseSpansIn,
  matchSpans,
  toLooseText,
} from './looseText.js';
import type { ExtractOptions, FactToken } from './tokens.js';

/** Names whose digits are not facts even when no project name covers them. */
export const KNOWN_IDENTIFIERS = [
  '코로나19',
  '코로나-19',
  'COVID-19',
  'COVID19',
  '정부24',
  'Gov24',
  'Government24',
  'Government 24',
] as const;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu;
const MENTION_PATTERN = /<[@#][!&]?\d+>|[@＠]\s*(?:everyone|here)\b/giu;
const CIRCLED = /[\u2460-\u2473]/gu;

/**
 * Normalises text the way the fact lock compares it: ① … ⑳ become "제N항", then NFKC (full-width digits,
 * ％, ￦) and a single kind of tilde.
 */
export function prepareText(text: string): string {
  return text
    .replace(CIRCLED, (circled) => ` 제${(circled.codePointAt(0) ?? 0x2460) - 0x245f}항`)
    .normalize('NFKC')
    .replace(/[〜∼]/gu, '~');
}

/** Compact forms of the phrases to mask, longest phrase first. */
function maskTargets(phrases: readonly string[]): readonly string[] {
  return [...phrases.filter((p) => p.trim().length >= 2), ...KNOWN_IDENTIFIERS]
    .sort((a, b) => b.length - a.length)
    .map(compactText)
    .filter((target) => target !== '');
}

/** Replaces URLs, mentions, known identifiers and the given phrases with spaces, keeping offsets. */
function maskNonFacts(text: string, targets: readonly string[]): string {
  let masked = blankSpans(text, matchSpans(findAllMatches(text, URL_PATTERN)));
  masked = blankSpans(masked, matchSpans(findAllMatches(masked, MENTION_PATTERN)));
  let loose = toLooseText(masked);
  for (const target of targets) {
    if (target.length > loose.compact.length) continue;
    const spans = findLooseSpansIn(loose, target);
    // Later phrases are looked up in the masked text, so a blanked name can join its neighbours.
    if (spans.length > 0) loose = blankLooseSpans(loose, spans);
  }
  return loose.text;
}

/** True when the digits at `index` are glued to a Latin word, as in "B2B", "Web3" or "K-12". */
function isGluedToWord(text: string, index: number): boolean {
  const before = text[index - 1] ?? '';
  if (/[A-Za-z]/u.test(before)) return true;
  return before === '-' && /[A-Za-z]/u.test(text[index - 2] ?? '');
}

/** Extracts every fact token of a text, in reading order. */
export function extractFacts(text: string, options: ExtractOptions = {}): FactToken[] {
  return extractPrepared(prepareText(text), maskTargets(options.maskPhrases ?? []));
}

/**
 * {@link extractFacts} with the mask phrases prepared once, for extracting many texts with the same phrases.
 * It takes text already passed through {@link prepareText}, so token offsets point into that text.
 */
export function createFactExtractor(options: ExtractOptions = {}): (prepared: string) => FactToken[] {
  const targets = maskTargets(options.maskPhrases ?? []);
  return (prepared) => extractPrepared(prepared, targets);
}

function extractPrepared(prepared: string, targets: readonly string[]): FactToken[] {
  return runExtractors(maskNonFacts(prepared, targets));
}

/**
 * Fact tokens of prepared text whose names the caller has already found: `names` are the spans of the
 * project names and identifiers to mask (URLs and mentions are masked here).
 */
export function extractWithNames(
  prepared: string,
  names: readonly (readonly [number, number])[],
): FactToken[] {
  let masked = blankSpans(prepared, matchSpans(findAllMatches(prepared, URL_PATTERN)));
  masked = blankSpans(masked, matchSpans(findAllMatches(masked, MENTION_PATTERN)));
  return runExtractors(blankSpans(masked, names));
}

function runExtractors(masked: string): FactToken[] {
  let work = masked;
  const found: FactToken[] = [];
  for (const { pattern, build, skipGlued, hint } of EXTRACTORS) {
    if (hint !== undefined && !hint.test(work)) continue;
    const spans: [number, number][] = [];
    for (const match of findAllMatches(work, pattern)) {
      const index = match.index;
      if (skipGlued && isGluedToWord(work, index)) continue;
      const built = build(match, work.slice(index + match[0].length));
      if (built === null) continue;
      for (const value of Array.isArray(built) ? built : [built]) found.push({ ...value, index });
      spans.push([index, index + match[0].length]);
    }
    work = blankSpans(work, spans);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Canonical forms of every fact in a text, in reading order. */
export function canonicalFacts(text: string, options: ExtractOptions = {}): string[] {
  return extractFacts(text, options).map((token) => token.canonical);
}
