import {
  compactText,
  createFactExtractor,
  detectVerdictSignals,
  findAllMatches,
  findLooseSpansIn,
  prepareText,
  toLooseText,
  type FactToken,
  type VerdictSignal,
} from './normalizeFacts.js';
import type { DecidedAnswer } from './types.js';

/** Why the fact lock refused a rewording. */
export type FactLockReason =
  | 'new_number'
  | 'changed_date'
  | 'changed_amount'
  | 'dropped_key_fact'
  | 'verdict_changed'
  | 'wrong_language'
  | 'too_long'
  | 'unknown_project'
  | 'empty'
  | 'mentions'
  | 'new_url';

/** Every fact-lock reason, for counters and exhaustive tables. */
export const FACT_LOCK_REASONS = [
  'new_number',
  'changed_date',
  'changed_amount',
  'dropped_key_fact',
  'verdict_changed',
  'wrong_language',
  'too_long',
  'unknown_project',
  'empty',
  'mentions',
  'new_url',
] as const satisfies readonly FactLockReason[];

/** Outcome of {@link checkRewording}. */
export type FactLockResult = { ok: true } | { ok: false; reason: FactLockReason; detail: string };

/** Limits for {@link checkRewording}. */
export interface FactLockOptions {
  /** Longest accepted rewording, in code points. */
  maxLength: number;
}

interface ArticleRef {
  head: string;
  paragraph: string | undefined;
  item: string | undefined;
}

interface AllowedFacts {
  exact: Set<string>;
  years: Set<number>;
  derived: Set<string>;
  articles: ArticleRef[];
}

const MENTION = /[@＠]\s*(?:everyone|here)\b|<@[!&]?\d+>|<#\d+>/iu;
const FULL_URL = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu;
const BARE_DOMAIN =
  /\b(?:[a-z0-9-]+\.)+(?:com|net|org|kr|io|gov|info|biz|co|me|ai|app|dev|ly|gl)\b(?:\/[^\s<>"')\]]*)?/giu;
/** Part of every {@link BARE_DOMAIN} match; few texts have one, and looking for it is fast. */
const TLD_AFTER_DOT = /\.(?:com|net|org|kr|io|gov|info|biz|co|me|ai|app|dev|ly|gl)/iu;

/** What the lock derives from an answer's project-name lists, which recur from answer to answer. */
interface NameIndex {
  /** Tells apart the entries of the shared caches below. */
  readonly id: number;
  /** Distinct names with at least two compact characters, with their compact forms. */
  readonly names: readonly { readonly name: string; readonly compact: string }[];
  readonly projectCompacts: ReadonlySet<string>;
  /** Every name as {@link lettersOnly} writes it: a key fact equal to one is a name, not a number. */
  readonly nameKeys: ReadonlySet<string>;
  /** Fact extraction with every name masked. */
  readonly extract: (text: string) => FactToken[];
}

const nameIndexes = new Map<string, NameIndex>();
/** Facts of templates and fact strings by name index; never of candidates, which seldom recur. */
const decidedFactCache = new Map<string, readonly FactToken[]>();
/** Allowed project names by name index and joined template and fact strings. */
const allowedNameCache = new Map<string, ReadonlySet<string>>();
let nextNameIndexId = 0;

/** What the lock reads from a template text, which recurs whenever the same answer is decided again. */
const TEMPLATE_CACHE_LIMIT = 512;
const templateScripts = new Map<string, ScriptShares>();
const templateUrls = new Map<string, readonly string[]>();
const templateSignalCache = new Map<string, ReadonlySet<VerdictSignal>>();

/** Remembers up to `limit` values; the oldest entry goes first when full. */
function remember<V>(cache: Map<string, V>, key: string, limit: number, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= limit) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}

function nameIndexOf(decided: DecidedAnswer): NameIndex {
  const key = JSON.stringify([decided.allProjectNames, decided.projectNames]);
  return remember(nameIndexes, key, 128, () => {
    const maskPhrases = [...decided.allProjectNames, ...decided.projectNames];
    return {
      id: (nextNameIndexId += 1),
      names: [...new Set(maskPhrases)]
        .map((name) => ({ name, compact: compactText(name) }))
        .filter(({ compact }) => compact.length >= 2),
      projectCompacts: new Set(decided.projectNames.map(compactText)),
      nameKeys: new Set(maskPhrases.map(lettersOnly)),
      extract: createFactExtractor({ maskPhrases }),
    };
  });
}

/** Fact tokens of a template or fact string; shared between checks, so never modified. */
function decidedFacts(names: NameIndex, text: string): readonly FactToken[] {
  return remember(decidedFactCache, `${names.id}\n${text}`, 4096, () => names.extract(text));
}

function parseArticle(canonical: string): ArticleRef | null {
  const match = /^article:([^([]+)(?:\((\d+)\))?(?:\[(\d+)\])?$/u.exec(canonical);
  if (match === null) return null;
  return { head: match[1] ?? '?', paragraph: match[2], item: match[3] };
}

/** True when `general` says nothing that `specific` contradicts: same article, and any stated 항/호 equal. */
function isArticleCoveredBy(general: ArticleRef, specific: ArticleRef): boolean {
  return (
    (general.head === '?' || general.head === specific.head) &&
    (general.paragraph === undefined || general.paragraph === specific.paragraph) &&
    (general.item === undefined || general.item === specific.item)
  );
}

/** Less specific date forms a date token implies: 2021-06-30 also allows "2021년 6월", "6월 30일", "6월", "2021". */
function impliedDateForms(token: FactToken): string[] {
  const date = /^date:(\d{4})-(\d{2})-(\d{2})$/u.exec(token.canonical);
  if (date !== null) {
    const [, year, month, day] = date;
    return [`month:${year}-${month}`, `month_day:${month}-${day}`, `month_only:${month}`, `year:${year}`];
  }
  const month = /^month:(\d{4})-(\d{2})$/u.exec(token.canonical);
  if (month !== null) return [`month_only:${month[2]}`, `year:${month[1]}`];
  const monthDay = /^month_day:(\d{2})-\d{2}$/u.exec(token.canonical);
  if (monthDay !== null) return [`month_only:${monthDay[1]}`];
  return [];
}

function yearOf(canonical: string): number | null {
  const match = /^(?:year|number):(\d{4})$/u.exec(canonical);
  return match === null ? null : Number(match[1]);
}

function indexAllowedFacts(tokens: readonly FactToken[]): AllowedFacts {
  const allowed: AllowedFacts = { exact: new Set(), years: new Set(), derived: new Set(), articles: [] };
  for (const token of tokens) {
    allowed.exact.add(token.canonical);
    for (const form of impliedDateForms(token)) allowed.derived.add(form);
    const year =
      yearOf(token.canonical) ?? yearOf(impliedDateForms(token).find((f) => f.startsWith('year:')) ?? '');
    if (year !== null) allowed.years.add(year);
    const article = token.kind === 'article' ? parseArticle(token.canonical) : null;
    if (article !== null) allowed.articles.push(article);
  }
  return allowed;
}

function isAllowed(token: FactToken, allowed: AllowedFacts): boolean {
  if (allowed.exact.has(token.canonical) || allowed.derived.has(token.canonical)) return true;
  switch (token.kind) {
    case 'year':
    case 'number': {
      // A bare "2021" and "2021년" are allowed when the answer has that year in any form.
      const year = yearOf(token.canonical);
      return year !== null && allowed.years.has(year);
    }
    case 'article': {
      const article = parseArticle(token.canonical);
      return article !== null && allowed.articles.some((known) => isArticleCoveredBy(article, known));
    }
    case 'amount':
    case 'percent':
    case 'percent_point':
    case 'date':
    case 'month':
    case 'month_day':
    case 'month_only':
    case 'time':
      return false;
  }
}

function reasonForToken(token: FactToken): FactLockReason {
  switch (token.kind) {
    case 'amount':
      return 'changed_amount';
    case 'date':
    case 'month':
    case 'month_day':
    case 'month_only':
    case 'year':
    case 'time':
      return 'changed_date';
    case 'percent':
    case 'percent_point':
    case 'article':
    case 'number':
      return 'new_number';
  }
}

/** True when the candidate's tokens still state `key` (a more specific article or date also states it). */
function isKeyTokenPresent(key: FactToken, candidate: readonly FactToken[]): boolean {
  const keyArticle = key.kind === 'article' ? parseArticle(key.canonical) : null;
  return candidate.some((token) => {
    if (token.canonical === key.canonical || impliedDateForms(token).includes(key.canonical)) return true;
    const article = keyArticle === null ? null : parseArticle(token.canonical);
    return keyArticle !== null && article !== null && isArticleCoveredBy(keyArticle, article);
  });
}

/** Letters and digits only, lower case: "정부24 … 구축 (신규)" and "정부24…구축(신규)" compare equal. */
function lettersOnly(text: string): string {
  return prepareText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

interface ScriptShares {
  hangul: number;
  latin: number;
  letters: number;
}

function measureScripts(text: string): ScriptShares {
  let hangul = 0;
  let latin = 0;
  let letters = 0;
  const normalized = text.normalize('NFKC');
  // By code point, without a string per character: most of them take the fast paths below.
  for (let index = 0; index < normalized.length; index += 1) {
    const code = normalized.codePointAt(index) ?? 0;
    if (code > 0xffff) index += 1;
    // ASCII and Hangul syllables are most of the text; the Unicode property tests are for the rest.
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        letters += 1;
        latin += 1;
      }
      continue;
    }
    if (code >= 0xac00 && code <= 0xd7a3) {
      letters += 1;
      hangul += 1;
      continue;
    }
    const char = String.fromCodePoint(code);
    if (!/\p{L}/u.test(char)) continue;
    letters += 1;
    if (/\p{Script=Hangul}/u.test(char)) hangul += 1;
    else if (/[A-Za-z]/u.test(char)) latin += 1;
  }
  return letters === 0
    ? { hangul: 0, latin: 0, letters: 0 }
    : { hangul: hangul / letters, latin: latin / letters, letters };
}

function checkLanguage(decided: DecidedAnswer, candidate: string): string | null {
  const shares = measureScripts(candidate);
  if (shares.letters === 0) return 'no letters';
  const template = remember(templateScripts, decided.text, TEMPLATE_CACHE_LIMIT, () =>
    measureScripts(decided.text),
  );
  // A template that itself quotes many names in the other script lowers the bar, but never below half.
  if (decided.language === 'ko') {
    const floor = Math.min(0.5, template.hangul * 0.6);
    return shares.hangul >= floor ? null : `Hangul share ${shares.hangul.toFixed(2)} < ${floor.toFixed(2)}`;
  }
  const floor = Math.min(0.8, template.latin * 0.8);
  return shares.latin >= floor ? null : `Latin share ${shares.latin.toFixed(2)} < ${floor.toFixed(2)}`;
}

function normalizeUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/[.,;:!?'"»>)\]}]+$/u, '')
    .replace(/^https?:\/\//u, '')
    .replace(/^www\./u, '')
    .replace(/\/+$/u, '');
}

function collectUrls(text: string): string[] {
  const prepared = prepareText(text);
  const fullMatches = findAllMatches(prepared, FULL_URL);
  const full = fullMatches.map((m) => m[0]);
  let rest = '';
  let done = 0;
  for (const match of fullMatches) {
    rest += `${prepared.slice(done, match.index)} `;
    done = match.index + match[0].length;
  }
  rest += prepared.slice(done);
  const bare = TLD_AFTER_DOT.test(rest) ? findAllMatches(rest, BARE_DOMAIN).map((m) => m[0]) : [];
  return [...full, ...bare].map(normalizeUrl).filter((url) => url !== '');
}

function findNewUrl(decided: DecidedAnswer, candidate: string): string | null {
  const allowed = [
    ...decided.sources.map((source) => normalizeUrl(source.url)),
    ...remember(templateUrls, decided.text, TEMPLATE_CACHE_LIMIT, () => collectUrls(decided.text)),
  ];
  for (const url of collectUrls(candidate)) {
    const known = allowed.some((a) => a === url || (!url.includes('/') && a.split('/')[0] === url));
    if (!known) return url;
  }
  return null;
}

function findUnknownProject(decided: DecidedAnswer, names: NameIndex, candidate: string): string | null {
  const allowed = allowedProjectNames(decided, names);
  const said = toLooseText(candidate);
  const allowedSpans = names.names
    .filter(({ compact }) => allowed.has(compact))
    .flatMap(({ compact }) => findLooseSpansIn(said, compact));
  for (const { name, compact } of names.names) {
    if (allowed.has(compact)) continue;
    const stray = findLooseSpansIn(said, compact).find(
      ([start, end]) => !allowedSpans.some(([aStart, aEnd]) => aStart <= start && end <= aEnd),
    );
    if (stray !== undefined) return name;
  }
  return null;
}

/** Compact forms of the project names the answer may state: its own, and any its text or facts mention. */
function allowedProjectNames(decided: DecidedAnswer, names: NameIndex): ReadonlySet<string> {
  const sourceText = [decided.text, ...decided.facts].join('\n');
  return remember(allowedNameCache, `${names.id}\n${sourceText}`, 1024, () => {
    const source = toLooseText(sourceText);
    const allowed = new Set(names.projectCompacts);
    for (const { compact } of names.names) {
      if (findLooseSpansIn(source, compact).length > 0) allowed.add(compact);
    }
    return allowed;
  });
}

function findDroppedKeyFact(
  decided: DecidedAnswer,
  names: NameIndex,
  candidate: string,
  candidateTokens: readonly FactToken[],
): string | null {
  let candidateLetters: string | undefined;
  for (const keyFact of decided.keyFacts) {
    const keyTokens = decidedFacts(names, keyFact);
    const keyLetters = lettersOnly(keyFact);
    const isName = names.nameKeys.has(keyLetters) || keyTokens.length === 0;
    const present = isName
      ? (candidateLetters ??= lettersOnly(candidate)).includes(keyLetters)
      : keyTokens.every((token) => isKeyTokenPresent(token, candidateTokens));
    if (!present) return keyFact;
  }
  return null;
}

const OPPOSITE: Readonly<Record<VerdictSignal, readonly VerdictSignal[]>> = {
  allowed: ['not_allowed'],
  not_allowed: ['allowed'],
  unknown: ['allowed', 'not_allowed'],
};

function checkVerdict(decided: DecidedAnswer, candidate: string): string | null {
  if (decided.verdict === null) return null;
  const stated = detectVerdictSignals(candidate);
  if (!stated.has(decided.verdict)) return `does not state "${decided.verdict}"`;
  const templateSignals = remember(templateSignalCache, decided.text, TEMPLATE_CACHE_LIMIT, () =>
    detectVerdictSignals(decided.text),
  );
  for (const signal of stated) {
    if (signal === decided.verdict) continue;
    // The opposite is refused even when the template also has it: word order alone cannot show which clause it governs.
    if (OPPOSITE[decided.verdict].includes(signal)) return `also states "${signal}"`;
    if (!templateSignals.has(signal)) return `adds "${signal}"`;
  }
  return null;
}

/** Length in code points, the unit of `maxLength`. */
export function countCodePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        index += 1;
      }
    }
  }
  return count;
}

function reject(reason: FactLockReason, detail: string): FactLockResult {
  return { ok: false, reason, detail };
}

/**
 * Accepts a rewording only when it states exactly the decided answer's facts: no number, amount, date,
 * article, project name or URL that the answer lacks, every key fact kept, the same verdict, the reply
 * language, no mentions, and at most `maxLength` code points.
 */
export function checkRewording(
  decided: DecidedAnswer,
  candidate: string,
  opts: FactLockOptions,
): FactLockResult {
  const text = candidate.trim();
  if (text === '') return reject('empty', 'rewording is empty');
  const length = countCodePoints(text);
  if (length > opts.maxLength) return reject('too_long', `${length} > ${opts.maxLength} characters`);
  const mention = MENTION.exec(prepareText(text));
  if (mention !== null) return reject('mentions', `contains "${mention[0]}"`);
  const url = findNewUrl(decided, text);
  if (url !== null) return reject('new_url', `"${url}" is not a source of the answer`);
  const language = checkLanguage(decided, text);
  if (language !== null) return reject('wrong_language', `expected ${decided.language}: ${language}`);

  const names = nameIndexOf(decided);
  const allowed = indexAllowedFacts(
    [decided.text, ...decided.facts].flatMap((source) => decidedFacts(names, source)),
  );
  const candidateTokens = names.extract(text);
  const stray = candidateTokens.find((token) => !isAllowed(token, allowed));
  if (stray !== undefined) {
    return reject(
      reasonForToken(stray),
      `"${stray.raw.trim()}" (${stray.canonical}) is not in the decided answer`,
    );
  }
  const project = findUnknownProject(decided, names, text);
  if (project !== null) return reject('unknown_project', `"${project}" is not a project of this answer`);
  const dropped = findDroppedKeyFact(decided, names, text, candidateTokens);
  if (dropped !== null) return reject('dropped_key_fact', `key fact "${dropped}" is missing`);
  const verdict = checkVerdict(decided, text);
  if (verdict !== null) return reject('verdict_changed', verdict);
  return { ok: true };
}
